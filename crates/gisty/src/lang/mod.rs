//! Languages and their data: stop words (here) and sentence rules (in
//! [`crate::segment`]).

use std::fmt;
use std::str::FromStr;

use crate::error::BuildError;

mod english;

/// A language gisty knows how to summarise.
///
/// Parsed from an English name or an ISO 639-1 code, in any case
/// (`"english"`, `"en"`).
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Language {
    /// English: Snowball's English (Porter2) stemmer.
    #[default]
    English,
}

impl Language {
    /// Every language, in a fixed order.
    pub const ALL: &'static [Language] = &[Language::English];

    /// The English name, lowercase (`"english"`).
    pub fn name(self) -> &'static str {
        match self {
            Language::English => "english",
        }
    }

    /// The ISO 639-1 code (`"en"`).
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
        }
    }

    pub(crate) fn stemmer(self) -> Option<rust_stemmers::Algorithm> {
        match self {
            Language::English => Some(rust_stemmers::Algorithm::English),
        }
    }

    pub(crate) fn stop_words(self) -> &'static [&'static str] {
        match self {
            Language::English => english::STOP_WORDS,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Language {
    type Err = BuildError;

    fn from_str(s: &str) -> Result<Language, BuildError> {
        let t = s.trim();
        Language::ALL
            .iter()
            .copied()
            .find(|l| {
                t.eq_ignore_ascii_case(l.name())
                    || t.eq_ignore_ascii_case(l.code())
            })
            .ok_or_else(|| BuildError::unknown_language(s))
    }
}
