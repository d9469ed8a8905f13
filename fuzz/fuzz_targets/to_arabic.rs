//! Cyrillic -> tote on arbitrary bytes (read as UTF-8, invalid sequences replaced by U+FFFD),
//! in every style: no panic, and
//! - a borrowed result is the input itself;
//! - the free function and a `Converter` (either casing) agree;
//! - text without Cyrillic letters, Arabic script and the punctuation a style rewrites
//!   (`,` `?` `;`) passes through unchanged and borrowed.
#![no_main]

use std::borrow::Cow;

use kazakh_script::{to_arabic, Casing, Converter, Style};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;
use common::is_arabic_script;

/// Nothing in `text` is Cyrillic (U+0400..U+04FF), Arabic script or `, ? ;`.
fn nothing_to_convert(text: &str) -> bool {
    !text.chars().any(|c| {
        ('\u{0400}'..='\u{04FF}').contains(&c)
            || is_arabic_script(c)
            || matches!(c, ',' | '?' | ';')
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let passes_through = nothing_to_convert(text);
    for style in Style::ALL {
        let tote = to_arabic(text, style);
        if let Cow::Borrowed(borrowed) = &tote {
            assert_eq!(
                *borrowed, text,
                "borrowed result differs from the input ({style})"
            );
        }
        for casing in [Casing::Sentence, Casing::Lower] {
            let converter = Converter::builder().style(style).casing(casing).build();
            assert_eq!(
                converter.to_arabic(text),
                tote,
                "Converter ({style}, {casing:?}) and to_arabic disagree on {text:?}"
            );
        }
        if passes_through {
            assert!(
                matches!(tote, Cow::Borrowed(t) if t == text),
                "{style}: {text:?} should pass through unchanged, got {tote:?}"
            );
        }
    }
});
