//! Sentence splitting: text -> sentence spans.
//!
//! The text is cut into blocks first (blank lines, list items, and lines
//! without terminal punctuation such as titles and headings), then each
//! block of prose into sentences with the sentence boundaries of
//! [UAX #29](https://www.unicode.org/reports/tr29/#Sentence_Boundaries)
//! (unicode-segmentation), corrected for abbreviations and initials.

use unicode_segmentation::UnicodeSegmentation;

use crate::lang::Language;
use crate::span::Span;

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
        let mut view = String::new();
        for block in blocks(text) {
            match block.kind {
                SentenceKind::Heading => out.push(Sentence {
                    span: block.span,
                    kind: SentenceKind::Heading,
                }),
                SentenceKind::Text => {
                    split_prose(text, block.span, &mut view, out)
                }
            }
        }
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

/// Lines of `text` as trimmed spans, with `None` for blank lines.
fn lines(text: &str) -> impl Iterator<Item = Option<Span>> + '_ {
    let mut pos = 0;
    text.split_inclusive('\n').map(move |line| {
        let start = pos;
        pos += line.len();
        trim_span(text, Span::new(start, pos))
    })
}

/// `span` without leading and trailing white space, or `None` when
/// nothing is left.
fn trim_span(text: &str, span: Span) -> Option<Span> {
    let s = &text[span.start..span.end];
    let t = s.trim_start();
    let start = span.start + (s.len() - t.len());
    let t = t.trim_end();
    if t.is_empty() { None } else { Some(Span::new(start, start + t.len())) }
}

fn ends_with_terminal(line: &str) -> bool {
    let t = line.trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»' | '*' | '_')
    });
    // Besides the Latin and CJK marks: the danda (Devanagari and
    // related scripts), the Arabic question mark and Urdu full stop, the
    // Ethiopic, Myanmar and Armenian full stops.
    t.ends_with([
        '.', '!', '?', ':', ';', '…', '。', '！', '？', '।', '॥', '؟', '۔',
        '።', '။', '։',
    ])
}

fn starts_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '‣' | '◦' | '–' | '—') => {
            chars.next().is_some_and(char::is_whitespace)
        }
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
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
        // A paragraph: lines up to the next blank line.
        let mut j = i;
        while j < all.len() && all[j].is_some() {
            j += 1;
        }
        let para: Vec<Span> = all[i..j].iter().flatten().copied().collect();
        let widest = para.iter().map(|s| s.len()).max().unwrap_or(0);
        let mut cur: Option<Span> = None;
        for (k, line) in para.iter().enumerate() {
            let s = line.slice(text);
            let next = para.get(k + 1).map(|n| n.slice(text));
            if starts_list_item(s)
                && let Some(c) = cur.take()
            {
                out.push(Block { span: c, kind: SentenceKind::Text });
            }
            // A line without terminal punctuation stands alone when it
            // does not continue a sentence (the line before it ended one,
            // or it is the first) and it does not look hard-wrapped: it
            // is the last line, or short next to the paragraph's widest.
            let continues = cur
                .is_some_and(|c| !ends_with_terminal(&text[c.start..c.end]));
            let wrapped = (widest >= 40 && line.len() * 10 >= widest * 7)
                || next.is_some_and(|n| n.starts_with(char::is_lowercase));
            let alone = !ends_with_terminal(s)
                && !continues
                && (next.is_none() || !wrapped);
            if alone {
                if let Some(c) = cur.take() {
                    out.push(Block { span: c, kind: SentenceKind::Text });
                }
                out.push(Block { span: *line, kind: SentenceKind::Heading });
                continue;
            }
            cur = Some(match cur {
                None => *line,
                Some(c) => Span::new(c.start, line.end),
            });
        }
        if let Some(c) = cur {
            out.push(Block { span: c, kind: SentenceKind::Text });
        }
        i = j.max(i + 1);
    }
    out
}

/// Abbreviations after which a full stop does not end a sentence
/// (lowercase, without the final period). Written here from common news
/// usage.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "e.g",
    "i.e", "u.s", "u.k", "u.n", "inc", "ltd", "co", "corp", "gen", "sen",
    "rep", "gov", "lt", "col", "sgt", "capt", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "fig", "p",
    "pp", "vol", "approx", "dept", "mt", "ft", "a.m", "p.m", "rev",
];

/// True when `piece` ends with an abbreviation or an initial whose
/// period does not end the sentence.
fn ends_with_abbreviation(piece: &str) -> bool {
    let t = piece.trim_end();
    let Some(body) = t.strip_suffix('.') else { return false };
    let word = body
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let first = chars.next();
    if chars.next().is_none() {
        // A single letter: an initial ("J. R. R. Tolkien").
        return first.is_some_and(char::is_uppercase);
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn split_prose(
    text: &str,
    block: Span,
    view: &mut String,
    out: &mut Vec<Sentence>,
) {
    // A view of the block where every line break is a space: one byte for
    // one byte, so offsets into the view are offsets into the block.
    view.clear();
    view.push_str(block.slice(text));
    // SAFETY-free replacement: '\r' and '\n' are ASCII, a space is ASCII.
    let replaced: String = view
        .chars()
        .map(|c| if c == '\r' || c == '\n' { ' ' } else { c })
        .collect();
    *view = replaced;
    let mut pending: Option<Span> = None;
    for (off, piece) in view.split_sentence_bound_indices() {
        let span =
            Span::new(block.start + off, block.start + off + piece.len());
        let glue_to_previous = pending.is_some()
            && (!piece.chars().any(char::is_alphanumeric)
                || piece.trim_start().starts_with(char::is_lowercase));
        pending = Some(match pending {
            Some(p) if glue_to_previous => Span::new(p.start, span.end),
            Some(p) => {
                if ends_with_abbreviation(p.slice(text)) {
                    Span::new(p.start, span.end)
                } else {
                    push_trimmed(text, p, out);
                    span
                }
            }
            None => span,
        });
    }
    if let Some(p) = pending {
        push_trimmed(text, p, out);
    }
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Sentence>) {
    if let Some(s) = trim_span(text, span) {
        out.push(Sentence { span: s, kind: SentenceKind::Text });
    }
}

#[cfg(test)]
mod tests;
