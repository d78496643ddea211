//! The CLI's JSON Lines reader (`crates/gisty-cli/src/jsonl.rs` and the
//! decoding of `input.rs`, included as they are) on arbitrary bytes,
//! strict and with `--lossy`: no panic; exactly one output line per input
//! line, each a JSON object; a line the reader accepts is a JSON object
//! whose "text" is the text it hands over; `--lossy` refuses no line that
//! is JSON once its bad bytes are replaced.
#![no_main]

use std::collections::HashMap;
use std::io::Write;

use serde::de::IgnoredAny;

use gisty::{Budget, Summarizer};
use libfuzzer_sys::fuzz_target;

/// The part of the CLI's `config` module that `jsonl.rs` uses.
#[allow(dead_code)]
mod config {
    use std::path::PathBuf;

    #[derive(Clone, Debug)]
    pub enum Input {
        Stdin,
        File(PathBuf),
    }

    impl Input {
        pub fn name(&self) -> String {
            match self {
                Input::Stdin => "<stdin>".to_string(),
                Input::File(p) => p.display().to_string(),
            }
        }
    }
}

/// The part of the CLI's `args` module that `input.rs` uses.
mod args {
    pub struct CommonArgs {
        pub lossy: bool,
    }
}

#[allow(dead_code)]
#[path = "../../crates/gisty-cli/src/input.rs"]
mod input;

#[allow(dead_code)]
#[path = "../../crates/gisty-cli/src/jsonl.rs"]
mod jsonl;

use input::Decode;

/// The fields the reader reads, as serde_json decodes them.
#[derive(serde::Deserialize)]
struct Want<'a> {
    #[serde(borrow)]
    id: Option<&'a serde_json::value::RawValue>,
    text: String,
    title: Option<String>,
}

fn file() -> std::path::PathBuf {
    let dir = std::path::Path::new("/dev/shm");
    let dir =
        if dir.is_dir() { dir.to_path_buf() } else { std::env::temp_dir() };
    dir.join(format!("gisty-fuzz-jsonl-{}.jsonl", std::process::id()))
}

fuzz_target!(|data: &[u8]| {
    // A UTF-8 byte-order mark is skipped; a UTF-16 one refuses the input
    // (one message, no line).
    let utf16 = data.starts_with(b"\xff\xfe") || data.starts_with(b"\xfe\xff");
    let body = data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data);
    let body = if utf16 { &[][..] } else { body };
    // Line by line, as the reader sees them.
    let (mut strict_ok, mut lossy_ok) = (0u64, 0u64);
    for raw in body.split(|&b| b == b'\n') {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let strict = input::line_utf8(raw, Decode::Strict);
        let (line, replaced) = input::line_utf8(raw, Decode::Lossy)
            .expect("--lossy decodes every line");
        assert_eq!(strict.is_ok(), std::str::from_utf8(raw).is_ok());
        assert_eq!(strict.is_ok(), replaced.is_none());
        assert_eq!(line, String::from_utf8_lossy(raw));
        let line = &*line;
        // Strings without escapes are slices of the line, the others
        // decoded into the scratch buffers.
        let mut scratch = jsonl::Scratch::default();
        let got = jsonl::parse(line, &mut scratch);
        // What serde_json makes of the fields the reader reads (other
        // fields skipped, as the reader skips them).
        let want = serde_json::from_str::<Want<'_>>(line);
        lossy_ok += u64::from(got.is_ok());
        strict_ok += u64::from(got.is_ok() && strict.is_ok());
        if let Err(e) = &want {
            // Nesting deeper than serde_json's limit of 128, in a field
            // that the reader skips without recursion.
            if e.to_string().contains("recursion limit") {
                continue;
            }
        }
        assert_eq!(got.is_ok(), want.is_ok(), "{line}: {:?}", want.err());
        let (Ok(record), Ok(want)) = (got, want) else { continue };
        assert_eq!(record.text, want.text, "{line}");
        assert_eq!(record.title.as_deref(), want.title.as_deref(), "{line}");
        assert_eq!(record.id.map(|r| r.get()), want.id.map(|r| r.get()));
    }

    // The whole reader, over a file, strict and lossy.
    let path = file();
    std::fs::File::create(&path).unwrap().write_all(data).unwrap();
    let lines_in = body.split_inclusive(|&b| b == b'\n').count() as u64;
    let notes = u64::from(utf16);
    let strict_failed = whole(&path, lines_in, notes, Decode::Strict);
    let lossy_failed = whole(&path, lines_in, notes, Decode::Lossy);
    let _ = std::fs::remove_file(&path);
    let (strict, lossy) = (lines_in - strict_ok, lines_in - lossy_ok);
    assert_eq!(strict_failed, strict + notes, "strict fails what it must");
    assert_eq!(lossy_failed, lossy + notes, "lossy fails what it must");
});

/// Runs the reader over `path` (of `lines_in` lines, and `notes` failures
/// that are not lines); checks its output and returns the number of
/// failures.
fn whole(
    path: &std::path::Path,
    lines_in: u64,
    notes: u64,
    decode: Decode,
) -> u64 {
    let summarizer = Summarizer::new();
    let mut out = Vec::new();
    let tally = jsonl::run(
        &[config::Input::File(path.to_path_buf())],
        &mut out,
        // Two threads, so that the threaded path is fuzzed too.
        2,
        decode,
        || {
            |rec: &jsonl::Record<'_>, buf: &mut Vec<u8>| {
                let s = summarizer.summarize(&rec.text, Budget::sentences(2));
                serde_json::to_writer(
                    &mut *buf,
                    &serde_json::json!({
                        "id": rec.id.map(|r| r.get()),
                        "n": s.len(),
                    }),
                )?;
                buf.push(b'\n');
                Ok(())
            }
        },
    )
    .expect("writing to memory does not fail");
    let out = std::str::from_utf8(&out).expect("output is UTF-8");
    let lines_out: Vec<&str> = out.lines().collect();
    assert_eq!(lines_out.len() as u64, lines_in, "one line out per line in");
    assert!(out.is_empty() || out.ends_with('\n'));
    let mut errors = 0;
    for l in &lines_out {
        // Each line is a JSON object (ids are echoed as written, lone
        // surrogate escapes included, which serde_json's Value refuses:
        // the values are checked for syntax only).
        let v: HashMap<String, IgnoredAny> =
            serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"));
        errors += u64::from(v.contains_key("error"));
    }
    assert_eq!(errors + notes, tally.failed, "every failure is counted");
    tally.failed
}
