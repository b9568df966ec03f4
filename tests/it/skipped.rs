//! Nothing in a folder is skipped silently (issue 20): document-like files
//! klausul does not read, lock files and links out of the folder are listed
//! with their reason in every output format, other files are counted, and
//! `--strict` makes a skipped document an input error. Old Word and RTF named
//! directly are refused as what they are.

use super::{klausul, repo, scratch};

use std::path::Path;

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A folder with a tender, four files that look like documents klausul does
/// not read, a Word lock file, a real document whose name starts `~$`, and
/// two files that are nothing of the kind.
fn folder(name: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    let sub = dir.join("avtal");
    std::fs::create_dir_all(&sub).unwrap();
    let tender = std::fs::read(repo().join("fixtures/tune/svag.md")).unwrap();
    std::fs::write(sub.join("anbud.md"), &tender).unwrap();
    std::fs::write(sub.join("brev.doc"), b"x").unwrap();
    std::fs::write(sub.join("mall.DOT"), b"x").unwrap();
    std::fs::write(sub.join("gammal.rtf"), b"{\\rtf1 x}").unwrap();
    std::fs::write(sub.join("plan.wpd"), b"x").unwrap();
    std::fs::write(sub.join("~$anbud.docx"), b"\x05jb\0\0\0").unwrap();
    let docx = std::fs::read(repo().join("fixtures/office/consulting.docx")).unwrap();
    std::fs::write(sub.join("~$riktigt.docx"), docx).unwrap();
    std::fs::write(sub.join("bild.png"), b"x").unwrap();
    std::fs::write(sub.join("arkiv.zip"), b"x").unwrap();
    dir
}

fn check(dir: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["check", "--fail-on", "never"];
    all.extend(args);
    all.push("avtal");
    klausul(dir, &all)
}

#[test]
fn json_lists_each_skipped_file_with_its_reason_and_counts_the_rest() {
    let dir = folder("skipped-json");
    let out = check(&dir, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["skipped"],
        serde_json::json!([
            { "path": "avtal/brev.doc", "reason": "old-word" },
            { "path": "avtal/gammal.rtf", "reason": "rtf" },
            { "path": "avtal/mall.DOT", "reason": "old-word" },
            { "path": "avtal/plan.wpd", "reason": "word-perfect" },
            { "path": "avtal/~$anbud.docx", "reason": "lock-file" },
        ])
    );
    assert_eq!(report["summary"]["skipped"], 5);
    assert_eq!(report["summary"]["skipped_other"], 2);
    // The real document named like a lock file is read.
    let paths: Vec<&str> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["avtal/anbud.md", "avtal/~$riktigt.docx"]);
}

#[test]
fn every_format_names_the_skipped_files() {
    let dir = folder("skipped-formats");
    let cases: [(&str, &[&str]); 7] = [
        ("human", &["avtal/brev.doc: Word 97–2003 (.doc/.dot) läses inte; spara filen som DOCX", "2 andra filer hoppades över"]),
        ("markdown", &["- `avtal/gammal.rtf`: RTF läses inte; spara filen som DOCX"]),
        ("html", &["<li><code>avtal/~$anbud.docx</code>: låsfil från Word eller LibreOffice</li>"]),
        ("github", &["::notice file=avtal/plan.wpd,title=klausul::WordPerfect-filer läses inte; spara filen som DOCX"]),
        ("junit", &["<testcase name=\"avtal/brev.doc\" classname=\"Filer som inte granskades\">\n      <skipped message=\"Word 97–2003 (.doc/.dot) läses inte; spara filen som DOCX\"/>"]),
        ("gitlab", &["\"check_name\": \"klausul-skipped\"", "\"severity\": \"info\"", "\"path\": \"avtal/mall.DOT\""]),
        ("sarif", &["\"level\": \"note\"", "\"uri\": \"avtal/gammal.rtf\"", "\"text\": \"2 andra filer hoppades över: de är inga dokument som klausul läser\""]),
    ];
    for (format, needles) in cases {
        let out = check(&dir, &["--format", format]);
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        let text = stdout(&out);
        for needle in needles {
            assert!(text.contains(needle), "{format}: {needle}\n{text}");
        }
    }
}

#[test]
fn strict_makes_a_skipped_document_an_input_error() {
    let dir = folder("skipped-strict");
    let out = check(&dir, &["--strict"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out)
            .contains("× 4 dokumentliknande filer granskades inte, och --strict gör det till ett"),
        "{}",
        stderr(&out)
    );
    // The documents are still checked and reported.
    assert!(
        stdout(&out).contains("avtal/anbud.md: godkänt"),
        "{}",
        stdout(&out)
    );
    // A lock file alone is no reason to fail.
    let calm = scratch("skipped-strict-lock");
    std::fs::create_dir_all(calm.join("avtal")).unwrap();
    std::fs::copy(
        repo().join("fixtures/tune/svag.md"),
        calm.join("avtal/a.md"),
    )
    .unwrap();
    std::fs::write(calm.join("avtal/~$a.docx"), b"\x05jb").unwrap();
    assert_eq!(check(&calm, &["--strict"]).status.code(), Some(0));
}

#[test]
fn old_word_and_rtf_named_directly_are_refused_as_what_they_are() {
    let dir = scratch("old-formats");
    std::fs::write(
        dir.join("a.rtf"),
        b"{\\rtf1\\ansi Leverant\\'f6ren ska f\\'f6lja lagen.}",
    )
    .unwrap();
    let doc = repo().join("tests/data/old-word.doc");
    let out = klausul(
        &dir,
        &[
            "check",
            "--lang",
            "en",
            "--format",
            "json",
            "a.rtf",
            doc.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["documents"][0]["error"],
        "a.rtf: the file is in the RTF format, which klausul does not read"
    );
    assert_eq!(
        report["documents"][1]["error"],
        format!(
            "{}: the file is in the Word 97–2003 (.doc) format, which klausul does not read",
            doc.display()
        )
    );
    assert!(
        stderr(&out).contains("open the file in Word or LibreOffice and save it as DOCX"),
        "{}",
        stderr(&out)
    );
}
