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

#[test]
fn invalid_utf8_line_is_an_error_record() {
    let mut input =
        b"{\"id\":1,\"text\":\"Fine.\"}\n{\"id\":2,\"text\":\"bad ".to_vec();
    input.push(0xfe);
    input.extend_from_slice(b"\"}\n{\"id\":3,\"text\":\"Fine too.\"}\n");
    let o = run(&["--jsonl"], &input);
    assert_eq!(code(&o), 1);
    let lines = json_lines(&stdout(&o));
    assert_eq!(lines.len(), 3);
    assert!(lines[1]["error"].as_str().unwrap().contains("UTF-8 at byte 20"));
    assert_eq!(lines[2]["id"], 3);
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
