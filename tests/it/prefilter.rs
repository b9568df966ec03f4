//! The pre-filter skips blocks no rule can use. Each document here has the
//! evidence for one requirement in a place only one of its rules keeps: the
//! status must be the one written here, and the same as when every block is
//! analysed.

use klausul::check::{check, CheckOptions};
use klausul::document::read_text;
use klausul::lang::Lang;
use klausul::profile::Profile;
use klausul::report::Status;
use klausul::source::Format;

const CLAUSE: &str =
    "## 7.4 Antidiskriminering\n\nLeverantören ska följa diskrimineringslagen (2008:567).\n\n";
const FILLER: &str = "## 9 Fakturering\n\nFakturering sker månadsvis i efterskott.\n\n";

fn status(text: &str, id: &str) -> Status {
    let profile = Profile::stockholm();
    let doc = read_text(text.to_owned(), Format::Markdown);
    let options = |everything| CheckOptions {
        lang: Lang::Sv,
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

#[test]
fn a_sanction_in_a_subsection_of_the_clause_is_tied() {
    let text = format!(
        "{CLAUSE}### 7.4.1 Påföljder\n\nLeverantören ska betala vite med 50 000 kr per påbörjad vecka.\n\n{FILLER}"
    );
    assert_eq!(status(&text, "AD-10"), Status::Met);
}

#[test]
fn a_sanction_in_the_general_terms_that_names_the_clause_is_tied() {
    let text = format!(
        "{CLAUSE}{FILLER}## 12 Påföljder\n\nVid brott mot punkt\n7.4 ska leverantören betala vite med 50 000 kr per påbörjad vecka.\n"
    );
    assert_eq!(status(&text, "AD-10"), Status::Met);
    let parent = text.replace("punkt\n7.4", "avsnitt 7");
    assert_eq!(status(&parent, "AD-10"), Status::Met);
    let elsewhere = text.replace("punkt\n7.4", "punkt 9");
    assert_eq!(status(&elsewhere, "AD-10"), Status::Missing);
}

#[test]
fn a_general_breach_elsewhere_makes_termination_weak() {
    let text = format!(
        "{CLAUSE}{FILLER}## 12 Hävning\n\nVid väsentligt avtalsbrott får beställaren häva avtalet.\n"
    );
    assert_eq!(status(&text, "AD-12"), Status::Weak);
}

#[test]
fn words_split_by_a_line_end_hyphen_or_a_soft_hyphen_are_seen() {
    let hyphen = format!("{FILLER}Leverantören ska följa diskrimi-\nneringslagen.\n");
    assert_eq!(status(&hyphen, "AD-01"), Status::Met);
    let soft = format!("{FILLER}Leverantören ska följa diskrimi\u{ad}neringslagen.\n");
    assert_eq!(status(&soft, "AD-01"), Status::Met);
    let neither = format!("{FILLER}Leverantören ska följa lagen.\n");
    assert_eq!(status(&neither, "AD-01"), Status::Missing);
}

#[test]
fn a_list_of_grounds_is_found_by_its_rarer_grounds() {
    // "kön" and "ålder" are not searched for; a list names a third ground.
    let text = format!(
        "{FILLER}Leverantören får inte missgynna någon på grund av kön, ålder eller religion.\n"
    );
    assert_eq!(status(&text, "AD-04"), Status::Weak);
}

#[test]
fn a_duty_finds_its_elements_elsewhere_in_its_section() {
    // The paragraph with the elements holds no root phrase of its own; it is
    // read because its section holds the duty's evidence.
    let text = format!(
        "{FILLER}## 10 Personal\n\nLeverantören ska arbeta med aktiva åtgärder.\n\n\
         Arbetet ska dokumenteras och visas på beställarens begäran.\n"
    );
    assert_eq!(status(&text, "AD-06"), Status::Met);
    let elsewhere = text.replace("\n\nArbetet", "\n\n## 11 Övrigt\n\nArbetet");
    assert_eq!(status(&elsewhere, "AD-06"), Status::Weak);
}
