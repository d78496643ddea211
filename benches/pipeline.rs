//! Criterion benchmarks of gisty's pipeline over the files of `corpus/`:
//! sentence splitting, and whole summaries, beside a trivial baseline
//! (`split_whitespace`). Each measured closure checks its own result, so
//! that a broken change cannot look fast.
//!
//! Run: `cargo bench -p gisty --bench pipeline`.

use std::hint::black_box;

use criterion::{
    BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use gisty::{Budget, Language, Scratch, Splitter, Summarizer};

/// The corpus documents, read once.
fn corpus() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("corpus/ exists")
        .filter_map(|e| {
            let path = e.ok()?.path();
            if path.extension()? != "txt" {
                return None;
            }
            let name = path.file_stem()?.to_str()?.to_string();
            Some((name, std::fs::read_to_string(&path).ok()?))
        })
        .collect();
    files.sort();
    // All documents in one, as a larger input.
    let all: String =
        files.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("\n\n");
    files.push(("all".to_string(), all));
    files
}

fn bench_split(c: &mut Criterion) {
    let splitter = Splitter::new(Language::English);
    let mut group = c.benchmark_group("split");
    for (name, text) in corpus() {
        let want = splitter.split(&text).len();
        assert!(want > 0, "{name} has sentences");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("gisty", &name),
            &text,
            |b, t| {
                let mut out = Vec::new();
                b.iter(|| {
                    splitter.split_into(black_box(t), &mut out);
                    assert_eq!(out.len(), want);
                })
            },
        );
        let words = text.split_whitespace().count();
        group.bench_with_input(
            BenchmarkId::new("split_whitespace", &name),
            &text,
            |b, t| {
                b.iter(|| {
                    assert_eq!(black_box(t).split_whitespace().count(), words)
                })
            },
        );
    }
    group.finish();
}

fn bench_summarize(c: &mut Criterion) {
    let summarizer = Summarizer::new();
    let mut group = c.benchmark_group("summarize");
    for (name, text) in corpus() {
        let want = summarizer.summarize(&text, Budget::sentences(3));
        assert_eq!(want.len(), 3, "{name}");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("gisty", &name),
            &text,
            |b, t| {
                let mut scratch = Scratch::new();
                b.iter(|| {
                    let s = summarizer.summarize_with(
                        &mut scratch,
                        black_box(t),
                        Budget::sentences(3),
                    );
                    assert_eq!(s.scored(), want.scored());
                })
            },
        );
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50);
    targets = bench_split, bench_summarize
}
criterion_main!(benches);
