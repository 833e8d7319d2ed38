//! The decoded column: whether the token decoded, each part that did (header, payload,
//! signature) with the error of each that did not where it would stand, and the findings.

use std::rc::Rc;

use yew::prelude::*;

use super::chain_panel::cert_chain;
use super::detached_panel::detached_payload;
use super::findings_panel::findings_panel;
use super::header_panel::header_panel;
use super::oidc_panel::oidc_hashes;
use super::payload_panel::payload_panel;
use super::signature_line::signature_line;
use super::store::{Store, use_dispatch, use_store};
use crate::components::copy_button::CopyButton;
use crate::components::decode_error::{DecodeErrorView, DecodeStatus};

use crate::components::sd_panel::SdPanel;
use crate::jwt::algorithm::Algorithm;
use crate::jwt::detached;
use crate::jwt::keys::SecretEncoding;
use crate::jwt::token::Part;
use crate::state::{Action, AppAction, Debugger, Decoded, DecodedView, Signer, Signing};

/// What the panels of the decoded column send, made once per mount of [`DecodedColumn`]: the
/// panels are view functions of their own files, rendered with the column (they read the same
/// store, so as components they would render at the same moments, at yew's cost per component
/// type in the page's module: about 0.8 KB gzip each).
pub(super) struct PanelActions {
    pub on_alg: Callback<Algorithm>,
    pub on_edit_header: Callback<String>,
    pub on_edit_payload: Callback<String>,
    pub on_edit_plaintext: Callback<String>,
    pub on_open_nested: Callback<()>,
    pub on_try_list: Callback<()>,
    pub on_use_secret: Callback<&'static str>,
    pub on_withhold: Callback<usize>,
    pub on_kb_aud: Callback<String>,
    pub on_kb_nonce: Callback<String>,
    pub on_make_disclosable: Callback<String>,
    pub on_make_elements_disclosable: Callback<String>,
    pub on_add_decoy: Callback<()>,
    pub on_holder_key: Callback<String>,
    pub on_oidc_value: Callback<(&'static str, String)>,
    pub on_detached_payload: Callback<String>,
}

#[hook]
fn use_panel_actions(store: &Store) -> PanelActions {
    // The list holds secrets as text: read as UTF-8, the found one verifies at once.
    let on_use_secret = {
        let dispatch = store.dispatch.clone();
        use_callback((), move |secret: &'static str, ()| {
            dispatch.emit(AppAction::Debugger(Action::SetSecretEncoding(
                SecretEncoding::Utf8,
            )));
            dispatch.emit(AppAction::Debugger(Action::SetKey(secret.to_string())));
        })
    };
    PanelActions {
        on_alg: use_dispatch(&store.dispatch, Action::SetAlg),
        on_edit_header: use_dispatch(&store.dispatch, Action::EditHeader),
        on_edit_payload: use_dispatch(&store.dispatch, Action::EditPayload),
        on_edit_plaintext: use_dispatch(&store.dispatch, Action::EditPlaintext),
        on_open_nested: use_dispatch(&store.dispatch, |()| Action::OpenNested),
        on_try_list: use_dispatch(&store.dispatch, |()| Action::TryCommonSecrets),
        on_use_secret,
        on_withhold: use_dispatch(&store.dispatch, Action::Withhold),
        on_kb_aud: use_dispatch(&store.dispatch, Action::SetKbAud),
        on_kb_nonce: use_dispatch(&store.dispatch, Action::SetKbNonce),
        on_make_disclosable: use_dispatch(&store.dispatch, Action::MakeDisclosable),
        on_make_elements_disclosable: use_dispatch(
            &store.dispatch,
            Action::MakeElementsDisclosable,
        ),
        on_add_decoy: use_dispatch(&store.dispatch, |()| Action::AddDecoy),
        on_holder_key: use_dispatch(&store.dispatch, Action::SetHolderKey),
        on_oidc_value: use_dispatch(&store.dispatch, |(claim, value)| {
            Action::SetOidcValue(claim, value)
        }),
        on_detached_payload: use_dispatch(&store.dispatch, Action::SetDetachedPayload),
    }
}

/// The middle column of the debugger.
#[component]
pub fn DecodedColumn() -> Html {
    let store = use_store();
    let on_nested_back = use_dispatch(&store.dispatch, |_: MouseEvent| Action::NestedBack);
    let actions = use_panel_actions(&store);
    let debugger_state = &store.state.debugger;
    match &debugger_state.decoded {
        Decoded::Empty => html! {
            <p class="hint">{ "Paste a JWT on the left: it is decoded here as you type, in this tab only." }</p>
        },
        Decoded::Error(broken) if !broken.is_partial() => html! {
            <>
                <DecodeStatus decoded={debugger_state.decoded.clone()} />
                { for broken.errors.iter().map(|error| html! { <DecodeErrorView error={error.clone()} /> }) }
            </>
        },
        Decoded::Token(_) | Decoded::Error(_) => {
            // A token that decodes, or one read in part: every part that decodes is shown, and
            // a bad part's error stands where that part would be.
            let broken = match &debugger_state.decoded {
                Decoded::Error(broken) => Some(broken),
                _ => None,
            };
            let error_of = |part: Part| broken.and_then(|b| b.error_of(part).cloned());
            let oidc = debugger_state.oidc_hashes();
            // The errors of the parts after the payload (the signature, a JWE's encrypted parts).
            let later_errors: Vec<_> = broken
                .iter()
                .flat_map(|b| b.errors.iter())
                .filter(|e| !matches!(e.part(), Some(Part::Header | Part::Payload)))
                .cloned()
                .collect();
            html! {
                <>
                    if debugger_state.outer.is_some() {
                        <p class="nested-line">
                            <button type="button" data-testid="nested-back" onclick={on_nested_back}>{ "← Back to the encrypted token" }</button>
                            <span class="note">{ "This token was nested in an encrypted one." }</span>
                        </p>
                    }
                    <DecodeStatus decoded={debugger_state.decoded.clone()} />
                    if let Some(error) = error_of(Part::Header) {
                        <DecodeErrorView {error} />
                    }
                    { header_panel(&store, &actions) }
                    if let Some(error) = error_of(Part::Payload) {
                        <DecodeErrorView {error} />
                    }
                    { payload_panel(&store, &actions) }
                    if let Some(view) = shared_view(debugger_state).filter(|v| detached::takes_payload(&v.token)) {
                        { detached_payload(&view.token, &debugger_state.detached_payload, &actions.on_detached_payload) }
                    }
                    { signature_line(&store) }
                    if let Some(chain) = &debugger_state.chain {
                        { cert_chain(chain, debugger_state.now, debugger_state.chain_in_header()) }
                    }
                    if !oidc.is_empty() {
                        { oidc_hashes(&oidc, &actions.on_oidc_value) }
                    }
                    if let Some(sd) = shared_view(debugger_state).and_then(|v| v.sd.clone()) {
                        <SdPanel {sd} kb={debugger_state.kb.clone()}
                            binding={debugger_state.binding.clone()} error={debugger_state.sd_error.clone()}
                            holder_key={debugger_state.holder_key.text.clone()}
                            now={debugger_state.now}
                            on_withhold={actions.on_withhold.clone()}
                            on_kb_aud={actions.on_kb_aud.clone()} on_kb_nonce={actions.on_kb_nonce.clone()}
                            on_add_decoy={actions.on_add_decoy.clone()} on_holder_key={actions.on_holder_key.clone()} />
                    }
                    { for later_errors.into_iter().map(|error| html! { <DecodeErrorView {error} /> }) }
                    { findings_panel(&store, &actions) }
                </>
            }
        }
    }
}

/// The decoded token, shared, when it decodes whole.
pub(super) fn shared_view(debugger: &Debugger) -> Option<Rc<DecodedView>> {
    match &debugger.decoded {
        Decoded::Token(view) => Some(view.clone()),
        _ => None,
    }
}

/// The text of the token's `i`-th segment (empty when it does not decode).
pub(super) fn segment(view: Option<&DecodedView>, i: usize) -> Rc<str> {
    view.and_then(|v| v.segment_texts.get(i).cloned())
        .unwrap_or_else(|| "".into())
}

/// A panel's copy buttons: its JSON, and its segment as it is in the token.
pub(super) fn copies(part: &'static str, json: &Rc<str>, segment: Rc<str>) -> Html {
    html! {
        <span class="copies">
            <CopyButton text={json.clone()} what={format!("JSON of the {part}")} testid={format!("copy-{part}-json")} label={AttrValue::Static("Copy JSON")} />
            if !segment.is_empty() {
                <CopyButton text={segment} what={format!("encoded {part} (base64url, as in the token)")} testid={format!("copy-{part}-part")} label={AttrValue::Static("Copy encoded")} />
            }
        </span>
    }
}

/// An edit no key could sign: why, under the text that was edited.
pub(super) fn unsigned_of(debugger: &Debugger, part: &str) -> Option<AttrValue> {
    let Signing::Stale { why } = &debugger.signing else {
        return None;
    };
    (debugger.edited == part && debugger.edit_error.is_none()).then(|| {
        AttrValue::from(match why {
            // The reason in full is the Sign panel's status: here, where the edit was made, a
            // line that says so and points there.
            Some(_) => {
                let which = match debugger.signer() {
                    Some(Signer::VerifyBox) => "the key in Verify signature",
                    _ => "the signing key",
                };
                let alg = debugger.algorithm().map_or("this header", |a| a.name());
                format!("Not re-signed: {which} cannot sign {alg} (the Sign panel says why), so the token keeps its old signature, which no longer matches.")
            }
            None => "Not re-signed: no key is there to sign the edit, so the token keeps its old signature, which no longer matches. Paste a secret or private key to sign it.".to_string(),
        })
    })
}

/// An edit whose header or payload text does not parse: its error goes under that text.
pub(super) fn edit_error_of(debugger: &Debugger, part: &str) -> Option<AttrValue> {
    debugger
        .edit_error
        .as_ref()
        .filter(|e| e.part() == Some(part))
        .map(|e| AttrValue::from(e.to_string()))
}
