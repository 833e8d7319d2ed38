//! The root component: the only place that owns state. It feeds the reducer and lays out views.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::Clock;
use crate::components::alg_select::AlgSelect;
use crate::components::claims_list::ClaimsList;
use crate::components::claims_status::ClaimsStatusView;
use crate::components::decode_error::DecodeErrorView;
use crate::components::json_panel::JsonPanel;
use crate::components::key_panel::KeyPanel;
use crate::components::sign_panel::SignPanel;
use crate::components::token_editor::TokenEditor;
use crate::jwt::token::Kind;
use crate::state::{Action, Debugger, Decoded, EXAMPLE_TOKEN, PayloadForm};

impl Reducible for Debugger {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The clock; tests inject a manual one.
    #[prop_or(Clock::System)]
    pub clock: Clock,
    /// The token shown first (the example when not given).
    #[prop_or_default]
    pub initial_token: Option<AttrValue>,
}

impl Default for AppProps {
    fn default() -> Self {
        Self {
            clock: Clock::System,
            initial_token: None,
        }
    }
}

/// The whole page.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let clock = props.clock.clone();
        let initial = props
            .initial_token
            .clone()
            .unwrap_or(AttrValue::Static(EXAMPLE_TOKEN));
        use_reducer(move || Debugger::new(&initial, clock.now()))
    };
    {
        let dispatcher = state.dispatcher();
        use_effect_with(props.clock.clone(), move |clock| {
            dispatcher.dispatch(Action::Tick(clock.now()));
            let guard = clock.subscribe(Callback::from(move |now| {
                dispatcher.dispatch(Action::Tick(now))
            }));
            move || drop(guard)
        });
    }
    let on_input = {
        let dispatcher = state.dispatcher();
        Callback::from(move |text: String| dispatcher.dispatch(Action::SetToken(text)))
    };
    let on_clear = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::Clear))
    };
    let on_example = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::SetToken(EXAMPLE_TOKEN.into())))
    };
    let dispatch = |make: fn(String) -> Action| {
        let dispatcher = state.dispatcher();
        Callback::from(move |text: String| dispatcher.dispatch(make(text)))
    };
    let on_key = dispatch(Action::SetKey);
    let on_signing_key = dispatch(Action::SetSigningKey);
    let on_edit_header = dispatch(Action::EditHeader);
    let on_edit_payload = dispatch(Action::EditPayload);
    let on_encoding = {
        let dispatcher = state.dispatcher();
        Callback::from(move |encoding| dispatcher.dispatch(Action::SetSecretEncoding(encoding)))
    };
    let on_alg = {
        let dispatcher = state.dispatcher();
        Callback::from(move |alg| dispatcher.dispatch(Action::SetAlg(alg)))
    };
    let on_load_example = {
        let dispatcher = state.dispatcher();
        Callback::from(move |alg| dispatcher.dispatch(Action::LoadExample(alg)))
    };

    let decoded = match &state.decoded {
        Decoded::Empty => html! {
            <p class="hint">{ "Paste a JWT on the left: it is decoded here as you type, in this tab only." }</p>
        },
        Decoded::Error(error) => html! { <DecodeErrorView error={error.clone()} /> },
        Decoded::Token(view) => {
            let (payload_state, payload_note) = match view.payload_form {
                PayloadForm::Json => (None, None),
                PayloadForm::Text => (
                    Some("not-json"),
                    Some(
                        "The payload is not JSON: shown as text. A JWS may sign any bytes, but a JWT's payload is a JSON claims set.",
                    ),
                ),
                PayloadForm::Binary => (
                    Some("not-json"),
                    Some("The payload is not UTF-8 text: shown as hex bytes."),
                ),
                PayloadForm::Encrypted => (
                    Some("encrypted"),
                    Some(
                        "This is an encrypted token (JWE, five segments): only its header can be read without the key.",
                    ),
                ),
            };
            let status = state.claims_status();
            let signature_text = match view.token.kind {
                Kind::Jwe => "The encrypted key, initialization vector, ciphertext and authentication tag cannot be read without the key.".to_string(),
                Kind::Jws if view.token.signature.is_empty() => "No signature: this token is unsecured, anyone could have written it.".to_string(),
                Kind::Jws => format!("Signature: {} bytes, over the exact text of header.payload.", view.token.signature.len()),
            };
            let header_text = state
                .header_text()
                .unwrap_or_else(|| view.header_text.clone());
            let payload_text = state
                .payload_text()
                .unwrap_or_else(|| view.payload_text.clone());
            let alg_menu =
                html! { <AlgSelect current={state.algorithm()} on_change={on_alg.clone()} /> };
            html! {
                <>
                    <JsonPanel part="header" title="Header" text={AttrValue::from(header_text)} on_edit={on_edit_header.clone()} head={alg_menu}>
                        <ClaimsList part="header" view={view.clone()} now={state.now} />
                    </JsonPanel>
                    <JsonPanel part="payload" title="Payload" text={AttrValue::from(payload_text)} on_edit={on_edit_payload.clone()}
                        state={payload_state} note={payload_note.map(AttrValue::Static)}>
                        if let Some(status) = status {
                            <ClaimsStatusView {status} now={state.now} />
                        }
                        <ClaimsList part="payload" view={view.clone()} now={state.now} />
                    </JsonPanel>
                    <p class="note" data-testid="signature-info">{ signature_text }</p>
                </>
            }
        }
    };

    html! {
        <div class="app">
            <header class="topbar">
                <h1>{ "JWT Debugger" }</h1>
                <p class="tagline">{ "Decode, verify and sign JSON Web Tokens. Everything runs in this tab: nothing you paste leaves it." }</p>
            </header>
            <main class="debugger">
                <div class="column left">
                    <TokenEditor value={state.input.clone()} {on_input} {on_clear} {on_example} />
                    <section class="panel examples" aria-label="Examples">
                        <AlgSelect current={None} on_change={on_load_example} testid="example-select" label="Load an example signed with a public demo key:" />
                    </section>
                    <KeyPanel
                        key_text={state.key.text.clone()}
                        parsed={state.verification_keys().cloned()}
                        using_signing_key={state.key.is_empty() && !state.signing_key.is_empty()}
                        encoding={state.encoding}
                        verdict={state.verdict.clone()}
                        {on_key}
                        {on_encoding}
                    />
                    <SignPanel
                        key_text={state.signing_key.text.clone()}
                        parsed={state.signing_key.parsed.clone()}
                        error={state.edit_error.clone()}
                        on_key={on_signing_key}
                    />
                </div>
                <div class="column right">
                    { decoded }
                </div>
            </main>
            <footer class="footer">
                <span>{ "Runs entirely in your browser. No analytics, no network requests with your data." }</span>
            </footer>
        </div>
    }
}
