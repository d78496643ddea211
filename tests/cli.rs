use crate::util::*;

const DOC: &str = "\
Council Votes on Parks

The city council voted on Tuesday to double the budget for parks. The \
parks budget will rise to $4 million next year. Mr. Hale, who chairs the \
parks committee, said the money will pay for new trees and benches. \
Some members said the parks money should go to roads instead. The vote \
was eight to three.
";

#[test]
fn summarises_stdin_with_the_default_budget() {
    let o = run(&[], DOC.as_bytes());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "one paragraph: {out}");
    // Three sentences of the document, none of the title.
    let json = run(&["--format", "json"], DOC.as_bytes());
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let picked = v["sentences"].as_array().unwrap();
    assert_eq!(picked.len(), 3);
    assert_eq!(v["total_sentences"], 6);
    for s in picked {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&DOC[start..end], s["text"].as_str().unwrap());
        assert!(out.contains(s["text"].as_str().unwrap()));
        assert!(!s["text"].as_str().unwrap().contains("Council Votes"));
    }
}

#[test]
fn dash_reads_stdin() {
    let a = run(&["-n", "2"], DOC.as_bytes());
    let b = run(&["-n", "2", "-"], DOC.as_bytes());
    assert_eq!(code(&b), 0);
    assert_eq!(stdout(&a), stdout(&b));
}

#[test]
fn budgets() {
    let count = |args: &[&str]| {
        let o = run(&[args, &["--format", "json"]].concat(), DOC.as_bytes());
        assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["sentences"].as_array().unwrap().len()
    };
    assert_eq!(count(&["-n", "1"]), 1);
    assert_eq!(count(&["--sentences", "4"]), 4);
    assert_eq!(count(&["-n", "99"]), 5, "every sentence, no heading");
    assert_eq!(count(&["--ratio", "0.5"]), 3, "half of 5, rounded up");
    assert_eq!(count(&["--ratio", "1"]), 5);
    assert_eq!(count(&["--words", "1"]), 1, "never empty");
    assert!(count(&["--words", "30"]) >= 1);
}

#[test]
fn several_files_are_headed_by_name() {
    let d = Dir::new("several");
    let a = d.file("a.txt", DOC.as_bytes());
    let b = d.file("b.txt", b"Short document. It has two sentences.");
    let o = run(&["-n", "1", &a, &b], b"");
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(out.contains(&format!("==> {a} <==")), "{out}");
    assert!(out.contains(&format!("==> {b} <==")), "{out}");
    let json = run(&["-n", "1", "--format", "json", &a, &b], b"");
    let lines = json_lines(&stdout(&json));
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["file"], b.as_str());
}

#[test]
fn bad_files_are_reported_and_the_rest_go_on() {
    let d = Dir::new("bad");
    let good = d.file("good.txt", DOC.as_bytes());
    let mut bytes = b"Fine text here. Then a bad byte: ".to_vec();
    bytes.push(0xff);
    let bad = d.file("bad.txt", &bytes);
    let missing = d.path("missing.txt");
    let dir = d.path("");
    let o = run(&[&bad, &good, &missing, &dir], b"");
    assert_eq!(code(&o), 1, "some inputs failed");
    let err = stderr(&o);
    assert!(
        err.contains(&format!("{bad}: invalid UTF-8 at byte 33")),
        "{err}"
    );
    assert!(err.contains(&missing), "{err}");
    assert!(err.contains("is a directory"), "{err}");
    assert!(stdout(&o).contains("parks"), "the good file was summarised");
}

#[test]
fn byte_order_mark_is_skipped() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(b"One sentence here. Another one there.");
    let o = run(&["split"], &bytes);
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o), "One sentence here.\nAnother one there.\n");
}

#[test]
fn bad_options_exit_2_with_a_message() {
    let rows: &[(&[&str], &str)] = &[
        (&["-n", "0"], "--sentences"),
        (&["--ratio", "1.5"], "ratio"),
        (&["--ratio", "x"], "--ratio"),
        (&["--language", "klingon"], "klingon"),
        (&["--position-weight", "2"], "position weight"),
        (&["-n", "2", "--words", "5"], "cannot be used with"),
        (&["--no-such-flag"], "--no-such-flag"),
    ];
    for (args, needle) in rows {
        let o = run(args, DOC.as_bytes());
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(stderr(&o).contains(needle), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn help_documents_exit_codes_and_examples() {
    let o = run(&["--help"], b"");
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(out.contains("Exit status:"), "{out}");
    assert!(out.contains("--jsonl"), "{out}");
    let v = run(&["--version"], b"");
    assert!(stdout(&v).starts_with("gisty "));
}

#[test]
fn split_prints_one_sentence_per_line() {
    let o = run(&["split"], b"First one.\nStill first.\n\nSecond? Third!");
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o), "First one.\nStill first.\nSecond?\nThird!\n");
}

#[test]
fn closed_stdout_ends_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let big = "A sentence that repeats itself. ".repeat(200_000);
    let d = Dir::new("pipe");
    let f = d.file("big.txt", big.as_bytes());
    let mut child = gisty()
        .args(["split", &f])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is dropped here: gisty's next writes hit a closed pipe.
    let out = child.wait_with_output().unwrap();
    assert_eq!(first, "A sentence that repeats itself.\n");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
