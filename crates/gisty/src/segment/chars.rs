//! Character classes and small text steps shared by the scanner and its
//! rules: which characters terminate, close, open, format; where a
//! token or a run of white space ends.

use super::scan::MAX_WORD;

/// Rule `Terminators`: the characters that may end a sentence in every
/// language (`.` is checked separately: Armenian does not use it).
pub(super) fn universal_terminator(c: char) -> bool {
    no_space_terminator(c)
        || matches!(
            c,
            '?' | '!' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '‽' | '\u{037E}' | '჻'
        )
}

/// Rule `NoSpaceScripts`: terminators that end a sentence even when the
/// next sentence follows without a space.
pub(super) fn no_space_terminator(c: char) -> bool {
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
pub(super) fn closer(c: char) -> bool {
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
pub(super) fn opener(c: char) -> bool {
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
pub(super) fn format_char(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

pub(super) fn dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―')
}

/// A letter of a script without case (Arabic, Devanagari, CJK...): it
/// can open a sentence as a capital can.
pub(super) fn uncased_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}

/// Where the token starting at `i` ends: at the next white space, or at
/// the end of `s`.
#[inline]
pub(super) fn token_end(s: &str, mut i: usize) -> usize {
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

/// Rule `UrlEmail`: whether a token looks like a URL or an e-mail
/// address.
pub(super) fn url_like(token: &str) -> bool {
    token.contains("://") || token.starts_with("www.") || token.contains('@')
}

/// The char at byte `i` of `s` and its length (`i` on a char boundary).
#[inline]
pub(super) fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = s[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// The char before byte `i` of `s`.
#[inline]
pub(super) fn char_before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

/// Appends the lowercase form of `c` to `out` (ASCII without a table).
#[inline]
pub(super) fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.extend(c.to_lowercase());
    }
}

pub(super) fn is_number(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_ascii_digit())
}

pub(super) fn is_roman(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 8
        && word
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// Whether the text at `m` is one word (letters and marks, at most
/// [`MAX_WORD`] bytes) followed directly by `mark`.
pub(super) fn one_word_then(s: &str, m: usize, mark: char) -> bool {
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
pub(super) fn tokens_through(
    s: &str,
    from: usize,
    to: usize,
    cap: usize,
) -> usize {
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

pub(super) fn skip_ws(s: &str, mut j: usize) -> usize {
    while let Some((c, len)) = char_at(s, j) {
        if !c.is_whitespace() {
            break;
        }
        j += len;
    }
    j
}

pub(super) fn skip_openers(s: &str, mut j: usize) -> usize {
    let start = j;
    while let Some((c, len)) = char_at(s, j) {
        if !(opener(c) || format_char(c)) || j - start > 16 {
            break;
        }
        j += len;
    }
    j
}
