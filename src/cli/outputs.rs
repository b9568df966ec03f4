//! Where reports go: standard output, and report files written atomically (to
//! a temporary file beside the target, renamed into place at the end), so an
//! interrupted run never leaves half a report.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use klausul::model::output::OutputFormat;
use klausul::render::{renderer, Context, Renderer};
use klausul::report::{DocumentReport, Summary};

enum Destination {
    Stdout {
        closed: bool,
    },
    File {
        target: PathBuf,
        /// `None` for a target that is not a regular file (a device, a
        /// pipe): it is written directly, since renaming over it would
        /// replace it.
        temp: Option<PathBuf>,
        writer: BufWriter<File>,
    },
}

struct Output<'p> {
    renderer: Box<dyn Renderer + 'p>,
    destination: Destination,
    /// A write failed: nothing more is written here, so a full disk is
    /// reported once, not once for every document.
    failed: bool,
}

/// Every output of a run, fed the same pieces.
pub struct Outputs<'p> {
    outputs: Vec<Output<'p>>,
    /// What went wrong, for the diagnostics; any failure makes the exit status 2.
    pub failures: Vec<String>,
}

/// Whether `target` exists and is not a regular file: `/dev/stderr`, a pipe.
fn special(target: &Path) -> bool {
    std::fs::metadata(target).is_ok_and(|m| !m.is_file())
}

fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "report".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

impl<'p> Outputs<'p> {
    pub fn new(stdout: OutputFormat, files: &[(OutputFormat, PathBuf)], ctx: Context<'p>) -> Self {
        let mut outputs = vec![Output {
            renderer: renderer(stdout, ctx),
            destination: Destination::Stdout { closed: false },
            failed: false,
        }];
        let mut failures = Vec::new();
        for (format, target) in files {
            let temp = (!special(target)).then(|| temp_path(target));
            if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
                let _ = std::fs::create_dir_all(dir);
            }
            match File::create(temp.as_deref().unwrap_or(target)) {
                Ok(file) => outputs.push(Output {
                    renderer: renderer(*format, ctx),
                    destination: Destination::File {
                        target: target.clone(),
                        temp,
                        writer: BufWriter::new(file),
                    },
                    failed: false,
                }),
                Err(e) => failures.push(format!("cannot write {}: {e}", target.display())),
            }
        }
        Self { outputs, failures }
    }

    fn each(&mut self, piece: impl Fn(&mut dyn Renderer) -> String) {
        self.each_writing(|r, out| out.write_all(piece(r).as_bytes()));
    }

    fn each_writing(
        &mut self,
        write: impl Fn(&mut dyn Renderer, &mut dyn Write) -> std::io::Result<()>,
    ) {
        for o in self.outputs.iter_mut().filter(|o| !o.failed) {
            let written = match &mut o.destination {
                Destination::Stdout { closed: true } => Ok(()),
                Destination::Stdout { closed } => {
                    let mut out = BufWriter::new(std::io::stdout().lock());
                    match write(o.renderer.as_mut(), &mut out).and_then(|()| out.flush()) {
                        // A reader that went away (a closed pipe) is no error.
                        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                            *closed = true;
                            Ok(())
                        }
                        other => other,
                    }
                }
                Destination::File { writer, .. } => write(o.renderer.as_mut(), writer),
            };
            if let Err(e) = written {
                o.failed = true;
                let target = match &o.destination {
                    Destination::Stdout { .. } => "standard output".to_owned(),
                    Destination::File { target, .. } => target.display().to_string(),
                };
                self.failures
                    .push(format!("cannot write the report to {target}: {e}"));
            }
        }
    }

    pub fn head(&mut self) {
        self.each(|r| r.head());
    }

    pub fn document(&mut self, doc: &DocumentReport) {
        self.each_writing(|r, out| r.write_document(doc, out));
    }

    /// Writes the ends and moves the report files into place; on any failure
    /// the temporary files are removed and the targets left as they were.
    pub fn finish(mut self, summary: &Summary) -> Vec<String> {
        self.each_writing(|r, out| r.write_tail(summary, out));
        let mut failures = std::mem::take(&mut self.failures);
        for o in self.outputs {
            if let Destination::File {
                target,
                temp,
                writer,
            } = o.destination
            {
                let flushed = writer
                    .into_inner()
                    .map_err(std::io::IntoInnerError::into_error)
                    .and_then(|f| f.sync_all());
                let moved = flushed.and_then(|()| match &temp {
                    Some(temp) if failures.is_empty() => std::fs::rename(temp, &target),
                    _ => Ok(()),
                });
                if let Err(e) = moved {
                    failures.push(format!("cannot write {}: {e}", target.display()));
                }
                if let Some(temp) = temp {
                    let _ = std::fs::remove_file(temp);
                }
            }
        }
        failures
    }
}

/// Writes a whole file atomically.
pub fn write_atomically(target: &Path, text: &str) -> std::io::Result<()> {
    if special(target) {
        return std::fs::write(target, text);
    }
    let temp = temp_path(target);
    let result = std::fs::write(&temp, text).and_then(|()| std::fs::rename(&temp, target));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// When the run was, as people read it: "2026-01-01 00:00 UTC". From
/// `SOURCE_DATE_EPOCH` when it is set, so reports for people can be made
/// again byte for byte (`contracts.md`); else the clock.
#[must_use]
pub fn run_time() -> String {
    let epoch = klausul::run::clock::epoch_seconds();
    utc(epoch)
}

/// Seconds since 1970 as a UTC date and time; the day is the spreadsheet
/// reader's own civil-date arithmetic.
fn utc(epoch: i64) -> String {
    let (days, secs) = (epoch.div_euclid(86_400), epoch.rem_euclid(86_400));
    format!(
        "{} {:02}:{:02} UTC",
        klausul::sheet::cell::Date::from_days(days),
        secs / 3_600,
        secs % 3_600 / 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn epoch_seconds_read_as_utc_dates() {
        assert_eq!(super::utc(0), "1970-01-01 00:00 UTC");
        assert_eq!(super::utc(1_767_225_600), "2026-01-01 00:00 UTC");
        // 2024 is a leap year: the day after 28 February.
        assert_eq!(
            super::utc(1_709_164_800 + 86_400 + 3_660),
            "2024-03-01 01:01 UTC"
        );
    }
}
