//! The `to_arabic` fuzz target: checks [`properties::to_arabic`] on each input.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../properties.rs"]
mod properties;

fuzz_target!(|data: &[u8]| properties::to_arabic(data));
