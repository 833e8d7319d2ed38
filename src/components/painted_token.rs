//! A token's text painted part by part: header, payload, signature (or the JWE parts) in their
//! colours, the dots and surrounding whitespace neutral.

use yew::prelude::*;

use crate::jwt::token;

#[derive(Properties, PartialEq)]
pub struct PaintedTokenProps {
    pub text: AttrValue,
}

/// The painted runs of `text`, each part carrying `data-testid="token-part"` and `data-part`.
#[component]
pub fn PaintedToken(props: &PaintedTokenProps) -> Html {
    let text: &str = &props.text;
    token::paint(text)
        .into_iter()
        .map(|run| {
            let piece = text[run.range].to_string();
            match run.part {
                Some(part) => html! {
                    <span data-testid="token-part" data-part={part.id()} class={classes!("part", part.id())}>{ piece }</span>
                },
                None => html! { <span class="punct">{ piece }</span> },
            }
        })
        .collect()
}
