//! Exact spans, statuses and messages in the report.

use klausul::model::vocab::Status;
use klausul::profile::Profile;

use super::check_markdown;

const WEAK_REPORT: &str = "# Avtal om städtjänster\n\n## 7.4 Antidiskriminering\n\nLeverantören ska på begäran redovisa hur villkoren i detta avsnitt uppfylls inom skälig tid.\n";

#[test]
fn weak_report_points_at_the_vague_time() {
    let checked = check_markdown(WEAK_REPORT, &Profile::stockholm());
    let ad07 = checked
        .requirements
        .iter()
        .find(|r| r.id == "AD-07")
        .unwrap();
    assert_eq!(ad07.status, Status::Weak);
    assert_eq!(
        ad07.message,
        "tidsfristen \"skälig tid\" är inte en bestämd tid"
    );
    let loc = &ad07.locations[0];
    assert_eq!(
        (loc.line, loc.column, loc.end_line, loc.end_column),
        (5, 82, 5, 92)
    );
    assert_eq!(&WEAK_REPORT[loc.byte_start..loc.byte_end], "skälig tid");
    assert_eq!(loc.section.as_deref(), Some("7.4"));
    assert_eq!(loc.heading.as_deref(), Some("Antidiskriminering"));
}

#[test]
fn missing_points_at_the_clause_heading() {
    let checked = check_markdown(WEAK_REPORT, &Profile::stockholm());
    let ad03 = checked
        .requirements
        .iter()
        .find(|r| r.id == "AD-03")
        .unwrap();
    assert_eq!(ad03.status, Status::Missing);
    let loc = &ad03.locations[0];
    assert_eq!(
        &WEAK_REPORT[loc.byte_start..loc.byte_end],
        "## 7.4 Antidiskriminering"
    );
    assert_eq!(loc.line, 3);
}

#[test]
fn goods_only_is_not_applicable_with_the_reason() {
    let text = "# Upphandling av varor\n\nUpphandlingen avser leverans av varor.\n";
    let checked = check_markdown(text, &Profile::stockholm());
    assert!(!checked.scope.applies);
    assert_eq!(checked.requirements.len(), 13);
    for r in &checked.requirements {
        assert_eq!(r.status, Status::NotApplicable, "{}", r.id);
        assert_eq!(
            r.message,
            "varuupphandling: klausulen gäller bara tjänster och entreprenader"
        );
    }
}

#[test]
fn unknown_type_is_assumed_to_apply() {
    let checked = check_markdown(
        "Leverantören ska följa diskrimineringslagen (2008:567).",
        &Profile::stockholm(),
    );
    assert!(checked.scope.applies);
    assert_eq!(
        checked.scope.reason,
        "kontraktstypen framgår inte av texten; klausulen antas gälla"
    );
}

#[test]
fn the_2006_260_profile_has_eleven_requirements_and_thresholds() {
    let profile = Profile::load("forordning-2006-260").unwrap();
    let short = "# Avtal om städtjänster\n\nAvtalstiden är sex (6) månader.\n\nLeverantören ska följa diskrimineringslagen (2008:567).\n";
    let checked = check_markdown(short, &profile);
    assert_eq!(checked.requirements.len(), 11);
    assert!(!checked
        .requirements
        .iter()
        .any(|r| r.id == "AD-03" || r.id == "AD-13"));
    assert!(!checked.scope.applies);
    assert_eq!(
        checked.scope.reason,
        "tjänsteupphandling: klausulen gäller; avtalstiden 6 månader är kortare än 8 månader"
    );
}

#[test]
fn options_count_toward_the_duration() {
    let profile = Profile::load("forordning-2006-260").unwrap();
    let text = "# Avtal om städtjänster\n\nAvtalstiden är sex (6) månader. Avtalet kan förlängas med sex (6) månader.\n\nDet uppskattade värdet är 900 000 kr.\n";
    let checked = check_markdown(text, &profile);
    assert!(checked.scope.applies, "{}", checked.scope.reason);
}
