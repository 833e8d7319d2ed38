//! The token's `x5c` certificate chain, certificate by certificate (leaf first), each link's
//! state and the chain's verdict.

use yew::prelude::*;

use crate::jwt::certs::{self, CertFacts, CertState};
use crate::jwt::time::Seconds;
use crate::state::ChainRead;

/// The chain panel for `chain` judged at `now`: the header's (`in_header`) or the one pasted in
/// the key box. A view function rendered with the decoded column, as the OIDC panel is.
pub(super) fn cert_chain(chain: &ChainRead, now: Seconds, in_header: bool) -> Html {
    let body = match chain {
        ChainRead::Pending => html! {
            <p class="note" data-testid="chain-verdict" data-state="pending">{ "Reading the certificates…" }</p>
        },
        ChainRead::Unreadable(why) => html! {
            <p class="chain-verdict broken" data-testid="chain-verdict" data-state="broken" role="alert">
                { format!("The chain cannot be read: {why}.") }
            </p>
        },
        ChainRead::Read(facts) => {
            let judged = certs::judge(facts, now);
            let rows = facts.certs.iter().enumerate().map(|(i, cert)| {
                let state = judged.states.get(i).copied().unwrap_or(CertState::Ok);
                let link = facts.links.get(i).map(|link| match link {
                    Ok(()) => "signed by the next certificate".to_string(),
                    Err(why) => why.clone(),
                });
                cert_item(i, cert, state, link)
            });
            html! {
                <>
                    <p class={classes!("chain-verdict", judged.state.id())} data-testid="chain-verdict" data-state={judged.state.id()}>
                        { judged.why.clone() }
                    </p>
                    <ol class="cert-list">{ for rows }</ol>
                </>
            }
        }
    };
    html! {
        <section class="panel chain" aria-labelledby="chain-title" data-testid="cert-chain">
            <div class="panel-head"><h2 id="chain-title">{ if in_header { "Certificate chain (x5c)" } else { "Certificate chain (key box)" } }</h2></div>
            { body }
        </section>
    }
}

fn cert_item(i: usize, cert: &CertFacts, state: CertState, link: Option<String>) -> Html {
    let role = match i {
        0 => "Leaf",
        _ if cert.is_ca => "CA",
        _ => "Certificate",
    };
    let validity = match state {
        CertState::Expired => format!("expired {}", certs::date(cert.not_after)),
        CertState::NotYetValid => format!("not valid before {}", certs::date(cert.not_before)),
        _ => format!(
            "valid {} to {}",
            certs::date(cert.not_before),
            certs::date(cert.not_after)
        ),
    };
    let out_of_time = matches!(state, CertState::Expired | CertState::NotYetValid);
    html! {
        <li class={classes!("cert", state.id())} data-testid="cert" data-state={state.id()}>
            <p class="cert-subject"><strong>{ format!("{}. {role}: ", i + 1) }</strong><code>{ cert.subject.clone() }</code></p>
            <dl class="cert-facts">
                <dt>{ "Issuer" }</dt><dd><code>{ cert.issuer.clone() }</code></dd>
                <dt>{ "Valid" }</dt><dd class={classes!(out_of_time.then_some("warn"))}>{ validity }</dd>
                <dt>{ "Key" }</dt><dd>{ format!("{}{}", cert.key, if cert.is_ca { ", CA" } else { "" }) }</dd>
                <dt>{ "Serial" }</dt><dd><code>{ cert.serial.clone() }</code></dd>
                if !cert.sans.is_empty() {
                    <dt>{ "Names" }</dt><dd>{ cert.sans.join(", ") }</dd>
                }
                <dt>{ "Signed" }</dt><dd>{ cert.signed_with.clone() }</dd>
                if let Some(link) = link {
                    <dt>{ "Link" }</dt><dd class={classes!((state == CertState::BrokenLink).then_some("broken"))}>{ link }</dd>
                }
                <dt>{ "x5t#S256" }</dt><dd><code>{ cert.x5t_s256.clone() }</code></dd>
            </dl>
        </li>
    }
}
