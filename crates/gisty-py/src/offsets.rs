//! UTF-8 byte offsets -> Python string indices (code points).

/// Turns byte offsets into code point offsets, for offsets given in
/// increasing order (as a summary's or a split's spans are): each byte
/// of the text is counted once, whatever the number of offsets. An ASCII
/// text needs no counting at all.
pub struct Cursor<'t> {
    text: &'t str,
    ascii: bool,
    byte: usize,
    char: usize,
}

impl<'t> Cursor<'t> {
    pub fn new(text: &'t str) -> Cursor<'t> {
        Cursor { text, ascii: text.is_ascii(), byte: 0, char: 0 }
    }

    /// The code point offset of byte offset `at`, which lies on a char
    /// boundary of the text (every span of gisty's does).
    pub fn offset(&mut self, at: usize) -> usize {
        if self.ascii {
            return at;
        }
        if at < self.byte {
            // Out of order: count again from the start.
            self.byte = 0;
            self.char = 0;
        }
        let piece = self.text.get(self.byte..at).unwrap_or("");
        self.char += piece.chars().count();
        self.byte = at;
        self.char
    }
}
