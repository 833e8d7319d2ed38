//! A textarea the user types into and the app writes to, without copying its text back out of
//! the page on every render.
//!
//! Yew's controlled `value` re-reads the element's whole text on each re-render to compare it: for
//! a 1 MB token that is a 1 MB JS-to-wasm copy per render (ticks included). Here the component
//! remembers what the textarea holds (what it last wrote, or what the user last typed) and writes
//! only when the app's text differs from that.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::shared_text::SharedText;

#[derive(Properties, PartialEq)]
pub struct LiveTextAreaProps {
    /// The text the app holds for this box (the state's own, compared by identity first: see
    /// `SharedText`).
    pub value: SharedText,
    /// Called with the whole text after each user edit.
    pub on_input: Callback<String>,
    pub testid: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    #[prop_or_default]
    pub rows: Option<AttrValue>,
    /// `data-state`, e.g. `not-json`.
    #[prop_or_default]
    pub state: Option<&'static str>,
    /// The id of what says the text is invalid: marks the box `aria-invalid` and points to it.
    #[prop_or_default]
    pub error_id: Option<AttrValue>,
}

#[component]
pub fn LiveTextArea(props: &LiveTextAreaProps) -> Html {
    let node = use_node_ref();
    // What the element holds now, as far as this component knows: from its first render, the
    // text it was created with (`defaultvalue` below).
    let held: Rc<RefCell<Option<String>>> = {
        let first = props.value.clone();
        use_mut_ref(move || Some(first.to_string()))
    };
    {
        let node = node.clone();
        let held = held.clone();
        use_effect_with(props.value.clone(), move |value| {
            let mut held = held.borrow_mut();
            if held.as_deref() != Some(&**value) {
                if let Some(area) = node.cast::<HtmlTextAreaElement>() {
                    area.set_value(value);
                }
                *held = Some(value.to_string());
            }
        });
    }
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            *held.borrow_mut() = Some(text.clone());
            on_input.emit(text);
        })
    };
    // The element is created holding the text (Yew applies `defaultvalue` only when it creates
    // the element), so the first paint shows it. Yew yields to the browser once a long first
    // render is done and runs effects after that paint: an effect alone would show the page's
    // first frame with empty boxes.
    let created_with = AttrValue::from(props.value.clone());
    html! {
        <textarea
            ref={node}
            defaultvalue={created_with}
            data-testid={props.testid.clone()}
            data-state={props.state}
            class={props.class.clone()}
            aria-label={props.label.clone()}
            aria-invalid={props.error_id.as_ref().map(|_| "true")}
            aria-describedby={props.error_id.clone()}
            placeholder={props.placeholder.clone()}
            rows={props.rows.clone()}
            spellcheck="false"
            autocomplete="off"
            autocapitalize="off"
            {oninput}
        />
    }
}
