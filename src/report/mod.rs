//! The report model: what was found, per document and requirement. Pure data
//! that every renderer reads; it holds no document text beyond the short
//! excerpts a finding points at.

pub mod fingerprint;
pub mod skipped;

use serde::Serialize;

use crate::model::location::Location;
use crate::model::message::Message;
use crate::model::vocab::{ContractType, RowStatus, Severity, Status, SuppressionKind, Verdict};
use crate::source::Format;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppressed {
    pub reason: String,
    /// Where the suppression was written.
    pub kind: SuppressionKind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequirementResult {
    pub id: String,
    pub name: String,
    pub status: Status,
    pub severity: Severity,
    /// Why it has its status, in no language.
    #[serde(skip)]
    pub why: Message,
    /// `why` in the report's language; empty until the report is localised.
    pub message: String,
    /// The suggested wording in the report's language; empty until then.
    pub help: String,
    pub locations: Vec<Location>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<Suppressed>,
    /// Recorded in the baseline given with `--baseline`: known, not new.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub baselined: bool,
}

impl RequirementResult {
    /// Whether this result counts against a failure threshold.
    #[must_use]
    pub fn fails_at(&self, threshold: Option<Severity>) -> bool {
        self.suppressed.is_none()
            && !self.baselined
            && self.status.is_finding()
            && threshold.is_some_and(|t| self.severity >= t)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScopeResult {
    pub applies: bool,
    pub contract_type: ContractType,
    /// Why the clause applies or not, in no language.
    #[serde(skip)]
    pub why: Message,
    /// `why` in the report's language; empty until the report is localised.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentReport {
    pub path: String,
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<ScopeResult>,
    pub verdict: Verdict,
    /// A document's or catalogue's requirements; a register has rows instead.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<RequirementResult>,
    /// A register's rows, each with its audit.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<RegisterRow>,
    /// A register's counts and coverage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub register: Option<RegisterSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Things the user should know that are not findings, in no language:
    /// suppressions that were not applied or suppress nothing, sheets not read.
    #[serde(skip)]
    pub notes: Vec<Message>,
    /// `notes` in the report's language; empty until the report is localised.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl DocumentReport {
    /// The entry for an input that could not be read.
    #[must_use]
    pub fn unreadable(path: String, error: String) -> Self {
        Self {
            path,
            kind: "document",
            format: None,
            sha256: None,
            scope: None,
            verdict: Verdict::Error,
            requirements: Vec::new(),
            rows: Vec::new(),
            register: None,
            error: Some(error),
            notes: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Sets the verdict from the results and a failure threshold
    /// (`None` for `--fail-on never`).
    pub fn judge(&mut self, threshold: Option<Severity>) {
        if self.verdict == Verdict::Error {
            return;
        }
        self.verdict = if self.scope.as_ref().is_some_and(|s| !s.applies) {
            Verdict::NotApplicable
        } else if self.requirements.iter().any(|r| r.fails_at(threshold))
            || self.rows.iter().any(|r| r.fails_at(threshold))
        {
            Verdict::Fail
        } else {
            Verdict::Pass
        };
    }
}

/// Why a row has its status: the requirement concerned (AD-00 for the clause
/// itself), what was found, and the cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowReason {
    pub requirement: String,
    /// What this reason alone makes the row.
    pub effect: RowStatus,
    /// What was found, in no language; let go once it is put into words
    /// (boxed: a register holds 100 000 rows' reasons, and an empty message
    /// in place would be the largest part of one).
    #[serde(skip)]
    pub why: Option<Box<Message>>,
    /// `why` in the report's language; empty until the report is localised.
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegisterRow {
    pub sheet: String,
    /// The sheet is hidden in the workbook; its rows are audited all the
    /// same, and marked so that a reader knows where to look.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub hidden_sheet: bool,
    /// As Excel shows it (1-based).
    pub row: u32,
    pub contract: Option<String>,
    /// What the register says of the agreement, when it has the column:
    /// who supplies it, what it is called, which board is responsible.
    #[serde(flatten)]
    pub facts: RowFacts,
    /// Whether the clause applies; `null` when that cannot be told.
    pub applies: Option<bool>,
    pub status: RowStatus,
    pub reasons: Vec<RowReason>,
    /// The cells that decided it ("E7").
    pub cells: Vec<String>,
    /// Accepted with a reason (suppression file, keyed by the workbook's hash).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<Suppressed>,
}

/// A register row's own facts, each present only when the register has the
/// column and the cell holds something. Dates are ISO 8601; the value is in
/// kronor, after the header's unit ("tkr") is applied.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RowFacts {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supplier: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreement_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub board: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_sek: Option<f64>,
}

impl RegisterRow {
    /// What is wrong with the row, for one-line output.
    #[must_use]
    pub fn problems(&self) -> String {
        self.reasons
            .iter()
            .filter(|r| r.effect.needs_action())
            .map(|r| r.message.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The cell that decided the row ("L10"): the first with a problem,
    /// else the first that decided.
    #[must_use]
    pub fn deciding_cell(&self) -> Option<&str> {
        let problem = self
            .reasons
            .iter()
            .filter(|r| r.effect.needs_action())
            .find_map(|r| r.cell.as_ref());
        problem.or_else(|| self.cells.first()).map(String::as_str)
    }

    /// Where the row's problem stands: "Avtal!L10" (`deciding_cell`), or
    /// its row.
    #[must_use]
    pub fn place(&self) -> String {
        self.deciding_cell().map_or_else(
            || format!("{} row {}", self.sheet, self.row),
            |c| format!("{}!{c}", self.sheet),
        )
    }

    /// Whether the row counts against a failure threshold.
    #[must_use]
    pub fn fails_at(&self, threshold: Option<Severity>) -> bool {
        self.suppressed.is_none()
            && self
                .status
                .severity()
                .is_some_and(|s| threshold.is_some_and(|t| s >= t))
    }
}

/// Counts of rows by status, for a register, a board or a start year.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Coverage {
    /// The board or year; empty for the whole register.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub key: String,
    pub compliant: usize,
    pub non_compliant: usize,
    pub needs_review: usize,
    pub not_applicable: usize,
    /// compliant + non-compliant + needs-review.
    pub applicable: usize,
    /// compliant ÷ applicable; `null` when nothing applies.
    pub coverage: Option<f64>,
}

impl Coverage {
    pub fn add(&mut self, status: RowStatus) {
        match status {
            RowStatus::Compliant => self.compliant += 1,
            RowStatus::NonCompliant => self.non_compliant += 1,
            RowStatus::NeedsReview => self.needs_review += 1,
            RowStatus::NotApplicable => self.not_applicable += 1,
        }
        self.applicable = self.compliant + self.non_compliant + self.needs_review;
        #[allow(clippy::cast_precision_loss)]
        let share = (self.compliant as f64) / (self.applicable as f64);
        self.coverage = (self.applicable > 0).then(|| (share * 10_000.0).round() / 10_000.0);
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RegisterSummary {
    pub total: Coverage,
    pub by_board: Vec<Coverage>,
    pub by_year: Vec<Coverage>,
}

/// The `schema` value of the JSON report.
pub const SCHEMA: &str = "klausul.report/1";

#[derive(Debug, Clone, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

impl Tool {
    #[must_use]
    pub const fn this() -> Self {
        Self {
            name: "klausul",
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ProfileRef {
    pub id: String,
    pub version: String,
    pub sha256: String,
}

impl ProfileRef {
    #[must_use]
    pub fn of(profile: &crate::profile::Profile) -> Self {
        Self {
            id: profile.id.clone(),
            version: profile.version.clone(),
            sha256: profile.sha256.clone(),
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub documents: usize,
    pub failed: usize,
    pub errors: usize,
    /// Files a folder walk listed as not checked (`skipped` in the report).
    #[serde(skip_serializing_if = "is_zero")]
    pub skipped: usize,
    /// Other files a folder walk skipped, counted only.
    #[serde(skip_serializing_if = "is_zero")]
    pub skipped_other: usize,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's `skip_serializing_if` passes a reference
const fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    pub fn add(&mut self, doc: &DocumentReport) {
        self.documents += 1;
        self.failed += usize::from(doc.verdict == Verdict::Fail);
        self.errors += usize::from(doc.verdict == Verdict::Error);
    }

    /// 2 for any input error, else 1 for any failure, else 0.
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        if self.errors > 0 {
            2
        } else {
            u8::from(self.failed > 0)
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema: &'static str,
    pub tool: Tool,
    pub profile: ProfileRef,
    pub documents: Vec<DocumentReport>,
    /// Files a folder walk did not check, with why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<skipped::Skipped>,
    pub summary: Summary,
}

impl Report {
    #[must_use]
    pub fn new(profile: ProfileRef, documents: Vec<DocumentReport>) -> Self {
        let mut summary = Summary::default();
        for doc in &documents {
            summary.add(doc);
        }
        Self {
            schema: SCHEMA,
            tool: Tool::this(),
            profile,
            documents,
            skipped: Vec::new(),
            summary,
        }
    }

    /// 2 for any input error, else 1 for any failure, else 0.
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        self.summary.exit_code()
    }
}
