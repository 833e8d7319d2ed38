//! An SD-JWT's disclosures (RFC 9901): whether the presentation holds together, each disclosure
//! with its salt, claim, value, digest and place, and the claims a verifier ends with.

use std::rc::Rc;

use yew::prelude::*;

use crate::jwt::sd_jwt::{DisclosureKind, KbVerdict, Placed, Processed};
use crate::state::SdView;

#[derive(Properties)]
pub struct SdPanelProps {
    pub sd: Rc<SdView>,
    pub kb: KbVerdict,
    /// Present without disclosure number `.0` (0-based).
    pub on_withhold: Callback<usize>,
    /// The `aud` and `nonce` a KB-JWT must carry, as typed.
    pub on_kb_aud: Callback<String>,
    pub on_kb_nonce: Callback<String>,
}

impl PartialEq for SdPanelProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.sd, &other.sd) && self.kb == other.kb
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
                }
            </>
        },
    };
    html! {
        <section class="panel sd" aria-labelledby="sd-title">
            <div class="panel-head"><h2 id="sd-title">{ "Selective disclosure (SD-JWT)" }</h2></div>
            { body }
            { key_binding(&props.kb) }
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

/// `kb-verdict`: the key-binding JWT, checked.
fn key_binding(kb: &KbVerdict) -> Html {
    let text = match kb {
        KbVerdict::Absent => {
            "No key-binding JWT: whoever holds this SD-JWT can present it.".to_string()
        }
        KbVerdict::Verified { facts, by } => format!(
            "Key binding verified: signed by the holder's key in cnf ({by}), sd_hash matches; aud {}, nonce {}, iat {}.",
            facts.aud, facts.nonce, facts.iat
        ),
        KbVerdict::Invalid(why) => format!("Key binding invalid: {why}."),
        KbVerdict::Unverifiable(why) => format!("Key binding not checked: {why}."),
        KbVerdict::Pending => "Key binding: checking…".to_string(),
    };
    html! {
        <p class={classes!("kb-verdict", kb.state())} data-testid="kb-verdict" data-state={kb.state()}>{ text }</p>
    }
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
