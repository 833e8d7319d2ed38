//! Verification and signing in a real browser: keys typed into the page, verdicts in the DOM.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{choose, mount};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const JWT_IO: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
const RSA_PUBLIC: &str = include_str!("vectors/keys/rsa2048.spki.pem");
const RSA_PRIVATE_SSH: &str = include_str!("vectors/keys/ssh_rsa");
const RSA_PUBLIC_SSH: &str = include_str!("vectors/keys/ssh_rsa.pub");

fn verdict(app: &browser::Mounted) -> String {
    app.get("verdict").get_attribute("data-state").unwrap()
}

#[wasm_bindgen_test]
async fn the_verdict_follows_every_keystroke() {
    let app = mount(JWT_IO, 0).await;
    assert_eq!(verdict(&app), "no-key");
    app.type_into("key-input", "your-256-bit-secre").await;
    assert_eq!(verdict(&app), "invalid");
    app.type_into("key-input", "your-256-bit-secret").await;
    assert_eq!(verdict(&app), "verified");
    assert!(
        app.text("key-info").contains("152-bit HMAC secret"),
        "{}",
        app.text("key-info")
    );
    // A change to the token is followed too.
    app.type_into("token-input", &JWT_IO.replace("SflK", "SflL"))
        .await;
    assert_eq!(verdict(&app), "invalid");
}

#[wasm_bindgen_test]
async fn another_encoding_is_suggested_and_can_be_chosen() {
    let app = mount(JWT_IO, 0).await;
    app.type_into("key-input", "eW91ci0yNTYtYml0LXNlY3JldA")
        .await;
    assert_eq!(verdict(&app), "invalid");
    assert!(
        app.text("verdict").contains("Read as base64"),
        "{}",
        app.text("verdict")
    );
    choose(&app, "secret-encoding", "base64url").await;
    assert_eq!(verdict(&app), "verified");
}

#[wasm_bindgen_test]
async fn key_confusion_is_refused_and_named() {
    let app = mount(JWT_IO, 0).await;
    app.type_into("key-input", RSA_PUBLIC).await;
    assert_eq!(verdict(&app), "unverifiable");
    assert!(
        app.text("verdict").contains("key confusion"),
        "{}",
        app.text("verdict")
    );
    assert!(
        app.text("key-info")
            .starts_with("RSA 2048-bit public key, PEM SPKI"),
        "{}",
        app.text("key-info")
    );
    // How a secret is read means nothing beside a public key: the choice is hidden, and back
    // with a secret.
    let encoding_hidden = |app: &browser::Mounted| {
        app.get("secret-encoding")
            .closest("label")
            .unwrap()
            .unwrap()
            .has_attribute("hidden")
    };
    assert!(encoding_hidden(&app));
    app.type_into("key-input", "your-256-bit-secret").await;
    assert!(!encoding_hidden(&app));
}

#[wasm_bindgen_test]
async fn editing_the_payload_with_a_signing_key_re_signs_at_once() {
    let app = mount(JWT_IO, 0).await;
    app.type_into("signing-key-input", RSA_PRIVATE_SSH).await;
    choose(&app, "alg-select", "RS256").await;
    assert!(
        app.value("header-json").contains("\"RS256\""),
        "{}",
        app.value("header-json")
    );
    app.type_into("key-input", RSA_PUBLIC_SSH).await;
    assert_eq!(verdict(&app), "verified", "{}", app.text("verdict"));
    app.type_into(
        "payload-json",
        "{\"sub\": \"bob\", \"big\": 12345678901234567890}",
    )
    .await;
    assert_eq!(verdict(&app), "verified", "{}", app.text("verdict"));
    // The token carries the JSON as typed, minified, numbers untouched.
    let token = app.value("token-input");
    let payload = token.split('.').nth(1).unwrap();
    let bytes = jwt_debugger::jwt::base64url::decode(payload).unwrap();
    assert_eq!(
        String::from_utf8(bytes).unwrap(),
        r#"{"sub":"bob","big":12345678901234567890}"#
    );
    // Broken JSON leaves the last good token and says where.
    app.type_into("payload-json", "{\"sub\" \"bob\"}").await;
    assert_eq!(app.value("token-input"), token);
    assert!(app.text("edit-error").contains("line 1 column 8"));
    // Under the payload it was typed in, which is marked invalid and points to it.
    let area = app.get("payload-json");
    assert_eq!(area.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        area.get_attribute("aria-describedby"),
        app.get("edit-error").get_attribute("id")
    );
    assert!(
        app.get("edit-error")
            .closest(".panel.payload")
            .unwrap()
            .is_some()
    );
    // Fixed, the mark goes.
    app.type_into("payload-json", "{\"sub\": \"bob\"}").await;
    assert!(app.find("edit-error").is_none());
    assert_eq!(app.get("payload-json").get_attribute("aria-invalid"), None);
    // An algorithm the signing key cannot sign with: the token carries the new header and the
    // old signature, and why it was not signed is said under the header, where the algorithm
    // was chosen, and in the Sign panel's status.
    let token = app.value("token-input");
    choose(&app, "alg-select", "HS256").await;
    let said = app.get("edit-unsigned");
    assert!(
        said.text_content().unwrap_or_default().contains("HS256"),
        "{:?}",
        said.text_content()
    );
    assert!(said.closest(".panel.header").unwrap().is_some());
    assert!(
        app.text("sign-status").contains("HS256"),
        "{}",
        app.text("sign-status")
    );
    assert!(
        !app.value("token-input")
            .starts_with(token.split('.').next().unwrap())
    );
    assert!(
        app.value("token-input")
            .ends_with(token.rsplit('.').next().unwrap())
    );
}

#[wasm_bindgen_test]
async fn a_good_signature_on_an_expired_token_says_so_beside_the_verdict() {
    let app = mount("", 1_800_000_000).await;
    choose(&app, "example-select", "expired").await;
    assert_eq!(verdict(&app), "verified", "{}", app.text("verdict"));
    let caveat = app.text("verdict-caveat");
    assert!(
        caveat.contains("signature is good") && caveat.contains("expired"),
        "{caveat}"
    );
    // A token within its dates has no caveat.
    choose(&app, "example-select", "HS256").await;
    assert_eq!(verdict(&app), "verified");
    assert!(app.find("verdict-caveat").is_none());
}

#[wasm_bindgen_test]
async fn examples_for_every_algorithm_verify() {
    let app = mount("", 0).await;
    for alg in [
        "HS256", "RS384", "PS512", "ES256", "ES384", "ES512", "ES256K", "EdDSA",
    ] {
        choose(&app, "example-select", alg).await;
        assert!(app.value("header-json").contains(alg));
        assert_eq!(verdict(&app), "verified", "{alg}: {}", app.text("verdict"));
    }
}

#[wasm_bindgen_test]
async fn the_public_key_is_written_out_when_the_export_is_opened() {
    let app = mount(JWT_IO, 0).await;
    app.type_into("key-input", RSA_PUBLIC_SSH).await;
    // Closed: nothing is encoded yet.
    assert!(app.find("key-export").is_some());
    assert!(app.all("key-export-text").is_empty());
    let details = app.get("key-export");
    details.set_attribute("open", "").unwrap();
    browser::wait_until(
        || app.all("key-export-text").len() == 3,
        "the three encodings",
    )
    .await;
    let texts: Vec<String> = app
        .all("key-export-text")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect();
    // The OpenSSH line pasted comes back as PEM, as a JWK and as the same key line.
    assert!(
        texts[0].starts_with("-----BEGIN PUBLIC KEY-----"),
        "{}",
        texts[0]
    );
    assert!(
        texts[1].contains("\"kty\": \"RSA\"") || texts[1].contains("\"kty\":\"RSA\""),
        "{}",
        texts[1]
    );
    let pasted_key = RSA_PUBLIC_SSH.split_whitespace().nth(1).unwrap();
    assert!(texts[2].contains(pasted_key), "{}", texts[2]);
}
