//! The command line, as clap sees it: flags stay close to what the user
//! typed; `config.rs` turns them into library objects.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "\
Examples:
  gisty article.txt                 three sentences of article.txt
  gisty -n 5 a.txt b.txt            five sentences of each file
  gisty --ratio 0.2 < report.txt    a fifth of the sentences of stdin
  gisty --format json article.txt   picked sentences with spans and scores
  gisty --jsonl -n 3 < docs.jsonl   one summary per JSON line, in order
  gisty split article.txt           one sentence per line

Exit status:
  0  every input was summarised
  1  some inputs failed (unreadable file, invalid UTF-8, bad JSON line);
     the others were still processed and each failure was reported
  2  the command line or configuration is invalid, or output failed

A closed output (gisty ... | head -1) ends quietly with status 0.";

/// gisty: no time to read? Get a summary.
///
/// Extractive summarisation: picks the sentences that best tell what a
/// document says, and prints them in document order.
#[derive(Debug, Parser)]
#[command(
    name = "gisty",
    version,
    after_help = AFTER_HELP,
    args_conflicts_with_subcommands = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub summarize: SummarizeArgs,
}

/// Subcommands besides summarising.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Split documents into sentences, one per line.
    Split(SplitArgs),
    /// Score summaries with ROUGE-1/2/L/Lsum (as rouge-score), with 95%
    /// confidence intervals; with --data, gisty beside the lead baseline.
    Eval(crate::eval::EvalArgs),
}

/// Options of the main command: summarise.
#[derive(Debug, Args)]
pub struct SummarizeArgs {
    /// Files to summarise; none or '-' reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    #[command(flatten)]
    pub budget: BudgetArgs,

    #[command(flatten)]
    pub common: CommonArgs,

    /// How much a sentence's position counts against its content, from
    /// 0 (content alone) to 1 (the first sentences).
    #[arg(long, value_name = "W")]
    pub position_weight: Option<f32>,

    /// Output format of a summary.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// The budget: one of sentences, ratio or words.
#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct BudgetArgs {
    /// Pick at most N sentences [default: 3].
    #[arg(short = 'n', long = "sentences", value_name = "N",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub sentences: Option<u64>,

    /// Pick a share R of the sentences, in (0, 1], rounded up.
    #[arg(long, value_name = "R")]
    pub ratio: Option<f32>,

    /// Pick sentences of at most N words in all (the best sentence is
    /// kept even when it is longer).
    #[arg(long, value_name = "N")]
    pub words: Option<usize>,
}

/// Options shared by every subcommand.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Language of the documents: an English name or ISO 639-1 code.
    #[arg(long, short = 'l', default_value = "english", value_name = "LANG")]
    pub language: String,

    /// Batch mode: read JSON Lines ({"id", "text", "title"}) and write
    /// one JSON line per input line, in order.
    #[arg(long)]
    pub jsonl: bool,

    /// Write the output to FILE instead of standard output. FILE is
    /// replaced atomically when the run ends: it holds either its old
    /// contents or the whole new output, never part of it.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace bytes that are not valid UTF-8 (or UTF-16) with U+FFFD and
    /// go on, with a warning that counts them, instead of refusing the
    /// file.
    #[arg(long)]
    pub lossy: bool,
}

/// Options of `gisty split`.
#[derive(Debug, Args)]
pub struct SplitArgs {
    /// Files to split; none or '-' reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    #[command(flatten)]
    pub common: CommonArgs,
}

/// How a summary is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The picked sentences as one paragraph.
    Text,
    /// A JSON object with the picked sentences, spans and scores.
    Json,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
