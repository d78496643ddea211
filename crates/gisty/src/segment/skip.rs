//! The fast skip: in the middle of a sentence, runs of bytes that change
//! nothing are stepped over 32 at a time, and the most common terminator,
//! `word. Next`, is recognised from its bytes alone.
//!
//! Both are shortcuts of the scanner's full path (`scan.rs`), which
//! reads a char at a time and asks the rules at every terminator; the
//! tests in `fast_tests.rs` run the two side by side. DESIGN-splitting.md
//! says why the skip is shaped the way it is.

use crate::swar::{HIGH, splat};

/// Bytes that the scan steps over inside a token: ASCII other than white
/// space, the double quote (which may open or close a quotation) and
/// the characters that may be terminators (`.` `?` `!` `:` `;`). Every
/// other character takes the scanner's full path.
pub(super) const PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = !matches!(
            b as u8,
            b'\t'
                | b'\n'
                | 0x0b
                | 0x0c
                | b'\r'
                | b' '
                | b'"'
                | b'.'
                | b'?'
                | b'!'
                | b':'
                | b';'
        );
        b += 1;
    }
    t
};

/// Whether the fast skip ([`skip`]) must stop at the ASCII byte `b` (all
/// other bytes: see [`stops_at`]): every byte that is not [`PLAIN`] and
/// not a space, and the control characters (which the full path steps
/// over: stopping there costs a little time and changes nothing).
#[inline(always)]
pub(super) fn stops_skip(b: u8) -> bool {
    // As a signed byte, everything from 0x80 up is negative: one
    // comparison takes the control characters and all non-ASCII bytes.
    (b as i8) < 0x20 || matches!(b, b'!' | b'"' | b'.' | b':' | b';' | b'?')
}

/// For the 8 bytes of `w` (little-endian), the high bit of each byte
/// set when the byte may stop the skip: it is below 0x40 and not a space,
/// or not ASCII (a superset of [`stops_skip`], told with a few word-wide
/// operations).
#[inline(always)]
pub(super) fn may_stop(w: u64) -> u64 {
    // With bit 5 flipped, a space is 0 and the other bytes below 0x40
    // are 1 to 0x3f. For a 7-bit value, adding 0x7f carries into bit 7
    // iff it is not zero, adding 0x40 iff it is 0x40 or more (never out
    // of the byte): the two differ in bit 7 exactly for 1 to 0x3f.
    let z = (w ^ splat(b' ')) & !HIGH;
    (((z + splat(0x7f)) ^ (z + splat(0x40))) | w) & HIGH
}

/// Whether the skip stops at byte `p` of `bytes` (which starts a char or
/// continues one whose first byte the skip stepped over). ASCII: see
/// [`stops_skip`]. Beyond ASCII, it steps over the chars that change
/// nothing in the middle of a sentence either (no white space, quotation
/// mark or terminator): the Latin letters of U+00C0 to U+017F, `£`, the
/// dashes `–` `—` and the apostrophes `‘` `’`; and over the continuation
/// bytes of those.
#[inline(always)]
pub(super) fn stops_at(bytes: &[u8], p: usize) -> bool {
    match bytes.get(p) {
        None => true,
        Some(&b) if b < 0x80 => stops_skip(b),
        Some(0x80..=0xBF | 0xC3..=0xC5) => false,
        Some(0xC2) => bytes.get(p + 1) != Some(&0xA3),
        Some(0xE2) => !matches!(
            bytes.get(p + 1..p + 3),
            Some([0x80, 0x93 | 0x94 | 0x98 | 0x99])
        ),
        Some(_) => true,
    }
}

/// The first byte from `base` that stops the skip among those marked in
/// `candidates` (see [`may_stop`]) for the word of `bytes` at `base`.
#[inline(always)]
pub(super) fn first_stop(
    bytes: &[u8],
    base: usize,
    mut candidates: u64,
) -> Option<usize> {
    while candidates != 0 {
        let p = base + candidates.trailing_zeros() as usize / 8;
        if stops_at(bytes, p) {
            return Some(p);
        }
        candidates &= candidates - 1;
    }
    None
}

/// The first byte at or after `from` where the skip stops (see
/// [`stops_at`]), or the end of `bytes`: steps over the bytes that
/// change nothing in the middle of a sentence, [`PLAIN`] ones and some
/// others inside a token and the spaces between tokens, 32 at a time
/// (four `u64` words, which the compiler may put in vector registers:
/// one where the CPU has AVX2, for which it is compiled too and picked at
/// run time). `from` must start a char.
#[multiversion::multiversion(targets("x86_64+avx2"))]
pub(super) fn skip(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    let (chunks, _) = rest.as_chunks::<32>();
    for (n, chunk) in chunks.iter().enumerate() {
        let (words, _) = chunk.as_chunks::<8>();
        let masks = words.iter().map(|w| may_stop(u64::from_le_bytes(*w)));
        if masks.clone().fold(0, |all, m| all | m) != 0 {
            for (k, m) in masks.enumerate() {
                if let Some(p) = first_stop(bytes, from + 32 * n + 8 * k, m) {
                    return p;
                }
            }
        }
    }
    let done = from + 32 * chunks.len();
    (done..bytes.len()).find(|&p| stops_at(bytes, p)).unwrap_or(bytes.len())
}

/// Where the last space of `bytes[from..to]` is, read backwards 8 bytes
/// at a time (the space is mostly a word back from `to`).
#[inline]
pub(super) fn last_space(
    bytes: &[u8],
    from: usize,
    to: usize,
) -> Option<usize> {
    let mut end = to.min(bytes.len());
    while end >= from + 8 {
        let w = bytes
            .get(end - 8..end)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u64::from_le_bytes);
        // Bit 7 of each byte set when the byte is not a space: exact, as
        // adding 0x7f to a 7-bit value carries into bit 7 iff it is not
        // zero.
        let z = w ^ splat(b' ');
        let spaces = !(((z & !HIGH) + !HIGH) | z) & HIGH;
        if spaces != 0 {
            return Some(end - 1 - spaces.leading_zeros() as usize / 8);
        }
        end -= 8;
    }
    bytes.get(from..end)?.iter().rposition(|&b| b == b' ').map(|p| from + p)
}

/// For a period at `i`, the shape of `word. Next` around it, if it has
/// it: an optional closing mark (`'` `"` `’` `”`), a single space, an
/// optional opening mark (`'` `"` `(` `[` `{` `‘` `“`), then an ASCII
/// capital. Returns where the cluster ends (the space), where the capital
/// is, and the length of the opening mark (0 without one).
#[inline]
pub(super) fn plain_period_at(
    bytes: &[u8],
    i: usize,
) -> Option<(usize, usize, usize)> {
    let close = match bytes.get(i + 1..)? {
        [b'\'' | b'"', ..] => 1,
        [0xE2, 0x80, 0x99 | 0x9D, ..] => 3,
        _ => 0,
    };
    let e = i + 1 + close;
    if *bytes.get(e)? != b' ' {
        return None;
    }
    let open = match bytes.get(e + 1..)? {
        [b'\'' | b'"' | b'(' | b'[' | b'{', ..] => 1,
        [0xE2, 0x80, 0x98 | 0x9C, ..] => 3,
        _ => 0,
    };
    let m = e + 1 + open;
    bytes.get(m)?.is_ascii_uppercase().then_some((e, m, open))
}
