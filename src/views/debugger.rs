//! The debugger (route `/`): the token and the key that verifies it, the decoded token, then
//! signing and encryption, in three columns.

use std::rc::Rc;

use yew::prelude::*;

use super::decoded::DecodedColumn;
use super::store::{use_dispatch, use_store};
use crate::browser;
use crate::components::encrypt_panel::EncryptPanel;
use crate::components::examples_menu::ExamplesMenu;
use crate::components::key_panel::KeyPanel;
use crate::components::shared_text::SharedText;
use crate::components::sign_panel::SignPanel;
use crate::components::token_editor::TokenEditor;
use crate::jwt::claims::ClaimsStatus;
use crate::jwt::token::Kind;
use crate::jwt::verify::Verdict;
use crate::share;
use crate::state::{Action, Decoded};

/// The debugger's three columns.
#[component]
pub fn DebuggerPage() -> Html {
    let store = use_store();
    // Callbacks are made once (or when what they capture changes), so the panels that get them
    // see equal props on a tick and are not re-rendered.
    let dispatch = &store.dispatch;
    let on_input = use_dispatch(dispatch, Action::SetToken);
    let on_key = use_dispatch(dispatch, Action::SetKey);
    let on_signing_key = use_dispatch(dispatch, Action::SetSigningKey);
    let on_passphrase = use_dispatch(dispatch, Action::UnlockKey);
    let on_signing_passphrase = use_dispatch(dispatch, Action::UnlockSigningKey);
    let on_clear = use_dispatch(dispatch, |()| Action::Clear);
    let on_back_to_pasted = use_dispatch(dispatch, |()| Action::BackToPasted);
    let on_example = use_dispatch(dispatch, |()| Action::ShowExample);
    let on_undo = use_dispatch(dispatch, |_: MouseEvent| Action::UndoReplace);
    let on_encoding = use_dispatch(dispatch, Action::SetSecretEncoding);
    let on_load_example = use_dispatch(dispatch, Action::LoadExample);
    let on_encrypt_alg = use_dispatch(dispatch, Action::SetEncryptAlg);
    let on_encrypt_enc = use_dispatch(dispatch, Action::SetEncryptEnc);
    let on_encrypt_key = use_dispatch(dispatch, Action::SetEncryptKey);
    let on_encrypt = use_dispatch(dispatch, |nested| Action::Encrypt { nested });
    let on_unseal = use_dispatch(dispatch, |()| Action::Unseal);
    let on_share = {
        let share_status = store.share_status.clone();
        // Made again when the token changes; compared by identity on every other render.
        use_callback(
            SharedText::from(store.state.debugger.input.clone()),
            move |(), token| {
                let link = share::link(&browser::page_url(), token);
                let share_status = share_status.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let copied = browser::copy_text(&link).await;
                    share_status.set(Some(if copied {
                        "Link copied: it carries the token only, never a key."
                    } else {
                        "Copying failed: the browser refused the clipboard."
                    }));
                });
            },
        )
    };

    let debugger_state = &store.state.debugger;
    // A JWE, or (while one is being typed and does not decode yet) five segments: the panels
    // do not flicker between signing and encryption with each keystroke.
    let encrypted = match debugger_state.view() {
        Some(view) => view.token.kind == Kind::Jwe,
        None => crate::jwt::token::jwe_shaped(&crate::jwt::token::clean(&debugger_state.input)),
    };
    // A good signature on a token its dates rule out: said beside the verdict, not only in the
    // payload's status line, since people read "verified" as "this token is good".
    let caveat = matches!(debugger_state.verdict, Verdict::Verified { .. })
        .then(|| debugger_state.claims_status())
        .flatten()
        .and_then(|status| {
            let now = debugger_state.now;
            let why = match status {
                ClaimsStatus::Expired { at } if at == now => "expired just now".to_string(),
                ClaimsStatus::Expired { at } => format!("expired {}", crate::jwt::time::relative(at, now)),
                ClaimsStatus::NotYetValid { from } => format!("is not valid yet: usable {}", crate::jwt::time::relative(from, now)),
                _ => return None,
            };
            Some(AttrValue::from(format!(
                "The signature is good, but the token {why}: a server that checks its dates refuses it."
            )))
        });
    html! {
        // In reading and Tab order (and on a phone's single column): the token, what it decodes
        // to, then the key that verifies it, signing and encryption. On a wide screen the token
        // and the key panels share the left column, the decoded token beside them, so the
        // verdict sits under the token it is about.
        <main class="debugger">
            <div class="column token-side">
                <TokenEditor value={debugger_state.input.clone()} {on_input} {on_clear} {on_example} {on_share} share_status={*store.share_status}
                    marks={match &debugger_state.decoded { Decoded::Error(broken) => broken.marks.clone(), _ => Rc::default() }} />
                // A replacing action (an example, "open in the debugger") is one click from undone.
                if let Some(replaced) = &debugger_state.replaced {
                    <p class="replaced-line" data-testid="replaced-line" role="status">
                        <span>{ format!("Token and keys replaced by {}.", replaced.by) }</span>
                        <button type="button" data-testid="undo-replace" onclick={on_undo}>{ "Undo: put yours back" }</button>
                    </p>
                }
                <section class="panel examples" aria-label="Examples">
                    <ExamplesMenu shown={debugger_state.shown_example} on_choose={on_load_example} />
                </section>
            </div>
            <div class="column decoded-side"><DecodedColumn /></div>
            <div class="column key-side">
                <KeyPanel
                    key_text={debugger_state.key.text.clone()}
                    parsed={debugger_state.verification_keys().cloned()}
                    using_signing_key={!encrypted && debugger_state.key.is_empty() && !debugger_state.signing_key.is_empty()}
                    encoding={debugger_state.encoding}
                    verdict={debugger_state.verdict.clone()}
                    engine={store.state.engine.clone()}
                    {encrypted}
                    caveat={caveat}
                    kid={debugger_state.view().and_then(|v| v.token.header.get("kid").and_then(|k| k.as_str())).map(AttrValue::from)}
                    {on_key}
                    {on_encoding}
                    locked={debugger_state.key.is_locked()}
                    {on_passphrase}
                />
                // An encrypted token is not signed here: editing its plaintext encrypts it again.
                if !encrypted {
                    <SignPanel
                        key_text={debugger_state.signing_key.text.clone()}
                        parsed={debugger_state.signing_key.parsed.clone()}
                        signing={debugger_state.signing.clone()}
                        signer={debugger_state.signer()}
                        on_key={on_signing_key}
                        can_go_back={debugger_state.can_go_back_to_pasted()}
                        on_back={on_back_to_pasted}
                        locked={debugger_state.signing_key.is_locked()}
                        on_passphrase={on_signing_passphrase}
                    />
                }
                <EncryptPanel sealing={debugger_state.sealing.clone()} on_alg={on_encrypt_alg} on_enc={on_encrypt_enc}
                    on_key={on_encrypt_key} {on_encrypt} on_back={on_unseal} />
            </div>
        </main>
    }
}
