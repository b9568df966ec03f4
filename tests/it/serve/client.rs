//! A server started for one test (`klausul serve --port 0`, stopped when
//! dropped) and a plain HTTP/1.1 client over `std::net::TcpStream`: the
//! bytes on the wire are the test's own, not a client library's.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// 2025-12-06T00:00:00Z, so the reports for people and the comments carry
/// a known time.
pub const EPOCH: &str = "1764979200";

pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`
    pub host: String,
}

impl Server {
    /// Starts `klausul serve --port 0 ARGS` in `dir` and waits for its URL.
    pub fn start(dir: &Path, args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_klausul"))
            .current_dir(dir)
            .arg("serve")
            .args(["--port", "0"])
            .args(args)
            .env_remove("KLAUSUL_CONFIG")
            .env("LANG", "sv_SE.UTF-8")
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {line:?}"));
        let host = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_owned();
        Self { child, host }
    }

    /// Sends `head` (request line and headers, without the blank line) and
    /// `body`, and reads the whole answer.
    pub fn send(&self, head: &str, body: &[u8]) -> Answer {
        let mut stream = TcpStream::connect(&self.host).unwrap();
        let mut request = format!(
            "{head}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .into_bytes();
        request.extend_from_slice(body);
        // A server that answers before reading the whole body may close the
        // connection while it is written; the answer is still read.
        let _ = stream.write_all(&request);
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        Answer::parse(&raw)
    }

    /// GET `path` with the right `Host`.
    pub fn get(&self, path: &str) -> Answer {
        self.send(&format!("GET {path} HTTP/1.1\r\nHost: {}", self.host), b"")
    }

    /// POSTs the form to `/check` as a browser on this page would.
    pub fn post_form(&self, parts: &[Part<'_>]) -> Answer {
        let origin = format!("http://{}", self.host);
        self.post_form_from(Some(&origin), parts)
    }

    /// POSTs the form with the `Origin` given (or none).
    pub fn post_form_from(&self, origin: Option<&str>, parts: &[Part<'_>]) -> Answer {
        let (content_type, body) = multipart(parts);
        let origin = origin.map_or(String::new(), |o| format!("\r\nOrigin: {o}"));
        self.send(
            &format!(
                "POST /check HTTP/1.1\r\nHost: {}{origin}\r\nContent-Type: {content_type}",
                self.host
            ),
            &body,
        )
    }

    /// Uploads files and follows the redirect to the result: its address
    /// (`/r/ID/`) and its page.
    pub fn check(&self, parts: &[Part<'_>]) -> (String, Answer) {
        let posted = self.post_form(parts);
        assert_eq!(posted.status, 303, "{}", posted.text());
        let at = posted.headers["location"].clone();
        let page = self.get(&at);
        assert_eq!(page.status, 200);
        (at, page)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A part of a form: a field's name, a file name for a file, and bytes.
pub struct Part<'a> {
    pub name: &'a str,
    pub file: Option<&'a str>,
    pub bytes: &'a [u8],
}

impl<'a> Part<'a> {
    pub const fn file(file: &'a str, bytes: &'a [u8]) -> Self {
        Self {
            name: "files",
            file: Some(file),
            bytes,
        }
    }

    pub const fn field(name: &'a str, value: &'a str) -> Self {
        Self {
            name,
            file: None,
            bytes: value.as_bytes(),
        }
    }
}

const BOUNDARY: &str = "klausul-test-boundary-7d1f";

fn multipart(parts: &[Part<'_>]) -> (String, Vec<u8>) {
    let mut body = Vec::new();
    for p in parts {
        let file = p
            .file
            .map_or(String::new(), |f| format!("; filename=\"{f}\""));
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{}\"{file}\r\n\r\n",
                p.name
            )
            .as_bytes(),
        );
        body.extend_from_slice(p.bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={BOUNDARY}"), body)
}

pub struct Answer {
    pub status: u16,
    /// Header names in lower case.
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

impl Answer {
    fn parse(raw: &[u8]) -> Self {
        let end = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("no answer: {:?}", String::from_utf8_lossy(raw)));
        let head = String::from_utf8_lossy(&raw[..end]).into_owned();
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers: HashMap<String, String> = lines
            .filter_map(|l| l.split_once(": "))
            .map(|(k, v)| (k.to_ascii_lowercase(), v.to_owned()))
            .collect();
        let rest = &raw[end + 4..];
        let body = if headers
            .get("transfer-encoding")
            .is_some_and(|t| t == "chunked")
        {
            unchunk(rest)
        } else {
            rest.to_vec()
        };
        Self {
            status,
            headers,
            body,
        }
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn unchunk(mut rest: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = rest.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size = usize::from_str_radix(String::from_utf8_lossy(&rest[..eol]).trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&rest[eol + 2..eol + 2 + size]);
        rest = &rest[eol + 4 + size..];
    }
}
