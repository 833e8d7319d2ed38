//! Verify signature: the key box, how a secret is read, what the key is, and the verdict.

use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::engine::EngineStatus;
use crate::jwt::keys::{Format, KeyError, KeySet, SecretEncoding, export};
use crate::jwt::token::Kind;
use crate::jwt::verify::Verdict;
use crate::state::ParsedKeys;

use super::copy_button::CopyButton;
use super::engine_status::EngineStatusView;
use super::key_export::KeyExport;
use super::key_file::{KeyDrop, KeyFile, use_key_drop};
use super::passphrase_field::passphrase_field;
use super::select_value::use_select_value;
use super::shared_text::SharedText;

#[derive(Properties, PartialEq)]
pub struct KeyPanelProps {
    pub key_text: SharedText,
    pub parsed: Option<ParsedKeys>,
    /// True when the key box is empty and the signing key verifies instead.
    pub using_signing_key: bool,
    pub encoding: SecretEncoding,
    pub verdict: Verdict,
    /// Whether the key engine can answer.
    pub engine: EngineStatus,
    /// The token is encrypted (JWE): the key box takes the key that decrypts it.
    #[prop_or_default]
    pub encrypted: bool,
    /// The token's `kid`, to name the key of a JWKS it picks.
    #[prop_or_default]
    pub kid: Option<AttrValue>,
    /// When the signature verifies but the token's dates say it is not usable now: the words.
    #[prop_or_default]
    pub caveat: Option<AttrValue>,
    pub on_key: Callback<String>,
    pub on_encoding: Callback<SecretEncoding>,
    /// The key box holds a key locked with a passphrase: the Passphrase field shows.
    #[prop_or_default]
    pub locked: bool,
    pub on_passphrase: Callback<String>,
}

/// The verification panel.
#[component]
pub fn KeyPanel(props: &KeyPanelProps) -> Html {
    let oninput = {
        let on_key = props.on_key.clone();
        Callback::from(move |e: InputEvent| {
            on_key.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let onchange = {
        let on_encoding = props.on_encoding.clone();
        Callback::from(move |e: Event| {
            if let Some(encoding) =
                SecretEncoding::from_id(&e.target_unchecked_into::<HtmlSelectElement>().value())
            {
                on_encoding.emit(encoding);
            }
        })
    };
    let (info, info_state) = match props.parsed.as_deref() {
        None if props.encrypted => (
            "No key: paste a private key (PEM, JWK, JWKS, OpenSSH), a shared key (\"oct\" JWK or secret) or a PBES2 password."
                .to_string(),
            "empty",
        ),
        None => (
            "No key: paste a secret, PEM, certificate, JWK, JWKS or OpenSSH public key."
                .to_string(),
            "empty",
        ),
        Some(Ok(set)) => {
            let mut text = set.describe_for(if props.encrypted {
                Kind::Jwe
            } else {
                Kind::Jws
            });
            if let (KeySet::Jwks { keys, .. }, Some(kid)) = (set, &props.kid) {
                match keys.iter().find(|k| k.usage.kid.as_deref() == Some(kid.as_str())) {
                    Some(key) => text.push_str(&format!(
                        ". The token's kid \"{kid}\" picks its {}",
                        key.material.kind_words()
                    )),
                    None => text.push_str(&format!(". No key in it has the token's kid \"{kid}\"")),
                }
            }
            if let [key] = set.keys()
                && key.material.is_asymmetric()
            {
                text.push_str(&format!(
                    " · thumbprint {}",
                    export::thumbprint(&key.material)
                ));
            }
            if props.using_signing_key {
                text = format!("Using the signing key: {text}");
            } else if !props.encrypted
                && set
                    .keys()
                    .iter()
                    .any(|k| k.material.is_asymmetric() && k.material.can_sign())
            {
                // Verifying needs only the public half; the private one is kept for signing.
                text.push_str(". A private key: its public half is enough to verify, and while the Sign panel is empty it also signs your edits");
            }
            (text, "ok")
        }
        Some(Err(KeyError::Pending)) => (
            "reading the key: RSA, EC and Ed25519 keys are read by the key engine, off the page's thread".to_string(),
            "pending",
        ),
        Some(Err(error)) => (error.to_string(), "error"),
    };
    // How a secret is read means nothing beside a public or private key, or a JWK (whose "k" is
    // always base64url): hidden then, and already while the key engine reads such a key, so the
    // panel does not jump when it answers.
    let keys_only = match props.parsed.as_deref() {
        Some(Ok(set)) => set
            .keys()
            .iter()
            .all(|key| key.material.is_asymmetric() || key.format == Format::Jwk),
        Some(Err(KeyError::Pending)) => true,
        // Nothing typed yet: the choice means nothing until there is a secret to read.
        None => true,
        _ => false,
    };
    let state = props.verdict.state();
    let encoding_select = use_select_value(AttrValue::from(props.encoding.id()));
    let KeyDrop {
        ondragover,
        ondrop,
        error: dropped_error,
    } = use_key_drop(
        AttrValue::from(props.key_text.clone()),
        props.on_key.clone(),
    );
    html! {
        <section class="panel decoded signature" aria-labelledby="verify-title">
            <div class="panel-head">
                <h2 id="verify-title">{ if props.encrypted { "Decrypt" } else { "Verify signature" } }</h2>
                <label class="inline" hidden={keys_only}>
                    <span>{ "Secret is" }</span>
                    <select data-testid="secret-encoding" ref={encoding_select} {onchange}>
                        { for SecretEncoding::ALL.iter().map(|e| html! {
                            <option value={e.id()} selected={*e == props.encoding}>{ e.id() }</option>
                        }) }
                    </select>
                </label>
            </div>
            <p class={classes!("verdict", props.verdict.look())} data-testid="verdict" data-state={state} role="status">
                { props.verdict.describe() }
            </p>
            if let Some(caveat) = &props.caveat {
                <p class="verdict-caveat" data-testid="verdict-caveat">{ caveat.clone() }</p>
            }
            <textarea
                data-testid="key-input"
                class="key"
                aria-label={if props.encrypted { "Key to decrypt with" } else { "Key to verify with" }}
                spellcheck="false"
                autocomplete="off"
                rows="5"
                placeholder={if props.encrypted {
                    "Private key (PEM, JWK, JWKS, OpenSSH), shared key or PBES2 password"
                } else {
                    "Secret, public key (PEM, certificate, JWK, JWKS, ssh-rsa …) or private key"
                }}
                value={props.key_text.to_string()}
                {oninput}
                {ondragover}
                {ondrop}
            />
            <KeyFile testid="key-file" on_text={props.on_key.clone()} {dropped_error} />
            if props.locked {
                { passphrase_field("key-passphrase", "Open key", &props.key_text,
                    matches!(props.parsed.as_deref(), Some(Ok(_))), &props.on_passphrase) }
            }
            <p class={classes!("key-info", info_state)} data-testid="key-info">{ info }</p>
            <EngineStatusView status={props.engine.clone()} />
            // Always in the page, hidden when there is nothing to show: pasting a key then only
            // updates attributes instead of building and inserting new elements.
            <span class="copy-key" hidden={props.key_text.is_empty()}>
                <CopyButton text={props.key_text.clone()} what="key" testid="copy-key" />
            </span>
            <KeyExport parsed={props.parsed.clone()} />
        </section>
    }
}
