//! The hostile-input suite: every kind of file a user or an attacker can
//! hand over, all at once and beside a good file. Each ends in a report or a
//! clear diagnostic naming it, the good file is still reported, and the run
//! exits 2. Limits are set small in a `klausul.toml`, as a user may set them.

use super::{package, repo};

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
