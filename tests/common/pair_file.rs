//! Reading pair files: one `cyrillic<TAB>tote` pair per line, the format that
//! `convert --pairs tsv` writes and `fixtures/mediawiki/*.tsv` use.
//!
//! Shared by `tests/accuracy.rs` and `examples/accuracy.rs` (included with `#[path]`). In
//! each column a backslash is written `\\`, a tab `\t`, a carriage return `\r` and a line feed
//! `\n`; any other backslash sequence is an error. Empty lines are skipped.

#![allow(dead_code)]

/// One line of a pair file: the Cyrillic text and its tote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    /// The first column.
    pub cyrillic: String,
    /// The second column.
    pub tote: String,
}

/// Reads every pair of `text`, the content of a pair file; the error names the first bad
/// line (counted from 1).
pub fn parse_pairs(text: &str) -> Result<Vec<Pair>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.is_empty())
        .map(|(index, line)| {
            parse_pair(line).map_err(|error| format!("line {}: {error}", index + 1))
        })
        .collect()
}

/// Reads one line `cyrillic<TAB>tote`.
fn parse_pair(line: &str) -> Result<Pair, String> {
    let mut columns = line.split('\t');
    let (Some(cyrillic), Some(tote), None) = (columns.next(), columns.next(), columns.next())
    else {
        return Err("expected two columns separated by one tab".to_owned());
    };
    Ok(Pair {
        cyrillic: unescape(cyrillic)?,
        tote: unescape(tote)?,
    })
}

/// Undoes the escapes `\\`, `\t`, `\r` and `\n` of one column.
fn unescape(field: &str) -> Result<String, String> {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next() {
            Some('\\') => '\\',
            Some('t') => '\t',
            Some('r') => '\r',
            Some('n') => '\n',
            Some(other) => return Err(format!("unknown escape \\{other}")),
            None => return Err("a backslash ends the column".to_owned()),
        });
    }
    Ok(out)
}
