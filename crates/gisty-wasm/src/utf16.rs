//! Byte offsets to UTF-16 code-unit offsets.
//!
//! gisty's spans are byte offsets into UTF-8; JavaScript strings are
//! sequences of UTF-16 code units, so `String.prototype.slice` and DOM
//! ranges need the same span counted in code units.

/// Converts byte offsets of one text to UTF-16 offsets, walking the text
/// once when the offsets come in increasing order (as spans in document
/// order do).
pub(crate) struct Utf16Cursor<'t> {
    text: &'t str,
    byte: usize,
    unit: usize,
}

impl<'t> Utf16Cursor<'t> {
    pub(crate) fn new(text: &'t str) -> Utf16Cursor<'t> {
        Utf16Cursor { text, byte: 0, unit: 0 }
    }

    /// The UTF-16 offset of byte offset `at`. An offset inside a `char`
    /// counts up to that `char`'s start; one past the end counts as the
    /// end. Offsets may come in any order; increasing ones cost the
    /// distance from the previous one.
    pub(crate) fn offset(&mut self, at: usize) -> usize {
        let at = at.min(self.text.len());
        if at < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        // `self.byte` is always a char boundary: it only moves by whole
        // chars.
        for c in self.text[self.byte..].chars() {
            if self.byte + c.len_utf8() > at {
                break;
            }
            self.byte += c.len_utf8();
            self.unit += c.len_utf16();
        }
        self.unit
    }
}

#[cfg(test)]
mod tests {
    use super::Utf16Cursor;

    /// The slow, obviously right answer: encode the prefix.
    fn naive(text: &str, at: usize) -> usize {
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        text[..at].encode_utf16().count()
    }

    #[test]
    fn rows() {
        // (text, byte offset, UTF-16 offset)
        let rows: &[(&str, usize, usize)] = &[
            ("", 0, 0),
            ("abc", 0, 0),
            ("abc", 2, 2),
            ("abc", 3, 3),
            ("abc", 9, 3),
            // U+00E9: 2 bytes, 1 unit.
            ("é.", 2, 1),
            ("é.", 3, 2),
            // U+2019: 3 bytes, 1 unit.
            ("a’b", 4, 2),
            // U+1F600: 4 bytes, 2 units (a surrogate pair).
            ("😀 x", 4, 2),
            ("😀 x", 6, 4),
            // Inside a char: counts up to its start.
            ("😀 x", 2, 0),
        ];
        for &(text, at, want) in rows {
            let mut c = Utf16Cursor::new(text);
            assert_eq!(c.offset(at), want, "{text:?} at {at}");
        }
    }

    #[test]
    fn any_order_agrees_with_naive() {
        let text = "Azerbaijan’s “TikTok” 😀 limit, é, 中文. End";
        let mut offsets: Vec<usize> = (0..=text.len() + 1).collect();
        // Increasing, then decreasing, then interleaved.
        let mut c = Utf16Cursor::new(text);
        for &at in &offsets {
            assert_eq!(c.offset(at), naive(text, at), "up at {at}");
        }
        offsets.reverse();
        for &at in &offsets {
            assert_eq!(c.offset(at), naive(text, at), "down at {at}");
        }
        for (i, &at) in offsets.iter().enumerate() {
            let at = if i % 2 == 0 { at } else { text.len() - at.min(8) };
            assert_eq!(c.offset(at), naive(text, at), "mixed at {at}");
        }
    }

    #[test]
    fn slices_match_in_both_encodings() {
        let text = "Café “owner” 😀 said: fine. Next one’s here.";
        let units: Vec<u16> = text.encode_utf16().collect();
        for (start, _) in text.char_indices() {
            for end in
                (start..=text.len()).filter(|&e| text.is_char_boundary(e))
            {
                let mut c = Utf16Cursor::new(text);
                let (s16, e16) = (c.offset(start), c.offset(end));
                let back = String::from_utf16(&units[s16..e16]).unwrap();
                assert_eq!(back, &text[start..end]);
            }
        }
    }
}
