//! ROUGE scores of a candidate summary against a reference, exactly as
//! Google's [rouge-score](https://pypi.org/project/rouge-score/) 0.1.2
//! computes them, and their averages with bootstrap confidence intervals.
//!
//! - **Tokens**: the text is lowercased; every character other than an
//!   ASCII letter or digit separates tokens; with stemming, tokens longer
//!   than three characters go through the Porter stemmer
//!   ([`porter_stem`]: Porter 1980 with the departures of NLTK's default
//!   mode, which is what rouge-score uses).
//! - **ROUGE-1, ROUGE-2**: clipped n-gram overlap. Precision is the
//!   overlap over the candidate's n-grams, recall over the reference's
//!   (each count at least 1, so an empty side scores 0).
//! - **ROUGE-L**: the longest common subsequence (LCS) of the two token
//!   sequences, over the candidate's length (precision) and the
//!   reference's (recall); 0 when either side has no token.
//! - **ROUGE-Lsum**: summary-level LCS. Both texts are split into
//!   sentences at newlines (`\n`). For every reference sentence, the union
//!   of its LCS with each candidate sentence is taken (one LCS per pair,
//!   the one rouge-score's backtracking picks), and a token counts as a
//!   hit only while it is still unused in both texts (ROUGE-1.5.5's rule
//!   against double counting). Put one sentence per line to get
//!   sentence-level ROUGE-Lsum; a text without newlines is one sentence.
//! - **F1** is `2PR / (P + R)`, and 0 when `P + R = 0`.
//!
//! Scoring never fails and never panics: any two strings give scores in
//! `[0, 1]`. Time is linear in the lengths plus the LCS tables
//! (candidate length × reference length); ROUGE-L keeps two rows of its
//! table, ROUGE-Lsum one bit per cell of each sentence pair's table.
//!
//! ```
//! use gisty_rouge::Rouge;
//!
//! let rouge = Rouge::new(); // stemmed, like most published ROUGE
//! let s = rouge.score("the cats sat on the mat", "the cat sat on a mat");
//! assert!((s.rouge1.f1 - 5.0 / 6.0).abs() < 1e-12);
//! assert!((s.rouge2.recall - 0.6).abs() < 1e-12);
//! ```
//!
//! Averages over many pairs, with 95% confidence intervals by bootstrap
//! resampling (as ROUGE-1.5.5 and rouge-score's `BootstrapAggregator`
//! report them), come from [`Bootstrap`]:
//!
//! ```
//! use gisty_rouge::{Bootstrap, Rouge};
//!
//! let rouge = Rouge::new();
//! let scores: Vec<_> = [("a b c", "a b d"), ("x y", "x y")]
//!     .iter()
//!     .map(|(c, r)| rouge.score(c, r))
//!     .collect();
//! let agg = Bootstrap::new().aggregate(&scores);
//! assert_eq!(agg.count, 2);
//! let f1 = agg.rouge1.f1;
//! assert!(f1.low <= f1.mean && f1.mean <= f1.high);
//! ```

#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

mod bootstrap;
mod porter;
mod tokenize;

#[cfg(test)]
mod tests;

pub use bootstrap::{
    Aggregate, Bootstrap, DEFAULT_RESAMPLES, DEFAULT_SEED, Interval,
    PrfInterval,
};

use tokenize::{Interner, Tokens};

/// Precision, recall and F1 of one ROUGE measure, each in `[0, 1]`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Prf {
    /// The share of the candidate that matches the reference.
    pub precision: f64,
    /// The share of the reference that the candidate matches.
    pub recall: f64,
    /// The harmonic mean of precision and recall; 0 when both are 0.
    pub f1: f64,
}

impl Prf {
    /// Precision `hits / candidate`, recall `hits / reference` (rouge-score
    /// divides by the counts as given) and their F1.
    fn from_counts(hits: usize, candidate: usize, reference: usize) -> Prf {
        let precision = hits as f64 / candidate as f64;
        let recall = hits as f64 / reference as f64;
        Prf { precision, recall, f1: f1(precision, recall) }
    }
}

/// F1 as rouge-score computes it (same operations, same order).
fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

/// The four ROUGE measures of one candidate against one reference.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Scores {
    /// ROUGE-1: unigram overlap.
    pub rouge1: Prf,
    /// ROUGE-2: bigram overlap.
    pub rouge2: Prf,
    /// ROUGE-L: longest common subsequence of the whole texts.
    pub rouge_l: Prf,
    /// ROUGE-Lsum: summary-level LCS over newline-separated sentences.
    pub rouge_lsum: Prf,
}

impl Scores {
    /// The scores of one measure.
    pub fn get(&self, metric: Metric) -> Prf {
        match metric {
            Metric::Rouge1 => self.rouge1,
            Metric::Rouge2 => self.rouge2,
            Metric::RougeL => self.rouge_l,
            Metric::RougeLsum => self.rouge_lsum,
        }
    }
}

/// One of the four ROUGE measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Metric {
    /// ROUGE-1.
    Rouge1,
    /// ROUGE-2.
    Rouge2,
    /// ROUGE-L.
    RougeL,
    /// ROUGE-Lsum.
    RougeLsum,
}

impl Metric {
    /// The four measures, in the usual order.
    pub const ALL: [Metric; 4] =
        [Metric::Rouge1, Metric::Rouge2, Metric::RougeL, Metric::RougeLsum];

    /// The name rouge-score gives the measure: `rouge1`, `rouge2`,
    /// `rougeL`, `rougeLsum`.
    pub fn name(self) -> &'static str {
        match self {
            Metric::Rouge1 => "rouge1",
            Metric::Rouge2 => "rouge2",
            Metric::RougeL => "rougeL",
            Metric::RougeLsum => "rougeLsum",
        }
    }
}

/// A ROUGE scorer: its options, fixed once built. Cheap to copy; use it
/// from any number of threads.
///
/// ```
/// use gisty_rouge::Rouge;
///
/// let unstemmed = Rouge::new().stemmed(false);
/// assert_eq!(unstemmed.score("running", "runs").rouge1.f1, 0.0);
/// assert_eq!(Rouge::new().score("running", "runs").rouge1.f1, 1.0);
/// // Only tokens longer than three characters are stemmed.
/// assert_eq!(Rouge::new().score("ran", "runs").rouge1.f1, 0.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rouge {
    stemmed: bool,
}

impl Default for Rouge {
    fn default() -> Rouge {
        Rouge::new()
    }
}

impl Rouge {
    /// A scorer with stemming on (rouge-score's `use_stemmer=True`, the
    /// usual setting in published results; rouge-score's own default is
    /// off).
    pub fn new() -> Rouge {
        Rouge { stemmed: true }
    }

    /// Whether tokens longer than three characters are Porter-stemmed.
    pub fn stemmed(self, yes: bool) -> Rouge {
        Rouge { stemmed: yes }
    }

    /// Whether this scorer stems.
    pub fn is_stemmed(&self) -> bool {
        self.stemmed
    }

    /// ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum of `candidate` against
    /// `reference`. Note the order: rouge-score's `score(target,
    /// prediction)` takes the reference first.
    ///
    /// Allocates its working space anew; in a loop, prefer
    /// [`score_with`](Self::score_with).
    pub fn score(&self, candidate: &str, reference: &str) -> Scores {
        self.score_with(&mut Scratch::new(), candidate, reference)
    }

    /// Like [`score`](Self::score), reusing `scratch` for working space.
    pub fn score_with(
        &self,
        scratch: &mut Scratch,
        candidate: &str,
        reference: &str,
    ) -> Scores {
        let s = scratch;
        s.interner.clear();
        s.candidate.fill(
            candidate,
            self.stemmed,
            &mut s.interner,
            &mut s.word,
        );
        s.reference.fill(
            reference,
            self.stemmed,
            &mut s.interner,
            &mut s.word,
        );
        let cand = &s.candidate.ids;
        let refr = &s.reference.ids;
        Scores {
            rouge1: ngrams(cand, refr, 1, &mut s.keys_c, &mut s.keys_r),
            rouge2: ngrams(cand, refr, 2, &mut s.keys_c, &mut s.keys_r),
            rouge_l: if cand.is_empty() || refr.is_empty() {
                Prf::default()
            } else {
                let lcs = lcs_len(refr, cand, &mut s.row);
                Prf::from_counts(lcs, cand.len(), refr.len())
            },
            rouge_lsum: summary_lcs(
                &s.candidate,
                &s.reference,
                s.interner.len(),
                &mut s.lsum,
            ),
        }
    }
}

/// Reusable working space for [`Rouge::score_with`]. It keeps no results
/// between calls, and works with any [`Rouge`].
#[derive(Debug, Default)]
pub struct Scratch {
    interner: Interner,
    word: Vec<u8>,
    candidate: Tokens,
    reference: Tokens,
    keys_c: Vec<u64>,
    keys_r: Vec<u64>,
    row: Vec<u32>,
    lsum: LsumScratch,
}

impl Scratch {
    /// Empty working space.
    pub fn new() -> Scratch {
        Scratch::default()
    }
}

/// The tokens of `text` as rouge-score's tokenizer makes them: lowercase
/// ASCII letters and digits, stemmed when `stemmed` (tokens longer than
/// three characters only).
///
/// ```
/// assert_eq!(
///     gisty_rouge::tokenize("The runners' times: 3:59.4!", true),
///     ["the", "runner", "time", "3", "59", "4"],
/// );
/// ```
pub fn tokenize(text: &str, stemmed: bool) -> Vec<String> {
    tokenize::tokens(text, stemmed)
}

/// `word` stemmed by the Porter stemmer as rouge-score applies it (NLTK's
/// `PorterStemmer()` in its default mode): ASCII letters are lowercased
/// first; a word with any other character than ASCII letters and digits
/// is returned unchanged, since the stemmer is only defined on those.
///
/// Unlike [`tokenize`], this stems words of any length.
///
/// ```
/// use gisty_rouge::porter_stem;
///
/// assert_eq!(porter_stem("Generalizations"), "gener");
/// assert_eq!(porter_stem("happy"), "happi");
/// assert_eq!(porter_stem("dying"), "die");
/// ```
pub fn porter_stem(word: &str) -> String {
    if !word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return word.to_string();
    }
    let mut w = word.to_ascii_lowercase().into_bytes();
    porter::stem_in_place(&mut w);
    // The stemmer only removes and appends ASCII letters.
    String::from_utf8(w).unwrap_or_default()
}

/// ROUGE-N of token ids: clipped overlap of the n-gram multisets, found by
/// sorting each side's n-grams (packed into `u64`) and merging.
fn ngrams(
    cand: &[u32],
    refr: &[u32],
    n: usize,
    keys_c: &mut Vec<u64>,
    keys_r: &mut Vec<u64>,
) -> Prf {
    fn fill(ids: &[u32], n: usize, keys: &mut Vec<u64>) {
        keys.clear();
        if n == 1 {
            keys.extend(ids.iter().map(|&a| u64::from(a)));
        } else {
            keys.extend(
                ids.windows(2)
                    .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1])),
            );
        }
        keys.sort_unstable();
    }
    debug_assert!(n == 1 || n == 2);
    fill(cand, n, keys_c);
    fill(refr, n, keys_r);
    let (mut i, mut j, mut hits) = (0, 0, 0);
    while i < keys_c.len() && j < keys_r.len() {
        match keys_c[i].cmp(&keys_r[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                hits += 1;
                i += 1;
                j += 1;
            }
        }
    }
    Prf::from_counts(hits, keys_c.len().max(1), keys_r.len().max(1))
}

/// Length of the LCS of `a` and `b`, with one row of the table (over the
/// shorter sequence).
fn lcs_len(a: &[u32], b: &[u32], row: &mut Vec<u32>) -> usize {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    row.clear();
    row.resize(short.len() + 1, 0);
    for &x in long {
        // `row` holds the previous row until overwritten: `up` is the
        // cell above, `diag` above-left, `left` the cell just written.
        let (mut diag, mut left) = (0, 0);
        for (cell, &y) in row[1..].iter_mut().zip(short) {
            let up = *cell;
            left = if x == y { diag + 1 } else { up.max(left) };
            *cell = left;
            diag = up;
        }
    }
    row[short.len()] as usize
}

/// Working space of ROUGE-Lsum.
#[derive(Debug, Default)]
struct LsumScratch {
    prev: Vec<u32>,
    cur: Vec<u32>,
    /// One bit per cell of a sentence pair's LCS table: whether the
    /// backtracking moves left from that cell.
    left: Vec<u64>,
    /// Which positions of the current reference sentence are in the union
    /// of its LCSs.
    in_union: Vec<bool>,
    count_c: Vec<u32>,
    count_r: Vec<u32>,
}

/// ROUGE-Lsum as rouge-score's `_summary_level_lcs`.
fn summary_lcs(
    cand: &Tokens,
    refr: &Tokens,
    vocab: usize,
    s: &mut LsumScratch,
) -> Prf {
    let m = refr.ids.len();
    let n = cand.ids.len();
    if m == 0 || n == 0 {
        return Prf::default();
    }
    for (counts, ids) in
        [(&mut s.count_c, &cand.ids), (&mut s.count_r, &refr.ids)]
    {
        counts.clear();
        counts.resize(vocab, 0);
        for &t in ids {
            if let Some(c) = counts.get_mut(t as usize) {
                *c += 1;
            }
        }
    }
    let mut hits = 0;
    for r in &refr.sentences {
        let r = &refr.ids[r.clone()];
        s.in_union.clear();
        s.in_union.resize(r.len(), false);
        for c in &cand.sentences {
            let c = &cand.ids[c.clone()];
            lcs_mark(r, c, s);
        }
        for (&t, _) in r.iter().zip(&s.in_union).filter(|(_, u)| **u) {
            let t = t as usize;
            if let (Some(cc), Some(cr)) = (s.count_c.get(t), s.count_r.get(t))
                && *cc > 0
                && *cr > 0
            {
                hits += 1;
                s.count_c[t] -= 1;
                s.count_r[t] -= 1;
            }
        }
    }
    Prf::from_counts(hits, n, m)
}

/// Marks in `s.in_union` the positions of `r` on one LCS of `r` and `c`:
/// the one rouge-score's `_backtrack_norec` reads out of the table (from
/// the end; on a match take it, else move left when the cell to the left
/// is strictly greater than the cell above, else up).
fn lcs_mark(r: &[u32], c: &[u32], s: &mut LsumScratch) {
    let cols = c.len();
    let cells = r.len() * cols;
    s.left.clear();
    s.left.resize(cells.div_ceil(64), 0);
    s.prev.clear();
    s.prev.resize(cols + 1, 0);
    s.cur.clear();
    s.cur.resize(cols + 1, 0);
    for (i, &x) in r.iter().enumerate() {
        // `prev` is row i, `cur` becomes row i + 1 (cell 0 stays 0).
        let (mut diag, mut left) = (0, 0);
        let cells = s.cur[1..].iter_mut().zip(&s.prev[1..]).zip(c);
        for (j, ((cell, &up), &y)) in cells.enumerate() {
            left = if x == y {
                diag + 1
            } else {
                if left > up {
                    let bit = i * cols + j;
                    s.left[bit / 64] |= 1 << (bit % 64);
                }
                left.max(up)
            };
            *cell = left;
            diag = up;
        }
        std::mem::swap(&mut s.prev, &mut s.cur);
    }
    let (mut i, mut j) = (r.len(), cols);
    while i > 0 && j > 0 {
        if r[i - 1] == c[j - 1] {
            s.in_union[i - 1] = true;
            i -= 1;
            j -= 1;
        } else {
            let bit = (i - 1) * cols + (j - 1);
            if s.left[bit / 64] & (1 << (bit % 64)) != 0 {
                j -= 1;
            } else {
                i -= 1;
            }
        }
    }
}

/// The README's example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
