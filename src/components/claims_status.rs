//! The live time status of the token: valid, expired, not yet valid, or never expiring.

use yew::prelude::*;

use crate::jwt::claims::ClaimsStatus;
use crate::jwt::time::Seconds;

#[derive(Properties, PartialEq)]
pub struct ClaimsStatusProps {
    pub status: ClaimsStatus,
    pub now: Seconds,
}

/// One line that ticks with the clock. Screen readers hear only when its state changes (valid →
/// expired), not every second of the countdown: the live region holds the state alone.
#[component]
pub fn ClaimsStatusView(props: &ClaimsStatusProps) -> Html {
    let state = props.status.state();
    let heard = match props.status {
        ClaimsStatus::Valid { .. } => "Token valid",
        ClaimsStatus::Expired { .. } => "Token expired",
        ClaimsStatus::NotYetValid { .. } => "Token not yet valid",
        ClaimsStatus::NoExp { .. } => "Token never expires",
    };
    html! {
        <>
            <p class={classes!("claims-status", state)} data-testid="claims-status" data-state={state}>
                { props.status.describe(props.now) }
            </p>
            <p class="visually-hidden" aria-live="polite">{ heard }</p>
        </>
    }
}
