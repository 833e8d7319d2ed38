//! Whether the key engine (the Web Worker for RSA, EC and Ed25519 keys) can answer, and a
//! reload button when it cannot.

use yew::prelude::*;

use crate::engine::EngineStatus;

#[derive(Properties, PartialEq)]
pub struct EngineStatusProps {
    pub status: EngineStatus,
}

/// One line on the key engine (`engine-status`); a warning with a reload button when it failed.
#[component]
pub fn EngineStatusView(props: &EngineStatusProps) -> Html {
    let state = props.status.state();
    let class = classes!("engine-status", state);
    match &props.status {
        EngineStatus::Loading => html! {
            <p {class} data-testid="engine-status" data-state={state}>
                { "Key engine loading: RSA, EC and Ed25519 keys are checked as soon as it is in." }
            </p>
        },
        EngineStatus::Ready => html! {
            <p {class} data-testid="engine-status" data-state={state}>
                { "Key engine ready: RSA, EC and Ed25519 keys are checked in a worker in this tab." }
            </p>
        },
        EngineStatus::Failed(why) => html! {
            <div {class} data-testid="engine-status" data-state={state} role="alert">
                <p>{ format!("Keys cannot be checked right now: the key engine for RSA, EC and Ed25519 keys {why}. HMAC secrets and decoding still work.") }</p>
                <button type="button" data-testid="engine-reload" onclick={Callback::from(|_: MouseEvent| crate::browser::reload())}>
                    { "Reload the page" }
                </button>
            </div>
        },
    }
}
