//! The summariser on arbitrary text and options: configuration fails
//! only with a `BuildError`, text never fails and never panics; the
//! summary is a subsequence of the document's sentences, in order,
//! within its budget; a reused scratch space gives the same summary as a
//! fresh one.
#![no_main]

use std::sync::Mutex;

use arbitrary::Arbitrary;
use gisty::{Budget, Language, Scratch, Summarizer};
use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;

#[derive(Arbitrary, Debug)]
enum BudgetChoice {
    Sentences(u16),
    Ratio(f32),
    Words(u16),
}

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    language: u8,
    /// Any float, NaN and out-of-range values included.
    position_weight: Option<f32>,
    budget: BudgetChoice,
    stop_words: Vec<&'a str>,
    /// The rest of the input.
    text: &'a str,
}

/// Scratch space carried from one input to the next, as a batch does.
static SCRATCH: Mutex<Option<Scratch>> = Mutex::new(None);

fuzz_target!(|input: Input<'_>| {
    let language = Language::ALL[input.language as usize % Language::ALL.len()];
    let mut builder = Summarizer::builder();
    builder.language(language).stop_words(input.stop_words.iter().take(8));
    if let Some(w) = input.position_weight {
        builder.position_weight(w);
    }
    let summarizer = match builder.build() {
        Ok(s) => s,
        Err(e) => {
            let w = input.position_weight.expect("the default is valid");
            assert!(!(0.0..=1.0).contains(&w), "{w} refused: {e}");
            return;
        }
    };
    let budget = match input.budget {
        BudgetChoice::Sentences(n) => Budget::sentences(n.into()),
        BudgetChoice::Words(n) => Budget::words(n.into()),
        BudgetChoice::Ratio(r) => match Budget::ratio(r) {
            Ok(b) => b,
            Err(_) => {
                assert!(!(r > 0.0 && r <= 1.0), "{r} refused");
                return;
            }
        },
    };
    let text = input.text;
    let sentences = summarizer.sentences(text);
    let summary = summarizer.summarize(text, budget);
    assert_eq!(summary.total_sentences(), sentences.len());
    let mut last = None;
    let mut words = 0;
    for p in summary.scored() {
        assert!(last < Some(p.index), "not in document order");
        last = Some(p.index);
        assert_eq!(sentences[p.index].span, p.span, "not a sentence");
        assert!(p.span.get(text).is_some(), "not a slice");
        assert!(p.score.is_finite(), "score {}", p.score);
        words += p.span.slice(text).unicode_words().count();
    }
    if !sentences.is_empty() && summary.is_empty() {
        let wordless = sentences
            .iter()
            .all(|s| s.span.slice(text).unicode_words().next().is_none());
        assert!(wordless, "empty summary of a document with words");
    }
    let n = summary.len();
    match input.budget {
        BudgetChoice::Sentences(k) => assert!(n <= usize::from(k).max(1)),
        BudgetChoice::Ratio(r) => {
            let k = (f64::from(r) * sentences.len() as f64).ceil() as usize;
            assert!(n <= k.max(1), "{n} > ceil({r} * {})", sentences.len());
        }
        BudgetChoice::Words(k) => {
            assert!(n <= 1 || words <= usize::from(k), "{words} > {k}")
        }
    }
    let _ = summary.to_string();
    let mut guard = SCRATCH.lock().unwrap_or_else(|e| e.into_inner());
    let scratch = guard.get_or_insert_with(Scratch::new);
    let again = summarizer.summarize_with(scratch, text, budget);
    // The same picks; scores equal up to float rounding (bit for bit
    // once term ids are per document: see tests/regression.rs).
    let picks = |s: &gisty::Summary<'_>| -> Vec<_> {
        s.scored().iter().map(|p| (p.index, p.span)).collect()
    };
    assert_eq!(picks(&again), picks(&summary), "a reused scratch changed the picks");
    for (a, b) in again.scored().iter().zip(summary.scored()) {
        assert!((a.score - b.score).abs() <= 1e-5 * a.score.abs().max(1.0));
    }
});
