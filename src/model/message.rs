//! What the checking core says, in no language: a message catalogue's key
//! and the values its template is filled with. A renderer puts it into words
//! (`render::localise`); the report keeps both.

use super::lang::Text;

/// A message by its key in the catalogues (`rules/messages/*.toml`), with
/// the values of its placeholders.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Message {
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// The value of one placeholder.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Words from the document or the spreadsheet, or a name: put in as is.
    Plain(String),
    /// A number, written as the report's language writes numbers.
    Number(f64),
    /// A profile's text (a requirement's summary, a weak signal's reason),
    /// in the report's language.
    Text(Text),
    /// Another message, put into words first.
    Message(Box<Message>),
    /// Several values, written as a list.
    List(Vec<Arg>),
}

impl Message {
    #[must_use]
    pub const fn new(key: &'static str) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    /// This message with one more value.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Self::Plain(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Self::Plain(s.to_owned())
    }
}

impl From<f64> for Arg {
    fn from(n: f64) -> Self {
        Self::Number(n)
    }
}

impl From<&Text> for Arg {
    fn from(t: &Text) -> Self {
        Self::Text(t.clone())
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Self::Message(Box::new(m))
    }
}
