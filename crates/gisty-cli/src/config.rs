//! Command-line arguments -> library objects, in one place.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use gisty::{Budget, Language, Splitter, Summarizer};

use crate::args::{BudgetArgs, CommonArgs, Preset, SummarizeArgs};

/// Where a document comes from.
#[derive(Clone, Debug)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Input {
    /// The name used in messages and headers.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

/// The inputs named on the command line: stdin when there are none, and
/// for each `-`.
pub fn inputs(files: &[PathBuf]) -> Vec<Input> {
    if files.is_empty() {
        return vec![Input::Stdin];
    }
    files
        .iter()
        .map(|f| {
            if f == Path::new("-") {
                Input::Stdin
            } else {
                Input::File(f.clone())
            }
        })
        .collect()
}

/// The language named by `--language`.
pub fn language(common: &CommonArgs) -> Result<Language> {
    common
        .language
        .parse::<Language>()
        .with_context(|| "invalid --language (try 'english' or 'en')")
}

/// The splitter for `gisty split`.
pub fn splitter(common: &CommonArgs) -> Result<Splitter> {
    Ok(Splitter::new(language(common)?))
}

/// The summariser the options describe.
pub fn summarizer(args: &SummarizeArgs) -> Result<Summarizer> {
    let mut b = Summarizer::builder();
    b.language(language(&args.common)?);
    if let Some(p) = args.preset {
        b.preset(match p {
            Preset::News => gisty::Preset::News,
            Preset::Centrality => gisty::Preset::Centrality,
        });
    }
    if let Some(w) = args.position_weight {
        b.position_weight(w);
    }
    if let Some(n) = args.min_words {
        b.min_words(n);
    }
    if let Some(t) = args.redundancy {
        b.redundancy(t);
    }
    b.build().context("invalid option")
}

/// The budget the options describe: three sentences unless told.
pub fn budget(args: &BudgetArgs) -> Result<Budget> {
    if let Some(n) = args.sentences {
        return Ok(Budget::sentences(
            usize::try_from(n).unwrap_or(usize::MAX),
        ));
    }
    if let Some(r) = args.ratio {
        return Budget::ratio(r).context("invalid --ratio");
    }
    if let Some(w) = args.words {
        return Ok(Budget::words(w));
    }
    Ok(Budget::default())
}
