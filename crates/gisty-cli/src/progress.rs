//! A progress bar on stderr for long batches, only when stderr is a
//! terminal (indicatif).

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// A bar over `len` documents, or a counter when the length is not known
/// (`--jsonl` on a stream). Hidden when stderr is not a terminal, and for
/// a batch of one.
pub fn bar(len: Option<u64>) -> ProgressBar {
    if !std::io::stderr().is_terminal() || len.is_some_and(|n| n < 2) {
        return ProgressBar::hidden();
    }
    let bar = match len {
        Some(n) => ProgressBar::new(n).with_style(
            ProgressStyle::with_template(
                "{spinner} summarised {pos}/{len} [{wide_bar}] {eta}",
            )
            .expect("a valid template"),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} summarised {pos} lines")
                .expect("a valid template"),
        ),
    };
    bar.enable_steady_tick(Duration::from_millis(120));
    // Drawn at once, not at the first tick or update.
    bar.tick();
    bar
}
