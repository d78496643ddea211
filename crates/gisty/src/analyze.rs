//! Sentence text -> term ids: words, lowercase, folded apostrophes, stop
//! words, stems, interned.
//!
//! Stems come from [`WordStemmer`]: gisty's own Snowball English stemmer
//! ([`porter2`], the same stems as rust-stemmers, about ten
//! times faster) for ASCII English words, rust-stemmers for the rest.
//!
//! Performance: words come from [`words::scan`] (unicode segmentation's
//! words, with an ASCII fast path that gives most words as a 16-byte
//! lowercased key); each distinct word form is lowercased, looked up in
//! the stop words and stemmed once per [`Vocab`], then only looked up: a
//! short word's key in a table of its own (one multiply, mostly one
//! probe), its stem's number in a `Vec` of per-document ids. A token
//! allocates nothing once its form is known. Terms are numbered per
//! document in order of first occurrence, so that scores never depend on
//! what a reused [`Vocab`] saw before.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use ahash::RandomState;
use rust_stemmers::{Algorithm, Stemmer};

use crate::probe::Probed;

mod cjk;
mod porter2;
mod words;

pub(crate) use words::for_each_word;
use words::{folded_key, key_has_letter, short_key};

/// A hash map with ahash and fixed seeds: the same on every platform
/// (WebAssembly included) and in every run.
pub(crate) type Map<K, V> = HashMap<K, V, RandomState>;
/// A hash set with ahash and fixed seeds.
pub(crate) type Set<K> = HashSet<K, RandomState>;

/// The hasher of [`Map`] and [`Set`].
pub(crate) fn hasher() -> RandomState {
    RandomState::with_seeds(
        0x243f_6a88_85a3_08d3,
        0x1319_8a2e_0370_7344,
        0xa409_3822_299f_31d0,
        0x082e_fa98_ec4e_6c89,
    )
}

/// A term: an interned stem. Ids are dense from 0 within one document,
/// in order of first occurrence (see [`Vocab::prepare`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct TermId(pub(crate) u32);

/// Words longer than this many bytes are not terms: they are URLs,
/// base64 or glued garbage, and would only inflate the vocabulary.
pub(crate) const MAX_WORD_BYTES: usize = 48;

/// How many distinct word forms a [`Vocab`] keeps before it starts
/// afresh (between documents), so that a long batch cannot grow it
/// without bound: at about 100 bytes a form and its stem, a few MB.
const MAX_FORMS: usize = 1 << 16;

/// What a summariser's analysis needs from its configuration.
#[derive(Debug)]
pub(crate) struct Analysis {
    pub(crate) stop_words: Set<Box<str>>,
    pub(crate) stemmer: Option<Algorithm>,
    /// Runs of characters of unspaced scripts (Han, kana, Thai) become
    /// character bigrams: see [`cjk`].
    pub(crate) bigrams: bool,
    /// Identifies this configuration, so that a vocabulary built under
    /// another one is not reused.
    pub(crate) id: u64,
}

/// The global number of a stop word's form in [`Vocab`]'s tables, and of
/// a short word without a letter.
const STOP: u32 = u32::MAX;

/// Interned word forms and stems, kept across documents by a scratch
/// space so that each distinct form is lowercased, looked up and stemmed
/// once.
#[derive(Debug)]
pub(crate) struct Vocab {
    config: u64,
    /// ASCII words of at most 16 bytes (most words), by [`short_key`]:
    /// the form's stem's global number, or [`STOP`] for a stop word or a
    /// number.
    short: KeyTable,
    /// The same for other words, by lowercased, folded form.
    forms: Map<Box<str>, u32>,
    /// ASCII stems of at most 16 bytes not ending with a NUL byte, by
    /// their bytes zero-padded ([`stem_key`]): global number.
    short_stems: KeyTable,
    /// Other stems -> global number.
    stems: Map<Box<str>, u32>,
    /// Reused buffer for the lowercased form.
    buf: String,
    /// Reused buffer for a stem made by [`WordStemmer`].
    stem_buf: String,
    /// True when `short` holds every stop word of the configuration
    /// `config` that has a short key (as [`STOP`]), so that a new short
    /// form need not be looked up in the stop words.
    seeded: bool,
    /// Global number -> the current document's [`TermId`] plus one, or 0
    /// when the document does not have it yet; one entry per stem (the
    /// global numbers are dense from 0 until the next reset).
    local: Vec<u32>,
    /// The global numbers of the current document's terms, by
    /// [`TermId`].
    seen: Vec<u32>,
}

impl Default for Vocab {
    fn default() -> Vocab {
        Vocab {
            config: 0,
            short: KeyTable::default(),
            forms: Map::with_hasher(hasher()),
            short_stems: KeyTable::default(),
            stems: Map::with_hasher(hasher()),
            buf: String::new(),
            stem_buf: String::new(),
            seeded: false,
            local: Vec::new(),
            seen: Vec::new(),
        }
    }
}

impl Vocab {
    /// Starts a document: its terms will be numbered from 0. Makes the
    /// vocabulary fit `analysis`, clearing it when it was built for
    /// another configuration or has grown too large.
    pub(crate) fn prepare(&mut self, analysis: &Analysis) {
        // A slice of its own, so that its bounds stay in registers.
        let local = self.local.as_mut_slice();
        for &g in &self.seen {
            if let Some(l) = local.get_mut(g as usize) {
                *l = 0;
            }
        }
        self.seen.clear();
        if self.config != analysis.id
            || self.forms.len() + self.short.len > MAX_FORMS
        {
            self.forms.clear();
            self.short.clear();
            self.stems.clear();
            self.short_stems.clear();
            self.local.clear();
            self.config = analysis.id;
            self.seeded = false;
        }
        if !self.seeded {
            // A stop word is lowercase and folded (see `lang::analysis`):
            // when it is short ASCII, its key stands for it exactly.
            for w in &analysis.stop_words {
                if let Some(key) = short_key(w)
                    && key.to_le_bytes().starts_with(w.as_bytes())
                    && self.short.get(key).is_none()
                {
                    self.short.insert(key, STOP);
                }
            }
            self.seeded = true;
        }
    }

    /// The number of distinct terms of the document so far: every
    /// [`TermId`] is below it.
    pub(crate) fn len(&self) -> usize {
        self.seen.len()
    }

    /// Appends the terms of `sentence` to `out`, and returns its number of
    /// words (stop words included).
    pub(crate) fn analyze(
        &mut self,
        analysis: &Analysis,
        sentence: &str,
        out: &mut Vec<TermId>,
    ) -> usize {
        if analysis.bigrams {
            return cjk::analyze(self, analysis, sentence, out);
        }
        // `out` is moved in and back, one pointer fewer to follow a term.
        let mut terms = Terms {
            vocab: self,
            analysis,
            stemmer: None,
            out: std::mem::take(out),
            words: 0,
        };
        words::scan(sentence, &mut terms);
        *out = terms.out;
        terms.words
    }

    /// The term of one word with a letter: folded, dropped when a stop
    /// word, stemmed when `stemmer` is given, interned (for the CJK
    /// bigram terms). (A short ASCII word without a letter has none.)
    pub(crate) fn term(
        &mut self,
        analysis: &Analysis,
        stemmer: Option<&WordStemmer>,
        word: &str,
    ) -> Option<TermId> {
        let g = match short_key(word) {
            Some(key) => self.global_by_key(analysis, stemmer, key),
            None => self.global_by_form(analysis, stemmer, word),
        };
        (g != STOP).then(|| self.local_id(g))
    }

    /// The document's id for the stem numbered `g`, given on its first
    /// occurrence.
    #[inline]
    fn local_id(&mut self, g: u32) -> TermId {
        let Some(l) = self.local.get_mut(g as usize) else {
            return self.local_id_slow(g);
        };
        if *l == 0 {
            self.seen.push(g);
            *l = self.seen.len() as u32;
        }
        TermId(*l - 1)
    }

    /// [`local_id`](Self::local_id) of a number past the end of `local`
    /// (which does not happen: each stem gets its entry).
    #[cold]
    fn local_id_slow(&mut self, g: u32) -> TermId {
        self.local.resize(g as usize + 1, 0);
        self.local_id(g)
    }

    /// The global number of the short ASCII word whose key is `key`, or
    /// [`STOP`].
    #[inline]
    fn global_by_key(
        &mut self,
        analysis: &Analysis,
        stemmer: Option<&WordStemmer>,
        key: u128,
    ) -> u32 {
        match self.short.get(key) {
            Some(g) => g,
            None => self.new_key(analysis, stemmer, key),
        }
    }

    /// [`global_by_key`](Self::global_by_key) of a key seen for the
    /// first time: its bytes are the form.
    #[cold]
    #[inline(never)]
    fn new_key(
        &mut self,
        analysis: &Analysis,
        stemmer: Option<&WordStemmer>,
        key: u128,
    ) -> u32 {
        let bytes = key.to_le_bytes();
        let len = 16 - key.leading_zeros() as usize / 8;
        let Ok(form) = std::str::from_utf8(&bytes[..len]) else {
            return STOP;
        };
        // A word without a letter (a number) is no term: [`STOP`] in
        // `short` too, so that the scan need not test for letters. (Only
        // the scan's words without a letter come here: the other callers
        // take words with one.) The stop words with a short key are in
        // `short` already.
        let stop = !key_has_letter(key)
            || !(self.seeded && self.config == analysis.id)
                && analysis.stop_words.contains(form);
        let g = if stop { STOP } else { self.new_term(stemmer, form) };
        self.short.insert(key, g);
        g
    }

    /// The global number of a word that has no short key, through its
    /// lowercased, folded form, or [`STOP`].
    fn global_by_form(
        &mut self,
        analysis: &Analysis,
        stemmer: Option<&WordStemmer>,
        word: &str,
    ) -> u32 {
        let mut buf = std::mem::take(&mut self.buf);
        fold_into(word, &mut buf);
        let g = match self.forms.get(buf.as_str()) {
            Some(&g) => g,
            None => {
                let g = self.new_form(analysis, stemmer, &buf);
                self.forms.insert(buf.as_str().into(), g);
                g
            }
        };
        self.buf = buf;
        g
    }

    /// The global number of `form` (lowercased, folded), seen for the
    /// first time: [`STOP`] for a stop word, else its stem's.
    #[cold]
    fn new_form(
        &mut self,
        analysis: &Analysis,
        stemmer: Option<&WordStemmer>,
        form: &str,
    ) -> u32 {
        if analysis.stop_words.contains(form) {
            return STOP;
        }
        self.new_term(stemmer, form)
    }

    /// The global number of `form` (lowercased, folded, not a stop
    /// word), seen for the first time: its stem's.
    fn new_term(&mut self, stemmer: Option<&WordStemmer>, form: &str) -> u32 {
        let mut buf = std::mem::take(&mut self.stem_buf);
        let g = self.number_stem(stemmer, form, &mut buf);
        self.stem_buf = buf;
        g
    }

    /// The global number of the stem of `form`, made in `buf` when
    /// gisty's own stemmer makes it.
    fn number_stem(
        &mut self,
        stemmer: Option<&WordStemmer>,
        form: &str,
        buf: &mut String,
    ) -> u32 {
        let stem = match stemmer {
            Some(s) if form.chars().nth(2).is_some() => s.stem(form, buf),
            _ => std::borrow::Cow::Borrowed(form),
        };
        let next = self.local.len() as u32;
        let g = match stem_key(&stem) {
            Some(key) => match self.short_stems.get(key) {
                Some(g) => g,
                None => {
                    self.short_stems.insert(key, next);
                    next
                }
            },
            None => match self.stems.get(stem.as_ref()) {
                Some(&g) => g,
                None => {
                    self.stems.insert(stem.as_ref().into(), next);
                    next
                }
            },
        };
        if g == next {
            self.local.push(0);
        }
        g
    }
}

/// A language's stemmer: gisty's own Snowball English stemmer
/// ([`porter2`]) for the ASCII words it takes, rust-stemmers for the
/// rest; the same stems either way (tested in `porter2`).
pub(crate) struct WordStemmer {
    snowball: Stemmer,
    english: bool,
}

impl WordStemmer {
    pub(crate) fn new(algorithm: Algorithm) -> WordStemmer {
        WordStemmer {
            snowball: Stemmer::create(algorithm),
            english: algorithm == Algorithm::English,
        }
    }

    /// The stem of `form` (lowercase), written in `buf` when gisty's
    /// stemmer makes it.
    fn stem<'a>(&self, form: &'a str, buf: &'a mut String) -> Cow<'a, str> {
        if self.english && porter2::stem_english(form, buf) {
            Cow::Borrowed(buf.as_str())
        } else {
            self.snowball.stem(form)
        }
    }
}

/// Terms of a sentence, word by word (see [`Vocab::analyze`]).
struct Terms<'a> {
    vocab: &'a mut Vocab,
    analysis: &'a Analysis,
    /// The stemmer of `analysis`, made for the sentence's first new form
    /// (once the vocabulary is warm, most sentences have none).
    stemmer: Option<Option<WordStemmer>>,
    out: Vec<TermId>,
    /// Words so far, stop words and numbers included.
    words: usize,
}

impl Terms<'_> {
    /// [`Vocab::new_key`] under this sentence's configuration.
    #[cold]
    #[inline(never)]
    fn new_key(&mut self, key: u128) -> u32 {
        let analysis = self.analysis;
        let stemmer = self
            .stemmer
            .get_or_insert_with(|| analysis.stemmer.map(WordStemmer::new));
        self.vocab.new_key(analysis, stemmer.as_ref(), key)
    }
}

impl<'t> words::Sink<'t> for Terms<'_> {
    #[inline(always)]
    fn short(&mut self, _: usize, _: usize, key: u128) {
        self.words += 1;
        // The key finds the form without a copy; a number's is [`STOP`]
        // (see `Vocab::new_key`). The configuration is read only for a
        // new key.
        let g = match self.vocab.short.get(key) {
            Some(g) => g,
            None => self.new_key(key),
        };
        if g != STOP {
            let t = self.vocab.local_id(g);
            self.out.push(t);
        }
    }

    fn word(&mut self, at: usize, word: &'t str) {
        // Many words here are ASCII (in a region that is not all ASCII)
        // or have a curly apostrophe: their form is short ASCII, found by
        // its key (the same form, so the same term, as `global_by_form`
        // finds).
        if let Some(key) = folded_key(word) {
            return self.short(at, word.len(), key);
        }
        self.words += 1;
        if word.len() > MAX_WORD_BYTES || !has_letter(word) {
            return;
        }
        let analysis = self.analysis;
        let stemmer = self
            .stemmer
            .get_or_insert_with(|| analysis.stemmer.map(WordStemmer::new));
        let g = self.vocab.global_by_form(analysis, stemmer.as_ref(), word);
        if g != STOP {
            let t = self.vocab.local_id(g);
            self.out.push(t);
        }
    }
}

/// The bytes of an ASCII `stem` of at most 16 bytes that does not end
/// with a NUL byte, zero-padded, as one number (the keys of `short_stems`
/// in [`Vocab`], which tell such stems apart); `None` for other stems.
fn stem_key(stem: &str) -> Option<u128> {
    let b = stem.as_bytes();
    if b.len() > 16 || !stem.is_ascii() || b.last().is_none_or(|&x| x == 0) {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..b.len()].copy_from_slice(b);
    Some(u128::from_le_bytes(buf))
}

/// A hash table from nonzero `u128` keys to `u32` values, for the short
/// keys of [`Vocab`]: open addressing with linear probing in tables at
/// most half full, so that a lookup is mostly one multiply and one
/// probe; a zero key marks an empty slot. Keys of up to 8 bytes (most
/// words) have a table of their own, of 16-byte slots, the others one of
/// 24-byte slots.
#[derive(Debug, Default)]
struct KeyTable {
    /// Keys below 2^64.
    narrow: Probed<u64, u32>,
    /// The other keys, in two halves (so that a slot is 24 bytes, not 32).
    wide: Probed<[u64; 2], u32>,
    /// The number of keys.
    len: usize,
}

impl KeyTable {
    /// The value of `key` (not 0).
    #[inline]
    fn get(&self, key: u128) -> Option<u32> {
        let (lo, hi) = (key as u64, (key >> 64) as u64);
        if hi == 0 { self.narrow.get(lo) } else { self.wide.get([lo, hi]) }
    }

    /// Adds `key` (not 0, not in the table) with `value`.
    fn insert(&mut self, key: u128, value: u32) {
        self.len += 1;
        let (lo, hi) = (key as u64, (key >> 64) as u64);
        if hi == 0 {
            self.narrow.insert(lo, value);
        } else {
            self.wide.insert([lo, hi], value);
        }
    }

    /// Removes every key, keeping the slots.
    fn clear(&mut self) {
        self.narrow.clear();
        self.wide.clear();
        self.len = 0;
    }
}

/// True when `word` has a letter (numbers are not terms).
#[inline]
fn has_letter(word: &str) -> bool {
    if word.is_ascii() {
        word.bytes().any(|b| b.is_ascii_alphabetic())
    } else {
        word.chars().any(char::is_alphabetic)
    }
}

/// Lowercases `word` into `buf`, folding typographic apostrophes to
/// `'` (the stemmers only know the ASCII one).
pub(crate) fn fold_into(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{FF07}' | '\u{02BC}' => {
                buf.push('\'')
            }
            c => buf.extend(c.to_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> Analysis {
        Analysis {
            stop_words: {
                let mut set = Set::with_hasher(hasher());
                set.extend(
                    crate::lang::Language::English
                        .stop_words()
                        .iter()
                        .map(|w| Box::from(*w)),
                );
                set
            },
            stemmer: Some(Algorithm::English),
            bigrams: false,
            id: 1,
        }
    }

    #[test]
    fn fold_table() {
        let rows = [
            ("Running", "running"),
            ("DOG’S", "dog's"),
            ("Ünïcode", "ünïcode"),
            ("İ", "i\u{307}"),
        ];
        let mut buf = String::new();
        for (word, want) in rows {
            fold_into(word, &mut buf);
            assert_eq!(buf, want, "word {word:?}");
        }
    }

    #[test]
    fn short_keys_lowercase_and_differ() {
        let key = |w| short_key(w).unwrap();
        assert_eq!(key("Running"), key("running"));
        assert_eq!(key("AZaz@[`{09_"), key("azaz@[`{09_"));
        assert_ne!(key("a"), key("a_"));
        assert_ne!(key("ab"), key("ba"));
        assert_eq!(key("ABCDEFGHIJKLMNOP"), key("abcdefghijklmnop"));
        assert_eq!(short_key("abcdefghijklmnopq"), None);
        assert_eq!(short_key(""), None);
        assert_eq!(short_key("a\0"), None);
        assert_eq!(short_key("café"), None);
        let mut buf = String::new();
        for w in ["Don't", "U.S.A", "x1_Y2", "A:B", "ZZ", "@AZ["] {
            fold_into(w, &mut buf);
            let mut want = [0u8; 16];
            want[..buf.len()].copy_from_slice(buf.as_bytes());
            assert_eq!(key(w), u128::from_le_bytes(want), "{w}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

        /// The key table finds what a `HashMap` does, through growth
        /// and (with keys from a small range) collisions, in both of its
        /// tables (keys below 2^64 and the others).
        #[test]
        fn key_table_is_a_map(
            keys in proptest::collection::vec(
                proptest::prop_oneof![
                    1u128..3000,
                    1u128..1 << 64,
                    1u128 << 64..(1 << 64) + 3000,
                    1u128..,
                ],
                0..6000,
            )
        ) {
            let mut table = KeyTable::default();
            let mut map = HashMap::new();
            for (i, &k) in keys.iter().enumerate() {
                proptest::prop_assert_eq!(table.get(k), map.get(&k).copied());
                if table.get(k).is_none() {
                    table.insert(k, i as u32);
                    map.insert(k, i as u32);
                }
            }
            proptest::prop_assert_eq!(table.len, map.len());
            proptest::prop_assert_eq!(
                table.narrow.len() + table.wide.len(),
                map.len()
            );
            for (&k, &v) in &map {
                proptest::prop_assert_eq!(table.get(k), Some(v));
            }
            table.clear();
            proptest::prop_assert_eq!(table.get(keys.first().copied().unwrap_or(1)), None);
        }
    }

    /// The terms of `sentences` by the plain rules: unicode-segmentation's
    /// words, folded, without stop words, numbers and long words,
    /// stemmed, numbered by first occurrence of the stem.
    fn reference_terms(a: &Analysis, sentences: &[String]) -> Vec<Vec<u32>> {
        let stemmer = a.stemmer.map(Stemmer::create);
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut buf = String::new();
        let mut out = Vec::new();
        for s in sentences {
            let mut terms = Vec::new();
            for w in unicode_segmentation::UnicodeSegmentation::unicode_words(
                s.as_str(),
            ) {
                if w.len() > MAX_WORD_BYTES || !has_letter(w) {
                    continue;
                }
                fold_into(w, &mut buf);
                if a.stop_words.contains(buf.as_str()) {
                    continue;
                }
                let stem = match &stemmer {
                    Some(st) if buf.chars().count() >= 3 => {
                        st.stem(&buf).into_owned()
                    }
                    _ => buf.clone(),
                };
                let next = ids.len() as u32;
                terms.push(*ids.entry(stem).or_insert(next));
            }
            out.push(terms);
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        /// `analyze` against the plain rules, on text heavy in the cases
        /// of the fast paths, in a fresh and in a used vocabulary.
        #[test]
        fn analyze_is_the_plain_rules(
            sentences in proptest::collection::vec(
                "([A-Za-z]{1,12}|[0-9]{1,3}|[ ,.'’_:;-]|\u{a0}|\u{2014}|é|ö|\u{301}|the|The|running|RUNS){0,25}",
                1..6,
            ),
            history in "[A-Za-z ]{0,40}",
        ) {
            let a = english();
            let want = reference_terms(&a, &sentences);
            let mut used = Vocab::default();
            used.prepare(&a);
            used.analyze(&a, &history, &mut Vec::new());
            for v in [&mut Vocab::default(), &mut used] {
                v.prepare(&a);
                for (s, want) in sentences.iter().zip(&want) {
                    let mut out = Vec::new();
                    let words = v.analyze(&a, s, &mut out);
                    let got: Vec<u32> = out.iter().map(|t| t.0).collect();
                    proptest::prop_assert_eq!(&got, want, "{:?}", s);
                    let all = unicode_segmentation::UnicodeSegmentation::unicode_words(s.as_str());
                    proptest::prop_assert_eq!(words, all.count());
                }
            }
        }
    }

    /// Many distinct forms (past the tables' first size), of every kind:
    /// ids in order of first occurrence, the same on a second reading,
    /// in capitals, and in the next document after `prepare`.
    #[test]
    fn many_forms() {
        let a = Analysis {
            stop_words: Set::with_hasher(hasher()),
            stemmer: None,
            bigrams: false,
            id: 2,
        };
        let word = |i: usize| {
            // The hexadecimal digits of `i`, spelt with g..v.
            let mut w: String = (0..4)
                .rev()
                .map(|d| char::from(b'g' + (i >> (4 * d) & 15) as u8))
                .collect();
            match i % 4 {
                0 => w.push_str("abcdefghijk"),
                1 => w.push('é'),
                2 => w.push_str("xyzxyzxyzxyzxyzxyz"),
                _ => {}
            }
            w
        };
        let text: Vec<String> = (0..5000).map(word).collect();
        let text = text.join(" ");
        let mut v = Vocab::default();
        for _ in 0..2 {
            v.prepare(&a);
            let mut out = Vec::new();
            assert_eq!(v.analyze(&a, &text, &mut out), 5000);
            let want: Vec<TermId> = (0..5000).map(TermId).collect();
            assert!(out == want, "ids {:?}", &out[..20]);
            out.clear();
            v.analyze(&a, &text.to_uppercase(), &mut out);
            assert!(out == want, "ids in capitals {:?}", &out[..20]);
            assert_eq!(v.len(), 5000);
        }
    }

    /// `folded_key` against the slow path: `fold_into`, then `short_key`
    /// of the form when it is short ASCII.
    fn check_folded_key(word: &str) -> Result<(), String> {
        let mut buf = String::new();
        fold_into(word, &mut buf);
        let plain = word
            .chars()
            .all(|c| c.is_ascii() || c == '\u{2018}' || c == '\u{2019}');
        let want = if plain { short_key(&buf) } else { None };
        let got = folded_key(word);
        if got == want {
            Ok(())
        } else {
            Err(format!("{word:?}: {got:?}, not {want:?}"))
        }
    }

    #[test]
    fn folded_key_table() {
        let key = |w| short_key(w).unwrap();
        assert_eq!(folded_key("Obama\u{2019}s"), Some(key("obama's")));
        assert_eq!(folded_key("\u{2018}TIS"), Some(key("'tis")));
        assert_eq!(folded_key("U.S."), Some(key("u.s.")));
        assert_eq!(
            folded_key("abcdefghijklmno\u{2019}"),
            Some(key("abcdefghijklmno'"))
        );
        assert_eq!(folded_key("abcdefghijklmnop\u{2019}"), None);
        assert_eq!(folded_key("caf\u{e9}"), None);
        assert_eq!(folded_key("a\u{2014}b"), None);
        assert_eq!(folded_key("a\u{ff07}b"), None);
        assert_eq!(folded_key("a\0"), None);
        assert_eq!(folded_key(""), None);
        for w in [
            "x",
            "Don\u{2019}t",
            "\u{2019}",
            "a\u{2018}\u{2019}b",
            "\u{2019}\u{2019}\u{2019}\u{2019}\u{2019}\u{2019}",
        ] {
            check_folded_key(w).unwrap();
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn folded_key_is_the_folded_short_key(
            word in "([a-zA-Z0-9_.:']|\u{2018}|\u{2019}|\u{2014}|\u{ff07}|\u{2bc}|\u{0}|\u{e9}|\u{130}){0,20}"
        ) {
            if let Err(e) = check_folded_key(&word) {
                proptest::prop_assert!(false, "{}", e);
            }
        }
    }

    #[test]
    fn stem_keys_tell_stems_apart() {
        assert_eq!(stem_key("run"), short_key("run"));
        assert_eq!(
            stem_key("Run"),
            Some(u128::from_le_bytes(*b"Run\0\0\0\0\0\0\0\0\0\0\0\0\0"))
        );
        assert_eq!(stem_key("run\0"), None);
        assert_eq!(stem_key(""), None);
        assert_eq!(stem_key("caf\u{e9}"), None);
        assert_eq!(stem_key("abcdefghijklmnopq"), None);
        assert!(stem_key("a\0b").is_some_and(|k| Some(k) != stem_key("ab")));
    }

    /// Stop words are terms for no configuration but their own, whether
    /// or not the vocabulary was seeded with them.
    #[test]
    fn stop_words_follow_the_configuration() {
        let a = english();
        let b = Analysis {
            stop_words: Set::with_hasher(hasher()),
            id: 3,
            ..english()
        };
        let text = "The cat and THE hat";
        let mut v = Vocab::default();
        let mut out = Vec::new();
        v.analyze(&a, text, &mut out);
        assert_eq!(out.len(), 2);
        for (analysis, terms) in [(&a, 2), (&b, 5), (&a, 2)] {
            v.prepare(analysis);
            out.clear();
            v.analyze(analysis, text, &mut out);
            assert_eq!(out.len(), terms);
        }
    }

    #[test]
    fn same_stem_same_term() {
        let a = english();
        let mut v = Vocab::default();
        v.prepare(&a);
        let mut out = Vec::new();
        let n =
            v.analyze(&a, "Running runs. The RUNNING dog’s dogs.", &mut out);
        assert_eq!(n, 6);
        // running, runs, running, dog's, dogs: "the" is a stop word.
        assert_eq!(out.len(), 5);
        assert_eq!(out[0], out[2]);
        assert_eq!(out[0], out[1]);
        assert_eq!(out[3], out[4]);
        assert_ne!(out[0], out[3]);
        assert_eq!(v.len(), 2);
        // Ids are per document, from 0 in order of first occurrence.
        assert_eq!((out[0], out[3]), (TermId(0), TermId(1)));
        v.prepare(&a);
        out.clear();
        v.analyze(&a, "Dogs run.", &mut out);
        assert_eq!(out, [TermId(0), TermId(1)]);
        assert_eq!(v.len(), 2);
    }

    #[test]
    fn ids_do_not_depend_on_history() {
        let a = english();
        let doc = ["Rain fell on Monday.", "Rivers rose; roads closed."];
        let run = |v: &mut Vocab| {
            v.prepare(&a);
            let mut out = Vec::new();
            for s in doc {
                v.analyze(&a, s, &mut out);
            }
            (out, v.len())
        };
        let fresh = run(&mut Vocab::default());
        let mut used = Vocab::default();
        used.prepare(&a);
        used.analyze(&a, "Roads and rivers, closed rain.", &mut Vec::new());
        assert_eq!(run(&mut used), fresh);
        assert_eq!(fresh.1, 7);
    }

    #[test]
    fn numbers_and_long_words_are_not_terms() {
        let a = english();
        let mut v = Vocab::default();
        v.prepare(&a);
        let mut out = Vec::new();
        let long = "x".repeat(MAX_WORD_BYTES + 1);
        let n = v.analyze(&a, &format!("In 2023 {long} 3.14"), &mut out);
        assert_eq!(n, 4);
        assert!(out.is_empty());
    }
}
