//! The child's reply as it travels to the parent: `O` and the job's bytes,
//! or `E` and how it failed as JSON; and the numbers in a job's bytes.

use std::io::Write;

use serde::{Deserialize, Serialize};

use crate::document::error::ReadError;

/// How a child failed, as it travels to the parent.
#[derive(Debug, Serialize, Deserialize)]
enum Failure {
    Pdf(String),
    Workbook(String),
    TooManyCells(String, u64),
    PastLastColumn(String, String),
    Encrypted,
    Expanded(u64),
    TimedOut(u64),
    NotSupported(String),
    Crashed(String),
}

impl From<ReadError> for Failure {
    fn from(e: ReadError) -> Self {
        match e {
            ReadError::Pdf { reason } => Self::Pdf(reason),
            ReadError::Workbook { reason } => Self::Workbook(reason),
            ReadError::TooManyCells { sheet, limit } => Self::TooManyCells(sheet, limit),
            ReadError::PastLastColumn { sheet, cell } => Self::PastLastColumn(sheet, cell),
            ReadError::Encrypted => Self::Encrypted,
            ReadError::Expanded { limit } => Self::Expanded(limit),
            ReadError::TimedOut { seconds } => Self::TimedOut(seconds),
            ReadError::NotSupported { format } => Self::NotSupported(format),
            other => Self::Crashed(other.to_string()),
        }
    }
}

impl From<Failure> for ReadError {
    fn from(f: Failure) -> Self {
        match f {
            Failure::Pdf(reason) => Self::Pdf { reason },
            Failure::Workbook(reason) => Self::Workbook { reason },
            Failure::TooManyCells(sheet, limit) => Self::TooManyCells { sheet, limit },
            Failure::PastLastColumn(sheet, cell) => Self::PastLastColumn { sheet, cell },
            Failure::Encrypted => Self::Encrypted,
            Failure::Expanded(limit) => Self::Expanded { limit },
            Failure::TimedOut(seconds) => Self::TimedOut { seconds },
            Failure::NotSupported(format) => Self::NotSupported { format },
            Failure::Crashed(reason) => Self::Crashed { reason },
        }
    }
}

/// The child's reply; `None` when there is none (it crashed) or it was cut.
pub(super) fn parse(mut reply: Vec<u8>, cut: bool) -> Option<Result<Vec<u8>, ReadError>> {
    let &kind = reply.first()?;
    if cut {
        return None;
    }
    match kind {
        b'E' => serde_json::from_slice::<Failure>(&reply[1..])
            .ok()
            .map(|f| Err(f.into())),
        b'O' => {
            reply.remove(0);
            Some(Ok(reply))
        }
        _ => None,
    }
}

/// Writes a reply as `parse` reads it.
pub(super) fn write_reply(
    output: &mut impl Write,
    result: Result<Vec<u8>, ReadError>,
) -> std::io::Result<()> {
    match result {
        Ok(payload) => {
            output.write_all(b"O")?;
            output.write_all(&payload)?;
        }
        Err(e) => {
            output.write_all(b"E")?;
            serde_json::to_writer(&mut *output, &Failure::from(e))
                .map_err(std::io::Error::other)?;
        }
    }
    output.flush()
}

/// A little-endian `u64` at the start of `rest`, which moves past it: the
/// length and count fields of the jobs' replies.
pub fn number(rest: &mut &[u8]) -> Option<usize> {
    let (n, after) = rest.split_first_chunk::<8>()?;
    *rest = after;
    usize::try_from(u64::from_le_bytes(*n)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_and_failures_travel_intact() {
        let mut wire = Vec::new();
        write_reply(&mut wire, Ok(b"sidor".to_vec())).unwrap();
        assert_eq!(parse(wire.clone(), false).unwrap().unwrap(), b"sidor");
        assert!(parse(wire, true).is_none());
        for error in [
            ReadError::Expanded { limit: 7 },
            ReadError::TooManyCells {
                sheet: "Avtal".into(),
                limit: 9,
            },
            ReadError::Workbook {
                reason: "trasig".into(),
            },
        ] {
            let mut wire = Vec::new();
            write_reply(&mut wire, Err(error.clone())).unwrap();
            assert_eq!(parse(wire, false).unwrap(), Err(error));
        }
        assert!(parse(b"X".to_vec(), false).is_none());
    }
}
