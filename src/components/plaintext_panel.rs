//! An encrypted token's plaintext, once the key opened it: editable (it is sealed again), and
//! the way into a nested token.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::{OpenedView, PayloadForm};

use super::copy_button::CopyButton;
use super::live_textarea::LiveTextArea;

#[derive(Properties, PartialEq)]
pub struct PlaintextPanelProps {
    pub opened: Rc<OpenedView>,
    /// The plaintext as the user is typing it, shown instead of the opened text.
    pub draft: Option<Rc<str>>,
    /// Called with the edited plaintext: the token is sealed again.
    pub on_edit: Callback<String>,
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
                <CopyButton text={props.opened.text.clone()} what="plaintext" testid="copy-plaintext" />
            </div>
            <LiveTextArea
                testid="jwe-plaintext"
                class="json plaintext-text"
                label="Decrypted plaintext"
                rows={AttrValue::from(rows(&props.opened.text).to_string())}
                value={props.draft.clone().unwrap_or_else(|| props.opened.text.clone())}
                on_input={props.on_edit.clone()}
            />
            <p class="note">{ "Editing it encrypts it again, with the token's alg and enc, into the token box." }</p>
            if let Some(note) = note {
                <p class="note">{ note }</p>
            }
        </section>
    }
}

/// Rows enough for the text: its lines, or for one long line of prose about 60 characters a
/// row; from 3 to 24.
fn rows(text: &str) -> usize {
    let lines = text.lines().take(24).count();
    let wrapped = text.len().min(24 * 60) / 60;
    lines.max(wrapped).clamp(3, 24)
}
