//! A workbook's rows as a stream: a sheet is handed on a batch of rows at a
//! time, in row order, as the cells come out of calamine's
//! `worksheet_cells_reader`, so whoever reads them (the register audit) can
//! judge a row and let it go while the rest of the sheet is still being
//! read. Memory then stays with the batch, not the sheet.
//!
//! A row is handed on once a later row begins; merged areas (known before
//! the sheet is read) show their top-left value in every cell they cover, as
//! in a `Table`. A sheet whose rows do not come in order (allowed, if odd)
//! is read again from its start into a `TableBuilder`, which sorts it, and
//! handed on after `Piece::Again`.
//!
//! The pieces travel from a reader thread of their own over a bounded
//! channel (`Stream`), with the time limit, or straight into a `Workbook`
//! (`read_workbook`).

use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError, SyncSender};
use std::time::{Duration, Instant};

use super::{Row, Table, Workbook};
use crate::document::error::ReadError;
use crate::document::READER_THREAD;

/// Rows handed on at once: enough that a batch is worth a thread's time,
/// few enough that a batch of the widest rows stays small.
pub const BATCH: usize = 512;

/// Batches read ahead of the one being judged.
const AHEAD: usize = 2;

/// The reader thread's stack, as generous as the other readers' threads
/// (`document::isolated`): an overflow would end the whole run.
const STACK: usize = 64 * 1024 * 1024;

/// What a workbook's reader hands on, in order.
#[derive(Debug)]
pub enum Piece {
    /// A sheet begins; its rows follow.
    Sheet { name: String, hidden: bool },
    /// The next rows of the current sheet, in order.
    Rows(Vec<Row>),
    /// Forget the current sheet's rows: it is handed on again, whole and
    /// sorted, because its rows came out of order.
    Again,
}

/// Anything that gives a workbook's pieces one at a time.
pub trait Pieces {
    /// The next piece, or `None` after the last.
    ///
    /// # Errors
    /// The reading's own: a limit reached, a damaged sheet, the time up.
    fn next_piece(&mut self) -> Result<Option<Piece>, ReadError>;
}

/// A workbook already read, as pieces.
pub struct WorkbookPieces {
    tables: std::vec::IntoIter<Table>,
    rows: Option<Vec<Row>>,
}

impl Workbook {
    /// The workbook's sheets as pieces, each sheet's rows in one batch.
    #[must_use]
    pub fn into_pieces(self) -> WorkbookPieces {
        WorkbookPieces {
            tables: self.tables.into_iter(),
            rows: None,
        }
    }

    /// The workbook the pieces make: a sheet handed on again replaces its
    /// rows so far.
    ///
    /// # Errors
    /// The pieces' own.
    pub fn from_pieces(pieces: &mut dyn Pieces) -> Result<Self, ReadError> {
        let mut book = Self::default();
        while let Some(piece) = pieces.next_piece()? {
            book.take(piece);
        }
        Ok(book)
    }

    /// Adds a piece to the workbook.
    pub fn take(&mut self, piece: Piece) {
        match (piece, self.tables.last_mut()) {
            (Piece::Sheet { name, hidden }, _) => self.tables.push(Table {
                sheet: name,
                hidden,
                rows: Vec::new(),
            }),
            (Piece::Rows(rows), Some(table)) => table.rows.extend(rows),
            (Piece::Again, Some(table)) => table.rows.clear(),
            (_, None) => {}
        }
    }
}

impl Pieces for WorkbookPieces {
    fn next_piece(&mut self) -> Result<Option<Piece>, ReadError> {
        if let Some(rows) = self.rows.take() {
            return Ok(Some(Piece::Rows(rows)));
        }
        Ok(self.tables.next().map(|t| {
            self.rows = Some(t.rows);
            Piece::Sheet {
                name: t.sheet,
                hidden: t.hidden,
            }
        }))
    }
}

type Message = Result<Option<Piece>, ReadError>;

/// A workbook read on a thread of its own, its pieces coming over a bounded
/// channel: the reader stays at most a few batches ahead, and stops when
/// the stream is dropped. The time limit counts from the stream's start.
pub struct Stream {
    pieces: Receiver<Message>,
    first: Option<Message>,
    deadline: Option<Instant>,
    seconds: u64,
    done: bool,
}

impl Stream {
    /// Starts `read` on a reader thread, handing it where to send the
    /// pieces, and waits for the first piece, so that a workbook that cannot
    /// be opened at all fails here.
    ///
    /// # Errors
    /// The reader's first error, a panic, or the time up before the first
    /// piece.
    pub fn start(
        seconds: u64,
        read: impl FnOnce(&mut dyn FnMut(Piece) -> Result<(), ReadError>) -> Result<(), ReadError>
            + Send
            + 'static,
    ) -> Result<Self, ReadError> {
        let (tx, rx) = sync_channel::<Message>(AHEAD);
        std::thread::Builder::new()
            .name(READER_THREAD.to_owned())
            .stack_size(STACK)
            .spawn(move || serve(&tx, read))
            .map_err(|e| ReadError::Crashed {
                reason: e.to_string(),
            })?;
        let mut stream = Self {
            pieces: rx,
            first: None,
            deadline: Instant::now().checked_add(Duration::from_secs(seconds)),
            seconds,
            done: false,
        };
        let first = stream.receive();
        if let Err(e) = first {
            return Err(e);
        }
        stream.first = Some(first);
        Ok(stream)
    }

    fn receive(&mut self) -> Message {
        let left = self.deadline.map_or(Duration::MAX, |d| {
            d.saturating_duration_since(Instant::now())
        });
        match self.pieces.recv_timeout(left) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => Err(ReadError::TimedOut {
                seconds: self.seconds,
            }),
            Err(RecvTimeoutError::Disconnected) => Err(ReadError::Crashed {
                reason: "the reader stopped without a result".to_owned(),
            }),
        }
    }
}

impl Pieces for Stream {
    fn next_piece(&mut self) -> Result<Option<Piece>, ReadError> {
        if self.done {
            return Ok(None);
        }
        let message = match self.first.take() {
            Some(m) => m,
            None => self.receive(),
        };
        // After an error or the end nothing more comes.
        self.done = !matches!(message, Ok(Some(_)));
        message
    }
}

/// On the reader thread: reads, sending each piece, then the end or the
/// error; a panic is the workbook's error.
fn serve(
    tx: &SyncSender<Message>,
    read: impl FnOnce(&mut dyn FnMut(Piece) -> Result<(), ReadError>) -> Result<(), ReadError>,
) {
    let mut send = |piece: Piece| {
        tx.send(Ok(Some(piece))).map_err(|_| ReadError::Crashed {
            reason: "no one reads the workbook any more".to_owned(),
        })
    };
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(&mut send)));
    let last = match outcome {
        Ok(Ok(())) => Ok(None),
        Ok(Err(e)) => Err(e),
        Err(panic) => Err(ReadError::Crashed {
            reason: panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".to_owned()),
        }),
    };
    let _ = tx.send(last);
}
