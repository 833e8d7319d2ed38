//! The findings panel's hookup: the security findings of a token that decodes, and the search
//! of the published-secrets list.

use yew::prelude::*;

use super::decoded::PanelActions;
use super::store::Store;
use crate::components::findings_list::FindingsList;
use crate::jwt::algorithm::Family;

/// The findings, for a token that decodes whole.
pub(super) fn findings_panel(store: &Store, actions: &PanelActions) -> Html {
    let (on_try_list, on_use_secret) = (actions.on_try_list.clone(), actions.on_use_secret.clone());
    let debugger_state = &store.state.debugger;
    if debugger_state.view().is_none() {
        return html! {};
    }
    html! {
        <FindingsList findings={debugger_state.findings.clone()} cracked={debugger_state.cracked}
            hmac={debugger_state.algorithm().is_some_and(|a| a.family() == Family::Hmac)}
            {on_try_list} {on_use_secret} />
    }
}
