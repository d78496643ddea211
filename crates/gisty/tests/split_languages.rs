//! Sentence splitting in every language, table-driven: the cases in
//! `tests/split_cases/<code>.txt` (written for gisty: abbreviations of each
//! kind before names and numbers, abbreviations that end a sentence,
//! interjections inside dashes or brackets, dialogue with dashes), and the
//! per-language abbreviation data in `src/segment/abbrev/<code>.txt`.
//!
//! A case that today's splitter gets wrong is listed in
//! `tests/split_cases/known_failures.txt`. The test fails when a case
//! outside that list fails, and when a listed case passes (take it off the
//! list), so the list is always the exact set of today's failures. Run
//! with `--nocapture` for the table of passes per language.
//!
//! Case file format: `#` lines are comments; a case is a header line
//! `## KIND: DESCRIPTION` (the description is the case's id, unique in
//! its file), one text line `> TEXT` (`\n` stands for a line break), and
//! one line `= SENTENCE` per expected sentence.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use gisty::{Language, Splitter};

/// The kinds a case may have.
const KINDS: &[&str] = &[
    "title",
    "degree",
    "month",
    "day",
    "unit",
    "currency",
    "place",
    "legal",
    "biblio",
    "latin",
    "company",
    "ends",
    "interjection",
    "dialogue",
    "terminator",
];

/// The classes of an abbreviation in a data file.
const CLASSES: &[&str] = &["prefix", "number", "inner", "time"];

/// The categories of an abbreviation in a data file.
const CATEGORIES: &[&str] = &[
    "title", "degree", "month", "day", "unit", "currency", "place", "legal",
    "biblio", "latin", "company", "other",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

struct Case {
    kind: String,
    id: String,
    text: String,
    want: Vec<String>,
}

fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
}

/// The cases of one file; panics with the line number on a malformed one.
fn parse_cases(path: &Path) -> Vec<Case> {
    let src = fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out: Vec<Case> = Vec::new();
    let at = |n: usize| format!("{}:{}", path.display(), n + 1);
    for (n, line) in src.lines().enumerate() {
        if let Some(head) = line.strip_prefix("## ") {
            let (kind, id) = head
                .split_once(": ")
                .unwrap_or_else(|| panic!("{}: want `## KIND: ID`", at(n)));
            assert!(KINDS.contains(&kind), "{}: unknown kind {kind:?}", at(n));
            out.push(Case {
                kind: kind.to_string(),
                id: id.trim().to_string(),
                text: String::new(),
                want: Vec::new(),
            });
        } else if line.starts_with('#') || line.trim().is_empty() {
            continue;
        } else if let Some(text) = line.strip_prefix("> ") {
            let case = out.last_mut().unwrap_or_else(|| panic!("{}", at(n)));
            assert!(case.text.is_empty(), "{}: second text line", at(n));
            case.text = unescape(text);
        } else if let Some(s) = line.strip_prefix("= ") {
            let case = out.last_mut().unwrap_or_else(|| panic!("{}", at(n)));
            case.want.push(unescape(s).trim().to_string());
        } else {
            panic!("{}: line not understood: {line:?}", at(n));
        }
    }
    for c in &out {
        assert!(!c.text.is_empty(), "{}: {}: no text", path.display(), c.id);
        assert!(
            !c.want.is_empty(),
            "{}: {}: no sentence",
            path.display(),
            c.id
        );
        // The expected sentences are the text, cut: nothing added or lost.
        let squeeze = |s: &str| -> String {
            s.chars().filter(|c| !c.is_whitespace()).collect()
        };
        assert_eq!(
            squeeze(&c.want.concat()),
            squeeze(&c.text),
            "{}: {}: the sentences are not the text",
            path.display(),
            c.id
        );
    }
    out
}

/// The splitter's sentences of `text`, each trimmed.
fn split(lang: Language, text: &str) -> Vec<String> {
    Splitter::new(lang)
        .split(text)
        .iter()
        .map(|s| s.span.slice(text).trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The languages to test: all, or those whose codes are listed in
/// `GISTY_SPLIT_LANGS` (comma-separated), for a quicker look at a few.
fn languages() -> Vec<Language> {
    let only = std::env::var("GISTY_SPLIT_LANGS").unwrap_or_default();
    let only: Vec<&str> = only.split(',').filter(|s| !s.is_empty()).collect();
    Language::ALL
        .iter()
        .copied()
        .filter(|l| only.is_empty() || only.contains(&l.code()))
        .collect()
}

fn known_failures() -> BTreeSet<String> {
    let path = root().join("tests/split_cases/known_failures.txt");
    let src = fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_language_has_ten_cases_of_its_own() {
    for lang in languages() {
        let path =
            root().join(format!("tests/split_cases/{}.txt", lang.code()));
        let cases = parse_cases(&path);
        assert!(
            cases.len() >= 10,
            "{}: {} cases, want at least 10",
            path.display(),
            cases.len()
        );
        let ids: BTreeSet<&str> =
            cases.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids.len(),
            cases.len(),
            "{}: ids not unique",
            path.display()
        );
    }
}

#[test]
fn cases_pass_except_the_known_failures() {
    let known = known_failures();
    let mut seen = BTreeSet::new();
    let mut unexpected = Vec::new();
    let mut fixed = Vec::new();
    let mut table: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let langs = languages();
    for &lang in &langs {
        let path =
            root().join(format!("tests/split_cases/{}.txt", lang.code()));
        for case in parse_cases(&path) {
            let id = format!("{}: {}", lang.code(), case.id);
            let got = split(lang, &case.text);
            let pass = got == case.want;
            let row = table.entry(lang.code()).or_default();
            row.1 += 1;
            if pass {
                row.0 += 1;
            }
            let listed = known.contains(&id);
            seen.insert(id.clone());
            match (pass, listed) {
                (false, false) => unexpected.push(format!(
                    "{id} [{}]\n  text: {:?}\n  want: {:?}\n  got:  {:?}",
                    case.kind, case.text, case.want, got
                )),
                (true, true) => fixed.push(id),
                _ => {}
            }
        }
    }
    let (mut pass, mut all) = (0, 0);
    println!("lang  pass/cases");
    for (code, (p, n)) in &table {
        println!(
            "{code:<5} {p:>3}/{n:<3} {:>5.1}%",
            100.0 * *p as f64 / *n as f64
        );
        pass += p;
        all += n;
    }
    println!("all   {pass}/{all}; {} known failures", all - pass);
    let tested = |id: &&String| {
        langs.iter().any(|l| id.starts_with(&format!("{}: ", l.code())))
    };
    let stale: Vec<&String> = known.difference(&seen).filter(tested).collect();
    assert!(stale.is_empty(), "known failures that are no case: {stale:?}");
    assert!(
        fixed.is_empty() && unexpected.is_empty(),
        "{} cases pass now: take them off known_failures.txt:\n{}\n\
         {} cases fail that are not known failures:\n{}",
        fixed.len(),
        fixed.join("\n"),
        unexpected.len(),
        unexpected.join("\n")
    );
}

/// One entry of a data file.
struct Entry {
    class: String,
    category: String,
    word: String,
}

/// The entries of a data file; panics with the line number on a malformed
/// line. The format is described in each file's header.
fn parse_data(path: &Path) -> (String, Vec<Entry>) {
    let src = fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut header = String::new();
    let mut out = Vec::new();
    for (n, line) in src.lines().enumerate() {
        let at = format!("{}:{}", path.display(), n + 1);
        let line = line.trim_end();
        if let Some(c) = line.strip_prefix('#') {
            header.push_str(c);
            header.push('\n');
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let (head, words) =
            line.split_once(':').unwrap_or_else(|| panic!("{at}: no `:`"));
        let mut head = head.split_whitespace();
        let class = head.next().unwrap_or_default();
        let category = head.next().unwrap_or_default();
        assert!(CLASSES.contains(&class), "{at}: unknown class {class:?}");
        assert!(
            CATEGORIES.contains(&category),
            "{at}: unknown category {category:?}"
        );
        assert!(head.next().is_none(), "{at}: want `CLASS CATEGORY: words`");
        for w in words.split_whitespace() {
            assert_eq!(w, w.to_lowercase(), "{at}: {w:?} is not lowercase");
            assert!(!w.ends_with('.'), "{at}: {w:?} keeps its final period");
            out.push(Entry {
                class: class.to_string(),
                category: category.to_string(),
                word: w.to_string(),
            });
        }
    }
    (header, out)
}

#[test]
fn every_language_has_abbreviation_data_with_its_sources() {
    let mut report = Vec::new();
    for lang in languages() {
        let path =
            root().join(format!("src/segment/abbrev/{}.txt", lang.code()));
        let (header, entries) = parse_data(&path);
        assert!(
            header.contains("Sources") && header.contains("icen"),
            "{}: the header names no sources and licences",
            path.display()
        );
        // One class per word: the splitter must get one answer.
        let mut class: BTreeMap<&str, &str> = BTreeMap::new();
        for e in &entries {
            if let Some(old) = class.insert(&e.word, &e.class) {
                assert_eq!(
                    old,
                    e.class,
                    "{}: {:?} is both {old} and {}",
                    path.display(),
                    e.word,
                    e.class
                );
            }
        }
        let mut by: BTreeMap<&str, usize> = BTreeMap::new();
        for e in &entries {
            *by.entry(&e.class).or_default() += 1;
        }
        let cats: BTreeSet<&str> =
            entries.iter().map(|e| e.category.as_str()).collect();
        report.push(format!(
            "{:<3} {:>4} entries  {:?}  categories {}",
            lang.code(),
            entries.len(),
            by,
            cats.len()
        ));
    }
    println!("{}", report.join("\n"));
}
