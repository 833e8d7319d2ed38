//! Security findings, most severe first, and the action that tries the published-secret list.

use std::rc::Rc;

use yew::prelude::*;

use crate::jwt::lint::Finding;

#[derive(Properties)]
pub struct FindingsProps {
    pub findings: Rc<Vec<Finding>>,
    /// Whether the token is HMAC-signed (the list search applies).
    pub hmac: bool,
    /// The last list search: `Some(None)` = nothing found.
    pub cracked: Option<Option<&'static str>>,
    pub on_try_list: Callback<()>,
    /// Put the secret the list search found into the verify box.
    pub on_use_secret: Callback<&'static str>,
}

impl PartialEq for FindingsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.findings, &other.findings)
            && self.hmac == other.hmac
            && self.cracked == other.cracked
    }
}

/// The findings panel.
#[component]
pub fn FindingsList(props: &FindingsProps) -> Html {
    html! {
        <section class="panel findings-panel" aria-labelledby="findings-title">
            <div class="panel-head">
                <h2 id="findings-title">{ format!("Security findings ({})", props.findings.len()) }</h2>
                if props.hmac {
                    <button type="button" data-testid="try-common-secrets" onclick={props.on_try_list.reform(|_: MouseEvent| ())}>
                        { "Try published secrets" }
                    </button>
                }
            </div>
            if let Some(Some(secret)) = props.cracked {
                <p class="note" data-testid="common-secrets-result">
                    { format!("Signed with the published secret \"{secret}\". ") }
                    <button type="button" data-testid="use-found-secret"
                        onclick={props.on_use_secret.reform(move |_: MouseEvent| secret)}>
                        { "Use this secret" }
                    </button>
                </p>
            }
            if props.cracked == Some(None) {
                <p class="note" data-testid="common-secrets-result">{ "None of the built-in published secrets signs this token." }</p>
            }
            if props.findings.is_empty() {
                <p class="note">{ "Nothing to report for this token and key." }</p>
            }
            <ul class="findings">
                { for props.findings.iter().map(|f| html! {
                    <li class={classes!("finding", f.severity.id())} data-testid="finding" data-code={f.code} data-severity={f.severity.id()}>
                        <span class="severity">{ f.severity.id() }</span>
                        <span class="meaning">{ &f.meaning }</span>
                        <span class="advice">{ &f.advice }</span>
                    </li>
                }) }
            </ul>
        </section>
    }
}
