//! Suppressions written as reviewers' comments in a Word document.

use super::{inline, Inline};
use crate::document::Comment;

/// Every suppression written in the reviewers' comments of a Word document:
/// a comment whose text begins "klausul-ignore AD-05: skäl" (each line of a
/// comment is read as a line of text is). Comments by `own_author`, the
/// ones `klausul annotate` writes, never count.
#[must_use]
pub fn in_comments(comments: &[Comment], own_author: &str) -> Vec<Inline> {
    comments
        .iter()
        .enumerate()
        .filter(|(_, c)| c.author.trim() != own_author)
        .flat_map(|(i, c)| {
            inline(&c.text).into_iter().map(move |d| Inline {
                comment: Some(i + 1),
                ..d
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_in_reviewers_comments_but_not_in_klausuls_own() {
        let comments = [
            Comment {
                author: "Anna Berg".into(),
                text: "klausul-ignore AD-05: inga underleverantörer".into(),
            },
            Comment {
                author: "klausul".into(),
                text: "klausul-ignore AD-07: skrivet av klausul".into(),
            },
            Comment {
                author: "Per".into(),
                text: "Se över detta, klausul-ignore AD-08: mitt i".into(),
            },
            Comment {
                author: String::new(),
                text: "Två rader\nklausul-ignore ad-09".into(),
            },
        ];
        let found: Vec<(String, Option<String>, usize, Option<usize>)> =
            in_comments(&comments, "klausul")
                .into_iter()
                .map(|d| (d.id, d.reason, d.line, d.comment))
                .collect();
        assert_eq!(
            found,
            [
                (
                    "AD-05".into(),
                    Some("inga underleverantörer".into()),
                    1,
                    Some(1)
                ),
                ("AD-09".into(), None, 2, Some(4)),
            ]
        );
    }
}
