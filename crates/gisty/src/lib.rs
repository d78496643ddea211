//! gisty picks the few sentences that best tell what a document says:
//! extractive summarisation ("No time to read? Get a summary").
//!
//! A text goes through a short pipeline: it is split into sentences (byte
//! spans into the original text), the sentences into words, the words
//! into terms (lowercased, stop words dropped, stemmed), the terms into
//! statistics; each sentence gets a score from its centrality (LexRank
//! over TF-IDF similarities), its position and, when known, its overlap
//! with the title; and the best sentences within a budget, passing over
//! near-duplicates, come back in document order.
//!
//! # Overview
//!
//! - [`Summarizer`]: built once (by [`Summarizer::new`] or
//!   [`Summarizer::builder`]), then used for any number of texts from any
//!   number of threads.
//! - [`Budget`]: how long a summary may be: sentences, a ratio, words.
//! - [`Summary`]: the picked sentences as [`Scored`] spans into the text,
//!   in document order, with their scores and [`ScoreParts`].
//! - [`Splitter`] and [`split`]: sentence splitting on its own.
//! - [`Scratch`]: reusable working space for loops.
//! - [`Preset`]: `News` (the default, for inverted-pyramid news) or
//!   `Centrality` (no lead bias, for text whose important sentences may
//!   stand anywhere).
//!
//! # Example
//!
//! ```
//! use gisty::{Budget, Summarizer};
//!
//! let text = "\
//! City Council Approves Budget
//!
//! The city council approved a budget of $2.1 billion on Monday. Mr. Lee,
//! the mayor, said the budget funds new schools and repairs roads.
//! Opponents said the budget raises taxes. The meeting ran late.";
//!
//! let summarizer = Summarizer::new();
//! let summary = summarizer.summarize(text, Budget::sentences(2));
//! assert_eq!(summary.len(), 2);
//! for s in summary.scored() {
//!     // Every span is an exact slice of the input.
//!     assert_eq!(&text[s.span.start..s.span.end], s.span.slice(text));
//! }
//! println!("{summary}");
//! ```
//!
//! # Errors and panics
//!
//! Only configuration can fail ([`SummarizerBuilder::build`],
//! [`Budget::ratio`]) with a [`BuildError`]. Text never causes an error
//! and never a panic: any `&str` gives a [`Summary`], empty when the text
//! has no sentence, and every returned span is a valid slice of the text.
//!
//! # Crate features
//!
//! - `serde`: `Serialize` and `Deserialize` for the data types
//!   ([`Span`], [`Sentence`], [`Scored`], [`ScoreParts`], [`Budget`],
//!   [`Language`]).

#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

mod analyze;
mod budget;
mod centrality;
mod error;
mod lang;
mod score;
pub mod segment;
mod select;
mod span;
mod summarizer;
mod summary;

pub use budget::Budget;
pub use error::BuildError;
pub use lang::Language;
pub use segment::{Sentence, SentenceKind, Splitter, split};
pub use span::Span;
pub use summarizer::{
    DEFAULT_MIN_WORDS, DEFAULT_POSITION_WEIGHT, DEFAULT_REDUNDANCY, Preset,
    Scratch, Summarizer, SummarizerBuilder,
};
pub use summary::{ScoreParts, Scored, Summary};

#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;
