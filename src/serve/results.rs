//! Checking an upload: every file through `run::check_bytes`, in parallel,
//! the report rendered by the HTML renderer, and around it the downloads
//! and each requirement's explanation and source. What the downloads need
//! later (the reports, the Word files' bytes) is kept in `Stored`.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use super::shell::word;
use super::upload::Upload;
use super::Options;
use crate::input::Input;
use crate::model::lang::{fill, Lang};
use crate::model::limits::Limits;
use crate::model::output::OutputFormat;
use crate::model::vocab::{ContractType, Severity};
use crate::profile::Profile;
use crate::render::escape::xml;
use crate::render::{renderer, Context, RunInfo, Style};
use crate::report::{DocumentReport, Summary};
use crate::run::{check_bytes, Outcome, Plan};
use crate::source::Format;

/// How a result was checked, so a download checks the same way.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub lang: Lang,
    pub fail_on: Option<Severity>,
    pub limits: Limits,
    pub inline_suppressions: bool,
    pub contract: Option<ContractType>,
}

impl Settings {
    /// A plan for `profile`; `contract` is the closure that says the
    /// contract type the officer chose.
    pub fn plan<'a>(
        &self,
        profile: &'a Profile,
        contract: &'a (dyn Fn(&Input) -> Option<ContractType> + Sync),
    ) -> Plan<'a> {
        let mut plan = Plan::new(profile, self.lang, self.fail_on);
        plan.limits = self.limits;
        plan.inline_suppressions = self.inline_suppressions;
        plan.contract_type = contract;
        plan
    }
}

/// A checked upload, kept for its page and its downloads.
pub struct Stored {
    pub page: String,
    pub settings: Settings,
    pub profile: Arc<Profile>,
    pub time: String,
    pub documents: Vec<DocumentReport>,
    pub summary: Summary,
    /// Each Word document's bytes, for its annotated copy; `None` for others.
    pub words: Vec<Option<Vec<u8>>>,
}

impl Stored {
    /// The upload bytes kept.
    pub fn kept_bytes(&self) -> usize {
        self.words.iter().flatten().map(Vec::len).sum()
    }

    /// The whole report in `format`.
    pub fn render(&self, format: OutputFormat) -> Vec<u8> {
        let run = RunInfo {
            time: self.time.clone(),
            ..RunInfo::default()
        };
        let ctx = Context {
            profile: &self.profile,
            style: Style {
                color: false,
                width: 100,
                lang: self.settings.lang,
            },
            fail_on: self.settings.fail_on,
            run: &run,
        };
        let mut r = renderer(format, ctx);
        let mut out = r.head().into_bytes();
        for doc in &self.documents {
            // Writing to memory cannot fail.
            let _ = r.write_document(doc, &mut out);
        }
        let _ = r.write_tail(&self.summary, &mut out);
        out
    }
}

/// Checks the upload with the profile chosen.
///
/// # Errors
/// The profile file chosen does not load: its error, in words.
pub fn check(
    options: &Options,
    loaded: &[Option<Arc<Profile>>],
    upload: Upload,
) -> Result<Stored, String> {
    let profile = match loaded.get(upload.profile) {
        Some(Some(p)) => p.clone(),
        Some(None) => {
            let source = &options.profiles[upload.profile].source;
            Arc::new(Profile::load(source).map_err(|e| e.to_string())?)
        }
        None => return Err(String::new()),
    };
    let settings = Settings {
        lang: upload.lang,
        fail_on: options.fail_on,
        limits: options.limits,
        inline_suppressions: options.inline_suppressions,
        contract: upload.contract,
    };
    let contract = move |_: &Input| upload.contract;
    let plan = settings.plan(&profile, &contract);
    let outcomes: Vec<(Outcome, Option<Vec<u8>>)> = upload
        .files
        .into_par_iter()
        .map(|(name, bytes)| {
            let word_copy = Format::Docx == crate::source::detect_format(Path::new(&name), &bytes);
            let kept = word_copy.then(|| bytes.clone());
            (check_bytes(Path::new(&name), bytes, &plan), kept)
        })
        .collect();
    let mut summary = Summary::default();
    let (mut documents, mut words) = (Vec::new(), Vec::new());
    for (outcome, kept) in outcomes {
        summary.add(&outcome.report);
        let readable = outcome.error.is_none();
        documents.push(outcome.report);
        words.push(kept.filter(|_| readable));
    }
    let mut stored = Stored {
        page: String::new(),
        settings,
        profile,
        time: (options.time)(),
        documents,
        summary,
        words,
    };
    stored.page = page(&stored);
    Ok(stored)
}

/// Checks and renders a short text once before the server listens, so the
/// first upload does not pay for what is made once: the worker threads, the
/// message catalogues, the reader threads' first allocations.
pub fn warm_up(options: &Options, loaded: &[Option<Arc<Profile>>]) {
    let text = "# Antidiskriminering\n\nLeverantören ska följa diskrimineringslagen (2008:567).\n";
    let upload = Upload {
        files: vec![("warm-up.md".to_owned(), text.as_bytes().to_vec())],
        profile: 0,
        contract: None,
        lang: options.lang,
    };
    if let Ok(stored) = check(options, loaded, upload) {
        let _ = stored.render(OutputFormat::Json);
    }
}

/// The HTML report with the downloads before it and the explanations after.
fn page(stored: &Stored) -> String {
    let report = String::from_utf8_lossy(&stored.render(OutputFormat::Html)).into_owned();
    let main = "<main id=\"main\">\n";
    let (Some(_), Some(close)) = (report.find(main), report.rfind("</main>")) else {
        return report;
    };
    // The overview and the documents first, as in the HTML report.
    format!(
        "{}{}{}{}",
        &report[..close],
        downloads(stored),
        explanations(&stored.profile, stored.settings.lang),
        &report[close..]
    )
}

/// Links to every download, relative to the result's own address
/// (`/r/ID/`).
fn downloads(stored: &Stored) -> String {
    let lang = stored.settings.lang;
    let mut out = format!(
        "<nav aria-labelledby=\"downloads\">\n<h2 id=\"downloads\">{}</h2>\n<ul>\n",
        word(lang, "serve_downloads")
    );
    let mut link = |href: &str, text: &str| {
        let _ = writeln!(out, "<li><a href=\"{href}\">{}</a></li>", xml(text));
    };
    for (i, doc) in stored.documents.iter().enumerate() {
        let name = [("name", doc.path.as_str())];
        if stored.words[i].is_some() {
            link(
                &format!("{i}/annotated.docx"),
                &fill(word(lang, "serve_download_annotated"), &name),
            );
        }
        let findings = doc.requirements.iter().any(|r| r.status.is_finding());
        if doc.error.is_none() && findings {
            link(
                &format!("{i}/suggestion.docx"),
                &fill(word(lang, "serve_download_suggestion_docx"), &name),
            );
            link(
                &format!("{i}/suggestion.md"),
                &fill(word(lang, "serve_download_suggestion_text"), &name),
            );
        }
    }
    link("report.xlsx", word(lang, "serve_download_xlsx"));
    link("report.json", word(lang, "serve_download_json"));
    link("report.sarif", word(lang, "serve_download_sarif"));
    let _ = write!(
        out,
        "</ul>\n<p class=\"meta\">{}</p>\n<p><a href=\"/?lang={}\">{}</a></p>\n</nav>\n",
        word(lang, "serve_kept"),
        lang.code(),
        word(lang, "serve_again")
    );
    out
}

/// Each requirement's explanation and source, as `klausul explain` gives
/// them, folded.
fn explanations(profile: &Profile, lang: Lang) -> String {
    let mut out = format!(
        "<section aria-labelledby=\"explained\">\n<h2 id=\"explained\">{}</h2>\n",
        word(lang, "serve_explained")
    );
    for r in profile.requirements() {
        let _ = write!(
            out,
            "<details id=\"explain-{id}\"><summary>{id} {} — {}</summary>\n<dl>",
            xml(&r.name),
            xml(r.summary.get(lang)),
            id = xml(&r.id),
        );
        for (key, text) in [
            ("serve_requires", &r.explanation.requires),
            ("serve_why", &r.explanation.why),
            ("serve_source", &r.explanation.source),
        ] {
            let _ = write!(
                out,
                "<dt>{}</dt><dd>{}</dd>",
                word(lang, key),
                xml(text.get(lang).trim())
            );
        }
        out.push_str("</dl></details>\n");
    }
    out.push_str("</section>\n");
    out
}
