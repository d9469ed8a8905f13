//! Tote -> Cyrillic on arbitrary bytes: the first byte picks the style and the casing (so that
//! coverage feedback tells them apart and each execution is one conversion), the rest is read
//! as UTF-8, invalid sequences replaced by U+FFFD. No panic, and
//! - a borrowed result is the input itself;
//! - with sentence casing, the free function and a `Converter` agree;
//! - text without Arabic script passes through unchanged and borrowed.
#![no_main]

use std::borrow::Cow;

use kazakh_script::{to_cyrillic, Casing, Converter, Style};
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
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let cyrillic = Converter::builder()
        .style(style)
        .casing(casing)
        .build()
        .to_cyrillic(text);
    if casing == Casing::Sentence {
        assert_eq!(
            to_cyrillic(text, style),
            cyrillic,
            "to_cyrillic and Converter ({style}) disagree on {text:?}"
        );
    }
    if let Cow::Borrowed(borrowed) = &cyrillic {
        assert_eq!(
            *borrowed, text,
            "borrowed result differs ({style}, {casing:?})"
        );
    }
    if !text.chars().any(is_arabic_script) {
        assert!(
            matches!(&cyrillic, Cow::Borrowed(t) if *t == text),
            "{style}, {casing:?}: {text:?} has no Arabic script and should pass through \
             unchanged, got {cyrillic:?}"
        );
    }
});
