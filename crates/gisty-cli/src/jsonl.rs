//! JSON Lines batches: one JSON object in, one JSON line out, in order.
//!
//! Input lines are `{"id": any, "text": string, "title": string}` with
//! `text` required. Every input line gives exactly one output line: a
//! result, or `{"id", "line", "error"}` when the line cannot be used.

use std::borrow::Cow;
use std::io::{BufRead, BufReader, Read, Write};

use anyhow::Result;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::config::Input;

/// One usable input line.
pub struct Record<'a> {
    /// The `id` as it was written, when there was one.
    pub id: Option<&'a RawValue>,
    /// The document.
    pub text: Cow<'a, str>,
    /// The document's title, when given.
    pub title: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct Fields<'a> {
    #[serde(borrow)]
    id: Option<&'a RawValue>,
    #[serde(borrow)]
    text: Option<&'a RawValue>,
    #[serde(borrow)]
    title: Option<&'a RawValue>,
}

/// A JSON string, borrowed when it has no escapes.
#[derive(Deserialize)]
struct Str<'a>(#[serde(borrow)] Cow<'a, str>);

/// Why a line could not be used, with its `id` when that much was read.
pub struct LineError<'a> {
    id: Option<&'a RawValue>,
    message: String,
}

fn string<'a>(raw: &'a RawValue, key: &str) -> Result<Cow<'a, str>, String> {
    match serde_json::from_str::<Str<'a>>(raw.get()) {
        Ok(Str(s)) => Ok(s),
        Err(e) if raw.get().starts_with('"') => {
            Err(format!("\"{key}\" is not a valid string: {e}"))
        }
        Err(_) => Err(format!("\"{key}\" must be a string")),
    }
}

/// Parses one line.
pub fn parse(line: &str) -> Result<Record<'_>, LineError<'_>> {
    let fields: Fields<'_> = serde_json::from_str(line).map_err(|e| {
        let message = if line.trim().is_empty() {
            "empty line: expected a JSON object".to_string()
        } else {
            format!("invalid JSON: {e}")
        };
        LineError { id: None, message }
    })?;
    let id = fields.id;
    let err = |message| LineError { id, message };
    let text = match fields.text {
        None => {
            return Err(err(
                "missing or null \"text\": expected a string".to_string()
            ));
        }
        Some(raw) => string(raw, "text").map_err(err)?,
    };
    let title = match fields.title {
        None => None,
        Some(raw) if raw.get() == "null" => None,
        Some(raw) => Some(string(raw, "title").map_err(err)?),
    };
    Ok(Record { id, text, title })
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    id: Option<&'a RawValue>,
    line: u64,
    error: &'a str,
}

/// Counts of a batch run.
#[derive(Debug, Default)]
pub struct Tally {
    /// Lines that gave an error record.
    pub failed: u64,
}

/// Runs `handle` on every line of `inputs`, writing one line to `out` for
/// each: the handler's, or an error record. Errors are also reported on
/// stderr with the input's name and line number.
pub fn run<W, F>(inputs: &[Input], out: &mut W, mut handle: F) -> Result<Tally>
where
    W: Write,
    F: FnMut(&Record<'_>, &mut Vec<u8>) -> Result<()>,
{
    let mut tally = Tally::default();
    let mut buf = Vec::new();
    let mut line = Vec::new();
    for input in inputs {
        let name = input.name();
        let reader: Box<dyn Read> = match input {
            Input::Stdin => Box::new(std::io::stdin().lock()),
            Input::File(p) => {
                if p.is_dir() {
                    eprintln!("gisty: {name}: is a directory");
                    tally.failed += 1;
                    continue;
                }
                match std::fs::File::open(p) {
                    Ok(f) => Box::new(f),
                    Err(e) => {
                        eprintln!("gisty: {name}: {e}");
                        tally.failed += 1;
                        continue;
                    }
                }
            }
        };
        let mut reader = BufReader::with_capacity(1 << 16, reader);
        let mut number = 0u64;
        loop {
            line.clear();
            let n = match reader.read_until(b'\n', &mut line) {
                Ok(n) => n,
                Err(e) => {
                    eprintln!("gisty: {name}: line {}: {e}", number + 1);
                    tally.failed += 1;
                    break;
                }
            };
            if n == 0 {
                break;
            }
            number += 1;
            if line.ends_with(b"\n") {
                line.pop();
                if line.ends_with(b"\r") {
                    line.pop();
                }
            }
            buf.clear();
            let outcome = match std::str::from_utf8(&line) {
                Err(e) => Err(LineError {
                    id: None,
                    message: format!(
                        "invalid UTF-8 at byte {} of the line",
                        e.valid_up_to()
                    ),
                }),
                Ok(text) => parse(text),
            };
            match outcome {
                Ok(record) => handle(&record, &mut buf)?,
                Err(e) => {
                    eprintln!("gisty: {name}: line {number}: {}", e.message);
                    tally.failed += 1;
                    let rec = ErrorLine {
                        id: e.id,
                        line: number,
                        error: &e.message,
                    };
                    serde_json::to_writer(&mut buf, &rec)?;
                    buf.push(b'\n');
                }
            }
            out.write_all(&buf)?;
        }
    }
    out.flush()?;
    Ok(tally)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_table() {
        // (line, Ok(text) or Err(message fragment))
        let rows: &[(&str, Result<&str, &str>)] = &[
            (r#"{"id":1,"text":"Hi."}"#, Ok("Hi.")),
            (r#"{"text":"a \"b\""}"#, Ok("a \"b\"")),
            (r#"{"id":"x"}"#, Err("missing or null \"text\"")),
            (r#"{"id":"x","text":5}"#, Err("must be a string")),
            (r#"{"id":"x","text":null}"#, Err("missing or null \"text\"")),
            (r#"{"text":"\ud800"}"#, Err("not a valid string")),
            (r#"[1,2]"#, Err("invalid JSON")),
            (r#"{"text":"a","text":"b"}"#, Err("duplicate")),
            ("", Err("empty line")),
        ];
        for (line, want) in rows {
            match (parse(line), want) {
                (Ok(r), Ok(t)) => assert_eq!(r.text, *t, "{line}"),
                (Err(e), Err(m)) => {
                    assert!(e.message.contains(m), "{line}: {}", e.message)
                }
                (Ok(r), Err(m)) => {
                    panic!("{line}: got {:?}, want {m}", r.text)
                }
                (Err(e), Ok(t)) => {
                    panic!("{line}: got {}, want {t}", e.message)
                }
            }
        }
    }

    #[test]
    fn id_is_kept_on_error() {
        let e = parse(r#"{"id":{"a":[1]},"text":7}"#).err().unwrap();
        assert_eq!(e.id.map(|r| r.get()), Some(r#"{"a":[1]}"#));
    }
}
