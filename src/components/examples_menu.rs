//! The examples menu: one token per algorithm signed with public demo keys, the tutorial's
//! token, an expired one and an unsecured one.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::select_value::use_select_value;
use crate::presets::Example;

#[derive(Properties, PartialEq)]
pub struct ExamplesMenuProps {
    /// The example the page shows as loaded; `None` once the user has done anything else.
    pub shown: Option<Example>,
    pub on_choose: Callback<Example>,
}

/// A `<select>` that loads the chosen example. It shows the example while the page shows it as
/// loaded, and "choose…" again once the user pastes, edits or types a key, so the same example
/// can be chosen again to get it back. It loads on change, so arrow keys on a closed menu step
/// from one example to the next.
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
    let menu = use_select_value(AttrValue::from(
        props.shown.map(Example::id).unwrap_or_default(),
    ));
    html! {
        <label class="inline">
            <span>{ "Load an example:" }</span>
            <select data-testid="example-select" ref={menu} {onchange}>
                <option value="" selected={props.shown.is_none()} disabled=true>{ "choose…" }</option>
                { for Example::all().into_iter().map(|e| html! { <option value={e.id()}>{ e.label() }</option> }) }
            </select>
        </label>
    }
}
