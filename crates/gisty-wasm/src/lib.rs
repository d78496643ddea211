//! gisty in the browser: the WebAssembly bindings behind a "No time to
//! read? Get a summary" button.
//!
//! Built with `web/build.sh` (`cargo build --target
//! wasm32-unknown-unknown` and `wasm-bindgen --target web`), this crate
//! gives JavaScript two functions:
//!
//! - `summarize(text, options)` returns
//!   `{summary, totalSentences, sentences: [{index, text, byteStart,
//!   byteEnd, utf16Start, utf16End, score, parts: {content, position}}]}`.
//!   Options: at most one of `sentences`, `ratio`, `words`, `chars`
//!   (three sentences when none), `language`, `positionWeight`.
//! - `split(text, options)` returns `[{index, kind, text, byteStart,
//!   byteEnd, utf16Start, utf16End}]`, `kind` being `"text"` or
//!   `"heading"`. Options: `language`.
//!
//! Spans come in two units: UTF-8 bytes (as gisty and its CLI count) and
//! UTF-16 code units, which is what JavaScript strings count, so that
//! `text.slice(s.utf16Start, s.utf16End)` is the sentence.
//!
//! Bad options throw a JavaScript `Error` naming the option; text never
//! throws. The logic lives in [`api`], plain Rust tested on the host; the
//! exported functions only convert values, so this crate builds (and its
//! tests run) on any target.

#![deny(missing_docs)]

pub mod api;
mod utf16;

use serde::Serialize;
use wasm_bindgen::prelude::*;

fn options<T: serde::de::DeserializeOwned + Default>(
    value: JsValue,
    fields: &[&str],
) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    // serde-wasm-bindgen reads only the fields it knows and ignores the
    // others, so a misspelt option would be dropped without a word.
    if let Some(object) = value.dyn_ref::<js_sys::Object>() {
        for key in js_sys::Object::keys(object) {
            let key = key.as_string().unwrap_or_default();
            if !fields.contains(&key.as_str()) {
                let e = api::unknown_field(&key, fields);
                return Err(JsError::new(&format!("gisty options: {e}")));
            }
        }
    }
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("gisty options: {e}")))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    // Plain objects and numbers, never `Map`s or `BigInt`s.
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&ser).map_err(|e| JsError::new(&e.to_string()))
}

/// Summarises `text`: the picked sentences in document order, with their
/// spans (bytes and UTF-16 code units) and scores, as plain objects.
///
/// # Errors
///
/// Throws an `Error` for bad options (unknown field, unknown language,
/// more than one budget, a value out of range); never for the text.
#[wasm_bindgen(js_name = summarize)]
pub fn summarize_js(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: api::SummarizeOptions =
        self::options(options, api::SummarizeOptions::FIELDS)?;
    to_js(&api::summarize(text, &options)?)
}

/// Splits `text` into sentences, with their spans (bytes and UTF-16 code
/// units), as plain objects.
///
/// # Errors
///
/// Throws an `Error` for bad options (unknown field or language).
#[wasm_bindgen(js_name = split)]
pub fn split_js(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: api::SplitOptions =
        self::options(options, api::SplitOptions::FIELDS)?;
    to_js(&api::split(text, &options)?)
}

#[cfg(test)]
mod tests;
