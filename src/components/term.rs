//! A name with its one-sentence explanation, shown on hover, keyboard focus and touch.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TermProps {
    /// The name shown (a claim or header parameter).
    pub name: AttrValue,
    /// The explanation; without one the name is shown plain.
    pub tip: Option<&'static str>,
    /// Unique id for the tooltip, so screen readers can announce it.
    pub id: AttrValue,
}

/// A claim or parameter name that explains itself.
#[component]
pub fn Term(props: &TermProps) -> Html {
    match props.tip {
        // tabindex -1: a tap or a click focuses it (touch screens show the tip so), but Tab
        // does not stop at every claim name; the table view shows every explanation as text.
        Some(tip) => html! {
            <span class="term" tabindex="-1" aria-describedby={props.id.clone()}>
                { props.name.clone() }
                <span class="tip" role="tooltip" id={props.id.clone()}>{ tip }</span>
            </span>
        },
        None => html! { <span class="term plain">{ props.name.clone() }</span> },
    }
}
