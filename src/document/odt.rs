//! Reads OpenDocument Text (ODT) with zip and quick-xml into a `Document`.
//!
//! `text:h` is a heading at its outline level. Numbers are rebuilt the way an
//! office suite shows them: from list nesting for headings in a `text:list`
//! (LibreOffice writes Word's numbered headings so), otherwise from the
//! outline numbering in `styles.xml`. Tracked deletions, annotations, tables
//! of contents and other indexes are not read; notes follow the paragraph
//! that cites them.

use std::collections::HashMap;

use quick_xml::events::BytesStart;

use super::error::ReadError;
use super::package::{attr, local, Node, Package, Xml};
use super::paragraphs::{build, Item, Label, Paragraph, PARAGRAPH_COST};
use super::Document;
use crate::model::limits::{Budget, Limits};
use crate::source::Format;

/// Elements whose whole content is left out.
const SKIPPED: &[&str] = &[
    "tracked-changes",
    "annotation",
    "note-citation",
    "table-of-content",
    "alphabetical-index",
    "illustration-index",
    "table-index",
    "object-index",
    "user-index",
    "bibliography",
    "sequence-decls",
    "forms",
];

const LEVELS: usize = 10;

/// One level of a list or outline style.
#[derive(Debug, Clone, Default)]
struct LevelStyle {
    format: String,
    display: usize,
    prefix: String,
    suffix: String,
    bullet: bool,
}

/// List styles by name; the outline style under the empty name.
type ListStyles = HashMap<String, Vec<LevelStyle>>;

/// # Errors
/// A damaged, encrypted or oversized package, malformed XML, or content that
/// expands past `expanded_mb`.
pub fn read_odt(bytes: &[u8], limits: Limits) -> Result<Document, ReadError> {
    let mut package = Package::open(bytes, limits)?;
    if package
        .part("META-INF/manifest.xml")?
        .is_some_and(|m| m.contains("encryption-data"))
    {
        return Err(ReadError::Encrypted);
    }
    let content = package.required("content.xml", "OpenDocument text")?;
    let mut styles = ListStyles::new();
    if let Some(xml) = package.part("styles.xml")? {
        read_list_styles(Xml::new("styles.xml", &xml, limits), &mut styles)?;
    }
    read_list_styles(Xml::new("content.xml", &content, limits), &mut styles)?;
    let mut walker = Walker {
        styles,
        ..Walker::default()
    };
    walker.walk(
        Xml::new("content.xml", &content, limits),
        &Budget::new(limits),
    )?;
    if walker.breaks == 0 {
        // Never laid out (or one page): no page is known.
        for item in &mut walker.items {
            if let Item::Para(p) = item {
                p.page = None;
            }
        }
    }
    Ok(build(walker.items, Format::Odt, content.len() / 4))
}

fn read_list_styles(mut xml: Xml<'_>, styles: &mut ListStyles) -> Result<(), ReadError> {
    let mut current: Option<String> = None;
    loop {
        match xml.next()? {
            Node::Start(e) => match local(&e) {
                "list-style" => current = attr(&e, "name"),
                "outline-style" => current = Some(String::new()),
                "list-level-style-number" | "outline-level-style" | "list-level-style-bullet" => {
                    let Some(name) = &current else { continue };
                    let level = attr(&e, "level")
                        .and_then(|l| l.parse::<usize>().ok())
                        .unwrap_or(1);
                    let levels = styles.entry(name.clone()).or_default();
                    if (1..=LEVELS).contains(&level) {
                        if levels.len() < level {
                            levels.resize(level, LevelStyle::default());
                        }
                        levels[level - 1] = LevelStyle {
                            format: attr(&e, "num-format").unwrap_or_default(),
                            display: attr(&e, "display-levels")
                                .and_then(|d| d.parse().ok())
                                .unwrap_or(1),
                            prefix: attr(&e, "num-prefix").unwrap_or_default(),
                            suffix: attr(&e, "num-suffix").unwrap_or_default(),
                            bullet: local(&e) == "list-level-style-bullet",
                        };
                    }
                }
                _ => {}
            },
            Node::End(name) if name == "list-style" || name == "outline-style" => current = None,
            Node::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// An open `text:list`: its style and whether its current item has had its
/// own paragraph yet (an item that only wraps a deeper list has none).
struct OpenList {
    style: String,
    item_numbered: bool,
}

#[derive(Default)]
struct Walker {
    styles: ListStyles,
    items: Vec<Item>,
    /// Open paragraphs; a paragraph inside another is a note or a frame.
    open: Vec<Paragraph>,
    lists: Vec<OpenList>,
    counters: HashMap<String, [u32; LEVELS]>,
    /// `text:soft-page-break` marks so far: where LibreOffice last laid
    /// the document out.
    breaks: u32,
}

impl Walker {
    /// Walks the body, spending its text, its paragraphs and the numbers
    /// written before them from `budget`.
    fn walk(&mut self, mut xml: Xml<'_>, budget: &Budget) -> Result<(), ReadError> {
        loop {
            match xml.next_outside(SKIPPED)? {
                Node::Start(e) => {
                    let name = local(&e);
                    self.start(name, &e, budget)?;
                }
                Node::End(name) => self.end(&name),
                Node::Text(t) => {
                    if let Some(p) = self.open.last_mut() {
                        budget.spend(t.len())?;
                        if p.page.is_none() && !t.trim().is_empty() {
                            p.page = Some(self.breaks + 1);
                        }
                        p.text.push_str(&t);
                    }
                }
                Node::Eof => return Ok(()),
            }
        }
    }

    fn start(&mut self, name: &str, e: &BytesStart<'_>, budget: &Budget) -> Result<(), ReadError> {
        match name {
            "soft-page-break" => self.breaks = self.breaks.saturating_add(1),
            "h" | "p" => {
                budget.spend(PARAGRAPH_COST)?;
                let mut p = Paragraph::default();
                if name == "h" {
                    let level = attr(e, "outline-level")
                        .and_then(|l| l.parse::<u8>().ok())
                        .unwrap_or(1);
                    p.level = Some(level.max(1));
                }
                p.label = self.label(p.level);
                // A list style's prefix is written before every item, so a
                // long one repeats with each.
                if let Some(Label::Number(shown)) = &p.label {
                    budget.spend(shown.len())?;
                }
                self.open.push(p);
            }
            "list" => {
                if let Some(outer) = self.lists.last_mut() {
                    outer.item_numbered = true;
                }
                let style = attr(e, "style-name")
                    .or_else(|| self.lists.last().map(|l| l.style.clone()))
                    .unwrap_or_default();
                self.lists.push(OpenList {
                    style,
                    item_numbered: false,
                });
            }
            "list-item" => {
                if let Some(list) = self.lists.last_mut() {
                    list.item_numbered = false;
                }
            }
            "list-header" => {
                if let Some(list) = self.lists.last_mut() {
                    list.item_numbered = true;
                }
            }
            "table-cell" => self.items.push(Item::CellStart),
            "s" => {
                let count = attr(e, "c")
                    .and_then(|c| c.parse::<usize>().ok())
                    .unwrap_or(1)
                    .min(64);
                budget.spend(count)?;
                self.push_text(&" ".repeat(count));
            }
            "tab" | "line-break" => self.push_text(" "),
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str) {
        match name {
            "h" | "p" => {
                let Some(p) = self.open.pop() else { return };
                match self.open.last_mut() {
                    // A paragraph inside another (a note's body, a frame)
                    // follows the one it stands in.
                    Some(outer) => outer.notes.push(vec![p.text]),
                    None => self.items.push(Item::Para(p)),
                }
            }
            "list" => {
                self.lists.pop();
            }
            "table-cell" => self.items.push(Item::CellEnd),
            _ => {}
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some(p) = self.open.last_mut() {
            p.text.push_str(text);
        }
    }

    /// The number shown before a paragraph that opens a list item, or before
    /// a heading that the outline numbering counts.
    fn label(&mut self, heading: Option<u8>) -> Option<Label> {
        let depth = self.lists.len();
        if let Some(list) = self.lists.last_mut() {
            if list.item_numbered {
                return None;
            }
            list.item_numbered = true;
            let style = list.style.clone();
            return self.count(&style, depth);
        }
        let level = usize::from(heading?);
        self.count("", level)
    }

    fn count(&mut self, style: &str, level: usize) -> Option<Label> {
        let level = level.clamp(1, LEVELS);
        let counters = self.counters.entry(style.to_owned()).or_default();
        counters[level - 1] = counters[level - 1].saturating_add(1);
        for deeper in &mut counters[level..] {
            *deeper = 0;
        }
        let levels = self.styles.get(style)?;
        let shape = levels.get(level - 1)?;
        if shape.bullet {
            return Some(Label::Bullet);
        }
        if shape.format.is_empty() {
            return None;
        }
        let first = level.saturating_sub(shape.display.max(1)) + 1;
        let numbers: Vec<String> = (first..=level)
            .map(|l| {
                let format = levels.get(l - 1).map_or("1", |s| s.format.as_str());
                render(counters[l - 1].max(1), format)
            })
            .collect();
        Some(Label::Number(format!(
            "{}{}{}",
            shape.prefix,
            numbers.join("."),
            shape.suffix
        )))
    }
}

fn render(n: u32, format: &str) -> String {
    let letter = |base: u8| {
        let i = u8::try_from((n.max(1) - 1) % 26).unwrap_or(0);
        char::from(base + i).to_string()
    };
    match format {
        "a" => letter(b'a'),
        "A" => letter(b'A'),
        _ => n.to_string(),
    }
}
