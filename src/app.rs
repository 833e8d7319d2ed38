//! The root component: the only place that owns state. It feeds the one reducer, routes the
//! three views by the location hash and runs the asynchronous work (WebCrypto key generation).

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::{self, Clock};
use crate::components::alg_select::AlgSelect;
use crate::components::claims_list::ClaimsList;
use crate::components::claims_status::ClaimsStatusView;
use crate::components::claims_table::ClaimsTable;
use crate::components::claims_view_select::ClaimsViewSelect;
use crate::components::copy_button::CopyButton;
use crate::components::decode_error::{DecodeErrorView, DecodeStatus};
use crate::components::encrypt_panel::EncryptPanel;
use crate::components::examples_menu::ExamplesMenu;
use crate::components::findings_list::FindingsList;
use crate::components::json_panel::JsonPanel;
use crate::components::key_panel::KeyPanel;
use crate::components::keygen_view::KeygenView;
use crate::components::plaintext_panel::PlaintextPanel;
use crate::components::shared_text::SharedText;
use crate::components::sign_panel::SignPanel;
use crate::components::token_editor::TokenEditor;
use crate::components::walkthrough_view::WalkthroughView;
use crate::jwt::claims::ClaimsStatus;
use crate::jwt::keys::generate::KeyKind;
use crate::jwt::keys::{SecretEncoding, export};
use crate::jwt::token::{Kind, Part};
use crate::jwt::verify::Verdict;
use crate::key_tasks::make_key;
pub use crate::route::Route;
use crate::share;
use crate::state::keygen::KeygenAction;
use crate::state::walkthrough::{KeyPair, TutorialAlg, WalkAction};
use crate::state::{Action, AppAction, AppState, Decoded, EXAMPLE_TOKEN, PayloadForm};

impl Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
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
    /// The view shown first (read from the location hash when not given).
    #[prop_or_default]
    pub initial_route: Option<Route>,
}

impl Default for AppProps {
    fn default() -> Self {
        Self {
            clock: Clock::System,
            initial_token: None,
            initial_route: None,
        }
    }
}

/// A callback that sends `action(value)` to the debugger; made once per mount.
#[hook]
fn use_dispatch<T: 'static>(
    dispatcher: &UseReducerDispatcher<AppState>,
    action: fn(T) -> Action,
) -> Callback<T> {
    let dispatcher = dispatcher.clone();
    (*use_memo((), move |()| {
        Callback::from(move |value| dispatcher.dispatch(AppAction::Debugger(action(value))))
    }))
    .clone()
}

/// The whole page.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let clock = props.clock.clone();
        let given = props.initial_token.clone();
        use_reducer(move || {
            // A shared link (#token=…, #id_token=…, #access_token=…) fills the debugger; the
            // fragment is then cleared so the token does not linger in the address bar.
            let shared = share::token_from_fragment(&browser::location_hash());
            if shared.is_some() {
                browser::forget_fragment();
            }
            let initial = given
                .map(|t| t.to_string())
                .or(shared)
                .unwrap_or_else(|| EXAMPLE_TOKEN.to_string());
            // Before any key is read: asymmetric keys go to the key engine (split build).
            crate::engine::install();
            AppState::new(&initial, clock.now())
        })
    };
    let share_status = use_state(|| None::<&'static str>);
    let route = {
        let initial = props.initial_route;
        use_state(move || initial.unwrap_or_else(|| Route::from_hash(&browser::location_hash())))
    };
    let generating_pair = use_state(|| false);
    // Header and payload as JSON or as a claims table: a display choice that holds for the
    // visit, whatever the token.
    let header_table = use_state(|| false);
    let payload_table = use_state(|| false);
    let on_header_view = {
        let header_table = header_table.clone();
        Callback::from(move |table| header_table.set(table))
    };
    let on_payload_view = {
        let payload_table = payload_table.clone();
        Callback::from(move |table| payload_table.set(table))
    };
    // Light, dark, or following the system: the one thing the page remembers between visits.
    let theme = use_state(browser::saved_theme);
    use_effect_with(*theme, |theme| browser::set_theme(theme));
    use_effect_with((), |_| browser::register_service_worker());
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            crate::engine::on_answer(move || {
                dispatcher.dispatch(AppAction::EngineAnswered(crate::engine::status()));
            });
            // The decoder is up: start the key engine now, so a key pasted later is answered
            // sooner. It is not on the path to the first paint.
            crate::engine::start();
        });
    }
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            theme.set(match value.as_str() {
                "light" => "light",
                "dark" => "dark",
                _ => "system",
            });
        })
    };
    {
        let dispatcher = state.dispatcher();
        use_effect_with(props.clock.clone(), move |clock| {
            let tick = move |now| dispatcher.dispatch(AppAction::Debugger(Action::Tick(now)));
            tick(clock.now());
            let guard = clock.subscribe(Callback::from(tick));
            move || drop(guard)
        });
    }
    {
        // Follow Back/Forward and hand-edited hashes.
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    route.set(Route::from_hash(&browser::location_hash()));
                });
            move || drop(listener)
        });
    }
    let navigate = |to: Route| {
        let route = route.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            browser::set_location_hash(to.hash());
            route.set(to);
        })
    };

    // Callbacks are made once (or when what they capture changes), so the panels that get them
    // see equal props on a tick and are not re-rendered.
    let dispatcher = state.dispatcher();
    let on_input = use_dispatch(&dispatcher, Action::SetToken);
    let on_key = use_dispatch(&dispatcher, Action::SetKey);
    let on_signing_key = use_dispatch(&dispatcher, Action::SetSigningKey);
    let on_edit_header = use_dispatch(&dispatcher, Action::EditHeader);
    let on_edit_payload = use_dispatch(&dispatcher, Action::EditPayload);
    let on_clear = use_dispatch(&dispatcher, |()| Action::Clear);
    let on_back_to_pasted = use_dispatch(&dispatcher, |()| Action::BackToPasted);
    let on_example = use_dispatch(&dispatcher, |()| Action::SetToken(EXAMPLE_TOKEN.into()));
    let on_encoding = use_dispatch(&dispatcher, Action::SetSecretEncoding);
    let on_alg = use_dispatch(&dispatcher, Action::SetAlg);
    let on_load_example = use_dispatch(&dispatcher, Action::LoadExample);
    let on_try_list = use_dispatch(&dispatcher, |()| Action::TryCommonSecrets);
    // The list holds secrets as text: read as UTF-8, the found one verifies at once.
    let on_use_secret = {
        let dispatcher = dispatcher.clone();
        use_callback((), move |secret: &'static str, ()| {
            dispatcher.dispatch(AppAction::Debugger(Action::SetSecretEncoding(
                SecretEncoding::Utf8,
            )));
            dispatcher.dispatch(AppAction::Debugger(Action::SetKey(secret.to_string())));
        })
    };
    let on_share = {
        let share_status = share_status.clone();
        // Made again when the token changes; compared by identity on every other render.
        use_callback(
            SharedText::from(state.debugger.input.clone()),
            move |(), token| {
                let link = share::link(&browser::page_url(), token);
                let share_status = share_status.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let copied = browser::copy_text(&link).await;
                    share_status.set(Some(if copied {
                        "Link copied: it carries the token only, never a key."
                    } else {
                        "Copying failed: the browser refused the clipboard."
                    }));
                });
            },
        )
    };
    // The walkthrough: RS256 needs a key pair, made by WebCrypto on first use.
    let on_walk = {
        let dispatcher = state.dispatcher();
        let has_pair = state.walkthrough.key_pair.is_some();
        let generating = generating_pair.clone();
        Callback::from(move |action: WalkAction| {
            let wants_pair =
                action == WalkAction::SetAlg(TutorialAlg::Rs256) && !has_pair && !*generating;
            dispatcher.dispatch(AppAction::Walkthrough(action));
            if wants_pair {
                generating.set(true);
                let dispatcher = dispatcher.clone();
                let generating = generating.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let action = match make_key(KeyKind::Rsa(2048)).await {
                        Ok(key) => WalkAction::SetKeyPair(KeyPair {
                            private: export::private_pem(&key.material)
                                .unwrap_or_default()
                                .into(),
                            public: export::openssh_public(&key.material, "jwt_key")
                                .unwrap_or_default()
                                .into(),
                        }),
                        Err(_) => WalkAction::KeyPairFailed,
                    };
                    dispatcher.dispatch(AppAction::Walkthrough(action));
                    generating.set(false);
                });
            }
        })
    };
    let on_walk_open = {
        let dispatcher = state.dispatcher();
        let walkthrough = state.walkthrough.clone();
        let route = route.clone();
        Callback::from(move |()| {
            dispatcher.dispatch(AppAction::OpenInDebugger {
                token: walkthrough.stored.as_deref().map(str::to_string),
                key: walkthrough
                    .verifying_key_text()
                    .as_deref()
                    .unwrap_or_default()
                    .to_string(),
                signing_key: walkthrough
                    .signing_key_text()
                    .as_deref()
                    .unwrap_or_default()
                    .to_string(),
                alg: None,
            });
            browser::set_location_hash(Route::Debugger.hash());
            route.set(Route::Debugger);
        })
    };

    // The key generator.
    let on_keygen_kind = {
        let dispatcher = state.dispatcher();
        Callback::from(move |kind| {
            dispatcher.dispatch(AppAction::Keygen(KeygenAction::SetKind(kind)))
        })
    };
    let on_keygen_format = {
        let dispatcher = state.dispatcher();
        Callback::from(move |format| {
            dispatcher.dispatch(AppAction::Keygen(KeygenAction::SetFormat(format)))
        })
    };
    let on_keygen_run = {
        let dispatcher = state.dispatcher();
        let kind = state.keygen.kind;
        Callback::from(move |()| {
            dispatcher.dispatch(AppAction::Keygen(KeygenAction::Started));
            let dispatcher = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = make_key(kind).await;
                dispatcher.dispatch(AppAction::Keygen(KeygenAction::Finished(result)));
            });
        })
    };
    let on_keygen_use = {
        let dispatcher = state.dispatcher();
        let key = state.keygen.key().cloned();
        let route = route.clone();
        Callback::from(move |()| {
            let Some(key) = &key else { return };
            let private = match &key.material {
                crate::jwt::keys::Material::Secret(bytes) => crate::jwt::base64url::encode(bytes),
                material => export::private_pem(material).unwrap_or_default(),
            };
            let public = export::public_pem(&key.material).unwrap_or_else(|| private.clone());
            if !key.material.is_asymmetric() {
                dispatcher.dispatch(AppAction::Debugger(Action::SetSecretEncoding(
                    crate::jwt::keys::SecretEncoding::Base64Url,
                )));
            }
            dispatcher.dispatch(AppAction::OpenInDebugger {
                token: None,
                key: public,
                signing_key: private,
                alg: key.signing_algorithm(),
            });
            browser::set_location_hash(Route::Debugger.hash());
            route.set(Route::Debugger);
        })
    };

    let debugger_action = |make: fn(String) -> Action| {
        let dispatcher = state.dispatcher();
        Callback::from(move |value: String| dispatcher.dispatch(AppAction::Debugger(make(value))))
    };
    let on_encrypt_alg = debugger_action(Action::SetEncryptAlg);
    let on_encrypt_enc = debugger_action(Action::SetEncryptEnc);
    let on_encrypt_key = debugger_action(Action::SetEncryptKey);
    let on_edit_plaintext = debugger_action(Action::EditPlaintext);
    let on_encrypt = {
        let dispatcher = state.dispatcher();
        Callback::from(move |nested| {
            dispatcher.dispatch(AppAction::Debugger(Action::Encrypt { nested }))
        })
    };
    let on_unseal = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(AppAction::Debugger(Action::Unseal)))
    };
    let on_open_nested = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(AppAction::Debugger(Action::OpenNested)))
    };
    let on_nested_back = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(AppAction::Debugger(Action::NestedBack))
        })
    };
    let debugger_state = &state.debugger;
    let decoded = match &debugger_state.decoded {
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
            let (shared_view, broken) = match &debugger_state.decoded {
                Decoded::Token(view) => (Some(view.clone()), None),
                Decoded::Error(broken) => (None, Some(broken.clone())),
                Decoded::Empty => (None, None),
            };
            let view = shared_view.as_deref();
            let error_of = |part: Part| broken.as_ref().and_then(|b| b.error_of(part).cloned());
            let payload_form = match (view, &broken) {
                (Some(view), _) => view.payload_form,
                (None, Some(broken)) => broken.payload_form,
                (None, None) => PayloadForm::Json,
            };
            let (payload_state, payload_note) = match payload_form {
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
            let status = debugger_state.claims_status();
            let signature_text = view.map(|view| match view.token.kind {
                Kind::Jwe => "The encrypted key, initialization vector, ciphertext and authentication tag cannot be read without the key.".to_string(),
                Kind::Jws if view.token.signature.is_empty() => "No signature: this token is unsecured, anyone could have written it.".to_string(),
                Kind::Jws => format!("Signature: {} bytes, over the exact text of header.payload.", view.token.signature.len()),
            });
            let segment = |i: usize| -> Rc<str> {
                view.and_then(|v| v.segment_texts.get(i).cloned())
                    .unwrap_or_else(|| "".into())
            };
            let copies = |part: &'static str, json: &Rc<str>, segment: Rc<str>| {
                html! {
                    <span class="copies">
                        <CopyButton text={json.clone()} what={format!("{part} JSON")} testid={format!("copy-{part}-json")} label={AttrValue::Static("JSON")} />
                        if !segment.is_empty() {
                            <CopyButton text={segment} what={format!("{part} part")} testid={format!("copy-{part}-part")} label={AttrValue::Static("part")} />
                        }
                    </span>
                }
            };
            // An edit whose header or payload text does not parse: its error goes under that text.
            let edit_error_of = |part: &str| {
                debugger_state
                    .edit_error
                    .as_ref()
                    .filter(|e| e.part() == Some(part))
                    .map(|e| AttrValue::from(e.to_string()))
            };
            let header_panel = match debugger_state.header_text() {
                Some(header_text) => {
                    let table = *header_table && shared_view.is_some();
                    let header_head = html! {
                        <>
                            // A JWS's algorithm menu: a JWE's alg is a key management algorithm,
                            // chosen in the Encrypt panel.
                            if !view.is_some_and(|v| v.token.kind == Kind::Jwe) {
                                <AlgSelect current={debugger_state.algorithm()} on_change={on_alg.clone()} />
                            }
                            if shared_view.is_some() {
                                <ClaimsViewSelect part="header" table={*header_table} on_change={on_header_view.clone()} />
                            }
                            { copies("header", &header_text, segment(0)) }
                        </>
                    };
                    html! {
                        <JsonPanel part="header" title="Header" text={header_text} on_edit={on_edit_header.clone()} head={header_head} text_hidden={table}
                            error={edit_error_of("header")}>
                            if let Some(view) = shared_view.clone() {
                                if table {
                                    <ClaimsTable part="header" {view} now={debugger_state.now} />
                                } else {
                                    <ClaimsList part="header" {view} now={debugger_state.now} />
                                }
                            }
                        </JsonPanel>
                    }
                }
                None => html! {},
            };
            let payload_panel = match (&debugger_state.opened, debugger_state.payload_text()) {
                // An encrypted token the key opened: its plaintext stands for the payload.
                (Some(opened), _) => html! {
                    <PlaintextPanel opened={opened.clone()} draft={debugger_state.plaintext_draft.clone()}
                        on_edit={on_edit_plaintext.clone()} on_open_nested={on_open_nested.clone()} />
                },
                (None, text) => match text {
                    Some(payload_text) => {
                        // Only a JSON claims set has claims to put in a table.
                        let has_claims = shared_view.as_ref().is_some_and(|v| v.claims().is_some());
                        let table = *payload_table && has_claims;
                        let payload_head = html! {
                            <>
                                if has_claims {
                                    <ClaimsViewSelect part="payload" table={*payload_table} on_change={on_payload_view.clone()} />
                                }
                                { copies("payload", &payload_text, segment(1)) }
                            </>
                        };
                        let now = debugger_state.now;
                        html! {
                            <JsonPanel part="payload" title="Payload" text={payload_text} on_edit={on_edit_payload.clone()} head={payload_head}
                                state={payload_state} note={payload_note.map(AttrValue::Static)} text_hidden={table}
                                error={edit_error_of("payload")}>
                                if let Some(status) = status {
                                    <ClaimsStatusView {status} {now} />
                                }
                                if let Some(view) = shared_view.clone() {
                                    if table {
                                        <ClaimsTable part="payload" {view} {now} />
                                    } else {
                                        <ClaimsList part="payload" {view} {now} />
                                    }
                                }
                            </JsonPanel>
                        }
                    }
                    None => html! {},
                },
            };
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
                            <button type="button" data-testid="nested-back" onclick={on_nested_back.clone()}>{ "← Back to the encrypted token" }</button>
                            <span class="note">{ "This token was nested in an encrypted one." }</span>
                        </p>
                    }
                    <DecodeStatus decoded={debugger_state.decoded.clone()} />
                    if let Some(error) = error_of(Part::Header) {
                        <DecodeErrorView {error} />
                    }
                    { header_panel }
                    if let Some(error) = error_of(Part::Payload) {
                        <DecodeErrorView {error} />
                    }
                    { payload_panel }
                    if let Some(signature_text) = signature_text {
                        <p class="note signature-line" data-testid="signature-info">{ signature_text }
                            if view.is_some_and(|v| v.token.kind == Kind::Jws && !v.token.signature.is_empty()) {
                                <CopyButton text={segment(2)} what="signature part" testid="copy-signature-part" label={AttrValue::Static("part")} />
                            }
                        </p>
                    }
                    { for later_errors.into_iter().map(|error| html! { <DecodeErrorView {error} /> }) }
                    if view.is_some() {
                        <FindingsList findings={debugger_state.findings.clone()} cracked={debugger_state.cracked}
                            hmac={debugger_state.algorithm().is_some_and(|a| a.family() == crate::jwt::algorithm::Family::Hmac)}
                            on_try_list={on_try_list.clone()} on_use_secret={on_use_secret.clone()} />
                    }
                </>
            }
        }
    };

    let tab = |to: Route, label: &'static str, testid: &'static str| {
        let current = *route == to;
        html! {
            <a href={format!("#{}", to.hash())} class={classes!("tab", current.then_some("current"))}
                aria-current={current.then_some("page")} data-testid={testid} onclick={navigate(to)}>{ label }</a>
        }
    };
    // A JWE, or (while one is being typed and does not decode yet) five segments: the panels
    // do not flicker between signing and encryption with each keystroke.
    let encrypted = match debugger_state.view() {
        Some(view) => view.token.kind == Kind::Jwe,
        None => crate::jwt::token::jwe_shaped(&crate::jwt::token::clean(&debugger_state.input)),
    };
    // A good signature on a token its dates rule out: said beside the verdict, not only in the
    // payload's status line, since people read "verified" as "this token is good".
    let caveat = matches!(debugger_state.verdict, Verdict::Verified { .. })
        .then(|| debugger_state.claims_status())
        .flatten()
        .filter(|status| matches!(status, ClaimsStatus::Expired { .. } | ClaimsStatus::NotYetValid { .. }))
        .map(|status| {
            AttrValue::from(format!(
                "The signature is good, but the token is {}: a server that checks its dates refuses it.",
                status.describe(debugger_state.now)
            ))
        });
    let body = match *route {
        Route::Debugger => html! {
            // In reading and Tab order (and on a phone's single column): the token, the key that
            // verifies it, what it decodes to, then signing and encryption. On a wide screen the
            // panels of the first and last groups sit in the left column, the decoded token
            // beside them, so Tab crosses to it once and back once.
            <main class="debugger">
                <div class="column token-side">
                    <TokenEditor value={debugger_state.input.clone()} {on_input} {on_clear} {on_example} {on_share} share_status={*share_status}
                        marks={match &debugger_state.decoded { Decoded::Error(broken) => broken.marks.clone(), _ => Rc::default() }} />
                    <section class="panel examples" aria-label="Examples">
                        <ExamplesMenu on_choose={on_load_example} />
                    </section>
                    <KeyPanel
                        key_text={debugger_state.key.text.clone()}
                        parsed={debugger_state.verification_keys().cloned()}
                        using_signing_key={!encrypted && debugger_state.key.is_empty() && !debugger_state.signing_key.is_empty()}
                        encoding={debugger_state.encoding}
                        verdict={debugger_state.verdict.clone()}
                        engine={state.engine}
                        {encrypted}
                        caveat={caveat}
                        {on_key}
                        {on_encoding}
                    />
                </div>
                <div class="column decoded-side">{ decoded }</div>
                <div class="column key-side">
                    // An encrypted token is not signed here: editing its plaintext encrypts it again.
                    if !encrypted {
                        <SignPanel
                            key_text={debugger_state.signing_key.text.clone()}
                            parsed={debugger_state.signing_key.parsed.clone()}
                            error={debugger_state.edit_error.as_ref().filter(|e| e.about_signing()).map(ToString::to_string)}
                            signing={debugger_state.signing.clone()}
                            on_key={on_signing_key}
                            can_go_back={debugger_state.can_go_back_to_pasted()}
                            on_back={on_back_to_pasted}
                        />
                    }
                    <EncryptPanel sealing={debugger_state.sealing.clone()} on_alg={on_encrypt_alg} on_enc={on_encrypt_enc}
                        on_key={on_encrypt_key} {on_encrypt} on_back={on_unseal} />
                </div>
            </main>
        },
        Route::Walkthrough => html! {
            <WalkthroughView state={state.walkthrough.clone()} now={debugger_state.now} generating={*generating_pair}
                on_action={on_walk} on_open={on_walk_open} />
        },
        Route::Keygen => html! {
            <KeygenView state={state.keygen.clone()} on_kind={on_keygen_kind} on_format={on_keygen_format}
                on_run={on_keygen_run} on_use={on_keygen_use} />
        },
    };

    html! {
        <div class="app">
            <header class="topbar">
                <h1>{ "JWT Debugger" }</h1>
                <nav class="tabs" aria-label="Views">
                    { tab(Route::Debugger, "Debugger", "nav-debugger") }
                    { tab(Route::Walkthrough, "Tutorial walkthrough", "nav-walkthrough") }
                    { tab(Route::Keygen, "Key generator", "nav-keygen") }
                </nav>
                <label class="inline theme"><span>{ "Theme" }</span>
                    <select data-testid="theme-select" onchange={on_theme}>
                        { for ["system", "light", "dark"].into_iter().map(|t| html! {
                            <option value={t} selected={*theme == t}>{ t }</option>
                        }) }
                    </select>
                </label>
                <p class="tagline">{ "Decode, verify and sign JSON Web Tokens. Everything runs in this tab: nothing you paste leaves it." }</p>
            </header>
            { body }
            <footer class="footer">
                <span>{ "Runs entirely in your browser. No analytics, no network requests with your data. " }</span>
                <a href="SECURITY.md" data-testid="security-link">{ "Security and privacy" }</a>
            </footer>
        </div>
    }
}
