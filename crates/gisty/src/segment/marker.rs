//! List markers (rule `ListItems`): `1.`, `2)`, `3.)`, `a.`, `•`, `⁃9.`.

/// False when the token at `i` cannot be a list marker (see
/// [`parse_marker`]), from its first bytes: a marker starts with a
/// bullet (`-`, `*` or not ASCII), `(`, a digit, or a lowercase letter
/// followed by `.` or `)`. Most tokens are words, and are told at once.
#[inline]
pub(super) fn may_be_marker(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'a'..=b'z' => matches!(bytes.get(i + 1), Some(b'.' | b')')),
        b'0'..=b'9' | b'-' | b'*' | b'(' | 0x80.. => true,
        _ => false,
    }
}

/// A list marker (rule `ListItems`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Marker {
    /// The bullet before the label, if any (`•`, `-`, `⁃`).
    pub(super) bullet: Option<char>,
    /// The number or letter, if any, with its punctuation.
    pub(super) label: Label,
}

/// The label of a list marker.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Label {
    None,
    Number(u16, Suffix),
    Letter(u8, Suffix),
}

/// What follows a label: `.`, `)` or `.)`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Suffix {
    Dot,
    Paren,
    DotParen,
}

impl Marker {
    /// The marker that follows this one in a list.
    pub(super) fn successor(self) -> Marker {
        let label = match self.label {
            Label::None => Label::None,
            Label::Number(n, s) => Label::Number(n.saturating_add(1), s),
            Label::Letter(c, s) => Label::Letter(c.saturating_add(1), s),
        };
        Marker { bullet: self.bullet, label }
    }
}

pub(super) fn bullet_char(c: char) -> bool {
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
pub(super) fn parse_marker(token: &str) -> Option<Marker> {
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
