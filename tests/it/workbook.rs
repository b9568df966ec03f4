//! The xlsx workbook as others read it (issue 20): openpyxl checks that
//! every sheet can be filtered, sorted and printed as it is, and LibreOffice
//! renders it. Both are installed by `.ci/run`.

use super::{repo, scratch};

use std::process::Command;

/// A tender whose clause stands in section 7.10, a section number that a
/// workbook writing numbers as numbers turns into 7.1.
const SECTION_7_10: &str = "# Avtal\n\n## 7.10 Antidiskriminering\n\n\
Leverantören bör följa diskrimineringslagen (2008:567).\n";

/// The workbook of a run over the register and a tender, in Swedish.
fn workbook(dir: &std::path::Path) -> std::path::PathBuf {
    std::fs::write(dir.join("anbud.md"), SECTION_7_10).unwrap();
    let register = repo().join("fixtures/sheets/avtalsregister.xlsx");
    let out = Command::new(env!("CARGO_BIN_EXE_klausul"))
        .current_dir(dir)
        .args([
            "check",
            "--lang",
            "sv",
            "--output",
            "xlsx=matris.xlsx",
            "anbud.md",
        ])
        .arg(register)
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .env_remove("KLAUSUL_CONFIG")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    dir.join("matris.xlsx")
}

#[test]
#[ignore = "needs openpyxl in target/xlsx-venv; .ci/run installs it"]
fn openpyxl_reads_a_workbook_that_files_as_it_is() {
    let dir = scratch("openpyxl");
    let book = workbook(&dir);
    let out = Command::new(repo().join("target/xlsx-venv/bin/python"))
        .arg(repo().join("scripts/check_workbook.py"))
        .arg(&book)
        .arg("7.10")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
#[ignore = "needs LibreOffice (soffice); .ci/run installs libreoffice-calc-nogui"]
fn libreoffice_prints_the_workbook() {
    let dir = scratch("soffice");
    let book = workbook(&dir);
    let profile = dir.join("lo-profile");
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&book)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let pdf = std::fs::read(dir.join("matris.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // Every sheet prints, each on pages of its own; the about sheet alone
    // takes one, so there are more than the five sheets' worth.
    let pages = pdf
        .windows(10)
        .filter(|w| w == b"/Type /Pag" || w == b"/Type/Page")
        .count();
    assert!(pages >= 5, "{pages} pages");
}
