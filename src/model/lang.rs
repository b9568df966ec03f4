//! The two languages klausul speaks, and texts that carry both.

use serde::Serialize;

/// Also the values of `--lang` (clap's `ValueEnum`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    /// The language a `LANG`-style locale names; Swedish unless it names English.
    #[must_use]
    pub fn from_locale(locale: &str) -> Self {
        if locale.to_ascii_lowercase().starts_with("en") {
            Self::En
        } else {
            Self::Sv
        }
    }

    #[must_use]
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "sv" => Some(Self::Sv),
            "en" => Some(Self::En),
            _ => None,
        }
    }
}

/// A text written in Swedish and English.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    pub sv: String,
    pub en: String,
}

impl Text {
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }
}

/// Fills `{name}` placeholders in a template, in one pass: a value is put in
/// as it is, even if it holds braces (a cell's text can). A placeholder with
/// no value, or a brace that opens none, stays.
#[must_use]
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let filled = after.find('}').and_then(|close| {
            let name = &after[..close];
            let (_, value) = values.iter().find(|(n, _)| *n == name)?;
            Some((value, close))
        });
        if let Some((value, close)) = filled {
            out.push_str(value);
            rest = &after[close + 1..];
        } else {
            out.push('{');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
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
}
