//! Languages and their data: stop words (here) and sentence rules (in
//! [`crate::segment`]).

use std::fmt;
use std::str::FromStr;

use rust_stemmers::Algorithm;

use crate::error::BuildError;

mod english;

/// A language gisty knows.
///
/// The eighteen languages with a Snowball stemmer in rust-stemmers are
/// summarised with their stemmer; the others are split into sentences
/// with their own rules and summarised without stemming. Parsed from an
/// English name or an ISO 639-1 code, in any case (`"english"`, `"en"`).
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Language {
    /// Arabic (`ar`): Snowball's Arabic stemmer.
    Arabic,
    /// Danish (`da`): Snowball's Danish stemmer.
    Danish,
    /// Dutch (`nl`): Snowball's Dutch stemmer.
    Dutch,
    /// English (`en`): Snowball's English stemmer.
    #[default]
    English,
    /// Finnish (`fi`): Snowball's Finnish stemmer.
    Finnish,
    /// French (`fr`): Snowball's French stemmer.
    French,
    /// German (`de`): Snowball's German stemmer.
    German,
    /// Greek (`el`): Snowball's Greek stemmer.
    Greek,
    /// Hungarian (`hu`): Snowball's Hungarian stemmer.
    Hungarian,
    /// Italian (`it`): Snowball's Italian stemmer.
    Italian,
    /// Norwegian (`no`): Snowball's Norwegian stemmer.
    Norwegian,
    /// Portuguese (`pt`): Snowball's Portuguese stemmer.
    Portuguese,
    /// Romanian (`ro`): Snowball's Romanian stemmer.
    Romanian,
    /// Russian (`ru`): Snowball's Russian stemmer.
    Russian,
    /// Spanish (`es`): Snowball's Spanish stemmer.
    Spanish,
    /// Swedish (`sv`): Snowball's Swedish stemmer.
    Swedish,
    /// Tamil (`ta`): Snowball's Tamil stemmer.
    Tamil,
    /// Turkish (`tr`): Snowball's Turkish stemmer.
    Turkish,
    /// Amharic (`am`): no stemmer.
    Amharic,
    /// Armenian (`hy`): no stemmer.
    Armenian,
    /// Bulgarian (`bg`): no stemmer.
    Bulgarian,
    /// Burmese (`my`): no stemmer.
    Burmese,
    /// Chinese (`zh`): no stemmer.
    Chinese,
    /// Hindi (`hi`): no stemmer.
    Hindi,
    /// Japanese (`ja`): no stemmer.
    Japanese,
    /// Kazakh (`kk`): no stemmer.
    Kazakh,
    /// Korean (`ko`): no stemmer.
    Korean,
    /// Marathi (`mr`): no stemmer.
    Marathi,
    /// Persian (`fa`): no stemmer.
    Persian,
    /// Polish (`pl`): no stemmer.
    Polish,
    /// Slovak (`sk`): no stemmer.
    Slovak,
    /// Thai (`th`): no stemmer.
    Thai,
    /// Urdu (`ur`): no stemmer.
    Urdu,
}

impl Language {
    /// Every language, in a fixed order: the Snowball languages first.
    pub const ALL: &'static [Language] = &[
        Language::Arabic,
        Language::Danish,
        Language::Dutch,
        Language::English,
        Language::Finnish,
        Language::French,
        Language::German,
        Language::Greek,
        Language::Hungarian,
        Language::Italian,
        Language::Norwegian,
        Language::Portuguese,
        Language::Romanian,
        Language::Russian,
        Language::Spanish,
        Language::Swedish,
        Language::Tamil,
        Language::Turkish,
        Language::Amharic,
        Language::Armenian,
        Language::Bulgarian,
        Language::Burmese,
        Language::Chinese,
        Language::Hindi,
        Language::Japanese,
        Language::Kazakh,
        Language::Korean,
        Language::Marathi,
        Language::Persian,
        Language::Polish,
        Language::Slovak,
        Language::Thai,
        Language::Urdu,
    ];

    /// The English name, lowercase (`"english"`).
    pub fn name(self) -> &'static str {
        match self {
            Language::Arabic => "arabic",
            Language::Danish => "danish",
            Language::Dutch => "dutch",
            Language::English => "english",
            Language::Finnish => "finnish",
            Language::French => "french",
            Language::German => "german",
            Language::Greek => "greek",
            Language::Hungarian => "hungarian",
            Language::Italian => "italian",
            Language::Norwegian => "norwegian",
            Language::Portuguese => "portuguese",
            Language::Romanian => "romanian",
            Language::Russian => "russian",
            Language::Spanish => "spanish",
            Language::Swedish => "swedish",
            Language::Tamil => "tamil",
            Language::Turkish => "turkish",
            Language::Amharic => "amharic",
            Language::Armenian => "armenian",
            Language::Bulgarian => "bulgarian",
            Language::Burmese => "burmese",
            Language::Chinese => "chinese",
            Language::Hindi => "hindi",
            Language::Japanese => "japanese",
            Language::Kazakh => "kazakh",
            Language::Korean => "korean",
            Language::Marathi => "marathi",
            Language::Persian => "persian",
            Language::Polish => "polish",
            Language::Slovak => "slovak",
            Language::Thai => "thai",
            Language::Urdu => "urdu",
        }
    }

    /// The ISO 639-1 code (`"en"`).
    pub fn code(self) -> &'static str {
        match self {
            Language::Arabic => "ar",
            Language::Danish => "da",
            Language::Dutch => "nl",
            Language::English => "en",
            Language::Finnish => "fi",
            Language::French => "fr",
            Language::German => "de",
            Language::Greek => "el",
            Language::Hungarian => "hu",
            Language::Italian => "it",
            Language::Norwegian => "no",
            Language::Portuguese => "pt",
            Language::Romanian => "ro",
            Language::Russian => "ru",
            Language::Spanish => "es",
            Language::Swedish => "sv",
            Language::Tamil => "ta",
            Language::Turkish => "tr",
            Language::Amharic => "am",
            Language::Armenian => "hy",
            Language::Bulgarian => "bg",
            Language::Burmese => "my",
            Language::Chinese => "zh",
            Language::Hindi => "hi",
            Language::Japanese => "ja",
            Language::Kazakh => "kk",
            Language::Korean => "ko",
            Language::Marathi => "mr",
            Language::Persian => "fa",
            Language::Polish => "pl",
            Language::Slovak => "sk",
            Language::Thai => "th",
            Language::Urdu => "ur",
        }
    }

    /// True when gisty stems this language's words (a Snowball stemmer).
    pub fn has_stemmer(self) -> bool {
        self.stemmer().is_some()
    }

    pub(crate) fn stemmer(self) -> Option<Algorithm> {
        match self {
            Language::Arabic => Some(Algorithm::Arabic),
            Language::Danish => Some(Algorithm::Danish),
            Language::Dutch => Some(Algorithm::Dutch),
            Language::English => Some(Algorithm::English),
            Language::Finnish => Some(Algorithm::Finnish),
            Language::French => Some(Algorithm::French),
            Language::German => Some(Algorithm::German),
            Language::Greek => Some(Algorithm::Greek),
            Language::Hungarian => Some(Algorithm::Hungarian),
            Language::Italian => Some(Algorithm::Italian),
            Language::Norwegian => Some(Algorithm::Norwegian),
            Language::Portuguese => Some(Algorithm::Portuguese),
            Language::Romanian => Some(Algorithm::Romanian),
            Language::Russian => Some(Algorithm::Russian),
            Language::Spanish => Some(Algorithm::Spanish),
            Language::Swedish => Some(Algorithm::Swedish),
            Language::Tamil => Some(Algorithm::Tamil),
            Language::Turkish => Some(Algorithm::Turkish),
            _ => None,
        }
    }

    pub(crate) fn stop_words(self) -> &'static [&'static str] {
        match self {
            Language::English => english::STOP_WORDS,
            _ => &[],
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes_parse_back() {
        for &l in Language::ALL {
            assert_eq!(l.name().parse::<Language>(), Ok(l));
            assert_eq!(l.code().to_uppercase().parse::<Language>(), Ok(l));
        }
        assert!("klingon".parse::<Language>().is_err());
    }

    #[test]
    fn codes_are_distinct() {
        let mut codes: Vec<_> =
            Language::ALL.iter().map(|l| l.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), Language::ALL.len());
        let snowball =
            Language::ALL.iter().filter(|l| l.has_stemmer()).count();
        assert_eq!(snowball, 18);
    }
}
