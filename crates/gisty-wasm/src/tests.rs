//! Host tests of the bindings' logic: options, spans in both units, and
//! the shape of the objects JavaScript receives.

use proptest::prelude::*;
use serde_json::{Value, json};

use crate::api::{self, SplitOptions, SummarizeOptions};

const SEED: &str = include_str!("../../../corpus/seed-article.txt");

fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

fn summarize_opts(v: Value) -> Result<SummarizeOptions, String> {
    serde_json::from_value(v).map_err(|e| e.to_string())
}

#[test]
fn options_rows() {
    // (options as JavaScript would pass them, Ok(budget summary) or the
    // start of the error)
    let ok = |v: Value| summarize_opts(v).unwrap();
    assert_eq!(ok(json!({})), SummarizeOptions::default());
    assert_eq!(ok(json!({"sentences": 2})).sentences, Some(2));
    assert_eq!(ok(json!({"ratio": 0.5})).ratio, Some(0.5));
    assert_eq!(ok(json!({"words": 40})).words, Some(40));
    assert_eq!(
        ok(json!({"positionWeight": 0.25})).position_weight,
        Some(0.25)
    );
    assert_eq!(ok(json!({"sentences": null})).sentences, None);
    // Unknown fields (a typo, or the Rust name) are refused.
    for bad in [json!({"sentence": 2}), json!({"position_weight": 0.2})] {
        let e = summarize_opts(bad).unwrap_err();
        assert!(e.contains("unknown field"), "{e}");
    }
    assert!(summarize_opts(json!({"sentences": -1})).is_err());
    assert!(summarize_opts(json!({"sentences": "3"})).is_err());
}

#[test]
fn fields_are_the_names_serde_accepts() {
    // Every listed name deserialises, and serde's own list of names (in
    // its unknown-field error) is the listed one: the check in lib.rs and
    // the structs cannot drift apart.
    let listed = |fields: &[&str]| api::unknown_field("nope", fields).0;
    for &f in SummarizeOptions::FIELDS {
        let v = if f == "language" { json!("en") } else { json!(1) };
        serde_json::from_value::<SummarizeOptions>(json!({ (f): v })).unwrap();
    }
    let e = summarize_opts(json!({"nope": 1})).unwrap_err();
    assert!(e.starts_with(&listed(SummarizeOptions::FIELDS)), "{e}");
    let e = serde_json::from_value::<SplitOptions>(json!({"nope": 1}))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with(&listed(SplitOptions::FIELDS)), "{e}");
}

#[test]
fn option_errors_name_the_option() {
    let rows: &[(Value, &str)] = &[
        (json!({"sentences": 2, "words": 10}), "at most one"),
        (json!({"ratio": 0.5, "sentences": 1}), "at most one"),
        (json!({"chars": 50, "words": 1}), "at most one"),
        (json!({"ratio": 0}), "ratio"),
        (json!({"ratio": 1.5}), "ratio"),
        (json!({"positionWeight": 2}), "position weight"),
        (json!({"language": "klingon"}), "unknown language 'klingon'"),
    ];
    for (v, want) in rows {
        let opts = summarize_opts(v.clone()).unwrap();
        let err = api::summarize("One. Two.", &opts).unwrap_err();
        assert!(err.to_string().contains(want), "{v}: {err}");
    }
    let err = api::split("One.", &SplitOptions { language: Some("x".into()) })
        .unwrap_err();
    assert!(err.to_string().contains("unknown language"), "{err}");
    assert!(serde_json::from_value::<SplitOptions>(json!({"n": 1})).is_err());
}

#[test]
fn budgets_are_applied() {
    let text = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota. \
                Kappa lambda mu. Nu xi omicron.";
    let n = |v: Value| {
        api::summarize(text, &summarize_opts(v).unwrap())
            .unwrap()
            .sentences
            .len()
    };
    assert_eq!(n(json!({})), 3);
    assert_eq!(n(json!({"sentences": 2})), 2);
    assert_eq!(n(json!({"sentences": 99})), 5);
    assert_eq!(n(json!({"ratio": 0.3})), 2);
    assert_eq!(n(json!({"words": 6})), 2);
    // Each sentence has 15 to 19 characters: 35 hold two, never three.
    assert_eq!(n(json!({"chars": 35})), 2);
}

#[test]
fn seed_article_spans_agree_in_both_units() {
    let out = api::summarize(SEED, &SummarizeOptions::default()).unwrap();
    assert_eq!(out.sentences.len(), 3);
    assert!(out.total_sentences > 3);
    let mut last = 0;
    for p in &out.sentences {
        assert_eq!(p.text, &SEED[p.byte_start..p.byte_end]);
        assert_eq!(utf16_slice(SEED, p.utf16_start, p.utf16_end), p.text);
        assert!(p.index >= last);
        last = p.index;
        for boiler in ["No time to read?", "Get a summary", "Next Article"] {
            assert!(!p.text.contains(boiler), "{}", p.text);
        }
    }
    // The article has curly apostrophes before its picks, so the two
    // units differ; a test with equal offsets would prove nothing.
    let last = out.sentences.last().unwrap();
    assert!(last.utf16_start < last.byte_start);
    assert_eq!(
        out.summary,
        gisty::Summarizer::new()
            .summarize(SEED, gisty::Budget::default())
            .to_string()
    );
}

#[test]
fn split_spans_agree_with_the_library() {
    let got = api::split(SEED, &SplitOptions::default()).unwrap();
    let want = gisty::split(SEED, gisty::Language::English);
    assert_eq!(got.len(), want.len());
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g.index, i);
        assert_eq!((g.byte_start, g.byte_end), (w.span.start, w.span.end));
        assert_eq!(utf16_slice(SEED, g.utf16_start, g.utf16_end), g.text);
        let kind = match w.kind {
            gisty::SentenceKind::Text => "text",
            gisty::SentenceKind::Heading => "heading",
        };
        assert_eq!(g.kind, kind);
    }
    assert!(got.iter().any(|s| s.kind == "heading"));
}

#[test]
fn objects_have_the_documented_fields() {
    let out = api::summarize(SEED, &SummarizeOptions::default()).unwrap();
    let v = serde_json::to_value(&out).unwrap();
    let keys = |v: &Value| {
        let mut k: Vec<String> =
            v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&v), ["sentences", "summary", "totalSentences"]);
    assert_eq!(
        keys(&v["sentences"][0]),
        [
            "byteEnd",
            "byteStart",
            "index",
            "parts",
            "score",
            "text",
            "utf16End",
            "utf16Start"
        ]
    );
    assert_eq!(keys(&v["sentences"][0]["parts"]), ["content", "position"]);
    let s = serde_json::to_value(
        api::split("A title\n\nOne. Two.", &SplitOptions::default()).unwrap(),
    )
    .unwrap();
    assert_eq!(
        keys(&s[0]),
        [
            "byteEnd",
            "byteStart",
            "index",
            "kind",
            "text",
            "utf16End",
            "utf16Start"
        ]
    );
    assert_eq!(s[0]["kind"], "heading");
    assert_eq!(s[1]["kind"], "text");
}

#[test]
fn the_kept_summarizer_follows_the_options() {
    let english = SummarizeOptions::default();
    let german = SummarizeOptions {
        language: Some("de".into()),
        ..SummarizeOptions::default()
    };
    for opts in [&english, &german, &german, &english] {
        let want = opts
            .language
            .as_deref()
            .unwrap_or("english")
            .parse::<gisty::Language>()
            .unwrap();
        assert_eq!(opts.summarizer().unwrap().language(), want);
    }
    let weighted =
        SummarizeOptions { position_weight: Some(1.0), ..english.clone() };
    // Position alone: the lead sentences.
    let text =
        "Zeta eta theta. Alpha beta. Alpha beta gamma. Alpha beta delta.";
    let out = api::summarize(
        text,
        &SummarizeOptions { sentences: Some(1), ..weighted },
    )
    .unwrap();
    assert_eq!(out.sentences[0].index, 0);
}

proptest! {
    #[test]
    fn any_text_gives_slices_in_both_units(text in "\\PC{0,200}") {
        let out = api::summarize(&text, &SummarizeOptions::default()).unwrap();
        for p in &out.sentences {
            prop_assert_eq!(p.text, &text[p.byte_start..p.byte_end]);
            prop_assert_eq!(utf16_slice(&text, p.utf16_start, p.utf16_end), p.text);
        }
        for s in api::split(&text, &SplitOptions::default()).unwrap() {
            prop_assert_eq!(utf16_slice(&text, s.utf16_start, s.utf16_end), s.text);
        }
    }
}
