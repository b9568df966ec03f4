//! The downloads of a kept result: the whole report as xlsx, JSON and
//! SARIF, and per document the annotated Word copy (as `klausul annotate`
//! makes it) and the suggested clause (as `klausul suggest` does). Each is
//! made when it is asked for, from what the result kept.

use std::path::Path as FilePath;

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::results::Stored;
use super::{not_found, AppState};
use crate::annotate::{annotate, without_own, Options, Stamp};
use crate::document::read_docx;
use crate::input::Input;
use crate::model::output::OutputFormat;
use crate::render::suggest::suggestion;
use crate::run::check_bytes;

/// The author of every comment, as `klausul annotate` writes it: an earlier
/// run's comments are known by it and replaced.
const AUTHOR: &str = "klausul";

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// `report.json`, `report.sarif` or `report.xlsx`.
pub async fn whole(
    State(shared): State<AppState>,
    Path((id, file)): Path<(String, String)>,
) -> Response {
    let (format, kind) = match file.as_str() {
        "report.json" => (OutputFormat::Json, "application/json"),
        "report.sarif" => (OutputFormat::Sarif, "application/sarif+json"),
        "report.xlsx" => (
            OutputFormat::Xlsx,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        _ => return not_found(State(shared)).await,
    };
    let Some(stored) = shared.store.get(&id) else {
        return not_found(State(shared)).await;
    };
    match tokio::task::spawn_blocking(move || stored.render(format)).await {
        Ok(bytes) => attachment(bytes, kind, &file),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// `N/annotated.docx`, `N/suggestion.docx` or `N/suggestion.md` for the
/// Nth document.
pub async fn one(
    State(shared): State<AppState>,
    Path((id, doc, file)): Path<(String, usize, String)>,
) -> Response {
    let Some(stored) = shared.store.get(&id) else {
        return not_found(State(shared)).await;
    };
    if doc >= stored.documents.len() {
        return not_found(State(shared)).await;
    }
    let lang = stored.settings.lang;
    let Ok(permit) = shared.checks.acquire().await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let made = tokio::task::spawn_blocking(move || made(&stored, doc, &file)).await;
    drop(permit);
    match made {
        Ok(Some(Ok((bytes, kind, name)))) => attachment(bytes, kind, &name),
        Ok(Some(Err(problem))) => super::shell::message(
            StatusCode::UNPROCESSABLE_ENTITY,
            lang,
            "serve_profile_error",
            &problem,
        ),
        Ok(None) => not_found(State(shared)).await,
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

type Made = Result<(Vec<u8>, &'static str, String), String>;

/// The file asked for, with its type and its name; `None` for a file this
/// document has none of.
fn made(stored: &Stored, i: usize, file: &str) -> Option<Made> {
    let report = &stored.documents[i];
    let lang = stored.settings.lang;
    let stem = FilePath::new(&report.path)
        .file_stem()
        .map_or_else(|| "dokument".into(), |s| s.to_string_lossy().into_owned());
    let section = || suggestion(report, &stored.profile, lang);
    Some(match file {
        "annotated.docx" => {
            annotated(stored, i).map(|bytes| (bytes, DOCX, format!("{stem}-klausul.docx")))
        }
        "suggestion.docx" => section()
            .docx()
            .map(|bytes| (bytes, DOCX, format!("{stem}-klausul-forslag.docx")))
            .map_err(|e| e.to_string()),
        "suggestion.md" => Ok((
            section().markdown().into_bytes(),
            "text/markdown; charset=utf-8",
            format!("{stem}-klausul-forslag.md"),
        )),
        _ => return None,
    })
}

/// The Word document with its findings as comments, as `klausul annotate`
/// makes it: an earlier run's comments are taken out and the text without
/// them is checked again.
fn annotated(stored: &Stored, i: usize) -> Result<Vec<u8>, String> {
    let settings = stored.settings;
    let lang = settings.lang;
    let Some(bytes) = &stored.words[i] else {
        return Err(crate::model::lang::fill(
            super::shell::word(lang, "annotate_not_docx"),
            &[],
        ));
    };
    let name = &stored.documents[i].path;
    let (bytes, report) = match without_own(bytes, AUTHOR, settings.limits) {
        Ok(None) => (bytes.clone(), stored.documents[i].clone()),
        Ok(Some(clean)) => {
            let contract = move |_: &Input| settings.contract;
            let plan = settings.plan(&stored.profile, &contract);
            let outcome = check_bytes(FilePath::new(name), clean.clone(), &plan);
            (clean, outcome.report)
        }
        Err(e) => return Err(e.describe(lang)),
    };
    let doc = read_docx(&bytes, settings.limits).map_err(|e| e.to_string())?;
    let options = Options {
        lang,
        stamp: Stamp {
            author: AUTHOR.to_owned(),
            date: crate::run::clock::xsd_date_time(),
        },
        track_changes: false,
        force: false,
        limits: settings.limits,
        profile: &stored.profile,
    };
    annotate(&bytes, &doc, &report, &options)
        .map(|a| a.bytes)
        .map_err(|e| e.describe(lang))
}

/// A file to save, under `name`: an ASCII name for old clients and the
/// name itself, percent-encoded, for the rest.
fn attachment(bytes: Vec<u8>, kind: &'static str, name: &str) -> Response {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_') {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
