//! The decoded column: whether the token decoded, each part that did (header, payload,
//! signature) with the error of each that did not where it would stand, and the findings.

use std::rc::Rc;

use yew::prelude::*;

use super::findings_panel::FindingsPanel;
use super::header_panel::HeaderPanel;
use super::payload_panel::PayloadPanel;
use super::signature_line::SignatureLine;
use super::store::{use_dispatch, use_store};
use crate::components::copy_button::CopyButton;
use crate::components::decode_error::{DecodeErrorView, DecodeStatus};
use crate::jwt::token::Part;
use crate::state::{Action, Debugger, Decoded, DecodedView};

/// The middle column of the debugger.
#[component]
pub fn DecodedColumn() -> Html {
    let store = use_store();
    let on_nested_back = use_dispatch(&store.dispatch, |_: MouseEvent| Action::NestedBack);
    let debugger_state = &store.state.debugger;
    match &debugger_state.decoded {
        Decoded::Empty => html! {
            <p class="hint">{ "Paste a JWT on the left: it is decoded here as you type, in this tab only." }</p>
        },
        Decoded::Error(broken) if !broken.is_partial() => html! {
            <>
                <DecodeStatus decoded={debugger_state.decoded.clone()} />
                { for broken.errors.iter().map(|error| html! { <DecodeErrorView error={error.clone()} /> }) }
            </>
        },
        Decoded::Token(_) | Decoded::Error(_) => {
            // A token that decodes, or one read in part: every part that decodes is shown, and
            // a bad part's error stands where that part would be.
            let broken = match &debugger_state.decoded {
                Decoded::Error(broken) => Some(broken),
                _ => None,
            };
            let error_of = |part: Part| broken.and_then(|b| b.error_of(part).cloned());
            // The errors of the parts after the payload (the signature, a JWE's encrypted parts).
            let later_errors: Vec<_> = broken
                .iter()
                .flat_map(|b| b.errors.iter())
                .filter(|e| !matches!(e.part(), Some(Part::Header | Part::Payload)))
                .cloned()
                .collect();
            html! {
                <>
                    if debugger_state.outer.is_some() {
                        <p class="nested-line">
                            <button type="button" data-testid="nested-back" onclick={on_nested_back}>{ "← Back to the encrypted token" }</button>
                            <span class="note">{ "This token was nested in an encrypted one." }</span>
                        </p>
                    }
                    <DecodeStatus decoded={debugger_state.decoded.clone()} />
                    if let Some(error) = error_of(Part::Header) {
                        <DecodeErrorView {error} />
                    }
                    <HeaderPanel />
                    if let Some(error) = error_of(Part::Payload) {
                        <DecodeErrorView {error} />
                    }
                    <PayloadPanel />
                    <SignatureLine />
                    { for later_errors.into_iter().map(|error| html! { <DecodeErrorView {error} /> }) }
                    <FindingsPanel />
                </>
            }
        }
    }
}

/// The decoded token, shared, when it decodes whole.
pub(super) fn shared_view(debugger: &Debugger) -> Option<Rc<DecodedView>> {
    match &debugger.decoded {
        Decoded::Token(view) => Some(view.clone()),
        _ => None,
    }
}

/// The text of the token's `i`-th segment (empty when it does not decode).
pub(super) fn segment(view: Option<&DecodedView>, i: usize) -> Rc<str> {
    view.and_then(|v| v.segment_texts.get(i).cloned())
        .unwrap_or_else(|| "".into())
}

/// A panel's copy buttons: its JSON, and its segment as it is in the token.
pub(super) fn copies(part: &'static str, json: &Rc<str>, segment: Rc<str>) -> Html {
    html! {
        <span class="copies">
            <CopyButton text={json.clone()} what={format!("{part} JSON")} testid={format!("copy-{part}-json")} label={AttrValue::Static("JSON")} />
            if !segment.is_empty() {
                <CopyButton text={segment} what={format!("{part} part")} testid={format!("copy-{part}-part")} label={AttrValue::Static("part")} />
            }
        </span>
    }
}

/// An edit whose header or payload text does not parse: its error goes under that text.
pub(super) fn edit_error_of(debugger: &Debugger, part: &str) -> Option<AttrValue> {
    debugger
        .edit_error
        .as_ref()
        .filter(|e| e.part() == Some(part))
        .map(|e| AttrValue::from(e.to_string()))
}
