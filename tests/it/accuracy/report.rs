//! The accuracy report on the labelled corpus, for one set at a time:
//! agreement per requirement and per format, a confusion matrix, every false
//! met by name, and every document whose statuses differ across its formats.
//! Counting and writing only; `corpus` does the checking.

use std::fmt::Write as _;

use super::corpus::{Measurement, FORMATS, REQUIREMENTS, STATUSES};

#[derive(Clone, Copy, Default)]
pub struct Tally {
    pub agree: usize,
    pub total: usize,
}

impl Tally {
    fn add(&mut self, agrees: bool) {
        self.agree += usize::from(agrees);
        self.total += 1;
    }

    /// Whether the share that agrees is at least `tenths` tenths of a percent.
    pub fn at_least(self, tenths: usize) -> bool {
        self.agree * 1000 >= tenths * self.total
    }
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Tenths of a percent, rounded to the nearest.
        let tenths = (self.agree * 2000 / self.total.max(1)).div_ceil(2);
        let percent = format!("{}.{}", tenths / 10, tenths % 10);
        write!(f, "{:>4}/{:<4} {percent:>5} %", self.agree, self.total)
    }
}

/// A status of met or not-applicable where the label says weak or missing:
/// either lets a bad tender through the gate.
pub struct FalseMet {
    pub document: String,
    pub id: String,
    pub formats: Vec<&'static str>,
    pub label: String,
    pub tool: String,
    pub reason: String,
    pub message: String,
}

/// One requirement of one document that gets different statuses in different formats.
pub struct Spread {
    pub document: String,
    pub id: String,
    pub statuses: [String; 4],
}

pub struct Figures {
    pub set: &'static str,
    pub documents: usize,
    pub by_format: [Tally; 4],
    /// Per requirement (AD-01 first), per format.
    pub by_requirement: [[Tally; 4]; REQUIREMENTS],
    pub total: Tally,
    /// Rows are the label's status, columns the tool's, in `STATUSES` order.
    pub confusion: [[usize; 4]; 4],
    pub false_met: Vec<FalseMet>,
    pub spread: Vec<Spread>,
    /// Files that could not be checked, with the reason.
    pub unread: Vec<String>,
}

fn status_index(status: &str) -> Option<usize> {
    STATUSES.iter().position(|s| *s == status)
}

fn is_false_met(label: &str, tool: &str) -> bool {
    matches!(label, "weak" | "missing") && matches!(tool, "met" | "not-applicable")
}

pub fn figures(m: &Measurement, set: &'static str) -> Figures {
    let mut f = Figures {
        set,
        documents: 0,
        by_format: [Tally::default(); 4],
        by_requirement: [[Tally::default(); 4]; REQUIREMENTS],
        total: Tally::default(),
        confusion: [[0; 4]; 4],
        false_met: Vec::new(),
        spread: Vec::new(),
        unread: Vec::new(),
    };
    for (doc, results) in m
        .documents
        .iter()
        .zip(&m.results)
        .filter(|(d, _)| d.set == set)
    {
        f.documents += 1;
        let labels = doc.labels.as_deref().unwrap_or_default();
        for (r, label) in labels.iter().enumerate() {
            let mut statuses = [const { String::new() }; 4];
            for (n, result) in results.iter().enumerate() {
                let judgement = result
                    .as_ref()
                    .ok()
                    .and_then(|js| js.iter().find(|j| j.id == label.id));
                let tool = judgement.map_or("unread", |j| j.status.as_str());
                statuses[n].push_str(tool);
                let agrees = tool == label.status;
                f.by_format[n].add(agrees);
                f.by_requirement[r][n].add(agrees);
                f.total.add(agrees);
                if let (Some(row), Some(col)) = (status_index(&label.status), status_index(tool)) {
                    f.confusion[row][col] += 1;
                }
                if let Some(j) = judgement.filter(|j| is_false_met(&label.status, &j.status)) {
                    record_false_met(&mut f.false_met, &doc.name, FORMATS[n], label, j);
                }
            }
            if statuses.iter().any(|s| *s != statuses[0]) {
                f.spread.push(Spread {
                    document: doc.name.clone(),
                    id: label.id.clone(),
                    statuses,
                });
            }
        }
        for (n, result) in results.iter().enumerate() {
            if let Err(e) = result {
                f.unread
                    .push(format!("{}: {e}", doc.path(FORMATS[n]).display()));
            }
        }
    }
    f
}

/// Adds a false met, or a format to the same one found in another format.
fn record_false_met(
    list: &mut Vec<FalseMet>,
    document: &str,
    format: &'static str,
    label: &super::corpus::Label,
    j: &super::corpus::Judgement,
) {
    if let Some(same) = list.iter_mut().find(|s| {
        s.document == document && s.id == j.id && s.tool == j.status && s.message == j.message
    }) {
        same.formats.push(format);
        return;
    }
    list.push(FalseMet {
        document: document.to_owned(),
        id: j.id.clone(),
        formats: vec![format],
        label: label.status.clone(),
        tool: j.status.clone(),
        reason: label.reason.clone(),
        message: j.message.clone(),
    });
}

impl Figures {
    /// False mets counted once per format, as the agreement is.
    pub fn false_met_count(&self) -> usize {
        self.false_met.iter().map(|s| s.formats.len()).sum()
    }

    /// The whole report for this set, as text.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "== {}: {} documents, {} judgements per format ==\n",
            self.set, self.documents, self.by_format[0].total
        );
        self.render_agreement(&mut out);
        self.render_confusion(&mut out);
        self.render_false_met(&mut out);
        self.render_spread(&mut out);
        for unread in &self.unread {
            let _ = writeln!(out, "not checked: {unread}");
        }
        out
    }

    fn render_agreement(&self, out: &mut String) {
        let _ = write!(out, "agreement  ");
        for name in FORMATS.iter().chain(&["total"]) {
            let _ = write!(out, " {name:<18}");
        }
        let _ = writeln!(out);
        for (r, row) in self.by_requirement.iter().enumerate() {
            let mut sum = Tally::default();
            let _ = write!(out, "AD-{:02}      ", r + 1);
            for tally in row {
                sum.agree += tally.agree;
                sum.total += tally.total;
                let _ = write!(out, " {tally:<18}");
            }
            let _ = writeln!(out, " {sum}");
        }
        let _ = write!(out, "all        ");
        for tally in &self.by_format {
            let _ = write!(out, " {tally:<18}");
        }
        let _ = writeln!(out, " {}\n", self.total);
    }

    fn render_confusion(&self, out: &mut String) {
        let _ = writeln!(out, "confusion, all formats (rows: label; columns: tool)");
        let _ = write!(out, "{:<16}", "");
        for s in STATUSES {
            let _ = write!(out, "{s:>16}");
        }
        let _ = writeln!(out);
        for (s, row) in STATUSES.iter().zip(&self.confusion) {
            let _ = write!(out, "{s:<16}");
            for n in row {
                let _ = write!(out, "{n:>16}");
            }
            let _ = writeln!(out);
        }
        let _ = writeln!(out);
    }

    fn render_false_met(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "false met (label weak or missing, tool met or not-applicable): {} in {} formats",
            self.false_met_count(),
            FORMATS.len()
        );
        for s in &self.false_met {
            let _ = writeln!(
                out,
                "  {} {} [{}]: label {}, tool {}\n    label: {}\n    tool:  {}",
                s.document,
                s.id,
                s.formats.join(", "),
                s.label,
                s.tool,
                s.reason,
                s.message
            );
        }
        let _ = writeln!(out);
    }

    fn render_spread(&self, out: &mut String) {
        let mut documents: Vec<&str> = self.spread.iter().map(|s| s.document.as_str()).collect();
        documents.dedup();
        let _ = writeln!(
            out,
            "statuses that differ across formats: {} requirements in {} documents",
            self.spread.len(),
            documents.len()
        );
        for s in &self.spread {
            let statuses: Vec<String> = FORMATS
                .iter()
                .zip(&s.statuses)
                .map(|(f, status)| format!("{f} {status}"))
                .collect();
            let _ = writeln!(out, "  {} {}: {}", s.document, s.id, statuses.join(", "));
        }
    }
}
