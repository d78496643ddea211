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
  gisty --explain article.txt       the summary, then how each sentence scored
  gisty --preset centrality a.txt   no lead bias: for reports, essays, features
  gisty --title 'Budget passes' a.txt  favour sentences sharing its words
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

    /// Kind of text: 'news' (the default) favours the first sentences,
    /// as news is written; 'centrality' ignores position and picks the
    /// sentences most central to the document, for text whose important
    /// sentences may stand anywhere.
    #[arg(long, value_enum, value_name = "PRESET")]
    pub preset: Option<Preset>,

    /// How much a sentence's position counts against its centrality,
    /// from 0 (centrality alone) to 1 (the first sentences); overrides
    /// the preset [default: 0.8].
    #[arg(long, value_name = "W")]
    pub position_weight: Option<f32>,

    /// Sentences shorter than N words are picked only when nothing
    /// better is left [default: 6].
    #[arg(long, value_name = "N")]
    pub min_words: Option<usize>,

    /// Pass over a sentence whose similarity to one already picked is
    /// above T, in (0, 1]; 1 turns this off [default: 0.5].
    #[arg(long, value_name = "T")]
    pub redundancy: Option<f32>,

    /// The document's title: sentences that share its words score
    /// higher. With --jsonl, each record's "title" is used instead.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    /// Show how every sentence was scored: its score and each part
    /// (a table with --format text; a "candidates" list in JSON).
    #[arg(long)]
    pub explain: bool,

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

/// A named configuration for a kind of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Preset {
    /// Inverted-pyramid news: the first sentences weigh most.
    News,
    /// No position: the sentences most central to the document.
    Centrality,
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
