//! Word-level accuracy of a conversion against a reference text, compared word by word: the
//! round trip Cyrillic -> tote -> Cyrillic against the original, or one column of a pair
//! file converted and compared with the other column.
//!
//! Shared by `tests/accuracy.rs` and `examples/accuracy.rs` (included with `#[path]`); it has
//! no tests of its own.
//!
//! * **Words** are maximal runs of letters ([`char::is_alphabetic`]), keeping a hyphen that
//!   stands between two letters (`Қасым-Жомарт`, `сондай-ақ` are one word). Digits and
//!   punctuation are not words, so `2019-жылы` yields `жылы`.
//! * **Alignment** is per line (per pair for pair files, whatever line breaks a column holds). When the original and the produced line have the same number
//!   of words they are compared position by position; otherwise the lower-cased words are
//!   aligned by a longest common subsequence, and each original word outside it is an error.
//!   Unmatched stretches between two matches are paired like `difflib` opcodes: position by
//!   position when both sides have the same length, otherwise as one multi-word pair
//!   (`қр сім -> қрсім`) that counts once in the error pairs but once per original word in
//!   the totals. If the two texts have different numbers of lines, the whole text is aligned
//!   as one line.
//! * **Right, case ignored**: the produced word equals the original after lower-casing.
//!   **Right, case kept**: it equals it exactly. Error pairs are recorded lower-cased, so a
//!   word wrong only in case is not an error pair. Tote has no case, so comparing tote
//!   words gives the same figure both ways.

#![allow(dead_code)]

use std::collections::HashMap;

use kazakh_script::{Converter, Script};

/// Word counts of one comparison; add several with [`Accuracy::add`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Accuracy {
    /// Words in the original text.
    pub words: usize,
    /// Original words reproduced with case ignored.
    pub right_ignoring_case: usize,
    /// Original words reproduced exactly, case included.
    pub right_with_case: usize,
    /// Produced words aligned to no original word (insertions; not counted in `words`).
    pub extra_words: usize,
    /// Error pairs `(original, produced)`, lower-cased, with their number of occurrences.
    /// `produced` is empty when an original word has no counterpart.
    pub errors: HashMap<(String, String), usize>,
    /// Words right only with case ignored, as `(original, produced)` with their case, and
    /// their number of occurrences.
    pub case_errors: HashMap<(String, String), usize>,
}

impl Accuracy {
    /// Original words reproduced with case ignored, in percent of [`Accuracy::words`].
    pub fn percent_ignoring_case(&self) -> f64 {
        percent(self.right_ignoring_case, self.words)
    }

    /// Original words reproduced exactly, in percent of [`Accuracy::words`].
    pub fn percent_with_case(&self) -> f64 {
        percent(self.right_with_case, self.words)
    }

    /// Original words not reproduced even with case ignored.
    pub fn wrong(&self) -> usize {
        self.words - self.right_ignoring_case
    }

    /// The `n` most common error pairs, most common first (ties: alphabetical).
    pub fn top_errors(&self, n: usize) -> Vec<(&str, &str, usize)> {
        top_pairs(&self.errors, n)
    }

    /// The `n` most common words wrong only in case, most common first (ties: alphabetical).
    pub fn top_case_errors(&self, n: usize) -> Vec<(&str, &str, usize)> {
        top_pairs(&self.case_errors, n)
    }

    /// Adds the counts of `other` to these.
    pub fn add(&mut self, other: &Accuracy) {
        self.words += other.words;
        self.right_ignoring_case += other.right_ignoring_case;
        self.right_with_case += other.right_with_case;
        self.extra_words += other.extra_words;
        for (pair, count) in &other.errors {
            *self.errors.entry(pair.clone()).or_insert(0) += count;
        }
        for (pair, count) in &other.case_errors {
            *self.case_errors.entry(pair.clone()).or_insert(0) += count;
        }
    }

    fn record_error(&mut self, original: String, produced: String) {
        *self.errors.entry((original, produced)).or_insert(0) += 1;
    }

    fn record_case_error(&mut self, original: &str, produced: &str) {
        *self
            .case_errors
            .entry((original.to_owned(), produced.to_owned()))
            .or_insert(0) += 1;
    }
}

fn top_pairs(map: &HashMap<(String, String), usize>, n: usize) -> Vec<(&str, &str, usize)> {
    let mut pairs: Vec<(&str, &str, usize)> = map
        .iter()
        .map(|((original, produced), &count)| (original.as_str(), produced.as_str(), count))
        .collect();
    pairs.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| (a.0, a.1).cmp(&(b.0, b.1))));
    pairs.truncate(n);
    pairs
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// Converts Cyrillic `text` to tote and back with `converter` and scores the result against
/// `text`.
pub fn round_trip_accuracy(text: &str, converter: &Converter) -> Accuracy {
    let arabic = converter.to_arabic(text);
    let back = converter.to_cyrillic(&arabic);
    compare(text, &back)
}

/// Converts one column of each `(cyrillic, tote)` pair to `target` with `converter` and scores
/// it against the other column, the reference: the tote column read as Cyrillic for
/// [`Script::Cyrillic`], the Cyrillic column written as tote for [`Script::Arabic`]. Each pair
/// is aligned on its own.
pub fn pairs_accuracy<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    target: Script,
    converter: &Converter,
) -> Accuracy {
    let mut accuracy = Accuracy::default();
    for (cyrillic, tote) in pairs {
        let (reference, produced) = match target {
            Script::Cyrillic => (cyrillic, converter.to_cyrillic(tote)),
            Script::Arabic => (tote, converter.to_arabic(cyrillic)),
        };
        compare_words(&words(reference), &words(&produced), &mut accuracy);
    }
    accuracy
}

/// Scores `produced` against `original`, line by line.
pub fn compare(original: &str, produced: &str) -> Accuracy {
    let mut accuracy = Accuracy::default();
    if original.lines().count() == produced.lines().count() {
        for (o, p) in original.lines().zip(produced.lines()) {
            compare_words(&words(o), &words(p), &mut accuracy);
        }
    } else {
        compare_words(&words(original), &words(produced), &mut accuracy);
    }
    accuracy
}

/// The words of `text`: maximal letter runs with internal hyphens.
pub fn words(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (k, &(at, c)) in chars.iter().enumerate() {
        let in_word = c.is_alphabetic()
            || (is_hyphen(c)
                && start.is_some()
                && chars
                    .get(k + 1)
                    .is_some_and(|&(_, next)| next.is_alphabetic()));
        match (in_word, start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                out.push(&text[from..at]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        out.push(&text[from..]);
    }
    out
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Aligns the words of one line and adds the outcome to `accuracy`.
fn compare_words(original: &[&str], produced: &[&str], accuracy: &mut Accuracy) {
    accuracy.words += original.len();
    if original.len() == produced.len() {
        for (o, p) in original.iter().zip(produced) {
            compare_pair(o, p, accuracy);
        }
        return;
    }
    let original_lower: Vec<String> = original.iter().map(|w| w.to_lowercase()).collect();
    let produced_lower: Vec<String> = produced.iter().map(|w| w.to_lowercase()).collect();
    let matches = lcs(&original_lower, &produced_lower);
    let (mut i, mut j) = (0, 0);
    for (mi, mj) in matches
        .into_iter()
        .chain(std::iter::once((original.len(), produced.len())))
    {
        // the unmatched stretch original[i..mi] against produced[j..mj]
        let (gap_o, gap_p) = (mi - i, mj - j);
        if gap_o == gap_p {
            for k in 0..gap_o {
                compare_pair(original[i + k], produced[j + k], accuracy);
            }
        } else {
            if gap_o > 0 {
                accuracy.record_error(
                    original_lower[i..mi].join(" "),
                    produced_lower[j..mj].join(" "),
                );
            }
            accuracy.extra_words += gap_p.saturating_sub(gap_o);
        }
        if mi < original.len() {
            // a match: equal when lower-cased
            accuracy.right_ignoring_case += 1;
            if original[mi] == produced[mj] {
                accuracy.right_with_case += 1;
            } else {
                accuracy.record_case_error(original[mi], produced[mj]);
            }
        }
        (i, j) = (mi + 1, mj + 1);
    }
}

fn compare_pair(original: &str, produced: &str, accuracy: &mut Accuracy) {
    if original == produced {
        accuracy.right_ignoring_case += 1;
        accuracy.right_with_case += 1;
        return;
    }
    let (o, p) = (original.to_lowercase(), produced.to_lowercase());
    if o == p {
        accuracy.right_ignoring_case += 1;
        accuracy.record_case_error(original, produced);
    } else {
        accuracy.record_error(o, p);
    }
}

/// Index pairs of a longest common subsequence of `a` and `b`, in increasing order.
fn lcs(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
    // common prefix and suffix are matched directly, the middle by dynamic programming
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let (n, m) = (a_mid.len(), b_mid.len());
    // table[i][j]: LCS length of a_mid[i..] and b_mid[j..]
    let width = m + 1;
    let mut table = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i * width + j] = if a_mid[i] == b_mid[j] {
                table[(i + 1) * width + j + 1] + 1
            } else {
                table[(i + 1) * width + j].max(table[i * width + j + 1])
            };
        }
    }
    let mut pairs: Vec<(usize, usize)> = (0..prefix).map(|k| (k, k)).collect();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a_mid[i] == b_mid[j] {
            pairs.push((prefix + i, prefix + j));
            i += 1;
            j += 1;
        } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs.extend((0..suffix).map(|k| (a.len() - suffix + k, b.len() - suffix + k)));
    pairs
}
