//! The line under the decoded parts that says what the signature (or a JWE's encrypted parts)
//! holds.

use yew::prelude::*;

use super::decoded::segment;
use super::store::Store;
use crate::components::copy_button::CopyButton;
use crate::jwt::token::Kind;

/// The signature's size, or that there is none, or that a JWE's parts need the key; only for
/// a token that decodes whole.
pub(super) fn signature_line(store: &Store) -> Html {
    let Some(view) = store.state.debugger.view() else {
        return html! {};
    };
    let signature_text = match view.token.kind {
        Kind::Jwe => "The encrypted key, initialization vector, ciphertext and authentication tag cannot be read without the key.".to_string(),
        Kind::Jws if view.token.signature.is_empty() => "No signature: this token is unsecured, anyone could have written it.".to_string(),
        Kind::Jws => format!("Signature: {} bytes, over the exact text of header.payload.", view.token.signature.len()),
    };
    html! {
        <p class="note signature-line" data-testid="signature-info">{ signature_text }
            if view.token.kind == Kind::Jws && !view.token.signature.is_empty() {
                <CopyButton text={segment(Some(view), 2)} what="encoded signature (base64url, as in the token)" testid="copy-signature-part" label={AttrValue::Static("Copy encoded")} />
            }
        </p>
    }
}
