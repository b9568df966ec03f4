//! Files a folder walk did not check, each with why, so that nothing in a
//! folder is skipped silently: every output lists them.

use serde::Serialize;

/// A file the walk did not check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub path: String,
    pub reason: SkipReason,
}

/// Why a file was not checked (`reason` in the JSON report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkipReason {
    /// `.doc`, `.dot`: Word 97–2003.
    OldWord,
    /// `.docm`: Word with macros.
    MacroWord,
    Rtf,
    /// Apple Pages.
    Pages,
    /// `.wpd`.
    WordPerfect,
    /// `~$avtal.docx` that is not a zip.
    LockFile,
    /// A link whose target lies outside the folder walked.
    OutsideLink,
}

impl SkipReason {
    /// The reason for a file with extension `ext` (lower case), if it looks
    /// like a document klausul does not read.
    #[must_use]
    pub fn of_extension(ext: &str) -> Option<Self> {
        Some(match ext {
            "doc" | "dot" => Self::OldWord,
            "docm" => Self::MacroWord,
            "rtf" => Self::Rtf,
            "pages" => Self::Pages,
            "wpd" => Self::WordPerfect,
            _ => return None,
        })
    }

    /// Its catalogue key: the reason in words.
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Self::OldWord => "skipped_old_word",
            Self::MacroWord => "skipped_macro_word",
            Self::Rtf => "skipped_rtf",
            Self::Pages => "skipped_pages",
            Self::WordPerfect => "skipped_wpd",
            Self::LockFile => "skipped_lock",
            Self::OutsideLink => "skipped_link",
        }
    }

    /// A document the user may have meant to have checked: `--strict`
    /// makes skipping one an input error.
    #[must_use]
    pub const fn document_like(self) -> bool {
        !matches!(self, Self::LockFile | Self::OutsideLink)
    }
}

/// What a walk skipped: the files listed one by one, and how many others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Skips {
    pub listed: Vec<Skipped>,
    /// Files of no document-like kind (images, archives, …), counted only.
    pub others: usize,
}
