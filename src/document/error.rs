//! Why a Word, OpenDocument, PDF or spreadsheet file could not be read. Each
//! message names the part of the file and, where one was reached, the limit.
//! The words are the message catalogues' (`rules/messages/`, keys `read_…`);
//! English is the `Display`.

use crate::model::lang::{fill, Lang};
use crate::model::limits::Overrun;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Unrecognised,
    Workbook {
        reason: String,
    },
    NoHeader {
        found: String,
    },
    RegisterColumns {
        sheet: String,
        missing: String,
        found: String,
    },
    TooManyCells {
        sheet: String,
        limit: u64,
    },
    PastLastColumn {
        sheet: String,
        cell: String,
    },
    Expanded {
        limit: u64,
    },
    Package {
        reason: String,
    },
    Encrypted,
    MissingPart {
        part: String,
        kind: &'static str,
    },
    PartTooLarge {
        part: String,
        limit: u64,
    },
    PackageTooLarge {
        limit: u64,
    },
    Xml {
        part: String,
        reason: String,
    },
    XmlTooDeep {
        part: String,
        limit: usize,
    },
    XmlDocType {
        part: String,
    },
    Pdf {
        reason: String,
    },
    NoTextLayer {
        pages: usize,
    },
    PdfDamaged {
        unreadable: usize,
        pages: usize,
    },
    Crashed {
        reason: String,
    },
    TimedOut {
        seconds: u64,
    },
    /// A format klausul knows but does not read (old Word, RTF). It is
    /// refused, never read as something else: RTF read as text gives wrong
    /// statuses.
    NotSupported {
        format: String,
    },
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
    /// The catalogue key of its message, and the values that fill it.
    fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        let n = |v: &dyn ToString| v.to_string();
        match self {
            Self::Unrecognised => ("read_unrecognised", vec![]),
            Self::Workbook { reason } => ("read_workbook", vec![("reason", n(reason))]),
            Self::NoHeader { found } => ("read_no_header", vec![("found", n(found))]),
            Self::RegisterColumns {
                sheet,
                missing,
                found,
            } => (
                "read_register_columns",
                vec![
                    ("sheet", n(sheet)),
                    ("missing", n(missing)),
                    ("found", n(found)),
                ],
            ),
            Self::TooManyCells { sheet, limit } => (
                "read_too_many_cells",
                vec![("sheet", n(sheet)), ("limit", n(limit))],
            ),
            Self::PastLastColumn { sheet, cell } => (
                "read_past_last_column",
                vec![("sheet", n(sheet)), ("cell", n(cell))],
            ),
            Self::Expanded { limit } => ("read_expanded", vec![("limit", n(limit))]),
            Self::Package { reason } => ("read_package", vec![("reason", n(reason))]),
            Self::Encrypted => ("read_encrypted", vec![]),
            Self::NotSupported { format } => ("read_not_supported", vec![("format", n(format))]),
            Self::MissingPart { part, kind } => (
                "read_missing_part",
                vec![("part", n(part)), ("kind", n(kind))],
            ),
            Self::PartTooLarge { part, limit } => (
                "read_part_too_large",
                vec![("part", n(part)), ("limit", n(limit))],
            ),
            Self::PackageTooLarge { limit } => {
                ("read_package_too_large", vec![("limit", n(limit))])
            }
            Self::Xml { part, reason } => {
                ("read_xml", vec![("part", n(part)), ("reason", n(reason))])
            }
            Self::XmlTooDeep { part, limit } => (
                "read_xml_too_deep",
                vec![("part", n(part)), ("limit", n(limit))],
            ),
            Self::XmlDocType { part } => ("read_xml_doctype", vec![("part", n(part))]),
            Self::Pdf { reason } => ("read_pdf", vec![("reason", n(reason))]),
            Self::NoTextLayer { pages } => ("read_no_text_layer", vec![("pages", n(pages))]),
            Self::PdfDamaged { unreadable, pages } => (
                "read_pdf_damaged",
                vec![("unreadable", n(unreadable)), ("pages", n(pages))],
            ),
            Self::Crashed { reason } => ("read_crashed", vec![("reason", n(reason))]),
            Self::TimedOut { seconds } => ("read_timed_out", vec![("seconds", n(seconds))]),
        }
    }

    /// The catalogue key of what the user can do about it.
    const fn help_key(&self) -> &'static str {
        match self {
            Self::NoHeader { .. } | Self::RegisterColumns { .. } => "read_help_columns",
            Self::Unrecognised => "read_help_unrecognised",
            Self::Package { .. }
            | Self::MissingPart { .. }
            | Self::Xml { .. }
            | Self::Workbook { .. }
            | Self::PastLastColumn { .. } => "read_help_damaged",
            Self::Encrypted => "read_help_encrypted",
            Self::PartTooLarge { .. }
            | Self::PackageTooLarge { .. }
            | Self::XmlTooDeep { .. }
            | Self::TooManyCells { .. }
            | Self::Expanded { .. } => "read_help_limit",
            Self::XmlDocType { .. } => "read_help_doctype",
            Self::Pdf { .. }
            | Self::PdfDamaged { .. }
            | Self::Crashed { .. }
            | Self::TimedOut { .. } => "read_help_pdf",
            Self::NoTextLayer { .. } => "read_help_ocr",
            Self::NotSupported { .. } => "read_not_supported_help",
        }
    }

    /// The message in the user's language; English is the `Display`.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        let (key, values) = self.message();
        let values: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
        fill(words(lang, key), &values)
    }

    /// What the user can do about it, in their language.
    #[must_use]
    pub fn advice(&self, lang: Lang) -> &'static str {
        words(lang, self.help_key())
    }

    /// What the user can do about it, in English.
    #[must_use]
    pub fn help(&self) -> &'static str {
        self.advice(Lang::En)
    }
}

/// The catalogue's words for `key` in `lang`. Every catalogue has every key
/// (a test sees to it), so the key itself is never shown.
pub(crate) fn words(lang: Lang, key: &'static str) -> &'static str {
    lang.template(key).unwrap_or(key)
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for ReadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_advice_come_from_the_catalogues() {
        let e = ReadError::TooManyCells {
            sheet: "Avtal".into(),
            limit: 100,
        };
        assert_eq!(
            e.to_string(),
            "sheet `Avtal` takes the workbook past 100 cells, the limit for one workbook"
        );
        assert_eq!(
            e.describe(Lang::Sv),
            "bladet `Avtal` tar arbetsboken över 100 celler, gränsen för en arbetsbok"
        );
        assert_eq!(
            e.advice(Lang::Sv),
            "det här är långt över varje verkligt dokument; är det äkta kan gränsen höjas i klausul.toml"
        );
        assert_eq!(
            ReadError::Encrypted.help(),
            "save an unprotected copy and check that"
        );
        // A value is put in as it is, braces and all.
        let e = ReadError::Workbook {
            reason: "{limit}".into(),
        };
        assert_eq!(e.to_string(), "the workbook cannot be read: {limit}");
    }
}
