//! Sentence splitting: text -> sentence spans.
//!
//! Two passes, both linear in the length of the text:
//!
//! 1. **Blocks** (`blocks` in `segment/mod.rs`): the text is cut into
//!    paragraphs at blank lines (rule `BlankLine`; CRLF and lone CR count
//!    as line ends), and a paragraph into blocks: a line that starts a
//!    list item begins a new block (rule `ListLine`); a line without
//!    terminal punctuation that does not continue a sentence and does not
//!    look hard-wrapped (it is the last line, or shorter than 70% of the
//!    paragraph's widest line and not followed by a lowercase line) stands
//!    alone as a heading (rule `HeadingLine`); a paragraph none of whose
//!    lines ends with terminal punctuation is a list of lines, each a block
//!    of its own (rule `LineList`). Other line breaks are hard wraps inside
//!    a sentence (rule `HardWrap`).
//! 2. **Sentences** (`segment/scan.rs`): each block is scanned once, left
//!    to right, and the named rules listed at the top of `rules.rs` decide
//!    at each terminator whether it ends a sentence. Per-language data (extra
//!    terminators, abbreviations, sentence starters, month names) lives in
//!    `segment/tables.rs`.
//!
//! A heading block that yields a single sentence is a
//! [`SentenceKind::Heading`]; everything else is [`SentenceKind::Text`].
//!
//! # Why not UAX #29
//!
//! The first version of this module used unicode-segmentation's sentence
//! boundaries (UAX #29) and corrected them. It was dropped: UAX #29 knows
//! no abbreviations, treats every line break as a paragraph end, breaks
//! after `?`/`!` before a lowercase word and never between `ended.Fans`
//! (STYLE.md, 4.1), so almost every one of its boundaries needed a second
//! look with the same context the scanner already has. A hand-written
//! scanner over the candidate terminators is simpler to reason about, makes
//! every decision in one named place, and is several times faster
//! (no copy of the text, no per-piece allocation).

use crate::lang::Language;
use crate::span::Span;

mod chars;
#[cfg(test)]
mod fast_tests;
mod marker;
mod quote;
mod rules;
mod scan;
mod skip;
mod tables;

use scan::{Scan, Sink};
use tables::Rules;

/// What kind of text a [`Sentence`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum SentenceKind {
    /// A sentence of running text.
    Text,
    /// A line without terminal punctuation that stands alone: a title, a
    /// heading, a byline, a link such as "Previous Article". Never picked
    /// for a summary while the document has a sentence of text.
    Heading,
}

/// One sentence (or heading) of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Sentence {
    /// Where it is in the text, with surrounding white space left out.
    pub span: Span,
    /// Whether it is running text or a heading.
    pub kind: SentenceKind,
}

/// Splits text into sentences, with the rules of one language.
///
/// Built once, cheap to copy, `Send + Sync`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Splitter {
    language: Language,
}

impl Splitter {
    /// A splitter for `language`.
    pub fn new(language: Language) -> Splitter {
        Splitter { language }
    }

    /// The language whose rules this splitter applies.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The sentences of `text`, in order, not overlapping, each a
    /// non-empty slice of `text` on `char` boundaries.
    pub fn split(&self, text: &str) -> Vec<Sentence> {
        let mut out = Vec::new();
        self.split_into(text, &mut out);
        out
    }

    /// Like [`split`](Self::split), but appends to `out` (cleared first),
    /// so that a caller can reuse its allocation.
    pub fn split_into(&self, text: &str, out: &mut Vec<Sentence>) {
        out.clear();
        let rules = Rules::of(self.language);
        // The common case, a text on one line (news in JSON Lines): it is
        // a single block, a paragraph of one line, and needs no search for
        // line breaks first. The scan gives up at the first line break,
        // and the text takes the general path.
        let Some(line) = trim_span(text, Span::new(0, text.len())) else {
            return;
        };
        let s = line.slice(text);
        let mut sink = Push { base: line.start, text, out };
        if Scan::one_line(s, rules).run(&mut sink) {
            // Rule `HeadingLine`: a lone line without terminal
            // punctuation stands alone.
            if out.len() == 1 && !ends_with_terminal(s) {
                out[0].kind = SentenceKind::Heading;
            }
            return;
        }
        out.clear();
        self.split_blocks(text, rules, out);
    }

    /// [`split_into`](Self::split_into) block by block, for any text.
    fn split_blocks(
        &self,
        text: &str,
        rules: &Rules,
        out: &mut Vec<Sentence>,
    ) {
        for block in blocks(text) {
            let first = out.len();
            let s = block.span.slice(text);
            let mut sink = Push { base: block.span.start, text, out };
            Scan::new(s, rules).run(&mut sink);
            if block.kind == SentenceKind::Heading && out.len() == first + 1 {
                out[first].kind = SentenceKind::Heading;
            }
        }
    }
}

/// Collects the scanner's sentences as trimmed spans of the whole text.
struct Push<'o, 't> {
    base: usize,
    text: &'t str,
    out: &'o mut Vec<Sentence>,
}

impl Sink for Push<'_, '_> {
    #[inline]
    fn sentence(&mut self, start: usize, end: usize) {
        let span = Span::new(self.base + start, self.base + end);
        if let Some(s) = trim_span(self.text, span) {
            self.out.push(Sentence { span: s, kind: SentenceKind::Text });
        }
    }

    #[inline]
    fn trimmed_sentence(&mut self, start: usize, end: usize) {
        let span = Span::new(self.base + start, self.base + end);
        self.out.push(Sentence { span, kind: SentenceKind::Text });
    }
}

/// The sentences of `text` with the rules of `language`.
///
/// A shorthand for `Splitter::new(language).split(text)`.
pub fn split(text: &str, language: Language) -> Vec<Sentence> {
    Splitter::new(language).split(text)
}

struct Block {
    span: Span,
    kind: SentenceKind,
}

/// Lines of `text` as trimmed spans, with `None` for blank lines. A line
/// ends at LF, CRLF or a lone CR.
fn lines(text: &str) -> impl Iterator<Item = Option<Span>> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let end = memchr::memchr2(b'\n', b'\r', &bytes[pos..])
            .map_or(bytes.len(), |k| pos + k);
        pos = end;
        if pos < bytes.len() {
            pos += if bytes[pos] == b'\r' && bytes.get(pos + 1) == Some(&b'\n')
            {
                2
            } else {
                1
            };
        }
        Some(trim_span(text, Span::new(start, end)))
    })
}

/// `span` without leading and trailing white space, or `None` when
/// nothing is left.
#[inline]
fn trim_span(text: &str, span: Span) -> Option<Span> {
    // ASCII white space is cut byte by byte; a non-ASCII byte at either
    // end hands that end to `str`'s Unicode trimming.
    let ascii_ws = |b: &&u8| matches!(**b, b' ' | b'\t'..=b'\r');
    let bytes = text.as_bytes().get(span.start..span.end)?;
    let lead = bytes.iter().take_while(ascii_ws).count();
    let mut start = span.start + lead;
    if bytes.get(lead).is_some_and(|b| !b.is_ascii()) {
        start = span.end - text[start..span.end].trim_start().len();
    }
    let rest = text.as_bytes().get(start..span.end)?;
    let mut end = span.end - rest.iter().rev().take_while(ascii_ws).count();
    if end > start && !text.as_bytes()[end - 1].is_ascii() {
        end = start + text[start..end].trim_end().len();
    }
    (start < end).then(|| Span::new(start, end))
}

/// Whether a line ends with terminal punctuation (closing quotes and
/// brackets, and emphasis marks, looked through).
fn ends_with_terminal(line: &str) -> bool {
    let t = line.trim_end_matches(|c: char| {
        matches!(
            c,
            '"' | '\''
                | ')'
                | ']'
                | '”'
                | '’'
                | '»'
                | '*'
                | '_'
                | '」'
                | '』'
                | '》'
                | '）'
        )
    });
    t.ends_with([
        '.', '!', '?', ':', ';', '…', '。', '！', '？', '।', '॥', '።', '፧',
        '။', '۔', '؟', '։', '\u{037E}', '‼', '⁇', '⁈', '⁉', '‽',
    ])
}

/// Rule `ListLine`: whether a line starts a list item (a bullet, or a
/// number or a letter followed by `.` or `)`).
fn starts_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some(
            '-' | '*' | '•' | '‣' | '◦' | '–' | '—' | '⁃' | '▪' | '●' | '■',
        ) => chars
            .next()
            .is_some_and(|c| c.is_whitespace() || c.is_ascii_digit()),
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            line.len() - rest.len() <= 3
                && (rest.starts_with(". ")
                    || rest.starts_with(") ")
                    || rest.starts_with(".) "))
        }
        Some(c) if c.is_ascii_lowercase() => {
            let rest = &line[1..];
            rest.starts_with(") ") || rest.starts_with(". ")
        }
        _ => false,
    }
}

/// Cuts `text` into blocks: paragraphs of prose, and lines that stand on
/// their own (headings).
fn blocks(text: &str) -> Vec<Block> {
    let all: Vec<Option<Span>> = lines(text).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < all.len() {
        if all[i].is_none() {
            i += 1;
            continue;
        }
        // Rule `BlankLine`: a paragraph is the lines up to the next blank.
        let mut j = i;
        while j < all.len() && all[j].is_some() {
            j += 1;
        }
        paragraph(text, &all[i..j], &mut out);
        i = j;
    }
    out
}

/// Cuts one paragraph (its lines, none blank) into blocks.
fn paragraph(text: &str, para: &[Option<Span>], out: &mut Vec<Block>) {
    let para = para.iter().flatten().copied();
    // Rule `LineList`: no line ends a sentence, so each line is its own.
    if para.clone().nth(1).is_some()
        && !para.clone().any(|l| ends_with_terminal(l.slice(text)))
    {
        out.extend(
            para.map(|span| Block { span, kind: SentenceKind::Heading }),
        );
        return;
    }
    let widest = para.clone().map(|s| s.len()).max().unwrap_or(0);
    let mut cur: Option<Span> = None;
    let mut it = para.peekable();
    while let Some(line) = it.next() {
        let s = line.slice(text);
        let next = it.peek().map(|n| n.slice(text));
        if starts_list_item(s)
            && let Some(c) = cur.take()
        {
            out.push(Block { span: c, kind: SentenceKind::Text });
        }
        // Rule `HeadingLine`: a line without terminal punctuation stands
        // alone when it does not continue a sentence (the line before it
        // ended one, or it is the first) and does not look hard-wrapped:
        // it is the last line, or short next to the paragraph's widest and
        // not followed by a lowercase line.
        let continues =
            cur.is_some_and(|c| !ends_with_terminal(c.slice(text)));
        let wrapped = (widest >= 40 && line.len() * 10 >= widest * 7)
            || next.is_some_and(|n| n.starts_with(char::is_lowercase));
        let alone = !ends_with_terminal(s)
            && !continues
            && (next.is_none() || !wrapped);
        if alone {
            if let Some(c) = cur.take() {
                out.push(Block { span: c, kind: SentenceKind::Text });
            }
            out.push(Block { span: line, kind: SentenceKind::Heading });
            continue;
        }
        // Rule `HardWrap`: the line continues the block.
        cur = Some(match cur {
            None => line,
            Some(c) => Span::new(c.start, line.end),
        });
    }
    if let Some(c) = cur {
        out.push(Block { span: c, kind: SentenceKind::Text });
    }
}

#[cfg(test)]
mod tests;
