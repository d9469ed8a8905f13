//! The `idempotence` fuzz target: checks [`properties::idempotence`] on each input.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../properties.rs"]
mod properties;

fuzz_target!(|data: &[u8]| properties::idempotence(data));
