//! The CI gate end to end: every output format, the exit statuses in each,
//! configuration discovery, suppressions and baselines, run through the
//! binary as a pipeline would run it.

use super::{klausul, repo, scratch};

use std::fmt::Write as _;
use std::process::{Command, Output};

use klausul::model::vocab::Severity;
use klausul::profile::Profile;
use serde_json::Value;

fn code(o: &Output) -> i32 {
    o.status.code().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// svag.md's findings at severity error, from its hand-written statuses and
/// the profile's severities.
fn svag_error_findings() -> Vec<String> {
    let profile = Profile::stockholm();
    std::fs::read_to_string(repo().join("fixtures/tune/svag.expect"))
        .unwrap()
        .lines()
        .filter_map(|l| l.split_once(' '))
        .filter(|(id, status)| {
            *status != "met"
                && profile
                    .requirement(id)
                    .is_some_and(|r| r.severity == Severity::Error)
        })
        .map(|(id, _)| id.to_owned())
        .collect()
}

#[test]
fn every_format_keeps_the_exit_statuses() {
    for format in ["human", "json", "sarif", "junit", "github", "gitlab"] {
        let run = |files: &[&str]| {
            let mut args = vec!["check", "--format", format];
            args.extend(files);
            code(&klausul(&repo(), &args))
        };
        assert_eq!(run(&["fixtures/tune/komplett.md"]), 0, "{format}");
        assert_eq!(run(&["fixtures/tune/svag.md"]), 1, "{format}");
        assert_eq!(
            run(&["fixtures/tune/svag.md", "fixtures/bad/scan.pdf"]),
            2,
            "{format}"
        );
        assert_eq!(
            run(&["fixtures/tune/komplett.md", "saknas.md"]),
            2,
            "{format}"
        );
    }
}

#[test]
fn sarif_is_valid_and_points_at_the_words() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("tests/data/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    // One pattern of the official schema (the "language" properties) has a
    // bare "]" that ECMAScript reads as a literal and Rust's regex engines
    // refuse. It is escaped here, in memory, to the same meaning; the file
    // stays as shipped.
    let mut schema = schema;
    assert_eq!(escape_bare_bracket(&mut schema), 2);
    let validator = jsonschema::validator_for(&schema).unwrap();
    let out = klausul(
        &repo(),
        &[
            "check",
            "--format",
            "sarif",
            "fixtures/tune/svag.md",
            "fixtures/office/hemtjanst.pdf",
            "fixtures/bad/scan.pdf",
        ],
    );
    assert_eq!(code(&out), 2);
    let sarif: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &sarif["runs"][0];
    // The profile's thirteen, and AD-00 for register rows.
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 14);
    assert_eq!(rules[13]["id"], "AD-00");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let results = run["results"].as_array().unwrap();
    let ad07 = results
        .iter()
        .find(|r| {
            r["ruleId"] == "AD-07"
                && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    == "fixtures/tune/svag.md"
        })
        .unwrap();
    assert_eq!(ad07["level"], "error");
    let region = &ad07["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (
            &region["startLine"],
            &region["startColumn"],
            &region["endColumn"]
        ),
        (&Value::from(11), &Value::from(63), &Value::from(73))
    );
    assert_eq!(region["snippet"]["text"], "skälig tid");
    // The PDF's findings carry their page.
    let in_pdf = results
        .iter()
        .find(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                == "fixtures/office/hemtjanst.pdf"
        })
        .unwrap();
    assert_eq!(in_pdf["locations"][0]["properties"]["page"], 2);
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert_eq!(
        note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "fixtures/bad/scan.pdf"
    );
    assert_eq!(run["artifacts"].as_array().unwrap().len(), 3);
    assert_eq!(run["properties"]["profile"]["id"], "stockholm");
}

const LANGUAGE_PATTERN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";

/// Rewrites every occurrence of `LANGUAGE_PATTERN`; returns how many.
fn escape_bare_bracket(v: &mut Value) -> usize {
    match v {
        Value::String(s) if s == LANGUAGE_PATTERN => {
            "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$".clone_into(s);
            1
        }
        Value::Array(items) => items.iter_mut().map(escape_bare_bracket).sum(),
        Value::Object(map) => map.values_mut().map(escape_bare_bracket).sum(),
        _ => 0,
    }
}

/// The fingerprints of the results, by rule.
fn fingerprints(sarif: &str) -> Vec<(String, String, i64)> {
    let v: Value = serde_json::from_str(sarif).unwrap();
    v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap().to_owned(),
                r["partialFingerprints"]["klausulFinding/v1"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
                r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_i64()
                    .unwrap(),
            )
        })
        .collect()
}

#[test]
fn fingerprints_stay_when_unrelated_text_moves() {
    let dir = scratch("fingerprints");
    let text = std::fs::read_to_string(repo().join("fixtures/tune/svag.md")).unwrap();
    std::fs::write(dir.join("a.md"), &text).unwrap();
    let before = fingerprints(&stdout(&klausul(
        &dir,
        &["check", "--format", "sarif", "a.md"],
    )));
    let moved = text.replacen(
        '\n',
        "\n\nEn ny inledning om upphandlingens bakgrund.\n\n",
        1,
    );
    std::fs::write(dir.join("a.md"), moved).unwrap();
    let after = fingerprints(&stdout(&klausul(
        &dir,
        &["check", "--format", "sarif", "a.md"],
    )));
    assert_eq!(before.len(), 13);
    for ((rule, print, line), (rule2, print2, line2)) in before.iter().zip(&after) {
        assert_eq!((rule, print), (rule2, print2));
        assert_eq!(line + 3, *line2, "{rule} moved by the three new lines");
    }
}

#[test]
fn junit_has_a_suite_per_document_and_a_failure_per_failing_requirement() {
    let out = klausul(
        &repo(),
        &[
            "check",
            "--format",
            "junit",
            "fixtures/tune/svag.md",
            "fixtures/tune/komplett.md",
        ],
    );
    assert_eq!(code(&out), 1);
    let xml = stdout(&out);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut suites, mut cases, mut failures) = (Vec::new(), 0, Vec::new());
    let mut case = String::new();
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                let attr = |name: &str| {
                    e.try_get_attribute(name).unwrap().map(|a| {
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned()
                    })
                };
                match e.name().0 {
                    "testsuite" => suites.push((attr("name").unwrap(), attr("failures").unwrap())),
                    "testcase" => {
                        cases += 1;
                        case = attr("name").unwrap();
                    }
                    "failure" => failures.push(case.split(' ').next().unwrap().to_owned()),
                    _ => {}
                }
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    let expected = svag_error_findings();
    assert_eq!(
        suites,
        [
            (
                "fixtures/tune/svag.md".to_owned(),
                expected.len().to_string()
            ),
            ("fixtures/tune/komplett.md".to_owned(), "0".to_owned())
        ]
    );
    assert_eq!(cases, 26);
    assert_eq!(failures, expected);
}

#[test]
fn github_annotations_name_file_line_and_requirement() {
    let out = klausul(
        &repo(),
        &["check", "--format", "github", "fixtures/tune/svag.md"],
    );
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    let ad07 = text.lines().find(|l| l.contains("title=AD-07")).unwrap();
    assert!(
        ad07.starts_with(
            "::error file=fixtures/tune/svag.md,line=11,col=63,endLine=11,endColumn=73,title=AD-07 report-on-request::tidsfristen \"skälig tid\" är inte en bestämd tid (weak)."
        ),
        "{ad07}"
    );
    // Thirteen requirements, none met: one annotation each, after the notice.
    assert_eq!(text.lines().filter(|l| l.starts_with("::")).count(), 14);
    assert!(text
        .lines()
        .next()
        .unwrap()
        .starts_with("::notice title=klausul::klausul "));
}

#[test]
fn gitlab_code_quality_has_one_issue_per_finding() {
    let out = klausul(
        &repo(),
        &["check", "--format", "gitlab", "fixtures/tune/svag.md"],
    );
    let issues: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let issues = issues.as_array().unwrap();
    assert_eq!(issues.len(), 13);
    let ad07 = issues.iter().find(|i| i["check_name"] == "AD-07").unwrap();
    assert_eq!(ad07["severity"], "major");
    assert_eq!(ad07["location"]["path"], "fixtures/tune/svag.md");
    assert_eq!(ad07["location"]["lines"]["begin"], 11);
    let mut prints: Vec<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    prints.sort_unstable();
    prints.dedup();
    assert_eq!(prints.len(), 13);
}

#[test]
fn outputs_are_written_whole_beside_stdout() {
    let dir = scratch("outputs");
    let svag = repo().join("fixtures/tune/svag.md");
    let out = klausul(
        &dir,
        &[
            "check",
            "--format",
            "json",
            "--output",
            "sarif=reports/k.sarif",
            "--output",
            "junit=reports/k.xml",
            svag.to_str().unwrap(),
        ],
    );
    assert_eq!(code(&out), 1);
    let mut files: Vec<String> = std::fs::read_dir(dir.join("reports"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["k.sarif", "k.xml"], "no temporary file is left");
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("reports/k.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 13);
    // A report that cannot be written is an error, whatever else passed.
    std::fs::write(dir.join("blocker"), "").unwrap();
    let out = klausul(
        &dir,
        &[
            "check",
            "--output",
            "json=blocker/k.json",
            "--fail-on",
            "never",
            svag.to_str().unwrap(),
        ],
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
}

#[test]
fn the_nearest_configuration_applies_and_the_named_one_wins() {
    let dir = scratch("config");
    std::fs::create_dir_all(dir.join("anbud/bygg")).unwrap();
    std::fs::copy(
        repo().join("fixtures/tune/svag.md"),
        dir.join("anbud/bygg/svag.md"),
    )
    .unwrap();
    std::fs::write(dir.join("klausul.toml"), "fail_on = \"never\"\n").unwrap();
    std::fs::write(
        dir.join("strict.toml"),
        "fail_on = \"error\"\nlang = \"en\"\n",
    )
    .unwrap();
    let sub = dir.join("anbud/bygg");
    assert_eq!(code(&klausul(&sub, &["check", "svag.md"])), 0);
    let named = Command::new(env!("CARGO_BIN_EXE_klausul"))
        .current_dir(&sub)
        .args(["check", "svag.md"])
        .env("KLAUSUL_CONFIG", dir.join("strict.toml"))
        .output()
        .unwrap();
    assert_eq!(code(&named), 1);
    let config = dir.join("klausul.toml");
    assert_eq!(
        code(&klausul(
            &sub,
            &["--config", config.to_str().unwrap(), "check", "svag.md"]
        )),
        0
    );
    // The command line wins over the file.
    assert_eq!(
        code(&klausul(
            &sub,
            &["check", "--fail-on", "warning", "svag.md"]
        )),
        1
    );
    let shown = stdout(&klausul(&sub, &["config"]));
    let line = shown.lines().find(|l| l.starts_with("fail_on")).unwrap();
    assert_eq!(
        line,
        format!("fail_on = \"never\"  # {}:1", config.display())
    );
    // An unknown key is an error at its line.
    std::fs::write(&config, "fail_on = \"never\"\nfail_onn = \"error\"\n").unwrap();
    let out = klausul(&sub, &["check", "svag.md"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("unknown field `fail_onn`"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains(":2:1]"), "{}", stderr(&out));
}

#[test]
fn globs_are_read_from_the_configurations_directory_wherever_the_run_starts() {
    let dir = scratch("globs");
    for place in ["anbud", "anbud/utkast", "varor"] {
        std::fs::create_dir_all(dir.join(place)).unwrap();
        std::fs::copy(
            repo().join("fixtures/tune/svag.md"),
            dir.join(place).join("svag.md"),
        )
        .unwrap();
    }
    std::fs::write(
        dir.join("klausul.toml"),
        "exclude = [\"**/utkast/**\"]\n[contract_types]\n\"varor/**\" = \"goods\"\n",
    )
    .unwrap();
    let checked = |cwd: &std::path::Path, path: &str| -> Vec<(String, String)> {
        let out = klausul(cwd, &["check", "--format", "json", path]);
        let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
        report["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["path"].as_str().unwrap().to_owned(),
                    d["scope"]["contract_type"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let expected = |prefix: &str| {
        vec![
            (format!("{prefix}anbud/svag.md"), "services".to_owned()),
            (format!("{prefix}varor/svag.md"), "goods".to_owned()),
        ]
    };
    assert_eq!(checked(&dir, "."), expected(""));
    assert_eq!(checked(&dir.join("anbud"), ".."), expected("../"));
    let absolute = format!("{}/", dir.display());
    assert_eq!(
        checked(&dir.join("varor"), dir.to_str().unwrap()),
        expected(&absolute)
    );
}

#[test]
fn suppressions_need_reasons_and_unused_ones_are_reported() {
    let dir = scratch("suppress");
    let mut text = std::fs::read_to_string(repo().join("fixtures/tune/svag.md")).unwrap();
    for id in svag_error_findings() {
        let _ = writeln!(
            text,
            "\n<!-- klausul-ignore {id}: godkänt av upphandlingsjurist -->"
        );
    }
    std::fs::write(dir.join("a.md"), &text).unwrap();
    let out = klausul(&dir, &["check", "--format", "json", "a.md"]);
    assert_eq!(code(&out), 0, "every failing requirement is suppressed");
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let ad07 = report["documents"][0]["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "AD-07")
        .unwrap()
        .clone();
    assert_eq!(ad07["status"], "weak");
    assert_eq!(
        ad07["suppressed"]["reason"],
        "godkänt av upphandlingsjurist"
    );
    // Without a reason it is not applied; suppressing a met requirement is unused.
    std::fs::write(
        dir.join("b.md"),
        text.replace("AD-07: godkänt av upphandlingsjurist", "AD-07")
            + "\nklausul-ignore AD-98: finns inte\n",
    )
    .unwrap();
    let out = klausul(&dir, &["check", "b.md"]);
    assert_eq!(code(&out), 1);
    let warnings = stderr(&out);
    assert!(
        warnings.contains(
            "warning: b.md: klausul-ignore AD-07 (rad 29) saknar skäl och tillämpades inte"
        ),
        "{warnings}"
    );
    assert!(
        warnings.contains(
            "warning: b.md: klausul-ignore AD-98 (rad 37): profilen har inget sådant krav"
        ),
        "{warnings}"
    );
}

#[test]
fn a_suppression_file_is_keyed_by_the_documents_hash() {
    let dir = scratch("suppress-file");
    let docx = dir.join("avtal.docx");
    std::fs::copy(repo().join("fixtures/office/consulting.docx"), &docx).unwrap();
    let report: Value = serde_json::from_str(&stdout(&klausul(
        &dir,
        &["check", "--format", "json", "avtal.docx"],
    )))
    .unwrap();
    let hash = report["documents"][0]["sha256"]
        .as_str()
        .unwrap()
        .to_owned();
    let failing: Vec<String> = report["documents"][0]["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["status"] != "met" && r["severity"] == "error")
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    let entries = failing.iter().fold(String::new(), |mut out, id| {
        let _ = writeln!(
            out,
            "[[suppress]]\nsha256 = \"{hash}\"\nrequirement = \"{id}\"\nreason = \"avvikelse beslutad av nämnden\"\n"
        );
        out
    });
    std::fs::write(dir.join("klausul-suppressions.toml"), &entries).unwrap();
    assert_eq!(code(&klausul(&dir, &["check", "avtal.docx"])), 0);
    // A changed document no longer matches; the entries are reported unused.
    std::fs::copy(repo().join("fixtures/office/ramavtal.docx"), &docx).unwrap();
    let out = klausul(&dir, &["check", "avtal.docx"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("the suppression is unused"),
        "{}",
        stderr(&out)
    );
    // An entry without a reason is a configuration error.
    std::fs::write(
        dir.join("klausul-suppressions.toml"),
        format!("[[suppress]]\nsha256 = \"{hash}\"\nrequirement = \"AD-03\"\n"),
    )
    .unwrap();
    let out = klausul(&dir, &["check", "avtal.docx"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("a suppression needs a reason"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_baseline_hides_known_findings_and_names_stale_ones() {
    let dir = scratch("baseline");
    let text = std::fs::read_to_string(repo().join("fixtures/tune/svag.md")).unwrap();
    std::fs::write(dir.join("a.md"), &text).unwrap();
    assert_eq!(
        code(&klausul(
            &dir,
            &["check", "--write-baseline", "base.json", "a.md"]
        )),
        1
    );
    assert_eq!(
        code(&klausul(
            &dir,
            &["check", "--baseline", "base.json", "a.md"]
        )),
        0
    );
    // AD-07 mended, AD-13 made worse: AD-07's entry is stale; nothing new fails.
    let mended = text.replace("inom skälig tid", "inom tio (10) dagar");
    std::fs::write(dir.join("a.md"), &mended).unwrap();
    let out = klausul(&dir, &["check", "--baseline", "base.json", "a.md"]);
    assert_eq!(code(&out), 0);
    assert!(
        stderr(&out)
            .contains("warning: a.md: the baseline's AD-07 (weak) no longer matches; it is stale"),
        "{}",
        stderr(&out)
    );
    // A new failure is reported: AD-07 was weak, and with its sentence gone
    // it is missing.
    let without = text.replace(
        "Leverantören ska på begäran redovisa hur villkoren följs inom skälig tid.",
        "",
    );
    assert_ne!(without, text);
    std::fs::write(dir.join("a.md"), without).unwrap();
    let out = klausul(
        &dir,
        &[
            "check",
            "--baseline",
            "base.json",
            "--format",
            "github",
            "a.md",
        ],
    );
    assert_eq!(code(&out), 1, "{}", stdout(&out));
}

#[test]
fn changed_since_checks_only_what_git_reports() {
    let dir = scratch("git");
    let git = |args: &[&str]| {
        let ok = Command::new("git")
            .current_dir(&dir)
            .args(args)
            .output()
            .unwrap()
            .status
            .success();
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["config", "user.email", "klausul-tests"]);
    git(&["config", "user.name", "t"]);
    for name in ["a.md", "b.md"] {
        std::fs::copy(repo().join("fixtures/tune/komplett.md"), dir.join(name)).unwrap();
    }
    git(&["add", "-A"]);
    git(&["commit", "-qm", "start"]);
    std::fs::copy(repo().join("fixtures/tune/svag.md"), dir.join("b.md")).unwrap();
    std::fs::copy(repo().join("fixtures/tune/svag.md"), dir.join("c.md")).unwrap();
    let out = klausul(
        &dir,
        &["check", "--format", "json", "--changed-since", "HEAD", "."],
    );
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let paths: Vec<&str> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["b.md", "c.md"]);
    let out = klausul(&dir, &["check", "--changed-since", "no-such-rev", "."]);
    assert_eq!(code(&out), 2);
}

#[test]
fn completions_and_manual_page() {
    let out = klausul(&repo(), &["completions", "bash"]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains("_klausul()"));
    assert!(stdout(&out).contains("--changed-since"));
    let out = klausul(&repo(), &["man"]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains(".TH klausul 1"));
    assert_eq!(code(&klausul(&repo(), &["completions", "tcsh"])), 2);
}
