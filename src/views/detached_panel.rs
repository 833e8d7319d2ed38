//! The box for the payload of a detached (`header..signature`) or unencoded (`b64: false`)
//! JWS: the verdict is over what is typed here.

use yew::prelude::*;

use crate::jwt::detached;
use crate::jwt::token::Token;

/// The payload box for `token`, holding `given`; `on_payload` takes each edit. A view function
/// rendered with the decoded column, as the OIDC panel is.
pub(super) fn detached_payload(token: &Token, given: &str, on_payload: &Callback<String>) -> Html {
    let on_input = on_payload.reform(|event: InputEvent| {
        event
            .target_dyn_into::<web_sys::HtmlTextAreaElement>()
            .map(|area| area.value())
            .unwrap_or_default()
    });
    let (title, note) = match (detached::is_detached(token), detached::is_unencoded(token)) {
        (true, true) => (
            "Detached, unencoded payload",
            "The token carries no payload and says \"b64\": false (RFC 7797): paste the payload exactly as it was signed, byte for byte; the signature is checked over it.",
        ),
        (true, false) => (
            "Detached payload",
            "The token's payload segment is empty (RFC 7515 Appendix F): paste the payload that was signed (its text, not base64url); the signature is checked over it, encoded as a JWS encodes it.",
        ),
        _ => (
            "Unencoded payload",
            "\"b64\": false (RFC 7797): the payload is signed as its own bytes. The signature is checked over the payload in the token, or over the payload pasted here instead.",
        ),
    };
    html! {
        <section class="panel detached" aria-labelledby="detached-title">
            <div class="panel-head"><h2 id="detached-title">{ title }</h2></div>
            <p class="note">{ note }</p>
            <textarea data-testid="detached-payload-input" aria-labelledby="detached-title" rows="3"
                spellcheck="false" autocomplete="off" placeholder="The payload that was signed"
                value={given.to_string()} oninput={on_input} />
        </section>
    }
}
