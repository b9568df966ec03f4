//! `rules/` is the only domain knowledge: a profile with its own requirement
//! ids, its own register columns and its own header words works with no Rust
//! change, and `src/` names no requirement id and no clause vocabulary.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{klausul, repo};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("klausul-rules-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The built-in Stockholm rules with every id renamed: AD-nn becomes GB-nn.
fn goteborg() -> String {
    let text = std::fs::read_to_string(repo().join("rules/stockholm.toml")).unwrap();
    assert!(text.contains("id = \"stockholm\""));
    text.replace("AD-", "GB-")
        .replace("id = \"stockholm\"", "id = \"goteborg\"")
}

/// (document, requirement or row, status) for every judgement of a JSON report.
fn judgements(json: &[u8]) -> Vec<(String, String, String)> {
    let report: Value = serde_json::from_slice(json).unwrap();
    let mut out = Vec::new();
    for doc in report["documents"].as_array().unwrap() {
        let path = doc["path"].as_str().unwrap().to_owned();
        for r in doc["requirements"].as_array().into_iter().flatten() {
            out.push((
                path.clone(),
                r["id"].as_str().unwrap().to_owned(),
                r["status"].as_str().unwrap().to_owned(),
            ));
        }
        for row in doc["rows"].as_array().into_iter().flatten() {
            let reasons: Vec<&str> = row["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["requirement"].as_str().unwrap())
                .collect();
            out.push((
                path.clone(),
                format!("row {} {}", row["row"], reasons.join(",")),
                row["status"].as_str().unwrap().to_owned(),
            ));
        }
    }
    out
}

fn check_json(profile: &str, inputs: &[&str]) -> Vec<u8> {
    let mut args = vec![
        "check",
        "--format",
        "json",
        "--fail-on",
        "never",
        "--profile",
        profile,
    ];
    args.extend(inputs);
    let out = klausul(&repo(), &args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn the_builtin_rules_with_every_id_renamed_give_the_same_statuses() {
    let dir = temp_dir("renamed");
    let path = dir.join("goteborg.toml");
    std::fs::write(&path, goteborg()).unwrap();
    let inputs = [
        "fixtures/tune",
        "fixtures/holdout",
        "fixtures/office",
        "fixtures/sheets/avtalsregister.xlsx",
        "fixtures/sheets/kravkatalog.xlsx",
    ];
    let ours = judgements(&check_json(path.to_str().unwrap(), &inputs));
    let theirs = judgements(&check_json("stockholm", &inputs));
    assert!(ours.len() > 300, "{} judgements", ours.len());
    let renamed: Vec<_> = theirs
        .into_iter()
        .map(|(p, id, s)| (p, id.replace("AD-", "GB-"), s))
        .collect();
    assert_eq!(ours, renamed);
    assert!(ours
        .iter()
        .any(|(_, id, _)| id.starts_with("row ") && id.contains("GB-00")));
}

/// A register whose headers only a vocabulary of its own knows, judged on the
/// one term column its profile names.
#[test]
fn a_profile_with_its_own_register_columns_needs_no_rust() {
    let dir = temp_dir("columns");
    let vocabulary = std::fs::read_to_string(repo().join("rules/vocabulary.toml"))
        .unwrap()
        .replace(
            "role = \"type\"\nwords = [",
            "role = \"type\"\nwords = [\"upphandlingsform\", ",
        );
    std::fs::write(dir.join("ord.toml"), vocabulary).unwrap();
    let terms_start = goteborg().find("[register.terms]").unwrap();
    let mut profile = goteborg();
    let terms_end = terms_start + profile[terms_start..].find("\n\n").unwrap();
    profile.replace_range(
        terms_start..terms_end,
        "[register.terms]\npenalty = \"GB-10\"",
    );
    let profile = profile.replacen(
        "[parameters]",
        "vocabulary = \"ord.toml\"\n\n[parameters]",
        1,
    );
    std::fs::write(dir.join("goteborg.toml"), profile).unwrap();
    std::fs::write(
        dir.join("register.csv"),
        "Avtalsnr;Upphandlingsform;Klausul ingår;Vite per vecka (kr);Underleverantörskrav\n\
         G-1;Tjänst;Ja;5 000;Ja\n\
         G-2;Tjänst;Ja;30 000;Nej\n",
    )
    .unwrap();
    let out = klausul(
        &dir,
        &[
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--profile",
            "goteborg.toml",
            "register.csv",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = judgements(&out.stdout);
    assert_eq!(
        got,
        [
            // The clause applies (a service) and is included; the penalty is low.
            (
                "register.csv".to_owned(),
                "row 2 GB-00,GB-00,GB-10".to_owned(),
                "non-compliant".to_owned()
            ),
            // The flow-down column is not a term this profile judges.
            (
                "register.csv".to_owned(),
                "row 3 GB-00,GB-00".to_owned(),
                "compliant".to_owned()
            ),
        ]
    );
}

#[test]
fn a_register_term_must_name_a_requirement_of_the_profile() {
    let dir = temp_dir("bad-term");
    let profile = goteborg().replace("penalty = \"GB-10\"", "penalty = \"AD-10\"");
    std::fs::write(dir.join("p.toml"), profile).unwrap();
    std::fs::write(dir.join("a.md"), "# Avtal\n").unwrap();
    let out = klausul(&dir, &["check", "--profile", "p.toml", "a.md"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr
            .contains("[register.terms] names \"AD-10\", which is no requirement of this profile"),
        "{stderr}"
    );
}

/// Every Rust file of the library and binary, without its unit tests.
fn source_code() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(&repo().join("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).unwrap();
            let code = text
                .find("#[cfg(test)]")
                .map_or(text.as_str(), |at| &text[..at]);
            // Comments and doc comments may quote clause text.
            let code: String = code
                .lines()
                .map(|l| l.split("//").next().unwrap_or(""))
                .collect::<Vec<_>>()
                .join("\n");
            (f, code)
        })
        .collect()
}

/// The string literals of a piece of code, lower case.
fn literals(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = code.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '"' || code[..i].ends_with('\'') {
            continue;
        }
        let mut lit = String::new();
        while let Some((_, c)) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => break,
                c => lit.push(c),
            }
        }
        out.push(lit.to_lowercase());
    }
    out
}

/// Files of language and document grammar, which may name words the rules
/// also use (ARCHITECTURE.md lists them): abbreviations that do not end a
/// sentence ("org.nr"), Word's heading style names ("Rubrik 2"), and the
/// words a title line never ends with ("och", "the"). The words that open an
/// annex's title line are the vocabulary's (`[headings] annex`).
const GRAMMAR: &[&str] = &[
    "src/grammar/",
    "src/analysis/sentences.rs",
    "src/document/docx/styles.rs",
    "src/document/title_words.rs",
];

/// The text of every file under `rules/`: the profiles, the vocabulary and
/// the message catalogues.
fn rule_files() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(std::fs::read_to_string(path).unwrap());
            }
        }
    }
    let mut out = Vec::new();
    walk(&repo().join("rules"), &mut out);
    out
}

/// The names rule files use for their own parts, which code names too: every
/// key, every name-like value outside a list ("penalty" as a check, "supplier"
/// as a column role), the placeholders of message templates ("{value}"), and
/// the names `contracts.md` gives a report's values ("document", "services").
fn rule_names() -> BTreeSet<String> {
    fn walk(v: &toml::Value, out: &mut BTreeSet<String>) {
        match v {
            toml::Value::String(s)
                if s.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '-') =>
            {
                out.insert(s.clone());
            }
            toml::Value::Table(t) => {
                for (k, v) in t {
                    out.insert(k.clone());
                    walk(v, out);
                }
            }
            toml::Value::Array(a) => a.iter().filter(|x| x.is_table()).for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut names: BTreeSet<String> = [
        "document",
        "catalogue",
        "register",
        "services",
        "works",
        "goods",
    ]
    .map(str::to_owned)
    .into();
    for text in rule_files() {
        let value: toml::Value = toml::from_str(&text).unwrap();
        walk(&value, &mut names);
        for piece in text.split('{').skip(1) {
            if let Some((name, _)) = piece.split_once('}') {
                if name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                    names.insert(name.to_owned());
                }
            }
        }
    }
    names
}

/// Words of the report for people, in the renderers, that happen to be rule
/// words too: a register row "uppfyller" (complies), and the heading of the
/// column naming a row's contract ("Avtal", "Agreement"), which are also
/// common stems in the vocabulary. They are the report's own language, not
/// clause vocabulary; elsewhere in `src/` they are not excused.
const REPORT_WORDS: &[&str] = &["uppfyller", "avtal", "agreement", "sammanfattning"];

/// The words of every pattern list in the built-in rules. Column header
/// words ("name", "start") are generic; that they come from the vocabulary
/// is shown by a register read by a header word only a profile knows.
fn rule_words() -> BTreeSet<String> {
    fn strings(v: &toml::Value, inside_list: bool, out: &mut BTreeSet<String>) {
        match v {
            toml::Value::String(s) if inside_list => {
                out.insert(s.trim_matches('*').to_lowercase());
            }
            toml::Value::Array(a) => a.iter().for_each(|x| strings(x, true, out)),
            toml::Value::Table(t) => t.values().for_each(|x| strings(x, false, out)),
            _ => {}
        }
    }
    let mut words = BTreeSet::new();
    for text in rule_files() {
        let mut value: toml::Value = toml::from_str(&text).unwrap();
        if let Some(t) = value.as_table_mut() {
            t.remove("header");
            // Words that open advice to a drafter ("list", "include") are
            // about writing, not the clause, and as generic as headers.
            t.remove("drafting");
        }
        strings(&value, false, &mut words);
    }
    // Too short or too general to be vocabulary by themselves; and the
    // program's own name, which is also a header word.
    words.retain(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4 && w != "klausul");
    words
}

#[test]
fn src_names_no_requirement_id() {
    let mut found = Vec::new();
    for (file, code) in source_code() {
        for lit in literals(&code) {
            let upper = lit.to_uppercase();
            let bytes = upper.as_bytes();
            if (0..bytes.len().saturating_sub(4)).any(|i| {
                bytes[i..].starts_with(b"AD-")
                    && bytes[i + 3].is_ascii_digit()
                    && bytes[i + 4].is_ascii_digit()
            }) {
                found.push(format!("{}: \"{lit}\"", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "requirement ids in src/:\n{}",
        found.join("\n")
    );
}

#[test]
fn src_holds_no_clause_vocabulary() {
    let words = rule_words();
    assert!(words.contains("underleverantör"), "{words:?}");
    // The pre-filter's common stems are vocabulary too (rules/vocabulary.toml).
    assert!(words.contains("värde"), "{words:?}");
    let names = rule_names();
    assert!(
        names.contains("value") && names.contains("outdated"),
        "{names:?}"
    );
    let mut found = Vec::new();
    for (file, code) in source_code() {
        let rel = file
            .strip_prefix(repo())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if GRAMMAR.iter().any(|g| rel.starts_with(g)) {
            continue;
        }
        let renderer = rel.starts_with("src/render/");
        for lit in literals(&code) {
            let lit_word = lit.trim();
            if renderer && REPORT_WORDS.contains(&lit_word) {
                continue;
            }
            if words.contains(lit_word) && !names.contains(lit_word) {
                found.push(format!("{}: \"{lit}\"", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "clause vocabulary in src/ (move it to rules/):\n{}",
        found.join("\n")
    );
}
