//! Crate-level tests: thread-safety and end-to-end behaviour.

use crate::*;

#[test]
fn public_types_are_send_sync_unwind_safe() {
    fn assert_all<
        T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe,
    >() {
    }
    assert_all::<Summarizer>();
    assert_all::<SummarizerBuilder>();
    assert_all::<Splitter>();
    assert_all::<Budget>();
    assert_all::<BuildError>();
    assert_all::<Summary<'static>>();
    assert_all::<Scratch>();
}
