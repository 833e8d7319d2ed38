//! The key generator: HMAC secrets, RSA (WebCrypto), P-256/384/521 and Ed25519, shown as PEM,
//! JWK or OpenSSH, kept in memory only.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::jwt::keys::generate::KeyKind;
use crate::state::keygen::{KeyFormat, Keygen};

use super::copy_button::CopyButton;
use super::passphrase_field::passphrase_field;
use super::select_value::use_select_value;
use super::shared_text::SharedText;

#[derive(Properties, PartialEq)]
pub struct KeygenProps {
    pub state: Keygen,
    pub on_kind: Callback<KeyKind>,
    pub on_format: Callback<KeyFormat>,
    pub on_run: Callback<()>,
    /// A passphrase typed for the OpenSSH private key file.
    pub on_passphrase: Callback<String>,
    /// Use the generated pair in the debugger.
    pub on_use: Callback<()>,
}

/// The key generator page.
#[component]
pub fn KeygenView(props: &KeygenProps) -> Html {
    let state = &props.state;
    let on_kind = {
        let cb = props.on_kind.clone();
        Callback::from(move |e: Event| {
            if let Some(kind) =
                KeyKind::from_id(&e.target_unchecked_into::<HtmlSelectElement>().value())
            {
                cb.emit(kind);
            }
        })
    };
    let on_format = {
        let cb = props.on_format.clone();
        Callback::from(move |e: Event| {
            if let Some(format) =
                KeyFormat::from_id(&e.target_unchecked_into::<HtmlSelectElement>().value())
            {
                cb.emit(format);
            }
        })
    };
    let kind_ref = use_select_value(AttrValue::from(state.kind.id()));
    let format_ref = use_select_value(AttrValue::from(state.format.id()));
    let texts = state.texts();
    let describe = state.key().map(|k| k.material.kind_words());
    let error = state
        .result
        .as_ref()
        .and_then(|r| r.as_ref().err().cloned());
    let (private_title, private_what) = match state.format {
        _ if state.is_secret() => ("Secret (keep it secret)", "secret"),
        KeyFormat::OpenSsh => (
            "Private key (OpenSSH, as ssh-keygen writes it: save as jwt_key; keep it secret)",
            "private key",
        ),
        _ => ("Private key (keep it secret)", "private key"),
    };
    html! {
        <main class="keygen">
            <section class="panel">
                <h2>{ "Generate a key" }</h2>
                <p class="note">{ "Keys are made in this tab (RSA by the browser's WebCrypto, the others from its secure random generator) and kept in memory only: nothing is stored or sent." }</p>
                <div class="walk-controls">
                    <label class="inline"><span>{ "Kind" }</span>
                        <select data-testid="keygen-kind" ref={kind_ref} onchange={on_kind} disabled={state.busy}>
                            { for KeyKind::ALL.iter().map(|k| html! {
                                <option value={k.id()} selected={*k == state.kind}>{ k.id() }</option>
                            }) }
                        </select>
                    </label>
                    <label class="inline"><span>{ "Format" }</span>
                        <select data-testid="keygen-format" ref={format_ref} onchange={on_format}>
                            { for state.formats().iter().map(|f| html! {
                                <option value={f.id()} selected={*f == state.format}>{ f.id() }</option>
                            }) }
                        </select>
                    </label>
                    <button type="button" data-testid="keygen-run" disabled={state.busy} onclick={props.on_run.reform(|_: MouseEvent| ())}>
                        { if state.busy { "Generating…" } else { "Generate" } }
                    </button>
                    if texts.is_some() {
                        <button type="button" data-testid="keygen-use" onclick={props.on_use.reform(|_: MouseEvent| ())}>{ "Use in the debugger: re-sign its token with this key" }</button>
                    }
                </div>
                if let Some(error) = error {
                    <p class="decode-error" role="alert">{ error }</p>
                }
                if let Some(words) = describe {
                    <p class="key-info" data-testid="keygen-info">{ words }</p>
                }
            </section>
            if let Some((private, public)) = texts {
                <section class="panel">
                    <h2>{ private_title }<CopyButton text={Rc::<str>::from(private.as_str())} what={private_what} testid="copy-keygen-private" /></h2>
                    <pre class="key-text" data-testid="keygen-private">{ private }</pre>
                    if state.format == KeyFormat::OpenSsh && !state.is_secret() {
                        // Keyed by the generation: a new key gets an empty field.
                        { passphrase_field("keygen-passphrase", "Encrypt the file",
                            &SharedText::from(Rc::<str>::from(state.generation.to_string())),
                            false, &props.on_passphrase) }
                        if let Some(Err(why)) = &state.locked {
                            <p class="decode-error" role="alert">{ why.clone() }</p>
                        }
                    }
                    if state.is_secret() {
                        // Nothing to copy: a secret has no public half, and this says so.
                        <p class="note" data-testid="keygen-public">{ public }</p>
                    } else {
                        <h2>{ "Public key" }<CopyButton text={Rc::<str>::from(public.as_str())} what="public key" testid="copy-keygen-public" /></h2>
                        <pre class="key-text" data-testid="keygen-public">{ public }</pre>
                    }
                </section>
            }
        </main>
    }
}
