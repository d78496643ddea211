//! Summarises files (or standard input) with the gisty library.
//!
//! ```text
//! cargo run -p gisty --example summarize -- [-n N] [--focus TERMS] [FILE]...
//! ```
//!
//! Prints, for each file, its name and the picked sentences with their
//! index, byte span and score. It shows the library's habits: build the
//! summariser once (configuration errors come from `build`), reuse one
//! `Scratch` across documents, and use the spans to slice the text.

use std::error::Error;
use std::io::Read;

use gisty::{Budget, Scratch, Summarizer};

fn main() -> Result<(), Box<dyn Error>> {
    let mut sentences = 3;
    let mut focus = String::new();
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-n" => {
                sentences = args.next().ok_or("-n needs a number")?.parse()?
            }
            "--focus" => focus = args.next().ok_or("--focus needs terms")?,
            _ => files.push(arg),
        }
    }

    let summarizer = Summarizer::builder().focus(&focus).build()?;
    let budget = Budget::sentences(sentences);
    let mut scratch = Scratch::new();

    let texts: Vec<(String, String)> = if files.is_empty() {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        vec![("<stdin>".to_string(), text)]
    } else {
        files
            .into_iter()
            .map(|f| Ok((f.clone(), std::fs::read_to_string(&f)?)))
            .collect::<Result<_, std::io::Error>>()?
    };

    for (name, text) in &texts {
        let summary = summarizer.summarize_with(&mut scratch, text, budget);
        println!(
            "{name}: {} of {} sentences",
            summary.len(),
            summary.total_sentences()
        );
        for s in summary.scored() {
            let sentence = s.span.slice(text);
            println!(
                "  #{} [{}..{}] {:.3}  {}",
                s.index,
                s.span.start,
                s.span.end,
                s.score,
                sentence.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
    }
    Ok(())
}
