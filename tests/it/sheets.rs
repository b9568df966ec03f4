//! Spreadsheets: a register audited row by row (the same in xlsx, xls, ods
//! and csv), coverage per board and year, catalogues checked like documents,
//! column mappings, and workbooks that must be refused.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use klausul::document::error::ReadError;
use klausul::input::{load, Input, InputError};
use klausul::model::column::SheetKind;
use klausul::model::lang::Lang;
use klausul::model::limits::Limits;
use klausul::model::vocab::RowStatus;
use klausul::profile::Profile;
use klausul::report::DocumentReport;
use klausul::run::{check_one, Plan};
use klausul::sheet::Workbook;
use zip::write::SimpleFileOptions;

fn sheets(name: &str) -> PathBuf {
    PathBuf::from("fixtures/sheets").join(name)
}

fn report_with(
    path: &Path,
    profile: &Profile,
    tweak: impl FnOnce(&mut Plan<'_>),
) -> DocumentReport {
    let mut plan = Plan::new(
        profile,
        Lang::Sv,
        Some(klausul::model::vocab::Severity::Error),
    );
    tweak(&mut plan);
    let outcome = check_one(&Input::File(path.to_path_buf()), &plan);
    assert!(
        outcome.error.is_none(),
        "{}: {:?}",
        path.display(),
        outcome.report.error
    );
    outcome.report
}

fn report(path: &Path) -> DocumentReport {
    report_with(path, &Profile::stockholm(), |_| {})
}

/// (Excel row, contract, status) written by hand for the register.
fn expected(file: &str) -> Vec<(u32, String, String)> {
    std::fs::read_to_string(sheets(file))
        .unwrap()
        .lines()
        .map(|l| {
            let mut parts = l.split(' ');
            let row = parts.next().unwrap().parse().unwrap();
            (
                row,
                parts.next().unwrap().to_owned(),
                parts.next().unwrap().to_owned(),
            )
        })
        .collect()
}

fn statuses(r: &DocumentReport) -> Vec<(u32, String, String)> {
    r.rows
        .iter()
        .map(|row| {
            (
                row.row,
                row.contract.clone().unwrap(),
                row.status.name().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_register_is_audited_the_same_in_every_format() {
    let expect = expected("avtalsregister.expect");
    let xlsx = report(&sheets("avtalsregister.xlsx"));
    assert_eq!(xlsx.kind, "register");
    assert_eq!(statuses(&xlsx), expect);
    for ext in ["xls", "ods"] {
        assert_eq!(
            statuses(&report(&sheets(&format!("avtalsregister.{ext}")))),
            expect,
            "{ext}"
        );
    }
    // The CSV has no title rows, so its rows are numbered from 2.
    let csv = report(&sheets("avtalsregister.csv"));
    let by_contract =
        |v: Vec<(u32, String, String)>| v.into_iter().map(|(_, c, s)| (c, s)).collect::<Vec<_>>();
    assert_eq!(by_contract(statuses(&csv)), by_contract(expect));
    assert_eq!(csv.rows[0].row, 2);
}

#[test]
fn the_state_profile_applies_its_thresholds_to_rows() {
    let profile = Profile::load("forordning-2006-260").unwrap();
    let r = report_with(&sheets("avtalsregister.xlsx"), &profile, |_| {});
    assert_eq!(statuses(&r), expected("avtalsregister.2006-260.expect"));
    let snow = r
        .rows
        .iter()
        .find(|row| row.contract.as_deref() == Some("SF-2025-004"))
        .unwrap();
    assert_eq!(
        snow.reasons.last().unwrap().message,
        "avtalstiden 6 månader (H13–I13) är kortare än 8 månader: klausulen gäller inte"
    );
}

#[test]
fn reasons_name_the_requirement_and_the_cell() {
    let r = report(&sheets("avtalsregister.xlsx"));
    let row = |contract: &str| {
        r.rows
            .iter()
            .find(|row| row.contract.as_deref() == Some(contract))
            .unwrap()
    };
    let bus = row("SF-2024-006");
    let penalty = bus
        .reasons
        .iter()
        .find(|x| x.requirement == "AD-10")
        .unwrap();
    assert_eq!(penalty.cell.as_deref(), Some("N7"));
    assert_eq!(
        penalty.message,
        "AD-10: vitet 5\u{a0}000 kr per vecka (N7) är lägre än 25\u{a0}000 kr"
    );
    assert_eq!(bus.applies, Some(true));
    assert_eq!(bus.cells, ["E7", "L7", "N7"]);
    let school = row("SF-2023-004");
    assert_eq!(school.status, RowStatus::NonCompliant);
    assert_eq!(
        school.reasons.last().unwrap().message,
        "klausulen ingår inte i avtalet (L10: \"Nej\")"
    );
    let framework = row("SF-2024-011");
    assert_eq!(framework.applies, None);
    assert_eq!(framework.cells, ["E9"]);
    // The board of the last row comes from a cell merged with the one above.
    let windows = row("SF-2025-007");
    assert_eq!(windows.status, RowStatus::Compliant);
    assert!(r
        .warnings
        .contains(&"bladet \"Hjälptabell\" är dolt; det granskades som de andra, och det som står där märks \"dolt blad\"".to_owned()));
}

#[test]
fn coverage_is_compliant_over_applicable_per_board_and_year() {
    let r = report(&sheets("avtalsregister.xlsx"));
    let s = r.register.unwrap();
    // Twelve agreements: one of goods; of the eleven others four are
    // compliant, five non-compliant and two need review.
    assert_eq!(
        (
            s.total.compliant,
            s.total.non_compliant,
            s.total.needs_review,
            s.total.not_applicable
        ),
        (4, 5, 2, 1)
    );
    assert_eq!(s.total.applicable, 11);
    assert_eq!(s.total.coverage, Some(0.3636));
    let farsta = s
        .by_board
        .iter()
        .find(|c| c.key == "Farsta stadsdelsnämnd")
        .unwrap();
    // Städtjänster and Fönsterputs (merged board cell) comply; Lokalvård does not.
    assert_eq!((farsta.compliant, farsta.applicable), (2, 3));
    let y2025 = s.by_year.iter().find(|c| c.key == "2025").unwrap();
    assert_eq!(
        (y2025.compliant, y2025.non_compliant, y2025.applicable),
        (2, 3, 5)
    );
}

#[test]
fn a_catalogue_gets_the_statuses_of_the_same_text_as_a_document() {
    let catalogue = report(&sheets("kravkatalog.xlsx"));
    assert_eq!(catalogue.kind, "catalogue");
    let expected = std::fs::read_to_string(sheets("kravkatalog.expect")).unwrap();
    let text = |r: &DocumentReport| {
        r.requirements.iter().fold(String::new(), |mut out, q| {
            let _ = writeln!(out, "{} {}", q.id, q.status.name());
            out
        })
    };
    assert_eq!(text(&catalogue), expected);
    assert_eq!(text(&report(&sheets("kravkatalog.md"))), expected);
    // The Bör-krav row is weak, and its location is its cell.
    let equal = catalogue
        .requirements
        .iter()
        .find(|q| q.id == "AD-03")
        .unwrap();
    assert!(
        equal
            .message
            .starts_with("raden är inget ska-krav (\"Bör-krav\")"),
        "{}",
        equal.message
    );
    assert_eq!(
        (
            equal.locations[0].sheet.as_deref(),
            equal.locations[0].cell.as_deref()
        ),
        (Some("Krav"), Some("C7"))
    );
    let english = report(&sheets("requirements.xlsx"));
    assert_eq!(
        text(&english),
        std::fs::read_to_string(sheets("requirements.expect")).unwrap()
    );
}

fn temp_csv(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("klausul-sheets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_mapping_wins_over_guessing_and_a_register_without_columns_says_what_it_found() {
    let odd = temp_csv(
        "odd.csv",
        "Nr;Benämning;Sort;Med antidiskriminering?\nA-1;Städning;Tjänst;ja\nA-2;Pennor;Vara;nej\n",
    );
    let mapped = report_with(&odd, &Profile::stockholm(), |plan| {
        plan.sheet_kind = Some(SheetKind::Register);
        plan.columns = vec![
            ("type".into(), "Sort".into()),
            ("contract".into(), "Nr".into()),
        ];
    });
    let got: Vec<(String, RowStatus)> = mapped
        .rows
        .iter()
        .map(|r| (r.contract.clone().unwrap(), r.status))
        .collect();
    assert_eq!(
        got,
        [
            ("A-1".to_owned(), RowStatus::Compliant),
            ("A-2".to_owned(), RowStatus::NotApplicable)
        ]
    );
    let partial = temp_csv(
        "partial.csv",
        "Avtalsnummer;Avtalsnamn;Leverantör;Värde\nA-1;Städning;Ren AB;100\n",
    );
    let outcome = check_one(
        &Input::File(partial),
        &Plan::new(&Profile::stockholm(), Lang::Sv, None),
    );
    match outcome.error {
        Some(InputError::Read {
            problem:
                ReadError::RegisterColumns {
                    sheet,
                    missing,
                    found,
                },
            ..
        }) => {
            assert_eq!((sheet.as_str(), missing.as_str()), ("csv", "type, clause"));
            assert_eq!(found, "Avtalsnummer, Avtalsnamn, Leverantör, Värde");
        }
        other => panic!("{other:?}"),
    }
}

/// The error reading a file ends in: when it is opened, or (a workbook
/// read as a stream of rows) on the way through its sheets.
fn problem(path: &str, limits: Limits) -> ReadError {
    match load(&Input::File(PathBuf::from(path)), limits) {
        Err(InputError::Read { problem, .. }) => problem,
        Err(other) => panic!("{path}: {other}"),
        Ok(loaded) => match Workbook::from_pieces(&mut *loaded.content.into_pieces()) {
            Err(problem) => problem,
            Ok(_) => panic!("{path} was read"),
        },
    }
}

#[test]
fn broken_and_protected_workbooks_get_their_own_errors() {
    let d = Limits::default();
    assert_eq!(
        problem("fixtures/bad/password.xlsx", d),
        ReadError::Encrypted
    );
    assert!(matches!(
        problem("fixtures/bad/truncated.xlsx", d),
        ReadError::Package { .. }
    ));
    let empty = check_one(
        &Input::File("fixtures/bad/empty-sheet.xlsx".into()),
        &Plan::new(&Profile::stockholm(), Lang::Sv, None),
    );
    assert_eq!(
        empty.report.error.as_deref(),
        Some("fixtures/bad/empty-sheet.xlsx: inget blad har en rubrikrad som klausul känner igen (hittade Tomt: tomt)")
    );
    let small = Limits { cells: 50, ..d };
    assert_eq!(
        problem("fixtures/sheets/avtalsregister.xlsx", small),
        ReadError::TooManyCells {
            sheet: "Avtal".into(),
            limit: 50
        }
    );
}

/// An xlsx whose only sheet has `rows` rows of formatted, empty cells.
fn formatted_but_empty(rows: usize) -> Vec<u8> {
    let mut data = String::new();
    for r in 1..=rows {
        let _ = write!(
            data,
            r#"<row r="{r}"><c r="A{r}" s="1"/><c r="B{r}" s="1"/></row>"#
        );
    }
    xlsx("Avtal", &data)
}

/// An xlsx of one sheet, `name`, whose `<sheetData>` is `data`.
fn xlsx(name: &str, data: &str) -> Vec<u8> {
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{data}</sheetData></worksheet>"#,
    );
    let workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    );
    let parts: [(&str, &str); 5] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        ("xl/workbook.xml", &workbook),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        ("xl/worksheets/sheet1.xml", &sheet),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(name, SimpleFileOptions::default()).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A catalogue row whose requirement text is an error value is a warning in
/// the report's language, naming the cell.
#[test]
fn an_error_value_in_a_catalogue_is_a_warning_in_the_reports_language() {
    let data = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Krav-ID</t></is></c><c r="B1" t="inlineStr"><is><t>Kravtext</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>K1</t></is></c><c r="B2" t="inlineStr"><is><t>Leverantören ska följa diskrimineringslagen (2008:567).</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>K2</t></is></c><c r="B3" t="e"><v>#REF!</v></c></row>"#;
    let path = std::env::temp_dir().join(format!("klausul-error-cell-{}.xlsx", std::process::id()));
    std::fs::write(&path, xlsx("Krav", data)).unwrap();
    let warnings = |lang| {
        let profile = Profile::stockholm();
        let outcome = check_one(&Input::File(path.clone()), &Plan::new(&profile, lang, None));
        assert_eq!(outcome.report.kind, "catalogue");
        outcome.report.warnings
    };
    assert_eq!(warnings(Lang::Sv), ["Krav!B3 innehåller felvärdet #REF!"]);
    assert_eq!(warnings(Lang::En), ["Krav!B3 holds the error value #REF!"]);
    std::fs::remove_file(path).unwrap();
}

#[test]
fn a_million_formatted_empty_rows_are_no_hang() {
    let path = std::env::temp_dir().join(format!("klausul-empty-rows-{}.xlsx", std::process::id()));
    std::fs::write(&path, formatted_but_empty(1_000_000)).unwrap();
    let started = std::time::Instant::now();
    let outcome = check_one(
        &Input::File(path.clone()),
        &Plan::new(&Profile::stockholm(), Lang::Sv, None),
    );
    // Not a timing test: a generous bound only catches a hang.
    assert!(started.elapsed().as_secs() < 60);
    assert_eq!(
        outcome.report.error.map(|e| e.ends_with(
            "inget blad har en rubrikrad som klausul känner igen (hittade Avtal: tomt)"
        )),
        Some(true)
    );
    std::fs::remove_file(path).unwrap();
}

/// An OLE2 file whose sector chain runs past its end, found by the xls fuzz
/// target: calamine panics on it, and the library's caller gets the file's
/// error instead of the panic.
#[test]
fn a_damaged_xls_is_an_error_not_a_panic() {
    let bytes =
        std::fs::read("fuzz/regressions/xls/crash-7a70064c6c552fa33efd820ab980e27779881a66")
            .unwrap();
    let read = std::panic::catch_unwind(|| {
        klausul::sheet::read_workbook(&bytes, klausul::source::Format::Xls, Limits::default())
    })
    .unwrap_or_else(|_| panic!("the reader panicked"));
    match read {
        Err(ReadError::Crashed { reason }) => {
            assert_eq!(reason, "slice index starts at 7680 but ends at 7189");
        }
        other => panic!("{:?}", other.map(|b| b.tables.len())),
    }
}
