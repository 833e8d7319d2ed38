//! A decoded JSON part (header or payload), in its part's colour; editing it re-encodes.

use yew::prelude::*;

use super::live_textarea::LiveTextArea;
use super::shared_text::SharedText;

#[derive(Properties, PartialEq)]
pub struct JsonPanelProps {
    /// `header` or `payload`: the colour and the test hook (`header-json`, `payload-json`).
    pub part: &'static str,
    pub title: AttrValue,
    /// Shared, as `LiveTextArea` takes it.
    pub text: SharedText,
    /// `data-state`, e.g. `not-json`.
    #[prop_or_default]
    pub state: Option<&'static str>,
    /// A line under the text, e.g. why the payload is not JSON.
    #[prop_or_default]
    pub note: Option<AttrValue>,
    /// Why the text as edited cannot become a token (e.g. not JSON), shown under it.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The edit became a token, but no key could sign it: why, said where the edit was made.
    #[prop_or_default]
    pub unsigned: Option<AttrValue>,
    /// Called with the new text when the user edits it.
    pub on_edit: Callback<String>,
    /// The JSON text is kept (and its draft with it) but not shown: a table stands in for it.
    #[prop_or_default]
    pub text_hidden: bool,
    /// Controls shown in the panel's head (e.g. the algorithm menu).
    #[prop_or_default]
    pub head: Html,
    #[prop_or_default]
    pub children: Html,
}

/// The pretty-printed JSON of one part.
#[component]
pub fn JsonPanel(props: &JsonPanelProps) -> Html {
    let id = format!("{}-title", props.part);
    let error_id = format!("{}-edit-error", props.part);
    // Expanded: as tall as its text (a UI choice of this panel only).
    let expanded = use_state(|| false);
    // Up to 24 rows, or up to 2,000 expanded: counting stops there, however long the text.
    let lines = props.text.lines().take(2_000).count();
    let rows = if *expanded { lines } else { lines.min(24) }
        .max(3)
        .to_string();
    let toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    let expand_name = format!(
        "{} the {}",
        if *expanded { "Collapse" } else { "Expand" },
        props.part
    );
    html! {
        <section class={classes!("panel", "decoded", props.part)} aria-labelledby={id.clone()}>
            <div class="panel-head">
                <h2 {id}>{ props.title.clone() }</h2>
                { props.head.clone() }
                if lines > 24 && !props.text_hidden {
                    <button type="button" class="icon-button" data-testid={format!("expand-{}", props.part)}
                        aria-expanded={expanded.to_string()} aria-label={expand_name.clone()} title={expand_name} onclick={toggle}>
                        <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
                            <path d={if *expanded { COLLAPSE_ICON } else { EXPAND_ICON }} />
                        </svg>
                    </button>
                }
            </div>
            <div class="json-text" hidden={props.text_hidden}>
                <LiveTextArea
                    testid={format!("{}-json", props.part)}
                    state={props.state}
                    class={classes!("json", (lines > 24 && !*expanded).then_some("collapsed"))}
                    label={props.title.clone()}
                    rows={AttrValue::from(rows)}
                    value={props.text.clone()}
                    on_input={props.on_edit.clone()}
                    error_id={props.error.is_some().then(|| AttrValue::from(error_id.clone()))}
                />
            </div>
            if let Some(error) = &props.error {
                // Not an alert: it changes with every keystroke while the text is broken.
                <p class="decode-error" id={error_id} data-testid="edit-error">
                    { error.clone() }{ ". The token and its claims stay as they were." }
                </p>
            }
            if let Some(unsigned) = &props.unsigned {
                <p class="edit-unsigned" data-testid="edit-unsigned" role="status">{ unsigned.clone() }</p>
            }
            if let Some(note) = &props.note {
                <p class="note">{ note.clone() }</p>
            }
            { props.children.clone() }
        </section>
    }
}

/// Arrows apart.
const EXPAND_ICON: &str =
    "M8 1 4.5 4.5l1 1L7.3 3.7v8.6l-1.8-1.8-1 1L8 15l3.5-3.5-1-1-1.8 1.8V3.7l1.8 1.8 1-1z";
/// Arrows together.
const COLLAPSE_ICON: &str = "M7.3 1v3.3L5.5 2.5l-1 1L8 7l3.5-3.5-1-1-1.8 1.8V1zM8 9l-3.5 3.5 1 1 1.8-1.8V15h1.4v-3.3l1.8 1.8 1-1z";
