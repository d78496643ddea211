//! Sentence text -> term ids: words, lowercase, folded apostrophes, stop
//! words, stems, interned.
//!
//! Every call into rust-stemmers is in this file.
//!
//! Performance: words come from [`words::for_each_word`] (unicode
//! segmentation's words, with an ASCII fast path); each distinct word
//! form is lowercased, looked up in the stop words and stemmed once per
//! [`Vocab`], then only hashed; a token allocates nothing once its form
//! is known. Terms are numbered per document in order of first
//! occurrence, so that scores never depend on what a reused [`Vocab`]
//! saw before.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use ahash::RandomState;
use rust_stemmers::{Algorithm, Stemmer};

mod words;

pub(crate) use words::for_each_word;

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
    /// character bigrams: see [`crate::lang::cjk`].
    pub(crate) bigrams: bool,
    /// Identifies this configuration, so that a vocabulary built under
    /// another one is not reused.
    pub(crate) id: u64,
}

/// Interned word forms and stems, kept across documents by a scratch
/// space so that each distinct form is lowercased, looked up and stemmed
/// once.
#[derive(Debug)]
pub(crate) struct Vocab {
    config: u64,
    /// Lowercased, folded form -> its stem's global number, or `None`
    /// for a stop word.
    forms: Map<Box<str>, Option<u32>>,
    /// The same for ASCII words of at most 16 bytes (most words), keyed
    /// by [`short_key`]: no copy, no string hashing, no string compare.
    short: HashMap<u128, Option<u32>, BuildHasherDefault<ShortHasher>>,
    /// Stem -> global number (dense from 0 until the next reset).
    stems: Map<Box<str>, u32>,
    /// Reused buffer for the lowercased form.
    buf: String,
    /// Global number -> the current document's [`TermId`] plus one, or 0
    /// when the document does not have it yet.
    local: Vec<u32>,
    /// The global numbers of the current document's terms, by
    /// [`TermId`].
    seen: Vec<u32>,
}

impl Default for Vocab {
    fn default() -> Vocab {
        Vocab {
            config: 0,
            forms: Map::with_hasher(hasher()),
            short: HashMap::default(),
            stems: Map::with_hasher(hasher()),
            buf: String::new(),
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
        for &g in &self.seen {
            self.local[g as usize] = 0;
        }
        self.seen.clear();
        if self.config != analysis.id
            || self.forms.len() + self.short.len() > MAX_FORMS
        {
            self.forms.clear();
            self.short.clear();
            self.stems.clear();
            self.local.clear();
            self.config = analysis.id;
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
            return crate::lang::cjk::analyze(self, analysis, sentence, out);
        }
        let stemmer = analysis.stemmer.map(Stemmer::create);
        let bytes = sentence.as_bytes();
        let mut words = 0;
        for_each_word(sentence, |at, word| {
            words += 1;
            let g = if let Some(key) = short_key_at(bytes, at, word.len()) {
                // Most words: the key says whether there is a letter, and
                // finds the form without a copy.
                if !key_has_letter(key) {
                    return;
                }
                self.global_by_key(analysis, stemmer.as_ref(), key, word)
            } else {
                if word.len() > MAX_WORD_BYTES || !has_letter(word) {
                    return;
                }
                self.global(analysis, stemmer.as_ref(), word)
            };
            if let Some(g) = g {
                out.push(self.local_id(g));
            }
        });
        words
    }

    /// The term of one word: folded, dropped when a stop word, stemmed
    /// when `stemmer` is given, interned (for the CJK bigram terms).
    pub(crate) fn term(
        &mut self,
        analysis: &Analysis,
        stemmer: Option<&Stemmer>,
        word: &str,
    ) -> Option<TermId> {
        let g = self.global(analysis, stemmer, word)?;
        Some(self.local_id(g))
    }

    /// The document's id for the stem numbered `g`, given on its first
    /// occurrence.
    #[inline]
    fn local_id(&mut self, g: u32) -> TermId {
        let g = g as usize;
        if g >= self.local.len() {
            self.local.resize(g + 1, 0);
        }
        match self.local[g] {
            0 => {
                self.seen.push(g as u32);
                let id = self.seen.len() as u32;
                self.local[g] = id;
                TermId(id - 1)
            }
            id => TermId(id - 1),
        }
    }

    /// The global number of `word`'s stem, or `None` for a stop word.
    #[inline]
    fn global(
        &mut self,
        analysis: &Analysis,
        stemmer: Option<&Stemmer>,
        word: &str,
    ) -> Option<u32> {
        match short_key(word) {
            Some(key) => self.global_by_key(analysis, stemmer, key, word),
            None => self.global_by_form(analysis, stemmer, word),
        }
    }

    /// [`global`](Self::global) of a short ASCII `word` whose key is
    /// `key`.
    #[inline]
    fn global_by_key(
        &mut self,
        analysis: &Analysis,
        stemmer: Option<&Stemmer>,
        key: u128,
        word: &str,
    ) -> Option<u32> {
        if let Some(&t) = self.short.get(&key) {
            return t;
        }
        let t = self.global_by_form(analysis, stemmer, word);
        self.short.insert(key, t);
        t
    }

    /// [`global`](Self::global) through the lowercased form.
    fn global_by_form(
        &mut self,
        analysis: &Analysis,
        stemmer: Option<&Stemmer>,
        word: &str,
    ) -> Option<u32> {
        fold_into(word, &mut self.buf);
        if let Some(&t) = self.forms.get(self.buf.as_str()) {
            return t;
        }
        self.new_form(analysis, stemmer)
    }

    /// Stems the form in `buf`, seen for the first time, and remembers
    /// it.
    #[cold]
    fn new_form(
        &mut self,
        analysis: &Analysis,
        stemmer: Option<&Stemmer>,
    ) -> Option<u32> {
        let term = if analysis.stop_words.contains(self.buf.as_str()) {
            None
        } else {
            let stem = match stemmer {
                Some(s) if self.buf.chars().nth(2).is_some() => {
                    s.stem(&self.buf)
                }
                _ => std::borrow::Cow::Borrowed(self.buf.as_str()),
            };
            let next = self.stems.len() as u32;
            let t = match self.stems.get(stem.as_ref()) {
                Some(&t) => t,
                None => {
                    self.stems.insert(stem.as_ref().into(), next);
                    next
                }
            };
            Some(t)
        };
        self.forms.insert(self.buf.as_str().into(), term);
        term
    }
}

/// The lowercased bytes of an ASCII `word` of at most 16 bytes as one
/// number, zero-padded (a word has no NUL byte, so no two words share a
/// key); `None` for other words.
#[inline]
fn short_key(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    if b.len() > 16 || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..b.len()].copy_from_slice(b);
    Some(lowercase_key(u128::from_le_bytes(buf)))
}

/// Lowercases the 16 ASCII bytes of `x`.
#[inline]
fn lowercase_key(x: u128) -> u128 {
    // Lowercase 16 ASCII bytes at once: a byte's high bit is set after
    // adding 0x3f when it is >= 'A', after adding 0x25 when it is > 'Z';
    // no byte carries into the next, as every byte is below 0x80.
    const ONES: u128 = u128::MAX / 0xff;
    let ge_a = x + 0x3f * ONES;
    let gt_z = x + 0x25 * ONES;
    let upper = ge_a & !gt_z & (0x80 * ONES);
    x | (upper >> 2)
}

/// [`short_key`] of the word of `len` bytes at `at` in `text`, read
/// with one 16-byte load when the text goes on that far (most words),
/// instead of a copy.
#[inline]
fn short_key_at(text: &[u8], at: usize, len: usize) -> Option<u128> {
    const HIGH: u128 = 0x80 * (u128::MAX / 0xff);
    if len > 16 {
        return None;
    }
    let Some(chunk) = text.get(at..at + 16) else {
        return std::str::from_utf8(&text[at..at + len])
            .ok()
            .and_then(short_key);
    };
    /// The low `len` bytes, by `len`.
    const MASKS: [u128; 17] = {
        let mut t = [u128::MAX; 17];
        let mut len = 0;
        while len < 16 {
            t[len] = (1u128 << (8 * len)) - 1;
            len += 1;
        }
        t
    };
    let mut buf = [0u8; 16];
    buf.copy_from_slice(chunk);
    let x = u128::from_le_bytes(buf) & MASKS[len];
    if x & HIGH != 0 {
        return None;
    }
    Some(lowercase_key(x))
}

/// True when the (lowercased) key of [`short_key`] holds a letter: a
/// byte in `a..=z`. The same as [`has_letter`] of its word.
#[inline]
fn key_has_letter(key: u128) -> bool {
    const ONES: u128 = u128::MAX / 0xff;
    // As in `lowercase_key`: the high bit is set after adding 0x1f for
    // bytes >= 'a', after adding 0x05 for bytes > 'z'.
    let ge_a = key + 0x1f * ONES;
    let gt_z = key + 0x05 * ONES;
    ge_a & !gt_z & (0x80 * ONES) != 0
}

/// Hashes the keys of [`short_key`]: one folded multiply (as ahash does),
/// enough for keys that are short words.
#[derive(Default)]
struct ShortHasher(u64);

impl Hasher for ShortHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b))
                .wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_u128(&mut self, x: u128) {
        let (lo, hi) = (x as u64, (x >> 64) as u64);
        let m = u128::from(lo ^ 0x243f_6a88_85a3_08d3)
            * u128::from(hi ^ 0x1319_8a2e_0370_7344);
        self.0 = (m as u64) ^ ((m >> 64) as u64);
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
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The key read in place is the key of the word, and says
        /// whether the word has a letter.
        #[test]
        fn keys_in_place(
            text in "[a-zA-Z0-9_.,:' @\\[`{]{0,40}|.{0,20}",
            at in 0usize..40,
            len in 1usize..20,
        ) {
            let (at, end) = (at.min(text.len()), (at + len).min(text.len()));
            if let Some(word) = text.get(at..end).filter(|w| !w.is_empty()) {
                let key = short_key_at(text.as_bytes(), at, word.len());
                proptest::prop_assert_eq!(key, short_key(word));
                if let Some(key) = key {
                    proptest::prop_assert_eq!(key_has_letter(key), has_letter(word));
                }
            }
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
