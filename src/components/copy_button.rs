//! A copy button with a visible "Copied" confirmation (Clipboard API, with a fallback).

use yew::prelude::*;

use crate::browser;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// What is copied.
    pub text: AttrValue,
    /// What it is, for the accessible name, which starts with the visible label ("Copy: token").
    pub what: AttrValue,
    pub testid: AttrValue,
    /// The button's text when idle.
    #[prop_or(AttrValue::Static("Copy"))]
    pub label: AttrValue,
}

/// Copies `text` when pressed and says so for two seconds.
#[component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    // Some(true) copied, Some(false) refused, None idle: transient UI state only.
    let outcome = use_state(|| None::<bool>);
    let onclick = {
        let outcome = outcome.clone();
        let text = props.text.clone();
        Callback::from(move |_: MouseEvent| {
            let outcome = outcome.clone();
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                outcome.set(Some(browser::copy_text(&text).await));
                let reset = outcome.clone();
                gloo::timers::callback::Timeout::new(2000, move || reset.set(None)).forget();
            });
        })
    };
    let label = match *outcome {
        Some(true) => AttrValue::Static("Copied ✓"),
        Some(false) => AttrValue::Static("Copy failed"),
        None => props.label.clone(),
    };
    html! {
        <button type="button" class={classes!("copy", outcome.map(|ok| if ok { "copied" } else { "failed" }))}
            data-testid={props.testid.clone()} data-state={outcome.map(|ok| if ok { "copied" } else { "failed" })}
            aria-label={format!("{}: {}", props.label, props.what)} {onclick}>
            <span aria-live="polite">{ label }</span>
        </button>
    }
}
