//! Python's keyword arguments -> the library's configuration, in one
//! place, with the CLI's defaults (language detection on, three
//! sentences) and errors that name the option.

use std::sync::Mutex;

use gisty::{Budget, Language, Preset, Summarizer, SummarizerBuilder};
use pyo3::PyResult;
use pyo3::exceptions::PyValueError;

/// The summariser's options, as given: compared to reuse the last
/// summariser built for `gisty.summarize` and `gisty.split`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// `None`: `"auto"`, the language told from each text.
    pub language: Option<Language>,
    pub preset: Option<Preset>,
    pub position_weight: Option<f32>,
    pub redundancy: Option<f32>,
    pub focus: Option<String>,
    pub stop_words: Option<Vec<String>>,
    pub replace_stop_words: bool,
    pub abbreviations: Option<Vec<String>>,
}

/// The error for a value out of its range, worded as the library words
/// its own (`BuildError`).
pub fn out_of_range(
    option: &str,
    value: impl std::fmt::Display,
    allowed: &str,
) -> pyo3::PyErr {
    PyValueError::new_err(format!(
        "invalid value {value} for {option}: expected {allowed}"
    ))
}

/// The language named by `language=`: `None` for `"auto"`.
pub fn language(name: &str) -> PyResult<Option<Language>> {
    if name.trim().eq_ignore_ascii_case("auto") {
        return Ok(None);
    }
    name.parse::<Language>().map(Some).map_err(|e| {
        PyValueError::new_err(format!(
            "invalid language (try 'auto', 'german' or 'de'): {e}"
        ))
    })
}

/// The preset named by `preset=`.
pub fn preset(name: Option<&str>) -> PyResult<Option<Preset>> {
    match name.map(str::trim) {
        None => Ok(None),
        Some(p) if p.eq_ignore_ascii_case("news") => Ok(Some(Preset::News)),
        Some(p) if p.eq_ignore_ascii_case("centrality") => {
            Ok(Some(Preset::Centrality))
        }
        Some(p) => Err(PyValueError::new_err(format!(
            "invalid preset '{p}': expected 'news' or 'centrality'"
        ))),
    }
}

/// A count that must not be negative.
fn count(option: &str, n: i64) -> PyResult<usize> {
    usize::try_from(n).map_err(|_| out_of_range(option, n, "an integer >= 0"))
}

/// The budgets given, at most one: three sentences when none is.
pub struct BudgetArgs {
    pub sentences: Option<i64>,
    pub ratio: Option<f64>,
    pub words: Option<i64>,
    pub chars: Option<i64>,
    pub min_words: Option<i64>,
    pub max_words: Option<i64>,
}

impl BudgetArgs {
    /// The budget, as the CLI's `-n/--ratio/--words/--chars` and
    /// `--min-words/--max-words` make it.
    pub fn budget(&self) -> PyResult<Budget> {
        let given = [
            self.sentences.is_some(),
            self.ratio.is_some(),
            self.words.is_some(),
            self.chars.is_some(),
        ];
        if given.iter().filter(|&&g| g).count() > 1 {
            return Err(PyValueError::new_err(
                "give at most one of sentences, ratio, words and chars",
            ));
        }
        let budget = if let Some(n) = self.sentences {
            Budget::sentences(count("sentences", n)?)
        } else if let Some(r) = self.ratio {
            // The library checks the range (and names the option); a
            // value too large for an f32 is out of range as well.
            Budget::ratio(r as f32)
                .map_err(|e| PyValueError::new_err(e.to_string()))?
        } else if let Some(n) = self.words {
            Budget::words(count("words", n)?)
        } else if let Some(n) = self.chars {
            Budget::chars(count("chars", n)?)
        } else {
            Budget::default()
        };
        if self.min_words.is_none() && self.max_words.is_none() {
            return Ok(budget);
        }
        let min = match self.min_words {
            Some(n) => count("min_words", n)?,
            None => 0,
        };
        let max = match self.max_words {
            Some(n) => count("max_words", n)?,
            None => usize::MAX,
        };
        if min > max {
            return Err(PyValueError::new_err(format!(
                "invalid min_words {min} and max_words {max}: min_words is \
                 above max_words"
            )));
        }
        budget
            .sentence_words(min..=max)
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }
}

impl Config {
    fn builder(&self) -> SummarizerBuilder {
        let mut b = Summarizer::builder();
        match self.language {
            Some(l) => b.language(l),
            None => b.language_auto(),
        };
        if let Some(a) = &self.abbreviations {
            b.abbreviations(a);
        }
        if let Some(p) = self.preset {
            b.preset(p);
        }
        if let Some(w) = self.position_weight {
            b.position_weight(w);
        }
        if let Some(t) = self.redundancy {
            b.redundancy(t);
        }
        if let Some(f) = &self.focus {
            b.focus(f);
        }
        if let Some(words) = &self.stop_words {
            b.stop_words(words);
            b.builtin_stop_words(!self.replace_stop_words);
        }
        b
    }

    /// Builds the summariser: the library checks the ranges, and its
    /// message names the option and the value.
    pub fn build(&self) -> PyResult<Summarizer> {
        if self.replace_stop_words && self.stop_words.is_none() {
            return Err(PyValueError::new_err(
                "replace_stop_words=True needs stop_words (the list that \
                 replaces the language's own)",
            ));
        }
        self.builder()
            .build()
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// The summariser for these options, reusing the one built last when
    /// the options are the same (so that `gisty.summarize` in a loop
    /// builds once, as a `Summarizer` would).
    pub fn cached(
        &self,
        last: &Mutex<Option<(Config, Summarizer)>>,
    ) -> PyResult<Summarizer> {
        let mut last = last.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((c, s)) = last.as_ref()
            && c == self
        {
            return Ok(s.clone());
        }
        let s = self.build()?;
        *last = Some((self.clone(), s.clone()));
        Ok(s)
    }
}
