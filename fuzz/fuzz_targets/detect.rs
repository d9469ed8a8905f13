//! The `detect` fuzz target: checks [`properties::detect`] on each input.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../properties.rs"]
mod properties;

fuzz_target!(|data: &[u8]| properties::detect(data));
