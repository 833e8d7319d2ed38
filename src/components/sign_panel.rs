//! Sign: the signing key box; edits to the header or payload are re-signed with it at once.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::state::{ParsedKeys, Signer, Signing};

use super::copy_button::CopyButton;
use super::key_file::{KeyDrop, KeyFile, use_key_drop};
use super::passphrase_field::passphrase_field;
use super::shared_text::SharedText;

#[derive(Properties, PartialEq)]
pub struct SignPanelProps {
    pub key_text: SharedText,
    pub parsed: Option<ParsedKeys>,
    /// What signing did to the token shown.
    pub signing: Signing,
    /// The key box that signs edits now, if any.
    pub signer: Option<Signer>,
    pub on_key: Callback<String>,
    /// Whether the token shown was edited or re-signed since it was pasted.
    pub can_go_back: bool,
    /// Put back the token as pasted.
    pub on_back: Callback<()>,
    /// The signing key box holds a key locked with a passphrase: the Passphrase field shows.
    #[prop_or_default]
    pub locked: bool,
    pub on_passphrase: Callback<String>,
}

/// The signing panel.
#[component]
pub fn SignPanel(props: &SignPanelProps) -> Html {
    let oninput = {
        let on_key = props.on_key.clone();
        Callback::from(move |e: InputEvent| {
            on_key.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let info = match props.parsed.as_deref() {
        None if props.signer == Some(Signer::VerifyBox) => {
            "Empty: edits are signed with the key in Verify signature when it can sign (a secret or a private key). Paste another key here to sign with it instead.".to_string()
        }
        None => "Empty: paste a secret or private key here (or in Verify signature) to sign edits with it.".to_string(),
        Some(Ok(set)) => format!("Signing with: {}", set.describe()),
        Some(Err(error)) => error.to_string(),
    };
    let KeyDrop {
        ondragover,
        ondrop,
        error: dropped_error,
    } = use_key_drop(
        AttrValue::from(props.key_text.clone()),
        props.on_key.clone(),
    );
    let status = match &props.signing {
        Signing::None if matches!(props.parsed.as_deref(), Some(Ok(_))) => {
            "Not re-signed: the token is shown as pasted. Edit the header or payload (or choose an algorithm) to sign it with this key.".to_string()
        }
        Signing::None => "Not re-signed: the token is shown as pasted.".to_string(),
        Signing::Signed { alg, key, by } => format!(
            "Re-signed here with {alg}, using the {key} {}.",
            match by {
                Signer::SignPanel => "in this panel",
                Signer::VerifyBox => "in Verify signature",
            }
        ),
        Signing::Stale { why: None } => "Edited, and no key signs it: the token keeps its old signature, which no longer matches. Paste a secret or private key (here or in Verify signature) to re-sign it.".to_string(),
        Signing::Stale { why: Some(why) } => format!("Not re-signed: {why}. The token keeps its old signature, which no longer matches."),
    };
    let state = props.signing.state();
    html! {
        <section class="panel decoded signing" aria-labelledby="sign-title">
            <div class="panel-head"><h2 id="sign-title">{ "Sign" }</h2></div>
            <p class={classes!("status-line", "sign-status", state)} data-testid="sign-status" data-state={state} role="status">{ status }</p>
            // A new key or an edit replaces the token shown: the one pasted is a click away.
            if props.can_go_back {
                <p class="sign-back">
                    <button type="button" data-testid="sign-back" onclick={props.on_back.reform(|_: MouseEvent| ())}>{ "Back to the token as pasted" }</button>
                </p>
            }
            <textarea
                data-testid="signing-key-input"
                class="key"
                aria-label="Key to sign with"
                spellcheck="false"
                autocomplete="off"
                rows="4"
                placeholder="Secret or private key (PEM, JWK, OpenSSH) to re-sign edits with"
                value={props.key_text.to_string()}
                {oninput}
                {ondragover}
                {ondrop}
            />
            <KeyFile testid="signing-key-file" on_text={props.on_key.clone()} {dropped_error} />
            if props.locked {
                { passphrase_field("signing-key-passphrase", "Open key", &props.key_text,
                    matches!(props.parsed.as_deref(), Some(Ok(_))), &props.on_passphrase) }
            }
            <p class="key-info" data-testid="signing-key-info">{ info }</p>
            if !props.key_text.is_empty() {
                <CopyButton text={props.key_text.clone()} what="signing key" testid="copy-signing-key" />
            }
        </section>
    }
}
