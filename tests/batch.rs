//! `--jsonl` batches in parallel (`--jobs`) and streaming.

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use crate::util::*;

/// JSON Lines made from the corpus files, cut into paragraphs: `n` good
/// records, with a bad line every `bad_every` lines (0: none).
fn records(n: usize, bad_every: usize) -> String {
    let mut paragraphs = Vec::new();
    for name in ["seed-article.txt", "abbreviations.txt"] {
        let path = corpus(name);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        paragraphs.extend(
            text.split("\n\n")
                .map(str::trim)
                .filter(|p| p.len() > 40)
                .map(String::from),
        );
    }
    assert!(paragraphs.len() > 4);
    let mut out = String::new();
    for i in 0..n {
        if bad_every > 0 && i % bad_every == bad_every - 1 {
            out.push_str(&format!("{{\"id\":{i},\"text\":{i}}}\n"));
            continue;
        }
        // Three paragraphs, rotated, so that documents differ.
        let text: Vec<&str> = (0..3)
            .map(|k| paragraphs[(i + k * 7) % paragraphs.len()].as_str())
            .collect();
        let rec = serde_json::json!({"id": i, "text": text.join("\n\n")});
        out.push_str(&rec.to_string());
        out.push('\n');
    }
    out
}

#[test]
fn same_output_for_every_jobs() {
    // Larger than a few chunks, so that chunks really go to threads.
    let input = records(600, 37);
    assert!(input.len() > 3 * (128 << 10), "{}", input.len());
    let one = run(&["--jsonl", "-n", "2", "--jobs", "1"], input.as_bytes());
    assert_eq!(code(&one), 1, "bad lines make the run fail");
    let lines = json_lines(&stdout(&one));
    assert_eq!(lines.len(), 600);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["id"], i, "order kept");
        assert_eq!(line.get("error").is_some(), i % 37 == 36, "line {i}");
    }
    for jobs in ["2", "3", "8"] {
        let o = run(&["--jsonl", "-n", "2", "--jobs", jobs], input.as_bytes());
        assert_eq!(code(&o), 1);
        assert!(o.stdout == one.stdout, "--jobs {jobs}: stdout differs");
        assert_eq!(stderr(&o), stderr(&one), "--jobs {jobs}: stderr differs");
    }
    // The default (all cores) too.
    let o = run(&["--jsonl", "-n", "2"], input.as_bytes());
    assert!(o.stdout == one.stdout);
}

#[test]
fn error_messages_in_input_order_with_line_numbers() {
    let d = Dir::new("batch-files");
    let a = d.file("a.jsonl", records(300, 100).as_bytes());
    let b = d.file("b.jsonl", records(5, 2).as_bytes());
    let missing = d.path("missing.jsonl");
    let args = |jobs| vec!["--jsonl", "--jobs", jobs, &a, &missing, &b];
    let one = run(&args("1"), b"");
    let two = run(&args("2"), b"");
    assert_eq!(code(&one), 1);
    assert!(one.stdout == two.stdout);
    let err = stderr(&two);
    assert_eq!(err, stderr(&one));
    let want = [
        format!("{a}: line 100:"),
        format!("{a}: line 200:"),
        format!("{a}: line 300:"),
        format!("{missing}:"),
        format!("{b}: line 2:"),
        format!("{b}: line 4:"),
    ];
    let got: Vec<&str> = err.lines().collect();
    assert_eq!(got.len(), want.len(), "{err}");
    for (line, w) in got.iter().zip(&want) {
        assert!(line.starts_with(&format!("gisty: {w}")), "{line} / {w}");
    }
    assert_eq!(json_lines(&stdout(&two)).len(), 305);
}

#[test]
fn split_jsonl_same_for_every_jobs() {
    let input = records(300, 0);
    let one = run(&["split", "--jsonl", "-j", "1"], input.as_bytes());
    let two = run(&["split", "--jsonl", "-j", "2"], input.as_bytes());
    assert_eq!(code(&one), 0, "{}", stderr(&one));
    assert!(one.stdout == two.stdout);
    assert_eq!(json_lines(&stdout(&two)).len(), 300);
}

#[test]
fn jobs_must_be_positive() {
    for bad in ["0", "-1", "x"] {
        let o = run(&["--jsonl", &format!("--jobs={bad}")], b"");
        assert_eq!(code(&o), 2, "--jobs {bad}");
        assert!(stderr(&o).contains("--jobs"), "{}", stderr(&o));
    }
}

#[test]
fn output_starts_before_input_ends() {
    for jobs in ["1", "2"] {
        let mut child = gisty()
            .args(["--jsonl", "-n", "1", "--jobs", jobs])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("gisty runs");
        let mut input = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        // The first lines go in; stdin stays open.
        input.write_all(records(3, 0).as_bytes()).unwrap();
        input.flush().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            let first = lines.next().map(|l| l.unwrap());
            tx.send(first).unwrap();
            lines.count()
        });
        let first = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("a line comes out while the input is still open")
            .expect("a first line");
        let first: serde_json::Value = serde_json::from_str(&first).unwrap();
        assert_eq!(first["id"], 0);
        input.write_all(records(2, 0).as_bytes()).unwrap();
        drop(input);
        assert_eq!(reader.join().unwrap(), 4, "--jobs {jobs}");
        assert!(child.wait().unwrap().success());
    }
}
