//! Telling the language of a text.
//!
//! A fast vote of stop words ([`stop_word_vote`]) settles most news text
//! in the Latin-script Snowball languages for a few microseconds. The
//! rest goes to [whatlang](https://crates.io/crates/whatlang) (trigram
//! profiles of 70 languages, MIT, no model files, a few hundred KB of
//! code), whose answer is mapped to a [`Language`]. whatlang has no Kazakh
//! profile, so a Cyrillic text with letters only Kazakh uses among the
//! languages here (`ә ғ қ ұ`) is taken to be Kazakh. whatlang often
//! takes Danish for Norwegian (and the other way round) on news text, so
//! between the two a vote of everyday words that the two languages spell
//! differently (`efter`/`etter`, `blev`/`ble`, `af`/`av`) has the last
//! word.
//!
//! Only the first [`PREFIX_BYTES`] of a text are read: the language of a
//! news article is settled well before then, and detection then costs
//! the same for a long text as for a short one.
//!
//! Why whatlang and not lingua: measured over the documents of
//! `corpus/lang/`, their paragraphs and the golden-rule sentences
//! (`scripts/detect-accuracy`), see the README's "Languages" section.

use std::sync::LazyLock;

use whatlang::{Lang, Script};

use super::Language;
use crate::analyze::{Map, hasher};

/// How much of a text detection reads, in bytes (cut back to a character
/// boundary, then to the last white space, so that no word is cut).
pub(crate) const PREFIX_BYTES: usize = 2048;

/// The language of `text`, when it is one gisty knows and there is
/// enough text to tell.
pub(crate) fn detect(text: &str) -> Option<Language> {
    let sample = prefix(text, PREFIX_BYTES);
    if let Some(l) = stop_word_vote(sample) {
        return Some(match l {
            Language::Danish | Language::Norwegian => {
                danish_or_norwegian(sample).unwrap_or(l)
            }
            l => l,
        });
    }
    if looks_kazakh(sample)
        && whatlang::detect_script(sample) == Some(Script::Cyrillic)
    {
        return Some(Language::Kazakh);
    }
    let info = whatlang::detect(sample)?;
    match from_whatlang(info.lang())? {
        l @ (Language::Danish | Language::Norwegian) => {
            Some(danish_or_norwegian(sample).unwrap_or(l))
        }
        l => Some(l),
    }
}

/// The languages of the fast path ([`stop_word_vote`]): the Snowball
/// languages written in the Latin script, whose stop words are
/// Snowball's own short lists (English: gisty's).
const VOTERS: &[Language] = &[
    Language::Danish,
    Language::Dutch,
    Language::English,
    Language::Finnish,
    Language::French,
    Language::German,
    Language::Hungarian,
    Language::Italian,
    Language::Norwegian,
    Language::Portuguese,
    Language::Romanian,
    Language::Spanish,
    Language::Swedish,
    Language::Turkish,
];

/// How many words of a text [`stop_word_vote`] reads at most.
const VOTE_WORDS: u32 = 120;

/// Every so many words, [`stop_word_vote`] stops early when one
/// language leads by far.
const VOTE_CHECK_EVERY: u32 = 16;

/// Each stop word of the [`VOTERS`], with a bit set for each voter
/// whose list has it.
static VOTES: LazyLock<Map<Box<str>, u16>> = LazyLock::new(|| {
    let mut map = Map::with_hasher(hasher());
    for (i, l) in VOTERS.iter().enumerate() {
        for w in l.stop_words() {
            *map.entry(w.to_lowercase().into_boxed_str()).or_insert(0) |=
                1 << i;
        }
    }
    map
});

/// The fast path of detection, some fifty times cheaper than whatlang:
/// counts, among the first [`VOTE_WORDS`] words, the stop words of each
/// of the [`VOTERS`]. A clear winner is the answer: at least 4 of its
/// stop words, making at least a fifth of the words read, and half as
/// many again as the runner-up. Anything less clear (short texts, other
/// scripts, other languages, close relatives) is left to whatlang. The
/// count stops early, checked every [`VOTE_CHECK_EVERY`] words, once
/// the leader has 8 stop words and twice the runner-up's.
fn stop_word_vote(text: &str) -> Option<Language> {
    let votes = &*VOTES;
    let mut counts = [0u32; VOTERS.len()];
    let mut words = 0u32;
    let mut buf = String::new();
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        if words == VOTE_WORDS {
            break;
        }
        words += 1;
        let key = if word.bytes().all(|b| b.is_ascii_lowercase()) {
            word
        } else {
            buf.clear();
            buf.push_str(word);
            if word.is_ascii() {
                buf.make_ascii_lowercase();
            } else {
                buf.clear();
                buf.extend(word.chars().flat_map(char::to_lowercase));
            }
            buf.as_str()
        };
        if let Some(&mask) = votes.get(key) {
            let mut bits = mask;
            while bits != 0 {
                counts[bits.trailing_zeros() as usize] += 1;
                bits &= bits - 1;
            }
        }
        if words.is_multiple_of(VOTE_CHECK_EVERY) {
            let (_, top, second) = leader(&counts);
            if top >= 8 && top * 5 >= words && top >= second * 2 {
                break;
            }
        }
    }
    let (best, top, second) = leader(&counts);
    let clear = top >= 4 && top * 5 >= words && top * 2 >= second * 3;
    clear.then_some(VOTERS[best])
}

/// The index and count of the highest count, and the second highest.
fn leader(counts: &[u32]) -> (usize, u32, u32) {
    let (mut best, mut top, mut second) = (0, 0, 0);
    for (i, &c) in counts.iter().enumerate() {
        if c > top {
            (best, top, second) = (i, c, top);
        } else if c > second {
            second = c;
        }
    }
    (best, top, second)
}

/// Everyday words that Danish spells one way and Norwegian (Bokmål)
/// another: the Danish spellings (the Norwegian ones are in
/// [`NORWEGIAN`]).
#[rustfmt::skip]
const DANISH: &[&str] = &[
    "af", "efter", "nogle", "nogen", "noget", "mig", "dig", "sig",
    "blev", "blevet", "bliver", "siger", "sagde", "havde", "haft",
    "meget", "mere", "igen", "fik", "fået", "været", "ud", "ude", "uden",
    "op", "mellem", "end", "nu", "aften", "aftenen", "købe", "købt",
    "hvad", "måske", "lidt", "uge", "vej", "gik", "tog", "nyt",
    "udgifter",
];

/// The Norwegian spellings of the words of [`DANISH`], which no
/// Danish word shares.
#[rustfmt::skip]
const NORWEGIAN: &[&str] = &[
    "av", "etter", "noen", "noe", "meg", "deg", "seg",
    "ble", "blitt", "blir", "sier", "sa", "hadde", "hatt",
    "mye", "mer", "igjen", "fikk", "fått", "vært", "ut", "ute", "uten",
    "opp", "mellom", "enn", "nå", "kveld", "kvelden", "kjøpe", "kjøpt",
    "hva", "kanskje", "litt", "uke", "vei", "gikk", "tok", "nytt",
    "utgifter",
];

/// Danish or Norwegian by a vote of [`DANISH`] and [`NORWEGIAN`]
/// words, or
/// `None` on a tie.
fn danish_or_norwegian(text: &str) -> Option<Language> {
    let (mut da, mut no) = (0u32, 0u32);
    let mut buf = String::new();
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() || word.len() > 8 {
            continue;
        }
        buf.clear();
        buf.extend(word.chars().flat_map(char::to_lowercase));
        da += u32::from(DANISH.contains(&buf.as_str()));
        no += u32::from(NORWEGIAN.contains(&buf.as_str()));
    }
    match da.cmp(&no) {
        std::cmp::Ordering::Greater => Some(Language::Danish),
        std::cmp::Ordering::Less => Some(Language::Norwegian),
        std::cmp::Ordering::Equal => None,
    }
}

/// The first `max` bytes of `text` at most, ending on a character
/// boundary and, when there is one in the second half, after a white
/// space.
pub(crate) fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    match head.rfind(char::is_whitespace) {
        Some(i) if i >= max / 2 => &head[..i],
        _ => head,
    }
}

/// True when a Cyrillic text has letters of the Kazakh alphabet that
/// Russian, Bulgarian, Ukrainian and the other Cyrillic languages
/// whatlang knows do not use.
fn looks_kazakh(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, 'ә' | 'ғ' | 'қ' | 'ұ' | 'Ә' | 'Ғ' | 'Қ' | 'Ұ'))
}

fn from_whatlang(lang: Lang) -> Option<Language> {
    Some(match lang {
        Lang::Ara => Language::Arabic,
        Lang::Dan => Language::Danish,
        Lang::Nld => Language::Dutch,
        Lang::Eng => Language::English,
        Lang::Fin => Language::Finnish,
        Lang::Fra => Language::French,
        Lang::Deu => Language::German,
        Lang::Ell => Language::Greek,
        Lang::Hun => Language::Hungarian,
        Lang::Ita => Language::Italian,
        Lang::Nob => Language::Norwegian,
        Lang::Por => Language::Portuguese,
        Lang::Ron => Language::Romanian,
        Lang::Rus => Language::Russian,
        Lang::Spa => Language::Spanish,
        Lang::Swe => Language::Swedish,
        Lang::Tam => Language::Tamil,
        Lang::Tur => Language::Turkish,
        Lang::Amh => Language::Amharic,
        Lang::Hye => Language::Armenian,
        Lang::Bul => Language::Bulgarian,
        Lang::Mya => Language::Burmese,
        Lang::Cmn => Language::Chinese,
        Lang::Hin => Language::Hindi,
        Lang::Jpn => Language::Japanese,
        Lang::Kor => Language::Korean,
        Lang::Mar => Language::Marathi,
        Lang::Pes => Language::Persian,
        Lang::Pol => Language::Polish,
        Lang::Slk => Language::Slovak,
        Lang::Tha => Language::Thai,
        Lang::Urd => Language::Urdu,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_table() {
        // (text, max, want)
        let rows = [
            ("short", 10, "short"),
            ("one two three", 9, "one two"),
            ("ééééé", 5, "éé"),
            ("abcdefghij", 4, "abcd"),
            ("", 4, ""),
        ];
        for (text, max, want) in rows {
            assert_eq!(prefix(text, max), want, "{text:?} {max}");
        }
    }

    #[test]
    fn every_language_but_kazakh_maps_from_whatlang() {
        for &l in Language::ALL {
            let found =
                Lang::all().iter().any(|&w| from_whatlang(w) == Some(l));
            assert_eq!(found, l != Language::Kazakh, "{l}");
        }
    }

    #[test]
    fn danish_norwegian_vote_table() {
        // (text, vote)
        let rows = [
            ("Han blev hjemme efter skolen.", Some(Language::Danish)),
            ("Han ble hjemme etter skolen.", Some(Language::Norwegian)),
            ("AF sted, sagde hun.", Some(Language::Danish)),
            ("Skolen er ny.", None),
            ("", None),
        ];
        for (text, want) in rows {
            assert_eq!(danish_or_norwegian(text), want, "{text:?}");
        }
    }

    #[test]
    fn danish_norwegian_lists_are_disjoint() {
        for w in DANISH {
            assert!(!NORWEGIAN.contains(w), "{w} is in both lists");
        }
    }

    #[test]
    fn stop_word_vote_table() {
        // (text, fast answer: None leaves it to whatlang)
        let rows = [
            (
                "The council said that it would open the new library in \
                 the spring and that the town would pay for it.",
                Some(Language::English),
            ),
            (
                "Der Rat sagte, dass die neue Bibliothek im Frühjahr \
                 eröffnet wird und dass die Stadt sie bezahlt.",
                Some(Language::German),
            ),
            (
                "Il consiglio ha detto che la nuova biblioteca aprirà in \
                 primavera e che il comune la pagherà con i suoi fondi.",
                Some(Language::Italian),
            ),
            // Spanish, but French shares too many of these stop words
            // (9 against 7) for a clear vote.
            (
                "El consejo dijo que la nueva biblioteca abrirá en la \
                 primavera y que el pueblo la pagará.",
                None,
            ),
            // Too few words to be sure.
            ("The end.", None),
            // No Latin-script stop words.
            ("Город открыл новую библиотеку весной.", None),
            ("", None),
        ];
        for (text, want) in rows {
            assert_eq!(stop_word_vote(text), want, "{text:?}");
        }
    }

    #[test]
    fn leader_table() {
        // (counts, (index, top, second))
        type Row = (&'static [u32], (usize, u32, u32));
        let rows: &[Row] = &[
            (&[], (0, 0, 0)),
            (&[3], (0, 3, 0)),
            (&[1, 5, 2], (1, 5, 2)),
            (&[5, 5, 1], (0, 5, 5)),
            (&[2, 1, 7], (2, 7, 2)),
        ];
        for &(counts, want) in rows {
            assert_eq!(leader(counts), want, "{counts:?}");
        }
    }

    #[test]
    fn voters_fit_the_mask() {
        assert!(VOTERS.len() <= 16);
        assert!(VOTERS.iter().all(|l| !l.stop_words().is_empty()));
    }

    #[test]
    fn kazakh_letters() {
        assert!(looks_kazakh("Қазақстан"));
        assert!(!looks_kazakh("Россия и Україна"));
    }
}
