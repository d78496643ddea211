//! Writing summaries and sentences: text, Markdown, JSON, JSON Lines and
//! the highlighted document.

use std::io::Write;

use anyhow::Result;
use gisty::{Language, ScoreParts, Scored, Sentence, SentenceKind, Summary};
use serde::Serialize;
use serde_json::value::RawValue;

use crate::args::{ColorChoice, Format};

#[derive(Serialize)]
struct PickedJson<'a> {
    index: usize,
    start: usize,
    end: usize,
    score: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    picked: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parts: Option<ScoreParts>,
    text: &'a str,
}

impl<'a> PickedJson<'a> {
    fn new(text: &'a str, s: &Scored, explain: bool) -> PickedJson<'a> {
        PickedJson {
            index: s.index,
            start: s.span.start,
            end: s.span.end,
            score: s.score,
            picked: None,
            parts: explain.then_some(s.parts),
            text: s.span.slice(text),
        }
    }
}

fn picked<'a>(summary: &Summary<'a>, explain: bool) -> Vec<PickedJson<'a>> {
    let text = summary.text();
    summary
        .scored()
        .iter()
        .map(|s| PickedJson::new(text, s, explain))
        .collect()
}

/// With `--explain`: every sentence that was scored, with its parts.
fn candidates<'a>(
    summary: &Summary<'a>,
    explain: bool,
) -> Option<Vec<PickedJson<'a>>> {
    if !explain {
        return None;
    }
    let text = summary.text();
    let picks = summary.scored();
    let list = summary
        .candidates()
        .iter()
        .map(|s| PickedJson {
            picked: Some(picks.iter().any(|p| p.index == s.index)),
            ..PickedJson::new(text, s, true)
        })
        .collect();
    Some(list)
}

/// `--explain` with `--format text`: a table of every sentence's score
/// and parts, picked ones marked with `*`.
pub fn explain_text(
    out: &mut dyn Write,
    summary: &Summary<'_>,
    position_weight: f32,
) -> Result<()> {
    let text = summary.text();
    let picks = summary.scored();
    writeln!(out)?;
    writeln!(
        out,
        "{:>5} {:>1} {:>8} {:>8} {:>8} {:>8} {:>6} {:>5} {:>5}  sentence",
        "index",
        "",
        "score",
        "centr",
        "position",
        "content",
        "title",
        "form",
        "focus"
    )?;
    for s in summary.candidates() {
        let mark =
            if picks.iter().any(|p| p.index == s.index) { "*" } else { "" };
        let p = s.parts;
        let mut sentence = String::new();
        for word in s.span.slice(text).split_whitespace() {
            if !sentence.is_empty() {
                sentence.push(' ');
            }
            sentence.push_str(word);
        }
        if let Some((cut, _)) = sentence.char_indices().nth(60) {
            sentence.truncate(cut);
            sentence.push('…');
        }
        writeln!(
            out,
            "{:>5} {:>1} {:>8.4} {:>8.4} {:>8.4} {:>8.4} {:>6.3} {:>5.2} {:>5.2}  {}",
            s.index,
            mark,
            s.score,
            p.centrality,
            p.position,
            p.content,
            p.title,
            p.form,
            p.focus,
            sentence
        )?;
    }
    writeln!(
        out,
        "score = form * (1 + title) * (1 + 2 * focus) * \
         (centr^(1-w) * position^w)^(1-focus), w = {position_weight}; \
         content is shown, not scored"
    )?;
    Ok(())
}

/// `--format json`: one object per document.
pub fn summary_json(
    out: &mut dyn Write,
    file: Option<&str>,
    title: Option<&str>,
    summary: &Summary<'_>,
    explain: bool,
) -> Result<()> {
    #[derive(Serialize)]
    struct Doc<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        file: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        title: Option<&'a str>,
        sentences: Vec<PickedJson<'a>>,
        total_sentences: usize,
        language: Option<Language>,
        language_detected: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        candidates: Option<Vec<PickedJson<'a>>>,
    }
    let doc = Doc {
        file,
        title,
        sentences: picked(summary, explain),
        total_sentences: summary.total_sentences(),
        language: summary.language(),
        language_detected: summary.language_detected(),
        candidates: candidates(summary, explain),
    };
    serde_json::to_writer(&mut *out, &doc)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// `--format text`: the summary as one paragraph.
pub fn summary_text(out: &mut dyn Write, summary: &Summary<'_>) -> Result<()> {
    writeln!(out, "{summary}")?;
    Ok(())
}

/// How a document is named in the output.
#[derive(Clone, Copy, Debug)]
pub struct Doc<'a> {
    /// The input's name (`<stdin>` for standard input).
    pub name: &'a str,
    /// Whether several inputs are summarised, so that each is headed by
    /// its name.
    pub several: bool,
    /// The document's title, when it has one (an HTML page's).
    pub title: Option<&'a str>,
}

/// How picked sentences stand out in `--format highlight`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emphasis {
    /// ANSI bold and colour.
    Color,
    /// ANSI bold alone (a terminal with NO_COLOR set).
    Bold,
    /// Markdown bold: `**sentence**`.
    Markdown,
}

impl Emphasis {
    /// The emphasis `--color` asks for, given whether stdout is a
    /// terminal and the value of NO_COLOR.
    pub fn choose(
        choice: ColorChoice,
        terminal: bool,
        no_color: Option<&std::ffi::OsStr>,
    ) -> Emphasis {
        let no_color = no_color.is_some_and(|v| !v.is_empty());
        match choice {
            ColorChoice::Always => Emphasis::Color,
            ColorChoice::Never => Emphasis::Markdown,
            ColorChoice::Auto if !terminal => Emphasis::Markdown,
            ColorChoice::Auto if no_color => Emphasis::Bold,
            ColorChoice::Auto => Emphasis::Color,
        }
    }

    fn marks(self) -> (&'static str, &'static str) {
        match self {
            Emphasis::Color => ("\x1b[1;33m", "\x1b[0m"),
            Emphasis::Bold => ("\x1b[1m", "\x1b[0m"),
            Emphasis::Markdown => ("**", "**"),
        }
    }
}

/// Writes `summary` of `doc` in `format`; `first` is false for every
/// document after the first, which gets a blank line before its header.
/// With `explain` (the position weight in use), every sentence's score
/// and parts follow: a table after text, Markdown and highlight, a
/// `candidates` list in JSON.
pub fn summary(
    out: &mut dyn Write,
    format: Format,
    emphasis: Emphasis,
    doc: Doc<'_>,
    summary: &Summary<'_>,
    first: bool,
    explain: Option<f32>,
) -> Result<()> {
    let header = |out: &mut dyn Write| -> Result<()> {
        if doc.several {
            if !first {
                writeln!(out)?;
            }
            writeln!(out, "==> {} <==", doc.name)?;
        }
        Ok(())
    };
    match format {
        Format::Text => {
            header(out)?;
            summary_text(out, summary)?;
        }
        Format::Highlight => {
            header(out)?;
            highlight(out, summary, emphasis)?;
        }
        Format::Markdown => {
            if !first {
                writeln!(out)?;
            }
            markdown(out, doc, summary)?;
        }
        Format::Json => {
            return summary_json(
                out,
                doc.several.then_some(doc.name),
                doc.title,
                summary,
                explain.is_some(),
            );
        }
        Format::Jsonl => return jsonl(out, doc, summary, explain.is_some()),
    }
    match explain {
        Some(w) => explain_text(out, summary, w),
        None => Ok(()),
    }
}

/// `--format markdown`: the title (or the file's name) as a heading,
/// then "Get a summary" and one bullet per sentence.
fn markdown(
    out: &mut dyn Write,
    doc: Doc<'_>,
    summary: &Summary<'_>,
) -> Result<()> {
    match (doc.title, doc.several) {
        (Some(title), several) => {
            writeln!(out, "# {title}\n")?;
            if several {
                writeln!(out, "`{}`\n", doc.name)?;
            }
        }
        (None, true) => writeln!(out, "# {}\n", doc.name)?,
        (None, false) => {}
    }
    writeln!(out, "## Get a summary\n")?;
    for sentence in summary.sentences() {
        out.write_all(b"-")?;
        for word in sentence.split_whitespace() {
            write!(out, " {word}")?;
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// `--format jsonl`: one line per document.
fn jsonl(
    out: &mut dyn Write,
    doc: Doc<'_>,
    summary: &Summary<'_>,
    explain: bool,
) -> Result<()> {
    #[derive(Serialize)]
    struct Line<'a> {
        file: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        title: Option<&'a str>,
        summary: String,
        sentences: Vec<PickedJson<'a>>,
        total_sentences: usize,
        #[serde(skip_serializing_if = "Option::is_none")]
        candidates: Option<Vec<PickedJson<'a>>>,
    }
    let line = Line {
        file: doc.name,
        title: doc.title,
        summary: summary.to_string(),
        sentences: picked(summary, explain),
        total_sentences: summary.total_sentences(),
        candidates: candidates(summary, explain),
    };
    serde_json::to_writer(&mut *out, &line)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// `--format highlight`: the whole text, each picked sentence marked
/// line by line (so that a pager's line never carries an open mark).
fn highlight(
    out: &mut dyn Write,
    summary: &Summary<'_>,
    emphasis: Emphasis,
) -> Result<()> {
    let text = summary.text();
    let (open, close) = emphasis.marks();
    let mut at = 0;
    for p in summary.scored() {
        out.write_all(&text.as_bytes()[at..p.span.start])?;
        for (i, line) in p.span.slice(text).split('\n').enumerate() {
            if i > 0 {
                out.write_all(b"\n")?;
            }
            let body = line.trim();
            if body.is_empty() {
                out.write_all(line.as_bytes())?;
                continue;
            }
            let lead = line.len() - line.trim_start().len();
            let tail = lead + body.len();
            write!(
                out,
                "{}{open}{body}{close}{}",
                &line[..lead],
                &line[tail..]
            )?;
        }
        at = p.span.end;
    }
    out.write_all(&text.as_bytes()[at..])?;
    if !text.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// `--jsonl`: one line per record, written straight into `out`: the
/// bytes serde_json would write for
/// `{"id", "summary", "sentences", "language", "language_detected",
/// "candidates"}` (tested), without building the summary string or the
/// list of sentences first.
pub fn summary_jsonl(
    out: &mut Vec<u8>,
    id: Option<&RawValue>,
    summary: &Summary<'_>,
    explain: bool,
) -> Result<()> {
    let text = summary.text();
    out.extend_from_slice(b"{\"id\":");
    match id {
        Some(raw) => out.extend_from_slice(raw.get().as_bytes()),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"summary\":\"");
    // `Display` writes the words joined by single spaces, in runs; a
    // sentence that is already so is one run, whose escaped bytes are
    // copied below rather than escaped again.
    let mut escaped = Escaped { out, runs: Default::default(), len: 0 };
    std::fmt::Write::write_fmt(&mut escaped, format_args!("{summary}"))?;
    let Escaped { runs, len, .. } = escaped;
    out.extend_from_slice(b"\",\"sentences\":[");
    for (i, s) in summary.scored().iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        if explain {
            serde_json::to_writer(&mut *out, &PickedJson::new(text, s, true))?;
            continue;
        }
        out.extend_from_slice(b"{\"index\":");
        serde_json::to_writer(&mut *out, &s.index)?;
        out.extend_from_slice(b",\"start\":");
        serde_json::to_writer(&mut *out, &s.span.start)?;
        out.extend_from_slice(b",\"end\":");
        serde_json::to_writer(&mut *out, &s.span.end)?;
        out.extend_from_slice(b",\"score\":");
        serde_json::to_writer(&mut *out, &s.score)?;
        out.extend_from_slice(b",\"text\":\"");
        let slice = s.span.slice(text);
        let run = runs[..len].iter().find(|(at, n, _)| {
            *at == slice.as_ptr() as usize && *n == slice.len()
        });
        match run {
            Some((_, _, bytes)) => out.extend_from_within(bytes.clone()),
            None => escape_into(out, slice),
        }
        out.extend_from_slice(b"\"}");
    }
    out.extend_from_slice(b"],\"language\":");
    serde_json::to_writer(&mut *out, &summary.language())?;
    out.extend_from_slice(b",\"language_detected\":");
    out.extend_from_slice(if summary.language_detected() {
        b"true"
    } else {
        b"false"
    });
    if let Some(candidates) = candidates(summary, explain) {
        out.extend_from_slice(b",\"candidates\":");
        serde_json::to_writer(&mut *out, &candidates)?;
    }
    out.extend_from_slice(b"}\n");
    Ok(())
}

/// How many of the runs [`Escaped`] is given it remembers.
const RUNS: usize = 16;

/// A `fmt::Write` that appends what it is given to a JSON string, and
/// remembers where the first [`RUNS`] pieces it was given came from and
/// where their escaped bytes went: (address, length, bytes of `out`).
struct Escaped<'a> {
    out: &'a mut Vec<u8>,
    runs: [(usize, usize, std::ops::Range<usize>); RUNS],
    len: usize,
}

impl std::fmt::Write for Escaped<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let from = self.out.len();
        escape_into(self.out, s);
        if let Some(run) = self.runs.get_mut(self.len) {
            *run = (s.as_ptr() as usize, s.len(), from..self.out.len());
            self.len += 1;
        }
        Ok(())
    }
}

/// How serde_json escapes each byte in a string: 0 for none, the letter
/// of a short escape (`\n`), or `u` for `\u00XX`.
const ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// Whether any of the eight bytes of `x` is below 0x20, `"` or `\\`:
/// the bytes [`ESCAPE`] escapes. Exact (the classic tests for a zero
/// byte and for a byte below `n`, with no false positives on the whole
/// word).
#[inline]
fn needs_escape(x: u64) -> bool {
    const ONES: u64 = u64::MAX / 0xff;
    const HIGH: u64 = 0x80 * ONES;
    let below = |v: u64, n: u64| v.wrapping_sub(n * ONES) & !v & HIGH;
    let zero = |v: u64| below(v, 1);
    below(x, 0x20)
        | zero(x ^ (b'"' as u64 * ONES))
        | zero(x ^ (b'\\' as u64 * ONES))
        != 0
}

/// Appends `s` to `out` as the inside of a JSON string, escaped as
/// serde_json escapes it: runs that need no escape are copied whole.
fn escape_into(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Thirty-two bytes at a time while none needs an escape (most
        // text), by a fold without early exit that the compiler
        // vectorises; eight at a time near the end.
        let plain = match bytes.get(i..i + 32) {
            Some(block) => !block.iter().fold(false, |bad, &b| {
                bad | (b < 0x20) | (b == b'"') | (b == b'\\')
            }),
            None => bytes
                .get(i..i + 8)
                .and_then(|w| <[u8; 8]>::try_from(w).ok())
                .is_some_and(|w| !needs_escape(u64::from_le_bytes(w))),
        };
        if plain {
            i += if bytes.len() - i >= 32 { 32 } else { 8 };
            continue;
        }
        // A byte that needs an escape is near: byte by byte up to the
        // next step boundary (at most eight bytes on).
        let stop = bytes.len().min(i + 8);
        while i < stop {
            let b = bytes[i];
            let e = ESCAPE[b as usize];
            if e != 0 {
                out.extend_from_slice(&bytes[start..i]);
                start = i + 1;
                if e == b'u' {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.extend_from_slice(b"\\u00");
                    out.push(HEX[(b >> 4) as usize]);
                    out.push(HEX[(b & 0xf) as usize]);
                } else {
                    out.extend_from_slice(&[b'\\', e]);
                }
            }
            i += 1;
        }
    }
    out.extend_from_slice(&bytes[start..]);
}

#[derive(Serialize)]
struct SentenceJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(skip_serializing_if = "is_text")]
    kind: SentenceKind,
}

fn is_text(k: &SentenceKind) -> bool {
    *k == SentenceKind::Text
}

/// `gisty split --jsonl`: one line per record.
pub fn split_jsonl(
    out: &mut Vec<u8>,
    id: Option<&RawValue>,
    text: &str,
    sentences: &[Sentence],
) -> Result<()> {
    #[derive(Serialize)]
    struct Line<'a> {
        id: Option<&'a RawValue>,
        sentences: Vec<SentenceJson<'a>>,
    }
    let sentences = sentences
        .iter()
        .map(|s| SentenceJson {
            start: s.span.start,
            end: s.span.end,
            text: s.span.slice(text),
            kind: s.kind,
        })
        .collect();
    serde_json::to_writer(&mut *out, &Line { id, sentences })?;
    out.push(b'\n');
    Ok(())
}

/// `gisty split`: one sentence per line, its white space folded.
pub fn split_text(
    out: &mut dyn Write,
    text: &str,
    sentences: &[Sentence],
) -> Result<()> {
    for s in sentences {
        let mut first = true;
        for word in s.span.slice(text).split_whitespace() {
            if !first {
                out.write_all(b" ")?;
            }
            out.write_all(word.as_bytes())?;
            first = false;
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn emphasis_table() {
        use ColorChoice::*;
        // (--color, stdout is a terminal, NO_COLOR, emphasis)
        let rows: &[(ColorChoice, bool, Option<&str>, Emphasis)] = &[
            (Auto, true, None, Emphasis::Color),
            (Auto, true, Some(""), Emphasis::Color),
            (Auto, true, Some("1"), Emphasis::Bold),
            (Auto, false, None, Emphasis::Markdown),
            (Auto, false, Some("1"), Emphasis::Markdown),
            (Always, false, None, Emphasis::Color),
            (Always, true, Some("1"), Emphasis::Color),
            (Never, true, None, Emphasis::Markdown),
            (Never, false, Some("1"), Emphasis::Markdown),
        ];
        for &(choice, terminal, no_color, want) in rows {
            let got =
                Emphasis::choose(choice, terminal, no_color.map(OsStr::new));
            assert_eq!(got, want, "{choice:?} {terminal} {no_color:?}");
        }
    }

    /// The hand-written JSON line is the one serde_json writes for the
    /// same fields, escapes included.
    #[test]
    fn summary_jsonl_is_what_serde_json_writes() {
        #[derive(Serialize)]
        struct Line<'a> {
            id: Option<&'a RawValue>,
            summary: String,
            sentences: Vec<PickedJson<'a>>,
            language: Option<Language>,
            language_detected: bool,
            #[serde(skip_serializing_if = "Option::is_none")]
            candidates: Option<Vec<PickedJson<'a>>>,
        }
        let texts = [
            "",
            "One sentence only.",
            "Quotes \"here\" and a back\\slash. Control \u{1}\u{8}\u{c}\u{1f} \
             chars\tand\r\nbreaks in this one. Unicode: caf\u{e9} \u{2028} \
             \u{7f} \u{1f600} end. Short.",
            "El ni\u{f1}o lleg\u{f3}. Der Hund bellt laut. \u{65e5}\u{672c}\u{3002}",
            "Wrapped  line\n  here,\u{a0}no\u{2003}break \u{3000}x \t y.\r\nNext  one \u{85} ends.",
        ];
        let id =
            RawValue::from_string(r#"{"a":[1,"x"]}"#.to_string()).unwrap();
        let auto =
            gisty::Summarizer::builder().language_auto().build().unwrap();
        for text in texts {
            for summarizer in [gisty::Summarizer::new(), auto.clone()] {
                let summary =
                    summarizer.summarize(text, gisty::Budget::sentences(2));
                for (id, explain) in
                    [(None, false), (Some(&*id), false), (Some(&*id), true)]
                {
                    let mut got = Vec::new();
                    summary_jsonl(&mut got, id, &summary, explain).unwrap();
                    let line = Line {
                        id,
                        summary: summary.to_string(),
                        sentences: picked(&summary, explain),
                        language: summary.language(),
                        language_detected: summary.language_detected(),
                        candidates: candidates(&summary, explain),
                    };
                    let mut want = serde_json::to_vec(&line).unwrap();
                    want.push(b'\n');
                    assert_eq!(
                        String::from_utf8(got).unwrap(),
                        String::from_utf8(want).unwrap()
                    );
                }
            }
        }
    }

    #[test]
    fn needs_escape_is_exact() {
        // Every byte value at every position of a word of otherwise
        // plain bytes (and of bytes that are near the limits).
        for fill in [b'a', 0x7f, 0xff, 0x21, 0x23, 0x5b, 0x5d, 0x80] {
            for pos in 0..8 {
                for b in 0u8..=255 {
                    let mut word = [fill; 8];
                    word[pos] = b;
                    let want = word.iter().any(|&x| ESCAPE[x as usize] != 0);
                    let got = needs_escape(u64::from_le_bytes(word));
                    assert_eq!(got, want, "{word:?}");
                }
            }
        }
    }

    #[test]
    fn escapes_are_serde_jsons() {
        for b in 0u8..0x80 {
            let s = format!("a{}b", b as char);
            // Long enough for the eight-byte steps, the byte anywhere.
            let long = format!("0123456789{}abcdefghijklmn{0}", b as char);
            let mut got = b"\"".to_vec();
            escape_into(&mut got, &long);
            got.push(b'"');
            assert_eq!(got, serde_json::to_vec(&long).unwrap(), "{b:#x}");
            let mut got = b"\"".to_vec();
            escape_into(&mut got, &s);
            got.push(b'"');
            assert_eq!(got, serde_json::to_vec(&s).unwrap(), "byte {b:#x}");
            // Past the 32-byte steps too: the byte at every position of
            // a text of 80, once and twice.
            let plain =
                "The quick brown fox jumps over the lazy dog; ".repeat(2);
            for at in 0..80 {
                for second in [None, Some((at + 9) % 80)] {
                    let mut text = plain.as_bytes()[..80].to_vec();
                    text[at] = b;
                    if let Some(j) = second {
                        text[j] = b;
                    }
                    let text = String::from_utf8(text).unwrap();
                    let mut got = b"\"".to_vec();
                    escape_into(&mut got, &text);
                    got.push(b'"');
                    let want = serde_json::to_vec(&text).unwrap();
                    assert_eq!(got, want, "{b:#x} at {at}");
                }
            }
        }
    }

    #[test]
    fn highlight_keeps_every_byte_of_the_text() {
        let text = "Title\n\nOne line\n  wrapped here.\r\nTwo. Three.";
        let s = gisty::Summarizer::new();
        for n in 1..=3 {
            let summary = s.summarize(text, gisty::Budget::sentences(n));
            let mut out = Vec::new();
            highlight(&mut out, &summary, Emphasis::Markdown).unwrap();
            let out = String::from_utf8(out).unwrap();
            assert_eq!(out.replace("**", ""), format!("{text}\n"));
            // Marks open and close on the same line, inside its white
            // space and line end.
            for line in out.split('\n') {
                assert_eq!(line.matches("**").count() % 2, 0, "{line:?}");
                assert!(!line.contains("\r**") && !line.starts_with("** "));
            }
        }
    }
}
