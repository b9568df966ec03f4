//! Zip packages (DOCX, ODT) and their XML parts, read within limits: each part
//! and the package as a whole have a decompressed-size cap, elements may nest
//! only so deep, and no entity beyond XML's predefined five is expanded (a
//! document type declaration is refused outright).

use std::borrow::Cow;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use zip::result::ZipError;
use zip::ZipArchive;

use super::error::ReadError;
use crate::model::limits::Limits;

pub struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    limits: Limits,
    read: u64,
}

impl<'a> Package<'a> {
    /// # Errors
    /// Bytes that are not a zip archive, or a truncated one.
    pub fn open(bytes: &'a [u8], limits: Limits) -> Result<Self, ReadError> {
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
        Ok(Self {
            archive,
            limits,
            read: 0,
        })
    }

    /// The text of part `name`, or `None` when the package has no such part.
    ///
    /// # Errors
    /// An encrypted, damaged or oversized part, or one that is not UTF-8.
    pub fn part(&mut self, name: &str) -> Result<Option<String>, ReadError> {
        let limit = self.limits.part_bytes;
        let mut file = match self.archive.by_name(name) {
            Ok(file) => file,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(zip_error(e)),
        };
        if file.encrypted() {
            return Err(ReadError::Encrypted);
        }
        let mut bytes = Vec::new();
        // The declared size can lie, so the reading itself is capped.
        (&mut file)
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| ReadError::Package {
                reason: format!("`{name}`: {e}"),
            })?;
        let size = bytes.len() as u64;
        if size > limit {
            return Err(ReadError::PartTooLarge {
                part: name.to_owned(),
                limit,
            });
        }
        self.read += size;
        if self.read > self.limits.package_bytes {
            return Err(ReadError::PackageTooLarge {
                limit: self.limits.package_bytes,
            });
        }
        let text = String::from_utf8(bytes).map_err(|_| ReadError::Xml {
            part: name.to_owned(),
            reason: "not UTF-8".to_owned(),
        })?;
        Ok(Some(text))
    }

    /// Like `part`, for a part the format cannot do without.
    ///
    /// # Errors
    /// As `part`, and a missing part.
    pub fn required(&mut self, name: &str, kind: &'static str) -> Result<String, ReadError> {
        self.part(name)?.ok_or_else(|| ReadError::MissingPart {
            part: name.to_owned(),
            kind,
        })
    }
}

fn zip_error(e: ZipError) -> ReadError {
    match e {
        ZipError::UnsupportedArchive(reason) if reason.contains("assword") => ReadError::Encrypted,
        ZipError::InvalidPassword => ReadError::Encrypted,
        other => ReadError::Package {
            reason: other.to_string(),
        },
    }
}

/// An element's start, with its name and attributes.
pub type Element<'x> = BytesStart<'x>;

/// What the XML walker hands on: element starts and ends (empty elements come
/// as a start and an end) and text with references resolved.
#[derive(Debug)]
pub enum Node<'x> {
    Start(BytesStart<'x>),
    End(String),
    Text(Cow<'x, str>),
    Eof,
}

pub struct Xml<'x> {
    reader: Reader<&'x [u8]>,
    part: &'x str,
    depth: usize,
    limit: usize,
}

impl<'x> Xml<'x> {
    #[must_use]
    pub fn new(part: &'x str, text: &'x str, limits: Limits) -> Self {
        let mut reader = Reader::from_str(text);
        reader.config_mut().expand_empty_elements = true;
        Self {
            reader,
            part,
            depth: 0,
            limit: limits.xml_depth,
        }
    }

    /// # Errors
    /// Malformed XML, a document type declaration, an undefined entity, or
    /// nesting beyond the limit.
    pub fn next(&mut self) -> Result<Node<'x>, ReadError> {
        loop {
            let event = self.reader.read_event().map_err(|e| self.malformed(&e))?;
            return Ok(match event {
                Event::Start(e) => {
                    self.depth += 1;
                    if self.depth > self.limit {
                        return Err(ReadError::XmlTooDeep {
                            part: self.part.to_owned(),
                            limit: self.limit,
                        });
                    }
                    Node::Start(e)
                }
                Event::End(e) => {
                    self.depth = self.depth.saturating_sub(1);
                    Node::End(e.local_name().as_ref().to_owned())
                }
                Event::Text(t) => Node::Text(t.xml10_content()),
                Event::CData(t) => Node::Text(t.xml10_content()),
                Event::GeneralRef(r) => Node::Text(Cow::Owned(self.reference(&r)?.to_string())),
                Event::DocType(_) => {
                    return Err(ReadError::XmlDocType {
                        part: self.part.to_owned(),
                    })
                }
                Event::Eof => Node::Eof,
                Event::Empty(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) => continue,
            });
        }
    }

    fn reference(&self, r: &str) -> Result<char, ReadError> {
        let named = match r {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => None,
        };
        let numeric = || {
            let n = r.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)
        };
        named.or_else(numeric).ok_or_else(|| ReadError::Xml {
            part: self.part.to_owned(),
            reason: format!("undefined entity `&{r};`"),
        })
    }

    fn malformed(&self, e: &quick_xml::Error) -> ReadError {
        ReadError::Xml {
            part: self.part.to_owned(),
            reason: e.to_string(),
        }
    }

    /// The next node outside the elements named in `skipped` (by local
    /// name), whose whole subtrees are passed over: deleted text, field
    /// instructions, drawings.
    ///
    /// # Errors
    /// As `next`, or the part ends inside a skipped element.
    pub fn next_outside(&mut self, skipped: &[&str]) -> Result<Node<'x>, ReadError> {
        loop {
            let node = self.next()?;
            if let Node::Start(e) = &node {
                if skipped.contains(&local(e)) {
                    self.skip()?;
                    continue;
                }
            }
            return Ok(node);
        }
    }

    /// Skips everything up to the end of the element just started.
    ///
    /// # Errors
    /// As `next`, or the part ends first.
    pub fn skip(&mut self) -> Result<(), ReadError> {
        let mut open = 1usize;
        while open > 0 {
            match self.next()? {
                Node::Start(_) => open += 1,
                Node::End(_) => open -= 1,
                Node::Text(_) => {}
                Node::Eof => return Err(self.truncated()),
            }
        }
        Ok(())
    }

    #[must_use]
    pub fn truncated(&self) -> ReadError {
        ReadError::Xml {
            part: self.part.to_owned(),
            reason: "it ends inside an element".to_owned(),
        }
    }
}

/// The local name of an element ("p" for `w:p`).
#[must_use]
pub fn local<'e>(e: &'e BytesStart<'_>) -> &'e str {
    let name = e.name().0;
    name.rsplit_once(':').map_or(name, |(_, l)| l)
}

/// The value of the attribute whose local name is `name`, whatever its prefix.
#[must_use]
pub fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let key = a.key.0;
        let l = key.rsplit_once(':').map_or(key, |(_, l)| l);
        (l == name).then(|| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .map(Cow::into_owned)
                .ok()
        })?
    })
}

/// Every attribute of an element: its qualified name (`office:value`) and
/// its value with references resolved; one that is not well-formed is left
/// out.
#[must_use]
pub fn attrs(e: &BytesStart<'_>) -> Vec<(String, String)> {
    e.attributes()
        .flatten()
        .filter_map(|a| {
            let value = a.normalized_value(XmlVersion::Implicit1_0).ok()?;
            let key = a.key.0.to_owned();
            Some((key, value.into_owned()))
        })
        .collect()
}

/// Inflates every part of a zip package into nothing, within the limits, so a
/// reader that does its own unzipping (calamine) never meets a zip bomb.
///
/// # Errors
/// A damaged, encrypted or oversized package.
pub fn check_sizes(bytes: &[u8], limits: Limits) -> Result<(), ReadError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
    let mut total = 0u64;
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).map_err(zip_error)?;
        if file.encrypted() {
            return Err(ReadError::Encrypted);
        }
        let name = file.name().map(|n| n.to_string()).unwrap_or_default();
        let size = std::io::copy(
            &mut (&mut file).take(limits.part_bytes + 1),
            &mut std::io::sink(),
        )
        .map_err(|e| ReadError::Package {
            reason: format!("`{name}`: {e}"),
        })?;
        if size > limits.part_bytes {
            return Err(ReadError::PartTooLarge {
                part: name,
                limit: limits.part_bytes,
            });
        }
        total += size;
        if total > limits.package_bytes {
            return Err(ReadError::PackageTooLarge {
                limit: limits.package_bytes,
            });
        }
    }
    Ok(())
}
