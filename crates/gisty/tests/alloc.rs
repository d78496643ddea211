//! Allocations of a reused summariser, counted by a counting global
//! allocator: once warmed up on a kind of text, summarising it again
//! allocates a few times per document, never per token or per sentence.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use gisty::{__bench, Budget, Scratch, Summarizer};

/// Counts the calls to `alloc` and `realloc` made by the current thread
/// (tests run on several threads at once).
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

fn bump() {
    // `try_with`: the counter may be gone while a thread shuts down.
    let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        bump();
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        bump();
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(
        &self,
        ptr: *mut u8,
        layout: Layout,
        new_size: usize,
    ) -> *mut u8 {
        bump();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations made by `f` on this thread.
fn allocations<T>(f: impl FnOnce() -> T) -> (u64, T) {
    let before = ALLOCATIONS.with(Cell::get);
    let out = f();
    (ALLOCATIONS.with(Cell::get) - before, out)
}

/// Allocations a summary may make after splitting, whatever the text's
/// length: the summary's own list of picks, and a few buffers growing to
/// a new high-water mark.
const PER_DOCUMENT: u64 = 4;

/// Allocations the splitter may make per line (its working space per
/// block of text: the splitter's, outside the stages counted here).
const PER_LINE: u64 = 2;

fn seed() -> String {
    let path =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/seed-article.txt");
    std::fs::read_to_string(path).expect("corpus/seed-article.txt")
}

/// The text's paragraphs in another order: the same words, other
/// sentences around each.
fn shuffled(text: &str) -> String {
    let mut paragraphs: Vec<&str> = text.split("\n\n").collect();
    paragraphs.reverse();
    let mid = paragraphs.len() / 2;
    paragraphs.rotate_left(mid);
    paragraphs.join("\n\n")
}

fn lines(text: &str) -> u64 {
    text.lines().filter(|l| !l.trim().is_empty()).count() as u64
}

#[test]
fn stages_after_splitting_allocate_per_document_not_per_token() {
    let summarizer = Summarizer::new();
    let mut scratch = Scratch::new();
    let text = seed();
    let sentences = summarizer.sentences(&text);
    let words = text.split_whitespace().count();
    assert!(words > 300, "a document of some length: {words} words");
    let budget = Budget::sentences(3);
    let mut run = |text: &str, sentences: &[gisty::Sentence]| {
        allocations(|| {
            __bench::summarize_split(
                &summarizer,
                &mut scratch,
                text,
                sentences,
                budget,
            )
            .scored()
            .to_vec()
        })
    };
    let (cold, first) = run(&text, &sentences);
    assert_eq!(first.len(), 3);
    let (warm, again) = run(&text, &sentences);
    assert_eq!(again, first);
    assert!(warm <= PER_DOCUMENT, "{warm} allocations, {words} words");
    assert!(cold > 10 * warm, "the first run fills the caches ({cold})");
    // A similar document: the same words in other sentences.
    let other = shuffled(&text);
    assert_ne!(other, text);
    let other_sentences = summarizer.sentences(&other);
    let (similar, picks) = run(&other, &other_sentences);
    assert_eq!(picks.len(), 3);
    assert!(similar <= PER_DOCUMENT, "{similar} allocations, similar text");
    // Ten times the text: not one more allocation.
    let ten = [text.as_str(); 10].join("\n\n");
    let ten_sentences = summarizer.sentences(&ten);
    run(&ten, &ten_sentences);
    let (long, _) = run(&ten, &ten_sentences);
    assert!(long <= PER_DOCUMENT, "{long} allocations, ten times the text");
    eprintln!(
        "after splitting: cold {cold}, warm {warm}, similar {similar}, \
         ten times {long} allocations ({words} words)"
    );
}

#[test]
fn scoring_loop_allocates_nothing() {
    let summarizer = Summarizer::new();
    let text = seed();
    let sentences = summarizer.sentences(&text);
    let mut terms = __bench::Terms::new();
    let mut scoring = __bench::Scoring::new();
    let (n, distinct) = terms.run(&summarizer, &text, &sentences);
    assert!(n > 100 && distinct > 50, "{n} terms, {distinct} distinct");
    let first = terms.score(&mut scoring);
    let (count, again) = allocations(|| terms.score(&mut scoring));
    assert_eq!(count, 0);
    assert_eq!(again.to_bits(), first.to_bits());
    // The terms stage too, once its caches are warm.
    let (count, got) =
        allocations(|| terms.run(&summarizer, &text, &sentences));
    assert_eq!(got, (n, distinct));
    assert_eq!(count, 0);
}

#[test]
fn end_to_end_allocations_grow_with_lines_not_tokens() {
    let summarizer = Summarizer::new();
    let mut scratch = Scratch::new();
    let one = seed();
    let ten = [one.as_str(); 10].join("\n\n");
    let budget = Budget::ratio(0.2).unwrap();
    // Warm up on the longest text, so that every buffer has its size.
    summarizer.summarize_with(&mut scratch, &ten, budget);
    for text in [&one, &ten, &one, &ten] {
        let (n, picks) = allocations(|| {
            summarizer.summarize_with(&mut scratch, text, budget).len()
        });
        assert!(picks > 0);
        let (lines, words) = (lines(text), text.split_whitespace().count());
        assert!(
            n <= PER_DOCUMENT + PER_LINE * lines,
            "{n} allocations: {lines} lines, {words} words"
        );
        eprintln!("end to end: {n} allocations, {lines} lines, {words} words");
    }
}
