//! Integration tests of the `gisty` binary, as one test binary.

// Helpers: running the built binary, temporary directories.
mod util;

// The command line: inputs, formats, budgets, errors and exit codes.
mod cli;

// JSON Lines batches: the contract the evaluation tools rely on.
mod jsonl;

// The sample documents in corpus/.
mod corpus;

// Hostile input: huge lines, odd characters, bad encodings, hostile
// JSON, failing inputs, `-o` under errors and interrupts, exit codes.
mod hostile;

// Regression tests, each named after what it found.
mod regression;

// Languages: detection, stop words and abbreviations per language.
mod languages;

// --jsonl batches across threads (--jobs) and streaming.
mod batch;

// gisty eval: ROUGE of pairs and of gisty beside the lead baseline.
mod eval;

// Issue 8: formats, budgets, focus, -r, HTML, progress, completions, man.
mod formats;
