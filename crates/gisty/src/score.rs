//! Sentence scores from term statistics: TF-IDF with the document's
//! sentences as the documents of IDF, and a position weight.

use crate::analyze::TermId;
use crate::summary::ScoreParts;

/// Inverse document frequency of a term found in `df` of `n` sentences:
/// `ln((n + 1) / df)`, positive even for a term found in every sentence.
pub(crate) fn idf(df: u32, n: u32) -> f32 {
    debug_assert!(df >= 1 && df <= n);
    ((n as f32 + 1.0) / df as f32).ln()
}

/// Position weight of the sentence at `rank` (0-based, among the
/// document's sentences of text): `1 / sqrt(rank + 1)`.
pub(crate) fn position(rank: usize) -> f32 {
    1.0 / ((rank + 1) as f32).sqrt()
}

/// Term statistics of one document, reused across documents.
#[derive(Debug, Default)]
pub(crate) struct Stats {
    /// Sentences containing the term, by term id.
    df: Vec<u32>,
    /// Occurrences in the document, by term id.
    tf: Vec<u32>,
    /// Term ids whose counts are not zero, to reset them cheaply.
    touched: Vec<TermId>,
}

impl Stats {
    /// Counts the terms of `sentences`, each a sorted run of term ids in
    /// `terms`. `vocab_len` bounds the ids.
    pub(crate) fn count(
        &mut self,
        terms: &[TermId],
        sentences: &[std::ops::Range<usize>],
        vocab_len: usize,
    ) {
        for t in self.touched.drain(..) {
            self.df[t.0 as usize] = 0;
            self.tf[t.0 as usize] = 0;
        }
        if self.df.len() < vocab_len {
            self.df.resize(vocab_len, 0);
            self.tf.resize(vocab_len, 0);
        }
        for r in sentences {
            for_each_run(&terms[r.clone()], |t, n| {
                let i = t.0 as usize;
                if self.tf[i] == 0 {
                    self.touched.push(t);
                }
                self.df[i] += 1;
                self.tf[i] += n;
            });
        }
    }

    /// The raw content score of one sentence (sorted term ids): the sum of
    /// `tf(t) * idf(t)` over its distinct terms, divided by the square
    /// root of their number so that long sentences do not win by length
    /// alone.
    pub(crate) fn content(&self, terms: &[TermId], n: u32) -> f32 {
        let mut sum = 0.0;
        let mut distinct = 0u32;
        for_each_run(terms, |t, _| {
            let i = t.0 as usize;
            sum += self.tf[i] as f32 * idf(self.df[i], n);
            distinct += 1;
        });
        if distinct == 0 { 0.0 } else { sum / (distinct as f32).sqrt() }
    }
}

/// Calls `f(term, count)` for each run of equal ids in sorted `terms`.
fn for_each_run(terms: &[TermId], mut f: impl FnMut(TermId, u32)) {
    let mut i = 0;
    while i < terms.len() {
        let t = terms[i];
        let mut j = i + 1;
        while j < terms.len() && terms[j] == t {
            j += 1;
        }
        f(t, (j - i) as u32);
        i = j;
    }
}

/// Combines the parts into a total with `position_weight` in `[0, 1]`:
/// the content score scaled by a factor that goes from 1 for the first
/// sentence down to `1 - position_weight` for the last ones, so that a
/// sentence with little content cannot win by its place alone.
pub(crate) fn total(parts: ScoreParts, position_weight: f32) -> f32 {
    parts.content * (1.0 - position_weight + position_weight * parts.position)
}
