//! Broken, protected, oversized and hostile files each end in the error that
//! says what is wrong with them, never in a panic, a hang or unbounded memory.

use super::package;

use std::path::PathBuf;

use klausul::document::error::ReadError;
use klausul::document::{read_docx, read_odt};
use klausul::input::{load, Input, InputError};
use klausul::model::limits::Limits;

fn problem(path: &str) -> ReadError {
    match load(&Input::File(PathBuf::from(path)), Limits::default()) {
        Err(InputError::Read { problem, .. }) => problem,
        Err(other) => panic!("{path}: {other}"),
        Ok(_) => panic!("{path} was read"),
    }
}

#[test]
fn each_bad_fixture_gets_its_own_error() {
    assert_eq!(
        problem("fixtures/bad/scan.pdf"),
        ReadError::NoTextLayer { pages: 1 }
    );
    assert_eq!(problem("fixtures/bad/password.pdf"), ReadError::Encrypted);
    assert_eq!(problem("fixtures/bad/password.docx"), ReadError::Encrypted);
    assert!(
        matches!(
            problem("fixtures/bad/broken-xref.pdf"),
            ReadError::Pdf { .. }
        ),
        "{:?}",
        problem("fixtures/bad/broken-xref.pdf")
    );
    assert_eq!(
        problem("fixtures/bad/truncated.docx"),
        ReadError::Package {
            reason: "invalid Zip archive: Could not find EOCD".into()
        }
    );
    for ext in ["docx", "odt", "pdf"] {
        assert_eq!(
            problem(&format!("fixtures/bad/noise.{ext}")),
            ReadError::Unrecognised
        );
    }
}

const SMALL: Limits = Limits {
    file_bytes: 1 << 20,
    part_bytes: 1 << 20,
    package_bytes: 3 << 19,
    xml_depth: 1_000,
    cells: 1_000,
    expanded_bytes: 1 << 20,
    seconds_per_file: 5,
};

fn document(body: &str) -> Vec<u8> {
    format!(r#"<w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#).into_bytes()
}

#[test]
fn a_part_that_inflates_past_the_limit_is_refused() {
    let mut bomb = document("<w:p><w:r><w:t>x</w:t></w:r></w:p>");
    bomb.extend(std::iter::repeat_n(b' ', 3 << 20));
    let docx = package(&[("word/document.xml", &bomb)]);
    assert!(docx.len() < 64 * 1024, "the bomb is small: {}", docx.len());
    assert_eq!(
        read_docx(&docx, SMALL).err(),
        Some(ReadError::PartTooLarge {
            part: "word/document.xml".into(),
            limit: 1 << 20
        })
    );
}

#[test]
fn parts_that_together_inflate_past_the_limit_are_refused() {
    let filler = vec![b' '; 900 * 1024];
    let mut body = document("<w:p><w:r><w:t>x</w:t></w:r></w:p>");
    body.extend(&filler);
    let styles = [b"<w:styles xmlns:w=\"w\"/>".as_slice(), &filler].concat();
    let docx = package(&[("word/document.xml", &body), ("word/styles.xml", &styles)]);
    assert_eq!(
        read_docx(&docx, SMALL).err(),
        Some(ReadError::PackageTooLarge { limit: 3 << 19 })
    );
}

#[test]
fn entity_declarations_are_refused_not_expanded() {
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#;
    let docx = package(&[("word/document.xml", laughs.as_bytes())]);
    assert_eq!(
        read_docx(&docx, Limits::default()).err(),
        Some(ReadError::XmlDocType {
            part: "word/document.xml".into()
        })
    );
}

#[test]
fn an_undefined_entity_is_an_error() {
    let body = document("<w:p><w:r><w:t>&lol;</w:t></w:r></w:p>");
    let docx = package(&[("word/document.xml", &body)]);
    assert_eq!(
        read_docx(&docx, Limits::default()).err(),
        Some(ReadError::Xml {
            part: "word/document.xml".into(),
            reason: "undefined entity `&lol;`".into()
        })
    );
}

#[test]
fn absurd_nesting_stops_at_the_limit() {
    let depth = 200_000;
    let body = format!("{}{}", "<w:sdt>".repeat(depth), "</w:sdt>".repeat(depth));
    let docx = package(&[("word/document.xml", &document(&body))]);
    assert_eq!(
        read_docx(&docx, Limits::default()).err(),
        Some(ReadError::XmlTooDeep {
            part: "word/document.xml".into(),
            limit: 1_000
        })
    );
    let content = format!(
        "<office:document-content xmlns:office=\"o\" xmlns:text=\"t\"><office:body><office:text>{}{}</office:text></office:body></office:document-content>",
        "<text:section>".repeat(depth),
        "</text:section>".repeat(depth)
    );
    let odt = package(&[("content.xml", content.as_bytes())]);
    assert_eq!(
        read_odt(&odt, Limits::default()).err(),
        Some(ReadError::XmlTooDeep {
            part: "content.xml".into(),
            limit: 1_000
        })
    );
}

#[test]
fn a_package_without_its_main_part_says_what_it_is_not() {
    let docx = package(&[("hello.txt", b"hej")]);
    assert_eq!(
        read_docx(&docx, Limits::default()).err(),
        Some(ReadError::MissingPart {
            part: "word/document.xml".into(),
            kind: "Word"
        })
    );
}
