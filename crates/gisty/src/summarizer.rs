//! The summariser: a validated configuration, and the pipeline that runs
//! it over a text.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use crate::analyze::{Analysis, Set, TermId, Vocab};
use crate::budget::Budget;
use crate::error::BuildError;
use crate::focus;
use crate::lang::{self, Language, Lexicon};
use crate::score::{self, Doc, Params, Scorer, Shape};
use crate::segment::{Sentence, SentenceKind, Splitter};
use crate::select::{self, Candidate, Selector};
use crate::summary::{ScoreParts, Scored, Summary};
use crate::vectors::run;

/// The default weight of position against centrality, for news written
/// as an inverted pyramid: see [`SummarizerBuilder::position_weight`].
pub const DEFAULT_POSITION_WEIGHT: f32 = 0.8;

/// The default shortest sentence, in words, that is fit for a summary:
/// see [`SummarizerBuilder::demote_under`].
pub const DEFAULT_DEMOTE_UNDER: usize = 6;

/// The default similarity above which a sentence repeats one already
/// picked: see [`SummarizerBuilder::redundancy`].
pub const DEFAULT_REDUNDANCY: f32 = 0.5;

/// A named configuration for a kind of text, set with
/// [`SummarizerBuilder::preset`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Preset {
    /// News written as an inverted pyramid, where the first sentences
    /// tell the story: position weight [`DEFAULT_POSITION_WEIGHT`]. The
    /// default.
    #[default]
    News,
    /// Text whose important sentences may stand anywhere (reports,
    /// essays, feature stories): centrality alone, position weight 0.
    Centrality,
}

impl Preset {
    /// The position weight of this preset.
    pub fn position_weight(self) -> f32 {
        match self {
            Preset::News => DEFAULT_POSITION_WEIGHT,
            Preset::Centrality => 0.0,
        }
    }
}

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
    auto: bool,
    position_weight: f32,
    min_words: usize,
    redundancy: f32,
    lexicon: Lexicon,
    abbreviations: Vec<String>,
    focus: String,
}

impl Default for SummarizerBuilder {
    fn default() -> SummarizerBuilder {
        SummarizerBuilder::new()
    }
}

impl SummarizerBuilder {
    /// A builder with the defaults: English, the [`Preset::News`]
    /// position weight [`DEFAULT_POSITION_WEIGHT`],
    /// [`DEFAULT_DEMOTE_UNDER`] and [`DEFAULT_REDUNDANCY`].
    pub fn new() -> SummarizerBuilder {
        SummarizerBuilder {
            language: Language::English,
            auto: false,
            position_weight: DEFAULT_POSITION_WEIGHT,
            min_words: DEFAULT_DEMOTE_UNDER,
            redundancy: DEFAULT_REDUNDANCY,
            lexicon: Lexicon {
                stop_words: Vec::new(),
                builtin_stop_words: true,
            },
            abbreviations: Vec::new(),
            focus: String::new(),
        }
    }

    /// The language of the texts: its sentence rules, stop words and
    /// stemmer. Turns off [`language_auto`](Self::language_auto).
    pub fn language(&mut self, language: Language) -> &mut SummarizerBuilder {
        self.language = language;
        self.auto = false;
        self
    }

    /// Tells the language of each text by itself
    /// ([`Language::detect`]), and summarises it with that language's
    /// stop words, stemmer and sentence rules.
    ///
    /// A text whose language cannot be told (too short, no letters, a
    /// language gisty does not know) is summarised language-agnostically:
    /// no stemmer, no built-in stop words, character bigrams for
    /// unspaced scripts, and the sentence rules of the language last
    /// given to [`language`](Self::language) (English by default).
    /// [`Summary::language`] says which language was used and
    /// [`Summary::language_detected`] whether it was detected.
    ///
    /// Each language's word lists are built the first time a text in it
    /// is seen, once for the summariser and all its clones.
    ///
    /// ```
    /// use gisty::{Budget, Language, Summarizer};
    ///
    /// let summarizer = Summarizer::builder().language_auto().build()?;
    /// let text = "La commune a inauguré mardi une école de cuisine. \
    ///             Elle accueillera trente élèves par an.";
    /// let summary = summarizer.summarize(text, Budget::sentences(1));
    /// assert_eq!(summary.language(), Some(Language::French));
    /// assert!(summary.language_detected());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn language_auto(&mut self) -> &mut SummarizerBuilder {
        self.auto = true;
        self
    }

    /// Sets the position weight of a [`Preset`]: [`Preset::News`] for
    /// inverted-pyramid news (the default), [`Preset::Centrality`] for
    /// text whose important sentences may stand anywhere.
    pub fn preset(&mut self, preset: Preset) -> &mut SummarizerBuilder {
        self.position_weight = preset.position_weight();
        self
    }

    /// How much a sentence's position counts against its centrality,
    /// from 0 (centrality alone) to 1 (position alone: the lead
    /// sentences). The score mixes them geometrically:
    /// `centrality^(1 - w) * position^w`, with `position = 1 / (rank + 1)`.
    /// Checked by [`build`](Self::build).
    pub fn position_weight(&mut self, weight: f32) -> &mut SummarizerBuilder {
        self.position_weight = weight;
        self
    }

    /// Sentences of fewer than `words` words (stop words included) are
    /// not fit for a summary: like questions, they are demoted (the
    /// `form` part of [`ScoreParts`]) and picked only when nothing better
    /// is left. `0` turns this off for length. Unlike
    /// [`Budget::sentence_words`], which sets sentences aside, this only
    /// lowers their scores.
    pub fn demote_under(&mut self, words: usize) -> &mut SummarizerBuilder {
        self.min_words = words;
        self
    }

    /// Redundancy control: a sentence whose TF-IDF cosine similarity to
    /// one already picked is above `threshold` is passed over while
    /// other sentences are left. `1` turns this off. Checked by
    /// [`build`](Self::build): a number in `(0, 1]`.
    pub fn redundancy(&mut self, threshold: f32) -> &mut SummarizerBuilder {
        self.redundancy = threshold;
        self
    }

    /// Words to drop as stop words, on top of the language's list. They
    /// are compared after lowercasing.
    pub fn stop_words<I, S>(&mut self, words: I) -> &mut SummarizerBuilder
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.lexicon
            .stop_words
            .extend(words.into_iter().map(|w| w.as_ref().to_string()));
        self
    }

    /// Whether the language's own stop words are used (the default).
    /// With `false`, only the words given to
    /// [`stop_words`](Self::stop_words) are stop words: the user's list
    /// replaces the built-in one.
    pub fn builtin_stop_words(&mut self, yes: bool) -> &mut SummarizerBuilder {
        self.lexicon.builtin_stop_words = yes;
        self
    }

    /// Abbreviations after which a full stop does not end a sentence, on
    /// top of the splitter's own (`"approx."` or `"approx"`; compared
    /// after lowercasing). Applies to [`Summarizer::summarize`] and
    /// [`Summarizer::sentences`].
    pub fn abbreviations<I, S>(&mut self, words: I) -> &mut SummarizerBuilder
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.abbreviations
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
    /// When the position weight is not a number in `[0, 1]`, the
    /// redundancy threshold not one in `(0, 1]`, or the focus is not
    /// empty but has no term (only stop words or numbers).
    pub fn build(&self) -> Result<Summarizer, BuildError> {
        let w = self.position_weight;
        if !(w.is_finite() && (0.0..=1.0).contains(&w)) {
            return Err(BuildError::out_of_range(
                "position weight",
                w.into(),
                "a number in [0, 1]",
            ));
        }
        let r = self.redundancy;
        if !(r.is_finite() && r > 0.0 && r <= 1.0) {
            return Err(BuildError::out_of_range(
                "redundancy",
                r.into(),
                "a number in (0, 1]",
            ));
        }
        let inner = Inner {
            language: self.language,
            auto: self.auto,
            params: Params { position_weight: w, min_words: self.min_words },
            redundancy: r,
            lexicon: self.lexicon.clone(),
            abbreviations: lang::abbrev::set(&self.abbreviations),
            focus: self.focus.clone(),
            analyses: (0..=Language::ALL.len())
                .map(|_| OnceLock::new())
                .collect(),
        };
        if !self.auto {
            // A fixed language pays for its word lists here, once.
            inner.analysis(Some(self.language));
        }
        // Focus words must leave at least one term in the language the
        // summariser is built for (under `auto`, its fallback language).
        let mut focus_terms = Vec::new();
        Vocab::default().analyze(
            inner.analysis(Some(self.language)),
            &self.focus,
            &mut focus_terms,
        );
        if focus_terms.is_empty() && !self.focus.trim().is_empty() {
            return Err(BuildError::empty_focus(&self.focus));
        }
        Ok(Summarizer { inner: Arc::new(inner) })
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
    /// The fixed language, or under `auto` the fallback for sentence
    /// rules.
    language: Language,
    auto: bool,
    params: Params,
    redundancy: f32,
    lexicon: Lexicon,
    abbreviations: Set<Box<str>>,
    /// The focus words, analysed anew with each text's vocabulary.
    focus: String,
    /// One analysis per language of [`Language::ALL`], by index, and a
    /// last one for texts of unknown language; each built on first use.
    analyses: Box<[OnceLock<Analysis>]>,
}

impl Inner {
    /// The analysis of `language` (`None`: unknown), built on first use.
    fn analysis(&self, language: Option<Language>) -> &Analysis {
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        let i = language.map_or(Language::ALL.len(), Language::index);
        self.analyses[i].get_or_init(|| {
            let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
            lang::analysis(language, &self.lexicon, id)
        })
    }

    /// The language to summarise `text` in, and whether it was detected.
    fn language_of(&self, text: &str) -> (Option<Language>, bool) {
        if !self.auto {
            return (Some(self.language), false);
        }
        match Language::detect(text) {
            Some(l) => (Some(l), true),
            None => (None, false),
        }
    }

    /// Splits `text` with the rules of `language` and the user's
    /// abbreviations.
    fn split_into(
        &self,
        language: Option<Language>,
        text: &str,
        out: &mut Vec<Sentence>,
    ) {
        Splitter::new(language.unwrap_or(self.language)).split_into(text, out);
        lang::abbrev::merge(text, &self.abbreviations, out);
    }
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

    /// The language this summariser was built for: under
    /// [`language_auto`](SummarizerBuilder::language_auto), the one whose
    /// sentence rules apply to texts whose language cannot be told.
    pub fn language(&self) -> Language {
        self.inner.language
    }

    /// The position weight `w` of this summariser's scores: see
    /// [`SummarizerBuilder::position_weight`].
    pub fn position_weight(&self) -> f32 {
        self.inner.params.position_weight
    }

    /// True when this summariser tells each text's language by itself
    /// ([`SummarizerBuilder::language_auto`]).
    pub fn is_language_auto(&self) -> bool {
        self.inner.auto
    }

    /// The sentences of `text` as this summariser splits them (in the
    /// detected language, under
    /// [`language_auto`](SummarizerBuilder::language_auto)).
    pub fn sentences(&self, text: &str) -> Vec<Sentence> {
        let mut out = Vec::new();
        let (language, _) = self.inner.language_of(text);
        self.inner.split_into(language, text, &mut out);
        out
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
        self.run(scratch, text, None, budget)
    }

    /// Summarises `text`, whose title is `title`, within `budget`:
    /// sentences that share the title's terms score higher (the `title`
    /// part of [`ScoreParts`]). The title itself is never picked.
    pub fn summarize_titled<'t>(
        &self,
        text: &'t str,
        title: &str,
        budget: Budget,
    ) -> Summary<'t> {
        self.run(&mut Scratch::new(), text, Some(title), budget)
    }

    /// [`summarize_titled`](Self::summarize_titled), reusing `scratch`.
    pub fn summarize_titled_with<'t>(
        &self,
        scratch: &mut Scratch,
        text: &'t str,
        title: &str,
        budget: Budget,
    ) -> Summary<'t> {
        self.run(scratch, text, Some(title), budget)
    }

    fn run<'t>(
        &self,
        scratch: &mut Scratch,
        text: &'t str,
        title: Option<&str>,
        budget: Budget,
    ) -> Summary<'t> {
        let (language, detected) = self.inner.language_of(text);
        self.inner.split_into(language, text, &mut scratch.sentences);
        self.summarize_split(scratch, text, title, budget, language, detected)
    }

    /// The analysis settings of the summariser's own language, for the
    /// benchmarks of single stages.
    pub(crate) fn analysis(&self) -> &Analysis {
        self.inner.analysis(Some(self.inner.language))
    }

    /// [`summarize_with`](Self::summarize_with) after splitting: on the
    /// sentences already in `scratch`.
    pub(crate) fn summarize_split<'t>(
        &self,
        s: &mut Scratch,
        text: &'t str,
        title: Option<&str>,
        budget: Budget,
        language: Option<Language>,
        detected: bool,
    ) -> Summary<'t> {
        let inner = &*self.inner;
        let analysis = inner.analysis(language);
        s.vocab.prepare(analysis);
        s.terms.clear();
        s.starts.clear();
        s.starts.push(0);
        s.cands.clear();
        s.shapes.clear();
        // Terms of each sentence of text, sorted for counting. When the
        // text has no sentence of text, the headings stand in, so that a
        // text of titles alone still has a summary.
        //
        // Indices are `u32`, to keep the per-sentence records small on a
        // long text: a text beyond 4 GiB has its sentences scored up to
        // the 2^32-th sentence or term, the rest left out.
        let saturate = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        for headings_too in [false, true] {
            for (index, sent) in s.sentences.iter().enumerate() {
                if sent.kind != SentenceKind::Text && !headings_too {
                    continue;
                }
                let start = s.terms.len();
                let slice = sent.span.slice(text);
                let words = s.vocab.analyze(analysis, slice, &mut s.terms);
                let (Ok(index), Ok(end)) =
                    (u32::try_from(index), u32::try_from(s.terms.len()))
                else {
                    s.terms.truncate(start);
                    break;
                };
                if words == 0 {
                    s.terms.truncate(start);
                    continue;
                }
                s.terms[start..].sort_unstable();
                s.starts.push(end);
                let (words, chars) =
                    (saturate(words), saturate(budget.chars_of(slice)));
                s.cands.push(Candidate { index, score: 0.0, words, chars });
                s.shapes.push(Shape {
                    words,
                    question: score::is_question(slice),
                });
            }
            if !s.cands.is_empty() {
                break;
            }
        }
        s.focus.clear();
        s.vocab.analyze(analysis, &inner.focus, &mut s.focus);
        s.focus.sort_unstable();
        s.focus.dedup();
        s.title.clear();
        if let Some(title) = title {
            s.vocab.analyze(analysis, title, &mut s.title);
            s.title.sort_unstable();
            s.title.dedup();
        }
        let doc = Doc {
            terms: &s.terms,
            starts: &s.starts,
            shapes: &s.shapes,
            title: &s.title,
            vocab_len: s.vocab.len(),
        };
        s.scorer.score(doc, inner.params, &mut s.parts);
        let w = inner.params.position_weight;
        let leads = s.scorer.leads(s.parts.len(), w);
        let it = s.parts.iter_mut().zip(&mut s.cands).zip(leads);
        for (i, ((p, c), &lead)) in it.enumerate() {
            p.focus = focus::coverage(&s.terms[run(&s.starts, i)], &s.focus);
            c.score = score::total_with(*p, w, lead);
        }
        // A long text's terms are not needed any more: give their room
        // back before the summary takes its own (a short one's stay, for
        // the next text).
        s.release_large();
        let vectors = s.scorer.vectors();
        select::select(
            &s.cands,
            budget,
            inner.redundancy,
            |a, b| vectors.similarity(a, b),
            &mut s.selector,
            &mut s.picked,
        );
        s.scorer.release_large();
        let scored = |i: usize| {
            let c = s.cands[i];
            Scored {
                index: c.index as usize,
                span: s.sentences[c.index as usize].span,
                score: c.score,
                parts: s.parts[i],
            }
        };
        let picks = s.picked.iter().map(|&i| scored(i)).collect();
        let candidates = (0..s.cands.len()).map(scored).collect();
        Summary {
            text,
            picks,
            candidates,
            total: s.sentences.len(),
            language,
            language_detected: detected,
        }
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
    /// Sentence `i`'s terms are `terms[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    cands: Vec<Candidate>,
    shapes: Vec<Shape>,
    title: Vec<TermId>,
    parts: Vec<ScoreParts>,
    scorer: Scorer,
    selector: Selector,
    picked: Vec<usize>,
    focus: Vec<TermId>,
}

impl Scratch {
    /// Empty working space.
    pub fn new() -> Scratch {
        Scratch::default()
    }

    /// Frees the term buffer when a long text made it large: reused
    /// buffers keep their room between texts, which is what a batch of
    /// news articles wants, but one text of 100 MB should not keep
    /// tens of MB of terms alive while its summary is built (issue #5:
    /// memory at most 3 times the input).
    fn release_large(&mut self) {
        /// Terms (4 bytes each) kept between texts: 4 MB.
        const KEEP: usize = 1 << 20;
        if self.terms.capacity() > KEEP {
            self.terms = Vec::new();
        }
    }

    /// The sentence buffer, for the benchmarks of single stages.
    pub(crate) fn sentences_mut(&mut self) -> &mut Vec<Sentence> {
        &mut self.sentences
    }
}
