use crate::util::*;

const RECORDS: &str = r#"{"id":"a","text":"The port reopened on Monday. Ships queued for days. Dock workers cheered the news. The strike had lasted a month."}
{"id":7,"text":"Only one sentence here."}
{"id":{"nested":[1,2]},"text":"Rain fell. Rivers rose. Roads closed.","title":"Floods"}
{"text":"No id at all. Still summarised."}
"#;

#[test]
fn one_line_out_per_line_in_with_ids_echoed() {
    let o = run(&["--jsonl", "-n", "2"], RECORDS.as_bytes());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let lines = json_lines(&stdout(&o));
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[2]["id"], serde_json::json!({"nested": [1, 2]}));
    assert_eq!(lines[3]["id"], serde_json::Value::Null);
    let inputs: Vec<serde_json::Value> = json_lines(RECORDS);
    for (line, input) in lines.iter().zip(&inputs) {
        let text = input["text"].as_str().unwrap();
        let sentences = line["sentences"].as_array().unwrap();
        assert!(!sentences.is_empty() && sentences.len() <= 2);
        let mut joined = Vec::new();
        for s in sentences {
            let (a, b) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[a..b], s["text"].as_str().unwrap());
            joined.push(s["text"].as_str().unwrap());
        }
        assert_eq!(line["summary"], joined.join(" "));
    }
}

#[test]
fn bad_lines_give_error_records_and_exit_1() {
    let input = "{\"id\":1,\"text\":\"Good line. Fine.\"}\nnot json\n{\"id\":3}\n{\"id\":4,\"text\":42}\n\n{\"id\":6,\"text\":\"\\ud800\"}\n{\"id\":7,\"text\":\"Last. Good.\"}\n";
    let o = run(&["--jsonl"], input.as_bytes());
    assert_eq!(code(&o), 1);
    let lines = json_lines(&stdout(&o));
    assert_eq!(lines.len(), 7, "one output line per input line");
    let errors: Vec<u64> = lines
        .iter()
        .filter(|l| l.get("error").is_some())
        .map(|l| l["line"].as_u64().unwrap())
        .collect();
    assert_eq!(errors, [2, 3, 4, 5, 6]);
    assert_eq!(lines[2]["id"], 3, "the id is kept when it was read");
    assert_eq!(lines[6]["id"], 7);
    let err = stderr(&o);
    for n in [2, 3, 4, 5, 6] {
        assert!(err.contains(&format!("<stdin>: line {n}:")), "{err}");
    }
}

/// Four lines: line 2 holds a bad byte (0xfe) at byte 20 of the line,
/// line 4 two bad sequences from byte 20 (a truncated 3-byte sequence
/// and 0xff: 3 bytes).
fn bad_utf8_lines() -> Vec<u8> {
    let mut input =
        b"{\"id\":1,\"text\":\"Fine.\"}\n{\"id\":2,\"text\":\"bad ".to_vec();
    input.push(0xfe);
    input.extend_from_slice(
        b" byte. Next.\"}\n{\"id\":3,\"text\":\"Fine too.\"}\n",
    );
    input.extend_from_slice(
        b"{\"id\":4,\"text\":\"Two \xe2\x82 and \xff here.\"}\n",
    );
    input
}

#[test]
fn invalid_utf8_line_is_an_error_record() {
    for cmd in [&["--jsonl"][..], &["split", "--jsonl"]] {
        let o = run(cmd, &bad_utf8_lines());
        assert_eq!(code(&o), 1, "{cmd:?}");
        let lines = json_lines(&stdout(&o));
        assert_eq!(lines.len(), 4, "{cmd:?}");
        let want = [(1, 2, 20, "0xfe"), (3, 4, 20, "0xe2")];
        for (i, line, byte, value) in want {
            assert_eq!(lines[i]["line"], line, "{cmd:?}");
            assert_eq!(lines[i]["id"], serde_json::Value::Null);
            let e = lines[i]["error"].as_str().unwrap();
            let msg = format!(
                "invalid UTF-8 at byte {byte} of the line (byte {value}); \
                 --lossy replaces bad bytes"
            );
            assert_eq!(e, msg, "{cmd:?}");
            let err = stderr(&o);
            assert!(err.contains(&format!("<stdin>: line {line}: {msg}")));
        }
        assert_eq!(lines[2]["id"], 3);
        assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    }
}

#[test]
fn lossy_replaces_bad_bytes_in_lines_and_warns_per_line() {
    let o = run(&["--jsonl", "--lossy", "-n", "5"], &bad_utf8_lines());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let lines = json_lines(&stdout(&o));
    assert_eq!(lines.len(), 4);
    assert!(lines.iter().all(|l| l.get("error").is_none()));
    assert_eq!(lines[1]["id"], 2);
    assert_eq!(lines[1]["summary"], "bad \u{fffd} byte. Next.");
    assert_eq!(lines[3]["summary"], "Two \u{fffd} and \u{fffd} here.");
    let err = stderr(&o);
    let want = "gisty: warning: <stdin>: line 2: replaced 1 invalid UTF-8 \
                sequence (1 byte) with U+FFFD (the first at byte 20 of the \
                line)\n\
                gisty: warning: <stdin>: line 4: replaced 2 invalid UTF-8 \
                sequences (3 bytes) with U+FFFD (the first at byte 20 of \
                the line)\n";
    assert_eq!(err, want);
    // split --jsonl shares the reader: the same lines, the same warnings.
    let o = run(&["split", "--jsonl", "--lossy"], &bad_utf8_lines());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stderr(&o), want);
    let lines = json_lines(&stdout(&o));
    let texts: Vec<&str> = lines[1]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["bad \u{fffd} byte.", "Next."]);
    // A line that is not JSON after the replacement is still an error.
    let o = run(&["--jsonl", "--lossy"], b"{\"text\":\"a\"}\xff\n");
    assert_eq!(code(&o), 1);
    let lines = json_lines(&stdout(&o));
    assert!(lines[0]["error"].as_str().unwrap().contains("invalid JSON"));
    assert!(stderr(&o).contains("line 1: replaced 1 invalid UTF-8"));
}

#[test]
fn split_jsonl_contract() {
    let o = run(&["split", "--jsonl"], RECORDS.as_bytes());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let lines = json_lines(&stdout(&o));
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "a");
    let s = lines[0]["sentences"].as_array().unwrap();
    let texts: Vec<&str> =
        s.iter().map(|x| x["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts,
        [
            "The port reopened on Monday.",
            "Ships queued for days.",
            "Dock workers cheered the news.",
            "The strike had lasted a month."
        ]
    );
    assert_eq!(s[1]["start"], 29);
    assert_eq!(s[1]["end"], 51);
}

#[test]
fn crlf_lines_and_files_as_input() {
    let d = Dir::new("jsonl-files");
    let a = d.file("a.jsonl", b"{\"id\":1,\"text\":\"One. Two.\"}\r\n");
    let b = d.file("b.jsonl", b"{\"id\":2,\"text\":\"Three. Four.\"}");
    let o = run(&["--jsonl", &a, &b], b"");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let lines = json_lines(&stdout(&o));
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["id"], 2);
}

#[test]
fn byte_order_marks_in_json_lines() {
    // A UTF-8 byte-order mark is skipped: line 1 is read as JSON.
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(RECORDS.as_bytes());
    for cmd in [&["--jsonl", "-n", "2"][..], &["split", "--jsonl"]] {
        let o = run(cmd, &bom);
        assert_eq!(code(&o), 0, "{cmd:?}: {}", stderr(&o));
        let want = run(cmd, RECORDS.as_bytes());
        assert_eq!(stdout(&o), stdout(&want), "{cmd:?}");
    }
    // A UTF-16 file is refused with one message that names it (not an
    // error for every line); the other inputs go on.
    let d = Dir::new("jsonl-boms");
    let le: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(RECORDS.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let f16 = d.file("u16.jsonl", &le);
    let ok = d.file("ok.jsonl", b"{\"id\":1,\"text\":\"Fine.\"}\n");
    for cmd in [&["--jsonl"][..], &["split", "--jsonl"]] {
        let args: Vec<&str> =
            cmd.iter().copied().chain([f16.as_str(), ok.as_str()]).collect();
        let o = run(&args, b"");
        assert_eq!(code(&o), 1, "{cmd:?}");
        let lines = json_lines(&stdout(&o));
        assert_eq!(lines.len(), 1, "{cmd:?}");
        assert_eq!(lines[0]["id"], 1);
        assert_eq!(
            stderr(&o),
            format!(
                "gisty: {f16}: UTF-16 text (byte-order mark): JSON Lines \
                 must be UTF-8; convert it (iconv -f UTF-16 -t UTF-8)\n"
            )
        );
    }
}
