//! Conversion is idempotent on arbitrary text:
//! `to_arabic(to_arabic(x)) == to_arabic(x)` and `to_cyrillic(to_cyrillic(x)) == to_cyrillic(x)`.
//!
//! The first byte picks the style and the casing (so that coverage feedback tells them apart);
//! the rest is read as UTF-8, invalid sequences replaced by U+FFFD.
#![no_main]

use kazakh_script::Converter;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((style, casing, text)) = common::select(data) else {
        return;
    };
    let converter = Converter::builder().style(style).casing(casing).build();
    let tote = converter.to_arabic(&text);
    let tote_again = converter.to_arabic(&tote);
    assert_eq!(
        tote_again, tote,
        "to_arabic not idempotent: style {style}, input {text:?}"
    );
    let cyrillic = converter.to_cyrillic(&text);
    let cyrillic_again = converter.to_cyrillic(&cyrillic);
    assert_eq!(
        cyrillic_again, cyrillic,
        "to_cyrillic not idempotent: style {style}, casing {casing:?}, input {text:?}"
    );
});
