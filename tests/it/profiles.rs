//! Profiles load from disk, extend built-ins, and a broken one is a
//! diagnostic pointing at its lines.

use klausul::profile::{Profile, ProfileError};

fn load_temp(name: &str, text: &str) -> Result<Profile, ProfileError> {
    let dir = std::env::temp_dir().join(format!("klausul-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("profile.toml");
    std::fs::write(&path, text).unwrap();
    Profile::load(path.to_str().unwrap())
}

#[test]
fn the_contract_example_extends_stockholm() {
    let profile = load_temp(
        "strict",
        "extends = \"stockholm\"\nid = \"stockholm-strict\"\n\n[parameters]\nreport_max_days = 5\n",
    )
    .unwrap();
    assert_eq!(profile.id, "stockholm-strict");
    assert!((profile.parameters.report_max_days - 5.0).abs() < f64::EPSILON);
    assert!((profile.parameters.penalty_min_sek - 25_000.0).abs() < f64::EPSILON);
    assert_eq!(profile.requirements().count(), 13);
    assert_ne!(profile.sha256, Profile::stockholm().sha256);
    let text = "## 7.4 Antidiskriminering\n\nLeverantören ska på begäran inom tio (10) dagar redovisa hur villkoren i detta avsnitt uppfylls.\n";
    let checked = super::check_markdown(text, &profile);
    let ad07 = checked
        .requirements
        .iter()
        .find(|r| r.id == "AD-07")
        .unwrap();
    assert_eq!(
        ad07.message,
        "tidsfristen \"tio (10) dagar\" (10 dagar) är längre än högst 5 dagar"
    );
}

#[test]
fn severities_can_change_and_requirements_switch_off() {
    let profile = load_temp(
        "sev",
        "extends = \"stockholm\"\nid = \"x\"\n\n[requirements.AD-08]\nseverity = \"error\"\n\n[requirements.AD-13]\nenabled = false\n",
    ).unwrap();
    assert_eq!(
        profile.requirement("AD-08").unwrap().severity.name(),
        "error"
    );
    assert_eq!(profile.requirements().count(), 12);
}

#[test]
fn unknown_keys_point_at_their_line() {
    let text = "extends = \"stockholm\"\nid = \"x\"\n\n[parameters]\nreport_max_dayz = 5\n";
    let err = load_temp("unknown", text).unwrap_err();
    assert_eq!(err.lines(text), vec![5]);
    assert!(
        err.problems[0]
            .message
            .starts_with("unknown field `report_max_dayz`"),
        "{}",
        err.problems[0].message
    );
}

#[test]
fn every_problem_is_reported_with_its_line() {
    let text = "extends = \"stockholm\"\nid = \"x\"\n\n[requirements.AD-99]\nseverity = \"fatal\"\n\n[requirements.AD-01]\nseverity = \"fatal\"\n";
    let err = load_temp("many", text).unwrap_err();
    let messages: Vec<&str> = err.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        vec![
            "unknown severity \"fatal\"; use error, warning or info",
            "no requirement \"AD-99\" to override"
        ]
    );
    assert_eq!(err.lines(text), vec![8, 4]);
}

#[test]
fn a_pattern_that_can_never_match_is_reported() {
    let base = klausul::profile::BUILTIN[0].1;
    let text = base.replacen(
        "equal_value = [\"lika värde\"",
        "equal_value = [\"Lika värde\"",
        1,
    );
    let err = load_temp("pattern", &text).unwrap_err();
    assert_eq!(err.problems.len(), 1);
    assert_eq!(
        err.problems[0].message,
        "pattern \"Lika värde\": the pattern has capital letters, but text is matched in lower case, so it can never match"
    );
    let line = text
        .lines()
        .position(|l| l.contains("\"Lika värde\""))
        .unwrap()
        + 1;
    assert_eq!(err.lines(&text), vec![line]);
}

#[test]
fn a_missing_parent_is_an_error_at_extends() {
    let text = "extends = \"no-such-profile\"\nid = \"x\"\n";
    let err = load_temp("parent", text).unwrap_err();
    assert_eq!(err.lines(text), vec![1]);
}

#[test]
fn a_profile_that_extends_itself_is_an_error_at_extends() {
    let dir = super::scratch("extends-itself");
    let text = "extends = \"self.toml\"\nid = \"self\"\n";
    std::fs::write(dir.join("self.toml"), text).unwrap();
    let path = dir.join("self.toml");
    let err = Profile::load(path.to_str().unwrap()).unwrap_err();
    let name = path.display().to_string();
    assert_eq!(err.file, name);
    assert_eq!(err.problems.len(), 1);
    assert_eq!(
        err.problems[0].message,
        format!("`extends` makes a loop: {name} → {name}")
    );
    assert_eq!(err.lines(text), vec![1]);
}

#[test]
fn two_profiles_that_extend_each_other_are_an_error_naming_both() {
    let dir = super::scratch("extends-loop");
    std::fs::write(dir.join("a.toml"), "extends = \"b.toml\"\nid = \"a\"\n").unwrap();
    let b = "id = \"b\"\n\nextends = \"a.toml\"\n";
    std::fs::write(dir.join("b.toml"), b).unwrap();
    let out = super::klausul(&dir, &["check", "--profile", "a.toml", "a.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("invalid profile b.toml"), "{stderr}");
    assert!(
        stderr.contains("`extends` makes a loop: a.toml → b.toml → a.toml"),
        "{stderr}"
    );
    assert!(stderr.contains("[b.toml:3:11]"), "{stderr}");
}

/// A profile may word a catalogue's message its own way, in the languages it
/// gives; the others keep the catalogue's.
#[test]
fn a_profile_words_a_message_its_own_way() {
    let profile = load_temp(
        "messages",
        "extends = \"stockholm\"\nid = \"x\"\n\n[messages]\nmissing = { sv = \"fattas: {summary}\" }\n",
    )
    .unwrap();
    let checked = super::check_markdown("# Avtal\n", &profile);
    assert_eq!(
        checked.requirements[0].message,
        "fattas: leverantören förbinds att följa diskrimineringslagen (2008:567) under avtalstiden"
    );
    let stockholm = Profile::stockholm();
    let lang = klausul::model::lang::Lang::En;
    assert_eq!(
        profile.template("missing", lang),
        stockholm.template("missing", lang)
    );
}

#[test]
fn texts_are_keyed_by_languages_klausul_speaks() {
    let text = "extends = \"stockholm\"\nid = \"x\"\nname = { sv = \"Egen\", se = \"Egen\" }\n\n[messages]\nmet = { en = \"done: {summary}\" }\nmett = { sv = \"klart\" }\n";
    let err = load_temp("languages", text).unwrap_err();
    let messages: Vec<&str> = err.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "unknown language \"se\"; the languages are sv, en",
            "this text needs `sv`, the default language",
            "unknown message key `mett`",
        ]
    );
    assert_eq!(err.lines(text), vec![3, 6, 7]);
    // A text in the default language alone stands for every language.
    let profile = load_temp(
        "swedish",
        "extends = \"stockholm\"\nid = \"x\"\nname = { sv = \"Egen\" }\n",
    )
    .unwrap();
    assert_eq!(profile.name.get(klausul::model::lang::Lang::En), "Egen");
}
