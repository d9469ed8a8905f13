//! The `round_trip` fuzz target: checks [`properties::round_trip`] on each input.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../properties.rs"]
mod properties;

fuzz_target!(|data: &[u8]| properties::round_trip(data));
