//! Sentence text -> term ids: words, lowercase, folded apostrophes, stop
//! words, stems, interned.
//!
//! Every call into rust-stemmers is in this file.

use std::collections::{HashMap, HashSet};

use ahash::RandomState;
use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

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

/// A term: an interned stem. Ids are dense from 0 within one
/// [`Vocab`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct TermId(pub(crate) u32);

/// Words longer than this many bytes are not terms: they are URLs,
/// base64 or glued garbage, and would only inflate the vocabulary.
pub(crate) const MAX_WORD_BYTES: usize = 48;

/// How many distinct word forms a [`Vocab`] keeps before it starts
/// afresh, so that a long batch cannot grow it without bound.
const MAX_FORMS: usize = 1 << 20;

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
    /// Lowercased, folded form -> its term, or `None` for a stop word.
    forms: Map<Box<str>, Option<TermId>>,
    /// Stem -> term.
    stems: Map<Box<str>, TermId>,
    /// Reused buffer for the lowercased form.
    buf: String,
}

impl Default for Vocab {
    fn default() -> Vocab {
        Vocab {
            config: 0,
            forms: Map::with_hasher(hasher()),
            stems: Map::with_hasher(hasher()),
            buf: String::new(),
        }
    }
}

impl Vocab {
    /// Makes the vocabulary fit `analysis`, clearing it when it was built
    /// for another configuration or has grown too large.
    pub(crate) fn prepare(&mut self, analysis: &Analysis) {
        if self.config != analysis.id || self.forms.len() > MAX_FORMS {
            self.forms.clear();
            self.stems.clear();
            self.config = analysis.id;
        }
    }

    /// The number of distinct terms so far: every [`TermId`] is below it.
    pub(crate) fn len(&self) -> usize {
        self.stems.len()
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
        let mut words = 0;
        for word in sentence.unicode_words() {
            words += 1;
            if word.len() > MAX_WORD_BYTES
                || !word.chars().any(char::is_alphabetic)
            {
                continue;
            }
            if let Some(t) = self.term(analysis, stemmer.as_ref(), word) {
                out.push(t);
            }
        }
        words
    }

    /// The term of one word: folded, dropped when a stop word, stemmed
    /// when `stemmer` is given, interned.
    pub(crate) fn term(
        &mut self,
        analysis: &Analysis,
        stemmer: Option<&Stemmer>,
        word: &str,
    ) -> Option<TermId> {
        fold_into(word, &mut self.buf);
        if let Some(&t) = self.forms.get(self.buf.as_str()) {
            return t;
        }
        let term = if analysis.stop_words.contains(self.buf.as_str()) {
            None
        } else {
            let stem = match stemmer {
                Some(s) if self.buf.chars().nth(2).is_some() => {
                    s.stem(&self.buf)
                }
                _ => std::borrow::Cow::Borrowed(self.buf.as_str()),
            };
            let next = TermId(self.stems.len() as u32);
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
