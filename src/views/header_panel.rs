//! The header panel: the decoded header, editable, with the algorithm menu, the JSON or table
//! choice and the copy buttons in its head.

use yew::prelude::*;

use super::decoded::{PanelActions, copies, edit_error_of, segment, shared_view, unsigned_of};
use super::store::Store;
use crate::components::alg_select::AlgSelect;
use crate::components::claims_list::ClaimsList;
use crate::components::claims_table::ClaimsTable;
use crate::components::claims_view_select::ClaimsViewSelect;
use crate::components::json_panel::JsonPanel;
use crate::jwt::token::Kind;

/// The header, when it decodes (or is being typed).
pub(super) fn header_panel(store: &Store, actions: &PanelActions) -> Html {
    let (on_alg, on_edit) = (actions.on_alg.clone(), actions.on_edit_header.clone());
    let debugger_state = &store.state.debugger;
    let Some(header_text) = debugger_state.header_text() else {
        return html! {};
    };
    let shared_view = shared_view(debugger_state);
    let view = shared_view.as_deref();
    let table = *store.header_table && shared_view.is_some();
    let head = html! {
        <>
            // A JWS's algorithm menu: a JWE's alg is a key management algorithm, chosen in the
            // Encrypt panel.
            if !view.is_some_and(|v| v.token.kind == Kind::Jwe) {
                <AlgSelect current={debugger_state.algorithm()} on_change={on_alg} />
            }
            if shared_view.is_some() {
                <ClaimsViewSelect part="header" table={*store.header_table} on_change={store.header_table.setter()} />
            }
            { copies("header", &header_text, segment(view, 0)) }
        </>
    };
    html! {
        <JsonPanel part="header" title="Header" text={header_text} {on_edit} {head} text_hidden={table}
            error={edit_error_of(debugger_state, "header")} unsigned={unsigned_of(debugger_state, "header")}>
            if let Some(view) = shared_view.clone() {
                if table {
                    <ClaimsTable part="header" {view} now={debugger_state.now} />
                } else {
                    <ClaimsList part="header" {view} now={debugger_state.now} />
                }
            }
        </JsonPanel>
    }
}
