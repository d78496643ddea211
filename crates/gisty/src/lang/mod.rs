//! Languages and their data: stop words and stemmers (here), sentence
//! rules (in [`crate::segment`]) and detection ([`detect`]). What is done
//! with them is the pipeline's: terms (stems, and bigrams for unspaced
//! scripts) in `analyze`.
//!
//! Stop words: English has gisty's own list (Snowball's, plus a few
//! reporting verbs: see `english.rs`). Every other language takes its
//! list from the [stop-words](https://crates.io/crates/stop-words) crate,
//! compiled in: NLTK's lists where NLTK has one (for the Snowball
//! languages these are Snowball's own lists, BSD-3-Clause), the
//! Stopwords ISO lists (MIT) otherwise. Amharic and Burmese have none.

use std::fmt;
use std::str::FromStr;

use rust_stemmers::Algorithm;

use crate::analyze::{Analysis, Set, fold_into, hasher};
use crate::error::BuildError;

pub(crate) mod abbrev;
mod detect;
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

    /// The built-in stop words of this language (empty for Amharic and
    /// Burmese), as listed by their source: gisty folds them to lower
    /// case when it builds a summariser.
    pub fn stop_words(self) -> &'static [&'static str] {
        match self {
            Language::English => english::STOP_WORDS,
            _ => stop_words::lookup(self.code()).unwrap_or(&[]),
        }
    }

    /// True for languages written without spaces between words
    /// (Chinese, Japanese, Thai, Burmese), whose terms are character
    /// bigrams rather than words.
    pub fn is_unspaced(self) -> bool {
        matches!(
            self,
            Language::Chinese
                | Language::Japanese
                | Language::Thai
                | Language::Burmese
        )
    }

    /// The language of `text`, told by its letters, or `None` when the
    /// text is too short or has no letters, or its language is not one
    /// of [`Language::ALL`].
    ///
    /// Reads at most the first 2 KB of the text; never panics. A vote of
    /// the Snowball stop words of the Latin-script languages answers
    /// when it is clear; otherwise the detector is
    /// [whatlang](https://crates.io/crates/whatlang) (trigrams), with
    /// Kazakh told apart from the other Cyrillic languages by its
    /// letters, and Danish from Norwegian by a vote of words the two
    /// spell differently.
    ///
    /// ```
    /// use gisty::Language;
    ///
    /// let text = "Die Gemeinde hat am Montag eine neue Fähre in \
    ///             Betrieb genommen, die zwei Dörfer verbindet.";
    /// assert_eq!(Language::detect(text), Some(Language::German));
    /// assert_eq!(Language::detect("1234 !!"), None);
    /// ```
    pub fn detect(text: &str) -> Option<Language> {
        detect::detect(text)
    }

    /// This language's position in [`Language::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// What a summariser adds to, or takes from, the built-in word lists.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Lexicon {
    /// The user's stop words, as given.
    pub(crate) stop_words: Vec<String>,
    /// When false, the language's own stop words are left out.
    pub(crate) builtin_stop_words: bool,
}

/// The analysis of `language` (or, for `None`, of a text whose language
/// is unknown: no stemmer, no built-in stop words, bigrams for unspaced
/// scripts) with the user's words of `lexicon`.
pub(crate) fn analysis(
    language: Option<Language>,
    lexicon: &Lexicon,
    id: u64,
) -> Analysis {
    let mut stop_words: Set<Box<str>> = Set::with_hasher(hasher());
    let mut buf = String::new();
    let builtin = match language {
        Some(l) if lexicon.builtin_stop_words => l.stop_words(),
        _ => &[],
    };
    let user = lexicon.stop_words.iter().map(String::as_str);
    for w in builtin.iter().copied().chain(user) {
        fold_into(w.trim(), &mut buf);
        if !buf.is_empty() {
            stop_words.insert(buf.as_str().into());
        }
    }
    Analysis {
        stop_words,
        stemmer: language.and_then(Language::stemmer),
        bigrams: language.is_none_or(Language::is_unspaced),
        id,
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

/// The texts of the corpus (`corpus/` and `corpus/lang/`, the files that
/// read as UTF-8) with their paths, for the tests that check a fast path
/// against its first version on real text.
#[cfg(test)]
pub(crate) fn corpus_texts() -> Vec<(std::path::PathBuf, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let mut out = vec![];
    for d in [dir.to_string(), format!("{dir}/lang")] {
        for e in std::fs::read_dir(d).expect("corpus") {
            let p = e.expect("entry").path();
            if let Ok(text) = std::fs::read_to_string(&p) {
                out.push((p, text));
            }
        }
    }
    assert!(out.len() > 10);
    out
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::analyze::Vocab;
    use crate::{Budget, Scratch, Summarizer};

    /// Text mixing scripts, sentence ends of several languages,
    /// abbreviations and stray characters.
    fn multilingual() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("Die Fähre fährt heute. ".to_string()),
            Just("The council met on Monday. ".to_string()),
            Just("Город открыл парк. ".to_string()),
            Just("Қала паркті ашты. ".to_string()),
            Just("图书馆的电脑很新。".to_string()),
            Just("図書館は開館した。".to_string()),
            Just("ห้องสมุดเปิดแล้ว ".to_string()),
            Just("पुस्तकालय खोला गया। ".to_string()),
            Just("هل فتحت المكتبة؟ ".to_string()),
            Just("abt. ".to_string()),
            Just("\n\n".to_string()),
            "[a-zA-Z]{1,8} ",
            any::<char>().prop_map(|c| c.to_string()),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn detection_reads_a_prefix(text in multilingual(), max in 0usize..300) {
            let p = detect::prefix(&text, max);
            prop_assert!(text.starts_with(p));
            prop_assert!(p.len() <= max);
            let head = detect::prefix(&text, detect::PREFIX_BYTES);
            prop_assert_eq!(Language::detect(&text), Language::detect(head));
        }

        #[test]
        fn detect_any_string(text in any::<String>()) {
            let _ = Language::detect(&text);
        }

        #[test]
        fn auto_summaries_use_the_detected_language(
            text in multilingual(),
            n in 1usize..4,
        ) {
            let auto = Summarizer::builder()
                .language_auto()
                .abbreviations(["abt"])
                .build()
                .unwrap();
            let fixed = Summarizer::new();
            let mut scratch = Scratch::new();
            // A scratch space used by another summariser first.
            let _ = fixed.summarize_with(&mut scratch, &text, Budget::sentences(n));
            let summary =
                auto.summarize_with(&mut scratch, &text, Budget::sentences(n));
            let want = Language::detect(&text);
            prop_assert_eq!(summary.language(), want);
            prop_assert_eq!(summary.language_detected(), want.is_some());
            let sentences = auto.sentences(&text);
            prop_assert_eq!(summary.total_sentences(), sentences.len());
            let mut last_end = 0;
            for s in &sentences {
                prop_assert!(s.span.start >= last_end);
                prop_assert!(s.span.get(&text).is_some());
                last_end = s.span.end;
            }
            for p in summary.scored() {
                prop_assert_eq!(sentences[p.index].span, p.span);
                prop_assert!(p.score.is_finite());
            }
            prop_assert_eq!(
                &auto.summarize(&text, Budget::sentences(n)),
                &summary
            );
        }

        #[test]
        fn bigram_terms_of_any_string(text in any::<String>()) {
            let a = analysis(None, &Lexicon::default(), 99);
            let mut v = Vocab::default();
            v.prepare(&a);
            let mut out = Vec::new();
            v.analyze(&a, &text, &mut out);
            prop_assert!(out.iter().all(|t| (t.0 as usize) < v.len()));
        }
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

    #[test]
    fn index_is_position_in_all() {
        for (i, &l) in Language::ALL.iter().enumerate() {
            assert_eq!(l.index(), i, "{l}");
        }
    }

    #[test]
    fn stop_words_for_all_but_amharic_and_burmese() {
        for &l in Language::ALL {
            let n = l.stop_words().len();
            let none = matches!(l, Language::Amharic | Language::Burmese);
            assert_eq!(n == 0, none, "{l}: {n} stop words");
        }
    }

    #[test]
    fn analysis_table() {
        let user = Lexicon {
            stop_words: vec!["  Foo ".into(), "".into()],
            builtin_stop_words: true,
        };
        let replace = Lexicon { builtin_stop_words: false, ..user.clone() };
        // (language, lexicon, word, is a stop word)
        let rows = [
            (Some(Language::German), &user, "und", true),
            (Some(Language::German), &user, "foo", true),
            (Some(Language::German), &user, "fähre", false),
            (Some(Language::German), &replace, "und", false),
            (Some(Language::German), &replace, "foo", true),
            (Some(Language::French), &user, "les", true),
            (Some(Language::Russian), &user, "и", true),
            (Some(Language::Chinese), &user, "我们", true),
            (None, &user, "the", false),
            (None, &user, "foo", true),
        ];
        for (l, lex, word, stop) in rows {
            let a = analysis(l, lex, 1);
            assert_eq!(a.stop_words.contains(word), stop, "{l:?} {word}");
            assert!(!a.stop_words.contains(""));
        }
        let a = analysis(Some(Language::German), &user, 1);
        assert_eq!(a.stemmer, Some(Algorithm::German));
        assert!(!a.bigrams);
        let a = analysis(Some(Language::Japanese), &user, 1);
        assert_eq!(a.stemmer, None);
        assert!(a.bigrams);
        assert!(analysis(None, &user, 1).bigrams);
    }
}
