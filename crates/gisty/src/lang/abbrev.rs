//! The user's own abbreviations: a full stop after one of them does not
//! end a sentence.
//!
//! The splitter ([`crate::segment`]) has its own list and no way yet to
//! take more words, so the user's list is applied here, after splitting:
//! a sentence of text that ends with `<abbreviation>.` is joined to the
//! next sentence of text when no blank line stands between them.

use crate::analyze::{Set, fold_into};
use crate::segment::{Sentence, SentenceKind};
use crate::span::Span;

/// Folds (lowercases) `words` into a set, each without its final full
/// stop: `"Approx."` and `"approx"` both give `approx`.
pub(crate) fn set<I, S>(words: I) -> Set<Box<str>>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out = Set::with_hasher(crate::analyze::hasher());
    let mut buf = String::new();
    for w in words {
        let w = w.as_ref().trim();
        fold_into(w.strip_suffix('.').unwrap_or(w), &mut buf);
        if !buf.is_empty() {
            out.insert(buf.as_str().into());
        }
    }
    out
}

/// Joins each sentence that ends with one of `abbreviations` to the one
/// after it, in place.
pub(crate) fn merge(
    text: &str,
    abbreviations: &Set<Box<str>>,
    sentences: &mut Vec<Sentence>,
) {
    if abbreviations.is_empty() || sentences.len() < 2 {
        return;
    }
    let mut buf = String::new();
    let mut out = 0;
    for i in 0..sentences.len() {
        let s = sentences[i];
        if out > 0 {
            let prev = sentences[out - 1];
            if prev.kind == SentenceKind::Text
                && s.kind == SentenceKind::Text
                && same_paragraph(text, prev.span.end, s.span.start)
                && ends_with(prev.span.slice(text), abbreviations, &mut buf)
            {
                sentences[out - 1].span =
                    Span::new(prev.span.start, s.span.end);
                continue;
            }
        }
        sentences[out] = s;
        out += 1;
    }
    sentences.truncate(out);
}

/// True when no blank line lies between byte offsets `a` and `b`.
fn same_paragraph(text: &str, a: usize, b: usize) -> bool {
    let gap = text.get(a..b).unwrap_or("");
    gap.split('\n').count() <= 2
}

fn ends_with(
    sentence: &str,
    abbreviations: &Set<Box<str>>,
    buf: &mut String,
) -> bool {
    let Some(body) = sentence.trim_end().strip_suffix('.') else {
        return false;
    };
    let word = body
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"'))
        .next()
        .unwrap_or("");
    fold_into(word, buf);
    !buf.is_empty() && abbreviations.contains(buf.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;
    use crate::segment::Splitter;

    #[test]
    fn merge_table() {
        let abbrs = set(["Abt.", "Bldg", " "]);
        assert_eq!(abbrs.len(), 2);
        // (text, sentences after merging)
        let rows: &[(&str, &[&str])] = &[
            (
                "It costs abt. Ten euros. Fine.",
                &["It costs abt. Ten euros.", "Fine."],
            ),
            (
                "See Bldg. Four and Bldg. Five. Done.",
                &["See Bldg. Four and Bldg. Five.", "Done."],
            ),
            (
                "It ends abt.\n\nNew paragraph.",
                &["It ends abt.", "New paragraph."],
            ),
            ("No match here. Next one.", &["No match here.", "Next one."]),
        ];
        let splitter = Splitter::new(Language::English);
        for (text, want) in rows {
            let mut got = splitter.split(text);
            merge(text, &abbrs, &mut got);
            let got: Vec<&str> =
                got.iter().map(|s| s.span.slice(text)).collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }

    #[test]
    fn no_abbreviations_no_change() {
        let text = "It costs abt. Ten euros. Fine.";
        let mut got = Splitter::new(Language::English).split(text);
        let before = got.clone();
        merge(text, &set::<[&str; 0], &str>([]), &mut got);
        assert_eq!(got, before);
    }
}
