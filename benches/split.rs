//! Criterion benchmarks of the sentence splitter on hostile inputs, each
//! at two sizes, to show that the time grows linearly with the length:
//! no punctuation at all, digits and dots (`1.2.3.4...`), many one-word
//! sentences, nested quotes and brackets, and quotations that never close.
//! Each measured closure checks the sentence count, so that a broken
//! change cannot look fast.
//!
//! Run: `cargo bench -p gisty --bench split`. Compare the two sizes of
//! each input: the time ratio should be close to the size ratio (4).

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use gisty::{Language, Splitter};

/// The smaller size, in bytes; the larger is four times as long.
const SMALL: usize = 1 << 20;

/// `unit` repeated until the text is at least `len` bytes long.
fn repeat(unit: &str, len: usize) -> String {
    unit.repeat(len.div_ceil(unit.len()))
}

/// Makes an input of at least the given length.
type Make = fn(usize) -> String;

/// The hostile inputs, by name.
const INPUTS: &[(&str, Make)] = &[
    ("no_punctuation", |n| repeat("lorem ipsum dolor sit amet ", n)),
    ("digits_and_dots", |n| repeat("1.2.3.4.5.6.7.8.9.0.", n)),
    ("one_word_sentences", |n| repeat("Word. ", n)),
    ("nested_quotes_brackets", |n| repeat("(\"«“[‘(Yes.)’]”»\") ", n)),
    ("unclosed_quotes", |n| repeat("\"Go. Now. ", n)),
];

fn bench_hostile(c: &mut Criterion) {
    let splitter = Splitter::new(Language::English);
    let mut group = c.benchmark_group("split_hostile");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    for &(name, make) in INPUTS {
        for size in [SMALL, 4 * SMALL] {
            let text = make(size);
            let want = splitter.split(&text).len();
            assert!(want > 0, "{name} has a sentence");
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(
                BenchmarkId::new(name, size),
                &text,
                |b, t| {
                    let mut out = Vec::new();
                    b.iter(|| {
                        splitter.split_into(black_box(t), &mut out);
                        assert_eq!(out.len(), want);
                    })
                },
            );
        }
    }
    group.finish();
}

criterion_group!(benches, bench_hostile);
criterion_main!(benches);
