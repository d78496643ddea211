//! What `language_auto` costs: summarising English news with the
//! language fixed against detecting it, and detection alone. Each
//! measured closure checks its result (the summary's length and
//! language), so a broken detector cannot look fast.
//!
//! After criterion's report, prints the ratio auto / fixed per document
//! from its own interleaved timing loop (the budget: at most
//! 1.10).
//!
//! Run: `cargo bench -p gisty --bench detect`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput};
use gisty::{Budget, Language, Scratch, Summarizer};

/// English news documents of `corpus/`.
fn english_news() -> Vec<(&'static str, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    [
        ("lang-en", "lang/en.txt"),
        ("seed-article", "seed-article.txt"),
        ("abbreviations", "abbreviations.txt"),
        ("hard-wrapped", "hard-wrapped.txt"),
    ]
    .iter()
    .map(|&(name, file)| {
        let text = std::fs::read_to_string(format!("{dir}/{file}"))
            .expect("corpus file");
        (name, text)
    })
    .collect()
}

fn summarizers() -> (Summarizer, Summarizer) {
    let fixed = Summarizer::builder()
        .language(Language::English)
        .build()
        .expect("valid");
    let auto = Summarizer::builder().language_auto().build().expect("valid");
    (fixed, auto)
}

fn bench_auto(c: &mut Criterion) {
    let (fixed, auto) = summarizers();
    let budget = Budget::sentences(3);
    let mut group = c.benchmark_group("summarize-en");
    for (name, text) in english_news() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        for (mode, s) in [("fixed", &fixed), ("auto", &auto)] {
            group.bench_with_input(
                BenchmarkId::new(mode, name),
                &text,
                |b, t| {
                    let mut scratch = Scratch::new();
                    b.iter(|| {
                        let sum = s.summarize_with(
                            &mut scratch,
                            black_box(t),
                            budget,
                        );
                        assert_eq!(sum.len(), 3);
                        assert_eq!(sum.language(), Some(Language::English));
                        sum.len()
                    })
                },
            );
        }
    }
    group.finish();

    let mut group = c.benchmark_group("detect");
    for (name, text) in english_news() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("language-detect", name),
            &text,
            |b, t| {
                b.iter(|| {
                    let l = Language::detect(black_box(t));
                    assert_eq!(l, Some(Language::English));
                    l
                })
            },
        );
    }
    group.finish();
}

/// Median time of `f` over `rounds` rounds of `iters` calls.
fn median(rounds: usize, iters: u32, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..iters {
                f();
            }
            t.elapsed() / iters
        })
        .collect();
    times.sort();
    times[rounds / 2]
}

/// Prints auto / fixed for each document, timed in alternating rounds
/// so that both see the same machine load.
fn print_ratios() {
    let (fixed, auto) = summarizers();
    let budget = Budget::sentences(3);
    println!("\nauto / fixed, end to end (median of 21 rounds):");
    for (name, text) in english_news() {
        let mut scratch = Scratch::new();
        let mut run = |s: &Summarizer| {
            let sum = s.summarize_with(&mut scratch, black_box(&text), budget);
            assert_eq!(sum.len(), 3);
        };
        let (mut tf, mut ta) = (Vec::new(), Vec::new());
        for _ in 0..21 {
            tf.push(median(1, 200, || run(&fixed)));
            ta.push(median(1, 200, || run(&auto)));
        }
        tf.sort();
        ta.sort();
        let (f, a) = (tf[10], ta[10]);
        println!(
            "  {name:<22} fixed {:>9.1?}  auto {:>9.1?}  ratio {:.3}",
            f,
            a,
            a.as_secs_f64() / f.as_secs_f64()
        );
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench_auto(&mut c);
    c.final_summary();
    print_ratios();
}
