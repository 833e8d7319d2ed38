//! The algorithm menu: choosing one rewrites `alg` in the header.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::select_value::use_select_value;
use crate::jwt::algorithm::Algorithm;

#[derive(Properties, PartialEq)]
pub struct AlgSelectProps {
    /// The header's algorithm, when it is one of ours.
    pub current: Option<Algorithm>,
    pub on_change: Callback<Algorithm>,
    /// The `data-testid` (also used for the example menu).
    #[prop_or(AttrValue::Static("alg-select"))]
    pub testid: AttrValue,
    #[prop_or(AttrValue::Static("Algorithm"))]
    pub label: AttrValue,
}

/// A `<select>` of every JWS algorithm.
#[component]
pub fn AlgSelect(props: &AlgSelectProps) -> Html {
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(alg) = Algorithm::from_name(&select.value()) {
                on_change.emit(alg);
            }
        })
    };
    let current = props.current.map(Algorithm::name).unwrap_or("");
    let select = use_select_value(AttrValue::from(current));
    html! {
        <label class="inline">
            <span>{ props.label.clone() }</span>
            <select data-testid={props.testid.clone()} ref={select} {onchange}>
                if props.current.is_none() {
                    <option value="" selected=true disabled=true>{ "choose…" }</option>
                }
                { for Algorithm::ALL.iter().map(|alg| html! {
                    <option value={alg.name()} selected={alg.name() == current}>{ alg.name() }</option>
                }) }
            </select>
        </label>
    }
}
