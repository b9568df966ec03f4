#![no_main]
//! Fuzzes `klausul::fuzzing::pdf`; see that module.
//!
//! pdf-extract panics on some broken files; klausul reads PDFs on isolated
//! threads and turns such a panic into that file's error. libfuzzer-sys
//! aborts on every panic, caught or not, so the hook is narrowed to match
//! production: a panic on a PDF reader thread is handled, any other is a crash.
use libfuzzer_sys::fuzz_target;

fn narrow_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(klausul::document::READER_THREAD) {
                abort(info);
            }
        }));
    });
}

fuzz_target!(|data: &[u8]| {
    narrow_panic_hook();
    klausul::fuzzing::pdf(data);
});
