//! The one error type of the library: a configuration error.

use std::fmt;

/// An error in a summariser's configuration or a budget.
///
/// Text never causes an error: only the values given to
/// [`SummarizerBuilder`](crate::SummarizerBuilder) and
/// [`Budget`](crate::Budget) are checked. The `Display` output names the
/// offending option and value.
#[derive(Clone, Debug, PartialEq)]
pub struct BuildError {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq)]
enum ErrorKind {
    /// A numeric option outside its allowed range.
    OutOfRange { option: &'static str, value: f64, allowed: &'static str },
    /// A language name or code gisty does not know.
    UnknownLanguage { name: String },
    /// A focus with no term: only stop words, numbers or punctuation.
    EmptyFocus { focus: String },
    /// Options of which at most one may be given, given together.
    Exclusive { options: &'static str },
}

impl BuildError {
    pub(crate) fn out_of_range(
        option: &'static str,
        value: f64,
        allowed: &'static str,
    ) -> BuildError {
        BuildError { kind: ErrorKind::OutOfRange { option, value, allowed } }
    }

    pub(crate) fn empty_focus(focus: &str) -> BuildError {
        BuildError { kind: ErrorKind::EmptyFocus { focus: focus.to_string() } }
    }

    pub(crate) fn exclusive(options: &'static str) -> BuildError {
        BuildError { kind: ErrorKind::Exclusive { options } }
    }

    pub(crate) fn unknown_language(name: &str) -> BuildError {
        BuildError {
            kind: ErrorKind::UnknownLanguage { name: name.to_string() },
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::OutOfRange { option, value, allowed } => write!(
                f,
                "invalid value {value} for {option}: expected {allowed}"
            ),
            ErrorKind::UnknownLanguage { name } => {
                write!(f, "unknown language '{name}'")
            }
            ErrorKind::EmptyFocus { focus } => write!(
                f,
                "focus '{focus}' has no word to look for (only stop words, \
                 numbers or punctuation)"
            ),
            ErrorKind::Exclusive { options } => {
                write!(f, "give at most one of the options {options}")
            }
        }
    }
}

impl std::error::Error for BuildError {}
