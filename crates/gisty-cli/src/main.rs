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
// Issue 8: HTML pages, -r, progress bars.
mod html;
mod progress;
mod walk;

use args::{Cli, Command, SplitArgs, SummarizeArgs};
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
        Some(_) => None,
    };
    let mut out = sink::Sink::open(output)?;
    let failed = match cli.command {
        None => summarize(&cli.summarize, &mut out)?,
        Some(Command::Split(args)) => split(&args, &mut out)?,
        Some(Command::Eval(args)) => eval::run(&args, &mut out)?,
        Some(Command::Completions { shell }) => {
            use clap::CommandFactory;
            let mut cmd = Cli::command();
            clap_complete::generate(shell, &mut cmd, "gisty", &mut out);
            false
        }
        Some(Command::Man) => {
            use clap::CommandFactory;
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            false
        }
    };
    out.finish()?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Reads each input as text (the main text of an HTML page), calling
/// `each` with how to name it and its text; a failed input is reported on
/// stderr and the others go on. Returns whether any failed.
fn for_each_text(
    inputs: &[Input],
    decode: input::Decode,
    mut each: impl FnMut(output::Doc<'_>, &str) -> Result<()>,
) -> Result<bool> {
    let mut failed = false;
    let several = inputs.len() > 1;
    let bar = progress::bar(Some(inputs.len() as u64));
    for input in inputs {
        match input::read_text(input, decode) {
            Ok(text) => {
                let name = input.name();
                let path = match input {
                    Input::File(p) => Some(p.as_path()),
                    Input::Stdin => None,
                };
                let page =
                    html::is_html(path, &text).then(|| html::extract(&text));
                let (title, text) = match &page {
                    Some(p) => (p.title.as_deref(), p.text.as_str()),
                    None => (None, text.as_str()),
                };
                each(output::Doc { name: &name, several, title }, text)?;
            }
            Err(e) => {
                bar.suspend(|| eprintln!("gisty: {e:#}"));
                failed = true;
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok(failed)
}

fn summarize(args: &SummarizeArgs, out: &mut impl Write) -> Result<bool> {
    let summarizer = config::summarizer(args)?;
    let budget = config::budget(&args.budget, Some(&args.sentence_words))?;
    let emphasis = config::emphasis(args);
    let (inputs, walk_failed) =
        walk::expand(config::inputs(&args.files), args.common.recursive);
    let explain = args.explain;
    if args.common.jsonl {
        let bar = progress::bar(None);
        // A hidden bar still takes a lock and reads the clock on every
        // `inc`: a counter per record that nobody sees.
        let shown = !bar.is_hidden();
        let jobs = config::jobs(&args.jobs);
        let decode = input::Decode::of(&args.common);
        let tally = jsonl::run(&inputs, out, jobs, decode, || {
            let mut scratch = gisty::Scratch::new();
            let (summarizer, bar) = (&summarizer, &bar);
            let default_title = args.title.as_deref();
            move |rec: &jsonl::Record<'_>, buf: &mut Vec<u8>| {
                let title = rec.title.as_deref().or(default_title);
                let summary = summarize_one(
                    summarizer,
                    &mut scratch,
                    &rec.text,
                    title,
                    budget,
                );
                if shown {
                    bar.inc(1);
                }
                output::summary_jsonl(buf, rec.id, &summary, explain)
            }
        })?;
        bar.finish_and_clear();
        return Ok(walk_failed || tally.failed > 0);
    }
    let mut scratch = gisty::Scratch::new();
    let mut first = true;
    let decode = input::Decode::of(&args.common);
    let failed = for_each_text(&inputs, decode, |doc, text| {
        let title = args.title.as_deref().or(doc.title);
        let summary =
            summarize_one(&summarizer, &mut scratch, text, title, budget);
        let explain = explain.then(|| summarizer.position_weight());
        output::summary(
            out,
            args.format,
            emphasis,
            doc,
            &summary,
            first,
            explain,
        )?;
        first = false;
        Ok(())
    })?;
    Ok(walk_failed || failed)
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
    let (inputs, walk_failed) =
        walk::expand(config::inputs(&args.files), args.common.recursive);
    if args.common.jsonl {
        let jobs = config::jobs(&args.jobs);
        let decode = input::Decode::of(&args.common);
        let tally = jsonl::run(&inputs, out, jobs, decode, || {
            let splitter = splitter.clone();
            move |rec: &jsonl::Record<'_>, buf: &mut Vec<u8>| {
                let sentences = splitter.sentences(&rec.text);
                output::split_jsonl(buf, rec.id, &rec.text, &sentences)
            }
        })?;
        return Ok(walk_failed || tally.failed > 0);
    }
    let mut first = true;
    let decode = input::Decode::of(&args.common);
    let failed = for_each_text(&inputs, decode, |doc, text| {
        if doc.several {
            if !first {
                writeln!(out)?;
            }
            writeln!(out, "==> {} <==", doc.name)?;
        }
        let sentences = splitter.sentences(text);
        output::split_text(out, text, &sentences)?;
        first = false;
        Ok(())
    })?;
    Ok(walk_failed || failed)
}
