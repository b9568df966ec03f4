//! `klausul serve`, spoken to over TCP as a browser would. The expected
//! statuses come from the fixtures' `.expect` files; every download is
//! compared byte for byte with what the command line makes of the same
//! file (`check --output`, `annotate`, `suggest`), so the page shows and
//! gives what the CLI does.

mod client;

use std::path::Path;
use std::process::{Command, Stdio};

use client::{Part, Server, EPOCH};
use serde_json::Value;

use super::{repo, scratch};

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(repo().join("fixtures").join(path)).unwrap()
}

/// `(id, status)` per line of a fixture's `.expect` file.
fn expected(path: &str) -> Vec<(String, String)> {
    std::fs::read_to_string(repo().join("fixtures").join(path))
        .unwrap()
        .lines()
        .map(|l| {
            let (id, status) = l.split_once(' ').unwrap();
            (id.to_owned(), status.to_owned())
        })
        .collect()
}

fn statuses(doc: &Value) -> Vec<(String, String)> {
    doc["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_owned(),
                r["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The command line run in `dir` as the server runs (Swedish, the same
/// time), with its output.
fn cli(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_klausul"))
        .current_dir(dir)
        .args(args)
        .env_remove("KLAUSUL_CONFIG")
        .env("LANG", "sv_SE.UTF-8")
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn a_good_and_a_weak_word_document_get_their_statuses_and_the_clis_reports() {
    let dir = scratch("serve-statuses");
    let (good, weak) = (
        fixture("office/hemtjanst.docx"),
        fixture("office/consulting.docx"),
    );
    std::fs::write(dir.join("hemtjanst.docx"), &good).unwrap();
    std::fs::write(dir.join("consulting.docx"), &weak).unwrap();
    let server = Server::start(&dir, &[]);
    let (at, page) = server.check(&[
        Part::file("hemtjanst.docx", &good),
        Part::file("consulting.docx", &weak),
        Part::field("lang", "sv"),
    ]);
    let html = page.text();
    assert!(html.contains("<h2 id=\"d1\">hemtjanst.docx</h2>"), "{html}");
    assert!(html.contains("<h2 id=\"d2\">consulting.docx</h2>"));
    // The overview stands before the documents when there are several.
    assert!(html.find("id=\"overview\"").unwrap() < html.find("id=\"d1\"").unwrap());
    // Each requirement is explained, with its source.
    assert!(html.contains("<details id=\"explain-AD-07\">"));
    assert_eq!(html.matches("<dt>Källa</dt>").count(), 13);
    let json = server.get(&format!("{at}report.json"));
    assert_eq!(json.status, 200);
    assert_eq!(json.headers["content-type"], "application/json");
    let report: Value = serde_json::from_slice(&json.body).unwrap();
    let docs = report["documents"].as_array().unwrap();
    assert_eq!(statuses(&docs[0]), expected("office/hemtjanst.expect"));
    assert_eq!(statuses(&docs[1]), expected("office/consulting.expect"));
    for (format, file) in [
        ("json", "report.json"),
        ("sarif", "report.sarif"),
        ("xlsx", "report.xlsx"),
    ] {
        let out = dir.join(format!("cli.{format}"));
        let spec = format!("{format}={}", out.display());
        let run = cli(
            &dir,
            &[
                "check",
                "--output",
                &spec,
                "hemtjanst.docx",
                "consulting.docx",
            ],
        );
        assert_eq!(
            run.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let download = server.get(&format!("{at}{file}"));
        assert_eq!(download.status, 200);
        assert!(download.headers["content-disposition"].starts_with("attachment; filename=\""));
        assert!(
            download.body == std::fs::read(&out).unwrap(),
            "{format} differs from the CLI's"
        );
    }
}

#[test]
fn the_annotated_copy_and_the_suggested_clause_are_the_clis() {
    let dir = scratch("serve-downloads");
    let weak = fixture("office/consulting.docx");
    std::fs::write(dir.join("consulting.docx"), &weak).unwrap();
    let server = Server::start(&dir, &[]);
    let (at, page) = server.check(&[Part::file("consulting.docx", &weak)]);
    assert!(page
        .text()
        .contains("<a href=\"0/annotated.docx\">consulting.docx med kommentarer (Word)</a>"));
    let annotated = server.get(&format!("{at}0/annotated.docx"));
    assert_eq!(annotated.status, 200);
    assert_eq!(
        annotated.headers["content-type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert_eq!(
        annotated.headers["content-disposition"],
        "attachment; filename=\"consulting-klausul.docx\"; filename*=UTF-8''consulting-klausul.docx"
    );
    let run = cli(&dir, &["annotate", "consulting.docx", "-o", "cli.docx"]);
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(annotated.body == std::fs::read(dir.join("cli.docx")).unwrap());
    for (format, file) in [("docx", "suggestion.docx"), ("markdown", "suggestion.md")] {
        let run = cli(
            &dir,
            &[
                "suggest",
                "consulting.docx",
                "--format",
                format,
                "--output",
                "s.out",
            ],
        );
        assert_eq!(
            run.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let download = server.get(&format!("{at}0/{file}"));
        assert_eq!(download.status, 200);
        assert!(
            download.body == std::fs::read(dir.join("s.out")).unwrap(),
            "{file}"
        );
    }
    // A document that is not there, and a file no document has.
    assert_eq!(server.get(&format!("{at}1/annotated.docx")).status, 404);
    assert_eq!(server.get(&format!("{at}0/other.docx")).status, 404);
}

#[test]
fn every_answer_says_nosniff_same_origin_and_a_policy_with_the_pages_own_hashes() {
    use base64::Engine as _;
    use sha2::Digest as _;
    let dir = scratch("serve-headers");
    let server = Server::start(&dir, &[]);
    let page = server.get("/");
    assert_eq!(page.status, 200);
    let html = page.text();
    let inner = |tag: &str| {
        let start = html.find(&format!("<{tag}>")).unwrap() + tag.len() + 2;
        let end = html.find(&format!("</{tag}>")).unwrap();
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(&html[start..end]))
    };
    assert_eq!(
        page.headers["content-security-policy"],
        format!(
            "default-src 'none'; style-src 'sha256-{}'; script-src 'sha256-{}'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            inner("style"),
            inner("script")
        )
    );
    for answer in [page, server.get("/no/such/page")] {
        assert_eq!(answer.headers["x-content-type-options"], "nosniff");
        assert_eq!(answer.headers["referrer-policy"], "same-origin");
    }
    // The form works without the script: a plain multipart form to /check.
    assert!(
        html.contains("<form method=\"post\" action=\"/check\" enctype=\"multipart/form-data\">")
    );
    assert!(html.contains("<input type=\"file\" id=\"files\" name=\"files\" multiple required"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "nothing from the network"
    );
}

#[test]
fn a_foreign_host_or_origin_is_refused_and_nothing_is_checked() {
    let dir = scratch("serve-foreign");
    let server = Server::start(&dir, &[]);
    let port = server.host.rsplit(':').next().unwrap().to_owned();
    for host in [
        format!("evil.example:{port}"),
        "127.0.0.1:1".to_owned(),
        "localhost".to_owned(),
    ] {
        let answer = server.send(&format!("GET / HTTP/1.1\r\nHost: {host}"), b"");
        assert_eq!(answer.status, 403, "{host}");
        assert!(answer
            .text()
            .contains("Servern svarar bara på adresser på den här datorn."));
    }
    assert_eq!(
        server
            .send(&format!("GET / HTTP/1.1\r\nHost: localhost:{port}"), b"")
            .status,
        200
    );
    let text = b"Leverant\xc3\xb6ren ska f\xc3\xb6lja diskrimineringslagen.";
    let files = [Part::file("a.md", text)];
    for origin in [
        Some("http://evil.example"),
        Some("null"),
        None,
        Some(&*format!("http://localhost:{port}")),
    ] {
        let answer = server.post_form_from(origin, &files);
        assert_eq!(answer.status, 403, "{origin:?}");
        assert!(answer
            .text()
            .contains("Formuläret kom inte från den här sidan och granskades inte."));
        assert!(!answer.headers.contains_key("location"));
    }
    assert_eq!(server.post_form(&files).status, 303);
}

#[test]
fn over_a_limit_the_answer_is_the_413_page_and_the_server_goes_on() {
    let dir = scratch("serve-limits");
    std::fs::write(
        dir.join("klausul.toml"),
        "[serve]\nfile_mb = 1\nfiles = 2\nrequest_mb = 3\n",
    )
    .unwrap();
    let server = Server::start(&dir, &[]);
    let small = b"Leverant\xc3\xb6ren ska f\xc3\xb6lja diskrimineringslagen.";
    let big = vec![b'a'; 1024 * 1024 + 1];
    let cases: [(&[Part<'_>], &str); 2] = [
        (&[Part::file("big.txt", &big)], "En fil är större än 1 MB."),
        (
            &[
                Part::file("a.md", small),
                Part::file("b.md", small),
                Part::file("c.md", small),
            ],
            "Högst 2 filer kan granskas på en gång.",
        ),
    ];
    for (parts, said) in cases {
        let answer = server.post_form(parts);
        assert_eq!(answer.status, 413);
        let text = answer.text();
        assert!(
            text.contains("<h1>Uppladdningen är för stor</h1>"),
            "{text}"
        );
        assert!(text.contains(said), "{text}");
    }
    assert_eq!(server.post_form(&[Part::file("a.md", small)]).status, 303);
}

#[test]
fn an_upload_over_the_request_limit_gets_the_413_page() {
    let dir = scratch("serve-request-limit");
    std::fs::write(
        dir.join("klausul.toml"),
        "[serve]\nfile_mb = 2\nrequest_mb = 3\n",
    )
    .unwrap();
    let server = Server::start(&dir, &[]);
    // Two files within their limit, 3.8 MB in all.
    let part = vec![b'a'; 1900 * 1024];
    let answer = server.post_form(&[Part::file("a.txt", &part), Part::file("b.txt", &part)]);
    assert_eq!(answer.status, 413);
    assert!(answer
        .text()
        .contains("Uppladdningen är större än 3 MB sammanlagt."));
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn a_hostile_upload_gets_the_clis_named_error_and_the_server_keeps_serving() {
    let dir = scratch("serve-hostile");
    let cases = [
        ("bomb.pdf", super::hostile_files::pdf_stream_bomb(1 << 30)),
        ("far.xlsx", super::hostile_files::xlsx_past_xfd()),
    ];
    let good = fixture("office/hemtjanst.docx");
    std::fs::write(dir.join("hemtjanst.docx"), &good).unwrap();
    let server = Server::start(&dir, &[]);
    for (name, bytes) in &cases {
        std::fs::write(dir.join(name), bytes).unwrap();
        let (at, _) = server.check(&[Part::file(name, bytes), Part::file("hemtjanst.docx", &good)]);
        let from_server: Value =
            serde_json::from_slice(&server.get(&format!("{at}report.json")).body).unwrap();
        let run = cli(&dir, &["check", "--format", "json", name, "hemtjanst.docx"]);
        assert_eq!(run.status.code(), Some(2), "{name}");
        let by_cli: Value = serde_json::from_slice(&run.stdout).unwrap();
        assert_eq!(from_server["documents"][0]["verdict"], "error", "{name}");
        assert_eq!(
            from_server["documents"][0], by_cli["documents"][0],
            "{name}"
        );
        // The good document beside it is still reported.
        assert_eq!(
            statuses(&from_server["documents"][1]),
            expected("office/hemtjanst.expect")
        );
    }
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn an_address_other_computers_reach_needs_allow_remote() {
    let dir = scratch("serve-remote");
    let run = cli(&dir, &["serve", "--bind", "0.0.0.0", "--port", "0"]);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&run.stderr),
        "error: --bind 0.0.0.0 är inte den här datorn; lägg till --allow-remote om det är avsikten\n"
    );
}

#[test]
fn a_taken_port_is_replaced_by_a_free_one_and_said() {
    let dir = scratch("serve-port");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_klausul"))
        .current_dir(&dir)
        .args(["serve", "--port", &port])
        .env_remove("KLAUSUL_CONFIG")
        .env("LANG", "sv_SE.UTF-8")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut said = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut said,
    )
    .unwrap();
    let _ = child.kill();
    let out = child.wait_with_output().unwrap();
    let used = said
        .split("127.0.0.1:")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    assert_ne!(used, port);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("note: port {port} är upptagen; servern använder port {used} i stället\n")
    );
    assert_eq!(
        said,
        format!("klausul serve: öppna http://127.0.0.1:{used}/ i webbläsaren (Ctrl-C stänger servern)\n")
    );
}

/// A buyer's visit in Debian's Chromium (`tests/browser/serve.mjs`): the
/// statuses shown for a good and a weak Word document dropped on the page,
/// the annotated copy downloaded and read back by Python, the language
/// switch, axe-core on every page, the 413 page, and a foreign Host and
/// Origin refused. `.ci/run` installs Chromium and the npm packages.
#[test]
#[ignore = "needs /usr/bin/chromium and tests/browser/node_modules; .ci/run runs it"]
fn a_buyer_checks_documents_in_the_browser() {
    let dir = scratch("serve-browser");
    std::fs::write(dir.join("klausul.toml"), "[serve]\nfile_mb = 1\n").unwrap();
    std::fs::write(dir.join("stor.txt"), vec![b'a'; 1024 * 1024 + 1]).unwrap();
    let (good, weak) = (
        repo().join("fixtures/office/hemtjanst.docx"),
        repo().join("fixtures/office/consulting.docx"),
    );
    let server = Server::start(&dir, &[]);
    let run = Command::new("node")
        .arg(repo().join("tests/browser/serve.mjs"))
        .arg(format!("http://{}/", server.host))
        .args([&good, &weak, &dir.join("stor.txt"), &dir])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{said}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let v: Value = serde_json::from_str(said.trim()).unwrap();
    what_the_buyer_saw(&v);
    // The copy holds a comment by klausul for each weak and missing
    // requirement, read back by Python's zipfile and xml.etree.
    let python = std::env::var("KLAUSUL_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let read = Command::new(python)
        .arg(repo().join("tests/word/verify.py"))
        .arg("docx")
        .args([&weak, &dir.join("annotated.docx")])
        .output()
        .unwrap();
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    let copy: Value = serde_json::from_slice(&read.stdout).unwrap();
    let ours = copy["comments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["author"] == "klausul")
        .count();
    let findings = expected("office/consulting.expect")
        .iter()
        .filter(|(_, s)| s == "weak" || s == "missing")
        .count();
    assert_eq!((ours, findings), (7, 7));
}

#[test]
fn the_upload_limits_are_read_from_serve_in_the_configuration() {
    use klausul::config::{Config, ServeLimits};
    const MB: u64 = 1024 * 1024;
    let parse = |text: &str| Config::parse(Path::new("klausul.toml"), text, None);
    assert_eq!(
        parse("").unwrap().serve.value,
        ServeLimits {
            file_bytes: 50 * MB,
            files: 20,
            request_bytes: 200 * MB
        }
    );
    assert_eq!(
        parse("[serve]\nfile_mb = 3\nfiles = 4\nrequest_mb = 5\n")
            .unwrap()
            .serve
            .value,
        ServeLimits {
            file_bytes: 3 * MB,
            files: 4,
            request_bytes: 5 * MB
        }
    );
    let unknown = parse("[serve]\nfile_gb = 1\n").unwrap_err();
    assert!(format!("{:?}", unknown.problems).contains("unknown field `file_gb`"));
}

/// The statuses, pages and refusals `serve.mjs` reports, against the
/// fixtures' `.expect` files and the catalogues' words.
fn what_the_buyer_saw(v: &Value) {
    let none = serde_json::json!([]);
    for key in [
        "formViolations",
        "switchedAxe",
        "resultViolations",
        "overAxe",
        "foreignRequests",
        "refusedByPolicy",
    ] {
        assert_eq!(v[key], none, "{key}");
    }
    assert_eq!(v["formLang"], "sv");
    assert_eq!(v["firstTab"], "skip");
    assert_eq!(v["switchedLang"], "en");
    assert_eq!(v["switchedTitle"], "Check procurement documents");
    assert_eq!(v["backLang"], "sv");
    assert_eq!(v["chosen"], "2 filer valda");
    for (name, expect) in [
        ("hemtjanst.docx", "office/hemtjanst.expect"),
        ("consulting.docx", "office/consulting.expect"),
    ] {
        let shown: Vec<(String, String)> =
            serde_json::from_value(v["statuses"][name].clone()).unwrap();
        assert_eq!(shown, expected(expect), "{name}");
    }
    assert_eq!(v["downloadName"], "consulting-klausul.docx");
    assert_eq!(v["overStatus"], 413);
    assert_eq!(v["overTitle"], "Uppladdningen är för stor");
    assert_eq!(v["overText"], "En fil är större än 1 MB.");
    assert_eq!(v["foreignHostStatus"], 403);
    assert_eq!(
        v["foreignHostText"],
        "Servern svarar bara på adresser på den här datorn."
    );
    assert_eq!(v["foreignOriginStatus"], 403);
    assert_eq!(
        v["foreignOriginText"],
        "Formuläret kom inte från den här sidan och granskades inte."
    );
}

#[test]
fn allow_remote_on_loopback_keeps_the_host_check() {
    let dir = scratch("serve-remote-loopback");
    let server = Server::start(&dir, &["--allow-remote"]);
    let port = server.host.rsplit(':').next().unwrap().to_owned();
    let answer = server.send(&format!("GET / HTTP/1.1\r\nHost: evil.example:{port}"), b"");
    assert_eq!(answer.status, 403);
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn an_unknown_result_is_not_found() {
    let dir = scratch("serve-unknown");
    let server = Server::start(&dir, &[]);
    for path in [
        "/r/00000000000000000000000000000000/",
        "/r/00000000000000000000000000000000/report.json",
    ] {
        let answer = server.get(path);
        assert_eq!(answer.status, 404, "{path}");
        assert!(answer
            .text()
            .contains("Sidan finns inte, eller så har resultatet tagits bort efter 30 minuter."));
    }
}
