//! Tests of the ROUGE scorer: pairs scored by hand, rouge-score's own
//! scores when ../shared is present, and arbitrary strings.

use proptest::prelude::*;

use super::{Metric, Prf, Rouge, tokenize};

/// Expected (precision, recall, f1) of ROUGE-1, ROUGE-2, ROUGE-L and
/// ROUGE-Lsum.
type Expected = [(f64, f64, f64); 4];

fn check(rouge: Rouge, cand: &str, refr: &str, want: Expected) {
    let got = rouge.score(cand, refr);
    for (m, (p, r, f)) in Metric::ALL.into_iter().zip(want) {
        let Prf { precision, recall, f1 } = got.get(m);
        for (name, g, w) in
            [("p", precision, p), ("r", recall, r), ("f", f1, f)]
        {
            assert!(
                (g - w).abs() < 1e-12,
                "{cand:?} vs {refr:?}: {} {name} = {g}, want {w}",
                m.name()
            );
        }
    }
}

const ONE: (f64, f64, f64) = (1.0, 1.0, 1.0);
const ZERO: (f64, f64, f64) = (0.0, 0.0, 0.0);

/// Pairs whose scores were worked out by hand (see each comment).
#[test]
fn hand_scored_pairs() {
    let plain = Rouge::new().stemmed(false);
    let stem = Rouge::new();
    // Identical texts.
    check(plain, "the cat sat", "the cat sat", [ONE; 4]);
    // Empty candidate, empty reference, both empty, punctuation only:
    // all zero (counts are clamped to 1, LCS of nothing is nothing).
    check(plain, "", "a b", [ZERO; 4]);
    check(plain, "a b", "", [ZERO; 4]);
    check(plain, "", "", [ZERO; 4]);
    check(plain, "...!", "a", [ZERO; 4]);
    // Case and punctuation do not matter.
    check(plain, "Hello, WORLD!!", "hello world", [ONE; 4]);
    // Same words, two swapped: no common bigram (ab bc cd / ac cb bd),
    // LCS 3 of 4 (a b d).
    let q = (0.75, 0.75, 0.75);
    check(plain, "a b c d", "a c b d", [ONE, ZERO, q, q]);
    // The same split in two sentences each: the union of the LCSs of "a
    // c" with "a b" (a) and with "c d" (c) is "a c", of "b d" is "b d":
    // 4 hits, so ROUGE-Lsum is 1 while ROUGE-L stays 3/4.
    check(plain, "a b\nc d", "a c\nb d", [ONE, ZERO, q, ONE]);
    // Double counting: reference "a a", candidate three lines "a".
    // ROUGE-1: 2 hits, P 2/3, R 1, F 0.8. ROUGE-2: candidate aa aa (across
    // the line breaks), reference aa: 1 hit, P 1/2, R 1, F 2/3. ROUGE-L:
    // LCS 2, as ROUGE-1. ROUGE-Lsum: each candidate line's LCS with "a a"
    // is the second "a" (backtracking from the end), so the union is one
    // token: P 1/3, R 1/2, F 0.4.
    check(
        plain,
        "a\na\na",
        "a a",
        [
            (2.0 / 3.0, 1.0, 0.8),
            (0.5, 1.0, 2.0 / 3.0),
            (2.0 / 3.0, 1.0, 0.8),
            (1.0 / 3.0, 0.5, 0.4),
        ],
    );
    // Stemming: candidate "the runner were run", reference "a runner
    // run" ("were" keeps its e: *o). 2 hits: P 1/2, R 2/3, F 4/7. No
    // common bigram. Unstemmed nothing matches.
    let s = (0.5, 2.0 / 3.0, 4.0 / 7.0);
    let cand = "The runners were running";
    let refr = "A runner runs.";
    check(stem, cand, refr, [s, ZERO, s, s]);
    check(plain, cand, refr, [ZERO; 4]);
    // Blank and punctuation-only lines change nothing.
    check(plain, "\n\na b\n--\n\nc d\n", "a c\n\nb d", [ONE, ZERO, q, ONE]);
}

#[test]
fn tokenizer_as_rouge_score() {
    assert_eq!(
        tokenize("Don't stop-believing, 2x4!", false),
        ["don", "t", "stop", "believing", "2x4"]
    );
    assert_eq!(
        tokenize("Don't stop-believing, 2x4!", true),
        ["don", "t", "stop", "believ", "2x4"]
    );
    // Python lowercases "İ" to "i" + U+0307, and the Kelvin sign to "k";
    // other letters outside ASCII separate tokens.
    assert_eq!(
        tokenize("İzmir café 5\u{212A}", false),
        ["i", "zmir", "caf", "5k"]
    );
    // Lowercase forms outside ASCII stay separators, as in Python
    // ("ǅ" -> "ǆ"; the "ﬁ" ligature has no lowercase).
    assert_eq!(tokenize("ǅemal ﬁne Ⅻ ①", false), ["emal", "ne"]);
    assert!(tokenize(" \t\n…", true).is_empty());
}

/// Every pair of ../shared/data/rouge-reference.jsonl (scores computed by
/// rouge-score 0.1.2), stemmed and unstemmed, to within 1e-6.
#[test]
fn agrees_with_rouge_score() {
    // ../shared beside the repository; GISTY_SHARED names it elsewhere
    // (from a worktree, say).
    let path = match std::env::var_os("GISTY_SHARED") {
        Some(dir) => {
            std::path::Path::new(&dir).join("data/rouge-reference.jsonl")
        }
        None => std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/rouge-reference.jsonl"
        ))
        .to_path_buf(),
    };
    let path = path.display();
    let Ok(data) = std::fs::read_to_string(path.to_string()) else {
        eprintln!("skipped: ../shared not present ({path})");
        return;
    };
    let metrics = [
        (Metric::Rouge1, "rouge1"),
        (Metric::Rouge2, "rouge2"),
        (Metric::RougeL, "rougeL"),
        (Metric::RougeLsum, "rougeLsum"),
    ];
    let mut pairs = 0;
    let mut worst = [0.0f64; 2];
    let mut failures = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{path}:{}: {e}", n + 1));
        let cand = v["candidate"].as_str().expect("candidate");
        let refr = v["reference"].as_str().expect("reference");
        pairs += 1;
        for (k, (mode, rouge)) in [
            ("stemmed", Rouge::new()),
            ("unstemmed", Rouge::new().stemmed(false)),
        ]
        .into_iter()
        .enumerate()
        {
            let got = rouge.score(cand, refr);
            for (m, name) in metrics {
                let want = &v[mode][name];
                let g = got.get(m);
                for (field, g) in
                    [("p", g.precision), ("r", g.recall), ("f", g.f1)]
                {
                    let w = want[field].as_f64().expect("score");
                    let d = (g - w).abs();
                    worst[k] = worst[k].max(d);
                    if d > 1e-6 {
                        failures.push(format!(
                            "line {} ({}): {mode} {name}.{field} = {g}, rouge-score {w}",
                            n + 1,
                            v["id"]
                        ));
                    }
                }
            }
        }
    }
    eprintln!(
        "rouge-reference: {pairs} pairs, max |diff| stemmed {:e}, unstemmed {:e}",
        worst[0], worst[1]
    );
    assert!(pairs > 0, "no pairs in {path}");
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

proptest! {
    #[test]
    fn any_strings_score_in_unit_interval(
        cand in "(?s).{0,200}",
        refr in "(?s)[a-zA-Z \\n.İ\u{212A}é]{0,200}",
        stemmed in any::<bool>(),
    ) {
        let s = Rouge::new().stemmed(stemmed).score(&cand, &refr);
        for m in Metric::ALL {
            let p = s.get(m);
            for v in [p.precision, p.recall, p.f1] {
                prop_assert!((0.0..=1.0).contains(&v), "{m:?} {p:?}");
            }
        }
        let same = Rouge::new().stemmed(stemmed).score(&refr, &refr);
        let tokens = tokenize(&refr, stemmed).len();
        for m in Metric::ALL {
            let needed = if m == Metric::Rouge2 { 2 } else { 1 };
            let want = if tokens >= needed { 1.0 } else { 0.0 };
            prop_assert_eq!(same.get(m).f1, want, "{:?}", m);
        }
    }

    #[test]
    fn stemmer_never_panics(word in "[a-z0-9y]{0,40}") {
        let _ = super::porter_stem(&word);
    }
}
