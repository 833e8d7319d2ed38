//! Encrypt: the payload, or the signed token shown (a nested JWT), sealed into a JWE for a
//! public key, a shared secret or an `oct` JWK; a change of algorithm or key seals it again.

use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::jwt::jwe::{ENCS, SEALING_ALGS};
use crate::state::Sealing;

#[derive(Properties, PartialEq)]
pub struct EncryptPanelProps {
    pub sealing: Sealing,
    pub on_alg: Callback<String>,
    pub on_enc: Callback<String>,
    pub on_key: Callback<String>,
    /// Seal: `false` the payload, `true` the signed token shown.
    pub on_encrypt: Callback<bool>,
    /// Back to the token the box held before encrypting.
    pub on_back: Callback<()>,
}

/// The encryption panel.
#[component]
pub fn EncryptPanel(props: &EncryptPanelProps) -> Html {
    let select = |on: &Callback<String>| {
        on.reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value())
    };
    let oninput = props
        .on_key
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    let encrypt_payload = props.on_encrypt.reform(|_: MouseEvent| false);
    let encrypt_token = props.on_encrypt.reform(|_: MouseEvent| true);
    let sealing = &props.sealing;
    let (status, state) = match (&sealing.error, &sealing.source, sealing.pending) {
        (Some(error), _, _) => (error.clone(), "error"),
        (None, _, true) => ("Encrypting: the key engine is on it.".to_string(), "pending"),
        (None, Some((_, nested)), false) => (
            format!(
                "The token box holds the JWE ({}, {}) of the {}; changing the algorithm or the key seals it again.",
                sealing.alg,
                sealing.enc,
                if *nested { "signed token (a nested JWT)" } else { "payload" }
            ),
            "sealed",
        ),
        (None, None, false) => (
            "Choose how to encrypt and paste the key to encrypt to, then encrypt the payload or the whole signed token.".to_string(),
            "none",
        ),
    };
    let option = |value: &'static str, current: &str| {
        html! { <option {value} selected={value == current}>{ value }</option> }
    };
    html! {
        <section class="panel decoded encrypting" aria-labelledby="encrypt-title">
            <div class="panel-head">
                <h2 id="encrypt-title">{ "Encrypt (JWE)" }</h2>
                <label class="inline"><span>{ "alg" }</span>
                    <select data-testid="encrypt-alg" onchange={select(&props.on_alg)}>
                        { for SEALING_ALGS.into_iter().map(|a| option(a, &sealing.alg)) }
                    </select>
                </label>
                <label class="inline"><span>{ "enc" }</span>
                    <select data-testid="encrypt-enc" onchange={select(&props.on_enc)}>
                        { for ENCS.into_iter().map(|e| option(e, &sealing.enc)) }
                    </select>
                </label>
            </div>
            <textarea
                data-testid="encrypt-key-input"
                class="key"
                aria-label="Key to encrypt to"
                spellcheck="false"
                autocomplete="off"
                rows="3"
                placeholder="Public key (RSA or EC: PEM, JWK), shared secret, \"oct\" JWK or password (PBES2)"
                value={sealing.key.to_string()}
                {oninput}
            />
            <div class="actions encrypt-actions">
                <button type="button" data-testid="encrypt-run" onclick={encrypt_payload}>{ "Encrypt the payload" }</button>
                <button type="button" data-testid="encrypt-nested" onclick={encrypt_token}>{ "Encrypt the signed token (nested JWT)" }</button>
                if sealing.source.is_some() && sealing.before.is_some() {
                    <button type="button" data-testid="encrypt-back" onclick={props.on_back.reform(|_: MouseEvent| ())}>{ "Back to the token before encrypting" }</button>
                }
            </div>
            <p class={classes!("status-line", "encrypt-status", state)} data-testid="encrypt-status" data-state={state} role="status">{ status }</p>
        </section>
    }
}
