//! Open quotations (rule `QuotedSpeech`) and the search for their
//! closing mark.

/// Where the next occurrence of a closing mark is, found with amortised
/// linear work: queries come at increasing positions, and a search never
/// rescans bytes a previous search covered.
#[derive(Clone, Copy)]
pub(super) struct Finder {
    /// The closing mark looked for.
    pub(super) ch: char,
    from: usize,
    next: Option<usize>,
    used: bool,
}

impl Finder {
    /// A search for `ch`, not yet run.
    pub(super) fn new(ch: char) -> Finder {
        Finder { ch, from: 0, next: None, used: false }
    }

    /// Where the first `ch` at or after `at` is in `s`.
    pub(super) fn find(&mut self, s: &str, at: usize) -> Option<usize> {
        if self.used && self.from <= at {
            match self.next {
                None => return None,
                Some(p) if p >= at => return Some(p),
                _ => {}
            }
        }
        self.used = true;
        self.from = at;
        self.next = s[at..].find(self.ch).map(|p| p + at);
        self.next
    }
}

/// An open quotation (rule `QuotedSpeech`).
#[derive(Clone, Copy)]
pub(super) struct Quote {
    /// The mark that closes it.
    pub(super) closer: char,
    /// Whether it is a CJK bracket (`「`), inside which no terminator
    /// ends a sentence.
    pub(super) cjk: bool,
    /// Whether it is embedded in its sentence, once known.
    pub(super) embedded: Option<bool>,
}

/// The closing mark of a quotation opened by `c`, if `c` opens one.
pub(super) fn quote_closer(c: char) -> Option<(char, bool)> {
    Some(match c {
        '“' => ('”', false),
        '„' => ('“', false),
        '«' => ('»', false),
        '‹' => ('›', false),
        '"' => ('"', false),
        '「' => ('」', true),
        '『' => ('』', true),
        '《' => ('》', true),
        '（' => ('）', true),
        '【' => ('】', true),
        _ => return None,
    })
}
