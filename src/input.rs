//! Finding and reading inputs: files, directories (sorted, hidden entries
//! skipped, symbolic links never followed into directories) and stdin.
//! A problem with one input is that input's error; the others go on.

use std::io::Read;
use std::path::{Path, PathBuf};

use miette::Diagnostic;
use thiserror::Error;

use crate::document::error::ReadError;
use crate::document::{read_docx, read_odt, read_pdf, read_text, Document};
use crate::model::lang::Lang;
use crate::model::limits::Limits;
use crate::sheet::{read_workbook, Workbook};
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

#[derive(Debug, Error, Diagnostic)]
pub enum InputError {
    #[error("{path}: cannot read the file: {reason}")]
    #[diagnostic(code(klausul::input::io))]
    Io { path: String, reason: String },
    #[error("{path}: the file is {size} bytes, over the limit of {limit} bytes")]
    #[diagnostic(
        code(klausul::input::too_large),
        help("split the document, or raise the limit in klausul.toml")
    )]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: the file is empty")]
    #[diagnostic(code(klausul::input::empty))]
    Empty { path: String },
    #[error("{path}: reading {format} files is not supported yet")]
    #[diagnostic(
        code(klausul::input::unsupported),
        help("save the document as text or Markdown and check that")
    )]
    Unsupported { path: String, format: &'static str },
    #[error("{path}: {problem}")]
    #[diagnostic(code(klausul::input::read), help("{help}"))]
    Read {
        path: String,
        problem: ReadError,
        help: &'static str,
    },
}

impl InputError {
    /// The message in the user's language; English is the `Display`.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            Self::Io { path, reason } => format!("{path}: filen går inte att läsa: {reason}"),
            Self::TooLarge { path, size, limit } => {
                format!("{path}: filen är {size} byte, över gränsen {limit} byte")
            }
            Self::Empty { path } => format!("{path}: filen är tom"),
            Self::Unsupported { path, format } => format!("{path}: {format}-filer läses inte"),
            Self::Read { path, problem, .. } => format!("{path}: {}", problem.describe(lang)),
        }
    }

    /// What the user can do about it, in their language.
    #[must_use]
    pub fn advice(&self, lang: Lang) -> Option<&'static str> {
        match (self, lang) {
            (Self::Read { problem, .. }, _) => Some(problem.advice(lang)),
            (Self::TooLarge { .. }, Lang::Sv) => {
                Some("dela upp dokumentet, eller höj gränsen i klausul.toml")
            }
            (Self::TooLarge { .. }, Lang::En) => {
                Some("split the document, or raise the limit in klausul.toml")
            }
            _ => None,
        }
    }
}

/// The inputs named on the command line, with directories walked.
#[must_use]
pub fn collect(paths: &[PathBuf], stdin: impl FnOnce() -> std::io::Result<Vec<u8>>) -> Vec<Input> {
    let mut out = Vec::new();
    let mut stdin = Some(stdin);
    for path in paths {
        if path.as_os_str() == "-" {
            if let Some(read) = stdin.take() {
                out.push(
                    read()
                        .map_or_else(|e| Input::Broken(path.clone(), e.to_string()), Input::Stdin),
                );
            }
        } else if path.is_dir() {
            walk(path, &mut out);
        } else {
            out.push(Input::File(path.clone()));
        }
    }
    out
}

fn walk(root: &Path, out: &mut Vec<Input>) {
    let entries = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in entries {
        match entry {
            Ok(e) if e.file_type().is_file() && walked(e.path()) => {
                out.push(Input::File(e.into_path()));
            }
            Ok(e) if e.path_is_symlink() && walked(e.path()) && e.path().is_file() => {
                out.push(Input::File(e.into_path()));
            }
            Ok(_) => {}
            Err(err) => {
                let path = err
                    .path()
                    .map_or_else(|| root.to_path_buf(), Path::to_path_buf);
                out.push(Input::Broken(path, err.to_string()));
            }
        }
    }
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
/// An unreadable, empty, oversized or not yet supported file.
pub fn load(input: &Input, limits: Limits) -> Result<Loaded, InputError> {
    let bytes = read(input, limits)?;
    understand(input, bytes, limits)
}

/// The bytes of one input, not yet understood.
fn read(input: &Input, limits: Limits) -> Result<Vec<u8>, InputError> {
    let name = input.name();
    let bytes = match input {
        Input::Stdin(bytes) => bytes.clone(),
        Input::Broken(_, reason) => {
            return Err(InputError::Io {
                path: name,
                reason: reason.clone(),
            })
        }
        Input::File(path) => read_bounded(path, &name, limits.file_bytes)?,
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputError::Empty { path: name });
    }
    Ok(bytes)
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
        Format::Text | Format::Markdown => document(read_text(decode_text_owned(bytes).0, format)),
        Format::Docx => document(read_docx(&bytes, limits).map_err(failed)?),
        Format::Odt => document(read_odt(&bytes, limits).map_err(failed)?),
        Format::Pdf => document(read_pdf(&bytes, limits).map_err(failed)?),
        Format::Xls if is_encrypted_package(&bytes) => return Err(failed(ReadError::Encrypted)),
        Format::Xlsx | Format::Xls | Format::Xlsb | Format::Ods | Format::Csv => {
            Content::Workbook(read_workbook(&bytes, format, limits).map_err(failed)?)
        }
    };
    Ok(Loaded {
        content,
        format,
        sha256,
    })
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
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > limit {
        return Err(InputError::TooLarge {
            path: name.to_owned(),
            size,
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    Ok(bytes)
}
