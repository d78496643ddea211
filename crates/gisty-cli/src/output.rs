//! Writing summaries and sentences: text and JSON.

use std::io::Write;

use anyhow::Result;
use gisty::{ScoreParts, Scored, Sentence, SentenceKind, Summary};
use serde::Serialize;
use serde_json::value::RawValue;

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
        "{:>5} {:>1} {:>8} {:>8} {:>8} {:>8} {:>6} {:>5}  sentence",
        "index", "", "score", "centr", "position", "content", "title", "form"
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
            "{:>5} {:>1} {:>8.4} {:>8.4} {:>8.4} {:>8.4} {:>6.3} {:>5.2}  {}",
            s.index,
            mark,
            s.score,
            p.centrality,
            p.position,
            p.content,
            p.title,
            p.form,
            sentence
        )?;
    }
    writeln!(
        out,
        "score = form * (1 + title) * centr^(1-w) * position^w, \
         w = {position_weight}; content is shown, not scored"
    )?;
    Ok(())
}

/// `--format json`: one object per document.
pub fn summary_json(
    out: &mut dyn Write,
    file: Option<&str>,
    summary: &Summary<'_>,
    explain: bool,
) -> Result<()> {
    #[derive(Serialize)]
    struct Doc<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        file: Option<&'a str>,
        sentences: Vec<PickedJson<'a>>,
        total_sentences: usize,
        #[serde(skip_serializing_if = "Option::is_none")]
        candidates: Option<Vec<PickedJson<'a>>>,
    }
    let doc = Doc {
        file,
        sentences: picked(summary, explain),
        total_sentences: summary.total_sentences(),
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

/// `--jsonl`: one line per record.
pub fn summary_jsonl(
    out: &mut Vec<u8>,
    id: Option<&RawValue>,
    summary: &Summary<'_>,
    explain: bool,
) -> Result<()> {
    #[derive(Serialize)]
    struct Line<'a> {
        id: Option<&'a RawValue>,
        summary: String,
        sentences: Vec<PickedJson<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        candidates: Option<Vec<PickedJson<'a>>>,
    }
    let line = Line {
        id,
        summary: summary.to_string(),
        sentences: picked(summary, explain),
        candidates: candidates(summary, explain),
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
