//! `gisty eval`: ROUGE of summaries against references, averaged with
//! 95% bootstrap confidence intervals (see the `gisty-rouge` crate).
//!
//! Two inputs: pairs already made (`{"id", "candidate", "reference"}`),
//! scored as they are; or documents with reference summaries (`{"id",
//! "text", "summary"}`, `--data`), which gisty summarises with the
//! summariser options of the main command, scored beside the lead
//! baseline (the first sentences of text, under the same budget).

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Args;
use gisty::{Budget, Summarizer};
use gisty_rouge::{
    Aggregate, Bootstrap, DEFAULT_RESAMPLES, Interval, Metric, Rouge, Scores,
    Scratch as RougeScratch,
};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::args::BudgetArgs;
use crate::config::{self, Input};

const AFTER_HELP: &str = "\
Scores are those of Google's rouge-score 0.1.2 (its tokenizer; with
--stem, the Porter stemmer on tokens longer than three characters).
ROUGE-Lsum takes sentences as lines: gisty's picks and the lead
sentences are joined with newlines, and a reference without a newline
is split into sentences by gisty's splitter first (--data only; pairs
are scored as given).

The table shows means x100 with [2.5th, 97.5th] percentiles of 1000
bootstrap resamples (seeded: the same input gives the same output).
--json gives the same numbers as fractions in [0, 1].

Examples:
  gisty eval pairs.jsonl                   score {id, candidate, reference}
  gisty eval --data cnndm.jsonl -n 3       gisty and lead-3 side by side
  gisty eval --data bbc.jsonl --ratio 0.3 --json

Exit status: 0 when every line was scored; 1 when some lines could not
be read (each reported with file and line; the others are scored);
2 when the command line is invalid or output failed.";

/// Options of `gisty eval`.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct EvalArgs {
    /// JSON Lines of {"id", "candidate", "reference"} pairs to score;
    /// '-' reads standard input.
    #[arg(
        value_name = "PAIRS",
        required_unless_present = "data",
        conflicts_with = "data"
    )]
    pub pairs: Option<PathBuf>,

    /// JSON Lines of {"id", "text", "summary"} records: gisty summarises
    /// each text, and its summary and the lead sentences are scored
    /// against "summary".
    #[arg(long, value_name = "FILE")]
    pub data: Option<PathBuf>,

    /// Stem tokens longer than three characters (Porter), as most
    /// published ROUGE does [default].
    #[arg(long, overrides_with = "no_stem")]
    pub stem: bool,

    /// Do not stem.
    #[arg(long, overrides_with = "stem")]
    pub no_stem: bool,

    /// Print the results as one JSON object.
    #[arg(long)]
    pub json: bool,

    #[command(flatten, next_help_heading = "Summary options (with --data)")]
    pub budget: BudgetArgs,

    /// Language of the documents: an English name or ISO 639-1 code.
    #[arg(
        long,
        short = 'l',
        default_value = "english",
        value_name = "LANG",
        help_heading = "Summary options (with --data)"
    )]
    pub language: String,

    /// How much a sentence's position counts against its content, from
    /// 0 (content alone) to 1 (the first sentences).
    #[arg(
        long,
        value_name = "W",
        help_heading = "Summary options (with --data)"
    )]
    pub position_weight: Option<f32>,
}

/// One system's scores, one per scored line.
struct System {
    /// The name shown in the table.
    label: String,
    /// The name in JSON.
    key: &'static str,
    scores: Vec<Scores>,
}

/// Runs `gisty eval`; returns whether some line failed.
pub fn run(args: &EvalArgs, out: &mut impl Write) -> Result<bool> {
    let rouge = Rouge::new().stemmed(!args.no_stem);
    let mut scratch = RougeScratch::new();
    let (input, systems, failed, budget) = if let Some(data) = &args.data {
        let (summarizer, budget) = summariser(args)?;
        let input = config::inputs(std::slice::from_ref(data)).remove(0);
        let lead_label = match args.budget.sentences {
            Some(n) => format!("lead-{n}"),
            None if args.budget.ratio.is_none()
                && args.budget.words.is_none()
                && args.budget.chars.is_none() =>
            {
                "lead-3".to_string()
            }
            None => "lead".to_string(),
        };
        let mut gisty = System {
            label: "gisty".to_string(),
            key: "gisty",
            scores: Vec::new(),
        };
        let mut lead =
            System { label: lead_label, key: "lead", scores: Vec::new() };
        let mut summ_scratch = gisty::Scratch::new();
        let (mut cand, mut refr) = (String::new(), String::new());
        let failed = for_each_line(&input, |line| {
            let rec: DataLine = parse(line)?;
            let text = required(rec.text, "text")?;
            let summary = required(rec.summary, "summary")?;
            reference_lines(&summarizer, &summary, &mut refr);
            let picked =
                summarizer.summarize_with(&mut summ_scratch, &text, budget);
            join_lines(picked.sentences(), &mut cand);
            gisty.scores.push(rouge.score_with(&mut scratch, &cand, &refr));
            let sentences = summarizer.sentences(&text);
            let lead_k = gisty::lead(&sentences, &text, budget);
            join_lines(lead_k.map(|s| s.span.slice(&text)), &mut cand);
            lead.scores.push(rouge.score_with(&mut scratch, &cand, &refr));
            Ok(())
        })?;
        (input, vec![gisty, lead], failed, Some(budget_json(&args.budget)))
    } else {
        let b = &args.budget;
        if b.sentences.is_some()
            || b.ratio.is_some()
            || b.words.is_some()
            || b.chars.is_some()
            || args.position_weight.is_some()
        {
            bail!(
                "summary options (-n, --ratio, --words, --chars, \
                 --position-weight) \
                 apply with --data only: pairs are scored as given"
            );
        }
        let pairs = args.pairs.clone().unwrap_or_else(|| "-".into());
        let input = config::inputs(std::slice::from_ref(&pairs)).remove(0);
        let mut system = System {
            label: "candidate".to_string(),
            key: "candidate",
            scores: Vec::new(),
        };
        let failed = for_each_line(&input, |line| {
            let rec: PairLine = parse(line)?;
            let cand = required(rec.candidate, "candidate")?;
            let refr = required(rec.reference, "reference")?;
            system.scores.push(rouge.score_with(&mut scratch, &cand, &refr));
            Ok(())
        })?;
        (input, vec![system], failed, None)
    };
    let Some(failed) = failed else {
        return Ok(true);
    };
    let count = systems.first().map_or(0, |s| s.scores.len());
    if count == 0 {
        eprintln!("gisty: {}: nothing to evaluate", input.name());
        return Ok(true);
    }
    let bootstrap = Bootstrap::new();
    let aggs: Vec<Aggregate> =
        systems.iter().map(|s| bootstrap.aggregate(&s.scores)).collect();
    if args.json {
        let mut obj = json!({
            "input": input.name(),
            "count": count,
            "stemmed": rouge.is_stemmed(),
            "resamples": DEFAULT_RESAMPLES,
            "confidence": 0.95,
            "systems": systems.iter().zip(&aggs).map(|(s, a)| {
                json!({"system": s.key, "label": s.label, "scores": scores_json(a)})
            }).collect::<Vec<_>>(),
        });
        if let Some(b) = budget {
            obj["budget"] = b;
        }
        serde_json::to_writer(&mut *out, &obj)?;
        writeln!(out)?;
    } else {
        let what = if args.data.is_some() { "documents" } else { "pairs" };
        let stem = if rouge.is_stemmed() { "stemmed" } else { "not stemmed" };
        writeln!(out, "{count} {what} from {}; {stem}", input.name())?;
        writeln!(
            out,
            "ROUGE x100: mean [95% CI, {DEFAULT_RESAMPLES} bootstrap resamples]"
        )?;
        table(out, &systems, &aggs)?;
    }
    Ok(failed)
}

/// The summariser and budget of the summary options, built as the main
/// command builds them.
fn summariser(args: &EvalArgs) -> Result<(Summarizer, Budget)> {
    let mut builder = config::builder(&args.language, None)?;
    if let Some(w) = args.position_weight {
        builder.position_weight(w);
    }
    let summarizer = builder.build().context("invalid option")?;
    Ok((summarizer, config::budget(&args.budget, None)?))
}

#[derive(Deserialize)]
struct PairLine {
    candidate: Option<String>,
    reference: Option<String>,
}

#[derive(Deserialize)]
struct DataLine {
    text: Option<String>,
    summary: Option<String>,
}

fn parse<'a, T: Deserialize<'a>>(line: &'a str) -> Result<T, String> {
    serde_json::from_str(line).map_err(|e| format!("invalid line: {e}"))
}

fn required(field: Option<String>, name: &str) -> Result<String, String> {
    field.ok_or_else(|| format!("missing or null \"{name}\""))
}

/// Calls `each` on every line of `input` that is not blank; a line it
/// rejects, or that is not UTF-8, is reported on stderr with the input's
/// name and line number. Returns whether some line failed, or `None` when
/// the input could not be opened at all (reported too).
fn for_each_line(
    input: &Input,
    mut each: impl FnMut(&str) -> Result<(), String>,
) -> Result<Option<bool>> {
    let name = input.name();
    let reader: Box<dyn Read> = match input {
        Input::Stdin => Box::new(std::io::stdin().lock()),
        Input::File(p) if p.is_dir() => {
            eprintln!("gisty: {name}: is a directory");
            return Ok(None);
        }
        Input::File(p) => match std::fs::File::open(p) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("gisty: {name}: {e}");
                return Ok(None);
            }
        },
    };
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut failed = false;
    let mut line = Vec::new();
    let mut number = 0u64;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => number += 1,
            Err(e) => {
                eprintln!("gisty: {name}: line {}: {e}", number + 1);
                return Ok(Some(true));
            }
        }
        let outcome = match std::str::from_utf8(&line) {
            Ok(text) if text.trim().is_empty() => continue,
            Ok(text) => each(text),
            Err(e) => Err(format!(
                "invalid UTF-8 at byte {} of the line",
                e.valid_up_to()
            )),
        };
        if let Err(message) = outcome {
            eprintln!("gisty: {name}: line {number}: {message}");
            failed = true;
        }
    }
    Ok(Some(failed))
}

/// Writes `sentences` into `out`, one per line: a newline inside a
/// sentence becomes a space, so that ROUGE-Lsum sees one line per
/// sentence.
fn join_lines<'a>(sentences: impl Iterator<Item = &'a str>, out: &mut String) {
    out.clear();
    for s in sentences {
        if !out.is_empty() {
            out.push('\n');
        }
        out.extend(
            s.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
        );
    }
}

/// The reference as lines for ROUGE-Lsum: as given when it has a line
/// break inside, else its sentences by gisty's splitter, one per line.
fn reference_lines(summarizer: &Summarizer, summary: &str, out: &mut String) {
    if summary.trim().contains('\n') {
        out.clear();
        out.push_str(summary);
    } else {
        let sentences = summarizer.sentences(summary);
        join_lines(sentences.iter().map(|s| s.span.slice(summary)), out);
    }
}

/// The budget as JSON, for `--json`.
fn budget_json(b: &BudgetArgs) -> Value {
    if let Some(r) = b.ratio {
        json!({"ratio": r})
    } else if let Some(w) = b.words {
        json!({"words": w})
    } else if let Some(c) = b.chars {
        json!({"chars": c})
    } else {
        json!({"sentences": b.sentences.unwrap_or(3)})
    }
}

fn interval_json(i: Interval) -> Value {
    json!({"mean": i.mean, "low": i.low, "high": i.high})
}

fn scores_json(a: &Aggregate) -> Value {
    let mut obj = serde_json::Map::new();
    for m in Metric::ALL {
        let p = a.get(m);
        obj.insert(
            m.name().to_string(),
            json!({
                "precision": interval_json(p.precision),
                "recall": interval_json(p.recall),
                "f1": interval_json(p.f1),
            }),
        );
    }
    Value::Object(obj)
}

/// The table: a row per measure and P/R/F1, a column per system.
fn table(
    out: &mut impl Write,
    systems: &[System],
    aggs: &[Aggregate],
) -> Result<()> {
    const WIDTH: usize = 22;
    write!(out, "{:14}", "")?;
    for s in systems {
        write!(out, "  {:WIDTH$}", s.label)?;
    }
    writeln!(out)?;
    for m in Metric::ALL {
        let name = match m {
            Metric::Rouge1 => "ROUGE-1",
            Metric::Rouge2 => "ROUGE-2",
            Metric::RougeL => "ROUGE-L",
            Metric::RougeLsum => "ROUGE-Lsum",
        };
        for (k, part) in ["P", "R", "F1"].into_iter().enumerate() {
            let label = if k == 0 { name } else { "" };
            write!(out, "{label:10}  {part:2}")?;
            for a in aggs {
                let p = a.get(m);
                let i = [p.precision, p.recall, p.f1][k];
                let cell = format!(
                    "{:.2} [{:.2}, {:.2}]",
                    100.0 * i.mean,
                    100.0 * i.low,
                    100.0 * i.high
                );
                write!(out, "  {cell:WIDTH$}")?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_for_lsum() {
        let mut s = String::new();
        join_lines(["a\nb", "c"].into_iter(), &mut s);
        assert_eq!(s, "a b\nc");
        join_lines(std::iter::empty(), &mut s);
        assert_eq!(s, "");
    }
}
