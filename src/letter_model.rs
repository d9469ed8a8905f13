//! Letter-context statistics for words the lexicon does not know.
//!
//! Tote writes а/ә, о/ө, ұ/ү, ы/і with one letter each. In a word with a front marker
//! (ە ك گ) and no hamza, the hamza rule allows any choice, and loanwords mix them
//! (`диалог`, `арктика`, `экономикалық`). A character 4-gram model of the lexicon's words
//! (type counts, stupid back-off) picks the likeliest choice with a small beam search. It is
//! built lazily, once, the first time a word needs it.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::letters;
use crate::lexicon;

/// Longest context, in letters (a 4-gram model).
const ORDER: usize = 4;
/// Candidates kept during the search.
const BEAM: usize = 8;
/// Weight of a shorter context when the longer one was never seen.
const BACK_OFF: f32 = 0.4;
/// Word boundary symbol.
const BOUNDARY: u32 = 0;

/// Index of a lower-case Cyrillic letter (1..), 0 being the word boundary.
fn symbol(c: char) -> u32 {
    const ALPHABET: &str = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";
    ALPHABET
        .chars()
        .position(|a| a == c)
        .map_or(63, |i| i as u32 + 1)
}

/// Packs up to [`ORDER`] symbols (oldest first) into a key, with its length.
fn pack(symbols: &[u32]) -> u32 {
    symbols
        .iter()
        .fold(symbols.len() as u32, |key, &s| (key << 6) | s)
}

/// The model: counts of every n-gram (n = 1..=ORDER) over the lexicon's words.
pub(crate) struct LetterModel {
    counts: HashMap<u32, u32>,
}

static MODEL: LazyLock<LetterModel> =
    LazyLock::new(|| LetterModel::train(lexicon::get().all_words()));

/// The model built from the embedded lexicon.
pub(crate) fn get() -> &'static LetterModel {
    &MODEL
}

impl LetterModel {
    fn train<'w>(words: impl Iterator<Item = &'w str>) -> LetterModel {
        let mut counts: HashMap<u32, u32> = HashMap::new();
        let mut symbols = Vec::new();
        for word in words {
            symbols.clear();
            symbols.push(BOUNDARY);
            symbols.extend(word.chars().map(|c| symbol(letters::lower(c).unwrap_or(c))));
            symbols.push(BOUNDARY);
            for end in 1..=symbols.len() {
                for n in 1..=ORDER.min(end) {
                    *counts.entry(pack(&symbols[end - n..end])).or_default() += 1;
                }
            }
        }
        LetterModel { counts }
    }

    fn count(&self, symbols: &[u32]) -> u32 {
        self.counts.get(&pack(symbols)).copied().unwrap_or(0)
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

    /// Chooses, for each paired vowel of `word` (lower-case Cyrillic, back vowels where a
    /// choice is open, listed in `open`), its back or front form; with `need_front`, at least
    /// one must be front. Rewrites `word` in place.
    pub(crate) fn choose_vowels(&self, word: &mut [char], open: &[usize], need_front: bool) {
        if open.is_empty() {
            return;
        }
        #[derive(Clone)]
        struct Candidate {
            fronts: u64,
            history: Vec<u32>,
            score: f32,
        }
        let mut beam = vec![Candidate {
            fronts: 0,
            history: vec![BOUNDARY],
            score: 0.0,
        }];
        let mut next = Vec::new();
        let choice_index = |at: usize| open.iter().position(|&o| o == at);
        for (at, &c) in word.iter().enumerate() {
            let choice = choice_index(at).filter(|&i| i < 64);
            for candidate in &beam {
                let options: &[(char, bool)] = match choice {
                    Some(_) => &[(c, false), (letters::fronted(c), true)],
                    None => &[(c, false)],
                };
                for &(letter, front) in options {
                    let mut history = candidate.history.clone();
                    history.push(symbol(letter));
                    let from = history.len().saturating_sub(ORDER);
                    let score = candidate.score + self.log_p(&history[from..]);
                    let fronts = match (choice, front) {
                        (Some(i), true) => candidate.fronts | (1 << i),
                        _ => candidate.fronts,
                    };
                    next.push(Candidate {
                        fronts,
                        history,
                        score,
                    });
                }
            }
            next.sort_by(|a, b| b.score.total_cmp(&a.score));
            next.truncate(BEAM);
            std::mem::swap(&mut beam, &mut next);
            next.clear();
        }
        let best = beam
            .iter()
            .map(|c| {
                let mut history = c.history.clone();
                history.push(BOUNDARY);
                let from = history.len().saturating_sub(ORDER);
                (c, c.score + self.log_p(&history[from..]))
            })
            .filter(|(c, _)| !need_front || c.fronts != 0)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let fronts = match best {
            Some((candidate, _)) => candidate.fronts,
            // The beam lost every front choice: make the first open vowel front.
            None => 1,
        };
        for (i, &at) in open.iter().enumerate().take(64) {
            if fronts & (1 << i) != 0 {
                word[at] = letters::fronted(word[at]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choose(back_spelling: &str, need_front: bool) -> String {
        let mut word: Vec<char> = back_spelling.chars().collect();
        let open: Vec<usize> = word
            .iter()
            .enumerate()
            .filter(|(_, c)| letters::is_paired_vowel(**c))
            .map(|(i, _)| i)
            .collect();
        get().choose_vowels(&mut word, &open, need_front);
        word.into_iter().collect()
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
}
