//! `detect_script` and `guess_style` never panic, on arbitrary bytes (read as UTF-8, invalid
//! sequences replaced by U+FFFD) and on the tote that each style writes for them, and
//! `detect_script` answers `None` exactly when there is no Cyrillic or Arabic-script letter.
#![no_main]

use kazakh_script::{detect_script, guess_style, to_arabic, Style};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;
use common::is_arabic_script;

fn check(text: &str) {
    let script = detect_script(text);
    let has_letters = text.chars().any(|c| {
        c.is_alphabetic() && (('\u{0400}'..='\u{04FF}').contains(&c) || is_arabic_script(c))
    });
    assert_eq!(
        script.is_some(),
        has_letters,
        "detect_script({text:?}) = {script:?}"
    );
    let _ = guess_style(text);
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check(&text);
    for style in Style::ALL {
        check(&to_arabic(&text, style));
    }
});
