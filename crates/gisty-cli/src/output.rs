//! Writing summaries and sentences: text and JSON.

use std::io::Write;

use anyhow::Result;
use gisty::{Language, Sentence, SentenceKind, Summary};
use serde::Serialize;
use serde_json::value::RawValue;

#[derive(Serialize)]
struct PickedJson<'a> {
    index: usize,
    start: usize,
    end: usize,
    score: f32,
    text: &'a str,
}

fn picked<'a>(summary: &Summary<'a>) -> Vec<PickedJson<'a>> {
    let text = summary.text();
    summary
        .scored()
        .iter()
        .map(|s| PickedJson {
            index: s.index,
            start: s.span.start,
            end: s.span.end,
            score: s.score,
            text: s.span.slice(text),
        })
        .collect()
}

/// `--format json`: one object per document.
pub fn summary_json(
    out: &mut dyn Write,
    file: Option<&str>,
    summary: &Summary<'_>,
) -> Result<()> {
    #[derive(Serialize)]
    struct Doc<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        file: Option<&'a str>,
        sentences: Vec<PickedJson<'a>>,
        total_sentences: usize,
        language: Option<Language>,
        language_detected: bool,
    }
    let doc = Doc {
        file,
        sentences: picked(summary),
        total_sentences: summary.total_sentences(),
        language: summary.language(),
        language_detected: summary.language_detected(),
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

/// `--jsonl`: one line per record.
pub fn summary_jsonl(
    out: &mut Vec<u8>,
    id: Option<&RawValue>,
    summary: &Summary<'_>,
) -> Result<()> {
    #[derive(Serialize)]
    struct Line<'a> {
        id: Option<&'a RawValue>,
        summary: String,
        sentences: Vec<PickedJson<'a>>,
        language: Option<Language>,
        language_detected: bool,
    }
    let line = Line {
        id,
        summary: summary.to_string(),
        sentences: picked(summary),
        language: summary.language(),
        language_detected: summary.language_detected(),
    };
    serde_json::to_writer(&mut *out, &line)?;
    out.push(b'\n');
    Ok(())
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
