//! Word, OpenDocument and PDF files: the same content gives the same statuses
//! as its Markdown, the awkward parts of real files are read as a person reads
//! them, and locations lead to the place in the file.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use klausul::check::{check, CheckOptions, Checked};
use klausul::document::{read_docx, Document};
use klausul::input::{load, Content, Input};
use klausul::model::limits::Limits;
use klausul::model::location::Location;
use klausul::profile::Profile;

fn office(name: &str) -> PathBuf {
    PathBuf::from("fixtures/office").join(name)
}

fn checked(path: &Path) -> (Document, Checked) {
    let loaded = load(&Input::File(path.to_path_buf()), Limits::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let options = CheckOptions::default();
    let Content::Document(document) = loaded.content else {
        panic!("{} is not a document", path.display())
    };
    let result = check(&document, &Profile::stockholm(), &options);
    (document, result)
}

fn statuses(c: &Checked) -> String {
    c.requirements.iter().fold(String::new(), |mut out, r| {
        let _ = writeln!(out, "{} {}", r.id, r.status.name());
        out
    })
}

fn location(c: &Checked, id: &str) -> Location {
    let r = c.requirements.iter().find(|r| r.id == id).unwrap();
    r.locations[0].clone()
}

#[test]
fn every_format_gives_the_statuses_written_for_its_text() {
    let all = ["md", "docx", "odt", "pdf"].as_slice();
    // "ramavtal" was written by LibreOffice (from HTML), not by our generator.
    let sets = [
        ("hemtjanst", all),
        ("consulting", all),
        ("consulting-columns", all),
        ("ramavtal", &all[1..]),
    ];
    for (name, exts) in sets {
        let expected = std::fs::read_to_string(office(&format!("{name}.expect"))).unwrap();
        for ext in exts {
            let (_, c) = checked(&office(&format!("{name}.{ext}")));
            assert_eq!(statuses(&c), expected, "{name}.{ext}");
        }
    }
}

fn hemtjanst_docx() -> Document {
    let bytes = std::fs::read(office("hemtjanst.docx")).unwrap();
    read_docx(&bytes, Limits::default()).unwrap()
}

#[test]
fn word_numbering_gives_headings_the_numbers_word_shows() {
    let doc = hemtjanst_docx();
    let sections: Vec<(Option<&str>, &str)> = doc
        .sections
        .iter()
        .map(|s| (s.number.as_deref(), doc.title(s)))
        .collect();
    // The table of contents lists "3.2 Antidiskriminering" too, but only the
    // heading in the body opens a section.
    assert_eq!(
        sections,
        [
            (
                None,
                "Förfrågningsunderlag – Hemtjänst i Farsta stadsdelsförvaltning"
            ),
            (Some("1"), "Upphandlingens omfattning"),
            (Some("2"), "Allmänna villkor"),
            (Some("2.1"), "Vite vid försening"),
            (Some("2.2"), "Hävning"),
            (Some("3"), "Särskilda kontraktsvillkor"),
            (Some("3.1"), "Miljö"),
            (Some("3.2"), "Antidiskriminering"),
            (Some("4"), "Bilagor"),
        ]
    );
}

#[test]
fn word_text_is_what_the_reader_sees_in_the_body() {
    let text = hemtjanst_docx().text;
    // The tracked deletion "bör" is gone, the insertion "ska" is in, and the
    // soft hyphen in "akt-iva" is dropped.
    assert!(text.contains("Leverantören ska bedriva arbete med aktiva åtgärder"));
    assert!(!text.contains("Leverantören bör"));
    assert!(!text.contains("börska"));
    // Header, footer, comment and field codes are not text.
    assert!(!text.contains("Farsta stadsdelsförvaltning · Antidiskriminering"));
    assert!(!text.contains("Sida"));
    assert!(!text.contains("åtta månader"));
    assert!(!text.contains("TOC"));
    // The footnote follows the paragraph that cites it.
    let cited = text.find("som gäller vid varje tidpunkt.").unwrap();
    let note = text
        .find("Lagen finns i Svensk författningssamling som SFS 2008:567.")
        .unwrap();
    let next = text
        .find("Leverantören ska i uppdraget upprätthålla")
        .unwrap();
    assert!(cited < note && note < next, "{cited} {note} {next}");
}

#[test]
fn a_clause_in_a_word_table_is_read_cell_by_cell() {
    let bytes = std::fs::read(office("consulting.docx")).unwrap();
    let doc = read_docx(&bytes, Limits::default()).unwrap();
    let cells: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == klausul::document::BlockKind::TableCell)
        .map(|b| &doc.text[b.span().start..b.span().end])
        .collect();
    assert_eq!(cells.len(), 10);
    assert_eq!(cells[2], "2.1 Non-discrimination");
    assert_eq!(
        cells[3],
        "The supplier shall comply with the Discrimination Act (2008:567) and other \
         anti-discrimination legislation in force at any time during the agreement."
    );
}

#[test]
fn a_word_finding_names_its_section_path_and_paragraph() {
    let (_, c) = checked(&office("hemtjanst.docx"));
    let l = location(&c, "AD-01");
    assert_eq!(
        l.text,
        "Leverantören ska under hela avtalsperioden följa diskrimineringslagen (2008:567) och \
         den lagstiftning mot diskriminering som gäller vid varje tidpunkt."
    );
    assert_eq!(l.section.as_deref(), Some("3.2"));
    assert_eq!(l.heading.as_deref(), Some("Antidiskriminering"));
    assert_eq!(
        l.heading_path,
        ["3 Särskilda kontraktsvillkor", "3.2 Antidiskriminering"]
    );
    // The 30 paragraphs with text before it, as in hemtjanst.md (title,
    // headings, body); the table of contents and empty paragraphs are not
    // counted.
    assert_eq!(l.paragraph, Some(31));
    // The first paragraph under 3.2.
    assert_eq!(l.section_paragraph, Some(1));
    assert_eq!(l.page, None);
}

#[test]
fn a_pdf_finding_names_its_page_and_the_line_on_it() {
    let (_, c) = checked(&office("hemtjanst.pdf"));
    // The general termination right, which names clause 3.2, stands on page 2
    // under the running header and seven lines of text.
    let l = location(&c, "AD-12");
    assert!(
        l.text.starts_with("Beställaren har rätt att häva avtalet"),
        "{}",
        l.text
    );
    assert_eq!((l.page, l.page_line), (Some(2), Some(9)));
    assert_eq!(l.section.as_deref(), Some("2.2"));
    assert_eq!(l.paragraph, None);
}

#[test]
fn the_extension_does_not_decide_the_format() {
    let dir = std::env::temp_dir().join(format!("klausul-lying-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pdf_as_docx = dir.join("avtal.docx");
    std::fs::copy(office("consulting.pdf"), &pdf_as_docx).unwrap();
    let loaded = load(&Input::File(pdf_as_docx), Limits::default()).unwrap();
    assert_eq!(loaded.format.name(), "pdf");
    std::fs::remove_dir_all(dir).unwrap();
}
