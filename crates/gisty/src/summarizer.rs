//! The summariser: a validated configuration, and the pipeline that runs
//! it over a text.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::analyze::{Analysis, Set, TermId, Vocab, hasher};
use crate::budget::Budget;
use crate::error::BuildError;
use crate::focus;
use crate::lang::Language;
use crate::score::{self, Stats};
use crate::segment::{Sentence, SentenceKind, Splitter};
use crate::select::{self, Candidate};
use crate::summary::{ScoreParts, Scored, Summary};

/// The default weight of position against content: see
/// [`SummarizerBuilder::position_weight`].
pub const DEFAULT_POSITION_WEIGHT: f32 = 0.5;

/// Builds a [`Summarizer`], checking its configuration.
///
/// Setters take `&mut self` and return it, so that they chain:
///
/// ```
/// use gisty::{Language, Summarizer};
///
/// let summarizer = Summarizer::builder()
///     .language(Language::English)
///     .position_weight(0.3)
///     .build()?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct SummarizerBuilder {
    language: Language,
    position_weight: f32,
    extra_stop_words: Vec<String>,
    focus: String,
}

impl Default for SummarizerBuilder {
    fn default() -> SummarizerBuilder {
        SummarizerBuilder::new()
    }
}

impl SummarizerBuilder {
    /// A builder with the defaults: English, position weight
    /// [`DEFAULT_POSITION_WEIGHT`].
    pub fn new() -> SummarizerBuilder {
        SummarizerBuilder {
            language: Language::English,
            position_weight: DEFAULT_POSITION_WEIGHT,
            extra_stop_words: Vec::new(),
            focus: String::new(),
        }
    }

    /// The language of the texts: its sentence rules, stop words and
    /// stemmer.
    pub fn language(&mut self, language: Language) -> &mut SummarizerBuilder {
        self.language = language;
        self
    }

    /// How much a sentence's position counts against its content, from 0
    /// (content alone) to 1 (position alone: the lead sentences).
    /// Checked by [`build`](Self::build).
    pub fn position_weight(&mut self, weight: f32) -> &mut SummarizerBuilder {
        self.position_weight = weight;
        self
    }

    /// Words to drop as stop words, on top of the language's list. They
    /// are compared after lowercasing.
    pub fn stop_words<I, S>(&mut self, words: I) -> &mut SummarizerBuilder
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.extra_stop_words
            .extend(words.into_iter().map(|w| w.as_ref().to_string()));
        self
    }

    /// Focuses summaries on the words of `terms`: sentences about them are
    /// favoured. The words are analysed as the text is (lowercased, stop
    /// words dropped, stemmed), and a sentence's score is multiplied by
    /// `1 + 2 * share`, where `share` is the share of the distinct focus
    /// terms it holds. An empty string (the default) means no focus.
    /// Checked by [`build`](Self::build).
    ///
    /// ```
    /// use gisty::{Budget, Summarizer};
    ///
    /// let text = "The council met on Monday. It approved the budget. \
    ///             Parks will get new trees. Roads will be repaired.";
    /// let summarizer = Summarizer::builder().focus("park trees").build()?;
    /// let summary = summarizer.summarize(text, Budget::sentences(1));
    /// assert_eq!(summary.to_string(), "Parks will get new trees.");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn focus(&mut self, terms: &str) -> &mut SummarizerBuilder {
        self.focus = terms.to_string();
        self
    }

    /// Checks the configuration and builds the summariser.
    ///
    /// # Errors
    ///
    /// When the position weight is not a number in `[0, 1]`, or the focus
    /// is not empty but has no term (only stop words or numbers).
    pub fn build(&self) -> Result<Summarizer, BuildError> {
        let w = self.position_weight;
        if !(w.is_finite() && (0.0..=1.0).contains(&w)) {
            return Err(BuildError::out_of_range(
                "position weight",
                w.into(),
                "a number in [0, 1]",
            ));
        }
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        let mut stop_words: Set<Box<str>> = Set::with_hasher(hasher());
        stop_words
            .extend(self.language.stop_words().iter().map(|w| Box::from(*w)));
        let mut buf = String::new();
        for w in &self.extra_stop_words {
            crate::analyze::fold_into(w.trim(), &mut buf);
            stop_words.insert(buf.as_str().into());
        }
        let analysis = Analysis {
            stop_words,
            stemmer: self.language.stemmer(),
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        };
        let mut focus_terms = Vec::new();
        Vocab::default().analyze(&analysis, &self.focus, &mut focus_terms);
        if focus_terms.is_empty() && !self.focus.trim().is_empty() {
            return Err(BuildError::empty_focus(&self.focus));
        }
        Ok(Summarizer {
            inner: Arc::new(Inner {
                splitter: Splitter::new(self.language),
                language: self.language,
                position_weight: w,
                analysis,
                focus: self.focus.clone(),
            }),
        })
    }
}

/// An extractive summariser: built once, then used for any number of
/// texts, from any number of threads.
///
/// Cloning is cheap (the configuration is shared). Summarising never
/// fails and never panics, whatever the text: a text without sentences
/// gives an empty [`Summary`].
///
/// ```
/// use gisty::{Budget, Summarizer};
///
/// let text = "The council approved the new budget on Monday. \
///             The budget raises spending on schools. \
///             Critics said the budget ignores roads. \
///             The weather was mild.";
/// let summary = Summarizer::new().summarize(text, Budget::sentences(1));
/// assert_eq!(summary.len(), 1);
/// println!("{summary}");
/// ```
#[derive(Clone, Debug)]
pub struct Summarizer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    splitter: Splitter,
    language: Language,
    position_weight: f32,
    analysis: Analysis,
    /// The focus words, analysed anew with each text's vocabulary.
    focus: String,
}

impl Default for Summarizer {
    fn default() -> Summarizer {
        Summarizer::new()
    }
}

impl Summarizer {
    /// A summariser with the default configuration (English).
    pub fn new() -> Summarizer {
        SummarizerBuilder::new()
            .build()
            .expect("the default configuration is valid")
    }

    /// A builder, to configure a summariser.
    pub fn builder() -> SummarizerBuilder {
        SummarizerBuilder::new()
    }

    /// The language this summariser was built for.
    pub fn language(&self) -> Language {
        self.inner.language
    }

    /// The sentences of `text` as this summariser splits them.
    pub fn sentences(&self, text: &str) -> Vec<Sentence> {
        self.inner.splitter.split(text)
    }

    /// Summarises `text` within `budget`.
    ///
    /// Allocates its working space anew; in a loop, prefer
    /// [`summarize_with`](Self::summarize_with).
    pub fn summarize<'t>(&self, text: &'t str, budget: Budget) -> Summary<'t> {
        self.summarize_with(&mut Scratch::new(), text, budget)
    }

    /// Summarises `text` within `budget`, reusing `scratch` for working
    /// space. Any scratch space works with any summariser; it keeps no
    /// results between calls.
    pub fn summarize_with<'t>(
        &self,
        scratch: &mut Scratch,
        text: &'t str,
        budget: Budget,
    ) -> Summary<'t> {
        self.inner.splitter.split_into(text, &mut scratch.sentences);
        self.summarize_split(scratch, text, budget)
    }

    /// The analysis settings, for the benchmarks of single stages.
    pub(crate) fn analysis(&self) -> &Analysis {
        &self.inner.analysis
    }

    /// [`summarize_with`](Self::summarize_with) after splitting: on the
    /// sentences already in `scratch`.
    pub(crate) fn summarize_split<'t>(
        &self,
        s: &mut Scratch,
        text: &'t str,
        budget: Budget,
    ) -> Summary<'t> {
        let inner = &*self.inner;
        s.vocab.prepare(&inner.analysis);
        s.terms.clear();
        s.ranges.clear();
        s.cands.clear();
        // Terms of each sentence of text, sorted for counting. When the
        // text has no sentence of text, the headings stand in, so that a
        // text of titles alone still has a summary.
        for headings_too in [false, true] {
            for (index, sent) in s.sentences.iter().enumerate() {
                if sent.kind != SentenceKind::Text && !headings_too {
                    continue;
                }
                let start = s.terms.len();
                let words = s.vocab.analyze(
                    &inner.analysis,
                    sent.span.slice(text),
                    &mut s.terms,
                );
                if words == 0 {
                    s.terms.truncate(start);
                    continue;
                }
                s.terms[start..].sort_unstable();
                s.ranges.push(start..s.terms.len());
                let chars = budget.chars_of(sent.span.slice(text));
                s.cands.push(Candidate { index, score: 0.0, words, chars });
            }
            if !s.cands.is_empty() {
                break;
            }
        }
        s.focus.clear();
        s.vocab.analyze(&inner.analysis, &inner.focus, &mut s.focus);
        s.focus.sort_unstable();
        s.focus.dedup();
        s.stats.count(&s.terms, &s.ranges, s.vocab.len());
        let n = s.cands.len() as u32;
        s.parts.clear();
        let mut best = 0.0f32;
        for r in &s.ranges {
            let content = s.stats.content(&s.terms[r.clone()], n);
            best = best.max(content);
            s.parts.push(ScoreParts { content, position: 0.0 });
        }
        for (rank, ((p, c), r)) in
            s.parts.iter_mut().zip(&mut s.cands).zip(&s.ranges).enumerate()
        {
            if best > 0.0 {
                p.content /= best;
            }
            p.position = score::position(rank);
            c.score = score::total(*p, inner.position_weight)
                * focus::factor(&s.terms[r.clone()], &s.focus);
        }
        select::select(&s.cands, budget, &mut s.order, &mut s.picked);
        let picks = s
            .picked
            .iter()
            .map(|&i| {
                let c = s.cands[i];
                Scored {
                    index: c.index,
                    span: s.sentences[c.index].span,
                    score: c.score,
                    parts: s.parts[i],
                }
            })
            .collect();
        Summary { text, picks, total: s.sentences.len() }
    }
}

/// Working space for [`Summarizer::summarize_with`], reused across calls
/// to save allocations.
///
/// It keeps no results between calls, only buffers and a cache of word
/// forms, so any scratch space can be used with any summariser.
#[derive(Debug, Default)]
pub struct Scratch {
    sentences: Vec<Sentence>,
    vocab: Vocab,
    terms: Vec<TermId>,
    ranges: Vec<std::ops::Range<usize>>,
    cands: Vec<Candidate>,
    parts: Vec<ScoreParts>,
    stats: Stats,
    order: Vec<usize>,
    picked: Vec<usize>,
    focus: Vec<TermId>,
}

impl Scratch {
    /// Empty working space.
    pub fn new() -> Scratch {
        Scratch::default()
    }

    /// The sentence buffer, for the benchmarks of single stages.
    pub(crate) fn sentences_mut(&mut self) -> &mut Vec<Sentence> {
        &mut self.sentences
    }
}
