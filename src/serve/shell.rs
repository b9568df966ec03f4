//! The page around every answer: its head, its style, the short pages that
//! say why something was refused, and the Content-Security-Policy, which
//! allows exactly the inline style and script the page carries, by hash.

use std::fmt::Write as _;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::model::lang::{fill, Lang};
use crate::render::escape::xml;

/// The style of the form and of the short pages; the report keeps its own.
pub const STYLE: &str = "
:root { color: #1a1a1a; background: #fff; font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Arial, sans-serif; }
body { max-width: 48rem; margin: 0 auto; padding: 1rem 1.5rem; }
a { color: #0b4a8b; }
a:focus, button:focus, input:focus, select:focus { outline: 3px solid #0b4a8b; outline-offset: 2px; }
.skip { position: absolute; left: -10000px; }
.skip:focus { position: static; }
label { display: block; font-weight: 600; margin-top: 1rem; }
select, input, button { font: inherit; }
select { min-width: 16rem; padding: 0.25rem; border: 1px solid #6b6b6b; }
.drop { border: 2px dashed #6b6b6b; padding: 1rem; margin-top: 1rem; }
.drop.over { border-color: #0b4a8b; background: #eef4fb; }
.hint { color: #3d3d3d; }
button { margin-top: 1.5rem; padding: 0.5rem 1.5rem; background: #0b4a8b; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
header nav { float: right; }
@media print { .skip, header nav, form { display: none; } }
";

/// The words of catalogue key `key` in `lang`.
pub fn word(lang: Lang, key: &str) -> &'static str {
    lang.template(key).unwrap_or_default()
}

/// A whole page of the server's own: its title, a link to skip to the
/// content, the header and the main part.
pub fn page(lang: Lang, title: &str, header: &str, main: &str, script: &str) -> String {
    let script = if script.is_empty() {
        String::new()
    } else {
        format!("<script>{script}</script>\n")
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">{}</a>\n<header>\n{header}</header>\n<main id=\"main\">\n{main}</main>\n{script}</body>\n</html>\n",
        lang.code(),
        word(lang, "serve_skip"),
    )
}

/// A short page that says what happened, with `{error}` and `{limit}` in
/// its message filled by `value`, and a way back to the form.
pub fn message(status: StatusCode, lang: Lang, key: &str, value: &str) -> Response {
    html(status, message_page(lang, key, value))
}

pub fn message_page(lang: Lang, key: &str, value: &str) -> String {
    let title = match key {
        "serve_too_large_file" | "serve_too_many_files" | "serve_too_large_request" => {
            word(lang, "serve_too_large")
        }
        "serve_refused_host" | "serve_refused_origin" => word(lang, "serve_refused"),
        _ => word(lang, "serve_title"),
    };
    let text = fill(word(lang, key), &[("error", value), ("limit", value)]);
    let main = format!(
        "<h1>{title}</h1>\n<p>{}</p>\n<p><a href=\"/?lang={}\">{}</a></p>\n",
        xml(&text),
        lang.code(),
        word(lang, "serve_back")
    );
    page(lang, title, "", &main, "")
}

/// An HTML answer with a policy that allows its own inline style and
/// script, and nothing from anywhere else.
pub fn html(status: StatusCode, body: String) -> Response {
    let policy = policy(&body);
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&policy) {
        headers.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `default-src 'none'` with a hash for each `<style>` and `<script>` the
/// page holds (written by us, without attributes).
pub fn policy(body: &str) -> String {
    let hashes = |tag: &str| -> String {
        let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
        let mut out = String::new();
        let mut rest = body;
        while let Some(start) = rest.find(&open) {
            let inner = &rest[start + open.len()..];
            let Some(end) = inner.find(&close) else { break };
            let digest = Sha256::digest(&inner.as_bytes()[..end]);
            let b64 = base64::engine::general_purpose::STANDARD.encode(digest);
            let _ = write!(out, " 'sha256-{b64}'");
            rest = &inner[end..];
        }
        out
    };
    let (styles, scripts) = (hashes("style"), hashes("script"));
    let script = if scripts.is_empty() {
        String::new()
    } else {
        format!("; script-src{scripts}")
    };
    format!(
        "default-src 'none'; style-src{styles}{script}; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_policy_hashes_each_inline_style_and_script() {
        // SHA-256 of "a{}" and of "x()", base64, computed with
        // `printf 'a{}' | openssl dgst -sha256 -binary | base64`.
        let policy = super::policy("<style>a{}</style><p>t</p><script>x()</script>");
        assert_eq!(
            policy,
            "default-src 'none'; style-src 'sha256-X1RutGBrXCt9KkSaXMK7tHftWiRscFHOhxsS8tv8hBk='; script-src 'sha256-D6IGS8VMvCoyaR/l0h9tERrBTATY01CoPS7l6xDv0kI='; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        );
    }
}
