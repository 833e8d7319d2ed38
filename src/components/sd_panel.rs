//! An SD-JWT's disclosures (RFC 9901): whether the presentation holds together, each disclosure
//! with its salt, claim, value, digest and place, and the claims a verifier ends with.

use std::rc::Rc;

use yew::prelude::*;

use super::claims_list::shown_value;
use super::live_textarea::LiveTextArea;
use crate::jwt::json::unescape;
use crate::jwt::sd_jwt::{DisclosureKind, DisclosureState, KbVerdict, Placed, Processed};
use crate::jwt::time::{self, Seconds};
use crate::state::{Binding, SdView};

#[derive(Properties)]
pub struct SdPanelProps {
    pub sd: Rc<SdView>,
    pub kb: KbVerdict,
    /// Present without disclosure number `.0` (0-based).
    pub on_withhold: Callback<usize>,
    /// The `aud` and `nonce` a KB-JWT must carry, as typed.
    pub on_kb_aud: Callback<String>,
    pub on_kb_nonce: Callback<String>,
    /// What the page did to the KB-JWT (made one with the holder's key, dropped it).
    pub binding: Binding,
    /// Why the last claim made disclosable, or decoy, could not be.
    pub error: Option<Rc<str>>,
    /// The holder's private key, as typed.
    pub holder_key: Rc<str>,
    pub on_add_decoy: Callback<()>,
    pub on_holder_key: Callback<String>,
    /// The clock: the KB-JWT's `iat` is told relative to it.
    pub now: Seconds,
}

impl PartialEq for SdPanelProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.sd, &other.sd)
            && self.kb == other.kb
            && self.binding == other.binding
            && self.error == other.error
            && Rc::ptr_eq(&self.holder_key, &other.holder_key)
            && self.now == other.now
    }
}

/// The selective-disclosure panel, under the decoded payload.
#[component]
pub fn SdPanel(props: &SdPanelProps) -> Html {
    let sd = &props.sd;
    let body = match &sd.processed {
        Err(why) => html! {
            <p class="sd-status error" data-testid="sd-status" data-state="error" role="alert">
                { format!("Not processed: {why}.") }
            </p>
        },
        Ok(processed) => html! {
            <>
                { status(processed) }
                <ol class="disclosures">
                    { for processed.disclosures.iter().enumerate().map(|(i, placed)| disclosure(i, placed, &props.on_withhold)) }
                </ol>
                if processed.problems.is_empty() {
                    <h3 class="sd-claims-title">{ "Processed claims: what a verifier ends with" }</h3>
                    <pre class="sd-claims" data-testid="sd-claims">{ sd.claims_text.to_string() }</pre>
                    { claims_table(processed) }
                }
            </>
        },
    };
    html! {
        <section class="panel sd" aria-labelledby="sd-title">
            <div class="panel-head"><h2 id="sd-title">{ "Selective disclosure (SD-JWT)" }</h2></div>
            { body }
            if let Some(error) = &props.error {
                <p class="sd-error" role="alert">{ format!("Not issued: {error}.") }</p>
            }
            <p class="sd-issue">
                <button type="button" data-testid="sd-decoy" onclick={props.on_add_decoy.reform(|_: MouseEvent| ())}>{ "Add a decoy digest" }</button>
                <span class="note">{ "Make SD on a claim (list or table above) makes it disclosable; both re-issue the token with the signing key." }</span>
            </p>
            { key_binding(&props.kb, props.now) }
            { binding(&props.binding) }
            <div class="kb-expect">
                <label>{ "Expected aud " }
                    <input type="text" data-testid="kb-aud" autocomplete="off" spellcheck="false"
                        placeholder="any" oninput={props.on_kb_aud.reform(input_text)} />
                </label>
                <label>{ "Expected nonce " }
                    <input type="text" data-testid="kb-nonce" autocomplete="off" spellcheck="false"
                        placeholder="any" oninput={props.on_kb_nonce.reform(input_text)} />
                </label>
            </div>
            <div class="holder-key">
                <LiveTextArea value={props.holder_key.clone()} on_input={props.on_holder_key.clone()}
                    testid="holder-key-input" label="Holder's private key (PEM or JWK): signs a fresh key-binding JWT for each presentation made here, with the aud and nonce above"
                    rows="3" placeholder="Holder's private key: with it, each presentation made here is key-bound" />
            </div>
        </section>
    }
}

/// The text of the `<input>` an event came from.
fn input_text(event: InputEvent) -> String {
    event
        .target_dyn_into::<web_sys::HtmlInputElement>()
        .map(|input| input.value())
        .unwrap_or_default()
}

/// `sd-status`: the presentation holds together, or every rule it breaks.
fn status(processed: &Processed) -> Html {
    if !processed.problems.is_empty() {
        return html! {
            <div class="sd-status error" data-testid="sd-status" data-state="error" role="alert">
                <p>{ "Refused: this presentation breaks RFC 9901's rules for disclosures." }</p>
                <ul>{ for processed.problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
            </div>
        };
    }
    let count = processed.disclosures.len();
    let alg = if processed.alg_stated {
        format!("digests {}", processed.alg.name())
    } else {
        "digests sha-256 (assumed: the payload names no _sd_alg)".to_string()
    };
    let undisclosed = match processed.undisclosed {
        0 => String::new(),
        1 => "; 1 digest is not disclosed (a decoy or a claim withheld)".into(),
        n => format!("; {n} digests are not disclosed (decoys or claims withheld)"),
    };
    html! {
        <p class="sd-status ok" data-testid="sd-status" data-state="ok">
            { format!("{count} disclosure{}, each in its place; {alg}{undisclosed}.", if count == 1 { "" } else { "s" }) }
        </p>
    }
}

/// The processed claims, each marked as disclosed, holding disclosures, or always visible
/// (`sd-claim`, `data-disclosed` yes / partly / no).
fn claims_table(processed: &Processed) -> Html {
    let placed: Vec<&str> = processed
        .disclosures
        .iter()
        .filter(|p| p.state == DisclosureState::Matched)
        .filter_map(|p| p.path.as_deref())
        .collect();
    let rows = processed.claims.members().iter().map(|member| {
        let name = unescape(&member.key);
        let inside = |path: &&str| {
            path.strip_prefix(name.as_str())
                .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
        };
        let (disclosed, words) = if placed.contains(&name.as_str()) {
            ("yes", "disclosed")
        } else if placed.iter().any(inside) {
            ("partly", "holds disclosures")
        } else {
            ("no", "always visible")
        };
        html! {
            <tr data-testid="sd-claim" data-name={name.clone()} data-disclosed={disclosed}>
                <th scope="row"><code>{ name.clone() }</code></th>
                <td><code>{ shown_value(&member.value) }</code></td>
                <td class={classes!("sd-mark", disclosed)}>{ words }</td>
            </tr>
        }
    });
    html! {
        <table class="claims-table sd-claims-table">
            <caption class="visually-hidden">{ "The processed claims, each marked as disclosed or always visible" }</caption>
            <thead><tr><th scope="col">{ "Claim" }</th><th scope="col">{ "Value" }</th><th scope="col">{ "Here because" }</th></tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// `iat 2026-12-07 04:24:45 UTC (3 min ago)`: a KB-JWT's time as other times are told.
fn iat_words(iat: Seconds, now: Seconds) -> String {
    match time::format_date(iat, 0) {
        Some(utc) => format!("iat {utc} UTC ({})", time::relative(iat, now)),
        None => format!("iat {iat}"),
    }
}

/// `kb-verdict`: the key-binding JWT, checked.
fn key_binding(kb: &KbVerdict, now: Seconds) -> Html {
    let text = match kb {
        KbVerdict::Absent => {
            "No key-binding JWT: whoever holds this SD-JWT can present it.".to_string()
        }
        KbVerdict::Verified { facts, by } => format!(
            "Key binding verified: signed by the holder's key in cnf ({by}), sd_hash matches; aud {}, nonce {}, {}.",
            facts.aud,
            facts.nonce,
            iat_words(facts.iat, now)
        ),
        KbVerdict::Invalid(why) => format!("Key binding invalid: {why}."),
        KbVerdict::Unverifiable(why) => format!("Key binding not checked: {why}."),
        KbVerdict::Pending => "Key binding: checking…".to_string(),
    };
    html! {
        <p class={classes!("kb-verdict", kb.state())} data-testid="kb-verdict" data-state={kb.state()}>{ text }</p>
    }
}

/// What the page did to the KB-JWT: made, waiting, dropped, or why it could not.
fn binding(binding: &Binding) -> Html {
    let text = match binding {
        Binding::None => return Html::default(),
        Binding::Made { by, defaults } if defaults.is_empty() => {
            format!("A fresh key-binding JWT was made here, signed by the holder's {by}.")
        }
        Binding::Made { by, defaults } => format!(
            "A fresh key-binding JWT was made here, signed by the holder's {by}, with {defaults} (type the verifier's above)."
        ),
        Binding::Pending => "Making the key-binding JWT…".to_string(),
        Binding::Dropped => "The key-binding JWT went with the old presentation (its sd_hash covered those disclosures). Paste the holder's private key below to make a fresh one.".to_string(),
        Binding::Failed(why) => format!("No key-binding JWT made: {why}."),
    };
    html! { <p class="kb-made" data-testid="kb-made">{ text }</p> }
}

/// One `disclosure`: what it discloses, and where it went.
fn disclosure(index: usize, placed: &Placed, on_withhold: &Callback<usize>) -> Html {
    let state = placed.state.id();
    match &placed.disclosure {
        Err(unread) => html! {
            <li class={classes!("disclosure", state)} data-testid="disclosure" data-claim="" data-state={state}>
                { format!("Disclosure {}: {unread}", index + 1) }
            </li>
        },
        Ok(d) => {
            let claim = match &d.kind {
                DisclosureKind::Property { name, .. } => name.clone(),
                DisclosureKind::Element => "[]".to_string(),
            };
            let shown = match &d.kind {
                DisclosureKind::Property { name, .. } => name.clone(),
                DisclosureKind::Element => "an array element".to_string(),
            };
            let place = match &placed.path {
                Some(path) => format!("at {path}"),
                None => format!("not placed ({})", state),
            };
            html! {
                <li class={classes!("disclosure", state)} data-testid="disclosure" data-claim={claim} data-state={state}>
                    <label class="present">
                        <input type="checkbox" data-testid="disclose-toggle" checked=true
                            onchange={on_withhold.reform(move |_: Event| index)} />
                        <span class="visually-hidden">{ format!("Present disclosure {}", index + 1) }</span>
                    </label>
                    <span class="claim">{ shown }</span>
                    <code class="value">{ d.value.minified() }</code>
                    <span class="place">{ place }</span>
                    <span class="salt">{ format!("salt {}", d.salt) }</span>
                    <span class="digest">{ format!("digest {}", d.digest) }</span>
                </li>
            }
        }
    }
}
