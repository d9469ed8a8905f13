//! The seed documents: published tote converts to Cyrillic and back byte for byte in its own
//! style, and the tote image of each Cyrillic seed is stable in every style.

use kazakh_script::{Converter, Style};

const EGEMEN_000: &str = include_str!("../fixtures/seeds/000-egemen-qazaqstan.arabic.egemen.txt");
const KAZINFORM_2023_001: &str =
    include_str!("../fixtures/seeds/001-kazinform.arabic.kazinform-2023.txt");
const CYRILLIC_002: &str =
    include_str!("../fixtures/seeds/002-news-turksoy-interview.cyrillic.txt");
const KAZINFORM_003: &str = include_str!("../fixtures/seeds/003-kazinform.arabic.kazinform.txt");
const CYRILLIC_004: &str =
    include_str!("../fixtures/seeds/004-news-amanat-round-table.cyrillic.txt");

/// The first line where two texts differ, for a readable failure.
fn first_difference(expected: &str, actual: &str) -> String {
    for (number, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            let e_words: Vec<&str> = e.split(' ').collect();
            let a_words: Vec<&str> = a.split(' ').collect();
            let at = e_words
                .iter()
                .zip(&a_words)
                .position(|(x, y)| x != y)
                .unwrap_or(0);
            let from = at.saturating_sub(3);
            return format!(
                "line {}: expected …{}… got …{}…",
                number + 1,
                e_words[from..(at + 3).min(e_words.len())].join(" "),
                a_words[from..(at + 3).min(a_words.len())].join(" ")
            );
        }
    }
    format!(
        "lengths differ: {} vs {} lines",
        expected.lines().count(),
        actual.lines().count()
    )
}

fn assert_arabic_seed_round_trips(seed: &str, style: Style) {
    let converter = Converter::new(style);
    let cyrillic = converter.to_cyrillic(seed);
    let back = converter.to_arabic(&cyrillic);
    assert!(back == seed, "{style}: {}", first_difference(seed, &back));
}

#[test]
fn seed_000_egemen_round_trips_byte_for_byte() {
    assert_arabic_seed_round_trips(EGEMEN_000, Style::Egemen);
}

#[test]
fn seed_001_kazinform_2023_round_trips_byte_for_byte() {
    assert_arabic_seed_round_trips(KAZINFORM_2023_001, Style::Kazinform2023);
}

#[test]
fn seed_003_kazinform_round_trips_byte_for_byte() {
    assert_arabic_seed_round_trips(KAZINFORM_003, Style::Kazinform);
}

/// In every style whose tote the reader knows: not `mediawiki`, whose letter spellings
/// (`ىي` for `и`, ...) the reader does not read.
fn assert_cyrillic_seed_image_is_stable(seed: &str) {
    for style in Style::ALL.into_iter().filter(|&s| s != Style::Mediawiki) {
        let converter = Converter::new(style);
        let arabic = converter.to_arabic(seed);
        let again = converter
            .to_arabic(&converter.to_cyrillic(&arabic))
            .into_owned();
        assert!(
            again == arabic,
            "{style}: {}",
            first_difference(&arabic, &again)
        );
    }
}

#[test]
fn seed_002_tote_image_is_stable_in_every_style() {
    assert_cyrillic_seed_image_is_stable(CYRILLIC_002);
}

#[test]
fn seed_004_tote_image_is_stable_in_every_style() {
    assert_cyrillic_seed_image_is_stable(CYRILLIC_004);
}
