//! Walks the WordprocessingML of the body or the footnotes and hands on what a
//! reader sees: paragraphs with their style, numbering and text, and where
//! table cells start and end. Deleted text (tracked changes), field codes,
//! comments and the fallback copies of drawings are left out; inserted text is
//! kept.

use super::numbering::NumRef;
use super::styles::val_u8;
use crate::document::error::ReadError;
use crate::document::package::{attr, local, Node, Xml};
use crate::document::paragraphs::PARAGRAPH_COST;
use crate::model::limits::Budget;

#[derive(Debug, Default)]
pub struct Para {
    pub text: String,
    pub style: Option<String>,
    pub num: Option<NumRef>,
    pub outline: Option<u8>,
    /// Inside a table-of-contents field.
    pub in_toc: bool,
    pub footnotes: Vec<String>,
    /// The footnote this paragraph belongs to, in `footnotes.xml`.
    pub note: Option<String>,
    /// The page its first text was on when Word last laid the document out:
    /// 1 + the `w:lastRenderedPageBreak` marks before it (0 before any text).
    pub page: u32,
}

#[derive(Debug)]
pub enum Item {
    Para(Para),
    CellStart,
    CellEnd,
}

/// A field (`w:fldChar` begin … separate … end): its code is never text.
struct Field {
    code: String,
    showing_result: bool,
}

/// Elements whose whole content is left out. `klausul annotate` finds the
/// reader's paragraphs in the raw XML by this list too.
pub const SKIPPED: &[&str] = &[
    "del",
    "moveFrom",
    "delText",
    "rPr",
    "sectPr",
    "tblPr",
    "tblGrid",
    "trPr",
    "tcPr",
    "sdtPr",
    "Fallback",
    "commentReference",
];

#[derive(Default)]
struct Walker {
    items: Vec<Item>,
    open: Vec<Para>,
    fields: Vec<Field>,
    note: Option<String>,
    numbering_level: Option<u8>,
    /// `w:lastRenderedPageBreak` marks so far.
    rendered_breaks: u32,
}

/// The paragraphs and cells of a part, in reading order; their text and
/// their records are spent from `budget`.
///
/// # Errors
/// Malformed XML, the part ends inside an element, or the budget runs out.
pub fn walk(mut xml: Xml<'_>, budget: &Budget) -> Result<Vec<Item>, ReadError> {
    let mut w = Walker::default();
    loop {
        match xml.next_outside(SKIPPED)? {
            Node::Start(e) => {
                let name = local(&e);
                w.start(name, &e, &mut xml, budget)?;
            }
            Node::End(name) => w.end(&name),
            Node::Text(t) => {
                // Only `w:t` text counts; the walker copies it when it sees
                // the element, so stray text between elements is ignored.
                drop(t);
            }
            Node::Eof => return Ok(w.items),
        }
    }
}

impl Walker {
    fn start(
        &mut self,
        name: &str,
        e: &quick_xml::events::BytesStart<'_>,
        xml: &mut Xml<'_>,
        budget: &Budget,
    ) -> Result<(), ReadError> {
        match name {
            "p" => {
                budget.spend(PARAGRAPH_COST)?;
                self.open.push(Para {
                    note: self.note.clone(),
                    in_toc: self.in_toc(),
                    ..Para::default()
                });
            }
            "tc" => self.items.push(Item::CellStart),
            "footnote" | "endnote" => {
                let separator = attr(e, "type").is_some_and(|t| t.contains("eparator"));
                if separator {
                    xml.skip()?;
                } else {
                    self.note = attr(e, "id");
                }
            }
            "pStyle" => self.para(|p| p.style = attr(e, "val")),
            "outlineLvl" => self.para(|p| p.outline = val_u8(e)),
            "ilvl" => self.numbering_level = val_u8(e),
            "numId" => {
                let ilvl = self.numbering_level.take().unwrap_or(0);
                self.para(|p| {
                    p.num = attr(e, "val").map(|num_id| NumRef { num_id, ilvl });
                });
            }
            "t" | "instrText" => {
                let text = read_text(xml)?;
                budget.spend(text.len())?;
                if name == "t" {
                    self.text(&text);
                } else if let Some(f) = self.fields.last_mut() {
                    f.code.push_str(&text);
                }
            }
            "tab" | "br" | "cr" if self.showing_text() => self.para(|p| p.text.push(' ')),
            "noBreakHyphen" if self.showing_text() => self.para(|p| p.text.push('-')),
            "lastRenderedPageBreak" => {
                self.rendered_breaks = self.rendered_breaks.saturating_add(1);
            }
            "fldChar" => self.field(attr(e, "fldCharType").as_deref()),
            "footnoteReference" => {
                if let Some(id) = attr(e, "id") {
                    self.para(|p| p.footnotes.push(id));
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str) {
        match name {
            "p" => {
                if let Some(p) = self.open.pop() {
                    self.items.push(Item::Para(p));
                }
            }
            "tc" => self.items.push(Item::CellEnd),
            "footnote" | "endnote" => self.note = None,
            _ => {}
        }
    }

    /// Text of a `w:t`, unless it is a field's code; the paragraph's page
    /// is the one its first words stand on.
    fn text(&mut self, text: &str) {
        if self.showing_text() {
            let page = self.rendered_breaks + 1;
            self.para(|p| {
                if p.page == 0 && !text.trim().is_empty() {
                    p.page = page;
                }
                p.text.push_str(text);
            });
        }
    }

    fn para(&mut self, f: impl FnOnce(&mut Para)) {
        if let Some(p) = self.open.last_mut() {
            f(p);
        }
    }

    fn field(&mut self, kind: Option<&str>) {
        match kind {
            Some("begin") => self.fields.push(Field {
                code: String::new(),
                showing_result: false,
            }),
            Some("separate") => {
                if let Some(f) = self.fields.last_mut() {
                    f.showing_result = true;
                }
                let toc = self.in_toc();
                self.para(|p| p.in_toc |= toc);
            }
            Some("end") => {
                self.fields.pop();
            }
            _ => {}
        }
    }

    /// Text shows unless it belongs to a field's code.
    fn showing_text(&self) -> bool {
        self.fields.iter().all(|f| f.showing_result)
    }

    fn in_toc(&self) -> bool {
        self.fields
            .iter()
            .any(|f| f.showing_result && f.code.trim_start().starts_with("TOC"))
    }
}

/// The text inside the element just started, up to its end.
pub fn read_text(xml: &mut Xml<'_>) -> Result<String, ReadError> {
    let mut text = String::new();
    loop {
        match xml.next()? {
            Node::Text(t) => text.push_str(&t),
            Node::End(_) => return Ok(text),
            Node::Start(_) => xml.skip()?,
            Node::Eof => return Err(xml.truncated()),
        }
    }
}
