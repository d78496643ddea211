//! The sentence scanner: one forward pass over a block of prose.
//!
//! The scanner walks the block character by character (in the middle of
//! a sentence it steps over runs of letters, digits, spaces and other
//! bytes that change nothing 32 at a time, see `skip.rs`, and it takes
//! the most common terminator, `word. Next`, straight to the period
//! rules), keeping a little state ([`State`]: where the current sentence,
//! token and word start; an open quotation; the list marker expected
//! next). At each candidate terminator it reads the cluster of
//! terminators and closing marks ([`Scan::cluster`]), and asks the rules
//! (`rules.rs`) whether the cluster ends the sentence. Every sentence ends
//! in one place, [`Scan::end_sentence`]. Every look is bounded (a word is
//! looked up only when it is at most [`MAX_WORD`] bytes long) or
//! amortised (the search for a closing quotation mark never scans a byte
//! twice), so the pass is linear in the length of the block.

use super::chars::{
    char_at, char_before, closer, dash, format_char, no_space_terminator,
    token_end, universal_terminator,
};
use super::marker::{Label, Marker, may_be_marker, parse_marker};
use super::quote::{Finder, Quote, quote_closer};
use super::skip::{PLAIN, last_space, plain_period_at, skip};
use super::tables::Rules;

/// Longest word (in bytes) looked up in the tables; longer words are
/// never abbreviations, and the bound keeps each look constant-time.
pub(super) const MAX_WORD: usize = 48;

/// How far (in bytes) a quotation may run after a terminator inside it
/// and still protect it (rule `QuotedSpeech`).
pub(super) const QUOTE_REACH: usize = 600;

/// What a cluster of terminators is made of.
#[derive(Default, Clone, Copy)]
pub(super) struct Cluster {
    /// One past the last char of the cluster (closers included).
    pub(super) end: usize,
    pub(super) periods: u32,
    pub(super) ellipsis: bool,
    /// `?`, `!` and their kin.
    pub(super) question: bool,
    /// A terminator of rule `NoSpaceScripts`.
    pub(super) no_space: bool,
    /// A colon-like extra terminator (`:`, `،`, `;`).
    pub(super) colon: bool,
    /// The Arabic comma `،` among them.
    pub(super) comma: bool,
    /// A spaced ellipsis `. . .` (periods separated by single spaces).
    pub(super) spaced: bool,
    /// A closing mark is part of the cluster.
    pub(super) closed: bool,
    /// The cluster ends with a CJK closing bracket (`。」`).
    pub(super) cjk_closed: bool,
}

/// A scan of one block: the text and the rules it is read with, fixed
/// for the whole pass. What changes as the scan goes is in [`State`].
pub(crate) struct Scan<'a> {
    /// The block.
    pub(super) s: &'a str,
    pub(super) rules: &'a Rules,
    /// Whether the fast paths are taken: runs of bytes that change
    /// nothing skipped a chunk at a time, `word. Next` sent straight to
    /// the period rules (off in tests only, to compare with the
    /// byte-at-a-time, rule-by-rule path).
    pub(super) fast: bool,
    /// Whether [`run`](Self::run) gives up at the first line break (`\n`
    /// or `\r`): set to scan a whole text as one block, which it is only
    /// when it has no line break.
    pub(super) one_line: bool,
}

/// What the scan knows at a point of the block, besides where it is: the
/// current sentence, token and word, the list marker expected next, the
/// open quotation, and the buffers the rules look words up with.
#[derive(Default)]
pub(super) struct State {
    /// Where the current sentence starts.
    pub(super) sent_start: usize,
    /// Whether the sentence's text starts right after `sent_start`: a
    /// single space there, then a capital (set by the `word. Next` path,
    /// cleared wherever else a sentence starts).
    pub(super) after_one_space: bool,
    /// The tokens of the sentence so far, exact while below 2: the fast
    /// path counts the tokens it steps over as one. (Rule `FrontedTime`
    /// counts them again, from `sent_start`.)
    pub(super) sent_tokens: usize,
    /// Where the current token starts (it ends at white space).
    pub(super) tok_start: usize,
    /// Whether the next char that is not white space starts a token.
    pub(super) at_token_start: bool,
    /// Where the current word starts: the token's start, or where a
    /// sentence started inside the token.
    pub(super) word_start: usize,
    /// Rule `ListItems`: the marker that would open the next item.
    pub(super) expected: Option<Marker>,
    /// Rule `ListItems`: whether the current token is a marker in the
    /// label slot of its sentence.
    pub(super) marker_token: bool,
    /// Rule `ListItems`: whether the sentence opened with a bare bullet.
    pub(super) first_was_bullet: bool,
    /// Rule `QuotedSpeech`: the open quotation.
    pub(super) quote: Option<Quote>,
    /// A word lowercased, for the tables' lookups.
    pub(super) lower: String,
    /// The searches for closing marks, one per mark (rule
    /// `QuotedSpeech`).
    pub(super) finders: Vec<Finder>,
}

/// Receives the sentences found, as (start, end) byte offsets into the
/// block, untrimmed.
pub(crate) trait Sink {
    fn sentence(&mut self, start: usize, end: usize);

    /// A sentence that the scanner knows starts and ends with a character
    /// other than white space: trimming it would change nothing.
    fn trimmed_sentence(&mut self, start: usize, end: usize) {
        self.sentence(start, end);
    }
}

impl<'a> Scan<'a> {
    pub(crate) fn new(s: &'a str, rules: &'a Rules) -> Scan<'a> {
        Scan { s, rules, fast: true, one_line: false }
    }

    /// A scan of a whole text taken as one block: its [`run`](Self::run)
    /// gives up at the first line break.
    pub(crate) fn one_line(s: &'a str, rules: &'a Rules) -> Scan<'a> {
        Scan { one_line: true, ..Scan::new(s, rules) }
    }

    /// Rule `Terminators`: whether `c` may end a sentence in the language.
    #[inline]
    pub(super) fn is_terminator(&self, c: char) -> bool {
        match c {
            '.' if self.rules.data.period_ends => true,
            '?' | '!' => true,
            _ if c.is_ascii() && !matches!(c, '.' | ':' | ';') => false,
            _ => {
                universal_terminator(c)
                    || self.rules.data.extra_terminators.contains(&c)
            }
        }
    }

    /// The one place where a sentence ends: reports the sentence from
    /// `st.sent_start` to `end` to `sink`, and starts the next one at
    /// `end`, with no token counted and no quotation open. With `trimmed`,
    /// the char before `end` is known not to be white space, so that a
    /// sentence opened after a single space (`st.after_one_space`) goes
    /// out trimmed.
    #[inline(always)]
    fn end_sentence(
        &self,
        st: &mut State,
        sink: &mut impl Sink,
        end: usize,
        trimmed: bool,
    ) {
        if trimmed && st.after_one_space {
            sink.trimmed_sentence(st.sent_start + 1, end);
        } else {
            sink.sentence(st.sent_start, end);
        }
        st.sent_start = end;
        st.after_one_space = false;
        st.sent_tokens = 0;
        st.quote = None;
    }

    /// Scans the whole block, reporting each sentence to `sink`. Returns
    /// false when a [`one_line`](Self::one_line) scan meets a line
    /// break: it stops there, and what it reported is to be dropped.
    ///
    /// Every line break is met in the white-space step below: the skip
    /// stops at every control character, and no other step moves past
    /// white space (the `word. Next` path and the clusters take single
    /// spaces only, the decisions only look ahead).
    pub(crate) fn run(&self, sink: &mut impl Sink) -> bool {
        let s = self.s;
        let n = s.len();
        let mut st = State { at_token_start: true, ..State::default() };
        let mut i = 0;
        while i < n {
            if !st.at_token_start {
                i = self.step_inside(&mut st, i);
                if i >= n {
                    break;
                }
                if let Some(next) = self.plain_period(&mut st, sink, i) {
                    i = next;
                    continue;
                }
            }
            let Some((c, len)) = char_at(s, i) else { break };
            if c.is_whitespace() {
                if self.one_line && matches!(c, '\n' | '\r') {
                    return false;
                }
                i += len;
                st.at_token_start = true;
                continue;
            }
            if st.at_token_start {
                self.start_token(&mut st, sink, i);
            }
            if c.is_ascii_alphanumeric() {
                // The common case: neither a quote nor a terminator.
                i += 1;
                continue;
            }
            // Rule `QuotedSpeech`: track the open quotation.
            if let Some(q) = st.quote {
                if c == q.closer {
                    st.quote = None;
                    i += len;
                    continue;
                }
            } else if let Some((closer, cjk)) = quote_closer(c) {
                let opens = c != '"'
                    || char_at(s, i + len)
                        .is_some_and(|(d, _)| !d.is_whitespace());
                if opens {
                    st.quote = Some(Quote { closer, cjk, embedded: None });
                }
                i += len;
                continue;
            }
            if !self.is_terminator(c) {
                i += len;
                continue;
            }
            let cl = self.cluster(&mut st, i);
            let Some(end) = self.decide(&mut st, i, &cl) else {
                i = cl.end.max(i + len);
                continue;
            };
            self.end_sentence(&mut st, sink, end, false);
            i = end.max(i + len);
            if i < n && !char_at(s, i).is_some_and(|(d, _)| d.is_whitespace())
            {
                // The next sentence starts inside this token.
                st.word_start = i;
                st.sent_tokens = 1;
                st.marker_token = false;
                st.first_was_bullet = false;
            }
        }
        if st.sent_start < n {
            self.end_sentence(&mut st, sink, n, false);
        }
        true
    }

    /// Steps over what changes nothing from `i`, inside a token (not at
    /// its start), and returns where the full path is to go on.
    #[inline(always)]
    fn step_inside(&self, st: &mut State, mut i: usize) -> usize {
        let bytes = self.s.as_bytes();
        if self.fast
            && st.expected.is_none()
            && st.sent_tokens > 0
            && !st.first_was_bullet
        {
            // The common case, in the middle of a sentence with no list
            // in sight: a token start only sets where the token starts,
            // so whole runs of plain bytes and spaces are stepped over at
            // once.
            let stop = skip(bytes, i);
            if let Some(p) = last_space(bytes, i, stop) {
                let t = p + 1;
                if t < stop {
                    st.tok_start = t;
                    st.word_start = t;
                    st.marker_token = false;
                    st.sent_tokens += 1;
                } else {
                    // The token starts at the stop: the full path takes
                    // it.
                    st.at_token_start = true;
                }
            }
            stop
        } else {
            // Inside a token, bytes that are neither a quote nor a
            // terminator nor white space change nothing.
            while i < bytes.len() && PLAIN[bytes[i] as usize] {
                i += 1;
            }
            i
        }
    }

    /// The common case, a period at `i` inside a token between a word and
    /// a capitalised one outside quotations: `word. Next`, with at most
    /// one closing mark after the period (`'` `"` `’` `”`) and one opening
    /// mark before the word (`'` `"` `(` `[` `{` `‘` `“`). The cluster is
    /// the period and the closing mark, the next word starts after the
    /// opening one, so only the rules for periods have anything to say.
    /// Returns where the scan goes on, or `None` when `i` is not such a
    /// period (or the shortcut is off): the full path takes it.
    #[inline(always)]
    fn plain_period(
        &self,
        st: &mut State,
        sink: &mut impl Sink,
        i: usize,
    ) -> Option<usize> {
        let bytes = self.s.as_bytes();
        if !(self.fast
            && !st.at_token_start
            && bytes[i] == b'.'
            && st.quote.is_none()
            && self.rules.data.period_ends)
        {
            return None;
        }
        let (e, m, opener_len) = plain_period_at(bytes, i)?;
        let cl = Cluster {
            end: e,
            periods: 1,
            closed: e > i + 1,
            ..Cluster::default()
        };
        let Some(end) =
            self.decide_period(st, i, &cl, m, char::from(bytes[m]))
        else {
            return Some(e);
        };
        self.end_sentence(st, sink, end, true);
        // The next sentence starts after a single space.
        st.after_one_space = true;
        if bytes[end + 1] == b'"'
            || (opener_len == 3 && bytes[end + 3] == 0x9C)
        {
            // `"` and `“` open a quotation: the full path takes the next
            // token.
            return Some(end);
        }
        // The next token opens the sentence and is no list marker; the
        // opening mark before it, if any, changes nothing else, and its
        // first letter is plain.
        st.tok_start = end + 1;
        st.word_start = end + 1;
        st.marker_token = false;
        st.first_was_bullet = false;
        st.sent_tokens = 1;
        Some(if opener_len == 0 { m + 1 } else { m })
    }

    /// A token starts at `i`: notes where, and applies rule `ListItems`
    /// (the next marker in sequence opens a new sentence; a marker in the
    /// label slot of a sentence is remembered, with the marker that would
    /// follow it).
    #[inline(always)]
    fn start_token(&self, st: &mut State, sink: &mut impl Sink, i: usize) {
        let s = self.s;
        let n = s.len();
        st.at_token_start = false;
        st.tok_start = i;
        st.word_start = i;
        let (marker, tok_end) = if may_be_marker(s.as_bytes(), i) {
            let end = token_end(s, i);
            (parse_marker(&s[i..end]), end)
        } else {
            (None, n)
        };
        // A dash inside a line is punctuation, not a bullet.
        let dash_bullet = marker.is_some_and(|m| {
            m.label == Label::None && m.bullet.is_some_and(dash)
        });
        if st.sent_tokens > 0
            && marker.is_some()
            && marker == st.expected
            && !dash_bullet
            && tok_end < n
        {
            self.end_sentence(st, sink, i, false);
        }
        let label_slot = st.sent_tokens == 0
            || (st.sent_tokens == 1 && st.first_was_bullet);
        st.marker_token = label_slot && marker.is_some();
        if st.sent_tokens == 0 {
            st.first_was_bullet =
                matches!(marker, Some(Marker { label: Label::None, .. }));
            if let Some(m) = marker {
                st.expected = Some(m.successor());
            }
        }
        st.sent_tokens += 1;
    }

    /// Reads the cluster of terminators and closers starting at `i`
    /// (rules `Closers` and `BidiTransparent`; a closer that closes the
    /// open quotation closes it).
    pub(super) fn cluster(&self, st: &mut State, i: usize) -> Cluster {
        let s = self.s;
        let quote = &mut st.quote;
        let mut cl = Cluster::default();
        let mut j = i;
        // Rule `Ellipsis`: a spaced ellipsis starts with a period that has
        // white space (or nothing) before it and " ." after it.
        let spaced_start = s.as_bytes()[i] == b'.'
            && char_before(s, i).is_none_or(char::is_whitespace)
            && s[i + 1..].starts_with(" .");
        while let Some((c, len)) = char_at(s, j) {
            if c == '.' && self.rules.data.period_ends {
                cl.periods += 1;
                if spaced_start && s[j + 1..].starts_with(" .") {
                    cl.spaced = true;
                    j += 2;
                    continue;
                }
            } else if c == '…' {
                cl.ellipsis = true;
            } else if self.is_terminator(c) {
                if no_space_terminator(c) {
                    cl.no_space = true;
                } else if matches!(c, ':' | '،' | ';') {
                    cl.colon = true;
                    cl.comma |= c == '،';
                } else {
                    cl.question = true;
                }
            } else if closer(c) && j > i {
                if c == '"'
                    && quote.is_none_or(|q| q.closer != '"')
                    && char_at(s, j + 1)
                        .is_some_and(|(d, _)| !d.is_whitespace())
                {
                    // `cheered."It's`: no quotation is open, so the mark
                    // opens the next one.
                    break;
                }
                if quote.is_some_and(|q| q.closer == c) {
                    *quote = None;
                }
                cl.closed = true;
                cl.cjk_closed = matches!(
                    c,
                    '」' | '』' | '》' | '〉' | '）' | '】' | '〕'
                );
            } else if !format_char(c) {
                break;
            }
            j += len;
        }
        // A closing mark after a space (French `. »`, or `won. " Then`
        // when a quotation is open) stays with its sentence.
        if let Some(rest) = s[j..].strip_prefix(' ')
            && let Some(c) = rest.chars().next()
            && match c {
                '»' | '›' | '”' => true,
                '"' => quote.is_some_and(|q| q.closer == '"'),
                _ => false,
            }
        {
            let k = j + 1 + c.len_utf8();
            if char_at(s, k).is_none_or(|(d, _)| d.is_whitespace()) {
                if quote.is_some_and(|q| q.closer == c) {
                    *quote = None;
                }
                j = k;
                cl.closed = true;
            }
        }
        if cl.periods > 1 {
            cl.ellipsis = true;
        }
        cl.end = j;
        cl
    }
}
