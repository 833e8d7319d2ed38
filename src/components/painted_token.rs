//! A token's text painted part by part: header, payload, signature (or the JWE parts) in their
//! colours, the dots and surrounding whitespace neutral, and where a bad segment breaks marked.

use std::rc::Rc;

use yew::prelude::*;

use super::shared_text::SharedText;
use crate::jwt::token::{self, Mark};

#[derive(Properties, PartialEq)]
pub struct PaintedTokenProps {
    /// Shared, as `LiveTextArea` takes it.
    pub text: SharedText,
    /// Where bad segments break (`part-error`): one character, or the whole segment.
    #[prop_or_default]
    pub marks: Rc<Vec<Mark>>,
    /// A character changed on purpose (the walkthrough's Tamper), by its byte index in `text`.
    #[prop_or_default]
    pub changed_at: Option<usize>,
}

/// The painted runs of `text`, each part carrying `data-testid="token-part"` and `data-part`.
#[component]
pub fn PaintedToken(props: &PaintedTokenProps) -> Html {
    let text: &str = &props.text;
    token::paint(text)
        .into_iter()
        .map(|run| {
            let piece = &text[run.range.clone()];
            match run.part {
                Some(part) if run.range.contains(&props.changed_at.unwrap_or(usize::MAX))
                    && piece.is_char_boundary(props.changed_at.unwrap_or_default() - run.range.start) =>
                {
                    let at = props.changed_at.unwrap_or_default() - run.range.start;
                    let end = at + piece[at..].chars().next().map_or(0, char::len_utf8);
                    html! {
                        <span data-testid="token-part" data-part={part.id()} class={classes!("part", part.id())}>
                            { &piece[..at] }
                            <mark class="changed" data-testid="changed-char" title="Changed by Tamper">{ &piece[at..end] }</mark>
                            { &piece[end..] }
                        </span>
                    }
                }
                Some(part) => {
                    let mark = props.marks.iter().find(|m| m.part == part);
                    let (before, bad, after) = match mark {
                        Some(mark) => split_at_mark(piece, mark.at),
                        None => (piece, "", ""),
                    };
                    html! {
                        <span data-testid="token-part" data-part={part.id()} class={classes!("part", part.id())}>
                            { before }
                            if mark.is_some() {
                                <mark class="part-error" data-testid="part-error" data-part={part.id()}>{ bad }</mark>
                            }
                            { after }
                        </span>
                    }
                }
                None => html! { <span class="punct">{ piece.to_string() }</span> },
            }
        })
        .collect()
}

/// `piece` around its `at`-th character as the decoder counted it (line breaks in a wrapped
/// paste are not counted: the decoder never saw them). No position, or one past the end, marks
/// the whole piece.
fn split_at_mark(piece: &str, at: Option<usize>) -> (&str, &str, &str) {
    let found = at.and_then(|at| {
        piece
            .char_indices()
            .filter(|(_, c)| *c != '\r' && *c != '\n')
            .nth(at)
    });
    match found {
        Some((start, c)) => {
            let end = start + c.len_utf8();
            (&piece[..start], &piece[start..end], &piece[end..])
        }
        None => ("", piece, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::split_at_mark;

    #[test]
    fn marks_the_character_the_decoder_counted() {
        assert_eq!(split_at_mark("ab!cd", Some(2)), ("ab", "!", "cd"));
        // A wrapped paste: the line break is not a character of the token.
        assert_eq!(split_at_mark("ab\ncd!", Some(4)), ("ab\ncd", "!", ""));
        assert_eq!(split_at_mark("aé!", Some(2)), ("aé", "!", ""));
        assert_eq!(split_at_mark("abc", None), ("", "abc", ""));
        assert_eq!(split_at_mark("abc", Some(3)), ("", "abc", ""));
    }
}
