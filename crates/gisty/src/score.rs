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
use crate::centrality::{Graph, MAX_NODES};
use crate::focus::FOCUS_WEIGHT;
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
/// `form * (1 + title) * (1 + 2 * focus) * mix^(1 - focus)`, with
/// `mix = centrality^(1 - w) * position^w`
///
/// a geometric mix of what the sentence says (its centrality) and where
/// it stands: `w = 0` is centrality alone, `w = 1` the lead sentences. A
/// sentence holding every focus term is judged by the focus alone, so
/// that what the user asks for comes first wherever it stands.
pub(crate) fn total(parts: ScoreParts, position_weight: f32) -> f32 {
    let w = position_weight;
    let lead = if w > 0.0 && w < 1.0 { parts.position.powf(w) } else { 0.0 };
    total_with(parts, w, lead)
}

/// [`total`], with `lead`, `parts.position^w`, computed already (see
/// [`Scorer::leads`]); only read when `0 < w < 1`.
pub(crate) fn total_with(
    parts: ScoreParts,
    position_weight: f32,
    lead: f32,
) -> f32 {
    let w = position_weight;
    let mix = if w <= 0.0 {
        parts.centrality
    } else if w >= 1.0 {
        parts.position
    } else {
        parts.centrality.powf(1.0 - w) * lead
    };
    let f = parts.focus;
    let mix = if f > 0.0 { mix.powf(1.0 - f) } else { mix };
    parts.form * (1.0 + parts.title) * (1.0 + FOCUS_WEIGHT * f) * mix
}

/// What the scorer needs to know of a sentence besides its terms.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Shape {
    /// Words in the sentence, stop words included (at most
    /// `u32::MAX`).
    pub(crate) words: u32,
    /// True when the sentence is a question.
    pub(crate) question: bool,
}

/// One document as the scorer sees it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Doc<'a> {
    /// Sentence `i`'s term ids, sorted, are
    /// `terms[starts[i]..starts[i + 1]]` (see [`run`]).
    pub(crate) terms: &'a [TermId],
    pub(crate) starts: &'a [u32],
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

/// No entry: the end of a term's chain (see [`Link::prev`]).
pub(crate) const NONE: u32 = u32::MAX;

/// One distinct term of a sentence's TF-IDF vector.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry {
    pub(crate) term: TermId,
    /// The count of the term in the sentence times its idf.
    pub(crate) weight: f32,
}

/// Where the entry of the same index sits in the similarity graph: the
/// pairs of sentences that share a term. Kept apart from the entries,
/// and made only for a document whose every sentence is a node, so that
/// a long text's vectors take 8 bytes a term, not 16.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Link {
    /// The sentence (or graph node) holding the entry.
    pub(crate) node: u32,
    /// The previous entry of the same term, in an earlier sentence, or
    /// [`NONE`].
    pub(crate) prev: u32,
}

/// What the scorer knows of a term of the document; all zero for a term
/// not seen yet.
#[derive(Clone, Copy, Debug, Default)]
struct TermStats {
    /// Sentences containing the term.
    df: u32,
    /// Occurrences in the document.
    tf: u32,
    /// One more than its last entry in `vec` so far, or 0.
    last: u32,
    /// Its idf, and `tf * idf`, its share of the content score of every
    /// sentence holding it.
    idf: f32,
    share: f32,
}

/// Term statistics and sentence vectors of one document, reused across
/// documents.
#[derive(Debug, Default)]
pub(crate) struct Scorer {
    /// Statistics by term id.
    terms: Vec<TermStats>,
    /// The idf by document frequency (NaN: not computed yet): a
    /// document has few distinct frequencies, and a logarithm costs.
    by_df: Vec<f32>,
    /// How many term ids the document uses (`weigh` zeroes their
    /// counts again).
    used: usize,
    /// TF-IDF vectors of the sentences: distinct terms with weights,
    /// the first `entries`.
    vec: Vec<Entry>,
    entries: usize,
    /// The links of the first `entries` of `vec`, when the document has
    /// at most [`MAX_NODES`] sentences; else empty.
    links: Vec<Link>,
    /// Where each sentence's run in `vec` starts, and a last entry for
    /// where the last one ends (see [`run`]).
    vec_starts: Vec<u32>,
    /// Euclidean norm of each vector.
    norms: Vec<f32>,
    /// The raw content score of each sentence (see `weigh`).
    content: Vec<f32>,
    /// The similarity graph for centrality.
    graph: Graph,
    /// `position(rank)^w` by rank, for the position weight `lead_weight`
    /// (see [`leads`](Self::leads)); a power costs, and every document
    /// starts at rank 0.
    leads: Vec<f32>,
    lead_weight: f32,
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
        let Doc { terms, starts, shapes, title, vocab_len } = doc;
        debug_assert_eq!(starts.len(), shapes.len() + 1);
        self.count(terms, starts, vocab_len);
        self.weigh();
        let best = self.content.iter().fold(0.0f32, |best, &c| best.max(c));
        let sentences = shapes.iter().zip(&self.content).enumerate();
        parts.clear();
        parts.extend(sentences.map(|(rank, (shape, &content))| {
            let fit =
                shape.words as usize >= params.min_words && !shape.question;
            ScoreParts {
                content: if best > 0.0 { content / best } else { content },
                centrality: 0.0,
                position: position(rank),
                title: 0.0,
                form: if fit { 1.0 } else { DEMOTED },
                focus: 0.0,
            }
        }));
        // Without a title, every overlap is the 0 set above.
        if !title.is_empty() {
            for (i, p) in parts.iter_mut().enumerate() {
                p.title = overlap(title, self.vector(i));
            }
        }
        self.graph.centrality(
            &self.vec[..self.entries],
            &self.links,
            &self.vec_starts,
            &self.norms,
            vocab_len,
            params.position_weight,
            parts,
        );
    }

    /// `position(rank).powf(w)` for every rank below `n`, computed once
    /// per rank and weight and kept across documents.
    pub(crate) fn leads(&mut self, n: usize, w: f32) -> &[f32] {
        if self.lead_weight.to_bits() != w.to_bits() {
            self.leads.clear();
            self.lead_weight = w;
        }
        let have = self.leads.len();
        if have < n {
            self.leads.extend((have..n).map(|rank| position(rank).powf(w)));
        }
        &self.leads[..n]
    }

    /// Cosine similarity of the TF-IDF vectors of sentences `a` and `b`
    /// of the last document scored.
    pub(crate) fn similarity(&self, a: usize, b: usize) -> f32 {
        let (na, nb) = (self.norms[a], self.norms[b]);
        if na == 0.0 || nb == 0.0 {
            return 0.0;
        }
        dot(self.vector(a), self.vector(b)) / (na * nb)
    }

    /// Frees the sentence vectors when a long text made them large (see
    /// `Scratch::release_large`); [`similarity`](Self::similarity) must
    /// not be called again before the next [`score`](Self::score).
    pub(crate) fn release_large(&mut self) {
        /// Entries (8 bytes each) kept between texts: 2 MB.
        const KEEP: usize = 1 << 18;
        if self.vec.capacity() > KEEP || self.links.capacity() > KEEP {
            self.vec = Vec::new();
            self.links = Vec::new();
            self.entries = 0;
            self.vec_starts = Vec::new();
            self.norms = Vec::new();
        }
    }

    /// The TF-IDF vector of sentence `i` of the last document scored.
    fn vector(&self, i: usize) -> &[Entry] {
        &self.vec[run(&self.vec_starts, i)]
    }

    /// Counts the terms of the document into `df` and `tf`, and the
    /// sentences' distinct terms with their counts into `vec` (as
    /// `f32`, which [`weigh`](Self::weigh) multiplies by the idf), each
    /// linked to the previous sentence holding the term, so that later
    /// passes read runs that are already counted.
    fn count(&mut self, terms: &[TermId], starts: &[u32], vocab_len: usize) {
        // `weigh` left the statistics of the last document zero.
        if self.terms.len() < vocab_len {
            self.terms.resize(vocab_len, TermStats::default());
        }
        self.used = vocab_len;
        // At most one entry per term: no room to spare on a long text.
        // Entries beyond `entries` are stale, and overwritten here.
        if self.vec.len() < terms.len() {
            let blank = Entry { term: TermId(0), weight: 0.0 };
            self.vec.reserve_exact(terms.len() - self.vec.len());
            self.vec.resize(terms.len(), blank);
        }
        let n = starts.len().saturating_sub(1);
        // The graph takes every sentence, and these links.
        let chain = n <= MAX_NODES;
        if chain {
            // As with the entries: those of the last document are
            // stale, and overwritten here; only new room is filled.
            self.links.resize(terms.len(), Link { node: 0, prev: NONE });
        } else {
            self.links.clear();
        }
        self.vec_starts.clear();
        self.vec_starts.push(0);
        let (stats, out) = (&mut self.terms[..vocab_len], &mut self.vec[..]);
        let links = &mut self.links[..];
        let mut at = 0;
        for i in 0..n {
            for same in terms[run(starts, i)].chunk_by(|a, b| a == b) {
                let t = same[0];
                let stats = &mut stats[t.0 as usize];
                stats.df += 1;
                // At most `terms.len()`, a `u32`; so are the entries, and
                // the sentences fewer.
                stats.tf += same.len() as u32;
                let prev = std::mem::replace(&mut stats.last, at as u32 + 1);
                out[at] = Entry { term: t, weight: same.len() as f32 };
                if chain {
                    links[at] =
                        Link { node: i as u32, prev: prev.wrapping_sub(1) };
                }
                at += 1;
            }
            self.vec_starts.push(at as u32);
        }
        self.entries = at;
        self.links.truncate(at);
    }

    /// Turns the counts in `vec` into each sentence's TF-IDF vector
    /// (`count * idf` per distinct term) and its norm, and computes the
    /// raw content score of each sentence: the sum of `tf(t) * idf(t)`
    /// over its distinct terms, divided by the square root of their
    /// number so that long sentences do not win by length alone.
    fn weigh(&mut self) {
        let n = self.vec_starts.len().saturating_sub(1);
        self.by_df.clear();
        self.by_df.resize(n + 1, f32::NAN);
        let by_df = &mut self.by_df[..];
        for t in &mut self.terms[..self.used] {
            if t.df == 0 {
                continue;
            }
            let Some(memo) = by_df.get_mut(t.df as usize) else {
                continue;
            };
            if memo.is_nan() {
                // `n` fits: fewer sentences than terms, a `u32`.
                *memo = idf(t.df, n as u32);
            }
            t.idf = *memo;
            t.share = t.tf as f32 * *memo;
            // Not needed any more: zero for the next document.
            (t.df, t.tf, t.last) = (0, 0, 0);
        }
        self.norms.clear();
        self.norms.resize(n, 0.0);
        self.content.clear();
        self.content.resize(n, 0.0);
        let (stats, vec) = (&self.terms[..], &mut self.vec[..]);
        let outs = self.norms.iter_mut().zip(self.content.iter_mut());
        for (run, (norm, content)) in self.vec_starts.windows(2).zip(outs) {
            let (mut sum, mut sq) = (0.0f32, 0.0f32);
            let entries = &mut vec[run[0] as usize..run[1] as usize];
            for e in entries.iter_mut() {
                let t = &stats[e.term.0 as usize];
                sum += t.share;
                e.weight *= t.idf;
                sq += e.weight * e.weight;
            }
            *norm = sq.sqrt();
            let distinct = entries.len() as u32;
            *content = if distinct == 0 {
                0.0
            } else {
                sum / (distinct as f32).sqrt()
            };
        }
    }
}

/// Run `i` of a list cut by `starts`: `starts[i]..starts[i + 1]`, the
/// layout of the per-sentence lists (one `u32` per sentence instead of a
/// range of two `usize`).
#[inline]
pub(crate) fn run(starts: &[u32], i: usize) -> Range<usize> {
    starts[i] as usize..starts[i + 1] as usize
}

/// The dot product of two sparse vectors sorted by term.
pub(crate) fn dot(a: &[Entry], b: &[Entry]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].term.cmp(&b[j].term) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].weight * b[j].weight;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Overlap of a title's distinct terms with a sentence's:
/// `|T ∩ S| / sqrt(|T| * |S|)` (the cosine of their sets), in `[0, 1]`.
fn overlap(title: &[TermId], sentence: &[Entry]) -> f32 {
    if title.is_empty() || sentence.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0u32);
    while i < title.len() && j < sentence.len() {
        match title[i].cmp(&sentence[j].term) {
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

/// True when `sentence` asks a question: its last character before
/// closing quotes and brackets is a question mark.
pub(crate) fn is_question(sentence: &str) -> bool {
    let t = sentence.trim_end().trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»' | '*' | '_')
    });
    t.ends_with(['?', '？', '؟'])
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() <= 5e-4 * (1.0 + a.abs().max(b.abs()))
    }

    fn ids(v: &[u32]) -> Vec<TermId> {
        v.iter().map(|&t| TermId(t)).collect()
    }

    fn weighted(v: &[(u32, f32)]) -> Vec<Entry> {
        v.iter().map(|&(t, w)| Entry { term: TermId(t), weight: w }).collect()
    }

    #[test]
    fn idf_table() {
        // (df, n, ln((n + 1) / df))
        let rows = [
            (1, 1, 2f32.ln()),
            (1, 9, 10f32.ln()),
            (9, 9, (10f32 / 9.0).ln()),
        ];
        for (df, n, want) in rows {
            assert!(close(idf(df, n), want), "idf({df}, {n})");
        }
    }

    #[test]
    fn position_table() {
        for (rank, want) in [(0, 1.0), (1, 0.5), (3, 0.25), (99, 0.01)] {
            assert!(close(position(rank), want), "rank {rank}");
        }
    }

    /// The total as first written: both powers computed per sentence.
    fn plain_total(parts: ScoreParts, w: f32) -> f32 {
        let mix = if w <= 0.0 {
            parts.centrality
        } else if w >= 1.0 {
            parts.position
        } else {
            parts.centrality.powf(1.0 - w) * parts.position.powf(w)
        };
        let f = parts.focus;
        let mix = if f > 0.0 { mix.powf(1.0 - f) } else { mix };
        parts.form * (1.0 + parts.title) * (1.0 + FOCUS_WEIGHT * f) * mix
    }

    #[test]
    fn totals_with_kept_leads_are_the_plain_formula_to_the_bit() {
        let mut scorer = Scorer::default();
        // Weights change between documents, and documents grow and
        // shrink, so that kept leads are reused, extended and dropped.
        let docs = [
            (0.8, 5),
            (0.8, 40),
            (0.8, 3),
            (0.3, 17),
            (0.0, 4),
            (1.0, 9),
            (0.8, 60),
            (0.5, 0),
        ];
        for (w, n) in docs {
            let leads = scorer.leads(n, w).to_vec();
            assert_eq!(leads.len(), n);
            for (rank, &lead) in leads.iter().enumerate() {
                let parts = ScoreParts {
                    content: 0.5,
                    centrality: 1.0 / (rank as f32 * 0.37 + 1.0),
                    position: position(rank),
                    title: (rank % 3) as f32 * 0.25,
                    form: if rank % 5 == 0 { DEMOTED } else { 1.0 },
                    focus: (rank % 4) as f32 * 0.25,
                };
                let want = plain_total(parts, w);
                let got = total_with(parts, w, lead);
                assert_eq!(got.to_bits(), want.to_bits(), "w {w} rank {rank}");
                assert_eq!(total(parts, w).to_bits(), want.to_bits());
            }
        }
    }

    #[test]
    fn total_table() {
        let p = |centrality, position, title, form| ScoreParts {
            content: 0.3,
            centrality,
            position,
            title,
            form,
            focus: 0.0,
        };
        // (parts, position weight, total)
        let rows = [
            (p(0.4, 0.5, 0.0, 1.0), 0.0, 0.4),
            (p(0.4, 0.5, 0.0, 1.0), 1.0, 0.5),
            (p(0.4, 0.1, 0.0, 1.0), 0.5, 0.2),
            (p(0.0, 1.0, 0.0, 1.0), 0.8, 0.0),
            (p(0.0, 1.0, 0.0, 1.0), 1.0, 1.0),
            (p(0.4, 0.5, 0.5, 1.0), 0.0, 0.6),
            (p(0.4, 0.5, 0.0, DEMOTED), 0.0, 0.004),
            (p(1.0, 1.0, 1.0, 1.0), 0.8, 2.0),
        ];
        // A focus: the mix counts less, the focus factor more.
        let mut f = p(0.25, 0.25, 0.0, 1.0);
        f.focus = 0.5;
        let rows = [rows.as_slice(), &[(f, 0.0, 0.5 * 2.0)]].concat();
        f.focus = 1.0;
        let rows = [rows.as_slice(), &[(f, 0.8, 3.0)]].concat();
        for (parts, w, want) in rows {
            let got = total(parts, w);
            assert!(close(got, want), "{parts:?} w={w}: {got} != {want}");
        }
    }

    #[test]
    fn question_table() {
        let rows = [
            ("Why?", true),
            ("\u{201c}Why did he go?\u{201d}", true),
            ("Is it (really?)", true),
            ("He asked why.", false),
            ("What? No.", false),
            ("", false),
            ("¿Qué？", true),
        ];
        for (s, want) in rows {
            assert_eq!(is_question(s), want, "{s:?}");
        }
    }

    #[test]
    fn overlap_table() {
        // (title, sentence terms, |T ∩ S| / sqrt(|T| |S|))
        let rows: [(&[u32], &[u32], f32); 5] = [
            (&[], &[1, 2], 0.0),
            (&[1, 2], &[], 0.0),
            (&[1, 2], &[1, 2], 1.0),
            (&[1, 2, 3, 4], &[2, 4], 2.0 / 8f32.sqrt()),
            (&[1], &[2, 3], 0.0),
        ];
        for (t, s, want) in rows {
            let s: Vec<(u32, f32)> = s.iter().map(|&x| (x, 1.0)).collect();
            let got = overlap(&ids(t), &weighted(&s));
            assert!(close(got, want), "{t:?} {s:?}: {got}");
        }
    }

    #[test]
    fn dot_table() {
        type Sparse = &'static [(u32, f32)];
        let rows: [(Sparse, Sparse, f32); 4] = [
            (&[], &[(1, 1.0)], 0.0),
            (&[(1, 2.0), (3, 1.0)], &[(1, 3.0), (2, 5.0), (3, 4.0)], 10.0),
            (&[(5, 1.0)], &[(1, 1.0), (9, 1.0)], 0.0),
            (&[(0, 0.5)], &[(0, 0.5)], 0.25),
        ];
        for (a, b, want) in rows {
            let got = dot(&weighted(a), &weighted(b));
            assert!(close(got, want), "{a:?} . {b:?}: {got}");
        }
    }

    /// Scores sentences given as term lists (any order, repeats
    /// allowed) with a title's terms, minimum 6 words and position
    /// weight `w`.
    pub(crate) fn score_terms<S: AsRef<[u32]>>(
        sentences: &[S],
        shapes: &[Shape],
        title: &[u32],
        w: f32,
    ) -> (Vec<ScoreParts>, Scorer) {
        let mut terms = Vec::new();
        let mut starts = vec![0u32];
        for s in sentences {
            let start = terms.len();
            terms.extend(ids(s.as_ref()));
            terms[start..].sort_unstable();
            starts.push(terms.len() as u32);
        }
        let mut title = ids(title);
        title.sort_unstable();
        title.dedup();
        let vocab_len = terms.iter().map(|t| t.0 as usize + 1).max();
        let doc = Doc {
            terms: &terms,
            starts: &starts,
            shapes,
            title: &title,
            vocab_len: vocab_len.unwrap_or(0),
        };
        let mut scorer = Scorer::default();
        let mut parts = Vec::new();
        let params = Params { position_weight: w, min_words: 6 };
        scorer.score(doc, params, &mut parts);
        (parts, scorer)
    }

    fn score(
        sentences: &[&[u32]],
        shapes: &[Shape],
        title: &[u32],
        w: f32,
    ) -> (Vec<ScoreParts>, Scorer) {
        score_terms(sentences, shapes, title, w)
    }

    fn plain(n: usize) -> Vec<Shape> {
        vec![Shape { words: 10, question: false }; n]
    }

    #[test]
    fn the_sentence_that_shares_most_is_most_central() {
        // Sentence 1 shares a term with every other sentence.
        let (parts, _) = score(
            &[&[1, 2], &[1, 3, 5, 7], &[3, 4], &[5, 6], &[7, 8]],
            &plain(5),
            &[],
            0.0,
        );
        assert_eq!(parts[1].centrality, 1.0);
        for (i, p) in parts.iter().enumerate() {
            assert!(p.centrality > 0.0 && p.centrality <= 1.0, "{i}: {p:?}");
        }
    }

    #[test]
    fn a_sentence_without_terms_has_no_centrality() {
        let (parts, scorer) =
            score(&[&[1, 2], &[], &[1, 2]], &plain(3), &[], 0.8);
        assert_eq!(parts[1].centrality, 0.0);
        assert_eq!(parts[0].centrality, parts[2].centrality);
        assert!(close(scorer.similarity(0, 2), 1.0));
        assert_eq!(scorer.similarity(0, 1), 0.0);
    }

    #[test]
    fn short_sentences_and_questions_are_demoted() {
        let shapes = [
            Shape { words: 5, question: false },
            Shape { words: 6, question: false },
            Shape { words: 12, question: true },
        ];
        let (parts, _) = score(&[&[1], &[1], &[1]], &shapes, &[], 0.8);
        let forms: Vec<f32> = parts.iter().map(|p| p.form).collect();
        assert_eq!(forms, [DEMOTED, 1.0, DEMOTED]);
    }

    #[test]
    fn title_overlap_is_a_part() {
        let (parts, _) = score(&[&[1, 2], &[3, 4]], &plain(2), &[3, 4], 0.8);
        assert_eq!(parts[0].title, 0.0);
        assert!(close(parts[1].title, 1.0));
    }

    #[test]
    fn content_and_vectors_are_the_plain_formulas_to_the_bit() {
        // Sentences with repeated terms and terms of every frequency.
        let sentences: Vec<Vec<u32>> = (0..23u32)
            .map(|i| (0..i % 9 + 1).map(|j| (i * j + j * j) % 17).collect())
            .collect();
        let (parts, scorer) =
            score_terms(&sentences, &plain(sentences.len()), &[], 0.5);
        let n = sentences.len() as u32;
        let has = |s: &Vec<u32>, t: u32| s.contains(&t);
        let df =
            |t: u32| sentences.iter().filter(|s| has(s, t)).count() as u32;
        let tf =
            |t: u32| sentences.iter().flatten().filter(|&&x| x == t).count();
        let mut raw = Vec::new();
        for (i, s) in sentences.iter().enumerate() {
            let mut distinct = s.clone();
            distinct.sort_unstable();
            distinct.dedup();
            let (mut sum, mut sq) = (0.0f32, 0.0f32);
            for (e, &t) in scorer.vector(i).iter().zip(&distinct) {
                let idf = idf(df(t), n);
                sum += tf(t) as f32 * idf;
                let count = s.iter().filter(|&&x| x == t).count() as f32;
                let w = count * idf;
                sq += w * w;
                assert_eq!(
                    (e.term, e.weight.to_bits()),
                    (TermId(t), w.to_bits())
                );
            }
            assert_eq!(scorer.vector(i).len(), distinct.len());
            assert_eq!(scorer.norms[i].to_bits(), sq.sqrt().to_bits(), "{i}");
            raw.push(sum / (distinct.len() as f32).sqrt());
        }
        let best = raw.iter().copied().fold(0.0, f32::max);
        for (p, r) in parts.iter().zip(&raw) {
            assert_eq!(p.content.to_bits(), (r / best).to_bits());
        }
    }

    #[test]
    fn a_reused_scorer_scores_as_a_fresh_one() {
        // Documents of falling and rising sizes through one scorer.
        let docs: Vec<Vec<Vec<u32>>> = [9u32, 3, 30, 1, 12]
            .iter()
            .map(|&n| {
                (0..n)
                    .map(|i| {
                        (0..i % 7 + 1)
                            .map(|j| (i * 5 + j * 3) % (n + 4))
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let mut reused = Scorer::default();
        for sentences in &docs {
            let mut terms = Vec::new();
            let mut starts = vec![0u32];
            for s in sentences {
                let start = terms.len();
                terms.extend(ids(s));
                terms[start..].sort_unstable();
                starts.push(terms.len() as u32);
            }
            let shapes = plain(sentences.len());
            let vocab_len =
                terms.iter().map(|t| t.0 as usize + 1).max().unwrap_or(0);
            let doc = Doc {
                terms: &terms,
                starts: &starts,
                shapes: &shapes,
                title: &[],
                vocab_len,
            };
            let params = Params { position_weight: 0.5, min_words: 6 };
            let mut got = Vec::new();
            reused.score(doc, params, &mut got);
            let (want, fresh) = score_terms(sentences, &shapes, &[], 0.5);
            let key = |p: &ScoreParts| {
                [p.content, p.centrality, p.title].map(f32::to_bits)
            };
            let keys =
                |v: &[ScoreParts]| v.iter().map(key).collect::<Vec<_>>();
            assert_eq!(keys(&got), keys(&want));
            for a in 0..sentences.len() {
                for b in 0..sentences.len() {
                    assert_eq!(
                        reused.similarity(a, b).to_bits(),
                        fresh.similarity(a, b).to_bits()
                    );
                }
            }
            reused.release_large();
        }
    }

    #[test]
    fn content_is_scaled_to_the_best() {
        let (parts, _) =
            score(&[&[1, 2, 3], &[1], &[4, 4, 4]], &plain(3), &[], 0.8);
        let best = parts.iter().map(|p| p.content).fold(0.0, f32::max);
        assert_eq!(best, 1.0);
    }
}
