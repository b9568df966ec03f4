//! No source file over 400 lines and no function over 60: a part that grows
//! past these is doing more than one thing (issue 21, item 5). Read from the
//! source text, so no tool is needed in CI.

use std::path::{Path, PathBuf};

/// Lines a file of `src/` may have, its unit tests included.
const FILE_LINES: usize = 400;
/// Lines a function may have, from its `fn` line to its closing brace.
const FN_LINES: usize = 60;

/// Files still over a limit, waiting for their own split by those who work
/// on them: the CSV matrix (`records`) and the catalogue reader
/// (`document`), each a function over 60. Each entry must be over, so that a file split and not
/// taken off this list fails.
const STILL_OVER: &[&str] = &["src/render/matrix.rs", "src/sheet/catalogue.rs"];

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

fn files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    files.sort();
    files
}

/// The source with comments, strings and character literals blanked, lines
/// kept, so that braces can be counted.
fn blank(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some(end) = skipped(&chars, i) {
            out.extend(
                chars[i..end]
                    .iter()
                    .map(|&c| if c == '\n' { c } else { ' ' }),
            );
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Where a comment or literal that starts at `i` ends, if one starts there.
fn skipped(chars: &[char], i: usize) -> Option<usize> {
    let at = |j: usize| chars.get(j).copied();
    match (chars[i], at(i + 1)) {
        ('/', Some('/')) => Some(
            (i..chars.len())
                .find(|&j| chars[j] == '\n')
                .unwrap_or(chars.len()),
        ),
        ('/', Some('*')) => Some(block_comment_end(chars, i)),
        ('r', Some('"' | '#'))
            if i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_') =>
        {
            raw_string_end(chars, i)
        }
        ('"', _) => {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            Some((j + 1).min(chars.len()))
        }
        // A character literal ('{', '\'', '\u{7b}'), or else a lifetime.
        ('\'', Some('\\')) => chars
            .get(i + 3..)?
            .iter()
            .position(|&c| c == '\'')
            .map(|p| i + 4 + p),
        ('\'', _) if at(i + 2) == Some('\'') => Some(i + 3),
        _ => None,
    }
}

fn block_comment_end(chars: &[char], mut i: usize) -> usize {
    let mut depth = 0;
    while i < chars.len() {
        match (chars[i], chars.get(i + 1)) {
            ('/', Some('*')) => {
                depth += 1;
                i += 2;
            }
            ('*', Some('/')) => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    i
}

/// The end of `r"…"` or `r#"…"#` at `i`; `None` for `r#ident`.
fn raw_string_end(chars: &[char], i: usize) -> Option<usize> {
    let mut j = i + 1;
    let mut hashes = 0;
    while chars.get(j) == Some(&'#') {
        hashes += 1;
        j += 1;
    }
    if chars.get(j) != Some(&'"') {
        return None;
    }
    j += 1;
    while j < chars.len() {
        if chars[j] == '"' && (1..=hashes).all(|h| chars.get(j + h) == Some(&'#')) {
            return Some(j + 1 + hashes);
        }
        j += 1;
    }
    Some(j)
}

/// The name of the function a line declares, if it declares one.
fn declared(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    for word in [
        "pub(crate) ",
        "pub(super) ",
        "pub ",
        "const ",
        "async ",
        "unsafe ",
    ] {
        rest = rest.strip_prefix(word).unwrap_or(rest);
    }
    let rest = rest.strip_prefix("fn ")?;
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// Every function with a body, as (name, first line, lines).
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let Some(name) = declared(line) else { continue };
        // The body opens at the first `{` before any `;` ends a bodiless
        // declaration.
        let mut depth = 0usize;
        let mut opened = false;
        'scan: for (at, line) in lines.iter().enumerate().skip(start) {
            let from = if at == start {
                line.find("fn ").unwrap()
            } else {
                0
            };
            for c in line[from..].chars() {
                match c {
                    ';' if !opened => break 'scan,
                    '{' => {
                        opened = true;
                        depth += 1;
                    }
                    '}' if opened => {
                        depth -= 1;
                        if depth == 0 {
                            found.push((name.to_owned(), start + 1, at - start + 1));
                            break 'scan;
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    found
}

fn allowed(file: &Path) -> bool {
    STILL_OVER.iter().any(|f| Path::new(f) == file)
}

#[test]
fn no_source_file_is_over_400_lines() {
    let mut over = Vec::new();
    for file in files() {
        let lines = std::fs::read_to_string(&file).unwrap().lines().count();
        if lines > FILE_LINES && !allowed(&file) {
            over.push(format!("{}: {lines} lines", file.display()));
        }
    }
    assert!(
        over.is_empty(),
        "files over {FILE_LINES} lines:\n{}",
        over.join("\n")
    );
}

#[test]
fn no_function_is_over_60_lines() {
    let mut over = Vec::new();
    for file in files() {
        if allowed(&file) {
            continue;
        }
        let text = blank(&std::fs::read_to_string(&file).unwrap());
        for (name, line, lines) in functions(&text) {
            if lines > FN_LINES {
                over.push(format!(
                    "{}:{line}: fn {name}, {lines} lines",
                    file.display()
                ));
            }
        }
    }
    assert!(
        over.is_empty(),
        "functions over {FN_LINES} lines:\n{}",
        over.join("\n")
    );
}

/// A file is listed in `STILL_OVER` only while it is over a limit.
#[test]
fn the_allowlist_names_only_files_still_over() {
    for name in STILL_OVER {
        let text = std::fs::read_to_string(name).unwrap();
        let long_file = text.lines().count() > FILE_LINES;
        let long_fn = functions(&blank(&text))
            .iter()
            .any(|(_, _, lines)| *lines > FN_LINES);
        assert!(
            long_file || long_fn,
            "{name} is within the limits; take it off STILL_OVER"
        );
    }
}

/// The counter itself: braces in strings, characters and comments are not
/// counted, and a function is measured from `fn` to its closing brace.
#[test]
fn functions_are_measured_from_fn_to_closing_brace() {
    let text =
        "fn a() {\n    let s = \"}\";\n    let c = '{';\n    let q = ('\\'','{');\n    // }\n    let r = r#\"{\"#;\n}\n\
                fn b<'x>(v: &'x str) -> &'x str {\n    v\n}\nfn c();\n";
    let found = functions(&blank(text));
    assert_eq!(found, vec![("a".to_owned(), 1, 7), ("b".to_owned(), 8, 3)]);
}
