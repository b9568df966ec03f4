//! Why a Word, OpenDocument or PDF file could not be read. Each message names
//! the part of the file and, where one was reached, the limit.

use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ReadError {
    #[error("the bytes are not text, nor any format klausul reads")]
    Unrecognised,
    #[error("the workbook cannot be read: {reason}")]
    Workbook { reason: String },
    #[error("no sheet has a header row klausul recognises (found {found})")]
    NoHeader { found: String },
    #[error(
        "sheet `{sheet}` is a register without the column(s) {missing}; its headers are: {found}"
    )]
    RegisterColumns {
        sheet: String,
        missing: String,
        found: String,
    },
    #[error("sheet `{sheet}` takes the workbook past {limit} cells, the limit for one workbook")]
    TooManyCells { sheet: String, limit: u64 },
    #[error("not a readable zip package ({reason})")]
    Package { reason: String },
    #[error("the file is encrypted or password-protected")]
    Encrypted,
    #[error("the package has no `{part}`, so it is not a {kind} document")]
    MissingPart { part: String, kind: &'static str },
    #[error("`{part}` decompresses to more than {limit} bytes, the limit for one part")]
    PartTooLarge { part: String, limit: u64 },
    #[error("the parts read decompress to more than {limit} bytes, the limit for one package")]
    PackageTooLarge { limit: u64 },
    #[error("`{part}` is not well-formed XML: {reason}")]
    Xml { part: String, reason: String },
    #[error("`{part}` nests elements deeper than {limit} levels")]
    XmlTooDeep { part: String, limit: usize },
    #[error("`{part}` declares a document type; its entities are not expanded")]
    XmlDocType { part: String },
    #[error("the PDF cannot be read: {reason}")]
    Pdf { reason: String },
    #[error("the PDF has no text layer on its {pages} page(s); it looks like a scan")]
    NoTextLayer { pages: usize },
    #[error("the reader failed on this file: {reason}")]
    Crashed { reason: String },
    #[error("reading took longer than {seconds} s, the limit for one file")]
    TimedOut { seconds: u64 },
}

impl ReadError {
    /// What the user can do about it.
    #[must_use]
    pub fn help(&self) -> &'static str {
        match self {
            Self::NoHeader { .. } | Self::RegisterColumns { .. } => {
                "name the columns with --columns role=Header (or [columns] in klausul.toml), or say the kind with --sheet-kind"
            }
            Self::Unrecognised => {
                "check that this is the file you meant; klausul reads text, Markdown, DOCX, ODT and PDF"
            }
            Self::Package { .. } | Self::MissingPart { .. } | Self::Xml { .. } | Self::Workbook { .. } => {
                "the file may be damaged or truncated: open it in its program and save it again"
            }
            Self::Encrypted => "save an unprotected copy and check that",
            Self::PartTooLarge { .. }
            | Self::PackageTooLarge { .. }
            | Self::XmlTooDeep { .. }
            | Self::TooManyCells { .. } => {
                "this is far beyond any real document; if it is genuine, raise the limit in klausul.toml"
            }
            Self::XmlDocType { .. } => "office programs never write this; the file was made by something else",
            Self::Pdf { .. } | Self::Crashed { .. } | Self::TimedOut { .. } => {
                "export the PDF again from its source document, or check the source document instead"
            }
            Self::NoTextLayer { .. } => "run OCR on the PDF first (for example ocrmypdf) and check the result",
        }
    }
}
