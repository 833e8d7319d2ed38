//! The tutorial's Flask + PyJWT app, replayed: Get token, Show details, tamper, and what each
//! step means.

use std::rc::Rc;

use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::jwt::time::{Seconds, format_duration};
use crate::state::walkthrough::{
    KeyPair, LIFETIME, TUTORIAL_SECRET, TutorialAlg, Waiting, WalkAction, Walkthrough,
};

use super::painted_token::PaintedToken;

#[derive(Properties, PartialEq)]
pub struct WalkthroughProps {
    pub state: Walkthrough,
    pub now: Seconds,
    /// True while WebCrypto is making the RS256 key pair.
    pub generating: bool,
    pub on_action: Callback<WalkAction>,
    /// Carry the stored token and the chosen algorithm's keys into the debugger.
    pub on_open: Callback<()>,
}

/// What the buttons run (src/jwt/tutorial.rs), shortened to the calls.
const RUST_CODE: &str = r#"#[derive(Serialize, Deserialize)]
struct Claims { sub: String, iat: u64, exp: u64 }

// /generate: jwt.encode({"sub": "bob", "iat": now, "exp": now + 60}, key, algorithm=alg)
let claims = Claims { sub: "bob".into(), iat: now, exp: now + 60 };
let token = jsonwebtoken::encode(&Header::new(alg), &claims, &encoding_key)?;

// /validate: jwt.decode(token, key, algorithms=[alg]), leeway 0 as in PyJWT
let mut validation = Validation::new(alg);
validation.leeway = 0;
let claims = jsonwebtoken::decode::<Claims>(&token, &decoding_key, &validation)?.claims;"#;

/// The walkthrough page.
#[component]
pub fn WalkthroughView(props: &WalkthroughProps) -> Html {
    let state = &props.state;
    let act = |action: WalkAction| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    let on_alg = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let alg = match e
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .as_str()
            {
                "RS256" => TutorialAlg::Rs256,
                _ => TutorialAlg::Hs256,
            };
            on_action.emit(WalkAction::SetAlg(alg));
        })
    };
    let pair = state.key_pair.clone();
    let paste = |private: bool| {
        let on_action = props.on_action.clone();
        let pair = pair.clone();
        Callback::from(move |e: InputEvent| {
            let text: Rc<str> = e
                .target_unchecked_into::<HtmlTextAreaElement>()
                .value()
                .into();
            let current = pair.clone().unwrap_or(KeyPair {
                private: "".into(),
                public: "".into(),
            });
            let next = if private {
                KeyPair {
                    private: text,
                    ..current
                }
            } else {
                KeyPair {
                    public: text,
                    ..current
                }
            };
            on_action.emit(WalkAction::SetKeyPair(next));
        })
    };
    let countdown = state.seconds_left(props.now);
    let on_open = props.on_open.reform(|_: MouseEvent| ());
    let rs256 = state.alg == TutorialAlg::Rs256;
    let getting = state
        .waiting
        .iter()
        .any(|w| matches!(w, Waiting::GetToken(_)));
    let checking = state
        .waiting
        .iter()
        .any(|w| matches!(w, Waiting::ShowDetails(_)));
    html! {
        <main class="walkthrough">
            <section class="panel">
                <h2>{ "The tutorial's app, running in this page" }</h2>
                <p>{ "A Flask app with two links. " }<code>{ "/generate" }</code>{ " signs " }
                    <code>{ format!("{{\"sub\": \"bob\", \"iat\": now, \"exp\": now + {LIFETIME} s}}") }</code>
                    { " and keeps the token; " }<code>{ "/validate" }</code>
                    { " checks it and answers bob, or Invalid token once it is expired or altered. Version one signs with HS256 and the secret " }
                    <code>{ TUTORIAL_SECRET }</code>{ "; version two with RS256 and a key pair made by ssh-keygen." }</p>
                <div class="walk-controls">
                    <label class="inline"><span>{ "Version" }</span>
                        <select data-testid="walkthrough-alg" onchange={on_alg}>
                            <option value="HS256" selected={!rs256}>{ "HS256 (secret mysecret)" }</option>
                            <option value="RS256" selected={rs256}>{ "RS256 (key pair)" }</option>
                        </select>
                    </label>
                    <button type="button" data-testid="walkthrough-get-token" onclick={act(WalkAction::GetToken)}
                        aria-busy={getting.then_some("true")}>{ if getting { "Getting token…" } else { "Get token" } }</button>
                    <button type="button" data-testid="walkthrough-show-details" onclick={act(WalkAction::ShowDetails)}
                        aria-busy={checking.then_some("true")}>{ if checking { "Checking…" } else { "Show details" } }</button>
                    <button type="button" data-testid="walkthrough-tamper" onclick={act(WalkAction::Tamper)} disabled={state.stored.is_none()}>{ "Tamper" }</button>
                </div>
                <p class="walk-result">{ "Result - " }<strong data-testid="walkthrough-result" aria-live="polite">{ state.result_text().unwrap_or_default() }</strong></p>
                if let Some(ago) = state.expired_for(props.now) {
                    <p class="walk-countdown expired">
                        { if ago == 0 { "Expired just now".to_string() } else { format!("Expired {} ago", format_duration(ago.unsigned_abs())) } }
                        { ": Show details now answers Invalid token." }
                        // The seconds left (none), kept for the UI contract's hook; the words say it.
                        <span class="visually-hidden" aria-hidden="true" data-testid="walkthrough-countdown">{ countdown.unwrap_or_default() }</span>
                    </p>
                } else if let Some(left) = countdown {
                    <p class="walk-countdown">
                        { "Expires in " }<strong data-testid="walkthrough-countdown">{ left }</strong>{ " s" }
                    </p>
                }
                if let Some(token) = &state.stored {
                    <pre class="walk-token" data-testid="walkthrough-token"><PaintedToken text={token.clone()} changed_at={state.tampered_at} /></pre>
                    <button type="button" data-testid="walkthrough-open" onclick={on_open}>{ "Open in the debugger, in place of its token and keys" }</button>
                }
            </section>
            if rs256 {
                <section class="panel">
                    <h2>{ "The key pair" }</h2>
                    <p class="note" data-testid="walkthrough-keys-status">{
                        if props.generating { "Generating an RSA-2048 key pair with WebCrypto…" }
                        else if state.key_pair.is_some() { "Key pair ready. Paste your own ssh-keygen files to use them instead." }
                        else { "No key pair yet." }
                    }</p>
                    <div class="walk-keys">
                        <label>{ "jwt_key (private, signs)" }
                            <textarea class="key" rows="6" data-testid="walkthrough-private-key" spellcheck="false"
                                value={state.key_pair.as_ref().map(|p| p.private.to_string()).unwrap_or_default()} oninput={paste(true)} />
                        </label>
                        <label>{ "jwt_key.pub (public, verifies)" }
                            <textarea class="key" rows="6" data-testid="walkthrough-public-key" spellcheck="false"
                                value={state.key_pair.as_ref().map(|p| p.public.to_string()).unwrap_or_default()} oninput={paste(false)} />
                        </label>
                    </div>
                </section>
            }
            <section class="panel explain">
                <h2>{ "The same two routes in Rust" }</h2>
                <p>{ "The buttons run jsonwebtoken, the Rust counterpart of the tutorial's PyJWT calls:" }</p>
                <pre class="walk-code"><code>{ RUST_CODE }</code></pre>
            </section>
            <section class="panel explain">
                <h2>{ "What is going on" }</h2>
                <p><strong>{ "Three parts. " }</strong>{ "The token is header.payload.signature: two base64url-encoded JSON objects and a signature over the exact text of the first two." }</p>
                <p><strong>{ "Anyone can read the payload. " }</strong>{ "Base64url is an encoding, not encryption: paste the token into the debugger and bob is right there. Never put a password or other secret in a payload." }</p>
                <p><strong>{ "Who holds which key. " }</strong>{ "With HS256 the same secret signs and verifies, so every server that checks tokens must hold it, and any of them could mint tokens. With RS256 only the issuer holds the private key; verifying servers need only the public key, which can be shared freely." }</p>
                <p><strong>{ "Where the token lives. " }</strong>{ "The tutorial's server keeps the token in an httpOnly session cookie: the browser sends it back by itself and page scripts cannot read it, so an injected script cannot steal it. A page like this one has no server: it keeps the token in memory, where any script running in the page could read it, and it is gone when the tab closes." }</p>
            </section>
        </main>
    }
}
