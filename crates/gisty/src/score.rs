//! Sentence scores from term statistics, in the layering of tantivy's
//! BM25 (statistics once per document, then a cheap score per sentence):
//!
//! - **content**: TF-IDF, with the document's sentences as the documents
//!   of IDF;
//! - **centrality**: LexRank, the stationary distribution of a random
//!   walk over the graph of TF-IDF cosine similarities between sentences
//!   (Erkan & Radev 2004), see [`crate::centrality`];
//! - **position**: `1 / (rank + 1)`;
//! - **title**: overlap with a known title;
//! - **form**: whether the sentence is fit to be a summary sentence at
//!   all (long enough, not a question).
//!
//! [`total`] combines them; every part is kept so that a score can be
//! explained.

use std::ops::Range;

use crate::analyze::TermId;
use crate::centrality::Graph;
use crate::summary::ScoreParts;

/// The `form` factor of a sentence that is too short or a question: it
/// is picked only when nothing better is left.
pub(crate) const DEMOTED: f32 = 0.01;

/// Inverse document frequency of a term found in `df` of `n` sentences:
/// `ln((n + 1) / df)`, positive even for a term found in every sentence.
pub(crate) fn idf(df: u32, n: u32) -> f32 {
    debug_assert!(df >= 1 && df <= n);
    ((n as f32 + 1.0) / df as f32).ln()
}

/// Position weight of the sentence at `rank` (0-based, among the
/// document's sentences of text): `1 / (rank + 1)`.
pub(crate) fn position(rank: usize) -> f32 {
    1.0 / (rank as f32 + 1.0)
}

/// Combines the parts into a sentence's total with `position_weight`
/// `w` in `[0, 1]`:
///
/// `form * (1 + title) * centrality^(1 - w) * position^w`
///
/// a geometric mix of what the sentence says (its centrality) and where
/// it stands: `w = 0` is centrality alone, `w = 1` the lead sentences.
pub(crate) fn total(parts: ScoreParts, position_weight: f32) -> f32 {
    let w = position_weight;
    let mix = if w <= 0.0 {
        parts.centrality
    } else if w >= 1.0 {
        parts.position
    } else {
        parts.centrality.powf(1.0 - w) * parts.position.powf(w)
    };
    parts.form * (1.0 + parts.title) * mix
}

/// What the scorer needs to know of a sentence besides its terms.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Shape {
    /// Words in the sentence, stop words included.
    pub(crate) words: usize,
    /// True when the sentence is a question.
    pub(crate) question: bool,
}

/// One document as the scorer sees it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Doc<'a> {
    /// Sentence `i`'s term ids, sorted, are `terms[ranges[i]]`.
    pub(crate) terms: &'a [TermId],
    pub(crate) ranges: &'a [Range<usize>],
    /// One per sentence.
    pub(crate) shapes: &'a [Shape],
    /// The title's distinct terms, sorted; empty without a title.
    pub(crate) title: &'a [TermId],
    /// Every term id is below this.
    pub(crate) vocab_len: usize,
}

/// The settings of the scorer, from the summariser's configuration.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Params {
    pub(crate) position_weight: f32,
    pub(crate) min_words: usize,
}

/// Term statistics and sentence vectors of one document, reused across
/// documents.
#[derive(Debug, Default)]
pub(crate) struct Scorer {
    /// Sentences containing the term, by term id.
    df: Vec<u32>,
    /// Occurrences in the document, by term id.
    tf: Vec<u32>,
    /// Term ids whose counts are not zero, to reset them cheaply.
    touched: Vec<TermId>,
    /// TF-IDF vectors of the sentences: distinct terms with weights.
    vec: Vec<(TermId, f32)>,
    /// Each sentence's run in `vec`.
    vec_ranges: Vec<Range<usize>>,
    /// Euclidean norm of each vector.
    norms: Vec<f32>,
    /// The similarity graph for centrality.
    graph: Graph,
}

impl Scorer {
    /// Scores the sentences of `doc` into `parts` (one per sentence, in
    /// order).
    pub(crate) fn score(
        &mut self,
        doc: Doc<'_>,
        params: Params,
        parts: &mut Vec<ScoreParts>,
    ) {
        let Doc { terms, ranges, shapes, title, vocab_len } = doc;
        debug_assert_eq!(ranges.len(), shapes.len());
        self.count(terms, ranges, vocab_len);
        let n = ranges.len() as u32;
        parts.clear();
        let mut best = 0.0f32;
        for (rank, (r, shape)) in ranges.iter().zip(shapes).enumerate() {
            let content = self.content(&terms[r.clone()], n);
            best = best.max(content);
            let fit = shape.words >= params.min_words && !shape.question;
            parts.push(ScoreParts {
                content,
                centrality: 0.0,
                position: position(rank),
                title: 0.0,
                form: if fit { 1.0 } else { DEMOTED },
            });
        }
        for p in parts.iter_mut() {
            if best > 0.0 {
                p.content /= best;
            }
        }
        self.vectors(terms, ranges, n);
        for (i, p) in parts.iter_mut().enumerate() {
            p.title = overlap(title, &self.vec[self.vec_ranges[i].clone()]);
        }
        self.graph.centrality(
            &self.vec,
            &self.vec_ranges,
            &self.norms,
            params.position_weight,
            parts,
        );
    }

    /// Cosine similarity of the TF-IDF vectors of sentences `a` and `b`
    /// of the last document scored.
    pub(crate) fn similarity(&self, a: usize, b: usize) -> f32 {
        let (na, nb) = (self.norms[a], self.norms[b]);
        if na == 0.0 || nb == 0.0 {
            return 0.0;
        }
        dot(
            &self.vec[self.vec_ranges[a].clone()],
            &self.vec[self.vec_ranges[b].clone()],
        ) / (na * nb)
    }

    fn count(
        &mut self,
        terms: &[TermId],
        sentences: &[Range<usize>],
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
    fn content(&self, terms: &[TermId], n: u32) -> f32 {
        let mut sum = 0.0;
        let mut distinct = 0u32;
        for_each_run(terms, |t, _| {
            let i = t.0 as usize;
            sum += self.tf[i] as f32 * idf(self.df[i], n);
            distinct += 1;
        });
        if distinct == 0 { 0.0 } else { sum / (distinct as f32).sqrt() }
    }

    /// Builds each sentence's TF-IDF vector: `count * idf` per distinct
    /// term, and its norm.
    fn vectors(&mut self, terms: &[TermId], ranges: &[Range<usize>], n: u32) {
        self.vec.clear();
        self.vec_ranges.clear();
        self.norms.clear();
        for r in ranges {
            let start = self.vec.len();
            let mut sq = 0.0f32;
            for_each_run(&terms[r.clone()], |t, c| {
                let w = c as f32 * idf(self.df[t.0 as usize], n);
                sq += w * w;
                self.vec.push((t, w));
            });
            self.vec_ranges.push(start..self.vec.len());
            self.norms.push(sq.sqrt());
        }
    }
}

/// The dot product of two sparse vectors sorted by term.
pub(crate) fn dot(a: &[(TermId, f32)], b: &[(TermId, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Overlap of a title's distinct terms with a sentence's:
/// `|T ∩ S| / sqrt(|T| * |S|)` (the cosine of their sets), in `[0, 1]`.
fn overlap(title: &[TermId], sentence: &[(TermId, f32)]) -> f32 {
    if title.is_empty() || sentence.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0u32);
    while i < title.len() && j < sentence.len() {
        match title[i].cmp(&sentence[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f32 / ((title.len() * sentence.len()) as f32).sqrt()
}

/// Calls `f(term, count)` for each run of equal ids in sorted `terms`.
pub(crate) fn for_each_run(terms: &[TermId], mut f: impl FnMut(TermId, u32)) {
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

/// True when `sentence` asks a question: its last character before
/// closing quotes and brackets is a question mark.
pub(crate) fn is_question(sentence: &str) -> bool {
    let t = sentence.trim_end().trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»' | '*' | '_')
    });
    t.ends_with(['?', '？', '؟'])
}

