//! Keys locked with a passphrase (issue #29), driven through the page: the Passphrase field
//! shows only for a locked key, a wrong passphrase says so and changes nothing else, the right one
//! opens the key for verifying and for signing.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{Mounted, mount, wait_until};
use jwt_debugger::jwt::keys::{self, SecretEncoding};
use jwt_debugger::jwt::sign;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// `ssh-keygen -t ed25519 -N secret-passphrase` (tests/vectors/keys/README.md).
const LOCKED: &str = include_str!("vectors/keys/ssh_encrypted");
const PASSPHRASE: &str = "secret-passphrase";
const PLAIN: &str = include_str!("vectors/keys/ssh_ed25519");

/// An EdDSA token signed with the locked key, made with the core.
fn token() -> String {
    let keys = keys::parse_locked(LOCKED, SecretEncoding::Utf8, PASSPHRASE)
        .unwrap()
        .unwrap();
    let header = sign::parse_header(r#"{"alg":"EdDSA","typ":"JWT"}"#).unwrap();
    let input = sign::signing_input(&header, r#"{"sub":"bob"}"#).unwrap();
    sign::sign(&input, &header, &keys.keys()[0]).unwrap()
}

fn state(app: &Mounted, id: &str) -> String {
    app.get(id).get_attribute("data-state").unwrap_or_default()
}

/// Types into the password field and commits it, as Enter or leaving the field does (the
/// browser's `change` event): each commit is one try, not each keystroke.
async fn type_passphrase(app: &Mounted, id: &str, text: &str) {
    let field: HtmlInputElement = app.get(id).dyn_into().unwrap();
    field.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    for kind in ["input", "change"] {
        field
            .dispatch_event(&Event::new_with_event_init_dict(kind, &init).unwrap())
            .unwrap();
    }
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_locked_key_asks_for_its_passphrase_and_verifies_once_opened() {
    let token = token();
    let app = mount(&token, 0).await;
    assert!(
        app.find("key-passphrase").is_none(),
        "no field without a key"
    );
    app.type_into("key-input", PLAIN).await;
    assert!(
        app.find("key-passphrase").is_none(),
        "no field for a plain key"
    );
    app.type_into("key-input", LOCKED).await;
    let field: HtmlInputElement = app.get("key-passphrase").dyn_into().unwrap();
    assert_eq!(field.type_(), "password");
    assert_eq!(field.get_attribute("autocomplete").as_deref(), Some("off"));
    assert_eq!(state(&app, "verdict"), "unverifiable");
    assert!(
        app.text("key-info").contains("Passphrase field"),
        "{}",
        app.text("key-info")
    );

    // A wrong passphrase: said under the box, and the token is untouched.
    type_passphrase(&app, "key-passphrase", "not it").await;
    wait_until(
        || app.text("key-info").contains("wrong passphrase"),
        "the wrong passphrase to be tried",
    )
    .await;
    assert_eq!(state(&app, "verdict"), "unverifiable");
    assert_eq!(app.value("token-input"), token);

    // The right one.
    type_passphrase(&app, "key-passphrase", PASSPHRASE).await;
    wait_until(|| state(&app, "verdict") == "verified", "the verdict").await;
    assert!(
        app.text("key-info").contains("Ed25519"),
        "{}",
        app.text("key-info")
    );
    assert_eq!(app.value("token-input"), token);

    // Another key: the field is emptied and the passphrase forgotten.
    app.type_into("key-input", &format!("{LOCKED}\n")).await;
    let field: HtmlInputElement = app.get("key-passphrase").dyn_into().unwrap();
    assert_eq!(field.value(), "");
    assert_eq!(state(&app, "verdict"), "unverifiable");
}

#[wasm_bindgen_test]
async fn a_locked_signing_key_signs_edits_once_opened() {
    let app = mount(&token(), 0).await;
    app.type_into("signing-key-input", LOCKED).await;
    assert!(app.find("signing-key-passphrase").is_some());
    assert!(app.find("key-passphrase").is_none());
    type_passphrase(&app, "signing-key-passphrase", PASSPHRASE).await;
    let payload = app.value("payload-json").replace("bob", "alice");
    app.type_into("payload-json", &payload).await;
    wait_until(
        || state(&app, "sign-status") == "signed",
        "the edit to be signed",
    )
    .await;
    // The verify box is empty: the opened signing key verifies the token it signed.
    assert_eq!(
        state(&app, "verdict"),
        "verified",
        "{}",
        app.text("verdict")
    );
}
