//! The rules that decide, at each cluster of terminators, whether it
//! ends the sentence: [`Scan::decide`] for any cluster, and
//! [`Scan::decide_period`] for a period or an ellipsis before white
//! space (which the `word. Next` shortcut calls directly). Each rule is a
//! function named after it, and the decisions ask them in a fixed order:
//! the first rule with an answer gives it.
//!
//! The rules, by name (each has its own rows in `segment/tests.rs`):
//!
//! - `Terminators`: `.` `?` `!` `…` and the other scripts' full stops and
//!   question marks (`。` `！` `？` `।` `॥` `።` `፧` `။` `۔` `؟` `։` `;`),
//!   plus per-language extras (the Armenian and Arabic colon, the Greek `;`,
//!   the Arabic comma); Armenian's `.` is not one.
//! - `Closers`: quotation marks and brackets right after a terminator
//!   belong to the sentence it ends (`“Why?”`, `great."`, `?».`).
//! - `NoSpaceScripts`: CJK, Ethiopic, Burmese, Devanagari and Urdu
//!   terminators end a sentence without a following space.
//! - `NeedsSpace`: `.` `?` `!` and colons end a sentence only before white
//!   space, except for `GluedSentence`.
//! - `GluedSentence`: `ended.Fans`, `2,500.Nobody`: a period between a
//!   lowercase letter or digit and a capital letter, outside URLs and
//!   e-mail addresses, ends a sentence.
//! - `UrlEmail`: the periods inside a URL or e-mail address are not ends.
//! - `ContinuesLowercase`: a terminator before a lowercase word does not
//!   end the sentence (`“Why?” she asked`, `Jeopardy! in`, `e.g. a hammer`),
//!   except the Greek period and the Kazakh `?`/`!`.
//! - `ContinuesPunctuation`: a terminator followed directly by a comma or
//!   another mark (`.»,`) does not end it; nor one before `№` (a citation).
//! - `DashContinuation`: `?` or `!` before a dash and a lowercase word
//!   (`бе? — деді`) does not end the sentence.
//! - `Abbreviation`: the language's table ([`super::tables`]) says how a
//!   period after an abbreviation behaves: `Prefix`, `Number`, `Inner`,
//!   `Time`.
//! - `Initial`: a single letter with a period (`E.`, `p.`) behaves as an
//!   `Inner` abbreviation: no break unless a sentence starter follows.
//! - `MultiPeriod`: letters joined by periods (`U.S.`, `E.U.`, `т.б.`)
//!   behave as an `Inner` abbreviation.
//! - `SentenceStarter`: after an `Inner` abbreviation or an initial, a
//!   capitalised word from the language's starter list makes the period
//!   an end (`moved to the U.K. They followed`).
//! - `FrontedTime`: `a.m.`/`p.m.` before a capital ends the sentence,
//!   unless the sentence so far is only a fronted time phrase
//!   (`By 9 p.m. Officer Diaz had arrived.`).
//! - `OrdinalDate`: in languages writing ordinals with a period, a number
//!   before a month name (`3. Oktober`) or a Roman numeral before a
//!   capitalised word (`Pius XII. Besuchte`) is an ordinal, not an end.
//! - `NumberEnd`: a number with a period before a capital or a digit ends
//!   the sentence (`$45.50. It`, `Kapitel 12. Danach`, `het. 40 mensen`).
//! - `Ellipsis`: `...` and `…` end a sentence before a capital, not before
//!   a lowercase word; a spaced `. . .` is an omission and never ends one;
//!   a spaced `. . . .` does; a word's own period followed by a spaced
//!   ellipsis and a word ends the sentence there; `[...]` is an omission.
//! - `ListItems`: a list marker (`1.`, `2)`, `3.)`, `a.`, `•`, `⁃9.`)
//!   opening a sentence is not a sentence of its own, and the next marker
//!   in sequence (`2.` after `1.`, `b.` after `a.`, another `•`) opens a
//!   new sentence even without a terminator before it.
//! - `QuotedSpeech`: a terminator inside an open quotation that closes
//!   within [`QUOTE_REACH`] bytes and is embedded in the sentence (closed
//!   after a comma or a word, and followed by a lowercase word or a comma)
//!   does not end the sentence (`„Je neskoro. Ideme,“ povedal`); inside CJK brackets
//!   (`「你好！再见」`) it never does.
//! - `CommaEnumeration`: the Arabic comma (a terminator in Arabic) does
//!   not end a segment before a single word closed by another comma (a
//!   list: `الخبز، والحليب،`).
//! - `BidiTransparent`: Unicode format characters (bidi marks and
//!   embeddings) around a terminator are ignored.

use super::chars::{
    char_at, char_before, dash, format_char, is_number, is_roman,
    one_word_then, opener, push_lower, skip_openers, skip_ws, token_end,
    tokens_through, uncased_letter, url_like,
};
use super::quote::Finder;
use super::scan::{Cluster, MAX_WORD, QUOTE_REACH, Scan, State};
use super::tables::{Abbr, short_key, short_key_at};

impl<'a> Scan<'a> {
    /// Whether the cluster `cl` of the terminator at `i` ends the
    /// sentence, and where (the end of the cluster, or of the block).
    pub(super) fn decide(
        &self,
        st: &mut State,
        i: usize,
        cl: &Cluster,
    ) -> Option<usize> {
        let s = self.s;
        let n = s.len();
        let e = cl.end;
        if e >= n {
            return Some(n);
        }
        let (nc, _) = char_at(s, e)?;
        let prev = char_before(s, i);
        if omission(cl, prev) {
            return None;
        }
        if !nc.is_whitespace() {
            return self.ends_without_space(st, i, cl, prev, nc).then_some(e);
        }
        // White space follows: find the next word.
        let k = skip_ws(s, e);
        if k >= n {
            return Some(e);
        }
        let m = skip_openers(s, k);
        let Some((fc, _)) = char_at(s, m) else { return Some(e) };
        if self.quoted(st, e, i) {
            return None;
        }
        if continues_punctuation(cl, fc) {
            return None;
        }
        if dash(fc) && m == k {
            return (!self.dash_continuation(m, fc)).then_some(e);
        }
        if comma_enumeration(s, cl, m) {
            return None;
        }
        if cl.no_space || cl.colon {
            return Some(e);
        }
        if cl.question && cl.periods == 0 && !cl.ellipsis {
            return (!self.question_continues_lowercase(fc)).then_some(e);
        }
        self.decide_period(st, i, cl, m, fc)
    }

    /// The rules for a period or an ellipsis (the cluster `cl` of the
    /// terminator at `i`) before white space and the next word, whose
    /// first char `fc` is at `m`.
    #[inline(always)]
    pub(super) fn decide_period(
        &self,
        st: &mut State,
        i: usize,
        cl: &Cluster,
        m: usize,
        fc: char,
    ) -> Option<usize> {
        let s = self.s;
        let e = cl.end;
        let capital = fc.is_uppercase() || uncased_letter(fc);
        let digit = fc.is_numeric();
        let (word_at, word_end) = self.word_span(st.word_start, i);
        let word = &s[word_at..word_end];
        if cl.ellipsis {
            return self.ellipsis_ends(st, cl, word, m, fc).then_some(e);
        }
        if (fc == '.' || fc == '…') && !word.is_empty() {
            return self.spaced_ellipsis_after_word(m).then_some(e);
        }
        if fc.is_lowercase() {
            return self.period_before_lowercase_ends(st, word).then_some(e);
        }
        if !capital && !digit {
            return symbol_ends(fc).then_some(e);
        }
        // Rule `ListItems`: the period of a marker opening the sentence.
        if st.marker_token {
            return None;
        }
        if word.is_empty() {
            return Some(e);
        }
        let kind = match self.abbreviation_at(st, word_at, word_end) {
            None => implicit_abbreviation(word),
            found => found,
        };
        if let Some(kind) = kind {
            return self
                .abbreviation_ends(st, kind, i, m, capital, digit)
                .then_some(e);
        }
        if self.ordinal_date(st, word, m, capital) {
            return None;
        }
        // Rule `NumberEnd` and any other word: the period ends it.
        Some(e)
    }

    /// Rules `NoSpaceScripts`, `NeedsSpace`, `UrlEmail` and
    /// `GluedSentence`: whether the cluster of the terminator at `i`,
    /// followed directly by `nc` (no white space), ends the sentence.
    fn ends_without_space(
        &self,
        st: &mut State,
        i: usize,
        cl: &Cluster,
        prev: Option<char>,
        nc: char,
    ) -> bool {
        let s = self.s;
        let e = cl.end;
        if cl.no_space {
            // `「…。」と言った`: a closed CJK quotation goes on.
            if cl.cjk_closed && nc.is_alphabetic() {
                return false;
            }
            return !self.quoted(st, e, i);
        }
        // Look through an opening mark: `cheered."It's`.
        let nc = char_at(s, skip_openers(s, e)).map_or(nc, |(c, _)| c);
        if cl.colon
            || !nc.is_uppercase()
            || url_like(&s[st.tok_start..token_end(s, st.tok_start)])
        {
            return false;
        }
        cl.question || self.glued_sentence(st, i, cl, prev)
    }

    /// Rule `GluedSentence`: `ended.Fans`, `2,500.Nobody`: a single period
    /// between a lowercase letter or a digit and a capital ends the
    /// sentence when the word before it is an ordinary word of two letters
    /// or more (not a title: `Mr.Jones`).
    fn glued_sentence(
        &self,
        st: &mut State,
        i: usize,
        cl: &Cluster,
        prev: Option<char>,
    ) -> bool {
        if cl.periods != 1
            || cl.closed
            || cl.ellipsis
            || !prev.is_some_and(|p| p.is_lowercase() || p.is_numeric())
        {
            return false;
        }
        let word = self.word_before(st.word_start, i);
        word.chars().nth(1).is_some()
            && self.abbreviation(st, word) != Some(Abbr::Prefix)
    }

    /// Rule `DashContinuation`: whether `?` or `!` before the dash `fc` at
    /// `m` goes on, because a lowercase word follows the dash (`бе? —
    /// деді`).
    fn dash_continuation(&self, m: usize, fc: char) -> bool {
        let s = self.s;
        let after = skip_ws(s, m + fc.len_utf8());
        char_at(s, after).is_some_and(|(c, _)| c.is_lowercase())
    }

    /// Rule `ContinuesLowercase` for `?` and `!`: a lowercase word `fc`
    /// after them continues the sentence (`“Why?” she asked`), except in
    /// the languages that enumerate questions (Kazakh).
    fn question_continues_lowercase(&self, fc: char) -> bool {
        fc.is_lowercase() && !self.rules.data.question_before_lowercase_ends
    }

    /// Rule `Ellipsis`: whether an ellipsis before white space ends the
    /// sentence. A spaced `. . .` is an omission; an ellipsis standing
    /// alone or opening a word ("waited. ... Then", `"...`) leads into
    /// what follows; four dots are a period and an ellipsis; three (or
    /// `…`) end a sentence only before a capitalised sentence starter
    /// ("Wait... What?"), not before a name ("like... Paris").
    #[inline]
    fn ellipsis_ends(
        &self,
        st: &mut State,
        cl: &Cluster,
        word: &str,
        m: usize,
        fc: char,
    ) -> bool {
        if cl.spaced && cl.periods == 3 {
            return false;
        }
        if word.is_empty() && !cl.spaced {
            return false;
        }
        let capital = fc.is_uppercase() || uncased_letter(fc);
        let ends =
            cl.periods >= 4 || self.starter_at(st, m) || uncased_letter(fc);
        capital && ends
    }

    /// Rule `Ellipsis`: a word's own period, then a spaced ellipsis
    /// (starting at `m`) and a word, ends the sentence at the period.
    fn spaced_ellipsis_after_word(&self, m: usize) -> bool {
        let s = self.s;
        let mut j = m;
        while let Some((c, len)) = char_at(s, j) {
            if c == '.' || c == '…' || c == ' ' {
                j += len;
            } else {
                break;
            }
        }
        char_at(s, j).is_some_and(|(c, _)| c.is_alphanumeric())
    }

    /// Rule `ContinuesLowercase` for the period: a lowercase word after it
    /// continues the sentence (`e.g. a hammer`), except in the languages
    /// that do not always capitalise after a period (Greek), where a word
    /// of two letters or more that is no abbreviation ends it.
    #[inline]
    fn period_before_lowercase_ends(
        &self,
        st: &mut State,
        word: &str,
    ) -> bool {
        self.rules.data.period_before_lowercase_ends
            && !word.is_empty()
            && word.chars().count() > 1
            && self.abbreviation(st, word).is_none()
    }

    /// Rule `Abbreviation` (with `Initial`, `MultiPeriod`, `SentenceStarter`
    /// and `FrontedTime`): whether a period after an abbreviation of kind
    /// `kind` ends the sentence before the word at `m` (`capital`: it
    /// opens with a capital or an uncased letter; `digit`: with a digit).
    #[inline(always)]
    fn abbreviation_ends(
        &self,
        st: &mut State,
        kind: Abbr,
        i: usize,
        m: usize,
        capital: bool,
        digit: bool,
    ) -> bool {
        match kind {
            Abbr::Prefix => false,
            Abbr::Number => !digit,
            Abbr::Inner => capital && self.starter_at(st, m),
            Abbr::Time => !(digit || self.fronted_time(st, i)),
        }
    }

    /// Rule `OrdinalDate`: in languages writing ordinals with a period, a
    /// number before a month name (`3. Oktober`) or a Roman numeral before
    /// a capitalised word that is no sentence starter (`Pius XII.
    /// Besuchte`) is an ordinal: its period does not end the sentence.
    #[inline(always)]
    fn ordinal_date(
        &self,
        st: &mut State,
        word: &str,
        m: usize,
        capital: bool,
    ) -> bool {
        self.rules.data.ordinal_period
            && ((is_number(word) && word.len() <= 2 && self.month_at(st, m))
                || (is_roman(word) && capital && !self.starter_at(st, m)))
    }

    /// The word before the terminator at `i`: from `word_start`, without
    /// opening marks and format characters; empty when longer than
    /// [`MAX_WORD`] (too long to be an abbreviation).
    #[inline]
    pub(super) fn word_before(&self, word_start: usize, i: usize) -> &'a str {
        let (a, b) = self.word_span(word_start, i);
        &self.s[a..b]
    }

    /// Where [`word_before`](Self::word_before) is in the block.
    #[inline]
    fn word_span(&self, word_start: usize, i: usize) -> (usize, usize) {
        let s = self.s;
        let from = if i - word_start > MAX_WORD * 2 { i } else { word_start };
        let mut w = &s[from..i];
        // Openers and format characters start with a byte that is not an
        // ASCII letter or digit, and format characters end with one that
        // is not ASCII: most words need no trimming.
        if !w.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric) {
            w = w.trim_start_matches(|c: char| opener(c) || format_char(c));
        }
        let start = i - w.len();
        if !w.as_bytes().last().is_some_and(u8::is_ascii) {
            w = w.trim_end_matches(format_char);
        }
        if w.len() > MAX_WORD { (i, i) } else { (start, start + w.len()) }
    }

    /// The kind of the word at `start..end` of the block in the language's
    /// table: [`abbreviation`](Self::abbreviation), with the short key read
    /// a word at a time when it can be.
    #[inline(always)]
    fn abbreviation_at(
        &self,
        st: &mut State,
        start: usize,
        end: usize,
    ) -> Option<Abbr> {
        if let Some(key) = short_key_at(self.s.as_bytes(), start, end) {
            return self.rules.short_abbreviation(key);
        }
        self.abbreviation(st, &self.s[start..end])
    }

    /// The kind of `word` in the language's table.
    pub(super) fn abbreviation(
        &self,
        st: &mut State,
        word: &str,
    ) -> Option<Abbr> {
        if word.is_empty() || word.len() > MAX_WORD {
            return None;
        }
        if let Some(key) = short_key(word.as_bytes()) {
            return self.rules.short_abbreviation(key);
        }
        if word.is_ascii() && !self.rules.long_ascii_abbreviations() {
            // Too long for a short key (or holding a NUL, which no
            // abbreviation does), and the language has no longer ones.
            return None;
        }
        st.lower.clear();
        for c in word.chars() {
            push_lower(&mut st.lower, c);
        }
        self.rules.abbreviation(&st.lower)
    }

    /// The word starting at `m` (letters only, bounded), lowercased into
    /// `st.lower`; `None` when it is too long. A single letter followed by
    /// a period is an initial, not a word.
    fn lower_word_at(&self, st: &mut State, m: usize) -> Option<usize> {
        let s = self.s;
        st.lower.clear();
        let mut j = m;
        let mut count = 0;
        while let Some((c, len)) = char_at(s, j) {
            if !c.is_alphabetic() {
                break;
            }
            count += 1;
            if j - m > MAX_WORD {
                return None;
            }
            push_lower(&mut st.lower, c);
            j += len;
        }
        if count == 1 && char_at(s, j).is_some_and(|(c, _)| c == '.') {
            return None;
        }
        Some(j)
    }

    /// Rule `SentenceStarter`: whether the word at `m` usually opens a
    /// sentence.
    fn starter_at(&self, st: &mut State, m: usize) -> bool {
        self.lower_word_at(st, m).is_some() && self.rules.is_starter(&st.lower)
    }

    /// Rule `OrdinalDate`: whether the word at `m` is a month name.
    fn month_at(&self, st: &mut State, m: usize) -> bool {
        self.lower_word_at(st, m).is_some() && self.rules.is_month(&st.lower)
    }

    /// Rule `FrontedTime`: whether the sentence so far (up to the
    /// terminator at `i`) is a preposition and a time ("At 5 a.m.").
    fn fronted_time(&self, st: &mut State, i: usize) -> bool {
        if tokens_through(self.s, st.sent_start, i, 4) > 3 {
            return false;
        }
        let m = skip_ws(self.s, st.sent_start);
        self.lower_word_at(st, m).is_some()
            && self.rules.data.time_prepositions.contains(&st.lower.as_str())
    }

    /// Rule `QuotedSpeech`: whether the terminator at `i` (cluster ending
    /// at `e`) is inside an embedded quotation: one that closes within
    /// [`QUOTE_REACH`] bytes, after a word or a comma, and is followed by
    /// a lowercase word or a comma; a CJK quotation always is.
    fn quoted(&self, st: &mut State, e: usize, i: usize) -> bool {
        let Some(q) = st.quote.as_mut() else { return false };
        if let Some(known) = q.embedded {
            return known;
        }
        let s = self.s;
        let idx = match st.finders.iter().position(|f| f.ch == q.closer) {
            Some(idx) => idx,
            None => {
                st.finders.push(Finder::new(q.closer));
                st.finders.len() - 1
            }
        };
        let found = st.finders[idx].find(s, e);
        let embedded = match found {
            Some(c) if c - i <= QUOTE_REACH => {
                if q.cjk {
                    true
                } else {
                    let before = s[..c].trim_end().chars().next_back();
                    let after_at = skip_ws(s, c + q.closer.len_utf8());
                    let after = char_at(s, after_at).map(|(c, _)| c);
                    let before_ok =
                        before.is_some_and(|b| !self.is_terminator(b));
                    let after_ok =
                        after.is_some_and(|a| a.is_lowercase() || a == ',');
                    before_ok && after_ok
                }
            }
            _ => false,
        };
        q.embedded = Some(embedded);
        embedded
    }
}

/// Rule `Ellipsis`: `[...]` and `(...)` mark an omission, not an end.
#[inline]
fn omission(cl: &Cluster, prev: Option<char>) -> bool {
    cl.ellipsis && matches!(prev, Some('[' | '('))
}

/// Rule `ContinuesPunctuation`: a terminator followed by a comma, a
/// semicolon, a colon (unless it is a colon itself) or `№` (a citation)
/// does not end the sentence.
#[inline]
fn continues_punctuation(cl: &Cluster, fc: char) -> bool {
    matches!(fc, ',' | ';' | '№') || (fc == ':' && !cl.colon)
}

/// Rule `CommaEnumeration`: "الخبز، والحليب،": an Arabic comma before a
/// single word (at `m`) that another comma closes lists, it does not end.
#[inline]
fn comma_enumeration(s: &str, cl: &Cluster, m: usize) -> bool {
    cl.comma && one_word_then(s, m, '،')
}

/// A period before a symbol `fc` (a currency sign, an ampersand, a
/// bullet) ends the sentence; before other marks it does not.
#[inline]
fn symbol_ends(fc: char) -> bool {
    matches!(fc, '$' | '£' | '€' | '¥' | '#' | '@' | '&' | '•')
}

/// Rules `Initial` and `MultiPeriod`: single letters and letters joined by
/// periods behave as `Inner` abbreviations.
#[inline(always)]
pub(super) fn implicit_abbreviation(word: &str) -> Option<Abbr> {
    // Most words start with four ASCII letters: a run too long, told
    // in line; the other words take the call.
    if word
        .as_bytes()
        .get(..4)
        .is_some_and(|b| b.iter().all(u8::is_ascii_alphabetic))
    {
        return None;
    }
    short_implicit_abbreviation(word)
}

/// [`implicit_abbreviation`] of a word that does not start with four
/// ASCII letters.
#[inline(never)]
pub(super) fn short_implicit_abbreviation(word: &str) -> Option<Abbr> {
    // Without a period, only a single letter is one (an initial).
    if !word.bytes().any(|b| b == b'.') {
        let mut chars = word.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => Some(Abbr::Inner),
            _ => None,
        };
    }
    letters_and_periods(word)
}

/// [`implicit_abbreviation`], char by char.
pub(super) fn letters_and_periods(word: &str) -> Option<Abbr> {
    let mut letters = 0;
    let mut run = 0;
    let mut periods = 0;
    for c in word.chars() {
        if c == '.' {
            if run == 0 {
                return None;
            }
            periods += 1;
            run = 0;
        } else if c.is_alphabetic() {
            letters += 1;
            run += 1;
            if run > 3 {
                return None;
            }
        } else {
            return None;
        }
    }
    if letters == 0 || (periods == 0 && letters > 1) {
        return None;
    }
    Some(Abbr::Inner)
}
