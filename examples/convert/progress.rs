//! The progress bar of large inputs.

use std::io::{self, IsTerminal, Read};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::error::Location;
use crate::limits::PROGRESS_MIN_BYTES;
use crate::sources::Input;

/// A progress bar on stderr, only when stderr is a terminal and the input is large. It counts
/// the input bytes as they are read.
pub(crate) struct Progress {
    bar: ProgressBar,
}

impl Progress {
    pub(crate) fn new(inputs: &[Input]) -> Progress {
        let hidden = || Progress {
            bar: ProgressBar::hidden(),
        };
        if !io::stderr().is_terminal() {
            return hidden();
        }
        let total: u64 = inputs.iter().map(Input::len).sum();
        if total <= PROGRESS_MIN_BYTES {
            return hidden();
        }
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} {wide_msg} [{bar:30}] {percent:>3}% {elapsed_precise}",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress { bar }
    }

    pub(crate) fn phase(&self, what: &'static str, location: &Location) {
        if !self.bar.is_hidden() {
            self.bar.set_message(format!("{what} {location}"));
        }
    }

    /// `read`, counted on the bar as it is read (as it is when there is no bar).
    pub(crate) fn wrap_read(&self, read: Box<dyn Read>) -> Box<dyn Read> {
        if self.bar.is_hidden() {
            read
        } else {
            Box::new(self.bar.wrap_read(read))
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
