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

use crate::vectors::{Entry, Link, NONE, Vectors, run};

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

/// Four lanes aligned to 16 bytes: SSE arithmetic may then take them
/// straight from memory, one instruction fewer per use.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(16))]
struct Lanes([f32; LANES]);

/// Where cell (`row`, `col`) of the transition matrix, padded to `p`,
/// sits in [`Graph::weights`]: by column block of [`LANES`] columns,
/// then by row, so that a block's rows are one run of `p` quads.
#[inline]
fn cell(p: usize, row: usize, col: usize) -> usize {
    (col & !(LANES - 1)) * p + row * LANES + (col & (LANES - 1))
}

/// Reusable working space of the centrality computation.
#[derive(Debug, Default)]
pub(crate) struct Graph {
    /// The centrality of each sentence, the result.
    scores: Vec<f32>,
    /// Sentence of each node, ascending.
    members: Vec<usize>,
    /// Cheap score of each sentence, and the sentences by it, for
    /// choosing the members.
    keys: Vec<f32>,
    order: Vec<usize>,
    /// Row-normalised transition weights, `p * p` for the `m` nodes
    /// padded to `p`, a multiple of [`LANES`], laid out by column
    /// block (see [`cell`]): the walk sums a block's rows in registers,
    /// from one run of memory. The padding is zero.
    weights: Vec<[f32; LANES]>,
    /// The norm of each node's vector, `p` long; 0 for a node without
    /// terms and for the padding.
    norms: Vec<f32>,
    /// The sum of each row of similarities, `p` long, in every lane; 1
    /// for a row of zeros.
    sums: Vec<[f32; LANES]>,
    /// When the graph leaves sentences out: by term, the last entry of
    /// `entries` holding it, or [`NONE`].
    last: Vec<u32>,
    /// When the graph leaves sentences out: the members' vectors, and
    /// their links (each entry's node a member, its chain of members).
    entries: Vec<Entry>,
    links: Vec<Link>,
    /// The walk's distribution and the next one, `p` long; the padding
    /// holds the jump probability, as every step leaves it.
    rank: Vec<[f32; LANES]>,
    next: Vec<[f32; LANES]>,
    /// Each node's norm in every lane, 1 for a norm of 0, `p` long
    /// (see `similarities`).
    by: Vec<Lanes>,
    /// `DAMPING * rank[j]`, `p` long (see [`step`]): one number a row,
    /// which the step spreads over the lanes as it loads it.
    scaled: Vec<f32>,
}

impl Graph {
    /// The centrality of every sentence of `vectors`: its LexRank score
    /// scaled so that the most central sentence has 1, or 0 for a
    /// sentence without terms or outside the graph. When there are more
    /// than [`MAX_NODES`] sentences, those of the highest `cheap(i)`
    /// make the graph, ties to the earlier.
    pub(crate) fn centrality(
        &mut self,
        vectors: &Vectors,
        cheap: impl Fn(usize) -> f32,
    ) -> &[f32] {
        self.rank_into(
            vectors.entries(),
            vectors.links(),
            vectors.starts(),
            vectors.norms(),
            vectors.vocab_len(),
            cheap,
        );
        &self.scores
    }

    /// Sets `scores` as [`centrality`](Self::centrality) says, for the
    /// vectors laid out as [`Vectors`] holds them:
    /// `vec[starts[i]..starts[i + 1]]` is sentence `i`'s TF-IDF vector
    /// (sorted by term, every term below `vocab_len`) and `norms[i]` its
    /// norm; `links`, when as long as `vec`, has each entry's node `i`
    /// and chains it to the previous sentence holding its term.
    fn rank_into(
        &mut self,
        vec: &[Entry],
        links: &[Link],
        starts: &[u32],
        norms: &[f32],
        vocab_len: usize,
        cheap: impl Fn(usize) -> f32,
    ) {
        let n = norms.len();
        self.members.clear();
        if n <= MAX_NODES {
            self.members.extend(0..n);
        } else {
            self.keys.clear();
            self.keys.extend((0..n).map(cheap));
            let keys = &self.keys;
            self.order.clear();
            self.order.extend(0..n);
            self.order
                .sort_by(|&a, &b| keys[b].total_cmp(&keys[a]).then(a.cmp(&b)));
            self.members.extend_from_slice(&self.order[..MAX_NODES]);
            self.members.sort_unstable();
        }
        self.scores.clear();
        self.scores.resize(n, 0.0);
        let m = self.members.len();
        if m == 0 {
            return;
        }
        let p = m.next_multiple_of(LANES);
        self.weights.clear();
        self.weights.resize(p * p / LANES, [0.0; LANES]);
        self.similarities(vec, links, starts, norms, vocab_len);
        // Each row divided by its sum (see `similarities`).
        let sums = self.sums.as_flattened();
        for block in self.weights.chunks_exact_mut(p) {
            let block = block.as_flattened_mut();
            for (x, sum) in block.iter_mut().zip(sums) {
                *x /= sum;
            }
        }
        self.walk(m);
        // The members' norms, as `similarities` took them.
        let nodes = self.rank.as_flattened().iter().zip(&self.norms[..m]);
        let mut best = 0.0f32;
        for (&rank, &norm) in nodes.clone() {
            if norm > 0.0 {
                best = best.max(rank);
            }
        }
        if best <= 0.0 {
            return;
        }
        for ((&rank, &norm), &s) in nodes.zip(&self.members) {
            if norm > 0.0 {
                self.scores[s] = rank / best;
            }
        }
    }

    /// Fills `weights` (zero on entry, `p * p`) with the cosine
    /// similarities of the members' vectors, both triangles, and `sums`
    /// with the sum of each row.
    fn similarities(
        &mut self,
        vec: &[Entry],
        links: &[Link],
        starts: &[u32],
        norms: &[f32],
        vocab_len: usize,
    ) {
        let m = self.members.len();
        let p = m.next_multiple_of(LANES);
        self.norms.clear();
        self.norms.extend(self.members.iter().map(|&s| norms[s]));
        self.norms.resize(p, 0.0);
        let weights = &mut self.weights[..p * p / LANES];
        if m + 1 == starts.len() && links.len() == vec.len() {
            // Every sentence is a node, and `links` has their chains.
            dots(vec, links, p, weights.as_flattened_mut());
        } else {
            self.last.clear();
            self.last.resize(vocab_len, NONE);
            self.entries.clear();
            self.links.clear();
            for (k, &s) in self.members.iter().enumerate() {
                for e in &vec[run(starts, s)] {
                    let last = &mut self.last[e.term.0 as usize];
                    // Fewer entries than those of `vec`, whose number is
                    // a `u32`; fewer nodes than MAX_NODES.
                    let prev =
                        std::mem::replace(last, self.entries.len() as u32);
                    self.entries.push(*e);
                    self.links.push(Link { node: k as u32, prev });
                }
            }
            dots(&self.entries, &self.links, p, weights.as_flattened_mut());
        }
        mirror(weights, p);
        // A sum is positive only if both sentences have terms, and
        // thus norms above 1e-7; a sum of 0 stays 0 when the norm of a
        // node without terms (or of the padding) counts as 1.
        let one = |n: f32| if n == 0.0 { 1.0 } else { n };
        self.by.clear();
        self.by.extend(self.norms.iter().map(|&n| Lanes([one(n); LANES])));
        self.sums.clear();
        let norms = self.norms.as_chunks::<LANES>().0;
        for (block, nb) in weights.chunks_exact_mut(p).zip(norms) {
            let sum = cosines(block, &self.by, nb.map(one));
            // A row without weights is divided by 1, and stays zero.
            let sum = sum.map(|s| if s > 0.0 { s } else { 1.0 });
            self.sums.extend(sum.map(|s| [s; LANES]));
        }
    }

    /// The random walk over the `m` nodes of `weights` from the uniform
    /// distribution, into `rank`.
    fn walk(&mut self, m: usize) {
        let p = m.next_multiple_of(LANES);
        let jump = (1.0 - DAMPING) / m as f32;
        self.rank.clear();
        self.rank.resize(p / LANES, [jump; LANES]);
        self.rank.as_flattened_mut()[..m].fill(1.0 / m as f32);
        self.next.clear();
        self.next.resize(p / LANES, [0.0; LANES]);
        self.scaled.clear();
        self.scaled.resize(p, 0.0);
        for _ in 0..MAX_ITERATIONS {
            let lanes = step(
                &self.weights,
                &self.rank,
                &mut self.scaled,
                &mut self.next,
                jump,
            );
            let (a, b) = (self.rank.as_flattened(), self.next.as_flattened());
            let converged = moved_less(lanes, a, b, m, TOLERANCE);
            std::mem::swap(&mut self.rank, &mut self.next);
            if converged {
                break;
            }
        }
    }
}

/// Divides the similarities of a column block (`p` rows of four
/// columns) by the norms of their rows (`spread`, in every lane) and
/// columns (`nb`): cosines; returns the sums of its columns, in row
/// order.
///
/// Not inlined: as a function of its own its slices are known not to
/// overlap, and the loop is vectorised four lanes at a time.
#[inline(never)]
fn cosines(
    block: &mut [[f32; LANES]],
    spread: &[Lanes],
    nb: [f32; LANES],
) -> [f32; LANES] {
    // The matrix is symmetric to the bit (each pair's two cells
    // take the same products, and `na * nb` is `nb * na`), so
    // the sums of the block's columns, in row order, are those
    // of its rows in column order: four at a time.
    let mut sum = [0.0f32; LANES];
    for (x, na) in block.iter_mut().zip(spread) {
        for l in 0..LANES {
            x[l] /= na.0[l] * nb[l];
            sum[l] += x[l];
        }
    }
    sum
}

/// Adds the dot products of the vectors in `entries` (chained by term)
/// to the upper cell of each pair of nodes in `weights` (`p * p`, laid
/// out as [`cell`] says): row `b`, column `k`, for `b` before `k`;
/// [`mirror`] makes the lower one.
///
/// Entry by entry in order, each earlier entry on its term's chain adds
/// the product of their weights: node `k`'s terms come in ascending
/// order, so each pair's sum takes the same products in the same order
/// as a merge of the two sorted vectors (`vectors::dot`), the same number
/// to the bit (tested), but only pairs that share a term cost anything.
fn dots(entries: &[Entry], links: &[Link], p: usize, weights: &mut [f32]) {
    // One length for both, so that one check serves both.
    let n = entries.len().min(links.len());
    let (entries, links) = (&entries[..n], &links[..n]);
    for (e, l) in entries.iter().zip(links) {
        let mut at = l.prev as usize;
        if at >= n {
            continue;
        }
        let (column, w) = (cell(p, 0, l.node as usize), e.weight);
        while let Some(link) = links.get(at) {
            // An earlier node: a row above the diagonal.
            let b = link.node as usize;
            if let Some(x) = weights.get_mut(column + b * LANES) {
                *x += entries[at].weight * w;
            }
            at = link.prev as usize;
        }
    }
}

/// Copies the upper triangle of `weights` (`p * p`, laid out as
/// [`cell`] says, the lower triangle zero) to the lower one, four by
/// four: the matrix of similarities is symmetric.
fn mirror(weights: &mut [[f32; LANES]], p: usize) {
    let tile =
        |weights: &[[f32; LANES]], at: usize| -> [[f32; LANES]; LANES] {
            match weights.get(at..at + LANES) {
                Some(t) => [t[0], t[1], t[2], t[3]],
                None => [[0.0; LANES]; LANES],
            }
        };
    for c in 0..p / LANES {
        // Tile (rows of block r, columns of block c) is above the
        // diagonal for r < c, and its transpose below.
        for r in 0..c {
            let (above, below) = (c * p + r * LANES, r * p + c * LANES);
            let t = tile(weights, above);
            if let Some(out) = weights.get_mut(below..below + LANES) {
                for (a, out) in out.iter_mut().enumerate() {
                    *out = std::array::from_fn(|l| t[l][a]);
                }
            }
        }
        // On the diagonal, each cell adds the zero of the other
        // triangle to its own value, or its own zero to the other's.
        let at = c * p + c * LANES;
        let t = tile(weights, at);
        if let Some(out) = weights.get_mut(at..at + LANES) {
            for (a, out) in out.iter_mut().enumerate() {
                *out = std::array::from_fn(|l| t[a][l] + t[l][a]);
            }
        }
    }
}

/// The L1 distance of `a` and `b` (of equal lengths, a multiple of
/// [`LANES`]) summed in four lanes: lane `k` sums the elements at `k`
/// modulo 4, in order. [`step`] sums the same lanes as it goes.
#[cfg(test)]
fn distance_lanes(a: &[f32], b: &[f32]) -> [f32; LANES] {
    let mut lanes = [0.0f32; LANES];
    for (x, y) in a.chunks_exact(LANES).zip(b.chunks_exact(LANES)) {
        for k in 0..LANES {
            lanes[k] += (x[k] - y[k]).abs();
        }
    }
    lanes
}

/// Whether the L1 distance of `a[..m]` and `b[..m]`, summed in order,
/// is below `tolerance`; the rest of `a` and `b` is equal, and `lanes`
/// is their distance summed in four lanes (see `distance_lanes`).
///
/// The sum of the lanes is within a relative `m * 2^-24` of the sum in
/// order (all terms are non-negative); only when that does not decide
/// does it take the order.
fn moved_less(
    lanes: [f32; LANES],
    a: &[f32],
    b: &[f32],
    m: usize,
    tolerance: f32,
) -> bool {
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

/// One step of the walk: sets `next[x]` to `jump` plus
/// `DAMPING * rank[j] * weights[j][x]` for every row `j` in order, for
/// every `x`, with `weights` laid out as [`cell`] says and `p` the
/// length of `next` and `rank` in lanes, and of `by`; returns the
/// distance of `rank` and `next` in four lanes (see `distance_lanes`).
///
/// Two column blocks at a time: `DAMPING * rank[j]`, set in `by[j]`
/// first and spread over the lanes when loaded, times each block's row
/// `j`, added to four sums per block held in registers. Each `next[x]`
/// still takes its products one by one in row order, the same sums to
/// the bit as row by row.
///
/// Compiled twice, the second time for AVX2, and the version the CPU
/// runs picked once: the arithmetic is the same operations in the same
/// order either way, so the bits are too.
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn step(
    weights: &[[f32; LANES]],
    rank: &[[f32; LANES]],
    by: &mut [f32],
    next: &mut [[f32; LANES]],
    jump: f32,
) -> [f32; LANES] {
    let p = next.len() * LANES;
    let by = &mut by[..p];
    for (b, &r) in by.iter_mut().zip(rank.as_flattened()) {
        *b = DAMPING * r;
    }
    let by = &by[..];
    let mut lanes = [0.0f32; LANES];
    let mut moved = |old: &[f32; LANES], sum: &[f32; LANES]| {
        for l in 0..LANES {
            lanes[l] += (old[l] - sum[l]).abs();
        }
    };
    // Two column blocks at a time, side by side in memory: each row's
    // `by` serves both, and the loop's counting is shared.
    let mut pairs = weights.chunks_exact(2 * p);
    let (old2, next2) = (rank.chunks_exact(2), next.chunks_exact_mut(2));
    for ((pair, old), x) in (&mut pairs).zip(old2).zip(next2) {
        let (left, right) = pair.split_at(p);
        let (mut a, mut b) = ([jump; LANES], [jump; LANES]);
        // Four rows at a time: p is a multiple of four.
        let (l4, r4) = (left.as_chunks::<4>().0, right.as_chunks::<4>().0);
        let b4 = by.as_chunks::<4>().0;
        for ((l4, r4), b4) in l4.iter().zip(r4).zip(b4) {
            for k in 0..4 {
                let by = [b4[k]; LANES];
                for l in 0..LANES {
                    a[l] += l4[k][l] * by[l];
                    b[l] += r4[k][l] * by[l];
                }
            }
        }
        if let [x0, x1] = x {
            (*x0, *x1) = (a, b);
        }
        if let [o0, o1] = old {
            moved(o0, &a);
            moved(o1, &b);
        }
    }
    // An odd number of blocks leaves the last one alone.
    let last = pairs.remainder();
    if let (Some(old), Some(x)) = (rank.last(), next.last_mut())
        && !last.is_empty()
    {
        let mut sum = [jump; LANES];
        let (w4, b4) = (last.as_chunks::<4>().0, by.as_chunks::<4>().0);
        for (w4, b4) in w4.iter().zip(b4) {
            for k in 0..4 {
                for l in 0..LANES {
                    sum[l] += w4[k][l] * b4[k];
                }
            }
        }
        *x = sum;
        moved(old, &sum);
    }
    lanes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::TermId;
    use crate::vectors::{dot, idf};

    /// A row-major `p * p` matrix laid out by column block, as
    /// [`cell`] says.
    fn blocked(rows: &[f32], p: usize) -> Vec<[f32; LANES]> {
        let mut out = vec![[0.0; LANES]; p * p / LANES];
        for (j, row) in rows.chunks_exact(p).enumerate() {
            for (x, &w) in row.iter().enumerate() {
                out.as_flattened_mut()[cell(p, j, x)] = w;
            }
        }
        out
    }

    #[test]
    fn step_is_row_by_row_to_the_bit() {
        for p in (LANES..=40).step_by(LANES) {
            // Every number of rows with weights that pads to p.
            for m in p + 1 - LANES..=p {
                let weights: Vec<f32> = (0..p * p)
                    .map(|i| {
                        if i / p >= m {
                            return 0.0;
                        }
                        ((i * 7919 % 113) as f32 / 97.0).sqrt()
                    })
                    .collect();
                let rank: Vec<f32> =
                    (0..p).map(|i| 1.0 / (i as f32 + 3.0)).collect();
                let jump = 0.15 / (p as f32 - 1.5);
                let mut want = vec![jump; p];
                for (j, row) in weights.chunks_exact(p).enumerate() {
                    let r = DAMPING * rank[j];
                    for (x, &wt) in want.iter_mut().zip(row) {
                        *x += wt * r;
                    }
                }
                // Whatever `next` and `by` held before does not count.
                let mut got = vec![[f32::NAN; LANES]; p / LANES];
                let mut by = vec![f32::NAN; p];
                let quads = rank.as_chunks().0;
                let weights = blocked(&weights, p);
                let lanes = step(&weights, quads, &mut by, &mut got, jump);
                let got = got.as_flattened();
                assert_eq!(bits(got), bits(&want), "p = {p}, m = {m}");
                let want = distance_lanes(&rank, &want);
                assert_eq!(bits(&lanes), bits(&want), "p = {p}, m = {m}");
            }
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
            let lanes = distance_lanes(&a, &b);
            let got = moved_less(lanes, &a, &b, m, TOLERANCE);
            assert_eq!(got, want, "case {case}");
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
        vec: &[Entry],
        starts: &[u32],
        norms: &[f32],
        cheap: impl Fn(usize) -> f32,
    ) -> Vec<f32> {
        let n = norms.len();
        let mut members: Vec<usize> = (0..n).collect();
        if n > MAX_NODES {
            members.sort_by(|&a, &b| {
                cheap(b).total_cmp(&cheap(a)).then(a.cmp(&b))
            });
            members.truncate(MAX_NODES);
            members.sort_unstable();
        }
        let mut scores = vec![0.0; n];
        let m = members.len();
        if m == 0 {
            return scores;
        }
        let v = |k: usize| &vec[run(starts, members[k])];
        let norms: Vec<f32> = members.iter().map(|&s| norms[s]).collect();
        let mut w = vec![0.0f32; m * m];
        for a in 0..m {
            for b in a + 1..m {
                let sum = dot(v(a), v(b));
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
        let has = |k: usize| norms[k] > 0.0;
        let best =
            (0..m).filter(|&k| has(k)).map(|k| rank[k]).fold(0.0, f32::max);
        if best > 0.0 {
            for k in (0..m).filter(|&k| has(k)) {
                scores[members[k]] = rank[k] / best;
            }
        }
        scores
    }

    /// The centrality of the graph laid out as [`Vectors`] holds it.
    fn centrality(
        vec: &[Entry],
        links: &[Link],
        starts: &[u32],
        norms: &[f32],
        vocab_len: usize,
        cheap: impl Fn(usize) -> f32,
    ) -> Vec<f32> {
        let mut graph = Graph::default();
        graph.rank_into(vec, links, starts, norms, vocab_len, cheap);
        graph.scores
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        #[test]
        fn centrality_is_the_reference_to_the_bit(
            sentences in proptest::collection::vec(
                proptest::collection::vec(0u32..60, 0..14), 0..70),
        ) {
            let (vec, links, starts, norms) = vectors(&sentences);
            let cheap = |_| -> f32 { unreachable!("a graph of every sentence") };
            let got = centrality(&vec, &links, &starts, &norms, 60, cheap);
            let want = reference(&vec, &starts, &norms, cheap);
            proptest::prop_assert_eq!(bits(&got), bits(&want));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(6))]

        #[test]
        fn a_long_documents_graph_is_the_reference_to_the_bit(
            sentences in proptest::collection::vec(
                proptest::collection::vec(0u32..60, 0..8),
                MAX_NODES + 1..MAX_NODES + 40),
            contents in proptest::collection::vec(0.0f32..1.0, MAX_NODES + 40),
        ) {
            let (vec, links, starts, norms) = vectors(&sentences);
            let cheap = |i: usize| contents[i].powf(0.7) / (i as f32 + 1.0).powf(0.3);
            let got = centrality(&vec, &links, &starts, &norms, 60, cheap);
            let want = reference(&vec, &starts, &norms, cheap);
            proptest::prop_assert_eq!(bits(&got), bits(&want));
        }
    }

    /// TF-IDF vectors of sentences given as term lists, as the scorer
    /// makes them.
    fn vectors(
        sentences: &[Vec<u32>],
    ) -> (Vec<Entry>, Vec<Link>, Vec<u32>, Vec<f32>) {
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
            for same in s.chunk_by(|a, b| a == b) {
                let t = same[0];
                let w = same.len() as f32 * idf(df[t as usize], n);
                sq += w * w;
                vec.push((TermId(t), w));
            }
            starts.push(vec.len() as u32);
            norms.push(sq.sqrt());
        }
        let (vec, links) = chained(&vec, &starts);
        (vec, links, starts, norms)
    }

    /// Entries of the vectors cut by `starts`, chained as the scorer
    /// chains them.
    fn chained(
        vec: &[(TermId, f32)],
        starts: &[u32],
    ) -> (Vec<Entry>, Vec<Link>) {
        let mut last = std::collections::HashMap::new();
        let (mut out, mut links) = (Vec::new(), Vec::new());
        for i in 0..starts.len() - 1 {
            for &(term, weight) in &vec[run(starts, i)] {
                let prev = last.insert(term, out.len() as u32).unwrap_or(NONE);
                out.push(Entry { term, weight });
                links.push(Link { node: i as u32, prev });
            }
        }
        (out, links)
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
        let (vec, links) = chained(&vec, &starts);
        let n = shapes.len();
        let p = n.next_multiple_of(LANES);
        let mut graph = Graph::default();
        graph.members.extend(0..n);
        graph.weights.resize(p * p / LANES, [0.0; LANES]);
        graph.similarities(&vec, &links, &starts, &norms, 40);
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
                let got = graph.weights.as_flattened()[cell(p, a, b)];
                assert_eq!(got.to_bits(), want.to_bits(), "{a} {b}");
                overlapping += usize::from(want > 0.0);
            }
            // The row's sum in order, from the columns'.
            let cells = graph.weights.as_flattened();
            let sum: f32 = (0..p).map(|b| cells[cell(p, a, b)]).sum();
            let want = if sum > 0.0 { sum } else { 1.0 };
            assert_eq!(
                graph.sums[a].map(f32::to_bits),
                [want.to_bits(); LANES]
            );
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
        let (vec, links) = chained(&vec, &starts);
        let norms = vec![2f32.sqrt(); n];
        // Content falls with the index, so the first MAX_NODES win.
        let cheap = |i: usize| 1.0 / (i as f32 + 1.0);
        let got = centrality(&vec, &links, &starts, &norms, n + 1, cheap);
        for (i, &c) in got.iter().enumerate() {
            if i < MAX_NODES {
                assert!(c > 0.0 && c <= 1.0, "{i}");
            } else {
                assert_eq!(c, 0.0, "{i}");
            }
        }
    }

    #[test]
    fn no_sentences_no_work() {
        let got = centrality(&[], &[], &[0], &[], 0, |_| 0.0);
        assert!(got.is_empty());
    }
}
