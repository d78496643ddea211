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
//! - [`SummarizerBuilder`]: the configuration: [`Language`], position
//!   weight, extra stop words, focus terms; [`build`] checks it and can
//!   fail with a [`BuildError`].
//! - [`Budget`]: how long a summary may be: sentences, a ratio, words or
//!   characters, optionally with limits on the words of each sentence;
//!   [`BudgetOptions`] makes one from options as front ends take them.
//! - [`Summary`]: the picked sentences as [`Scored`] spans into the text,
//!   in document order, with their scores and [`ScoreParts`].
//! - [`Splitter`] and [`split`]: sentence splitting on its own.
//! - [`Scratch`]: reusable working space for loops.
//! - [`lead`]: the lead baseline (the first sentences within a budget),
//!   to measure summaries against.
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
//! # Example: a tweet-sized summary about one subject
//!
//! A character budget picks whole sentences (never cut) until the next
//! best one no longer fits; a focus favours the sentences about some
//! words, which are stemmed like the text ("schools" finds "school").
//!
//! ```
//! use gisty::{Budget, Summarizer};
//!
//! let text = "The city council approved a budget of $2.1 billion on \
//!             Monday. The mayor said the budget repairs roads. Two new \
//!             schools will open next year. Opponents said taxes rise.";
//!
//! let summarizer = Summarizer::builder().focus("schools").build()?;
//! let summary = summarizer.summarize(text, Budget::chars(60));
//! let shown = summary.to_string();
//! assert!(shown.contains("schools"));
//! assert!(shown.chars().count() <= 60);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: many documents, many threads
//!
//! Build the summariser once; clone it (cheaply: the configuration is
//! shared) into each thread, and give each thread a [`Scratch`] to reuse
//! across its documents.
//!
//! ```
//! use gisty::{Budget, Scratch, Summarizer};
//!
//! let docs = ["First document. It has two sentences.",
//!             "Second document. Also short. Three sentences."];
//! let summarizer = Summarizer::new();
//! let handles: Vec<_> = docs
//!     .into_iter()
//!     .map(|doc| {
//!         let summarizer = summarizer.clone();
//!         std::thread::spawn(move || {
//!             let mut scratch = Scratch::new();
//!             summarizer
//!                 .summarize_with(&mut scratch, doc, Budget::sentences(1))
//!                 .to_string()
//!         })
//!     })
//!     .collect();
//! for h in handles {
//!     assert!(!h.join().unwrap().is_empty());
//! }
//! ```
//!
//! The `examples/summarize.rs` program summarises files from the command
//! line with this API (`cargo run -p gisty --example summarize -- FILE`).
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
//! No feature is on by default.
//!
//! - `serde`: `Serialize` and `Deserialize` for the data types
//!   ([`Span`], [`Sentence`], [`Scored`], [`ScoreParts`], [`Budget`],
//!   [`Language`]).
//!
//! HTML is not read by the library: the `gisty` command line extracts a
//! page's main text before summarising it (see its `html` module), so
//! that the library keeps few dependencies and builds for WebAssembly.
//!
//! [`build`]: SummarizerBuilder::build

#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

#[doc(hidden)]
#[path = "bench.rs"]
pub mod __bench;
mod analyze;
mod baseline;
mod budget;
mod centrality;
mod error;
mod focus;
mod lang;
mod probe;
mod score;
pub mod segment;
mod select;
mod span;
mod summarizer;
mod summary;
mod swar;
mod vectors;

pub use baseline::lead;
pub use budget::{Budget, BudgetOptions};
pub use error::BuildError;
pub use lang::Language;
pub use segment::{Sentence, SentenceKind, Splitter, split};
pub use span::Span;
pub use summarizer::{
    DEFAULT_DEMOTE_UNDER, DEFAULT_POSITION_WEIGHT, DEFAULT_REDUNDANCY, Preset,
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
