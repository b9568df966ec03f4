//! The profiles compiled into the binary from `rules/`, so `klausul check FILE`
//! works with nothing else on disk.

/// Built-in profiles: id and TOML text.
pub const BUILTIN: &[(&str, &str)] = &[
    ("stockholm", include_str!("../../rules/stockholm.toml")),
    (
        "forordning-2006-260",
        include_str!("../../rules/forordning-2006-260.toml"),
    ),
];

#[must_use]
pub fn source(id: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .find(|(name, _)| *name == id)
        .map(|(_, text)| *text)
}
