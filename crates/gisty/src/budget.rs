//! How long a summary may be.

use std::ops::{Bound, RangeBounds};

use crate::error::BuildError;

/// The length of a summary: a number of sentences, a share of the
/// document's sentences, a number of words or a number of characters;
/// optionally with limits on the length of each picked sentence.
///
/// Whatever the budget, a summary of a document that has a sentence is
/// never empty, and a budget larger than the document returns every
/// sentence. Sentences are never cut: a length budget picks whole
/// sentences until the next best one no longer fits.
///
/// ```
/// use gisty::Budget;
///
/// // At most 280 characters, from sentences of 5 to 40 words.
/// let budget = Budget::chars(280).sentence_words(5..=40)?;
/// # let _ = budget;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Budget {
    kind: Kind,
    /// Fewest words a picked sentence should have.
    #[cfg_attr(feature = "serde", serde(default))]
    min_words: usize,
    /// Most words a picked sentence should have.
    #[cfg_attr(feature = "serde", serde(default = "unlimited"))]
    max_words: usize,
}

#[cfg(feature = "serde")]
fn unlimited() -> usize {
    usize::MAX
}

#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
enum Kind {
    Sentences(usize),
    Ratio(f32),
    Words(usize),
    Chars(usize),
}

impl Budget {
    fn of(kind: Kind) -> Budget {
        Budget { kind, min_words: 0, max_words: usize::MAX }
    }

    /// At most `n` sentences (at least one: `0` counts as `1`).
    pub fn sentences(n: usize) -> Budget {
        Budget::of(Kind::Sentences(n.max(1)))
    }

    /// A share `r` of the document's sentences, rounded up.
    ///
    /// # Errors
    ///
    /// When `r` is not a number in `(0, 1]`.
    pub fn ratio(r: f32) -> Result<Budget, BuildError> {
        if r.is_finite() && r > 0.0 && r <= 1.0 {
            Ok(Budget::of(Kind::Ratio(r)))
        } else {
            Err(BuildError::out_of_range(
                "ratio",
                r.into(),
                "a number in (0, 1]",
            ))
        }
    }

    /// At most `n` words in all, counted as Unicode words; the best
    /// sentence is kept even when it alone is longer.
    pub fn words(n: usize) -> Budget {
        Budget::of(Kind::Words(n))
    }

    /// At most `n` characters (Unicode scalar values) in all, counted
    /// as the summary is displayed: each sentence with its runs of white
    /// space folded to one space, and one space between sentences.
    /// Sentences are never cut; the best sentence is kept even when it
    /// alone is longer.
    pub fn chars(n: usize) -> Budget {
        Budget::of(Kind::Chars(n))
    }

    /// Prefers sentences whose number of words is in `range`: only they
    /// are picked, unless no sentence of the document is in range, in
    /// which case the limits are set aside (a summary is never empty).
    ///
    /// ```
    /// use gisty::{Budget, Summarizer};
    ///
    /// let text = "Short one. This one has a few more words. Tiny.";
    /// let budget = Budget::sentences(1).sentence_words(4..)?;
    /// let summary = Summarizer::new().summarize(text, budget);
    /// assert_eq!(summary.to_string(), "This one has a few more words.");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `range` is empty.
    pub fn sentence_words(
        self,
        range: impl RangeBounds<usize>,
    ) -> Result<Budget, BuildError> {
        let min = match range.start_bound() {
            Bound::Included(&n) => n,
            Bound::Excluded(&n) => n.saturating_add(1),
            Bound::Unbounded => 0,
        };
        let max = match range.end_bound() {
            Bound::Included(&n) => Some(n),
            Bound::Excluded(&n) => n.checked_sub(1),
            Bound::Unbounded => Some(usize::MAX),
        };
        match max {
            Some(max) if min <= max => {
                Ok(Budget { min_words: min, max_words: max, ..self })
            }
            _ => Err(BuildError::out_of_range(
                "sentence words",
                min as f64,
                "a range that is not empty (min <= max)",
            )),
        }
    }

    /// How many sentences may be picked among `candidates`, or `None`
    /// when the budget counts words or characters.
    pub(crate) fn sentence_limit(&self, candidates: usize) -> Option<usize> {
        match self.kind {
            Kind::Sentences(n) => Some(n),
            Kind::Ratio(r) => {
                // `r` came as an f32: 0.2 is 0.2000000030, and 5 times
                // that must still round up to 1, not 2.
                let x = r as f64 * candidates as f64;
                let n = (x - x * 1e-6).ceil() as usize;
                Some(n.max(1))
            }
            Kind::Words(_) | Kind::Chars(_) => None,
        }
    }

    /// How many of `candidates` sentences the lead baseline takes, or
    /// `None` when the budget counts words or characters.
    ///
    /// Unlike [`sentence_limit`](Self::sentence_limit), a ratio is
    /// rounded up as the `f32` gives it, so that 0.2 of 10 sentences is
    /// 3 (0.2f32 is 0.2000000030): the lead of `gisty eval` has always
    /// counted so, and its scores are kept. (Aligning the two changes
    /// `gisty eval --ratio`'s lead scores.)
    pub(crate) fn lead_limit(&self, candidates: usize) -> Option<usize> {
        match self.kind {
            Kind::Ratio(r) => {
                Some(((r as f64 * candidates as f64).ceil() as usize).max(1))
            }
            _ => self.sentence_limit(candidates),
        }
    }

    /// The length limit, for a budget of words or characters: picks are
    /// added while the sum of their [`cost`](Self::cost)s stays within.
    pub(crate) fn length_limit(&self) -> Option<usize> {
        match self.kind {
            Kind::Words(n) | Kind::Chars(n) => Some(n),
            _ => None,
        }
    }

    /// What adding a sentence of `words` words and `chars` characters
    /// (see [`chars_of`](Self::chars_of)) costs against the length limit,
    /// after `picked` sentences: its words, or its characters and the
    /// space before it.
    pub(crate) fn cost(
        &self,
        words: usize,
        chars: usize,
        picked: usize,
    ) -> usize {
        match self.kind {
            Kind::Chars(_) => chars + usize::from(picked > 0),
            _ => words,
        }
    }

    /// The characters `sentence` counts for, when the budget counts
    /// characters; 0 otherwise (no need to count).
    pub(crate) fn chars_of(&self, sentence: &str) -> usize {
        match self.kind {
            Kind::Chars(_) => display_chars(sentence),
            _ => 0,
        }
    }

    /// Whether a sentence of `words` words is within the sentence length
    /// limits.
    pub(crate) fn admits(&self, words: usize) -> bool {
        (self.min_words..=self.max_words).contains(&words)
    }
}

impl Default for Budget {
    /// Three sentences.
    fn default() -> Budget {
        Budget::sentences(3)
    }
}

/// A budget as options name it, in one place for every front end (the
/// command line's flags, the browser's options, `gisty eval`): at most
/// one of `sentences`, `ratio`, `words` and `chars`, three sentences
/// when none is given, and optional limits on the words of each picked
/// sentence.
///
/// ```
/// use gisty::{Budget, BudgetOptions};
///
/// let options = BudgetOptions { words: Some(50), ..Default::default() };
/// assert_eq!(options.budget()?, Budget::words(50));
/// assert_eq!(BudgetOptions::default().budget()?, Budget::sentences(3));
/// let both = BudgetOptions { ratio: Some(0.2), ..options };
/// assert!(both.budget().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BudgetOptions {
    /// At most this many sentences ([`Budget::sentences`]).
    pub sentences: Option<usize>,
    /// This share of the sentences, in `(0, 1]` ([`Budget::ratio`]).
    pub ratio: Option<f32>,
    /// At most this many words in all ([`Budget::words`]).
    pub words: Option<usize>,
    /// At most this many characters in all ([`Budget::chars`]).
    pub chars: Option<usize>,
    /// Pick only sentences of at least this many words
    /// ([`Budget::sentence_words`]).
    pub min_words: Option<usize>,
    /// Pick only sentences of at most this many words
    /// ([`Budget::sentence_words`]).
    pub max_words: Option<usize>,
}

impl BudgetOptions {
    /// The budget the options describe.
    ///
    /// # Errors
    ///
    /// When more than one of `sentences`, `ratio`, `words` and `chars`
    /// is given; then when the ratio is out of range ([`Budget::ratio`]);
    /// then when `min_words` is above `max_words`.
    pub fn budget(&self) -> Result<Budget, BuildError> {
        let given = [
            self.sentences.is_some(),
            self.ratio.is_some(),
            self.words.is_some(),
            self.chars.is_some(),
        ];
        if given.into_iter().filter(|&g| g).count() > 1 {
            return Err(BuildError::exclusive(
                "sentences, ratio, words and chars",
            ));
        }
        let budget = match *self {
            BudgetOptions { sentences: Some(n), .. } => Budget::sentences(n),
            BudgetOptions { ratio: Some(r), .. } => Budget::ratio(r)?,
            BudgetOptions { words: Some(n), .. } => Budget::words(n),
            BudgetOptions { chars: Some(n), .. } => Budget::chars(n),
            _ => Budget::default(),
        };
        if self.min_words.is_none() && self.max_words.is_none() {
            return Ok(budget);
        }
        let min = self.min_words.unwrap_or(0);
        let max = self.max_words.unwrap_or(usize::MAX);
        budget.sentence_words(min..=max)
    }
}

/// The characters `sentence` takes in a displayed summary: its runs of
/// white space folded to one space, and none at either end.
pub(crate) fn display_chars(sentence: &str) -> usize {
    let mut n = 0;
    let mut gap = false;
    for c in sentence.trim().chars() {
        if c.is_whitespace() {
            gap = true;
        } else {
            n += 1 + usize::from(gap);
            gap = false;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_chars_table() {
        let rows = [
            ("", 0),
            ("   ", 0),
            ("One.", 4),
            ("  One  two. ", 8),
            ("Line\r\n  wrapped.", 13),
            ("Çà et là.", 9),
            ("日本語です。", 6),
        ];
        for (s, want) in rows {
            assert_eq!(display_chars(s), want, "{s:?}");
            // The same as the folded form's char count.
            let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(folded.chars().count(), want, "{s:?}");
        }
    }

    #[test]
    fn sentence_words_ranges() {
        let b = Budget::sentences(2);
        let (min, max) = (6, 5); // an empty range, as a user might give it
        let rows = [
            (b.sentence_words(..), Some((0, usize::MAX))),
            (b.sentence_words(3..), Some((3, usize::MAX))),
            (b.sentence_words(..=9), Some((0, 9))),
            (b.sentence_words(2..5), Some((2, 4))),
            (b.sentence_words(5..5), None),
            (b.sentence_words(min..=max), None),
        ];
        for (i, (got, want)) in rows.into_iter().enumerate() {
            let got = got.ok().map(|b| (b.min_words, b.max_words));
            assert_eq!(got, want, "row {i}");
        }
        assert!(b.sentence_words(3..=3).unwrap().admits(3));
        assert!(!b.sentence_words(3..=3).unwrap().admits(4));
        assert!(b.sentence_words(..0).is_err());
    }

    #[test]
    fn options_table() {
        let o = BudgetOptions::default;
        let five = 5; // an empty range, as a user might give it
        let rows = [
            (o(), Ok(Budget::sentences(3))),
            (
                BudgetOptions { sentences: Some(0), ..o() },
                Ok(Budget::sentences(1)),
            ),
            (BudgetOptions { ratio: Some(0.5), ..o() }, Budget::ratio(0.5)),
            (BudgetOptions { ratio: Some(1.5), ..o() }, Budget::ratio(1.5)),
            (BudgetOptions { words: Some(9), ..o() }, Ok(Budget::words(9))),
            (BudgetOptions { chars: Some(9), ..o() }, Ok(Budget::chars(9))),
            (
                BudgetOptions { chars: Some(9), min_words: Some(2), ..o() },
                Budget::chars(9).sentence_words(2..),
            ),
            (
                BudgetOptions {
                    min_words: Some(3),
                    max_words: Some(4),
                    ..o()
                },
                Budget::default().sentence_words(3..=4),
            ),
            (
                BudgetOptions {
                    min_words: Some(5),
                    max_words: Some(4),
                    ..o()
                },
                Budget::default().sentence_words(five..=4),
            ),
        ];
        for (i, (options, want)) in rows.into_iter().enumerate() {
            assert_eq!(options.budget(), want, "row {i}");
        }
        assert!(Budget::ratio(1.5).is_err());
        let two = BudgetOptions { words: Some(9), ratio: Some(1.5), ..o() };
        let e = two.budget().unwrap_err().to_string();
        assert!(e.contains("at most one"), "{e}");
    }

    #[test]
    fn lead_limit_rounds_the_f32_up() {
        let r = Budget::ratio(0.2).unwrap();
        assert_eq!(r.sentence_limit(10), Some(2));
        assert_eq!(r.lead_limit(10), Some(3));
        assert_eq!(r.lead_limit(0), Some(1));
        assert_eq!(Budget::sentences(4).lead_limit(2), Some(4));
        assert_eq!(Budget::words(4).lead_limit(2), None);
    }

    mod properties {
        use crate::{Budget, Summarizer};
        use proptest::prelude::*;

        /// Sentences of 1 to 12 words, some hard-wrapped.
        fn doc() -> impl Strategy<Value = String> {
            let sentence = (
                "[A-Z][a-z]{0,7}",
                prop::collection::vec("[a-z]{1,9}", 0..12),
                prop_oneof![Just(" "), Just("\n"), Just("  \n\n")],
            )
                .prop_map(|(first, rest, gap)| {
                    format!("{first} {}.{gap}", rest.join(" "))
                });
            prop::collection::vec(sentence, 0..12).prop_map(|v| v.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            #[test]
            fn chars_budget_holds_or_keeps_one(
                text in doc(),
                n in 0usize..200,
            ) {
                let summarizer = Summarizer::new();
                let s = summarizer.summarize(&text, Budget::chars(n));
                let has_sentence = !summarizer.sentences(&text).is_empty();
                prop_assert_eq!(s.is_empty(), !has_sentence);
                let shown = s.to_string().chars().count();
                prop_assert!(shown <= n || s.len() == 1, "{} > {}", shown, n);
                // Whole sentences only: each pick ends its sentence.
                for sentence in s.sentences() {
                    prop_assert!(sentence.ends_with('.'));
                }
            }

            #[test]
            fn sentence_words_are_met_or_set_aside(
                text in doc(),
                min in 0usize..8,
                span in 0usize..8,
            ) {
                let summarizer = Summarizer::new();
                let budget = Budget::sentences(3)
                    .sentence_words(min..=min + span)
                    .unwrap();
                let s = summarizer.summarize(&text, budget);
                let words = |t: &str| {
                    unicode_segmentation::UnicodeSegmentation::unicode_words(t)
                        .count()
                };
                let any_fits = summarizer
                    .sentences(&text)
                    .iter()
                    .any(|x| budget.admits(words(x.span.slice(&text))));
                for sentence in s.sentences() {
                    prop_assert!(!any_fits || budget.admits(words(sentence)));
                }
                let none = summarizer.sentences(&text).is_empty();
                prop_assert_eq!(s.is_empty(), none);
            }
        }
    }
}
