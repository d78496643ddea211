//! What a summary is made of.

use std::fmt;

use crate::lang::Language;
use crate::span::Span;

/// What each part contributed to a sentence's score.
///
/// `total = form * (1 + title) * (1 + 2 * focus) * mix^(1 - focus)`
/// with `mix = centrality^(1 - w) * position^w`, where `w` is the
/// summariser's position weight; see
/// [`SummarizerBuilder::position_weight`](crate::SummarizerBuilder::position_weight).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ScoreParts {
    /// TF-IDF weight of the sentence's terms, scaled so that the best
    /// sentence of the document has 1. Shown for explanation and used to
    /// choose the sentences of a very long document's graph; it does not
    /// enter the total.
    pub content: f32,
    /// LexRank centrality over the TF-IDF cosine similarities of the
    /// sentences, scaled so that the most central sentence has 1; 0 for
    /// a sentence without terms.
    pub centrality: f32,
    /// Position weight `1 / (rank + 1)`: 1 for the first sentence of
    /// text, 1/2 for the second, and so on.
    pub position: f32,
    /// Overlap with the title's terms, in `[0, 1]`; 0 without a title.
    pub title: f32,
    /// 1 for a sentence fit for a summary; a small factor for one that is
    /// too short or a question, picked only when nothing better is left.
    pub form: f32,
    /// The share of the focus terms the sentence holds, in `[0, 1]`; 0
    /// without a focus. See
    /// [`SummarizerBuilder::focus`](crate::SummarizerBuilder::focus).
    pub focus: f32,
}

/// A sentence picked for a summary.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Scored {
    /// Index of the sentence among all the document's sentences, as
    /// [`Splitter::split`](crate::Splitter::split) numbers them.
    pub index: usize,
    /// Where the sentence is in the text.
    pub span: Span,
    /// Its score: higher is better.
    pub score: f32,
    /// The parts of the score.
    pub parts: ScoreParts,
}

/// The summary of one text: picked sentences in document order.
///
/// `Display` writes the summary as one paragraph: the sentences joined by
/// one space, with the line breaks inside them folded to spaces.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary<'t> {
    pub(crate) text: &'t str,
    pub(crate) picks: Vec<Scored>,
    pub(crate) candidates: Vec<Scored>,
    pub(crate) total: usize,
    pub(crate) language: Option<Language>,
    pub(crate) language_detected: bool,
}

impl<'t> Summary<'t> {
    /// The picked sentences, in document order: exact slices of the text.
    pub fn sentences(&self) -> impl Iterator<Item = &'t str> + '_ {
        let text = self.text;
        self.picks.iter().map(move |p| p.span.slice(text))
    }

    /// The picked sentences with their spans and scores, in document
    /// order.
    pub fn scored(&self) -> &[Scored] {
        &self.picks
    }

    /// Every sentence that was scored, picked or not, in document order:
    /// what an explanation of the summary shows.
    pub fn candidates(&self) -> &[Scored] {
        &self.candidates
    }

    /// How many sentences (headings included) the document has.
    pub fn total_sentences(&self) -> usize {
        self.total
    }

    /// The number of picked sentences.
    pub fn len(&self) -> usize {
        self.picks.len()
    }

    /// True when nothing was picked: the text has no sentence.
    pub fn is_empty(&self) -> bool {
        self.picks.is_empty()
    }

    /// The text that was summarised.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The language the text was summarised in: the summariser's, or
    /// the detected one under
    /// [`language_auto`](crate::SummarizerBuilder::language_auto).
    /// `None` when the language could not be told and the text was
    /// summarised language-agnostically.
    pub fn language(&self) -> Option<Language> {
        self.language
    }

    /// True when [`language`](Self::language) was detected from the
    /// text rather than configured.
    pub fn language_detected(&self) -> bool {
        self.language_detected
    }
}

/// True when `s` is its own words joined by single spaces: no leading,
/// trailing or double space and no other whitespace, so that
/// `split_whitespace` would give back `s` in one run. A byte test with a
/// char test only for non-ASCII text; false may be said of some such
/// strings (any ASCII control byte), never true of one that is not.
fn single_spaced(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    // Two passes without early exits, which the compiler vectorises.
    let control = b.iter().fold(false, |bad, &c| bad | (c < b' '));
    let double = b
        .iter()
        .zip(b.iter().skip(1))
        .fold(false, |bad, (&x, &y)| bad | ((x == b' ') & (y == b' ')));
    !control
        && !double
        && (s.is_ascii()
            || !s.chars().any(|c| c.is_whitespace() && !c.is_ascii()))
}

impl fmt::Display for Summary<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The words joined by single spaces. Runs of words that are
        // already one ASCII space apart (most of a sentence) are written
        // whole, so that a writer that escapes (JSON) sees few pieces.
        let mut first = true;
        let mut piece = |f: &mut fmt::Formatter<'_>, words: &str| {
            if !first {
                f.write_str(" ")?;
            }
            first = false;
            f.write_str(words)
        };
        for s in self.sentences() {
            if single_spaced(s) {
                // Most sentences: one run, found without walking chars.
                if !s.is_empty() {
                    piece(f, s)?;
                }
                continue;
            }
            let mut run: Option<(usize, usize)> = None;
            for word in s.split_whitespace() {
                let start = word.as_ptr() as usize - s.as_ptr() as usize;
                let end = start + word.len();
                run = match run {
                    Some((a, e))
                        if start == e + 1 && s.as_bytes()[e] == b' ' =>
                    {
                        Some((a, end))
                    }
                    Some((a, e)) => {
                        piece(f, &s[a..e])?;
                        Some((start, end))
                    }
                    None => Some((start, end)),
                };
            }
            if let Some((a, e)) = run {
                piece(f, &s[a..e])?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::single_spaced;
    use proptest::prelude::*;

    fn joined(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn single_spaced_table() {
        let table = [
            ("", true),
            ("One.", true),
            ("Two words.", true),
            ("Caf\u{e9} \u{201c}quoted\u{201d} text.", true),
            (" lead", false),
            ("trail ", false),
            ("double  space", false),
            ("tab\there", false),
            ("line\nbreak", false),
            ("no\u{a0}break", false),
            ("ideographic\u{3000}space", false),
            ("thin\u{2009}space", false),
            ("line\u{2028}separator", false),
            ("control\u{1}byte", false),
        ];
        for (s, want) in table {
            assert_eq!(single_spaced(s), want, "{s:?}");
            if want {
                assert_eq!(joined(s), s, "{s:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn single_spaced_means_its_words_joined(s in "[a \\t\\n\u{a0}\u{2009}\u{3000}\u{e9}\u{1}]{0,12}") {
            if single_spaced(&s) {
                prop_assert_eq!(joined(&s), s);
            }
        }
    }
}
