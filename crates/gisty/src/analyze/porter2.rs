//! gisty's own Snowball English ("Porter2") stemmer, for ASCII words.
//!
//! It gives exactly what rust-stemmers 1.2.0 gives for
//! `Algorithm::English` (the Snowball English stemmer of that time, with
//! its quirks: words under three letters are left alone, one leading
//! apostrophe is dropped, the Y of the prelude counts as a consonant, a
//! `Y` already in the word becomes `y` only when the prelude made one),
//! and is many times cheaper: the word is copied once into a stack
//! buffer behind eight zero bytes, so that its last eight bytes read as
//! one number and every suffix test is a mask and a compare; the vowels
//! of the word, found eight bytes at a time, are one bit mask, so R1 and
//! R2 are bit scans.
//!
//! Words that are not ASCII, or longer than [`MAX_LEN`] bytes, are left
//! to rust-stemmers: [`stem_english`] says so by returning `false`.
//! The tests compare the two on tables, generated words and every word
//! of the test corpora.

/// The longest word [`stem_english`] stems itself, in bytes.
pub(crate) const MAX_LEN: usize = 64;

/// Zero bytes before the word in [`Word::b`]: the last eight bytes of
/// the word, padded, are always there to read.
const PAD: usize = 8;

/// Writes the Snowball English stem of `word` into `out` (cleared
/// first) and returns `true`; returns `false`, and leaves `out` as it
/// was, when `word` is not ASCII or is longer than [`MAX_LEN`] bytes:
/// stem those with rust-stemmers. Any ASCII bytes are allowed
/// (upper case, digits, apostrophes): the stem is the one rust-stemmers
/// 1.2.0 gives.
pub(crate) fn stem_english(word: &str, out: &mut String) -> bool {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_LEN || !bytes.is_ascii() {
        return false;
    }
    out.clear();
    if bytes.len() < 3 {
        out.push_str(word);
        return true;
    }
    if let Some(stem) = exception1(bytes) {
        out.push_str(stem);
        return true;
    }
    let src = match word.strip_prefix('\'') {
        Some(rest) => rest,
        None => word,
    };
    let mut w = Word {
        b: [0; PAD + MAX_LEN],
        n: src.len(),
        p1: 0,
        p2: 0,
        changed: MAX_LEN,
    };
    w.b[PAD..PAD + src.len()].copy_from_slice(src.as_bytes());
    let (vowels, y_found) = w.prelude();
    w.mark_regions(vowels);
    w.step_1a(vowels);
    if !w.exception2() {
        w.step_1b(vowels);
        w.step_1c();
        w.step_2();
        w.step_3();
        w.step_4();
        w.step_5();
    }
    // The stem is the word up to the first byte the steps wrote, then
    // what they wrote; with the prelude's Ys made ys again, which gives
    // the word's own bytes back unless it had a Y of its own.
    let mut keep = w.changed.min(w.n);
    if y_found && src.as_bytes()[..keep].contains(&b'Y') {
        keep = 0;
    }
    out.push_str(&src[..keep]);
    for &c in w.text()[keep..].iter() {
        out.push(char::from(if y_found && c == b'Y' { b'y' } else { c }));
    }
    true
}

/// The words stemmed by a table rather than by the rules (Snowball's
/// `exception1`), whole words only.
fn exception1(word: &[u8]) -> Option<&'static str> {
    if word.len() > 6 {
        return None;
    }
    Some(match word {
        b"skis" => "ski",
        b"skies" => "sky",
        b"dying" => "die",
        b"lying" => "lie",
        b"tying" => "tie",
        b"idly" => "idl",
        b"gently" => "gentl",
        b"ugly" => "ugli",
        b"early" => "earli",
        b"only" => "onli",
        b"singly" => "singl",
        b"sky" => "sky",
        b"news" => "news",
        b"howe" => "howe",
        b"atlas" => "atlas",
        b"cosmos" => "cosmos",
        b"bias" => "bias",
        b"andes" => "andes",
        _ => return None,
    })
}

/// Character classes, as bits of [`CLASS`]: Snowball's `v`, the vowels
/// (`y` included, the prelude's `Y` not).
const V: u8 = 1;
/// Snowball's `v_WXY`: the vowels, `w`, `x` and `Y`.
const V_WXY: u8 = 2;
/// The letters that may stand before a deleted `li`.
const VALID_LI: u8 = 4;
/// The letters whose doubling step 1b undoes.
const DOUBLE: u8 = 8;

/// The classes of every byte.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let sets: [(&[u8], u8); 4] = [
        (b"aeiouy", V),
        (b"aeiouywxY", V_WXY),
        (b"cdeghkmnrt", VALID_LI),
        (b"bdfgmnprt", DOUBLE),
    ];
    let mut s = 0;
    while s < sets.len() {
        let (chars, bit) = sets[s];
        let mut i = 0;
        while i < chars.len() {
            t[chars[i] as usize] |= bit;
            i += 1;
        }
        s += 1;
    }
    t
};

#[inline]
fn is(c: u8, class: u8) -> bool {
    CLASS[c as usize] & class != 0
}

/// A suffix as the low bytes of a number (last letter lowest), with its
/// mask and length.
#[derive(Clone, Copy)]
struct Suffix {
    mask: u64,
    bits: u64,
    len: usize,
}

const fn sfx(s: &[u8]) -> Suffix {
    let mut bits = 0u64;
    let mut i = 0;
    while i < s.len() {
        bits = (bits << 8) | s[i] as u64;
        i += 1;
    }
    Suffix { mask: (1u64 << (8 * s.len())) - 1, bits, len: s.len() }
}

/// Whether the word whose last eight bytes are `tail` ends with `s`.
/// No suffix has a NUL byte, so none matches the padding.
#[inline]
fn ends(tail: u64, s: Suffix) -> bool {
    tail & s.mask == s.bits
}

/// Whether some bit of `vowels` is below `k`.
#[inline]
fn vowel_before(vowels: u64, k: usize) -> bool {
    k > 0 && vowels << (64 - k.min(64)) != 0
}

/// The start of the region after the first non-vowel that follows a
/// vowel at or after `from` (Snowball's `gopast v gopast non-v`), or `n`.
#[inline]
fn region(vowels: u64, from: usize, n: usize) -> usize {
    if from >= n {
        return n;
    }
    let v = vowels & (u64::MAX << from);
    if v == 0 {
        return n;
    }
    let a = v.trailing_zeros() as usize;
    let c = (!vowels & (u64::MAX << a)).trailing_zeros() as usize;
    if c >= n { n } else { c + 1 }
}

/// The word being stemmed: `n` bytes at `b[PAD..]`, zeros before.
struct Word {
    b: [u8; PAD + MAX_LEN],
    n: usize,
    /// The start of R1.
    p1: usize,
    /// The start of R2.
    p2: usize,
    /// Where the first byte written by a step is (bytes before it are
    /// the word's own, or a Y the prelude made of a y), or [`MAX_LEN`].
    changed: usize,
}

impl Word {
    /// The word's last eight bytes (zeros before a shorter word), the
    /// last one lowest.
    #[inline]
    fn tail(&self) -> u64 {
        let mut t = [0u8; 8];
        t.copy_from_slice(&self.b[self.n..self.n + 8]);
        u64::from_be_bytes(t)
    }

    /// The byte at `i` in the word.
    #[inline]
    fn at(&self, i: usize) -> u8 {
        self.b[PAD + i]
    }

    /// The word as it is now.
    #[inline]
    fn text(&self) -> &[u8] {
        &self.b[PAD..PAD + self.n]
    }

    /// Replaces the last `len` bytes by `with` (no longer than `len`).
    #[inline]
    fn replace(&mut self, len: usize, with: &[u8]) {
        let start = self.n - len;
        if !with.is_empty() {
            self.changed = self.changed.min(start);
        }
        self.b[PAD + start..PAD + start + with.len()].copy_from_slice(with);
        self.n = start + with.len();
    }

    /// Appends an `e` (only after a deletion of at least one byte).
    #[inline]
    fn push_e(&mut self) {
        self.changed = self.changed.min(self.n);
        self.b[PAD + self.n] = b'e';
        self.n += 1;
    }

    /// Snowball's `shortv` before position `k`: non-vowel, vowel,
    /// non-vowel other than `w`, `x`, `Y` -- or a vowel and a non-vowel
    /// that are all of the word before `k`.
    #[inline]
    fn short_v(&self, k: usize) -> bool {
        if k < 2 || !is(self.at(k - 2), V) {
            return false;
        }
        let last = self.at(k - 1);
        if k == 2 {
            !is(last, V)
        } else {
            !is(last, V_WXY) && !is(self.at(k - 3), V)
        }
    }

    /// Turns a first `y`, and every `y` after a vowel, into `Y`; returns
    /// the vowels as bits (a `Y` is not one) and whether a `Y` was made.
    #[inline]
    fn prelude(&mut self) -> (u64, bool) {
        let (mut vowels, ys) = self.vowels_and_ys();
        if ys == 0 {
            return (vowels, false);
        }
        // Left to right, as each y depends on the letter before it.
        let mut y_found = false;
        let mut rest = ys;
        while rest != 0 {
            let i = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            if i == 0 || vowels & (1 << (i - 1)) != 0 {
                vowels &= !(1 << i);
                self.b[PAD + i] = b'Y';
                y_found = true;
            }
        }
        (vowels, y_found)
    }

    /// The vowels (a, e, i, o, u, y) and the ys of the word, as bits,
    /// eight bytes at a time (the word is ASCII, and zeros follow it).
    #[inline]
    fn vowels_and_ys(&self) -> (u64, u64) {
        const ONES: u64 = u64::MAX / 0xff;
        const LOW7: u64 = 0x7f * ONES;
        const HIGH: u64 = 0x80 * ONES;
        /// The high bit of each byte, set when the byte is not zero
        /// (bytes below 0x80).
        #[inline]
        fn nonzero(x: u64) -> u64 {
            x + LOW7
        }
        /// One bit per byte from the high bits of `h`.
        #[inline]
        fn bits(h: u64) -> u64 {
            ((h >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
        }
        let mut vowels = 0;
        let mut ys = 0;
        let mut i = 0;
        while i < self.n {
            let mut chunk = [0u8; 8];
            chunk.copy_from_slice(&self.b[PAD + i..PAD + i + 8]);
            let x = u64::from_le_bytes(chunk);
            let not_y = nonzero(x ^ (b'y' as u64 * ONES));
            let not_v = not_y
                & nonzero(x ^ (b'a' as u64 * ONES))
                & nonzero(x ^ (b'e' as u64 * ONES))
                & nonzero(x ^ (b'i' as u64 * ONES))
                & nonzero(x ^ (b'o' as u64 * ONES))
                & nonzero(x ^ (b'u' as u64 * ONES));
            vowels |= bits(!not_v & HIGH) << i;
            ys |= bits(!not_y & HIGH) << i;
            i += 8;
        }
        (vowels, ys)
    }

    /// Sets R1 and R2.
    #[inline]
    fn mark_regions(&mut self, vowels: u64) {
        let text = self.text();
        self.p1 = if text.starts_with(b"gener") || text.starts_with(b"arsen") {
            5
        } else if text.starts_with(b"commun") {
            6
        } else {
            region(vowels, 0, self.n)
        };
        self.p2 = region(vowels, self.p1, self.n);
    }

    /// Apostrophe endings, then plurals.
    fn step_1a(&mut self, vowels: u64) {
        const APOS_S_APOS: Suffix = sfx(b"'s'");
        const APOS_S: Suffix = sfx(b"'s");
        const APOS: Suffix = sfx(b"'");
        const SSES: Suffix = sfx(b"sses");
        const IED: Suffix = sfx(b"ied");
        const IES: Suffix = sfx(b"ies");
        const SS: Suffix = sfx(b"ss");
        const US: Suffix = sfx(b"us");
        let mut t = self.tail();
        if t as u8 == b'\'' || t as u8 == b's' {
            let cut = if ends(t, APOS_S_APOS) {
                3
            } else if ends(t, APOS_S) {
                2
            } else if ends(t, APOS) {
                1
            } else {
                0
            };
            if cut > 0 {
                self.n -= cut;
                t = self.tail();
            }
        }
        match t as u8 {
            b's' => {
                if ends(t, SSES) {
                    self.n -= 2;
                } else if ends(t, IES) {
                    self.n -= if self.n >= 5 { 2 } else { 1 };
                } else if ends(t, SS) || ends(t, US) {
                } else {
                    // Delete the s if a vowel comes before the byte before it.
                    let s = self.n - 1;
                    if s >= 1 && vowel_before(vowels, s - 1) {
                        self.n -= 1;
                    }
                }
            }
            b'd' if ends(t, IED) => {
                self.n -= if self.n >= 5 { 2 } else { 1 };
            }
            _ => {}
        }
    }

    /// Words left as they are after step 1a.
    fn exception2(&self) -> bool {
        matches!(
            self.text(),
            b"inning"
                | b"outing"
                | b"canning"
                | b"herring"
                | b"earring"
                | b"proceed"
                | b"exceed"
                | b"succeed"
        )
    }

    /// -ed, -ing, -edly, -ingly; -eed and -eedly in R1.
    fn step_1b(&mut self, vowels: u64) {
        const EEDLY: Suffix = sfx(b"eedly");
        const INGLY: Suffix = sfx(b"ingly");
        const EDLY: Suffix = sfx(b"edly");
        const EED: Suffix = sfx(b"eed");
        const ING: Suffix = sfx(b"ing");
        const ED: Suffix = sfx(b"ed");
        const AT: Suffix = sfx(b"at");
        const BL: Suffix = sfx(b"bl");
        const IZ: Suffix = sfx(b"iz");
        let t = self.tail();
        let (len, eed) = match t as u8 {
            b'd' => {
                if ends(t, EED) {
                    (3, true)
                } else if ends(t, ED) {
                    (2, false)
                } else {
                    return;
                }
            }
            b'g' if ends(t, ING) => (3, false),
            b'y' => {
                if ends(t, EEDLY) {
                    (5, true)
                } else if ends(t, INGLY) {
                    (5, false)
                } else if ends(t, EDLY) {
                    (4, false)
                } else {
                    return;
                }
            }
            _ => return,
        };
        let start = self.n - len;
        if eed {
            if start >= self.p1 {
                self.n = start + 2;
            }
            return;
        }
        if !vowel_before(vowels, start) {
            return;
        }
        self.n = start;
        let t = self.tail();
        let last = t as u8;
        if ends(t, AT) || ends(t, BL) || ends(t, IZ) {
            self.push_e();
        } else if is(last, DOUBLE) && (t >> 8) as u8 == last {
            self.n -= 1;
        } else if self.n == self.p1 && self.short_v(self.n) {
            self.push_e();
        }
    }

    /// A final y or Y after a non-vowel that is not the first letter
    /// becomes i.
    fn step_1c(&mut self) {
        let n = self.n;
        if n >= 3 {
            let last = self.at(n - 1);
            if (last == b'y' || last == b'Y') && !is(self.at(n - 2), V) {
                self.changed = self.changed.min(n - 1);
                self.b[PAD + n - 1] = b'i';
            }
        }
    }

    /// Double suffixes in R1.
    fn step_2(&mut self) {
        const ANCI: Suffix = sfx(b"anci");
        const ENCI: Suffix = sfx(b"enci");
        const OGI: Suffix = sfx(b"ogi");
        const LESSLI: Suffix = sfx(b"lessli");
        const FULLI: Suffix = sfx(b"fulli");
        const OUSLI: Suffix = sfx(b"ousli");
        const ENTLI: Suffix = sfx(b"entli");
        const ABLI: Suffix = sfx(b"abli");
        const ALLI: Suffix = sfx(b"alli");
        const BLI: Suffix = sfx(b"bli");
        const LI: Suffix = sfx(b"li");
        const BILITI: Suffix = sfx(b"biliti");
        const ALITI: Suffix = sfx(b"aliti");
        const IVITI: Suffix = sfx(b"iviti");
        const ATIONAL: Suffix = sfx(b"ational");
        const TIONAL: Suffix = sfx(b"tional");
        const ALISM: Suffix = sfx(b"alism");
        const IZATION: Suffix = sfx(b"ization");
        const ATION: Suffix = sfx(b"ation");
        const IZER: Suffix = sfx(b"izer");
        const ATOR: Suffix = sfx(b"ator");
        const IVENESS: Suffix = sfx(b"iveness");
        const FULNESS: Suffix = sfx(b"fulness");
        const OUSNESS: Suffix = sfx(b"ousness");
        /// What to put in the suffix's place.
        enum To {
            S(&'static [u8]),
            /// `og`, after an `l`.
            Ogi,
            /// Nothing, after a valid li-ending.
            Li,
        }
        let t = self.tail();
        let (s, to) = match t as u8 {
            b'i' => match (t >> 8) as u8 {
                b'c' if ends(t, ANCI) => (ANCI, To::S(b"ance")),
                b'c' if ends(t, ENCI) => (ENCI, To::S(b"ence")),
                b'g' if ends(t, OGI) => (OGI, To::Ogi),
                b'l' => {
                    if ends(t, LESSLI) {
                        (LESSLI, To::S(b"less"))
                    } else if ends(t, FULLI) {
                        (FULLI, To::S(b"ful"))
                    } else if ends(t, OUSLI) {
                        (OUSLI, To::S(b"ous"))
                    } else if ends(t, ENTLI) {
                        (ENTLI, To::S(b"ent"))
                    } else if ends(t, ABLI) {
                        (ABLI, To::S(b"able"))
                    } else if ends(t, ALLI) {
                        (ALLI, To::S(b"al"))
                    } else if ends(t, BLI) {
                        (BLI, To::S(b"ble"))
                    } else {
                        (LI, To::Li)
                    }
                }
                b't' if ends(t, BILITI) => (BILITI, To::S(b"ble")),
                b't' if ends(t, ALITI) => (ALITI, To::S(b"al")),
                b't' if ends(t, IVITI) => (IVITI, To::S(b"ive")),
                _ => return,
            },
            b'l' if ends(t, ATIONAL) => (ATIONAL, To::S(b"ate")),
            b'l' if ends(t, TIONAL) => (TIONAL, To::S(b"tion")),
            b'm' if ends(t, ALISM) => (ALISM, To::S(b"al")),
            b'n' if ends(t, IZATION) => (IZATION, To::S(b"ize")),
            b'n' if ends(t, ATION) => (ATION, To::S(b"ate")),
            b'r' if ends(t, IZER) => (IZER, To::S(b"ize")),
            b'r' if ends(t, ATOR) => (ATOR, To::S(b"ate")),
            b's' if ends(t, IVENESS) => (IVENESS, To::S(b"ive")),
            b's' if ends(t, FULNESS) => (FULNESS, To::S(b"ful")),
            b's' if ends(t, OUSNESS) => (OUSNESS, To::S(b"ous")),
            _ => return,
        };
        let start = self.n - s.len;
        if start < self.p1 {
            return;
        }
        match to {
            To::S(with) => self.replace(s.len, with),
            To::Ogi => {
                if start >= 1 && self.at(start - 1) == b'l' {
                    self.n -= 1;
                }
            }
            To::Li => {
                if start >= 1 && is(self.at(start - 1), VALID_LI) {
                    self.n -= 2;
                }
            }
        }
    }

    /// More suffixes in R1 (-ative in R2).
    fn step_3(&mut self) {
        const ICATE: Suffix = sfx(b"icate");
        const ATIVE: Suffix = sfx(b"ative");
        const ALIZE: Suffix = sfx(b"alize");
        const ICITI: Suffix = sfx(b"iciti");
        const ATIONAL: Suffix = sfx(b"ational");
        const TIONAL: Suffix = sfx(b"tional");
        const ICAL: Suffix = sfx(b"ical");
        const FUL: Suffix = sfx(b"ful");
        const NESS: Suffix = sfx(b"ness");
        let t = self.tail();
        let (s, with): (Suffix, &[u8]) = match t as u8 {
            b'e' if ends(t, ICATE) => (ICATE, b"ic"),
            b'e' if ends(t, ATIVE) => (ATIVE, b""),
            b'e' if ends(t, ALIZE) => (ALIZE, b"al"),
            b'i' if ends(t, ICITI) => (ICITI, b"ic"),
            b'l' if ends(t, ATIONAL) => (ATIONAL, b"ate"),
            b'l' if ends(t, TIONAL) => (TIONAL, b"tion"),
            b'l' if ends(t, ICAL) => (ICAL, b"ic"),
            b'l' if ends(t, FUL) => (FUL, b""),
            b's' if ends(t, NESS) => (NESS, b""),
            _ => return,
        };
        let start = self.n - s.len;
        if start < self.p1 || (s.bits == ATIVE.bits && start < self.p2) {
            return;
        }
        self.replace(s.len, with);
    }

    /// Suffixes deleted in R2.
    fn step_4(&mut self) {
        const IC: Suffix = sfx(b"ic");
        const ANCE: Suffix = sfx(b"ance");
        const ENCE: Suffix = sfx(b"ence");
        const ABLE: Suffix = sfx(b"able");
        const IBLE: Suffix = sfx(b"ible");
        const ATE: Suffix = sfx(b"ate");
        const IVE: Suffix = sfx(b"ive");
        const IZE: Suffix = sfx(b"ize");
        const ITI: Suffix = sfx(b"iti");
        const AL: Suffix = sfx(b"al");
        const ISM: Suffix = sfx(b"ism");
        const ION: Suffix = sfx(b"ion");
        const ER: Suffix = sfx(b"er");
        const OUS: Suffix = sfx(b"ous");
        const EMENT: Suffix = sfx(b"ement");
        const MENT: Suffix = sfx(b"ment");
        const ENT: Suffix = sfx(b"ent");
        const ANT: Suffix = sfx(b"ant");
        let t = self.tail();
        let s = match t as u8 {
            b'c' if ends(t, IC) => IC,
            b'e' => {
                if ends(t, ANCE) {
                    ANCE
                } else if ends(t, ENCE) {
                    ENCE
                } else if ends(t, ABLE) {
                    ABLE
                } else if ends(t, IBLE) {
                    IBLE
                } else if ends(t, ATE) {
                    ATE
                } else if ends(t, IVE) {
                    IVE
                } else if ends(t, IZE) {
                    IZE
                } else {
                    return;
                }
            }
            b'i' if ends(t, ITI) => ITI,
            b'l' if ends(t, AL) => AL,
            b'm' if ends(t, ISM) => ISM,
            b'n' if ends(t, ION) => ION,
            b'r' if ends(t, ER) => ER,
            b's' if ends(t, OUS) => OUS,
            b't' => {
                if ends(t, EMENT) {
                    EMENT
                } else if ends(t, MENT) {
                    MENT
                } else if ends(t, ENT) {
                    ENT
                } else if ends(t, ANT) {
                    ANT
                } else {
                    return;
                }
            }
            _ => return,
        };
        let start = self.n - s.len;
        if start < self.p2 {
            return;
        }
        if s.bits == ION.bits
            && !(start >= 1 && matches!(self.at(start - 1), b's' | b't'))
        {
            return;
        }
        self.n = start;
    }

    /// A final e in R2, or in R1 after no short syllable; a final l in
    /// R2 after an l.
    fn step_5(&mut self) {
        let n = self.n;
        if n == 0 {
            return;
        }
        let s = n - 1;
        let delete = match self.at(s) {
            b'e' => s >= self.p2 || (s >= self.p1 && !self.short_v(s)),
            b'l' => s >= self.p2 && s >= 1 && self.at(s - 1) == b'l',
            _ => false,
        };
        if delete {
            self.n = s;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;
    use rust_stemmers::{Algorithm, Stemmer};
    use unicode_segmentation::UnicodeSegmentation;

    use super::*;

    /// rust-stemmers' English stem of `word`: the reference.
    fn reference(word: &str) -> String {
        Stemmer::create(Algorithm::English).stem(word).into_owned()
    }

    /// Checks [`stem_english`] against rust-stemmers on `word`, and that
    /// it only declines words outside its domain; returns whether it
    /// took the word.
    fn check(word: &str) -> bool {
        let mut out = String::from("left over");
        if stem_english(word, &mut out) {
            assert_eq!(out, reference(word), "stem of {word:?}");
            true
        } else {
            assert!(
                !word.is_ascii() || word.len() > MAX_LEN,
                "{word:?} declined"
            );
            false
        }
    }

    /// Words and their stems (as rust-stemmers 1.2.0 gives them): the
    /// exceptions, the examples of each step, apostrophes, y and Y,
    /// the special R1 prefixes, short words, other ASCII.
    #[rustfmt::skip]
    const TABLE: &[(&str, &str)] = &[
        ("a", "a"), ("at", "at"), ("ate", "ate"), ("us", "us"), ("ss", "ss"),
        ("sky", "sky"), ("skis", "ski"), ("skies", "sky"), ("dying", "die"),
        ("lying", "lie"), ("tying", "tie"), ("idly", "idl"),
        ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"),
        ("only", "onli"), ("singly", "singl"), ("news", "news"),
        ("howe", "howe"), ("atlas", "atlas"), ("cosmos", "cosmos"),
        ("bias", "bias"), ("andes", "andes"),
        ("inning", "inning"), ("innings", "inning"), ("outing", "outing"),
        ("outings", "outing"), ("canning", "canning"),
        ("herring", "herring"), ("earring", "earring"),
        ("proceed", "proceed"), ("exceed", "exceed"), ("succeed", "succeed"),
        ("succeeded", "succeed"), ("proceeding", "proceed"),
        ("consign", "consign"), ("consigned", "consign"),
        ("consigning", "consign"), ("consignment", "consign"),
        ("consistency", "consist"), ("consistently", "consist"),
        ("consolation", "consol"), ("consolatory", "consolatori"),
        ("consolidating", "consolid"), ("knackeries", "knackeri"),
        ("kneaded", "knead"), ("kneeling", "kneel"), ("knees", "knee"),
        ("knightly", "knight"), ("knitting", "knit"), ("knives", "knive"),
        ("knocker", "knocker"), ("knopp", "knopp"),
        ("generous", "generous"), ("general", "general"),
        ("generate", "generat"), ("generically", "generic"),
        ("communication", "communic"), ("communism", "communism"),
        ("arsenal", "arsenal"), ("arsenic", "arsenic"),
        ("dog's", "dog"), ("dogs'", "dog"), ("'s", "'s"), ("'", "'"),
        ("''", "''"), ("'tis", "tis"), ("'yelling", "yell"),
        ("o'clock", "o'clock"), ("don't", "don't"),
        ("rock'n'roll", "rock'n'rol"),
        ("yes", "yes"), ("yelling", "yell"), ("yyy", "yyy"), ("ayy", "ayi"),
        ("byy", "byy"), ("saying", "say"), ("sayings", "say"),
        ("played", "play"), ("players", "player"), ("obeyed", "obey"),
        ("toys", "toy"), ("cry", "cri"), ("cries", "cri"), ("cried", "cri"),
        ("crying", "cri"), ("ties", "tie"), ("tied", "tie"),
        ("died", "die"), ("hopping", "hop"), ("hoped", "hope"),
        ("hoping", "hope"), ("fitted", "fit"), ("filing", "file"),
        ("filled", "fill"), ("fizzed", "fizz"), ("luxuriated", "luxuri"),
        ("controlled", "control"), ("tanned", "tan"), ("bled", "bled"),
        ("agreed", "agre"), ("feed", "feed"), ("needed", "need"),
        ("freed", "freed"), ("ease", "eas"), ("easy", "easi"),
        ("easily", "easili"), ("happily", "happili"),
        ("happiness", "happi"), ("relational", "relat"),
        ("conditional", "condit"), ("rational", "ration"),
        ("valency", "valenc"), ("hesitancy", "hesit"),
        ("digitizer", "digit"), ("conformably", "conform"),
        ("radically", "radic"), ("differently", "differ"),
        ("vilely", "vile"), ("analogously", "analog"),
        ("vietnamization", "vietnam"), ("predication", "predic"),
        ("operator", "oper"), ("feudalism", "feudal"),
        ("decisiveness", "decis"), ("hopefulness", "hope"),
        ("callousness", "callous"), ("formality", "formal"),
        ("sensitivity", "sensit"), ("sensibility", "sensibl"),
        ("triplicate", "triplic"), ("formative", "format"),
        ("formalize", "formal"), ("electricity", "electr"),
        ("electrical", "electr"), ("hopeful", "hope"),
        ("goodness", "good"), ("revival", "reviv"),
        ("allowance", "allow"), ("inference", "infer"),
        ("airliner", "airlin"), ("gyroscopic", "gyroscop"),
        ("adjustable", "adjust"), ("defensible", "defens"),
        ("irritant", "irrit"), ("replacement", "replac"),
        ("adjustment", "adjust"), ("dependent", "depend"),
        ("adoption", "adopt"), ("activate", "activ"),
        ("angularity", "angular"), ("homologous", "homolog"),
        ("effective", "effect"), ("bowdlerize", "bowdler"),
        ("archaeology", "archaeolog"), ("logi", "logi"),
        ("fluently", "fluentli"), ("hopelessly", "hopeless"),
        ("gas", "gas"), ("gaps", "gap"), ("kiwis", "kiwi"),
        ("caress", "caress"), ("ponies", "poni"), ("thus", "thus"),
        ("sses", "ss"), ("classes", "class"), ("gases", "gase"),
        ("united", "unit"), ("cheeses", "chees"), ("meetings", "meet"),
        ("presidential", "presidenti"), ("governments", "govern"),
        ("officials", "offici"), ("police", "polic"),
        ("ministers", "minist"), ("elections", "elect"), ("said", "said"),
        ("says", "say"), ("yearly", "year"), ("people", "peopl"),
        ("countries", "countri"), ("companies", "compani"),
        ("billion", "billion"), ("economically", "econom"),
        ("u.s", "u."), ("2015", "2015"), ("mp3", "mp3"),
        ("covid-19", "covid-19"), ("e-mail", "e-mail"),
        ("self-driving", "self-driv"), ("re-elected", "re-elect"),
        ("TEST", "TEST"), ("Yelling", "Yell"), ("sAYING", "sAYING"),
        ("BeYond", "BeYond"),
    ];

    #[test]
    fn table() {
        for &(word, stem) in TABLE {
            assert_eq!(reference(word), stem, "rust-stemmers on {word:?}");
            let mut out = String::new();
            assert!(stem_english(word, &mut out), "{word:?} declined");
            assert_eq!(out, stem, "stem of {word:?}");
        }
    }

    #[test]
    fn declines_only_outside_its_domain() {
        let mut out = String::new();
        assert!(!stem_english("café", &mut out));
        assert!(!stem_english("naïvely", &mut out));
        assert!(!stem_english(&"a".repeat(MAX_LEN + 1), &mut out));
        assert!(check(&"ab".repeat(MAX_LEN / 2)));
        assert!(check(&"y".repeat(MAX_LEN)));
        assert!(check(""));
        assert!(check("\0ed\0ing"));
    }

    /// Pieces of words: suffixes of every step, the words and prefixes
    /// with a rule of their own, letters and runs of them.
    const PIECES: &[&str] = &[
        "ing", "ed", "ly", "ation", "ational", "ness", "ful", "ies", "ied",
        "eed", "y", "e", "ss", "s", "'s", "'", "'s'", "a", "i", "o", "u", "b",
        "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "t", "v", "w", "x",
        "z", "st", "kn", "str", "ea", "oo", "ai", "ay", "oy", "ey", "yy", "Y",
        "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt", "ll", "at",
        "bl", "iz", "sses", "us", "edly", "eedly", "ingly", "tional", "enci",
        "anci", "abli", "entli", "izer", "ization", "ator", "alism", "aliti",
        "alli", "fulness", "ousli", "ousness", "iveness", "iviti", "biliti",
        "bli", "ogi", "logi", "fulli", "lessli", "li", "icate", "ative",
        "alize", "iciti", "ical", "ic", "ance", "ence", "able", "ible", "ate",
        "ive", "ize", "iti", "al", "ism", "ion", "sion", "tion", "er", "ous",
        "ant", "ent", "ment", "ement", "gener", "commun", "arsen", "sky",
        "skies", "news", "bias", "inning", "outing", "succeed", "exceed",
        "herring", "-", ".", "1",
    ];

    fn pieces() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..7)
            .prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn same_as_rust_stemmers_on_pieces(word in pieces()) {
            prop_assert!(check(&word));
        }

        #[test]
        fn same_as_rust_stemmers_on_letters(word in "[a-z'y]{0,16}") {
            prop_assert!(check(&word));
        }

        #[test]
        fn same_as_rust_stemmers_on_ascii(
            bytes in prop::collection::vec(0u8..0x80, 0..MAX_LEN + 8),
        ) {
            let word = String::from_utf8(bytes).unwrap();
            prop_assert_eq!(check(&word), word.len() <= MAX_LEN);
        }

        #[test]
        fn declines_non_ascii(word in "\\PC{0,12}") {
            prop_assert_eq!(check(&word), word.is_ascii());
        }
    }

    /// Every word of up to five letters over a small alphabet (vowels,
    /// y, s, the letters of the suffixes, an apostrophe), and every pair
    /// of pieces.
    #[test]
    fn exhaustive_small() {
        const ALPHABET: &[u8] = b"aeiyslntdg'";
        let mut words = vec![String::new()];
        let mut all = 0;
        for _ in 0..5 {
            let mut longer = Vec::with_capacity(words.len() * ALPHABET.len());
            for w in &words {
                for &c in ALPHABET {
                    let mut w = w.clone();
                    w.push(c as char);
                    assert!(check(&w));
                    longer.push(w);
                }
            }
            all += longer.len();
            words = longer;
        }
        assert_eq!(all, (1..=5).map(|k| 11usize.pow(k)).sum::<usize>());
        for a in PIECES {
            for b in PIECES {
                assert!(check(&format!("{a}{b}")));
            }
        }
    }

    /// The distinct words of `text`: its Unicode words as written and
    /// lowercased (curly apostrophes made straight, as gisty folds
    /// them), and its whitespace-separated tokens lowercased.
    fn add_words(text: &str, words: &mut BTreeSet<String>) {
        let fold = |w: &str| {
            w.chars()
                .map(|c| {
                    if matches!(c, '\u{2019}' | '\u{2018}') { '\'' } else { c }
                })
                .collect::<String>()
                .to_lowercase()
        };
        for w in text.unicode_words() {
            if !words.contains(w) {
                words.insert(w.to_string());
            }
            words.insert(fold(w));
        }
        for w in text.split_whitespace() {
            words.insert(fold(w));
        }
    }

    /// Every word of the documents of corpus/ and, when ../shared is
    /// there (or GISTY_SHARED names it), of the BBC and CNN/DM sets.
    #[test]
    fn same_as_rust_stemmers_on_corpus_words() {
        let mut words = BTreeSet::new();
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
        let mut dirs = vec![std::path::PathBuf::from(corpus)];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    add_words(&text, &mut words);
                }
            }
        }
        let from_corpus = words.len();
        assert!(from_corpus > 1000, "{from_corpus} words in corpus/");
        let shared = match std::env::var_os("GISTY_SHARED") {
            Some(dir) => std::path::PathBuf::from(dir),
            None => std::path::PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared"
            )),
        };
        for name in ["bbc-dev.jsonl", "cnndm-250.jsonl"] {
            let path = shared.join("data").join(name);
            let Ok(data) = std::fs::read_to_string(&path) else {
                eprintln!("skipped: {} not present", path.display());
                continue;
            };
            for line in data.lines().filter(|l| !l.trim().is_empty()) {
                let doc: serde_json::Value =
                    serde_json::from_str(line).unwrap();
                for value in doc.as_object().unwrap().values() {
                    if let Some(text) = value.as_str() {
                        add_words(text, &mut words);
                    }
                }
            }
        }
        let taken = words.iter().filter(|w| check(w)).count();
        eprintln!(
            "{} distinct words ({from_corpus} from corpus/), {taken} stemmed \
             here, the others (not ASCII) declined",
            words.len()
        );
    }

    /// Not a check: stems every distinct word of CNN/DM (or of corpus/
    /// without ../shared) with both stemmers, for callgrind to count
    /// their instructions per call (see the commit message):
    /// `valgrind --tool=callgrind <release test binary> --ignored
    /// analyze::porter2::tests::instructions --exact`.
    #[test]
    #[ignore]
    fn instructions() {
        let mut words = BTreeSet::new();
        let shared = std::env::var_os("GISTY_SHARED").map_or_else(
            || {
                std::path::PathBuf::from(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/../../../shared"
                ))
            },
            std::path::PathBuf::from,
        );
        let path = shared.join("data/cnndm-250.jsonl");
        let text = std::fs::read_to_string(path).unwrap_or_else(|_| {
            std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../corpus/seed-article.txt"
            ))
            .unwrap()
        });
        for line in text.lines() {
            let doc = serde_json::from_str::<serde_json::Value>(line);
            let text = match &doc {
                Ok(doc) => doc["text"].as_str().unwrap_or(""),
                Err(_) => line,
            };
            for w in text.unicode_words() {
                words.insert(w.to_lowercase());
            }
        }
        let words: Vec<String> = words.into_iter().collect();
        let ours: fn(&str, &mut String) -> bool =
            std::hint::black_box(stem_english);
        let stemmer = Stemmer::create(Algorithm::English);
        let mut out = String::new();
        let mut taken = 0;
        for w in &words {
            taken += usize::from(ours(w, &mut out));
            std::hint::black_box(&out);
        }
        for w in &words {
            std::hint::black_box(stemmer.stem(w));
        }
        eprintln!("{} words, {taken} stemmed by stem_english", words.len());
    }
}
