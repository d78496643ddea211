//! Crate-level tests: thread-safety and end-to-end behaviour.

use crate::*;

#[test]
fn public_types_are_send_sync_unwind_safe() {
    fn assert_all<
        T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe,
    >() {
    }
    assert_all::<Summarizer>();
    assert_all::<SummarizerBuilder>();
    assert_all::<Splitter>();
    assert_all::<Budget>();
    assert_all::<BuildError>();
    assert_all::<Summary<'static>>();
    assert_all::<Scratch>();
}

mod properties {
    use crate::*;
    use proptest::prelude::*;

    /// Text with the characters that stress splitting: terminators,
    /// quotes, brackets, line breaks, other scripts, combining marks.
    fn texty() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("Mr. ".to_string()),
            Just("U.S. ".to_string()),
            Just("e.g. ".to_string()),
            Just(". ".to_string()),
            Just("?! ".to_string()),
            Just("...".to_string()),
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just("\r\n".to_string()),
            Just("“Why?” ".to_string()),
            Just("(see p. 5) ".to_string()),
            Just("3.14 ".to_string()),
            Just("日本語。".to_string()),
            Just("e\u{301} ".to_string()),
            Just("\u{200f}\u{feff}\u{0}".to_string()),
            "[a-zA-Z]{1,8} ",
            "[A-Z][a-z]{0,6}",
            any::<char>().prop_map(|c| c.to_string()),
        ];
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    fn check_sentences(text: &str, sentences: &[Sentence]) {
        let mut last_end = 0;
        for s in sentences {
            let span = s.span;
            assert!(span.start < span.end, "empty span {span:?}");
            assert!(span.start >= last_end, "overlap at {span:?}");
            let piece = span.get(text).expect("span on char boundaries");
            assert_eq!(piece.trim(), piece, "span not trimmed: {piece:?}");
            last_end = span.end;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn split_spans_are_ordered_trimmed_slices(text in texty()) {
            check_sentences(&text, &split(&text, Language::English));
        }

        #[test]
        fn split_any_string(text in any::<String>()) {
            check_sentences(&text, &split(&text, Language::English));
        }

        #[test]
        fn summary_is_a_subsequence_of_the_sentences(
            text in texty(),
            n in 1usize..6,
            words in 0usize..40,
            ratio in 0.01f32..=1.0,
        ) {
            let summarizer = Summarizer::new();
            let sentences = summarizer.sentences(&text);
            let mut scratch = Scratch::new();
            for budget in [
                Budget::sentences(n),
                Budget::words(words),
                Budget::ratio(ratio).unwrap(),
            ] {
                let summary =
                    summarizer.summarize_with(&mut scratch, &text, budget);
                prop_assert_eq!(summary.total_sentences(), sentences.len());
                let has_words = sentences.iter().any(|s| {
                    s.span.slice(&text).chars().any(char::is_alphanumeric)
                });
                prop_assert_eq!(summary.is_empty(), !has_words);
                let mut last = None;
                for p in summary.scored() {
                    prop_assert!(last < Some(p.index), "not in order");
                    last = Some(p.index);
                    prop_assert_eq!(sentences[p.index].span, p.span);
                    prop_assert!(p.score.is_finite());
                }
                if let Some(limit) = budget_sentences(budget, &summary) {
                    prop_assert!(summary.len() <= limit);
                }
                // Same input, same output, whatever the scratch held.
                let again = summarizer.summarize(&text, budget);
                prop_assert_eq!(&again, &summary);
            }
        }
    }

    fn budget_sentences(b: Budget, s: &Summary<'_>) -> Option<usize> {
        b.sentence_limit(s.total_sentences())
    }
}

/// End-to-end behaviour on small documents written for these tests.
mod behaviour {
    use crate::*;

    const NEWS: &str = "\
Harbour Bridge Reopens

The harbour bridge reopened to traffic on Monday after a two-year repair \
that cost the city $40 million. Engineers replaced the bridge's cables \
and resurfaced its deck. Dr. Ana Ruiz, who led the repair, said the \
bridge would last another fifty years. Drivers cheered as the first cars \
crossed the bridge. The weather was cold.

Previous Article
Next Article";

    #[test]
    fn headings_are_never_picked() {
        let s = Summarizer::new().summarize(NEWS, Budget::sentences(10));
        assert_eq!(s.len(), 5);
        for t in s.sentences() {
            assert!(!t.contains("Article") && !t.contains("Reopens"), "{t}");
        }
        assert_eq!(s.total_sentences(), 8);
    }

    #[test]
    fn picks_come_in_document_order() {
        let s = Summarizer::new().summarize(NEWS, Budget::sentences(3));
        let idx: Vec<usize> = s.scored().iter().map(|p| p.index).collect();
        let mut sorted = idx.clone();
        sorted.sort();
        assert_eq!(idx, sorted);
        assert_eq!(idx.len(), 3);
    }

    #[test]
    fn display_folds_white_space() {
        let text = "First line of a\nwrapped sentence. Second.";
        let s = Summarizer::new().summarize(text, Budget::sentences(2));
        assert_eq!(s.to_string(), "First line of a wrapped sentence. Second.");
    }

    #[test]
    fn titles_alone_still_summarise() {
        let s = Summarizer::new()
            .summarize("Just A Title\n\nAnother Title", Budget::sentences(1));
        assert_eq!(s.len(), 1);
    }

    #[test]
    fn nothing_to_summarise() {
        for text in ["", "   ", "\n\n", "... !!! ???", "\u{feff}"] {
            let s = Summarizer::new().summarize(text, Budget::sentences(3));
            assert!(s.is_empty(), "{text:?}");
            assert_eq!(s.to_string(), "");
        }
    }

    #[test]
    fn bad_configuration_is_an_error() {
        for w in [-0.1, 1.5, f32::NAN, f32::INFINITY] {
            let e = Summarizer::builder().position_weight(w).build();
            assert!(e.is_err(), "{w}");
        }
        for r in [0.0, -1.0, 1.01, f32::NAN] {
            let e = Budget::ratio(r).unwrap_err();
            assert!(e.to_string().contains("ratio"), "{e}");
        }
    }

    #[test]
    fn extra_stop_words_change_the_terms() {
        let text = "Zebras, zebras and zebras. Lions sleep here.";
        let plain = Summarizer::new().summarize(text, Budget::sentences(1));
        assert_eq!(plain.scored()[0].index, 0);
        let s = Summarizer::builder()
            .stop_words(["ZEBRAS"])
            .build()
            .unwrap()
            .summarize(text, Budget::sentences(1));
        assert_eq!(s.scored()[0].index, 1);
    }

    #[test]
    fn a_huge_document_stays_fast() {
        // 20,000 sentences: the graph keeps only the best few hundred.
        let text: String = (0..20_000)
            .map(|i| {
                format!("Sentence {i} tells of topic{} and more. ", i % 97)
            })
            .collect();
        let start = std::time::Instant::now();
        let s = Summarizer::new().summarize(&text, Budget::sentences(3));
        assert_eq!(s.len(), 3);
        assert_eq!(s.candidates().len(), 20_000);
        assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
    }

    #[test]
    fn presets_and_titles() {
        let text = "\
The mayor opened a new library downtown on Monday morning. \
Residents praised the library and its long opening hours. \
The city council approved a budget for the harbour bridge repair.";
        let news = Summarizer::new().summarize(text, Budget::sentences(1));
        assert_eq!(news.scored()[0].index, 0);
        let titled = Summarizer::new().summarize_titled(
            text,
            "Council approves harbour bridge budget",
            Budget::sentences(1),
        );
        // The title multiplies a score by (1 + title overlap).
        let (plain, with) = (&news.candidates()[2], &titled.candidates()[2]);
        assert!(with.parts.title > 0.5);
        let want = plain.score * (1.0 + with.parts.title);
        assert!((with.score - want).abs() < 1e-5);
        let central = Summarizer::builder()
            .preset(Preset::Centrality)
            .build()
            .unwrap()
            .summarize(text, Budget::sentences(1));
        // Without position, the two sentences on the library tie.
        let c = central.candidates();
        assert_eq!(c[0].score, c[1].score);
        assert!(Summarizer::builder().redundancy(0.0).build().is_err());
        assert!(Summarizer::builder().redundancy(1.0).build().is_ok());
    }
}
