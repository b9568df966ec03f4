//! `klausul suggest`: a complete anti-discrimination section for a document,
//! covering its weak and missing requirements in the tool's own wording with
//! the profile's parameters filled in, as Markdown or as a Word file.

use std::fmt::Write as _;
use std::io::Write as _;

use zip::write::SimpleFileOptions;

use super::escape::xml_text;
use super::words::phrase;
use crate::model::lang::Lang;
use crate::profile::Profile;
use crate::report::DocumentReport;

/// The suggested section: a heading, an introduction and one paragraph per
/// requirement that needs one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub heading: String,
    pub intro: String,
    /// (requirement id, wording).
    pub paragraphs: Vec<(String, String)>,
}

#[must_use]
pub fn suggestion(doc: &DocumentReport, profile: &Profile, lang: Lang) -> Suggestion {
    Suggestion {
        heading: profile.template("suggestion_heading", lang).to_owned(),
        intro: phrase(lang, "suggestion_intro", &[("path", &doc.path)]),
        paragraphs: doc
            .requirements
            .iter()
            .filter(|r| r.status.is_finding())
            .map(|r| (r.id.clone(), r.help.clone()))
            .collect(),
    }
}

impl Suggestion {
    #[must_use]
    pub fn markdown(&self) -> String {
        let mut out = format!("## {}\n\n<!-- {} -->\n\n", self.heading, self.intro);
        for (i, (id, text)) in self.paragraphs.iter().enumerate() {
            let _ = writeln!(out, "{}. {text} <!-- {id} -->", i + 1);
        }
        out
    }

    /// A Word document holding the section: a Heading 1 and numbered paragraphs.
    ///
    /// # Errors
    /// Never in practice: it is written to memory.
    pub fn docx(&self) -> std::io::Result<Vec<u8>> {
        let para = |style: Option<&str>, text: &str| {
            let ppr = style.map_or(String::new(), |s| {
                format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>")
            });
            format!(
                "<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                xml_text(text)
            )
        };
        let mut body = para(Some("Heading1"), &self.heading);
        for (i, (_, text)) in self.paragraphs.iter().enumerate() {
            body.push_str(&para(None, &format!("{}. {text}", i + 1)));
        }
        let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        let parts = [
            ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/></Types>".to_owned()),
            ("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".to_owned()),
            ("word/_rels/document.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>".to_owned()),
            ("word/styles.xml", format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:styles xmlns:w=\"{w}\"><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style><w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"32\"/></w:rPr></w:style></w:styles>")),
            ("word/document.xml", format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{w}\"><w:body>{body}</w:body></w:document>")),
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
