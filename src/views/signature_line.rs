//! The line under the decoded parts that says what the signature (or a JWE's encrypted parts)
//! holds.

use yew::prelude::*;

use super::decoded::segment;
use super::store::Store;
use crate::components::copy_button::CopyButton;
use crate::jwt::json::Value;
use crate::jwt::token::Kind;
use crate::jwt::verify::Verdict;

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
    let json = view.token.json.as_deref();
    let serialization = json.map(|json| {
        let count = json.signatures.len();
        if json.flattened {
            "Pasted in the flattened JSON serialization (RFC 7515 §7.2.2): shown and verified as its compact form.".to_string()
        } else {
            format!(
                "Pasted in the general JSON serialization (RFC 7515 §7.2.1) with {count} signature{}: the header shown is the first's; each is verified below.",
                if count == 1 { "" } else { "s" }
            )
        }
    });
    let verdicts = &store.state.debugger.signature_verdicts;
    html! {
        <>
            <p class="note signature-line" data-testid="signature-info">{ signature_text }
                if view.token.kind == Kind::Jws && !view.token.signature.is_empty() {
                    <CopyButton text={segment(Some(view), 2)} what="encoded signature (base64url, as in the token)" testid="copy-signature-part" label={AttrValue::Static("Copy encoded")} />
                }
            </p>
            if let Some(serialization) = serialization {
                <p class="note json-serialization" data-testid="json-serialization">{ serialization }</p>
            }
            if let Some(json) = json.filter(|_| !verdicts.is_empty()) {
                <ol class="json-signatures">
                    { for json.signatures.iter().zip(verdicts.iter()).enumerate().map(|(i, (signature, verdict))| {
                        let named = |name: &str| signature.header.get(name).and_then(Value::as_str);
                        let alg = named("alg").unwrap_or_else(|| "no alg".into());
                        let kid = named("kid").map(|kid| format!(", kid {kid}")).unwrap_or_default();
                        let state = verdict.state();
                        html! {
                            <li class={classes!("json-signature", state)} data-testid="json-signature" data-state={state}>
                                { format!("Signature {} ({alg}{kid}): {}", i + 1, verdict_words(verdict)) }
                            </li>
                        }
                    }) }
                </ol>
            }
        </>
    }
}

/// A signature's verdict in a few words.
fn verdict_words(verdict: &Verdict) -> String {
    match verdict {
        Verdict::Verified { by } => format!("verified with the {by}"),
        Verdict::Invalid { .. } => "does not match the key".to_string(),
        Verdict::Unverifiable(why) => format!("not checked: {why}"),
        Verdict::Pending => "checking…".to_string(),
        other => other.state().to_string(),
    }
}
