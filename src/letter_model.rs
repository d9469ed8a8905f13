//! Letter-context statistics for words the lexicon does not know.
//!
//! Tote writes а/ә, о/ө, ұ/ү, ы/і with one letter each. In a word with a front marker
//! (ە ك گ) and no hamza, the hamza rule allows any choice, and loanwords mix them
//! (`диалог`, `арктика`, `экономикалық`). A character 4-gram model of the lexicon's words
//! (type counts, stupid back-off) picks the likeliest choice with a small beam search. It is
//! built lazily, once, the first time a word needs it.

use rustc_hash::FxHashMap as HashMap;
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

/// Index of a lower-case Cyrillic letter (1..=42, 63 for anything else), 0 being the word
/// boundary.
fn symbol(c: char) -> u32 {
    const ALPHABET: &str = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";
    static INDEX: LazyLock<[u8; 256]> = LazyLock::new(|| {
        let mut index = [63u8; 256];
        for (i, letter) in ALPHABET.chars().enumerate() {
            index[(letter as usize) & 0xFF] = i as u8 + 1;
        }
        index
    });
    match c {
        '\u{0400}'..='\u{04FF}' => u32::from(INDEX[(c as usize) & 0xFF]),
        _ => 63,
    }
}

/// Bits per symbol.
const BITS: u32 = 6;
/// Where the counts of n-grams of each length start in [`LetterModel::short`] (n = 1, 2, 3).
const OFFSETS: [usize; 4] = [0, 0, 1 << BITS, (1 << BITS) + (1 << (2 * BITS))];
/// Size of [`LetterModel::short`].
const SHORT_LEN: usize = OFFSETS[3] + (1 << (3 * BITS));

/// The symbols of an n-gram packed into one number (oldest first).
fn pack(symbols: &[u32]) -> u32 {
    symbols.iter().fold(0, |key, &s| (key << BITS) | s)
}

/// The model: counts of every n-gram (n = 1..=ORDER) over the lexicon's words; n <= 3 in a
/// directly indexed table, 4-grams in a hash map.
pub(crate) struct LetterModel {
    short: Vec<u32>,
    long: HashMap<u32, u32>,
}

static MODEL: LazyLock<LetterModel> =
    LazyLock::new(|| LetterModel::train(lexicon::get().all_words()));

/// The model built from the embedded lexicon.
pub(crate) fn get() -> &'static LetterModel {
    &MODEL
}

impl LetterModel {
    fn train<'w>(words: impl Iterator<Item = &'w str>) -> LetterModel {
        let mut model = LetterModel {
            short: vec![0; SHORT_LEN],
            long: HashMap::default(),
        };
        let mut symbols = Vec::new();
        for word in words {
            symbols.clear();
            symbols.push(BOUNDARY);
            symbols.extend(word.chars().map(|c| symbol(letters::lower(c).unwrap_or(c))));
            symbols.push(BOUNDARY);
            // The n-grams ending at each symbol, packed as [`pack`] packs them: the last `n`
            // of the last [`ORDER`] symbols (one shift a symbol instead of a fold a gram).
            let mut last = 0u32;
            for (at, &symbol) in symbols.iter().enumerate() {
                last = ((last << BITS) | symbol) & ((1 << (BITS * ORDER as u32)) - 1);
                for n in 1..=ORDER.min(at + 1) {
                    *model.slot_of(n, last & ((1 << (BITS * n as u32)) - 1)) += 1;
                }
            }
        }
        model
    }

    /// The count of the n-gram of `n` symbols packed into `key`.
    fn slot_of(&mut self, n: usize, key: u32) -> &mut u32 {
        match n {
            1..=3 => &mut self.short[OFFSETS[n] + key as usize],
            _ => self.long.entry(key).or_default(),
        }
    }

    fn count(&self, gram: &[u32]) -> u32 {
        let key = pack(gram);
        match gram.len() {
            n @ 1..=3 => self.short[OFFSETS[n] + key as usize],
            _ => self.long.get(&key).copied().unwrap_or(0),
        }
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
                        extended
                            .history
                            .push(symbol(letters::lower(c).unwrap_or(c)));
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
}
