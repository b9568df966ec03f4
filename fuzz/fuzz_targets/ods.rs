#![no_main]
//! Fuzzes `klausul::fuzzing::ods`; see that module.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| klausul::fuzzing::ods(data));
