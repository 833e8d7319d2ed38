//! A copy button: an icon (with a short word where two sit side by side), a name for screen
//! readers, and a visible confirmation (Clipboard API, with a fallback).

use yew::prelude::*;

use super::shared_text::SharedText;

use crate::browser;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// What is copied: the state's own text, so an unchanged 350 KB token costs no byte-by-byte
    /// comparison on each render (see `SharedText`).
    pub text: SharedText,
    /// What it is: the accessible name and the tooltip are "Copy {what}".
    pub what: AttrValue,
    pub testid: AttrValue,
    /// A word shown beside the icon, where the icon alone would be ambiguous ("JSON", "part").
    #[prop_or_default]
    pub label: Option<AttrValue>,
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
    let state = outcome.map(|ok| if ok { "copied" } else { "failed" });
    let name = format!("Copy {}", props.what);
    // The icon says what the button does; the word after it what happened, once it has.
    let (icon, said) = match *outcome {
        Some(true) => (CHECK_ICON, Some(AttrValue::Static("Copied"))),
        Some(false) => (COPY_ICON, Some(AttrValue::Static("Copy failed"))),
        None => (COPY_ICON, props.label.clone()),
    };
    html! {
        <button type="button" class={classes!("copy", state)} data-testid={props.testid.clone()} data-state={state}
            aria-label={name.clone()} title={name} {onclick}>
            <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
                <path d={icon} />
            </svg>
            <span aria-live="polite">{ said }</span>
        </button>
    }
}

/// Two overlapping sheets.
const COPY_ICON: &str = "M5 1.5h7.5A1.5 1.5 0 0 1 14 3v8.5h-1.5V3H5zM2 5a1.5 1.5 0 0 1 1.5-1.5h6A1.5 1.5 0 0 1 11 5v8.5A1.5 1.5 0 0 1 9.5 15h-6A1.5 1.5 0 0 1 2 13.5zm1.5 0v8.5h6V5z";
/// A tick.
const CHECK_ICON: &str = "M6.2 11.6 2.6 8l-1.1 1.1 4.7 4.7 8.3-8.3-1.1-1.1z";
