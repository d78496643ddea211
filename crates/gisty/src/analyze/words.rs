//! Words of a text: exactly unicode-segmentation's `unicode_word_indices`,
//! with a fast path for ASCII.
//!
//! UAX #29 word boundaries (<https://www.unicode.org/reports/tr29/#Word_Boundaries>)
//! need a table lookup and a state machine per character. On ASCII the
//! rules reduce to a few byte classes, and most text is mostly ASCII, so
//! the text is cut into *regions* at runs of ASCII spaces: an ASCII
//! region is scanned with the rules below, eight bytes at a time (SWAR on
//! `u64`), and any region holding a non-ASCII byte goes to
//! unicode-segmentation whole, unless its only non-ASCII characters are
//! the common punctuation of [`is_mixed`] (curly quotes, dashes, no-break
//! space), which the same rules handle byte by byte. The ASCII scan also
//! gives most words as their lowercased bytes in one `u128` (see
//! [`Sink::short`]), which [`Vocab`](super::Vocab) looks up without a
//! copy.
//!
//! Cutting is exact because a boundary always falls on both sides of a
//! run of spaces (U+0020 is WSegSpace, which only WB3d (space × space)
//! and WB4 (× Extend/Format/ZWJ) join to anything). A region therefore
//! starts after a space run whose next character is ASCII and not a
//! space; a non-ASCII character after spaces (which may be an Extend
//! mark that WB4 attaches to the spaces) keeps the spaces in its region.
//! The rules that look one character further (WB6, WB7, WB11, WB12)
//! never match across a space, so each region splits alone as it would
//! in place. `tests::same_as_unicode_segmentation` and its neighbours
//! check all this against the crate on arbitrary and ASCII-heavy
//! strings, and the keys against [`short_key`].

use unicode_segmentation::UnicodeSegmentation;

use crate::swar::load8;

/// Word-break classes of ASCII bytes (UAX #29, table 3).
const OTHER: u8 = 0;
/// ALetter: `A-Z`, `a-z`.
const LETTER: u8 = 1;
/// Numeric: `0-9`.
const NUMERIC: u8 = 2;
/// ExtendNumLet: `_`.
const EXTEND_NUM_LET: u8 = 3;
/// MidLetter (`:`) and MidNumLetQ (`.`, `'`): join letters (WB6, WB7).
const MID_LETTER: u8 = 4;
/// MidNumLetQ (`.`, `'`) also join digits (WB11, WB12).
const MID_BOTH: u8 = 5;
/// MidNum (`,`, `;`): join digits only.
const MID_NUM: u8 = 6;

const CLASS: [u8; 128] = {
    let mut t = [OTHER; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'A'..=b'Z' | b'a'..=b'z' => LETTER,
            b'0'..=b'9' => NUMERIC,
            b'_' => EXTEND_NUM_LET,
            b':' => MID_LETTER,
            b'.' | b'\'' => MID_BOTH,
            b',' | b';' => MID_NUM,
            _ => OTHER,
        };
        b += 1;
    }
    t
};

/// Whether each byte is in a class of [`is_word`]: one load per byte in
/// the loop over a word.
const WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = is_word(CLASS[b]);
        b += 1;
    }
    t
};

#[inline]
fn class(b: u8) -> u8 {
    CLASS[(b & 0x7f) as usize]
}

/// True for the classes that make up a word on their own (WB5, WB8-WB10,
/// WB13a, WB13b join any two of them): LETTER, NUMERIC, EXTEND_NUM_LET.
#[inline]
const fn is_word(c: u8) -> bool {
    c.wrapping_sub(LETTER) <= EXTEND_NUM_LET - LETTER
}

/// What [`scan`] finds: the words of a text, in order, each given to
/// one of the two methods.
pub(crate) trait Sink<'t> {
    /// An ASCII word of `len` bytes (at most 16) at `at`, with its
    /// [`short_key`] (which tells whether it holds a letter:
    /// [`key_has_letter`]).
    fn short(&mut self, at: usize, len: usize, key: u128);
    /// Any other word: longer, not ASCII, or of a region that goes to
    /// unicode-segmentation (it may then be short ASCII too).
    fn word(&mut self, at: usize, word: &'t str);
}

/// Calls `f(offset, word)` for each word of `text`, in order: the same
/// words at the same offsets as `text.unicode_word_indices()`.
#[inline]
pub(crate) fn for_each_word<'t>(text: &'t str, f: impl FnMut(usize, &'t str)) {
    /// Every word as a slice of the text.
    struct Slices<'t, F> {
        text: &'t str,
        f: F,
    }
    impl<'t, F: FnMut(usize, &'t str)> Sink<'t> for Slices<'t, F> {
        #[inline]
        fn short(&mut self, at: usize, len: usize, _: u128) {
            let text = self.text;
            if let Some(word) = text.get(at..at + len) {
                (self.f)(at, word);
            }
        }

        #[inline]
        fn word(&mut self, at: usize, word: &'t str) {
            (self.f)(at, word);
        }
    }
    scan(text, &mut Slices { text, f });
}

/// Gives each word of `text` to `sink`, in order: the words of
/// [`for_each_word`], most of them as keys.
#[inline]
pub(crate) fn scan<'t>(text: &'t str, sink: &mut impl Sink<'t>) {
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        // The text up to the next non-ASCII byte is ASCII regions side by
        // side, which scan as one, but for the region holding that byte,
        // which starts at the last cut before it.
        let Some(p) = first_non_ascii(&bytes[start..]).map(|k| start + k)
        else {
            ascii_words(text, start, bytes.len(), sink);
            return;
        };
        let cut = last_cut(bytes, start, p);
        if cut > start {
            ascii_words(text, start, cut, sink);
        }
        let end = next_cut(bytes, p);
        if is_mixed(&bytes[cut..end]) {
            mixed_words(text, cut, end, sink);
        } else {
            for (i, w) in text[cut..end].unicode_word_indices() {
                sink.word(cut + i, w);
            }
        }
        start = end;
    }
}

/// The class of the character at `i` of a region that [`is_mixed`] holds
/// for, and its length in bytes.
#[inline]
fn mixed_class(b: &[u8], i: usize) -> (u8, usize) {
    match b.get(i) {
        Some(&x) if x < 0x80 => (class(x), 1),
        // U+00A0, U+00A3.
        Some(0xc2) => (OTHER, 2),
        // U+2018, U+2019 (MidNumLet, as `'` is for these rules), or
        // another of U+2013, U+2014, U+201C, U+201D.
        _ => match b.get(i + 2) {
            Some(0x98 | 0x99) => (MID_BOTH, 3),
            _ => (OTHER, 3),
        },
    }
}

/// True when every character of `region` is ASCII or one of a few common
/// punctuation marks: U+00A0 (no-break space), U+00A3 (pound sign),
/// U+2013 and U+2014 (dashes), U+201C and U+201D (double quotation
/// marks), all of Word_Break Other, and U+2018 and U+2019 (single
/// quotation marks), MidNumLet as `'` is for the rules that apply
/// without Hebrew letters (WB6, WB7, WB11, WB12).
///
/// Such a region holds no character that WB4 attaches to the one before
/// (Extend, Format, ZWJ), nor any that another rule treats apart, so
/// [`mixed_words`] splits it by the ASCII rules with these classes.
fn is_mixed(region: &[u8]) -> bool {
    let mut i = 0;
    while let Some(&x) = region.get(i) {
        i += match (x, region.get(i + 1), region.get(i + 2)) {
            (..0x80, ..) => 1,
            (0xc2, Some(0xa0 | 0xa3), _) => 2,
            (
                0xe2,
                Some(0x80),
                Some(0x93 | 0x94 | 0x98 | 0x99 | 0x9c | 0x9d),
            ) => 3,
            _ => return false,
        };
    }
    true
}

/// The words of `text[from..to]`, a region that [`is_mixed`] holds for,
/// byte by byte: the rules of [`slow_word`], with [`mixed_class`].
fn mixed_words<'t>(
    text: &'t str,
    from: usize,
    to: usize,
    sink: &mut impl Sink<'t>,
) {
    let b = &text.as_bytes()[..to];
    let mut i = from;
    while i < to {
        let (c, n) = mixed_class(b, i);
        if !is_word(c) {
            i += n;
            continue;
        }
        let start = i;
        // Whether the word is ASCII so far: it is but for a curly
        // apostrophe that joins two of its parts.
        let mut ascii = true;
        i += 1;
        loop {
            while i < to && WORD[b[i] as usize] {
                i += 1;
            }
            // WB6/WB7, WB11/WB12 as in `joins`, with a character of
            // `mixed_class` in the middle.
            let (mid, n) = mixed_class(b, i);
            let Some(&a) = b.get(i + n).filter(|&&a| a < 0x80) else {
                break;
            };
            let after = class(a);
            let joins = match (class(b[i - 1]), mid) {
                (LETTER, MID_LETTER | MID_BOTH) => after == LETTER,
                (NUMERIC, MID_NUM | MID_BOTH) => after == NUMERIC,
                _ => false,
            };
            if !joins {
                break;
            }
            ascii &= n == 1;
            i += n + 1;
        }
        if c != EXTEND_NUM_LET || b[start..i].iter().any(|&x| x != b'_') {
            give(text, start, i, ascii, sink);
        }
    }
}

/// Gives the word `text[start..end]`, found off the fast path, to
/// `sink`: as a short one with its key when it is ASCII (as `ascii`
/// says) of at most 16 bytes, so that it is not copied to be looked up.
#[inline]
fn give<'t>(
    text: &'t str,
    start: usize,
    end: usize,
    ascii: bool,
    sink: &mut impl Sink<'t>,
) {
    let len = end - start;
    match LOW.get(len) {
        Some(&mask) if ascii => {
            let b = text.as_bytes();
            let x = u128::from(load8(b, start))
                | (u128::from(load8(b, start + 8)) << 64);
            sink.short(start, len, lowercase_key(x & mask));
        }
        _ => sink.word(start, &text[start..end]),
    }
}

/// Where regions may be cut: after a run of spaces, before an ASCII
/// character other than a space (see the module's documentation).
#[inline]
fn is_cut(bytes: &[u8], j: usize) -> bool {
    bytes[j - 1] == b' ' && bytes[j] != b' ' && bytes[j].is_ascii()
}

/// The last cut at or before `p`, or `from` (a cut itself) when there is
/// none after it.
fn last_cut(bytes: &[u8], from: usize, p: usize) -> usize {
    (from + 1..=p).rev().find(|&j| is_cut(bytes, j)).unwrap_or(from)
}

/// The first cut after `p`, or the end of `bytes`.
fn next_cut(bytes: &[u8], p: usize) -> usize {
    let mut j = p;
    loop {
        let Some(i) = memchr_space(&bytes[j..]) else {
            return bytes.len();
        };
        j += i;
        while j < bytes.len() && bytes[j] == b' ' {
            j += 1;
        }
        // After the spaces: the end, an ASCII character (a cut), or a
        // non-ASCII one that may be joined to them (the region goes on).
        if j == bytes.len() || bytes[j].is_ascii() {
            return j;
        }
    }
}

/// The offset of the first byte of `bytes` that is not ASCII, 64 bytes
/// at a time, then eight, then the last eight.
#[inline]
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut at = 0;
    for chunk in bytes.chunks_exact(64) {
        let mut any = 0;
        for eight in chunk.chunks_exact(8) {
            any |= u64::from_le_bytes(eight.try_into().unwrap_or([0; 8]));
        }
        if any & HIGH != 0 {
            break;
        }
        at += 64;
    }
    let mut chunks = bytes[at..].chunks_exact(8);
    for chunk in chunks.by_ref() {
        let high =
            u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])) & HIGH;
        if high != 0 {
            return Some(at + high.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    // Fewer than 8 bytes are left: the last 8 of `bytes`, the ones before
    // them ASCII, when there are 8.
    if at == bytes.len() {
        return None;
    }
    let Some(last) = bytes.last_chunk::<8>() else {
        return bytes.iter().position(|&b| b >= 0x80);
    };
    let high = u64::from_le_bytes(*last) & HIGH;
    (high != 0).then(|| bytes.len() - 8 + high.trailing_zeros() as usize / 8)
}

/// The offset of the first space in `bytes`.
#[inline]
fn memchr_space(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b' ', bytes)
}

/// `0x01` in every byte.
const ONES: u128 = u128::MAX / 0xff;
/// The high bit of every byte.
const HIGH: u128 = 0x80 * ONES;

/// The low `len` bytes, by `len`.
const LOW: [u128; 17] = {
    let mut t = [u128::MAX; 17];
    let mut len = 0;
    while len < 16 {
        t[len] = (1u128 << (8 * len)) - 1;
        len += 1;
    }
    t
};

/// The lowercased bytes of an ASCII `word` of 1 to 16 bytes as one
/// number, zero-padded (a word has no NUL byte, so no two words share a
/// key, and no key is 0); `None` for other words.
#[inline]
pub(crate) fn short_key(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 16 || !word.is_ascii() || b.contains(&0) {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..b.len()].copy_from_slice(b);
    Some(lowercase_key(u128::from_le_bytes(buf)))
}

/// The [`short_key`] of `word` lowercased with U+2018 and U+2019 folded
/// to `'` (as [`fold_into`](super::fold_into) folds them), for a word
/// that is ASCII but for those: the key of its form, as a short ASCII
/// word would have it. `None` for other words, or when the folded form
/// is empty, longer than 16 bytes or has a NUL byte.
#[inline]
pub(crate) fn folded_key(word: &str) -> Option<u128> {
    let mut buf = [0u8; 16];
    let mut n = 0;
    let mut rest = word.as_bytes();
    while let Some(&c) = rest.first() {
        let (byte, len) = match rest {
            [0, ..] => return None,
            [..0x80, ..] => (c, 1),
            [0xe2, 0x80, 0x98 | 0x99, ..] => (b'\'', 3),
            _ => return None,
        };
        *buf.get_mut(n)? = byte;
        n += 1;
        rest = rest.get(len..).unwrap_or_default();
    }
    (n > 0).then(|| lowercase_key(u128::from_le_bytes(buf)))
}

/// Lowercases the 16 ASCII bytes of `x`.
#[inline]
fn lowercase_key(x: u128) -> u128 {
    x | (letters(x) >> 2)
}

/// The high bit of each byte of the 16 ASCII bytes of `x` that is a
/// letter (`A-Z`, `a-z`).
#[inline]
fn letters(x: u128) -> u128 {
    // A byte's high bit is set after adding 0x1f when it is >= 'a', after
    // adding 0x05 when it is > 'z' (the bytes of `lower` are below 0x80,
    // so no byte carries into the next); `| 0x20` maps `A-Z` to `a-z`
    // and nothing else into `a-z`.
    let lower = x | (0x20 * ONES);
    (lower + 0x1f * ONES) & !(lower + 0x05 * ONES) & HIGH
}

/// True when the (lowercased) key of [`short_key`] holds a letter. The
/// same as [`has_letter`](super::has_letter) of its word.
#[inline]
pub(crate) fn key_has_letter(key: u128) -> bool {
    letters(key) != 0
}

/// The low `len` bytes of a `u64`, by `len`.
const LOW8: [u64; 9] = {
    let mut t = [u64::MAX; 9];
    let mut len = 0;
    while len < 8 {
        t[len] = (1u64 << (8 * len)) - 1;
        len += 1;
    }
    t
};

/// `0x01` in every byte of a `u64`.
const ONES8: u64 = u64::MAX / 0xff;
/// The high bit of every byte of a `u64`.
const HIGH8: u64 = 0x80 * ONES8;

/// The high bit of each byte of the 8 ASCII bytes of `x` that may be in
/// a word on its own (LETTER, NUMERIC, EXTEND_NUM_LET: see [`is_word`]),
/// and the same for the letters alone.
#[inline]
fn word_bytes(x: u64) -> (u64, u64) {
    // As in `letters`: a byte's high bit is set after adding 0x1f when it
    // is >= 'a', after adding 0x05 when it is > 'z'; after adding 0x50
    // when it is >= '0'.
    let lower = x | (0x20 * ONES8);
    let letter = (lower + 0x1f * ONES8) & !(lower + 0x05 * ONES8) & HIGH8;
    let from_0 = (x + 0x50 * ONES8) & HIGH8;
    // Below '0' are the space, the common punctuation and the controls,
    // none of them in a word: when the other bytes are letters (as in
    // most of a text), the letters are the word bytes. (The letters are
    // among the bytes from '0', so one comparison tells.)
    if from_0 == letter {
        return (letter, letter);
    }
    (letter | other_word_bytes(x, from_0), letter)
}

/// The high bit of each digit and underscore of the 8 ASCII bytes of
/// `x`, given `from_0`, the high bit of each of its bytes from '0', for
/// [`word_bytes`].
#[inline]
fn other_word_bytes(x: u64, from_0: u64) -> u64 {
    // A byte's high bit is set after adding 0x46 when it is > '9'.
    let digit = from_0 & !(x + 0x46 * ONES8);
    // A byte of `x ^ '_'` (below 0x80) plus 0x7f has its high bit set
    // unless it is 0.
    let underscore = !((x ^ (u64::from(b'_') * ONES8)) + 0x7f * ONES8);
    (digit | underscore) & HIGH8
}

/// The words of the ASCII region `text[from..to]`, by the ASCII subset
/// of the rules.
///
/// Eight bytes at a time: a load finds where the next word starts and,
/// for most words, where it ends and its key; a second one does for
/// words of up to 16 bytes. Words that are longer, start with `_` or go
/// on past a MidLetter or MidNum byte go to [`slow_word`], byte by byte.
#[inline]
fn ascii_words<'t>(
    text: &'t str,
    from: usize,
    to: usize,
    sink: &mut impl Sink<'t>,
) {
    let b = &text.as_bytes()[..to];
    let mut p = from;
    while p < to {
        let x = load8(b, p);
        let (word, letter) = word_bytes(x);
        let eight = Eight { p, x, word, letter };
        // Most words start right after the byte that ends the one
        // before (a space), where the load starts: `ascii_word` is
        // inlined apart for them, without the shifts to the start.
        p = if word & 0x80 != 0 {
            ascii_word(text, to, eight, 0, sink)
        } else if word != 0 {
            ascii_word(text, to, eight, word.trailing_zeros() & !7, sink)
        } else {
            p + 8
        };
    }
}

/// The 8 bytes of a region from `p`, `x`, and their [`word_bytes`].
#[derive(Clone, Copy)]
struct Eight {
    p: usize,
    x: u64,
    word: u64,
    letter: u64,
}

/// Gives the word that starts `start / 8` bytes into `eight` (in the
/// ASCII region `text[..to]`) to `sink`, and returns where the scan
/// goes on: for [`ascii_words`].
#[inline(always)]
fn ascii_word<'t>(
    text: &'t str,
    to: usize,
    eight: Eight,
    start: u32,
    sink: &mut impl Sink<'t>,
) -> usize {
    let Eight { p, x, word, letter } = eight;
    let b = &text.as_bytes()[..to];
    let s = p + start as usize / 8;
    let (x, letter) = (x >> start, letter >> start);
    if x as u8 == b'_' {
        return slow_word(text, s, to, sink);
    }
    // The word bytes from `s` on, with the last byte of `x` shifted in
    // at the top (an arithmetic shift copies its high bit): a byte that
    // is not in a word is among them unless the word goes on to the end
    // of `x`, and maybe past it.
    let ends = !(((word as i64) >> start) as u64) & HIGH8;
    if ends != 0 {
        // The word ends in these 8 bytes: most words. The byte after it
        // is the next of `x` (0 past the end of the region).
        let end = ends.trailing_zeros() & !7;
        let (len, e) = (end as usize / 8, s + end as usize / 8);
        if may_join((x >> end) as u8) && joins(b, e) {
            return slow_word(text, s, to, sink);
        }
        let key = (x | (letter >> 2)) & LOW8[len];
        sink.short(s, len, u128::from(key));
        // The byte at `e` is not in a word: the next one starts after it
        // (one space, most often, then the load starts with it).
        return e + 1;
    }
    // The word goes on into the next 8 bytes (which are zeros past the
    // end of the region).
    let (k, len) = (start as usize / 8, 8 - start as usize / 8);
    let y = load8(b, p + 8);
    let (word, more) = word_bytes(y);
    let end = (!word & HIGH8).trailing_zeros();
    let run = end as usize / 8;
    if run == 8 && p + 16 < to {
        return if k > 0 { s } else { slow_word(text, s, to, sink) };
    }
    let (len, e) = (len + run, s + len + run);
    if may_join(y.wrapping_shr(end & !7) as u8) && joins(b, e) {
        return slow_word(text, s, to, sink);
    }
    // The 16 bytes from `s`: the rest of `x`, then `y` (its top `k` bytes
    // left out).
    let lo = |x: u64, y: u64| x | ((y << (63 - 8 * k)) << 1);
    let key = u128::from(lo(x, y)) | (u128::from(y >> (8 * k)) << 64);
    let letter =
        u128::from(lo(letter, more)) | (u128::from(more >> (8 * k)) << 64);
    sink.short(s, len, (key | (letter >> 2)) & LOW[len]);
    e + 1
}

/// The bytes that may join the words on either side of them (MidLetter,
/// MidNumLetQ, MidNum): `'`, `,`, `.`, `:`, `;`.
const MIDS: u64 = 1 << b'\'' | 1 << b',' | 1 << b'.' | 1 << b':' | 1 << b';';

/// A first test for [`joins`] of the byte after a word, on a register:
/// true for the bytes of [`MIDS`], and for those 64 above them (of
/// which `{` is the only one that can follow a word), which [`joins`]
/// then turns down. When a word fills its 8 bytes, the byte given is
/// one of the word's and the test may also be true: [`joins`] answers.
#[inline]
fn may_join(after: u8) -> bool {
    MIDS >> (after & 63) & 1 != 0
}

/// True when the byte at `i` joins the bytes on either side of it
/// into one word: WB6/WB7 (letter (MidLetter | MidNumLetQ) letter) or
/// WB11/WB12 (digit (MidNum | MidNumLetQ) digit). False at either end of
/// `b`.
#[inline]
fn joins(b: &[u8], i: usize) -> bool {
    // The byte after first: most often a space, which ends the word
    // without a look at the others.
    let after = match b.get(i + 1) {
        Some(&a) if WORD[a as usize] => class(a),
        _ => return false,
    };
    let (Some(&before), Some(&mid)) =
        (i.checked_sub(1).and_then(|j| b.get(j)), b.get(i))
    else {
        return false;
    };
    match (class(before), class(mid)) {
        (LETTER, MID_LETTER | MID_BOTH) => after == LETTER,
        (NUMERIC, MID_NUM | MID_BOTH) => after == NUMERIC,
        _ => false,
    }
}

/// Scans the word that starts at `start` (a word byte) in the ASCII
/// region `text[..to]` byte by byte, gives it to `sink` unless it is
/// underscores alone, and returns where it ends.
#[inline(never)]
fn slow_word<'t>(
    text: &'t str,
    start: usize,
    to: usize,
    sink: &mut impl Sink<'t>,
) -> usize {
    let b = &text.as_bytes()[..to];
    let n = b.len();
    let c = class(b[start]);
    let mut i = start + 1;
    loop {
        // The common case: a run of letters and digits.
        while i < n && WORD[b[i] as usize] {
            i += 1;
        }
        if !joins(b, i) {
            break;
        }
        i += 2;
    }
    // A segment of underscores alone holds no letter or digit: not a
    // word for `unicode_words`.
    if c != EXTEND_NUM_LET || b[start..i].iter().any(|&x| x != b'_') {
        give(text, start, i, true, sink);
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        for_each_word(text, |i, w| out.push((i, w)));
        out
    }

    fn reference(text: &str) -> Vec<(usize, &str)> {
        text.unicode_word_indices().collect()
    }

    /// What [`scan`] gives: each word with its key when it comes as a
    /// short one.
    type Scanned<'t> = Vec<(usize, &'t str, Option<u128>)>;

    fn scanned(text: &str) -> Scanned<'_> {
        struct Collect<'t>(&'t str, Scanned<'t>);
        impl<'t> Sink<'t> for Collect<'t> {
            fn short(&mut self, at: usize, len: usize, key: u128) {
                let word = &self.0[at..at + len];
                self.1.push((at, word, Some(key)));
            }
            fn word(&mut self, at: usize, word: &'t str) {
                self.1.push((at, word, None));
            }
        }
        let mut c = Collect(text, Vec::new());
        scan(text, &mut c);
        c.1
    }

    /// Checks [`scan`] against `unicode_word_indices`, and each key
    /// against [`short_key`] and its [`key_has_letter`] against
    /// `has_letter`.
    fn check_scan(text: &str) -> Result<(), TestCaseError> {
        let got = scanned(text);
        let words: Vec<(usize, &str)> =
            got.iter().map(|&(at, w, _)| (at, w)).collect();
        prop_assert_eq!(words, reference(text));
        for (_, word, short) in got {
            if let Some(key) = short {
                prop_assert_eq!(Some(key), short_key(word), "{:?}", word);
                let letters = super::super::has_letter(word);
                prop_assert_eq!(key_has_letter(key), letters);
            }
        }
        Ok(())
    }

    #[test]
    fn table() {
        let rows: &[(&str, &[&str])] = &[
            ("", &[]),
            ("Hello, world!", &["Hello", "world"]),
            ("can't won't e.g. U.S.A.", &["can't", "won't", "e.g", "U.S.A"]),
            ("1,000.50 3:30 10;20", &["1,000.50", "3", "30", "10;20"]),
            ("a:b a_b _a __ a_.b", &["a:b", "a_b", "_a", "a_", "b"]),
            ("x1 1x 1.a a.1", &["x1", "1x", "1", "a", "a", "1"]),
            ("a..b a'.b", &["a", "b", "a", "b"]),
            ("café au lait", &["café", "au", "lait"]),
            ("a \u{301}b  \u{301} c", &["a", "b", "c"]),
            ("Dog’s “quoted” – dash", &["Dog’s", "quoted", "dash"]),
            ("東京 is 大きい", &["東", "京", "is", "大", "き", "い"]),
        ];
        for (text, want) in rows {
            let got: Vec<&str> =
                words(text).into_iter().map(|w| w.1).collect();
            assert_eq!(&got, want, "{text:?}");
            assert_eq!(words(text), reference(text), "{text:?}");
            check_scan(text).unwrap();
        }
    }

    /// The fast path's edges: words ending at the end of the text or of
    /// 8 and 16 bytes, words of 7, 8, 9, 15, 16 and 17 bytes at every
    /// offset, joins right after them, and `{`, which `may_join` lets
    /// through.
    #[test]
    fn fast_path_edges() {
        let mut texts = Vec::new();
        for len in [1, 6, 7, 8, 9, 15, 16, 17, 24] {
            let word: String =
                "AbCdEfGhIjKlMnOpQrStUvWxYz".chars().take(len).collect();
            for pad in 0..18 {
                let lead = " ".repeat(pad);
                for tail in ["", " ", ".", ". x", "'s", ",5", "_", "é", "{a"]
                {
                    texts.push(format!("{lead}{word}{tail}"));
                    texts.push(format!("{lead}1{word}{tail}"));
                    texts.push(format!("{lead}_{word}{tail}"));
                    texts.push(format!("{lead}{}{tail}", "9".repeat(len)));
                }
            }
        }
        for text in &texts {
            if let Err(e) = check_scan(text) {
                panic!("{text:?}: {e}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn same_as_unicode_segmentation(text in any::<String>()) {
            prop_assert_eq!(words(&text), reference(&text));
            check_scan(&text)?;
        }

        #[test]
        fn same_on_ascii_heavy(
            text in "[a-zA-Z0-9_.,;:'\" \t\r\n\u{b}\u{c}\u{0}\u{7f}@\\[`{!?()-]{0,64}"
        ) {
            prop_assert_eq!(words(&text), reference(&text));
            check_scan(&text)?;
        }

        /// Words of all lengths around 8 and 16 bytes, at all offsets.
        #[test]
        fn same_on_long_words(
            text in "([a-zA-Z]{1,20}|[0-9]{1,20}|[ .,'_:;]{1,3}|é){0,12}"
        ) {
            check_scan(&text)?;
        }

        #[test]
        fn same_on_mixed(
            text in "([a-z0-9_.,:' ]|\u{301}|\u{200d}|\u{5d0}|\"|é|’|\u{3000}|\u{85}|\u{1f1e6}|\u{30a2}|\u{ff0e}|\u{93e}){0,40}"
        ) {
            prop_assert_eq!(words(&text), reference(&text));
            check_scan(&text)?;
        }

        /// Regions of ASCII and the punctuation of `is_mixed`, with a few
        /// characters that must send a region to unicode-segmentation.
        #[test]
        fn same_on_punctuation(
            text in "([a-zA-Z]{1,3}|[0-9]{1,2}|[ _.,:;'\"-]|\u{a0}|\u{a3}|\u{2013}|\u{2014}|\u{2018}|\u{2019}|\u{201c}|\u{201d}|\u{2026}|\u{301}|\u{200d}|\u{5d0}|\u{a9}|é){0,30}"
        ) {
            prop_assert_eq!(words(&text), reference(&text));
            check_scan(&text)?;
        }
    }

    #[test]
    fn first_non_ascii_table() {
        for len in 0..80 {
            let ascii = "a".repeat(len);
            assert_eq!(first_non_ascii(ascii.as_bytes()), None);
            for at in 0..len {
                let text = format!("{}\u{e9}{}", &ascii[..at], &ascii[at..]);
                assert_eq!(first_non_ascii(text.as_bytes()), Some(at));
            }
        }
    }

    /// Each character of `is_mixed` between letters, digits,
    /// underscores, other punctuation and marks.
    #[test]
    fn punctuation_table() {
        let marks = [
            "\u{a0}", "\u{a3}", "\u{2013}", "\u{2014}", "\u{2018}",
            "\u{2019}", "\u{201c}", "\u{201d}",
        ];
        let sides = [
            "a", "Z", "1", "_", ".", "'", " ", "", "\u{301}", "\u{200d}",
            "\u{5d0}", "\u{2019}", "\u{a0}",
        ];
        for m in marks {
            for x in sides {
                for y in sides {
                    for text in [
                        format!("{x}{m}{y}"),
                        format!("ab{x}{m}{y}cd"),
                        format!("12{x}{m}{y}34 x"),
                    ] {
                        assert_eq!(words(&text), reference(&text), "{text:?}");
                        if let Err(e) = check_scan(&text) {
                            panic!("{text:?}: {e}");
                        }
                    }
                }
            }
        }
        assert!(is_mixed("Dog\u{2019}s \u{201c}quoted\u{201d}".as_bytes()));
        assert!(!is_mixed("caf\u{e9}".as_bytes()));
        assert!(!is_mixed("a\u{2019}\u{301}".as_bytes()));
    }
}
