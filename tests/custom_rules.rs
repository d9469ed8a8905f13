//! Custom style rules: every combination of the conventions writes tote that reads back to
//! Cyrillic which writes the same tote again (the converter's right-inverse promise, for
//! rules no publisher uses).

use kazakh_script::{
    Abbreviations, CommaRule, Converter, Hamza, HamzaAtQuote, HamzaScope, HyphenSpacing,
    Patronymics, Style, StyleRules, VowelThenE, YearHyphen,
};

const CYRILLIC_004: &str =
    include_str!("../fixtures/seeds/004-news-amanat-round-table.cyrillic.txt");

/// Lines where each convention shows: a hamza word after `«`, hamza words joined by hyphens,
/// commas between words and between digits, `ев` after a vowel, abbreviations, a year before
/// `-жылы`, a hyphen between words, patronymics inside and after names.
const CONVENTIONS: &str = "«Бір белдеу, бір жол» іс-шара, іс-тәжірибе 796,2 тонна.\n\
    Тоқаев ИЫҰ-дағы ШЫҰ-ға 1969-жылы барды; сондай-ақ Қабышұлы, Байтұрсынұлының зұлым.\n\
    Ол: «Әрине, бұл — ҚР СІМ» деді? Мұхтар Омарханұлы Әуезов, Айгүл Серікқызы.\n";

/// Every combination of the values of [`StyleRules`]' conventions that the four publisher
/// styles use (the reader does not know the letter spellings, digits, signs and hamza rule
/// of `Style::Mediawiki` yet).
fn every_combination() -> Vec<StyleRules> {
    let mut all = vec![Style::Kazinform.rules()];
    let mut vary = |with: &dyn Fn(StyleRules, bool) -> StyleRules| {
        all = all
            .iter()
            .flat_map(|&rules| [with(rules, false), with(rules, true)])
            .collect();
    };
    vary(&|r, b| r.with_hamza(if b { Hamza::High } else { Hamza::Standalone }));
    vary(&|r, b| {
        r.with_hamza_at_quote(if b {
            HamzaAtQuote::AfterQuote
        } else {
            HamzaAtQuote::BeforeQuote
        })
    });
    vary(&|r, b| {
        r.with_hamza_scope(if b {
            HamzaScope::EachPart
        } else {
            HamzaScope::WholeWord
        })
    });
    vary(&|r, b| {
        r.with_comma(if b {
            CommaRule::Latin
        } else {
            CommaRule::ArabicExceptBetweenDigits
        })
    });
    vary(&|r, b| {
        r.with_vowel_then_e(if b {
            VowelThenE::Plain
        } else {
            VowelThenE::InsertYeh
        })
    });
    vary(&|r, b| {
        r.with_abbreviations(if b {
            Abbreviations::Joined
        } else {
            Abbreviations::LetterSpaced
        })
    });
    vary(&|r, b| {
        r.with_year_hyphen(if b {
            YearHyphen::AsWritten
        } else {
            YearHyphen::SpaceBefore
        })
    });
    vary(&|r, b| {
        r.with_hyphen_spacing(if b {
            HyphenSpacing::SpaceAfter
        } else {
            HyphenSpacing::AsWritten
        })
    });
    vary(&|r, b| {
        r.with_patronymics(if b {
            Patronymics::SplitEverywhere
        } else {
            Patronymics::SplitAfterName
        })
    });
    all
}

#[test]
fn every_combination_of_conventions_reads_back_what_it_writes() {
    let combinations = every_combination();
    assert_eq!(combinations.len(), 512);
    let text = format!("{CONVENTIONS}{CYRILLIC_004}");
    let mut written = std::collections::HashSet::new();
    for rules in combinations {
        let converter = Converter::builder().rules(rules).build();
        let tote = converter.to_arabic(&text);
        let again = converter
            .to_arabic(&converter.to_cyrillic(&tote))
            .into_owned();
        if again != tote {
            let line = tote
                .lines()
                .zip(again.lines())
                .find(|(a, b)| a != b)
                .map(|(a, b)| format!("{a}\n{b}"))
                .unwrap_or_default();
            panic!("{rules:?}:\n{line}");
        }
        written.insert(tote.into_owned());
    }
    // Each convention shows in the text: no two combinations write the same tote.
    assert_eq!(written.len(), 512);
}

#[test]
fn the_publishers_rules_are_their_styles_and_custom_ones_none() {
    for style in Style::ALL {
        let converter = Converter::builder().rules(style.rules()).build();
        assert_eq!(converter.style(), Some(style));
        assert_eq!(converter, Converter::new(style));
    }
    let custom = Style::Egemen
        .rules()
        .with_comma(CommaRule::ArabicExceptBetweenDigits);
    assert_eq!(Converter::builder().rules(custom).build().style(), None);
    // The last of `style` and `rules` set wins.
    let converter = Converter::builder()
        .rules(custom)
        .style(Style::Xinjiang)
        .build();
    assert_eq!(converter.style(), Some(Style::Xinjiang));
}
