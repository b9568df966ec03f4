//! The fixes `--track-changes` makes, from `rules/revisions.toml`: a soft
//! modal of one word made binding, a vague time made a stated one, a repealed
//! statute replaced, and (in `insert`) each missing requirement's suggested
//! wording as a new paragraph at the end of the clause section. Each is a
//! tracked revision by klausul, and only the words meant are touched: a fix
//! whose words span runs, or stand inside someone else's revision or a
//! field, is left to the comment.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

use serde::Deserialize;

use super::markup;
use super::Writer;
use crate::model::vocab::Status;
use crate::report::RequirementResult;

const RULES: &str = include_str!("../../rules/revisions.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revisions {
    pub modal: Vec<Modal>,
    pub vague_time: Vec<VagueTime>,
    pub days: BTreeMap<String, Days>,
    pub general_terms: Vec<String>,
    pub repealed: Repealed,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Repealed {
    pub replacement: String,
    pub citations: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Modal {
    pub soft: String,
    pub binding: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VagueTime {
    pub vague: String,
    pub stated: String,
}

/// A parameter of the profile by its name, or a number of days.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Days {
    Parameter(String),
    Value(u32),
}

/// The built-in substitutions.
///
/// # Panics
/// Never at run time: a test parses the file.
pub fn revisions() -> &'static Revisions {
    static R: OnceLock<Revisions> = OnceLock::new();
    R.get_or_init(|| toml::from_str(RULES).expect("rules/revisions.toml is valid"))
}

/// Message keys of weak results that a substitution can fix.
const SOFT: &str = "soft";
const VAGUE: &str = "time_vague";
/// Keys under which a weak result may cite repealed acts: the citation
/// itself, or a weak signal (only repealed acts named).
const REPEALED: &[&str] = &["outdated", "signal"];

impl Writer<'_> {
    /// The substitutions for a weak requirement, within its anchored words.
    pub(super) fn revise(&mut self, r: &RequirementResult, para: usize, chars: Range<usize>) {
        if r.status != Status::Weak {
            return;
        }
        let rules = revisions();
        if REPEALED.contains(&r.why.key) {
            self.repealed(para);
            return;
        }
        let pairs: Vec<(String, String)> = match r.why.key {
            SOFT => rules
                .modal
                .iter()
                .map(|m| (m.soft.clone(), m.binding.clone()))
                .collect(),
            VAGUE => {
                let Some(days) = self.days(&r.id) else { return };
                rules
                    .vague_time
                    .iter()
                    .map(|v| (v.vague.clone(), v.stated.replace("{days}", &days)))
                    .collect()
            }
            _ => return,
        };
        let p = &self.body.paragraphs[para];
        let Some(span) = p.chars.get(chars.clone()) else {
            return;
        };
        let from = span.first().map_or(0, |c| c.at);
        let to = p.chars.get(chars.end).map_or(p.text.len(), |c| c.at);
        let text = p.text[from..to].to_lowercase();
        if text.len() != to - from {
            return;
        }
        for (old, new) in pairs {
            let Some(at) = whole_word(&text, &old.to_lowercase()) else {
                continue;
            };
            let first = p.text[from + at..].chars().next();
            let new = if first.is_some_and(char::is_uppercase) {
                capitalised(&new)
            } else {
                new
            };
            if self.substitute(para, from + at..from + at + old.len(), &new) {
                return;
            }
        }
    }

    /// Each citation of repealed acts in the paragraph, or list of them,
    /// becomes one citation of the act in force.
    fn repealed(&mut self, para: usize) {
        let rules = &revisions().repealed;
        let text = self.body.paragraphs[para].text.to_lowercase();
        if text.len() != self.body.paragraphs[para].text.len() {
            return;
        }
        let mut found: Vec<(usize, usize)> = rules
            .citations
            .iter()
            .flat_map(|c| {
                text.match_indices(c.as_str())
                    .map(|(i, m)| (i, i + m.len()))
            })
            .collect();
        found.sort_unstable();
        let mut groups: Vec<(usize, usize)> = Vec::new();
        for (start, end) in found {
            match groups.last_mut() {
                Some(last) if start < last.1 => last.1 = last.1.max(end),
                Some(last) if joins(&text[last.1..start]) => last.1 = end,
                _ => groups.push((start, end)),
            }
        }
        for (start, end) in groups {
            let first = self.body.paragraphs[para].text[start..].chars().next();
            let new = if first.is_some_and(char::is_uppercase) {
                capitalised(&rules.replacement)
            } else {
                rules.replacement.clone()
            };
            self.substitute(para, start..end, &new);
        }
    }

    fn days(&self, id: &str) -> Option<String> {
        match revisions().days.get(id)? {
            Days::Value(n) => Some(n.to_string()),
            Days::Parameter(name) => self
                .options
                .profile
                .parameters
                .number(name)
                .map(|v| format!("{v:.0}")),
        }
    }

    /// Replaces the paragraph's text bytes `bytes` with `new`, when they
    /// stand in one run of the paragraph's own.
    fn substitute(&mut self, para: usize, bytes: Range<usize>, new: &str) -> bool {
        let p = &self.body.paragraphs[para];
        let inside: Vec<_> = p
            .chars
            .iter()
            .filter(|c| c.at >= bytes.start && c.at < bytes.end)
            .collect();
        let Some(Some((seg, first))) = inside.first().map(|c| c.raw.clone()) else {
            return false;
        };
        let Some(Some((_, last))) = inside.last().map(|c| c.raw.clone()) else {
            return false;
        };
        let one_run = inside
            .iter()
            .all(|c| c.raw.as_ref().is_some_and(|(s, _)| *s == seg));
        let raw = first.start..last.end;
        if !one_run || p.segments[seg].guarded || self.edits.overlaps(&raw) {
            return false;
        }
        let rpr = p.segments[seg]
            .rpr
            .clone()
            .map(|r| markup::copied_rpr(&self.raw[r]))
            .unwrap_or_default();
        let (del, ins) = (self.id(), self.id());
        let change = markup::revision(
            &self.raw[raw.clone()],
            new,
            &rpr,
            del,
            ins,
            &self.options.stamp,
        );
        let text = self.between(para, seg, &change);
        self.edits.replace(raw, text);
        self.revisions += 1;
        true
    }
}

/// Whether the text between two citations only lists them: a comma, a
/// conjunction, or both. Any one short word passes, so that no conjunction
/// of any language needs naming here (they are grammar, not rules).
fn joins(gap: &str) -> bool {
    let gap = gap.trim().trim_start_matches(',').trim();
    gap.is_empty() || (gap.chars().count() <= 5 && gap.chars().all(char::is_alphabetic))
}

/// The first occurrence of `word` in `text` that stands as a whole word.
fn whole_word(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_parse() {
        let r = revisions();
        assert_eq!(r.modal[0].soft, "bör");
        assert_eq!(r.modal[0].binding, "ska");
        assert!(r.days.len() >= 2);
    }

    #[test]
    fn a_whole_word_only() {
        assert_eq!(whole_word("börja bör", "bör"), Some(7));
        assert_eq!(whole_word("börja", "bör"), None);
    }

    #[test]
    fn what_joins_a_list() {
        assert!(joins(" och "));
        assert!(joins(", "));
        assert!(joins(", samt "));
        assert!(!joins(" som ersattes av "));
        assert!(!joins(" 12 "));
    }
}
