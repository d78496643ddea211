//! Command-line arguments -> library objects, in one place.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use gisty::{Budget, BudgetOptions, Language, Summarizer, SummarizerBuilder};

use crate::args::{
    BudgetArgs, CommonArgs, JobsArgs, Preset, SentenceWordsArgs, SummarizeArgs,
};
use crate::output::Emphasis;

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

/// The language named by `--language`: `None` for `auto`.
fn language(name: &str) -> Result<Option<Language>> {
    if name.trim().eq_ignore_ascii_case("auto") {
        return Ok(None);
    }
    let l = name.parse::<Language>().with_context(
        || "invalid --language (try 'auto', 'german' or 'de')",
    )?;
    Ok(Some(l))
}

/// A builder with the options shared by every subcommand: the language
/// (`--language`) and the abbreviations (`--abbreviations`).
pub fn builder(
    language_name: &str,
    abbreviations: Option<&Path>,
) -> Result<SummarizerBuilder> {
    let mut b = Summarizer::builder();
    match language(language_name)? {
        Some(l) => b.language(l),
        None => b.language_auto(),
    };
    if let Some(path) = abbreviations {
        b.abbreviations(word_list(path, "--abbreviations")?);
    }
    Ok(b)
}

/// [`builder`] of the common options.
fn common_builder(common: &CommonArgs) -> Result<SummarizerBuilder> {
    builder(&common.language, common.abbreviations.as_deref())
}

/// The words of a list file: one a line, trimmed; blank lines and
/// lines starting with `#` skipped.
fn word_list(path: &Path, flag: &str) -> Result<Vec<String>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{flag} {}", path.display()))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect())
}

/// The summariser for `gisty split`: its sentence splitting alone.
pub fn splitter(common: &CommonArgs) -> Result<Summarizer> {
    common_builder(common)?.build().context("invalid options")
}

/// The number of threads for batches: `--jobs`, or every core.
pub fn jobs(args: &JobsArgs) -> usize {
    match args.jobs {
        Some(n) => usize::try_from(n).unwrap_or(usize::MAX).min(1024),
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    }
}

/// The summariser the options describe.
pub fn summarizer(args: &SummarizeArgs) -> Result<Summarizer> {
    let mut b = common_builder(&args.common)?;
    if let Some(p) = args.preset {
        b.preset(match p {
            Preset::News => gisty::Preset::News,
            Preset::Centrality => gisty::Preset::Centrality,
        });
    }
    if let Some(w) = args.position_weight {
        b.position_weight(w);
    }
    if let Some(t) = args.redundancy {
        b.redundancy(t);
    }
    if let Some(focus) = &args.focus {
        b.focus(focus);
    }
    if let Some(path) = &args.stop_words {
        b.stop_words(word_list(path, "--stop-words")?);
        b.builtin_stop_words(!args.replace_stop_words);
    }
    b.build().context("invalid option")
}

/// The budget of the budget flags (three sentences unless told) and,
/// when given, the sentence length limits.
pub fn budget(
    flags: &BudgetArgs,
    limits: Option<&SentenceWordsArgs>,
) -> Result<Budget> {
    let options = BudgetOptions {
        sentences: flags
            .sentences
            .map(|n| usize::try_from(n).unwrap_or(usize::MAX)),
        ratio: flags.ratio,
        words: flags.words,
        chars: flags.chars,
        min_words: limits.and_then(|l| l.min_words),
        max_words: limits.and_then(|l| l.max_words),
    };
    // clap lets one budget flag through at most: the ratio or the
    // limits are what can be wrong.
    options.budget().with_context(|| {
        if options.ratio.is_some_and(|r| Budget::ratio(r).is_err()) {
            "invalid --ratio"
        } else {
            "invalid --min-words/--max-words (min above max)"
        }
    })
}

/// The emphasis of `--format highlight`, from `--color`, whether stdout
/// is a terminal, and NO_COLOR.
pub fn emphasis(args: &SummarizeArgs) -> Emphasis {
    use std::io::IsTerminal;
    Emphasis::choose(
        args.color,
        std::io::stdout().is_terminal(),
        std::env::var_os("NO_COLOR").as_deref(),
    )
}
