//! Puts a report into words: each neutral message (`model::message`) is
//! filled from the catalogue of the report's language, or from the profile's
//! own wording of it, and each finding gets the profile's suggested wording.
//! The only place where the report's sentences are made; the renderers then
//! read the words.

use std::borrow::Cow;

use crate::check::Checked;
use crate::grammar::numbers::fmt_number;
use crate::model::lang::{fill, Lang};
use crate::model::message::{Arg, Message};
use crate::profile::Profile;
use crate::report::{DocumentReport, RegisterRow, RequirementResult};

/// The profile and language a report is put into words with.
#[derive(Debug, Clone, Copy)]
pub struct Localiser<'p> {
    profile: &'p Profile,
    lang: Lang,
}

impl<'p> Localiser<'p> {
    #[must_use]
    pub const fn new(profile: &'p Profile, lang: Lang) -> Self {
        Self { profile, lang }
    }

    /// A message in the report's language.
    #[must_use]
    pub fn say(&self, message: &Message) -> String {
        let values: Vec<(&str, Cow<'_, str>)> = message
            .args
            .iter()
            .map(|(name, value)| (*name, self.value(value)))
            .collect();
        let values: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_ref())).collect();
        fill(self.profile.template(message.key, self.lang), &values)
    }

    fn value<'a>(&self, arg: &'a Arg) -> Cow<'a, str> {
        match arg {
            Arg::Plain(s) => Cow::Borrowed(s),
            Arg::Number(n) => Cow::Owned(fmt_number(*n)),
            Arg::Text(t) => Cow::Borrowed(t.get(self.lang)),
            Arg::Message(m) => Cow::Owned(self.say(m)),
            Arg::List(items) => {
                let items: Vec<Cow<'_, str>> = items.iter().map(|a| self.value(a)).collect();
                Cow::Owned(items.join(", "))
            }
        }
    }

    /// Puts a document's findings, scope, register rows and warnings into
    /// words. Doing it again gives the same words; register rows already put
    /// into words (`rows`) are left as they are.
    pub fn document(&self, doc: &mut DocumentReport) {
        if let Some(scope) = &mut doc.scope {
            scope.reason = self.say(&scope.why);
        }
        self.requirements(&mut doc.requirements);
        let reasons = doc.rows.iter_mut().flat_map(|r| r.reasons.iter_mut());
        for reason in reasons.filter(|r| r.message.is_empty()) {
            if let Some(why) = &reason.why {
                reason.message = self.say(why);
            }
        }
        doc.warnings = doc.notes.iter().map(|m| self.say(m)).collect();
    }

    /// Puts register rows' reasons into words as soon as they are judged, and
    /// lets their neutral messages go: a register of 100 000 rows then holds
    /// one sentence per reason instead of a sentence and its parts.
    pub fn rows(&self, rows: &mut [RegisterRow]) {
        for reason in rows.iter_mut().flat_map(|r| r.reasons.iter_mut()) {
            if let Some(why) = reason.why.take() {
                reason.message = self.say(&why);
            }
        }
    }

    /// Puts a check's scope and findings into words, for a caller of
    /// [`crate::check::check`] that builds no report.
    pub fn checked(&self, checked: &mut Checked) {
        checked.scope.reason = self.say(&checked.scope.why);
        self.requirements(&mut checked.requirements);
    }

    /// Puts findings into words: why each has its status, and the suggested
    /// wording of its requirement.
    pub fn requirements(&self, results: &mut [RequirementResult]) {
        for r in results {
            r.message = self.say(&r.why);
            r.help = self
                .profile
                .requirement(&r.id)
                .map(|q| self.profile.suggestion(q).get(self.lang).to_owned())
                .unwrap_or_default();
        }
    }
}
