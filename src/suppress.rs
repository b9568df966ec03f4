//! Accepted deviations, each with its reason. In text and Markdown a
//! suppression is written in the document (`<!-- klausul-ignore AD-05: reason
//! -->`, or a line `klausul-ignore AD-05: reason`); for Word, PDF and
//! spreadsheets, where officers cannot add such comments, it is an entry of
//! the suppression file, keyed by the document's SHA-256 so it lapses when the
//! document changes. A suppressed requirement keeps its status in the report
//! but does not count toward the exit status. A suppression without a reason
//! is not applied, and one that suppresses nothing is reported.

use std::path::{Path, PathBuf};

use nom::bytes::complete::{tag, tag_no_case, take_while, take_while1};
use nom::character::complete::{char, space0, space1};
use nom::combinator::{opt, recognize};
use nom::sequence::preceded;
use nom::{IResult, Parser};
use serde::Deserialize;

use crate::config::ConfigError;
use crate::model::message::Message;
use crate::model::vocab::SuppressionKind;
use crate::report::{DocumentReport, Suppressed};
use crate::toml_file::{self, Layer, Problem};

mod comments;

pub use comments::in_comments;

/// A suppression written in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inline {
    pub id: String,
    pub reason: Option<String>,
    /// 1-based: the line of the text, or of the Word comment.
    pub line: usize,
    /// The Word comment it is written in (1-based, in the order of
    /// `word/comments.xml`); `None` for a line of the text.
    pub comment: Option<usize>,
}

const DIRECTIVE: &str = "klausul-ignore";

/// `klausul-ignore AD-05: reason`, optionally inside an HTML comment.
fn directive(input: &str) -> IResult<&str, (&str, Option<&str>)> {
    let (rest, _) = (space0, opt((tag("<!--"), space0))).parse(input)?;
    let (rest, _) = (tag_no_case(DIRECTIVE), space1).parse(rest)?;
    let (rest, id) = recognize((
        take_while1(|c: char| c.is_ascii_alphabetic()),
        char('-'),
        take_while1(|c: char| c.is_ascii_alphanumeric()),
    ))
    .parse(rest)?;
    let (rest, reason) = opt(preceded((space0, char(':')), take_while(|_| true))).parse(rest)?;
    Ok((rest, (id, reason)))
}

/// Every suppression directive in `text`, one per line.
#[must_use]
pub fn inline(text: &str) -> Vec<Inline> {
    // Only a line holding the directive's keyword can be one: the text is
    // searched for the keyword's hyphen, and just those lines are read.
    let bytes = text.as_bytes();
    let hyphen = DIRECTIVE.find('-').unwrap_or_default();
    let keywords = memchr::memchr_iter(b'-', bytes).filter_map(|i| {
        let start = i.checked_sub(hyphen)?;
        let word = bytes.get(start..start + DIRECTIVE.len())?;
        word.eq_ignore_ascii_case(DIRECTIVE.as_bytes())
            .then_some(start)
    });
    let (mut counted, mut line) = (0, 1);
    let mut directives: Vec<Inline> = Vec::new();
    for at in keywords {
        let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
        line += memchr::memchr_iter(b'\n', &bytes[counted..start]).count();
        counted = start;
        if directives.last().is_some_and(|d| d.line == line) {
            continue;
        }
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(text.len(), |i| start + i);
        let Ok((_, (id, reason))) = directive(text[start..end].trim_end_matches('\r')) else {
            continue;
        };
        let reason = reason
            .map(|r| r.trim().trim_end_matches("-->").trim().to_owned())
            .filter(|r| !r.is_empty());
        directives.push(Inline {
            id: id.to_ascii_uppercase(),
            reason,
            line,
            comment: None,
        });
    }
    directives
}

/// Where a suppression written in a document stands, as a reader finds it.
fn place_of(s: &Inline) -> Message {
    match s.comment {
        Some(n) => Message::new("suppress_place_comment").with("comment", n.to_string()),
        None => Message::new("suppress_place_document").with("line", s.line.to_string()),
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSpec {
    #[serde(default)]
    suppress: Vec<EntrySpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntrySpec {
    /// For the reader: the document's path when the entry was written.
    document: Option<String>,
    sha256: toml::Spanned<String>,
    requirement: toml::Spanned<String>,
    reason: Option<toml::Spanned<String>>,
}

/// An entry of the suppression file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub document: Option<String>,
    pub sha256: String,
    pub requirement: String,
    pub reason: String,
    /// 1-based line in the file.
    pub line: usize,
}

#[derive(Debug, Clone, Default)]
pub struct SuppressionFile {
    pub path: PathBuf,
    pub entries: Vec<Entry>,
}

impl SuppressionFile {
    /// # Errors
    /// An unreadable file, unknown keys, or an entry without a reason.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        Self::validate(path, toml_file::load(path)?)
    }

    /// # Errors
    /// As `load`.
    pub fn parse(path: &Path, text: &str) -> Result<Self, ConfigError> {
        Self::validate(path, toml_file::parse(&path.display().to_string(), text)?)
    }

    fn validate(path: &Path, file: Layer<FileSpec>) -> Result<Self, ConfigError> {
        let text = file.text.as_str();
        // Each entry's line from one list of line starts, not by counting
        // from the top of the file for each of 200 000 entries.
        let breaks: Vec<usize> = memchr::memchr_iter(b'\n', text.as_bytes()).collect();
        let line = |at: usize| breaks.partition_point(|&b| b < at) + 1;
        let mut problems = Vec::new();
        let mut entries = Vec::new();
        for e in file.spec.suppress {
            let reason = e
                .reason
                .as_ref()
                .map(|r| r.get_ref().trim().to_owned())
                .filter(|r| !r.is_empty());
            let Some(reason) = reason else {
                let at = e
                    .reason
                    .as_ref()
                    .map_or(e.requirement.span(), toml::Spanned::span);
                problems.push(Problem::at("a suppression needs a reason", Some(at)));
                continue;
            };
            entries.push(Entry {
                document: e.document,
                sha256: e.sha256.get_ref().to_ascii_lowercase(),
                requirement: e.requirement.get_ref().to_ascii_uppercase(),
                reason,
                line: line(e.requirement.span().start),
            });
        }
        if problems.is_empty() {
            Ok(Self {
                path: path.to_path_buf(),
                entries,
            })
        } else {
            Err(ConfigError::from_problems(path, text, problems))
        }
    }

    /// The entries for a document with this hash.
    pub fn for_document<'a>(&'a self, sha256: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries.iter().filter(move |e| e.sha256 == sha256)
    }
}

/// Notes for suppressions written in a document that are not applied,
/// because the run does not let documents suppress their own findings.
#[must_use]
pub fn refused(inline: &[Inline]) -> Vec<Message> {
    inline
        .iter()
        .map(|s| {
            Message::new("suppress_inline_off")
                .with("id", s.id.as_str())
                .with("place", place_of(s))
        })
        .collect()
}

/// Applies the suppressions to a document's report and returns the warnings:
/// suppressions without a reason, for unknown requirements, or for ones that
/// are neither weak nor missing.
pub fn apply<'a>(
    doc: &mut DocumentReport,
    inline: &[Inline],
    entries: impl Iterator<Item = &'a Entry>,
) -> Vec<Message> {
    let mut warnings = Vec::new();
    let written = inline.iter().map(|s| {
        (
            s.id.as_str(),
            s.reason.as_deref(),
            SuppressionKind::InDocument,
            place_of(s),
        )
    });
    let filed = entries.map(|e| {
        (
            e.requirement.as_str(),
            Some(e.reason.as_str()),
            SuppressionKind::File,
            Message::new("suppress_place_file").with("line", e.line.to_string()),
        )
    });
    for (id, reason, kind, place) in written.chain(filed) {
        let warning = |key| {
            Message::new(key)
                .with("id", id)
                .with("place", place.clone())
        };
        let Some(reason) = reason else {
            warnings.push(warning("suppress_no_reason"));
            continue;
        };
        match doc.requirements.iter_mut().find(|r| r.id == id) {
            None => warnings.push(warning("suppress_unknown")),
            Some(r) if !r.status.is_finding() => {
                warnings.push(warning("suppress_unused").with("status", r.status.name()));
            }
            Some(r) => {
                r.suppressed = Some(Suppressed {
                    reason: reason.to_owned(),
                    kind,
                });
            }
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_in_comments_and_lines() {
        let text = "# Avtal\n<!-- klausul-ignore AD-05: inga underleverantörer i uppdraget -->\nklausul-ignore ad-08: rapporteras i avtalsuppföljningen\nklausul-ignore AD-09\n";
        assert_eq!(
            inline(text),
            [
                Inline {
                    id: "AD-05".into(),
                    reason: Some("inga underleverantörer i uppdraget".into()),
                    line: 2,
                    comment: None
                },
                Inline {
                    id: "AD-08".into(),
                    reason: Some("rapporteras i avtalsuppföljningen".into()),
                    line: 3,
                    comment: None
                },
                Inline {
                    id: "AD-09".into(),
                    reason: None,
                    line: 4,
                    comment: None
                },
            ]
        );
    }

    #[test]
    fn directives_are_found_only_at_the_start_of_their_line() {
        let text = "Rad ett\r\nSe klausul-ignore AD-01: inte i början\r\n\r\n  KLAUSUL-IGNORE ad-02: versaler, klausul-ignore AD-03: två\r\n<!--klausul-ignore AD-04:-->\nklausul-ignoreAD-05: inget mellanrum";
        let found: Vec<(String, Option<String>, usize)> = inline(text)
            .into_iter()
            .map(|d| (d.id, d.reason, d.line))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "AD-02".into(),
                    Some("versaler, klausul-ignore AD-03: två".into()),
                    4
                ),
                ("AD-04".into(), None, 5),
            ]
        );
    }

    #[test]
    fn a_file_entry_without_a_reason_is_an_error_at_its_line() {
        let text = "[[suppress]]\nsha256 = \"AB\"\nrequirement = \"AD-05\"\n";
        let e = SuppressionFile::parse(Path::new("s.toml"), text).unwrap_err();
        assert_eq!(e.problems[0].message, "a suppression needs a reason");
        assert_eq!(e.problems[0].span.map(|s| s.offset()), Some(41));
    }

    /// The plain reading: every line parsed as a directive.
    fn every_line(text: &str) -> Vec<Inline> {
        text.lines()
            .enumerate()
            .filter_map(|(i, line)| {
                let (_, (id, reason)) = directive(line).ok()?;
                let reason = reason
                    .map(|r| r.trim().trim_end_matches("-->").trim().to_owned())
                    .filter(|r| !r.is_empty());
                Some(Inline {
                    id: id.to_ascii_uppercase(),
                    reason,
                    line: i + 1,
                    comment: None,
                })
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn the_keyword_search_finds_what_reading_every_line_does(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "klausul-ignore", "KLAUSUL-Ignore", "klausul-ignor", "AD-05", "ad-1", ":", " ", "  ",
                "\n", "\r\n", "\r", "<!--", "-->", "skäl", "-", "x", "å",
            ]), 0..40)
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(inline(&text), every_line(&text));
        }
    }
}
