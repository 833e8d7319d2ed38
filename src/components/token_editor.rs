//! The encoded token: a textarea laid over the same text painted header / payload / signature.

use std::rc::Rc;

use yew::prelude::*;

use super::copy_button::CopyButton;
use super::live_textarea::LiveTextArea;
use super::painted_token::PaintedToken;
use super::shared_text::SharedText;
use crate::jwt::token::Mark;

#[derive(Properties, PartialEq)]
pub struct TokenEditorProps {
    /// The text as typed.
    pub value: SharedText,
    pub on_input: Callback<String>,
    pub on_clear: Callback<()>,
    pub on_example: Callback<()>,
    /// Copy a link carrying the token (in the fragment, never a key).
    pub on_share: Callback<()>,
    /// What the last share did.
    pub share_status: Option<&'static str>,
    /// Where bad segments break, marked in the painted copy.
    #[prop_or_default]
    pub marks: Rc<Vec<Mark>>,
}

/// The token box. The textarea's own text is transparent; the painted copy beneath it shows
/// through, so the colours follow every keystroke and line wrap exactly.
#[component]
pub fn TokenEditor(props: &TokenEditorProps) -> Html {
    let on_clear = props.on_clear.reform(|_: MouseEvent| ());
    let on_example = props.on_example.reform(|_: MouseEvent| ());
    let on_share = props.on_share.reform(|_: MouseEvent| ());
    html! {
        <section class="panel encoded" aria-labelledby="encoded-title">
            <div class="panel-head">
                <h2 id="encoded-title">{ "Encoded token" }</h2>
                <div class="actions">
                    <button type="button" data-testid="example-token" onclick={on_example}>{ "Example" }</button>
                    <CopyButton text={props.value.clone()} what="token" testid="copy-token" />
                    <button type="button" data-testid="share-link" onclick={on_share}>{ "Share link" }</button>
                    <button type="button" data-testid="clear-token" onclick={on_clear}>{ "Clear" }</button>
                </div>
            </div>
            // The box scrolls (up to most of the screen) rather than growing with the token: a
            // 100 KB token would otherwise push everything else tens of thousands of pixels down.
            <div class="token-box"><div class="token-scroll">
                // A trailing newline would collapse in the painted copy; the space keeps heights equal.
                <pre class="token-paint" aria-hidden="true"><PaintedToken text={props.value.clone()} marks={props.marks.clone()} />{ " " }</pre>
                <LiveTextArea
                    testid="token-input"
                    label="Encoded token"
                    placeholder="Paste a token (header.payload.signature)"
                    value={props.value.clone()}
                    on_input={props.on_input.clone()}
                />
            </div></div>
            // Under the box, so the box the user is looking at does not move when it appears.
            if let Some(status) = props.share_status {
                <p class="note" role="status" data-testid="share-status">{ status }</p>
            }
        </section>
    }
}
