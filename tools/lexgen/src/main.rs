//! Generates `data/lexicon.txt`, the word lexicon `kazakh-script` embeds for tote -> Cyrillic,
//! and `fixtures/heldout/dev-heldout.txt`, the corpus lines held out of it for measuring.
//!
//! It also writes `data/dictionary.txt`, the stems of the hunspell-kk dictionary
//! (`third_party/hunspell-kk/kk_KZ.dic`, taken under MPL 1.1) that the corpus does not have,
//! and next to the two text files `data/lexicon.bin` and `data/dictionary.bin`, their big
//! tables laid out for the library to query in place (see [`tables`]).
//!
//! ```text
//! cargo run --release -p lexgen -- ../shared/corpus/dev-cyrillic.txt
//! ```
//!
//! The output is deterministic: the same corpus gives the same bytes.
//!
//! * Split: every line whose 1-based number is a multiple of 10 is held out; the rest is the
//!   training split the lexicon is built from.
//! * Words: every word form (hyphenated words give one form per part) of the training split
//!   that is written in Kazakh Cyrillic letters, most frequent first, each in the casing it has
//!   inside sentences (a word only ever seen at sentence starts is written in lower case).
//! * Suffix chains: endings that follow at least [`MIN_CHAIN_STEMS`] different known stems,
//!   with the harmony of the stem (`B` back, `F` front), most productive first. The library
//!   spells an unseen word as a known stem plus such a chain.
//! * Words cased by the next word (`оңтүстік` before a name: `Оңтүстік Америка`) where no
//!   pair says more.
//! * A name model: logistic regression over letter n-grams, trained on the rare words of the
//!   lexicon (names against other words), for capitalising words the lexicon never saw.
//! * Word pairs: two words with one space between them whose casing together differs from
//!   what the words' own casings give (`орта` + `Азия` -> `Орта Азия`, `Батыс` + `жағалауында`
//!   -> `батыс жағалауында`), when a majority of the pair's occurrences agree on it.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

mod tables;

/// Every `HELD_OUT_EVERY`-th line is held out of the lexicon.
const HELD_OUT_EVERY: usize = 10;
/// A suffix chain must follow at least this many different stems.
const MIN_CHAIN_STEMS: usize = 3;
/// Longest suffix chain, in letters.
const MAX_CHAIN_LEN: usize = 12;
/// Shortest stem, in letters.
const MIN_STEM_LEN: usize = 2;
/// A casing pair must be seen at least this often with the casing it is written in.
const MIN_PAIR_COUNT: u32 = 1;
/// The name model learns from words seen at most this often (rare words are the ones
/// most like the words it will meet: words the lexicon never saw).
const MAX_NAME_MODEL_COUNT: u32 = 2;
/// Letter n-grams of the name model, from `NAME_GRAMS_MIN` to `NAME_GRAMS_MAX` letters.
const NAME_GRAMS_MIN: usize = 1;
const NAME_GRAMS_MAX: usize = 5;
/// Passes of the name model's gradient descent over its training words.
const NAME_MODEL_EPOCHS: usize = 20;
/// The name model's first learning rate (divided by the pass number plus one).
const NAME_MODEL_RATE: f64 = 0.2;
/// The name model's L2 penalty, per update of a weight.
const NAME_MODEL_L2: f64 = 0.0001;
/// An n-gram is kept in the name model when this many words have it.
const MIN_NAME_GRAM_WORDS: u32 = 2;
/// A word is cased by the word after it when seen so at least this often.
const MIN_BEFORE_COUNT: u32 = 2;
/// A word whose stop is followed by a lower-case word at least this often, and
/// [`STOP_LOWER_RATIO`] times as often as by a capital, is an abbreviation (`млн.`).
const MIN_STOP_COUNT: u32 = 3;
const STOP_LOWER_RATIO: u32 = 3;
/// How often a word must follow another inside sentences to be judged a name's head.
const MIN_HEAD_COUNT: u32 = 5;
/// The share of capitalised words before it (in %) that makes a word a name's head.
const HEAD_NAME_PERCENT: u32 = 60;
/// A suffix chain makes names of common words when seen in at least this many names so made
/// (`Тоқтар` + `бай`)...
const MIN_NAME_MAKING_WORDS: u32 = 2;
/// ... and in this share (%) of the words it makes of them.
const NAME_MAKING_PERCENT: u32 = 60;
/// An inferred stem (never seen alone) needs this many forms with different suffix chains.
const MIN_INFERRED_ENDINGS: usize = 2;
/// A suffix chain lowers names when it makes at least this many lower-case words of them
/// (and more than capitalised ones).
const MIN_COMMON_WORDS_OF_NAMES: u32 = 2;
/// Shortest inferred stem, in letters.
const MIN_INFERRED_STEM_LEN: usize = 4;
/// A stem must occur at least this often as a word of its own.
const MIN_STEM_COUNT: u32 = 2;

const ALPHABET: &str = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";

/// Generates the lexicon, the dictionary word list and the held-out lines.
#[derive(Parser, Debug)]
#[command(about)]
struct Args {
    /// The Cyrillic Kazakh corpus (`../shared/corpus/dev-cyrillic.txt`).
    corpus: PathBuf,
    /// The hunspell-kk dictionary whose stems complete the lexicon (MPL 1.1).
    #[arg(long, default_value_os_t = repo_root().join("third_party/hunspell-kk/kk_KZ.dic"))]
    hunspell: PathBuf,
    /// Where to write the lexicon.
    #[arg(long, default_value_os_t = repo_root().join("data/lexicon.txt"))]
    lexicon: PathBuf,
    /// Where to write the dictionary words the corpus does not have.
    #[arg(long, default_value_os_t = repo_root().join("data/dictionary.txt"))]
    dictionary: PathBuf,
    /// Where to write the lexicon's tables laid out to be queried in place.
    #[arg(long, default_value_os_t = repo_root().join("data/lexicon.bin"))]
    lexicon_tables: PathBuf,
    /// Where to write the dictionary's table laid out to be queried in place.
    #[arg(long, default_value_os_t = repo_root().join("data/dictionary.bin"))]
    dictionary_tables: PathBuf,
    /// Where to write the held-out corpus lines.
    #[arg(long, default_value_os_t = repo_root().join("fixtures/heldout/dev-heldout.txt"))]
    heldout: PathBuf,
}

/// The repository's root directory.
fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("lexgen: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    let read =
        |path: &Path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    let text = read(&args.corpus)?;
    let hunspell = read(&args.hunspell)?;
    let mut training = Vec::new();
    let mut heldout = String::new();
    for (index, line) in text.lines().enumerate() {
        if (index + 1) % HELD_OUT_EVERY == 0 {
            heldout.push_str(line);
            heldout.push('\n');
        } else {
            training.push(line);
        }
    }
    let words = count_words(&training);
    let chains = suffix_chains(&words);
    let after_names = chains_after_names(&words, &chains);
    let name_making = chains_making_names(&words, &chains);
    let inferred = inferred_stems(&words, &chains, &after_names);
    let pairs = casing_pairs(&training, &words);
    let heads = name_heads(&training);
    let stops = abbreviation_stops(&training, &words);
    let before = casing_before(&training, &words);
    let names = name_model(&words);
    let file_name = |path: &Path| {
        path.file_name()
            .map_or_else(|| "input".into(), |n| n.to_string_lossy().into_owned())
    };
    let name = file_name(&args.corpus);
    let lexicon = render(
        &name,
        &words,
        &inferred,
        &chains,
        &after_names,
        &name_making,
        &pairs,
        &before,
        &heads,
        &stops,
        &names,
    );
    let dictionary = dictionary_words(&hunspell, &words);
    let dictionary_text = render_dictionary(&file_name(&args.hunspell), &dictionary);
    write(&args.lexicon, lexicon.as_bytes())?;
    write(&args.dictionary, dictionary_text.as_bytes())?;
    write(&args.lexicon_tables, &tables::lexicon_tables(&lexicon)?)?;
    write(
        &args.dictionary_tables,
        &tables::dictionary_tables(&dictionary_text, &lexicon)?,
    )?;
    write(&args.heldout, heldout.as_bytes())?;
    eprintln!(
        "lexgen: {} words, {} suffix chains, {} casing pairs -> {}; {} dictionary words -> {}; \
         {} held-out lines -> {}",
        words.len(),
        chains.len(),
        pairs.len(),
        args.lexicon.display(),
        dictionary.len(),
        args.dictionary.display(),
        heldout.lines().count(),
        args.heldout.display()
    );
    Ok(())
}

fn write(path: &Path, contents: &[u8]) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}

/// What the corpus says about one lower-case word form.
#[derive(Default)]
struct WordStats {
    count: u32,
    /// Spellings seen inside sentences right after a capitalised word, with counts.
    after_capital: BTreeMap<String, u32>,
    /// How many of those were later parts of hyphenated words (`Рейн-Неккар-Аренада`).
    after_capital_in_compounds: u32,
    /// Spellings seen inside sentences elsewhere, with counts.
    elsewhere: BTreeMap<String, u32>,
    /// Whether every occurrence was all capitals (an abbreviation).
    always_all_caps: bool,
}

/// How a word is written in the lexicon.
enum Casing {
    /// As this spelling wherever it stands (`Қазақстан`, `және`, `ҚР`).
    Always(String),
    /// Capitalised like this right after a capitalised word, else lower case: the word is part
    /// of multi-word names (`Ұлттар Ұйымының`, `Қасым-Жомарт`).
    AfterCapital(String),
    /// Seen only where every word is capitalised (sentence starts): the corpus does not tell
    /// its case, which the converter takes from the word's stem or its name model instead
    /// (`Мағауияның` at a sentence start, `Мағауия` inside sentences).
    Open(String),
}

impl WordStats {
    /// The casing to write: lower case for a single letter; the most frequent spelling
    /// inside sentences (ties: lower case first, then alphabetical); where that is lower case
    /// but the word is mostly capitalised after a capitalised word, that; lower case for a
    /// word seen inside sentences; an abbreviation's capitals; else open.
    fn casing(&self, lower: &str) -> Casing {
        // A letter of its own is an initial (`Ж. Елебеков`) or an abbreviation (`т. б.`,
        // `2019 ж.`): its case comes from the context, not from the word.
        if lower.chars().count() == 1 {
            return Casing::Always(lower.to_owned());
        }
        let most_frequent = |spellings: &BTreeMap<String, u32>| {
            spellings
                .iter()
                .max_by(|(a, ca), (b, cb)| {
                    ca.cmp(cb)
                        .then_with(|| (*a == lower).cmp(&(*b == lower)))
                        .then_with(|| b.cmp(a))
                })
                .map(|(spelling, _)| spelling.clone())
        };
        let capitalised = |spelling: &str| spelling.chars().next().is_some_and(char::is_uppercase);
        if let Some(spelling) = most_frequent(&self.elsewhere).filter(|s| capitalised(s)) {
            return Casing::Always(spelling);
        }
        if let Some(spelling) = most_frequent(&self.after_capital).filter(|s| capitalised(s)) {
            // Seen in lower case elsewhere: capitalised only inside names. Never seen
            // elsewhere: a name of its own that happens to follow others (`Нұрсұлтан Назарбаев`),
            // unless only as a later part of hyphenated names (`Рейн-Неккар-Аренада`).
            let total: u32 = self.after_capital.values().sum();
            let only_in_compounds = self.after_capital_in_compounds == total;
            return if self.elsewhere.is_empty() && !only_in_compounds {
                Casing::Always(spelling)
            } else {
                Casing::AfterCapital(spelling)
            };
        }
        let seen_inside = !self.elsewhere.is_empty() || !self.after_capital.is_empty();
        if seen_inside {
            Casing::Always(lower.to_owned())
        } else if self.always_all_caps && looks_like_abbreviation(lower) {
            Casing::Always(lower.to_uppercase())
        } else {
            Casing::Open(lower.to_owned())
        }
    }

    /// Whether the word is a name everywhere inside sentences (`Some(true)`), a lower-case
    /// word (`Some(false)`), or neither (all capitals, mixed case, a name only after another,
    /// or an open case): the case of the word on its own.
    fn is_name(&self, lower: &str) -> Option<bool> {
        match self.casing(lower) {
            Casing::Always(spelling) => match Case::of(&spelling)? {
                Case::Lower => Some(false),
                Case::Capital => Some(true),
                _ => None,
            },
            Casing::AfterCapital(_) | Casing::Open(_) => None,
        }
    }
}

/// The set of `chains` ((harmony, ending) with their stem count) for looking them up.
fn chain_set(chains: &[(char, String, usize)]) -> HashSet<(char, &str)> {
    chains
        .iter()
        .map(|(h, rest, _)| (*h, rest.as_str()))
        .collect()
}

/// Whether an all-caps word is an abbreviation (`ҚР`, `КСРО`, `ЖШС`) rather than a word
/// of a heading in capitals (`САНАЙ`): at most four letters, or at most one vowel.
fn looks_like_abbreviation(lower: &str) -> bool {
    let vowels = lower
        .chars()
        .filter(|c| "аәеёиоөұүыіэюя".contains(*c))
        .count();
    lower.chars().count() <= 4 || vowels <= 1
}

/// Counts word forms over the training lines.
fn count_words(lines: &[&str]) -> HashMap<String, WordStats> {
    let mut words: HashMap<String, WordStats> = HashMap::new();
    for line in lines {
        for (part, place) in word_parts(line) {
            let lower = part.to_lowercase();
            if !in_alphabet(&lower) {
                continue;
            }
            let all_caps = part.chars().count() > 1 && part.chars().all(char::is_uppercase);
            let stats = words.entry(lower.clone()).or_insert_with(|| WordStats {
                always_all_caps: true,
                ..WordStats::default()
            });
            stats.count += 1;
            stats.always_all_caps &= all_caps;
            if !place.sentence_start {
                // Capitals of a heading or of emphasis say nothing about the word's case.
                let spelling = if all_caps && !looks_like_abbreviation(&lower) {
                    lower.clone()
                } else {
                    part.to_owned()
                };
                if place.after_capital && place.after_hyphen {
                    stats.after_capital_in_compounds += 1;
                }
                let spellings = if place.after_capital {
                    &mut stats.after_capital
                } else {
                    &mut stats.elsewhere
                };
                *spellings.entry(spelling).or_default() += 1;
            }
        }
    }
    words
}

/// Where a word part stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Place {
    /// It starts a sentence, as `to_cyrillic` decides it: at the line start, after
    /// `. ! ? …` (across spaces, quotes and brackets; a dash after them brings lower case),
    /// after a colon and a dash, and after an opening `«` or `“` (titles and quoted speech
    /// start with a capital).
    sentence_start: bool,
    /// It comes right after (a space or a hyphen after) a capitalised word that does not
    /// start a sentence.
    after_capital: bool,
    /// It is a later part of a hyphenated word (`Аренада` of `Рейн-Неккар-Аренада`).
    after_hyphen: bool,
}

/// A word part of a line and where it stands.
type WordPart<'a> = (&'a str, Place);

/// The word parts of a line (hyphenated words split at their hyphens), each with its place.
fn word_parts(line: &str) -> Vec<WordPart<'_>> {
    let mut parts = Vec::new();
    let mut sentence_start = true;
    // Whether the text since the last word still allows "right after" it.
    let mut adjacent_capital = false;
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if c.is_alphabetic() {
            let end = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            let part = &rest[..end];
            parts.push((
                part,
                Place {
                    sentence_start,
                    after_capital: adjacent_capital,
                    after_hyphen: line[..line.len() - rest.len()]
                        .strip_suffix('-')
                        .is_some_and(|before| before.ends_with(char::is_alphabetic)),
                },
            ));
            adjacent_capital =
                !sentence_start && part.chars().next().is_some_and(char::is_uppercase);
            sentence_start = false;
            rest = &rest[end..];
            continue;
        }
        match c {
            ' ' | '-' => {}
            _ => adjacent_capital = false,
        }
        let after_one_letter = parts
            .last()
            .is_some_and(|(part, _): &(&str, Place)| part.chars().count() == 1)
            && line[..line.len() - rest.len()].ends_with(parts.last().map_or("", |p| p.0));
        match c {
            // A stop right after a one-letter word is an abbreviation's: `т.б.`, `Н. Назарбаев`.
            '.' if after_one_letter => {}
            '.' | '!' | '?' | '…' => sentence_start = true,
            c if c.is_whitespace() => {}
            '»' | ')' | '”' => sentence_start = false,
            '“' if rest[c.len_utf8()..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace) =>
            {
                sentence_start = false
            }
            '«' | '“' => sentence_start = true,
            // As `to_cyrillic` reads a dash: after a stop the author's words (`Қашан? — деп
            // сұрады`), after a colon a quotation (`деді: — Біз`).
            '-' | '–' | '—' => {
                let before = line[..line.len() - rest.len()].trim_end_matches([' ', '\t']);
                match before.chars().next_back() {
                    Some('.' | '!' | '?' | '…') => sentence_start = false,
                    Some(':') => sentence_start = true,
                    _ => {}
                }
            }
            // A straight quote not before a letter closes (`"Иә!" деді`).
            '"' if !rest[1..].chars().next().is_some_and(char::is_alphabetic) => {
                sentence_start = false
            }
            // An opening one before more than one word: a title or speech.
            '"' if opens_quote_of_words(&line[..line.len() - rest.len()], &rest[1..]) => {
                sentence_start = true
            }
            '"' | '(' | '\'' | '„' => {}
            _ => sentence_start = false,
        }
        rest = &rest[c.len_utf8()..];
    }
    parts
}

/// Whether a straight quote between `before` and `after` opens a quotation of more than one
/// word, as `to_cyrillic` reads it: at the line's start or after a space or a bracket, before
/// a word that a space follows.
fn opens_quote_of_words(before: &str, after: &str) -> bool {
    let opens = before
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || c == '(');
    let word = after
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after.len());
    opens && word > 0 && after[word..].starts_with(' ')
}

/// Harmony of a stem from its last vowel: back (`B`) or front (`F`); Russian surname endings
/// `-ев`, `-ов`, `-ёв` take the harmony of the vowel before them. The same rule as the
/// library's `lexicon::stem_harmony`.
fn harmony(stem: &str) -> Option<char> {
    let mut vowels = stem.chars().rev().filter(|c| {
        matches!(
            c,
            'а' | 'о' | 'ұ' | 'ы' | 'я' | 'ё' | 'ә' | 'ө' | 'ү' | 'і' | 'е' | 'э' | 'и'
        )
    });
    let surname = stem.ends_with('в');
    let last = vowels.next()?;
    let vowel = match vowels.next() {
        Some(before) if surname && matches!(last, 'е' | 'о' | 'ё') => before,
        _ => last,
    };
    Some(match vowel {
        'а' | 'о' | 'ұ' | 'ы' | 'я' | 'ё' => 'B',
        _ => 'F',
    })
}

/// The ways to read `word` as a stem of at least `min_stem` letters that has a harmony and an
/// ending of at most [`MAX_CHAIN_LEN`] letters: (stem, its harmony, ending), shortest ending
/// last.
fn stem_splits(word: &str, min_stem: usize) -> impl Iterator<Item = (&str, char, &str)> {
    let letters = word.chars().count();
    word.char_indices()
        .enumerate()
        .skip(min_stem)
        .filter(move |&(k, _)| letters - k <= MAX_CHAIN_LEN)
        .filter_map(move |(_, (at, _))| {
            let (stem, rest) = word.split_at(at);
            Some((stem, harmony(stem)?, rest))
        })
}

/// Stems never seen as words of their own that at least [`MIN_INFERRED_ENDINGS`] word forms
/// share with different suffix chains (of two letters or more) of the stem's harmony (`бюджет`
/// from `бюджеттен`, `бюджетін`), or that a name shows before a chain that keeps names, its
/// forms mostly names (`Мысыр` from `Мысырдың`: names are rare, most seen in one form), of
/// at least [`MIN_INFERRED_STEM_LEN`] letters, sorted; each in the casing of its most
/// frequent form. They let the library analyse further forms of the same stem.
fn inferred_stems(
    words: &HashMap<String, WordStats>,
    chains: &[(char, String, usize)],
    after_names: &HashMap<(char, String), NameCase>,
) -> Vec<String> {
    let chain_set = chain_set(chains);
    let chain_stems: HashMap<(char, &str), usize> = chains
        .iter()
        .map(|(h, rest, stems)| ((*h, rest.as_str()), *stems))
        .collect();
    // stem -> its endings, whether a name has it before a chain that keeps names, and its
    // most frequent form with that form's count
    let mut stems: BTreeMap<&str, (BTreeSet<&str>, bool, &str, u32)> = BTreeMap::new();
    for (word, stats) in words {
        for (stem, h, rest) in stem_splits(word, MIN_INFERRED_STEM_LEN) {
            if words.contains_key(stem) {
                continue;
            }
            // One-letter endings (`-й`, `-а`) follow almost anything: no evidence of a stem.
            if rest.chars().count() >= 2 && chain_set.contains(&(h, rest)) {
                let entry = stems
                    .entry(stem)
                    .or_insert((BTreeSet::new(), false, word, 0));
                entry.0.insert(rest);
                if (stats.count, std::cmp::Reverse(word.as_str()))
                    > (entry.3, std::cmp::Reverse(entry.2))
                {
                    entry.2 = word;
                    entry.3 = stats.count;
                }
            }
        }
    }
    for (word, stats) in words {
        if stats.is_name(word) != Some(true) {
            continue;
        }
        if let Some(stem) = name_stem(word, &chain_stems, after_names) {
            if let Some(entry) = stems.get_mut(stem) {
                entry.1 = true;
            }
        }
    }
    stems
        .into_iter()
        .filter(|(_, (endings, of_a_name, form, _))| {
            endings.len() >= MIN_INFERRED_ENDINGS
                || (*of_a_name && words[*form].is_name(form) == Some(true))
        })
        .map(|(stem, (_, _, form, _))| {
            if words[form].is_name(form) == Some(true) {
                let mut chars = stem.chars();
                chars
                    .next()
                    .map(|first| first.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            } else {
                stem.to_owned()
            }
        })
        .collect()
}

/// The stem of a name (`Мысыр` of `Мысырдың`, `Толстой` of `Толстойдың`) before the most
/// productive chain of two or more letters that keeps names (`дың` rather than `ың` or
/// `йдың`), if that stem is no word of its own.
fn name_stem<'w>(
    name: &'w str,
    chain_stems: &HashMap<(char, &str), usize>,
    after_names: &HashMap<(char, String), NameCase>,
) -> Option<&'w str> {
    let (_, stem) = stem_splits(name, MIN_INFERRED_STEM_LEN)
        .filter_map(|(stem, h, rest)| {
            let keeps = after_names.get(&(h, rest.to_owned())) == Some(&NameCase::Keeps);
            let stems = chain_stems.get(&(h, rest)).filter(|_| keeps)?;
            (rest.chars().count() >= 2).then_some((*stems, stem))
        })
        .max()?;
    Some(stem)
}

/// What a suffix chain does to a name before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NameCase {
    /// The word stays a name (`Абай` + `дың`): `C`.
    Keeps,
    /// The word is a common one (`Америка` + `лық`, `Сыр` + `ласатын`... never seen): `l`.
    Lowers,
}

impl NameCase {
    fn code(self) -> char {
        match self {
            NameCase::Keeps => 'C',
            NameCase::Lowers => 'l',
        }
    }
}

/// For each suffix chain seen after capitalised stems (names), whether the words it makes of
/// them are mostly capitalised (`Абайдың`) or mostly lower case (`америкалық`, `қазақша`).
fn chains_after_names(
    words: &HashMap<String, WordStats>,
    chains: &[(char, String, usize)],
) -> HashMap<(char, String), NameCase> {
    let chain_set = chain_set(chains);
    let is_name = |word: &str| words.get(word)?.is_name(word);
    // (harmony, ending) -> [lower-case words, capitalised words] made of a name
    let mut counts: HashMap<(char, &str), [u32; 2]> = HashMap::new();
    for word in words.keys() {
        let Some(capital) = is_name(word) else {
            continue;
        };
        for (stem, h, rest) in stem_splits(word, MIN_STEM_LEN) {
            if chain_set.contains(&(h, rest)) && is_name(stem) == Some(true) {
                counts.entry((h, rest)).or_default()[usize::from(capital)] += 1;
            }
        }
    }
    counts
        .into_iter()
        .map(|((h, rest), [lower, capital])| {
            let case = if lower >= MIN_COMMON_WORDS_OF_NAMES && lower > capital {
                NameCase::Lowers
            } else {
                NameCase::Keeps
            };
            ((h, rest.to_owned()), case)
        })
        .collect()
}

/// The suffix chains of two or more letters that make names of the common words before them
/// (`бай`: `Тоқтарбай`, `көл`: `Алакөл`, `стан`): after the shortest lower-case word of the
/// corpus that a word starts with, seen at least [`MIN_NAME_MAKING_WORDS`] times in names and
/// at least [`NAME_MAKING_PERCENT`] % of the times.
fn chains_making_names(
    words: &HashMap<String, WordStats>,
    chains: &[(char, String, usize)],
) -> HashSet<(char, String)> {
    let chain_set = chain_set(chains);
    // (harmony, ending) -> [lower-case words, names] made of a common word
    let mut counts: HashMap<(char, &str), [u32; 2]> = HashMap::new();
    for (word, stats) in words {
        let Some(name) = stats.is_name(word) else {
            continue;
        };
        let split = stem_splits(word, MIN_STEM_LEN).find_map(|(stem, h, rest)| {
            let common = words.get(stem)?.is_name(stem) == Some(false);
            let known_chain = rest.chars().count() >= 2 && chain_set.contains(&(h, rest));
            (common && known_chain).then_some((h, rest))
        });
        if let Some(chain) = split {
            counts.entry(chain).or_default()[usize::from(name)] += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, [lower, names])| {
            *names >= MIN_NAME_MAKING_WORDS && names * 100 >= NAME_MAKING_PERCENT * (lower + names)
        })
        .map(|((h, rest), _)| (h, rest.to_owned()))
        .collect()
}

/// Suffix chains: (harmony, ending) -> number of different stems it follows.
fn suffix_chains(words: &HashMap<String, WordStats>) -> Vec<(char, String, usize)> {
    let stems: HashSet<&str> = words
        .iter()
        .filter(|(_, s)| s.count >= MIN_STEM_COUNT)
        .map(|(w, _)| w.as_str())
        .collect();
    let mut chains: HashMap<(char, String), HashSet<&str>> = HashMap::new();
    for word in words.keys() {
        for (stem, h, rest) in stem_splits(word, MIN_STEM_LEN) {
            if let Some(stem) = stems.get(stem) {
                chains.entry((h, rest.to_owned())).or_default().insert(stem);
            }
        }
    }
    let mut kept: Vec<(char, String, usize)> = chains
        .into_iter()
        .filter(|(_, stems)| stems.len() >= MIN_CHAIN_STEMS)
        .map(|((h, rest), stems)| (h, rest, stems.len()))
        .collect();
    kept.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| (a.0, &a.1).cmp(&(b.0, &b.1))));
    kept
}

/// The casing of a word in a pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Case {
    /// As the word's own casing gives it (no evidence in this pair).
    Own,
    Lower,
    Capital,
    AllCaps,
}

impl Case {
    /// The casing of a written word; `None` for mixed casings (`МакГрегор`), which a pair
    /// does not describe.
    fn of(word: &str) -> Option<Case> {
        let mut chars = word.chars();
        let first_upper = chars.next()?.is_uppercase();
        let rest: Vec<bool> = chars.map(char::is_uppercase).collect();
        match (
            first_upper,
            rest.iter().all(|&u| u),
            rest.iter().any(|&u| u),
        ) {
            (false, _, false) => Some(Case::Lower),
            (true, _, false) => Some(Case::Capital),
            (true, true, true) => Some(Case::AllCaps),
            _ => None,
        }
    }

    fn code(self) -> char {
        match self {
            Case::Own => '~',
            Case::Lower => 'l',
            Case::Capital => 'C',
            Case::AllCaps => 'U',
        }
    }
}

/// Two words (lower case) with one space between them, and the casing they take together.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct CasingPair {
    first: String,
    second: String,
    first_case: Case,
    second_case: Case,
}

/// The casings seen of each word of one pair.
#[derive(Default)]
struct PairStats {
    first: BTreeMap<Case, u32>,
    second: BTreeMap<Case, u32>,
}

/// The casing a strict majority of `seen` agrees on, seen at least `min_count` times.
fn majority(seen: &BTreeMap<Case, u32>, min_count: u32) -> Option<Case> {
    let total: u32 = seen.values().sum();
    seen.iter()
        .find(|(_, &count)| 2 * count > total && count >= min_count)
        .map(|(&case, _)| case)
}

/// The pairs whose casing differs from what the two words' own casings give.
fn casing_pairs(lines: &[&str], words: &HashMap<String, WordStats>) -> Vec<CasingPair> {
    let mut stats: HashMap<(String, String), PairStats> = HashMap::new();
    for line in lines {
        for ((first, first_place), (second, second_place), between) in neighbours(line) {
            if between != " " {
                continue;
            }
            let (lower_first, lower_second) = (first.to_lowercase(), second.to_lowercase());
            if !in_alphabet(&lower_first) || !in_alphabet(&lower_second) {
                continue;
            }
            let entry = stats.entry((lower_first, lower_second)).or_default();
            if let Some(case) = Case::of(first).filter(|_| !first_place.sentence_start) {
                *entry.first.entry(heading_case(case, first)).or_default() += 1;
            }
            if let Some(case) = Case::of(second).filter(|_| !second_place.sentence_start) {
                *entry.second.entry(heading_case(case, second)).or_default() += 1;
            }
        }
    }
    let own_case = |word: &str, after_capital: bool| own_case(words, word, after_capital);
    let mut pairs: Vec<CasingPair> = stats
        .into_iter()
        .filter_map(|((first, second), seen)| {
            let first_case = majority(&seen.first, MIN_PAIR_COUNT);
            let second_case = majority(&seen.second, MIN_PAIR_COUNT);
            let first_differs = first_case.is_some_and(|case| case != own_case(&first, false));
            let first_capital =
                first_case.unwrap_or_else(|| own_case(&first, false)) != Case::Lower;
            // After a lower-case word, the second word's capital belongs to what follows it
            // (`біз Орта Азия`), not to this pair.
            let second_case = second_case.filter(|_| first_capital);
            let second_differs =
                second_case.is_some_and(|case| case != own_case(&second, first_capital));
            (first_differs || second_differs).then(|| CasingPair {
                first_case: first_case.unwrap_or(Case::Own),
                second_case: second_case.unwrap_or(Case::Own),
                first,
                second,
            })
        })
        .collect();
    pairs.sort();
    pairs
}

/// The casing the lexicon gives a lower-case word on its own (`after_capital`: right after a
/// capitalised word).
fn own_case(words: &HashMap<String, WordStats>, word: &str, after_capital: bool) -> Case {
    match words.get(word).map(|s| s.casing(word)) {
        Some(Casing::Always(spelling)) => Case::of(&spelling).unwrap_or(Case::Own),
        Some(Casing::AfterCapital(spelling)) if after_capital => {
            Case::of(&spelling).unwrap_or(Case::Own)
        }
        _ => Case::Lower,
    }
}

/// Words cased by the word after them when no pair says more: lower-case words mostly
/// capitalised before a capitalised word (`Оңтүстік Америка`, `Ақ Орда`) -> `C`, and
/// capitalised words mostly in lower case before a lower-case word (`батыс жағалауы`) -> `l`.
fn casing_before(lines: &[&str], words: &HashMap<String, WordStats>) -> Vec<(String, Case)> {
    // lower-case word -> (its casings before a capitalised word, before a lower-case word)
    let mut seen: HashMap<String, [BTreeMap<Case, u32>; 2]> = HashMap::new();
    for line in lines {
        for ((first, place), (second, _), between) in neighbours(line) {
            if place.sentence_start || between != " " {
                continue;
            }
            let lower = first.to_lowercase();
            if !in_alphabet(&lower) {
                continue;
            }
            let (Some(case), Some(next)) = (Case::of(first), Case::of(second)) else {
                continue;
            };
            let before = usize::from(heading_case(next, second) == Case::Lower);
            *seen.entry(lower).or_default()[before]
                .entry(heading_case(case, first))
                .or_default() += 1;
        }
    }
    let mut before: Vec<(String, Case)> = seen
        .into_iter()
        .filter_map(|(word, [before_capital, before_lower])| {
            let own = own_case(words, &word, false);
            let case = match (
                own,
                majority(&before_capital, MIN_BEFORE_COUNT),
                majority(&before_lower, MIN_BEFORE_COUNT),
            ) {
                (Case::Lower, Some(Case::Capital), _) => Case::Capital,
                (Case::Capital, _, Some(Case::Lower)) => Case::Lower,
                _ => return None,
            };
            Some((word, case))
        })
        .collect();
    before.sort();
    before
}

/// Lower-case words after which the word before is mostly a name (`қаласы`, `ханның`:
/// `Имек қаласы`): seen at least [`MIN_HEAD_COUNT`] times after a word inside a sentence,
/// with one space between them, that word capitalised at least [`HEAD_NAME_PERCENT`] % of
/// the times. Sorted.
fn name_heads(lines: &[&str]) -> Vec<String> {
    // lower-case word -> [lower-case words before it, capitalised words before it]
    let mut seen: HashMap<&str, [u32; 2]> = HashMap::new();
    for line in lines {
        for ((first, place), (second, _), between) in neighbours(line) {
            if place.sentence_start || between != " " || !in_alphabet(second) {
                continue;
            }
            let before = match (Case::of(first), Case::of(second)) {
                (Some(Case::Lower), Some(Case::Lower)) => 0,
                (Some(Case::Capital), Some(Case::Lower)) => 1,
                _ => continue,
            };
            seen.entry(second).or_default()[before] += 1;
        }
    }
    let mut heads: Vec<String> = seen
        .into_iter()
        .filter(|(_, [lower, capital])| {
            let total = lower + capital;
            total >= MIN_HEAD_COUNT && capital * 100 >= HEAD_NAME_PERCENT * total
        })
        .map(|(word, _)| word.to_owned())
        .collect();
    heads.sort();
    heads
}

/// All capitals in a word that is no abbreviation are a heading's: lower case evidence.
fn heading_case(case: Case, word: &str) -> Case {
    if case == Case::AllCaps && !looks_like_abbreviation(&word.to_lowercase()) {
        Case::Lower
    } else {
        case
    }
}

/// Words of two or more letters (lower case, in the alphabet) after whose stop the next
/// word is mostly lower case: abbreviations (`млн. адам`), whose stop ends no sentence. Also
/// rarer ones (`респ. референдумда`): words cut short, the start of another word (`респ` of
/// `республика`), never seen without their stop, before a lower-case word at least as often
/// as before a capital.
fn abbreviation_stops(lines: &[&str], words: &HashMap<String, WordStats>) -> Vec<String> {
    // lower-case word -> (stops before a lower-case word, stops before a capital, stops)
    let mut seen: HashMap<String, (u32, u32, u32)> = HashMap::new();
    for line in lines {
        let parts = word_parts(line);
        for &(word, _) in &parts {
            if line[offset_in(line, word) + word.len()..].starts_with('.') {
                seen.entry(word.to_lowercase()).or_default().2 += 1;
            }
        }
        for ((word, _), (next, _), between) in neighbours_of(line, &parts) {
            if !between.starts_with('.') || !between[1..].chars().all(char::is_whitespace) {
                continue;
            }
            let counts = seen.entry(word.to_lowercase()).or_default();
            if next.chars().next().is_some_and(char::is_lowercase) {
                counts.0 += 1;
            } else {
                counts.1 += 1;
            }
        }
    }
    let mut sorted_words: Vec<&str> = words.keys().map(String::as_str).collect();
    sorted_words.sort_unstable();
    // Whether another word starts with `word` (`респ` of `республика`).
    let is_cut_short = |word: &str| {
        let after = sorted_words.partition_point(|w| *w <= word);
        sorted_words.get(after).is_some_and(|w| w.starts_with(word))
    };
    let mut stops: Vec<String> = seen
        .into_iter()
        .filter(|(word, _)| word.chars().count() >= 2 && in_alphabet(word))
        .filter(|&(ref word, (lower, upper, stops))| {
            let frequent = lower >= MIN_STOP_COUNT && lower >= STOP_LOWER_RATIO * upper;
            let only_before_a_stop = words.get(word).is_some_and(|w| w.count == stops);
            let cut_short =
                lower >= 1 && lower >= upper && only_before_a_stop && is_cut_short(word);
            frequent || cut_short
        })
        .map(|(word, _)| word)
        .collect();
    stops.sort();
    stops
}

/// A logistic regression model of whether a word the lexicon does not know is a name, over
/// the letter n-grams of the word (each counted once), in hundredths of a nat.
struct NameModel {
    /// Log-odds of a name before any n-gram.
    prior: i32,
    /// N-grams whose weight is not 0, sorted.
    grams: Vec<(String, i32)>,
}

/// The letter n-grams of a lower-case word with `^` before and `$` after it, each once.
fn name_grams(lower: &str) -> BTreeSet<String> {
    let marked: Vec<char> = std::iter::once('^')
        .chain(lower.chars())
        .chain(std::iter::once('$'))
        .collect();
    (NAME_GRAMS_MIN..=NAME_GRAMS_MAX)
        .flat_map(|n| {
            marked
                .windows(n)
                .map(|w| w.iter().collect::<String>())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Trains the name model on the rare words of the lexicon: names (capitalised inside
/// sentences) against lower-case words; all-caps words, words capitalised only inside names
/// and words of unknown case are left out. Logistic regression over the words' letter
/// n-grams (each counted once), fitted by stochastic gradient descent in a fixed order, so
/// that the weights are the same on every run (`f64::exp` is the platform's: a last-bit
/// difference elsewhere could at worst move a weight by one hundredth); weights in hundredths
/// of a nat. On the held-out lines it tells names from other words better than the naive
/// Bayes model it replaced (which overcounts overlapping n-grams): 95.82 -> 95.97 % case kept.
fn name_model(words: &HashMap<String, WordStats>) -> NameModel {
    let mut examples: Vec<(&str, bool)> = words
        .iter()
        .filter(|(lower, stats)| stats.count <= MAX_NAME_MODEL_COUNT && lower.chars().count() >= 2)
        .filter_map(|(lower, stats)| Some((lower.as_str(), stats.is_name(lower)?)))
        .collect();
    examples.sort_unstable();
    // The n-grams of at least MIN_NAME_GRAM_WORDS training words, numbered in order.
    let mut gram_words: BTreeMap<String, u32> = BTreeMap::new();
    let grams_of: Vec<BTreeSet<String>> = examples.iter().map(|(w, _)| name_grams(w)).collect();
    for grams in &grams_of {
        for gram in grams {
            *gram_words.entry(gram.clone()).or_default() += 1;
        }
    }
    let index: BTreeMap<&str, usize> = gram_words
        .iter()
        .filter(|&(_, &n)| n >= MIN_NAME_GRAM_WORDS)
        .enumerate()
        .map(|(at, (gram, _))| (gram.as_str(), at))
        .collect();
    let features: Vec<Vec<usize>> = grams_of
        .iter()
        .map(|grams| {
            grams
                .iter()
                .filter_map(|g| index.get(g.as_str()).copied())
                .collect()
        })
        .collect();
    let mut weights = vec![0.0f64; index.len()];
    let mut bias = 0.0f64;
    for epoch in 0..NAME_MODEL_EPOCHS {
        let rate = NAME_MODEL_RATE / (1.0 + epoch as f64);
        for (features, &(_, name)) in features.iter().zip(&examples) {
            let z = bias + features.iter().map(|&f| weights[f]).sum::<f64>();
            let error = 1.0 / (1.0 + (-z).exp()) - f64::from(u8::from(name));
            bias -= rate * error;
            for &f in features {
                weights[f] -= rate * (error + NAME_MODEL_L2 * weights[f]);
            }
        }
    }
    let hundredths = |w: f64| (100.0 * w).round() as i32;
    let grams = index
        .iter()
        .map(|(gram, &at)| (gram.to_string(), hundredths(weights[at])))
        .filter(|&(_, w)| w != 0)
        .collect();
    NameModel {
        prior: hundredths(bias),
        grams,
    }
}

/// Whether a lower-case word is written in Kazakh Cyrillic letters only.
fn in_alphabet(lower: &str) -> bool {
    lower.chars().all(|c| ALPHABET.contains(c))
}

/// The stems of a hunspell dictionary (`stem/FLAGS` lines after a count) in the alphabet and
/// not among the corpus' `words`, in the dictionary's order and casing: lower case for common
/// words, capitalised for names (`Абай`).
fn dictionary_words(hunspell: &str, words: &HashMap<String, WordStats>) -> Vec<String> {
    let mut seen = HashSet::new();
    hunspell
        .trim_start_matches('\u{FEFF}')
        .lines()
        .skip(1)
        .filter_map(|line| {
            let stem = line.split('/').next()?.trim();
            let lower = stem.to_lowercase();
            let new = stem.chars().count() >= 2
                && in_alphabet(&lower)
                && !words.contains_key(&lower)
                && seen.insert(lower);
            new.then(|| stem.to_owned())
        })
        .collect()
}

/// The text of `data/dictionary.txt`.
fn render_dictionary(source: &str, stems: &[String]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# generated by tools/lexgen from {source} (hunspell-kk 1.1), do not edit."
    );
    out.push_str("# Data licence: MPL 1.1 (hunspell-kk is tri-licensed GPL/LGPL/MPL; taken under MPL 1.1),\n");
    out.push_str("#   see data/LICENSE-DATA.md and third_party/hunspell-kk/.\n");
    out.push_str(
        "# Regenerate: cargo run --release -p lexgen -- ../shared/corpus/dev-cyrillic.txt\n",
    );
    out.push_str("# The dictionary's stems that the corpus lexicon does not have, in its order: lower-case\n");
    out.push_str(
        "#   common words (the corpus decides nothing about their case) and capitalised names.\n",
    );
    for stem in stems {
        out.push_str(stem);
        out.push('\n');
    }
    out
}

/// Each two neighbouring word parts of a line, with the text between them.
fn neighbours(line: &str) -> Vec<(WordPart<'_>, WordPart<'_>, &str)> {
    neighbours_of(line, &word_parts(line))
}

/// [`neighbours`] of the word parts of `line` already read ([`word_parts`]).
fn neighbours_of<'a>(
    line: &'a str,
    parts: &[WordPart<'a>],
) -> Vec<(WordPart<'a>, WordPart<'a>, &'a str)> {
    parts
        .windows(2)
        .map(|pair| {
            let (first, second) = (pair[0], pair[1]);
            let end = offset_in(line, first.0) + first.0.len();
            (first, second, &line[end..offset_in(line, second.0)])
        })
        .collect()
}

/// Byte offset of `part`, a slice of `line`, in `line`.
fn offset_in(line: &str, part: &str) -> usize {
    part.as_ptr() as usize - line.as_ptr() as usize
}

#[allow(clippy::too_many_arguments)]
fn render(
    corpus: &str,
    words: &HashMap<String, WordStats>,
    inferred: &[String],
    chains: &[(char, String, usize)],
    after_names: &HashMap<(char, String), NameCase>,
    name_making: &HashSet<(char, String)>,
    pairs: &[CasingPair],
    before: &[(String, Case)],
    heads: &[String],
    stops: &[String],
    names: &NameModel,
) -> String {
    let mut sorted: Vec<(&String, &WordStats)> = words.iter().collect();
    sorted.sort_by(|(a, sa), (b, sb)| sb.count.cmp(&sa.count).then_with(|| a.cmp(b)));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# generated by tools/lexgen from {corpus} (training split: lines whose 1-based number is not a multiple of {HELD_OUT_EVERY}), do not edit."
    );
    out.push_str("# Data licence: CC BY-SA 4.0, adapted from the DEV corpus; attribution in data/LICENSE-DATA.md.\n");
    out.push_str(
        "# Regenerate: cargo run --release -p lexgen -- ../shared/corpus/dev-cyrillic.txt\n",
    );
    out.push_str(
        "# [words]: one word form per line, most frequent first, in its casing inside sentences;\n#   then the stems never seen alone that several forms share (`бюджет` from `бюджеттен`, `бюджеті`)\n#   or that a name has before a chain that keeps names (`Мысыр` from `Мысырдың`).\n",
    );
    out.push_str("# [suffixes]: harmony of the stem (B back, F front), TAB, the ending; most productive first;\n#   then, for endings seen after names, TAB, C (the word stays a name) or l (it is lower case)\n#   or - (not seen after names); then TAB N for endings that make names of common words (`бай`).\n");
    out.push_str("# [pairs]: two words in lower case, TAB, the casing of each (l lower, C capital, U all capitals,\n#   ~ as the word's own casing gives it), for words with one space between them.\n");
    out.push_str("# [before]: a word, TAB, C (capitalised before a capitalised word) or l (lower case\n#   before a lower-case word), where no pair says more.\n");
    out.push_str("# [names]: logistic regression log-odds (in hundredths) that a word is a name: the prior,\n#   then each letter n-gram (^ word start, $ word end) whose weight is not 0, TAB, weight.\n");
    out.push_str(
        "# [heads]: lower-case words after which the word before is mostly a name (`қаласы`).\n",
    );
    out.push_str("# [stops]: words of two or more letters whose stop ends no sentence (abbreviations: `млн.`).\n");
    out.push_str("[words]\n");
    for (lower, stats) in sorted {
        match stats.casing(lower) {
            Casing::Always(spelling) => out.push_str(&spelling),
            Casing::AfterCapital(spelling) => {
                out.push_str(&spelling);
                out.push_str("\t^");
            }
            Casing::Open(spelling) => {
                out.push_str(&spelling);
                out.push_str("\t?");
            }
        }
        out.push('\n');
    }
    for stem in inferred {
        out.push_str(stem);
        out.push('\n');
    }
    out.push_str("[suffixes]\n");
    for (h, rest, _) in chains {
        let chain = (*h, rest.clone());
        match (after_names.get(&chain), name_making.contains(&chain)) {
            (after_name, true) => {
                let code = after_name.map_or('-', |case| case.code());
                let _ = writeln!(out, "{h}\t{rest}\t{code}\tN");
            }
            (Some(case), false) => {
                let _ = writeln!(out, "{h}\t{rest}\t{}", case.code());
            }
            (None, false) => {
                let _ = writeln!(out, "{h}\t{rest}");
            }
        }
    }
    out.push_str("[pairs]\n");
    for pair in pairs {
        let _ = writeln!(
            out,
            "{} {}\t{}{}",
            pair.first,
            pair.second,
            pair.first_case.code(),
            pair.second_case.code()
        );
    }
    out.push_str("[before]\n");
    for (word, case) in before {
        let _ = writeln!(out, "{word}\t{}", case.code());
    }
    out.push_str("[heads]\n");
    for head in heads {
        out.push_str(head);
        out.push('\n');
    }
    out.push_str("[stops]\n");
    for stop in stops {
        out.push_str(stop);
        out.push('\n');
    }
    out.push_str("[names]\n");
    let _ = writeln!(out, "(prior)\t{}", names.prior);
    for (gram, weight) in &names.grams {
        let _ = writeln!(out, "{gram}\t{weight}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether each word part of `line` starts a sentence.
    fn sentence_starts(line: &str) -> Vec<bool> {
        word_parts(line)
            .iter()
            .map(|p| p.1.sentence_start)
            .collect()
    }

    #[test]
    fn sentence_starts_are_not_casing_evidence() {
        assert_eq!(
            sentence_starts("Бұл Қазақстан. Ол «Амана» - бар! Іс-шара"),
            [true, false, true, true, false, true, false]
        );
    }

    fn spelling(casing: Casing) -> String {
        match casing {
            Casing::Always(s) => s,
            Casing::AfterCapital(s) => format!("{s}^"),
            Casing::Open(s) => format!("{s}?"),
        }
    }

    #[test]
    fn a_dash_after_a_stop_continues_the_sentence_after_a_colon_starts_one() {
        assert_eq!(
            sentence_starts("— Қашан? — деп сұрады: — Біз"),
            [true, false, false, true]
        );
        // A closing straight quote ends what the stop was inside.
        assert_eq!(
            sentence_starts("Ол \"Иә!\" деді. \"Біз"),
            [true, false, false, true]
        );
        // A straight quote opens speech before several words, a term before one.
        assert_eq!(
            sentence_starts("ол \"Аққан жұлдыз\" және \"жүрек\" деп"),
            [true, true, false, false, false, false]
        );
    }

    #[test]
    fn words_seen_only_at_sentence_starts_have_an_open_case() {
        let words = count_words(&["Мағауияның өлімі.", "Бұл Мағауия, ол келді.", "Ол келді"]);
        assert_eq!(
            spelling(words["мағауияның"].casing("мағауияның")),
            "мағауияның?"
        );
        assert_eq!(spelling(words["мағауия"].casing("мағауия")), "Мағауия");
        assert_eq!(spelling(words["ол"].casing("ол")), "ол");
    }

    #[test]
    fn casing_is_taken_inside_sentences() {
        let words = count_words(&["Бұл жер.", "Бұл Алматы.", "Біз Алматыда бұл жерде"]);
        assert_eq!(spelling(words["бұл"].casing("бұл")), "бұл");
        assert_eq!(spelling(words["алматы"].casing("алматы")), "Алматы");
    }

    #[test]
    fn words_capitalised_only_inside_names_are_marked() {
        let words = count_words(&[
            "Біз Ұлттар Ұйымының мүшесі, ал ол ұйымының басшысы.",
            "Бұл Ұлттар Ұйымының шешімі.",
            "Ол Қасым-Жомарт деді.",
            "Ол жомарт адам.",
            "Біз Нұрсұлтан Назарбаев туралы.",
            "Ол Рейн-Неккар-Аренада ойнады.",
        ]);
        assert_eq!(spelling(words["ұйымының"].casing("ұйымының")), "Ұйымының^");
        // Seen only as a later part of a hyphenated name: capitalised only there.
        assert_eq!(spelling(words["аренада"].casing("аренада")), "Аренада^");
        assert_eq!(spelling(words["жомарт"].casing("жомарт")), "Жомарт^");
        assert_eq!(
            spelling(words["назарбаев"].casing("назарбаев")),
            "Назарбаев"
        );
    }

    #[test]
    fn pairs_are_kept_where_their_casing_differs_from_the_words_own() {
        let lines = [
            "Біз Орта Азия елдері, орта мектеп, орта буын.",
            "Ол Орта Азия туралы.",
            "Біз жақсы адам, жақсы адам.",
        ];
        let words = count_words(&lines);
        let pairs = casing_pairs(&lines, &words);
        let described: Vec<String> = pairs
            .iter()
            .map(|p| {
                let (a, b) = (p.first_case.code(), p.second_case.code());
                format!("{} {} {a}{b}", p.first, p.second)
            })
            .collect();
        // `орта` is lower case on its own, `Азия` always capitalised: only `Орта` differs.
        assert_eq!(described, ["орта азия CC"]);
    }

    #[test]
    fn words_mostly_capitalised_before_a_name_are_listed() {
        let lines = [
            "Біз Оңтүстік Америка, Оңтүстік Африка, оңтүстік жақ, оңтүстік жел.",
            "Ол Батыс жағалау, батыс жағалау, батыс жел, Батыс Қазақстан, Батыс Еуропа.",
        ];
        let words = count_words(&lines);
        let before = casing_before(&lines, &words);
        let described: Vec<String> = before
            .iter()
            .map(|(word, case)| format!("{word} {}", case.code()))
            .collect();
        assert_eq!(described, ["батыс l", "оңтүстік C"]);
    }

    #[test]
    fn chains_after_names_tell_names_from_common_words() {
        let words = count_words(&[
            "Біз Америка, Америкада, америкалық, америкалық, Абай, Абайдың жолы.",
            "Біз Абайлық ғой.",
        ]);
        let chains = vec![
            ('B', "да".to_owned(), 3),
            ('B', "лық".to_owned(), 3),
            ('B', "дың".to_owned(), 3),
        ];
        let after_names = chains_after_names(&words, &chains);
        assert_eq!(after_names[&('B', "да".to_owned())], NameCase::Keeps);
        assert_eq!(after_names[&('B', "дың".to_owned())], NameCase::Keeps);
        // One lower-case word (`америкалық`, however often) against one capitalised
        // (`Абайлық`): not enough to lower; two lower-case words are.
        assert_eq!(after_names[&('B', "лық".to_owned())], NameCase::Keeps);
        let words = count_words(&["Біз Америка, америкалық, Абай, абайлық ғой."]);
        let after_names = chains_after_names(&words, &chains);
        assert_eq!(after_names[&('B', "лық".to_owned())], NameCase::Lowers);
    }

    #[test]
    fn words_mostly_after_names_are_heads() {
        let lines = [
            "Біз Имек қаласы, Алматы қаласы, Тараз қаласы, Шу қаласы, Орал қаласы, үлкен қаласы.",
            "Біз Алматы үлкен, Тараз үлкен, Шу үлкен, ол үлкен, бұл үлкен, сол үлкен.",
            // A sentence start is no evidence.
            "Қаласы жақсы.",
        ];
        // `қаласы`: five capitalised words of six before it; `үлкен`: three of six.
        assert_eq!(name_heads(&lines), ["қаласы"]);
    }

    #[test]
    fn chains_seen_mostly_in_names_made_of_common_words_make_names() {
        let words = count_words(&[
            "Біз тоқтар, ақыл, нысан, жұмыс жұмысбай жұмысшы, Тоқтарбай, Ақылбай, Нысанбай.",
            "Біз тоқтаршы ақылшы нысанша Тоқтарда.",
        ]);
        let chains = vec![
            ('B', "бай".to_owned(), 3),
            ('B', "шы".to_owned(), 3),
            ('B', "ша".to_owned(), 3),
            ('B', "да".to_owned(), 3),
        ];
        let made = chains_making_names(&words, &chains);
        // `бай` makes three names of four words; `шы` none; `да` one word, a name, too few.
        assert_eq!(made, HashSet::from([('B', "бай".to_owned())]));
    }

    #[test]
    fn stems_shared_by_several_forms_are_inferred() {
        let words = count_words(&[
            "Біз жұмыс жұмыс жұмыстан жұмысқа жұмыстар, жұмыстардан жұмыстарға.",
            "Ол бюджеттен бюджетке бюджетте.",
            "Біз қала қаладан қалаға қаланы, қалада.",
        ]);
        let chains = vec![
            ('B', "тан".to_owned(), 3),
            ('B', "ға".to_owned(), 3),
            ('F', "тен".to_owned(), 3),
            ('F', "ке".to_owned(), 3),
        ];
        // `бюджет` is never seen alone; `жұмыстар` is; `қал` is too short.
        assert_eq!(inferred_stems(&words, &chains, &HashMap::new()), ["бюджет"]);
    }

    #[test]
    fn a_name_before_a_chain_that_keeps_names_gives_its_stem() {
        let words = count_words(&["Біз Мысырдың жерін, Мысырдың және Ақмоланың жұмыстарға."]);
        let chains = vec![('B', "дың".to_owned(), 3), ('B', "ның".to_owned(), 3)];
        let mut after_names = HashMap::new();
        after_names.insert(('B', "дың".to_owned()), NameCase::Keeps);
        after_names.insert(('B', "ның".to_owned()), NameCase::Lowers);
        // `Ақмола` is seen before a chain that makes common words of names only.
        assert_eq!(inferred_stems(&words, &chains, &after_names), ["Мысыр"]);
    }

    #[test]
    fn a_stop_mostly_followed_by_lower_case_is_an_abbreviations() {
        let lines = [
            "Ол 5 млн. адам.",
            "Тағы 3 млн. теңге. Біз келдік.",
            "Ол 7 млн. адам.",
            "Біз. Ол келді.",
        ];
        assert_eq!(abbreviation_stops(&lines, &count_words(&lines)), ["млн"]);
    }

    #[test]
    fn a_word_cut_short_and_seen_only_before_its_stop_is_an_abbreviation() {
        let lines = [
            "Республика құрылды. Респ. референдумда қабылданды.",
            // `біз` is seen without its stop, `жаз` starts no other word.
            "Біз. біз келдік. Жаз. жақсы болды.",
            "Бізге келді.",
        ];
        assert_eq!(abbreviation_stops(&lines, &count_words(&lines)), ["респ"]);
    }

    #[test]
    fn harmony_follows_the_last_vowel() {
        assert_eq!(harmony("экономика"), Some('B'));
        assert_eq!(harmony("президент"), Some('F'));
        assert_eq!(harmony("оқу"), Some('B'));
    }
}
