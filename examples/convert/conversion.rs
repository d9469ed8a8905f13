//! Converting one input: the plan (target script and style) decided on its head, then the
//! input streamed through the converter, copied unchanged, or written as `--pairs` records.

use std::io::{self, Read, Write};

use kazakh_script::{
    detect_script, guess_style, utf8, Converter, Script, StreamConverter, StreamError, Style,
    Utf8Mode,
};

use crate::error::{Error, Location};
use crate::limits::{BUFFER_BYTES, PARALLEL_CHUNK_BYTES};
use crate::pairs::write_pairs;
use crate::sinks::Tracked;
use crate::sources::Source;
use crate::Options;

/// How one input is converted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Plan {
    pub(crate) target: Script,
    pub(crate) style: Style,
}

/// The plan for an input, from its head: the target is `--to` or the script the text is not
/// in (`None` when it has no letters of either script: copied unchanged); reading tote
/// without `--style` guesses the style from the text.
pub(crate) fn plan(head: &str, options: &Options) -> Option<Plan> {
    let target = match options.to {
        Some(target) => target,
        None => detect_script(head)?.other(),
    };
    Some(Plan {
        target,
        style: style_for(head, target, options),
    })
}

pub(crate) fn style_for(head: &str, target: Script, options: &Options) -> Style {
    options.style.unwrap_or_else(|| match target {
        Script::Arabic => Style::default(),
        Script::Cyrillic => guess_style(head),
    })
}

/// The plan of `--pairs`: records always have a source script, Cyrillic when nothing says
/// otherwise.
pub(crate) fn pairs_plan(head: &str, options: &Options) -> Plan {
    let source = options
        .to
        .map(Script::other)
        .or_else(|| detect_script(head))
        .unwrap_or(Script::Cyrillic);
    let target = source.other();
    Plan {
        target,
        style: style_for(head, target, options),
    }
}

/// Converts one input into `out` (named `output` in messages), streaming it: converted text,
/// the text copied unchanged, or `--pairs` records.
pub(crate) fn convert_input<W: Write>(
    source: Source,
    options: &Options,
    out: &mut W,
    output: &Location,
) -> Result<(), Error> {
    if let Some(format) = options.pairs {
        let plan = pairs_plan(&source.head_text, options);
        return write_pairs(source, format, plan, options.utf8, out, output);
    }
    match plan(&source.head_text, options) {
        Some(plan) => stream(source, plan, options.utf8, out, output),
        None => copy_utf8(source, options.utf8, out, output),
    }
}

/// Converts the input with [`StreamConverter`]: on all cores for large inputs, else on this
/// thread.
pub(crate) fn stream<W: Write>(
    source: Source,
    plan: Plan,
    utf8: Utf8Mode,
    out: &mut W,
    output: &Location,
) -> Result<(), Error> {
    let location = source.location.clone();
    let parallel = source.is_large();
    let stream = StreamConverter::new(Converter::new(plan.style)).utf8_mode(utf8);
    let mut out = Tracked::new(out);
    let result = if parallel {
        stream.chunk_size(PARALLEL_CHUNK_BYTES).convert_parallel(
            source.reader(),
            &mut out,
            plan.target,
            0,
        )
    } else {
        stream.convert_stream(source.reader(), &mut out, plan.target)
    };
    match result {
        Ok(_) => Ok(()),
        Err(StreamError::InvalidUtf8(error)) => Err(Error::invalid_utf8(&location, error)),
        Err(StreamError::Io(error)) if out.failed => Err(Error::io(output, error)),
        Err(StreamError::Io(error)) => Err(Error::io(&location, error)),
        Err(error) => Err(Error::io(&location, io::Error::other(error))),
    }
}

/// Copies the input unchanged, checking its UTF-8 (or, in [`Utf8Mode::Lossy`], replacing
/// invalid bytes as [`String::from_utf8_lossy`] does on the whole input).
pub(crate) fn copy_utf8<W: Write>(
    source: Source,
    utf8: Utf8Mode,
    out: &mut W,
    output: &Location,
) -> Result<(), Error> {
    let location = source.location.clone();
    let mut reader = source.reader();
    let mut buffer = vec![0; BUFFER_BYTES];
    // Bytes of a character cut by the last read, moved to the front of `buffer`.
    let mut carried = 0;
    let mut offset = 0u64;
    loop {
        let n = loop {
            match reader.read(&mut buffer[carried..]) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                read => break read.map_err(|e| Error::io(&location, e))?,
            }
        };
        let len = carried + n;
        let end = n == 0;
        // A character cut at the end is kept for the next read: an invalid sequence never
        // goes on past a byte that starts a character, so this decodes as the whole would.
        let complete = if end {
            len
        } else {
            utf8::complete_prefix_len(&buffer[..len])
        };
        let text = utf8::decode(&buffer[..complete], utf8, offset)
            .map_err(|error| Error::invalid_utf8(&location, error))?;
        out.write_all(text.as_bytes())
            .map_err(|e| Error::io(output, e))?;
        if end {
            return out.flush().map_err(|e| Error::io(output, e));
        }
        offset += complete as u64;
        buffer.copy_within(complete..len, 0);
        carried = len - complete;
    }
}
