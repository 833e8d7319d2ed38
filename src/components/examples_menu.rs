//! The examples menu: one token per algorithm signed with public demo keys, the tutorial's
//! token, an expired one and an unsecured one.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::presets::Example;

#[derive(Properties, PartialEq)]
pub struct ExamplesMenuProps {
    pub on_choose: Callback<Example>,
}

/// A `<select>` that loads the chosen example. When focus leaves it, it shows "choose…" again:
/// the token box soon holds something else, and the same example can be chosen again to get
/// it back. Not on change: arrow keys on a closed menu change it one step at a time, and each
/// step must start from the example before, not from "choose…".
#[component]
pub fn ExamplesMenu(props: &ExamplesMenuProps) -> Html {
    let onchange = {
        let on_choose = props.on_choose.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(example) = Example::from_id(&select.value()) {
                on_choose.emit(example);
            }
        })
    };
    let onblur = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<HtmlSelectElement>().set_value("");
    });
    html! {
        <label class="inline">
            <span>{ "Load an example:" }</span>
            <select data-testid="example-select" {onchange} {onblur}>
                <option value="" selected=true disabled=true>{ "choose…" }</option>
                { for Example::all().into_iter().map(|e| html! { <option value={e.id()}>{ e.label() }</option> }) }
            </select>
        </label>
    }
}
