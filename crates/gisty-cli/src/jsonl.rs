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
use crate::input::{self, Decode};

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

/// Why a line could not be used, with its `id` when that much was read.
pub struct LineError<'a> {
    id: Option<&'a RawValue>,
    message: String,
}

type Span = std::ops::Range<usize>;

/// Where the fields of a line's JSON object sit in the line: found by
/// [`scan_fields`] for the usual flat object, else by serde_json, which
/// also words every error.
fn fields(line: &[u8]) -> Result<[Option<Span>; 3], String> {
    match scan_fields(line) {
        Some(found) => Ok(found),
        None => serde_fields(line),
    }
}

/// The fields of a flat JSON object (values strings, numbers, `true`,
/// `false` or `null`; keys without escapes), in one pass over the bytes
/// with no UTF-8 check of the strings it returns (the caller checks what
/// it keeps). `None` for anything else -- nested values, duplicate
/// fields, any syntax error -- which [`serde_fields`] then judges: this
/// never accepts a line that serde_json refuses, and where it accepts
/// one it finds the same spans (both tested).
fn scan_fields(line: &[u8]) -> Option<[Option<Span>; 3]> {
    let mut found: [Option<Span>; 3] = [None, None, None];
    let mut seen = [false; 3];
    let mut i = skip_ws(line, 0);
    if line.get(i) != Some(&b'{') {
        return None;
    }
    i = skip_ws(line, i + 1);
    if line.get(i) == Some(&b'}') {
        i += 1;
    } else {
        loop {
            // A key: a string without escapes.
            if line.get(i) != Some(&b'"') {
                return None;
            }
            let end = string_end(line, i + 1)?;
            let key = &line[i + 1..end];
            if key.contains(&b'\\') || std::str::from_utf8(key).is_err() {
                return None;
            }
            i = skip_ws(line, end + 1);
            if line.get(i) != Some(&b':') {
                return None;
            }
            let start = skip_ws(line, i + 1);
            let end = value_end(line, start)?;
            let slot = match key {
                b"id" => Some(0),
                b"text" => Some(1),
                b"title" => Some(2),
                _ => None,
            };
            match slot {
                Some(k) if seen[k] => return None, // a duplicate field
                Some(k) => {
                    seen[k] = true;
                    if &line[start..end] != b"null" {
                        found[k] = Some(start..end);
                    }
                }
                // A skipped string must still be UTF-8, as serde_json
                // (given a &str) would have it.
                None => {
                    std::str::from_utf8(&line[start..end]).ok().map(drop)?
                }
            }
            i = skip_ws(line, end);
            match line.get(i) {
                Some(b',') => i = skip_ws(line, i + 1),
                Some(b'}') => {
                    i += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    (skip_ws(line, i) == line.len()).then_some(found)
}

/// The first byte at or after `i` that is not JSON whitespace.
fn skip_ws(line: &[u8], mut i: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = line.get(i) {
        i += 1;
    }
    i
}

/// Where the flat JSON value at `i` ends, or `None` when there is none
/// there (or it is an array or object).
fn value_end(line: &[u8], i: usize) -> Option<usize> {
    let literal = |word: &[u8]| {
        line.get(i..i + word.len())
            .filter(|&w| w == word)
            .map(|_| i + word.len())
    };
    match *line.get(i)? {
        b'"' => string_end(line, i + 1).map(|end| end + 1),
        b'n' => literal(b"null"),
        b't' => literal(b"true"),
        b'f' => literal(b"false"),
        b'-' | b'0'..=b'9' => number_end(line, i),
        _ => None,
    }
}

/// The end of the JSON number at `i`: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
fn number_end(line: &[u8], mut i: usize) -> Option<usize> {
    let digits = |mut i: usize| {
        let from = i;
        while line.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        (i > from).then_some(i)
    };
    i += usize::from(line[i] == b'-');
    i = match line.get(i) {
        Some(b'0') => i + 1,
        _ => digits(i)?,
    };
    if line.get(i) == Some(&b'.') {
        i = digits(i + 1)?;
    }
    if let Some(b'e' | b'E') = line.get(i) {
        i += 1;
        i += usize::from(matches!(line.get(i), Some(b'+' | b'-')));
        i = digits(i)?;
    }
    Some(i)
}

/// The index of the quote that closes the JSON string whose contents
/// start at `i`; `None` when a control byte, a bad escape or the end of
/// the line comes first. Quotes and backslashes are found by memchr, the
/// control bytes by one pass that the compiler vectorises.
fn string_end(line: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    let end = loop {
        i += memchr::memchr2(b'"', b'\\', line.get(i..)?)?;
        if line[i] == b'"' {
            break i;
        }
        i += match *line.get(i + 1)? {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => 2,
            b'u' => {
                let hex = line.get(i + 2..i + 6)?;
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return None;
                }
                6
            }
            _ => return None,
        };
    };
    (!has_control(&line[from..end])).then_some(end)
}

/// Whether `bytes` holds a control byte (below 0x20), which a JSON string
/// may not: the least byte, by a pass without early exit that the
/// compiler vectorises (unsigned minimums, 32 bytes a step where the CPU
/// has AVX2).
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn has_control(bytes: &[u8]) -> bool {
    bytes.iter().fold(u8::MAX, |m, &b| m.min(b)) < 0x20
}

/// [`fields`] by serde_json: every line, every error message.
fn serde_fields(line: &[u8]) -> Result<[Option<Span>; 3], String> {
    let text = std::str::from_utf8(line).map_err(|e| {
        format!("invalid UTF-8 at byte {} of the line", e.valid_up_to())
    })?;
    let fields: Fields<'_> = serde_json::from_str(text).map_err(|e| {
        if text.trim().is_empty() {
            "empty line: expected a JSON object".to_string()
        } else {
            format!("invalid JSON: {e}")
        }
    })?;
    // Borrowed raw values are slices of `text`.
    let span = |raw: &RawValue| {
        let at = raw.get().as_ptr() as usize - text.as_ptr() as usize;
        at..at + raw.get().len()
    };
    Ok([fields.id, fields.text, fields.title].map(|raw| raw.map(span)))
}

/// Buffers for the strings of a line that hold escapes, kept from line
/// to line so that decoding them allocates only while they grow.
#[derive(Default)]
pub struct Scratch {
    text: String,
    title: String,
}

/// The JSON string at `span` of `line`: a slice of the line when it has
/// no escapes (most text), else decoded into `buf`. The line is UTF-8
/// already, so neither is checked again.
fn string_at<'a>(
    line: &'a str,
    span: Span,
    key: &str,
    buf: &'a mut String,
) -> Result<&'a str, String> {
    let start = span.start;
    let raw = line.as_bytes().get(span.clone()).unwrap_or_default();
    if raw.len() < 2 || raw[0] != b'"' || raw[raw.len() - 1] != b'"' {
        return Err(format!("\"{key}\" must be a string"));
    }
    let invalid = |at: usize, what: String| {
        format!(
            "\"{key}\" is not a valid string: {what} at byte {} of the line",
            start + at
        )
    };
    // Every cut below is next to an ASCII byte (a quote or a backslash,
    // or just after an escape): a character boundary, so `get` finds it.
    let piece = |from: usize, to: usize| {
        line.get(start + from..start + to)
            .ok_or_else(|| invalid(from, "a broken character".into()))
    };
    let end = raw.len() - 1;
    let Some(first) = memchr::memchr(b'\\', &raw[1..end]) else {
        return piece(1, end);
    };
    buf.clear();
    let mut r = 1;
    let mut next = Some(first + 1);
    while let Some(k) = next {
        buf.push_str(piece(r, k)?);
        r = k;
        let (c, len) = match raw.get(r + 1) {
            Some(b'"') => ('"', 2),
            Some(b'\\') => ('\\', 2),
            Some(b'/') => ('/', 2),
            Some(b'b') => ('\u{8}', 2),
            Some(b'f') => ('\u{c}', 2),
            Some(b'n') => ('\n', 2),
            Some(b'r') => ('\r', 2),
            Some(b't') => ('\t', 2),
            Some(b'u') => {
                // The code unit of the `\uXXXX` at `at`.
                let unit = |at: usize| {
                    let esc = raw.get(at..at + 6)?;
                    let hex = esc.strip_prefix(b"\\u")?;
                    if !hex.iter().all(u8::is_ascii_hexdigit) {
                        return None;
                    }
                    let hex = std::str::from_utf8(hex).ok()?;
                    u32::from_str_radix(hex, 16).ok()
                };
                let Some(hi) = unit(r) else {
                    return Err(invalid(r, "a bad \\u escape".into()));
                };
                let lone =
                    |u: u32| format!("an unpaired surrogate \\u{u:04x}");
                match hi {
                    0xd800..=0xdbff => {
                        let lo = unit(r + 6)
                            .filter(|lo| (0xdc00..=0xdfff).contains(lo));
                        let Some(lo) = lo else {
                            return Err(invalid(r, lone(hi)));
                        };
                        let c =
                            0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
                        (char::from_u32(c).unwrap_or('\u{fffd}'), 12)
                    }
                    0xdc00..=0xdfff => return Err(invalid(r, lone(hi))),
                    _ => (char::from_u32(hi).unwrap_or('\u{fffd}'), 6),
                }
            }
            _ => return Err(invalid(r, "a bad escape".into())),
        };
        buf.push(c);
        r += len;
        next = raw
            .get(r..end)
            .and_then(|rest| memchr::memchr(b'\\', rest))
            .map(|k| r + k);
    }
    buf.push_str(piece(r, end)?);
    let buf: &'a String = buf;
    Ok(buf)
}

/// Parses one line (UTF-8 already: see [`input::line_utf8`]): the record
/// borrows the line, and its strings are copied only when they hold
/// escapes, into `scratch`.
pub fn parse<'a>(
    line: &'a str,
    scratch: &'a mut Scratch,
) -> Result<Record<'a>, LineError<'a>> {
    let bytes = line.as_bytes();
    let [id, text, title] =
        fields(bytes).map_err(|message| LineError { id: None, message })?;
    let Scratch { text: text_buf, title: title_buf } = scratch;
    let decoded = match text {
        None => Err("missing or null \"text\": expected a string".to_string()),
        Some(text) => {
            string_at(line, text, "text", text_buf).and_then(|text| {
                let title = title
                    .map(|t| string_at(line, t, "title", title_buf))
                    .transpose()?;
                Ok((text, title))
            })
        }
    };
    let id = match id.map(|span| raw_value(&bytes[span])).transpose() {
        Ok(id) => id,
        Err(message) => return Err(LineError { id: None, message }),
    };
    match decoded {
        Err(message) => Err(LineError { id, message }),
        Ok((text, title)) => Ok(Record {
            id,
            text: Cow::Borrowed(text),
            title: title.map(Cow::Borrowed),
        }),
    }
}

fn raw_value(bytes: &[u8]) -> Result<&RawValue, String> {
    std::str::from_utf8(bytes)
        .map_err(|e| e.to_string())
        .and_then(|s| serde_json::from_str(s).map_err(|e| e.to_string()))
        .map_err(|e| format!("invalid JSON: {e}"))
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
        let reader = match skip_mark(reader) {
            Ok(reader) => reader,
            Err(refused) => {
                if !send(note(format!("{name}: {refused}"))) {
                    return;
                }
                continue;
            }
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
                match read_line(&mut reader, &mut chunk.data) {
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

/// Reads past a UTF-8 byte-order mark at the start of an input; refuses
/// an input with a UTF-16 one (JSON text is UTF-8), which would otherwise
/// give an error for every line (or cannot be read).
fn skip_mark(
    mut reader: Box<dyn Read + '_>,
) -> Result<Box<dyn Read + '_>, String> {
    let mut head = Vec::with_capacity(3);
    (&mut reader).take(3).read_to_end(&mut head).map_err(|e| e.to_string())?;
    if head == input::UTF8_BOM {
        return Ok(reader);
    }
    if head.starts_with(input::UTF16LE_BOM)
        || head.starts_with(input::UTF16BE_BOM)
    {
        return Err("UTF-16 text (byte-order mark): JSON Lines must be \
                    UTF-8; convert it (iconv -f UTF-16 -t UTF-8)"
            .to_string());
    }
    Ok(Box::new(std::io::Cursor::new(head).chain(reader)))
}

/// `BufRead::read_until(b'\n', out)`, with the line end found by the
/// memchr crate (vectorised) rather than std's word-at-a-time search.
fn read_line<R: BufRead + ?Sized>(
    reader: &mut R,
    out: &mut Vec<u8>,
) -> std::io::Result<usize> {
    let mut read = 0;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let (used, done) = match memchr::memchr(b'\n', buf) {
            Some(i) => (i + 1, true),
            None => (buf.len(), buf.is_empty()),
        };
        out.extend_from_slice(&buf[..used]);
        reader.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

/// Runs `handle` on every line of `chunk`, decoding it as `decode` says.
fn process<F>(
    chunk: &mut Chunk,
    decode: Decode,
    handle: &mut F,
) -> Result<Done>
where
    F: FnMut(&Record<'_>, &mut Vec<u8>) -> Result<()>,
{
    let mut done = Done {
        out: Vec::with_capacity(chunk.data.len() / 2),
        ..Done::default()
    };
    let name = &chunk.name;
    let mut scratch = Scratch::default();
    let lines = lines(&chunk.data);
    for (number, raw) in (chunk.first_line..).zip(lines) {
        let mut n = raw.len();
        n -= usize::from(raw[..n].ends_with(b"\n"));
        n -= usize::from(raw[..n].ends_with(b"\r"));
        let line = &raw[..n];
        let text;
        let outcome = match input::line_utf8(line, decode) {
            Err(message) => Err(LineError { id: None, message }),
            Ok((line, replaced)) => {
                if let Some(replaced) = replaced {
                    done.messages.push(format!(
                        "warning: {name}: line {number}: {replaced}"
                    ));
                }
                text = line;
                parse(&text, &mut scratch)
            }
        };
        match outcome {
            Ok(record) => handle(&record, &mut done.out)?,
            Err(e) => {
                done.messages
                    .push(format!("{name}: line {number}: {}", e.message));
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
/// on stderr with the input's name and line number. A line that is not
/// UTF-8 is an error, or with [`Decode::Lossy`] has its bad bytes
/// replaced by U+FFFD, with a warning on stderr that counts them.
///
/// With `jobs` above 1, chunks of lines go to that many threads, each
/// with its own handler from `make`; a bounded number of chunks is in
/// flight, so memory does not grow with the input, and the output is
/// written in input order: the same bytes for every `jobs`.
pub fn run<W, M, F>(
    inputs: &[Input],
    out: &mut W,
    jobs: usize,
    decode: Decode,
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
        read_chunks(inputs, |mut chunk| {
            result = process(&mut chunk, decode, &mut handle)
                .and_then(|done| emit(out, &done, &mut tally));
            result.is_ok()
        });
        result?;
    } else {
        run_parallel(inputs, out, jobs, decode, &make, &mut tally)?;
    }
    out.flush()?;
    Ok(tally)
}

fn run_parallel<W, M, F>(
    inputs: &[Input],
    out: &mut W,
    jobs: usize,
    decode: Decode,
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
                    let Ok(Ok((seq, mut chunk))) = next else { break };
                    let done = process(&mut chunk, decode, &mut handle);
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
            (r#"{"text":"\"\\\/\b\f\n\r\t"}"#, Ok("\"\\/\u{8}\u{c}\n\r\t")),
            (r#"{"text":"caf\u00e9 \u20AC\u0000"}"#, Ok("café €\0")),
            (r#"{"text":"\ud83d\ude00 x \uD834\uDD1E"}"#, Ok("😀 x 𝄞")),
            (r#"{"text":"é\n😀\"","id":"\u00e9"}"#, Ok("é\n😀\"")),
            (r#"{"text":""}"#, Ok("")),
            (r#"{"text":"a","title":null}"#, Ok("a")),
            (r#"{"id":"x"}"#, Err("missing or null \"text\"")),
            (r#"{"id":"x","text":5}"#, Err("must be a string")),
            (r#"{"id":"x","text":null}"#, Err("missing or null \"text\"")),
            (
                r#"{"text":"\ud800"}"#,
                Err("unpaired surrogate \\ud800 at byte 9"),
            ),
            (
                r#"{"text":"ab\udc00"}"#,
                Err("unpaired surrogate \\udc00 at byte 11"),
            ),
            (r#"{"text":"\ud800\u0041"}"#, Err("not a valid string")),
            (r#"{"text":"\ud800\\"}"#, Err("not a valid string")),
            (r#"{"text":"\ud800\"dc00"}"#, Err("not a valid string")),
            (r#"{"text":"\ud800\\udc00"}"#, Err("not a valid string")),
            (
                r#"{"text":"a","title":"\udfff"}"#,
                Err("\"title\" is not a valid"),
            ),
            (r#"{"text":"a","title":[]}"#, Err("\"title\" must be a string")),
            (r#"{"text":"a\x"}"#, Err("invalid JSON")),
            (r#"{"text":"a\u0041\n"}"#, Ok("aA\n")),
            ("{\"text\":\"a\u{1}b\"}", Err("invalid JSON")),
            (r#"{"text":"é ☃ \u00e9"}"#, Ok("é ☃ é")),
            (r#"[1,2]"#, Err("invalid JSON")),
            (r#"{"text":"a","text":"b"}"#, Err("duplicate")),
            ("", Err("empty line")),
        ];
        for (line, want) in rows {
            match (parse(line, &mut Scratch::default()), want) {
                (Ok(r), Ok(t)) => {
                    assert_eq!(r.text, *t, "{line}");
                    let v: serde_json::Value =
                        serde_json::from_str(line).unwrap();
                    assert_eq!(v["text"], *t, "serde_json agrees: {line}");
                }
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

    /// `scan_fields` accepts only what serde_json accepts, with the same
    /// spans; true when it took the line.
    fn same_fields(line: &str) -> bool {
        let fast = scan_fields(line.as_bytes());
        if let Some(fast) = &fast {
            let slow = serde_fields(line.as_bytes());
            assert_eq!(Ok(fast), slow.as_ref(), "{line}");
        }
        fast.is_some()
    }

    #[test]
    fn scanned_fields_table() {
        // (line, taken by the scanner rather than serde_json)
        let rows = [
            (r#"{"id":"1","text":"a \"b\" \u00e9 \\ c"}"#, true),
            (r#" { "text" : "x" , "id" : -1.5e+3 , "title" : null } "#, true),
            ("{\"text\":\"caf\u{e9} \u{1f600}\",\"k\":[1]}", false),
            (r#"{"text":"a","other":{"x":1}}"#, false),
            (r#"{"text":"a","n":0,"t":true,"f":false,"z":null}"#, true),
            (r#"{"text":"a","n":1.25E-2,"\u00e9":"\u00e9"}"#, false),
            ("{\"text\":\"a\",\"caf\u{e9}\":\"\u{e9}\"}", true),
            (r#"{}"#, true),
            (r#"{"text":"a",}"#, false),
            (r#"{"text":"a"} x"#, false),
            (r#"{"text":"a","text":"b"}"#, false),
            (r#"{"text":null,"text":"b"}"#, false),
            (r#"{"te\u0078t":"a"}"#, false),
            (r#"{"text":"a\x"}"#, false),
            (r#"{"text":"a\u00g0"}"#, false),
            ("{\"text\":\"a\u{1}b\"}", false),
            (r#"{"id":01,"text":"a"}"#, false),
            (r#"{"id":1.,"text":"a"}"#, false),
            (r#"{"id":-,"text":"a"}"#, false),
            (r#"{"id":nul,"text":"a"}"#, false),
            (r#"{"id":nullx,"text":"a"}"#, false),
            (r#"{"text":"unterminated}"#, false),
            (r#"[1,2]"#, false),
            ("", false),
        ];
        for (line, taken) in rows {
            assert_eq!(same_fields(line), taken, "{line}");
        }
    }

    proptest::proptest! {
        #[test]
        fn scanned_fields_agree_with_serde_json(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "{", "}", ",", ":", " ", "\"", "\"id\"", "\"text\"",
                    "\"title\"", "\"k\"", "\"a b\"", "\\\"", "\\u00e9",
                    "\\ud83d", "\\x", "\\", "1", "-", "0", ".", "e", "+",
                    "null", "true", "false", "[", "]", "\u{e9}", "\u{1}",
                    "\t", "\u{7f}", "é€😀",
                ]),
                0..24,
            )
        ) {
            let line: String = parts.concat();
            same_fields(&line);
            // A well-formed line holding the same pieces is taken.
            let text = parts.concat();
            let line = serde_json::json!({"id": 7, "text": text, "x": parts})
                .to_string();
            proptest::prop_assert!(!same_fields(&line)); // "x" is an array
            let line = serde_json::json!({"id": 7, "text": text, "x": -0.5})
                .to_string();
            proptest::prop_assert!(same_fields(&line), "{}", line);
            // Its text and title come back as they went in, as serde_json
            // writes them and with every character but plain ASCII a
            // `\u` escape (as Python's json.dumps writes them).
            let title: String = parts.iter().rev().copied().collect();
            for line in [
                serde_json::json!({"text": text, "title": title}).to_string(),
                format!(
                    "{{\"text\":\"{}\",\"title\":\"{}\"}}",
                    ascii_escaped(&text),
                    ascii_escaped(&title)
                ),
            ] {
                let mut scratch = Scratch::default();
                if let Ok(r) = parse(&line, &mut scratch) {
                    proptest::prop_assert_eq!(&r.text, &text);
                    proptest::prop_assert_eq!(r.title.as_deref(), Some(&*title));
                } else {
                    proptest::prop_assert!(false, "refused {}", line);
                }
            }
        }
    }

    /// `s` as the inside of a JSON string with every character but
    /// printable ASCII escaped as `\uXXXX` (surrogate pairs above U+FFFF).
    fn ascii_escaped(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            if (' '..='~').contains(&c) && c != '"' && c != '\\' {
                out.push(c);
            } else {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
        out
    }

    #[test]
    fn read_line_is_read_until() {
        let texts: [&[u8]; 6] =
            [b"", b"\n", b"a", b"a\nbc\n\nd", b"\n\nx\r\n", &[b'y'; 70]];
        for text in texts {
            // A buffer smaller than some lines: a line spans refills.
            let mut ours = BufReader::with_capacity(4, text);
            let mut std_ = BufReader::with_capacity(4, text);
            loop {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                let got = read_line(&mut ours, &mut a).unwrap();
                let want = std_.read_until(b'\n', &mut b).unwrap();
                assert_eq!((got, &a), (want, &b), "{text:?}");
                if want == 0 {
                    break;
                }
            }
        }
    }

    #[test]
    fn lines_are_split_inclusive() {
        for data in ["", "\n", "a", "a\n", "a\nb", "a\n\nb\n", "\n\nx\r\n"] {
            let got: Vec<Vec<u8>> =
                lines(data.as_bytes()).map(|l| l.to_vec()).collect();
            let want: Vec<&[u8]> =
                data.as_bytes().split_inclusive(|&b| b == b'\n').collect();
            assert_eq!(got, want, "{data:?}");
        }
    }

    #[test]
    fn strings_are_borrowed_unless_escaped_and_ids_kept() {
        let line =
            r#"{"id":[1, "\u00e9"],"title":"T\u00edtulo","text":"a b"}"#;
        let mut scratch = Scratch::default();
        let r = parse(line, &mut scratch).ok().unwrap();
        assert_eq!(r.id.map(|r| r.get()), Some(r#"[1, "\u00e9"]"#));
        assert_eq!(r.title.as_deref(), Some("Título"));
        assert_eq!(r.text, "a b");
        // The text without escapes is a slice of the line: no copy.
        let Cow::Borrowed(text) = r.text else { panic!("copied") };
        let at = text.as_ptr() as usize - line.as_ptr() as usize;
        assert!(at + text.len() <= line.len());
        // Escapes cut at each one, with multi-byte text between them.
        let line = r#"{"text":"é\"ü\n\u263a☃\\"}"#;
        let r = parse(line, &mut scratch).ok().unwrap();
        assert_eq!(r.text, "é\"ü\n☺☃\\");
    }

    #[test]
    fn id_is_kept_on_error() {
        let mut scratch = Scratch::default();
        let line = r#"{"id":{"a":[1]},"text":7}"#;
        let e = parse(line, &mut scratch).err().unwrap();
        assert_eq!(e.id.map(|r| r.get()), Some(r#"{"a":[1]}"#));
        let line = r#"{"id":"k","text":"\udc00"}"#;
        let e = parse(line, &mut scratch).err().unwrap();
        assert_eq!(e.id.map(|r| r.get()), Some(r#""k""#));
    }
}
