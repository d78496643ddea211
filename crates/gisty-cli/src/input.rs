//! Reading documents: whole files or standard input, checked as UTF-8.

use std::io::Read;

use anyhow::{Result, bail};

use crate::config::Input;

/// Reads the whole of `input` as UTF-8 text.
///
/// # Errors
///
/// When the input cannot be read, is a directory, or is not UTF-8 (the
/// message names the input and the offset of the first bad byte).
pub fn read_text(input: &Input) -> Result<String> {
    let bytes = read_bytes(input)?;
    into_text(input, bytes)
}

fn read_bytes(input: &Input) -> Result<Vec<u8>> {
    let name = input.name();
    match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
            Ok(buf)
        }
        Input::File(path) => {
            if path.is_dir() {
                bail!("{name}: is a directory");
            }
            std::fs::read(path).map_err(|e| anyhow::anyhow!("{name}: {e}"))
        }
    }
}

fn into_text(input: &Input, mut bytes: Vec<u8>) -> Result<String> {
    // A UTF-8 byte-order mark is not part of the text: it is dropped, and
    // offsets count from the byte after it.
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        anyhow::anyhow!(
            "{}: invalid UTF-8 at byte {at} (byte 0x{:02x})",
            input.name(),
            e.as_bytes()[at]
        )
    })
}
