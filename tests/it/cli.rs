//! CLI cases as data: `tests/cmd/*.toml`, each with its exact output and exit
//! status. The environment is pinned so output is stable.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .register_bin("klausul", trycmd::cargo::cargo_bin!("klausul"))
        .env("LANG", "sv_SE.UTF-8")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .case("tests/cmd/*.toml");
}
