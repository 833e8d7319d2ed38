//! The live time status of the token: valid, expired, not yet valid, or never expiring.

use yew::prelude::*;

use crate::jwt::claims::ClaimsStatus;
use crate::jwt::time::Seconds;

#[derive(Properties, PartialEq)]
pub struct ClaimsStatusProps {
    pub status: ClaimsStatus,
    pub now: Seconds,
}

/// One line that ticks with the clock.
#[component]
pub fn ClaimsStatusView(props: &ClaimsStatusProps) -> Html {
    let state = props.status.state();
    html! {
        <p class={classes!("claims-status", state)} data-testid="claims-status" data-state={state} aria-live="polite">
            { props.status.describe(props.now) }
        </p>
    }
}
