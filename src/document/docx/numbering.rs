//! `word/numbering.xml`: the numbers Word shows but does not store in the
//! text. "7.4 Antidiskriminering" is a heading whose "7.4" comes from a list
//! level with the pattern "%1.%2"; rebuilding it lets "punkt 7.4" find it.

use std::collections::HashMap;

use quick_xml::events::BytesStart;

use crate::document::error::ReadError;
use crate::document::package::{attr, local, Node, Xml};
use crate::document::paragraphs::Label;
use crate::model::limits::Limits;

/// A paragraph's place in a list: `w:numId` and `w:ilvl`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumRef {
    pub num_id: String,
    pub ilvl: u8,
}

#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    pattern: String,
}

const LEVELS: usize = 9;

#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    /// numId → (abstractNumId, start overrides by level).
    nums: HashMap<String, (String, HashMap<u8, u32>)>,
    /// Counters per abstract list, so a list continues across its instances.
    counters: HashMap<String, [Option<u32>; LEVELS]>,
}

/// What `Numbering::parse` is inside of as it reads.
#[derive(Default)]
struct Reading {
    numbering: Numbering,
    abstract_id: Option<String>,
    level: Option<(u8, Level)>,
    /// numId, abstractNumId, start overrides by level.
    num: Option<(String, String, HashMap<u8, u32>)>,
    override_level: u8,
}

impl Reading {
    fn start(&mut self, e: &BytesStart<'_>) {
        let ilvl = || attr(e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
        match local(e) {
            "abstractNum" => self.abstract_id = attr(e, "abstractNumId"),
            "lvl" if self.abstract_id.is_some() => {
                let start = Level {
                    start: 1,
                    ..Level::default()
                };
                self.level = Some((ilvl(), start));
            }
            "start" => {
                if let (Some((_, l)), Some(v)) = (&mut self.level, attr(e, "val")) {
                    l.start = v.parse().unwrap_or(1);
                }
            }
            "numFmt" => {
                if let Some((_, l)) = &mut self.level {
                    l.format = attr(e, "val").unwrap_or_default();
                }
            }
            "lvlText" => {
                if let Some((_, l)) = &mut self.level {
                    l.pattern = attr(e, "val").unwrap_or_default();
                }
            }
            "num" => self.num = attr(e, "numId").map(|id| (id, String::new(), HashMap::new())),
            "abstractNumId" => {
                if let Some((_, a, _)) = &mut self.num {
                    *a = attr(e, "val").unwrap_or_default();
                }
            }
            "lvlOverride" => self.override_level = ilvl(),
            "startOverride" => {
                let value = attr(e, "val").and_then(|v| v.parse::<u32>().ok());
                if let (Some((_, _, o)), Some(v)) = (&mut self.num, value) {
                    o.insert(self.override_level, v);
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "lvl" => {
                if let (Some(a), Some((l, lvl))) = (&self.abstract_id, self.level.take()) {
                    let levels = self.numbering.abstracts.entry(a.clone()).or_default();
                    let i = usize::from(l).min(LEVELS - 1);
                    if levels.len() <= i {
                        levels.resize(i + 1, Level::default());
                    }
                    levels[i] = lvl;
                }
            }
            "abstractNum" => self.abstract_id = None,
            "num" => {
                if let Some((id, a, o)) = self.num.take() {
                    self.numbering.nums.insert(id, (a, o));
                }
            }
            _ => {}
        }
    }
}

impl Numbering {
    /// # Errors
    /// Malformed XML.
    pub fn parse(xml: &str, limits: Limits) -> Result<Self, ReadError> {
        let mut reader = Xml::new("word/numbering.xml", xml, limits);
        let mut reading = Reading::default();
        loop {
            match reader.next()? {
                Node::Start(e) => reading.start(&e),
                Node::End(name) => reading.end(&name),
                Node::Eof => return Ok(reading.numbering),
                Node::Text(_) => {}
            }
        }
    }

    /// Counts a numbered paragraph and returns what Word shows before it.
    pub fn next_label(&mut self, r: &NumRef) -> Option<Label> {
        let (abstract_id, overrides) = self.nums.get(&r.num_id)?;
        let levels = self.abstracts.get(abstract_id)?;
        let ilvl = usize::from(r.ilvl).min(LEVELS - 1);
        let level = levels.get(ilvl)?;
        let counters = self.counters.entry(abstract_id.clone()).or_default();
        let start_of = |i: usize| {
            overrides
                .get(&u8::try_from(i).unwrap_or(0))
                .copied()
                .or_else(|| levels.get(i).map(|l| l.start))
                .unwrap_or(1)
        };
        counters[ilvl] =
            Some(counters[ilvl].map_or_else(|| start_of(ilvl), |c| c.saturating_add(1)));
        for deeper in counters.iter_mut().skip(ilvl + 1) {
            *deeper = None;
        }
        match level.format.as_str() {
            "bullet" => return Some(Label::Bullet),
            "none" => return None,
            _ => {}
        }
        let mut shown = String::new();
        let mut chars = level.pattern.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match (c, digit) {
                ('%', Some(d @ 1..=9)) => {
                    chars.next();
                    let i = d as usize - 1;
                    let value = counters[i].unwrap_or_else(|| start_of(i));
                    let format = levels.get(i).map_or("decimal", |l| l.format.as_str());
                    shown.push_str(&render(value, format));
                }
                _ => shown.push(c),
            }
        }
        let shown = shown.trim().to_owned();
        (!shown.is_empty()).then_some(Label::Number(shown))
    }
}

/// A counter in one of Word's number formats.
fn render(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n).to_lowercase(),
        "upperLetter" => letters(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        _ => n.to_string(),
    }
}

fn letters(n: u32) -> String {
    let n = n.max(1) - 1;
    let c = char::from(b'A' + u8::try_from(n % 26).unwrap_or(0));
    c.to_string()
        .repeat(usize::try_from(n / 26 + 1).unwrap_or(1).min(10))
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value && out.len() < 40 {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>"#;

    fn at(n: &mut Numbering, ilvl: u8) -> Option<Label> {
        n.next_label(&NumRef {
            num_id: "5".into(),
            ilvl,
        })
    }

    #[test]
    fn numbers_are_rebuilt_level_by_level() {
        let mut n = Numbering::parse(XML, Limits::default()).unwrap();
        let shown: Vec<_> = [0, 1, 1, 0, 1, 2, 2, 1]
            .into_iter()
            .map(|l| match at(&mut n, l) {
                Some(Label::Number(s)) => s,
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(shown, ["1", "1.1", "1.2", "2", "2.1", "a)", "b)", "2.2"]);
    }

    #[test]
    fn formats() {
        assert_eq!(render(4, "upperRoman"), "IV");
        assert_eq!(render(28, "lowerLetter"), "bb");
        assert_eq!(render(7, "decimal"), "7");
    }
}
