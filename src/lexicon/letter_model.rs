//! Letter-context statistics for words the lexicon does not know.
//!
//! Tote writes а/ә, о/ө, ұ/ү, ы/і with one letter each. In a word with a front marker
//! (ە ك گ) and no hamza, the hamza rule allows any choice, and loanwords mix them
//! (`диалог`, `арктика`, `экономикалық`). A character 4-gram model of the lexicon's words
//! (type counts, stupid back-off) picks the likeliest choice with a small beam search. It is
//! counted by `tools/lexgen` and embedded: nothing is built at run time.

use std::sync::LazyLock;

use crate::lexicon;
use crate::lexicon::grams::{gram_key, symbol_of_letter, BOUNDARY, ORDER};
use crate::lexicon::table_format::NumberTable;

/// Candidates kept during the search.
const BEAM: usize = 8;
/// Weight of a shorter context when the longer one was never seen.
const BACK_OFF: f32 = 0.4;

/// The model: the count of every letter n-gram (n = 1..=ORDER) over the lexicon's words,
/// counted by `tools/lexgen` ([`crate::lexicon::grams`]) and read in place from the embedded
/// data.
pub(crate) struct LetterModel {
    /// [`gram_key`] -> the count.
    counts: NumberTable,
}

static MODEL: LazyLock<LetterModel> = LazyLock::new(|| LetterModel {
    counts: lexicon::letter_gram_counts(),
});

/// The model of the embedded lexicon.
pub(crate) fn get() -> &'static LetterModel {
    &MODEL
}

impl LetterModel {
    /// How often the n-gram of these symbols occurs in the lexicon's words.
    fn count(&self, gram: &[u32]) -> u32 {
        self.counts.get(gram_key(gram)).unwrap_or(0)
    }

    /// log P(last symbol | the ones before it), with stupid back-off.
    fn log_p(&self, ngram: &[u32]) -> f32 {
        let mut penalty = 0.0;
        for start in 0..ngram.len() {
            let gram = &ngram[start..];
            let count = self.count(gram);
            if count > 0 {
                let context = if gram.len() == 1 {
                    self.count(&[BOUNDARY]).max(1)
                } else {
                    self.count(&gram[..gram.len() - 1]).max(1)
                };
                return penalty + (count as f32 / context as f32).ln();
            }
            penalty += BACK_OFF.ln();
        }
        penalty + (1.0 / 1_000_000.0f32).ln()
    }

    /// Chooses one alternative per slot (each alternative: its letters and whether it is a
    /// front vowel), the likeliest spelling under the model; with `need_front`, one with at
    /// least one front vowel. Appends it to `out`.
    pub(crate) fn choose(&self, slots: &[Vec<(String, bool)>], need_front: bool, out: &mut String) {
        #[derive(Clone)]
        struct Candidate {
            /// Index of the chosen alternative per slot so far.
            choices: Vec<u8>,
            /// Symbols written so far, the boundary first.
            history: Vec<u32>,
            front: bool,
            score: f32,
        }
        let mut beam = vec![Candidate {
            choices: Vec::with_capacity(slots.len()),
            history: vec![BOUNDARY],
            front: false,
            score: 0.0,
        }];
        let mut next = Vec::new();
        for slot in slots {
            for candidate in &beam {
                for (index, (letters, front)) in slot.iter().enumerate() {
                    let mut extended = candidate.clone();
                    extended.choices.push(index as u8);
                    extended.front |= front;
                    for c in letters.chars() {
                        extended.history.push(symbol_of_letter(c));
                        let from = extended.history.len().saturating_sub(ORDER);
                        extended.score += self.log_p(&extended.history[from..]);
                    }
                    next.push(extended);
                }
            }
            next.sort_by(|a, b| b.score.total_cmp(&a.score));
            // Keep a front candidate in the beam when one is needed.
            let keep_front = need_front
                && !next.iter().take(BEAM).any(|c| c.front)
                && next.iter().any(|c| c.front);
            if keep_front {
                if let Some(at) = next.iter().position(|c| c.front) {
                    let front = next.remove(at);
                    next.truncate(BEAM - 1);
                    next.push(front);
                }
            } else {
                next.truncate(BEAM);
            }
            std::mem::swap(&mut beam, &mut next);
            next.clear();
        }
        let best = beam
            .iter()
            .filter(|c| !need_front || c.front)
            .map(|c| {
                let mut history = c.history.clone();
                history.push(BOUNDARY);
                let from = history.len().saturating_sub(ORDER);
                (c, c.score + self.log_p(&history[from..]))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(c, _)| c);
        for (at, slot) in slots.iter().enumerate() {
            let index = best.map_or(0, |c| usize::from(c.choices[at]));
            out.push_str(&slot[index.min(slot.len() - 1)].0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orthography::letters;

    /// Each vowel of a back spelling may also be front.
    fn choose(back_spelling: &str, need_front: bool) -> String {
        let slots: Vec<Vec<(String, bool)>> = back_spelling
            .chars()
            .map(|c| {
                let mut slot = vec![(c.to_string(), false)];
                if letters::is_paired_vowel(c) {
                    slot.push((letters::fronted(c).to_string(), true));
                }
                slot
            })
            .collect();
        let mut out = String::new();
        get().choose(&slots, need_front, &mut out);
        out
    }

    #[test]
    fn loanwords_keep_back_vowels_native_front_words_get_front_ones() {
        assert_eq!(choose("диалог", false), "диалог");
        assert_eq!(choose("кабинеттеры", false), "кабинеттері");
        assert_eq!(choose("келысым", false), "келісім");
    }

    #[test]
    fn a_hamza_word_gets_at_least_one_front_vowel() {
        let word = choose("тартыбы", true);
        assert!(word.chars().any(letters::is_front_vowel), "{word}");
    }

    #[test]
    fn the_embedded_counts_are_those_of_the_lexicons_words() {
        let counts = crate::lexicon::grams::count_letter_grams(lexicon::get().all_words());
        let model = get();
        for (&key, &count) in &counts {
            assert_eq!(model.counts.get(key), Some(count), "{key:x}");
        }
        assert_eq!(model.count(&[63, 63, 63, 63]), 0);
    }
}
