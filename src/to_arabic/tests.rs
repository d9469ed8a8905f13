//! Unit tests of the writer: single rules, and the fast paths checked against the general
//! rules (a proptest over words of every letter, and the seeds).

use super::*;
use crate::Style;

fn arabic(text: &str, style: Style) -> String {
    to_arabic(text, &style.rules()).into_owned()
}

#[test]
fn a_word_the_fast_path_gives_up_keeps_the_quote_before_it() {
    // `Ө` is a plain part, but Latin letters follow it: the general rules take the word,
    // and the hamza of the part must not have moved in front of the `«`.
    for style in Style::ALL {
        assert!(arabic("«Өaeoi", style).starts_with('«'), "{style}");
    }
}

#[test]
fn hamza_goes_on_front_words_without_front_markers() {
    let cases = [
        ("біз", "ءبىز"),
        ("әр", "ءار"),
        ("қәзір", "ءقازىر"),
        ("күшке", "كۇشكە"),
        ("қазақ", "قازاق"),
    ];
    for (cyrillic, expected) in cases {
        assert_eq!(arabic(cyrillic, Style::Kazinform), expected, "{cyrillic}");
    }
}

#[test]
fn egemen_splits_ұлы_inside_words() {
    assert_eq!(arabic("зұлым", Style::Egemen), "ز ۇلىم");
    assert_eq!(arabic("зұлым", Style::Kazinform), "زۇلىم");
    assert_eq!(arabic("Қабышұлы", Style::Kazinform), "قابىش ۇلى");
}

/// Letters for the fast paths' test: every letter of the table in both cases (those
/// spelled together: `и` before `я`/`ю`, `е` after a vowel; silent `ь` `ъ`; the patronym
/// letters), Cyrillic outside the table (`ї`, `ѐ`, `Ӏ`) and a Latin look-alike.
const TEST_LETTERS: &str =
    "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяАӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯїѐӀi";

/// What stands between the words of the fast paths' test, `|` between them (a gap may be
/// a patronymic form or an abbreviation glued to the word before).
const TEST_GAPS: &str = " | | | |, |. |.\n|\n|-| — | «|» |? |; | 1969 -|  |(|) |ұлы | X ||«|»|“|”|—|,|»,|”,|…|?|)|(«|-«|1-|1,|,1|«“|»—|ұлы|ұлының |қызы |ұлымен|қызына |ұлыұлы | АҚШ | ҚР ІІМ | ӘӨҮІ |«ӘЧ» | ҚАЙДА | ЦЮ | БҰҰ-| АЕ | ИЯ | ҰЛЫ |«ІІМ» ";

/// Words of 1 to 20 letters of [`TEST_LETTERS`] (long ones cross the fast path's block of
/// letters), each with the gap after it.
fn test_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let letters: Vec<char> = TEST_LETTERS.chars().collect();
    // Mostly lower-case Kazakh letters, as in text.
    let letter = prop_oneof![
        8 => proptest::sample::select(letters[..42].to_vec()),
        2 => proptest::sample::select(letters),
    ];
    let word = proptest::collection::vec(letter, 1..=20);
    let gap = proptest::sample::select(TEST_GAPS.split('|').collect::<Vec<_>>());
    proptest::collection::vec((word, gap), 1..12).prop_map(|words| {
        words
            .into_iter()
            .map(|(word, gap)| word.into_iter().collect::<String>() + gap)
            .collect()
    })
}

proptest::proptest! {
    #[test]
    fn the_fast_paths_write_what_the_general_rules_write(
        text in test_text(),
        style in proptest::sample::select(Style::ALL.to_vec()),
    ) {
        let rules = style.rules();
        proptest::prop_assert_eq!(to_arabic(&text, &rules), to_arabic_general(&text, &rules));
    }
}

#[test]
fn the_fast_paths_write_what_the_general_rules_write_on_the_seeds() {
    for seed in [
        include_str!("../../fixtures/seeds/002-news-turksoy-interview.cyrillic.txt"),
        include_str!("../../fixtures/seeds/004-news-amanat-round-table.cyrillic.txt"),
    ] {
        for style in Style::ALL {
            let rules = style.rules();
            assert_eq!(
                to_arabic(seed, &rules),
                to_arabic_general(seed, &rules),
                "{style:?}"
            );
        }
    }
}

#[test]
fn latin_words_pass_through_and_joined_ones_take_the_general_rules() {
    let rules = Style::Kazinform.rules();
    for (cyrillic, tote) in [
        // Alone: written as they are.
        ("XXI ғасыр", "XXI عاسىر"),
        ("Eurovision, әні", "Eurovision، ءانى"),
        // Joined by a hyphen or to Cyrillic letters: one compound with them.
        ("XX-ғасыр", "XX-عاسىر"),
        ("OK-ға", "OK-عا"),
        ("Eurovisionнің", "Eurovisionءنىڭ"),
        // Look-alikes inside a Cyrillic word are read as Cyrillic letters.
        ("бiлiм", "ءبىلىم"),
    ] {
        assert_eq!(to_arabic(cyrillic, &rules), tote, "{cyrillic}");
    }
}

#[test]
fn unchanged_text_is_borrowed() {
    assert!(matches!(
        to_arabic("KAZINFORM 2024", &Style::Kazinform.rules()),
        Cow::Borrowed(_)
    ));
}

#[test]
fn mediawiki_rules_not_in_the_dev_pairs() {
    for (cyrillic, tote) in [
        // The ligature, in any case and inside a word; the hamza of the run stays before it.
        ("Аллаһ", "ﷲ"),
        ("АЛЛАҺтың", "ﷲتىڭ"),
        ("әаллаһ", "ٴاﷲ"),
        // Signs and the number sign in its three spellings.
        ("5*3 #2 No.7 №1", "۵٭۳ ؀۲ ؀۷ ؀۱"),
        // `е` after an `е` that took a yeh stays plain.
        ("аее", "ايەە"),
        ("кее", "كەيە"),
        // Every run of Cyrillic letters of a front part gets its own hamza, a run of `ъ`
        // too (the sign itself is not written).
        ("әxъ", "ٴاxٴ"),
        // Parts are cut at ASCII white space, `-`, `.`, `:` only.
        ("бір,кел бір—бір", "بىر،كەل ٴبىر—ٴبىر"),
        ("и\u{0306}ә", "ٴىي\u{0306}ٴا"),
    ] {
        assert_eq!(arabic(cyrillic, Style::Mediawiki), tote, "{cyrillic}");
    }
}

#[test]
fn mediawiki_conventions_in_word_by_word_rules() {
    use crate::{Allah, CommaRule, Digits, LetterSpelling, Patronymics, Signs, VowelThenE};
    let rules = Style::Kazinform
        .rules()
        .with_letter_spelling(LetterSpelling::Mediawiki)
        .with_digits(Digits::ExtendedArabicIndic)
        .with_signs(Signs::Arabic)
        .with_allah(Allah::Ligature)
        .with_comma(CommaRule::Arabic)
        .with_vowel_then_e(VowelThenE::InsertYehAfterVowelOrSign)
        .with_patronymics(Patronymics::Never);
    for (cyrillic, tote) in [
        ("тарихы 2010, 3,5% №1", "تارىيحى ۲۰۱۰، ۳،۵٪ ؀۱"),
        ("Аллаһқа Съезд Қабышұлы ия", "ﷲقا سيەزد قابىشۇلى ىييا"),
        ("1969-жылы бір", "۱۹۶۹ -جىلى ءبىر"),
    ] {
        assert_eq!(to_arabic(cyrillic, &rules), tote, "{cyrillic}");
        assert_eq!(to_arabic_general(cyrillic, &rules), tote, "{cyrillic}");
    }
}
