//! The bytes of one input within the size limit: only a regular file is
//! opened, standard input that goes on past the limit is refused, and a file
//! of nothing but whitespace is empty.

use std::io::Read;
use std::path::Path;

use super::{Input, InputError};
use crate::model::limits::Limits;

/// The bytes of one input, not yet understood.
///
/// # Errors
/// An unreadable, empty or oversized file, or one that is not a regular file.
pub(super) fn read(input: &Input, limits: Limits) -> Result<Vec<u8>, InputError> {
    let name = input.name();
    let bytes = match input {
        // Standard input is read one byte past the limit, so input that
        // goes on is refused rather than cut and judged.
        Input::Stdin(bytes) if bytes.len() as u64 > limits.file_bytes => {
            return Err(InputError::StdinTooLarge {
                path: name,
                limit: limits.file_bytes,
            })
        }
        Input::Stdin(bytes) => bytes.clone(),
        Input::Broken(_, reason) => {
            return Err(InputError::Io {
                path: name,
                reason: reason.clone(),
            })
        }
        Input::File(path) => read_bounded(path, &name, limits.file_bytes)?,
    };
    if is_blank(&bytes) {
        return Err(InputError::Empty { path: name });
    }
    Ok(bytes)
}

/// Nothing but whitespace, after a byte order mark if there is one.
pub(super) fn is_blank(bytes: &[u8]) -> bool {
    let utf16 = |bom: &[u8], unit: fn([u8; 2]) -> u16| {
        bytes.strip_prefix(bom).is_some_and(|rest| {
            let (units, odd) = rest.as_chunks::<2>();
            odd.is_empty()
                && units
                    .iter()
                    .all(|&u| matches!(unit(u), 0x09 | 0x0A | 0x0C | 0x0D | 0x20))
        })
    };
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    text.iter().all(u8::is_ascii_whitespace)
        || utf16(b"\xFF\xFE", u16::from_le_bytes)
        || utf16(b"\xFE\xFF", u16::from_be_bytes)
}

fn read_bounded(path: &Path, name: &str, limit: u64) -> Result<Vec<u8>, InputError> {
    let io = |e: std::io::Error| InputError::Io {
        path: name.to_owned(),
        reason: e.to_string(),
    };
    let not_regular = || InputError::NotRegular {
        path: name.to_owned(),
    };
    // Asked before opening: opening a FIFO waits for a writer.
    if !std::fs::metadata(path).map_err(io)?.is_file() {
        return Err(not_regular());
    }
    let file = open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    // The path may have been replaced between the two looks.
    if !meta.is_file() {
        return Err(not_regular());
    }
    let size = meta.len();
    if size > limit {
        return Err(InputError::TooLarge {
            path: name.to_owned(),
            size,
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    // A file that grew while it was read is as large as it became.
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge {
            path: name.to_owned(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Opens a file without waiting: should a FIFO take the path's place after
/// it was looked at, opening it returns at once, and the check after the
/// opening refuses it.
#[cfg(unix)]
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}
