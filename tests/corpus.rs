use crate::util::*;

/// Boilerplate of the seed article's page that must never be picked.
const SEED_BOILERPLATE: &[&str] = &[
    "No time to read?",
    "Get a summary",
    "Azerbaijan-TikTok Restriction and Nagorno-Karabakh: Context",
    "Previous Article",
    "Next Article",
    "Apple iOS 17 Safety Feature",
    "Household Chemicals",
];

#[test]
fn seed_article_gives_three_body_sentences() {
    let path = corpus("seed-article.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    // The article body: from its first sentence to its last.
    let body_start = text.find("The Electronic Security Service").unwrap();
    let body_end = text.find("essential services.").unwrap() + 19;
    let o = run(&["-n", "3", "--format", "json", path.to_str().unwrap()], b"");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let picked = v["sentences"].as_array().unwrap();
    assert_eq!(picked.len(), 3);
    for s in picked {
        let t = s["text"].as_str().unwrap();
        let start = s["start"].as_u64().unwrap() as usize;
        assert!(start >= body_start && start < body_end, "{t}");
        assert!(t.ends_with('.'), "a whole sentence: {t}");
        assert!(t.starts_with(char::is_uppercase), "a whole sentence: {t}");
        for b in SEED_BOILERPLATE {
            assert!(!t.contains(b), "picked boilerplate {b:?}");
        }
    }
    let plain = run(&["-n", "3", path.to_str().unwrap()], b"");
    let out = stdout(&plain);
    for b in SEED_BOILERPLATE {
        assert!(!out.contains(b), "printed boilerplate {b:?}: {out}");
    }
}

#[test]
fn every_corpus_file_summarises_into_whole_sentences() {
    let dir = corpus("");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        n += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let o =
            run(&["-n", "2", "--format", "json", path.to_str().unwrap()], b"");
        assert_eq!(code(&o), 0, "{path:?}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let picked = v["sentences"].as_array().unwrap();
        assert_eq!(picked.len(), 2, "{path:?}");
        for s in picked {
            let a = s["start"].as_u64().unwrap() as usize;
            let b = s["end"].as_u64().unwrap() as usize;
            let t = &text[a..b];
            assert_eq!(t, s["text"].as_str().unwrap());
            let last = t.trim_end_matches(['"', '\'', '”', '’', ')']);
            assert!(last.ends_with(['.', '!', '?']), "{path:?}: {t}");
        }
    }
    assert!(n >= 5, "corpus has the documents it promises");
}

#[test]
fn crlf_document_keeps_crlf_out_of_sentences() {
    let path = corpus("crlf-press-release.txt");
    let o = run(&["split", path.to_str().unwrap()], b"");
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(!out.contains('\r'));
    assert!(
        out.lines().any(|l| l == "Weekend opening hours will stay the same.")
    );
    assert!(out.lines().any(|l| l == "PRESS RELEASE"));
}
