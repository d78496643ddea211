//! Terms for text written without spaces between words: Chinese,
//! Japanese, Thai, Burmese (and any text in their scripts when the
//! language is unknown).
//!
//! Word segmentation (UAX #29) gives one "word" per Han character or
//! kana, and one long "word" per Thai or Burmese run, neither of which
//! makes a useful TF-IDF term. Here a run of such characters becomes
//! overlapping character bigrams (`图书馆` -> `图书`, `书馆`), the
//! standard indexing unit for unsegmented Chinese and Japanese, with
//! these refinements:
//!
//! - a single-character stop word (`的`, `了`, `是`, ...) splits a run
//!   instead of joining its neighbours into bigrams;
//! - hiragana (Japanese particles and inflections: `は`, `の`, `した`)
//!   splits a run and gives no term;
//! - a katakana run (loanwords and names: `パソコン`) is one term;
//! - a run of one character gives that character as its term;
//! - a bigram in the stop list (`我们`, `一个`) gives no term.
//!
//! Words in other scripts (Latin names, Korean) are terms as usual.

use unicode_segmentation::UnicodeSegmentation;

use super::{Analysis, MAX_WORD_BYTES, TermId, Vocab, WordStemmer};

/// Scripts written without spaces, as far as terms are concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Han ideographs (Chinese hanzi, Japanese kanji).
    Han,
    /// Hiragana: Japanese function words and inflections.
    Hiragana,
    /// Katakana: Japanese loanwords and names.
    Katakana,
    /// Thai, Lao, Khmer, Myanmar: alphabets without word spaces.
    Southeast,
}

/// The class of `c`, or `None` for characters of spaced scripts.
pub(crate) fn class(c: char) -> Option<Class> {
    match c {
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}'
        | '\u{3005}' => Some(Class::Han),
        '\u{3041}'..='\u{309F}' => Some(Class::Hiragana),
        '\u{30A0}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{FF66}'..='\u{FF9F}' => Some(Class::Katakana),
        '\u{0E00}'..='\u{0EFF}'
        | '\u{1000}'..='\u{109F}'
        | '\u{1780}'..='\u{17FF}'
        | '\u{AA60}'..='\u{AA7F}' => Some(Class::Southeast),
        _ => None,
    }
}

/// Appends the terms of `sentence` to `out` and returns its number of
/// words (as UAX #29 counts them), like
/// [`Vocab::analyze`](super::Vocab::analyze) does for spaced
/// text.
pub(crate) fn analyze(
    vocab: &mut Vocab,
    analysis: &Analysis,
    sentence: &str,
    out: &mut Vec<TermId>,
) -> usize {
    let stemmer = analysis.stemmer.map(WordStemmer::new);
    let mut run = Run::default();
    let mut words = 0;
    for (at, word) in sentence.unicode_word_indices() {
        words += 1;
        let unspaced = word.chars().next().and_then(class).is_some();
        if !unspaced {
            run.flush(vocab, analysis, out);
            let usable = word.len() <= MAX_WORD_BYTES
                && word.chars().any(char::is_alphabetic);
            if let Some(t) = usable
                .then(|| vocab.term(analysis, stemmer.as_ref(), word))
                .flatten()
            {
                out.push(t);
            }
            continue;
        }
        if at != run.end {
            run.flush(vocab, analysis, out);
        }
        for c in word.chars() {
            run.push(c, vocab, analysis, out);
        }
        run.end = at + word.len();
    }
    run.flush(vocab, analysis, out);
    words
}

/// A run of unspaced characters being turned into terms.
#[derive(Default)]
struct Run {
    /// The characters of the current segment (one class, no stop
    /// character).
    chars: Vec<char>,
    class: Option<Class>,
    /// Byte offset in the sentence just after the run.
    end: usize,
    buf: String,
}

impl Run {
    fn push(
        &mut self,
        c: char,
        vocab: &mut Vocab,
        analysis: &Analysis,
        out: &mut Vec<TermId>,
    ) {
        let Some(k) = class(c) else {
            // A mark or digit inside a Thai or Burmese word: part of it.
            if self.class == Some(Class::Southeast) {
                self.chars.push(c);
            } else {
                self.flush(vocab, analysis, out);
            }
            return;
        };
        if self.class != Some(k) {
            self.flush(vocab, analysis, out);
            self.class = Some(k);
        }
        if k == Class::Han && is_stop_char(c, analysis, &mut self.buf) {
            self.flush(vocab, analysis, out);
            return;
        }
        self.chars.push(c);
    }

    /// Turns the current segment into terms and starts afresh.
    fn flush(
        &mut self,
        vocab: &mut Vocab,
        analysis: &Analysis,
        out: &mut Vec<TermId>,
    ) {
        let chars = std::mem::take(&mut self.chars);
        match self.class {
            None | Some(Class::Hiragana) => {}
            Some(Class::Katakana) => self.emit(&chars, vocab, analysis, out),
            Some(Class::Han | Class::Southeast) => {
                if chars.len() == 1 {
                    self.emit(&chars, vocab, analysis, out);
                }
                for pair in chars.windows(2) {
                    self.emit(pair, vocab, analysis, out);
                }
            }
        }
        self.chars = chars;
        self.chars.clear();
        self.class = None;
    }

    fn emit(
        &mut self,
        chars: &[char],
        vocab: &mut Vocab,
        analysis: &Analysis,
        out: &mut Vec<TermId>,
    ) {
        if chars.is_empty() {
            return;
        }
        self.buf.clear();
        self.buf.extend(chars);
        if let Some(t) = vocab.term(analysis, None, &self.buf) {
            out.push(t);
        }
    }
}

fn is_stop_char(c: char, analysis: &Analysis, buf: &mut String) -> bool {
    buf.clear();
    buf.push(c);
    analysis.stop_words.contains(buf.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{Set, hasher};

    fn analysis(stop: &[&str]) -> Analysis {
        let mut stop_words = Set::with_hasher(hasher());
        stop_words.extend(stop.iter().map(|w| Box::from(*w)));
        Analysis { stop_words, stemmer: None, bigrams: true, id: 7 }
    }

    /// The terms of `sentence` and the ids of `want`, both sorted, and
    /// the number of words. A wanted term never produced gets a fresh id,
    /// so the two lists differ.
    fn check(
        a: &Analysis,
        sentence: &str,
        want: &[&str],
    ) -> (Vec<TermId>, Vec<TermId>, usize) {
        let mut v = Vocab::default();
        v.prepare(a);
        let mut got = Vec::new();
        let words = analyze(&mut v, a, sentence, &mut got);
        let mut want: Vec<TermId> = want
            .iter()
            .map(|w| v.term(a, None, w).expect("not a stop word"))
            .collect();
        got.sort();
        want.sort();
        (got, want, words)
    }

    #[test]
    fn term_table() {
        let a = analysis(&["的", "我们", "the"]);
        // (sentence, terms)
        let rows: &[(&str, &[&str])] = &[
            ("图书馆", &["图书", "书馆"]),
            ("图书馆的电脑", &["图书", "书馆", "电脑"]),
            ("我们的书", &["书"]),
            ("新", &["新"]),
            ("パソコンを使う", &["パソコン", "使"]),
            ("図書館は開館した", &["図書", "書館", "開館"]),
            ("The 图书 and Rust", &["and", "图书", "rust"]),
            ("图书 馆", &["图书", "馆"]),
            ("", &[]),
            ("123 。", &[]),
        ];
        for (sentence, want) in rows {
            let (got, want, _) = check(&a, sentence, want);
            assert_eq!(got, want, "{sentence:?}");
        }
    }

    #[test]
    fn thai_runs_give_bigrams() {
        let a = analysis(&[]);
        let run = "ห้องสมุด";
        let chars: Vec<char> = run.chars().collect();
        let pairs: Vec<String> =
            chars.windows(2).map(|p| p.iter().collect()).collect();
        let pairs: Vec<&str> = pairs.iter().map(String::as_str).collect();
        let (got, want, words) = check(&a, run, &pairs);
        // UAX #29 cuts the run into pieces of its own; they are one run.
        assert!(words >= 1);
        assert_eq!(got.len(), chars.len() - 1);
        assert_eq!(got, want);
    }

    #[test]
    fn classes() {
        assert_eq!(class('中'), Some(Class::Han));
        assert_eq!(class('の'), Some(Class::Hiragana));
        assert_eq!(class('パ'), Some(Class::Katakana));
        assert_eq!(class('ก'), Some(Class::Southeast));
        assert_eq!(class('a'), None);
        assert_eq!(class('한'), None);
    }
}
