//! The tabs that switch between the three views.

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
