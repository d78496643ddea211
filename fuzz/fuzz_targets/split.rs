//! The sentence splitter on arbitrary text, in every language: no panic,
//! and every sentence a non-empty slice of the text on `char` boundaries,
//! in order, not overlapping; the same text splits the same way twice.
#![no_main]

use gisty::{Language, Splitter};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let language = Language::ALL[pick as usize % Language::ALL.len()];
    // Invalid UTF-8 cannot reach the library: keep the valid prefix.
    let text = match std::str::from_utf8(rest) {
        Ok(t) => t,
        Err(e) => std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap(),
    };
    let splitter = Splitter::new(language);
    let sentences = splitter.split(text);
    let mut last_end = 0;
    for s in &sentences {
        assert!(s.span.start < s.span.end, "empty span {:?}", s.span);
        assert!(s.span.start >= last_end, "overlap at {:?}", s.span);
        assert!(s.span.get(text).is_some(), "not a slice: {:?}", s.span);
        last_end = s.span.end;
    }
    let mut again = Vec::new();
    splitter.split_into(text, &mut again);
    assert_eq!(sentences, again, "same text, same sentences");
});
