//! Command-line arguments -> library objects, in one place.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use gisty::{Budget, Language, Summarizer, SummarizerBuilder};

use crate::args::{CommonArgs, JobsArgs, Preset, SummarizeArgs};
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
pub fn language(common: &CommonArgs) -> Result<Option<Language>> {
    if common.language.trim().eq_ignore_ascii_case("auto") {
        return Ok(None);
    }
    let l = common.language.parse::<Language>().with_context(
        || "invalid --language (try 'auto', 'german' or 'de')",
    )?;
    Ok(Some(l))
}

/// A builder with the options shared by every subcommand: the language
/// and the abbreviations.
fn builder(common: &CommonArgs) -> Result<SummarizerBuilder> {
    let mut b = Summarizer::builder();
    match language(common)? {
        Some(l) => b.language(l),
        None => b.language_auto(),
    };
    if let Some(path) = &common.abbreviations {
        b.abbreviations(word_list(path, "--abbreviations")?);
    }
    Ok(b)
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
    builder(common)?.build().context("invalid options")
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
    let mut b = builder(&args.common)?;
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

/// The budget the options describe: three sentences unless told, with
/// the sentence length limits.
pub fn budget(args: &SummarizeArgs) -> Result<Budget> {
    let b = &args.budget;
    let budget = if let Some(n) = b.sentences {
        Budget::sentences(usize::try_from(n).unwrap_or(usize::MAX))
    } else if let Some(r) = b.ratio {
        Budget::ratio(r).context("invalid --ratio")?
    } else if let Some(w) = b.words {
        Budget::words(w)
    } else if let Some(c) = b.chars {
        Budget::chars(c)
    } else {
        Budget::default()
    };
    let limits = &args.sentence_words;
    if limits.min_words.is_none() && limits.max_words.is_none() {
        return Ok(budget);
    }
    let min = limits.min_words.unwrap_or(0);
    let max = limits.max_words.unwrap_or(usize::MAX);
    budget
        .sentence_words(min..=max)
        .context("invalid --min-words/--max-words (min above max)")
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
