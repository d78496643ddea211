//! gisty from Python: the `gisty._gisty` extension module (PyO3, the
//! stable ABI of CPython 3.10 and later), wrapped by the `gisty` package
//! in `python/gisty/`.
//!
//! Everything Python sees is here: `summarize`, `split`, `Summarizer`
//! (with `summarize_batch` on Rust threads, the GIL released),
//! `Summary`, `Pick`, `Sentence` and `ItemError`. The options are turned
//! into the library's configuration in [`config`], with the CLI's
//! defaults and its wording of errors; offsets are turned from UTF-8
//! bytes into Python string indices in [`offsets`].

mod config;
mod offsets;

use std::borrow::Cow;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use gisty::{Budget, Language, Scratch, SentenceKind};
use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PySlice, PyString, PyTuple};
use serde::Serialize;

use crate::config::{BudgetArgs, Config};
use crate::offsets::Cursor;

create_exception!(
    gisty,
    ItemError,
    PyTypeError,
    "An item of a batch that is not a str (None, bytes, a number...).\n\n\
     Summarizer.summarize_batch puts it in that item's place in the \
     results (or raises it, with errors='raise'); its `index` attribute \
     is the item's position and its message says what the item was."
);

/// A text borrowed from a Python `str`, and whether it had to be
/// copied: a `str` with lone surrogates (which UTF-8 cannot hold) is
/// summarised with each of them read as U+FFFD, one code point for one,
/// so that indices still count the original's code points.
fn text_of<'a>(s: &'a Bound<'_, PyString>) -> PyResult<(Cow<'a, str>, bool)> {
    if let Ok(t) = s.to_str() {
        return Ok((Cow::Borrowed(t), false));
    }
    let units = s.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
    let units = units.cast::<PyBytes>()?.as_bytes();
    let text = units
        .chunks_exact(4)
        .map(|c| {
            let unit = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            char::from_u32(unit).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect();
    Ok((Cow::Owned(text), true))
}

/// A score as a Python float that prints as the CLI prints the `f32`
/// (its shortest decimal form: `0.77`, not `0.7699999809265137`).
fn score(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(f64::from(x))
}

/// One picked sentence, counted in bytes and in code points, computed
/// without the GIL.
#[derive(Clone, Copy, Debug)]
struct RawPick {
    index: usize,
    byte_start: usize,
    byte_end: usize,
    start: usize,
    end: usize,
    score: f32,
}

/// A summary computed without the GIL, before it becomes Python objects.
#[derive(Debug)]
struct Raw {
    picks: Vec<RawPick>,
    total: usize,
    language: Option<Language>,
    detected: bool,
    display: String,
}

fn run(
    core: &gisty::Summarizer,
    scratch: &mut Scratch,
    text: &str,
    title: Option<&str>,
    budget: Budget,
) -> Raw {
    let summary = match title {
        Some(t) => core.summarize_titled_with(scratch, text, t, budget),
        None => core.summarize_with(scratch, text, budget),
    };
    let mut cursor = Cursor::new(text);
    let picks = summary
        .scored()
        .iter()
        .map(|s| RawPick {
            index: s.index,
            byte_start: s.span.start,
            byte_end: s.span.end,
            start: cursor.offset(s.span.start),
            end: cursor.offset(s.span.end),
            score: s.score,
        })
        .collect();
    Raw {
        picks,
        total: summary.total_sentences(),
        language: summary.language(),
        detected: summary.language_detected(),
        display: summary.to_string(),
    }
}

/// The slice `start..end` (code points) of the original `str`: what a
/// pick's `text` is when the text had lone surrogates.
fn original_slice<'py>(
    original: &Bound<'py, PyString>,
    start: usize,
    end: usize,
) -> PyResult<Bound<'py, PyString>> {
    let py = original.py();
    let to = |n: usize| isize::try_from(n).unwrap_or(isize::MAX);
    let slice = PySlice::new(py, to(start), to(end), 1);
    Ok(original.as_any().get_item(slice)?.cast_into::<PyString>()?)
}

impl Summary {
    fn new(
        original: &Bound<'_, PyString>,
        text: &str,
        lossy: bool,
        title: Option<&str>,
        raw: Raw,
    ) -> PyResult<Summary> {
        let py = original.py();
        let mut picks = Vec::with_capacity(raw.picks.len());
        let mut texts = Vec::with_capacity(raw.picks.len());
        for p in &raw.picks {
            let slice = text.get(p.byte_start..p.byte_end).unwrap_or("");
            let shown = if lossy {
                original_slice(original, p.start, p.end)?
            } else {
                PyString::new(py, slice)
            };
            let pick = Pick {
                index: p.index,
                text: shown.unbind(),
                start: p.start,
                end: p.end,
                byte_start: p.byte_start,
                byte_end: p.byte_end,
                score: score(p.score),
            };
            picks.push(Py::new(py, pick)?);
            texts.push(slice.to_string());
        }
        Ok(Summary {
            sentences: PyTuple::new(py, picks)?.unbind(),
            raw,
            texts,
            title: title.map(str::to_string),
        })
    }
}

/// A sentence picked for a summary.
///
/// `start` and `end` are indices into the Python string that was
/// summarised (code points, as Python counts), so that
/// `text[pick.start:pick.end] == pick.text`; `byte_start` and
/// `byte_end` are the same span in UTF-8 bytes, as the `gisty` command
/// line reports it. `index` numbers the sentence among all the
/// document's sentences, as `gisty.split` does; `score` is its score
/// (higher is better).
#[pyclass(frozen, module = "gisty", get_all)]
struct Pick {
    /// Index of the sentence among the document's sentences.
    index: usize,
    /// The sentence, an exact slice of the text.
    text: Py<PyString>,
    /// First code point (a Python string index).
    start: usize,
    /// One past the last code point.
    end: usize,
    /// First byte in UTF-8, as the CLI counts.
    byte_start: usize,
    /// One past the last byte in UTF-8.
    byte_end: usize,
    /// The score: higher is better.
    score: f64,
}

#[pymethods]
impl Pick {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text = self.text.bind(py).repr()?;
        Ok(format!(
            "Pick(index={}, start={}, end={}, score={}, text={text})",
            self.index, self.start, self.end, self.score
        ))
    }
}

/// One sentence (or heading) of a split text.
///
/// `start` and `end` are Python string indices (`text[s.start:s.end]
/// == s.text`), `byte_start` and `byte_end` UTF-8 byte offsets as the
/// CLI reports them; `kind` is `"text"` for running text and
/// `"heading"` for a line that stands alone (a title, a byline, a
/// link), which a summary passes over while the document has text.
#[pyclass(frozen, module = "gisty", get_all)]
struct Sentence {
    /// Index of the sentence in the document.
    index: usize,
    /// The sentence, an exact slice of the text.
    text: Py<PyString>,
    /// First code point (a Python string index).
    start: usize,
    /// One past the last code point.
    end: usize,
    /// First byte in UTF-8.
    byte_start: usize,
    /// One past the last byte in UTF-8.
    byte_end: usize,
    /// `"text"` or `"heading"`.
    kind: &'static str,
}

#[pymethods]
impl Sentence {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text = self.text.bind(py).repr()?;
        Ok(format!(
            "Sentence(index={}, start={}, end={}, kind={:?}, text={text})",
            self.index, self.start, self.end, self.kind
        ))
    }

    /// The sentence as `gisty split --jsonl` writes it:
    /// `{"start", "end", "text"}` with byte offsets, and
    /// `"kind": "heading"` for a heading.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.byte_start)?;
        d.set_item("end", self.byte_end)?;
        d.set_item("text", self.text.bind(py))?;
        if self.kind != "text" {
            d.set_item("kind", self.kind)?;
        }
        Ok(d)
    }
}

/// The summary of one text: the picked sentences in document order.
///
/// `str(summary)` is the summary as one paragraph (the sentences joined
/// by one space, their line breaks folded), as the CLI prints it;
/// `summary.sentences` the picks (`Pick`: text, start, end, index,
/// score); `summary.language` the language used (`None` when none could
/// be told and the text was summarised language-agnostically) and
/// `summary.language_detected` whether it was detected. `len()` and
/// iteration go over the picks; a summary is false when empty (a text
/// without sentences).
///
/// `to_dict()` and `to_json()` give the CLI's `--format json` object,
/// whose `start` and `end` are UTF-8 byte offsets as the CLI reports
/// them (the picks' own `start` and `end` are string indices).
#[pyclass(frozen, module = "gisty")]
struct Summary {
    sentences: Py<PyTuple>,
    raw: Raw,
    texts: Vec<String>,
    title: Option<String>,
}

#[derive(Serialize)]
struct PickJson<'a> {
    index: usize,
    start: usize,
    end: usize,
    score: f32,
    text: &'a str,
}

#[derive(Serialize)]
struct SummaryJson<'a> {
    sentences: Vec<PickJson<'a>>,
    total_sentences: usize,
    language: Option<&'static str>,
    language_detected: bool,
}

#[pymethods]
impl Summary {
    /// The picked sentences (`Pick`), in document order.
    #[getter]
    fn sentences(&self, py: Python<'_>) -> Py<PyTuple> {
        self.sentences.clone_ref(py)
    }

    /// How many sentences (headings included) the document has.
    #[getter]
    fn total_sentences(&self) -> usize {
        self.raw.total
    }

    /// The language the text was summarised in (`"english"`), or `None`
    /// when it could not be told.
    #[getter]
    fn language(&self) -> Option<&'static str> {
        self.raw.language.map(Language::name)
    }

    /// True when `language` was detected from the text rather than
    /// given.
    #[getter]
    fn language_detected(&self) -> bool {
        self.raw.detected
    }

    /// The title the text was summarised with, if any.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    fn __str__(&self) -> &str {
        &self.raw.display
    }

    fn __repr__(&self) -> String {
        let language = self.raw.language.map_or("None", Language::name);
        format!(
            "Summary(sentences={}, total_sentences={}, language={language}, \
             language_detected={}, text={:?})",
            self.raw.picks.len(),
            self.raw.total,
            if self.raw.detected { "True" } else { "False" },
            self.raw.display
        )
    }

    fn __len__(&self) -> usize {
        self.raw.picks.len()
    }

    fn __bool__(&self) -> bool {
        !self.raw.picks.is_empty()
    }

    fn __iter__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Bound<'py, pyo3::types::PyIterator>> {
        self.sentences.bind(py).as_any().try_iter()
    }

    /// The summary as the CLI's `gisty --format json` writes it:
    /// `{"sentences": [{"index", "start", "end", "score", "text"}],
    /// "total_sentences", "language", "language_detected"}`, with
    /// `start`/`end` in UTF-8 bytes. (The title given to summarise with
    /// is not in it, as the CLI's `--title` is not: see `title`.)
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        let list = PyList::empty(py);
        for (p, pick) in self.raw.picks.iter().zip(self.sentences.bind(py)) {
            let s = PyDict::new(py);
            s.set_item("index", p.index)?;
            s.set_item("start", p.byte_start)?;
            s.set_item("end", p.byte_end)?;
            s.set_item("score", score(p.score))?;
            s.set_item("text", pick.getattr("text")?)?;
            list.append(s)?;
        }
        d.set_item("sentences", list)?;
        d.set_item("total_sentences", self.raw.total)?;
        d.set_item("language", self.language())?;
        d.set_item("language_detected", self.raw.detected)?;
        Ok(d)
    }

    /// `to_dict()` as JSON text: the same bytes as `gisty --format json`
    /// (without its final newline).
    fn to_json(&self) -> PyResult<String> {
        let doc = SummaryJson {
            sentences: self
                .raw
                .picks
                .iter()
                .zip(&self.texts)
                .map(|(p, text)| PickJson {
                    index: p.index,
                    start: p.byte_start,
                    end: p.byte_end,
                    score: p.score,
                    text,
                })
                .collect(),
            total_sentences: self.raw.total,
            language: self.language(),
            language_detected: self.raw.detected,
        };
        serde_json::to_string(&doc)
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }
}

/// Splits `text` with `core`, as `gisty split` does.
fn split_with(
    py: Python<'_>,
    core: &gisty::Summarizer,
    text: &Bound<'_, PyString>,
) -> PyResult<Vec<Sentence>> {
    let (t, lossy) = text_of(text)?;
    let spans = py.detach(|| {
        let sentences = core.sentences(&t);
        let mut cursor = Cursor::new(&t);
        sentences
            .iter()
            .map(|s| {
                let (a, b) = (s.span.start, s.span.end);
                (s.kind, a, b, cursor.offset(a), cursor.offset(b))
            })
            .collect::<Vec<_>>()
    });
    spans
        .into_iter()
        .enumerate()
        .map(|(index, (kind, byte_start, byte_end, start, end))| {
            let shown = if lossy {
                original_slice(text, start, end)?
            } else {
                PyString::new(py, t.get(byte_start..byte_end).unwrap_or(""))
            };
            Ok(Sentence {
                index,
                text: shown.unbind(),
                start,
                end,
                byte_start,
                byte_end,
                kind: match kind {
                    SentenceKind::Heading => "heading",
                    _ => "text",
                },
            })
        })
        .collect()
}

/// The number of threads for a batch: `jobs`, or every core.
fn jobs(jobs: Option<i64>) -> PyResult<usize> {
    match jobs {
        None => {
            Ok(std::thread::available_parallelism().map_or(1, |n| n.get()))
        }
        Some(n) if n >= 1 => Ok(usize::try_from(n).unwrap_or(1024).min(1024)),
        Some(n) => Err(config::out_of_range(
            "jobs",
            n,
            "an integer >= 1 (or None: every core)",
        )),
    }
}

/// Summarises each item on up to `jobs` threads, each with its own
/// scratch space, taking the next item as it finishes one (so that a
/// long document does not hold the others up); results in input order.
fn run_batch(
    core: &gisty::Summarizer,
    budget: Budget,
    items: &[Option<(&str, Option<&str>)>],
    jobs: usize,
) -> Vec<Option<Raw>> {
    let n = items.len();
    let jobs = jobs.clamp(1, n.max(1));
    if jobs == 1 {
        let mut scratch = Scratch::new();
        return items
            .iter()
            .map(|item| {
                item.map(|(text, title)| {
                    run(core, &mut scratch, text, title, budget)
                })
            })
            .collect();
    }
    let next = AtomicUsize::new(0);
    let done: Vec<Vec<(usize, Raw)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                scope.spawn(|| {
                    let mut scratch = Scratch::new();
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        if let Some((text, title)) = *item {
                            let raw =
                                run(core, &mut scratch, text, title, budget);
                            done.push((i, raw));
                        }
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    let mut out: Vec<Option<Raw>> = (0..n).map(|_| None).collect();
    for (i, raw) in done.into_iter().flatten() {
        out[i] = Some(raw);
    }
    out
}

/// The error for a batch item that is not a `str`.
fn item_error(
    py: Python<'_>,
    what: &str,
    index: usize,
    item: &Bound<'_, PyAny>,
) -> PyErr {
    let got = if item.is_none() {
        "None".to_string()
    } else {
        item.get_type()
            .name()
            .map_or_else(|_| "?".to_string(), |n| n.to_string())
    };
    let err = ItemError::new_err(format!(
        "{what}[{index}]: expected a str, got {got}"
    ));
    // The index as an attribute too, for code that handles the error.
    let _ = err.value(py).setattr("index", index);
    err
}

/// A summariser: configured once, then used for any number of texts.
///
/// Summarizer(sentences=None, *, ratio=None, words=None, chars=None,
/// min_words=None, max_words=None, language="auto", preset=None,
/// focus=None, position_weight=None, redundancy=None, stop_words=None,
/// replace_stop_words=False, abbreviations=None)
///
/// The options are the `gisty` command line's, with its defaults: at
/// most one budget (`sentences`, `ratio` in (0, 1], `words` or `chars`;
/// three sentences when none is given), `min_words`/`max_words` to keep
/// very short or long sentences out, `language` "auto" (told from each
/// text) or a name or ISO 639-1 code ("german", "de"), `preset` "news"
/// (the default weighting) or "centrality" (no lead bias),
/// `position_weight` in [0, 1], `redundancy` in (0, 1], `focus` words
/// to favour, extra `stop_words` (replacing the language's own with
/// `replace_stop_words=True`) and `abbreviations` after which a full
/// stop does not end a sentence.
///
/// Raises ValueError, naming the option, for a bad value. A Summarizer
/// is immutable and safe to share between threads.
#[pyclass(frozen, module = "gisty", name = "Summarizer")]
struct PySummarizer {
    core: gisty::Summarizer,
    budget: Budget,
    config: Config,
}

#[pymethods]
impl PySummarizer {
    #[new]
    #[pyo3(signature = (
        sentences=None, *, ratio=None, words=None, chars=None,
        min_words=None, max_words=None, language="auto", preset=None,
        focus=None, position_weight=None, redundancy=None,
        stop_words=None, replace_stop_words=false, abbreviations=None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        sentences: Option<i64>,
        ratio: Option<f64>,
        words: Option<i64>,
        chars: Option<i64>,
        min_words: Option<i64>,
        max_words: Option<i64>,
        language: &str,
        preset: Option<&str>,
        focus: Option<String>,
        position_weight: Option<f32>,
        redundancy: Option<f32>,
        stop_words: Option<Vec<String>>,
        replace_stop_words: bool,
        abbreviations: Option<Vec<String>>,
    ) -> PyResult<PySummarizer> {
        let budget = BudgetArgs {
            sentences,
            ratio,
            words,
            chars,
            min_words,
            max_words,
        }
        .budget()?;
        let config = Config {
            language: config::language(language)?,
            preset: config::preset(preset)?,
            position_weight,
            redundancy,
            focus,
            stop_words,
            replace_stop_words,
            abbreviations,
        };
        Ok(PySummarizer { core: config.build()?, budget, config })
    }

    /// The language option: "auto" or the language's name.
    #[getter]
    fn language(&self) -> &'static str {
        self.config.language.map_or("auto", Language::name)
    }

    /// summarize(text, *, title=None) -> Summary
    ///
    /// Summarises one text (a str; any str gives a Summary, empty when
    /// it has no sentence). With `title`, sentences sharing its words
    /// score higher. Releases the GIL while it works.
    #[pyo3(signature = (text, *, title=None))]
    fn summarize(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyString>,
        title: Option<&str>,
    ) -> PyResult<Summary> {
        let (t, lossy) = text_of(text)?;
        let raw = py.detach(|| {
            run(&self.core, &mut Scratch::new(), &t, title, self.budget)
        });
        Summary::new(text, &t, lossy, title, raw)
    }

    /// summarize_batch(texts, jobs=None, *, titles=None, errors="return")
    /// -> list[Summary | ItemError]
    ///
    /// Summarises every text of `texts` (any iterable of str) on `jobs`
    /// Rust threads (every core when None), with the GIL released while
    /// they work, and returns the summaries in input order: the same
    /// list for any `jobs`.
    ///
    /// An item that is not a str (None, bytes, a number) does not stop
    /// the batch: with errors="return" (the default) its place in the
    /// list holds an `ItemError` (a TypeError whose message names the
    /// item, as in "texts[2]: expected a str, got None", and whose
    /// `index` is 2), and the other items are summarised. With
    /// errors="raise" the first such item raises its ItemError before
    /// any work is done.
    ///
    /// `titles`, when given, is a sequence as long as `texts` of str or
    /// None: each text's title.
    #[pyo3(signature = (texts, jobs=None, *, titles=None, errors="return"))]
    fn summarize_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        jobs: Option<i64>,
        titles: Option<&Bound<'py, PyAny>>,
        errors: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let raise = match errors {
            "return" => false,
            "raise" => true,
            other => {
                return Err(PyValueError::new_err(format!(
                    "invalid errors '{other}': expected 'return' or 'raise'"
                )));
            }
        };
        let jobs = self::jobs(jobs)?;
        let items: Vec<Bound<'py, PyAny>> =
            texts.try_iter()?.collect::<PyResult<_>>()?;
        let titles: Option<Vec<Bound<'py, PyAny>>> = match titles {
            None => None,
            Some(t) if t.is_none() => None,
            Some(t) => Some(t.try_iter()?.collect::<PyResult<_>>()?),
        };
        if let Some(t) = &titles
            && t.len() != items.len()
        {
            return Err(PyValueError::new_err(format!(
                "invalid titles: {} titles for {} texts",
                t.len(),
                items.len()
            )));
        }
        // Check every item first (and borrow its text), so that nothing
        // Python is touched once the GIL is released.
        let mut strings: Vec<Option<Bound<'py, PyString>>> = Vec::new();
        let mut title_strings: Vec<Option<Bound<'py, PyString>>> = Vec::new();
        let mut failed: Vec<Option<PyErr>> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let title = match titles.as_ref().map(|t| &t[i]) {
                None => None,
                Some(t) if t.is_none() => None,
                Some(t) => match t.cast::<PyString>() {
                    Ok(s) => Some(s.clone()),
                    Err(_) => {
                        return Err(item_error(py, "titles", i, t));
                    }
                },
            };
            match item.cast::<PyString>() {
                Ok(s) => {
                    strings.push(Some(s.clone()));
                    failed.push(None);
                }
                Err(_) => {
                    let e = item_error(py, "texts", i, item);
                    if raise {
                        return Err(e);
                    }
                    strings.push(None);
                    failed.push(Some(e));
                }
            }
            title_strings.push(title);
        }
        let mut texts = Vec::with_capacity(strings.len());
        for s in &strings {
            texts.push(match s {
                Some(s) => Some(text_of(s)?),
                None => None,
            });
        }
        let title_texts: Vec<Option<Cow<'_, str>>> = title_strings
            .iter()
            .map(|t| t.as_ref().map(|t| t.to_string_lossy()))
            .collect();
        let work: Vec<Option<(&str, Option<&str>)>> = texts
            .iter()
            .zip(&title_texts)
            .map(|(t, title)| {
                t.as_ref().map(|(t, _)| (t.as_ref(), title.as_deref()))
            })
            .collect();
        let core = &self.core;
        let budget = self.budget;
        let raws = py.detach(|| run_batch(core, budget, &work, jobs));
        let out = PyList::empty(py);
        for (i, raw) in raws.into_iter().enumerate() {
            match (raw, &strings[i], &texts[i]) {
                (Some(raw), Some(original), Some((t, lossy))) => {
                    let title = title_texts[i].as_deref();
                    let s = Summary::new(original, t, *lossy, title, raw)?;
                    out.append(Py::new(py, s)?)?;
                }
                _ => match failed[i].take() {
                    Some(e) => out.append(e.value(py))?,
                    None => out.append(py.None())?,
                },
            }
        }
        Ok(out)
    }

    /// split(text) -> list[Sentence]
    ///
    /// The sentences of `text` as this summariser splits them (with its
    /// language, or the one told from the text under "auto").
    fn split(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyString>,
    ) -> PyResult<Vec<Sentence>> {
        split_with(py, &self.core, text)
    }

    fn __repr__(&self) -> String {
        format!(
            "Summarizer(language={:?}, budget={:?})",
            self.language(),
            self.budget
        )
    }
}

/// The summariser `summarize` built last, and its options.
static LAST: Mutex<Option<(Config, gisty::Summarizer)>> = Mutex::new(None);

/// The summariser `split` built last, and its options.
static LAST_SPLIT: Mutex<Option<(Config, gisty::Summarizer)>> =
    Mutex::new(None);

/// summarize(text, sentences=None, *, ratio=None, words=None,
/// chars=None, language="auto", preset=None, title=None, focus=None)
/// -> Summary
///
/// Summarises `text` as `gisty` on the command line does, with the same
/// defaults: three sentences unless another budget is given (at most one
/// of `sentences`, `ratio` in (0, 1], `words`, `chars`), the language
/// told from the text ("auto"; or a name or code such as "german" or
/// "de"), the "news" preset ("centrality" for text without a lead).
/// `title` favours the sentences sharing its words, `focus` those about
/// the given words.
///
/// Raises ValueError naming the option for a bad value; any str gives a
/// Summary. For many texts, build a `Summarizer` once and use its
/// `summarize_batch`.
#[pyfunction]
#[pyo3(signature = (
    text, sentences=None, *, ratio=None, words=None, chars=None,
    language="auto", preset=None, title=None, focus=None
))]
#[allow(clippy::too_many_arguments)]
fn summarize(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    sentences: Option<i64>,
    ratio: Option<f64>,
    words: Option<i64>,
    chars: Option<i64>,
    language: &str,
    preset: Option<&str>,
    title: Option<&str>,
    focus: Option<String>,
) -> PyResult<Summary> {
    let budget = BudgetArgs {
        sentences,
        ratio,
        words,
        chars,
        min_words: None,
        max_words: None,
    }
    .budget()?;
    let config = Config {
        language: config::language(language)?,
        preset: config::preset(preset)?,
        focus,
        ..Config::default()
    };
    let core = config.cached(&LAST)?;
    let (t, lossy) = text_of(text)?;
    let raw = py.detach(|| run(&core, &mut Scratch::new(), &t, title, budget));
    Summary::new(text, &t, lossy, title, raw)
}

/// split(text, *, language="auto") -> list[Sentence]
///
/// The sentences of `text`, as `gisty split` finds them: in the
/// language told from the text ("auto"), or the one given.
#[pyfunction]
#[pyo3(signature = (text, *, language="auto"))]
fn split(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    language: &str,
) -> PyResult<Vec<Sentence>> {
    let config =
        Config { language: config::language(language)?, ..Config::default() };
    let core = config.cached(&LAST_SPLIT)?;
    split_with(py, &core, text)
}

/// gisty: extractive summarisation (No time to read? Get a summary).
#[pymodule]
fn _gisty(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(summarize, m)?)?;
    m.add_function(wrap_pyfunction!(split, m)?)?;
    m.add_class::<PySummarizer>()?;
    m.add_class::<Summary>()?;
    m.add_class::<Pick>()?;
    m.add_class::<Sentence>()?;
    m.add("ItemError", m.py().get_type::<ItemError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
