//! An encrypted token's plaintext, once the key opened it, and the way into a nested token.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::{OpenedView, PayloadForm};

use super::copy_button::CopyButton;

#[derive(Properties, PartialEq)]
pub struct PlaintextPanelProps {
    pub opened: Rc<OpenedView>,
    /// Opens the nested token in the debugger.
    pub on_open_nested: Callback<()>,
}

/// The decrypted plaintext (`jwe-plaintext`): pretty JSON, text, or hex bytes.
#[component]
pub fn PlaintextPanel(props: &PlaintextPanelProps) -> Html {
    let note = match (&props.opened.nested, props.opened.form) {
        (Some(_), _) => Some(
            "The plaintext is a signed token (a nested JWT): open it to see its parts and verify it.",
        ),
        (None, PayloadForm::Binary) => Some("The plaintext is not UTF-8 text: shown as hex bytes."),
        (None, PayloadForm::Text) => Some("The plaintext is text, not JSON."),
        _ => None,
    };
    let on_open = props.on_open_nested.reform(|_: MouseEvent| ());
    html! {
        <section class={classes!("panel", "decoded", "payload", "plaintext")} aria-labelledby="plaintext-title">
            <div class="panel-head">
                <h2 id="plaintext-title">{ "Decrypted plaintext" }</h2>
                if props.opened.nested.is_some() {
                    <button type="button" data-testid="open-nested" onclick={on_open}>{ "Open the nested token" }</button>
                }
                <CopyButton text={AttrValue::from(props.opened.text.clone())} what="plaintext" testid="copy-plaintext" />
            </div>
            <pre class="plaintext-text" data-testid="jwe-plaintext" tabindex="0">{ props.opened.text.to_string() }</pre>
            if let Some(note) = note {
                <p class="note">{ note }</p>
            }
        </section>
    }
}
