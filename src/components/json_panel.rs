//! A decoded JSON part (header or payload), in its part's colour; editing it re-encodes.

use yew::prelude::*;

use super::live_textarea::LiveTextArea;

#[derive(Properties, PartialEq)]
pub struct JsonPanelProps {
    /// `header` or `payload`: the colour and the test hook (`header-json`, `payload-json`).
    pub part: &'static str,
    pub title: AttrValue,
    pub text: AttrValue,
    /// `data-state`, e.g. `not-json`.
    #[prop_or_default]
    pub state: Option<&'static str>,
    /// A line under the text, e.g. why the payload is not JSON.
    #[prop_or_default]
    pub note: Option<AttrValue>,
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
    // Up to 24 rows: counting stops there, however long the text.
    let rows = props.text.lines().take(24).count().max(3).to_string();
    html! {
        <section class={classes!("panel", "decoded", props.part)} aria-labelledby={id.clone()}>
            <div class="panel-head">
                <h2 {id}>{ props.title.clone() }</h2>
                { props.head.clone() }
            </div>
            <div class="json-text" hidden={props.text_hidden}>
                <LiveTextArea
                    testid={format!("{}-json", props.part)}
                    state={props.state}
                    class="json"
                    label={props.title.clone()}
                    rows={AttrValue::from(rows)}
                    value={props.text.clone()}
                    on_input={props.on_edit.clone()}
                />
            </div>
            if let Some(note) = &props.note {
                <p class="note">{ note.clone() }</p>
            }
            { props.children.clone() }
        </section>
    }
}
