//! Tote -> Cyrillic on arbitrary bytes: the first byte picks the style and the casing (so that
//! coverage feedback tells them apart and each execution is one conversion), the rest is read
//! as UTF-8, invalid sequences replaced by U+FFFD. No panic, and
//! - a borrowed result is the input itself;
//! - with sentence casing, the free function and a `Converter` agree;
//! - text without Arabic script passes through unchanged and borrowed.
#![no_main]

use std::borrow::Cow;

use kazakh_script::{to_cyrillic, Casing, Converter};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;
use common::is_arabic_script;

fuzz_target!(|data: &[u8]| {
    let Some((style, casing, text)) = common::select(data) else {
        return;
    };
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
