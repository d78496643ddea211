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
    /// One sentence's TF-IDF vector spread out by term id (zero
    /// elsewhere), to take its dot products with the others in one pass
    /// over each of them.
    dense: Vec<f32>,
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
        if self.dense.len() < vocab_len {
            self.dense.resize(vocab_len, 0.0);
        }
        for a in 0..m {
            let (sa, na) = (self.members[a], norms[self.members[a]]);
            if na == 0.0 {
                continue;
            }
            let va = &vec[run(starts, sa)];
            for &(t, w) in va {
                self.dense[t.0 as usize] = w;
            }
            for b in a + 1..m {
                let (sb, nb) = (self.members[b], norms[self.members[b]]);
                if nb == 0.0 {
                    continue;
                }
                let s =
                    dense_dot(&self.dense, &vec[run(starts, sb)]) / (na * nb);
                self.weights[a * m + b] = s;
                self.weights[b * m + a] = s;
            }
            for &(t, _) in va {
                self.dense[t.0 as usize] = 0.0;
            }
        }
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
            for (j, row) in self.weights.chunks_exact(m).enumerate() {
                let r = DAMPING * self.rank[j];
                for (x, &wt) in self.next.iter_mut().zip(row) {
                    *x += wt * r;
                }
            }
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

/// The dot product of a vector spread out by term id with a sparse one
/// (every term below `dense.len()`): the same number, to the bit, as
/// `score::dot` of the two sparse vectors. The products of common terms are
/// added in the same order (ascending term), `dense[t] * w` with the
/// same operands in the same order, and the other terms add `+0.0` (the
/// weights are positive), which leaves a sum unchanged.
fn dense_dot(dense: &[f32], b: &[(TermId, f32)]) -> f32 {
    let mut sum = 0.0f32;
    for &(t, w) in b {
        sum += dense[t.0 as usize] * w;
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::dot;

    #[test]
    fn dense_dot_is_dot_to_the_bit() {
        // Sparse vectors with positive weights over terms 0..40, of
        // every overlap; the weights have many significant bits.
        let vector = |seed: u32, step: u32| -> Vec<(TermId, f32)> {
            (0..40)
                .filter(|t| !(t * seed + 3).is_multiple_of(step))
                .map(|t| {
                    let w = ((t + 1) * (seed + 7)) as f32 / 13.0 + 0.1;
                    (TermId(t), w.sqrt() * std::f32::consts::LN_2)
                })
                .collect()
        };
        let mut dense = vec![0.0f32; 40];
        let mut overlapping = 0;
        for (sa, ka) in [(1, 2), (3, 3), (5, 7), (2, 40)] {
            let a = vector(sa, ka);
            for &(t, w) in &a {
                dense[t.0 as usize] = w;
            }
            for (sb, kb) in [(1, 2), (4, 3), (6, 5), (9, 2), (1, 41)] {
                let b = vector(sb, kb);
                let want = dot(&a, &b);
                assert_eq!(dense_dot(&dense, &b).to_bits(), want.to_bits());
                overlapping += usize::from(want > 0.0);
            }
            dense.fill(0.0);
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
