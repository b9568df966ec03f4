//! Why a document could not be annotated. The words for people come from the
//! message catalogue (`describe`); the `Display` text is for logs.

use thiserror::Error;

use super::phrase;
use crate::model::lang::Lang;

#[derive(Debug, Error, Clone, PartialEq, Eq, miette::Diagnostic)]
pub enum AnnotateError {
    #[error("only a Word document (DOCX) can be annotated")]
    NotWord,
    #[error("the file is encrypted or password-protected")]
    Encrypted,
    #[error("the document holds macros")]
    Macros,
    #[error("the document is digitally signed")]
    Signed,
    #[error("not a readable zip package ({reason})")]
    Package { reason: String },
    #[error("`{part}` decompresses past the limit")]
    TooLarge { part: String },
    #[error("the document's XML is not well-formed: {reason}")]
    Xml { reason: String },
}

impl AnnotateError {
    /// The message in `lang`, with advice where there is some.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Self::NotWord => phrase(lang, "annotate_not_docx", &[]),
            Self::Encrypted => phrase(lang, "annotate_encrypted", &[]),
            Self::Macros => phrase(lang, "annotate_macros", &[]),
            Self::Signed => phrase(lang, "annotate_signed", &[]),
            Self::Package { reason } | Self::Xml { reason } => {
                phrase(lang, "annotate_damaged", &[("reason", reason)])
            }
            Self::TooLarge { part } => phrase(lang, "annotate_too_large", &[("part", part)]),
        }
    }
}
