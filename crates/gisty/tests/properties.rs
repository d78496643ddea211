//! Properties of the public API over arbitrary Unicode text, every
//! language and any budget: no panic; spans are char-boundary slices, in
//! order, not overlapping; a summary is a subsequence of the document's
//! sentences within its budget; the same input gives the same output,
//! whatever the scratch space held and however many threads share the
//! summariser.

use gisty::{Budget, Language, Scratch, Sentence, Summarizer, Summary};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// Text made of pieces that stress each stage, and of any characters.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        // Any character at all, and runs of any characters.
        4 => any::<char>().prop_map(String::from),
        2 => "\\PC{0,12}",
        // Words, sentences, terminators.
        4 => "[a-zA-Z]{1,10} ",
        2 => "[A-Z][a-z]{0,8}[.!?] ",
        1 => prop::sample::select(vec![
            "Mr. ", "U.S. ", "e.g. ", "J. R. R. ", "...", "?!", "。", "؟",
            "।", "…", " ", "\t",
        ])
        .prop_map(String::from),
        // Line structure: breaks, blank lines, CRLF, list items.
        2 => prop::sample::select(vec!["\n", "\n\n", "\r\n", "\r", "- ", "1. "])
            .prop_map(String::from),
        // Quotes, brackets, control characters, marks, other scripts.
        1 => prop::sample::select(vec![
            "“", "”", "\"", "'", "(", ")", "[", "]", "«", "»", "\0", "\u{7}",
            "\u{1b}", "\u{85}", "\u{2028}", "\u{2029}", "\u{200f}",
            "\u{202e}", "\u{feff}", "\u{301}", "שלום. ", "مرحبا. ",
            "日本語", "Ελληνικά. ", "👩‍👩‍👧", "\u{fffd}",
        ])
        .prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// A budget as the CLI could ask for it: any count, any ratio (invalid
/// ones are configuration errors), any word count.
#[derive(Clone, Copy, Debug)]
enum AnyBudget {
    Sentences(usize),
    Ratio(f32),
    Words(usize),
}

fn budget() -> impl Strategy<Value = AnyBudget> {
    prop_oneof![
        (0usize..8).prop_map(AnyBudget::Sentences),
        Just(AnyBudget::Sentences(usize::MAX)),
        any::<f32>().prop_map(AnyBudget::Ratio),
        (0.0f32..=1.0).prop_map(AnyBudget::Ratio),
        (0usize..60).prop_map(AnyBudget::Words),
        Just(AnyBudget::Words(usize::MAX)),
    ]
}

fn language() -> impl Strategy<Value = Language> {
    prop::sample::select(Language::ALL.to_vec())
}

/// Spans: non-empty, char-boundary slices of `text`, in order, not
/// overlapping.
fn check_spans(text: &str, sentences: &[Sentence]) {
    let mut last_end = 0;
    for s in sentences {
        let span = s.span;
        assert!(span.start < span.end, "empty span {span:?}");
        assert!(span.start >= last_end, "overlap or disorder at {span:?}");
        assert!(span.get(text).is_some(), "not a slice: {span:?}");
        last_end = span.end;
    }
}

/// The summary against the document's sentences and the budget.
fn check_summary(
    text: &str,
    sentences: &[Sentence],
    budget: AnyBudget,
    summary: &Summary<'_>,
) {
    assert_eq!(summary.total_sentences(), sentences.len());
    let mut last = None;
    let mut words = 0;
    for p in summary.scored() {
        // A subsequence of the sentences: each pick is the sentence at
        // its index, with a larger index than the pick before it.
        assert!(last < Some(p.index), "not in document order");
        last = Some(p.index);
        assert_eq!(sentences[p.index].span, p.span, "not that sentence");
        assert!(p.score.is_finite(), "score {}", p.score);
        words += p.span.slice(text).unicode_words().count();
    }
    let has_words = sentences
        .iter()
        .any(|s| s.span.slice(text).unicode_words().next().is_some());
    assert_eq!(summary.is_empty(), !has_words, "empty iff nothing to pick");
    let n = summary.len();
    match budget {
        AnyBudget::Sentences(k) => assert!(n <= k.max(1), "{n} > {k}"),
        AnyBudget::Ratio(r) => {
            let k = (f64::from(r) * sentences.len() as f64).ceil() as usize;
            assert!(n <= k.max(1), "{n} > ceil({r} * {})", sentences.len());
        }
        AnyBudget::Words(k) => {
            assert!(n <= 1 || words <= k, "{words} words > {k}")
        }
    }
    // Display is the picked sentences, nothing else.
    let shown = summary.to_string();
    for s in summary.sentences() {
        for w in s.split_whitespace() {
            assert!(shown.contains(w), "{w:?} not in {shown:?}");
        }
    }
    // Exactly their words, joined by single spaces.
    let words: Vec<&str> =
        summary.sentences().flat_map(str::split_whitespace).collect();
    assert_eq!(shown, words.join(" "));
}

fn to_budget(b: AnyBudget) -> Option<Budget> {
    match b {
        AnyBudget::Sentences(n) => Some(Budget::sentences(n)),
        AnyBudget::Words(n) => Some(Budget::words(n)),
        AnyBudget::Ratio(r) => {
            let got = Budget::ratio(r);
            // Configuration fails exactly for ratios outside (0, 1].
            assert_eq!(got.is_ok(), r > 0.0 && r <= 1.0, "ratio {r}");
            got.ok()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_any_language_any_budget(
        text in text(),
        language in language(),
        budget in budget(),
    ) {
        let summarizer = Summarizer::builder()
            .language(language)
            .build()
            .unwrap();
        let sentences = summarizer.sentences(&text);
        check_spans(&text, &sentences);
        prop_assert_eq!(&gisty::split(&text, language), &sentences);
        if let Some(b) = to_budget(budget) {
            let summary = summarizer.summarize(&text, b);
            check_summary(&text, &sentences, budget, &summary);
        }
    }

    #[test]
    fn any_string(text in any::<String>(), budget in budget()) {
        let summarizer = Summarizer::new();
        let sentences = summarizer.sentences(&text);
        check_spans(&text, &sentences);
        if let Some(b) = to_budget(budget) {
            let summary = summarizer.summarize(&text, b);
            check_summary(&text, &sentences, budget, &summary);
        }
    }

    /// A batch gives the same summaries with one thread or several, with
    /// fresh or reused scratch space, in any order of documents: the same
    /// picks, and scores equal up to float rounding.
    #[test]
    fn same_input_same_output_whatever_the_threads(
        docs in prop::collection::vec(text(), 1..12),
        n in 1usize..5,
        threads in 2usize..5,
    ) {
        let runs = batch_runs(&docs, Budget::sentences(n), threads);
        for run in &runs[1..] {
            for (a, b) in run.iter().zip(&runs[0]) {
                prop_assert_eq!(picks(a), picks(b));
                for (x, y) in a.scored().iter().zip(b.scored()) {
                    let tolerance = 1e-5 * x.score.abs().max(1.0);
                    prop_assert!((x.score - y.score).abs() <= tolerance);
                }
            }
        }
    }

    /// The same, bit for bit: the scores of a document must not depend
    /// on the documents a scratch space saw before it.
    #[test]
    fn same_input_same_output_bit_for_bit(
        docs in prop::collection::vec(text(), 1..12),
        n in 1usize..5,
        threads in 2usize..5,
    ) {
        let runs = batch_runs(&docs, Budget::sentences(n), threads);
        for run in &runs[1..] {
            prop_assert_eq!(run, &runs[0]);
        }
    }
}

fn picks(s: &Summary<'_>) -> Vec<(usize, gisty::Span)> {
    s.scored().iter().map(|p| (p.index, p.span)).collect()
}

/// Summaries of `docs` three ways: each with fresh scratch space; on one
/// thread with one scratch space, documents backwards; on `threads`
/// threads, each with a clone of the summariser and its own scratch,
/// documents round-robin.
fn batch_runs<'t>(
    docs: &'t [String],
    budget: Budget,
    threads: usize,
) -> [Vec<Summary<'t>>; 3] {
    let summarizer = Summarizer::new();
    let fresh: Vec<Summary<'t>> =
        docs.iter().map(|d| summarizer.summarize(d, budget)).collect();
    let mut scratch = Scratch::new();
    let mut backwards: Vec<Summary<'t>> = docs
        .iter()
        .rev()
        .map(|d| summarizer.summarize_with(&mut scratch, d, budget))
        .collect();
    backwards.reverse();
    let mut threaded: Vec<Option<Summary<'t>>> = vec![None; docs.len()];
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let summarizer = summarizer.clone();
                s.spawn(move || {
                    let mut scratch = Scratch::new();
                    (t..docs.len())
                        .step_by(threads)
                        .map(|i| {
                            let d = &docs[i];
                            (
                                i,
                                summarizer.summarize_with(
                                    &mut scratch,
                                    d,
                                    budget,
                                ),
                            )
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            for (i, sum) in h.join().unwrap() {
                threaded[i] = Some(sum);
            }
        }
    });
    let threaded = threaded.into_iter().map(Option::unwrap).collect();
    [fresh, backwards, threaded]
}
