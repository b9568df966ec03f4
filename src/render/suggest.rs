//! `klausul suggest`: a complete anti-discrimination section for a document,
//! covering its weak and missing requirements in the profile's own wording
//! with its parameters filled in, as Markdown or as a Word file.
//!
//! Every numbered item is clause text a lawyer could sign as it stands.
//! Advice to the drafter ("cite the act in force") is listed apart under
//! "Att tänka på": a requirement's `advice` from the profile, and any
//! suggested wording that begins with a word of drafting advice from the
//! vocabulary (`[drafting]` in `rules/vocabulary.toml`), so a profile's
//! advice never passes for contract text. Each item ends with the id of the
//! requirement it covers, in parentheses, after the text: the clause reads
//! unbroken, as a contract's does, and the id is a cross-reference the
//! drafter can keep or strike without touching the wording. A document
//! that needs nothing gets "Inget att lägga till", not an empty heading.

use std::fmt::Write as _;
use std::io::Write as _;

use zip::write::SimpleFileOptions;

use super::escape::{line, markdown, xml, xml_text};
use crate::model::lang::{fill, Lang};
use crate::profile::Profile;
use crate::report::DocumentReport;

/// One item of the section: the text and the requirement it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub text: String,
}

/// The suggested section: a heading, an introduction, the clause text one
/// item per requirement that needs one, and the points to consider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub heading: String,
    pub intro: String,
    /// Clause text, in the profile's order of requirements.
    pub clauses: Vec<Item>,
    /// "Att tänka på".
    pub advice_heading: String,
    /// Advice to the drafter, not clause text.
    pub advice: Vec<Item>,
    /// What a document that needs nothing gets: "Inget att lägga till."
    pub nothing: String,
    /// The language of the text as Word tags it: "sv-SE".
    pub language_tag: String,
}

#[must_use]
pub fn suggestion(doc: &DocumentReport, profile: &Profile, lang: Lang) -> Suggestion {
    let mut clauses = Vec::new();
    let mut advice = Vec::new();
    for r in doc.requirements.iter().filter(|r| r.status.is_finding()) {
        let item = |text: &str| Item {
            id: r.id.clone(),
            text: line(text.trim()).into_owned(),
        };
        if !r.help.trim().is_empty() {
            if profile.vocabulary.is_advice(&r.help) {
                advice.push(item(&r.help));
            } else {
                clauses.push(item(&r.help));
            }
        }
        let own = profile
            .requirements()
            .find(|x| x.id == r.id)
            .map(|x| x.advice.get(lang))
            .unwrap_or_default();
        if !own.trim().is_empty() {
            advice.push(item(own));
        }
    }
    Suggestion {
        heading: profile.template("suggestion_heading", lang).to_owned(),
        intro: fill(
            profile.template("suggestion_intro", lang),
            &[("path", &doc.path)],
        ),
        clauses,
        advice_heading: profile
            .template("suggestion_advice_heading", lang)
            .to_owned(),
        advice,
        nothing: profile.template("suggestion_nothing", lang).to_owned(),
        language_tag: profile.template("suggestion_language_tag", lang).to_owned(),
    }
}

/// An item's text with the id of the requirement it covers: "… (AD-05)".
fn labelled(item: &Item) -> String {
    format!("{} ({})", item.text, item.id)
}

impl Suggestion {
    /// The section as Markdown: a numbered list of clause text, then the
    /// points to consider as a bulleted list. The introduction, which names
    /// the document, is a comment, so it stays out of a pasted clause.
    #[must_use]
    pub fn markdown(&self) -> String {
        let intro = markdown(&self.intro).replace("--", "- -");
        if self.clauses.is_empty() && self.advice.is_empty() {
            return format!("<!-- {intro} -->\n\n{}\n", markdown(&self.nothing));
        }
        let mut out = String::new();
        if self.clauses.is_empty() {
            let _ = write!(out, "<!-- {intro} -->\n\n{}\n", markdown(&self.nothing));
        } else {
            let _ = write!(out, "## {}\n\n<!-- {intro} -->\n\n", self.heading);
            for (i, item) in self.clauses.iter().enumerate() {
                let _ = writeln!(out, "{}. {}", i + 1, labelled(item));
            }
        }
        if !self.advice.is_empty() {
            let _ = write!(out, "\n### {}\n\n", self.advice_heading);
            for item in &self.advice {
                let _ = writeln!(out, "- {}", labelled(item));
            }
        }
        out
    }

    /// A Word document holding the section: a Heading 1, the clause text as
    /// a list with Word's own numbering, and the points to consider under a
    /// Heading 2 as a bulleted list. Paragraphs are spaced by the styles,
    /// and every run is tagged with the language (`w:lang`).
    ///
    /// # Errors
    /// Never in practice: it is written to memory.
    pub fn docx(&self) -> std::io::Result<Vec<u8>> {
        let mut body = String::new();
        if self.clauses.is_empty() {
            body.push_str(&paragraph(None, &self.nothing, None));
        } else {
            body.push_str(&paragraph(Some("Heading1"), &self.heading, None));
            for item in &self.clauses {
                body.push_str(&paragraph(Some("ListNumber"), &item.text, Some(&item.id)));
            }
        }
        if !self.advice.is_empty() {
            body.push_str(&paragraph(Some("Heading2"), &self.advice_heading, None));
            for item in &self.advice {
                body.push_str(&paragraph(Some("ListBullet"), &item.text, Some(&item.id)));
            }
        }
        let parts = [
            ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
            ("_rels/.rels", PACKAGE_RELS.to_owned()),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
            ("word/styles.xml", styles(&self.language_tag)),
            ("word/numbering.xml", NUMBERING.to_owned()),
            (
                "word/document.xml",
                format!("{XML_HEAD}<w:document xmlns:w=\"{W}\"><w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" w:right=\"1417\" w:bottom=\"1417\" w:left=\"1417\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"),
            ),
        ];
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, text) in parts {
            zip.start_file(name, SimpleFileOptions::default())
                .map_err(std::io::Error::other)?;
            zip.write_all(text.as_bytes())?;
        }
        Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
    }
}

/// A paragraph in `style`, with the requirement's id after the text in a
/// quieter run of its own.
fn paragraph(style: Option<&str>, text: &str, id: Option<&str>) -> String {
    let num = match style {
        Some("ListNumber") => "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>",
        Some("ListBullet") => "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr>",
        _ => "",
    };
    let ppr = style.map_or(String::new(), |s| {
        format!("<w:pPr><w:pStyle w:val=\"{s}\"/>{num}</w:pPr>")
    });
    let id = id.map_or(String::new(), |id| {
        format!(
            "<w:r><w:rPr><w:color w:val=\"595959\"/></w:rPr><w:t xml:space=\"preserve\"> ({})</w:t></w:r>",
            xml_text(id)
        )
    });
    format!(
        "<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>{id}</w:p>",
        xml_text(text)
    )
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/></Types>";

const PACKAGE_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/></Relationships>";

/// Two lists: 1. 2. 3. for the clause text (`w:numId` 1) and bullets for
/// the points to consider (2), each item hanging from its number.
const NUMBERING: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"567\" w:hanging=\"567\"/></w:pPr></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{2022}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"567\" w:hanging=\"283\"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";

/// The styles: the language and the spacing after each paragraph as the
/// document's defaults, two headings, and the two list styles, each tied to
/// its Word list.
fn styles(language_tag: &str) -> String {
    let tag = xml(language_tag);
    format!(
        "{XML_HEAD}<w:styles xmlns:w=\"{W}\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"{tag}\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"ListNumber\"><w:name w:val=\"List Number\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"120\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr><w:spacing w:after=\"120\"/></w:pPr></w:style>\
</w:styles>"
    )
}
