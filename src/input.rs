//! Finding and reading inputs: files, directories (sorted, hidden entries
//! skipped, symbolic links never followed into directories) and stdin.
//! A problem with one input is that input's error; the others go on.
//!
//! Only regular files are opened: a FIFO blocks and a device never ends.
//! Every reader but the text reader runs on a thread of its own with the time
//! limit (`isolated`), and what a file expands to is counted against
//! `expanded_mb` by the reader that expands it.

use std::io::Read;
use std::path::{Path, PathBuf};

use miette::Diagnostic;

use crate::document::child::{self, Job, Request};
use crate::document::error::{words, ReadError};
use crate::document::{
    isolated, read_docx, read_odt, read_pdf, read_text, serve_pdf, structure_cost, Document,
};
use crate::model::lang::{fill, Lang};
use crate::model::limits::{Budget, Limits};
use crate::sheet::{read_workbook, serve_xls, Workbook};
use crate::source::{
    decode_text_owned, detect_format, looks_binary, sha256_hex, Format, WALKED_EXTENSIONS,
};

#[derive(Debug, Clone)]
pub enum Input {
    File(PathBuf),
    Stdin(Vec<u8>),
    /// A path the walk could not use, with the reason.
    Broken(PathBuf, String),
}

impl Input {
    #[must_use]
    pub fn name(&self) -> String {
        match self {
            // "./a.md" from walking "." is named "a.md", as CI systems expect.
            Self::File(p) | Self::Broken(p, _) => {
                p.strip_prefix("./").unwrap_or(p).display().to_string()
            }
            Self::Stdin(_) => "-".to_owned(),
        }
    }
}

/// Why an input could not be read. The words are the message catalogues'
/// (`rules/messages/`, keys `input_…`); English is the `Display`, and the
/// diagnostic's help is the catalogue's English help.
#[derive(Debug)]
pub enum InputError {
    Io {
        path: String,
        reason: String,
    },
    TooLarge {
        path: String,
        size: u64,
        limit: u64,
    },
    StdinTooLarge {
        path: String,
        limit: u64,
    },
    NotRegular {
        path: String,
    },
    Empty {
        path: String,
    },
    Read {
        path: String,
        problem: ReadError,
        /// The problem's help in English (`ReadError::help`).
        help: &'static str,
    },
}

impl InputError {
    /// The message in the user's language; English is the `Display`.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        let (key, values): (&str, Vec<(&str, String)>) = match self {
            Self::Io { path, reason } => (
                "input_io",
                vec![("path", path.clone()), ("reason", reason.clone())],
            ),
            Self::TooLarge { path, size, limit } => (
                "input_too_large",
                vec![
                    ("path", path.clone()),
                    ("size", size.to_string()),
                    ("limit", limit.to_string()),
                ],
            ),
            Self::StdinTooLarge { path, limit } => (
                "input_stdin_too_large",
                vec![("path", path.clone()), ("limit", limit.to_string())],
            ),
            Self::NotRegular { path } => ("input_not_regular", vec![("path", path.clone())]),
            Self::Empty { path } => ("input_empty", vec![("path", path.clone())]),
            Self::Read { path, problem, .. } => (
                "input_read",
                vec![("path", path.clone()), ("problem", problem.describe(lang))],
            ),
        };
        let values: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
        fill(words(lang, key), &values)
    }

    /// What the user can do about it, in their language, from the same
    /// catalogue in every language (English is the diagnostic's `help`).
    #[must_use]
    pub fn translated_help(&self, lang: Lang) -> Option<&'static str> {
        match self {
            Self::Read { problem, .. } => Some(problem.advice(lang)),
            Self::TooLarge { .. } | Self::StdinTooLarge { .. } => {
                Some(words(lang, "input_too_large_help"))
            }
            Self::Io { .. } | Self::NotRegular { .. } | Self::Empty { .. } => None,
        }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for InputError {}

impl Diagnostic for InputError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        let code = match self {
            Self::Io { .. } => "klausul::input::io",
            Self::TooLarge { .. } | Self::StdinTooLarge { .. } => "klausul::input::too_large",
            Self::NotRegular { .. } => "klausul::input::not_regular",
            Self::Empty { .. } => "klausul::input::empty",
            Self::Read { .. } => "klausul::input::read",
        };
        Some(Box::new(code))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        match self {
            Self::Read { help, .. } => Some(Box::new(*help)),
            other => other
                .translated_help(Lang::En)
                .map(|h| Box::new(h) as Box<dyn std::fmt::Display>),
        }
    }
}

/// In a child process started to read one file (`document::child`): reads
/// it with the job's reader, answers and gives the outcome. `None` when this
/// process is not such a child.
pub fn serve_child(input: impl Read, output: impl std::io::Write) -> Option<std::io::Result<()>> {
    let request = match Request::from_env()? {
        Ok(request) => request,
        Err(e) => return Some(Err(e)),
    };
    Some(match request.job {
        Job::Pdf => child::serve(request, input, output, serve_pdf),
        Job::Xls => child::serve(request, input, output, serve_xls),
    })
}

/// The inputs named on the command line, with directories walked and links
/// out of them skipped.
#[must_use]
pub fn collect(paths: &[PathBuf], stdin: impl FnOnce() -> std::io::Result<Vec<u8>>) -> Vec<Input> {
    gather(paths, stdin, false).inputs
}

/// What the paths given hold.
#[derive(Debug, Default)]
pub struct Collected {
    pub inputs: Vec<Input>,
    /// Links in walked folders whose target lies outside the folder walked,
    /// skipped because `follow_links` was not given.
    pub skipped_links: Vec<PathBuf>,
    /// Word and LibreOffice lock files (`~$avtal.docx` that is not a zip).
    pub lock_files: Vec<PathBuf>,
    /// Regular files in walked folders with an extension klausul does not
    /// read, so a caller can say what was not checked.
    pub passed_over: Vec<PathBuf>,
}

/// The inputs named on the command line, with directories walked. A path
/// named is always read; a link met in a walked folder is read only when
/// its target lies inside that folder, or when `follow_links` says so: a
/// link to `/proc/self/environ` in a supplier's folder must not be quoted.
#[must_use]
pub fn gather(
    paths: &[PathBuf],
    stdin: impl FnOnce() -> std::io::Result<Vec<u8>>,
    follow_links: bool,
) -> Collected {
    let mut out = Collected::default();
    let mut stdin = Some(stdin);
    for path in paths {
        if path.as_os_str() == "-" {
            if let Some(read) = stdin.take() {
                out.inputs.push(
                    read()
                        .map_or_else(|e| Input::Broken(path.clone(), e.to_string()), Input::Stdin),
                );
            }
        } else if path.is_dir() {
            walk(path, follow_links, &mut out);
        } else {
            out.inputs.push(Input::File(path.clone()));
        }
    }
    out
}

fn walk(root: &Path, follow_links: bool, out: &mut Collected) {
    let entries = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    // Asked once, and only when a link is met.
    let mut canonical_root: Option<Option<PathBuf>> = None;
    for entry in entries {
        match entry {
            Ok(e) if e.file_type().is_file() && walked(e.path()) && is_lock_file(e.path()) => {
                out.lock_files.push(e.into_path());
            }
            Ok(e) if e.file_type().is_file() && walked(e.path()) => {
                out.inputs.push(Input::File(e.into_path()));
            }
            Ok(e) if e.file_type().is_file() => out.passed_over.push(e.into_path()),
            Ok(e) if e.path_is_symlink() && walked(e.path()) && e.path().is_file() => {
                let root = canonical_root.get_or_insert_with(|| root.canonicalize().ok());
                let inside = match (root.as_deref(), e.path().canonicalize()) {
                    (Some(root), Ok(target)) => target.starts_with(root),
                    _ => false,
                };
                if inside || follow_links {
                    out.inputs.push(Input::File(e.into_path()));
                } else {
                    out.skipped_links.push(e.into_path());
                }
            }
            Ok(_) => {}
            Err(err) => {
                let path = err
                    .path()
                    .map_or_else(|| root.to_path_buf(), Path::to_path_buf);
                out.inputs.push(Input::Broken(path, err.to_string()));
            }
        }
    }
}

/// Word writes `~$avtal.docx` beside a document it has open: a few bytes
/// naming who has it, not a zip. A real document named so is still read.
fn is_lock_file(path: &Path) -> bool {
    let named = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("~$"));
    let mut head = [0_u8; 4];
    named
        && !std::fs::File::open(path)
            .and_then(|mut f| f.read_exact(&mut head))
            .is_ok_and(|()| &head == b"PK\x03\x04")
}

fn walked(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| WALKED_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// A read document and the hash of its bytes.
pub struct Loaded {
    pub content: Content,
    pub format: Format,
    pub sha256: String,
}

/// What an input holds: a document, or a workbook's sheets.
pub enum Content {
    Document(Document),
    Workbook(Workbook),
}

impl Loaded {
    /// The document, for an input that is one.
    #[must_use]
    pub const fn document(&self) -> Option<&Document> {
        match &self.content {
            Content::Document(d) => Some(d),
            Content::Workbook(_) => None,
        }
    }
}

/// Reads one input into a document.
///
/// # Errors
/// An unreadable, empty or oversized file, or one in no format klausul reads.
pub fn load(input: &Input, limits: Limits) -> Result<Loaded, InputError> {
    let bytes = read(input, limits)?;
    understand(input, bytes, limits)
}

/// Reads bytes already in memory, such as a file uploaded to `klausul
/// serve`, as the file `name`: the limits apply as to a file on disk, and the
/// name's extension breaks a tie between formats as a file's does. Nothing
/// is read from the disk.
///
/// # Errors
/// As `load`.
pub fn load_bytes(name: &Path, bytes: Vec<u8>, limits: Limits) -> Result<Loaded, InputError> {
    // The input only names the bytes: `understand` never opens it.
    let input = Input::File(name.to_path_buf());
    if bytes.len() as u64 > limits.file_bytes {
        return Err(InputError::TooLarge {
            path: input.name(),
            size: bytes.len() as u64,
            limit: limits.file_bytes,
        });
    }
    if is_blank(&bytes) {
        return Err(InputError::Empty { path: input.name() });
    }
    understand(&input, bytes, limits)
}

/// The bytes of one input, not yet understood.
///
/// # Errors
/// An unreadable, empty or oversized file, or one that is not a regular file.
fn read(input: &Input, limits: Limits) -> Result<Vec<u8>, InputError> {
    let name = input.name();
    let bytes = match input {
        // Standard input is read one byte past the limit, so input that
        // goes on is refused rather than cut and judged.
        Input::Stdin(bytes) if bytes.len() as u64 > limits.file_bytes => {
            return Err(InputError::StdinTooLarge {
                path: name,
                limit: limits.file_bytes,
            })
        }
        Input::Stdin(bytes) => bytes.clone(),
        Input::Broken(_, reason) => {
            return Err(InputError::Io {
                path: name,
                reason: reason.clone(),
            })
        }
        Input::File(path) => read_bounded(path, &name, limits.file_bytes)?,
    };
    if is_blank(&bytes) {
        return Err(InputError::Empty { path: name });
    }
    Ok(bytes)
}

/// Nothing but whitespace, after a byte order mark if there is one.
fn is_blank(bytes: &[u8]) -> bool {
    let utf16 = |bom: &[u8], unit: fn([u8; 2]) -> u16| {
        bytes.strip_prefix(bom).is_some_and(|rest| {
            let (units, odd) = rest.as_chunks::<2>();
            odd.is_empty()
                && units
                    .iter()
                    .all(|&u| matches!(unit(u), 0x09 | 0x0A | 0x0C | 0x0D | 0x20))
        })
    };
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    text.iter().all(u8::is_ascii_whitespace)
        || utf16(b"\xFF\xFE", u16::from_le_bytes)
        || utf16(b"\xFE\xFF", u16::from_be_bytes)
}

/// Reads an input's bytes into a document or workbook, with their SHA-256.
fn understand(input: &Input, bytes: Vec<u8>, limits: Limits) -> Result<Loaded, InputError> {
    let path = match input {
        Input::Stdin(_) => Path::new("stdin.md"),
        Input::File(p) | Input::Broken(p, _) => p.as_path(),
    };
    let format = detect_format(path, &bytes);
    // The name is made only for an error: `read` made it for its own.
    let failed = |problem: ReadError| InputError::Read {
        path: input.name(),
        help: problem.help(),
        problem,
    };
    let sha256 = sha256_hex(&[&bytes]);
    let document = |d: Document| Content::Document(d);
    let content = match format {
        Format::Text | Format::Markdown if looks_binary(&bytes) => {
            return Err(failed(ReadError::Unrecognised))
        }
        // RTF is text to look at, but read as text its control words give
        // wrong statuses: it is refused until it has a reader of its own.
        Format::Text | Format::Markdown if bytes.starts_with(b"{\\rtf") => {
            return Err(failed(ReadError::NotSupported {
                format: "RTF".to_owned(),
            }))
        }
        Format::Text | Format::Markdown => document(plain(bytes, format, limits).map_err(failed)?),
        Format::Docx => on_thread(bytes, limits, |b, l| read_docx(b, l).map(Content::Document))
            .map_err(failed)?,
        Format::Odt => on_thread(bytes, limits, |b, l| read_odt(b, l).map(Content::Document))
            .map_err(failed)?,
        // The PDF reader isolates itself, in a child process where it can.
        Format::Pdf => document(read_pdf(&bytes, limits).map_err(failed)?),
        Format::Xls if is_encrypted_package(&bytes) => return Err(failed(ReadError::Encrypted)),
        Format::Xlsx | Format::Xls | Format::Xlsb | Format::Ods | Format::Csv => {
            on_thread(bytes, limits, move |b, l| {
                read_workbook(b, format, l).map(Content::Workbook)
            })
            .map_err(failed)?
        }
    };
    Ok(Loaded {
        content,
        format,
        sha256,
    })
}

/// Text or Markdown, counted against `expanded_mb` with the lines the reader
/// will hold for it.
fn plain(bytes: Vec<u8>, format: Format, limits: Limits) -> Result<Document, ReadError> {
    let budget = Budget::new(limits);
    // Decoding never shrinks text that has no UTF-16 byte order mark, so
    // text too large is refused before it is decoded (to up to three times
    // its size).
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !utf16 && !budget.affords(bytes.len() as u64) {
        budget.spend(bytes.len())?;
    }
    let text = decode_text_owned(bytes).0;
    budget.spend(text.len().saturating_add(structure_cost(&text)))?;
    Ok(read_text(text, format))
}

/// Runs a container's reader on a thread of its own, with the time limit:
/// calamine's readers cannot be asked to stop, and a panic in any reader is
/// the file's error, not the end of the run.
fn on_thread(
    bytes: Vec<u8>,
    limits: Limits,
    read: impl FnOnce(&[u8], Limits) -> Result<Content, ReadError> + Send + 'static,
) -> Result<Content, ReadError> {
    isolated(limits.seconds_per_file, move || read(&bytes, limits))
}

/// A password-protected Word or Excel file is an OLE2 file holding an
/// `EncryptedPackage` stream; its name is stored in UTF-16.
fn is_encrypted_package(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(name.len()).any(|w| w == name)
}

fn read_bounded(path: &Path, name: &str, limit: u64) -> Result<Vec<u8>, InputError> {
    let io = |e: std::io::Error| InputError::Io {
        path: name.to_owned(),
        reason: e.to_string(),
    };
    let not_regular = || InputError::NotRegular {
        path: name.to_owned(),
    };
    // Asked before opening: opening a FIFO waits for a writer.
    if !std::fs::metadata(path).map_err(io)?.is_file() {
        return Err(not_regular());
    }
    let file = open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    // The path may have been replaced between the two looks.
    if !meta.is_file() {
        return Err(not_regular());
    }
    let size = meta.len();
    if size > limit {
        return Err(InputError::TooLarge {
            path: name.to_owned(),
            size,
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    // A file that grew while it was read is as large as it became.
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge {
            path: name.to_owned(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Opens a file without waiting: should a FIFO take the path's place after
/// it was looked at, opening it returns at once, and the check after the
/// opening refuses it.
#[cfg(unix)]
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_help_come_from_the_catalogue_in_each_language() {
        let e = InputError::TooLarge {
            path: "a.md".into(),
            size: 9,
            limit: 8,
        };
        assert_eq!(
            e.to_string(),
            "a.md: the file is 9 bytes, over the limit of 8 bytes"
        );
        assert_eq!(
            e.describe(Lang::Sv),
            "a.md: filen är 9 byte, över gränsen 8 byte"
        );
        assert_eq!(
            e.translated_help(Lang::Sv),
            Some("dela upp dokumentet, eller höj gränsen i klausul.toml")
        );
        // English help is the diagnostic's own, from the same catalogue.
        assert_eq!(
            e.help().map(|h| h.to_string()).as_deref(),
            e.translated_help(Lang::En)
        );
        assert_eq!(
            e.code().map(|c| c.to_string()).as_deref(),
            Some("klausul::input::too_large")
        );
        let empty = InputError::Empty { path: "b".into() };
        assert_eq!(empty.describe(Lang::Sv), "b: filen är tom");
        assert!(empty.help().is_none() && empty.translated_help(Lang::En).is_none());
        let read = InputError::Read {
            path: "c.pdf".into(),
            problem: ReadError::Encrypted,
            help: ReadError::Encrypted.help(),
        };
        assert_eq!(
            read.describe(Lang::Sv),
            "c.pdf: filen är krypterad eller lösenordsskyddad"
        );
        assert_eq!(
            read.help().map(|h| h.to_string()).as_deref(),
            Some("save an unprotected copy and check that")
        );
    }
}
