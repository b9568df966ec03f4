//! `klausul suggest`: the document's weak and missing requirements as one
//! section in the tool's wording, as Markdown or as a Word file.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use klausul::input::Input;
use klausul::profile::Profile;
use klausul::render::suggest::suggestion;
use klausul::run::{check_one, Plan};

use super::args::{CheckArgs, SuggestFormat};
use super::diagnostic::{report_error, report_input_error, say, warn};
use super::load_config;
use klausul::model::lang::Lang;

pub fn run(
    args: &CheckArgs,
    named: Option<&Path>,
    format: SuggestFormat,
    output: Option<&Path>,
) -> ExitCode {
    let Some(config) = load_config(named, args) else {
        return ExitCode::from(2);
    };
    let profile = match Profile::load(&config.profile.value) {
        Ok(p) => p,
        Err(e) => {
            report_error(&e);
            return ExitCode::from(2);
        }
    };
    let plan = Plan::new(&profile, config.lang.value, config.fail_on.value);
    let outcome = check_one(&Input::File(args.paths[0].clone()), &plan);
    if let Some(e) = &outcome.error {
        report_input_error(e, config.lang.value);
        return ExitCode::from(2);
    }
    let lang = config.lang.value;
    let section = suggestion(&outcome.report, &profile, lang);
    let bytes = match format {
        SuggestFormat::Markdown => section.markdown().into_bytes(),
        SuggestFormat::Docx => match section.docx() {
            Ok(b) => b,
            Err(e) => {
                warn(&say(lang, "suggest_failed", &[("error", &e.to_string())]));
                return ExitCode::from(2);
            }
        },
    };
    write(&bytes, format, output, lang)
}

/// Writes the section to `output`, or to standard output unless that is a
/// terminal and the section a Word file.
fn write(bytes: &[u8], format: SuggestFormat, output: Option<&Path>, lang: Lang) -> ExitCode {
    match output {
        Some(path) => match std::fs::write(path, bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                let path = path.display().to_string();
                let error = e.to_string();
                warn(&say(
                    lang,
                    "suggest_write_failed",
                    &[("path", &path), ("error", &error)],
                ));
                ExitCode::from(2)
            }
        },
        None if matches!(format, SuggestFormat::Docx) && std::io::stdout().is_terminal() => {
            warn(&say(lang, "suggest_docx_on_terminal", &[]));
            ExitCode::from(2)
        }
        None => match std::io::stdout().write_all(bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(2),
        },
    }
}
