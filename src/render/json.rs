//! The JSON report (`klausul.report/1`), as `contracts.md` fixes it.

use crate::report::Report;

/// # Errors
/// Never in practice: the report holds only strings, numbers and enums.
pub fn render(report: &Report) -> serde_json::Result<String> {
    let mut out = serde_json::to_string_pretty(report)?;
    out.push('\n');
    Ok(out)
}
