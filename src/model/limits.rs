//! The limits every reader keeps, as `contracts.md` fixes them ("Inputs and
//! limits"). A file that reaches one gets an error naming the file and the
//! limit; the run goes on with the other files.

/// How much any one input may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of an input file.
    pub file_bytes: u64,
    /// Decompressed bytes of one part of a zip container.
    pub part_bytes: u64,
    /// Decompressed bytes of all the parts read from one zip container.
    pub package_bytes: u64,
    /// Depth of nested XML elements.
    pub xml_depth: usize,
    /// Cells of one workbook.
    pub cells: u64,
    /// Seconds one file may take to read.
    pub seconds_per_file: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            file_bytes: 512 * 1024 * 1024,
            part_bytes: 256 * 1024 * 1024,
            package_bytes: 1024 * 1024 * 1024,
            xml_depth: 1_000,
            cells: 10_000_000,
            seconds_per_file: 60,
        }
    }
}
