//! The key generator (route `/keygen`) and the work behind its buttons: making the key, and
//! carrying it into the debugger.

use yew::prelude::*;

use super::store::use_store;
use crate::components::keygen_view::KeygenView;
use crate::jwt::keys::{Material, SecretEncoding, export};
use crate::key_tasks::{lock_openssh, make_key};
use crate::route::Route;
use crate::state::AppAction;
use crate::state::keygen::KeygenAction;

/// The key generator view, hooked up to the store.
#[component]
pub fn KeygenPage() -> Html {
    let store = use_store();
    let keygen = &store.state.keygen;
    let on_kind = {
        let dispatch = store.dispatch.clone();
        use_callback((), move |kind, ()| {
            dispatch.emit(AppAction::Keygen(KeygenAction::SetKind(kind)))
        })
    };
    let on_format = {
        let dispatch = store.dispatch.clone();
        use_callback((), move |format, ()| {
            dispatch.emit(AppAction::Keygen(KeygenAction::SetFormat(format)))
        })
    };
    let on_run = {
        let dispatch = store.dispatch.clone();
        use_callback(keygen.kind, move |(), &kind| {
            dispatch.emit(AppAction::Keygen(KeygenAction::Started));
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = make_key(kind).await;
                dispatch.emit(AppAction::Keygen(KeygenAction::Finished(result)));
            });
        })
    };
    // The key changes only with a generation: it is copied out of the state once per key.
    let on_use = (*use_memo(keygen.generation, |_| {
        let dispatch = store.dispatch.clone();
        let navigate = store.navigate.clone();
        let key = keygen.key().cloned();
        Callback::from(move |()| {
            let Some(key) = &key else { return };
            let private = match &key.material {
                Material::Secret(bytes) => crate::jwt::base64url::encode(bytes),
                material => export::private_pem(material).unwrap_or_default(),
            };
            let public = export::public_pem(&key.material).unwrap_or_else(|| private.clone());
            dispatch.emit(AppAction::OpenInDebugger {
                token: None,
                key: public,
                signing_key: private,
                alg: key.signing_algorithm(),
                // The secret is written in base64url above.
                encoding: (!key.material.is_asymmetric()).then_some(SecretEncoding::Base64Url),
                by: "the new key",
            });
            navigate.emit(Route::Debugger);
        })
    }))
    .clone();
    // A passphrase typed for the OpenSSH file: the file is written again, encrypted, where the
    // key is held; an empty one brings the plain file back.
    let on_passphrase = (*use_memo(keygen.generation, |&generation| {
        let dispatch = store.dispatch.clone();
        let key = keygen.key().cloned();
        Callback::from(move |passphrase: String| {
            let Some(key) = key.clone() else { return };
            let dispatch = dispatch.clone();
            if passphrase.is_empty() {
                dispatch.emit(AppAction::Keygen(KeygenAction::Locked {
                    generation,
                    file: None,
                }));
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                let file = Some(lock_openssh(key, passphrase).await);
                dispatch.emit(AppAction::Keygen(KeygenAction::Locked { generation, file }));
            });
        })
    }))
    .clone();
    html! {
        <KeygenView state={keygen.clone()} {on_kind} {on_format} {on_run} {on_use} {on_passphrase} />
    }
}
