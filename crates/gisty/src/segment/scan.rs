//! The sentence scanner: one forward pass over a block of prose.
//!
//! The scanner walks the block character by character (in the middle of
//! a sentence it steps over runs of letters, digits, spaces and other
//! bytes that change nothing 32 at a time, see `skip`, and it takes the
//! most common terminator, `word. Next`, straight to the period rules),
//! keeping a little state (where the current sentence, token and word
//! start; an open quotation; the list marker expected next). At each
//! candidate terminator it reads the cluster of terminators and closing
//! marks, looks at the next word, and asks the rules below whether the
//! cluster ends the sentence. Every look is bounded (a word is looked up only when
//! it is at most [`MAX_WORD`] bytes long) or amortised (the search for a
//! closing quotation mark never scans a byte twice), so the pass is linear
//! in the length of the block.
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

use super::tables::{Abbr, Rules, short_key};
use crate::swar::{HIGH, splat};

/// Longest word (in bytes) looked up in the tables; longer words are
/// never abbreviations, and the bound keeps each look constant-time.
pub(crate) const MAX_WORD: usize = 48;

/// How far (in bytes) a quotation may run after a terminator inside it
/// and still protect it (rule `QuotedSpeech`).
pub(crate) const QUOTE_REACH: usize = 600;

/// Rule `Terminators`: the characters that may end a sentence in every
/// language (`.` is checked separately: Armenian does not use it).
fn universal_terminator(c: char) -> bool {
    no_space_terminator(c)
        || matches!(
            c,
            '?' | '!' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '‽' | '\u{037E}' | '჻'
        )
}

/// Rule `NoSpaceScripts`: terminators that end a sentence even when the
/// next sentence follows without a space.
fn no_space_terminator(c: char) -> bool {
    matches!(
        c,
        '。' | '｡'
            | '！'
            | '？'
            | '।'
            | '॥'
            | '።'
            | '፧'
            | '፨'
            | '။'
            | '۔'
            | '؟'
            | '։'
            | '។'
    )
}

/// Rule `Closers`: marks that close a quotation or a bracket.
fn closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '“'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '）'
            | '】'
            | '〕'
    )
}

/// Marks that open a quotation or a bracket, skipped before the next word.
fn opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '《'
            | '〈'
            | '（'
            | '【'
            | '〔'
    )
}

/// Rule `BidiTransparent`: format characters (bidi marks, embeddings,
/// isolates, zero-width joiners) that are ignored around terminators.
fn format_char(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

fn dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―')
}

/// A letter of a script without case (Arabic, Devanagari, CJK...): it
/// can open a sentence as a capital can.
fn uncased_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}

/// Bytes that the scan steps over inside a token: ASCII other than white
/// space, the double quote (which may open or close a quotation) and
/// the characters that may be terminators (`.` `?` `!` `:` `;`). Every
/// other character takes the scanner's full path.
const PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = !matches!(
            b as u8,
            b'\t'
                | b'\n'
                | 0x0b
                | 0x0c
                | b'\r'
                | b' '
                | b'"'
                | b'.'
                | b'?'
                | b'!'
                | b':'
                | b';'
        );
        b += 1;
    }
    t
};

/// Whether the fast skip ([`skip`]) must stop at the ASCII byte `b` (all
/// other bytes: see [`stops_at`]): every byte that is not [`PLAIN`] and
/// not a space, and the control characters (which the full path steps
/// over: stopping there costs a little time and changes nothing).
#[inline(always)]
fn stops_skip(b: u8) -> bool {
    // As a signed byte, everything from 0x80 up is negative: one
    // comparison takes the control characters and all non-ASCII bytes.
    (b as i8) < 0x20 || matches!(b, b'!' | b'"' | b'.' | b':' | b';' | b'?')
}

/// For the 8 bytes of `w` (little-endian), the high bit of each byte
/// set when the byte may stop the skip: it is below 0x40 and not a space,
/// or not ASCII (a superset of [`stops_skip`], told with a few word-wide
/// operations).
#[inline(always)]
fn may_stop(w: u64) -> u64 {
    // With bit 5 flipped, a space is 0 and the other bytes below 0x40
    // are 1 to 0x3f. For a 7-bit value, adding 0x7f carries into bit 7
    // iff it is not zero, adding 0x40 iff it is 0x40 or more (never out
    // of the byte): the two differ in bit 7 exactly for 1 to 0x3f.
    let z = (w ^ splat(b' ')) & !HIGH;
    (((z + splat(0x7f)) ^ (z + splat(0x40))) | w) & HIGH
}

/// Whether the skip stops at byte `p` of `bytes` (which starts a char or
/// continues one whose first byte the skip stepped over). ASCII: see
/// [`stops_skip`]. Beyond ASCII, it steps over the chars that change
/// nothing in the middle of a sentence either (no white space, quotation
/// mark or terminator): the Latin letters of U+00C0 to U+017F, `£`, the
/// dashes `–` `—` and the apostrophes `‘` `’`; and over the continuation
/// bytes of those.
#[inline(always)]
fn stops_at(bytes: &[u8], p: usize) -> bool {
    match bytes.get(p) {
        None => true,
        Some(&b) if b < 0x80 => stops_skip(b),
        Some(0x80..=0xBF | 0xC3..=0xC5) => false,
        Some(0xC2) => bytes.get(p + 1) != Some(&0xA3),
        Some(0xE2) => !matches!(
            bytes.get(p + 1..p + 3),
            Some([0x80, 0x93 | 0x94 | 0x98 | 0x99])
        ),
        Some(_) => true,
    }
}

/// The first byte from `base` that stops the skip among those marked in
/// `candidates` (see [`may_stop`]) for the word of `bytes` at `base`.
#[inline(always)]
fn first_stop(
    bytes: &[u8],
    base: usize,
    mut candidates: u64,
) -> Option<usize> {
    while candidates != 0 {
        let p = base + candidates.trailing_zeros() as usize / 8;
        if stops_at(bytes, p) {
            return Some(p);
        }
        candidates &= candidates - 1;
    }
    None
}

/// The first byte at or after `from` where the skip stops (see
/// [`stops_at`]), or the end of `bytes`: steps over the bytes that
/// change nothing in the middle of a sentence, [`PLAIN`] ones and some
/// others inside a token and the spaces between tokens, 32 at a time
/// (four `u64` words, which the compiler may put in vector registers:
/// one where the CPU has AVX2, for which it is compiled too and picked at
/// run time). `from` must start a char.
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn skip(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    let (chunks, _) = rest.as_chunks::<32>();
    for (n, chunk) in chunks.iter().enumerate() {
        let (words, _) = chunk.as_chunks::<8>();
        let masks = words.iter().map(|w| may_stop(u64::from_le_bytes(*w)));
        if masks.clone().fold(0, |all, m| all | m) != 0 {
            for (k, m) in masks.enumerate() {
                if let Some(p) = first_stop(bytes, from + 32 * n + 8 * k, m) {
                    return p;
                }
            }
        }
    }
    let done = from + 32 * chunks.len();
    (done..bytes.len()).find(|&p| stops_at(bytes, p)).unwrap_or(bytes.len())
}

/// Where the last space of `bytes[from..to]` is, read backwards 8 bytes
/// at a time (the space is mostly a word back from `to`).
#[inline]
fn last_space(bytes: &[u8], from: usize, to: usize) -> Option<usize> {
    let mut end = to.min(bytes.len());
    while end >= from + 8 {
        let w = bytes
            .get(end - 8..end)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u64::from_le_bytes);
        // Bit 7 of each byte set when the byte is not a space: exact, as
        // adding 0x7f to a 7-bit value carries into bit 7 iff it is not
        // zero.
        let z = w ^ splat(b' ');
        let spaces = !(((z & !HIGH) + !HIGH) | z) & HIGH;
        if spaces != 0 {
            return Some(end - 1 - spaces.leading_zeros() as usize / 8);
        }
        end -= 8;
    }
    bytes.get(from..end)?.iter().rposition(|&b| b == b' ').map(|p| from + p)
}

/// For a period at `i`, the shape of `word. Next` around it, if it has
/// it: an optional closing mark (`'` `"` `’` `”`), a single space, an
/// optional opening mark (`'` `"` `(` `[` `{` `‘` `“`), then an ASCII
/// capital. Returns where the cluster ends (the space), where the capital
/// is, and the length of the opening mark (0 without one).
#[inline]
fn plain_period_at(bytes: &[u8], i: usize) -> Option<(usize, usize, usize)> {
    let close = match bytes.get(i + 1..)? {
        [b'\'' | b'"', ..] => 1,
        [0xE2, 0x80, 0x99 | 0x9D, ..] => 3,
        _ => 0,
    };
    let e = i + 1 + close;
    if *bytes.get(e)? != b' ' {
        return None;
    }
    let open = match bytes.get(e + 1..)? {
        [b'\'' | b'"' | b'(' | b'[' | b'{', ..] => 1,
        [0xE2, 0x80, 0x98 | 0x9C, ..] => 3,
        _ => 0,
    };
    let m = e + 1 + open;
    bytes.get(m)?.is_ascii_uppercase().then_some((e, m, open))
}

/// Where the token starting at `i` ends: at the next white space, or at
/// the end of `s`.
#[inline]
fn token_end(s: &str, mut i: usize) -> usize {
    let bytes = s.as_bytes();
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b == b' ' || (b'\t'..=b'\r').contains(&b) {
                return i;
            }
            i += 1;
        } else {
            match char_at(s, i) {
                Some((c, _)) if c.is_whitespace() => return i,
                Some((_, len)) => i += len,
                None => break,
            }
        }
    }
    bytes.len()
}

/// False when the token at `i` cannot be a list marker (see
/// [`parse_marker`]), from its first bytes: a marker starts with a
/// bullet (`-`, `*` or not ASCII), `(`, a digit, or a lowercase letter
/// followed by `.` or `)`. Most tokens are words, and are told at once.
#[inline]
fn may_be_marker(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'a'..=b'z' => matches!(bytes.get(i + 1), Some(b'.' | b')')),
        b'0'..=b'9' | b'-' | b'*' | b'(' | 0x80.. => true,
        _ => false,
    }
}

/// Rule `UrlEmail`: whether a token looks like a URL or an e-mail
/// address.
fn url_like(token: &str) -> bool {
    token.contains("://") || token.starts_with("www.") || token.contains('@')
}

/// The char at byte `i` of `s` and its length (`i` on a char boundary).
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = s[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// The char before byte `i` of `s`.
#[inline]
fn char_before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

/// Where the next occurrence of a closing mark is, found with amortised
/// linear work: queries come at increasing positions, and a search never
/// rescans bytes a previous search covered.
#[derive(Clone, Copy)]
struct Finder {
    ch: char,
    from: usize,
    next: Option<usize>,
    used: bool,
}

impl Finder {
    fn find(&mut self, s: &str, at: usize) -> Option<usize> {
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

/// A list marker (rule `ListItems`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Marker {
    bullet: Option<char>,
    label: Label,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Label {
    None,
    Number(u16, Suffix),
    Letter(u8, Suffix),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Suffix {
    Dot,
    Paren,
    DotParen,
}

impl Marker {
    /// The marker that follows this one in a list.
    fn successor(self) -> Marker {
        let label = match self.label {
            Label::None => Label::None,
            Label::Number(n, s) => Label::Number(n.saturating_add(1), s),
            Label::Letter(c, s) => Label::Letter(c.saturating_add(1), s),
        };
        Marker { bullet: self.bullet, label }
    }
}

fn bullet_char(c: char) -> bool {
    matches!(
        c,
        '•' | '‣'
            | '◦'
            | '⁃'
            | '▪'
            | '●'
            | '○'
            | '■'
            | '□'
            | '-'
            | '*'
            | '–'
            | '—'
    )
}

/// The list marker `token` is, if it is one.
fn parse_marker(token: &str) -> Option<Marker> {
    if token.len() > 8 {
        return None;
    }
    let mut rest = token;
    let mut bullet = None;
    if let Some(c) = rest.chars().next()
        && bullet_char(c)
    {
        bullet = Some(c);
        rest = &rest[c.len_utf8()..];
        if rest.is_empty() {
            return Some(Marker { bullet, label: Label::None });
        }
        if c == '-' || c == '*' || c == '–' || c == '—' {
            // "-5." is a negative number, "*1." a footnote: not bullets.
            return None;
        }
    }
    let rest = rest.strip_prefix('(').unwrap_or(rest);
    let (body, suffix) = if let Some(b) = rest.strip_suffix(".)") {
        (b, Suffix::DotParen)
    } else if let Some(b) = rest.strip_suffix(')') {
        (b, Suffix::Paren)
    } else if let Some(b) = rest.strip_suffix('.') {
        (b, Suffix::Dot)
    } else {
        return None;
    };
    let label = if !body.is_empty()
        && body.len() <= 3
        && body.bytes().all(|b| b.is_ascii_digit())
    {
        Label::Number(body.parse().ok()?, suffix)
    } else if body.len() == 1 && body.as_bytes()[0].is_ascii_lowercase() {
        Label::Letter(body.as_bytes()[0], suffix)
    } else {
        return None;
    };
    Some(Marker { bullet, label })
}

/// An open quotation (rule `QuotedSpeech`).
#[derive(Clone, Copy)]
struct Quote {
    closer: char,
    cjk: bool,
    /// Whether it is embedded in its sentence, once known.
    embedded: Option<bool>,
}

/// The closing mark of a quotation opened by `c`, if `c` opens one.
fn quote_closer(c: char) -> Option<(char, bool)> {
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

/// What a cluster of terminators is made of.
#[derive(Default, Clone, Copy)]
struct Cluster {
    /// One past the last char of the cluster (closers included).
    end: usize,
    periods: u32,
    ellipsis: bool,
    /// `?`, `!` and their kin.
    question: bool,
    /// A terminator of rule `NoSpaceScripts`.
    no_space: bool,
    /// A colon-like extra terminator (`:`, `،`, `;`).
    colon: bool,
    /// The Arabic comma `،` among them.
    comma: bool,
    /// A spaced ellipsis `. . .` (periods separated by single spaces).
    spaced: bool,
    /// A closing mark is part of the cluster.
    closed: bool,
    /// The cluster ends with a CJK closing bracket (`。」`).
    cjk_closed: bool,
}

/// The scanner over one block.
pub(crate) struct Scanner<'a> {
    s: &'a str,
    rules: &'a Rules,
    lower: String,
    finders: Vec<Finder>,
    /// Whether the fast paths are taken: runs of bytes that change
    /// nothing skipped a chunk at a time, `word. Next` sent straight to
    /// the period rules (off in tests only, to compare with the
    /// byte-at-a-time, rule-by-rule path).
    fast: bool,
    /// Whether [`run`](Self::run) gives up at the first line break (`\n`
    /// or `\r`): set to scan a whole text as one block, which it is only
    /// when it has no line break.
    one_line: bool,
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

impl<'a> Scanner<'a> {
    pub(crate) fn new(s: &'a str, rules: &'a Rules) -> Scanner<'a> {
        Scanner {
            s,
            rules,
            lower: String::new(),
            finders: Vec::new(),
            fast: true,
            one_line: false,
        }
    }

    #[inline]
    fn is_terminator(&self, c: char) -> bool {
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

    /// A scanner of a whole text taken as one block: its [`run`](Self::run)
    /// gives up at the first line break.
    pub(crate) fn one_line(s: &'a str, rules: &'a Rules) -> Scanner<'a> {
        Scanner { one_line: true, ..Scanner::new(s, rules) }
    }

    /// Scans the whole block, reporting each sentence to `sink`. Returns
    /// false when a [`one_line`](Self::one_line) scanner meets a line
    /// break: it stops there, and what it reported is to be dropped.
    ///
    /// Every line break is met in the white-space step below: the skip
    /// stops at every control character, and no other step moves past
    /// white space (the `word. Next` path and the clusters take single
    /// spaces only, the decisions only look ahead).
    pub(crate) fn run(&mut self, sink: &mut impl Sink) -> bool {
        let s = self.s;
        let n = s.len();
        let mut i = 0;
        let mut sent_start = 0;
        // Whether the sentence's text starts right after `sent_start`: a
        // single space there, then a capital (set by the `word. Next`
        // path, cleared wherever else a sentence starts).
        let mut after_one_space = false;
        // The tokens of the sentence so far, exact while below 2: the
        // fast path counts the tokens it steps over as one. (Rule
        // `FrontedTime` counts them again, from `sent_start`.)
        let mut sent_tokens = 0usize;
        // Where the current token starts (it ends at white space).
        let mut tok_start = 0;
        let mut at_token_start = true;
        let mut word_start = 0;
        // Rule `ListItems`: the marker that would open the next item, and
        // whether the current token is in the label slot of a sentence.
        let mut expected: Option<Marker> = None;
        let mut marker_token = false;
        let mut first_was_bullet = false;
        let mut quote: Option<Quote> = None;
        let bytes = s.as_bytes();
        while i < n {
            if !at_token_start {
                if self.fast
                    && expected.is_none()
                    && sent_tokens > 0
                    && !first_was_bullet
                {
                    // The common case, in the middle of a sentence with
                    // no list in sight: a token start only sets where the
                    // token starts, so whole runs of plain bytes and
                    // spaces are stepped over at once.
                    let stop = skip(bytes, i);
                    if let Some(p) = last_space(bytes, i, stop) {
                        let t = p + 1;
                        if t < stop {
                            tok_start = t;
                            word_start = t;
                            marker_token = false;
                            sent_tokens += 1;
                        } else {
                            // The token starts at the stop: the full path
                            // below takes it.
                            at_token_start = true;
                        }
                    }
                    i = stop;
                } else {
                    // Inside a token, bytes that are neither a quote nor
                    // a terminator nor white space change nothing.
                    while i < n && PLAIN[bytes[i] as usize] {
                        i += 1;
                    }
                }
                if i >= n {
                    break;
                }
                // The common case, a period inside a token between a word
                // and a capitalised one outside quotations: `word. Next`,
                // with at most one closing mark after the period (`'` `"`
                // `’` `”`) and one opening mark before the word (`'` `"`
                // `(` `[` `{` `‘` `“`). The cluster is the period and the
                // closing mark, the next word starts after the opening one,
                // so only the rules for periods have anything to say.
                if self.fast
                    && !at_token_start
                    && bytes[i] == b'.'
                    && quote.is_none()
                    && self.rules.data.period_ends
                    && let Some((e, m, opener_len)) = plain_period_at(bytes, i)
                {
                    let next = bytes[m];
                    let cl = Cluster {
                        end: e,
                        periods: 1,
                        closed: e > i + 1,
                        ..Cluster::default()
                    };
                    let decision = self.decide_period(
                        i,
                        &cl,
                        e,
                        m,
                        char::from(next),
                        word_start,
                        sent_start,
                        marker_token,
                    );
                    let Some(end) = decision else {
                        i = e;
                        continue;
                    };
                    // The sentence ends there; the next one starts after a
                    // single space.
                    if after_one_space {
                        sink.trimmed_sentence(sent_start + 1, end);
                    } else {
                        sink.sentence(sent_start, end);
                    }
                    after_one_space = true;
                    sent_start = end;
                    if bytes[end + 1] == b'"'
                        || (opener_len == 3 && bytes[end + 3] == 0x9C)
                    {
                        // `"` and `“` open a quotation: the full path
                        // takes the next token.
                        i = end;
                        sent_tokens = 0;
                        continue;
                    }
                    // The next token opens the sentence and is no list
                    // marker; the opening mark before it, if any, changes
                    // nothing else, and its first letter is plain.
                    tok_start = end + 1;
                    word_start = end + 1;
                    marker_token = false;
                    first_was_bullet = false;
                    sent_tokens = 1;
                    i = if opener_len == 0 { m + 1 } else { m };
                    continue;
                }
            }
            let Some((c, len)) = char_at(s, i) else { break };
            if c.is_whitespace() {
                if self.one_line && matches!(c, '\n' | '\r') {
                    return false;
                }
                i += len;
                at_token_start = true;
                continue;
            }
            if at_token_start {
                at_token_start = false;
                tok_start = i;
                word_start = i;
                let (marker, tok_end) = if may_be_marker(bytes, i) {
                    let end = token_end(s, i);
                    (parse_marker(&s[i..end]), end)
                } else {
                    (None, n)
                };
                // A dash inside a line is punctuation, not a bullet.
                let dash_bullet = marker.is_some_and(|m| {
                    m.label == Label::None && m.bullet.is_some_and(dash)
                });
                if sent_tokens > 0
                    && marker.is_some()
                    && marker == expected
                    && !dash_bullet
                    && tok_end < n
                {
                    sink.sentence(sent_start, tok_start);
                    sent_start = tok_start;
                    after_one_space = false;
                    sent_tokens = 0;
                    quote = None;
                }
                let label_slot =
                    sent_tokens == 0 || (sent_tokens == 1 && first_was_bullet);
                marker_token = label_slot && marker.is_some();
                if sent_tokens == 0 {
                    first_was_bullet = matches!(
                        marker,
                        Some(Marker { label: Label::None, .. })
                    );
                    if let Some(m) = marker {
                        expected = Some(m.successor());
                    }
                }
                sent_tokens += 1;
            }
            if c.is_ascii_alphanumeric() {
                // The common case: neither a quote nor a terminator.
                i += 1;
                continue;
            }
            // Rule `QuotedSpeech`: track the open quotation.
            if let Some(q) = quote {
                if c == q.closer {
                    quote = None;
                    i += len;
                    continue;
                }
            } else if let Some((closer, cjk)) = quote_closer(c) {
                let opens = c != '"'
                    || char_at(s, i + len)
                        .is_some_and(|(d, _)| !d.is_whitespace());
                if opens {
                    quote = Some(Quote { closer, cjk, embedded: None });
                }
                i += len;
                continue;
            }
            if !self.is_terminator(c) {
                i += len;
                continue;
            }
            let cl = self.cluster(i, &mut quote);
            let decision = self.decide(
                i,
                &cl,
                word_start,
                sent_start,
                tok_start,
                marker_token,
                &mut quote,
            );
            let end = match decision {
                Some(end) => end,
                None => {
                    i = cl.end.max(i + len);
                    continue;
                }
            };
            sink.sentence(sent_start, end);
            sent_start = end;
            after_one_space = false;
            quote = None;
            i = end.max(i + len);
            if i < n && !char_at(s, i).is_some_and(|(d, _)| d.is_whitespace())
            {
                // The next sentence starts inside this token.
                word_start = i;
                sent_tokens = 1;
                marker_token = false;
                first_was_bullet = false;
            } else {
                sent_tokens = 0;
            }
        }
        if sent_start < n {
            sink.sentence(sent_start, n);
        }
        true
    }

    /// Reads the cluster of terminators and closers starting at `i`.
    fn cluster(&self, i: usize, quote: &mut Option<Quote>) -> Cluster {
        let s = self.s;
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

    /// Whether the cluster at `i` ends the sentence, and where.
    #[allow(clippy::too_many_arguments)]
    fn decide(
        &mut self,
        i: usize,
        cl: &Cluster,
        word_start: usize,
        sent_start: usize,
        tok_start: usize,
        marker_token: bool,
        quote: &mut Option<Quote>,
    ) -> Option<usize> {
        let s = self.s;
        let n = s.len();
        let e = cl.end;
        if e >= n {
            return Some(n);
        }
        let (nc, _) = char_at(s, e)?;
        let prev = char_before(s, i);
        // Rule `Ellipsis`: "[...]" and "(...)" mark an omission.
        if cl.ellipsis && matches!(prev, Some('[' | '(')) {
            return None;
        }
        if !nc.is_whitespace() {
            if cl.no_space {
                // `「…。」と言った`: a closed CJK quotation goes on.
                if cl.cjk_closed && nc.is_alphabetic() {
                    return None;
                }
                return (!self.quoted(e, i, quote)).then_some(e);
            }
            // Look through an opening mark: `cheered."It's`.
            let nc = char_at(s, skip_openers(s, e)).map_or(nc, |(c, _)| c);
            if cl.colon
                || !nc.is_uppercase()
                || url_like(&s[tok_start..token_end(s, tok_start)])
            {
                return None;
            }
            // Rule `GluedSentence`.
            let glued_ok = if cl.question {
                true
            } else {
                cl.periods == 1
                    && !cl.closed
                    && !cl.ellipsis
                    && prev.is_some_and(|p| p.is_lowercase() || p.is_numeric())
                    && self.glued_word_ends(word_start, i)
            };
            return glued_ok.then_some(e);
        }
        // White space follows: find the next word.
        let k = skip_ws(s, e);
        if k >= n {
            return Some(e);
        }
        let m = skip_openers(s, k);
        let Some((fc, _)) = char_at(s, m) else { return Some(e) };
        if self.quoted(e, i, quote) {
            return None;
        }
        // Rule `ContinuesPunctuation`.
        if matches!(fc, ',' | ';' | '№') || (fc == ':' && !cl.colon) {
            return None;
        }
        // Rule `DashContinuation`.
        if dash(fc) && m == k {
            let after = skip_ws(s, m + fc.len_utf8());
            if char_at(s, after).is_some_and(|(c, _)| c.is_lowercase()) {
                return None;
            }
            return Some(e);
        }
        // Rule `CommaEnumeration`: "الخبز، والحليب،": an Arabic comma before
        // a single word that another comma closes lists, it does not end.
        if cl.comma && one_word_then(s, m, '،') {
            return None;
        }
        if cl.no_space || cl.colon {
            return Some(e);
        }
        if cl.question && cl.periods == 0 && !cl.ellipsis {
            // Rule `ContinuesLowercase` (and its Kazakh exception).
            if fc.is_lowercase()
                && !self.rules.data.question_before_lowercase_ends
            {
                return None;
            }
            return Some(e);
        }
        self.decide_period(
            i,
            cl,
            e,
            m,
            fc,
            word_start,
            sent_start,
            marker_token,
        )
    }

    /// The rules for a period or an ellipsis before white space.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn decide_period(
        &mut self,
        i: usize,
        cl: &Cluster,
        e: usize,
        m: usize,
        fc: char,
        word_start: usize,
        sent_start: usize,
        marker_token: bool,
    ) -> Option<usize> {
        let s = self.s;
        let capital = fc.is_uppercase() || uncased_letter(fc);
        let digit = fc.is_numeric();
        let (word_at, word_end) = self.word_span(word_start, i);
        let word = &s[word_at..word_end];
        if cl.ellipsis {
            // Rule `Ellipsis`.
            if cl.spaced && cl.periods == 3 {
                return None;
            }
            // An ellipsis standing alone or opening a word ("waited. ...
            // Then", `"...`) leads into what follows.
            if word.is_empty() && !cl.spaced {
                return None;
            }
            // Four dots are a period and an ellipsis; three (or `…`)
            // end a sentence only before a sentence starter ("Wait...
            // What?"), not before a name ("like... Paris").
            let ends =
                cl.periods >= 4 || self.starter_at(m) || uncased_letter(fc);
            return (capital && ends).then_some(e);
        }
        // Rule `Ellipsis`: a word's own period, then a spaced ellipsis.
        if (fc == '.' || fc == '…') && !word.is_empty() {
            let mut j = m;
            while let Some((c, len)) = char_at(s, j) {
                if c == '.' || c == '…' || c == ' ' {
                    j += len;
                } else {
                    break;
                }
            }
            let word_follows =
                char_at(s, j).is_some_and(|(c, _)| c.is_alphanumeric());
            return word_follows.then_some(e);
        }
        if fc.is_lowercase() {
            // Rule `ContinuesLowercase` (and its Greek exception).
            if self.rules.data.period_before_lowercase_ends
                && !word.is_empty()
                && word.chars().count() > 1
                && self.abbreviation(word).is_none()
            {
                return Some(e);
            }
            return None;
        }
        if !capital && !digit {
            // A symbol: a currency sign, an ampersand, a bullet.
            return if matches!(
                fc,
                '$' | '£' | '€' | '¥' | '#' | '@' | '&' | '•'
            ) {
                Some(e)
            } else {
                None
            };
        }
        // Rule `ListItems`: the period of a marker opening the sentence.
        if marker_token {
            return None;
        }
        if word.is_empty() {
            return Some(e);
        }
        let kind = match self.abbreviation_at(word_at, word_end) {
            None => implicit_abbreviation(word),
            found => found,
        };
        if let Some(kind) = kind {
            return match kind {
                Abbr::Prefix => None,
                Abbr::Number => (!digit).then_some(e),
                Abbr::Inner => (capital && self.starter_at(m)).then_some(e),
                Abbr::Time => {
                    if digit || self.fronted_time(sent_start, i) {
                        None
                    } else {
                        Some(e)
                    }
                }
            };
        }
        // Rule `OrdinalDate`.
        if self.rules.data.ordinal_period {
            if is_number(word) && word.len() <= 2 && self.month_at(m) {
                return None;
            }
            if is_roman(word) && capital && !self.starter_at(m) {
                return None;
            }
        }
        // Rule `NumberEnd` and any other word: the period ends it.
        Some(e)
    }

    /// The word before the terminator at `i`: from `word_start`, without
    /// opening marks and format characters; empty when longer than
    /// [`MAX_WORD`] (too long to be an abbreviation).
    #[inline]
    fn word_before(&self, word_start: usize, i: usize) -> &'a str {
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

    /// Rule `GluedSentence`: whether the word before a glued period is an
    /// ordinary word of two letters or more (not a title: `Mr.Jones`).
    fn glued_word_ends(&mut self, word_start: usize, i: usize) -> bool {
        let word = self.word_before(word_start, i);
        word.chars().nth(1).is_some()
            && self.abbreviation(word) != Some(Abbr::Prefix)
    }

    /// The kind of the word at `start..end` of the block in the language's
    /// table: [`abbreviation`](Self::abbreviation), with the short key read
    /// a word at a time when it can be.
    #[inline(always)]
    fn abbreviation_at(&mut self, start: usize, end: usize) -> Option<Abbr> {
        if let Some(key) = short_key_at(self.s.as_bytes(), start, end) {
            return self.rules.short_abbreviation(key);
        }
        self.abbreviation(&self.s[start..end])
    }

    /// The kind of `word` in the language's table.
    fn abbreviation(&mut self, word: &str) -> Option<Abbr> {
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
        self.lower.clear();
        for c in word.chars() {
            push_lower(&mut self.lower, c);
        }
        self.rules.abbreviation(&self.lower)
    }

    /// The word starting at `m` (letters only, bounded), lowercased into
    /// the scratch buffer; `None` when it is too long. A single letter
    /// followed by a period is an initial, not a word.
    fn lower_word_at(&mut self, m: usize) -> Option<usize> {
        let s = self.s;
        self.lower.clear();
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
            push_lower(&mut self.lower, c);
            j += len;
        }
        if count == 1 && char_at(s, j).is_some_and(|(c, _)| c == '.') {
            return None;
        }
        Some(j)
    }

    /// Rule `SentenceStarter`: whether the word at `m` usually opens a
    /// sentence.
    fn starter_at(&mut self, m: usize) -> bool {
        self.lower_word_at(m).is_some() && self.rules.is_starter(&self.lower)
    }

    /// Rule `OrdinalDate`: whether the word at `m` is a month name.
    fn month_at(&mut self, m: usize) -> bool {
        self.lower_word_at(m).is_some() && self.rules.is_month(&self.lower)
    }

    /// Rule `FrontedTime`: whether the sentence so far (up to the
    /// terminator at `i`) is a preposition and a time ("At 5 a.m.").
    fn fronted_time(&mut self, sent_start: usize, i: usize) -> bool {
        if tokens_through(self.s, sent_start, i, 4) > 3 {
            return false;
        }
        let m = skip_ws(self.s, sent_start);
        self.lower_word_at(m).is_some()
            && self.rules.data.time_prepositions.contains(&self.lower.as_str())
    }

    /// Rule `QuotedSpeech`: whether the terminator at `i` (cluster ending
    /// at `e`) is inside an embedded quotation.
    fn quoted(
        &mut self,
        e: usize,
        i: usize,
        quote: &mut Option<Quote>,
    ) -> bool {
        let Some(q) = quote.as_mut() else { return false };
        if let Some(known) = q.embedded {
            return known;
        }
        let s = self.s;
        let idx = match self.finders.iter().position(|f| f.ch == q.closer) {
            Some(idx) => idx,
            None => {
                self.finders.push(Finder {
                    ch: q.closer,
                    from: 0,
                    next: None,
                    used: false,
                });
                self.finders.len() - 1
            }
        };
        let found = self.finders[idx].find(s, e);
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

/// Rules `Initial` and `MultiPeriod`: single letters and letters joined by
/// periods behave as `Inner` abbreviations.
#[inline(always)]
fn implicit_abbreviation(word: &str) -> Option<Abbr> {
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
fn short_implicit_abbreviation(word: &str) -> Option<Abbr> {
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
fn letters_and_periods(word: &str) -> Option<Abbr> {
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

/// [`short_key`] of `bytes[start..end]`, read a word at a time: the
/// eight bytes from `start` (when there are eight) with those after
/// `end` cleared, checked for ASCII without NUL and lowercased with a few
/// word-wide operations.
#[inline(always)]
fn short_key_at(bytes: &[u8], start: usize, end: usize) -> Option<u64> {
    let len = end.checked_sub(start)?;
    if len == 0 || len > 8 {
        return None;
    }
    let raw = match bytes.get(start..).and_then(<[u8]>::first_chunk::<8>) {
        Some(c) => u64::from_le_bytes(*c),
        None => {
            let mut c = [0u8; 8];
            c[..len].copy_from_slice(bytes.get(start..end)?);
            u64::from_le_bytes(c)
        }
    };
    let keep = u64::MAX >> (64 - 8 * len);
    let w = raw & keep;
    // Bytes outside the word are made 0xff, so only its own can be zero.
    let x = w | !keep;
    let has_nul = x.wrapping_sub(splat(1)) & !x & HIGH != 0;
    if w & HIGH != 0 || has_nul {
        return None;
    }
    // For 7-bit bytes: adding 0x3f reaches bit 7 from 'A' up, adding 0x25
    // from '[' up; bit 5 of the capitals is set to lowercase them.
    let upper = (w + splat(0x3f)) & !(w + splat(0x25)) & HIGH;
    Some(w | upper >> 2)
}

/// Appends the lowercase form of `c` to `out` (ASCII without a table).
#[inline]
fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.extend(c.to_lowercase());
    }
}

fn is_number(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_ascii_digit())
}

fn is_roman(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 8
        && word
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// Whether the text at `m` is one word (letters and marks, at most
/// [`MAX_WORD`] bytes) followed directly by `mark`.
fn one_word_then(s: &str, m: usize, mark: char) -> bool {
    let mut j = m;
    while let Some((c, len)) = char_at(s, j) {
        if !(c.is_alphanumeric() || format_char(c)) || j - m > MAX_WORD {
            break;
        }
        j += len;
    }
    j > m && char_at(s, j).is_some_and(|(c, _)| c == mark)
}

/// The tokens (runs of characters other than white space) of `s` from
/// `from` through the char at `to`, counted up to `cap`.
fn tokens_through(s: &str, from: usize, to: usize, cap: usize) -> usize {
    let mut count = 0;
    let mut in_token = false;
    for (k, c) in s[from..].char_indices() {
        if from + k > to || count >= cap {
            break;
        }
        let token = !c.is_whitespace();
        count += usize::from(token && !in_token);
        in_token = token;
    }
    count
}

fn skip_ws(s: &str, mut j: usize) -> usize {
    while let Some((c, len)) = char_at(s, j) {
        if !c.is_whitespace() {
            break;
        }
        j += len;
    }
    j
}

fn skip_openers(s: &str, mut j: usize) -> usize {
    let start = j;
    while let Some((c, len)) = char_at(s, j) {
        if !(opener(c) || format_char(c)) || j - start > 16 {
            break;
        }
        j += len;
    }
    j
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;
    use crate::lang::Language;
    use proptest::prelude::*;

    /// `PLAIN` holds exactly the characters the scanner's full path
    /// steps over inside a token without a change of state.
    #[test]
    fn plain_bytes_are_the_inert_ascii() {
        for b in 0u8..=255 {
            let inert = b.is_ascii()
                && !(b as char).is_whitespace()
                && quote_closer(b as char).is_none()
                && !Language::ALL.iter().any(|&l| {
                    Scanner::new("", Rules::of(l)).is_terminator(b as char)
                });
            assert_eq!(PLAIN[b as usize], inert, "byte {b:#x}");
        }
    }

    /// `is_terminator`, with its ASCII shortcuts, is rule `Terminators`
    /// as written: the period where it ends sentences, the universal
    /// terminators, the language's extras.
    #[test]
    fn is_terminator_is_the_rule() {
        for &lang in Language::ALL {
            let rules = Rules::of(lang);
            let scanner = Scanner::new("", rules);
            for c in
                (0..0x3100).chain(0xFF00..0xFF70).filter_map(char::from_u32)
            {
                let want = (c == '.' && rules.data.period_ends)
                    || universal_terminator(c)
                    || rules.data.extra_terminators.contains(&c);
                assert_eq!(
                    scanner.is_terminator(c),
                    want,
                    "{c:?} in {lang:?}"
                );
            }
        }
    }

    /// `stops_skip` is exactly "not `PLAIN` and not a space", give or
    /// take the ASCII control characters.
    #[test]
    fn skip_stops_at_every_byte_that_matters() {
        for b in 0u8..=255 {
            if b < 0x20 {
                assert!(stops_skip(b), "byte {b:#x}");
            } else {
                let matters = !PLAIN[b as usize] && b != b' ';
                assert_eq!(stops_skip(b), matters, "byte {b:#x}");
            }
        }
    }

    /// The non-ASCII chars the skip steps over change nothing in the
    /// middle of a sentence: no white space, quotation mark or terminator
    /// of any language.
    #[test]
    fn skip_steps_only_over_inert_chars() {
        let closers: Vec<char> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter_map(|c| quote_closer(c).map(|(close, _)| close))
            .collect();
        let scanners: Vec<Scanner> = Language::ALL
            .iter()
            .map(|&l| Scanner::new("", Rules::of(l)))
            .collect();
        let mut stepped = 0;
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 5];
            let len = c.encode_utf8(&mut buf).len();
            buf[len] = b'a';
            if stops_at(&buf, 0) {
                continue;
            }
            stepped += 1;
            assert!(!c.is_whitespace(), "{c:?}");
            assert!(quote_closer(c).is_none(), "{c:?}");
            assert!(!closers.contains(&c), "{c:?}");
            assert!(!scanners.iter().any(|sc| sc.is_terminator(c)), "{c:?}");
        }
        assert_eq!(stepped, 0x17F - 0xC0 + 1 + 5);
    }

    /// `may_stop` marks, in every byte lane whatever the other lanes hold,
    /// exactly the bytes below 0x40 but the space, and the non-ASCII ones:
    /// a superset of `stops_skip`.
    #[test]
    fn may_stop_marks_a_superset_of_the_stops() {
        let fillers = [0u8, b' ', b'a', b'.', 0x7f, 0x80, 0xff, b'?', b'@'];
        for b in 0u8..=255 {
            let want = (b < 0x40 && b != b' ') || b >= 0x80;
            assert!(!stops_skip(b) || want, "byte {b:#x}");
            for lane in 0..8 {
                for &f in &fillers {
                    let mut w = [f; 8];
                    w[lane] = b;
                    let got = may_stop(u64::from_le_bytes(w));
                    let bit = got >> (8 * lane + 7) & 1 == 1;
                    assert_eq!(
                        bit, want,
                        "byte {b:#x} lane {lane} among {f:#x}"
                    );
                    assert_eq!(got & !HIGH, 0);
                }
            }
        }
    }

    /// The scanner's sentences, with or without the fast paths (the skip
    /// over plain bytes, the shortcut for `word. Next`).
    fn scan(text: &str, lang: Language, fast: bool) -> Vec<(usize, usize)> {
        /// Records the sentences trimmed, as the splitter keeps them.
        struct Collect<'t>(&'t str, Vec<(usize, usize)>);
        impl Sink for Collect<'_> {
            fn sentence(&mut self, start: usize, end: usize) {
                let t = &self.0[start..end];
                let a = start + (t.len() - t.trim_start().len());
                let b = a + t.trim().len();
                if a < b {
                    self.1.push((a, b));
                }
            }

            fn trimmed_sentence(&mut self, start: usize, end: usize) {
                let t = &self.0[start..end];
                assert_eq!(t.trim(), t, "not trimmed: {start}..{end}");
                self.1.push((start, end));
            }
        }
        let mut out = Collect(text, Vec::new());
        let mut scanner = Scanner::new(text, Rules::of(lang));
        scanner.fast = fast;
        scanner.run(&mut out);
        out.1
    }

    /// Text rich in what the scanner looks at: terminators, quotes,
    /// white space, digits, list markers, abbreviations, non-ASCII.
    fn rich_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a",
            "B",
            "the",
            "said",
            "He",
            "The",
            "word",
            "Mr",
            "Dr",
            "U.S",
            "e.g",
            "a.m",
            "p.m",
            "At",
            "by",
            "No",
            "Inc",
            "Jan",
            "January",
            "Oktober",
            "XII",
            "5",
            "12",
            "2,500",
            "1.",
            "2.",
            "3)",
            "a.",
            "b.",
            "(1)",
            "•",
            "-",
            "*",
            "–",
            "—",
            "(",
            ")",
            "[",
            "]",
            "...",
            "…",
            ". . .",
            ".",
            ".",
            "?",
            "!",
            ":",
            ";",
            ",",
            "\"",
            "'",
            "“",
            "”",
            "„",
            "«",
            "»",
            "「",
            "」",
            "。",
            "！",
            "،",
            "։",
            "፧",
            " ",
            " ",
            " ",
            " ",
            "  ",
            "\n",
            "\r\n",
            "\t",
            "\u{a0}",
            "\u{3000}",
            "\u{200F}",
            "\u{1}",
            "\u{7f}",
            "www.",
            "://",
            "@",
            "№",
            "$",
            "é",
            "日本",
            "ß",
            "İ",
            "Д",
            "п",
            "ε",
            "😀",
            "’",
            "‘",
            "£",
            "ö",
            "Ł",
            "\u{a0}x",
            "abcdefghijklmnopqrstuvwxyz",
        ]);
        prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
    }

    /// Prose-like text: words (many of them abbreviations, initials,
    /// numbers, sentence starters, list markers) each followed by a space
    /// or by punctuation.
    fn prose() -> impl Strategy<Value = String> {
        let words = prop::sample::select(vec![
            "the",
            "He",
            "They",
            "It",
            "A",
            "And",
            "said",
            "U.S",
            "e.g",
            "Mr",
            "Dr",
            "Inc",
            "a.m",
            "p.m",
            "No",
            "Jan",
            "3",
            "12",
            "2,500",
            "XII",
            "I",
            "J",
            "U.K",
            "etc",
            "Oktober",
            "January",
            "At",
            "by",
            "www.x",
            "x@y.z",
            "1",
            "2",
            "a",
            "b",
            "•",
            "-",
            "(1)",
            "“Yes",
            "»",
            "日本",
            "п",
            "Ω",
            "ended",
            "Fans",
            "Mt",
            "approx",
            "Wait",
            "'We",
            "‘Yes",
            "(The",
            "[A",
            "{B",
            "\"No",
            "’Tis",
            "”So",
            "É",
            "it’s",
            "‘Yes’",
            "–",
            "—",
            "£5",
            "Zoë",
            "Łódź",
        ]);
        let seps = prop::sample::select(vec![
            " ", " ", " ", ". ", ". ", ". ", "? ", "! ", ", ", "... ", ".",
            ": ", "; ", "\n", ".\" ", ".) ", ". . . ", "… ", "  ", ".  ",
            ".\n", "\"", " \"", ".' ", ".’ ", ".” ", ".\" ", ".'' ", ".’\n",
            ". '", ". (", ". ‘", ". “", ".' '", ".” “",
        ]);
        prop::collection::vec((words, seps), 0..40).prop_map(|v| {
            v.into_iter().flat_map(|(w, s)| [w, s]).collect::<String>()
        })
    }

    /// A sink that keeps nothing.
    struct Nothing;

    impl Sink for Nothing {
        fn sentence(&mut self, _: usize, _: usize) {}
    }

    /// The sentences of `text` from the splitter, and from its general
    /// path (block by block) alone.
    fn split_both(
        text: &str,
        lang: Language,
    ) -> (Vec<super::super::Sentence>, Vec<super::super::Sentence>) {
        let splitter = super::super::Splitter::new(lang);
        let mut got = Vec::new();
        splitter.split_into(text, &mut got);
        let mut want = Vec::new();
        splitter.split_blocks(text, Rules::of(lang), &mut want);
        (got, want)
    }

    /// The corpus texts, whole and line by line, split with the one-line
    /// shortcut and without.
    #[test]
    fn one_line_shortcut_changes_nothing_on_the_corpus() {
        let mut lines = 0;
        for (p, text) in crate::lang::corpus_texts() {
            for &lang in Language::ALL {
                let (got, want) = split_both(&text, lang);
                assert_eq!(got, want, "{} in {lang:?}", p.display());
                for line in text.split('\n') {
                    let (got, want) = split_both(line, lang);
                    assert_eq!(got, want, "{line:?} in {lang:?}");
                    lines += 1;
                }
            }
        }
        assert!(lines > 1000);
    }

    /// The corpus texts, whole: long runs of prose, as in news.
    #[test]
    fn fast_skip_changes_nothing_on_the_corpus() {
        for (p, text) in crate::lang::corpus_texts() {
            for &lang in Language::ALL {
                assert_eq!(
                    scan(&text, lang, true),
                    scan(&text, lang, false),
                    "{} in {lang:?}",
                    p.display()
                );
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// `abbreviation`, with its short keys and early outs, is the
        /// table's answer for the word's lowercase form.
        #[test]
        fn abbreviation_is_the_table_lookup(
            word in "[a-zA-Z.]{1,5}|[a-zA-Z]{7,12}|[a-zA-Z.\u{0}]{1,10}|[a-zA-Zéñ°ºčłá.İK]{1,6}|\\PC{1,4}",
            li in 0usize..Language::ALL.len(),
        ) {
            let rules = Rules::of(Language::ALL[li]);
            let mut lower = String::new();
            for c in word.chars() {
                push_lower(&mut lower, c);
            }
            let mut scanner = Scanner::new("", rules);
            prop_assert_eq!(scanner.abbreviation(&word), rules.abbreviation(&lower));
        }

        /// `short_key_at`, a word at a time, is `short_key` of the slice,
        /// whether eight bytes follow the start or not.
        #[test]
        fn short_key_at_is_short_key(
            bytes in prop::collection::vec(
                prop::sample::select(vec![
                    b'a', b'z', b'A', b'Z', b'@', b'[', b'`', b'{', b'.', b'0',
                    b' ', 0, 0x7f, 0x80, 0xc3, 0xff,
                ]),
                0..20,
            ),
            a in 0usize..20,
            b in 0usize..20,
        ) {
            let (a, b) = (a.min(b).min(bytes.len()), a.max(b).min(bytes.len()));
            prop_assert_eq!(short_key_at(&bytes, a, b), short_key(&bytes[a..b]));
        }

        #[test]
        fn implicit_abbreviation_shortcut_agrees(
            word in "[a-zA-Z.]{0,9}|[a-zA-Zé.'1]{0,6}|\\PC{0,5}",
        ) {
            prop_assert_eq!(implicit_abbreviation(&word), letters_and_periods(&word));
        }

        /// `word_before` with its shortcuts is the word with openers and
        /// format characters trimmed as `str` does it.
        #[test]
        fn word_before_trims_as_str_does(
            text in rich_text(),
            a in 0usize..200,
            b in 0usize..200,
        ) {
            let floor = |mut k: usize| {
                k = k.min(text.len());
                while !text.is_char_boundary(k) {
                    k -= 1;
                }
                k
            };
            let (word_start, i) = (floor(a.min(b)), floor(a.max(b)));
            let from = if i - word_start > MAX_WORD * 2 { i } else { word_start };
            let want = text[from..i]
                .trim_start_matches(|c: char| opener(c) || format_char(c))
                .trim_end_matches(format_char);
            let want = if want.len() > MAX_WORD { "" } else { want };
            let scanner = Scanner::new(&text, Rules::of(Language::English));
            prop_assert_eq!(scanner.word_before(word_start, i), want);
        }

        #[test]
        fn skip_finds_the_first_stop(
            pieces in prop::collection::vec(
                prop::sample::select(vec![
                    "a", "Z", "0", " ", " ", " ", ",", "'", "-", "(", ".", "?",
                    "!", ":", ";", "\"", "\n", "\t", "\u{0}", "\u{1f}",
                    "\u{7f}", "@", "/", "é", "ß", "İ", "ſ", "£", "\u{a0}", "«",
                    "’", "‘", "–", "—", "“", "”", "…", "\u{2009}", "Д", "日",
                ]),
                0..40,
            ),
            from in 0usize..120,
        ) {
            let text = pieces.concat();
            let mut from = from.min(text.len());
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let bytes = text.as_bytes();
            let want =
                (from..bytes.len()).find(|&p| stops_at(bytes, p)).unwrap_or(bytes.len());
            prop_assert_eq!(skip(bytes, from), want);
        }

        #[test]
        fn last_space_is_rposition(
            text in "[a b.\u{a0}\u{0}\u{20ac}]{0,40}",
            a in 0usize..45,
            b in 0usize..45,
        ) {
            let bytes = text.as_bytes();
            let (from, to) = (a.min(b).min(bytes.len()), a.max(b).min(bytes.len()));
            let want = bytes[from..to].iter().rposition(|&c| c == b' ').map(|p| from + p);
            prop_assert_eq!(last_space(bytes, from, to), want);
        }

        /// A text on one line takes the splitter's shortcut, which gives
        /// what the general path gives; a one-line scanner gives up
        /// exactly on texts with a line break.
        #[test]
        fn one_line_shortcut_changes_nothing(
            text in prop_oneof![rich_text(), prose()],
            li in 0usize..Language::ALL.len(),
        ) {
            let lang = Language::ALL[li];
            prop_assert_eq!(split_both(&text, lang).0, split_both(&text, lang).1);
            let whole = Scanner::one_line(&text, Rules::of(lang)).run(&mut Nothing);
            prop_assert_eq!(whole, !text.contains(['\n', '\r']));
        }

        #[test]
        fn fast_paths_change_nothing(
            text in prop_oneof![rich_text(), prose()],
            li in 0usize..Language::ALL.len(),
        ) {
            let lang = Language::ALL[li];
            prop_assert_eq!(scan(&text, lang, true), scan(&text, lang, false));
        }

        #[test]
        fn every_marker_may_be_one(
            token in "[-*(•◦a-zA-Z0-9.)]{1,9}|[a-z][.)]{1,2}|•?\\(?[0-9]{1,3}[.)]{1,2}",
        ) {
            if parse_marker(&token).is_some() {
                prop_assert!(may_be_marker(token.as_bytes(), 0), "{}", token);
            }
        }

        #[test]
        fn token_end_is_the_next_white_space(
            text in "([a-z.,:'\" \t\r\n\u{b}\u{c}\u{1c}\u{1f}]|\u{85}|\u{a0}|\u{2003}|\u{3000}|é|日){0,40}",
            at in 0usize..40,
        ) {
            let mut i = at.min(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            let want =
                text[i..].find(char::is_whitespace).map_or(text.len(), |p| p + i);
            prop_assert_eq!(token_end(&text, i), want);
        }
    }
}
