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
  gisty --preset centrality a.txt   no lead bias: reports, essays
  gisty --title 'Budget passes' a.txt  favour sentences sharing its words
  gisty --jsonl -n 3 < docs.jsonl   one summary per JSON line, in order
  gisty split article.txt           one sentence per line
  gisty --chars 280 article.txt     whole sentences, 280 characters at most
  gisty --focus rates report.txt    favour the sentences about rates
  gisty --format markdown page.html the main text of a saved web page
  gisty --format highlight a.txt    the whole text, picked sentences bold
  gisty -r --format jsonl notes/    every file below notes/, one line each
  gisty completions bash            completions for bash (zsh, fish, ...)
  gisty man > gisty.1               the manual page
  gisty -l de bericht.txt           German, not detected
  gisty --stop-words mine.txt a.txt add the words of mine.txt (one a line)

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
    /// Score summaries with ROUGE, with 95% confidence intervals.
    ///
    /// ROUGE-1/2/L/Lsum as rouge-score computes them; with --data, gisty
    /// beside the lead baseline.
    Eval(crate::eval::EvalArgs),
    /// Print a shell completion script to standard output.
    ///
    /// For example `gisty completions zsh > ~/.zfunc/_gisty`, or for
    /// bash, into `~/.local/share/bash-completion/completions/gisty`.
    Completions {
        /// The shell: bash, elvish, fish, powershell or zsh.
        #[arg(value_enum, hide_possible_values = true)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output.
    ///
    /// For example `gisty man > gisty.1 && man ./gisty.1`.
    Man,
}

/// Options of the main command: summarise.
#[derive(Debug, Args)]
pub struct SummarizeArgs {
    /// Files to summarise; none or '-' reads standard input.
    #[arg(
        help = "Files to summarise; none or '-' reads stdin",
        long_help,
        value_name = "FILE"
    )]
    pub files: Vec<PathBuf>,

    #[command(flatten)]
    pub budget: BudgetArgs,

    #[command(flatten)]
    pub common: CommonArgs,

    #[command(flatten)]
    pub jobs: JobsArgs,

    /// Kind of text: `news` (the default) favours the first sentences,
    /// as news is written; `centrality` ignores position and picks the
    /// sentences most central to the document, for text whose important
    /// sentences may stand anywhere (reports, essays, feature stories).
    #[arg(
        help = "news (default) or centrality (no lead bias)",
        long_help,
        long,
        value_enum,
        value_name = "PRESET",
        hide_possible_values = true
    )]
    pub preset: Option<Preset>,

    /// How much a sentence's position counts against its centrality,
    /// from 0 (centrality alone) to 1 (the first sentences); overrides
    /// the preset [default: 0.8].
    #[arg(
        help = "Weight of position against centrality, 0 to 1",
        long_help,
        long,
        value_name = "W"
    )]
    pub position_weight: Option<f32>,

    /// Pass over a sentence whose similarity to one already picked is
    /// above T, in (0, 1]; 1 turns this off [default: 0.5].
    #[arg(
        help = "Similarity above which a sentence repeats a pick",
        long_help,
        long,
        value_name = "T"
    )]
    pub redundancy: Option<f32>,

    /// The document's title: sentences that share its words score
    /// higher. With --jsonl, each record's "title" is used instead; a
    /// web page's own title is used when this is not given.
    #[arg(
        help = "The document's title (favours its words)",
        long_help,
        long,
        value_name = "TEXT"
    )]
    pub title: Option<String>,

    /// Show how every sentence was scored: its score and each part (a
    /// table after the summary with --format text; "parts" and a
    /// "candidates" list with json and jsonl).
    #[arg(
        help = "Show every sentence's score and its parts",
        long_help,
        long
    )]
    pub explain: bool,

    /// Output format of a summary [default: text].
    ///
    /// `text`: the picked sentences as one paragraph. `markdown`: a "Get
    /// a summary" heading and one bullet per sentence (the document's
    /// title or name as a heading above). `json`: an object with the
    /// picked sentences, their byte spans and scores. `jsonl`: one JSON
    /// line per document (file, title, summary, sentences). `highlight`:
    /// the whole document with the picked sentences emphasised (see
    /// `--color`).
    #[arg(
        help = "text (default), markdown, json, jsonl, highlight",
        long_help,
        long,
        value_enum,
        value_name = "FORMAT",
        default_value_t = Format::Text,
        hide_default_value = true,
        hide_possible_values = true
    )]
    pub format: Format,

    /// Favour the sentences about these words (stemmed like the text,
    /// stop words ignored).
    #[arg(
        help = "Favour the sentences about these words",
        long_help,
        long,
        value_name = "TERMS"
    )]
    pub focus: Option<String>,

    /// More stop words: a UTF-8 file with one word a line (blank lines
    /// and lines starting with '#' are skipped), added to the language's
    /// own list.
    #[arg(
        help = "More stop words, one a line in FILE",
        long_help,
        long,
        value_name = "FILE"
    )]
    pub stop_words: Option<PathBuf>,

    /// Use only the words of --stop-words, not the language's own list.
    #[arg(
        help = "Use only the --stop-words, not the language's",
        long_help,
        long,
        requires = "stop_words"
    )]
    pub replace_stop_words: bool,

    #[command(flatten)]
    pub sentence_words: SentenceWordsArgs,

    /// When to colour `--format highlight`: auto (the default), always
    /// or never.
    ///
    /// `auto` colours on a terminal, in bold only when NO_COLOR is set
    /// (to anything but the empty string); `always` colours even then,
    /// and `never` does not. Off a terminal, or with `never`, picked
    /// sentences are marked in Markdown bold (**...**).
    #[arg(
        help = "Colour highlights: auto (default), always, never",
        long_help,
        long,
        value_enum,
        value_name = "WHEN",
        default_value_t = ColorChoice::Auto,
        hide_default_value = true,
        hide_possible_values = true
    )]
    pub color: ColorChoice,
}

/// Limits on the length of a picked sentence.
#[derive(Debug, Args)]
pub struct SentenceWordsArgs {
    /// Pick only sentences of at least N words (unless none has that
    /// many).
    #[arg(
        help = "Pick only sentences of at least N words",
        long_help,
        long,
        value_name = "N"
    )]
    pub min_words: Option<usize>,

    /// Pick only sentences of at most N words (unless none is that
    /// short).
    #[arg(
        help = "Pick only sentences of at most N words",
        long_help,
        long,
        value_name = "N"
    )]
    pub max_words: Option<usize>,
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
    #[arg(
        help = "Pick a share R in (0, 1] of the sentences",
        long_help,
        long,
        value_name = "R"
    )]
    pub ratio: Option<f32>,

    /// Pick sentences of at most N words in all (the best sentence is
    /// kept even when it is longer).
    #[arg(
        help = "Pick at most N words in all",
        long_help,
        long,
        value_name = "N"
    )]
    pub words: Option<usize>,

    /// Pick whole sentences of at most N characters in all, as printed
    /// (the best sentence is kept even when it is longer).
    #[arg(
        help = "Pick at most N characters in all",
        long_help,
        long,
        value_name = "N"
    )]
    pub chars: Option<usize>,
}

/// Options shared by every subcommand.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Language of the documents: 'auto' (detect each document's
    /// language), or an English name or ISO 639-1 code ('german', 'de').
    #[arg(
        help = "Language: auto (default), a name or a code (de)",
        long_help,
        long,
        short = 'l',
        default_value = "auto",
        hide_default_value = true,
        value_name = "LANG"
    )]
    pub language: String,

    /// More abbreviations after which a full stop does not end a
    /// sentence: a UTF-8 file with one a line ("approx." or "approx";
    /// blank lines and lines starting with '#' are skipped).
    #[arg(
        help = "More abbreviations, one a line in FILE",
        long_help,
        long,
        value_name = "FILE"
    )]
    pub abbreviations: Option<PathBuf>,

    /// Batch mode: read JSON Lines ({"id", "text", "title"}) and write
    /// one JSON line per input line, in order.
    #[arg(
        help = "Batch mode: JSON Lines in, one line out for each",
        long_help,
        long
    )]
    pub jsonl: bool,

    /// Write the output to FILE instead of standard output. FILE is
    /// replaced atomically when the run ends: it holds either its old
    /// contents or the whole new output, never part of it.
    #[arg(
        help = "Write to FILE (atomically: whole, or not at all)",
        long_help,
        short = 'o',
        long,
        value_name = "FILE"
    )]
    pub output: Option<PathBuf>,

    /// Replace bytes that are not valid UTF-8 (or UTF-16) with U+FFFD and
    /// go on, with a warning that counts them, instead of refusing the
    /// file. With --jsonl, a line's bad bytes are replaced and the line
    /// processed, with a warning naming the line; without --lossy such a
    /// line gives an error record naming the byte.
    #[arg(help = "Replace bad bytes with U+FFFD (and warn)", long_help, long)]
    pub lossy: bool,

    /// Read the files below each directory named, in sorted order
    /// (hidden files skipped).
    #[arg(
        help = "Read the files below directories, sorted",
        long_help,
        short = 'r',
        long
    )]
    pub recursive: bool,
}

/// Parallelism of batches.
#[derive(Debug, Default, Args)]
pub struct JobsArgs {
    /// Threads for --jsonl batches [default: all cores]. The output is
    /// the same, in the same order, for every N.
    #[arg(
        help = "Threads for --jsonl [default: all cores]",
        long_help,
        long,
        short = 'j',
        value_name = "N",
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub jobs: Option<u64>,
}

/// Options of `gisty split`.
#[derive(Debug, Args)]
pub struct SplitArgs {
    /// Files to split; none or '-' reads standard input.
    #[arg(
        help = "Files to split; none or '-' reads stdin",
        long_help,
        value_name = "FILE"
    )]
    pub files: Vec<PathBuf>,

    #[command(flatten)]
    pub common: CommonArgs,

    #[command(flatten)]
    pub jobs: JobsArgs,
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
    /// Markdown: a "Get a summary" heading, one bullet per sentence.
    Markdown,
    /// A JSON object with the picked sentences, spans and scores.
    Json,
    /// One JSON line per document: file, title, summary, sentences.
    Jsonl,
    /// The whole document, picked sentences in bold (see --color).
    Highlight,
}

/// When to use colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always, even when NO_COLOR is set.
    Always,
    /// Never.
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    /// Short help (`-h`) lines stay under 79 columns, even on a terminal
    /// as wide as clap will use (100 columns, `max_term_width`).
    #[test]
    fn short_help_fits_79_columns() {
        fn check(cmd: &mut clap::Command) {
            let help = cmd.clone().term_width(100).render_help().to_string();
            for line in help.lines() {
                assert!(line.chars().count() < 79, "too long: {line}");
            }
            for sub in cmd.get_subcommands_mut() {
                // `gisty eval` keeps long lines for now (its flags are the
                // ROUGE work's); the summarising and other commands do not.
                if sub.get_name() != "eval" {
                    check(sub);
                }
            }
        }
        check(&mut Cli::command());
    }
}
