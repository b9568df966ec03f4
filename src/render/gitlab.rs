//! GitLab Code Quality: a JSON array of issues, one per weak or missing
//! requirement, with a fingerprint that survives unrelated edits.

use serde_json::json;

use super::json::nested;
use super::words::{hidden_mark, row_place, skip_reason};
use super::{Context, Renderer};
use crate::model::vocab::Severity;
use crate::report::fingerprint;
use crate::report::{DocumentReport, ProfileRef, Summary, Tool};

pub struct Gitlab<'p> {
    ctx: Context<'p>,
    first: bool,
}

impl<'p> Gitlab<'p> {
    #[must_use]
    pub const fn new(ctx: Context<'p>) -> Self {
        Self { ctx, first: true }
    }

    fn issue(&mut self, value: &serde_json::Value) -> String {
        let comma = if std::mem::replace(&mut self.first, false) {
            ""
        } else {
            ","
        };
        format!("{comma}\n  {}", nested(value, 1).unwrap_or_default())
    }
}

const fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

impl Renderer for Gitlab<'_> {
    fn head(&mut self) -> String {
        "[".to_owned()
    }

    fn document(&mut self, doc: &DocumentReport) -> String {
        let tool = Tool::this();
        let run = json!({
            "version": tool.version,
            "profile": ProfileRef::of(self.ctx.profile),
            "sha256": doc.sha256,
        });
        if let Some(error) = &doc.error {
            let value = json!({
                "description": error,
                "check_name": "klausul-input",
                "fingerprint": crate::source::sha256_hex(&[doc.path.as_bytes(), b"\0input"]),
                "severity": "blocker",
                "location": { "path": doc.path, "lines": { "begin": 1 } },
                "klausul": run,
            });
            return self.issue(&value);
        }
        let mut out = String::new();
        for r in doc
            .requirements
            .iter()
            .filter(|r| r.status.is_finding() && r.suppressed.is_none() && !r.baselined)
        {
            let line = r.locations.first().map_or(1, |l| l.line);
            // Word and OpenDocument: where a reader of the file finds it.
            let place = r
                .locations
                .first()
                .and_then(|l| super::place::word_place(l, self.ctx.lang()))
                .map_or(String::new(), |p| format!(" [{p}]"));
            let value = json!({
                "description": format!("{} {} ({}): {}{}{place}", r.id, r.name, r.status.name(), r.message, hidden_mark(self.ctx.lang(), r.locations.first().is_some_and(|l| l.hidden_sheet))),
                "check_name": r.id,
                "fingerprint": fingerprint::of(doc, r),
                "severity": severity(r.severity),
                "location": { "path": doc.path, "lines": { "begin": line } },
                "klausul": run,
            });
            out.push_str(&self.issue(&value));
        }
        for row in doc.rows.iter().filter(|r| r.suppressed.is_none()) {
            let Some(s) = row.status.severity() else {
                continue;
            };
            let value = json!({
                "description": format!("{} {} {} ({}): {}", self.ctx.profile.register_rule.id, row_place(row, self.ctx.lang()), row.contract.as_deref().unwrap_or("–"), row.status.name(), row.problems()),
                "check_name": self.ctx.profile.register_rule.id,
                "fingerprint": crate::source::sha256_hex(&[doc.path.as_bytes(), b"\0", row.sheet.as_bytes(), b"\0", row.contract.as_deref().unwrap_or("").as_bytes(), b"\0", row.status.name().as_bytes()])[..32].to_owned(),
                "severity": severity(s),
                "location": { "path": doc.path, "lines": { "begin": row.row } },
                "klausul": run,
            });
            out.push_str(&self.issue(&value));
        }
        out
    }

    /// An `info` issue for each file the walk did not check, then the end.
    fn tail(&mut self, _summary: &Summary) -> String {
        let lang = self.ctx.lang();
        let mut out = String::new();
        for s in &self.ctx.run.skipped {
            let value = json!({
                "description": skip_reason(lang, s),
                "check_name": "klausul-skipped",
                "fingerprint": crate::source::sha256_hex(&[s.path.as_bytes(), b"\0skipped"]),
                "severity": "info",
                "location": { "path": s.path, "lines": { "begin": 1 } },
            });
            out.push_str(&self.issue(&value));
        }
        out.push_str(if self.first { "]\n" } else { "\n]\n" });
        out
    }
}
