//! Hostile xls files on the library's path, where no child process with an
//! address-space limit stands between calamine and the caller: what
//! calamine would build is counted before it sees the file (issue 17). Each
//! case runs in a fresh run of this test binary, so that its peak memory is
//! its own, and must end in its error with under 256 MB at its peak.

use super::hostile_files;

use klausul::document::error::ReadError;
use klausul::model::limits::Limits;
use klausul::sheet::cell::Cell;
use klausul::sheet::read_workbook;
use klausul::source::Format;

/// Set for a run of this binary that is one case: the case's name.
const CASE_ENV: &str = "KLAUSUL_TEST_XLS_CASE";

const EXPANDED: ReadError = ReadError::Expanded { limit: 256 << 20 };

fn case(name: &str) -> (Vec<u8>, ReadError) {
    match name {
        "dimensions" => (hostile_files::xls_claimed_dimensions(), EXPANDED),
        "corners" => (hostile_files::xls_far_corners(), EXPANDED),
        "shared-string" => (hostile_files::xls_shared_string(), EXPANDED),
        "claimed-lengths" => (hostile_files::xls_claimed_lengths(), EXPANDED),
        "many-names" => (hostile_files::xls_one_sheet_many_names(), EXPANDED),
        "formula-spaces" => (
            hostile_files::xls_formula_spaces(),
            ReadError::Workbook {
                reason: "its formulas would take too long to write out".into(),
            },
        ),
        "directory-loop" => (
            hostile_files::xls_directory_loop(),
            ReadError::Workbook {
                reason: "the chain of sectors of its directory loops back on itself".into(),
            },
        ),
        _ => panic!("no case {name}"),
    }
}

/// Not a test of its own: in a run started by `each_case_is_refused_…`,
/// reads one case in this process and prints its peak memory.
#[cfg(target_os = "linux")]
#[test]
fn one_case() {
    let Ok(name) = std::env::var(CASE_ENV) else {
        return;
    };
    let (bytes, error) = case(&name);
    let read = read_workbook(&bytes, Format::Xls, Limits::default());
    assert_eq!(read.err(), Some(error), "{name}");
    // The peak of this process's own memory since its exec: getrusage's
    // ru_maxrss would also count the test process it was started from,
    // which other tests may have grown by then.
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let peak = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().strip_suffix("kB"))
        .unwrap()
        .trim();
    println!("peak: {peak}");
}

#[cfg(target_os = "linux")]
#[test]
fn each_case_is_refused_before_calamine_builds_it() {
    for name in [
        "dimensions",
        "corners",
        "shared-string",
        "claimed-lengths",
        "many-names",
        "directory-loop",
    ] {
        let run = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "hostile_xls::one_case",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CASE_ENV, name)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&run.stdout);
        assert!(
            run.status.success(),
            "{name}: {said}{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let peak_kb: i64 = said
            .lines()
            .find_map(|l| l.split_once("peak: ").map(|(_, n)| n.trim()))
            .unwrap_or_else(|| panic!("{name}: no peak in {said}"))
            .parse()
            .unwrap();
        assert!(peak_kb < 256 << 10, "{name}: peak {} MB", peak_kb >> 10);
    }
}

/// The allocation table is counted before it is read: listed 109 times it
/// is 55 kB, over a limit of 32 kB, though calamine reads the file well
/// (each copy of the table says the same).
#[test]
fn an_allocation_table_listed_again_and_again_is_counted() {
    let bytes = hostile_files::xls_table_listed_again();
    let small = Limits {
        expanded_bytes: 32 << 10,
        ..Limits::default()
    };
    assert_eq!(
        read_workbook(&bytes, Format::Xls, small).err(),
        Some(ReadError::Expanded { limit: 32 << 10 })
    );
    let book = read_workbook(&bytes, Format::Xls, Limits::default()).unwrap();
    assert_eq!(book.tables[0].rows.len(), 2);
}

/// The counting refuses no ordinary workbook: the small one reads, its
/// header and cells as written.
#[test]
fn a_small_xls_still_reads() {
    let book = read_workbook(&hostile_files::xls_small(), Format::Xls, Limits::default()).unwrap();
    assert_eq!(book.tables.len(), 1);
    let rows: Vec<(u32, usize)> = book.tables[0]
        .rows
        .iter()
        .map(|r| (r.number, r.cells.len()))
        .collect();
    assert_eq!(rows, [(0, 2), (1, 3)]);
}

/// Within the limits the same shapes read: a long shared string in a
/// hundred cells (6 MB of copies), three sheets at one place, and a
/// formula with a few space attributes.
#[test]
fn the_same_shapes_within_the_limits_read() {
    let book = read_workbook(
        &hostile_files::xls_shared_string_in(100),
        Format::Xls,
        Limits::default(),
    )
    .unwrap();
    let rows = &book.tables[0].rows;
    assert_eq!(rows.len(), 100);
    assert_eq!(rows[99].cells, [Cell::Text("A".repeat(60_000))]);
    let book = read_workbook(
        &hostile_files::xls_one_sheet_named(3),
        Format::Xls,
        Limits::default(),
    )
    .unwrap();
    let sheets: Vec<(&str, usize)> = book
        .tables
        .iter()
        .map(|t| (t.sheet.as_str(), t.rows.len()))
        .collect();
    assert_eq!(sheets, [("Blad1", 2000), ("Blad2", 2000), ("Blad3", 2000)]);
    // "=1 + 2": the cached value is read.
    let tokens = [0x1E, 1, 0, 0x1E, 2, 0, 0x19, 0x40, 0x00, 0x01, 0x03];
    let mut sheet = hostile_files::xls_label(0, 0, "Avtalstyp");
    sheet.extend(hostile_files::xls_formula(1, 0, 3.0, &tokens));
    let book = read_workbook(&hostile_files::xls(&sheet), Format::Xls, Limits::default()).unwrap();
    let cells: Vec<&[Cell]> = book.tables[0]
        .rows
        .iter()
        .map(|r| r.cells.as_slice())
        .collect();
    assert_eq!(
        cells,
        [&[Cell::Text("Avtalstyp".into())][..], &[Cell::Number(3.0)]]
    );
}
