//! SARIF 2.1.0, for code-scanning dashboards. Rules come from the profile;
//! each weak or missing requirement is a result with a physical location
//! (columns count characters: `columnKind` is `unicodeCodePoints`), and page,
//! paragraph, sheet and cell go into the location's properties. Unreadable
//! files are tool notifications, and the run fails when there are any.

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::json::nested;
use super::words::{hidden_mark, skip_reason, skipped_others};
use super::{Context, Renderer};
use crate::model::location::Location;
use crate::model::vocab::Severity;
use crate::report::fingerprint;
use crate::report::{DocumentReport, ProfileRef, RegisterRow, RequirementResult, Summary, Tool};

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub struct Sarif<'p> {
    ctx: Context<'p>,
    first: bool,
    artifacts: Vec<Value>,
    notifications: Vec<Value>,
}

impl<'p> Sarif<'p> {
    #[must_use]
    pub const fn new(ctx: Context<'p>) -> Self {
        Self {
            ctx,
            first: true,
            artifacts: Vec::new(),
            notifications: Vec::new(),
        }
    }

    fn rules(&self) -> Vec<Value> {
        let lang = self.ctx.lang();
        let register = self.ctx.profile.template("register_rule", lang);
        // The register audit's own rule: the clause in each agreement.
        let rule = &self.ctx.profile.register_rule;
        let ad00 = json!({
            "id": rule.id,
            "name": rule.name,
            "shortDescription": { "text": register },
            "fullDescription": { "text": register },
            "help": { "text": register, "markdown": register },
            "defaultConfiguration": { "level": "error" },
        });
        let mut rules: Vec<Value> = self
            .ctx
            .profile
            .requirements()
            .map(|r| {
                let e = &r.explanation;
                let help = format!(
                    "{}\n\n{}\n\n{}",
                    e.requires.get(lang),
                    e.why.get(lang),
                    e.source.get(lang)
                );
                json!({
                    "id": r.id,
                    "name": r.name,
                    "shortDescription": { "text": r.summary.get(lang) },
                    "fullDescription": { "text": e.requires.get(lang) },
                    "help": {
                        "text": help,
                        "markdown": format!(
                            "{help}\n\n**{}**\n\n> {}",
                            super::words::word(lang, "sarif_suggestion"),
                            crate::check::suggestion(self.ctx.profile, r, lang)
                        ),
                    },
                    "defaultConfiguration": { "level": level(r.severity) },
                })
            })
            .collect();
        rules.push(ad00);
        rules
    }

    fn row_result(&self, doc: &DocumentReport, row: &RegisterRow) -> Option<Value> {
        let severity = row.status.severity()?;
        let reasons: Vec<&str> = row
            .reasons
            .iter()
            .filter(|r| r.effect.needs_action())
            .map(|r| r.message.as_str())
            .collect();
        let mut result = json!({
            "ruleId": self.ctx.profile.register_rule.id,
            "ruleIndex": self.ctx.profile.requirements().count(),
            "level": level(severity),
            "message": { "text": format!("{} ({}){}: {}", row.contract.as_deref().unwrap_or("–"), row.status.name(), hidden_mark(self.ctx.lang(), row.hidden_sheet), reasons.join("; ")) },
            "locations": [{
                "physicalLocation": { "artifactLocation": { "uri": uri(&doc.path) }, "region": row_region(row) },
                "logicalLocations": [{ "name": row.place(), "kind": "cell" }],
                "properties": { "sheet": row.sheet, "row": row.row, "cells": row.cells, "contract": row.contract },
            }],
            "partialFingerprints": { "klausulFinding/v1": crate::source::sha256_hex(&[doc.path.as_bytes(), b"\0", row.sheet.as_bytes(), b"\0", row.contract.as_deref().unwrap_or("").as_bytes(), b"\0", row.status.name().as_bytes()])[..32].to_owned() },
        });
        if row.hidden_sheet {
            result["locations"][0]["properties"]["hiddenSheet"] = json!(true);
        }
        if let Some(s) = &row.suppressed {
            result["suppressions"] = json!([{ "kind": s.kind.sarif(), "justification": s.reason }]);
        }
        Some(result)
    }

    fn result(&self, doc: &DocumentReport, r: &RequirementResult) -> Value {
        let rule_index = self.ctx.profile.requirements().position(|q| q.id == r.id);
        let mut result = json!({
            "ruleId": r.id,
            "level": level(r.severity),
            "message": { "text": format!("{} ({}){}: {}", r.id, r.status.name(), hidden_mark(self.ctx.lang(), r.locations.first().is_some_and(|l| l.hidden_sheet)), r.message) },
            "locations": r.locations.iter().take(1).map(|l| location(&doc.path, l)).collect::<Vec<_>>(),
            "partialFingerprints": { "klausulFinding/v1": fingerprint::of(doc, r) },
            "properties": { "status": r.status.name(), "help": r.help },
        });
        if let Some(i) = rule_index {
            result["ruleIndex"] = json!(i);
        }
        if let Some(s) = &r.suppressed {
            result["suppressions"] = json!([{ "kind": s.kind.sarif(), "justification": s.reason }]);
        }
        if r.baselined {
            result["baselineState"] = json!("unchanged");
        }
        result
    }
}

const fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI for a path: forward slashes, everything but unreserved
/// characters percent-encoded (å, ä and ö included).
#[must_use]
pub fn uri(path: &str) -> String {
    if path == "-" {
        return "stdin".to_owned();
    }
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A register row's region: its row as Excel numbers it, and the column of
/// the cell that decided it (A is 1), when there is one.
fn row_region(row: &RegisterRow) -> Value {
    let column = row.deciding_cell().and_then(|cell| {
        let mut letters = cell.bytes().take_while(u8::is_ascii_uppercase);
        letters.try_fold(0u32, |n, b| {
            n.checked_mul(26)?.checked_add(u32::from(b - b'A' + 1))
        })
    });
    match column {
        Some(c) if c > 0 => json!({ "startLine": row.row, "startColumn": c }),
        _ => json!({ "startLine": row.row }),
    }
}

fn location(path: &str, l: &Location) -> Value {
    let mut properties = serde_json::Map::new();
    for (key, value) in [
        ("page", l.page.map(Value::from)),
        ("pageLine", l.page_line.map(Value::from)),
        ("paragraph", l.paragraph.map(Value::from)),
        ("sectionParagraph", l.section_paragraph.map(Value::from)),
        ("firstWords", l.first_words.as_deref().map(Value::from)),
        (
            "pageApproximate",
            l.page_approximate.then_some(Value::Bool(true)),
        ),
        ("sheet", l.sheet.as_deref().map(Value::from)),
        ("cell", l.cell.as_deref().map(Value::from)),
        ("hiddenSheet", l.hidden_sheet.then_some(Value::Bool(true))),
    ] {
        if let Some(v) = value {
            properties.insert(key.to_owned(), v);
        }
    }
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(path) },
            "region": {
                "startLine": l.line,
                "startColumn": l.column,
                "endLine": l.end_line,
                "endColumn": l.end_column,
                "snippet": { "text": l.text },
            },
        },
    });
    if let Some(section) = l.heading_path.last() {
        location["logicalLocations"] = json!([{
            "name": section,
            "fullyQualifiedName": l.heading_path.join(" › "),
            "kind": "section",
        }]);
    }
    if !properties.is_empty() {
        location["properties"] = Value::Object(properties);
    }
    location
}

impl Renderer for Sarif<'_> {
    fn head(&mut self) -> String {
        let tool = Tool::this();
        let driver = json!({
            "name": tool.name,
            "version": tool.version,
            "semanticVersion": tool.version,
            "rules": self.rules(),
        });
        format!(
            "{{\n  \"$schema\": \"{SCHEMA_URI}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": {{\n        \"driver\": {}\n      }},\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [",
            nested(&driver, 4).unwrap_or_default()
        )
    }

    fn document(&mut self, doc: &DocumentReport) -> String {
        let mut artifact = json!({ "location": { "uri": uri(&doc.path) } });
        if let Some(hash) = &doc.sha256 {
            artifact["hashes"] = json!({ "sha-256": hash });
        }
        self.artifacts.push(artifact);
        if let Some(error) = &doc.error {
            self.notifications.push(json!({
                "level": "error",
                "message": { "text": error },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(&doc.path) } } }],
            }));
            return String::new();
        }
        let results: Vec<Value> = doc
            .requirements
            .iter()
            .filter(|r| r.status.is_finding())
            .map(|r| self.result(doc, r))
            .chain(doc.rows.iter().filter_map(|row| self.row_result(doc, row)))
            .collect();
        let mut out = String::new();
        for result in results {
            let comma = if std::mem::replace(&mut self.first, false) {
                ""
            } else {
                ","
            };
            let _ = write!(
                out,
                "{comma}\n        {}",
                nested(&result, 4).unwrap_or_default()
            );
        }
        out
    }

    fn tail(&mut self, summary: &Summary) -> String {
        let close = if self.first { "]" } else { "\n      ]" };
        let lang = self.ctx.lang();
        let skipped = self.ctx.run.skipped.iter().map(|s| {
            json!({
                "level": "note",
                "message": { "text": skip_reason(lang, s) },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(&s.path) } } }],
            })
        });
        let others = skipped_others(lang, self.ctx.run.skipped_other)
            .map(|text| json!({ "level": "note", "message": { "text": text } }));
        self.notifications.extend(skipped.chain(others));
        let invocation = json!({
            "executionSuccessful": summary.errors == 0,
            "toolExecutionNotifications": self.notifications,
        });
        let properties = json!({ "profile": ProfileRef::of(self.ctx.profile), "summary": summary });
        format!(
            "{close},\n      \"artifacts\": {},\n      \"invocations\": [\n        {}\n      ],\n      \"properties\": {}\n    }}\n  ]\n}}\n",
            nested(&self.artifacts, 3).unwrap_or_default(),
            nested(&invocation, 4).unwrap_or_default(),
            nested(&properties, 3).unwrap_or_default(),
        )
    }
}
