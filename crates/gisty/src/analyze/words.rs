//! Words of a text: exactly unicode-segmentation's `unicode_word_indices`,
//! with a fast path for ASCII.
//!
//! UAX #29 word boundaries (<https://www.unicode.org/reports/tr29/#Word_Boundaries>)
//! need a table lookup and a state machine per character. On ASCII the
//! rules reduce to a few byte classes, and most text is mostly ASCII, so
//! the text is cut into *regions* at runs of ASCII spaces: an ASCII
//! region is scanned byte by byte with the rules below, and any region
//! holding a non-ASCII byte goes to unicode-segmentation whole.
//!
//! Cutting is exact because a boundary always falls on both sides of a
//! run of spaces (U+0020 is WSegSpace, which only WB3d (space × space)
//! and WB4 (× Extend/Format/ZWJ) join to anything). A region therefore
//! starts after a space run whose next character is ASCII and not a
//! space; a non-ASCII character after spaces (which may be an Extend
//! mark that WB4 attaches to the spaces) keeps the spaces in its region.
//! The rules that look one character further (WB6, WB7, WB11, WB12)
//! never match across a space, so each region splits alone as it would
//! in place. `tests::same_as_unicode_segmentation` checks all this
//! against the crate on arbitrary and ASCII-heavy strings.

use unicode_segmentation::UnicodeSegmentation;

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

/// Calls `f(offset, word)` for each word of `text`, in order: the same
/// words at the same offsets as `text.unicode_word_indices()`.
#[inline]
pub(crate) fn for_each_word<'t>(
    text: &'t str,
    mut f: impl FnMut(usize, &'t str),
) {
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        // The text up to the next non-ASCII byte is ASCII regions side by
        // side, which scan as one, but for the region holding that byte,
        // which starts at the last cut before it.
        let Some(p) = first_non_ascii(&bytes[start..]).map(|k| start + k)
        else {
            ascii_words(&text[start..], start, &mut f);
            return;
        };
        let cut = last_cut(bytes, start, p);
        if cut > start {
            ascii_words(&text[start..cut], start, &mut f);
        }
        let end = next_cut(bytes, p);
        for (i, w) in text[cut..end].unicode_word_indices() {
            f(cut + i, w);
        }
        start = end;
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

/// The offset of the first byte of `bytes` that is not ASCII, eight
/// bytes at a time.
#[inline]
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in chunks.by_ref() {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        if word & HIGH != 0 {
            break;
        }
        at += 8;
    }
    bytes[at..].iter().position(|&b| b >= 0x80).map(|k| at + k)
}

/// The offset of the first space in `bytes`.
#[inline]
fn memchr_space(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b' ', bytes)
}

/// The words of an ASCII `region` at `base`, by the ASCII subset of the
/// rules; a segment is a word when it holds a letter or a digit (which
/// is what `unicode_words` keeps).
#[inline]
fn ascii_words<'t>(
    region: &'t str,
    base: usize,
    f: &mut impl FnMut(usize, &'t str),
) {
    let b = region.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        if !WORD[b[i] as usize] {
            i += 1;
            continue;
        }
        let c = class(b[i]);
        let start = i;
        let mut last = c;
        i += 1;
        loop {
            // The common case: a run of letters and digits.
            if i < n && WORD[b[i] as usize] {
                i += 1;
                while i < n && WORD[b[i] as usize] {
                    i += 1;
                }
                last = class(b[i - 1]);
            }
            if i + 1 >= n {
                break;
            }
            // WB6/WB7: letter (MidLetter | MidNumLetQ) letter;
            // WB11/WB12: digit (MidNum | MidNumLetQ) digit.
            let after = class(b[i + 1]);
            let joins = match (last, class(b[i])) {
                (LETTER, MID_LETTER | MID_BOTH) => after == LETTER,
                (NUMERIC, MID_NUM | MID_BOTH) => after == NUMERIC,
                _ => false,
            };
            if !joins {
                break;
            }
            last = after;
            i += 2;
        }
        // A segment of underscores alone holds no letter or digit: not a
        // word for `unicode_words`.
        if c != EXTEND_NUM_LET || b[start..i].iter().any(|&x| x != b'_') {
            f(base + start, &region[start..i]);
        }
    }
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
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn same_as_unicode_segmentation(text in any::<String>()) {
            prop_assert_eq!(words(&text), reference(&text));
        }

        #[test]
        fn same_on_ascii_heavy(
            text in "[a-zA-Z0-9_.,;:'\" \t\r\n\u{b}\u{c}!?()-]{0,64}"
        ) {
            prop_assert_eq!(words(&text), reference(&text));
        }

        #[test]
        fn same_on_mixed(
            text in "([a-z0-9_.,:' ]|\u{301}|\u{200d}|\u{5d0}|\"|é|’|\u{3000}|\u{85}|\u{1f1e6}|\u{30a2}|\u{ff0e}|\u{93e}){0,40}"
        ) {
            prop_assert_eq!(words(&text), reference(&text));
        }
    }
}
