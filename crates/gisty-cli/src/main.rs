//! The `gisty` command: glue between the command line and the library.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

mod args;
mod config;
mod eval;
mod input;
mod jsonl;
mod output;
mod sink;

use args::{Cli, Command, Format, SplitArgs, SummarizeArgs};
use config::Input;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("gisty: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// True when the error comes from writing to a closed pipe, which ends
/// the run quietly (as in `gisty ... | head -1`).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    let output = match &cli.command {
        None => cli.summarize.common.output.as_deref(),
        Some(Command::Split(args)) => args.common.output.as_deref(),
        Some(Command::Eval(_)) => None,
    };
    let mut out = sink::Sink::open(output)?;
    let failed = match cli.command {
        None => summarize(&cli.summarize, &mut out)?,
        Some(Command::Split(args)) => split(&args, &mut out)?,
        Some(Command::Eval(args)) => eval::run(&args, &mut out)?,
    };
    out.finish()?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Reads each input as text, calling `each` with its name (when several
/// inputs are given) and text; a failed input is reported on stderr and
/// the others go on. Returns whether any failed.
fn for_each_text(
    inputs: &[Input],
    decode: input::Decode,
    mut each: impl FnMut(Option<&str>, &str) -> Result<()>,
) -> Result<bool> {
    let mut failed = false;
    let several = inputs.len() > 1;
    for input in inputs {
        match input::read_text(input, decode) {
            Ok(text) => {
                let name = input.name();
                each(several.then_some(name.as_str()), &text)?;
            }
            Err(e) => {
                eprintln!("gisty: {e:#}");
                failed = true;
            }
        }
    }
    Ok(failed)
}

fn summarize(args: &SummarizeArgs, out: &mut impl Write) -> Result<bool> {
    let summarizer = config::summarizer(args)?;
    let budget = config::budget(&args.budget)?;
    let inputs = config::inputs(&args.files);
    let mut scratch = gisty::Scratch::new();
    if args.common.jsonl {
        let tally = jsonl::run(&inputs, out, |rec, buf| {
            let summary =
                summarizer.summarize_with(&mut scratch, &rec.text, budget);
            output::summary_jsonl(buf, rec.id, &summary)
        })?;
        return Ok(tally.failed > 0);
    }
    let mut first = true;
    for_each_text(&inputs, input::Decode::of(&args.common), |name, text| {
        let summary = summarizer.summarize_with(&mut scratch, text, budget);
        match args.format {
            Format::Text => {
                if let Some(name) = name {
                    if !first {
                        writeln!(out)?;
                    }
                    writeln!(out, "==> {name} <==")?;
                }
                output::summary_text(out, &summary)?;
            }
            Format::Json => output::summary_json(out, name, &summary)?,
        }
        first = false;
        Ok(())
    })
}

fn split(args: &SplitArgs, out: &mut impl Write) -> Result<bool> {
    let splitter = config::splitter(&args.common)?;
    let inputs = config::inputs(&args.files);
    let mut sentences = Vec::new();
    if args.common.jsonl {
        let tally = jsonl::run(&inputs, out, |rec, buf| {
            splitter.split_into(&rec.text, &mut sentences);
            output::split_jsonl(buf, rec.id, &rec.text, &sentences)
        })?;
        return Ok(tally.failed > 0);
    }
    let mut first = true;
    for_each_text(&inputs, input::Decode::of(&args.common), |name, text| {
        if let Some(name) = name {
            if !first {
                writeln!(out)?;
            }
            writeln!(out, "==> {name} <==")?;
        }
        splitter.split_into(text, &mut sentences);
        output::split_text(out, text, &sentences)?;
        first = false;
        Ok(())
    })
}
