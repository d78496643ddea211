//! Telling the language of a text.
//!
//! gisty asks [whatlang](https://crates.io/crates/whatlang) (trigram
//! profiles of 70 languages, MIT, no model files, a few hundred KB of
//! code) and maps its answer to a [`Language`]. whatlang has no Kazakh
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

use whatlang::{Lang, Script};

use super::Language;

/// How much of a text detection reads, in bytes (cut back to a character
/// boundary, then to the last white space, so that no word is cut).
pub(crate) const PREFIX_BYTES: usize = 2048;

/// The language of `text`, when it is one gisty knows and there is
/// enough text to tell.
pub(crate) fn detect(text: &str) -> Option<Language> {
    let sample = prefix(text, PREFIX_BYTES);
    let info = whatlang::detect(sample)?;
    if info.script() == Script::Cyrillic && looks_kazakh(sample) {
        return Some(Language::Kazakh);
    }
    match from_whatlang(info.lang())? {
        l @ (Language::Danish | Language::Norwegian) => {
            Some(danish_or_norwegian(sample).unwrap_or(l))
        }
        l => Some(l),
    }
}

/// Everyday words that Danish spells one way and Norwegian (Bokmål)
/// another, in pairs: (Danish, Norwegian).
const DANISH_NORWEGIAN: &[(&str, &str)] = &[
    ("af", "av"),
    ("efter", "etter"),
    ("nogle", "noen"),
    ("noget", "noe"),
    ("mig", "meg"),
    ("dig", "deg"),
    ("sig", "seg"),
    ("blev", "ble"),
    ("bliver", "blir"),
    ("siger", "sier"),
    ("sagde", "sa"),
    ("havde", "hadde"),
    ("meget", "mye"),
    ("mere", "mer"),
    ("igen", "igjen"),
    ("fik", "fikk"),
    ("ud", "ut"),
    ("op", "opp"),
    ("mellem", "mellom"),
    ("end", "enn"),
    ("nu", "nå"),
    ("aften", "kveld"),
    ("købe", "kjøpe"),
    ("hvad", "hva"),
];

/// Danish or Norwegian by a vote of [`DANISH_NORWEGIAN`] words, or
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
        for &(d, n) in DANISH_NORWEGIAN {
            da += u32::from(buf == d);
            no += u32::from(buf == n);
        }
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
    fn kazakh_letters() {
        assert!(looks_kazakh("Қазақстан"));
        assert!(!looks_kazakh("Россия и Україна"));
    }
}
