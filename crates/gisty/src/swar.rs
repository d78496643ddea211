//! Eight bytes at a time in one `u64` ("SWAR"): the helpers that the
//! byte scanners share (the splitter's skip, the word scan of term
//! analysis, the stop-word vote of language detection).

/// `b` in every byte of a word.
pub(crate) const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The high bit of every byte.
pub(crate) const HIGH: u64 = splat(0x80);

/// The 8 bytes of `b` from `p` as a number (little-endian), with zeros
/// past the end of `b`.
#[inline]
pub(crate) fn load8(b: &[u8], p: usize) -> u64 {
    match b.get(p..).and_then(<[u8]>::first_chunk) {
        Some(chunk) => u64::from_le_bytes(*chunk),
        None => load8_tail(b, p),
    }
}

/// [`load8`] near the end of `b`.
#[inline(never)]
fn load8_tail(b: &[u8], p: usize) -> u64 {
    let mut buf = [0u8; 8];
    if p >= b.len() {
        return 0;
    }
    if let Some(tail) = b.len().checked_sub(8).and_then(|k| b.get(k..)) {
        // The last 8 bytes, shifted down to start at `p`.
        buf.copy_from_slice(tail);
        return u64::from_le_bytes(buf) >> (8 * (p + 8 - b.len()));
    }
    let rest = b.get(p..).unwrap_or_default();
    buf[..rest.len()].copy_from_slice(rest);
    u64::from_le_bytes(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load8_is_the_bytes_then_zeros() {
        let text = b"0123456789abcdefghij";
        for len in 0..=text.len() {
            let b = &text[..len];
            for p in 0..len + 10 {
                let mut want = [0u8; 8];
                for (k, w) in want.iter_mut().enumerate() {
                    *w = b.get(p + k).copied().unwrap_or(0);
                }
                assert_eq!(load8(b, p), u64::from_le_bytes(want), "{len} {p}");
            }
        }
    }
}
