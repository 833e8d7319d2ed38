//! Why the token could not be decoded, naming the segment at fault.

use yew::prelude::*;

use crate::jwt::token::DecodeError;

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
