//! Hostile input through the binary: each case ends with a clear result
//! or error, never a panic or a hang. Sizes here are small enough for a
//! fast test suite (a few MB); `scripts/hostile-check` runs the full
//! sizes and measures time and memory.

use crate::util::*;

/// Checks a `--format json` summary of `text`: exit 0, every picked
/// sentence an exact slice of `text`, in order; returns the picked
/// sentences' spans and the sentence total.
fn summary_of(text: &[u8], args: &[&str]) -> (Vec<(usize, usize)>, u64) {
    let o = run(&[args, &["--format", "json"]].concat(), text);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "no message on a clean run");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let text = std::str::from_utf8(text).unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut spans = Vec::new();
    let mut last = None;
    for s in v["sentences"].as_array().unwrap() {
        let a = s["start"].as_u64().unwrap() as usize;
        let b = s["end"].as_u64().unwrap() as usize;
        let i = s["index"].as_u64().unwrap();
        assert!(last < Some(i), "picked in document order");
        last = Some(i);
        let slice = text.get(a..b).expect("a char-boundary slice");
        assert_eq!(slice, s["text"].as_str().unwrap());
        spans.push((a, b));
    }
    (spans, v["total_sentences"].as_u64().unwrap())
}

/// `gisty split --jsonl` of `text` (as one record): the sentences'
/// spans, each checked to be an exact, ordered, non-overlapping slice.
fn split_of(text: &str) -> Vec<(usize, usize)> {
    let line = serde_json::json!({ "id": 1, "text": text }).to_string();
    let o = run(&["split", "--jsonl"], line.as_bytes());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v = &json_lines(&stdout(&o))[0];
    let mut end = 0;
    let mut spans = Vec::new();
    for s in v["sentences"].as_array().unwrap() {
        let a = s["start"].as_u64().unwrap() as usize;
        let b = s["end"].as_u64().unwrap() as usize;
        assert!(a < b && a >= end, "ordered, not overlapping: {a}..{b}");
        assert_eq!(text.get(a..b), s["text"].as_str());
        end = b;
        spans.push((a, b));
    }
    spans
}

#[test]
fn long_line_without_punctuation() {
    let text = "word and more words without any stop ".repeat(100_000);
    let (picked, total) = summary_of(text.as_bytes(), &[]);
    assert!(total >= 1);
    assert!(!picked.is_empty(), "a document with words has a summary");
    let spans = split_of(&text);
    let covered: usize = spans.iter().map(|(a, b)| b - a).sum();
    assert_eq!(covered, text.trim_end().len(), "no text lost");
}

#[test]
fn a_million_empty_lines() {
    let blank = "\n".repeat(1_000_000);
    let (picked, total) = summary_of(blank.as_bytes(), &[]);
    assert_eq!((picked.len(), total), (0, 0));
    let o = run(&[], blank.as_bytes());
    assert_eq!(stdout(&o), "\n", "an empty summary is an empty line");
    // With a sentence at the end, it is found where it is.
    let text = format!("{blank}The only sentence is here.\n");
    let (picked, total) = summary_of(text.as_bytes(), &[]);
    assert_eq!(total, 1);
    assert_eq!(picked, [(1_000_000, 1_000_000 + 26)]);
    // As JSON Lines: a million blank lines give a million error records.
    let o = run(&["--jsonl"], blank.as_bytes());
    assert_eq!(code(&o), 1);
    assert_eq!(o.stdout.iter().filter(|&&b| b == b'\n').count(), 1_000_000);
}

#[test]
fn one_character_repeated() {
    // (character, whether the text has words and so a summary)
    let rows: &[(char, bool)] = &[
        ('a', true),
        ('.', false),
        ('!', false),
        ('?', false),
        (' ', false),
        ('\t', false),
        ('"', false),
        ('(', false),
        ('é', true),
        ('日', true),
        ('\u{0}', false),
        ('\u{200f}', false),
        ('\u{feff}', false),
        ('\u{301}', false),
        ('\u{1F600}', false),
    ];
    for &(c, words) in rows {
        let text: String =
            std::iter::repeat_n(c, 2_000_000 / c.len_utf8()).collect();
        let (picked, _) = summary_of(text.as_bytes(), &[]);
        assert_eq!(!picked.is_empty(), words, "{c:?}");
        split_of(&text);
    }
    // Words, each a sentence: many sentences, a budget of 3.
    let text = "Go. ".repeat(500_000);
    let (picked, total) = summary_of(text.as_bytes(), &[]);
    assert_eq!(picked.len(), 3);
    assert!(total >= 3, "{total}");
}

#[test]
fn deeply_nested_quotes_and_brackets() {
    let depth = 100_000;
    let rows = [
        ("(", "The middle is a sentence.", ")"),
        ("[{(", "Deep inside. Two sentences.", ")}]"),
        ("\"", "Quoted to the hilt.", "\""),
        ("“‘", "Curly quotes nest.", "’”"),
        ("«", "Guillemets too!", "»"),
        ("<<", "Angles?", ">>"),
    ];
    for (open, middle, close) in rows {
        let text =
            format!("{}{middle}{}", open.repeat(depth), close.repeat(depth));
        let (picked, total) = summary_of(text.as_bytes(), &[]);
        assert!(total >= 1, "{open}");
        assert!(!picked.is_empty(), "{open}: there are words");
        split_of(&text);
        // Unbalanced: only opened, only closed.
        for t in [open.repeat(depth) + middle, middle.to_string() + close] {
            summary_of(t.as_bytes(), &[]);
        }
    }
}

#[test]
fn control_characters_and_nul_bytes() {
    let controls: String = (0u8..0x20)
        .chain([0x7f])
        .map(char::from)
        .chain('\u{80}'..='\u{9f}')
        .collect();
    let text = format!(
        "First sentence{controls}here. Second\0sentence with NUL. \
         {controls}\n\n\0\0\0 Third one, after NULs.\x0c\x0b Last."
    )
    .repeat(1_000);
    let (picked, total) = summary_of(text.as_bytes(), &["-n", "5"]);
    assert_eq!(picked.len(), 5);
    assert!(total >= 5);
    let o = run(&["-n", "5"], text.as_bytes());
    assert_eq!(code(&o), 0);
    split_of(&text);
}

#[test]
fn mixed_scripts_and_right_to_left_marks() {
    let text = "\
The minister spoke in Hebrew: \u{200f}שלום עולם.\u{200f} Then in Arabic: \
\u{202b}مرحبا بالعالم.\u{202c} \u{202e}Overridden text runs backwards.\u{202c} \
日本語の文です。中国的句子。 हिन्दी वाक्य है। Ελληνική πρόταση; \
Русское предложение. 👩‍👩‍👧‍👦 Family emoji! e\u{301}\u{301}\u{301} \
combining marks. \u{2067}Isolated\u{2069} text.\n\n";
    let text = text.repeat(2_000);
    let (picked, total) = summary_of(text.as_bytes(), &["-n", "4"]);
    assert_eq!(picked.len(), 4);
    assert!(total >= 4);
    let spans = split_of(&text);
    assert!(spans.len() as u64 >= total);
}

#[test]
fn byte_order_marks() {
    let plain = "One sentence here. Another one there. A third one.";
    let mut bom8 = "\u{feff}".as_bytes().to_vec();
    bom8.extend_from_slice(plain.as_bytes());
    let le: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(plain.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain(plain.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let want = summary_of(plain.as_bytes(), &["-n", "2"]);
    assert_eq!(summary_of(&bom8, &["-n", "2"]), want, "UTF-8 BOM skipped");
    let d = Dir::new("boms");
    let want_split = stdout(&run(&["split"], plain.as_bytes()));
    for (name, bytes) in [("le.txt", &le), ("be.txt", &be), ("u8.txt", &bom8)]
    {
        let f = d.file(name, bytes);
        let o = run(&["-n", "2", "--format", "json", &f], b"");
        assert_eq!(code(&o), 0, "{name}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["sentences"].as_array().unwrap().len(), 2, "{name}");
        assert_eq!(v["sentences"][0]["text"], "One sentence here.");
        let o = run(&["split", &f], b"");
        assert_eq!(stdout(&o), want_split, "{name}");
        // From stdin too.
        let o = run(&["split"], bytes);
        assert_eq!(stdout(&o), want_split, "{name} on stdin");
    }
}

#[test]
fn bad_utf16_is_refused_or_replaced() {
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend("Fine start. ".encode_utf16().flat_map(u16::to_le_bytes));
    let bad_at = bytes.len();
    bytes.extend(0xdc00u16.to_le_bytes()); // a lone low surrogate
    bytes.extend("Fine end.".encode_utf16().flat_map(u16::to_le_bytes));
    let d = Dir::new("utf16");
    let f = d.file("bad16.txt", &bytes);
    let o = run(&["split", &f], b"");
    assert_eq!(code(&o), 1);
    let err = stderr(&o);
    assert!(
        err.contains(&format!("{f}: invalid UTF-16 at byte {bad_at}")),
        "{err}"
    );
    let o = run(&["split", "--lossy", &f], b"");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // Where the splitter cuts is its business; the text is all there.
    let words: Vec<String> =
        stdout(&o).split_whitespace().map(String::from).collect();
    assert_eq!(words.join(" "), "Fine start. \u{fffd}Fine end.");
    assert!(stderr(&o).contains(
        "replaced 1 invalid UTF-16 sequence (2 bytes) with U+FFFD (the first \
         at byte 26)"
    ));
    // UTF-32 is named and refused.
    let f32 = d.file("u32.txt", b"\xff\xfe\0\0A\0\0\0.\0\0\0");
    let o = run(&[&f32], b"");
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("UTF-32"), "{}", stderr(&o));
}

#[test]
fn lossy_replaces_bad_bytes_and_counts_them() {
    let mut bytes = b"Good start here. Bad \xff\xfe bytes. More \xc3".to_vec();
    bytes.extend_from_slice(b" and the end.");
    let o = run(&["split"], &bytes);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("<stdin>: invalid UTF-8 at byte 21"));
    assert!(o.stdout.is_empty(), "a refused input prints nothing");
    let o = run(&["split", "--lossy"], &bytes);
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        "Good start here.\nBad \u{fffd}\u{fffd} bytes.\n\
         More \u{fffd} and the end.\n"
    );
    let err = stderr(&o);
    assert!(
        err.contains(
            "warning: <stdin>: replaced 3 invalid UTF-8 sequences (3 \
             bytes) with U+FFFD (the first at byte 21)"
        ),
        "{err}"
    );
    // Binary garbage is text after --lossy: no panic, a clear result.
    let garbage: Vec<u8> = (0..2_000_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let o = run(&["--lossy", "--format", "json"], &garbage);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("replaced"));
    let o = run(&[], &garbage);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("invalid UTF-8 at byte"));
}

/// Hostile JSON Lines: one output line per input line, each a result or
/// an error record with its line number.
#[test]
fn hostile_json_lines() {
    // (line, Some(error fragment) or None for a result)
    let rows: &[(&str, Option<&str>)] = &[
        (r#"{"id":1,"text":"\ud800"}"#, Some("not a valid string")),
        (r#"{"id":2,"text":"a \udc00 b"}"#, Some("not a valid string")),
        (r#"{"id":3,"text":"\ud83d\ude00 Paired is fine."}"#, None),
        (r#"{"id":4,"text":42}"#, Some("must be a string")),
        (r#"{"id":5,"text":null}"#, Some("missing or null")),
        (r#"{"id":6,"text":["a"]}"#, Some("must be a string")),
        (r#"{"id":7,"text":"a","text":"b"}"#, Some("duplicate")),
        (r#"{"id":8,"id":9,"text":"Twice an id."}"#, Some("duplicate")),
        (r#"{"id":null,"text":"A null id is an id."}"#, None),
        (r#"{"id":123456789012345678901234567890,"text":"Big id."}"#, None),
        (r#"{"id":10,"text":"Titled.","title":7}"#, Some("title")),
        (r#"{"id":11,"text":"Nul \u0000 in text. Fine."}"#, None),
        ("{\"id\":12,\"text\":\"raw\ttab\"}", Some("invalid JSON")),
        ("", Some("empty line")),
        ("   ", Some("empty line")),
        ("\r", Some("empty line")),
        ("null", Some("invalid JSON")),
        ("\"just a string\"", Some("invalid JSON")),
        ("{\"id\":13,\"text\":\"unterminated", Some("invalid JSON")),
        (r#"{"id":14,"text":"Last one. Good."}"#, None),
    ];
    let (open, close) = ("[".repeat(100_000), "]".repeat(100_000));
    let deep = [
        // Deep nesting where text should be: an error, not a stack
        // overflow.
        format!("{{\"id\":\"deep text\",\"text\":{open}{close}}}"),
        format!("{open}{close}"),
        format!(
            "{{\"a\":{}1{}}}",
            "{\"a\":".repeat(100_000),
            close.replace(']', "}")
        ),
        // Deep nesting in the id, which is echoed as it was written.
        format!("{{\"id\":{open}1{close},\"text\":\"Deep id. Fine.\"}}"),
    ];
    let mut input = String::new();
    for (line, _) in rows {
        input.push_str(line);
        input.push('\n');
    }
    for line in &deep {
        input.push_str(line);
        input.push('\n');
    }
    // A long line, and a last line without a line break.
    let long = "Words upon words. ".repeat(200_000);
    let long_line =
        serde_json::json!({"id": "long", "text": long}).to_string();
    input.push_str(&long_line);
    input.push('\n');
    input.push_str(r#"{"id":"last","text":"No line break after me."}"#);
    let o = run(&["--jsonl"], input.as_bytes());
    assert_eq!(code(&o), 1);
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        rows.len() + deep.len() + 2,
        "one line out per line in"
    );
    // The deep id cannot be read back by serde_json's default depth limit.
    let deep_id = lines[rows.len() + 3];
    assert!(
        deep_id.starts_with(&format!("{{\"id\":{open}1{close},\"summary\":")),
        "{}",
        &deep_id[..200.min(deep_id.len())]
    );
    let out: Vec<serde_json::Value> = lines
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != rows.len() + 3)
        .map(|(_, l)| serde_json::from_str(l).unwrap())
        .collect();
    let err = stderr(&o);
    for (i, (line, want)) in rows.iter().enumerate() {
        let n = i as u64 + 1;
        match want {
            Some(fragment) => {
                assert_eq!(out[i]["line"], n, "{line}");
                let e = out[i]["error"].as_str().unwrap();
                assert!(e.contains(fragment), "{line}: {e}");
                assert!(err.contains(&format!("<stdin>: line {n}:")), "{err}");
            }
            None => {
                assert!(out[i].get("error").is_none(), "{line}: {}", out[i]);
                assert!(out[i]["summary"].is_string(), "{line}");
            }
        }
    }
    assert!(
        text.contains(r#"{"id":123456789012345678901234567890,"summary""#),
        "ids are echoed as written"
    );
    let d = rows.len();
    assert_eq!(out[d]["id"], "deep text");
    assert!(out[d]["error"].as_str().unwrap().contains("must be a string"));
    assert!(out[d + 1]["error"].as_str().unwrap().contains("invalid JSON"));
    // Deep objects under an unknown key are skipped without recursion.
    assert!(out[d + 2]["error"].as_str().unwrap().contains("missing or null"));
    assert_eq!(out[d + 3]["id"], "long");
    assert_eq!(out[d + 3]["sentences"].as_array().unwrap().len(), 3);
    assert_eq!(out[d + 4]["id"], "last");
    // The same through `split --jsonl`.
    let o = run(&["split", "--jsonl"], input.as_bytes());
    assert_eq!(code(&o), 1);
    assert_eq!(stdout(&o).lines().count(), rows.len() + deep.len() + 2);
}

#[test]
fn several_inputs_some_failing() {
    let d = Dir::new("several-failing");
    let good = d.file("good.txt", b"A good file. It has two sentences.");
    let also = d.file("also.txt", b"Another good file. Fine.");
    let missing = d.path("missing.txt");
    let dir = d.path("subdir");
    std::fs::create_dir_all(&dir).unwrap();
    let mut bad = vec![missing.clone(), dir.clone()];
    // A file that exists but cannot be read, even by root.
    if cfg!(target_os = "linux") {
        bad.push("/proc/self/mem".to_string());
    }
    for b in &bad {
        let o = run(&["-n", "1", &good, b, &also], b"");
        assert_eq!(code(&o), 1, "{b}");
        let err = stderr(&o);
        assert!(err.starts_with(&format!("gisty: {b}: ")), "{err}");
        assert_eq!(err.lines().count(), 1, "one message: {err}");
        let out = stdout(&o);
        assert!(out.contains(&format!("==> {good} <==")), "{out}");
        assert!(out.contains(&format!("==> {also} <==")), "{out}");
        assert!(!out.contains(b.as_str()), "{out}");
    }
    let o = run(&["split", &missing, &dir, &good], b"");
    assert_eq!(code(&o), 1);
    assert_eq!(stderr(&o).lines().count(), 2);
    assert!(stdout(&o).contains("It has two sentences."));
    // The same in batch mode: the readable files' lines all come out.
    let a = d.file("a.jsonl", b"{\"id\":1,\"text\":\"One.\"}\n");
    let b = d.file("b.jsonl", b"{\"id\":2,\"text\":\"Two.\"}\n");
    let o = run(&["--jsonl", &a, &missing, &dir, &b], b"");
    assert_eq!(code(&o), 1);
    let ids: Vec<_> =
        json_lines(&stdout(&o)).iter().map(|l| l["id"].clone()).collect();
    assert_eq!(ids, [1, 2]);
    assert!(stderr(&o).contains(&missing));
}

/// Exit codes, as `--help` and the README document them.
#[test]
fn exit_codes() {
    let d = Dir::new("exit-codes");
    let good = d.file("good.txt", b"Fine. Good.");
    let missing = d.path("missing.txt");
    let rows: &[(&[&str], &[u8], i32)] = &[
        (&[], b"Text. More text.", 0),
        (&[&good], b"", 0),
        (&[&good, &missing], b"", 1),
        (&[], b"bad \xff byte", 1),
        (&["--lossy"], b"bad \xff byte", 0),
        (&["--jsonl"], b"{\"text\":\"ok.\"}\n", 0),
        (&["--jsonl"], b"{\"text\":\"ok.\"}\nnot json\n", 1),
        (&["split", &missing], b"", 1),
        (&["-n", "0"], b"", 2),
        (&["--ratio", "0"], b"", 2),
        (&["--language", "nope"], b"", 2),
        (&["--no-such-flag"], b"", 2),
        (&["-o", &d.path("no/such/dir/out.txt")], b"Text.", 2),
    ];
    for (args, stdin, want) in rows {
        let o = run(args, stdin);
        assert_eq!(code(&o), *want, "{args:?}: {}", stderr(&o));
        if *want != 0 {
            assert!(
                stderr(&o).starts_with("gisty")
                    || stderr(&o).starts_with("error"),
                "{args:?}: a message"
            );
        }
    }
    let help = stdout(&run(&["--help"], b""));
    for line in ["0  every input", "1  some inputs failed", "2  the command"] {
        assert!(help.contains(line), "--help documents {line:?}");
    }
    let readme = std::fs::read_to_string(corpus("../README.md")).unwrap();
    for row in ["| 0 |", "| 1 |", "| 2 |"] {
        assert!(readme.contains(row), "README documents {row}");
    }
}

#[test]
fn output_file_is_written_whole() {
    let d = Dir::new("output");
    let out = d.path("out.txt");
    let doc = b"The first sentence. The second one. The third here.";
    let o = run(&["-n", "2", "-o", &out], doc);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "nothing on stdout with -o");
    let want = stdout(&run(&["-n", "2"], doc));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), want);
    // Some inputs failing (status 1): the others' output is written.
    let good = d.file("good.txt", doc);
    let o = run(&["split", "-o", &out, &good, &d.path("missing")], b"");
    assert_eq!(code(&o), 1);
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("The second one.\n"), "{written}");
    // `-o -` is stdout.
    let o = run(&["-n", "2", "-o", "-"], doc);
    assert_eq!(stdout(&o), want);
    assert_eq!(entries(&d), ["good.txt", "out.txt"]);
}

#[test]
fn output_file_survives_an_error() {
    let d = Dir::new("output-error");
    let out = d.file("out.txt", b"old contents\n");
    // A configuration error stops the run after the output was opened.
    for args in [&["--ratio", "1.5"][..], &["--position-weight", "9"]] {
        let o = run(&[args, &["-o", &out]].concat(), b"Some text. More.");
        assert_eq!(code(&o), 2);
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "old contents\n");
        assert_eq!(entries(&d), ["out.txt"], "no temporary file left");
    }
    // A directory as the output.
    let o = run(&["-o", &d.path("")], b"Some text.");
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("is a directory"), "{}", stderr(&o));
}

#[test]
fn output_file_survives_an_interrupt() {
    use std::io::Write;
    use std::process::Stdio;
    let d = Dir::new("output-kill");
    let out = d.file("out.jsonl", b"old contents\n");
    let mut child = gisty()
        .args(["--jsonl", "-o", &out])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let line = b"{\"id\":1,\"text\":\"A record. It is summarised.\"}\n";
    // More than the output buffer, so that output reaches the disk.
    for _ in 0..20_000 {
        stdin.write_all(line).unwrap();
    }
    stdin.flush().unwrap();
    // Wait until gisty has written part of its output (to its temporary
    // file), then kill it mid-run.
    let written = || {
        std::fs::read_dir(d.path("")).unwrap().filter_map(|e| e.ok()).any(
            |e| {
                e.file_name() != "out.jsonl" && e.metadata().unwrap().len() > 0
            },
        )
    };
    for _ in 0..6_000 {
        if written() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(written(), "gisty wrote to a temporary file, not out.jsonl");
    child.kill().unwrap();
    child.wait().unwrap();
    drop(stdin);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old contents\n");
}

#[test]
fn closed_pipe_in_batch_mode_ends_quietly() {
    use std::io::{BufRead, BufReader, Write};
    let mut child = spawn_piped(&["--jsonl"]);
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let line = b"{\"id\":1,\"text\":\"A record. It is summarised.\"}\n";
        for _ in 0..100_000 {
            if stdin.write_all(line).is_err() {
                break;
            }
        }
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(first.starts_with("{\"id\":1,"), "{first}");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// gisty with `args`, its standard streams piped.
fn spawn_piped(args: &[&str]) -> std::process::Child {
    use std::process::Stdio;
    gisty()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn entries(d: &Dir) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(d.path(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    v.sort();
    v
}

/// Memory does not grow with the number of JSON lines: the peak resident
/// memory (VmHWM, read while gisty still waits for more input) after
/// 120,000 records is within a few MB of that after 10,000, though the
/// input grew by about 14 MB and the output by more. Linux only (/proc).
#[cfg(target_os = "linux")]
#[test]
fn json_lines_stream_in_bounded_memory() {
    use std::io::{BufRead, BufReader, Write};
    let peak_kb = |records: usize| -> u64 {
        let mut child = spawn_piped(&["--jsonl", "-n", "1", "--jobs", "2"]);
        let mut stdin = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || {
            let mut input = Vec::new();
            for i in 0..records {
                let line = serde_json::json!({
                    "id": i,
                    "text": format!("Record {i} opens here. The council met \
                        on Monday. It approved the budget for the school.")
                });
                input.extend_from_slice(format!("{line}\n").as_bytes());
            }
            stdin.write_all(&input).unwrap();
            stdin.flush().unwrap();
            // Kept open: gisty is still running when it is measured.
            stdin
        });
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        for n in 0..records {
            line.clear();
            out.read_line(&mut line).unwrap();
            assert!(line.starts_with(&format!("{{\"id\":{n},")), "{line}");
        }
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", child.id()))
                .unwrap();
        let hwm = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().strip_suffix("kB"))
            .and_then(|v| v.trim().parse().ok())
            .expect("VmHWM in /proc/PID/status");
        drop(writer.join().unwrap());
        assert!(child.wait().unwrap().success());
        hwm
    };
    let small = peak_kb(10_000);
    let large = peak_kb(120_000);
    assert!(
        large < small + 6_000,
        "peak {large} kB for 120,000 records, {small} kB for 10,000"
    );
}
