//! The catalogues, the languages they make, and texts in several of them.

use super::*;

#[test]
fn placeholders_are_filled_and_the_rest_stays() {
    let values = [("value", "25 000"), ("min", "{max}"), ("max", "30")];
    assert_eq!(
        fill("vitet {value} kr är lägre än {min} kr", &values),
        "vitet 25 000 kr är lägre än {max} kr"
    );
    assert_eq!(
        fill("{value}{value} {okänd} {", &values),
        "25 00025 000 {okänd} {"
    );
    assert_eq!(fill("{ {max}} {}", &values), "{ 30} {}");
    assert_eq!(fill("åäö {max}", &[]), "åäö {max}");
}

#[test]
fn a_text_falls_back_to_the_default_language_then_to_any() {
    let en = Lang::En;
    let both: Text = [("sv", "hej"), ("en", "hello")].into_iter().collect();
    assert_eq!(both.get(en), "hello");
    let swedish: Text = [("sv", "hej")].into_iter().collect();
    assert_eq!(swedish.get(en), "hej");
    let german: Text = [("de", "hallo")].into_iter().collect();
    assert_eq!(german.get(en), "hallo");
    assert_eq!(Text::default().get(en), "");
}

/// Every catalogue has the default one's keys, each with the same
/// placeholders, and no others; its fallback is a language klausul speaks.
#[test]
fn every_catalogue_says_what_the_default_one_says() {
    assert_eq!(CATALOGUES.iter().filter(|c| c.default).count(), 1);
    let default = &CATALOGUES[0];
    let sorted = |c: &'static Catalogue| {
        let mut keys: Vec<&str> = c.messages.keys().map(String::as_str).collect();
        keys.sort_unstable();
        keys
    };
    let keys = sorted(default);
    for c in CATALOGUES.iter() {
        assert_eq!(sorted(c), keys, "{}", c.code);
        for key in &keys {
            let mut theirs: Vec<_> = placeholders(&default.messages[*key]).collect();
            let mut ours: Vec<_> = placeholders(&c.messages[*key]).collect();
            theirs.sort_unstable();
            ours.sort_unstable();
            assert_eq!(ours, theirs, "{} {key}", c.code);
        }
        assert!(c.fallback.as_deref().is_none_or(|f| catalogue(f).is_some()));
    }
    for lang in [Lang::Sv, Lang::En] {
        assert!(catalogue(lang.code()).is_some(), "{lang:?}");
    }
    assert_eq!(default_code(), Lang::default().code());
}

/// The codes of the files in `rules/messages/`, read from the directory.
fn files() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/messages");
    let mut codes: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    codes.sort();
    codes
}

/// Every catalogue is a language by its code alone: it parses, is
/// written and read back as its code, is a value of `--lang`, and a
/// locale names it. No language is named in code for it.
#[test]
fn every_catalogue_file_is_a_language() {
    use clap::ValueEnum as _;
    let mut ours: Vec<&str> = codes().collect();
    ours.sort_unstable();
    assert_eq!(ours, files());
    assert_eq!(
        Lang::all().iter().map(|l| l.code()).collect::<Vec<_>>(),
        codes().collect::<Vec<_>>()
    );
    for code in files() {
        let lang = Lang::parse(&code).unwrap();
        assert_eq!(lang.code(), code);
        let json = serde_json::to_string(&lang).unwrap();
        assert_eq!(json, format!("\"{code}\""));
        assert_eq!(serde_json::from_str::<Lang>(&json).unwrap(), lang);
        assert_eq!(Lang::from_str(&code, false), Ok(lang));
        assert_eq!(lang.to_possible_value().unwrap().get_name(), code.as_str());
        let upper = code.to_ascii_uppercase();
        assert_eq!(Lang::from_locale(&format!("{code}_{upper}.UTF-8")), lang);
    }
    assert_eq!(Lang::parse("xx"), None);
    let unknown = serde_json::from_str::<Lang>("\"xx\"").unwrap_err();
    assert!(unknown.to_string().starts_with("unknown language \"xx\""));
    assert!(Lang::from_str("xx", false).is_err());
    assert_eq!(Lang::from_locale("C.UTF-8"), Lang::default());
    assert_eq!(Lang::from_locale(""), Lang::default());
    assert_eq!(Lang::from_locale("en_GB.UTF-8"), Lang::En);
    assert_eq!(Lang::default(), Lang::Sv);
}

/// A third catalogue is only a file: read with the others, it comes
/// after the default one, and what it lacks is said in its fallback's
/// words, then the default language's.
#[test]
fn a_third_catalogue_speaks_through_its_fallback() {
    let zz = "[language]\nfallback = \"en\"\n[messages]\nstatus_met = \"erfüllt\"\n";
    let mut sources = SOURCES.to_vec();
    // "zz" and "zy" are codes no real language has.
    sources.push(("zz", zz));
    let all = load(&sources);
    assert_eq!(all.first().map(|c| c.code), Some("sv"));
    assert_eq!(all.iter().filter(|c| c.code == "zz").count(), 1);
    let chain: Vec<&str> = chain_in(&all, "zz").map(|c| c.code).collect();
    assert_eq!(chain, ["zz", "en", "sv"]);
    let say = |key: &str| chain_in(&all, "zz").find_map(|c| c.messages.get(key));
    assert_eq!(say("status_met").unwrap(), "erfüllt");
    assert_eq!(say("status_weak").unwrap(), "weak");
    // Without a fallback, the default language's words stand.
    let mut sources = SOURCES.to_vec();
    sources.push(("zy", "[language]\n[messages]\n"));
    let all = load(&sources);
    let chain: Vec<&str> = chain_in(&all, "zy").map(|c| c.code).collect();
    assert_eq!(chain, ["zy", "sv"]);
}
