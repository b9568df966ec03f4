//! Why a Word, OpenDocument or PDF file could not be read. Each message names
//! the part of the file and, where one was reached, the limit.

use thiserror::Error;

use crate::model::lang::{fill, Lang};
use crate::model::limits::Overrun;

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
    #[error("sheet `{sheet}` has a cell at {cell}, past column XFD, the last a sheet can have")]
    PastLastColumn { sheet: String, cell: String },
    #[error(
        "the content expands to more than {limit} bytes, the limit for one file (`expanded_mb`)"
    )]
    Expanded { limit: u64 },
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
    #[error(
        "the PDF is damaged: the content of {unreadable} of its {pages} page(s) cannot be read"
    )]
    PdfDamaged { unreadable: usize, pages: usize },
    #[error("the reader failed on this file: {reason}")]
    Crashed { reason: String },
    #[error("reading took longer than {seconds} s, the limit for one file")]
    TimedOut { seconds: u64 },
    /// A format klausul knows but does not read (old Word, RTF). It is
    /// refused, never read as something else: RTF read as text gives wrong
    /// statuses. Worded by the catalogues (`read_not_supported`).
    #[error("{}", fill(Lang::En.template("read_not_supported").unwrap_or_default(), &[("format", format)]))]
    NotSupported { format: &'static str },
}

impl From<Overrun> for ReadError {
    fn from(overrun: Overrun) -> Self {
        match overrun {
            Overrun::Expanded { limit } => Self::Expanded { limit },
            Overrun::Time { seconds } => Self::TimedOut { seconds },
        }
    }
}

impl ReadError {
    /// The message in the user's language; English is the `Display`.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            Self::NotSupported { format } => fill(
                lang.template("read_not_supported").unwrap_or_default(),
                &[("format", format)],
            ),
            Self::Unrecognised => "innehållet är varken text eller något format som klausul läser".to_owned(),
            Self::Workbook { reason } => format!("arbetsboken går inte att läsa: {reason}"),
            Self::NoHeader { found } => format!("inget blad har en rubrikrad som klausul känner igen (hittade {found})"),
            Self::RegisterColumns { sheet, missing, found } => format!(
                "bladet `{sheet}` är ett avtalsregister utan kolumn(erna) {missing}; dess rubriker är: {found}"
            ),
            Self::TooManyCells { sheet, limit } => {
                format!("bladet `{sheet}` tar arbetsboken över {limit} celler, gränsen för en arbetsbok")
            }
            Self::PastLastColumn { sheet, cell } => {
                format!("bladet `{sheet}` har en cell i {cell}, bortom kolumn XFD, den sista ett blad kan ha")
            }
            Self::Expanded { limit } => {
                format!("innehållet expanderar till mer än {limit} byte, gränsen för en fil (`expanded_mb`)")
            }
            Self::Package { reason } => format!("inget läsbart zip-paket ({reason})"),
            Self::Encrypted => "filen är krypterad eller lösenordsskyddad".to_owned(),
            Self::MissingPart { part, kind } => {
                format!("paketet saknar `{part}` och är alltså inget {kind}-dokument")
            }
            Self::PartTooLarge { part, limit } => {
                format!("`{part}` packas upp till mer än {limit} byte, gränsen för en del")
            }
            Self::PackageTooLarge { limit } => {
                format!("delarna packas upp till mer än {limit} byte, gränsen för ett paket")
            }
            Self::Xml { part, reason } => format!("`{part}` är inte välformad XML: {reason}"),
            Self::XmlTooDeep { part, limit } => format!("`{part}` nästlar element djupare än {limit} nivåer"),
            Self::XmlDocType { part } => {
                format!("`{part}` deklarerar en dokumenttyp; dess entiteter expanderas inte")
            }
            Self::Pdf { reason } => format!("PDF-filen går inte att läsa: {reason}"),
            Self::NoTextLayer { pages } => {
                format!("PDF-filen har inget textlager på sina {pages} sidor; den ser ut att vara inskannad")
            }
            Self::PdfDamaged { unreadable, pages } => {
                format!("PDF-filen är skadad: innehållet på {unreadable} av dess {pages} sidor går inte att läsa")
            }
            Self::Crashed { reason } => format!("läsaren fallerade på filen: {reason}"),
            Self::TimedOut { seconds } => format!("läsningen tog längre än {seconds} s, gränsen för en fil"),
        }
    }

    /// What the user can do about it, in their language.
    #[must_use]
    pub fn advice(&self, lang: Lang) -> &'static str {
        if lang == Lang::En {
            return self.help();
        }
        match self {
            Self::NotSupported { .. } => lang.template("read_not_supported_help").unwrap_or_default(),
            Self::NoHeader { .. } | Self::RegisterColumns { .. } => {
                "ange kolumnerna med --columns roll=Rubrik (eller [columns] i klausul.toml), eller bladets slag med --sheet-kind"
            }
            Self::Unrecognised => "kontrollera att det är rätt fil; klausul läser text, Markdown, DOCX, ODT, PDF och kalkylblad",
            Self::Package { .. }
            | Self::MissingPart { .. }
            | Self::Xml { .. }
            | Self::Workbook { .. }
            | Self::PastLastColumn { .. } => {
                "filen kan vara skadad eller avkortad: öppna den i sitt program och spara den igen"
            }
            Self::Encrypted => "spara en kopia utan skydd och granska den",
            Self::PartTooLarge { .. }
            | Self::PackageTooLarge { .. }
            | Self::XmlTooDeep { .. }
            | Self::TooManyCells { .. }
            | Self::Expanded { .. } => {
                "det här är långt över varje verkligt dokument; är det äkta kan gränsen höjas i klausul.toml"
            }
            Self::XmlDocType { .. } => "kontorsprogram skriver aldrig så; filen har gjorts av något annat",
            Self::Pdf { .. } | Self::PdfDamaged { .. } | Self::Crashed { .. } | Self::TimedOut { .. } => {
                "exportera PDF-filen på nytt från källdokumentet, eller granska källdokumentet i stället"
            }
            Self::NoTextLayer { .. } => "kör OCR på PDF-filen först (till exempel ocrmypdf) och granska resultatet",
        }
    }

    /// What the user can do about it.
    #[must_use]
    pub fn help(&self) -> &'static str {
        match self {
            Self::NotSupported { .. } => Lang::En.template("read_not_supported_help").unwrap_or_default(),
            Self::NoHeader { .. } | Self::RegisterColumns { .. } => {
                "name the columns with --columns role=Header (or [columns] in klausul.toml), or say the kind with --sheet-kind"
            }
            Self::Unrecognised => {
                "check that this is the file you meant; klausul reads text, Markdown, DOCX, ODT and PDF"
            }
            Self::Package { .. }
            | Self::MissingPart { .. }
            | Self::Xml { .. }
            | Self::Workbook { .. }
            | Self::PastLastColumn { .. } => {
                "the file may be damaged or truncated: open it in its program and save it again"
            }
            Self::Encrypted => "save an unprotected copy and check that",
            Self::PartTooLarge { .. }
            | Self::PackageTooLarge { .. }
            | Self::XmlTooDeep { .. }
            | Self::TooManyCells { .. }
            | Self::Expanded { .. } => {
                "this is far beyond any real document; if it is genuine, raise the limit in klausul.toml"
            }
            Self::XmlDocType { .. } => "office programs never write this; the file was made by something else",
            Self::Pdf { .. } | Self::PdfDamaged { .. } | Self::Crashed { .. } | Self::TimedOut { .. } => {
                "export the PDF again from its source document, or check the source document instead"
            }
            Self::NoTextLayer { .. } => "run OCR on the PDF first (for example ocrmypdf) and check the result",
        }
    }
}
