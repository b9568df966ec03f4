//! The words of the report that users and scripts depend on: severities and
//! the failure threshold, requirement statuses, contract types, verdicts and
//! register row statuses.
//! Their names are fixed by `contracts.md`; every layer may use them.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "error" => Some(Self::Error),
            "warning" => Some(Self::Warning),
            "info" => Some(Self::Info),
            _ => None,
        }
    }

    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

/// The lowest severity that makes a run fail (`--fail-on`, `fail_on`), or
/// never.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// By its name: `error`, `warning`, `info` or `never`.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        <Self as clap::ValueEnum>::from_str(name, false).ok()
    }

    /// The severity at which a finding fails the run; `None` for never.
    #[must_use]
    pub const fn threshold(self) -> Option<Severity> {
        match self {
            Self::Error => Some(Severity::Error),
            Self::Warning => Some(Severity::Warning),
            Self::Info => Some(Severity::Info),
            Self::Never => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Met,
    Weak,
    Missing,
    NotApplicable,
}

impl Status {
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "met" => Some(Self::Met),
            "weak" => Some(Self::Weak),
            "missing" => Some(Self::Missing),
            "not-applicable" => Some(Self::NotApplicable),
            _ => None,
        }
    }

    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Met => "met",
            Self::Weak => "weak",
            Self::Missing => "missing",
            Self::NotApplicable => "not-applicable",
        }
    }

    #[must_use]
    pub const fn is_finding(self) -> bool {
        matches!(self, Self::Weak | Self::Missing)
    }
}

/// As a value users give (`--contract-type`, `[contract_types]`, through
/// clap's `ValueEnum`), only services, works or goods: mixed and unknown are
/// what reading a document can conclude, not what anyone declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ContractType {
    Services,
    Works,
    Goods,
    #[value(skip)]
    Mixed,
    #[value(skip)]
    Unknown,
}

impl ContractType {
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "services" => Self::Services,
            "works" => Self::Works,
            "goods" => Self::Goods,
            "mixed" => Self::Mixed,
            "unknown" => Self::Unknown,
            _ => return None,
        })
    }

    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Services => "services",
            Self::Works => "works",
            Self::Goods => "goods",
            Self::Mixed => "mixed",
            Self::Unknown => "unknown",
        }
    }

    /// A contract type a user declares: services, works or goods.
    #[must_use]
    pub fn declared(name: &str) -> Option<Self> {
        <Self as clap::ValueEnum>::from_str(name, false).ok()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Pass,
    Fail,
    NotApplicable,
    Error,
}

impl Verdict {
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Fail => "fail",
            Self::NotApplicable => "not-applicable",
            Self::Error => "error",
        }
    }
}

/// The audit of one agreement in a register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum RowStatus {
    Compliant,
    NonCompliant,
    NeedsReview,
    NotApplicable,
}

impl RowStatus {
    /// Whether someone must act on a row with this status: it breaks the
    /// clause, or it needs a person to look.
    #[must_use]
    pub const fn needs_action(self) -> bool {
        matches!(self, Self::NonCompliant | Self::NeedsReview)
    }

    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Compliant => "compliant",
            Self::NonCompliant => "non-compliant",
            Self::NeedsReview => "needs-review",
            Self::NotApplicable => "not-applicable",
        }
    }

    /// How a register finding (AD-00) counts for `--fail-on`: non-compliant
    /// is an error, needs-review a warning.
    #[must_use]
    pub const fn severity(self) -> Option<Severity> {
        match self {
            Self::NonCompliant => Some(Severity::Error),
            Self::NeedsReview => Some(Severity::Warning),
            Self::Compliant | Self::NotApplicable => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SuppressionKind {
    /// A `klausul-ignore` comment or line in the document itself.
    InDocument,
    /// An entry of the suppression file, keyed by the document's hash.
    File,
}

impl SuppressionKind {
    /// SARIF's name for it.
    #[must_use]
    pub const fn sarif(self) -> &'static str {
        match self {
            Self::InDocument => "inSource",
            Self::File => "external",
        }
    }
}
