//! `klausul annotate`, read back by readers that are not klausul's: Python's
//! zipfile and xml.etree (and python-docx when it is installed) through
//! `tests/word/verify.py`, and LibreOffice, which converts every copy to ODT
//! in one run (ignored where LibreOffice is missing; `.ci/run` installs it
//! and runs it). The expected values come from the fixtures' own text
//! (`scripts/gen_word.py`), not from the code under test.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use super::{repo, scratch};

/// 2025-12-06T00:00:00Z.
const EPOCH: &str = "1764979200";
const DATE: &str = "2025-12-06T00:00:00Z";

fn word(name: &str) -> PathBuf {
    repo().join("fixtures/word").join(name)
}

fn annotate(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_klausul"))
        .current_dir(dir)
        .arg("annotate")
        .args(args)
        .env_remove("KLAUSUL_CONFIG")
        .env("LANG", "sv_SE.UTF-8")
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .unwrap()
}

fn python() -> String {
    std::env::var("KLAUSUL_PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

fn verify(args: &[&Path]) -> Value {
    let out = Command::new(python())
        .arg(repo().join("tests/word/verify.py"))
        .args(if args.len() == 2 {
            &["docx"][..]
        } else {
            &["odt"][..]
        })
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Annotates `input` into `out` with `extra` flags, expects exit 1 (weak and
/// missing requirements at error severity, as `check`), and reads the copy
/// back beside `original`, the document as first written.
fn annotated(dir: &Path, input: &Path, out: &Path, extra: &[&str], original: &Path) -> Value {
    let mut args = vec![input.to_str().unwrap(), "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let run = annotate(dir, &args);
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    verify(&[original, out])
}

fn statuses(dir: &Path, file: &Path) -> Vec<(String, String)> {
    let out = super::klausul(dir, &["check", "--format", "json", file.to_str().unwrap()]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    report["documents"][0]["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_owned(),
                r["status"].as_str().unwrap().to_owned(),
            )
        })
        .filter(|(_, s)| s != "met")
        .collect()
}

/// klausul's comments: (first line, anchored text as written, as accepted).
fn own_comments(v: &Value) -> Vec<(String, String, String)> {
    v["comments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["author"] == "klausul")
        .map(|c| {
            assert_eq!(c["date"], DATE);
            assert_eq!(c["referenced"], true, "{c}");
            let text = c["text"].as_str().unwrap();
            (
                text.lines().next().unwrap().to_owned(),
                c["anchor"].as_str().unwrap_or("-").to_owned(),
                c["anchor_accepted"].as_str().unwrap_or("-").to_owned(),
            )
        })
        .collect()
}

fn strings(items: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    items
        .iter()
        .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
        .collect()
}

/// klausul's comments on `anbud.docx`: the heading, then the words each is
/// anchored on, as Word shows them.
const ANBUD_COMMENTS: &[(&str, &str, &str)] = &[
    ("AD-01 comply-with-act: svagt", "bör", "bör"),
    ("AD-07 report-on-request: svagt", "skälig tid", "skälig tid"),
    (
        "AD-08 periodic-report: saknas",
        "Antidiskriminering",
        "Antidiskriminering",
    ),
    (
        "AD-09 truth-declaration: saknas",
        "Antidiskriminering",
        "Antidiskriminering",
    ),
    ("AD-11 rectification: svagt", "skälig tid", "skälig tid"),
    ("AD-13 accessibility: svagt", "bör", "bör"),
];

#[test]
fn each_finding_is_a_comment_on_its_words() {
    let dir = scratch("annotate-comments");
    let out = dir.join("anbud-granskad.docx");
    let before = std::fs::read(word("anbud.docx")).unwrap();
    let v = annotated(&dir, &word("anbud.docx"), &out, &[], &word("anbud.docx"));
    assert_eq!(
        std::fs::read(word("anbud.docx")).unwrap(),
        before,
        "the input is untouched"
    );
    assert_eq!(own_comments(&v), strings(ANBUD_COMMENTS));
    // The reviewer's comment and tracked change are kept as they were.
    let jurist: Vec<&Value> = v["comments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["author"] == "Jurist")
        .collect();
    assert_eq!(jurist.len(), 1);
    assert_eq!(jurist[0]["anchor"], "inom skälig tid");
    assert_eq!(jurist[0]["text"], "Ange en bestämd tid, t.ex. 30 dagar.");
    let revisions = v["revisions"].as_array().unwrap();
    assert_eq!(revisions.len(), 1, "{revisions:?}");
    assert_eq!(revisions[0]["author"], "Granskare");
    assert_eq!(revisions[0]["text"], "snarast ");
    // Only the document and the comments were rewritten; every other part
    // has the same bytes, compressed the same way.
    assert_eq!(
        v["changed"],
        serde_json::json!(["word/comments.xml", "word/document.xml"])
    );
    assert_eq!(v["added"], serde_json::json!([]));
    assert_eq!(v["removed"], serde_json::json!([]));
    assert_eq!(v["recompressed"], serde_json::json!([]));
    // The comment gives the reason and the suggested wording.
    let ad07 = v["comments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"].as_str().unwrap().starts_with("AD-07"))
        .unwrap();
    let lines: Vec<&str> = ad07["text"].as_str().unwrap().lines().collect();
    assert_eq!(
        lines[1],
        "tidsfristen \"skälig tid\" är inte en bestämd tid"
    );
    assert!(
        lines[2].starts_with("Förslag till formulering: Leverantören ska"),
        "{lines:?}"
    );
    if !v["python_docx"].is_null() {
        let authors: Vec<&str> = v["python_docx"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["author"].as_str().unwrap())
            .collect();
        assert_eq!(authors.iter().filter(|a| **a == "klausul").count(), 6);
        assert_eq!(authors.iter().filter(|a| **a == "Jurist").count(), 1);
        // python-docx reads the same text as xml.etree.
        let texts = |key: &str| -> Vec<String> {
            v[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["text"].as_str().unwrap().to_owned())
                .collect()
        };
        assert_eq!(texts("python_docx"), texts("comments"));
    }
    // Without revisions, checking the copy finds what checking the original finds.
    assert_eq!(statuses(&dir, &out), statuses(&dir, &word("anbud.docx")));
}

#[test]
fn track_changes_makes_the_safe_fixes() {
    let dir = scratch("annotate-track");
    let out = dir.join("ut.docx");
    let v = annotated(
        &dir,
        &word("anbud.docx"),
        &out,
        &["--track-changes"],
        &word("anbud.docx"),
    );
    let own: Vec<(String, String)> = v["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["author"] == "klausul" && r["text"] != "")
        .map(|r| {
            assert_eq!(r["date"], DATE);
            (
                r["kind"].as_str().unwrap().to_owned(),
                r["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let pair = |k: &str, t: &str| (k.to_owned(), t.to_owned());
    let ad08 = "Leverantören ska redovisa hur villkoren i detta avsnitt uppfylls åtta (8) månader \
                efter avtalets start och därefter var tolfte (12) månad.";
    assert_eq!(
        own,
        [
            pair("ins", "ska"),
            pair("ins", "30 dagar"),
            pair("ins", "30 dagar"),
            pair("ins", "ska"),
            pair("ins", ad08),
            pair("ins", &own[5].1.clone()),
            pair("del", "bör"),
            pair("del", "skälig tid"),
            pair("del", "skälig tid"),
            pair("del", "bör"),
            pair("paragraph", ad08),
            pair("paragraph", &own[5].1.clone()),
        ]
    );
    assert!(own[5].1.contains("sanningsförsäkran"), "{own:?}");
    // The new paragraphs take the style of the clause's last body paragraph.
    let new: Vec<&Value> = v["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "paragraph")
        .collect();
    assert!(
        new.iter()
            .all(|p| p["style"].is_null() && p["numbered"] == false),
        "{new:?}"
    );
    // The comment on a fixed word spans the deletion and the insertion.
    let comments = own_comments(&v);
    assert_eq!(
        comments[0],
        strings(&[("AD-01 comply-with-act: svagt", "bör", "ska")])[0]
    );
    assert_eq!(comments[1].2, "30 dagar");
    // The reader keeps inserted text and drops deleted text, so checking the
    // copy checks it with every revision accepted: all met.
    assert_eq!(statuses(&dir, &out), []);
}

#[test]
fn with_no_clause_a_new_section_goes_before_the_general_terms() {
    let dir = scratch("annotate-no-clause");
    let out = dir.join("ut.docx");
    let input = word("utan-klausul.docx");
    let v = annotated(&dir, &input, &out, &["--track-changes"], &input);
    let comments = own_comments(&v);
    // Twelve missing (AD-02 is never missing; AD-04 is, as the text never
    // speaks of discrimination), each on the document's first heading.
    assert_eq!(comments.len(), 12);
    assert!(comments
        .iter()
        .all(|c| c.1 == "Förfrågningsunderlag – Konsulttjänster inom IT"));
    // A package without comments gets the part, its type and its relationship.
    assert_eq!(
        v["changed"],
        serde_json::json!([
            "[Content_Types].xml",
            "word/_rels/document.xml.rels",
            "word/document.xml"
        ])
    );
    assert_eq!(v["added"], serde_json::json!(["word/comments.xml"]));
    let paragraphs: Vec<&Value> = v["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "paragraph")
        .collect();
    // The heading and one paragraph for each missing requirement.
    assert_eq!(paragraphs.len(), 13);
    // A heading styled as the general terms' heading, numbered like it.
    assert_eq!(paragraphs[0]["text"], "Antidiskriminering");
    assert_eq!(paragraphs[0]["style"], "Rubrik1");
    assert_eq!(paragraphs[0]["numbered"], true);
    assert_eq!(statuses(&dir, &out), []);
    // The section stands before "Allmänna villkor", not at the end.
    let text = super::klausul(&dir, &["check", "--format", "json", out.to_str().unwrap()]);
    let report: Value = serde_json::from_slice(&text.stdout).unwrap();
    let ad01 = &report["documents"][0]["requirements"][0]["locations"][0];
    assert_eq!(ad01["heading"], "Antidiskriminering");
    assert_eq!(ad01["section"], "2");
}

#[test]
fn a_second_run_replaces_its_own_comments_and_revisions() {
    let dir = scratch("annotate-again");
    let (first, second) = (dir.join("ett.docx"), dir.join("två.docx"));
    let input = word("anbud.docx");
    annotate(
        &dir,
        &[
            input.to_str().unwrap(),
            "-o",
            first.to_str().unwrap(),
            "--track-changes",
        ],
    );
    let v = annotated(&dir, &first, &second, &[], &input);
    assert_eq!(own_comments(&v).len(), 6);
    let own = v["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["author"] == "klausul")
        .count();
    assert_eq!(
        own, 0,
        "the pending revisions were rejected, none were added"
    );
    assert_eq!(v["comments"].as_array().unwrap().len(), 7);
    assert_eq!(statuses(&dir, &second), statuses(&dir, &input));
}

#[test]
fn document_text_in_a_comment_is_text() {
    let dir = scratch("annotate-markup");
    let out = dir.join("ut.docx");
    let input = word("markup.docx");
    annotate(
        &dir,
        &[input.to_str().unwrap(), "-o", out.to_str().unwrap()],
    );
    let v = verify(&[&input, &out]);
    let ad12 = v["comments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"].as_str().unwrap().starts_with("AD-12"))
        .unwrap();
    assert!(
        ad12["text"]
            .as_str()
            .unwrap()
            .contains(r#"väsentligt avtalsbrott <w:t>&amp; "citat" ]]> </w:p>."#),
        "{ad12}"
    );
}

#[test]
fn refusals() {
    let dir = scratch("annotate-refusals");
    let input = dir.join("anbud.docx");
    std::fs::copy(word("anbud.docx"), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let code = |args: &[&str]| annotate(&dir, args);
    // Over its input: refused, the input left as it was.
    let o = code(&["anbud.docx", "-o", "./anbud.docx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("är också indata"));
    assert_eq!(std::fs::read(&input).unwrap(), before);
    // No output named: a usage error.
    let o = code(&["anbud.docx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("ange -o UT.docx eller --output-dir MAPP"));
    // Not a Word document.
    let odt = repo().join("fixtures/office/hemtjanst.odt");
    let o = code(&[odt.to_str().unwrap(), "-o", "ut.docx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr)
        .contains("bara ett Word-dokument (DOCX) kan kommenteras"));
    assert!(!dir.join("ut.docx").exists());
    // Encrypted.
    let locked = repo().join("fixtures/bad/password.docx");
    let o = code(&[locked.to_str().unwrap(), "-o", "ut.docx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!dir.join("ut.docx").exists());
    // --fail-on never: findings, exit 0.
    let o = code(&["anbud.docx", "-o", "ut.docx", "--fail-on", "never"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// `anbud.docx` with one part more.
fn with_part(dir: &Path, name: &str, part: &str) -> PathBuf {
    use std::io::Write as _;
    let path = dir.join(name);
    let mut source =
        zip::ZipArchive::new(std::fs::File::open(word("anbud.docx")).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..source.len() {
        out.raw_copy_file(source.by_index_raw(i).unwrap()).unwrap();
    }
    out.start_file(part, zip::write::SimpleFileOptions::default())
        .unwrap();
    out.write_all(b"<x/>").unwrap();
    out.finish().unwrap();
    path
}

#[test]
fn signed_and_macro_documents_need_force() {
    let dir = scratch("annotate-force");
    for (name, part, warning) in [
        ("makro.docx", "word/vbaProject.bin", None),
        (
            "signerad.docx",
            "_xmlsignatures/sig1.xml",
            Some("signaturen gäller inte kopian"),
        ),
    ] {
        let input = with_part(&dir, name, part);
        let o = annotate(&dir, &[input.to_str().unwrap(), "-o", "ut.docx"]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("ange --force"),
            "{name}"
        );
        let o = annotate(&dir, &[input.to_str().unwrap(), "-o", "ut.docx", "--force"]);
        assert_eq!(o.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(
            warning.is_some_and(|w| stderr.contains(w)),
            warning.is_some(),
            "{stderr}"
        );
        // The macros or the signature are copied as they were.
        let v = verify(&[&input, &dir.join("ut.docx")]);
        assert_eq!(
            v["changed"],
            serde_json::json!(["word/comments.xml", "word/document.xml"])
        );
    }
}

#[test]
fn output_dir_keeps_paths_below_the_folder() {
    let dir = scratch("annotate-dir");
    for sub in ["a", "b"] {
        std::fs::create_dir_all(dir.join("in").join(sub)).unwrap();
        std::fs::copy(
            word("anbud.docx"),
            dir.join("in").join(sub).join("avtal.docx"),
        )
        .unwrap();
    }
    let o = annotate(&dir, &["in", "--output-dir", "ut", "--lang", "en"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    for sub in ["a", "b"] {
        let out = dir.join("ut").join(sub).join("avtal.docx");
        let v = verify(&[&word("anbud.docx"), &out]);
        assert_eq!(own_comments(&v)[0].0, "AD-01 comply-with-act: weak");
    }
}

/// Converts `files` to ODT in one LibreOffice run, into `dir/odt`.
fn to_odt(dir: &Path, files: &[PathBuf]) -> PathBuf {
    let odt = dir.join("odt");
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .args(["--headless", "--convert-to", "odt", "--outdir"])
        .arg(&odt)
        .args(files)
        .output()
        .expect("soffice runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    odt
}

/// Every copy converted to ODT in one LibreOffice run; LibreOffice's reading
/// of the comments (`office:annotation` … `office:annotation-end`) and of the
/// tracked changes.
#[test]
#[ignore = "needs LibreOffice (soffice); .ci/run installs it and runs this"]
fn libreoffice_reads_the_comments_and_revisions() {
    let dir = scratch("annotate-libreoffice");
    let mut copies = Vec::new();
    for (input, name, track) in [
        ("anbud.docx", "anbud.docx", false),
        ("anbud.docx", "anbud-spar.docx", true),
        ("libreoffice.docx", "lo-spar.docx", true),
        ("utan-klausul.docx", "utan-spar.docx", true),
    ] {
        let out = dir.join(name);
        let mut args = vec![
            word(input).to_str().unwrap().to_owned(),
            "-o".into(),
            out.to_str().unwrap().to_owned(),
        ];
        if track {
            args.push("--track-changes".into());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        assert_eq!(annotate(&dir, &args).status.code(), Some(1));
        copies.push(out);
    }
    let odt = to_odt(&dir, &copies);
    let read = |name: &str| verify(&[&odt.join(name)]);
    let notes = |v: &Value| -> Vec<(String, String)> {
        v["annotations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["creator"] == "klausul")
            .map(|a| {
                assert_eq!(a["ended"], true, "{a}");
                let first = a["text"]
                    .as_str()
                    .unwrap()
                    .lines()
                    .next()
                    .unwrap()
                    .to_owned();
                (first, a["anchor"].as_str().unwrap().to_owned())
            })
            .collect()
    };
    let plain = read("anbud.odt");
    let mut found = notes(&plain);
    found.sort();
    let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    assert_eq!(
        found,
        [
            pair("AD-01 comply-with-act: svagt", "bör"),
            pair("AD-07 report-on-request: svagt", "skälig tid"),
            pair("AD-08 periodic-report: saknas", "Antidiskriminering"),
            pair("AD-09 truth-declaration: saknas", "Antidiskriminering"),
            pair("AD-11 rectification: svagt", "skälig tid"),
            pair("AD-13 accessibility: svagt", "bör"),
        ]
    );
    let jurist = plain["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["creator"] == "Jurist")
        .count();
    assert_eq!(jurist, 1);
    for name in ["anbud-spar.odt", "lo-spar.odt"] {
        let v = read(name);
        assert_eq!(notes(&v).len(), 6, "{name}");
        let own: Vec<&str> = v["changes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["creator"] == "klausul")
            .map(|c| c["kind"].as_str().unwrap())
            .collect();
        // Four words deleted; the four words and the two new paragraphs
        // inserted (adjacent insertions may be one region).
        assert_eq!(
            own.iter().filter(|k| **k == "deletion").count(),
            4,
            "{name}: {own:?}"
        );
        assert!(
            own.iter().filter(|k| **k == "insertion").count() >= 5,
            "{name}: {own:?}"
        );
    }
    let v = read("utan-spar.odt");
    // One comment for each missing requirement: all but AD-02.
    assert_eq!(notes(&v).len(), 12);
    assert!(v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["creator"] == "klausul"));
}

#[test]
fn a_list_of_repealed_acts_becomes_one_citation() {
    let dir = scratch("annotate-repealed");
    let out = dir.join("ut.docx");
    let input = word("upphavda.docx");
    let v = annotated(&dir, &input, &out, &["--track-changes"], &input);
    let words: Vec<(String, String)> = v["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] != "paragraph" && r["text"] != "")
        .filter(|r| !r["text"].as_str().unwrap().starts_with("Leverantören"))
        .filter(|r| {
            !r["text"].as_str().unwrap().starts_with("Om ")
                && !r["text"].as_str().unwrap().starts_with("Beställaren")
        })
        .map(|r| {
            (
                r["kind"].as_str().unwrap().to_owned(),
                r["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        words,
        [
            (
                "ins".to_owned(),
                "diskrimineringslagen (2008:567)".to_owned()
            ),
            (
                "del".to_owned(),
                "lag (2003:307) om förbud mot diskriminering och jämställdhetslagen (1991:433)"
                    .to_owned()
            ),
        ]
    );
    // Accepted, AD-01 and AD-02 are met, and so is every missing requirement.
    assert_eq!(statuses(&dir, &out), []);
    assert_eq!(
        statuses(&dir, &input)
            .iter()
            .filter(|(_, s)| s == "weak")
            .count(),
        2,
        "AD-01 and AD-02 were weak"
    );
}

#[test]
fn a_document_libreoffice_wrote_gets_the_same_comments_and_fixes() {
    let dir = scratch("annotate-lo");
    let out = dir.join("ut.docx");
    let input = word("libreoffice.docx");
    let v = annotated(&dir, &input, &out, &["--track-changes"], &input);
    let titles: Vec<String> = own_comments(&v).into_iter().map(|c| c.0).collect();
    assert_eq!(
        titles,
        [
            "AD-01 comply-with-act: svagt",
            "AD-07 report-on-request: svagt",
            "AD-08 periodic-report: saknas",
            "AD-09 truth-declaration: saknas",
            "AD-11 rectification: svagt",
            "AD-13 accessibility: svagt",
        ]
    );
    assert_eq!(statuses(&dir, &out), []);
}

#[test]
fn damaged_packages_are_refused_without_a_copy() {
    let dir = scratch("annotate-damaged");
    for bad in ["noise.docx", "truncated.docx"] {
        let input = repo().join("fixtures/bad").join(bad);
        let o = annotate(&dir, &[input.to_str().unwrap(), "-o", "ut.docx"]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(!dir.join("ut.docx").exists(), "{bad}");
    }
}

/// A location's `paragraph` counts only paragraphs with text; the comments
/// still find their words when empty paragraphs stand between them.
#[test]
fn empty_paragraphs_do_not_move_the_comments() {
    let dir = scratch("annotate-empty-paragraphs");
    let input = crate::docx_with_part(&dir, "tomma.docx", "word/document.xml", |xml| {
        let doubled = xml.replace("<w:p>", "<w:p/><w:p>");
        assert!(doubled.len() > xml.len() + 100);
        doubled
    });
    let out = dir.join("ut.docx");
    let v = annotated(&dir, &input, &out, &[], &input);
    assert_eq!(own_comments(&v), strings(ANBUD_COMMENTS));
}

/// The Basic macro LibreOffice runs: opens the document, accepts every
/// tracked change with `.uno:AcceptAllTrackedChanges`, and saves it as DOCX.
const ACCEPT_ALL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub AcceptAll(inPath As String, outPath As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  Dim doc As Object
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), &quot;_blank&quot;, 0, load())
  Dim helper As Object
  helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  Dim none() As New com.sun.star.beans.PropertyValue
  helper.executeDispatch(doc.getCurrentController().getFrame(), &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, none())
  Dim store(0) As New com.sun.star.beans.PropertyValue
  store(0).Name = &quot;FilterName&quot;
  store(0).Value = &quot;MS Word 2007 XML&quot;
  doc.storeToURL(ConvertToURL(outPath), store())
  doc.close(True)
  StarDesktop.terminate()
End Sub
</script:module>
"#;

/// `text` without the elements that open with `open` and end with `close`.
fn cut_all(text: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(open) {
        out.push_str(&rest[..at]);
        let end = rest[at..].find(close).expect("closed") + at + close.len();
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
    text
}

/// Every revision of `--track-changes` accepted by LibreOffice itself (the
/// UNO command `.uno:AcceptAllTrackedChanges`, in a Basic macro of a fresh
/// user profile), and the result checked: every requirement the revisions
/// address is met.
///
/// The comments' marks are taken out of the copy first, revisions left as
/// they are: `libreoffice-writer-nogui` ships no `.ui` files for Writer, so
/// opening a view of a document with comments aborts LibreOffice
/// (`NoSuchElementException` from `CreateInterimBuilder` for the comment
/// window); a conversion opens no view and does not meet this.
#[test]
#[ignore = "needs LibreOffice (soffice); .ci/run installs it and runs this"]
fn libreoffice_accepts_every_revision_and_the_result_is_met() {
    use std::io::Write as _;
    let dir = scratch("annotate-accept-all");
    let tracked = dir.join("spårad.docx");
    let run = annotate(
        &dir,
        &[
            word("anbud.docx").to_str().unwrap(),
            "-o",
            tracked.to_str().unwrap(),
            "--track-changes",
        ],
    );
    assert_eq!(run.status.code(), Some(1));
    // Without the comments' marks; every revision kept.
    let bare = dir.join("utan-kommentarer.docx");
    {
        let body = part(&tracked, "word/document.xml");
        let cut = cut_all(&body, "<w:commentRange", "/>");
        let cut = cut_all(&cut, "<w:r><w:commentReference", "</w:r>");
        assert!(!cut.contains("comment"));
        let revisions = |xml: &str| xml.matches("<w:ins ").count() + xml.matches("<w:del ").count();
        assert_eq!(revisions(&cut), revisions(&body));
        assert!(revisions(&body) >= 8, "{}", revisions(&body));
        let mut source = zip::ZipArchive::new(std::fs::File::open(&tracked).unwrap()).unwrap();
        let mut out = zip::ZipWriter::new(std::fs::File::create(&bare).unwrap());
        for i in 0..source.len() {
            let entry = source.by_index_raw(i).unwrap();
            if entry.name().unwrap() != "word/document.xml" {
                out.raw_copy_file(entry).unwrap();
            }
        }
        out.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        out.write_all(cut.as_bytes()).unwrap();
        out.finish().unwrap();
    }
    // A fresh profile with the macro in its Standard library.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let init = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--terminate_after_init"])
        .output()
        .expect("soffice runs");
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let module = dir.join("profile/user/basic/Standard/Module1.xba");
    assert!(module.exists(), "the profile has its Standard library");
    std::fs::write(&module, ACCEPT_ALL).unwrap();
    let accepted = dir.join("accepted.docx");
    let macro_url = format!(
        "macro:///Standard.Module1.AcceptAll(\"{}\",\"{}\")",
        bare.display(),
        accepted.display()
    );
    let accept = Command::new("soffice")
        .args([profile.as_str(), "--headless", macro_url.as_str()])
        .output()
        .expect("soffice runs");
    assert!(
        accept.status.success(),
        "{}",
        String::from_utf8_lossy(&accept.stderr)
    );
    // LibreOffice wrote the document with no revision left.
    let body = part(&accepted, "word/document.xml");
    assert!(
        !body.contains("<w:ins ") && !body.contains("<w:del "),
        "{body}"
    );
    // Its text, without the markup between the runs.
    let text: String = body
        .split('<')
        .map(|piece| piece.split_once('>').map_or(piece, |(_, after)| after))
        .collect();
    assert!(
        text.contains("Leverantören ska under hela avtalsperioden följa"),
        "{text}"
    );
    assert!(text.contains("inom 30 dagar"), "{text}");
    // Met for every requirement the revisions address: AD-01 and AD-13
    // ("bör" → "ska"), AD-07 and AD-11 (a stated time), AD-08 and AD-09
    // (their wording inserted); the rest were met before.
    assert_eq!(statuses(&dir, &accepted), Vec::<(String, String)>::new());
}
