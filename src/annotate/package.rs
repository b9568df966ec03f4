//! The Word package as a copy: the parts klausul changes are read within the
//! limits the readers keep (each part and the whole package capped, the
//! declared sizes not trusted), and every other entry is copied into the new
//! zip still compressed, so its bytes cannot change.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::AnnotateError;
use crate::model::limits::Limits;

pub struct Source<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    limits: Limits,
    read: u64,
}

impl<'a> Source<'a> {
    /// # Errors
    /// Bytes that are not a zip, or a zip with an encrypted entry.
    pub fn open(bytes: &'a [u8], limits: Limits) -> Result<Self, AnnotateError> {
        let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| package(&e))?;
        for i in 0..archive.len() {
            let file = archive.by_index_raw(i).map_err(|e| package(&e))?;
            if file.encrypted() {
                return Err(AnnotateError::Encrypted);
            }
        }
        Ok(Self {
            archive,
            limits,
            read: 0,
        })
    }

    pub fn names(&self) -> Vec<String> {
        self.archive
            .file_names()
            .filter_map(|n| n.ok().map(std::borrow::Cow::into_owned))
            .collect()
    }

    /// The text of part `name`, within the limits; `None` when absent.
    ///
    /// # Errors
    /// A damaged or oversized part, or one that is not UTF-8.
    pub fn text(&mut self, name: &str) -> Result<Option<String>, AnnotateError> {
        let limit = self.limits.part_bytes;
        let mut file = match self.archive.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(package(&e)),
        };
        let mut bytes = Vec::new();
        (&mut file)
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| AnnotateError::Package {
                reason: format!("`{name}`: {e}"),
            })?;
        self.read += bytes.len() as u64;
        if bytes.len() as u64 > limit || self.read > self.limits.package_bytes {
            return Err(AnnotateError::TooLarge {
                part: name.to_owned(),
            });
        }
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| AnnotateError::Xml {
                reason: format!("`{name}` is not UTF-8"),
            })
    }

    /// A new package: each entry of this one in its order, `changed` ones
    /// with their new text and the rest copied compressed, then the parts
    /// in `changed` this one did not have.
    ///
    /// # Errors
    /// A damaged entry, or the zip cannot be written.
    pub fn rewrite(mut self, changed: &BTreeMap<String, String>) -> Result<Vec<u8>, AnnotateError> {
        let mut out = ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        let mut written = Vec::new();
        for i in 0..self.archive.len() {
            let file = self.archive.by_index_raw(i).map_err(|e| package(&e))?;
            let name = file.name().map_err(|e| package(&e))?.into_owned();
            match changed.get(&name) {
                Some(text) => {
                    let options =
                        options.last_modified_time(file.last_modified().unwrap_or_default());
                    drop(file);
                    out.start_file(name.as_str(), options)
                        .map_err(|e| package(&e))?;
                    out.write_all(text.as_bytes()).map_err(io)?;
                }
                None => out.raw_copy_file(file).map_err(|e| package(&e))?,
            }
            written.push(name);
        }
        for (name, text) in changed {
            if !written.contains(name) {
                out.start_file(name.as_str(), options)
                    .map_err(|e| package(&e))?;
                out.write_all(text.as_bytes()).map_err(io)?;
            }
        }
        Ok(out.finish().map_err(|e| package(&e))?.into_inner())
    }
}

fn package(e: &zip::result::ZipError) -> AnnotateError {
    match e {
        zip::result::ZipError::UnsupportedArchive(r) if r.contains("assword") => {
            AnnotateError::Encrypted
        }
        zip::result::ZipError::InvalidPassword => AnnotateError::Encrypted,
        other => AnnotateError::Package {
            reason: other.to_string(),
        },
    }
}

#[allow(clippy::needless_pass_by_value)]
fn io(e: std::io::Error) -> AnnotateError {
    AnnotateError::Package {
        reason: e.to_string(),
    }
}
