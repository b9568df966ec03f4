#![no_main]
//! Fuzzes `klausul::fuzzing::xls`; see that module.
//!
//! calamine panics on some damaged OLE2 files; klausul's xls reader catches
//! such a panic and makes it the file's error (`sheet::read`). libfuzzer-sys
//! aborts on every panic, caught or not, so the hook is narrowed to match:
//! a panic raised in calamine's own code is handled, any other is a crash.
use libfuzzer_sys::fuzz_target;

fn narrow_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_calamine = info
                .location()
                .is_some_and(|l| l.file().contains("/calamine-"));
            if !in_calamine {
                abort(info);
            }
        }));
    });
}

fuzz_target!(|data: &[u8]| {
    narrow_panic_hook();
    klausul::fuzzing::xls(data);
});
