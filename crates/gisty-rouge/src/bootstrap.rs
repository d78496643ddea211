//! Averages of ROUGE scores with bootstrap confidence intervals.
//!
//! As ROUGE-1.5.5 and rouge-score's `BootstrapAggregator` do it: draw as
//! many pairs as there are, with replacement, many times over; take the
//! mean of each draw; the interval runs from the 2.5th to the 97.5th
//! percentile of those means (linear interpolation between order
//! statistics, NumPy's default). The draws come from a small seeded
//! generator (SplitMix64), so the same scores always give the same
//! intervals; rouge-score draws from NumPy's global generator instead, so
//! its bounds differ run to run in the last digits.

use super::{Metric, Prf, Scores};

/// The number of resamples [`Bootstrap::new`] draws.
pub const DEFAULT_RESAMPLES: usize = 1000;

/// The seed [`Bootstrap::new`] starts its generator from.
pub const DEFAULT_SEED: u64 = 0x5EED_6157_7952_0C1E;

/// Computes the mean of each score over many pairs, with a 95% bootstrap
/// confidence interval.
///
/// ```
/// use gisty_rouge::{Bootstrap, Rouge};
///
/// let rouge = Rouge::new();
/// let scores = vec![
///     rouge.score("a b c d", "a b c d"),
///     rouge.score("a b", "c d"),
/// ];
/// let agg = Bootstrap::new().aggregate(&scores);
/// assert_eq!(agg.rouge1.f1.mean, 0.5);
/// assert_eq!((agg.rouge1.f1.low, agg.rouge1.f1.high), (0.0, 1.0));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bootstrap {
    resamples: usize,
    seed: u64,
}

impl Default for Bootstrap {
    fn default() -> Bootstrap {
        Bootstrap::new()
    }
}

impl Bootstrap {
    /// [`DEFAULT_RESAMPLES`] resamples from [`DEFAULT_SEED`].
    pub fn new() -> Bootstrap {
        Bootstrap { resamples: DEFAULT_RESAMPLES, seed: DEFAULT_SEED }
    }

    /// How many resamples to draw. With 0, no interval is computed: both
    /// bounds are the mean.
    pub fn resamples(self, n: usize) -> Bootstrap {
        Bootstrap { resamples: n, ..self }
    }

    /// The seed of the generator that draws the resamples.
    pub fn seed(self, seed: u64) -> Bootstrap {
        Bootstrap { seed, ..self }
    }

    /// Means and 95% confidence intervals of every score in `scores`.
    /// With no scores, everything is 0.
    pub fn aggregate(&self, scores: &[Scores]) -> Aggregate {
        const MEASURES: usize = 12;
        let flat = |s: &Scores| -> [f64; MEASURES] {
            let mut out = [0.0; MEASURES];
            for (k, m) in Metric::ALL.into_iter().enumerate() {
                let p = s.get(m);
                out[3 * k..3 * k + 3].copy_from_slice(&[
                    p.precision,
                    p.recall,
                    p.f1,
                ]);
            }
            out
        };
        let n = scores.len();
        let mut mean = [0.0; MEASURES];
        for s in scores {
            for (acc, v) in mean.iter_mut().zip(flat(s)) {
                *acc += v;
            }
        }
        if n > 0 {
            for v in &mut mean {
                *v /= n as f64;
            }
        }
        let (mut low, mut high) = (mean, mean);
        if n > 0 && self.resamples > 0 {
            let rows: Vec<[f64; MEASURES]> = scores.iter().map(flat).collect();
            let mut rng = SplitMix64(self.seed);
            // Capacity is a hint: a huge resample count must not abort here.
            let cap = self.resamples.min(1 << 16);
            let mut means: Vec<Vec<f64>> =
                (0..MEASURES).map(|_| Vec::with_capacity(cap)).collect();
            for _ in 0..self.resamples {
                let mut sum = [0.0; MEASURES];
                for _ in 0..n {
                    let row = &rows[rng.below(n)];
                    for (acc, v) in sum.iter_mut().zip(row) {
                        *acc += v;
                    }
                }
                for (col, v) in means.iter_mut().zip(sum) {
                    col.push(v / n as f64);
                }
            }
            for (k, col) in means.iter_mut().enumerate() {
                col.sort_unstable_by(f64::total_cmp);
                low[k] = percentile(col, 2.5);
                high[k] = percentile(col, 97.5);
            }
        }
        let interval =
            |k: usize| Interval { mean: mean[k], low: low[k], high: high[k] };
        let prf = |k: usize| PrfInterval {
            precision: interval(3 * k),
            recall: interval(3 * k + 1),
            f1: interval(3 * k + 2),
        };
        Aggregate {
            count: n,
            rouge1: prf(0),
            rouge2: prf(1),
            rouge_l: prf(2),
            rouge_lsum: prf(3),
        }
    }
}

/// The `q`th percentile (0 to 100) of sorted, non-empty `v`, interpolated
/// linearly between the two nearest order statistics.
fn percentile(v: &[f64], q: f64) -> f64 {
    let pos = q / 100.0 * (v.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = (lo + 1).min(v.len() - 1);
    let t = pos - lo as f64;
    v[lo] + (v[hi] - v[lo]) * t
}

/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014): tiny, fast, and good enough for resampling.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`), by multiply-shift: the bias is at
    /// most `n / 2^64`.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }
}

/// A mean and its confidence interval.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Interval {
    /// The mean over all pairs.
    pub mean: f64,
    /// The 2.5th percentile of the bootstrap means.
    pub low: f64,
    /// The 97.5th percentile of the bootstrap means.
    pub high: f64,
}

/// [`Interval`]s of precision, recall and F1.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PrfInterval {
    /// Precision.
    pub precision: Interval,
    /// Recall.
    pub recall: Interval,
    /// F1.
    pub f1: Interval,
}

impl PrfInterval {
    /// The means alone.
    pub fn mean(&self) -> Prf {
        Prf {
            precision: self.precision.mean,
            recall: self.recall.mean,
            f1: self.f1.mean,
        }
    }
}

/// Averages of the four ROUGE measures over many pairs, from
/// [`Bootstrap::aggregate`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Aggregate {
    /// How many pairs were averaged.
    pub count: usize,
    /// ROUGE-1.
    pub rouge1: PrfInterval,
    /// ROUGE-2.
    pub rouge2: PrfInterval,
    /// ROUGE-L.
    pub rouge_l: PrfInterval,
    /// ROUGE-Lsum.
    pub rouge_lsum: PrfInterval,
}

impl Aggregate {
    /// The intervals of one measure.
    pub fn get(&self, metric: Metric) -> PrfInterval {
        match metric {
            Metric::Rouge1 => self.rouge1,
            Metric::Rouge2 => self.rouge2,
            Metric::RougeL => self.rouge_l,
            Metric::RougeLsum => self.rouge_lsum,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate() {
        let v = [0.0, 1.0, 2.0, 3.0, 4.0];
        assert_eq!(percentile(&v, 0.0), 0.0);
        assert_eq!(percentile(&v, 50.0), 2.0);
        assert_eq!(percentile(&v, 100.0), 4.0);
        assert!((percentile(&v, 2.5) - 0.1).abs() < 1e-12);
        assert_eq!(percentile(&[7.0], 97.5), 7.0);
    }

    #[test]
    fn deterministic_and_bracketing() {
        let rouge = super::super::Rouge::new();
        let scores: Vec<Scores> = (0..40)
            .map(|i| {
                let cand = format!("w{} a b c", i % 7);
                rouge.score(&cand, "a b c d e w1 w2")
            })
            .collect();
        let a = Bootstrap::new().aggregate(&scores);
        assert_eq!(a, Bootstrap::new().aggregate(&scores));
        assert_eq!(a.count, 40);
        for m in Metric::ALL {
            for i in [a.get(m).precision, a.get(m).recall, a.get(m).f1] {
                assert!(i.low <= i.mean && i.mean <= i.high, "{m:?} {i:?}");
            }
        }
        let other = Bootstrap::new().seed(1).aggregate(&scores);
        assert_eq!(other.rouge1.f1.mean, a.rouge1.f1.mean);
    }

    #[test]
    fn empty_and_no_resamples() {
        let a = Bootstrap::new().aggregate(&[]);
        assert_eq!(a, Aggregate::default());
        let s = super::super::Rouge::new().score("a b", "a c");
        let a = Bootstrap::new().resamples(0).aggregate(&[s, s]);
        assert_eq!(a.rouge1.f1.low, a.rouge1.f1.mean);
        assert_eq!(a.rouge1.f1.high, 0.5);
    }
}
