//! Thin wrappers around the pipeline's internal stages, for the criterion
//! benchmarks in `benches/` and the allocation tests. Not part of the
//! API: hidden from the docs, and may change in any release.

use crate::analyze::{TermId, Vocab};
use crate::budget::Budget;
use crate::score::{self, Doc, Params, Scorer, Shape};
use crate::segment::{Sentence, SentenceKind};
use crate::select::{self, Candidate, Selector};
use crate::summarizer::{Scratch, Summarizer};
use crate::summary::{ScoreParts, Summary};

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
    starts: Vec<u32>,
    shapes: Vec<Shape>,
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
        self.starts.clear();
        self.starts.push(0);
        self.shapes.clear();
        for s in sentences.iter().filter(|s| s.kind == SentenceKind::Text) {
            let start = self.terms.len();
            let slice = s.span.slice(text);
            let words = self.vocab.analyze(analysis, slice, &mut self.terms);
            self.terms[start..].sort_unstable();
            self.starts.push(self.terms.len() as u32);
            let question = score::is_question(slice);
            let words = words as u32;
            self.shapes.push(Shape { words, question });
        }
        (self.terms.len(), self.vocab.len())
    }

    /// The scoring stage over the terms of the last [`run`](Self::run):
    /// term statistics, TF-IDF vectors, centrality and position, with the
    /// default news weights; returns the sum of the sentences' totals.
    pub fn score(&self, scoring: &mut Scoring) -> f32 {
        let doc = Doc {
            terms: &self.terms,
            starts: &self.starts,
            shapes: &self.shapes,
            title: &[],
            vocab_len: self.vocab.len(),
        };
        let params = Params { position_weight: 0.8, min_words: 6 };
        scoring.scorer.score(doc, params, &mut scoring.parts);
        scoring.parts.iter().map(|p| score::total(*p, 0.8)).sum()
    }
}

/// Reused buffers of the scoring loop.
#[derive(Debug, Default)]
pub struct Scoring {
    scorer: Scorer,
    parts: Vec<ScoreParts>,
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
    selector: Selector,
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
                index: index as u32,
                score,
                words: words as u32,
                chars: words as u32 * 6,
            },
        ));
        // Without redundancy control: the scores alone decide.
        let alike = |_: usize, _: usize| 0.0;
        select::select(
            &self.cands,
            budget,
            1.0,
            alike,
            &mut self.selector,
            &mut self.out,
        );
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
        None,
        budget,
        Some(summarizer.language()),
        false,
    )
}
