//! The hostile-input suite, part three: runs that a repository or a
//! supplier's folder can turn against the user (issue 17). A gate that
//! checked nothing, a report written over an input or outside the
//! repository, a file name or a document that injects commands into a CI
//! log or markup into a report, a link to a secret, and suppressions
//! written by the supplier. Each case asserts the exit status, the message,
//! and that a good document beside the hostile one is still reported.

use std::path::Path;
use std::process::{Command, Output};

use super::{repo, scratch};

/// Runs the binary in `dir` in English, with no colour and no configuration
/// named by the environment.
fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_klausul"))
        .current_dir(dir)
        .args(args)
        .env_remove("KLAUSUL_CONFIG")
        .env("LANG", "en_US.UTF-8")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "1000")
        .output()
        .unwrap()
}

/// A fresh folder holding the good document.
fn with_good(name: &str) -> std::path::PathBuf {
    let dir = scratch(&format!("runs-{name}"));
    std::fs::copy(
        repo().join("fixtures/tune/komplett.md"),
        dir.join("good.md"),
    )
    .unwrap();
    dir
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The documents of a JSON report, by path and verdict.
fn verdicts(o: &Output) -> Vec<(String, String)> {
    let report: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)));
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_owned(),
                d["verdict"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn good_passes(o: &Output) {
    assert!(
        verdicts(o).contains(&("good.md".to_owned(), "pass".to_owned())),
        "{:?}",
        verdicts(o)
    );
}

#[test]
fn a_run_that_checks_nothing_does_not_pass() {
    let dir = scratch("runs-empty");
    std::fs::create_dir_all(dir.join("tom")).unwrap();
    let o = run(&dir, &["check", "tom"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("× no document to check in tom"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("--allow-empty"));
    let o = run(&dir, &["check", "--allow-empty", "--format", "json", "tom"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(verdicts(&o).is_empty());
    // Globs that leave nothing of what was found.
    let dir = with_good("include-nothing");
    std::fs::write(dir.join("klausul.toml"), "include = [\"anbud/**\"]\n").unwrap();
    let o = run(&dir, &["check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("× include and exclude leave none of the 1 documents found in ."),
        "{}",
        stderr(&o)
    );
    // Empty lists are the keys left out, not a panic.
    std::fs::write(dir.join("klausul.toml"), "include = []\nexclude = []\n").unwrap();
    let o = run(&dir, &["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    good_passes(&o);
}

#[test]
fn no_changed_document_is_a_pass_with_a_note() {
    let dir = with_good("unchanged");
    let git = |args: &[&str]| {
        let ok = Command::new("git")
            .current_dir(&dir)
            .args(args)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .output()
            .unwrap();
        assert!(
            ok.status.success(),
            "{}",
            String::from_utf8_lossy(&ok.stderr)
        );
    };
    git(&["init", "-q"]);
    git(&["add", "good.md"]);
    git(&["commit", "-q", "-m", "good"]);
    let o = run(&dir, &["check", "--changed-since", "HEAD", "."]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "note: no document changed since HEAD; nothing to check\n"
    );
}

const IS_INPUT: &str =
    "× the output good.md is also an input; it was not written, and the input is left as it was";

#[test]
fn no_output_is_written_over_an_input() {
    let dir = with_good("output-input");
    std::fs::copy(dir.join("good.md"), dir.join("other.md")).unwrap();
    let before = std::fs::read(dir.join("good.md")).unwrap();
    for extra in [
        &["--output", "json=good.md"][..],
        &["--output", "json=./sub/../good.md"],
        &["--write-baseline", "good.md"],
    ] {
        let mut args = vec!["check", "--format", "json", "good.md", "other.md"];
        args.extend(extra);
        let o = run(&dir, &args);
        assert_eq!(o.status.code(), Some(2), "{extra:?}");
        let said = stderr(&o).replace("./sub/../good.md", "good.md");
        assert!(said.contains(IS_INPUT), "{extra:?}: {said}");
        assert_eq!(std::fs::read(dir.join("good.md")).unwrap(), before);
        good_passes(&o);
        assert_eq!(verdicts(&o).len(), 2);
    }
    // The same file under another name: a hard link, or a link to it.
    std::fs::hard_link(dir.join("good.md"), dir.join("same.md")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("good.md"), dir.join("link.json")).unwrap();
    for target in ["json=same.md", "json=link.json"] {
        let o = run(
            &dir,
            &["check", "--format", "json", "--output", target, "good.md"],
        );
        assert_eq!(o.status.code(), Some(2), "{target}");
        assert!(stderr(&o).contains("is also an input"), "{}", stderr(&o));
        assert_eq!(std::fs::read(dir.join("good.md")).unwrap(), before);
        good_passes(&o);
    }
    // And from the configuration.
    std::fs::write(
        dir.join("klausul.toml"),
        "[outputs]\nmarkdown = \"good.md\"\n",
    )
    .unwrap();
    let o = run(&dir, &["check", "--format", "json", "good.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is also an input"), "{}", stderr(&o));
    assert_eq!(std::fs::read(dir.join("good.md")).unwrap(), before);
    good_passes(&o);
}

#[test]
fn a_repositorys_outputs_stay_in_its_folder() {
    let outer = scratch("runs-fence");
    let dir = outer.join("repo");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        repo().join("fixtures/tune/komplett.md"),
        dir.join("good.md"),
    )
    .unwrap();
    std::fs::create_dir_all(outer.join("elsewhere")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outer.join("elsewhere"), dir.join("linked")).unwrap();
    for (target, written) in [
        ("../out.json", outer.join("out.json")),
        ("linked/out.json", outer.join("elsewhere/out.json")),
    ] {
        std::fs::write(
            dir.join("klausul.toml"),
            format!("[outputs]\njson = \"{target}\"\n"),
        )
        .unwrap();
        let o = run(&dir, &["check", "--format", "json", "good.md"]);
        assert_eq!(o.status.code(), Some(2), "{target}");
        let said = stderr(&o);
        assert!(
            said.contains(&format!(
                "× the output {} named in {} lies outside that file's folder {}; it was not written",
                dir.join(target).display(),
                dir.join("klausul.toml").display(),
                dir.display()
            )),
            "{said}"
        );
        assert!(!written.exists(), "{target}");
        good_passes(&o);
        // The user's own choice of configuration is trusted.
        let o = run(&dir, &["--config", "klausul.toml", "check", "good.md"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(written.exists(), "{target}");
    }
    // Inside the folder is fine.
    std::fs::write(
        dir.join("klausul.toml"),
        "[outputs]\njson = \"reports/out.json\"\n",
    )
    .unwrap();
    let o = run(&dir, &["check", "good.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(dir.join("reports/out.json").exists());
}

#[test]
fn the_runs_own_reports_are_not_read_back() {
    let dir = with_good("own-outputs");
    for _ in 0..2 {
        let o = run(
            &dir,
            &[
                "check",
                "--format",
                "json",
                "--output",
                "markdown=rapport.md",
                "--output",
                "csv=matris.csv",
                ".",
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(
            verdicts(&o),
            [("good.md".to_owned(), "pass".to_owned())],
            "{}",
            stderr(&o)
        );
    }
    assert!(dir.join("rapport.md").exists());
}

/// A file name that ends a line and starts a workflow command, with a
/// terminal escape, a bell and a bidi override in it.
const EVIL: &str = "evil\n::error file=x::pwned\u{1b}]0;title\u{7}\u{202e}.md";

/// Whether an output lets anything through raw: a control character other
/// than a line break, a bidi override (but JSON keeps a file's true name,
/// and serde escapes every control character), or a line that starts the
/// injected command.
fn raw(out: &str, json: bool) -> Option<String> {
    if let Some(c) = out.chars().find(|c| {
        (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            || (!json && matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
    }) {
        return Some(format!("{c:?}"));
    }
    out.lines()
        .find(|l| l.starts_with("::error file=x"))
        .map(ToOwned::to_owned)
}

#[cfg(unix)]
#[test]
fn no_name_or_text_injects_into_any_output() {
    let dir = with_good("inject");
    std::fs::write(
        dir.join(EVIL),
        "# Avtal\n\nLeverantören kan följa diskrimineringslagen ![bild](http://e.example/x.png) [klick](http://e.example).\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("=HYPERLINK(1).md"),
        "# Avtal\n\nLeverantören ska följa lagen.\n",
    )
    .unwrap();
    for format in [
        "human", "markdown", "csv", "github", "gitlab", "junit", "html", "json", "sarif",
    ] {
        let o = run(&dir, &["check", "--format", format, "."]);
        assert_eq!(o.status.code(), Some(1), "{format}: {}", stderr(&o));
        let out = String::from_utf8(o.stdout.clone()).unwrap();
        let json = matches!(format, "json" | "sarif" | "gitlab");
        assert_eq!(raw(&out, json), None, "{format}");
        assert_eq!(raw(&stderr(&o), false), None, "{format} on stderr");
        // Annotations name only documents with findings.
        let annotations = matches!(format, "github" | "gitlab");
        assert!(annotations || out.contains("good.md"), "{format}");
        match format {
            "markdown" => {
                assert!(!out.contains("![bild]("), "{out}");
                assert!(!out.contains("[klick]("), "{out}");
                assert!(out.contains(r"!\[bild\](http://e.example/x.png)"), "{out}");
            }
            "csv" => {
                assert!(out.contains("\n'=HYPERLINK(1).md,"), "{out}");
                assert!(out
                    .contains("\nevil ::error file=x::pwned\u{fffd}]0;title\u{fffd}\u{fffd}.md,"));
            }
            "junit" => well_formed_xml(&out),
            _ => {}
        }
    }
}

/// Terminal controls in a document's own text: a screen clear, a title
/// set, a colour, a bell, a C1 control sequence introducer and a bidi
/// override, in the very sentence a finding quotes.
const CONTROLS: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{1b}[32m\u{202e} godkänt \u{9b}31m";

#[test]
fn no_control_in_a_documents_text_reaches_any_output_raw() {
    let dir = with_good("text-controls");
    let good = std::fs::read_to_string(dir.join("good.md")).unwrap();
    let binding = "ska under avtalstiden följa diskrimineringslagen (2008:567)";
    assert!(good.contains(binding), "the fixture changed");
    let weak = format!("ska under avtalstiden beakta diskrimineringslagen (2008:567) {CONTROLS}");
    std::fs::write(dir.join("weak.md"), good.replace(binding, &weak)).unwrap();
    for format in [
        "human", "markdown", "csv", "github", "gitlab", "junit", "html", "json", "sarif",
    ] {
        let o = run(&dir, &["check", "--format", format, "weak.md", "good.md"]);
        assert_eq!(o.status.code(), Some(1), "{format}: {}", stderr(&o));
        let out = String::from_utf8(o.stdout.clone()).unwrap();
        let json = matches!(format, "json" | "sarif" | "gitlab");
        assert_eq!(raw(&out, json), None, "{format}");
        assert_eq!(raw(&stderr(&o), false), None, "{format} on stderr");
    }
    // The human report quotes the sentence, its controls made visible.
    let o = run(&dir, &["check", "weak.md"]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("(2008:567) \u{fffd}[2J\u{fffd}]0;pwned\u{fffd}\u{fffd}[32m\u{fffd} godkänt \u{fffd}31m"),
        "{out}"
    );
    // And in an error's quote of a sheet's cells.
    std::fs::write(dir.join("cells.csv"), format!("Krav{CONTROLS};x\n")).unwrap();
    let o = run(&dir, &["check", "--format", "json", "cells.csv", "good.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(raw(&stderr(&o), false), None, "{}", stderr(&o));
    assert!(stderr(&o).contains("Krav\u{fffd}[2J"), "{}", stderr(&o));
    good_passes(&o);
}

/// The report parses as XML 1.0: every character is one XML allows, and
/// an XML reader gets to the end without an error.
fn well_formed_xml(xml: &str) {
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..);
    assert!(xml.chars().all(allowed), "a character XML does not allow");
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0_i32;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(_) => depth += 1,
            quick_xml::events::Event::End(_) => depth -= 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0);
    // An independent parser, where the machine has one.
    let python = Command::new("python3")
        .args([
            "-c",
            "import sys, xml.etree.ElementTree as E; E.fromstring(sys.stdin.buffer.read())",
        ])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    if let Ok(mut child) = python {
        use std::io::Write as _;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(xml.as_bytes())
            .unwrap();
        let done = child.wait_with_output().unwrap();
        assert!(
            done.status.success(),
            "{}",
            String::from_utf8_lossy(&done.stderr)
        );
    }
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_folder_is_skipped_unless_asked_for() {
    let outer = scratch("runs-links");
    let dir = outer.join("anbud");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        repo().join("fixtures/tune/komplett.md"),
        dir.join("good.md"),
    )
    .unwrap();
    let secret = format!("TOKEN={}\n", "s3cr3t".repeat(40));
    std::fs::write(outer.join("environ"), &secret).unwrap();
    std::os::unix::fs::symlink(outer.join("environ"), dir.join("env.csv")).unwrap();
    // A link inside the folder is read as the file it names.
    std::os::unix::fs::symlink(dir.join("good.md"), dir.join("alias.md")).unwrap();
    let o = run(&outer, &["check", "--format", "json", "anbud"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "note: anbud/env.csv: skipped: the link leads outside the folder walked; pass --follow-links to read it, or name it on the command line\n"
    );
    assert_eq!(verdicts(&o).len(), 2);
    assert!(verdicts(&o).contains(&("anbud/good.md".to_owned(), "pass".to_owned())));
    // Followed when asked for, or named: no more than 80 characters of it
    // are quoted.
    for args in [
        &["check", "--format", "json", "--follow-links", "anbud"][..],
        &[
            "check",
            "--format",
            "json",
            "anbud/env.csv",
            "anbud/good.md",
        ],
    ] {
        let o = run(&outer, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let said = stderr(&o);
        let quoted = format!("csv: TOKEN={}…", &"s3cr3t".repeat(40)[..74]);
        assert!(said.contains(&quoted), "{said}");
        assert!(!said.contains(&"s3cr3t".repeat(14)), "{said}");
        assert!(verdicts(&o).contains(&("anbud/good.md".to_owned(), "pass".to_owned())));
    }
}

#[test]
fn an_unterminated_quote_does_not_fill_the_log() {
    let dir = with_good("unterminated");
    let mut csv = b"Krav;\"".to_vec();
    csv.extend(std::iter::repeat_n(b'x', 4 << 20));
    std::fs::write(dir.join("open.csv"), csv).unwrap();
    let o = run(&dir, &["check", "--format", "json", "open.csv", "good.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stderr.len() < 2000, "{} bytes on stderr", o.stderr.len());
    good_passes(&o);
}

#[test]
fn a_supplier_cannot_suppress_its_own_findings_when_told_not_to() {
    let dir = with_good("inline");
    std::fs::write(
        dir.join("leverantor.md"),
        "# Avtal\n\n<!-- klausul-ignore AD-01: vi vill inte -->\n\nLeverantören ska leverera städtjänster.\n",
    )
    .unwrap();
    let suppressed = |o: &Output| {
        let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        report["documents"][0]["requirements"][0]["suppressed"].is_object()
    };
    let o = run(
        &dir,
        &["check", "--format", "json", "leverantor.md", "good.md"],
    );
    assert!(suppressed(&o));
    for (args, config) in [
        (&["check", "--no-inline-suppressions"][..], ""),
        (&["check"][..], "inline_suppressions = false\n"),
    ] {
        std::fs::write(dir.join("klausul.toml"), config).unwrap();
        let mut args = args.to_vec();
        args.extend(["--format", "json", "leverantor.md", "good.md"]);
        let o = run(&dir, &args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(!suppressed(&o), "{args:?}");
        assert!(
            stderr(&o).contains(
                "warning: leverantor.md: klausul-ignore AD-01 (line 3) was not applied: suppressions written in documents are switched off"
            ),
            "{}",
            stderr(&o)
        );
        good_passes(&o);
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_reported_once() {
    let dir = with_good("full");
    for name in ["b.md", "c.md", "d.md"] {
        std::fs::copy(dir.join("good.md"), dir.join(name)).unwrap();
    }
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    let o = Command::new(env!("CARGO_BIN_EXE_klausul"))
        .current_dir(&dir)
        .args(["check", "."])
        .env_remove("KLAUSUL_CONFIG")
        .env("LANG", "en_US.UTF-8")
        .stdout(full())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: cannot write the report to standard output: No space left on device (os error 28)\n"
    );
}

#[test]
fn a_suppression_file_of_200_000_entries_is_read_in_linear_time() {
    use std::fmt::Write as _;
    let dir = with_good("many-suppressions");
    let mut file = String::with_capacity(25 << 20);
    for i in 0..200_000 {
        let _ = write!(
            file,
            "[[suppress]]\nsha256 = \"{i:064x}\"\nrequirement = \"AD-01\"\nreason = \"r\"\n"
        );
    }
    std::fs::write(dir.join("s.toml"), file).unwrap();
    let started = std::time::Instant::now();
    let o = run(
        &dir,
        &[
            "check",
            "--format",
            "json",
            "--suppressions",
            "s.toml",
            "good.md",
        ],
    );
    // A guard against a hang, not a speed test: counting lines from the top
    // for each entry took hours.
    assert!(started.elapsed() < std::time::Duration::from_secs(120));
    assert_eq!(o.status.code(), Some(0));
    good_passes(&o);
    let said = stderr(&o);
    assert_eq!(said.lines().count(), 200_000);
    assert!(said.lines().last().unwrap().starts_with(
        "warning: s.toml:799999: no checked document has sha256 0000000000000000000000000000000000000000000000000000000000030d3f"
    ), "{}", said.lines().last().unwrap());
}
