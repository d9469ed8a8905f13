//! Tote -> Cyrillic copies the words it has met from a per-thread cache, through a fast path
//! of its own for plain words: the output must be the same whether a word is spelled for the
//! first time or copied, and whatever the thread converted before.

use kazakh_script::{Converter, Style};

const SEEDS: [(&str, Style); 3] = [
    (
        include_str!("../fixtures/seeds/000-egemen-qazaqstan.arabic.egemen.txt"),
        Style::Egemen,
    ),
    (
        include_str!("../fixtures/seeds/001-kazinform.arabic.kazinform-2023.txt"),
        Style::Kazinform2023,
    ),
    (
        include_str!("../fixtures/seeds/003-kazinform.arabic.kazinform.txt"),
        Style::Kazinform,
    ),
];

const HELD_OUT: &str = include_str!("../fixtures/heldout/dev-heldout.txt");

/// Converts `texts` one after the other on a new thread (so with a cache of its own, empty at
/// the start) and returns each output.
fn convert_on_a_new_thread(style: Style, texts: Vec<String>) -> Vec<String> {
    std::thread::spawn(move || {
        let converter = Converter::new(style);
        texts
            .iter()
            .map(|text| converter.to_cyrillic(text).into_owned())
            .collect()
    })
    .join()
    .expect("the conversion thread panicked")
}

#[test]
fn a_warm_word_cache_gives_the_output_of_a_cold_one() {
    // The held-out lines' tote, and the seeds: each converted twice on one thread, the second
    // time almost every word from the cache.
    let held_out = Converter::new(Style::Kazinform)
        .to_arabic(HELD_OUT)
        .into_owned();
    let texts = SEEDS
        .iter()
        .map(|&(text, style)| (text.to_owned(), style))
        .chain([(held_out, Style::Kazinform)]);
    for (text, style) in texts {
        let outputs = convert_on_a_new_thread(style, vec![text.clone(), text]);
        assert!(
            outputs[0] == outputs[1],
            "{style}: the second conversion differs from the first"
        );
    }
}

#[test]
fn words_cached_from_another_text_give_the_output_of_a_fresh_thread() {
    for &(text, style) in &SEEDS {
        let others: String = SEEDS.iter().map(|&(other, _)| other).collect();
        let fresh = convert_on_a_new_thread(style, vec![text.to_owned()]);
        let after_others = convert_on_a_new_thread(style, vec![others, text.to_owned()]);
        assert!(
            fresh[0] == after_others[1],
            "{style}: the seed converted after the others differs"
        );
    }
}
