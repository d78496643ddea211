//! JSON Lines batches: one JSON object in, one JSON line out, in order.
//!
//! Input lines are `{"id": any, "text": string, "title": string}` with
//! `text` required. Every input line gives exactly one output line: a
//! result, or `{"id", "line", "error"}` when the line cannot be used.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::sync::{Arc, Mutex, mpsc};

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
    // A string without escapes is its raw text between the quotes
    // (serde_json has checked it, control characters included): no
    // second pass over a long text.
    let text = raw.get();
    if text.len() >= 2
        && text.starts_with('"')
        && memchr::memchr(b'\\', text.as_bytes()).is_none()
    {
        return Ok(Cow::Borrowed(&text[1..text.len() - 1]));
    }
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

/// A chunk of input is cut after the line that brings it to this many
/// bytes: large enough that handing it to a thread costs nothing, small
/// enough that chunks in flight take little memory.
const CHUNK_BYTES: usize = 128 << 10;

/// Whole lines of one input, in order, with what happened reading them.
struct Chunk {
    /// The input's name, for messages.
    name: Arc<str>,
    /// The number of the chunk's first line in its input (from 1).
    first_line: u64,
    /// The lines, each with its `\n` (the last may lack it).
    data: Vec<u8>,
    /// Messages about the input, for stderr after the chunk's own.
    notes: Vec<String>,
}

/// A chunk's output: its lines, its stderr messages, its failures.
#[derive(Default)]
struct Done {
    out: Vec<u8>,
    messages: Vec<String>,
    failed: u64,
}

/// Reads `inputs` as a sequence of chunks, giving each to `send`; stops
/// early when `send` returns false.
fn read_chunks(inputs: &[Input], mut send: impl FnMut(Chunk) -> bool) {
    for input in inputs {
        let name: Arc<str> = input.name().into();
        let note = |message: String| Chunk {
            name: name.clone(),
            first_line: 1,
            data: Vec::new(),
            notes: vec![message],
        };
        let reader: Box<dyn Read> = match input {
            Input::Stdin => Box::new(std::io::stdin().lock()),
            Input::File(p) if p.is_dir() => {
                if !send(note(format!("{name}: is a directory"))) {
                    return;
                }
                continue;
            }
            Input::File(p) => match std::fs::File::open(p) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    if !send(note(format!("{name}: {e}"))) {
                        return;
                    }
                    continue;
                }
            },
        };
        let mut reader = BufReader::with_capacity(1 << 16, reader);
        let mut next_line = 1u64;
        loop {
            let mut chunk = Chunk {
                name: name.clone(),
                first_line: next_line,
                data: Vec::with_capacity(CHUNK_BYTES + (CHUNK_BYTES >> 2)),
                notes: Vec::new(),
            };
            let mut eof = false;
            while chunk.data.len() < CHUNK_BYTES {
                match reader.read_until(b'\n', &mut chunk.data) {
                    Ok(0) => {
                        eof = true;
                        break;
                    }
                    // All that was read is used: the next read may wait
                    // for a writer, so the lines so far go now (output
                    // keeps up with a slow producer).
                    Ok(_) if reader.buffer().is_empty() => {
                        next_line += 1;
                        break;
                    }
                    Ok(_) => next_line += 1,
                    Err(e) => {
                        chunk
                            .notes
                            .push(format!("{name}: line {next_line}: {e}"));
                        eof = true;
                        break;
                    }
                }
            }
            if (!chunk.data.is_empty() || !chunk.notes.is_empty())
                && !send(chunk)
            {
                return;
            }
            if eof {
                break;
            }
        }
    }
}

/// Runs `handle` on every line of `chunk`.
fn process<F>(chunk: &Chunk, handle: &mut F) -> Result<Done>
where
    F: FnMut(&Record<'_>, &mut Vec<u8>) -> Result<()>,
{
    let mut done = Done {
        out: Vec::with_capacity(chunk.data.len() / 2),
        ..Done::default()
    };
    for (number, raw) in (chunk.first_line..).zip(lines(&chunk.data)) {
        let line = raw.strip_suffix(b"\n").unwrap_or(raw);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let outcome = match std::str::from_utf8(line) {
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
            Ok(record) => handle(&record, &mut done.out)?,
            Err(e) => {
                done.messages.push(format!(
                    "{}: line {number}: {}",
                    chunk.name, e.message
                ));
                done.failed += 1;
                let rec =
                    ErrorLine { id: e.id, line: number, error: &e.message };
                serde_json::to_writer(&mut done.out, &rec)?;
                done.out.push(b'\n');
            }
        }
    }
    done.failed += chunk.notes.len() as u64;
    done.messages.extend(chunk.notes.iter().cloned());
    Ok(done)
}

/// The lines of `data`, each with its `\n` (the last may lack it): what
/// `split_inclusive` gives, with the line ends found by memchr.
fn lines(data: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = data;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', rest).map_or(rest.len(), |i| i + 1);
        let (line, tail) = rest.split_at(end);
        rest = tail;
        Some(line)
    })
}

/// Writes a chunk's output and messages.
fn emit<W: Write>(out: &mut W, done: &Done, tally: &mut Tally) -> Result<()> {
    for m in &done.messages {
        eprintln!("gisty: {m}");
    }
    tally.failed += done.failed;
    out.write_all(&done.out)?;
    // One flush a chunk (64 KiB or so, or what a slow producer gave)
    // costs nothing and lets the output follow the input.
    out.flush()?;
    Ok(())
}

/// Runs a handler on every line of `inputs`, writing one line to `out`
/// for each: the handler's, or an error record. Errors are also reported
/// on stderr with the input's name and line number.
///
/// With `jobs` above 1, chunks of lines go to that many threads, each
/// with its own handler from `make`; a bounded number of chunks is in
/// flight, so memory does not grow with the input, and the output is
/// written in input order: the same bytes for every `jobs`.
pub fn run<W, M, F>(
    inputs: &[Input],
    out: &mut W,
    jobs: usize,
    make: M,
) -> Result<Tally>
where
    W: Write,
    M: Fn() -> F + Sync,
    F: FnMut(&Record<'_>, &mut Vec<u8>) -> Result<()>,
{
    let mut tally = Tally::default();
    if jobs <= 1 {
        let mut handle = make();
        let mut result = Ok(());
        read_chunks(inputs, |chunk| {
            result = process(&chunk, &mut handle)
                .and_then(|done| emit(out, &done, &mut tally));
            result.is_ok()
        });
        result?;
    } else {
        run_parallel(inputs, out, jobs, &make, &mut tally)?;
    }
    out.flush()?;
    Ok(tally)
}

fn run_parallel<W, M, F>(
    inputs: &[Input],
    out: &mut W,
    jobs: usize,
    make: &M,
    tally: &mut Tally,
) -> Result<()>
where
    W: Write,
    M: Fn() -> F + Sync,
    F: FnMut(&Record<'_>, &mut Vec<u8>) -> Result<()>,
{
    // Chunks read but not yet written: each holds one credit, given back
    // once its output is written, so memory stays bounded however slow
    // one chunk is.
    let in_flight = 2 * jobs + 2;
    let (credit_tx, credit_rx) = mpsc::sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        credit_tx.send(()).expect("the receiver is alive");
    }
    let (work_tx, work_rx) = mpsc::sync_channel::<(u64, Chunk)>(in_flight);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<(u64, Result<Done>)>();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            scope.spawn(move || {
                let mut handle = make();
                loop {
                    let next = work_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok((seq, chunk))) = next else { break };
                    let done = process(&chunk, &mut handle);
                    if done_tx.send((seq, done)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        scope.spawn(move || {
            let mut seq = 0u64;
            read_chunks(inputs, |chunk| {
                if credit_rx.recv().is_err() {
                    return false;
                }
                seq += 1;
                work_tx.send((seq - 1, chunk)).is_ok()
            });
        });
        write_in_order(out, done_rx, credit_tx, tally)
    })
}

/// Writes the chunks' outputs in input order, giving back a credit for
/// each. Returning (on an error too) drops the channels, which stops
/// the reader and the workers.
fn write_in_order<W: Write>(
    out: &mut W,
    done_rx: mpsc::Receiver<(u64, Result<Done>)>,
    credit_tx: mpsc::SyncSender<()>,
    tally: &mut Tally,
) -> Result<()> {
    let mut pending = BTreeMap::new();
    let mut next = 0u64;
    for (seq, done) in done_rx {
        pending.insert(seq, done);
        while let Some(done) = pending.remove(&next) {
            emit(out, &done?, tally)?;
            next += 1;
            // The reader may be gone already: nothing left to read.
            let _ = credit_tx.send(());
        }
    }
    Ok(())
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
            (r#"{"text":""}"#, Ok("")),
            (r#"{"text":"a\u0041\n"}"#, Ok("aA\n")),
            ("{\"text\":\"a\u{1}b\"}", Err("invalid JSON")),
            (r#"{"text":"é ☃ \u00e9"}"#, Ok("é ☃ é")),
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
    fn lines_are_split_inclusive() {
        for data in ["", "\n", "a", "a\n", "a\nb", "a\n\nb\n", "\n\nx\r\n"] {
            let got: Vec<&[u8]> = lines(data.as_bytes()).collect();
            let want: Vec<&[u8]> =
                data.as_bytes().split_inclusive(|&b| b == b'\n').collect();
            assert_eq!(got, want, "{data:?}");
        }
    }

    #[test]
    fn id_is_kept_on_error() {
        let e = parse(r#"{"id":{"a":[1]},"text":7}"#).err().unwrap();
        assert_eq!(e.id.map(|r| r.get()), Some(r#"{"a":[1]}"#));
    }
}
