//! The tote image of text without Arabic script is stable (right inverse), as in
//! `tests/properties.rs`: `to_arabic(to_cyrillic(to_arabic(c))) == to_arabic(c)`.
//!
//! The first byte picks the style and the casing (so that coverage feedback tells them apart);
//! the rest is read as UTF-8, invalid sequences replaced by U+FFFD. Arabic-script characters
//! are mapped to `x` first: tote already in the input is not Cyrillic, it is read, cleaned up
//! and may come back in its clean form.
#![no_main]

use kazakh_script::Converter;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;
use common::is_arabic_script;

fuzz_target!(|data: &[u8]| {
    let Some((style, casing, text)) = common::select(data) else {
        return;
    };
    let text: String = text
        .chars()
        .map(|c| if is_arabic_script(c) { 'x' } else { c })
        .collect();
    let converter = Converter::builder().style(style).casing(casing).build();
    let tote = converter.to_arabic(&text);
    let back = converter.to_cyrillic(&tote);
    let again = converter.to_arabic(&back);
    assert_eq!(
        again, tote,
        "tote image not stable: style {style}, casing {casing:?}, input {text:?}, \
         cyrillic {back:?}"
    );
});
