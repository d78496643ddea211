//! rouge-score's tokenizer: lowercase, every character other than ASCII
//! letters and digits is a separator, words longer than three letters
//! optionally Porter-stemmed. Tokens are interned as small integers so
//! that the scorers compare and count integers.

use std::collections::HashMap;
use std::ops::Range;

use ahash::RandomState;

use super::porter;

/// Token ids by token. Ids follow first occurrence, so the hasher (ahash,
/// fixed seeds, as the summariser's maps) changes the speed, never a
/// score.
type Map = HashMap<Box<[u8]>, u32, RandomState>;

/// Token ids shared by the candidate and the reference of one pair.
#[derive(Debug)]
pub(crate) struct Interner {
    ids: Map,
}

impl Default for Interner {
    fn default() -> Interner {
        Interner {
            ids: Map::with_hasher(RandomState::with_seeds(
                0x243f_6a88_85a3_08d3,
                0x1319_8a2e_0370_7344,
                0xa409_3822_299f_31d0,
                0x082e_fa98_ec4e_6c89,
            )),
        }
    }
}

impl Interner {
    /// Forgets every token, keeping the allocation.
    pub(crate) fn clear(&mut self) {
        self.ids.clear();
    }

    /// How many distinct tokens there are: ids are `0..len()`.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    fn id(&mut self, word: &[u8]) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        // Fewer than 2^32 distinct tokens fit in memory in practice; the
        // saturation only keeps this total.
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(word.into(), id);
        id
    }
}

/// The tokens of one text, and its newline-separated sentences.
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    /// Every token of the text, in order.
    pub(crate) ids: Vec<u32>,
    /// The sentences (lines) that have at least one token, as ranges into
    /// `ids`. Lines without tokens change no score, so they are left out.
    pub(crate) sentences: Vec<Range<usize>>,
}

impl Tokens {
    /// Tokenizes `text` into `self` (cleared first), with ids from
    /// `interner`; `word` is scratch space.
    pub(crate) fn fill(
        &mut self,
        text: &str,
        stem: bool,
        interner: &mut Interner,
        word: &mut Vec<u8>,
    ) {
        self.ids.clear();
        self.sentences.clear();
        word.clear();
        let mut start = 0;
        for c in text.chars() {
            if c.is_ascii() {
                let b = c.to_ascii_lowercase() as u8;
                if b.is_ascii_alphanumeric() {
                    word.push(b);
                } else {
                    self.flush(word, stem, interner);
                    if b == b'\n' {
                        self.end_sentence(&mut start);
                    }
                }
            } else {
                // Python's str.lower() maps a few characters to ASCII
                // letters ("İ" -> "i" + U+0307, Kelvin sign -> "k").
                for l in c.to_lowercase() {
                    if l.is_ascii_alphanumeric() {
                        word.push(l as u8);
                    } else {
                        self.flush(word, stem, interner);
                    }
                }
            }
        }
        self.flush(word, stem, interner);
        self.end_sentence(&mut start);
    }

    fn flush(
        &mut self,
        word: &mut Vec<u8>,
        stem: bool,
        interner: &mut Interner,
    ) {
        if word.is_empty() {
            return;
        }
        if stem && word.len() > 3 {
            porter::stem_in_place(word);
        }
        self.ids.push(interner.id(word));
        word.clear();
    }

    fn end_sentence(&mut self, start: &mut usize) {
        if self.ids.len() > *start {
            self.sentences.push(*start..self.ids.len());
        }
        *start = self.ids.len();
    }
}

/// The tokens of `text` as rouge-score makes them, stemmed or not.
pub(crate) fn tokens(text: &str, stem: bool) -> Vec<String> {
    let mut interner = Interner::default();
    let mut tokens = Tokens::default();
    tokens.fill(text, stem, &mut interner, &mut Vec::new());
    let mut names = vec![String::new(); interner.len()];
    for (word, &id) in &interner.ids {
        names[id as usize] = String::from_utf8_lossy(word).into_owned();
    }
    tokens.ids.iter().map(|&id| names[id as usize].clone()).collect()
}
