//! The library's layers import one way: each top-level module may use only
//! the modules below it in `LAYERS`, and no two files of one folder use each
//! other. Read from the source text, so no tool is needed in CI.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Bottom to top. A module may use those before it, never those after.
const LAYERS: &[&[&str]] = &[
    // The shared vocabulary; imports nothing of ours.
    &["model"],
    // Language grammar: numbers, amounts, periods, references.
    &["grammar"],
    // Bytes and their formats; our own TOML files; the rules as data.
    &["source"],
    &["toml_file"],
    &["profile"],
    // Reading documents and spreadsheets.
    &["document"],
    &["sheet"],
    &["input"],
    &["config"],
    // One analysis per document.
    &["analysis"],
    // Checking: the report model, the requirements, suppressions, baselines.
    &["report"],
    &["check"],
    &["suppress"],
    &["baseline"],
    // Rendering.
    &["render"],
    // Writing findings into a copy of a Word document.
    &["annotate"],
    // Running it all.
    &["run"],
    // The local web page: its server over all of the above.
    &["serve"],
    &["fuzzing"],
];

fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file's code without its unit tests.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// Paths of the form `crate::name`, outside comments.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in code.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.insert(name);
            }
            rest = after;
        }
    }
    found
}

fn lib_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    files.retain(|f| !f.starts_with("src/cli") && f != Path::new("src/main.rs"));
    files.sort();
    files
}

/// The top-level module a file belongs to.
fn module_of(file: &Path) -> String {
    let rel = file.strip_prefix("src").unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_owned()
}

#[test]
fn lower_layers_never_import_higher_ones() {
    let mut wrong = Vec::new();
    for file in lib_files() {
        let module = module_of(&file);
        if module == "lib" {
            continue;
        }
        let own = rank(&module).unwrap_or_else(|| panic!("{module} is in no layer"));
        for used in crate_paths(&code(&file)) {
            let theirs = rank(&used).unwrap_or_else(|| panic!("{used} is in no layer"));
            if theirs > own {
                wrong.push(format!("{} uses crate::{used}", file.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_model_imports_nothing_of_ours() {
    for file in lib_files().iter().filter(|f| module_of(f) == "model") {
        let used: Vec<_> = crate_paths(&code(file))
            .into_iter()
            .filter(|m| m != "model")
            .collect();
        assert!(used.is_empty(), "{} uses {used:?}", file.display());
    }
}

/// Two files of one folder that use each other (`super::a` in b and
/// `super::b` in a) are a cycle inside a layer.
#[test]
fn no_two_files_of_a_folder_use_each_other() {
    let mut uses: BTreeMap<PathBuf, BTreeSet<String>> = BTreeMap::new();
    for file in lib_files() {
        if file.file_name().is_some_and(|n| n == "mod.rs") {
            continue;
        }
        let text = code(&file);
        let mut names = BTreeSet::new();
        let module_path = file.with_extension("");
        let parent = module_path.parent().unwrap().strip_prefix("src").unwrap();
        let prefix = format!("crate::{}::", parent.display()).replace('/', "::");
        for needle in ["super::".to_owned(), prefix] {
            let mut rest = text.as_str();
            while let Some(at) = rest.find(&needle) {
                let after = &rest[at + needle.len()..];
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                names.insert(name);
                rest = after;
            }
        }
        uses.insert(file, names);
    }
    let mut cycles = Vec::new();
    for (file, names) in &uses {
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        for name in names {
            let sibling = file.with_file_name(format!("{name}.rs"));
            if sibling > *file && uses.get(&sibling).is_some_and(|n| n.contains(&stem)) {
                cycles.push(format!("{} <-> {}", file.display(), sibling.display()));
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "files that use each other:\n{}",
        cycles.join("\n")
    );
}
