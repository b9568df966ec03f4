//! The formats a report can be written in, by the names users give them.

/// The formats a report can be written in. As a `--format` value (clap's
/// `ValueEnum`) every one but xlsx, which is no text for standard output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OutputFormat {
    #[default]
    Human,
    Json,
    Sarif,
    Junit,
    Github,
    Gitlab,
    Html,
    Markdown,
    Csv,
    #[value(skip)]
    Xlsx,
}

impl OutputFormat {
    pub const ALL: [Self; 10] = [
        Self::Human,
        Self::Json,
        Self::Sarif,
        Self::Junit,
        Self::Github,
        Self::Gitlab,
        Self::Html,
        Self::Markdown,
        Self::Csv,
        Self::Xlsx,
    ];

    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Human => "human",
            Self::Json => "json",
            Self::Sarif => "sarif",
            Self::Junit => "junit",
            Self::Github => "github",
            Self::Gitlab => "gitlab",
            Self::Html => "html",
            Self::Markdown => "markdown",
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
        }
    }

    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }
}
