//! `--pairs`: one record per input line, the line and its conversion as
//! [`kazakh_script::fixtures::Pairs`] gives them, in JSON Lines or TSV.

use std::io::{self, BufReader, Write};

use kazakh_script::fixtures::Pairs;
use kazakh_script::{Converter, InvalidUtf8Error, Script, Utf8Mode};

use crate::args::PairsFormat;
use crate::conversion::Plan;
use crate::error::{Error, Location};
use crate::limits::BUFFER_BYTES;
use crate::sources::Source;

/// Writes a `--pairs` record for each line of the input, as [`Pairs`] reads and converts
/// the lines one at a time (only the line at hand is in memory).
pub(crate) fn write_pairs<W: Write>(
    source: Source,
    format: PairsFormat,
    plan: Plan,
    utf8: Utf8Mode,
    out: &mut W,
    output: &Location,
) -> Result<(), Error> {
    let location = source.location.clone();
    let converter = Converter::new(plan.style);
    let reader = BufReader::with_capacity(BUFFER_BYTES, source.reader());
    let pairs = match plan.target {
        Script::Arabic => Pairs::from_cyrillic(reader, converter),
        Script::Cyrillic => Pairs::from_arabic(reader, converter),
    }
    .utf8_mode(utf8);
    let script = pairs.source();
    for pair in pairs {
        let pair = pair.map_err(|error| read_error(&location, error))?;
        let (line, converted) = match script {
            Script::Cyrillic => (&pair.cyrillic, &pair.arabic),
            Script::Arabic => (&pair.arabic, &pair.cyrillic),
        };
        write_record(out, format, script, line, converted).map_err(|e| Error::io(output, e))?;
    }
    out.flush().map_err(|e| Error::io(output, e))
}

/// The error of reading the input named `location`: invalid UTF-8 as such, else I/O.
fn read_error(location: &Location, error: io::Error) -> Error {
    match error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<InvalidUtf8Error>())
    {
        Some(invalid) => Error::invalid_utf8(location, invalid.clone()),
        None => Error::io(location, error),
    }
}

/// Writes one `--pairs` record; `source` is the script of `line`.
pub(crate) fn write_record(
    out: &mut impl Write,
    format: PairsFormat,
    source: Script,
    line: &str,
    converted: &str,
) -> io::Result<()> {
    match format {
        PairsFormat::Jsonl => {
            // serde_json without preserve_order would sort the keys: the object is written
            // by hand, source first, each string by serde_json.
            write!(out, "{{\"{}\":", source.name())?;
            serde_json::to_writer(&mut *out, line)?;
            write!(out, ",\"{}\":", source.other().name())?;
            serde_json::to_writer(&mut *out, converted)?;
            out.write_all(b"}\n")
        }
        PairsFormat::Tsv => {
            write_tsv_field(out, line)?;
            out.write_all(b"\t")?;
            write_tsv_field(out, converted)?;
            out.write_all(b"\n")
        }
    }
}

/// A TSV field: `\` as `\\`, tab as `\t`, CR as `\r` (lines never contain LF).
pub(crate) fn write_tsv_field(out: &mut impl Write, field: &str) -> io::Result<()> {
    let mut rest = field;
    while let Some(at) = rest.find(['\\', '\t', '\r', '\n']) {
        out.write_all(&rest.as_bytes()[..at])?;
        let escape: &[u8] = match rest.as_bytes()[at] {
            b'\\' => b"\\\\",
            b'\t' => b"\\t",
            b'\r' => b"\\r",
            _ => b"\\n",
        };
        out.write_all(escape)?;
        rest = &rest[at + 1..];
    }
    out.write_all(rest.as_bytes())
}
