//! Baselines to measure summaries against.

use unicode_segmentation::UnicodeSegmentation;

use crate::budget::Budget;
use crate::segment::{Sentence, SentenceKind};

/// The lead baseline: the document's first sentences, as many as
/// `budget` allows, in order. `sentences` are the sentences of `text`
/// (from [`Summarizer::sentences`](crate::Summarizer::sentences) or
/// [`split`](crate::split)).
///
/// Headings are passed over unless the document has nothing else, as
/// the summariser does. The budget counts as it does for a summary: `n`
/// sentences, a share of the sentences rounded up, or the longest run
/// from the start within the words (Unicode words) or characters (as
/// displayed: white space folded, one space between sentences), at least
/// one sentence. The budget's limits on the words of each sentence are
/// not applied: the lead is the document's opening as it stands.
///
/// ```
/// use gisty::{Budget, Language, lead, split};
///
/// let text = "Title\n\nOne two three. Four five. Six seven eight nine.";
/// let sentences = split(text, Language::English);
/// let picked: Vec<&str> = lead(&sentences, text, Budget::words(5))
///     .map(|s| s.span.slice(text))
///     .collect();
/// assert_eq!(picked, ["One two three.", "Four five."]);
/// ```
pub fn lead<'s>(
    sentences: &'s [Sentence],
    text: &str,
    budget: Budget,
) -> impl Iterator<Item = &'s Sentence> {
    let has_text = sentences.iter().any(|s| s.kind == SentenceKind::Text);
    let eligible =
        move |s: &&Sentence| !has_text || s.kind == SentenceKind::Text;
    let candidates = sentences.iter().filter(eligible).count();
    let k = match budget.lead_limit(candidates) {
        Some(k) => k,
        None => {
            let limit = budget.length_limit().unwrap_or(usize::MAX);
            let mut used = 0usize;
            let fit = sentences
                .iter()
                .filter(eligible)
                .enumerate()
                .take_while(|(picked, s)| {
                    let slice = s.span.slice(text);
                    let words = slice.unicode_words().count();
                    let chars = budget.chars_of(slice);
                    used = used
                        .saturating_add(budget.cost(words, chars, *picked));
                    used <= limit
                })
                .count();
            fit.max(1)
        }
    };
    sentences.iter().filter(eligible).take(k)
}

#[cfg(test)]
mod tests {
    use crate::{Budget, Language, split};

    use super::lead;

    #[test]
    fn lead_follows_the_budget() {
        let text = "Title\n\nOne two three. Four five. Six seven eight nine.";
        let sents = split(text, Language::English);
        let lead = |b: Budget| -> Vec<&str> {
            lead(&sents, text, b).map(|s| s.span.slice(text)).collect()
        };
        let ratio = |r| Budget::ratio(r).unwrap();
        assert_eq!(
            lead(Budget::sentences(2)),
            ["One two three.", "Four five."]
        );
        assert_eq!(lead(Budget::default()).len(), 3);
        assert_eq!(lead(ratio(0.5)).len(), 2);
        assert_eq!(lead(ratio(0.01)).len(), 1);
        assert_eq!(lead(Budget::words(5)).len(), 2);
        assert_eq!(lead(Budget::words(1)), ["One two three."]);
        // 14 + 1 + 10 = 25 characters as printed.
        assert_eq!(lead(Budget::chars(25)).len(), 2);
        assert_eq!(lead(Budget::chars(24)).len(), 1);
        assert_eq!(lead(Budget::chars(0)).len(), 1);
        // Headings only: they stand in.
        let titles = "Title\n\nAnother title\n";
        let sents = split(titles, Language::English);
        assert_eq!(
            super::lead(&sents, titles, Budget::sentences(5)).count(),
            2
        );
        assert_eq!(super::lead(&[], "", Budget::default()).count(), 0);
    }
}
