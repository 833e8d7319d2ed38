//! Fuzz target: `jwt_debugger::harness::x5c` must return normally for any input.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| jwt_debugger::harness::x5c(data));
