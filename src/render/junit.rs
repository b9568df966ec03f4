//! `JUnit` XML, for CI systems that show test results: one test suite per
//! document, one test case per requirement. A weak or missing requirement at
//! or above the failure threshold is a failure; a suppressed or
//! not-applicable one is skipped; an unreadable document is an error.

use std::fmt::Write as _;

use super::escape::xml;
use super::words::{skip_reason, skipped_others, word};
use super::{Context, Renderer};
use crate::model::vocab::{RowStatus, Status};
use crate::report::{DocumentReport, ProfileRef, RequirementResult, Summary, Tool};

/// How a test case ended.
enum Case {
    Passed,
    Failed,
    Skipped,
}

pub struct Junit<'p> {
    ctx: Context<'p>,
}

impl<'p> Junit<'p> {
    #[must_use]
    pub const fn new(ctx: Context<'p>) -> Self {
        Self { ctx }
    }
}

impl Junit<'_> {
    /// A register: one test case per agreement the clause applies to (or may).
    fn register(&self, doc: &DocumentReport, name: &str, properties: &str) -> String {
        let mut cases = String::new();
        let (mut tests, mut failures, mut skipped) = (0, 0, 0);
        for row in doc
            .rows
            .iter()
            .filter(|r| r.status != RowStatus::NotApplicable)
        {
            tests += 1;
            let _ = writeln!(
                cases,
                "    <testcase name=\"{} {} {}\" classname=\"{name}\">",
                xml(&self.ctx.profile.register_rule.id),
                xml(&super::words::row_place(row, self.ctx.lang())),
                xml(row.contract.as_deref().unwrap_or("–"))
            );
            if let Some(s) = &row.suppressed {
                skipped += 1;
                let _ = writeln!(
                    cases,
                    "      <skipped message=\"suppressed: {}\"/>",
                    xml(&s.reason)
                );
            } else if row.fails_at(self.ctx.fail_on) {
                failures += 1;
                let _ = writeln!(
                    cases,
                    "      <failure type=\"{}\" message=\"{}\"/>",
                    row.status.name(),
                    xml(&row.problems())
                );
            }
            cases.push_str("    </testcase>\n");
        }
        format!(
            "  <testsuite name=\"{name}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\">\n{properties}{cases}  </testsuite>\n"
        )
    }

    /// The tool, the profile and the document's hash, as test-suite properties.
    fn properties(&self, doc: &DocumentReport) -> String {
        let tool = Tool::this();
        let p = ProfileRef::of(self.ctx.profile);
        let mut properties = format!(
            "    <properties>\n      <property name=\"tool\" value=\"{} {}\"/>\n      <property name=\"profile\" value=\"{} {}\"/>\n      <property name=\"profile_sha256\" value=\"{}\"/>\n",
            tool.name,
            xml(tool.version),
            xml(&p.id),
            xml(&p.version),
            xml(&p.sha256)
        );
        if let Some(hash) = &doc.sha256 {
            let _ = writeln!(
                properties,
                "      <property name=\"sha256\" value=\"{}\"/>",
                xml(hash)
            );
        }
        properties.push_str("    </properties>\n");
        properties
    }

    /// A requirement's test case, written to `cases`.
    fn case(
        &self,
        doc: &DocumentReport,
        name: &str,
        r: &RequirementResult,
        cases: &mut String,
    ) -> Case {
        let _ = writeln!(
            cases,
            "    <testcase name=\"{} {}\" classname=\"{name}\">",
            xml(&r.id),
            xml(&r.name)
        );
        let case = if let Some(s) = &r.suppressed {
            let _ = writeln!(
                cases,
                "      <skipped message=\"suppressed: {}\"/>",
                xml(&s.reason)
            );
            Case::Skipped
        } else if r.status == Status::NotApplicable {
            let _ = writeln!(cases, "      <skipped message=\"not-applicable\"/>");
            Case::Skipped
        } else if r.fails_at(self.ctx.fail_on) {
            let place = r.locations.first().map_or(String::new(), |l| {
                // Word and OpenDocument: where a reader of the file finds it.
                match super::place::word_place(l, self.ctx.lang()) {
                    Some(p) => format!("{}:{}:{} ({p}): ", doc.path, l.line, l.column),
                    None => format!("{}:{}:{}: ", doc.path, l.line, l.column),
                }
            });
            let _ = writeln!(
                cases,
                "      <failure type=\"{}\" message=\"{}\">{}{}\n\n{}</failure>",
                r.status.name(),
                xml(&r.message),
                xml(&place),
                xml(&r.message),
                xml(&r.help)
            );
            Case::Failed
        } else {
            if r.status.is_finding() {
                let _ = writeln!(
                    cases,
                    "      <system-out>{} ({}, below the failure threshold): {}</system-out>",
                    r.status.name(),
                    r.severity.name(),
                    xml(&r.message)
                );
            }
            Case::Passed
        };
        cases.push_str("    </testcase>\n");
        case
    }
}

impl Renderer for Junit<'_> {
    fn head(&mut self) -> String {
        let tool = Tool::this();
        let p = ProfileRef::of(self.ctx.profile);
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"klausul {} ({} {})\">\n",
            xml(tool.version),
            xml(&p.id),
            xml(&p.version)
        )
    }

    fn document(&mut self, doc: &DocumentReport) -> String {
        let name = xml(&doc.path);
        let properties = self.properties(doc);
        if let Some(error) = &doc.error {
            return format!(
                "  <testsuite name=\"{name}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n{properties}    <testcase name=\"read\" classname=\"{name}\">\n      <error message=\"{}\"/>\n    </testcase>\n  </testsuite>\n",
                xml(error)
            );
        }
        if doc.register.is_some() {
            return self.register(doc, &name, &properties);
        }
        let mut cases = String::new();
        let (mut failures, mut skipped) = (0, 0);
        for r in &doc.requirements {
            match self.case(doc, &name, r, &mut cases) {
                Case::Failed => failures += 1,
                Case::Skipped => skipped += 1,
                Case::Passed => {}
            }
        }
        format!(
            "  <testsuite name=\"{name}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\">\n{properties}{cases}  </testsuite>\n",
            doc.requirements.len()
        )
    }

    fn tail(&mut self, _summary: &Summary) -> String {
        let run = self.ctx.run;
        if run.skipped.is_empty() && run.skipped_other == 0 {
            return "</testsuites>\n".to_owned();
        }
        let lang = self.ctx.lang();
        let name = xml(word(lang, "skipped_heading"));
        let mut cases = String::new();
        for s in &run.skipped {
            let _ = writeln!(
                cases,
                "    <testcase name=\"{}\" classname=\"{name}\">\n      <skipped message=\"{}\"/>\n    </testcase>",
                xml(&s.path),
                xml(skip_reason(lang, s))
            );
        }
        let others = skipped_others(lang, run.skipped_other).map_or(String::new(), |text| {
            format!("    <system-out>{}</system-out>\n", xml(&text))
        });
        let n = run.skipped.len();
        format!(
            "  <testsuite name=\"{name}\" tests=\"{n}\" failures=\"0\" errors=\"0\" skipped=\"{n}\">\n{cases}{others}  </testsuite>\n</testsuites>\n"
        )
    }
}
