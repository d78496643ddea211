//! Per-language data for the sentence splitter: extra terminators,
//! abbreviations, sentence starters, month names and a few switches.
//!
//! Everything a reader may want to extend for a language lives here, one
//! `static` per language. The lists were written for gisty from the
//! sources named above each table (facts only: which abbreviations a
//! language uses, which words open sentences); no code or list file was
//! copied from another splitter.
//!
//! Abbreviations are written in lowercase, without their final period,
//! with inner periods kept (`"e.g"`, `"u.s"`). Lookups lowercase the word
//! before the period, so `"Mr."`, `"MR."` and `"mr."` all match `"mr"`.

use std::sync::OnceLock;

use ahash::{AHashMap, AHashSet};

use crate::lang::Language;
use crate::probe::Probed;
use crate::swar::{HIGH, splat};

/// How an abbreviation behaves before the next word (rule `Abbreviation`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Abbr {
    /// Stands before a name or a number and never ends a sentence there:
    /// titles (`Mr.`, `Dr.`), `Mt.`, `St.`, `vs.`, `e.g.`. (Also the
    /// value of an empty slot of a [`Probed`] table, never read.)
    #[default]
    Prefix,
    /// Stands before a number (`No. 5`, `p. 55`, `Jan. 3`): no break before
    /// a digit, a break before a capitalised word as after any word.
    Number,
    /// May end a sentence or not (`Co.`, `Inc.`, `Jr.`, `U.S.`): a break
    /// only before a sentence starter ("joined Acme Inc. She left").
    Inner,
    /// `a.m.` / `p.m.`: a break before a capitalised word, except at the
    /// end of a fronted time phrase ("By 9 p.m. Officer Diaz had arrived").
    Time,
}

use Abbr::{Inner, Number, Prefix, Time};

/// Abbreviations by kind ([`Abbr`]), each list lowercase without the
/// final period.
pub(crate) struct Abbreviations {
    pub prefix: &'static [&'static str],
    pub number: &'static [&'static str],
    pub inner: &'static [&'static str],
    pub time: &'static [&'static str],
}

const NO_ABBREVIATIONS: Abbreviations =
    Abbreviations { prefix: &[], number: &[], inner: &[], time: &[] };

impl Abbreviations {
    fn entries(&self) -> impl Iterator<Item = (&'static str, Abbr)> + '_ {
        let kinds = [
            (self.prefix, Prefix),
            (self.number, Number),
            (self.inner, Inner),
            (self.time, Time),
        ];
        kinds
            .into_iter()
            .flat_map(|(words, kind)| words.iter().map(move |&w| (w, kind)))
    }
}

/// The data of one language, as written in the tables below.
pub(crate) struct LangData {
    /// Terminators used by this language on top of the universal set
    /// (rule `Terminators`): the Armenian and Arabic colon, the Greek
    /// question mark `;`, the Arabic comma.
    pub extra_terminators: &'static [char],
    /// Whether `.` is a terminator (not in Armenian, where `։`/`:` is
    /// the full stop and `.` a weak pause).
    pub period_ends: bool,
    /// Abbreviations of this language.
    pub abbreviations: Abbreviations,
    /// Whether [`COMMON_ABBREVIATIONS`] also apply (Latin and Cyrillic
    /// script languages that borrow them).
    pub common: bool,
    /// Words (lowercase) that usually open a sentence: after an ambiguous
    /// abbreviation or an initial, the next word being one of them makes
    /// the period a sentence end.
    pub starters: &'static [&'static str],
    /// Month names (lowercase), for rule `OrdinalDate`.
    pub months: &'static [&'static str],
    /// Whether ordinals are written with a period ("3. Oktober", "XII.
    /// Pluk"): rule `OrdinalDate`.
    pub ordinal_period: bool,
    /// Whether a period ends a sentence even before a lowercase word
    /// (Greek news text does not always capitalise after a period).
    pub period_before_lowercase_ends: bool,
    /// Whether `?` and `!` end a sentence before a lowercase word
    /// (Kazakh and Russian enumerate questions: "Кім? не? қашан?").
    pub question_before_lowercase_ends: bool,
    /// Prepositions that open a fronted time phrase (rule `FrontedTime`).
    pub time_prepositions: &'static [&'static str],
}

const NONE: LangData = LangData {
    extra_terminators: &[],
    period_ends: true,
    abbreviations: NO_ABBREVIATIONS,
    common: false,
    starters: &[],
    months: &[],
    ordinal_period: false,
    period_before_lowercase_ends: false,
    question_before_lowercase_ends: false,
    time_prepositions: &[],
};

/// Abbreviations shared by the languages written in Latin script that
/// borrow them from English and Latin (company forms, `vs.`, `etc.`,
/// `e.g.`, `a.m.`). Source: Wikipedia, "List of Latin abbreviations";
/// the company forms from "List of legal entity types by country".
const COMMON_ABBREVIATIONS: Abbreviations = Abbreviations {
    prefix: &[
        "dr", "prof", "mr", "mrs", "ms", "st", "vs", "e.g", "i.e", "cf", "viz",
    ],
    number: &["no", "nr", "n°", "nº", "fig", "vol", "p", "pp", "ca", "approx"],
    inner: &["co", "inc", "ltd", "corp", "jr", "sr", "etc", "al"],
    time: &["a.m", "p.m"],
};

/// English. Titles, ranks and honorifics: Wikipedia, "English honorifics"
/// and "United States military ranks" (abbreviated forms as used by AP
/// style); months and days: AP Stylebook abbreviations as described on
/// Wikipedia, "AP Stylebook"; the rest from common news usage.
static EN: LangData = LangData {
    abbreviations: Abbreviations {
        prefix: &[
            "mt", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt",
            "cmdr", "adm", "sgt", "cpl", "pvt", "rev", "hon", "pres", "supt",
            "messrs", "mmes", "msgr", "atty", "insp", "det",
        ],
        number: &[
            "ft", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec", "ch", "sec", "art", "para",
            "op", "ed", "eds", "tel", "ext", "min", "max", "lb", "lbs", "oz",
            "sq", "mi",
        ],
        inner: &["ave", "blvd", "rd", "bros", "dept", "univ", "assn", "mph"],
        ..NO_ABBREVIATIONS
    },
    common: true,
    starters: EN_STARTERS,
    months: &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
    time_prepositions: &[
        "at", "by", "from", "until", "till", "before", "after", "around",
        "about", "since",
    ],
    ..NONE
};

/// Words that open English sentences: pronouns, determiners,
/// conjunctions, question words and auxiliaries (the closed word classes
/// of English grammar).
const EN_STARTERS: &[&str] = &[
    "a",
    "after",
    "all",
    "also",
    "although",
    "an",
    "and",
    "are",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "each",
    "even",
    "every",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "is",
    "it",
    "its",
    "many",
    "meanwhile",
    "most",
    "my",
    "no",
    "not",
    "now",
    "of",
    "on",
    "one",
    "our",
    "she",
    "since",
    "so",
    "some",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thus",
    "to",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "with",
    "yet",
    "you",
    "your",
];

/// Danish. Source: Dansk Sprognævn, "Retskrivningsordbogen", list of
/// common abbreviations (forkortelser), as summarised on Danish
/// Wikipedia, "Forkortelse".
static DA: LangData = LangData {
    abbreviations: Abbreviations {
        prefix: &[
            "skt", "hr", "fru", "frk", "bl.a", "f.eks", "mht", "ifm", "jf",
            "dvs", "mt",
        ],
        number: &[
            "ca", "kr", "kl", "tlf", "jan", "feb", "mar", "apr", "jun", "jul",
            "aug", "sep", "okt", "nov", "dec",
        ],
        inner: &["osv", "m.m", "mv"],
        ..NO_ABBREVIATIONS
    },
    common: true,
    starters: &[
        "de", "den", "der", "det", "dette", "disse", "du", "efter", "en",
        "et", "han", "hun", "hvad", "hvem", "hvis", "hvor", "hvordan",
        "hvorfor", "jeg", "men", "nu", "og", "så", "vi", "it", "they", "the",
        "she", "he", "we", "how",
    ],
    months: &[
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ],
    ordinal_period: true,
    ..NONE
};

/// German. Source: Duden, "Abkürzungen" (the common ones in newspaper
/// text), as listed on German Wikipedia, "Liste von Abkürzungen".
static DE: LangData = LangData {
    abbreviations: Abbreviations {
        prefix: &[
            "z", "b", "z.b", "d.h", "u.a", "bzw", "vgl", "ggf", "hr", "fr",
            "hrn", "sog", "evtl",
        ],
        number: &["ca", "nr", "s", "abs", "bd", "tel"],
        inner: &["usw", "u.s.w", "jh", "jhd", "mio", "mrd", "str"],
        ..NO_ABBREVIATIONS
    },
    common: true,
    starters: &[
        "aber", "auch", "dann", "das", "dem", "den", "der", "die", "doch",
        "dort", "du", "ein", "eine", "er", "es", "ich", "ihr", "im", "in",
        "man", "sie", "so", "und", "was", "wenn", "wie", "wir", "wo",
    ],
    months: &[
        "januar",
        "jänner",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ],
    ordinal_period: true,
    ..NONE
};

/// Dutch. Source: Taalunie, "Afkortingen" (Woordenlijst Nederlandse
/// Taal), the common ones.
static NL: LangData = LangData {
    abbreviations: Abbreviations {
        prefix: &["dhr", "mevr", "mw", "bijv", "bv", "o.a", "m.a.w", "d.w.z"],
        number: &["blz", "nr", "ca"],
        inner: &["aanw", "vnw", "enz"],
        ..NO_ABBREVIATIONS
    },
    common: true,
    starters: &[
        "de", "het", "een", "hij", "zij", "ze", "we", "wij", "ik", "maar",
        "en",
    ],
    ..NONE
};

/// French. Source: Office québécois de la langue française, "Liste
/// d'abréviations courantes", and French Wikipedia, "Abréviation".
static FR: LangData = LangData {
    abbreviations: Abbreviations {
        prefix: &[
            "m", "mm", "mme", "mmes", "mlle", "me", "pr", "ste", "cf", "av",
            "bd", "p.ex", "c.-à-d",
        ],
        number: &[
            "env", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc",
        ],
        inner: &["etc"],
        ..NO_ABBREVIATIONS
    },
    common: true,
    starters: &[
        "le", "la", "les", "il", "elle", "ils", "elles", "on", "nous", "vous",
        "je", "un", "une", "des", "ce", "cette", "mais", "et", "puis",
    ],
    ..NONE
};

/// Spanish. Source: Real Academia Española, "Lista de abreviaturas"
/// (Ortografía de la lengua española, apéndice 2).
static ES: LangData = LangData {
    abbreviations: Abbreviations {
        prefix: &[
            "sr", "sra", "srta", "sres", "lic", "ing", "arq", "dra", "dña",
            "d", "da", "ud", "uds", "av", "avda", "gral",
        ],
        number: &["pág", "págs", "núm", "tel", "aprox"],
        inner: &["etc"],
        ..NO_ABBREVIATIONS
    },
    common: true,
    starters: &[
        "el", "la", "los", "las", "él", "ella", "ellos", "ellas", "yo", "un",
        "una", "pero", "y", "en", "se", "no", "este", "esta", "eso",
    ],
    ..NONE
};

/// Italian. Source: Accademia della Crusca, "Abbreviazioni", and Italian
/// Wikipedia, "Abbreviazione".
static IT: LangData = LangData {
    abbreviations: Abbreviations {
        prefix: &[
            "sig", "sigg", "sig.ra", "sig.na", "dott", "dott.ssa", "ing",
            "avv", "geom", "on", "egr", "gent",
        ],
        number: &["pag", "tel"],
        inner: &["ecc"],
        ..NO_ABBREVIATIONS
    },
    common: true,
    starters: &[
        "il", "lo", "la", "le", "gli", "un", "una", "lui", "lei", "io", "ma",
        "e",
    ],
    ..NONE
};

/// Polish. Source: Rada Języka Polskiego / Wielki słownik ortograficzny
/// PWN, "Skróty"; "bałt." (bałtycki) as used in dictionaries.
static PL: LangData = LangData {
    abbreviations: Abbreviations {
        prefix: &[
            "np", "tzn", "tj", "wg", "ul", "al", "pl", "prof", "dr", "mgr",
            "inż",
        ],
        number: &["ok"],
        inner: &["r", "w", "itd", "itp", "bałt", "gr", "łac", "ang"],
        ..NO_ABBREVIATIONS
    },
    starters: &[
        "to", "ten", "ta", "on", "ona", "ono", "oni", "my", "ja", "ale", "i",
        "w",
    ],
    ordinal_period: true,
    ..NONE
};

/// Slovak. Source: Pravidlá slovenského pravopisu, "Skratky" (Jazykovedný
/// ústav Ľ. Štúra).
static SK: LangData = LangData {
    abbreviations: Abbreviations {
        prefix: &["napr", "t.j", "tzv", "resp", "príp", "p", "pí", "sv", "ul"],
        number: &["č", "str"],
        inner: &["atď", "a.s", "s.r.o", "spol", "r", "tis", "mil", "mld"],
        ..NO_ABBREVIATIONS
    },
    starters: &["to", "ten", "ta", "on", "ona", "oni", "my", "ja", "ale", "a"],
    months: &[
        "januára",
        "februára",
        "marca",
        "apríla",
        "mája",
        "júna",
        "júla",
        "augusta",
        "septembra",
        "októbra",
        "novembra",
        "decembra",
        "január",
        "február",
        "marec",
        "apríl",
        "máj",
        "jún",
        "júl",
        "august",
        "september",
        "október",
        "november",
        "december",
    ],
    ordinal_period: true,
    ..NONE
};

/// Russian. Source: Russian Wikipedia, "Список общепринятых сокращений"
/// (the list of conventional abbreviations, GOST 7.12-93 forms).
static RU: LangData = LangData {
    abbreviations: CYRILLIC_ABBREVIATIONS,
    starters: RU_STARTERS,
    question_before_lowercase_ends: false,
    ..NONE
};

/// Abbreviations common to the languages written in Cyrillic that gisty
/// knows (Russian, Bulgarian, Kazakh share "г.", "т.е.", initials...).
/// Source: Russian Wikipedia, "Список общепринятых сокращений"; Bulgarian
/// "Правописен речник", "Съкращения".
const CYRILLIC_ABBREVIATIONS: Abbreviations = Abbreviations {
    prefix: &[
        "т.е",
        "т.к",
        "т.н",
        "см",
        "ср",
        "напр",
        "вкл",
        "ул",
        "пл",
        "пер",
        "просп",
        "акад",
        "проф",
        "доц",
        "им",
        "св",
        "куб",
    ],
    number: &["стр", "с", "№"],
    inner: &[
        "г", "гг", "т.д", "т.п", "т.г", "т.б", "др", "пр", "руб", "млн",
        "млрд", "тыс",
    ],
    time: &[],
};

const RU_STARTERS: &[&str] =
    &["и", "но", "а", "он", "она", "они", "мы", "я", "это", "в"];

/// Bulgarian: the Cyrillic list, with "г." (година, year) read as part
/// of a date ("150 г.") before a name as well.
static BG: LangData = LangData {
    abbreviations: Abbreviations {
        prefix: &[
            "г", "гр", "вкл", "т.е", "пл", "ул", "бул", "проф", "доц", "д-р",
        ],
        inner: &["бел", "т.г", "др"],
        ..NO_ABBREVIATIONS
    },
    starters: &["и", "но", "а", "той", "тя", "те", "ние", "аз", "това", "в"],
    ..NONE
};

/// Kazakh. Source: Kazakh Wikipedia, "Қысқарған сөздер" (т. б. = тағы
/// басқа, т. с. с. = тағы сол сияқты, ж. = жыл, б.з.б. = біздің
/// заманымызға дейін).
static KK: LangData = LangData {
    abbreviations: Abbreviations {
        prefix: &["мыс"],
        inner: &[
            "т", "б", "т.б", "т.с.с", "б.з.б", "б.з", "ж", "жж", "млн", "млрд",
        ],
        ..NO_ABBREVIATIONS
    },
    starters: &["бұл", "ол", "олар", "біз", "мен", "және", "бірақ"],
    question_before_lowercase_ends: true,
    ..NONE
};

/// Greek. Source: Greek Wikipedia, "Συντομογραφία" (κ.λπ., π.χ., δηλ.).
static EL: LangData = LangData {
    abbreviations: Abbreviations {
        prefix: &["π.χ", "δηλ", "κ", "κα", "δρ"],
        number: &["αρ", "σελ"],
        inner: &["κ.λπ", "κ.ά"],
        ..NO_ABBREVIATIONS
    },
    extra_terminators: &[';'],
    period_before_lowercase_ends: true,
    ..NONE
};

/// Armenian: `։` (U+0589, often typed as `:`) is the full stop; `.` is
/// the "mijaket", a pause inside a sentence. Source: Wikipedia,
/// "Armenian punctuation".
static HY: LangData =
    LangData { extra_terminators: &[':'], period_ends: false, ..NONE };

/// Arabic: `:` and the Arabic comma `،` end segments in Arabic news text
/// as pySBD and the Arabic golden rules count them; "د." (دكتور, doctor)
/// and "م." (مهندس, engineer) are titles. Source: Arabic Wikipedia,
/// "اختصار".
static AR: LangData = LangData {
    abbreviations: Abbreviations {
        prefix: &["د", "م", "أ"],
        number: &["ص"],
        ..NO_ABBREVIATIONS
    },
    extra_terminators: &[':', '،'],
    ..NONE
};

/// Persian and Urdu use the Arabic question mark (universal) and their
/// own full stops (`.` and `۔`, universal).
static FA: LangData = LangData {
    abbreviations: Abbreviations { prefix: &["د"], ..NO_ABBREVIATIONS },
    ..NONE
};

/// The languages without special data: the universal rules only, with
/// the common Latin abbreviations for the Latin-script ones.
static LATIN: LangData = LangData { common: true, ..NONE };

/// The data written above for `lang`.
fn data(lang: Language) -> &'static LangData {
    use Language::*;
    match lang {
        English => &EN,
        Danish | Norwegian | Swedish => &DA,
        German => &DE,
        Dutch => &NL,
        French => &FR,
        Spanish | Portuguese => &ES,
        Italian => &IT,
        Polish => &PL,
        Slovak => &SK,
        Russian => &RU,
        Bulgarian => &BG,
        Kazakh => &KK,
        Greek => &EL,
        Armenian => &HY,
        Arabic => &AR,
        Persian | Urdu => &FA,
        Finnish | Hungarian | Romanian | Turkish => &LATIN,
        _ => &NONE_REF,
    }
}

static NONE_REF: LangData = NONE;

/// `word` lowercased and packed into a `u64` (little-endian, zero bytes
/// after it), when it is 1 to 8 bytes of ASCII without NUL: the key of a
/// short abbreviation, one to one with the word's lowercase form, never 0.
pub(crate) fn short_key(word: &[u8]) -> Option<u64> {
    if word.is_empty() || word.len() > 8 {
        return None;
    }
    let mut key = [0u8; 8];
    for (k, &b) in key.iter_mut().zip(word) {
        if b == 0 || !b.is_ascii() {
            return None;
        }
        *k = b.to_ascii_lowercase();
    }
    Some(u64::from_le_bytes(key))
}

/// [`short_key`] of `bytes[start..end]`, read a word at a time: the
/// eight bytes from `start` (when there are eight) with those after
/// `end` cleared, checked for ASCII without NUL and lowercased with a few
/// word-wide operations.
#[inline(always)]
pub(crate) fn short_key_at(
    bytes: &[u8],
    start: usize,
    end: usize,
) -> Option<u64> {
    let len = end.checked_sub(start)?;
    if len == 0 || len > 8 {
        return None;
    }
    let raw = match bytes.get(start..).and_then(<[u8]>::first_chunk::<8>) {
        Some(c) => u64::from_le_bytes(*c),
        None => {
            let mut c = [0u8; 8];
            c[..len].copy_from_slice(bytes.get(start..end)?);
            u64::from_le_bytes(c)
        }
    };
    let keep = u64::MAX >> (64 - 8 * len);
    let w = raw & keep;
    // Bytes outside the word are made 0xff, so only its own can be zero.
    let x = w | !keep;
    let has_nul = x.wrapping_sub(splat(1)) & !x & HIGH != 0;
    if w & HIGH != 0 || has_nul {
        return None;
    }
    // For 7-bit bytes: adding 0x3f reaches bit 7 from 'A' up, adding 0x25
    // from '[' up; bit 5 of the capitals is set to lowercase them.
    let upper = (w + splat(0x3f)) & !(w + splat(0x25)) & HIGH;
    Some(w | upper >> 2)
}

/// A language's data, made ready for lookups.
pub(crate) struct Rules {
    pub data: &'static LangData,
    abbreviations: AHashMap<&'static str, Abbr>,
    /// The abbreviations that have a [`short_key`] (almost all), by key:
    /// looked up without lowercasing into a string.
    short: Probed<u64, Abbr>,
    /// Whether an abbreviation is ASCII and too long for a short key.
    long_ascii: bool,
    starters: AHashSet<&'static str>,
    months: AHashSet<&'static str>,
}

impl Rules {
    /// The compiled rules of `lang`, built once per process.
    pub fn of(lang: Language) -> &'static Rules {
        static ALL: OnceLock<Vec<(Language, Rules)>> = OnceLock::new();
        let all = ALL.get_or_init(|| {
            Language::ALL.iter().map(|&l| (l, Rules::build(data(l)))).collect()
        });
        all.iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, r)| r)
            .unwrap_or(&all[0].1)
    }

    fn build(data: &'static LangData) -> Rules {
        let mut abbreviations = AHashMap::new();
        if data.common {
            abbreviations.extend(COMMON_ABBREVIATIONS.entries());
        }
        abbreviations.extend(data.abbreviations.entries());
        let mut short = Probed::with_capacity(abbreviations.len());
        for (w, &kind) in &abbreviations {
            // The words are lowercase, so their keys are distinct.
            if let Some(key) = short_key(w.as_bytes())
                && short.get(key).is_none()
            {
                short.insert(key, kind);
            }
        }
        let long_ascii = abbreviations
            .keys()
            .any(|w| w.is_ascii() && short_key(w.as_bytes()).is_none());
        Rules {
            data,
            abbreviations,
            short,
            long_ascii,
            starters: data.starters.iter().copied().collect(),
            months: data.months.iter().copied().collect(),
        }
    }

    /// The kind of the abbreviation `word` (lowercase), if it is one.
    pub fn abbreviation(&self, lower: &str) -> Option<Abbr> {
        self.abbreviations.get(lower).copied()
    }

    /// The kind of the abbreviation whose [`short_key`] is `key`, if it is
    /// one: the same answer as [`abbreviation`](Self::abbreviation) of the
    /// word's lowercase form.
    #[inline]
    pub fn short_abbreviation(&self, key: u64) -> Option<Abbr> {
        self.short.get(key)
    }

    /// Whether the language has an abbreviation of ASCII without a
    /// [`short_key`] (longer than 8 bytes): when it has none, such words
    /// need no lookup.
    pub fn long_ascii_abbreviations(&self) -> bool {
        self.long_ascii
    }

    /// Whether `lower` usually opens a sentence.
    pub fn is_starter(&self, lower: &str) -> bool {
        self.starters.contains(lower)
    }

    /// Whether `lower` is a month name.
    pub fn is_month(&self, lower: &str) -> bool {
        self.months.contains(lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every abbreviation of every language is found through its short
    /// key when it has one, with the kind the map gives.
    #[test]
    fn short_table_holds_every_short_abbreviation() {
        for &lang in Language::ALL {
            let rules = Rules::of(lang);
            for (&word, &kind) in &rules.abbreviations {
                if let Some(key) = short_key(word.as_bytes()) {
                    assert_eq!(rules.short.get(key), Some(kind), "{word}");
                }
            }
        }
    }

    #[test]
    fn short_key_is_the_ascii_lowercase_form() {
        assert_eq!(short_key(b"Mr"), short_key(b"mR"));
        assert_eq!(
            short_key(b"e.g"),
            Some(u64::from_le_bytes(*b"e.g\0\0\0\0\0"))
        );
        assert_eq!(short_key(b""), None);
        assert_eq!(short_key(b"abcdefghi"), None);
        assert_eq!(short_key(b"ab\0"), None);
        assert_eq!(short_key("n°".as_bytes()), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Through the short key or not, a word gets the answer of the
        /// map for its lowercase form.
        #[test]
        fn short_lookup_agrees_with_the_map(
            word in "[a-zA-Z.]{1,4}|[a-zA-Z]{5,9}|[mMdDsSnN][a-zA-Z.°]{0,3}|\\PC{1,3}",
            li in 0usize..Language::ALL.len(),
        ) {
            let rules = Rules::of(Language::ALL[li]);
            let want = rules.abbreviation(&word.to_lowercase());
            if let Some(key) = short_key(word.as_bytes()) {
                prop_assert_eq!(rules.short.get(key), want);
            }
        }

        /// The same with the tables' own words, in mixed case, some cut
        /// short or lengthened, looked up in every language.
        #[test]
        fn short_lookup_agrees_on_table_words(
            pick in any::<prop::sample::Index>(),
            case in any::<u64>(),
            edit in 0usize..4,
            li in 0usize..Language::ALL.len(),
        ) {
            let mut all: Vec<&str> = Language::ALL
                .iter()
                .flat_map(|&l| Rules::of(l).abbreviations.keys().copied())
                .collect();
            all.sort_unstable();
            let mut word: String = pick
                .get(&all)
                .chars()
                .enumerate()
                .map(|(k, c)| {
                    if case >> (k % 64) & 1 == 1 { c.to_ascii_uppercase() } else { c }
                })
                .collect();
            match edit {
                1 => { word.pop(); }
                2 => word.push('s'),
                _ => {}
            }
            let rules = Rules::of(Language::ALL[li]);
            let want = rules.abbreviation(&word.to_lowercase());
            if let Some(key) = short_key(word.as_bytes()) {
                prop_assert_eq!(rules.short.get(key), want, "{}", word);
            }
        }
    }
}
