//! Reviewers' comments (`word/comments.xml`): each comment's author and its
//! text, one line per paragraph. They are no part of the document's text;
//! they are read only so that a comment "klausul-ignore AD-05: skäl" can
//! suppress a requirement, as the same line does in a text file.

use super::walk::{read_text, SKIPPED};
use crate::document::error::ReadError;
use crate::document::package::{attr, local, Node, Xml};
use crate::document::paragraphs::PARAGRAPH_COST;
use crate::document::Comment;
use crate::model::limits::Budget;

/// Every comment of the part, in the order the part holds them; their text
/// and their records are spent from `budget`.
///
/// # Errors
/// Malformed XML, the part ends inside an element, or the budget runs out.
pub fn comments(mut xml: Xml<'_>, budget: &Budget) -> Result<Vec<Comment>, ReadError> {
    let mut done = Vec::new();
    let mut open: Option<Comment> = None;
    // A paragraph inside the comment has begun since its last text.
    let mut new_paragraph = false;
    loop {
        match xml.next_outside(SKIPPED)? {
            Node::Start(e) => {
                let name = local(&e);
                match name {
                    "comment" => {
                        budget.spend(PARAGRAPH_COST)?;
                        open = Some(Comment {
                            author: attr(&e, "author").unwrap_or_default(),
                            text: String::new(),
                        });
                    }
                    "p" => new_paragraph = true,
                    "t" => {
                        let text = read_text(&mut xml)?;
                        budget.spend(text.len())?;
                        if let Some(c) = open.as_mut() {
                            if new_paragraph && !c.text.is_empty() {
                                c.text.push('\n');
                            }
                            new_paragraph = false;
                            c.text.push_str(&text);
                        }
                    }
                    "tab" => {
                        if let Some(c) = open.as_mut() {
                            c.text.push(' ');
                        }
                    }
                    _ => {}
                }
            }
            Node::End(name) => {
                if local_name(&name) == "comment" {
                    done.extend(open.take());
                }
            }
            Node::Text(_) => {}
            Node::Eof => return Ok(done),
        }
    }
}

fn local_name(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, l)| l)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::limits::Limits;

    fn read(xml: &str) -> Result<Vec<Comment>, ReadError> {
        let limits = Limits::default();
        comments(
            Xml::new("word/comments.xml", xml, limits),
            &Budget::new(limits),
        )
    }

    #[test]
    fn each_comment_with_its_author_and_one_line_per_paragraph() {
        let xml = r#"<w:comments xmlns:w="w"><w:comment w:id="0" w:author="Anna Berg"><w:p><w:r><w:t>klausul-</w:t></w:r><w:r><w:t>ignore AD-05: inga</w:t></w:r></w:p><w:p><w:r><w:delText>bort</w:delText><w:t>andra</w:t></w:r></w:p></w:comment><w:comment w:id="1"><w:p><w:r><w:t>Utan författare</w:t></w:r></w:p></w:comment></w:comments>"#;
        assert_eq!(
            read(xml).unwrap(),
            vec![
                Comment {
                    author: "Anna Berg".into(),
                    text: "klausul-ignore AD-05: inga\nandra".into()
                },
                Comment {
                    author: String::new(),
                    text: "Utan författare".into()
                },
            ]
        );
    }

    #[test]
    fn a_part_cut_short_is_an_error_not_a_panic() {
        assert!(read(r#"<w:comments><w:comment w:author="A"><w:p><w:t>x"#).is_err());
        assert!(read("<w:comments><w:comment").is_err());
    }

    #[test]
    fn the_budget_bounds_the_comments() {
        let limits = Limits {
            expanded_bytes: 1_000,
            ..Limits::default()
        };
        let body = "x".repeat(2_000);
        let xml = format!(
            r"<w:comments><w:comment><w:p><w:r><w:t>{body}</w:t></w:r></w:p></w:comment></w:comments>"
        );
        let result = comments(
            Xml::new("word/comments.xml", &xml, limits),
            &Budget::new(limits),
        );
        assert!(result.is_err());
    }
}
