//! Per panel, whether the header or payload shows as JSON or as a claims table (`claims-view`).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClaimsViewSelectProps {
    /// `header` or `payload`.
    pub part: &'static str,
    /// True when the table is shown.
    pub table: bool,
    pub on_change: Callback<bool>,
}

/// A `<select>`: keyboard-operable as it is, and its value is the view's name.
#[component]
pub fn ClaimsViewSelect(props: &ClaimsViewSelectProps) -> Html {
    let onchange = props
        .on_change
        .reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value() == "table");
    html! {
        <label class="inline view-select">
            <span class="visually-hidden">{ format!("Show the {} as", props.part) }</span>
            <select data-testid="claims-view" data-part={props.part} {onchange}>
                <option value="json" selected={!props.table}>{ "JSON" }</option>
                <option value="table" selected={props.table}>{ "Table" }</option>
            </select>
        </label>
    }
}
