//! The `to_cyrillic` fuzz target: checks [`properties::to_cyrillic`] on each input.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../properties.rs"]
mod properties;

fuzz_target!(|data: &[u8]| properties::to_cyrillic(data));
