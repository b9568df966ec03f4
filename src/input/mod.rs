//! Finding and reading inputs: files, directories (sorted, hidden entries
//! skipped, symbolic links never followed into directories) and stdin.
//! A problem with one input is that input's error; the others go on.
//!
//! Only regular files are opened: a FIFO blocks and a device never ends.
//! Every reader but the text reader runs on a thread of its own with the time
//! limit (`isolated`), and what a file expands to is counted against
//! `expanded_mb` by the reader that expands it.
//!
//! Folders are walked in `walk`, an input's bytes read within the limit in
//! `bytes`, and the errors worded in `error`; here the bytes become a
//! document or a workbook.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::document::child::{self, Job, Request};
use crate::document::error::ReadError;
use crate::document::{
    isolated, read_docx, read_odt, read_pdf, read_text, serve_pdf, structure_cost, Document,
};
use crate::model::limits::{Budget, Limits};
use crate::sheet::stream::{Pieces, Stream};
use crate::sheet::{read_workbook, serve_xls, stream_workbook, Workbook};
use crate::source::{decode_text_owned, detect_format, looks_binary, sha256_hex, Format};

mod bytes;
mod error;
mod walk;

pub use error::InputError;
pub use walk::{collect, gather, Collected};

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

/// A read document and the hash of its bytes.
pub struct Loaded {
    pub content: Content,
    pub format: Format,
    pub sha256: String,
}

/// What an input holds: a document, or a workbook's sheets, read whole or
/// (xlsx and xlsb) as they are being read.
pub enum Content {
    Document(Document),
    Workbook(Workbook),
    Stream(Stream),
}

impl Content {
    /// A workbook's pieces, whether it was read whole or is being read; a
    /// document gives none.
    #[must_use]
    pub fn into_pieces(self) -> Box<dyn Pieces> {
        match self {
            Self::Workbook(book) => Box::new(book.into_pieces()),
            Self::Stream(stream) => Box::new(stream),
            Self::Document(_) => Box::new(Workbook::default().into_pieces()),
        }
    }
}

impl Loaded {
    /// The document, for an input that is one.
    #[must_use]
    pub const fn document(&self) -> Option<&Document> {
        match &self.content {
            Content::Document(d) => Some(d),
            Content::Workbook(_) | Content::Stream(_) => None,
        }
    }
}

/// Reads one input into a document.
///
/// # Errors
/// An unreadable, empty or oversized file, or one in no format klausul reads.
pub fn load(input: &Input, limits: Limits) -> Result<Loaded, InputError> {
    let bytes = bytes::read(input, limits)?;
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
    if bytes::is_blank(&bytes) {
        return Err(InputError::Empty { path: input.name() });
    }
    understand(&input, bytes, limits)
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
        // Rows are handed on as they are read, on a reader thread with the
        // time limit, so a register is judged while it is still being read.
        Format::Xlsx | Format::Xlsb => {
            Content::Stream(stream_workbook(bytes, format, limits).map_err(failed)?)
        }
        Format::Xls | Format::Ods | Format::Csv => on_thread(bytes, limits, move |b, l| {
            read_workbook(b, format, l).map(Content::Workbook)
        })
        .map_err(failed)?,
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
