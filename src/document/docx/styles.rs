//! `word/styles.xml`: which paragraph styles are headings, at which level, and
//! which carry numbering. A heading is known by the style's built-in name
//! ("heading 2") or its outline level, never by its id: Swedish Word stores the
//! same style as `Rubrik2`, English Word as `Heading2`.

use std::collections::HashMap;

use super::numbering::NumRef;
use crate::document::error::ReadError;
use crate::document::package::{attr, local, Node, Xml};
use crate::model::limits::Limits;

#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num: Option<NumRef>,
}

#[derive(Debug, Default)]
pub struct Styles {
    by_id: HashMap<String, Style>,
    default_paragraph: Option<String>,
}

/// How far `basedOn` is followed; real style sheets need two or three steps.
const MAX_INHERITANCE: usize = 16;

impl Styles {
    /// # Errors
    /// Malformed XML.
    pub fn parse(xml: &str, limits: Limits) -> Result<Self, ReadError> {
        let mut styles = Self::default();
        let mut reader = Xml::new("word/styles.xml", xml, limits);
        let mut current: Option<(String, Style)> = None;
        let mut ilvl = None;
        loop {
            match reader.next()? {
                Node::Start(e) => match local(&e) {
                    "style" => {
                        let paragraph = attr(&e, "type").is_none_or(|t| t == "paragraph");
                        let id = attr(&e, "styleId").unwrap_or_default();
                        if paragraph && attr(&e, "default").is_some_and(|d| d == "1" || d == "true")
                        {
                            styles.default_paragraph = Some(id.clone());
                        }
                        current = paragraph.then(|| (id, Style::default()));
                    }
                    "name" => set(&mut current, |s| {
                        s.name = attr(&e, "val").unwrap_or_default();
                    }),
                    "basedOn" => set(&mut current, |s| s.based_on = attr(&e, "val")),
                    "outlineLvl" => set(&mut current, |s| s.outline = val_u8(&e)),
                    "ilvl" => ilvl = val_u8(&e),
                    "numId" => set(&mut current, |s| {
                        s.num = attr(&e, "val").map(|num_id| NumRef {
                            num_id,
                            ilvl: ilvl.unwrap_or(0),
                        });
                    }),
                    _ => {}
                },
                Node::End(name) if name == "style" => {
                    if let Some((id, style)) = current.take() {
                        styles.by_id.insert(id, style);
                    }
                    ilvl = None;
                }
                Node::Eof => return Ok(styles),
                _ => {}
            }
        }
    }

    /// The style and the ones it is based on, nearest first.
    fn chain<'s>(&'s self, id: Option<&'s str>) -> impl Iterator<Item = &'s Style> + 's {
        let start = id.or(self.default_paragraph.as_deref());
        std::iter::successors(start.and_then(|i| self.by_id.get(i)), |s| {
            s.based_on.as_deref().and_then(|b| self.by_id.get(b))
        })
        .take(MAX_INHERITANCE)
    }

    /// The heading level (1 = top) of a paragraph in style `id`.
    #[must_use]
    pub fn heading_level(&self, id: Option<&str>) -> Option<u8> {
        self.chain(id).find_map(|s| {
            let name = s.name.to_lowercase();
            let by_name = ["heading ", "rubrik "]
                .iter()
                .find_map(|p| name.strip_prefix(p)?.trim().parse::<u8>().ok());
            let by_outline = s.outline.filter(|&l| l < 9).map(|l| l + 1);
            by_name
                .or(by_outline)
                .or_else(|| (name == "title").then_some(1))
        })
    }

    /// Whether style `id` is one of the table-of-contents styles.
    #[must_use]
    pub fn is_toc(&self, id: Option<&str>) -> bool {
        self.chain(id).next().is_some_and(|s| {
            let name = s.name.to_lowercase();
            name.starts_with("toc ") || name.starts_with("innehåll ") || name == "toc heading"
        })
    }

    /// The numbering a paragraph in style `id` gets from its style.
    #[must_use]
    pub fn numbering(&self, id: Option<&str>) -> Option<NumRef> {
        self.chain(id).find_map(|s| s.num.clone())
    }
}

fn set(current: &mut Option<(String, Style)>, f: impl FnOnce(&mut Style)) {
    if let Some((_, style)) = current {
        f(style);
    }
}

pub fn val_u8(e: &quick_xml::events::BytesStart<'_>) -> Option<u8> {
    attr(e, "val")?.parse().ok()
}
