//! The fast paths against the plain ones: the skip, the `word. Next`
//! shortcut, the short keys and the one-line shortcut give what the
//! byte-at-a-time, rule-by-rule scan gives.

use super::chars::{format_char, opener, token_end};
use super::chars::{push_lower, universal_terminator};
use super::marker::{may_be_marker, parse_marker};
use super::quote::quote_closer;
use super::rules::{implicit_abbreviation, letters_and_periods};
use super::scan::{MAX_WORD, Scan, Sink, State};
use super::skip::{PLAIN, last_space, may_stop, skip, stops_at, stops_skip};
use super::tables::{Rules, short_key, short_key_at};
use super::{Sentence, Splitter};
use crate::lang::Language;
use crate::swar::HIGH;
use proptest::prelude::*;

/// `PLAIN` holds exactly the characters the scanner's full path
/// steps over inside a token without a change of state.
#[test]
fn plain_bytes_are_the_inert_ascii() {
    for b in 0u8..=255 {
        let inert = b.is_ascii()
            && !(b as char).is_whitespace()
            && quote_closer(b as char).is_none()
            && !Language::ALL.iter().any(|&l| {
                Scan::new("", Rules::of(l)).is_terminator(b as char)
            });
        assert_eq!(PLAIN[b as usize], inert, "byte {b:#x}");
    }
}

/// `is_terminator`, with its ASCII shortcuts, is rule `Terminators`
/// as written: the period where it ends sentences, the universal
/// terminators, the language's extras.
#[test]
fn is_terminator_is_the_rule() {
    for &lang in Language::ALL {
        let rules = Rules::of(lang);
        let scanner = Scan::new("", rules);
        for c in (0..0x3100).chain(0xFF00..0xFF70).filter_map(char::from_u32) {
            let want = (c == '.' && rules.data.period_ends)
                || universal_terminator(c)
                || rules.data.extra_terminators.contains(&c);
            assert_eq!(scanner.is_terminator(c), want, "{c:?} in {lang:?}");
        }
    }
}

/// `stops_skip` is exactly "not `PLAIN` and not a space", give or
/// take the ASCII control characters.
#[test]
fn skip_stops_at_every_byte_that_matters() {
    for b in 0u8..=255 {
        if b < 0x20 {
            assert!(stops_skip(b), "byte {b:#x}");
        } else {
            let matters = !PLAIN[b as usize] && b != b' ';
            assert_eq!(stops_skip(b), matters, "byte {b:#x}");
        }
    }
}

/// The non-ASCII chars the skip steps over change nothing in the
/// middle of a sentence: no white space, quotation mark or terminator
/// of any language.
#[test]
fn skip_steps_only_over_inert_chars() {
    let closers: Vec<char> = (0..=0x10FFFF)
        .filter_map(char::from_u32)
        .filter_map(|c| quote_closer(c).map(|(close, _)| close))
        .collect();
    let scanners: Vec<Scan> =
        Language::ALL.iter().map(|&l| Scan::new("", Rules::of(l))).collect();
    let mut stepped = 0;
    for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
        let mut buf = [0u8; 5];
        let len = c.encode_utf8(&mut buf).len();
        buf[len] = b'a';
        if stops_at(&buf, 0) {
            continue;
        }
        stepped += 1;
        assert!(!c.is_whitespace(), "{c:?}");
        assert!(quote_closer(c).is_none(), "{c:?}");
        assert!(!closers.contains(&c), "{c:?}");
        assert!(!scanners.iter().any(|sc| sc.is_terminator(c)), "{c:?}");
    }
    assert_eq!(stepped, 0x17F - 0xC0 + 1 + 5);
}

/// `may_stop` marks, in every byte lane whatever the other lanes hold,
/// exactly the bytes below 0x40 but the space, and the non-ASCII ones:
/// a superset of `stops_skip`.
#[test]
fn may_stop_marks_a_superset_of_the_stops() {
    let fillers = [0u8, b' ', b'a', b'.', 0x7f, 0x80, 0xff, b'?', b'@'];
    for b in 0u8..=255 {
        let want = (b < 0x40 && b != b' ') || b >= 0x80;
        assert!(!stops_skip(b) || want, "byte {b:#x}");
        for lane in 0..8 {
            for &f in &fillers {
                let mut w = [f; 8];
                w[lane] = b;
                let got = may_stop(u64::from_le_bytes(w));
                let bit = got >> (8 * lane + 7) & 1 == 1;
                assert_eq!(bit, want, "byte {b:#x} lane {lane} among {f:#x}");
                assert_eq!(got & !HIGH, 0);
            }
        }
    }
}

/// The scanner's sentences, with or without the fast paths (the skip
/// over plain bytes, the shortcut for `word. Next`).
fn scan(text: &str, lang: Language, fast: bool) -> Vec<(usize, usize)> {
    /// Records the sentences trimmed, as the splitter keeps them.
    struct Collect<'t>(&'t str, Vec<(usize, usize)>);
    impl Sink for Collect<'_> {
        fn sentence(&mut self, start: usize, end: usize) {
            let t = &self.0[start..end];
            let a = start + (t.len() - t.trim_start().len());
            let b = a + t.trim().len();
            if a < b {
                self.1.push((a, b));
            }
        }

        fn trimmed_sentence(&mut self, start: usize, end: usize) {
            let t = &self.0[start..end];
            assert_eq!(t.trim(), t, "not trimmed: {start}..{end}");
            self.1.push((start, end));
        }
    }
    let mut out = Collect(text, Vec::new());
    let mut scanner = Scan::new(text, Rules::of(lang));
    scanner.fast = fast;
    scanner.run(&mut out);
    out.1
}

/// Text rich in what the scanner looks at: terminators, quotes,
/// white space, digits, list markers, abbreviations, non-ASCII.
fn rich_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "B",
        "the",
        "said",
        "He",
        "The",
        "word",
        "Mr",
        "Dr",
        "U.S",
        "e.g",
        "a.m",
        "p.m",
        "At",
        "by",
        "No",
        "Inc",
        "Jan",
        "January",
        "Oktober",
        "XII",
        "5",
        "12",
        "2,500",
        "1.",
        "2.",
        "3)",
        "a.",
        "b.",
        "(1)",
        "•",
        "-",
        "*",
        "–",
        "—",
        "(",
        ")",
        "[",
        "]",
        "...",
        "…",
        ". . .",
        ".",
        ".",
        "?",
        "!",
        ":",
        ";",
        ",",
        "\"",
        "'",
        "“",
        "”",
        "„",
        "«",
        "»",
        "「",
        "」",
        "。",
        "！",
        "،",
        "։",
        "፧",
        " ",
        " ",
        " ",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\t",
        "\u{a0}",
        "\u{3000}",
        "\u{200F}",
        "\u{1}",
        "\u{7f}",
        "www.",
        "://",
        "@",
        "№",
        "$",
        "é",
        "日本",
        "ß",
        "İ",
        "Д",
        "п",
        "ε",
        "😀",
        "’",
        "‘",
        "£",
        "ö",
        "Ł",
        "\u{a0}x",
        "abcdefghijklmnopqrstuvwxyz",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

/// Prose-like text: words (many of them abbreviations, initials,
/// numbers, sentence starters, list markers) each followed by a space
/// or by punctuation.
fn prose() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "the",
        "He",
        "They",
        "It",
        "A",
        "And",
        "said",
        "U.S",
        "e.g",
        "Mr",
        "Dr",
        "Inc",
        "a.m",
        "p.m",
        "No",
        "Jan",
        "3",
        "12",
        "2,500",
        "XII",
        "I",
        "J",
        "U.K",
        "etc",
        "Oktober",
        "January",
        "At",
        "by",
        "www.x",
        "x@y.z",
        "1",
        "2",
        "a",
        "b",
        "•",
        "-",
        "(1)",
        "“Yes",
        "»",
        "日本",
        "п",
        "Ω",
        "ended",
        "Fans",
        "Mt",
        "approx",
        "Wait",
        "'We",
        "‘Yes",
        "(The",
        "[A",
        "{B",
        "\"No",
        "’Tis",
        "”So",
        "É",
        "it’s",
        "‘Yes’",
        "–",
        "—",
        "£5",
        "Zoë",
        "Łódź",
    ]);
    let seps = prop::sample::select(vec![
        " ", " ", " ", ". ", ". ", ". ", "? ", "! ", ", ", "... ", ".", ": ",
        "; ", "\n", ".\" ", ".) ", ". . . ", "… ", "  ", ".  ", ".\n", "\"",
        " \"", ".' ", ".’ ", ".” ", ".\" ", ".'' ", ".’\n", ". '", ". (",
        ". ‘", ". “", ".' '", ".” “",
    ]);
    prop::collection::vec((words, seps), 0..40).prop_map(|v| {
        v.into_iter().flat_map(|(w, s)| [w, s]).collect::<String>()
    })
}

/// A sink that keeps nothing.
struct Nothing;

impl Sink for Nothing {
    fn sentence(&mut self, _: usize, _: usize) {}
}

/// The sentences of `text` from the splitter, and from its general
/// path (block by block) alone.
fn split_both(text: &str, lang: Language) -> (Vec<Sentence>, Vec<Sentence>) {
    let splitter = Splitter::new(lang);
    let mut got = Vec::new();
    splitter.split_into(text, &mut got);
    let mut want = Vec::new();
    splitter.split_blocks(text, Rules::of(lang), &mut want);
    (got, want)
}

/// The corpus texts, whole and line by line, split with the one-line
/// shortcut and without.
#[test]
fn one_line_shortcut_changes_nothing_on_the_corpus() {
    let mut lines = 0;
    for (p, text) in crate::lang::corpus_texts() {
        for &lang in Language::ALL {
            let (got, want) = split_both(&text, lang);
            assert_eq!(got, want, "{} in {lang:?}", p.display());
            for line in text.split('\n') {
                let (got, want) = split_both(line, lang);
                assert_eq!(got, want, "{line:?} in {lang:?}");
                lines += 1;
            }
        }
    }
    assert!(lines > 1000);
}

/// The corpus texts, whole: long runs of prose, as in news.
#[test]
fn fast_skip_changes_nothing_on_the_corpus() {
    for (p, text) in crate::lang::corpus_texts() {
        for &lang in Language::ALL {
            assert_eq!(
                scan(&text, lang, true),
                scan(&text, lang, false),
                "{} in {lang:?}",
                p.display()
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// `abbreviation`, with its short keys and early outs, is the
    /// table's answer for the word's lowercase form.
    #[test]
    fn abbreviation_is_the_table_lookup(
        word in "[a-zA-Z.]{1,5}|[a-zA-Z]{7,12}|[a-zA-Z.\u{0}]{1,10}|[a-zA-Zéñ°ºčłá.İK]{1,6}|\\PC{1,4}",
        li in 0usize..Language::ALL.len(),
    ) {
        let rules = Rules::of(Language::ALL[li]);
        let mut lower = String::new();
        for c in word.chars() {
            push_lower(&mut lower, c);
        }
        let scanner = Scan::new("", rules);
        prop_assert_eq!(scanner.abbreviation(&mut State::default(), &word), rules.abbreviation(&lower));
    }

    /// `short_key_at`, a word at a time, is `short_key` of the slice,
    /// whether eight bytes follow the start or not.
    #[test]
    fn short_key_at_is_short_key(
        bytes in prop::collection::vec(
            prop::sample::select(vec![
                b'a', b'z', b'A', b'Z', b'@', b'[', b'`', b'{', b'.', b'0',
                b' ', 0, 0x7f, 0x80, 0xc3, 0xff,
            ]),
            0..20,
        ),
        a in 0usize..20,
        b in 0usize..20,
    ) {
        let (a, b) = (a.min(b).min(bytes.len()), a.max(b).min(bytes.len()));
        prop_assert_eq!(short_key_at(&bytes, a, b), short_key(&bytes[a..b]));
    }

    #[test]
    fn implicit_abbreviation_shortcut_agrees(
        word in "[a-zA-Z.]{0,9}|[a-zA-Zé.'1]{0,6}|\\PC{0,5}",
    ) {
        prop_assert_eq!(implicit_abbreviation(&word), letters_and_periods(&word));
    }

    /// `word_before` with its shortcuts is the word with openers and
    /// format characters trimmed as `str` does it.
    #[test]
    fn word_before_trims_as_str_does(
        text in rich_text(),
        a in 0usize..200,
        b in 0usize..200,
    ) {
        let floor = |mut k: usize| {
            k = k.min(text.len());
            while !text.is_char_boundary(k) {
                k -= 1;
            }
            k
        };
        let (word_start, i) = (floor(a.min(b)), floor(a.max(b)));
        let from = if i - word_start > MAX_WORD * 2 { i } else { word_start };
        let want = text[from..i]
            .trim_start_matches(|c: char| opener(c) || format_char(c))
            .trim_end_matches(format_char);
        let want = if want.len() > MAX_WORD { "" } else { want };
        let scanner = Scan::new(&text, Rules::of(Language::English));
        prop_assert_eq!(scanner.word_before(word_start, i), want);
    }

    #[test]
    fn skip_finds_the_first_stop(
        pieces in prop::collection::vec(
            prop::sample::select(vec![
                "a", "Z", "0", " ", " ", " ", ",", "'", "-", "(", ".", "?",
                "!", ":", ";", "\"", "\n", "\t", "\u{0}", "\u{1f}",
                "\u{7f}", "@", "/", "é", "ß", "İ", "ſ", "£", "\u{a0}", "«",
                "’", "‘", "–", "—", "“", "”", "…", "\u{2009}", "Д", "日",
            ]),
            0..40,
        ),
        from in 0usize..120,
    ) {
        let text = pieces.concat();
        let mut from = from.min(text.len());
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let bytes = text.as_bytes();
        let want =
            (from..bytes.len()).find(|&p| stops_at(bytes, p)).unwrap_or(bytes.len());
        prop_assert_eq!(skip(bytes, from), want);
    }

    #[test]
    fn last_space_is_rposition(
        text in "[a b.\u{a0}\u{0}\u{20ac}]{0,40}",
        a in 0usize..45,
        b in 0usize..45,
    ) {
        let bytes = text.as_bytes();
        let (from, to) = (a.min(b).min(bytes.len()), a.max(b).min(bytes.len()));
        let want = bytes[from..to].iter().rposition(|&c| c == b' ').map(|p| from + p);
        prop_assert_eq!(last_space(bytes, from, to), want);
    }

    /// A text on one line takes the splitter's shortcut, which gives
    /// what the general path gives; a one-line scanner gives up
    /// exactly on texts with a line break.
    #[test]
    fn one_line_shortcut_changes_nothing(
        text in prop_oneof![rich_text(), prose()],
        li in 0usize..Language::ALL.len(),
    ) {
        let lang = Language::ALL[li];
        prop_assert_eq!(split_both(&text, lang).0, split_both(&text, lang).1);
        let whole = Scan::one_line(&text, Rules::of(lang)).run(&mut Nothing);
        prop_assert_eq!(whole, !text.contains(['\n', '\r']));
    }

    #[test]
    fn fast_paths_change_nothing(
        text in prop_oneof![rich_text(), prose()],
        li in 0usize..Language::ALL.len(),
    ) {
        let lang = Language::ALL[li];
        prop_assert_eq!(scan(&text, lang, true), scan(&text, lang, false));
    }

    #[test]
    fn every_marker_may_be_one(
        token in "[-*(•◦a-zA-Z0-9.)]{1,9}|[a-z][.)]{1,2}|•?\\(?[0-9]{1,3}[.)]{1,2}",
    ) {
        if parse_marker(&token).is_some() {
            prop_assert!(may_be_marker(token.as_bytes(), 0), "{}", token);
        }
    }

    #[test]
    fn token_end_is_the_next_white_space(
        text in "([a-z.,:'\" \t\r\n\u{b}\u{c}\u{1c}\u{1f}]|\u{85}|\u{a0}|\u{2003}|\u{3000}|é|日){0,40}",
        at in 0usize..40,
    ) {
        let mut i = at.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        let want =
            text[i..].find(char::is_whitespace).map_or(text.len(), |p| p + i);
        prop_assert_eq!(token_end(&text, i), want);
    }
}
