//! The `gisty` command: glue between the command line and the library.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

mod args;
mod config;
mod input;
mod jsonl;
mod output;

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
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let failed = match cli.command {
        None => summarize(&cli.summarize, &mut out)?,
        Some(Command::Split(args)) => split(&args, &mut out)?,
    };
    out.flush()?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Reads each input as text, calling `each` with its name (when several
/// inputs are given) and text; a failed input is reported on stderr and
/// the others go on. Returns whether any failed.
fn for_each_text(
    inputs: &[Input],
    mut each: impl FnMut(Option<&str>, &str) -> Result<()>,
) -> Result<bool> {
    let mut failed = false;
    let several = inputs.len() > 1;
    for input in inputs {
        match input::read_text(input) {
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
    let explain = args.explain;
    if args.common.jsonl {
        let tally = jsonl::run(&inputs, out, |rec, buf| {
            let title = rec.title.as_deref().or(args.title.as_deref());
            let summary = summarize_one(
                &summarizer,
                &mut scratch,
                &rec.text,
                title,
                budget,
            );
            output::summary_jsonl(buf, rec.id, &summary, explain)
        })?;
        return Ok(tally.failed > 0);
    }
    let mut first = true;
    for_each_text(&inputs, |name, text| {
        let title = args.title.as_deref();
        let summary =
            summarize_one(&summarizer, &mut scratch, text, title, budget);
        match args.format {
            Format::Text => {
                if let Some(name) = name {
                    if !first {
                        writeln!(out)?;
                    }
                    writeln!(out, "==> {name} <==")?;
                }
                output::summary_text(out, &summary)?;
                if explain {
                    output::explain_text(
                        out,
                        &summary,
                        summarizer.position_weight(),
                    )?;
                }
            }
            Format::Json => {
                output::summary_json(out, name, &summary, explain)?
            }
        }
        first = false;
        Ok(())
    })
}

/// Summarises one text, with its title when one is known.
fn summarize_one<'t>(
    summarizer: &gisty::Summarizer,
    scratch: &mut gisty::Scratch,
    text: &'t str,
    title: Option<&str>,
    budget: gisty::Budget,
) -> gisty::Summary<'t> {
    match title {
        Some(t) => summarizer.summarize_titled_with(scratch, text, t, budget),
        None => summarizer.summarize_with(scratch, text, budget),
    }
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
    for_each_text(&inputs, |name, text| {
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
