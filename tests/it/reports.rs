//! Reports for people and for filing: Markdown, CSV, xlsx and HTML, the
//! suggested section, and both languages for every message.

use super::{klausul, repo, scratch};

use std::process::{Command, Output};

use calamine::{open_workbook, Data, Reader, Xlsx};
use klausul::document::error::ReadError;
use klausul::model::lang::Lang;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// svag.md's statuses, written by hand.
fn svag_statuses() -> Vec<(String, String)> {
    std::fs::read_to_string(repo().join("fixtures/tune/svag.expect"))
        .unwrap()
        .lines()
        .map(|l| {
            let (id, status) = l.split_once(' ').unwrap();
            (id.to_owned(), status.to_owned())
        })
        .collect()
}

#[test]
fn markdown_shows_the_table_the_words_and_the_wording() {
    let out = klausul(
        &repo(),
        &["check", "--format", "markdown", "fixtures/tune/svag.md"],
    );
    assert_eq!(out.status.code(), Some(1));
    let md = stdout(&out);
    assert!(
        md.contains("| ▲ | AD-07 report-on-request | svagt | fel |"),
        "{md}"
    );
    assert!(
        md.contains("| ✖ | AD-03 equal-value | saknas | fel |"),
        "{md}"
    );
    assert!(
        md.contains(
            "> Leverantören ska på begäran redovisa hur villkoren följs inom **skälig tid**."
        ),
        "{md}"
    );
    assert!(md.contains(
        "**Förslag:** Leverantören ska på beställarens begäran, inom 30 dagar, skriftligen redovisa hur villkoren i detta avsnitt uppfylls."
    ));
}

#[test]
fn csv_has_a_row_per_document_and_requirement() {
    let out = klausul(
        &repo(),
        &["check", "--format", "csv", "fixtures/tune/svag.md"],
    );
    let text = stdout(&out);
    // Swedish Excel's defaults: a byte-order mark and semicolons.
    let text = text.strip_prefix('\u{feff}').expect("a UTF-8 BOM");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, klausul::render::matrix::COLUMNS);
    let rows: Vec<(String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[4].to_owned(), r[6].to_owned())
        })
        .collect();
    assert_eq!(rows, svag_statuses());
}

#[test]
fn csv_takes_the_delimiter_and_bom_of_the_language_or_the_flags() {
    let first_line = |args: &[&str]| {
        let mut all = vec!["check", "--format", "csv"];
        all.extend(args);
        all.push("fixtures/tune/svag.md");
        let text = stdout(&klausul(&repo(), &all));
        text.lines()
            .next()
            .unwrap()
            .chars()
            .take(18)
            .collect::<String>()
    };
    assert_eq!(first_line(&["--lang", "sv"]), "\u{feff}path;kind;format;");
    assert_eq!(first_line(&["--lang", "en"]), "\u{feff}path,kind,format,");
    assert_eq!(
        first_line(&[
            "--lang",
            "sv",
            "--csv-delimiter",
            "comma",
            "--csv-bom",
            "false"
        ]),
        "path,kind,format,v"
    );
    assert_eq!(
        first_line(&["--lang", "en", "--csv-delimiter", "tab"]),
        "\u{feff}path\tkind\tformat\t"
    );
    // A field with quotes is quoted, and its quotes doubled.
    let text = stdout(&klausul(
        &repo(),
        &["check", "--format", "csv", "fixtures/tune/svag.md"],
    ));
    let weak = text.lines().find(|l| l.contains(";AD-07;")).unwrap();
    assert!(
        weak.contains(";\"tidsfristen \"\"skälig tid\"\" är inte en bestämd tid\";11;"),
        "{weak}"
    );
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> String {
    range
        .get_value((row, col))
        .map(ToString::to_string)
        .unwrap_or_default()
}

#[test]
fn the_xlsx_matrix_opens_with_calamine_and_holds_the_cells() {
    let dir = scratch("xlsx");
    let svag = repo().join("fixtures/tune/svag.md");
    let register = repo().join("fixtures/sheets/avtalsregister.xlsx");
    let out = klausul(
        &dir,
        &[
            "check",
            "--output",
            "xlsx=matris.xlsx",
            svag.to_str().unwrap(),
            register.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let mut book: Xlsx<_> = open_workbook(dir.join("matris.xlsx")).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "Kravmatris",
            "Fynd",
            "Avtalsregister",
            "Täckning",
            "Om rapporten"
        ]
    );
    let matrix = book.worksheet_range("Kravmatris").unwrap();
    // Path, place, agreement id, kind and verdict stand before the
    // requirements, in Swedish.
    assert_eq!(
        (0..5).map(|c| cell(&matrix, 0, c)).collect::<Vec<_>>(),
        ["Dokument", "Plats", "Avtals-id", "Slag", "Utfall"]
    );
    assert_eq!(cell(&matrix, 0, 11), "AD-07");
    assert_eq!(cell(&matrix, 1, 0), svag.to_str().unwrap());
    assert_eq!(cell(&matrix, 1, 4), "underkänt");
    let statuses: Vec<String> = (5..18).map(|c| cell(&matrix, 1, c)).collect();
    let swedish = |s: &str| match s {
        "met" => "uppfyllt",
        "weak" => "svagt",
        "missing" => "saknas",
        _ => "ej tillämpligt",
    };
    assert_eq!(
        statuses,
        svag_statuses()
            .into_iter()
            .map(|(_, s)| swedish(&s).to_owned())
            .collect::<Vec<_>>()
    );
    // The register, then its twelve agreements as rows of their own.
    assert_eq!(cell(&matrix, 2, 4), "underkänt");
    assert_eq!(
        (
            cell(&matrix, 5, 1),
            cell(&matrix, 5, 2),
            cell(&matrix, 5, 4)
        ),
        (
            "Avtal!N7".into(),
            "SF-2024-006".into(),
            "uppfyller inte".into()
        )
    );
    assert_eq!(matrix.height(), 15);
    let audit = book.worksheet_range("Avtalsregister").unwrap();
    // Twelve agreements below the header; SF-2024-006 on the third, with
    // its supplier, board, dates and value.
    assert_eq!(audit.height(), 13);
    assert_eq!(
        (3..12).map(|c| cell(&audit, 3, c)).collect::<Vec<_>>(),
        [
            "SF-2024-006",
            "Buss i Väst AB",
            "Skolskjuts",
            "Utbildningsnämnden",
            // Dates as dates: Excel's day numbers (from 1899-12-30) of
            // 2024-03-01 and 2026-02-28.
            "45352",
            "46081",
            "1250000",
            "ja",
            "uppfyller inte"
        ]
    );
    let cover = book.worksheet_range("Täckning").unwrap();
    assert_eq!(
        (0..8).map(|c| cell(&cover, 1, c)).collect::<Vec<_>>(),
        [
            register.to_str().unwrap(),
            "Farsta stadsdelsnämnd",
            "2",
            "1",
            "0",
            "0",
            "3",
            "0.6667"
        ]
    );
}

#[test]
fn the_html_report_stands_alone() {
    let out = klausul(
        &repo(),
        &[
            "check",
            "--lang",
            "en",
            "--format",
            "html",
            "fixtures/tune/svag.md",
            "fixtures/sheets/avtalsregister.xlsx",
        ],
    );
    let html = stdout(&out);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(
        html.contains("<main id=\"main\">") && html.contains("<a class=\"skip\" href=\"#main\">")
    );
    // Nothing is fetched: no scripts, links to style sheets or remote images.
    for needle in ["<script", "<link", "src=\"http", "url(http"] {
        assert!(!html.contains(needle), "{needle}");
    }
    assert!(
        html.contains("inom <mark>skälig tid</mark>."),
        "the words are marked"
    );
    assert!(
        html.contains("<span aria-hidden=\"true\">▲</span> weak"),
        "a word beside every icon"
    );
    assert!(html.contains("<svg role=\"img\""), "the coverage chart");
    assert!(html.contains("@page { size: A4;"));
}

/// Renders the report in Debian's Chromium, takes a screenshot and an A4
/// print, and runs axe-core; `.ci/run` installs Chromium and the npm packages.
#[test]
#[ignore = "needs /usr/bin/chromium and tests/browser/node_modules; .ci/run runs it"]
fn the_html_report_renders_and_passes_axe() {
    let dir = scratch("browser");
    let report = dir.join("report.html");
    let shot = repo().join("target/report-screenshot.png");
    let svag = repo().join("fixtures/tune/svag.md");
    let register = repo().join("fixtures/sheets/avtalsregister.xlsx");
    let scan = repo().join("fixtures/bad/scan.pdf");
    let out = klausul(
        &dir,
        &[
            "check",
            "--output",
            "html=report.html",
            svag.to_str().unwrap(),
            register.to_str().unwrap(),
            scan.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let check = Command::new("node")
        .arg(repo().join("tests/browser/check.mjs"))
        .arg(&report)
        .arg(&shot)
        .output()
        .unwrap();
    let summary = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success(),
        "{summary}\n{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(summary.trim()).unwrap();
    assert_eq!(v["violations"], serde_json::json!([]));
    assert_eq!(v["requests"], serde_json::json!([]));
    assert_eq!(v["firstTab"], "skip");
    assert!(v["pdfBytes"].as_u64().unwrap() > 10_000);
    assert!(
        std::fs::metadata(&shot).unwrap().len() > 10_000,
        "a screenshot was taken"
    );
}

#[test]
fn the_suggested_section_passes_its_own_check() {
    let dir = scratch("suggest");
    let svag = repo().join("fixtures/tune/svag.md");
    for (format, file) in [("markdown", "forslag.md"), ("docx", "forslag.docx")] {
        let out = klausul(
            &dir,
            &[
                "suggest",
                "--format",
                format,
                "--output",
                file,
                svag.to_str().unwrap(),
            ],
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let md = std::fs::read_to_string(dir.join("forslag.md")).unwrap();
    assert!(md.starts_with("## Antidiskriminering\n"));
    // Every requirement svag.md fails has its paragraph, numbered in order.
    let failing: Vec<String> = svag_statuses()
        .into_iter()
        .filter(|(_, s)| s != "met")
        .map(|(id, _)| id)
        .collect();
    let cited: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .filter_map(|l| l.rsplit_once(" (")?.1.strip_suffix(')'))
        .collect();
    assert_eq!(cited, failing);
    // Checked as a Word document, the section meets everything.
    let out = klausul(&dir, &["check", "--format", "json", "forslag.docx"]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let statuses: Vec<&str> = report["documents"][0]["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["met"; 13]);
}

/// Every message the code names (`Message::new("key")`) is in the
/// catalogues, and every message of the catalogues is named in the code.
#[test]
fn the_code_and_the_catalogues_name_the_same_messages() {
    fn walk(dir: &std::path::Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push_str(&std::fs::read_to_string(path).unwrap());
            }
        }
    }
    let mut code = String::new();
    walk(&repo().join("src"), &mut code);
    // Keys are named as Message::new("key") and word(lang, "key").
    let named =
        code.split("Message::new(\"")
            .skip(1)
            .chain(code.match_indices("word(").filter_map(|(at, _)| {
                let before = code[..at].chars().next_back()?;
                if before.is_alphanumeric() || before == '_' {
                    return None;
                }
                let args = code[at..].split(')').next()?;
                Some(args.split_once('"')?.1)
            }));
    for piece in named {
        let key = piece.split('"').next().unwrap();
        assert!(Lang::Sv.template(key).is_some(), "{key} is in no catalogue");
    }
    for key in klausul::model::lang::keys() {
        assert!(code.contains(&format!("\"{key}\"")), "{key} is never said");
    }
}

#[test]
fn every_message_exists_in_swedish_and_english() {
    for key in klausul::model::lang::keys() {
        let (sv, en) = (Lang::Sv.template(key), Lang::En.template(key));
        let (Some(sv), Some(en)) = (sv, en) else {
            panic!("{key}: {sv:?} {en:?}");
        };
        assert!(!sv.trim().is_empty() && !en.trim().is_empty(), "{key}");
        // A template of placeholders only ("{reason}: \"{words}\"") needs no translation.
        let words = |t: &str| {
            t.split('{')
                .map(|part| part.split_once('}').map_or(part, |(_, rest)| rest))
                .any(|rest| rest.chars().any(char::is_alphabetic))
        };
        // One word may be the same in both ("Status").
        if words(sv) && sv.contains(' ') {
            assert_ne!(sv, en, "{key} is not translated");
        }
    }
    let samples = [
        ReadError::Unrecognised,
        ReadError::Encrypted,
        ReadError::NoTextLayer { pages: 2 },
        ReadError::XmlTooDeep {
            part: "p".into(),
            limit: 9,
        },
        ReadError::TooManyCells {
            sheet: "s".into(),
            limit: 9,
        },
        ReadError::TimedOut { seconds: 9 },
    ];
    for e in samples {
        assert_ne!(e.describe(Lang::Sv), e.describe(Lang::En), "{e:?}");
        assert_ne!(e.advice(Lang::Sv), e.advice(Lang::En), "{e:?}");
    }
}

/// The overview of 35 documents in a 1280×800 window: the grid fits, a click
/// on a label filters it with no script, and the print is compact.
#[test]
#[ignore = "needs /usr/bin/chromium and tests/browser/node_modules; .ci/run runs it"]
fn the_overview_of_35_documents_fits_a_window_and_filters_without_script() {
    let dir = scratch("overview");
    let folder = dir.join("avtal");
    std::fs::create_dir_all(&folder).unwrap();
    let mut sources: Vec<std::path::PathBuf> = ["fixtures/tune", "fixtures/holdout"]
        .iter()
        .flat_map(|d| std::fs::read_dir(repo().join(d)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
        .collect();
    sources.sort();
    for i in 0..35 {
        let source = &sources[i % sources.len()];
        let name = format!(
            "avtal-{i:02}-{}",
            source.file_name().unwrap().to_string_lossy()
        );
        std::fs::copy(source, folder.join(name)).unwrap();
    }
    let out = klausul(
        &dir,
        &[
            "check",
            "--format",
            "json",
            "--output",
            "html=report.html",
            "avtal",
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let failed = report["summary"]["failed"].as_u64().unwrap();
    let passed = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["verdict"] == "pass")
        .count();
    let shot = repo().join("target/overview-screenshot.png");
    let check = Command::new("node")
        .arg(repo().join("tests/browser/overview.mjs"))
        .arg(dir.join("report.html"))
        .arg(&shot)
        .output()
        .unwrap();
    let summary = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success(),
        "{summary}{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(summary.trim()).unwrap();
    assert!(v["width"].as_f64().unwrap() <= 1280.0, "{v}");
    assert!(v["height"].as_f64().unwrap() <= 800.0, "{v}");
    assert_eq!(v["all"], 35);
    assert_eq!(v["failed"].as_u64(), Some(failed));
    assert_eq!(v["passed"].as_u64(), Some(passed as u64));
    assert_eq!(v["scripts"], 0);
    // It printed to 95 pages before the passing documents took a line each.
    assert!(v["pages"].as_u64().unwrap() < 70, "{v}");
    assert!(std::fs::metadata(&shot).unwrap().len() > 10_000);
}

/// The reports for people say what was checked with what: the time (from
/// `SOURCE_DATE_EPOCH`), klausul's version, the profile, and each file's hash;
/// an excerpt of a Markdown heading shows its words, not its `##`.
#[test]
fn reports_for_people_name_time_version_profile_and_hashes() {
    let svag = repo().join("fixtures/tune/svag.md");
    let hash = klausul::source::sha256_hex(&[&std::fs::read(&svag).unwrap()]);
    for format in ["markdown", "html"] {
        let out = Command::new(env!("CARGO_BIN_EXE_klausul"))
            .args(["check", "--lang", "sv", "--format", format])
            .arg(&svag)
            .env("SOURCE_DATE_EPOCH", "1767225600")
            .env_remove("KLAUSUL_CONFIG")
            .output()
            .unwrap();
        let text = stdout(&out);
        assert!(text.contains("Tidpunkt: 2026-01-01 00:00 UTC"), "{format}");
        assert!(text.contains(&hash), "{format}: the file's SHA-256");
        assert!(text.contains("stockholm"), "{format}");
        assert!(text.contains(env!("CARGO_PKG_VERSION")), "{format}");
        assert!(!text.contains("## 5 Antidiskriminering</mark>"), "{format}");
        assert!(!text.contains("**## 5"), "{format}");
    }
    let md = stdout(&klausul(
        &repo(),
        &["check", "--format", "markdown", "fixtures/tune/svag.md"],
    ));
    assert!(md.contains("\n> **5 Antidiskriminering**\n"), "{md}");
}

/// A register row in JSON carries the register's own facts about the
/// agreement, as optional fields (issue 20): SF-2024-006 as the fixture's
/// row 7 holds it (read with openpyxl), where the value is written
/// "1 250 000 kr" in a tkr column and the start "1 mars 2024".
#[test]
fn json_register_rows_carry_supplier_name_board_dates_and_value() {
    let out = klausul(
        &repo(),
        &[
            "check",
            "--format",
            "json",
            "fixtures/sheets/avtalsregister.xlsx",
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = report["documents"][0]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["contract"] == "SF-2024-006")
        .unwrap();
    let facts: Vec<&serde_json::Value> = [
        "row",
        "supplier",
        "agreement_name",
        "board",
        "start_date",
        "end_date",
        "value_sek",
    ]
    .iter()
    .map(|k| &row[*k])
    .collect();
    assert_eq!(
        facts,
        [
            &serde_json::json!(7),
            &serde_json::json!("Buss i Väst AB"),
            &serde_json::json!("Skolskjuts"),
            &serde_json::json!("Utbildningsnämnden"),
            &serde_json::json!("2024-03-01"),
            &serde_json::json!("2026-02-28"),
            &serde_json::json!(1_250_000.0),
        ]
    );
}

/// `--lang` takes every catalogue in `rules/messages/`, found by listing the
/// directory, and the report speaks it: the Markdown report's label is the
/// one that catalogue's file gives. A code with no catalogue is a usage
/// error that names every one.
#[test]
fn every_catalogue_is_a_value_of_lang() {
    let dir = repo().join("rules/messages");
    let mut codes = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let code = path.file_stem().unwrap().to_string_lossy().into_owned();
            let file: toml::Value =
                toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let label = file["messages"]["markdown_profile"]
                .as_str()
                .unwrap()
                .to_owned();
            let default = file["language"].get("default") == Some(&toml::Value::Boolean(true));
            codes.push((!default, code.clone()));
            let out = klausul(
                &repo(),
                &[
                    "check",
                    "--lang",
                    &code,
                    "--format",
                    "markdown",
                    "--fail-on",
                    "never",
                    "fixtures/tune/svag.md",
                ],
            );
            assert_eq!(out.status.code(), Some(0), "{code}");
            assert!(
                stdout(&out).contains(&format!("\n{label} stockholm ")),
                "{code}"
            );
            let out = klausul(&repo(), &["explain", "--lang", &code, "AD-01"]);
            assert_eq!(out.status.code(), Some(0), "{code}");
        }
    }
    // The default language first, then by code.
    codes.sort();
    let codes: Vec<String> = codes.into_iter().map(|(_, c)| c).collect();
    assert!(codes.len() >= 2 && codes[0] == "sv" && codes.contains(&"en".to_owned()));
    let out = klausul(&repo(), &["check", "--lang", "xx", "fixtures/tune/svag.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    let values = format!("[possible values: {}]", codes.join(", "));
    assert!(err.contains(&values), "{err}");
}

/// The drafting words of `rules/vocabulary.toml`'s `[drafting]`, read here
/// with the toml crate.
fn drafting_words() -> Vec<String> {
    let text = std::fs::read_to_string(repo().join("rules/vocabulary.toml")).unwrap();
    let file: toml::Value = toml::from_str(&text).unwrap();
    let words: Vec<String> = file["drafting"]["advice"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap().to_lowercase())
        .collect();
    for w in [
        "hänvisa", "ange", "räkna", "undvik", "skriv", "refer", "state", "list", "avoid",
    ] {
        assert!(words.iter().any(|x| x == w), "{w}");
    }
    words
}

/// The drafting word `text` begins with, if any: the whole word or words.
fn drafting_lead<'w>(text: &str, words: &'w [String]) -> Option<&'w str> {
    let lower = text.trim_start().to_lowercase();
    words
        .iter()
        .find(|w| {
            lower
                .strip_prefix(w.as_str())
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        })
        .map(String::as_str)
}

/// Every suggested wording in `rules/` is clause text, not advice to the
/// drafter: none begins with a drafting word, in any language. And every
/// numbered item `suggest` writes, for every built-in profile and language,
/// begins with none either, and names its requirement.
#[test]
fn suggested_items_are_clause_text_not_drafting_advice() {
    let words = drafting_words();
    assert_eq!(
        drafting_lead("Hänvisa till lagen.", &words),
        Some("hänvisa")
    );
    assert_eq!(
        drafting_lead("Do not list the grounds.", &words),
        Some("do not")
    );
    assert_eq!(
        drafting_lead("Hänvisningar i avtalet avser …", &words),
        None
    );
    let mut seen = 0;
    for entry in std::fs::read_dir(repo().join("rules")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let file: toml::Value = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let Some(requirements) = file.get("requirement").and_then(|r| r.as_array()) else {
            continue;
        };
        for r in requirements {
            let Some(texts) = r.get("suggestion").and_then(|s| s.as_table()) else {
                continue;
            };
            for (code, text) in texts {
                let text = text.as_str().unwrap();
                assert_eq!(
                    drafting_lead(text, &words),
                    None,
                    "{} {code}: {text}",
                    r["id"]
                );
                seen += 1;
            }
        }
    }
    assert!(seen >= 26, "{seen}");
    let svag = repo().join("fixtures/tune/svag.md");
    for profile in ["stockholm", "forordning-2006-260"] {
        for lang in ["sv", "en"] {
            let out = klausul(
                &repo(),
                &[
                    "suggest",
                    "--profile",
                    profile,
                    "--lang",
                    lang,
                    svag.to_str().unwrap(),
                ],
            );
            assert_eq!(out.status.code(), Some(0));
            let md = stdout(&out);
            let items: Vec<&str> = md
                .lines()
                .filter_map(|l| l.split_once(". ").filter(|(n, _)| n.parse::<u32>().is_ok()))
                .map(|(_, text)| text)
                .collect();
            assert!(items.len() >= 10, "{profile} {lang}");
            for item in items {
                assert_eq!(
                    drafting_lead(item, &words),
                    None,
                    "{profile} {lang}: {item}"
                );
                let (_, id) = item.rsplit_once(" (").unwrap();
                assert!(id.starts_with("AD-") && id.ends_with(')'), "{item}");
            }
        }
    }
}

/// Runs `klausul suggest` on `input` and reads the Word file back with
/// zipfile and xml.etree (and python-docx when it is installed) through
/// `tests/word/suggest.py`.
fn suggested_docx(dir: &std::path::Path, input: &str, lang: &str) -> serde_json::Value {
    let file = format!("{lang}.docx");
    let out = klausul(
        dir,
        &[
            "suggest",
            "--format",
            "docx",
            "--lang",
            lang,
            "--output",
            &file,
            repo().join(input).to_str().unwrap(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let python = std::env::var("KLAUSUL_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let read = Command::new(python)
        .arg(repo().join("tests/word/suggest.py"))
        .arg("docx")
        .arg(dir.join(&file))
        .output()
        .expect("python3 runs");
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    serde_json::from_slice(&read.stdout).unwrap()
}

/// The Word file numbers its clause text with Word's own numbering (1. 2.
/// 3.), bullets the points to consider, spaces its paragraphs and is tagged
/// with its language; each item ends with its requirement's id, and the
/// wordings are the profile's.
#[test]
fn the_suggested_word_file_has_real_numbering_and_a_language() {
    let dir = scratch("suggest-docx");
    let profile: toml::Value =
        toml::from_str(&std::fs::read_to_string(repo().join("rules/stockholm.toml")).unwrap())
            .unwrap();
    let wording = |id: &str, lang: &str| -> String {
        let r = profile["requirement"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"].as_str() == Some(id))
            .unwrap();
        r["suggestion"][lang].as_str().unwrap().to_owned()
    };
    let failing: Vec<String> = svag_statuses()
        .into_iter()
        .filter(|(_, s)| s != "met")
        .map(|(id, _)| id)
        .collect();
    for (lang, tag, heading, consider) in [
        ("sv", "sv-SE", "Antidiskriminering", "Att tänka på"),
        ("en", "en-GB", "Anti-discrimination", "Points to consider"),
    ] {
        let v = suggested_docx(&dir, "fixtures/tune/svag.md", lang);
        assert_eq!(v["language"], tag);
        assert_eq!(v["spacing_after"], "160");
        assert_eq!(v["numbering_related"], true);
        assert_eq!(
            v["lists"]["1"],
            serde_json::json!({"format": "decimal", "text": "%1."})
        );
        assert_eq!(v["lists"]["2"]["format"], "bullet");
        let paragraphs = v["paragraphs"].as_array().unwrap();
        let in_list = |num: &str| -> Vec<(String, String)> {
            paragraphs
                .iter()
                .filter(|p| p["num_id"] == num && p["level"] == "0")
                .map(|p| {
                    let (text, id) = p["text"].as_str().unwrap().rsplit_once(" (").unwrap();
                    (text.to_owned(), id.trim_end_matches(')').to_owned())
                })
                .collect()
        };
        let clauses = in_list("1");
        let ids: Vec<&str> = clauses.iter().map(|(_, id)| id.as_str()).collect();
        assert_eq!(ids, failing);
        for id in ["AD-01", "AD-02", "AD-04", "AD-13"] {
            let (text, _) = clauses.iter().find(|(_, i)| i == id).unwrap();
            assert_eq!(*text, wording(id, lang), "{id} {lang}");
        }
        let advice: Vec<String> = in_list("2").into_iter().map(|(_, id)| id).collect();
        assert_eq!(advice, ["AD-02", "AD-04"]);
        let headings: Vec<&str> = paragraphs
            .iter()
            .filter(|p| {
                p["style"]
                    .as_str()
                    .is_some_and(|s| s.starts_with("Heading"))
            })
            .map(|p| p["text"].as_str().unwrap())
            .collect();
        assert_eq!(headings, [heading, consider]);
        if !v["python_docx"].is_null() {
            let styles: Vec<&str> = v["python_docx"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["style"].as_str().unwrap())
                .collect();
            assert_eq!(styles[0], "Heading 1");
            assert_eq!(styles.iter().filter(|s| **s == "List Number").count(), 13);
            assert_eq!(styles.iter().filter(|s| **s == "List Bullet").count(), 2);
        }
    }
}

/// A document that meets everything gets "Inget att lägga till" and exit
/// 0, in Markdown and in Word, and no heading with nothing under it.
#[test]
fn a_complete_document_gets_nothing_to_add() {
    let dir = scratch("suggest-complete");
    let komplett = repo().join("fixtures/tune/komplett.md");
    for (lang, nothing) in [("sv", "Inget att lägga till."), ("en", "Nothing to add.")] {
        let out = klausul(
            &dir,
            &["suggest", "--lang", lang, komplett.to_str().unwrap()],
        );
        assert_eq!(out.status.code(), Some(0));
        let md = stdout(&out);
        assert!(md.ends_with(&format!("-->\n\n{nothing}\n")), "{md}");
        assert!(!md.contains('#'), "{md}");
        let v = suggested_docx(&dir, "fixtures/tune/komplett.md", lang);
        assert_eq!(
            v["paragraphs"],
            serde_json::json!([{"style": null, "num_id": null, "level": null, "text": nothing}])
        );
    }
}

/// LibreOffice, standing in for Word, reads the suggested Word file's lists
/// as a numbered list of clause text and a bulleted one of points to
/// consider, in Swedish.
#[test]
#[ignore = "needs LibreOffice (soffice); .ci/run installs it and runs this"]
fn libreoffice_reads_the_suggested_lists() {
    let dir = scratch("suggest-libreoffice");
    suggested_docx(&dir, "fixtures/tune/svag.md", "sv");
    let convert = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .args(["--headless", "--convert-to", "odt", "--outdir"])
        .arg(dir.join("odt"))
        .arg(dir.join("sv.docx"))
        .output()
        .expect("soffice runs");
    assert!(
        convert.status.success(),
        "{}",
        String::from_utf8_lossy(&convert.stderr)
    );
    let read = Command::new("python3")
        .arg(repo().join("tests/word/suggest.py"))
        .arg("odt")
        .arg(dir.join("odt/sv.odt"))
        .output()
        .unwrap();
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
    assert_eq!(v["language"], "sv-SE");
    assert_eq!(
        v["headings"],
        serde_json::json!(["Antidiskriminering", "Att tänka på"])
    );
    let lists: Vec<(&str, usize)> = v["lists"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["kind"].as_str().unwrap(),
                l["items"].as_array().unwrap().len(),
            )
        })
        .collect();
    assert_eq!(lists, [("number.", 13), ("bullet", 2)]);
    let first = v["lists"][0]["items"][0].as_str().unwrap();
    assert!(
        first.starts_with("Leverantören ska") && first.ends_with(" (AD-01)"),
        "{first}"
    );
}

/// A profile of one's own whose suggested wording is drafting advice
/// ("Hänvisa till …") gets it listed under "Att tänka på", never as a
/// numbered item of clause text.
#[test]
fn a_profiles_drafting_advice_is_no_clause_item() {
    let dir = scratch("suggest-advice");
    let text = std::fs::read_to_string(repo().join("rules/stockholm.toml")).unwrap();
    let ad01 = "suggestion = { sv = \"Leverantören ska under hela avtalstiden";
    assert!(text.contains(ad01));
    let profile = text
        .replace("id = \"stockholm\"", "id = \"egen\"")
        .replace(ad01, "suggestion = { sv = \"Hänvisa till diskrimineringslagen (2008:567). Leverantören ska under hela avtalstiden");
    std::fs::write(dir.join("egen.toml"), profile).unwrap();
    let svag = repo().join("fixtures/tune/svag.md");
    let out = klausul(
        &dir,
        &["suggest", "--profile", "egen.toml", svag.to_str().unwrap()],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = stdout(&out);
    let (clause, consider) = md.split_once("### Att tänka på\n\n").unwrap();
    assert!(
        !clause.contains("Hänvisa") && !clause.contains("(AD-01)"),
        "{clause}"
    );
    assert!(
        clause.starts_with("## Antidiskriminering\n")
            && clause.contains("\n1. Hänvisningar i avtalet")
    );
    let bullets: Vec<&str> = consider
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .collect();
    assert_eq!(bullets.len(), 3, "{consider}");
    assert!(
        bullets[0].starts_with("Hänvisa till diskrimineringslagen (2008:567). Leverantören ska")
    );
    assert!(bullets[0].ends_with(" (AD-01)"));
}
