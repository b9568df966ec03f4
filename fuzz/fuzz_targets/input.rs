#![no_main]
//! Fuzzes `klausul::fuzzing::input`; see that module.
//!
//! A reader of a container or a PDF runs on an isolated thread, where a
//! panic (calamine's or pdf-extract's) becomes the file's error; as in the
//! `pdf` target, only a panic elsewhere is a crash.
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
    klausul::fuzzing::input(data);
});
