//! The pre-filter skips blocks no rule can use. Each document here has the
//! evidence for one requirement in a place only one of its rules keeps: the
//! status must be the one written here, and the same as when every block is
//! analysed.

use klausul::check::{check, CheckOptions};
use klausul::document::read_text;
use klausul::model::vocab::Status;
use klausul::profile::Profile;
use klausul::source::Format;

const CLAUSE: &str =
    "## 7.4 Antidiskriminering\n\nLeverantören ska följa diskrimineringslagen (2008:567).\n\n";
const FILLER: &str = "## 9 Fakturering\n\nFakturering sker månadsvis i efterskott.\n\n";

fn status(text: &str, id: &str) -> Status {
    let profile = Profile::stockholm();
    let doc = read_text(text.to_owned(), Format::Markdown);
    let options = |everything| CheckOptions {
        contract_type: None,
        everything,
    };
    let fast = check(&doc, &profile, &options(false));
    let full = check(&doc, &profile, &options(true));
    assert_eq!(
        format!("{:#?}", fast.requirements),
        format!("{:#?}", full.requirements),
        "the pre-filter changed a result for:\n{text}"
    );
    fast.requirements
        .iter()
        .find(|r| r.id == id)
        .map(|r| r.status)
        .expect("the requirement is checked")
}

/// Each case: what it shows, the document, the requirement and its status.
fn cases() -> Vec<(&'static str, String, &'static str, Status)> {
    let general_terms = format!(
        "{CLAUSE}{FILLER}## 12 Påföljder\n\nVid brott mot punkt\n7.4 ska leverantören betala vite med 50 000 kr per påbörjad vecka.\n"
    );
    // A sanction naming annex `n`, before the clause in annex 3.
    let annex = |n: u32| {
        format!(
            "{FILLER}## 12 Påföljder\n\nVid brott mot bilaga {n} ska leverantören betala vite med 50 000 kr per påbörjad vecka.\n\n\
             ## Bilaga 3 Antidiskriminering\n\nLeverantören ska följa diskrimineringslagen (2008:567).\n"
        )
    };
    let duty = format!(
        "{FILLER}## 10 Personal\n\nLeverantören ska arbeta med aktiva åtgärder.\n\n\
         Arbetet ska dokumenteras och visas på beställarens begäran.\n"
    );
    vec![
        (
            "a sanction in a subsection of the clause is tied",
            format!("{CLAUSE}### 7.4.1 Påföljder\n\nLeverantören ska betala vite med 50 000 kr per påbörjad vecka.\n\n{FILLER}"),
            "AD-10",
            Status::Met,
        ),
        ("a sanction in the general terms that names the clause (across a line break) is tied", general_terms.clone(), "AD-10", Status::Met),
        ("naming a parent section ties it too", general_terms.replace("punkt\n7.4", "avsnitt 7"), "AD-10", Status::Met),
        ("naming another section does not", general_terms.replace("punkt\n7.4", "punkt 9"), "AD-10", Status::Missing),
        ("a plural reference word is read whole", general_terms.replace("punkt\n7.4", "punkterna 7.4 och 9"), "AD-10", Status::Met),
        ("a number glued to the reference word is read", general_terms.replace("punkt\n7.4", "§7.4"), "AD-10", Status::Met),
        ("a clause in an annex is named by the annex's word and id", annex(3), "AD-10", Status::Met),
        ("another annex is not the clause's", annex(4), "AD-10", Status::Missing),
        (
            "a general breach elsewhere makes termination weak",
            format!("{CLAUSE}{FILLER}## 12 Hävning\n\nVid väsentligt avtalsbrott får beställaren häva avtalet.\n"),
            "AD-12",
            Status::Weak,
        ),
        (
            "a clause heading with a soft hyphen still ties its subsections",
            format!(
                "## 7.4 Antidiskrimi\u{ad}nering\n\nLeverantören ska följa lagen.\n\n\
                 ### 7.4.1 Påföljder\n\nLeverantören ska betala vite med 50 000 kr per påbörjad vecka.\n\n{FILLER}"
            ),
            "AD-10",
            Status::Met,
        ),
        ("a word split by a line-end hyphen is seen", format!("{FILLER}Leverantören ska följa diskrimi-\nneringslagen.\n"), "AD-01", Status::Met),
        ("a word split by a soft hyphen is seen", format!("{FILLER}Leverantören ska följa diskrimi\u{ad}neringslagen.\n"), "AD-01", Status::Met),
        ("no law named, none found", format!("{FILLER}Leverantören ska följa lagen.\n"), "AD-01", Status::Missing),
        (
            // "kön" and "ålder" are not searched for; a list names a third ground.
            "a list of grounds is found by its rarer grounds",
            format!("{FILLER}Leverantören får inte missgynna någon på grund av kön, ålder eller religion.\n"),
            "AD-04",
            Status::Weak,
        ),
        (
            // The report holds no root phrase; it names the clause by its
            // number alone.
            "a point names the clause by a bare number",
            format!("{CLAUSE}{FILLER}## 10 Uppföljning\n\nLeverantören ska på begäran redovisa hur åtagandena enligt 7.4 fullgörs inom tio dagar.\n"),
            "AD-07",
            Status::Met,
        ),
        (
            // The cure's period stands in a point no rule keeps otherwise.
            "a cure's period in the point it names",
            format!("{CLAUSE}Brister i åtagandena enligt 7.4 ska avhjälpas inom den tid som anges i § 16.\n\n{FILLER}## 16 Rättelse\n\nLeverantören ska vidta rättelse inom 20 dagar.\n"),
            "AD-11",
            Status::Met,
        ),
        (
            // The item holds no root phrase; its lead-in holds the act.
            "a list item is read with its lead-in",
            format!("{FILLER}Leverantören bör enligt diskrimineringslagen (2008:567)\n\n- följa lagen i uppdraget\n"),
            "AD-01",
            Status::Weak,
        ),
        (
            "and a lead-in with its items, as a sanction table's head with its rows",
            format!("{CLAUSE}## 14 Viten\n\n| Avvikelse | Vite |\n|---|---|\n| Brott mot punkt 7.4 | 30 000 kr per påbörjad vecka |\n"),
            "AD-10",
            Status::Met,
        ),
        // The paragraph with the elements holds no root phrase of its own; it
        // is read because its section holds the duty's evidence.
        ("a duty finds its elements elsewhere in its section", duty.clone(), "AD-06", Status::Met),
        ("but not in another section", duty.replace("\n\nArbetet", "\n\n## 11 Övrigt\n\nArbetet"), "AD-06", Status::Weak),
    ]
}

#[test]
fn every_way_a_block_is_kept_keeps_the_status() {
    for (what, text, id, expected) in cases() {
        assert_eq!(status(&text, id), expected, "{what}:\n{text}");
    }
}
