//! Criterion benchmarks of each stage of gisty's pipeline, over the
//! corpus files joined into one document (`all`, 9 KB) and that document
//! ten times (`all-x10`): sentences, words, terms, the scoring loop,
//! selection, and end to end. Each measured closure checks its own
//! result against one computed before, so a broken change cannot look
//! fast. Internal stages are reached through the hidden
//! `gisty::__bench` wrappers.
//!
//! Run: `cargo bench -p gisty --bench stages`; figures in
//! `benches/README.md`.

use std::hint::black_box;

use criterion::{
    BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use gisty::__bench::{Scoring, Selection, Terms, for_each_word};
use gisty::{Budget, Scratch, Summarizer};
use unicode_segmentation::UnicodeSegmentation;

/// `all` and `all-x10`.
fn inputs() -> Vec<(&'static str, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus/ exists")
        .filter_map(|e| {
            let path = e.ok()?.path();
            (path.extension()? == "txt").then_some(path)
        })
        .collect();
    files.sort();
    let all = files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a corpus file"))
        .collect::<Vec<_>>()
        .join("\n\n");
    let ten = [all.as_str(); 10].join("\n\n");
    vec![("all", all), ("all-x10", ten)]
}

fn bench_sentences(c: &mut Criterion) {
    let summarizer = Summarizer::new();
    let mut group = c.benchmark_group("sentences");
    for (name, text) in inputs() {
        let want = summarizer.sentences(&text);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(name),
            &text,
            |b, t| {
                let splitter = gisty::Splitter::new(summarizer.language());
                let mut out = Vec::new();
                b.iter(|| {
                    splitter.split_into(black_box(t), &mut out);
                    assert_eq!(out, want);
                })
            },
        );
    }
    group.finish();
}

fn bench_words(c: &mut Criterion) {
    let mut group = c.benchmark_group("words");
    for (name, text) in inputs() {
        let want: Vec<(usize, &str)> = text.unicode_word_indices().collect();
        let (count, last) = (want.len(), want.last().map(|w| w.0));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("gisty", name),
            &text,
            |b, t| {
                b.iter(|| {
                    let (mut n, mut at) = (0, None);
                    for_each_word(black_box(t), |i, _| {
                        n += 1;
                        at = Some(i);
                    });
                    assert_eq!((n, at), (count, last));
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("unicode_word_indices", name),
            &text,
            |b, t| {
                b.iter(|| {
                    let (mut n, mut at) = (0, None);
                    for (i, _) in black_box(t).unicode_word_indices() {
                        n += 1;
                        at = Some(i);
                    }
                    assert_eq!((n, at), (count, last));
                })
            },
        );
    }
    group.finish();
}

fn bench_terms_and_scoring(c: &mut Criterion) {
    let summarizer = Summarizer::new();
    let mut group = c.benchmark_group("terms");
    let mut scoring_inputs = Vec::new();
    for (name, text) in inputs() {
        let sentences = summarizer.sentences(&text);
        let mut terms = Terms::new();
        let want = terms.run(&summarizer, &text, &sentences);
        assert!(want.0 > 100, "{name}: {want:?}");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(name),
            &text,
            |b, t| {
                b.iter(|| {
                    let got = terms.run(&summarizer, black_box(t), &sentences);
                    assert_eq!(got, want);
                })
            },
        );
        scoring_inputs.push((name, text.len(), terms));
    }
    group.finish();

    let mut group = c.benchmark_group("scoring");
    for (name, len, terms) in &scoring_inputs {
        let mut scoring = Scoring::new();
        let want = terms.score(&mut scoring);
        assert!(want > 0.0);
        group.throughput(Throughput::Bytes(*len as u64));
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| {
                let got = black_box(terms).score(&mut scoring);
                assert_eq!(got.to_bits(), want.to_bits());
            })
        });
    }
    group.finish();
}

fn bench_selection(c: &mut Criterion) {
    let mut group = c.benchmark_group("selection");
    for n in [100usize, 10_000] {
        // Scores from a fixed linear congruential sequence.
        let mut x = 12345u32;
        let scores: Vec<f32> = (0..n)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (x >> 8) as f32 / (1u32 << 24) as f32
            })
            .collect();
        let words: Vec<usize> = (0..n).map(|i| 5 + i % 30).collect();
        let budget = Budget::sentences(n / 10);
        let mut selection = Selection::new();
        let want = selection.run(&scores, &words, budget).to_vec();
        assert_eq!(want.len(), n / 10);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(BenchmarkId::new("sentences", n), |b| {
            b.iter(|| {
                let got = selection.run(black_box(&scores), &words, budget);
                assert_eq!(got, want.as_slice());
            })
        });
    }
    group.finish();
}

fn bench_end_to_end(c: &mut Criterion) {
    let summarizer = Summarizer::new();
    let mut group = c.benchmark_group("end_to_end");
    for (name, text) in inputs() {
        let want = summarizer.summarize(&text, Budget::sentences(3));
        assert_eq!(want.len(), 3);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(name),
            &text,
            |b, t| {
                let mut scratch = Scratch::new();
                b.iter(|| {
                    let got = summarizer.summarize_with(
                        &mut scratch,
                        black_box(t),
                        Budget::sentences(3),
                    );
                    assert_eq!(got.scored(), want.scored());
                })
            },
        );
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50);
    targets = bench_sentences, bench_words, bench_terms_and_scoring,
        bench_selection, bench_end_to_end
}
criterion_main!(benches);
