//! How long a summary may be.

use crate::error::BuildError;

/// The length of a summary: a number of sentences, a share of the
/// document's sentences, or a number of words.
///
/// Whatever the budget, a summary of a document that has a sentence is
/// never empty, and a budget larger than the document returns every
/// sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Budget(Kind);

#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
enum Kind {
    Sentences(usize),
    Ratio(f32),
    Words(usize),
}

impl Budget {
    /// At most `n` sentences (at least one: `0` counts as `1`).
    pub fn sentences(n: usize) -> Budget {
        Budget(Kind::Sentences(n.max(1)))
    }

    /// A share `r` of the document's sentences, rounded up.
    ///
    /// # Errors
    ///
    /// When `r` is not a number in `(0, 1]`.
    pub fn ratio(r: f32) -> Result<Budget, BuildError> {
        if r.is_finite() && r > 0.0 && r <= 1.0 {
            Ok(Budget(Kind::Ratio(r)))
        } else {
            Err(BuildError::out_of_range(
                "ratio",
                r.into(),
                "a number in (0, 1]",
            ))
        }
    }

    /// At most `n` words in all, counted as Unicode words; the best
    /// sentence is kept even when it alone is longer.
    pub fn words(n: usize) -> Budget {
        Budget(Kind::Words(n))
    }

    /// How many sentences may be picked among `candidates`, or `None`
    /// when the budget counts words.
    pub(crate) fn sentence_limit(&self, candidates: usize) -> Option<usize> {
        match self.0 {
            Kind::Sentences(n) => Some(n),
            Kind::Ratio(r) => {
                let n = (r as f64 * candidates as f64).ceil() as usize;
                Some(n.max(1))
            }
            Kind::Words(_) => None,
        }
    }

    /// The word limit, when the budget counts words.
    pub(crate) fn word_limit(&self) -> Option<usize> {
        match self.0 {
            Kind::Words(n) => Some(n),
            _ => None,
        }
    }
}

impl Default for Budget {
    /// Three sentences.
    fn default() -> Budget {
        Budget::sentences(3)
    }
}
