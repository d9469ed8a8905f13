//! What the fuzz targets share: the selector byte and which characters are Arabic script.
#![allow(dead_code)]

use std::borrow::Cow;

use kazakh_script::{Casing, Style};

/// Whether `c` belongs to the Arabic script blocks (presentation forms included).
pub fn is_arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Splits fuzz input into the style and casing its first byte picks (so that coverage
/// feedback tells them apart) and the rest read as UTF-8, invalid sequences replaced by
/// U+FFFD. `None` for empty input.
pub fn select(data: &[u8]) -> Option<(Style, Casing, Cow<'_, str>)> {
    let (&selector, data) = data.split_first()?;
    let style = Style::ALL[usize::from(selector) % Style::ALL.len()];
    let casing = if selector & 0x80 == 0 {
        Casing::Sentence
    } else {
        Casing::Lower
    };
    Some((style, casing, String::from_utf8_lossy(data)))
}
