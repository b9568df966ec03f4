//! The WordprocessingML klausul writes: comment marks, tracked insertions
//! and deletions, the comments part, and the entries that register it in
//! `[Content_Types].xml` and the document's relationships. Every piece of
//! document or report text goes through `render::escape`.

use crate::render::escape::xml;

pub const COMMENTS_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
pub const COMMENTS_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Who and when, on every comment and revision.
#[derive(Debug, Clone)]
pub struct Stamp {
    pub author: String,
    /// `xsd:dateTime`, such as "2026-12-05T17:00:00Z".
    pub date: String,
}

impl Stamp {
    fn attrs(&self, id: u64) -> String {
        format!(
            r#"w:id="{id}" w:author="{}" w:date="{}""#,
            xml(&self.author),
            xml(&self.date)
        )
    }
}

pub fn comment_start(id: u64) -> String {
    format!(r#"<w:commentRangeStart w:id="{id}"/>"#)
}

pub fn comment_end(id: u64) -> String {
    format!(r#"<w:commentRangeEnd w:id="{id}"/><w:r><w:commentReference w:id="{id}"/></w:r>"#)
}

/// Closes the run a `t` stands in, puts `between` after it, and opens a run
/// that looks the same for the rest of the text.
pub fn between_runs(between: &str, rpr: &str) -> String {
    format!(r#"</w:t></w:r>{between}<w:r>{rpr}<w:t xml:space="preserve">"#)
}

/// A run's properties for a copy of it: without a record of an earlier
/// change to them, whose id must stay unique.
pub fn copied_rpr(rpr: &str) -> String {
    cut_element(rpr, "w:rPrChange")
}

/// `old` (raw XML text, already escaped) as deleted and `new` as inserted.
pub fn revision(old_raw: &str, new: &str, rpr: &str, del: u64, ins: u64, stamp: &Stamp) -> String {
    format!(
        r#"<w:del {}><w:r>{rpr}<w:delText xml:space="preserve">{old_raw}</w:delText></w:r></w:del><w:ins {}><w:r>{rpr}<w:t xml:space="preserve">{}</w:t></w:r></w:ins>"#,
        stamp.attrs(del),
        stamp.attrs(ins),
        xml(new)
    )
}

/// A new paragraph, inserted as a tracked change, with the paragraph
/// properties `ppr` (raw) of a paragraph of the document.
pub fn inserted_paragraph(
    text: &str,
    ppr: Option<&str>,
    mark: u64,
    ins: u64,
    stamp: &Stamp,
) -> String {
    let mark = format!("<w:rPr><w:ins {}/></w:rPr>", stamp.attrs(mark));
    let ppr = match ppr {
        Some(p) if p.ends_with("/>") => format!("{}>{mark}</w:pPr>", &p[..p.len() - 2]),
        Some(p) => {
            let p = cut_element(
                &cut_element(&cut_element(p, "w:rPr"), "w:sectPr"),
                "w:pPrChange",
            );
            match p.rfind("</w:pPr>") {
                Some(at) => format!("{}{mark}</w:pPr>", &p[..at]),
                None => format!("<w:pPr>{mark}</w:pPr>"),
            }
        }
        None => format!("<w:pPr>{mark}</w:pPr>"),
    };
    format!(
        r#"<w:p>{ppr}<w:ins {}><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:ins></w:p>"#,
        stamp.attrs(ins),
        xml(text)
    )
}

/// One comment: its paragraphs of text.
pub fn comment(id: u64, paragraphs: &[String], stamp: &Stamp) -> String {
    let mut out = format!(r#"<w:comment {} w:initials="K">"#, stamp.attrs(id));
    for p in paragraphs {
        out.push_str(r#"<w:p><w:r><w:t xml:space="preserve">"#);
        out.push_str(&xml(p));
        out.push_str("</w:t></w:r></w:p>");
    }
    out.push_str("</w:comment>");
    out
}

/// The comments part with `comments` added: a new part, or the existing
/// one with them before its end tag.
pub fn comments_part(existing: Option<&str>, comments: &str) -> String {
    match existing.and_then(|e| e.rfind("</w:comments>").map(|at| (e, at))) {
        Some((e, at)) => format!("{}{comments}{}", &e[..at], &e[at..]),
        None => format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{}<w:comments xmlns:w="{W}">{comments}</w:comments>"#,
            "\r\n"
        ),
    }
}

/// `[Content_Types].xml` that names the comments part, added when missing.
pub fn content_types(existing: &str, part: &str) -> Option<String> {
    let needle = format!(r#"PartName="/{part}""#);
    if existing.contains(&needle) {
        return None;
    }
    let at = existing.rfind("</Types>")?;
    Some(format!(
        r#"{}<Override PartName="/{part}" ContentType="{COMMENTS_TYPE}"/>{}"#,
        &existing[..at],
        &existing[at..]
    ))
}

/// The target of the document's comments relationship, if it has one.
pub fn comments_target(rels: &str) -> Option<String> {
    let at = rels.find(COMMENTS_REL)?;
    let start = rels[..at].rfind('<')?;
    let end = at + rels[at..].find('>')?;
    let tag = &rels[start..end];
    let t = tag.find("Target=\"")? + 8;
    let len = tag[t..].find('"')?;
    Some(tag[t..t + len].to_owned())
}

/// The relationships with one to `comments.xml` added.
pub fn with_comments_rel(rels: &str) -> Option<String> {
    let at = rels.rfind("</Relationships>")?;
    let mut n = 1;
    while rels.contains(&format!("\"rIdKlausul{n}\"")) {
        n += 1;
    }
    Some(format!(
        r#"{}<Relationship Id="rIdKlausul{n}" Type="{COMMENTS_REL}" Target="comments.xml"/>{}"#,
        &rels[..at],
        &rels[at..]
    ))
}

/// `raw` without the elements named `name` (and what they hold).
fn cut_element(raw: &str, name: &str) -> String {
    let mut out = String::new();
    let mut rest = raw;
    let open = format!("<{name}");
    while let Some(at) = find_tag(rest, &open) {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let head_end = after.find('>').map_or(after.len(), |e| e + 1);
        if after[..head_end].ends_with("/>") {
            rest = &after[head_end..];
            continue;
        }
        let close = format!("</{name}>");
        rest = after.find(&close).map_or("", |e| &after[e + close.len()..]);
    }
    out.push_str(rest);
    out
}

/// Where tag `open` ("<w:rPr") starts, not as the prefix of a longer name.
fn find_tag(raw: &str, open: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = raw[from..].find(open) {
        let at = from + at;
        let next = raw[at + open.len()..].chars().next();
        if matches!(next, Some('>' | '/' | ' ' | '\t' | '\r' | '\n')) {
            return Some(at);
        }
        from = at + open.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copied_paragraph_style_loses_its_section_and_mark() {
        let stamp = Stamp {
            author: "klausul".into(),
            date: "2026-01-01T00:00:00Z".into(),
        };
        let p = inserted_paragraph(
            "A < B",
            Some(
                r#"<w:pPr><w:pStyle w:val="Brödtext"/><w:rPr><w:b/></w:rPr><w:sectPr><w:pgSz/></w:sectPr></w:pPr>"#,
            ),
            7,
            8,
            &stamp,
        );
        assert_eq!(
            p,
            r#"<w:p><w:pPr><w:pStyle w:val="Brödtext"/><w:rPr><w:ins w:id="7" w:author="klausul" w:date="2026-01-01T00:00:00Z"/></w:rPr></w:pPr><w:ins w:id="8" w:author="klausul" w:date="2026-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">A &lt; B</w:t></w:r></w:ins></w:p>"#
        );
    }

    #[test]
    fn rels_target() {
        let rels = format!(
            r#"<Relationships><Relationship Id="rId9" Type="{COMMENTS_REL}" Target="kommentarer.xml"/></Relationships>"#
        );
        assert_eq!(comments_target(&rels).as_deref(), Some("kommentarer.xml"));
    }
}
