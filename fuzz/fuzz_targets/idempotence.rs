//! Conversion is idempotent on arbitrary text:
//! `to_arabic(to_arabic(x)) == to_arabic(x)` and `to_cyrillic(to_cyrillic(x)) == to_cyrillic(x)`.
//!
//! The first byte picks the style and the casing (so that coverage feedback tells them apart);
//! the rest is read as UTF-8, invalid sequences replaced by U+FFFD.
#![no_main]

use kazakh_script::{Casing, Converter, Style};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, data)) = data.split_first() else {
        return;
    };
    let style = Style::ALL[usize::from(selector) % Style::ALL.len()];
    let casing = if selector & 0x80 == 0 {
        Casing::Sentence
    } else {
        Casing::Lower
    };
    let text = String::from_utf8_lossy(data);
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
