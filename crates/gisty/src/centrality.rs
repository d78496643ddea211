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

/// Rows and columns of the transition matrix are padded with zeros to a
/// multiple of this, the lanes of a 128-bit vector, so that the walk's
/// inner loops have no scalar remainder.
const LANES: usize = 4;

/// No entry: the end of a term's chain in [`Graph::last`].
const NONE: u32 = u32::MAX;

/// One node's weight for one term, linked to the previous node holding
/// the same term.
#[derive(Clone, Copy, Debug)]
struct Link {
    node: u32,
    weight: f32,
    prev: u32,
}

/// Reusable working space of the centrality computation.
#[derive(Debug, Default)]
pub(crate) struct Graph {
    /// Sentence of each node, ascending.
    members: Vec<usize>,
    /// Cheap score of each sentence, and the sentences by it, for
    /// choosing the members.
    keys: Vec<f32>,
    order: Vec<usize>,
    /// Row-normalised transition weights, `p * p` for the `m` nodes
    /// padded to `p`, a multiple of [`LANES`]; the padding is zero.
    weights: Vec<f32>,
    /// The norm of each node's vector.
    norms: Vec<f32>,
    /// By term: the last entry of `links` holding it, or [`NONE`].
    last: Vec<u32>,
    /// Each node's terms in order, each linked to the previous node
    /// holding the same term.
    links: Vec<Link>,
    /// The walk's distribution and the next one, `p` long; the padding
    /// holds the jump probability, as every step leaves it.
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
        let p = m.next_multiple_of(LANES);
        self.weights.clear();
        self.weights.resize(p * p, 0.0);
        self.similarities(vec, starts, norms, vocab_len);
        for row in self.weights.chunks_exact_mut(p).take(m) {
            // The padding adds zeros: the same sum as over the m nodes.
            let sum: f32 = row.iter().sum();
            if sum > 0.0 {
                for x in row {
                    *x /= sum;
                }
            }
        }
        self.walk(m);
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

    /// Fills `weights` (zero on entry, `p * p`) with the cosine
    /// similarities of the members' vectors, both triangles.
    ///
    /// The dot products are summed through the terms' chains: node `k`
    /// takes its terms in ascending order and, for each, every earlier
    /// node holding it adds the product of their weights to both cells
    /// of the pair. Each pair's sum thus takes the same products in the
    /// same order as a merge of the two sorted vectors (`score::dot`),
    /// the same number to the bit (tested), but only pairs that share a
    /// term cost anything.
    fn similarities(
        &mut self,
        vec: &[(TermId, f32)],
        starts: &[u32],
        norms: &[f32],
        vocab_len: usize,
    ) {
        let m = self.members.len();
        let p = m.next_multiple_of(LANES);
        self.last.clear();
        self.last.resize(vocab_len, NONE);
        self.norms.clear();
        self.norms.resize(p, 0.0);
        let entries: usize =
            self.members.iter().map(|&s| run(starts, s).len()).sum();
        self.links.clear();
        self.links.resize(entries, Link { node: 0, weight: 0.0, prev: NONE });
        let links = &mut self.links[..];
        let last = &mut self.last[..];
        let weights = &mut self.weights[..p * p];
        let mut at = 0;
        for (k, &s) in self.members.iter().enumerate() {
            self.norms[k] = norms[s];
            for &(t, w) in &vec[run(starts, s)] {
                let slot = &mut last[t.0 as usize];
                let mut e = *slot;
                // Fewer links than entries of `vec`, whose length is a
                // `u32`; fewer nodes than MAX_NODES.
                *slot = at as u32;
                links[at] = Link { node: k as u32, weight: w, prev: e };
                at += 1;
                while let Some(&Link { node, weight, prev }) =
                    links.get(e as usize)
                {
                    let b = node as usize;
                    let product = weight * w;
                    weights[b * p + k] += product;
                    weights[k * p + b] += product;
                    e = prev;
                }
            }
        }
        // A sum is positive only if both sentences have terms, and
        // thus norms above 1e-7; a sum of 0 stays 0 when the norm of a
        // node without terms (or of the padding) counts as 1.
        for n in &mut self.norms {
            if *n == 0.0 {
                *n = 1.0;
            }
        }
        let norms = &self.norms[..p];
        for (row, &na) in weights.chunks_exact_mut(p).zip(norms).take(m) {
            for (x, &nb) in row.iter_mut().zip(norms) {
                *x /= na * nb;
            }
        }
    }

    /// The random walk over the `m` nodes of `weights` from the uniform
    /// distribution, into `rank`.
    fn walk(&mut self, m: usize) {
        let p = m.next_multiple_of(LANES);
        let jump = (1.0 - DAMPING) / m as f32;
        self.rank.clear();
        self.rank.resize(m, 1.0 / m as f32);
        self.rank.resize(p, jump);
        self.next.clear();
        self.next.resize(p, 0.0);
        for _ in 0..MAX_ITERATIONS {
            self.next.fill(jump);
            step(&self.weights, &self.rank, &mut self.next);
            let converged = moved_less(&self.rank, &self.next, m, TOLERANCE);
            std::mem::swap(&mut self.rank, &mut self.next);
            if converged {
                break;
            }
        }
    }
}

/// Whether the L1 distance of `a[..m]` and `b[..m]`, summed in order,
/// is below `tolerance`; the rest of `a` and `b` is equal.
///
/// The distance is first summed in four lanes, whose sum is within a
/// relative `m * 2^-24` of the sum in order (all terms are
/// non-negative); only when that does not decide does it take the
/// order.
fn moved_less(a: &[f32], b: &[f32], m: usize, tolerance: f32) -> bool {
    let mut lanes = [0.0f32; LANES];
    for (x, y) in a.chunks_exact(LANES).zip(b.chunks_exact(LANES)) {
        for k in 0..LANES {
            lanes[k] += (x[k] - y[k]).abs();
        }
    }
    let sum = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
    // m <= MAX_NODES, so the relative error is under 1e-4.
    if sum < tolerance * (1.0 - 1e-3) {
        return true;
    }
    if sum > tolerance * (1.0 + 1e-3) {
        return false;
    }
    let moved: f32 =
        a[..m].iter().zip(&b[..m]).map(|(x, y)| (x - y).abs()).sum();
    moved < tolerance
}

/// One step of the walk: adds `DAMPING * rank[j] * weights[j][x]` to
/// `next[x]` for every row `j` in order, for every `x`, with `p`, the
/// length of `next`, a multiple of [`LANES`]. Eight rows at a time, so
/// that `next` is loaded and stored once per eight products; each
/// `next[x]` still takes its products one by one in row order, the same
/// sums to the bit as row by row.
#[inline(never)]
fn step(weights: &[f32], rank: &[f32], next: &mut [f32]) {
    // A multiple of LANES, as the compiler sees: no scalar remainder.
    let p = next.len() / LANES * LANES;
    let next = &mut next[..p];
    let eights = weights.chunks_exact(8 * p).zip(rank.chunks_exact(8));
    for (w, r) in eights {
        let r: [f32; 8] = std::array::from_fn(|k| DAMPING * r[k]);
        let (w0, w) = w.split_at(p);
        let (w1, w) = w.split_at(p);
        let (w2, w) = w.split_at(p);
        let (w3, w) = w.split_at(p);
        let (w4, w) = w.split_at(p);
        let (w5, w) = w.split_at(p);
        let (w6, w7) = w.split_at(p);
        let it = next.iter_mut().zip(w0).zip(w1).zip(w2).zip(w3);
        let it = it.zip(w4).zip(w5).zip(w6).zip(w7);
        for ((((((((x, a), b), c), d), e), f), g), h) in it {
            let mut sum = *x;
            sum += a * r[0];
            sum += b * r[1];
            sum += c * r[2];
            sum += d * r[3];
            sum += e * r[4];
            sum += f * r[5];
            sum += g * r[6];
            sum += h * r[7];
            *x = sum;
        }
    }
    let done = p / 8 * 8;
    let rest = weights[done * p..p * p].chunks_exact(4 * p);
    for (w, r) in rest.zip(rank[done..].chunks_exact(4)) {
        let r: [f32; 4] = std::array::from_fn(|k| DAMPING * r[k]);
        let (w0, w) = w.split_at(p);
        let (w1, w) = w.split_at(p);
        let (w2, w3) = w.split_at(p);
        let it = next.iter_mut().zip(w0).zip(w1).zip(w2).zip(w3);
        for ((((x, a), b), c), d) in it {
            let mut sum = *x;
            sum += a * r[0];
            sum += b * r[1];
            sum += c * r[2];
            sum += d * r[3];
            *x = sum;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::dot;

    #[test]
    fn step_is_row_by_row_to_the_bit() {
        for p in (LANES..=40).step_by(LANES) {
            let weights: Vec<f32> = (0..p * p)
                .map(|i| ((i * 7919 % 113) as f32 / 97.0).sqrt())
                .collect();
            let rank: Vec<f32> =
                (0..p).map(|i| 1.0 / (i as f32 + 3.0)).collect();
            let mut want = vec![0.01f32; p];
            for (j, row) in weights.chunks_exact(p).enumerate() {
                let r = DAMPING * rank[j];
                for (x, &wt) in want.iter_mut().zip(row) {
                    *x += wt * r;
                }
            }
            let mut got = vec![0.01f32; p];
            step(&weights, &rank, &mut got);
            assert_eq!(bits(&got), bits(&want), "p = {p}");
        }
    }

    fn bits(v: &[f32]) -> Vec<u32> {
        v.iter().map(|x| x.to_bits()).collect()
    }

    #[test]
    fn moved_less_decides_as_the_sum_in_order() {
        // Distances that sum to about the tolerance, in many orders of
        // magnitude per term, so that the lanes' sum and the sum in
        // order differ in the last bits.
        let mut seed = 12345u64;
        let mut random = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            (seed >> 40) as f32 / (1u64 << 24) as f32
        };
        let mut disagree = 0;
        for case in 0..20_000 {
            let m: usize = 1 + case % 57;
            let p = m.next_multiple_of(LANES);
            let d: Vec<f32> =
                (0..m).map(|_| random() * random() * random()).collect();
            let total: f32 = d.iter().sum();
            let scale = TOLERANCE / total * (1.0 + (random() - 0.5) * 1e-6);
            let a: Vec<f32> = (0..p).map(|_| random() * 1e-7).collect();
            let mut b = a.clone();
            for (k, x) in d.iter().enumerate() {
                b[k] = a[k] + x * scale;
            }
            let want = a[..m]
                .iter()
                .zip(&b[..m])
                .map(|(x, y)| (x - y).abs())
                .sum::<f32>()
                < TOLERANCE;
            assert_eq!(moved_less(&a, &b, m, TOLERANCE), want, "case {case}");
            let mut lanes = [0.0f32; LANES];
            for (k, (x, y)) in a.iter().zip(&b).enumerate() {
                lanes[k % LANES] += (x - y).abs();
            }
            let lanes = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
            disagree += usize::from((lanes < TOLERANCE) != want);
        }
        // The cases come near enough to the tolerance to matter.
        assert!(disagree > 0, "{disagree}");
    }

    /// The centrality before the dense, padded graph: all pairs by
    /// merging sorted vectors, row-by-row steps, the distance summed in
    /// order. The graph must give the same bits.
    pub(crate) fn reference(
        vec: &[(TermId, f32)],
        starts: &[u32],
        norms: &[f32],
        parts: &mut [ScoreParts],
    ) {
        let m = parts.len();
        for p in parts.iter_mut() {
            p.centrality = 0.0;
        }
        if m == 0 {
            return;
        }
        let mut w = vec![0.0f32; m * m];
        for a in 0..m {
            for b in a + 1..m {
                let sum = dot(&vec[run(starts, a)], &vec[run(starts, b)]);
                if sum != 0.0 {
                    w[a * m + b] = sum / (norms[a] * norms[b]);
                    w[b * m + a] = w[a * m + b];
                }
            }
        }
        for row in w.chunks_exact_mut(m) {
            let sum: f32 = row.iter().sum();
            if sum > 0.0 {
                row.iter_mut().for_each(|x| *x /= sum);
            }
        }
        let mut rank = vec![1.0 / m as f32; m];
        for _ in 0..MAX_ITERATIONS {
            let mut next = vec![(1.0 - DAMPING) / m as f32; m];
            for (j, row) in w.chunks_exact(m).enumerate() {
                let r = DAMPING * rank[j];
                for (x, &wt) in next.iter_mut().zip(row) {
                    *x += wt * r;
                }
            }
            let moved: f32 =
                rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
            rank = next;
            if moved < TOLERANCE {
                break;
            }
        }
        let has = |s: usize| norms[s] > 0.0;
        let best =
            (0..m).filter(|&s| has(s)).map(|s| rank[s]).fold(0.0, f32::max);
        if best > 0.0 {
            for s in (0..m).filter(|&s| has(s)) {
                parts[s].centrality = rank[s] / best;
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        #[test]
        fn centrality_is_the_reference_to_the_bit(
            sentences in proptest::collection::vec(
                proptest::collection::vec(0u32..60, 0..14), 0..70),
        ) {
            let (vec, starts, norms) = vectors(&sentences);
            let mut got = vec![ScoreParts::default(); sentences.len()];
            let mut want = got.clone();
            Graph::default().centrality(&vec, &starts, &norms, 60, 0.5, &mut got);
            reference(&vec, &starts, &norms, &mut want);
            let c = |v: &[ScoreParts]| bits(&v.iter().map(|p| p.centrality).collect::<Vec<_>>());
            proptest::prop_assert_eq!(c(&got), c(&want));
        }
    }

    /// TF-IDF vectors of sentences given as term lists, as the scorer
    /// makes them.
    fn vectors(
        sentences: &[Vec<u32>],
    ) -> (Vec<(TermId, f32)>, Vec<u32>, Vec<f32>) {
        let n = sentences.len() as u32;
        let mut df = [0u32; 64];
        let sorted: Vec<Vec<u32>> = sentences
            .iter()
            .map(|s| {
                let mut s = s.clone();
                s.sort_unstable();
                s
            })
            .collect();
        for s in &sorted {
            let mut d = s.clone();
            d.dedup();
            d.iter().for_each(|&t| df[t as usize] += 1);
        }
        let (mut vec, mut starts, mut norms) =
            (Vec::new(), vec![0u32], vec![]);
        for s in &sorted {
            let mut sq = 0.0f32;
            crate::score::for_each_run(
                &s.iter().map(|&t| TermId(t)).collect::<Vec<_>>(),
                |t, c| {
                    let w = c as f32 * crate::score::idf(df[t.0 as usize], n);
                    sq += w * w;
                    vec.push((t, w));
                },
            );
            starts.push(vec.len() as u32);
            norms.push(sq.sqrt());
        }
        (vec, starts, norms)
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
        let p = n.next_multiple_of(LANES);
        let mut graph = Graph::default();
        graph.members.extend(0..n);
        graph.weights.resize(p * p, 0.0);
        graph.similarities(&vec, &starts, &norms, 40);
        let mut overlapping = 0;
        for a in 0..p {
            for b in 0..p {
                let want = if a == b
                    || a >= n
                    || b >= n
                    || norms[a] == 0.0
                    || norms[b] == 0.0
                {
                    0.0
                } else {
                    let va = &vec[run(&starts, a)];
                    let vb = &vec[run(&starts, b)];
                    dot(va, vb) / (norms[a] * norms[b])
                };
                let got = graph.weights[a * p + b];
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
