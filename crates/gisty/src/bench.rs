//! Thin wrappers around the pipeline's internal stages, for the criterion
//! benchmarks in `benches/` and the allocation tests. Not part of the
//! API: hidden from the docs, and may change in any release.

use std::ops::Range;

use crate::analyze::{TermId, Vocab};
use crate::budget::Budget;
use crate::score::Stats;
use crate::segment::{Sentence, SentenceKind};
use crate::select::{self, Candidate};
use crate::summarizer::{Scratch, Summarizer};
use crate::summary::Summary;

/// Calls `f(offset, word)` for each word of `text`: the words of
/// `unicode_word_indices`, with the ASCII fast path.
pub fn for_each_word<'t>(text: &'t str, f: impl FnMut(usize, &'t str)) {
    crate::analyze::for_each_word(text, f)
}

/// The terms stage: sentences -> term ids, with a reused vocabulary.
#[derive(Debug, Default)]
pub struct Terms {
    vocab: Vocab,
    terms: Vec<TermId>,
    ranges: Vec<Range<usize>>,
}

impl Terms {
    /// An empty vocabulary.
    pub fn new() -> Terms {
        Terms::default()
    }

    /// Analyses the sentences of text of `text` as `summarizer` does;
    /// returns the number of terms and of distinct terms.
    pub fn run(
        &mut self,
        summarizer: &Summarizer,
        text: &str,
        sentences: &[Sentence],
    ) -> (usize, usize) {
        let analysis = summarizer.analysis();
        self.vocab.prepare(analysis);
        self.terms.clear();
        self.ranges.clear();
        for s in sentences.iter().filter(|s| s.kind == SentenceKind::Text) {
            let start = self.terms.len();
            self.vocab.analyze(analysis, s.span.slice(text), &mut self.terms);
            self.terms[start..].sort_unstable();
            self.ranges.push(start..self.terms.len());
        }
        (self.terms.len(), self.vocab.len())
    }

    /// The scoring loop over the terms of the last [`run`](Self::run):
    /// counts, then each sentence's content score; returns their sum.
    pub fn score(&self, stats: &mut Scoring) -> f32 {
        stats.stats.count(&self.terms, &self.ranges, self.vocab.len());
        let n = self.ranges.len() as u32;
        self.ranges
            .iter()
            .map(|r| stats.stats.content(&self.terms[r.clone()], n))
            .sum()
    }
}

/// Reused buffers of the scoring loop.
#[derive(Debug, Default)]
pub struct Scoring {
    stats: Stats,
}

impl Scoring {
    /// Empty buffers.
    pub fn new() -> Scoring {
        Scoring::default()
    }
}

/// The selection stage, with reused buffers.
#[derive(Debug, Default)]
pub struct Selection {
    cands: Vec<Candidate>,
    order: Vec<usize>,
    out: Vec<usize>,
}

impl Selection {
    /// Empty buffers.
    pub fn new() -> Selection {
        Selection::default()
    }

    /// Picks from sentences with `scores` and `words` under `budget`;
    /// returns the picks' positions, in document order.
    pub fn run(
        &mut self,
        scores: &[f32],
        words: &[usize],
        budget: Budget,
    ) -> &[usize] {
        self.cands.clear();
        self.cands.extend(scores.iter().zip(words).enumerate().map(
            // Six characters a word, for character budgets.
            |(index, (&score, &words))| Candidate {
                index,
                score,
                words,
                chars: words * 6,
            },
        ));
        select::select(&self.cands, budget, &mut self.order, &mut self.out);
        &self.out
    }
}

/// Everything after splitting, on `sentences` (as the summariser's
/// splitter gives them for `text`): terms, scores, selection.
pub fn summarize_split<'t>(
    summarizer: &Summarizer,
    scratch: &mut Scratch,
    text: &'t str,
    sentences: &[Sentence],
    budget: Budget,
) -> Summary<'t> {
    let buf = scratch.sentences_mut();
    buf.clear();
    buf.extend_from_slice(sentences);
    summarizer.summarize_split(
        scratch,
        text,
        budget,
        Some(summarizer.language()),
        false,
    )
}
