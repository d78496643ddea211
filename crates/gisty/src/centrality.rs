//! Graph centrality of sentences: LexRank with continuous weights
//! (Erkan & Radev 2004, "LexRank: Graph-based lexical centrality as
//! salience in text summarization").
//!
//! The sentences are the nodes of a graph whose edges weigh the cosine
//! similarity of their TF-IDF vectors; a sentence's centrality is the
//! stationary probability of a random walk that follows the edges with
//! probability [`DAMPING`] and jumps anywhere otherwise. A sentence that
//! shares the document's vocabulary with many others is central.
//!
//! The cost is quadratic in the number of nodes, so a document of more
//! than [`MAX_NODES`] sentences keeps only that many in its graph: the
//! best by a cheap score (TF-IDF content and position, mixed as in the
//! total); the others get centrality 0.

use crate::analyze::TermId;
use crate::score::run;
use crate::summary::ScoreParts;

/// The probability that the walk follows an edge rather than jumps: the
/// usual PageRank value.
pub(crate) const DAMPING: f32 = 0.85;

/// The most sentences in one graph: 400 nodes are 80,000 similarities,
/// well under a millisecond.
pub(crate) const MAX_NODES: usize = 400;

/// Power iterations stop after this many rounds, or sooner when the
/// distribution moves by less than [`TOLERANCE`] (L1).
const MAX_ITERATIONS: usize = 100;
const TOLERANCE: f32 = 1e-6;

/// Reusable working space of the centrality computation.
#[derive(Debug, Default)]
pub(crate) struct Graph {
    /// Sentence of each node, ascending.
    members: Vec<usize>,
    /// Cheap score of each sentence, and the sentences by it, for
    /// choosing the members.
    keys: Vec<f32>,
    order: Vec<usize>,
    /// Row-normalised transition weights, `m * m`.
    weights: Vec<f32>,
    /// The graph's sentences by term (an inverted index): where each
    /// term's list starts in `postings`, then the lists of (node,
    /// weight), nodes ascending.
    offsets: Vec<u32>,
    postings: Vec<(u32, f32)>,
    rank: Vec<f32>,
    next: Vec<f32>,
}

impl Graph {
    /// Sets `parts[i].centrality` for every sentence: its LexRank score
    /// scaled so that the most central sentence has 1, or 0 for a
    /// sentence without terms or outside the graph.
    /// `vec[starts[i]..starts[i + 1]]` is sentence `i`'s TF-IDF vector (sorted by term, every term below
    /// `vocab_len`) and `norms[i]` its norm; `parts` already holds
    /// content and position.
    pub(crate) fn centrality(
        &mut self,
        vec: &[(TermId, f32)],
        starts: &[u32],
        norms: &[f32],
        vocab_len: usize,
        position_weight: f32,
        parts: &mut [ScoreParts],
    ) {
        let n = parts.len();
        self.members.clear();
        if n <= MAX_NODES {
            self.members.extend(0..n);
        } else {
            let w = position_weight;
            self.keys.clear();
            self.keys.extend(
                parts
                    .iter()
                    .map(|p| p.content.powf(1.0 - w) * p.position.powf(w)),
            );
            let keys = &self.keys;
            self.order.clear();
            self.order.extend(0..n);
            self.order
                .sort_by(|&a, &b| keys[b].total_cmp(&keys[a]).then(a.cmp(&b)));
            self.members.extend_from_slice(&self.order[..MAX_NODES]);
            self.members.sort_unstable();
        }
        for p in parts.iter_mut() {
            p.centrality = 0.0;
        }
        let m = self.members.len();
        if m == 0 {
            return;
        }
        self.weights.clear();
        self.weights.resize(m * m, 0.0);
        self.similarities(vec, starts, norms, vocab_len);
        for row in self.weights.chunks_exact_mut(m) {
            let sum: f32 = row.iter().sum();
            if sum > 0.0 {
                for x in row {
                    *x /= sum;
                }
            }
        }
        self.rank.clear();
        self.rank.resize(m, 1.0 / m as f32);
        self.next.clear();
        self.next.resize(m, 0.0);
        let jump = (1.0 - DAMPING) / m as f32;
        for _ in 0..MAX_ITERATIONS {
            self.next.fill(jump);
            step(&self.weights, &self.rank, &mut self.next);
            let moved: f32 = self
                .rank
                .iter()
                .zip(&self.next)
                .map(|(a, b)| (a - b).abs())
                .sum();
            std::mem::swap(&mut self.rank, &mut self.next);
            if moved < TOLERANCE {
                break;
            }
        }
        let mut best = 0.0f32;
        for (k, &s) in self.members.iter().enumerate() {
            if norms[s] > 0.0 {
                best = best.max(self.rank[k]);
            }
        }
        if best <= 0.0 {
            return;
        }
        for (k, &s) in self.members.iter().enumerate() {
            if norms[s] > 0.0 {
                parts[s].centrality = self.rank[k] / best;
            }
        }
    }
}

impl Graph {
    /// Fills the upper and lower triangles of `weights` (zero on entry)
    /// with the cosine similarities of the members' vectors.
    ///
    /// The dot products are summed term by term through an inverted
    /// index: for each term in ascending order, each pair of members
    /// holding it adds the product of their weights. Each pair's sum
    /// thus takes the same products in the same order as a merge of the
    /// two sorted vectors (`score::dot`), the same number to the bit
    /// (tested), but only pairs that share a term cost anything.
    fn similarities(
        &mut self,
        vec: &[(TermId, f32)],
        starts: &[u32],
        norms: &[f32],
        vocab_len: usize,
    ) {
        let m = self.members.len();
        self.offsets.clear();
        self.offsets.resize(vocab_len + 1, 0);
        for &s in &self.members {
            for &(t, _) in &vec[run(starts, s)] {
                self.offsets[t.0 as usize + 1] += 1;
            }
        }
        for t in 0..vocab_len {
            self.offsets[t + 1] += self.offsets[t];
        }
        self.postings.clear();
        self.postings.resize(self.offsets[vocab_len] as usize, (0, 0.0));
        // `offsets[t]` walks through term t's list as it is filled, and
        // ends where the list of t + 1 starts.
        for (k, &s) in self.members.iter().enumerate() {
            for &(t, w) in &vec[run(starts, s)] {
                let at = &mut self.offsets[t.0 as usize];
                self.postings[*at as usize] = (k as u32, w);
                *at += 1;
            }
        }
        let mut from = 0;
        for t in 0..vocab_len {
            let list = &self.postings[from..self.offsets[t] as usize];
            from = self.offsets[t] as usize;
            for (i, &(a, wa)) in list.iter().enumerate() {
                let row = &mut self.weights[a as usize * m..][..m];
                for &(b, wb) in &list[i + 1..] {
                    row[b as usize] += wa * wb;
                }
            }
        }
        for a in 0..m {
            let na = norms[self.members[a]];
            for b in a + 1..m {
                let nb = norms[self.members[b]];
                let sum = self.weights[a * m + b];
                if sum == 0.0 {
                    continue;
                }
                let s = sum / (na * nb);
                self.weights[a * m + b] = s;
                self.weights[b * m + a] = s;
            }
        }
    }
}

/// One step of the walk: adds `DAMPING * rank[j] * weights[j][x]` to
/// `next[x]` for every row `j` in order, for every `x`. Four rows at a
/// time, so that `next` is loaded and stored once per four products;
/// each `next[x]` still takes its products one by one in row order, the
/// same sums to the bit as row by row.
fn step(weights: &[f32], rank: &[f32], next: &mut [f32]) {
    let m = next.len();
    let mut rows = weights.chunks_exact(m).zip(rank);
    let mut quads = weights.chunks_exact(4 * m).zip(rank.chunks_exact(4));
    for (w, r) in quads.by_ref() {
        let (w0, rest) = w.split_at(m);
        let (w1, rest) = rest.split_at(m);
        let (w2, w3) = rest.split_at(m);
        let r = [r[0], r[1], r[2], r[3]].map(|r| DAMPING * r);
        let it = next.iter_mut().zip(w0).zip(w1).zip(w2).zip(w3);
        for ((((x, &a), &b), &c), &d) in it {
            let mut sum = *x;
            sum += a * r[0];
            sum += b * r[1];
            sum += c * r[2];
            sum += d * r[3];
            *x = sum;
        }
    }
    let done = m / 4 * 4;
    for (row, &r) in rows.by_ref().skip(done) {
        let r = DAMPING * r;
        for (x, &wt) in next.iter_mut().zip(row) {
            *x += wt * r;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::dot;

    #[test]
    fn step_is_row_by_row_to_the_bit() {
        for m in 1..11 {
            let weights: Vec<f32> = (0..m * m)
                .map(|i| ((i * 7919 % 113) as f32 / 97.0).sqrt())
                .collect();
            let rank: Vec<f32> =
                (0..m).map(|i| 1.0 / (i as f32 + 3.0)).collect();
            let mut want = vec![0.01f32; m];
            for (j, row) in weights.chunks_exact(m).enumerate() {
                let r = DAMPING * rank[j];
                for (x, &wt) in want.iter_mut().zip(row) {
                    *x += wt * r;
                }
            }
            let mut got = vec![0.01f32; m];
            step(&weights, &rank, &mut got);
            let bits =
                |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&got), bits(&want), "m = {m}");
        }
    }

    #[test]
    fn similarities_are_merged_dots_to_the_bit() {
        // Sparse vectors with positive weights over terms 0..40, of
        // every overlap; the weights have many significant bits. One
        // sentence has no terms.
        let vector = |seed: u32, step: u32| -> Vec<(TermId, f32)> {
            (0..40)
                .filter(|t| !(t * seed + 3).is_multiple_of(step))
                .map(|t| {
                    let w = ((t + 1) * (seed + 7)) as f32 / 13.0 + 0.1;
                    (TermId(t), w.sqrt() * std::f32::consts::LN_2)
                })
                .collect()
        };
        let shapes = [(1, 2), (3, 3), (5, 1), (2, 40), (4, 3), (6, 5), (9, 2)];
        let (mut vec, mut starts, mut norms) =
            (Vec::new(), vec![0u32], vec![]);
        for (seed, step) in shapes {
            let v = vector(seed, step);
            norms.push(v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt());
            vec.extend(v);
            starts.push(vec.len() as u32);
        }
        let n = shapes.len();
        let mut graph = Graph::default();
        graph.members.extend(0..n);
        graph.weights.resize(n * n, 0.0);
        graph.similarities(&vec, &starts, &norms, 40);
        let mut overlapping = 0;
        for a in 0..n {
            for b in 0..n {
                let va = &vec[run(&starts, a)];
                let vb = &vec[run(&starts, b)];
                let want = if a == b || norms[a] == 0.0 || norms[b] == 0.0 {
                    0.0
                } else {
                    dot(va, vb) / (norms[a] * norms[b])
                };
                let got = graph.weights[a * n + b];
                assert_eq!(got.to_bits(), want.to_bits(), "{a} {b}");
                overlapping += usize::from(want > 0.0);
            }
        }
        assert!(overlapping > 10, "{overlapping}");
    }

    #[test]
    fn a_long_document_keeps_its_best_sentences_in_the_graph() {
        let n = MAX_NODES + 50;
        // Sentence i has terms i and i + 1: a chain.
        let mut vec = Vec::new();
        let mut starts = vec![0u32];
        for i in 0..n as u32 {
            vec.push((TermId(i), 1.0));
            vec.push((TermId(i + 1), 1.0));
            starts.push(vec.len() as u32);
        }
        let norms = vec![2f32.sqrt(); n];
        // Content falls with the index, so the first MAX_NODES win.
        let mut parts: Vec<ScoreParts> = (0..n)
            .map(|i| ScoreParts {
                content: 1.0 / (i as f32 + 1.0),
                position: 1.0 / (i as f32 + 1.0),
                form: 1.0,
                ..ScoreParts::default()
            })
            .collect();
        let vocab = n + 1;
        Graph::default()
            .centrality(&vec, &starts, &norms, vocab, 0.5, &mut parts);
        for (i, p) in parts.iter().enumerate() {
            if i < MAX_NODES {
                assert!(p.centrality > 0.0 && p.centrality <= 1.0, "{i}");
            } else {
                assert_eq!(p.centrality, 0.0, "{i}");
            }
        }
    }

    #[test]
    fn no_sentences_no_work() {
        let mut parts: Vec<ScoreParts> = Vec::new();
        Graph::default().centrality(&[], &[0], &[], 0, 0.8, &mut parts);
        assert!(parts.is_empty());
    }
}
