//! Languages: `--language auto` on a news document written for gisty in
//! each of 21 languages, fixed languages, JSON reports, user stop words
//! and abbreviations.

use serde_json::Value;

use crate::util::{Dir, code, corpus, json_lines, run, stderr, stdout};

/// (ISO 639-1 code, the name gisty reports) of each document in
/// `corpus/lang/`: the 18 Snowball languages, then Chinese, Japanese
/// and Hindi.
const DOCUMENTS: &[(&str, &str)] = &[
    ("ar", "arabic"),
    ("da", "danish"),
    ("nl", "dutch"),
    ("en", "english"),
    ("fi", "finnish"),
    ("fr", "french"),
    ("de", "german"),
    ("el", "greek"),
    ("hu", "hungarian"),
    ("it", "italian"),
    ("no", "norwegian"),
    ("pt", "portuguese"),
    ("ro", "romanian"),
    ("ru", "russian"),
    ("es", "spanish"),
    ("sv", "swedish"),
    ("ta", "tamil"),
    ("tr", "turkish"),
    ("zh", "chinese"),
    ("ja", "japanese"),
    ("hi", "hindi"),
];

fn path(code: &str) -> String {
    corpus(&format!("lang/{code}.txt")).to_str().unwrap().to_string()
}

/// White space folded to single spaces, as `gisty split` prints.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Ends like a whole sentence: a full stop, question or exclamation
/// mark of any script, possibly inside closing quotes. The Arabic comma
/// is there because the splitter ends Arabic segments at it, as the
/// Arabic golden rules (pySBD) count them.
fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '”', '’', '»', '」', '』', ')']);
    t.ends_with(['.', '!', '?', '。', '！', '？', '।', '؟', '،'])
}

/// The one JSON object of a `--format json` run.
fn json(args: &[&str]) -> Value {
    let o = run(args, b"");
    assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
    let mut lines = json_lines(&stdout(&o));
    assert_eq!(lines.len(), 1, "{args:?}");
    lines.remove(0)
}

#[test]
fn auto_detects_each_language_and_picks_whole_sentences() {
    let mut failures = Vec::new();
    for &(lang, name) in DOCUMENTS {
        let file = path(lang);
        let text = std::fs::read_to_string(&file).unwrap();
        let doc = json(&["--format", "json", "-n", "3", &file]);
        if doc["language"] != name || doc["language_detected"] != true {
            failures.push(format!(
                "{lang}: detected {} ({})",
                doc["language"], doc["language_detected"]
            ));
            continue;
        }
        // The document's sentences, split with the language's rules.
        let o = run(&["split", "--language", lang, &file], b"");
        assert_eq!(code(&o), 0, "{lang}");
        let split = stdout(&o);
        let sentences: Vec<&str> = split.lines().collect();
        let picked = doc["sentences"].as_array().unwrap();
        if picked.len() != 3 {
            failures.push(format!("{lang}: {} sentences", picked.len()));
        }
        for p in picked {
            let (start, end) = (
                p["start"].as_u64().unwrap() as usize,
                p["end"].as_u64().unwrap() as usize,
            );
            let s = p["text"].as_str().unwrap();
            if text.get(start..end) != Some(s) {
                failures.push(format!("{lang}: span {start}..{end} != {s:?}"));
            }
            if !sentences.contains(&fold(s).as_str()) || !ends_sentence(s) {
                failures.push(format!("{lang}: not a whole sentence: {s:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn auto_is_the_default_and_a_fixed_language_is_not_detected() {
    let file = path("de");
    // (arguments, language reported, detected)
    let rows: &[(&[&str], &str, bool)] = &[
        (&[], "german", true),
        (&["--language", "auto"], "german", true),
        (&["--language", "de"], "german", false),
        (&["-l", "German"], "german", false),
        // A wrong language is used as told, not corrected.
        (&["--language", "fr"], "french", false),
    ];
    for (args, name, detected) in rows {
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        all.push(&file);
        let doc = json(&all);
        assert_eq!(doc["language"], *name, "{args:?}");
        assert_eq!(doc["language_detected"], *detected, "{args:?}");
    }
}

#[test]
fn jsonl_reports_each_lines_language() {
    let mut input = String::new();
    let codes = ["fr", "ja", "ru", "en"];
    for (i, code) in codes.iter().enumerate() {
        let text = std::fs::read_to_string(path(code)).unwrap();
        let line = serde_json::json!({"id": i, "text": text});
        input.push_str(&format!("{line}\n"));
    }
    input.push_str("{\"id\":\"digits\",\"text\":\"12 34. 56 78.\"}\n");
    let o = run(&["--jsonl", "-n", "2"], input.as_bytes());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let lines = json_lines(&stdout(&o));
    let want = [
        ("french", true),
        ("japanese", true),
        ("russian", true),
        ("english", true),
    ];
    assert_eq!(lines.len(), want.len() + 1);
    for (line, (name, detected)) in lines.iter().zip(want) {
        assert_eq!(line["language"], name, "{line}");
        assert_eq!(line["language_detected"], detected);
        assert!(!line["summary"].as_str().unwrap().is_empty());
    }
    // No letters: no language, still a summary.
    let last = &lines[4];
    assert_eq!(last["id"], "digits");
    assert_eq!(last["language"], Value::Null);
    assert_eq!(last["language_detected"], false);
    assert_eq!(last["sentences"].as_array().unwrap().len(), 2);
}

/// The content score of each sentence, with position left out.
fn scores(args: &[&str], text: &str) -> Vec<f64> {
    let dir = Dir::new("scores");
    let file = dir.file("doc.txt", text.as_bytes());
    let mut all =
        vec!["--format", "json", "--position-weight", "0", "-n", "9"];
    all.extend_from_slice(args);
    all.push(&file);
    json(&all)["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["score"].as_f64().unwrap())
        .collect()
}

#[test]
fn stop_words_file_merges_or_replaces() {
    let dir = Dir::new("stop-words");
    let list =
        dir.file("stop.txt", "# mine\nAlpha\n\n beta \ngamma\n".as_bytes());
    let text = "The and of. Alpha beta gamma. Delta epsilon zeta.";
    // (arguments, sentence 0 "The and of" scores, sentence 1 scores)
    let rows: &[(&[&str], bool, bool)] = &[
        (&["-l", "en"], false, true),
        (&["-l", "en", "--stop-words", &list], false, false),
        (
            &["-l", "en", "--stop-words", &list, "--replace-stop-words"],
            true,
            false,
        ),
    ];
    for (args, first, second) in rows {
        let s = scores(args, text);
        assert_eq!(s.len(), 3, "{args:?}");
        assert_eq!(s[0] > 0.0, *first, "{args:?}: {s:?}");
        assert_eq!(s[1] > 0.0, *second, "{args:?}: {s:?}");
        assert!(s[2] > 0.0, "{args:?}: {s:?}");
    }
}

#[test]
fn abbreviations_file_keeps_sentences_together() {
    let dir = Dir::new("abbreviations");
    let list = dir.file("abbr.txt", b"# units\nabt.\nBldg\n");
    let doc =
        dir.file("doc.txt", b"It costs abt. Ten euros in Bldg. Four. Fine.\n");
    let o = run(&["split", "-l", "en", &doc], b"");
    assert_eq!(stdout(&o).lines().count(), 4, "{}", stdout(&o));
    let o = run(&["split", "-l", "en", "--abbreviations", &list, &doc], b"");
    assert_eq!(stdout(&o), "It costs abt. Ten euros in Bldg. Four.\nFine.\n");
    let o = run(&["-n", "1", "--abbreviations", &list, &doc], b"");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(!stdout(&o).trim_end().ends_with("abt."));
}

#[test]
fn word_list_and_language_errors() {
    let dir = Dir::new("list-errors");
    let missing = dir.path("missing.txt");
    // (arguments, exit code, stderr fragment)
    let rows: &[(&[&str], i32, &str)] = &[
        (&["--stop-words", &missing], 2, "--stop-words"),
        (&["--abbreviations", &missing], 2, "--abbreviations"),
        (&["--replace-stop-words"], 2, "--stop-words"),
        (&["--language", "xx"], 2, "auto"),
    ];
    for (args, want, fragment) in rows {
        let o = run(args, b"Some text here.");
        assert_eq!(code(&o), *want, "{args:?}");
        assert!(stderr(&o).contains(fragment), "{args:?}: {}", stderr(&o));
    }
}
