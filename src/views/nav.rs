//! The tabs that switch between the three views, and the skip link before them.

use yew::prelude::*;

use super::store::Store;
use crate::route::Route;

/// One link per view, the one shown marked current.
pub fn nav(store: &Store) -> Html {
    let tab = |to: Route, label: &'static str, testid: &'static str| {
        let current = store.route == to;
        let onclick = store.navigate.reform(move |e: MouseEvent| {
            e.prevent_default();
            to
        });
        html! {
            <a href={format!("#{}", to.hash())} class={classes!("tab", current.then_some("current"))}
                aria-current={current.then_some("page")} data-testid={testid} {onclick}>{ label }</a>
        }
    };
    html! {
        <nav class="tabs" aria-label="Views">
            { tab(Route::Debugger, "Debugger", "nav-debugger") }
            { tab(Route::Walkthrough, "Tutorial walkthrough", "nav-walkthrough") }
            { tab(Route::Keygen, "Key generator", "nav-keygen") }
        </nav>
    }
}

/// The first Tab stop of the debugger: straight to the token box, past the header's controls.
/// A button, not an `#anchor` link: the fragment holds the route and shared tokens.
pub fn skip_link(store: &Store) -> Html {
    if store.route != Route::Debugger {
        return html! {};
    }
    let onclick = Callback::from(|_: MouseEvent| {
        use wasm_bindgen::JsCast;
        let token_box = gloo::utils::document()
            .query_selector("[data-testid=token-input]")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
        if let Some(token_box) = token_box {
            let _ = token_box.focus();
        }
    });
    html! {
        <button type="button" class="skip-link" data-testid="skip-to-token" {onclick}>{ "Skip to the token box" }</button>
    }
}
