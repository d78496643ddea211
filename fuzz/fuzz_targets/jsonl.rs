//! The CLI's JSON Lines reader (`crates/gisty-cli/src/jsonl.rs`, included
//! as it is) on arbitrary bytes: no panic; exactly one output line per
//! input line, each a JSON object; a line the reader accepts is a JSON
//! object whose "text" is the text it hands over.
#![no_main]

use std::io::Write;

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

#[allow(dead_code)]
#[path = "../../crates/gisty-cli/src/jsonl.rs"]
mod jsonl;

fn file() -> std::path::PathBuf {
    let dir = std::path::Path::new("/dev/shm");
    let dir = if dir.is_dir() { dir.to_path_buf() } else { std::env::temp_dir() };
    dir.join(format!("gisty-fuzz-jsonl-{}.jsonl", std::process::id()))
}

fuzz_target!(|data: &[u8]| {
    // Line by line, as the reader sees them.
    for raw in data.split(|&b| b == b'\n') {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let Ok(line) = std::str::from_utf8(raw) else { continue };
        if let Ok(record) = jsonl::parse(line) {
            let v: serde_json::Value = match serde_json::from_str(line) {
                Ok(v) => v,
                // serde_json's Value is stricter than the reader, which
                // skips over the id: nesting deeper than 128, numbers
                // beyond f64.
                Err(e) => {
                    let m = e.to_string();
                    assert!(
                        m.contains("recursion limit") || m.contains("out of range"),
                        "{line}: {m}"
                    );
                    continue;
                }
            };
            assert_eq!(v["text"].as_str(), Some(&*record.text), "{line}");
            if let Some(id) = record.id {
                let id: serde_json::Value =
                    serde_json::from_str(id.get()).unwrap();
                assert_eq!(v["id"], id, "{line}");
            }
        }
    }

    // The whole reader, over a file.
    let path = file();
    std::fs::File::create(&path).unwrap().write_all(data).unwrap();
    let summarizer = Summarizer::new();
    let mut out = Vec::new();
    let tally = jsonl::run(
        &[config::Input::File(path.clone())],
        &mut out,
        // Two threads, so that the threaded path is fuzzed too.
        2,
        || {
            |rec: &jsonl::Record<'_>, buf: &mut Vec<u8>| {
                let s = summarizer.summarize(&rec.text, Budget::sentences(2));
                serde_json::to_writer(&mut *buf, &serde_json::json!({
                    "id": rec.id.map(|r| r.get()),
                    "n": s.len(),
                }))?;
                buf.push(b'\n');
                Ok(())
            }
        },
    )
    .expect("writing to memory does not fail");
    let _ = std::fs::remove_file(&path);
    let lines_in = data.split_inclusive(|&b| b == b'\n').count();
    let out = std::str::from_utf8(&out).expect("output is UTF-8");
    let lines_out: Vec<&str> = out.lines().collect();
    assert_eq!(lines_out.len(), lines_in, "one line out per line in");
    assert!(out.is_empty() || out.ends_with('\n'));
    let mut errors = 0;
    for l in &lines_out {
        let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
        assert!(v.is_object(), "{l}");
        errors += u64::from(v.get("error").is_some());
    }
    assert_eq!(errors, tally.failed, "every failure has an error record");
});
