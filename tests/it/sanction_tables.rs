//! Sanction tables (issue "Read real clause prose"): a penalty is often a
//! row of a table under "Vite utgår enligt tabellen nedan", whose first cell
//! names the breach by the clause's number and whose next cell holds the
//! amount. In text from a PDF the table is laid out with spaces. Each text
//! is written for this test.

use klausul::source::Format;

use super::prose::{checked, status};

const CLAUSE: &str =
    "# Avtal om skolskjuts\n\nUppdraget avser skolskjuts för kommunens elever.\n\n\
     ## 4 Kvalitet\n\nFordonen ska vara städade och besiktigade.\n\n\
     ## 9 Antidiskriminering\n\nTrafikföretaget ska följa diskrimineringslagen (2008:567).\n\n";

fn table(row: &str, amount: &str) -> String {
    format!(
        "{CLAUSE}## 14 Viten\n\nVite utgår enligt tabellen nedan.\n\n\
         | Avvikelse | Vite |\n|---|---|\n\
         | Försenad hämtning | 1 500 kr per tillfälle |\n\
         | {row} | {amount} |\n\n\
         ## 15 Tvist\n\nTvist avgörs av allmän domstol.\n"
    )
}

/// The words each location of requirement `id` points at.
fn quoted<'t>(c: &klausul::check::Checked, text: &'t str, id: &str) -> Vec<&'t str> {
    let r = c.requirements.iter().find(|r| r.id == id).unwrap();
    r.locations
        .iter()
        .map(|l| &text[l.byte_start..l.byte_end])
        .collect()
}

#[test]
fn a_row_that_names_the_clause_is_its_penalty() {
    let text = table("Brott mot punkt 9", "40 000 kr per påbörjad vecka");
    let c = checked(&text, Format::Markdown);
    assert_eq!(status(&c, "AD-10").0, "met", "{:?}", status(&c, "AD-10"));
    // The finding points at the row: the breach and the amount beside it.
    assert_eq!(
        quoted(&c, &text, "AD-10"),
        ["Brott mot punkt 9 | 40 000 kr per påbörjad vecka"]
    );
}

#[test]
fn a_row_for_another_section_is_no_penalty_for_the_clause() {
    let c = checked(
        &table("Brott mot punkt 4", "40 000 kr per påbörjad vecka"),
        Format::Markdown,
    );
    assert_eq!(status(&c, "AD-10").0, "missing");
}

#[test]
fn a_low_amount_in_the_row_is_weak() {
    let c = checked(
        &table(
            "Brist avseende krav i punkt 9",
            "5 000 kr per påbörjad vecka",
        ),
        Format::Markdown,
    );
    assert_eq!(
        status(&c, "AD-10"),
        (
            "weak".to_owned(),
            "the penalty \"5 000 kr per påbörjad vecka\" comes to SEK 5\u{a0}000 per week, \
             below the minimum of SEK 25\u{a0}000"
                .to_owned()
        )
    );
}

/// As `pdftotext -layout` leaves a table: cells parted by wide gaps. The
/// head line is no heading, and the amount is read from its cell.
#[test]
fn a_table_laid_out_with_spaces_in_plain_text() {
    let text = "AVTAL OM SKOLSKJUTS\n\n§ 9 Antidiskriminering\n\n\
                9.1 Trafikföretaget ska följa diskrimineringslagen (2008:567).\n\n\
                § 21 Vite\n\n21.1 Vite utgår enligt följande tabell.\n\n\
                Avvikelse                              Vite\n\
                Utebliven hämtning                     5 000 kr per tillfälle\n\
                Brott mot § 9 som inte rättats         30 000 kr per påbörjad vecka\n\n\
                21.2 Vite påverkar inte rätten till skadestånd.\n";
    let c = checked(text, Format::Text);
    assert_eq!(status(&c, "AD-10").0, "met", "{:?}", status(&c, "AD-10"));
    assert_eq!(
        quoted(&c, text, "AD-10"),
        ["Brott mot § 9 som inte rättats         30 000 kr per påbörjad vecka"]
    );
    // The cells stand in § 21: the table's head line made no section.
    let r = c.requirements.iter().find(|r| r.id == "AD-10").unwrap();
    assert_eq!(r.locations[0].section.as_deref(), Some("21"));
}

/// A requirements catalogue drawn as a grid in plain text, whose cells wrap
/// onto lines that leave the number column blank; the sanctions name its
/// rows by number ("krav 4.11–4.13"), as a framework agreement does.
#[test]
fn a_catalogue_drawn_as_a_grid_with_rows_named_by_number() {
    let text =
        "RAMAVTAL\n\n12 Vite\n\n12.1 Vid brott mot krav 4.11-4.13 i bilaga 4 utgår vite med\n\
                40 000 kronor per påbörjad vecka.\n\n\
                BILAGA 4 KRAVKATALOG\n\n\
                Nr    | Krav                                     | Typ\n\
                ------+------------------------------------------+---------\n\
                4.10  | Konsulten ska bära legitimation.         | Ska-krav\n\
                4.11  | Leverantören ska följa diskriminerings-  | Ska-krav\n      \
                | lagen (2008:567) i uppdraget.            |\n\
                4.12  | Leverantören ska på begäran redovisa hur | Ska-krav\n      \
                | krav 4.11 uppfylls. Redovisningen ska    |\n      \
                | lämnas inom fyrtiofem (45) dagar.        |\n";
    let c = checked(text, Format::Text);
    assert_eq!(status(&c, "AD-01").0, "met", "{:?}", status(&c, "AD-01"));
    // The wrapped cell is one: "diskriminerings-" and "lagen" join.
    assert_eq!(
        quoted(&c, text, "AD-01"),
        ["Leverantören ska följa diskriminerings-  | Ska-krav\n      | lagen (2008:567) i uppdraget."]
    );
    assert_eq!(
        status(&c, "AD-07"),
        (
            "weak".to_owned(),
            "the time \"fyrtiofem (45) dagar\" (45 days) is longer than the maximum of 30 days"
                .to_owned()
        )
    );
    assert_eq!(status(&c, "AD-10").0, "met", "{:?}", status(&c, "AD-10"));
    // The same sanction for rows the catalogue holds for something else.
    let other = text.replace("krav 4.11-4.13", "krav 4.10");
    assert_eq!(status(&checked(&other, Format::Text), "AD-10").0, "missing");
}
