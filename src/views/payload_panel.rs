//! The payload panel: the decoded payload (or, for an encrypted token the key opened, its
//! plaintext), editable, with its time status and its claims as a list or a table.

use yew::prelude::*;

use super::decoded::{PanelActions, copies, edit_error_of, segment, shared_view, unsigned_of};
use super::store::Store;
use crate::components::claims_list::ClaimsList;
use crate::components::claims_status::ClaimsStatusView;
use crate::components::claims_table::ClaimsTable;
use crate::components::claims_view_select::ClaimsViewSelect;
use crate::components::json_panel::JsonPanel;
use crate::components::plaintext_panel::PlaintextPanel;
use crate::state::{Decoded, PayloadForm};

/// The payload, when it decodes (or is being typed), or the plaintext it stands for.
pub(super) fn payload_panel(store: &Store, actions: &PanelActions) -> Html {
    let on_edit = actions.on_edit_payload.clone();
    let on_edit_plaintext = actions.on_edit_plaintext.clone();
    let on_open_nested = actions.on_open_nested.clone();
    let debugger_state = &store.state.debugger;
    // An encrypted token the key opened: its plaintext stands for the payload.
    if let Some(opened) = &debugger_state.opened {
        return html! {
            <PlaintextPanel opened={opened.clone()} draft={debugger_state.plaintext_draft.clone()}
                on_edit={on_edit_plaintext} {on_open_nested} />
        };
    }
    let Some(payload_text) = debugger_state.payload_text() else {
        return html! {};
    };
    let shared_view = shared_view(debugger_state);
    let view = shared_view.as_deref();
    let payload_form = match (view, &debugger_state.decoded) {
        (Some(view), _) => view.payload_form,
        (None, Decoded::Error(broken)) => broken.payload_form,
        (None, _) => PayloadForm::Json,
    };
    let detached = view.is_some_and(|v| crate::jwt::detached::is_detached(&v.token));
    let (payload_state, payload_note) = match payload_form {
        // Still `not-json` (the contract's word): the token's payload segment is empty.
        _ if detached => (
            Some("not-json"),
            Some(
                "The payload is not in the token (detached): the signature is over a payload sent apart from it. Paste that payload in the box below.",
            ),
        ),
        PayloadForm::Json => (None, None),
        PayloadForm::Text => (
            Some("not-json"),
            Some(
                "The payload is not JSON: shown as text. A JWS may sign any bytes, but a JWT's payload is a JSON claims set.",
            ),
        ),
        PayloadForm::Binary => (
            Some("not-json"),
            Some("The payload is not UTF-8 text: shown as hex bytes."),
        ),
        PayloadForm::Encrypted => (
            Some("encrypted"),
            Some(
                "This is an encrypted token (JWE, five segments): only its header can be read without the key.",
            ),
        ),
    };
    let status = debugger_state.claims_status();
    // Only a JSON claims set has claims to put in a table.
    let has_claims = view.is_some_and(|v| v.claims().is_some());
    let table = *store.payload_table && has_claims;
    let head = html! {
        <>
            if has_claims {
                <ClaimsViewSelect part="payload" table={*store.payload_table} on_change={store.payload_table.setter()} />
            }
            { copies("payload", &payload_text, segment(view, 1)) }
        </>
    };
    let now = debugger_state.now;
    // A signed token's claims can be made selectively disclosable; an encrypted one's cannot.
    let signed = view.is_some_and(|v| v.token.kind == crate::jwt::token::Kind::Jws);
    let on_make = signed.then(|| actions.on_make_disclosable.clone());
    let on_make_elements = signed.then(|| actions.on_make_elements_disclosable.clone());
    html! {
        <JsonPanel part="payload" title="Payload" text={payload_text} {on_edit} {head}
            state={payload_state} note={payload_note.map(AttrValue::Static)} text_hidden={table}
            error={edit_error_of(debugger_state, "payload")} unsigned={unsigned_of(debugger_state, "payload")}>
            if let Some(status) = status {
                <ClaimsStatusView {status} {now} />
            }
            if let Some(view) = shared_view.clone() {
                if table {
                    <ClaimsTable part="payload" {view} {now} on_make={on_make.clone()} on_make_elements={on_make_elements.clone()} />
                } else {
                    <ClaimsList part="payload" {view} {now} {on_make} {on_make_elements} />
                }
            }
        </JsonPanel>
    }
}
