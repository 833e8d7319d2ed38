//! The findings panel's hookup: the security findings of a token that decodes, and the search
//! of the published-secrets list.

use yew::prelude::*;

use super::store::{use_dispatch, use_store};
use crate::components::findings_list::FindingsList;
use crate::jwt::algorithm::Family;
use crate::jwt::keys::SecretEncoding;
use crate::state::{Action, AppAction};

/// The findings, for a token that decodes whole.
#[component]
pub fn FindingsPanel() -> Html {
    let store = use_store();
    let on_try_list = use_dispatch(&store.dispatch, |()| Action::TryCommonSecrets);
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
