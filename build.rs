//! Compiles the message catalogues in `rules/messages/` into the binary: one
//! file per language, named by its code, so a new language needs no Rust.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new("rules/messages");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("rules/messages is readable")
        .map(|e| e.expect("rules/messages is readable").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut out = String::from("&[\n");
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let code = file.file_stem().expect("a file name").to_string_lossy();
        let path = std::fs::canonicalize(file).expect("the file exists");
        let _ = writeln!(
            out,
            "    ({code:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("]\n");
    let target =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalogues.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}
