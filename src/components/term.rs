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
        // tabindex makes it focusable by keyboard, and a tap focuses it on touch screens.
        Some(tip) => html! {
            <span class="term" tabindex="0" aria-describedby={props.id.clone()}>
                { props.name.clone() }
                <span class="tip" role="tooltip" id={props.id.clone()}>{ tip }</span>
            </span>
        },
        None => html! { <span class="term plain">{ props.name.clone() }</span> },
    }
}
