//! The tote image of text without Arabic script is stable (right inverse), as in
//! `tests/properties.rs`: `to_arabic(to_cyrillic(to_arabic(c))) == to_arabic(c)`.
//!
//! The first byte picks the style and the casing (so that coverage feedback tells them apart);
//! the rest is read as UTF-8, invalid sequences replaced by U+FFFD. Arabic-script characters
//! are mapped to `x` first: tote already in the input is not Cyrillic, it is read, cleaned up
//! and may come back in its clean form.
#![no_main]

use kazakh_script::{Casing, Converter, Style};
use libfuzzer_sys::fuzz_target;

fn is_arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

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
    let text: String = String::from_utf8_lossy(data)
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
