//! Keeps a `<select>` showing the value the state holds. Yew writes `selected` as an attribute,
//! and a browser stops following an option's attribute once the user has picked from the menu:
//! after that the menu could show one format while the state (and the output) is in another.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// A ref for the `<select>`, whose value is set to `value` after every render that changes it.
#[hook]
pub fn use_select_value(value: AttrValue) -> NodeRef {
    let select = use_node_ref();
    {
        let select = select.clone();
        // After every render: the options may have been rebuilt under the same value.
        use_effect(move || {
            if let Some(element) = select.cast::<HtmlSelectElement>()
                && element.value() != *value
            {
                element.set_value(&value);
            }
        });
    }
    select
}
