//! Reading an upload within the `[serve]` limits. Over a limit the rest of
//! the body is read and dropped, up to twice the request limit, so the
//! browser gets the 413 page rather than a dropped connection. The files
//! stay in memory; nothing is written to disk.

use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{header, StatusCode};
use axum::response::Response;
use http_body_util::BodyExt as _;

use super::shell;
use crate::config::ServeLimits;
use crate::model::lang::Lang;
use crate::model::vocab::ContractType;

/// A file name is cut to this many characters.
const NAME_CHARS: usize = 120;
/// A choice in the form (profile, contract type, language) is short.
const CHOICE_BYTES: usize = 64;

/// What the form sent.
pub struct Upload {
    /// (name, bytes) in the order sent.
    pub files: Vec<(String, Vec<u8>)>,
    /// The index of the profile among those offered.
    pub profile: usize,
    pub contract: Option<ContractType>,
    pub lang: Lang,
}

/// Why an upload was not read.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    FileTooLarge,
    TooManyFiles,
    RequestTooLarge,
    NoFiles,
    Malformed,
}

impl Refusal {
    pub fn page(&self, lang: Lang, limits: &ServeLimits) -> Response {
        let mb = |b: u64| (b / (1024 * 1024)).to_string();
        let (status, key, value) = match self {
            Self::FileTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "serve_too_large_file",
                mb(limits.file_bytes),
            ),
            Self::TooManyFiles => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "serve_too_many_files",
                limits.files.to_string(),
            ),
            Self::RequestTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "serve_too_large_request",
                mb(limits.request_bytes),
            ),
            Self::NoFiles => (StatusCode::BAD_REQUEST, "serve_no_files", String::new()),
            Self::Malformed => (StatusCode::BAD_REQUEST, "serve_bad_form", String::new()),
        };
        shell::message(status, lang, key, &value)
    }
}

/// Reads the form.
///
/// # Errors
/// An upload over a limit, with no file, or not a form.
pub async fn read(request: Request, limits: ServeLimits) -> Result<Upload, Refusal> {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limits.request_bytes) {
        drain(request.into_body(), limits.request_bytes.saturating_mul(2)).await;
        return Err(Refusal::RequestTooLarge);
    }
    let mut form = Multipart::from_request(request, &())
        .await
        .map_err(|_| Refusal::Malformed)?;
    let mut reading = Reading {
        limits,
        seen: 0,
        upload: Upload {
            files: Vec::new(),
            profile: 0,
            contract: None,
            lang: Lang::Sv,
        },
    };
    match reading.fields(&mut form).await {
        Ok(()) if reading.upload.files.is_empty() => Err(Refusal::NoFiles),
        Ok(()) => Ok(reading.upload),
        Err(Refusal::Malformed) => Err(Refusal::Malformed),
        Err(over) => {
            // The rest of the body, read and dropped up to twice the limit.
            let allowed = limits.request_bytes.saturating_mul(2);
            while reading.seen < allowed {
                match form.next_field().await {
                    Ok(Some(mut field)) => {
                        while let Ok(Some(chunk)) = field.chunk().await {
                            reading.seen += chunk.len() as u64;
                            if reading.seen >= allowed {
                                break;
                            }
                        }
                    }
                    _ => break,
                }
            }
            Err(over)
        }
    }
}

/// Reads and drops a body up to `allowed` bytes.
async fn drain(mut body: axum::body::Body, allowed: u64) {
    let mut seen = 0u64;
    while seen < allowed {
        match body.frame().await {
            Some(Ok(frame)) => {
                seen += frame.data_ref().map_or(0, |d| d.len() as u64);
            }
            _ => break,
        }
    }
}

/// The form as it is read, with the bytes seen so far.
struct Reading {
    limits: ServeLimits,
    seen: u64,
    upload: Upload,
}

impl Reading {
    async fn fields(&mut self, form: &mut Multipart) -> Result<(), Refusal> {
        while let Some(mut field) = form.next_field().await.map_err(|_| Refusal::Malformed)? {
            let name = field.name().unwrap_or_default().to_owned();
            let file_name = field.file_name().map(str::to_owned);
            let is_file = name == "files";
            let cap = if is_file {
                self.limits.file_bytes
            } else {
                CHOICE_BYTES as u64
            };
            let mut bytes = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(|_| Refusal::Malformed)? {
                self.seen += chunk.len() as u64;
                if self.seen > self.limits.request_bytes {
                    return Err(Refusal::RequestTooLarge);
                }
                if (bytes.len() + chunk.len()) as u64 > cap {
                    return Err(if is_file {
                        Refusal::FileTooLarge
                    } else {
                        Refusal::Malformed
                    });
                }
                bytes.extend_from_slice(&chunk);
            }
            self.take(&name, file_name.as_deref(), bytes)?;
        }
        Ok(())
    }

    fn take(&mut self, name: &str, file_name: Option<&str>, bytes: Vec<u8>) -> Result<(), Refusal> {
        let text = || String::from_utf8_lossy(&bytes).trim().to_owned();
        match name {
            // A file input with nothing chosen sends an empty, nameless part.
            "files" if bytes.is_empty() && file_name.is_none_or(str::is_empty) => {}
            "files" => {
                if self.upload.files.len() >= self.limits.files {
                    return Err(Refusal::TooManyFiles);
                }
                let shown = shown_name(file_name.unwrap_or_default());
                self.upload.files.push((shown, bytes));
            }
            "profile" => self.upload.profile = text().parse().map_err(|_| Refusal::Malformed)?,
            "contract" => self.upload.contract = ContractType::parse(&text()),
            "lang" => self.upload.lang = Lang::parse(&text()).unwrap_or_default(),
            _ => {}
        }
        Ok(())
    }
}

/// An uploaded file's name as the report shows it: the last part of the
/// path a browser or a script sent, without control characters, cut to
/// `NAME_CHARS`. The report's renderers escape it further for their syntax.
pub fn shown_name(sent: &str) -> String {
    let last = sent.rsplit(['/', '\\']).next().unwrap_or_default();
    let name: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '\u{200E}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .take(NAME_CHARS)
        .collect();
    let name = name.trim();
    if name.is_empty() || name == "." || name == ".." {
        "dokument".to_owned()
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::shown_name;

    #[test]
    fn a_sent_name_keeps_only_its_last_part_and_no_control_characters() {
        assert_eq!(shown_name("avtal.docx"), "avtal.docx");
        assert_eq!(shown_name("../../etc/passwd"), "passwd");
        assert_eq!(shown_name("C:\\Users\\x\\anbud.pdf"), "anbud.pdf");
        assert_eq!(shown_name("a\n::error ::x.md"), "a::error ::x.md");
        assert_eq!(shown_name("\u{1b}[2Jfil\u{202E}txt.md"), "[2Jfiltxt.md");
        assert_eq!(shown_name(".."), "dokument");
        assert_eq!(shown_name(""), "dokument");
    }
}
