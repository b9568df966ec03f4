//! The floor for reading a register: a bare pass over every cell of every
//! sheet of an xlsx with calamine's `worksheet_cells_reader`, doing nothing
//! with them. `scripts/bench_sheets.sh` times it beside `klausul check` on
//! the same file (issue 20: the audit within 1.3× of this pass).
//!
//! Usage: `cargo run --release --example bare_cells -- REGISTER.xlsx`

use calamine::{open_workbook, Reader, Xlsx};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: bare_cells FILE.xlsx")?;
    let mut book: Xlsx<_> = open_workbook(&path)?;
    let names = book.sheet_names();
    let mut cells = 0u64;
    for name in names {
        let mut reader = book.worksheet_cells_reader(&name)?;
        while let Some(cell) = reader.next_cell()? {
            // Looked at, so the pass cannot be optimised away.
            cells += u64::from(!matches!(cell.get_value(), calamine::DataRef::Empty));
        }
    }
    println!("{cells} cells");
    Ok(())
}
