//! A decoded JSON part (header or payload), in its part's colour.

use yew::prelude::*;

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
    #[prop_or_default]
    pub children: Html,
}

/// The pretty-printed JSON of one part.
#[component]
pub fn JsonPanel(props: &JsonPanelProps) -> Html {
    let id = format!("{}-title", props.part);
    let rows = props.text.lines().count().clamp(3, 24).to_string();
    html! {
        <section class={classes!("panel", "decoded", props.part)} aria-labelledby={id.clone()}>
            <div class="panel-head">
                <h2 {id}>{ props.title.clone() }</h2>
            </div>
            <textarea
                data-testid={format!("{}-json", props.part)}
                data-state={props.state}
                class="json"
                aria-label={props.title.clone()}
                spellcheck="false"
                readonly=true
                rows={rows}
                value={props.text.clone()}
            />
            if let Some(note) = &props.note {
                <p class="note">{ note.clone() }</p>
            }
            { props.children.clone() }
        </section>
    }
}
