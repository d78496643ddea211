//! Focus: favouring the sentences about some given words.
//!
//! The focus words go through the same analysis as the text (lowercase,
//! stop words, stems), so "elections" finds "election" and "Elected".
//! A sentence's score is multiplied by `1 + FOCUS_WEIGHT * coverage`,
//! where `coverage` is the share of the distinct focus terms that the
//! sentence contains, and its mix of centrality and position is raised
//! to `1 - coverage` (see `score::total`): a sentence holding every focus
//! term is judged by the focus alone, wherever it stands.

use crate::analyze::TermId;

/// How much a sentence holding every focus term gains: its score is
/// multiplied by up to `1 + FOCUS_WEIGHT`.
pub(crate) const FOCUS_WEIGHT: f32 = 2.0;

/// The factor a sentence's score is multiplied by: `1` without focus
/// terms. `sentence` and `focus` are sorted, `focus` without repeats.
#[cfg(test)]
pub(crate) fn factor(sentence: &[TermId], focus: &[TermId]) -> f32 {
    1.0 + FOCUS_WEIGHT * coverage(sentence, focus)
}

/// The share of the distinct `focus` terms found in `sentence`, in
/// `[0, 1]`; 0 without focus terms. Both sorted, `focus` without repeats.
/// It is the `focus` part of a sentence's
/// [`ScoreParts`](crate::ScoreParts).
pub(crate) fn coverage(sentence: &[TermId], focus: &[TermId]) -> f32 {
    if focus.is_empty() {
        return 0.0;
    }
    let mut found = 0usize;
    let mut rest = sentence;
    for f in focus {
        match rest.binary_search(f) {
            Ok(i) => {
                found += 1;
                rest = &rest[i..];
            }
            Err(i) => rest = &rest[i..],
        }
    }
    found as f32 / focus.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[u32]) -> Vec<TermId> {
        v.iter().map(|&i| TermId(i)).collect()
    }

    #[test]
    fn factor_table() {
        // (sentence terms, focus terms, factor)
        let rows: &[(&[u32], &[u32], f32)] = &[
            (&[1, 2, 3], &[], 1.0),
            (&[], &[1], 1.0),
            (&[1, 2, 3], &[4], 1.0),
            (&[1, 2, 3], &[2], 1.0 + FOCUS_WEIGHT),
            (&[1, 1, 2, 2], &[2, 5], 1.0 + FOCUS_WEIGHT / 2.0),
            (&[1, 3, 5, 7], &[1, 5, 7, 9], 1.0 + FOCUS_WEIGHT * 0.75),
            (&[0, 9], &[0, 9], 1.0 + FOCUS_WEIGHT),
        ];
        for (sentence, focus, want) in rows {
            let got = factor(&ids(sentence), &ids(focus));
            assert!((got - want).abs() < 1e-6, "{sentence:?} {focus:?}");
        }
    }

    /// The merge walk agrees with a naive count.
    #[test]
    fn factor_matches_naive() {
        let sentence = ids(&[0, 2, 2, 4, 6, 8, 10, 12]);
        for mask in 0u32..64 {
            let focus: Vec<TermId> =
                (0..6).filter(|b| mask & (1 << b) != 0).map(TermId).collect();
            if focus.is_empty() {
                continue;
            }
            let found =
                focus.iter().filter(|f| sentence.contains(f)).count() as f32;
            let want = 1.0 + FOCUS_WEIGHT * found / focus.len() as f32;
            assert!((factor(&sentence, &focus) - want).abs() < 1e-6);
        }
    }

    #[test]
    fn focus_without_terms_is_an_error() {
        use crate::Summarizer;
        for (focus, ok) in [
            ("", true),
            ("  ", true),
            ("the of 2023 !", false),
            ("parks", true),
        ] {
            let got = Summarizer::builder().focus(focus).build();
            assert_eq!(got.is_ok(), ok, "{focus:?}");
            if let Err(e) = got {
                assert!(e.to_string().contains(focus), "{e}");
            }
        }
    }

    mod properties {
        use crate::{Budget, Summarizer};
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            /// Any focus builds or fails with an error, never a panic, and
            /// a built one summarises any text into valid spans.
            #[test]
            fn any_focus_is_safe(
                focus in any::<String>(),
                text in any::<String>(),
            ) {
                let built = Summarizer::builder().focus(&focus).build();
                let Ok(summarizer) = built else {
                    return Ok(());
                };
                let s = summarizer.summarize(&text, Budget::sentences(2));
                for p in s.scored() {
                    prop_assert!(p.span.get(&text).is_some());
                }
            }

            /// A sentence holding the focus word is picked first, wherever
            /// it is in the document.
            #[test]
            fn focus_word_wins(at in 0usize..6) {
                let mut sentences: Vec<String> = (0..6)
                    .map(|i| format!("Line {i} is about budgets and roads."))
                    .collect();
                // Six words or more: shorter sentences are demoted.
                sentences[at] =
                    "This sentence is about zebras and roads.".to_string();
                let text = sentences.join(" ");
                let summarizer =
                    Summarizer::builder().focus("Zebra").build().unwrap();
                let s = summarizer.summarize(&text, Budget::sentences(1));
                prop_assert_eq!(s.to_string(), sentences[at].clone());
            }
        }
    }
}
