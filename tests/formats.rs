//! Issue 8: output formats, budgets of characters and sentence length,
//! focus, directories, HTML pages, progress, completions and man page.

use std::process::{Output, Stdio};

use crate::util::*;

const DOC: &str = "\
Harbour Bridge Reopens

The harbour bridge reopened to traffic on Monday after a two-year
repair. Engineers replaced the bridge's cables and resurfaced its deck.
Dr. Ana Ruiz, who led the repair, said the bridge would last fifty
years. Ferry operators said they expect fewer passengers now. The
weather was cold. Local shops hope the bridge brings more customers
back to the old town.
";

/// The picked sentences, as `--format json` gives them.
fn picked(args: &[&str], stdin: &[u8]) -> Vec<serde_json::Value> {
    let o = run(&[args, &["--format", "json"]].concat(), stdin);
    assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["sentences"].as_array().unwrap().clone()
}

fn texts(picked: &[serde_json::Value]) -> Vec<String> {
    picked.iter().map(|s| fold(s["text"].as_str().unwrap())).collect()
}

/// White space folded, as gisty prints sentences.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs gisty with extra environment variables.
fn run_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = gisty();
    cmd.args(args).env_remove("NO_COLOR").stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("gisty runs")
}

/// Runs `gisty ARGS` with a terminal as stdin, stdout and stderr (through
/// util-linux's `script`), returning what the terminal showed; `None`
/// where `script` is not installed. `script` now and then shows nothing
/// of a command that ends at once, so an empty screen is tried again.
fn on_terminal(args: &str, env: &[(&str, &str)]) -> Option<String> {
    let mut shown = String::new();
    for _ in 0..4 {
        shown = terminal_once(args, env)?;
        if !shown.is_empty() {
            break;
        }
    }
    Some(shown)
}

fn terminal_once(args: &str, env: &[(&str, &str)]) -> Option<String> {
    use std::io::Read;
    let bin = env!("CARGO_BIN_EXE_gisty");
    let mut cmd = std::process::Command::new("script");
    let line = format!("{bin} {args}; s=$?; sleep 0.1; exit $s");
    // A terminal says what it is: indicatif draws nothing when TERM is
    // unset or "dumb", as it is on CI machines.
    cmd.args(["-qec", &line, "/dev/null"])
        .env_remove("NO_COLOR")
        .env("TERM", "xterm")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().ok()?;
    // stdin stays open until gisty is done.
    let stdin = child.stdin.take();
    let mut shown = String::new();
    child.stdout.take()?.read_to_string(&mut shown).ok()?;
    let status = child.wait().ok()?;
    drop(stdin);
    status.success().then_some(shown)
}

#[test]
fn markdown_has_the_heading_and_one_bullet_per_sentence() {
    let want = texts(&picked(&["-n", "3"], DOC.as_bytes()));
    let o = run(&["-n", "3", "--format", "markdown"], DOC.as_bytes());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("## Get a summary"));
    assert_eq!(lines.next(), Some(""));
    let bullets: Vec<String> =
        lines.map(|l| l.strip_prefix("- ").unwrap().to_string()).collect();
    assert_eq!(bullets, want);
}

#[test]
fn markdown_of_several_files_is_headed_by_their_names() {
    let d = Dir::new("md-several");
    let a = d.file("a.txt", DOC.as_bytes());
    let b = d.file("b.txt", b"One short text. It has two sentences.");
    let o = run(&["-n", "1", "--format", "markdown", &a, &b], b"");
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    let headings: Vec<&str> =
        out.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        [
            format!("# {a}").as_str(),
            "## Get a summary",
            format!("# {b}").as_str(),
            "## Get a summary"
        ]
    );
}

#[test]
fn jsonl_format_gives_one_line_per_document() {
    let d = Dir::new("jsonl-format");
    let a = d.file("a.txt", DOC.as_bytes());
    let b = d.file("b.txt", b"One short text. It has two sentences.");
    let o = run(&["-n", "2", "--format", "jsonl", &a, &b, "-"], b"Stdin.");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let lines = json_lines(&stdout(&o));
    assert_eq!(lines.len(), 3);
    let files: Vec<&str> =
        lines.iter().map(|l| l["file"].as_str().unwrap()).collect();
    assert_eq!(files, [a.as_str(), b.as_str(), "<stdin>"]);
    // Each line agrees with the text and JSON formats of the same file.
    for (line, file) in lines.iter().zip([&a, &b]) {
        let text = run(&["-n", "2", file], b"");
        assert_eq!(line["summary"].as_str().unwrap(), stdout(&text).trim());
        let sentences = line["sentences"].as_array().unwrap();
        assert_eq!(texts(sentences), texts(&picked(&["-n", "2", file], b"")));
        assert!(line["total_sentences"].as_u64().unwrap() >= 2);
    }
}

/// `--format highlight` with `marks`: the document comes back whole once
/// the marks are taken out, and what is marked is the picked sentences.
fn check_highlight(out: &str, open: &str, close: &str) {
    let picked = texts(&picked(&["-n", "2"], DOC.as_bytes()));
    assert_eq!(out.replace(open, "").replace(close, ""), DOC);
    let mut marked = Vec::new();
    let mut rest = out;
    while let Some(a) = rest.find(open) {
        let a = a + open.len();
        let b = rest[a..].find(close).unwrap() + a;
        marked.push(&rest[a..b]);
        rest = &rest[b + close.len()..];
    }
    // A sentence over two lines is marked line by line.
    let joined = fold(&marked.join(" "));
    assert_eq!(joined, picked.join(" "));
    assert!(!marked.iter().any(|m| m.contains('\n')));
}

#[test]
fn highlight_marks_the_picked_sentences_in_the_whole_text() {
    let dir = Dir::new("highlight");
    let f = dir.file("doc.txt", DOC.as_bytes());
    // Not a terminal: Markdown bold, unless colour is asked for.
    for args in [&["--color", "never"][..], &["--color", "auto"], &[]] {
        let o = run_env(
            &[&["-n", "2", "--format", "highlight", &f], args].concat(),
            &[("NO_COLOR", "")],
        );
        assert_eq!(code(&o), 0);
        check_highlight(&stdout(&o), "**", "**");
    }
    let args = ["-n", "2", "--format", "highlight", "--color", "always", &f];
    // --color always beats NO_COLOR.
    for env in [&[][..], &[("NO_COLOR", "1")]] {
        let o = run_env(&args, env);
        assert_eq!(code(&o), 0);
        check_highlight(&stdout(&o), "\x1b[1;33m", "\x1b[0m");
    }
}

#[test]
fn highlight_on_a_terminal_colours_unless_no_color() {
    let dir = Dir::new("highlight-tty");
    let f = dir.file("doc.txt", DOC.as_bytes());
    let args = format!("-n 2 --format highlight {f}");
    let Some(colour) = on_terminal(&args, &[]) else {
        eprintln!("skipped: util-linux 'script' is not installed");
        return;
    };
    assert!(colour.contains("\x1b[1;33m"), "{colour:?}");
    let bold = on_terminal(&args, &[("NO_COLOR", "1")]).unwrap();
    assert!(bold.contains("\x1b[1m") && !bold.contains("\x1b[1;33m"));
    // An empty NO_COLOR does not count.
    let empty = on_terminal(&args, &[("NO_COLOR", "")]).unwrap();
    assert!(empty.contains("\x1b[1;33m"));
    let never = on_terminal(&format!("--color never {args}"), &[]).unwrap();
    assert!(never.contains("**") && !never.contains('\x1b'), "{never:?}");
}

#[test]
fn chars_budget_keeps_whole_sentences_within_the_limit() {
    let split = run(&["split"], DOC.as_bytes());
    let sentences: Vec<String> = stdout(&split).lines().map(fold).collect();
    let mut sizes = Vec::new();
    for n in [0, 1, 20, 60, 100, 150, 250, 400, 10_000] {
        let o = run(&["--chars", &n.to_string()], DOC.as_bytes());
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let out = stdout(&o);
        let out = out.trim_end_matches('\n');
        let got = texts(&picked(&["--chars", &n.to_string()], DOC.as_bytes()));
        assert!(!got.is_empty(), "never empty ({n})");
        assert_eq!(out, got.join(" "));
        assert!(
            out.chars().count() <= n || got.len() == 1,
            "{n}: {} chars in {out:?}",
            out.chars().count()
        );
        for s in &got {
            assert!(sentences.contains(s), "whole sentences only: {s}");
        }
        sizes.push(got.len());
    }
    assert!(sizes.windows(2).all(|w| w[0] <= w[1]), "{sizes:?}");
    assert_eq!(*sizes.last().unwrap(), sentences.len() - 1, "all but title");
}

#[test]
fn sentence_length_limits() {
    let words = |s: &str| s.split_whitespace().count();
    let long = picked(&["-n", "9", "--min-words", "10"], DOC.as_bytes());
    assert!(!long.is_empty());
    assert!(texts(&long).iter().all(|s| words(s) >= 10), "{long:?}");
    let short = picked(
        &["-n", "9", "--max-words", "8", "--min-words", "4"],
        DOC.as_bytes(),
    );
    assert!(!short.is_empty());
    assert!(texts(&short).iter().all(|s| (4..=8).contains(&words(s))));
    // Limits no sentence meets are set aside rather than print nothing.
    let none = picked(&["-n", "1", "--min-words", "500"], DOC.as_bytes());
    assert_eq!(none.len(), 1);
    let o = run(&["--min-words", "9", "--max-words", "3"], DOC.as_bytes());
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--min-words"), "{}", stderr(&o));
}

#[test]
fn focus_favours_sentences_with_the_terms() {
    let plain = texts(&picked(&["-n", "1"], DOC.as_bytes()));
    for (focus, word) in [("ferries", "Ferry"), ("shop customers", "shops")] {
        let got =
            texts(&picked(&["-n", "1", "--focus", focus], DOC.as_bytes()));
        assert_ne!(got, plain, "{focus}");
        assert!(got[0].contains(word), "{focus}: {got:?}");
    }
    let o = run(&["--focus", "the of and"], DOC.as_bytes());
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("focus"), "{}", stderr(&o));
}

#[test]
fn recursive_directories_in_sorted_order() {
    let d = Dir::new("recursive");
    let b = d.file("b.txt", b"Bees make honey. Honey is sweet.");
    std::fs::create_dir_all(d.path("a/deeper")).unwrap();
    let a2 = d.file("a/deeper/z.txt", b"Zebras run fast. They have stripes.");
    let a1 = d.file("a/x.txt", b"Ants carry leaves. Leaves feed fungus.");
    d.file("a/.hidden.txt", b"Hidden files are skipped. Always.");
    let root = d.path("");
    let o = run(&["-r", "-n", "1", "--format", "jsonl", &root], b"");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let files: Vec<String> = json_lines(&stdout(&o))
        .iter()
        .map(|l| l["file"].as_str().unwrap().to_string())
        .collect();
    let norm = |p: &str| std::path::PathBuf::from(p);
    let got: Vec<_> = files.iter().map(|f| norm(f)).collect();
    assert_eq!(got, [norm(&a2), norm(&a1), norm(&b)]);
    // The same order every time, and for `split` too.
    let again = run(&["-r", "-n", "1", "--format", "jsonl", &root], b"");
    assert_eq!(again.stdout, o.stdout);
    let split = run(&["split", "-r", &root], b"");
    assert_eq!(stdout(&split).matches("==> ").count(), 3);
    // Without -r a directory is an error, reported, exit 1.
    let o = run(&[&root], b"");
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("is a directory"));
}

/// Boilerplate of the news page: none of it may reach the text.
const PAGE_BOILERPLATE: &[&str] = &[
    "No time to read?",
    "Get a summary",
    "Previous Article",
    "Next Article",
    "Apple iOS 17",
    "Household Chemicals",
    "cookies",
    "Tracking code",
    "Summaries are generated",
    "Meridian Ledger",
    "Most read",
    "Markets close higher",
    "Advertisement",
    "ergonomic chairs",
    "Photo courtesy",
    "Sign in to join",
    "morning briefing",
    "Ceasefire monitors",
    "Share this article",
    "World",
];

#[test]
fn news_page_summarises_as_its_plain_text_does() {
    let page = corpus("news-page.html");
    let page = page.to_str().unwrap();
    let seed = corpus("seed-article.txt");
    let seed = seed.to_str().unwrap();
    for n in ["1", "3", "5"] {
        let from_html = texts(&picked(&["-n", n, page], b""));
        let from_text = texts(&picked(&["-n", n, seed], b""));
        assert_eq!(from_html, from_text, "-n {n}");
    }
    // The extracted text is the title and the article's body alone.
    let split = stdout(&run(&["split", page], b""));
    for b in PAGE_BOILERPLATE {
        assert!(!split.contains(b), "kept boilerplate {b:?}:\n{split}");
    }
    let seed_text = std::fs::read_to_string(seed).unwrap();
    for sentence in split.lines() {
        assert!(
            seed_text.contains(sentence),
            "not in the article: {sentence}"
        );
    }
    let body = stdout(&run(&["split", seed], b""));
    let first = "The Electronic Security Service of Azerbaijan’s";
    let last = "access to essential services.";
    let a = body.find(first).unwrap();
    let z = body.find(last).unwrap() + last.len();
    assert!(split.contains(&body[a..z]), "the whole body, in order");
}

#[test]
fn news_page_title_and_stdin_detection() {
    let path = corpus("news-page.html");
    let html = std::fs::read(&path).unwrap();
    let title = "Azerbaijan-TikTok Restriction and Nagorno-Karabakh: \
                 Context, History and Current Developments";
    let o = run(&["--format", "json", path.to_str().unwrap()], b"");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["title"], title, "the <h1>, without the site's name");
    // On stdin, the page is recognised by its doctype.
    let from_stdin = run(&["--format", "json"], &html);
    assert_eq!(from_stdin.stdout, o.stdout);
    let md = stdout(&run(&["--format", "markdown"], &html));
    assert!(md.starts_with(&format!("# {title}\n\n## Get a summary\n")));
    // Plain text that mentions tags is not HTML.
    let plain = b"Use the <p> tag for paragraphs. It is simple.";
    let o = run(&["-n", "1"], plain);
    assert!(stdout(&o).contains("<p>"));
}

#[test]
fn progress_bar_only_on_a_terminal() {
    let d = Dir::new("progress");
    let files: Vec<String> =
        (0..4).map(|i| d.file(&format!("{i}.txt"), DOC.as_bytes())).collect();
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let o = run(&args, b"");
    assert_eq!(code(&o), 0);
    assert_eq!(stderr(&o), "", "no bar when stderr is not a terminal");
    let Some(shown) =
        on_terminal(&format!("{} > /dev/null", args.join(" ")), &[])
    else {
        eprintln!("skipped: util-linux 'script' is not installed");
        return;
    };
    assert!(shown.contains("summarised"), "{shown:?}");
    assert!(shown.contains("/4"), "{shown:?}");
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = run(&["completions", shell], b"");
        assert_eq!(code(&o), 0, "{shell}: {}", stderr(&o));
        let out = stdout(&o);
        for flag in ["focus", "chars", "format", "recursive"] {
            assert!(out.contains(flag), "{shell} lacks {flag}");
        }
    }
    // The bash script is valid bash.
    let d = Dir::new("completions");
    let script =
        d.file("gisty.bash", &run(&["completions", "bash"], b"").stdout);
    if let Ok(check) =
        std::process::Command::new("bash").args(["-n", &script]).output()
    {
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stderr)
        );
    }
    let o = run(&["completions", "tcsh"], b"");
    assert_eq!(code(&o), 2);
}

#[test]
fn man_page_is_generated_from_the_flags() {
    let o = run(&["man"], b"");
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(
        out.starts_with(".ie \\n(.g .ds Aq") || out.contains(".TH gisty"),
        "{out}"
    );
    assert!(out.contains(".TH gisty 1"), "{out}");
    for flag in ["focus", "chars", "min\\-words", "color", "recursive"] {
        assert!(out.contains(&format!("\\-\\-{flag}")), "man lacks --{flag}");
    }
    assert!(out.contains("Get a summary"));
}

#[test]
fn help_shows_examples_and_version() {
    let o = run(&["--help"], b"");
    let out = stdout(&o);
    for example in ["--chars 280", "--focus", "page.html", "completions bash"]
    {
        assert!(out.contains(example), "help lacks {example}");
    }
    let v = stdout(&run(&["--version"], b""));
    assert_eq!(v.trim(), format!("gisty {}", env!("CARGO_PKG_VERSION")));
}
