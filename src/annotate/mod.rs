//! `klausul annotate`: a copy of a Word document with each weak or missing
//! requirement as a Word comment where it belongs, and with `--track-changes`
//! the fixes that are safe to make mechanically as tracked revisions.
//!
//! It owns writing into a DOCX package and nothing else: the checking is
//! done before (a `Document` and its `DocumentReport`), and the binary
//! decides where the copy goes. Only `word/document.xml`, the comments part,
//! `[Content_Types].xml` and the document's relationships are rewritten;
//! every other entry is copied compressed, byte for byte. Within the
//! rewritten parts every byte outside the spliced places stays as it was
//! (`splice`), and what an earlier run wrote is taken out first (`clean`).
//!
//! ODT is not annotated.

mod anchor;
mod clean;
mod error;
mod insert;
mod markup;
mod package;
mod revise;
mod scan;
mod splice;

use std::collections::{BTreeMap, HashMap, HashSet};

pub use error::AnnotateError;
pub use markup::Stamp;

use crate::document::Document;
use crate::model::lang::Lang;
use crate::model::limits::Limits;
use crate::profile::Profile;
use crate::report::{DocumentReport, RequirementResult};
use anchor::Anchor;
use scan::Body;
use splice::Edits;

/// The author of every comment and revision `annotate` writes; an earlier
/// run's are known by it, and its comments never suppress anything.
pub const AUTHOR: &str = "klausul";

const DOCUMENT: &str = "word/document.xml";
const RELS: &str = "word/_rels/document.xml.rels";
const TYPES: &str = "[Content_Types].xml";

pub struct Options<'a> {
    pub lang: Lang,
    pub stamp: Stamp,
    pub track_changes: bool,
    /// Annotate a signed or macro-enabled document anyway.
    pub force: bool,
    pub limits: Limits,
    pub profile: &'a Profile,
}

/// The annotated copy and what went into it.
#[derive(Debug)]
pub struct Annotated {
    pub bytes: Vec<u8>,
    pub comments: usize,
    pub revisions: usize,
    /// The input carried a digital signature, which the copy breaks.
    pub signature_broken: bool,
}

/// # Errors
/// Input that is not a Word package, an encrypted one, a signed or
/// macro-enabled one without `force`, malformed XML, or parts past the limits.
pub fn annotate(
    bytes: &[u8],
    doc: &Document,
    report: &DocumentReport,
    options: &Options<'_>,
) -> Result<Annotated, AnnotateError> {
    let mut source = package::Source::open(bytes, options.limits)?;
    let types = source.text(TYPES)?.unwrap_or_default();
    let signed = refuse_unless_forced(&source.names(), &types, options)?;
    let raw = source.text(DOCUMENT)?.ok_or(AnnotateError::NotWord)?;
    scan::scan(&raw, options.limits.xml_depth)?;
    let rels = source.text(RELS)?.unwrap_or_default();
    let comments_name = comments_part_name(&rels);
    let existing = source.text(&comments_name)?;
    let author = options.stamp.author.as_str();
    let (comments, ids) = match &existing {
        Some(c) => clean::comments(c, author)?,
        None => (String::new(), HashSet::new()),
    };
    let cleaned = clean::document(&raw, author, &ids)?;
    let body = scan::scan(&cleaned, options.limits.xml_depth)?;
    let first_id = body.max_id.max(max_id(&comments)) + 1;
    // A location's `paragraph` counts the paragraphs with text; the scan
    // counts every `w:p`. The reader says which is which.
    let sources = crate::document::docx_paragraph_sources(bytes, options.limits).map_err(|e| {
        AnnotateError::Xml {
            reason: e.to_string(),
        }
    })?;
    let mut writer = Writer::new(&body, &cleaned, doc, options, first_id, &sources);
    for r in report
        .requirements
        .iter()
        .filter(|r| r.status.is_finding() && r.suppressed.is_none())
    {
        writer.requirement(r);
    }
    if options.track_changes {
        writer.insert_missing(report);
    }
    let parts = Parts {
        raw: &raw,
        cleaned: &cleaned,
        rels: &rels,
        types: &types,
        comments_name: &comments_name,
        existing: existing.as_deref(),
        comments: &comments,
    };
    let (changed, count, revisions) = parts.changed(writer);
    Ok(Annotated {
        bytes: source.rewrite(&changed)?,
        comments: count,
        revisions,
        signature_broken: signed,
    })
}

/// Refuses a macro-enabled or signed package unless `force` says otherwise;
/// whether it is signed.
fn refuse_unless_forced(
    names: &[String],
    types: &str,
    options: &Options<'_>,
) -> Result<bool, AnnotateError> {
    let signed = names.iter().any(|n| n.starts_with("_xmlsignatures/"));
    let macros =
        names.iter().any(|n| n.ends_with("vbaProject.bin")) || types.contains("macroEnabled");
    if !options.force && macros {
        return Err(AnnotateError::Macros);
    }
    if !options.force && signed {
        return Err(AnnotateError::Signed);
    }
    Ok(signed)
}

/// The parts of the package an annotation may change, as read, and the
/// comments left after an earlier run's were taken out.
struct Parts<'a> {
    raw: &'a str,
    cleaned: &'a str,
    rels: &'a str,
    types: &'a str,
    comments_name: &'a str,
    existing: Option<&'a str>,
    comments: &'a str,
}

impl Parts<'_> {
    /// The parts the writer's edits and comments change, by name, with the
    /// number of comments and of revisions. A part that comes out as it went
    /// in is left out, so that it is copied, not rewritten.
    fn changed(&self, writer: Writer<'_>) -> (BTreeMap<String, String>, usize, usize) {
        let Writer {
            edits,
            comments: new_comments,
            count,
            revisions,
            ..
        } = writer;
        let mut changed = BTreeMap::new();
        changed.insert(DOCUMENT.to_owned(), edits.apply(self.cleaned));
        if count > 0 || self.existing.is_some() {
            let base = self.existing.map(|_| self.comments);
            changed.insert(
                self.comments_name.to_owned(),
                markup::comments_part(base, &new_comments),
            );
            if markup::comments_target(self.rels).is_none() {
                if let Some(r) = markup::with_comments_rel(self.rels) {
                    changed.insert(RELS.to_owned(), r);
                }
            }
            if let Some(t) = markup::content_types(self.types, self.comments_name) {
                changed.insert(TYPES.to_owned(), t);
            }
        }
        changed.retain(|name, text| {
            if name == DOCUMENT {
                text != self.raw
            } else if name == self.comments_name {
                self.existing != Some(text.as_str())
            } else {
                true
            }
        });
        (changed, count, revisions)
    }
}

/// The package without what an earlier run by `author` wrote (its comments
/// and its pending revisions rejected), or `None` when there is none: what
/// to check, so that findings are about the officer's own text.
///
/// # Errors
/// As `annotate`.
pub fn without_own(
    bytes: &[u8],
    author: &str,
    limits: Limits,
) -> Result<Option<Vec<u8>>, AnnotateError> {
    let mut source = package::Source::open(bytes, limits)?;
    let raw = source.text(DOCUMENT)?.ok_or(AnnotateError::NotWord)?;
    scan::scan(&raw, limits.xml_depth)?;
    let rels = source.text(RELS)?.unwrap_or_default();
    let comments_name = comments_part_name(&rels);
    let mut changed = BTreeMap::new();
    let mut ids = HashSet::new();
    if let Some(existing) = source.text(&comments_name)? {
        let (comments, own) = clean::comments(&existing, author)?;
        if comments != existing {
            changed.insert(comments_name, comments);
        }
        ids = own;
    }
    let cleaned = clean::document(&raw, author, &ids)?;
    if cleaned != raw {
        changed.insert(DOCUMENT.to_owned(), cleaned);
    }
    if changed.is_empty() {
        return Ok(None);
    }
    source.rewrite(&changed).map(Some)
}

/// The name of the comments part the relationships point at, or the usual one.
fn comments_part_name(rels: &str) -> String {
    markup::comments_target(rels).map_or_else(
        || "word/comments.xml".to_owned(),
        |t| {
            t.strip_prefix('/')
                .map_or_else(|| format!("word/{t}"), str::to_owned)
        },
    )
}

/// The catalogue's template `key` in `lang`, filled with `values`.
fn phrase(lang: Lang, key: &str, values: &[(&str, &str)]) -> String {
    crate::model::lang::fill(lang.template(key).unwrap_or_default(), values)
}

/// The largest numeric `w:id` in a part.
fn max_id(xml: &str) -> u64 {
    xml.match_indices("w:id=\"")
        .filter_map(|(at, m)| {
            let rest = &xml[at + m.len()..];
            rest[..rest.find('"')?].parse::<u64>().ok()
        })
        .max()
        .unwrap_or(0)
}

/// Plans the edits of `document.xml` and writes the comments.
struct Writer<'a> {
    body: &'a Body,
    /// The text of `document.xml` the body was scanned from.
    raw: &'a str,
    doc: &'a Document,
    options: &'a Options<'a>,
    by_index: HashMap<u32, usize>,
    edits: Edits,
    /// Segments whose `w:t` now keeps its spaces.
    preserved: HashSet<(usize, usize)>,
    comments: String,
    count: usize,
    revisions: usize,
    next_id: u64,
}

impl<'a> Writer<'a> {
    fn new(
        body: &'a Body,
        raw: &'a str,
        doc: &'a Document,
        options: &'a Options<'a>,
        next_id: u64,
        sources: &[u32],
    ) -> Self {
        let by_source: HashMap<u32, usize> = body
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| (p.index, i))
            .collect();
        Self {
            raw,
            // By a location's `paragraph`.
            by_index: (1..)
                .zip(sources)
                .filter_map(|(n, s)| Some((n, *by_source.get(s)?)))
                .collect(),
            body,
            doc,
            options,
            edits: Edits::default(),
            preserved: HashSet::new(),
            comments: String::new(),
            count: 0,
            revisions: 0,
            next_id,
        }
    }

    fn id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id - 1
    }

    fn requirement(&mut self, r: &RequirementResult) {
        let Some(anchor) = anchor::find(self.body, self.doc, &self.by_index, r) else {
            return;
        };
        let id = self.id();
        self.mark(&anchor, id);
        let lang = self.options.lang;
        let status = phrase(
            lang,
            &format!("status_{}", r.status.name().replace('-', "_")),
            &[],
        );
        let mut text = vec![phrase(
            lang,
            "annotate_comment_title",
            &[("id", &r.id), ("name", &r.name), ("status", &status)],
        )];
        if !r.message.is_empty() {
            text.push(r.message.clone());
        }
        if !r.help.is_empty() {
            text.push(phrase(
                lang,
                "annotate_comment_suggestion",
                &[("help", &r.help)],
            ));
        }
        self.comments
            .push_str(&markup::comment(id, &text, &self.options.stamp));
        self.count += 1;
        if self.options.track_changes {
            if let Anchor::Words { para, chars } = &anchor {
                self.revise(r, *para, chars.clone());
            }
        }
    }

    /// The comment's start and end marks around the anchor.
    fn mark(&mut self, anchor: &Anchor, id: u64) {
        match anchor {
            Anchor::Paragraph(i) => {
                let p = &self.body.paragraphs[*i];
                let start = p.ppr.as_ref().map_or(p.open.end, |r| r.end);
                self.edits.insert(start, markup::comment_start(id), 0);
                self.edits.insert(p.close.start, markup::comment_end(id), 0);
            }
            Anchor::Words { para, chars } => {
                let p = &self.body.paragraphs[*para];
                let first = p.chars[chars.clone()].iter().find_map(|c| c.raw.clone());
                let last = p.chars[chars.clone()]
                    .iter()
                    .rev()
                    .find_map(|c| c.raw.clone());
                if let (Some((s1, r1)), Some((s2, r2))) = (first, last) {
                    let start = self.between(*para, s1, &markup::comment_start(id));
                    self.edits.insert(r1.start, start, 0);
                    let end = self.between(*para, s2, &markup::comment_end(id));
                    self.edits.insert(r2.end, end, 0);
                }
            }
        }
    }

    /// `xml` between the two halves of segment `seg`'s run, once split.
    fn between(&mut self, para: usize, seg: usize, xml: &str) -> String {
        let s = &self.body.paragraphs[para].segments[seg];
        if self.preserved.insert((para, seg)) {
            self.edits
                .replace(s.tag.clone(), r#"<w:t xml:space="preserve">"#.to_owned());
        }
        let rpr = s.rpr.clone().map(|r| markup::copied_rpr(&self.raw[r]));
        markup::between_runs(xml, rpr.as_deref().unwrap_or(""))
    }
}
