//! Server time of `klausul serve` for a Word document of about 100 KB: from
//! the upload's first byte sent to the answer's last byte read, over
//! loopback, for the first upload after the server starts and for the ones
//! after it. Run: `cargo bench --bench serve` (the binary is the release
//! one; `KLAUSUL_BIN` names another).
//!
//! The document is the hemtjanst fixture's text followed by numbered
//! paragraphs of varied Swedish words, so it compresses as a real tender
//! does.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 30;
const TARGET_BYTES: usize = 100 * 1024;

fn main() {
    let docx = document();
    let bin =
        std::env::var("KLAUSUL_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_klausul").to_owned());
    let mut server = Command::new(bin)
        .args(["serve", "--port", "0"])
        .env_remove("KLAUSUL_CONFIG")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("klausul runs");
    let mut line = String::new();
    BufReader::new(server.stdout.take().expect("piped"))
        .read_line(&mut line)
        .expect("the server says its address");
    let host = line
        .split_whitespace()
        .find_map(|w| w.strip_prefix("http://"))
        .expect("an address")
        .trim_end_matches('/')
        .to_owned();
    let times: Vec<Duration> = (0..=RUNS).map(|_| upload(&host, &docx)).collect();
    let _ = server.kill();
    let _ = server.wait();
    let (first, rest) = times.split_first().expect("runs");
    let mut rest = rest.to_vec();
    rest.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "serve: a {} KB DOCX: first upload {:.1} ms; the next {RUNS}: median {:.1} ms, slowest {:.1} ms",
        docx.len() / 1024,
        ms(*first),
        ms(rest[rest.len() / 2]),
        ms(rest[rest.len() - 1])
    );
}

/// Posts the document as the form does and reads the whole answer (the
/// redirect to the result, which is made before it is sent).
fn upload(host: &str, docx: &[u8]) -> Duration {
    let boundary = "klausul-bench-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"anbud.docx\"\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(docx);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let mut request = format!(
        "POST /check HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(&body);
    let mut stream = TcpStream::connect(host).expect("the server answers");
    let start = Instant::now();
    stream.write_all(&request).expect("the upload is sent");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).expect("the answer is read");
    let took = start.elapsed();
    assert!(
        answer.starts_with(b"HTTP/1.1 303"),
        "{}",
        String::from_utf8_lossy(&answer)
    );
    took
}

/// A Word package of about `TARGET_BYTES`.
fn document() -> Vec<u8> {
    let fixture = std::fs::read("fixtures/office/hemtjanst.docx").expect("run from the repository");
    let mut source = zip::ZipArchive::new(std::io::Cursor::new(fixture)).expect("a zip");
    let mut xml = String::new();
    source
        .by_name("word/document.xml")
        .expect("a document part")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    let end = xml
        .rfind("<w:sectPr")
        .or_else(|| xml.rfind("</w:body>"))
        .expect("a body");
    let mut words = Words(0x2545_f491);
    let mut n = 0;
    let mut extra = String::new();
    loop {
        for _ in 0..200 {
            n += 1;
            let _ = write!(extra, "<w:p><w:r><w:t>{n}. ");
            for _ in 0..24 {
                extra.push_str(words.next_word());
                extra.push(' ');
            }
            extra.push_str("</w:t></w:r></w:p>");
        }
        let bytes = repack(
            &mut source,
            &format!("{}{extra}{}", &xml[..end], &xml[end..]),
        );
        if bytes.len() >= TARGET_BYTES {
            return bytes;
        }
    }
}

/// Words of a tender in an order of their own (xorshift), so the text
/// compresses as prose does rather than as a repeated line.
struct Words(u32);

impl Words {
    const ALL: [&'static str; 30] = [
        "leverantören",
        "ska",
        "utföra",
        "uppdraget",
        "enligt",
        "avtalet",
        "beställaren",
        "tjänsten",
        "omfattar",
        "hemtjänst",
        "personal",
        "kvalitet",
        "rapportering",
        "månadsvis",
        "priset",
        "inklusive",
        "moms",
        "fakturering",
        "sker",
        "varje",
        "kvartal",
        "uppföljning",
        "möte",
        "dokumentation",
        "arbetsmiljö",
        "säkerhet",
        "utbildning",
        "brukare",
        "insatser",
        "dygnet",
    ];

    fn next_word(&mut self) -> &'static str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        Self::ALL[self.0 as usize % Self::ALL.len()]
    }
}

/// The fixture's parts with `document.xml` replaced.
fn repack(source: &mut zip::ZipArchive<std::io::Cursor<Vec<u8>>>, xml: &str) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for i in 0..source.len() {
        let mut part = source.by_index(i).expect("a part");
        let name = part.name().expect("a name").into_owned();
        let mut data = Vec::new();
        part.read_to_end(&mut data).expect("readable");
        out.start_file(&name, options).expect("writable");
        if name == "word/document.xml" {
            out.write_all(xml.as_bytes()).expect("writable");
        } else {
            out.write_all(&data).expect("writable");
        }
    }
    out.finish().expect("a zip").into_inner()
}
