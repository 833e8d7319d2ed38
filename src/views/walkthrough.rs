//! The tutorial walkthrough (route `/walkthrough`) and the work behind its buttons: RS256's
//! key pair, made by WebCrypto on first use, and carrying a token into the debugger.

use yew::prelude::*;

use super::store::use_store;
use crate::components::walkthrough_view::WalkthroughView;
use crate::jwt::keys::generate::KeyKind;
use crate::jwt::keys::{SecretEncoding, export};
use crate::key_tasks::make_key;
use crate::route::Route;
use crate::state::AppAction;
use crate::state::walkthrough::{KeyPair, TutorialAlg, WalkAction};

/// The walkthrough view, hooked up to the store.
#[component]
pub fn WalkthroughPage() -> Html {
    let store = use_store();
    let walkthrough = &store.state.walkthrough;
    // The walkthrough: RS256 needs a key pair, made by WebCrypto on first use.
    let on_action = {
        let dispatch = store.dispatch.clone();
        let generating = store.generating_pair.clone();
        use_callback(
            (walkthrough.key_pair.is_some(), *store.generating_pair),
            move |action: WalkAction, &(has_pair, busy)| {
                let wants_pair =
                    action == WalkAction::SetAlg(TutorialAlg::Rs256) && !has_pair && !busy;
                dispatch.emit(AppAction::Walkthrough(action));
                if wants_pair {
                    generating.set(true);
                    let dispatch = dispatch.clone();
                    let generating = generating.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let action = match make_key(KeyKind::Rsa(2048)).await {
                            Ok(key) => WalkAction::SetKeyPair(KeyPair {
                                private: export::private_pem(&key.material)
                                    .unwrap_or_default()
                                    .into(),
                                public: export::openssh_public(&key.material, "jwt_key")
                                    .unwrap_or_default()
                                    .into(),
                            }),
                            Err(_) => WalkAction::KeyPairFailed,
                        };
                        dispatch.emit(AppAction::Walkthrough(action));
                        generating.set(false);
                    });
                }
            },
        )
    };
    let on_open = {
        let dispatch = store.dispatch.clone();
        let navigate = store.navigate.clone();
        use_callback(walkthrough.clone(), move |(), walkthrough| {
            dispatch.emit(AppAction::OpenInDebugger {
                token: walkthrough.stored.as_deref().map(str::to_string),
                key: walkthrough
                    .verifying_key_text()
                    .as_deref()
                    .unwrap_or_default()
                    .to_string(),
                signing_key: walkthrough
                    .signing_key_text()
                    .as_deref()
                    .unwrap_or_default()
                    .to_string(),
                alg: None,
                encoding: Some(SecretEncoding::Utf8),
                by: "the walkthrough's token",
            });
            navigate.emit(Route::Debugger);
        })
    };
    html! {
        <WalkthroughView state={walkthrough.clone()} now={store.state.debugger.now} generating={*store.generating_pair}
            {on_action} {on_open} />
    }
}
