//! The `mediawiki` style against MediaWiki's Kazakh converter: the Cyrillic column of each
//! pair file of `fixtures/mediawiki/` (the converter's `kk-arab` output, made outside the
//! project, see the README there) written with `Style::Mediawiki` must be the tote column
//! byte for byte, line by line.

use kazakh_script::{to_arabic, Style};

/// The pair files: name and text.
const PAIR_FILES: [(&str, &str); 2] = [
    (
        "fixtures/mediawiki/kk-arab.heldout.tsv",
        include_str!("../fixtures/mediawiki/kk-arab.heldout.tsv"),
    ),
    (
        "fixtures/mediawiki/kk-arab.golden.tsv",
        include_str!("../fixtures/mediawiki/kk-arab.golden.tsv"),
    ),
];

/// Undoes the escaping of a column (`\t`, `\\`).
fn unescape(column: &str) -> String {
    let mut out = String::with_capacity(column.len());
    let mut chars = column.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some('t')) => {
                out.push('\t');
                chars.next();
            }
            ('\\', Some('\\')) => {
                out.push('\\');
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

#[test]
fn mediawiki_style_writes_what_mediawiki_writes() {
    let (mut lines, mut words, mut same_words) = (0, 0, 0);
    let mut failures = Vec::new();
    for (name, text) in PAIR_FILES {
        for (number, line) in text.lines().enumerate() {
            let Some((cyrillic, tote)) = line.split_once('\t') else {
                panic!("{name}:{}: no tab", number + 1);
            };
            let (cyrillic, tote) = (unescape(cyrillic), unescape(tote));
            let written = to_arabic(&cyrillic, Style::Mediawiki);
            lines += 1;
            let expected_words: Vec<&str> = tote.split_whitespace().collect();
            words += expected_words.len();
            same_words += written
                .split_whitespace()
                .zip(&expected_words)
                .filter(|(got, expected)| got == *expected)
                .count();
            if written != tote {
                failures.push(format!(
                    "{name}:{}\n  input:    {cyrillic}\n  expected: {tote}\n  got:      {written}",
                    number + 1
                ));
            }
        }
    }
    eprintln!(
        "mediawiki: {} of {lines} lines identical, {same_words} of {words} words",
        lines - failures.len()
    );
    assert!(lines > 1000, "{lines} lines");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
