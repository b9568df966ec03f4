#![no_main]
//! Fuzzes `klausul::fuzzing::pdf_streams`; see that module.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| klausul::fuzzing::pdf_streams(data));
