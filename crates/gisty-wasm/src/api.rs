//! The bindings' logic in plain Rust, so that it is tested on the host:
//! options in, serialisable results out. `lib.rs` only converts these
//! to and from JavaScript values.

use std::cell::RefCell;
use std::fmt;

use gisty::{
    Budget, BudgetOptions, Language, SentenceKind, Splitter, Summarizer,
};
use serde::{Deserialize, Serialize};

use crate::utf16::Utf16Cursor;

/// The options of `summarize`: at most one budget (`sentences`, `ratio`,
/// `words` or `chars`; three sentences when none is given), and the
/// summariser's configuration.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct SummarizeOptions {
    /// At most this many sentences.
    pub sentences: Option<usize>,
    /// This share of the document's sentences, in `(0, 1]`.
    pub ratio: Option<f32>,
    /// At most this many words.
    pub words: Option<usize>,
    /// At most this many characters (whole sentences, one space between).
    pub chars: Option<usize>,
    /// A language name or code (`"english"`, `"en"`); English when absent.
    pub language: Option<String>,
    /// Position against content, in `[0, 1]`.
    pub position_weight: Option<f32>,
}

impl SummarizeOptions {
    /// The options' names as JavaScript writes them.
    pub const FIELDS: &'static [&'static str] = &[
        "sentences",
        "ratio",
        "words",
        "chars",
        "language",
        "positionWeight",
    ];
}

/// The options of `split`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct SplitOptions {
    /// A language name or code; English when absent.
    pub language: Option<String>,
}

impl SplitOptions {
    /// The options' names as JavaScript writes them.
    pub const FIELDS: &'static [&'static str] = &["language"];
}

/// The error for an option name that is not in `fields`, worded as
/// serde words it.
pub fn unknown_field(name: &str, fields: &[&str]) -> OptionsError {
    let expected: Vec<String> =
        fields.iter().map(|f| format!("`{f}`")).collect();
    let expected = match expected.as_slice() {
        [one] => one.clone(),
        many => format!("one of {}", many.join(", ")),
    };
    OptionsError(format!("unknown field `{name}`, expected {expected}"))
}

/// Bad options: the message names the option and the value.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionsError(pub String);

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OptionsError {}

impl From<gisty::BuildError> for OptionsError {
    fn from(e: gisty::BuildError) -> OptionsError {
        OptionsError(e.to_string())
    }
}

/// One picked sentence, with its span counted both in UTF-8 bytes (as
/// gisty and the CLI count) and in UTF-16 code units (as JavaScript's
/// `String.prototype.slice` and DOM ranges count).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Pick<'t> {
    /// Index among all the document's sentences.
    pub index: usize,
    /// The sentence: an exact slice of the text.
    pub text: &'t str,
    /// First byte (UTF-8).
    pub byte_start: usize,
    /// One past the last byte (UTF-8).
    pub byte_end: usize,
    /// First UTF-16 code unit: `input.slice(utf16Start, utf16End)` in
    /// JavaScript is `text`.
    pub utf16_start: usize,
    /// One past the last UTF-16 code unit.
    pub utf16_end: usize,
    /// The score: higher is better.
    pub score: f32,
    /// The parts of the score.
    pub parts: Parts,
}

/// What each part contributed to a score (see `gisty::ScoreParts`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Parts {
    /// TF-IDF weight, 1 for the document's best sentence.
    pub content: f32,
    /// Position weight, 1 for the first sentence.
    pub position: f32,
}

/// A summary: the picked sentences in document order.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SummaryOut<'t> {
    /// The summary as one paragraph (gisty's `Display`).
    pub summary: String,
    /// How many sentences the document has.
    pub total_sentences: usize,
    /// The picked sentences, in document order.
    pub sentences: Vec<Pick<'t>>,
}

/// One sentence (or heading) of a split text.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SentenceOut<'t> {
    /// Its index in the document.
    pub index: usize,
    /// `"text"` for running text, `"heading"` for a line that stands
    /// alone (a title, a link).
    pub kind: &'static str,
    /// The sentence: an exact slice of the text.
    pub text: &'t str,
    /// First byte (UTF-8).
    pub byte_start: usize,
    /// One past the last byte (UTF-8).
    pub byte_end: usize,
    /// First UTF-16 code unit.
    pub utf16_start: usize,
    /// One past the last UTF-16 code unit.
    pub utf16_end: usize,
}

fn language(name: Option<&str>) -> Result<Language, OptionsError> {
    match name {
        None => Ok(Language::English),
        Some(name) => Ok(name.parse()?),
    }
}

impl SummarizeOptions {
    /// The budget the options ask for.
    ///
    /// # Errors
    ///
    /// When more than one budget is given, or the ratio is out of range.
    pub fn budget(&self) -> Result<Budget, OptionsError> {
        let options = BudgetOptions {
            sentences: self.sentences,
            ratio: self.ratio,
            words: self.words,
            chars: self.chars,
            ..BudgetOptions::default()
        };
        Ok(options.budget()?)
    }

    /// The summariser the options configure. The last one built is kept,
    /// so that a page calling `summarize` again with the same options
    /// does not build it again.
    ///
    /// # Errors
    ///
    /// When the language is unknown or the position weight out of range.
    pub fn summarizer(&self) -> Result<Summarizer, OptionsError> {
        type Key = (Language, Option<u32>);
        thread_local! {
            static LAST: RefCell<Option<(Key, Summarizer)>> =
                const { RefCell::new(None) };
        }
        let lang = language(self.language.as_deref())?;
        let key = (lang, self.position_weight.map(f32::to_bits));
        if let Some(s) = LAST.with_borrow(|last| {
            last.as_ref().filter(|(k, _)| *k == key).map(|(_, s)| s.clone())
        }) {
            return Ok(s);
        }
        let mut builder = Summarizer::builder();
        builder.language(lang);
        if let Some(w) = self.position_weight {
            builder.position_weight(w);
        }
        let s = builder.build()?;
        LAST.set(Some((key, s.clone())));
        Ok(s)
    }
}

/// Summarises `text` under `options`.
///
/// # Errors
///
/// Only for bad options; any text gives a summary (empty when the text
/// has no sentence).
pub fn summarize<'t>(
    text: &'t str,
    options: &SummarizeOptions,
) -> Result<SummaryOut<'t>, OptionsError> {
    let budget = options.budget()?;
    let summary = options.summarizer()?.summarize(text, budget);
    let mut cursor = Utf16Cursor::new(text);
    let sentences = summary
        .scored()
        .iter()
        .map(|s| Pick {
            index: s.index,
            text: s.span.get(text).unwrap_or(""),
            byte_start: s.span.start,
            byte_end: s.span.end,
            utf16_start: cursor.offset(s.span.start),
            utf16_end: cursor.offset(s.span.end),
            score: s.score,
            parts: Parts {
                content: s.parts.content,
                position: s.parts.position,
            },
        })
        .collect();
    Ok(SummaryOut {
        summary: summary.to_string(),
        total_sentences: summary.total_sentences(),
        sentences,
    })
}

/// Splits `text` into sentences under `options`.
///
/// # Errors
///
/// Only for an unknown language.
pub fn split<'t>(
    text: &'t str,
    options: &SplitOptions,
) -> Result<Vec<SentenceOut<'t>>, OptionsError> {
    let splitter = Splitter::new(language(options.language.as_deref())?);
    let mut cursor = Utf16Cursor::new(text);
    Ok(splitter
        .split(text)
        .iter()
        .enumerate()
        .map(|(index, s)| SentenceOut {
            index,
            kind: match s.kind {
                SentenceKind::Text => "text",
                SentenceKind::Heading => "heading",
            },
            text: s.span.get(text).unwrap_or(""),
            byte_start: s.span.start,
            byte_end: s.span.end,
            utf16_start: cursor.offset(s.span.start),
            utf16_end: cursor.offset(s.span.end),
        })
        .collect())
}
