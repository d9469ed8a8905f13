//! The property each fuzz target checks: one function per target, named after it, taking the
//! raw fuzz input; a property fails by panicking. The targets in `fuzz_targets/` call them,
//! and `tests/fuzz_regressions.rs` of the main crate replays every reproducer in
//! `regressions/<target>/` through them.
#![allow(dead_code)]

use std::borrow::Cow;

use kazakh_script::{detect_script, guess_style, Casing, Converter, Style};

/// A property: panics where the input breaks it.
pub type Property = fn(&[u8]);

/// Each target's name (its directory in `regressions/`) with its property.
pub const BY_TARGET: &[(&str, Property)] = &[
    ("to_arabic", to_arabic),
    ("to_cyrillic", to_cyrillic),
    ("round_trip", round_trip),
    ("idempotence", idempotence),
    ("detect", detect),
];

/// Whether `c` belongs to the Arabic script blocks (presentation forms included).
pub fn is_arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// The styles whose tote the reader knows, which [`select`] picks from: all but `mediawiki`,
/// whose letter spellings, digits and signs the reader does not read (its writing is checked
/// by [`to_arabic`] and [`detect`], which go through every style).
pub const READ_BACK_STYLES: [Style; 4] = [
    Style::Kazinform,
    Style::Kazinform2023,
    Style::Egemen,
    Style::Xinjiang,
];

/// Splits fuzz input into the style and casing its first byte picks (`% 4` over
/// [`READ_BACK_STYLES`] and bit 7, so that coverage feedback tells them apart and an execution
/// is one conversion) and the rest read as UTF-8, invalid sequences replaced by U+FFFD. `None`
/// for empty input.
pub fn select(data: &[u8]) -> Option<(Style, Casing, Cow<'_, str>)> {
    let (&selector, data) = data.split_first()?;
    let style = READ_BACK_STYLES[usize::from(selector) % READ_BACK_STYLES.len()];
    let casing = if selector & 0x80 == 0 {
        Casing::Sentence
    } else {
        Casing::Lower
    };
    Some((style, casing, String::from_utf8_lossy(data)))
}

/// Whether nothing in `text` is Cyrillic (U+0400..U+04FF), Arabic script or `, ? ;`, nor, in
/// `mediawiki`, which writes them too, a digit or `% * # № No.`.
fn nothing_to_convert(text: &str, style: Style) -> bool {
    let rewritten = |c: char| {
        style == Style::Mediawiki && (c.is_ascii_digit() || matches!(c, '%' | '*' | '#' | '№'))
    };
    let converted = text.chars().any(|c| {
        ('\u{0400}'..='\u{04FF}').contains(&c)
            || is_arabic_script(c)
            || matches!(c, ',' | '?' | ';')
            || rewritten(c)
    });
    !converted && (style != Style::Mediawiki || !text.contains("No."))
}

/// `to_arabic`: Cyrillic -> tote of the whole input (UTF-8, lossy) in every style, without
/// panic, and
/// - a borrowed result is the input itself;
/// - the free function and a `Converter` (either casing) agree;
/// - text without Cyrillic letters, Arabic script and the punctuation a style rewrites
///   (`,` `?` `;`) passes through unchanged and borrowed.
pub fn to_arabic(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    for style in Style::ALL {
        let passes_through = nothing_to_convert(text, style);
        let tote = kazakh_script::to_arabic(text, style);
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
}

/// `to_cyrillic`: tote -> Cyrillic in the style and casing of [`select`], without panic, and
/// - a borrowed result is the input itself;
/// - with sentence casing, the free function and a `Converter` agree;
/// - text without Arabic script passes through unchanged and borrowed.
pub fn to_cyrillic(data: &[u8]) {
    let Some((style, casing, text)) = select(data) else {
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
            kazakh_script::to_cyrillic(text, style),
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
}

/// `round_trip`: the tote image of text without Arabic script is stable (right inverse), as
/// in `tests/properties.rs`: `to_arabic(to_cyrillic(to_arabic(c))) == to_arabic(c)`, in the
/// style and casing of [`select`]. Arabic-script characters are mapped to `x` first: tote
/// already in the input is not Cyrillic, it is read, cleaned up and may come back in its
/// clean form.
pub fn round_trip(data: &[u8]) {
    let Some((style, casing, text)) = select(data) else {
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
}

/// `idempotence`: conversion is idempotent in the style and casing of [`select`]:
/// `to_arabic(to_arabic(x)) == to_arabic(x)` and `to_cyrillic(to_cyrillic(x)) == to_cyrillic(x)`.
pub fn idempotence(data: &[u8]) {
    let Some((style, casing, text)) = select(data) else {
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
}

/// `detect`: `detect_script` and `guess_style` never panic, on the whole input (UTF-8, lossy)
/// and on the tote each style writes for it, and `detect_script` answers `None` exactly when
/// there is no Cyrillic or Arabic-script letter.
pub fn detect(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    check_detection(&text);
    for style in Style::ALL {
        check_detection(&kazakh_script::to_arabic(&text, style));
    }
}

/// The assertions of [`detect`] on one text.
fn check_detection(text: &str) {
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
