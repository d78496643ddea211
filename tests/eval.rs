//! `gisty eval`: ROUGE tables from pairs and from documents.

use crate::util::*;

/// Two pairs scored by hand (unstemmed): "a b c d" against "a c b d"
/// has ROUGE-1 1, ROUGE-2 0, ROUGE-L 3/4; "a b\nc d" against "a c\nb
/// d" the same but ROUGE-Lsum 1.
const PAIRS: &str =
    "{\"id\":1,\"candidate\":\"a b c d\",\"reference\":\"a c b d\"}
{\"id\":\"two\",\"candidate\":\"a b\\nc d\",\"reference\":\"a c\\nb d\"}
";

fn write(dir: &Dir, name: &str, text: &str) -> String {
    let path = dir.path(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn mean(v: &serde_json::Value, metric: &str, part: &str) -> f64 {
    v["systems"][0]["scores"][metric][part]["mean"].as_f64().unwrap()
}

#[test]
fn pairs_json_has_the_hand_scores() {
    let dir = Dir::new("eval-pairs");
    let pairs = write(&dir, "pairs.jsonl", PAIRS);
    let o = run(&["eval", &pairs, "--no-stem", "--json"], b"");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["count"], 2);
    assert_eq!(v["stemmed"], false);
    assert_eq!(mean(&v, "rouge1", "f1"), 1.0);
    assert_eq!(mean(&v, "rouge2", "f1"), 0.0);
    assert_eq!(mean(&v, "rougeL", "recall"), 0.75);
    assert_eq!(mean(&v, "rougeLsum", "precision"), 0.875);
    let lsum = &v["systems"][0]["scores"]["rougeLsum"]["f1"];
    assert_eq!(lsum["low"], 0.75);
    assert_eq!(lsum["high"], 1.0);
}

#[test]
fn pairs_table_from_stdin_is_deterministic() {
    let a = run(&["eval", "-"], PAIRS.as_bytes());
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let text = stdout(&a);
    assert!(text.starts_with("2 pairs from <stdin>; stemmed\n"), "{text}");
    assert!(text.contains("ROUGE-Lsum  P   87.50 [75.00, 100.00]"), "{text}");
    let b = run(&["eval", "-"], PAIRS.as_bytes());
    assert_eq!(stdout(&b), text);
}

#[test]
fn bad_lines_are_named_and_the_rest_scored() {
    let dir = Dir::new("eval-bad");
    let input = format!("{PAIRS}\nnot json\n{{\"candidate\":\"x\"}}\n");
    let pairs = write(&dir, "bad.jsonl", &input);
    let o = run(&["eval", &pairs, "--json"], b"");
    assert_eq!(code(&o), 1);
    let err = stderr(&o);
    assert!(err.contains("bad.jsonl: line 4: invalid line"), "{err}");
    assert!(
        err.contains("bad.jsonl: line 5: missing or null \"reference\""),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["count"], 2);
}

#[test]
fn missing_file_and_misplaced_options() {
    let o = run(&["eval", "/nonexistent/pairs.jsonl"], b"");
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("/nonexistent/pairs.jsonl"));
    let o = run(&["eval", "-", "-n", "2"], PAIRS.as_bytes());
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--data only"), "{}", stderr(&o));
    assert_eq!(code(&run(&["eval"], b"")), 2);
}

#[test]
fn data_scores_gisty_beside_lead() {
    let dir = Dir::new("eval-data");
    let doc = "The port reopened on Monday after a month. Ships queued \
               for days. Dock workers cheered the news. The strike had \
               lasted a month.";
    let line = serde_json::json!({
        "id": "a",
        "text": doc,
        "summary": "The port reopened on Monday. The strike lasted a month.",
    });
    let data = write(&dir, "data.jsonl", &format!("{line}\n"));
    let o = run(&["eval", "--data", &data, "-n", "1", "--json"], b"");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["budget"]["sentences"], 1);
    assert_eq!(v["systems"][0]["system"], "gisty");
    assert_eq!(v["systems"][1]["system"], "lead");
    assert_eq!(v["systems"][1]["label"], "lead-1");
    // lead-1 is the first sentence: 8 tokens, 7 of them in the 10-token
    // reference (all but "after"): P 7/8, R 7/10.
    let r1 = &v["systems"][1]["scores"]["rouge1"];
    let p = r1["precision"]["mean"].as_f64().unwrap();
    let r = r1["recall"]["mean"].as_f64().unwrap();
    assert!((p - 7.0 / 8.0).abs() < 1e-12, "{p}");
    assert!((r - 0.7).abs() < 1e-12, "{r}");
    let o = run(&["eval", "--data", &data, "-n", "1"], b"");
    assert!(stdout(&o).contains("gisty"), "{}", stdout(&o));
    assert!(stdout(&o).contains("lead-1"), "{}", stdout(&o));
}
