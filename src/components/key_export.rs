//! The verification key written out as PEM, JWK and OpenSSH, behind a disclosure: the three
//! encodings are computed when the user opens it, not on every keystroke in the key box.

use std::rc::Rc;

use yew::prelude::*;

use crate::jwt::keys::{KeySet, export};
use crate::state::ParsedKeys;

use super::copy_button::CopyButton;

#[derive(Properties, PartialEq)]
pub struct KeyExportProps {
    /// The parsed key box; only a single asymmetric key is offered for export.
    pub parsed: Option<ParsedKeys>,
}

#[component]
pub fn KeyExport(props: &KeyExportProps) -> Html {
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            open.set(
                e.target_unchecked_into::<web_sys::Element>()
                    .has_attribute("open"),
            )
        })
    };
    // The disclosure stays in the page (hidden) when there is nothing to export, so a pasted
    // key changes attributes rather than inserting elements.
    let key = match props.parsed.as_deref() {
        Some(Ok(KeySet::One(key))) if key.material.is_asymmetric() => Some(key),
        _ => None,
    };
    let body = if let (true, Some(key)) = (*open, key) {
        let formats = [
            ("PEM", export::public_pem(&key.material)),
            ("JWK", Some(export::jwk(&key.material, false))),
            (
                "OpenSSH",
                export::openssh_public(&key.material, "jwt-debugger"),
            ),
        ];
        formats
            .into_iter()
            // The names are ASCII; `to_lowercase` would link Unicode's case tables into the page
            // (8 KB gzip).
            .filter_map(|(name, text)| {
                text.map(|t| html! {
                    <div class="export">
                        <h3>{ name }<CopyButton text={Rc::<str>::from(t.as_str())} what={format!("public key as {name}")} testid={format!("copy-key-{}", name.to_ascii_lowercase())} /></h3>
                        <pre data-testid="key-export-text" data-format={name.to_ascii_lowercase()}>{ t }</pre>
                    </div>
                })
            })
            .collect::<Html>()
    } else {
        Html::default()
    };
    html! {
        <details class="key-export" data-testid="key-export" hidden={key.is_none()} open={*open} {ontoggle}>
            <summary>{ "Public key as PEM, JWK, OpenSSH" }</summary>
            { body }
        </details>
    }
}
