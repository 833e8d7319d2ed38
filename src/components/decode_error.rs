//! Whether the token decoded, and why not, naming the segment at fault.

use yew::prelude::*;

use crate::jwt::token::DecodeError;
use crate::state::Decoded;

#[derive(Properties, PartialEq)]
pub struct DecodeErrorProps {
    pub error: DecodeError,
}

/// The decode error banner.
#[component]
pub fn DecodeErrorView(props: &DecodeErrorProps) -> Html {
    let part = props.error.part().map(|p| p.id());
    html! {
        <p class="decode-error" role="alert" data-testid="decode-error" data-part={part}>
            { props.error.to_string() }
        </p>
    }
}

#[derive(Properties, PartialEq)]
pub struct DecodeStatusProps {
    pub decoded: Decoded,
}

/// One line on what decoding did (`decode-status`): every part read, some of them, or none.
#[component]
pub fn DecodeStatus(props: &DecodeStatusProps) -> Html {
    let Some(state) = props.decoded.status() else {
        return html! {};
    };
    let text = match &props.decoded {
        Decoded::Error(broken) => {
            let bad: Vec<&str> = broken
                .errors
                .iter()
                .filter_map(|e| e.part().map(|p| p.label()))
                .collect();
            match (broken.is_partial(), bad.as_slice()) {
                // Nothing marked, yet parts read: the signature is missing (a two-part token).
                (true, []) => {
                    "Decoded in part: the signature is missing; the header and payload are shown."
                        .to_string()
                }
                (true, [one]) => format!(
                    "Decoded in part: the {one} does not decode; the other parts are shown."
                ),
                (true, many) => format!(
                    "Decoded in part: the {} do not decode; the other parts are shown.",
                    many.join(" and ")
                ),
                (false, _) => {
                    "Not decoded: nothing in this text reads as a token's part.".to_string()
                }
            }
        }
        _ => "Decoded: every part reads.".to_string(),
    };
    html! {
        <p class={classes!("status-line", "decode-status", state)} data-testid="decode-status" data-state={state}>
            <span class="status-name">{ "Decode" }</span>{ text }
        </p>
    }
}
