//! The sparse TF-IDF vectors of a document's sentences, the statistics
//! that the content score, the centrality graph and redundancy control
//! all read.
//!
//! Sentence `i`'s vector holds one [`Entry`] per distinct term of the
//! sentence, sorted by term, weighing `count * idf` (the document's
//! sentences are the documents of IDF). For a document small enough for
//! one graph, each entry also gets a [`Link`]: its sentence and the
//! previous entry of the same term, so that the graph finds the pairs of
//! sentences sharing a term without comparing every pair (see
//! `centrality::dots`).

use std::ops::Range;

use crate::analyze::TermId;

/// Inverse document frequency of a term found in `df` of `n` sentences:
/// `ln((n + 1) / df)`, positive even for a term found in every sentence.
pub(crate) fn idf(df: u32, n: u32) -> f32 {
    debug_assert!(df >= 1 && df <= n);
    ((n as f32 + 1.0) / df as f32).ln()
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

/// What is known of a term of the document; all zero for a term not
/// seen yet.
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
pub(crate) struct Vectors {
    /// Statistics by term id.
    terms: Vec<TermStats>,
    /// The idf by document frequency (NaN: not computed yet): a
    /// document has few distinct frequencies, and a logarithm costs.
    by_df: Vec<f32>,
    /// How many term ids the document uses (`weigh` zeroes their
    /// counts again).
    used: usize,
    /// The vectors: distinct terms with weights, the first `entries`.
    vec: Vec<Entry>,
    entries: usize,
    /// The links of the first `entries` of `vec`, when asked for; else
    /// empty.
    links: Vec<Link>,
    /// Where each sentence's run in `vec` starts, and a last entry for
    /// where the last one ends (see [`run`]).
    starts: Vec<u32>,
    /// Euclidean norm of each vector.
    norms: Vec<f32>,
    /// Each sentence's sum of `tf * idf` over its distinct terms (see
    /// [`shares`](Self::shares)).
    shares: Vec<f32>,
}

impl Vectors {
    /// Makes the vectors of a document whose sentence `i` has the terms
    /// `terms[starts[i]..starts[i + 1]]`, sorted, every one below
    /// `vocab_len`; with the links of [`Link`] when `linked`.
    pub(crate) fn build(
        &mut self,
        terms: &[TermId],
        starts: &[u32],
        vocab_len: usize,
        linked: bool,
    ) {
        self.count(terms, starts, vocab_len, linked);
        self.weigh();
    }

    /// Every term id of the document is below this.
    pub(crate) fn vocab_len(&self) -> usize {
        self.used
    }

    /// The TF-IDF vector of sentence `i`, sorted by term.
    pub(crate) fn vector(&self, i: usize) -> &[Entry] {
        &self.vec[run(&self.starts, i)]
    }

    /// All the vectors' entries, sentence after sentence; sentence `i`'s
    /// are `entries()[run(starts(), i)]`.
    pub(crate) fn entries(&self) -> &[Entry] {
        &self.vec[..self.entries]
    }

    /// The links of [`entries`](Self::entries), one each, or empty when
    /// not asked for.
    pub(crate) fn links(&self) -> &[Link] {
        &self.links
    }

    /// Where each sentence's entries start, and where the last ends.
    pub(crate) fn starts(&self) -> &[u32] {
        &self.starts
    }

    /// The Euclidean norm of each sentence's vector.
    pub(crate) fn norms(&self) -> &[f32] {
        &self.norms
    }

    /// Each sentence's sum, over its distinct terms `t`, of
    /// `tf(t) * idf(t)`, with `tf` the term's count in the whole
    /// document: the raw material of the content score.
    pub(crate) fn shares(&self) -> &[f32] {
        &self.shares
    }

    /// Cosine similarity of the vectors of sentences `a` and `b`.
    pub(crate) fn similarity(&self, a: usize, b: usize) -> f32 {
        let (na, nb) = (self.norms[a], self.norms[b]);
        if na == 0.0 || nb == 0.0 {
            return 0.0;
        }
        dot(self.vector(a), self.vector(b)) / (na * nb)
    }

    /// Frees the vectors when a long text made them large (see
    /// `Pipeline::release_large`); only [`build`](Self::build) may be
    /// called next.
    pub(crate) fn release_large(&mut self) {
        /// Entries (8 bytes each) kept between texts: 2 MB.
        const KEEP: usize = 1 << 18;
        if self.vec.capacity() > KEEP || self.links.capacity() > KEEP {
            self.vec = Vec::new();
            self.links = Vec::new();
            self.entries = 0;
            self.starts = Vec::new();
            self.norms = Vec::new();
        }
    }

    /// Counts the terms of the document into `df` and `tf`, and the
    /// sentences' distinct terms with their counts into `vec` (as
    /// `f32`, which [`weigh`](Self::weigh) multiplies by the idf), each
    /// linked to the previous sentence holding the term when `linked`,
    /// so that later passes read runs that are already counted.
    fn count(
        &mut self,
        terms: &[TermId],
        starts: &[u32],
        vocab_len: usize,
        linked: bool,
    ) {
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
        if linked {
            // As with the entries: those of the last document are
            // stale, and overwritten here; only new room is filled.
            self.links.resize(terms.len(), Link { node: 0, prev: NONE });
        } else {
            self.links.clear();
        }
        self.starts.clear();
        self.starts.push(0);
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
                if linked {
                    links[at] =
                        Link { node: i as u32, prev: prev.wrapping_sub(1) };
                }
                at += 1;
            }
            self.starts.push(at as u32);
        }
        self.entries = at;
        self.links.truncate(at);
    }

    /// Turns the counts in `vec` into each sentence's TF-IDF vector
    /// (`count * idf` per distinct term), its norm and its share sum.
    fn weigh(&mut self) {
        let n = self.starts.len().saturating_sub(1);
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
        self.shares.clear();
        self.shares.resize(n, 0.0);
        let (stats, vec) = (&self.terms[..], &mut self.vec[..]);
        let outs = self.norms.iter_mut().zip(self.shares.iter_mut());
        for (run, (norm, share)) in self.starts.windows(2).zip(outs) {
            let (mut sum, mut sq) = (0.0f32, 0.0f32);
            let entries = &mut vec[run[0] as usize..run[1] as usize];
            for e in entries.iter_mut() {
                let t = &stats[e.term.0 as usize];
                sum += t.share;
                e.weight *= t.idf;
                sq += e.weight * e.weight;
            }
            *norm = sq.sqrt();
            *share = sum;
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() <= 5e-4 * (1.0 + a.abs().max(b.abs()))
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

    /// The idf and the document's count of a term of `sentences`,
    /// counted the plain way.
    pub(crate) fn plain_stats(
        sentences: &[Vec<u32>],
    ) -> (impl Fn(u32) -> f32 + '_, impl Fn(u32) -> usize + '_) {
        let n = sentences.len() as u32;
        let df = move |t: u32| {
            sentences.iter().filter(|s| s.contains(&t)).count() as u32
        };
        let idf = move |t: u32| super::idf(df(t), n);
        let tf = move |t: u32| {
            sentences.iter().flatten().filter(|&&x| x == t).count()
        };
        (idf, tf)
    }

    /// Vectors of sentences given as term lists (any order, repeats
    /// allowed).
    fn build(sentences: &[Vec<u32>], linked: bool) -> Vectors {
        let mut terms = Vec::new();
        let mut starts = vec![0u32];
        for s in sentences {
            let start = terms.len();
            terms.extend(s.iter().map(|&t| TermId(t)));
            terms[start..].sort_unstable();
            starts.push(terms.len() as u32);
        }
        let vocab_len = terms.iter().map(|t| t.0 as usize + 1).max();
        let mut v = Vectors::default();
        v.build(&terms, &starts, vocab_len.unwrap_or(0), linked);
        v
    }

    #[test]
    fn vectors_norms_and_shares_are_the_plain_formulas_to_the_bit() {
        // Sentences with repeated terms and terms of every frequency.
        let sentences: Vec<Vec<u32>> = (0..23u32)
            .map(|i| (0..i % 9 + 1).map(|j| (i * j + j * j) % 17).collect())
            .collect();
        let v = build(&sentences, true);
        let (idf, tf) = plain_stats(&sentences);
        assert_eq!(v.norms().len(), sentences.len());
        for (i, s) in sentences.iter().enumerate() {
            let mut distinct = s.clone();
            distinct.sort_unstable();
            distinct.dedup();
            let (mut sum, mut sq) = (0.0f32, 0.0f32);
            for (e, &t) in v.vector(i).iter().zip(&distinct) {
                let idf = idf(t);
                sum += tf(t) as f32 * idf;
                let count = s.iter().filter(|&&x| x == t).count() as f32;
                let w = count * idf;
                sq += w * w;
                assert_eq!(
                    (e.term, e.weight.to_bits()),
                    (TermId(t), w.to_bits())
                );
            }
            assert_eq!(v.vector(i).len(), distinct.len());
            assert_eq!(v.norms()[i].to_bits(), sq.sqrt().to_bits(), "{i}");
            assert_eq!(v.shares()[i].to_bits(), sum.to_bits(), "{i}");
        }
    }

    #[test]
    fn links_chain_each_term_to_its_previous_sentence() {
        let sentences = vec![vec![1, 2], vec![2, 3], vec![], vec![1, 3, 3]];
        let v = build(&sentences, true);
        let got: Vec<(u32, u32, u32)> = v
            .entries()
            .iter()
            .zip(v.links())
            .map(|(e, l)| (e.term.0, l.node, l.prev))
            .collect();
        // (term, sentence, previous entry of the term)
        let want = [
            (1, 0, NONE),
            (2, 0, NONE),
            (2, 1, 1),
            (3, 1, NONE),
            (1, 3, 0),
            (3, 3, 3),
        ];
        assert_eq!(got, want);
        assert!(build(&sentences, false).links().is_empty());
    }

    #[test]
    fn a_reused_vectors_is_a_fresh_one() {
        // Documents of falling and rising sizes through one `Vectors`.
        let mut reused = Vectors::default();
        for n in [9u32, 3, 30, 1, 12] {
            let sentences: Vec<Vec<u32>> = (0..n)
                .map(|i| {
                    (0..i % 7 + 1).map(|j| (i * 5 + j * 3) % (n + 4)).collect()
                })
                .collect();
            let fresh = build(&sentences, n % 2 == 0);
            let mut terms = Vec::new();
            let mut starts = vec![0u32];
            for s in &sentences {
                let start = terms.len();
                terms.extend(s.iter().map(|&t| TermId(t)));
                terms[start..].sort_unstable();
                starts.push(terms.len() as u32);
            }
            reused.build(&terms, &starts, fresh.vocab_len(), n % 2 == 0);
            let bits = |v: &Vectors| {
                let e: Vec<_> = v
                    .entries()
                    .iter()
                    .map(|e| (e.term, e.weight.to_bits()))
                    .collect();
                let l: Vec<_> =
                    v.links().iter().map(|l| (l.node, l.prev)).collect();
                let f = |x: &[f32]| x.iter().map(|x| x.to_bits()).collect();
                let (norms, shares): (Vec<u32>, Vec<u32>) =
                    (f(v.norms()), f(v.shares()));
                (e, l, v.starts().to_vec(), norms, shares)
            };
            assert_eq!(bits(&reused), bits(&fresh));
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
}
