//! A document's requirements in the HTML report: a table of every status,
//! then each finding with its excerpt, its place and the suggested wording.

use std::fmt::Write as _;

use super::table_head;
use crate::model::lang::Lang;
use crate::model::location::Location;
use crate::model::vocab::Status;
use crate::render::escape::{xml, xml_text};
use crate::render::human::status_word;
use crate::render::words::{
    as_text, icon, marked, phrase, severity_word, status_class as class, word,
};
use crate::report::{DocumentReport, RequirementResult};

/// Every requirement's status, then each finding in full.
pub(super) fn requirements(lang: Lang, doc: &DocumentReport, id: &str, out: &mut String) {
    status_table(lang, doc, id, out);
    for r in doc
        .requirements
        .iter()
        .filter(|r| r.status.is_finding() && r.suppressed.is_none())
    {
        finding(lang, r, id, out);
    }
}

fn status_table(lang: Lang, doc: &DocumentReport, id: &str, out: &mut String) {
    table_head(
        out,
        word(lang, "html_status_caption"),
        &[
            word(lang, "col_requirement"),
            word(lang, "html_col_name"),
            word(lang, "col_status"),
            word(lang, "html_col_severity"),
        ],
    );
    for r in &doc.requirements {
        let rid = xml(&r.id);
        let link = if r.status.is_finding() && r.suppressed.is_none() {
            format!("<a href=\"#{id}-{rid}\">{rid}</a>")
        } else {
            rid.into_owned()
        };
        let suppressed = r.suppressed.as_ref().map_or(String::new(), |s| {
            format!(" ({}: {})", word(lang, "html_suppressed"), xml(&s.reason))
        });
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{link}</th><td>{}</td><td class=\"st {}\"><span aria-hidden=\"true\">{}</span> {}{suppressed}</td><td>{}</td></tr>",
            xml(&r.name),
            class(r.status),
            icon(r.status),
            status_word(r.status, lang),
            severity_word(lang, r.severity)
        );
    }
    out.push_str("</tbody></table>");
}

/// A weak or missing requirement: its heading, the words with their
/// place, the reason and the suggested wording.
fn finding(lang: Lang, r: &RequirementResult, id: &str, out: &mut String) {
    let rid = xml(&r.id);
    let _ = write!(
        out,
        "<div class=\"finding\"><h3 id=\"{id}-{rid}\"><span aria-hidden=\"true\">{}</span> {rid} {} — {}</h3>",
        icon(r.status),
        xml(&r.name),
        status_word(r.status, lang)
    );
    if let Some(quote) = r.locations.first().and_then(|l| quote(l, r.status, lang)) {
        out.push_str(&quote);
    }
    let _ = write!(
        out,
        "<p>{}</p><p class=\"help\"><strong>{}</strong> {}</p></div>",
        xml(&r.message),
        word(lang, "html_suggestion"),
        xml(&r.help)
    );
}

/// The excerpt around a location with its words marked, and where it is;
/// `None` when the location carries no excerpt.
fn quote(l: &Location, status: Status, lang: Lang) -> Option<String> {
    let (before, words, after) = as_text(marked(l)?);
    let belongs = (status == Status::Missing).then(|| word(lang, "html_belongs_here").to_owned());
    let word_place = crate::render::place::word_place(l, lang);
    let place = [
        belongs,
        Some(phrase(lang, "html_line", &[("line", &l.line.to_string())])),
        // Word and OpenDocument: section, paragraph, first words and page
        // in one (document text, escaped).
        word_place.as_deref().map(|p| xml(p).into_owned()),
        l.paragraph
            .filter(|_| word_place.is_none())
            .map(|p| phrase(lang, "human_paragraph", &[("paragraph", &p.to_string())])),
        l.section
            .as_ref()
            .filter(|_| word_place.is_none())
            .map(|s| format!("§ {}", xml(s))),
        l.page
            .filter(|_| word_place.is_none())
            .map(|p| phrase(lang, "html_page", &[("page", &p.to_string())])),
        l.cell.as_ref().map(|c| {
            format!(
                "{}!{}{}",
                xml(l.sheet.as_deref().unwrap_or("")),
                xml(c),
                xml(&crate::render::words::hidden_mark(lang, l.hidden_sheet))
            )
        }),
    ];
    let place: Vec<String> = place.into_iter().flatten().collect();
    Some(format!(
        "<blockquote><p>{}<mark>{}</mark>{}</p><p class=\"meta\">{}</p></blockquote>",
        // The excerpt keeps its line breaks (the quote is pre-wrap).
        xml_text(&before),
        xml_text(&words),
        xml_text(&after),
        place.join(", ")
    ))
}
