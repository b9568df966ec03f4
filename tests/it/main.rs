//! One test binary for the whole crate keeps link time low.

mod accuracy;
mod bad_files;
mod cli;
mod examples;
mod formats;
mod fuzz_corpus;
mod gate;
mod hostile;
mod json;
mod profiles;
mod properties;
mod reports;
mod sheets;
mod snapshots;

use klausul::check::{check, CheckOptions, Checked};
use klausul::document::read_text;
use klausul::lang::Lang;
use klausul::profile::Profile;
use klausul::source::Format;

/// Checks Markdown text with a profile, in Swedish.
#[must_use]
pub fn check_markdown(text: &str, profile: &Profile) -> Checked {
    let doc = read_text(text.to_owned(), Format::Markdown);
    check(
        &doc,
        profile,
        &CheckOptions {
            lang: Lang::Sv,
            contract_type: None,
        },
    )
}
