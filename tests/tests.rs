//! Integration tests of the `gisty` binary, as one test binary.

// Helpers: running the built binary, temporary directories.
mod util;

// The command line: inputs, formats, budgets, errors and exit codes.
mod cli;

// JSON Lines batches: the contract the evaluation tools rely on.
mod jsonl;

// The sample documents in corpus/.
mod corpus;

// Languages: detection, stop words and abbreviations per language.
mod languages;

// gisty eval: ROUGE of pairs and of gisty beside the lead baseline.
mod eval;

// Issue 8: formats, budgets, focus, -r, HTML, progress, completions, man.
mod formats;
