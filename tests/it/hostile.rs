//! The hostile-input suite: every kind of file a user or an attacker can
//! hand over, all at once and beside a good file. Each ends in a report or a
//! clear diagnostic naming it, the good file is still reported, and the run
//! exits 2. Limits are set small in a `klausul.toml`, as a user may set them.

use super::{hostile_files, package, repo};

use std::path::Path;
use std::process::Command;

fn word_document(body: &str) -> Vec<u8> {
    let xml = format!(r#"<w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#);
    package(&[("word/document.xml", xml.as_bytes())])
}

/// Writes the hostile files into `dir` and returns their names.
fn hostile(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    let mut put = |name: &str, bytes: &[u8]| {
        std::fs::write(dir.join(name), bytes).unwrap();
        names.push(name.to_owned());
    };
    let spaces = vec![b' '; 5 << 20];
    let mut bomb = b"<w:document xmlns:w=\"w\"><w:body>".to_vec();
    bomb.extend(&spaces);
    bomb.extend(b"</w:body></w:document>");
    put("bomb.docx", &package(&[("word/document.xml", &bomb)]));
    put(
        "bomb.xlsx",
        &package(&[
            ("xl/workbook.xml", b"<workbook/>"),
            ("xl/worksheets/sheet1.xml", &spaces),
        ]),
    );
    put(
        "entities.docx",
        &package(&[(
            "word/document.xml",
            b"<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>",
        )]),
    );
    put(
        "deep.docx",
        &word_document(&format!(
            "{}{}",
            "<w:sdt>".repeat(200_000),
            "</w:sdt>".repeat(200_000)
        )),
    );
    put(
        "truncated.docx",
        &std::fs::read(repo().join("fixtures/bad/truncated.docx")).unwrap(),
    );
    put(
        "truncated.xlsx",
        &std::fs::read(repo().join("fixtures/bad/truncated.xlsx")).unwrap(),
    );
    put(
        "scan.pdf",
        &std::fs::read(repo().join("fixtures/bad/scan.pdf")).unwrap(),
    );
    put(
        "broken-xref.pdf",
        &std::fs::read(repo().join("fixtures/bad/broken-xref.pdf")).unwrap(),
    );
    put(
        "invalid-utf8.md",
        b"# Avtal\n\nLeverant\xf6ren \xff\xfe ska f\xc3lja lagen.\n",
    );
    let mut noise = Vec::with_capacity(8192);
    let mut x: u32 = 2026;
    for _ in 0..8192 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        noise.push(x.to_le_bytes()[2]);
    }
    for ext in [
        "md", "txt", "docx", "odt", "pdf", "xlsx", "xlsm", "xls", "xlsb", "ods", "csv",
    ] {
        put(&format!("noise.{ext}"), &noise);
        put(&format!("empty.{ext}"), b"");
    }
    names
}

#[test]
#[ignore = "slow in a debug build (a 50 MB line); .ci/run runs it"]
fn every_hostile_file_ends_in_a_report_or_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("klausul-hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("loop")).unwrap();
    std::fs::write(
        dir.join("klausul.toml"),
        "[limits]\npart_mb = 4\npackage_mb = 8\nxml_depth = 500\ncells = 100000\nseconds_per_file = 20\n",
    )
    .unwrap();
    let mut names = hostile(&dir);
    // A directory that links back to itself.
    #[cfg(unix)]
    std::os::unix::fs::symlink(&dir, dir.join("loop/back")).unwrap();
    // A 50 MB document that is a single line.
    let line: String = "Leverantören ska följa lagen och vite om 25 000 kr utgår ".repeat(900_000);
    let cut = (0..=50_000_000)
        .rev()
        .find(|&i| line.is_char_boundary(i))
        .unwrap();
    std::fs::write(dir.join("one-line.txt"), &line[..cut]).unwrap();
    names.push("one-line.txt".to_owned());
    std::fs::copy(
        repo().join("fixtures/tune/komplett.md"),
        dir.join("good.md"),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_klausul"))
        .current_dir(&dir)
        .args(["check", "--format", "json", "."])
        .env_remove("KLAUSUL_CONFIG")
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = report["documents"].as_array().unwrap();
    let by_path = |p: &str| {
        docs.iter()
            .find(|d| d["path"] == p)
            .unwrap_or_else(|| panic!("{p} not reported"))
    };
    assert_eq!(by_path("good.md")["verdict"], "pass");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for name in &names {
        let doc = by_path(name);
        if doc["verdict"] == "error" {
            let error = doc["error"].as_str().unwrap();
            assert!(error.starts_with(&format!("{name}: ")), "{error}");
            assert!(stderr.contains(name.as_str()), "{name} has no diagnostic");
        }
    }
    let error_of = |p: &str| by_path(p)["error"].as_str().unwrap_or("").to_owned();
    assert!(error_of("bomb.docx").contains("decompresses to more than 4194304 bytes"));
    assert!(error_of("bomb.xlsx").contains("decompresses to more than 4194304 bytes"));
    assert!(error_of("entities.docx").contains("declares a document type"));
    assert!(error_of("deep.docx").contains("deeper than 500 levels"));
    assert!(error_of("scan.pdf").contains("no text layer"));
    assert!(error_of("empty.docx").ends_with("the file is empty"));
    assert!(error_of("noise.xlsx").contains("bytes are not text"));
    // Invalid UTF-8 is read (as Windows-1252), and the long line is checked.
    assert_eq!(by_path("invalid-utf8.md")["verdict"], "fail");
    assert_eq!(by_path("one-line.txt")["kind"], "document");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// How one run of the binary went: its exit status, its output, and the
/// peak memory of its own process tree.
struct Measured {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
    /// Kilobytes: the largest resident set of the process or of any child
    /// it waited for (a PDF extractor).
    peak_kb: i64,
    seconds: f64,
}

/// Generous bounds, not speed: a case that passes them cannot take the run
/// down or hang it.
const PEAK_KB: i64 = 1 << 20;
const GUARD: std::time::Duration = std::time::Duration::from_secs(120);

/// Set for a run of this test binary that is only the measuring parent of
/// one case: the case's folder, its standard input ("" for none) and its
/// arguments, separated by unit separators.
const MEASURE_ENV: &str = "KLAUSUL_TEST_MEASURE";

/// Runs the binary in `dir` and measures it. `wait4` gives the rusage of one
/// child alone (`getrusage(RUSAGE_CHILDREN)` would mix in the cases other
/// tests run meanwhile), but a child's peak also counts the peak of the
/// process it was started from, up to its `exec`: this test process, which
/// has made gigabyte bombs by then. So a fresh run of this binary, small,
/// starts the case and measures it (`measuring_parent`).
#[cfg(unix)]
fn measured(dir: &Path, args: &[&str], stdin: Option<&Path>) -> Measured {
    let mut spec = vec![dir.display().to_string()];
    spec.push(stdin.map(|p| p.display().to_string()).unwrap_or_default());
    spec.extend(args.iter().map(|a| (*a).to_owned()));
    let parent = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "hostile::measuring_parent",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(MEASURE_ENV, spec.join("\u{1f}"))
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&parent.stdout);
    let line = said
        .lines()
        .find_map(|l| l.split_once("measured: ").map(|(_, m)| m))
        .unwrap_or_else(|| panic!("no measurement: {said}"));
    let fields: Vec<&str> = line.split_whitespace().collect();
    Measured {
        code: fields[0].parse().ok(),
        peak_kb: fields[1].parse().unwrap(),
        seconds: fields[2].parse().unwrap(),
        stdout: std::fs::read(dir.with_extension("stdout")).unwrap(),
        stderr: std::fs::read_to_string(dir.with_extension("stderr")).unwrap(),
    }
}

/// Not a test of its own: in a run started by `measured`, starts one case,
/// waits for it with `wait4` (ending it past the guard) and prints its exit
/// status, its peak memory in kilobytes and its seconds.
#[cfg(unix)]
#[test]
fn measuring_parent() {
    use std::process::Stdio;
    let Ok(spec) = std::env::var(MEASURE_ENV) else {
        return;
    };
    let spec: Vec<&str> = spec.split('\u{1f}').collect();
    let (dir, stdin, args) = (Path::new(spec[0]), spec[1], &spec[2..]);
    // Only its id is kept: wait4 reaps it, and a second wait by `Child`
    // could reap an unrelated process given the same id meanwhile.
    let id = Command::new(env!("CARGO_BIN_EXE_klausul"))
        .current_dir(dir)
        .args(args)
        .env_remove("KLAUSUL_CONFIG")
        .env("LANG", "en_US.UTF-8")
        .env("NO_COLOR", "1")
        .stdin(if stdin.is_empty() {
            Stdio::null()
        } else {
            std::fs::File::open(stdin).unwrap().into()
        })
        .stdout(std::fs::File::create(dir.with_extension("stdout")).unwrap())
        .stderr(std::fs::File::create(dir.with_extension("stderr")).unwrap())
        .spawn()
        .unwrap()
        .id();
    let pid = libc::pid_t::try_from(id).unwrap();
    let started = std::time::Instant::now();
    let (status, usage) = loop {
        let mut status = 0;
        // SAFETY: an all-zero rusage is a valid value of the C structure.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: wait4 writes only into the two structures passed, which
        // live across the call; the child is ours and not waited for elsewhere.
        let done = unsafe { libc::wait4(pid, &raw mut status, libc::WNOHANG, &raw mut usage) };
        assert!(done >= 0, "wait4 failed");
        if done == pid {
            break (status, usage);
        }
        if started.elapsed() > GUARD {
            // SAFETY: kill only sends a signal to our own child.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            panic!("klausul {args:?} did not end within {GUARD:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status).to_string()
    } else {
        "signal".to_owned()
    };
    println!(
        "measured: {code} {} {:.2}",
        usage.ru_maxrss,
        started.elapsed().as_secs_f64()
    );
}

/// A fresh folder with the good document in it, and the configuration given.
fn case_dir(name: &str, config: &str) -> std::path::PathBuf {
    let dir = super::scratch(&format!("hostile-{name}"));
    std::fs::copy(
        repo().join("fixtures/tune/komplett.md"),
        dir.join("good.md"),
    )
    .unwrap();
    std::fs::write(dir.join("klausul.toml"), config).unwrap();
    dir
}

/// Checks `hostile` beside the good document and asserts what every case
/// must: exit 2, the hostile input's error ends with `message`, the good
/// document passes, and the run stayed under 1 GB.
fn holds(dir: &Path, hostile: &str, message: &str, stdin: Option<&Path>) {
    let run = measured(
        dir,
        &["check", "--format", "json", hostile, "good.md"],
        stdin,
    );
    assert_eq!(run.code, Some(2), "{hostile}: {}", run.stderr);
    // Shown with --nocapture: what each case costs.
    eprintln!(
        "{hostile}: exit 2, peak {} MB, {:.1} s",
        run.peak_kb >> 10,
        run.seconds
    );
    assert!(
        run.peak_kb < PEAK_KB,
        "{hostile}: peak memory {} MB",
        run.peak_kb >> 10
    );
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let docs = report["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2, "{hostile}");
    assert_eq!(docs[1]["path"], "good.md");
    assert_eq!(
        docs[1]["verdict"], "pass",
        "the good document beside {hostile}"
    );
    let error = docs[0]["error"].as_str().unwrap_or_default();
    assert!(
        error.starts_with(&format!("{hostile}: ")) && error.ends_with(message),
        "{hostile}: {error}"
    );
    // The diagnostic names the file (its message is wrapped to the width).
    assert!(
        run.stderr.contains(&format!("× {hostile}: ")),
        "{hostile}: {}",
        run.stderr
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// The `expanded_mb` error at its default, 256 MB.
const EXPANDED: &str =
    "the content expands to more than 268435456 bytes, the limit for one file (`expanded_mb`)";

/// One hostile file, written into a fresh folder and checked with the
/// default limits, as a user would meet it.
fn file_holds(name: &str, bytes: &[u8], message: &str) {
    let dir = case_dir(name, "");
    std::fs::write(dir.join(name), bytes).unwrap();
    holds(&dir, name, message, None);
}

#[test]
fn a_pdf_stream_that_inflates_to_a_gigabyte() {
    file_holds(
        "stream-bomb.pdf",
        &hostile_files::pdf_stream_bomb(1 << 30),
        EXPANDED,
    );
}

#[test]
fn a_pdf_that_makes_the_extractor_copy_its_state() {
    file_holds(
        "copied-state.pdf",
        &hostile_files::pdf_copied_state(),
        EXPANDED,
    );
}

#[test]
fn a_pdf_with_a_bogus_length_is_damaged_not_a_scan() {
    file_holds(
        "bogus-length.pdf",
        &hostile_files::pdf_bogus_length(),
        "the PDF is damaged: the content of 1 of its 1 page(s) cannot be read",
    );
}

#[test]
fn a_word_list_number_of_a_megabyte_before_each_paragraph() {
    file_holds(
        "long-number.docx",
        &hostile_files::docx_long_number(),
        EXPANDED,
    );
}

#[test]
fn an_opendocument_list_prefix_of_a_megabyte_before_each_item() {
    file_holds(
        "long-prefix.odt",
        &hostile_files::odt_long_prefix(),
        EXPANDED,
    );
}

#[test]
fn a_shared_string_of_a_megabyte_in_a_thousand_cells() {
    file_holds(
        "shared-string.xlsx",
        &hostile_files::xlsx_shared_string(),
        EXPANDED,
    );
}

#[test]
fn a_merged_area_over_a_long_string() {
    file_holds(
        "merged.xlsx",
        &hostile_files::xlsx_merged_long_string(),
        EXPANDED,
    );
}

#[test]
fn rows_with_one_cell_at_column_xfd() {
    file_holds("xfd.xlsx", &hostile_files::xlsx_cells_at_xfd(), EXPANDED);
}

#[test]
fn a_cell_past_column_xfd() {
    file_holds(
        "past-xfd.xlsx",
        &hostile_files::xlsx_past_xfd(),
        "sheet `Blad1` has a cell at ZZZZZZ2, past column XFD, the last a sheet can have",
    );
}

#[test]
fn an_xls_whose_dimensions_claim_four_billion_rows() {
    file_holds(
        "dimensions.xls",
        &hostile_files::xls_claimed_dimensions(),
        EXPANDED,
    );
}

#[test]
fn an_xls_with_cells_at_its_far_corners() {
    file_holds("corners.xls", &hostile_files::xls_far_corners(), EXPANDED);
}

#[test]
fn an_xls_shared_string_copied_into_twenty_thousand_cells() {
    file_holds(
        "shared-string.xls",
        &hostile_files::xls_shared_string(),
        EXPANDED,
    );
}

#[test]
fn an_xls_whose_directory_chain_loops() {
    file_holds(
        "directory-loop.xls",
        &hostile_files::xls_directory_loop(),
        "the workbook cannot be read: the chain of sectors of its directory loops back on itself",
    );
}

#[test]
fn an_xls_of_three_thousand_sheets_at_one_place() {
    file_holds(
        "many-names.xls",
        &hostile_files::xls_one_sheet_many_names(),
        EXPANDED,
    );
}

#[test]
fn an_xls_formula_of_sixteen_thousand_space_attributes() {
    file_holds(
        "formula-spaces.xls",
        &hostile_files::xls_formula_spaces(),
        "the workbook cannot be read: its formulas would take too long to write out",
    );
}

/// The generated xls is a workbook calamine reads, so the two cases above
/// fail for what they claim and not for a broken container.
#[test]
fn a_generated_xls_is_read() {
    let dir = case_dir("small-xls", "");
    std::fs::write(dir.join("small.xls"), hostile_files::xls_small()).unwrap();
    let run = measured(
        &dir,
        &["check", "--format", "json", "small.xls", "good.md"],
        None,
    );
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let error = report["documents"][0]["error"].as_str().unwrap_or_default();
    assert_eq!(
        error,
        "small.xls: no sheet has a header row klausul recognises (found Blad1: Avtalstyp, Avtalsnamn, 25000)"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_million_rows_last_to_first_are_read_in_order() {
    // The rows hold no header, so the workbook is read whole and then
    // refused: the first cells it names are those of the first rows.
    file_holds(
        "descending.xlsx",
        &hostile_files::xlsx_descending_rows(),
        "no sheet has a header row klausul recognises (found Blad1: x, x, x, x, x)",
    );
}

#[test]
fn a_workbook_that_takes_too_long_is_stopped() {
    // The time limit holds for spreadsheets too: a million rows take
    // seconds to read in a test build, over the second allowed here.
    let dir = case_dir("slow", "[limits]\nseconds_per_file = 1\n");
    std::fs::write(dir.join("slow.xlsx"), hostile_files::xlsx_descending_rows()).unwrap();
    holds(
        &dir,
        "slow.xlsx",
        "reading took longer than 1 s, the limit for one file",
        None,
    );
}

#[test]
fn a_profile_of_a_hundred_thousand_patterns_is_compiled_in_linear_time() {
    let dir = case_dir("many-patterns", "");
    std::fs::write(
        dir.join("many.toml"),
        hostile_files::profile_with_patterns(100_000),
    )
    .unwrap();
    // The 120 s guard is the assertion on time: the pre-filter's fragments
    // were once chosen by scanning every open one for each phrase.
    let run = measured(
        &dir,
        &[
            "check",
            "--profile",
            "many.toml",
            "--format",
            "json",
            "good.md",
        ],
        None,
    );
    eprintln!(
        "many.toml: exit {:?}, peak {} MB, {:.1} s",
        run.code,
        run.peak_kb >> 10,
        run.seconds
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert!(
        run.peak_kb < PEAK_KB,
        "peak memory {} MB",
        run.peak_kb >> 10
    );
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(report["profile"]["id"], "stockholm-many");
    assert_eq!(report["documents"][0]["verdict"], "pass");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_opendocument_sheet_and_a_csv_that_take_too_long_are_stopped() {
    // Each reader keeps the time limit, not only xlsx's: these take
    // seconds to read in a test build, over the second allowed here.
    let late = "reading took longer than 1 s, the limit for one file";
    let dir = case_dir("slow-ods", "[limits]\nseconds_per_file = 1\n");
    std::fs::write(dir.join("slow.ods"), hostile_files::ods_rows(600_000)).unwrap();
    holds(&dir, "slow.ods", late, None);
    let dir = case_dir("slow-csv", "[limits]\nseconds_per_file = 1\n");
    std::fs::write(dir.join("slow.csv"), "a;b\n".repeat(2_000_000)).unwrap();
    holds(&dir, "slow.csv", late, None);
}

#[test]
fn an_opendocument_cell_repeated_over_a_hundred_by_a_hundred() {
    file_holds(
        "repeated.ods",
        &hostile_files::ods_repeated_cell(),
        EXPANDED,
    );
}

#[test]
fn fifty_megabytes_of_short_lines() {
    // 50 MB that the text reader would hold as 2.4 GB of lines and blocks.
    file_holds("lines.txt", &b"a\n".repeat(25_000_000), EXPANDED);
}

#[test]
fn a_bom_and_nothing_else_is_empty() {
    file_holds("bom.md", b"\xEF\xBB\xBF", "the file is empty");
    file_holds("bom16.txt", b"\xFF\xFE \0\n\0", "the file is empty");
}

#[cfg(unix)]
#[test]
fn a_fifo_a_socket_and_a_device_are_not_opened() {
    let not_regular = "not a regular file; FIFOs, sockets and devices are not read";
    let dir = case_dir("fifo", "");
    let fifo = dir.join("fifo.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    holds(&dir, "fifo.md", not_regular, None);
    let dir = case_dir("socket", "");
    let _listener = std::os::unix::net::UnixListener::bind(dir.join("socket.md")).unwrap();
    holds(&dir, "socket.md", not_regular, None);
    let dir = case_dir("device", "");
    holds(&dir, "/dev/zero", not_regular, None);
}

#[cfg(unix)]
#[test]
fn standard_input_past_the_file_limit_is_refused_not_cut() {
    let dir = case_dir("stdin", "[limits]\nfile_mb = 1\n");
    let long = dir.with_extension("input");
    let text = std::fs::read(dir.join("good.md")).unwrap();
    std::fs::write(&long, text.repeat((2 << 20) / text.len() + 1)).unwrap();
    holds(
        &dir,
        "-",
        "standard input goes on past 1048576 bytes, the limit for one file",
        Some(&long),
    );
    let _ = std::fs::remove_file(long);
}
