//! Reading documents: whole files or standard input, decoded to UTF-8.
//!
//! A document is UTF-8, with or without a byte-order mark (dropped), or
//! UTF-16 with its byte-order mark (decoded). Anything else that is not
//! valid UTF-8 is an error naming the input and the byte offset, unless
//! `--lossy` asks to replace the bad bytes with U+FFFD and go on (with a
//! warning that counts them).

use std::borrow::Cow;
use std::io::Read;

use anyhow::{Result, anyhow, bail};

use crate::args::CommonArgs;
use crate::config::Input;

/// How to treat bytes that are not valid text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Decode {
    /// Refuse the input, naming the offset of the first bad byte.
    #[default]
    Strict,
    /// Replace each bad sequence with U+FFFD and warn with their count.
    Lossy,
}

impl Decode {
    /// What `--lossy` asks for.
    pub fn of(common: &CommonArgs) -> Decode {
        if common.lossy { Decode::Lossy } else { Decode::Strict }
    }
}

/// Reads the whole of `input` as text.
///
/// Offsets in the output (spans) count in the decoded UTF-8 text: from
/// the byte after a UTF-8 byte-order mark, and in UTF-8 for a UTF-16
/// input.
///
/// # Errors
///
/// When the input cannot be read, is a directory, or is not valid text
/// and `decode` is [`Decode::Strict`] (the message names the input and
/// the offset of the first bad byte in it).
pub fn read_text(input: &Input, decode: Decode) -> Result<String> {
    let bytes = read_bytes(input)?;
    let name = input.name();
    let (text, bad) = into_text(&name, bytes, decode)?;
    if let Some(bad) = bad {
        eprintln!("gisty: warning: {name}: {bad}");
    }
    Ok(text)
}

fn read_bytes(input: &Input) -> Result<Vec<u8>> {
    let name = input.name();
    match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| anyhow!("{name}: {e}"))?;
            Ok(buf)
        }
        Input::File(path) => {
            if path.is_dir() {
                bail!("{name}: is a directory");
            }
            std::fs::read(path).map_err(|e| anyhow!("{name}: {e}"))
        }
    }
}

/// What `--lossy` replaced: how many bad sequences (each became one
/// U+FFFD), how many bytes they held, and where the first one was.
#[derive(Debug, PartialEq, Eq)]
pub struct Replaced {
    count: usize,
    bytes: usize,
    first: usize,
    /// "UTF-8" or "UTF-16".
    what: &'static str,
    /// What `first` counts in: "" (the input) or " of the line".
    of: &'static str,
}

impl Replaced {
    /// What replacing the invalid UTF-8 in `bytes` (whose first bad byte
    /// is at `first`) with U+FFFD replaces.
    fn utf8(bytes: &[u8], first: usize, of: &'static str) -> Replaced {
        let (mut count, mut bad) = (0, 0);
        for chunk in bytes.utf8_chunks() {
            let n = chunk.invalid().len();
            count += usize::from(n > 0);
            bad += n;
        }
        Replaced { count, bytes: bad, first, what: "UTF-8", of }
    }
}

impl std::fmt::Display for Replaced {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Replaced { count, bytes, first, what, of } = self;
        let s = if *count == 1 { "" } else { "s" };
        let bs = if *bytes == 1 { "" } else { "s" };
        write!(
            f,
            "replaced {count} invalid {what} sequence{s} ({bytes} byte{bs}) \
             with U+FFFD (the first at byte {first}{of})"
        )
    }
}

/// One line of a JSON Lines input (without its line break) as text: the
/// line itself when it is UTF-8, or with [`Decode::Lossy`] the line with
/// its bad bytes replaced by U+FFFD, and what was replaced.
///
/// # Errors
///
/// When the line is not valid UTF-8 and `decode` is [`Decode::Strict`]:
/// the message gives the offset of the first bad byte in the line.
pub fn line_utf8(
    line: &[u8],
    decode: Decode,
) -> Result<(Cow<'_, str>, Option<Replaced>), String> {
    if let Ok(text) = simdutf8::basic::from_utf8(line) {
        return Ok((Cow::Borrowed(text), None));
    }
    let e = match std::str::from_utf8(line) {
        Ok(text) => return Ok((Cow::Borrowed(text), None)),
        Err(e) => e,
    };
    let at = e.valid_up_to();
    if decode == Decode::Strict {
        return Err(format!(
            "invalid UTF-8 at byte {at} of the line (byte 0x{:02x}); \
             --lossy replaces bad bytes",
            line[at]
        ));
    }
    let replaced = Replaced::utf8(line, at, " of the line");
    Ok((String::from_utf8_lossy(line), Some(replaced)))
}

pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
pub const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
pub const UTF16BE_BOM: &[u8] = b"\xFE\xFF";
const UTF32LE_BOM: &[u8] = b"\xFF\xFE\0\0";
const UTF32BE_BOM: &[u8] = b"\0\0\xFE\xFF";

/// Decodes `bytes` (the whole of the input `name`) into text.
fn into_text(
    name: &str,
    mut bytes: Vec<u8>,
    decode: Decode,
) -> Result<(String, Option<Replaced>)> {
    if bytes.starts_with(UTF32LE_BOM) || bytes.starts_with(UTF32BE_BOM) {
        bail!(
            "{name}: UTF-32 text (byte-order mark) is not supported; \
             convert it to UTF-8 (iconv -f UTF-32 -t UTF-8)"
        );
    }
    if bytes.starts_with(UTF16LE_BOM) {
        return utf16(name, &bytes[2..], u16::from_le_bytes, decode);
    }
    if bytes.starts_with(UTF16BE_BOM) {
        return utf16(name, &bytes[2..], u16::from_be_bytes, decode);
    }
    // A UTF-8 byte-order mark is not part of the text: it is dropped, and
    // offsets in the text count from the byte after it (error offsets
    // count in the file).
    let skipped = if bytes.starts_with(UTF8_BOM) {
        bytes.drain(..UTF8_BOM.len());
        UTF8_BOM.len()
    } else {
        0
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            if decode == Decode::Strict {
                bail!(
                    "{name}: invalid UTF-8 at byte {} (byte 0x{:02x}); \
                     --lossy replaces bad bytes",
                    at + skipped,
                    e.as_bytes()[at]
                );
            }
            let bytes = e.into_bytes();
            let replaced = Replaced::utf8(&bytes, at + skipped, "");
            let text = String::from_utf8_lossy(&bytes).into_owned();
            Ok((text, Some(replaced)))
        }
    }
}

/// Decodes UTF-16 `units` (after a 2-byte byte-order mark) read with
/// `unit`, refusing or replacing unpaired surrogates and a trailing odd
/// byte.
fn utf16(
    name: &str,
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    decode: Decode,
) -> Result<(String, Option<Replaced>)> {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let (mut count, mut bad) = (0, 0);
    let mut first = None;
    // Offsets in the input: the mark, then two bytes a unit.
    let mut at = 2;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                text.push(c);
                at += 2 * c.len_utf16();
            }
            Err(e) => {
                if decode == Decode::Strict {
                    bail!(
                        "{name}: invalid UTF-16 at byte {at} (unpaired \
                         surrogate 0x{:04x}); --lossy replaces it",
                        e.unpaired_surrogate()
                    );
                }
                text.push(char::REPLACEMENT_CHARACTER);
                count += 1;
                bad += 2;
                first.get_or_insert(at);
                at += 2;
            }
        }
    }
    if bytes.len() % 2 == 1 {
        if decode == Decode::Strict {
            bail!(
                "{name}: invalid UTF-16 at byte {at}: an odd number of \
                 bytes (truncated?); --lossy replaces the last byte"
            );
        }
        text.push(char::REPLACEMENT_CHARACTER);
        count += 1;
        bad += 1;
        first.get_or_insert(at);
    }
    let replaced = first.map(|first| Replaced {
        count,
        bytes: bad,
        first,
        what: "UTF-16",
        of: "",
    });
    Ok((text, replaced))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn le(s: &str) -> Vec<u8> {
        let mut b = UTF16LE_BOM.to_vec();
        b.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        b
    }

    fn be(s: &str) -> Vec<u8> {
        let mut b = UTF16BE_BOM.to_vec();
        b.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        b
    }

    /// (input, strict result: Ok(text) or Err(fragment), lossy result:
    /// text and how many sequences were replaced)
    #[test]
    fn decode_table() {
        let lone_le = {
            let mut b = le("ab");
            b.extend(0xd800u16.to_le_bytes());
            b.extend(le("c")[2..].iter());
            b
        };
        type Row = (Vec<u8>, Result<&'static str, &'static str>, Lossy);
        type Lossy = (&'static str, usize);
        let rows: Vec<Row> = vec![
            (b"plain".to_vec(), Ok("plain"), ("plain", 0)),
            (b"\xEF\xBB\xBFbom".to_vec(), Ok("bom"), ("bom", 0)),
            (b"".to_vec(), Ok(""), ("", 0)),
            (le("Hi. \u{1F600} ok"), Ok("Hi. \u{1F600} ok"), ("", 0)),
            (be("Grüße. שלום"), Ok("Grüße. שלום"), ("", 0)),
            (UTF16LE_BOM.to_vec(), Ok(""), ("", 0)),
            (
                b"ab\xffcd".to_vec(),
                Err("invalid UTF-8 at byte 2"),
                ("ab\u{fffd}cd", 1),
            ),
            (
                b"\xEF\xBB\xBFa\xc3".to_vec(),
                Err("invalid UTF-8 at byte 4 (byte 0xc3)"),
                ("a\u{fffd}", 1),
            ),
            (
                b"\xff\xff x \xfe".to_vec(),
                Err("at byte 0"),
                ("\u{fffd}\u{fffd} x \u{fffd}", 3),
            ),
            (
                lone_le,
                Err("invalid UTF-16 at byte 6 (unpaired surrogate 0xd800)"),
                ("ab\u{fffd}c", 1),
            ),
            (
                {
                    let mut b = le("ab");
                    b.push(b'x');
                    b
                },
                Err("odd number of bytes"),
                ("ab\u{fffd}", 1),
            ),
            (b"\xFF\xFE\0\0a\0\0\0".to_vec(), Err("UTF-32"), ("", usize::MAX)),
        ];
        for (bytes, strict, (lossy, count)) in rows {
            match (into_text("f", bytes.clone(), Decode::Strict), strict) {
                (Ok((t, None)), Ok(want)) => assert_eq!(t, want),
                (Err(e), Err(want)) => {
                    let e = e.to_string();
                    assert!(e.starts_with("f: ") && e.contains(want), "{e}")
                }
                (got, want) => panic!("{bytes:?}: {got:?}, want {want:?}"),
            }
            let got = into_text("f", bytes.clone(), Decode::Lossy);
            if count == usize::MAX {
                assert!(got.is_err(), "{bytes:?}: refused even when lossy");
                continue;
            }
            let (t, replaced) = got.unwrap();
            if count > 0 {
                assert_eq!(t, lossy, "{bytes:?}");
            }
            assert_eq!(replaced.map_or(0, |r| r.count), count, "{bytes:?}");
        }
    }

    #[test]
    fn warning_names_the_count_and_first_offset() {
        let (_, r) =
            into_text("f", b"ok \xff\xfe and \xc0".to_vec(), Decode::Lossy)
                .unwrap();
        let r = r.unwrap();
        assert_eq!((r.count, r.bytes, r.first), (3, 3, 3));
        assert_eq!(
            r.to_string(),
            "replaced 3 invalid UTF-8 sequences (3 bytes) with U+FFFD (the \
             first at byte 3)"
        );
    }

    #[test]
    fn lines_are_passed_refused_or_replaced() {
        for decode in [Decode::Strict, Decode::Lossy] {
            let (t, r) = line_utf8(b"{\"a\":1}", decode).unwrap();
            assert!(matches!(t, Cow::Borrowed("{\"a\":1}")) && r.is_none());
        }
        // A truncated 4-byte sequence is one bad sequence of 3 bytes.
        let line = b"ab\xf0\x9f\x98 c \xff";
        let e = line_utf8(line, Decode::Strict).unwrap_err();
        assert_eq!(
            e,
            "invalid UTF-8 at byte 2 of the line (byte 0xf0); --lossy \
             replaces bad bytes"
        );
        let (t, r) = line_utf8(line, Decode::Lossy).unwrap();
        let r = r.unwrap();
        assert_eq!(t, "ab\u{fffd} c \u{fffd}");
        assert_eq!(
            r.to_string(),
            "replaced 2 invalid UTF-8 sequences (4 bytes) with U+FFFD (the \
             first at byte 2 of the line)"
        );
    }
}
