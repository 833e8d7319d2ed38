//! Encrypted tokens in a real browser: the components mounted, driven by input events; the
//! decryption runs in the page here (this build reads every key itself).
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{choose, mount};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// RFC 7520 §5.8: A128KW with A128GCM, and its key.
const JWE: &str = "eyJhbGciOiJBMTI4S1ciLCJraWQiOiI4MWIyMDk2NS04MzMyLTQzZDktYTQ2OC04MjE2MGFkOTFhYzgiLCJlbmMiOiJBMTI4R0NNIn0.CBI6oDw8MydIx1IBntf_lQcw2MmJKIQx.Qx0pmsDa8KnJc9Jo.AwliP-KmWgsZ37BvzCefNen6VTbRK3QMA4TkvRkH0tP1bTdhtFJgJxeVmJkLD61A1hnWGetdg11c9ADsnWgL56NyxwSYjU1ZEHcGkd3EkU0vjHi9gTlb90qSYFfeF0LwkcTtjbYKCsiNJQkcIp1yeM03OmuiYSoYJVSpf7ej6zaYcMv3WwdxDFl8REwOhNImk2Xld2JXq6BR53TSFkyT7PwVLuq-1GwtGHlQeg7gDT6xW0JqHDPn_H-puQsmthc9Zg0ojmJfqqFvETUxLAF-KjcBTS5dNy6egwkYtOt8EIHK-oEsKYtZRaa8Z7MOZ7UGxGIMvEmxrGCPeJa14slv2-gaqK0kEThkaSqdYw0FkQZF.ER7MWJZ1FBI_NKvn7Zb1Lw";
const KEY: &str = r#"{"kty":"oct","kid":"81b20965-8332-43d9-a468-82160ad91ac8","use":"enc","alg":"A128KW","k":"GZy6sIZ6wl9NJOKB-jnmVQ"}"#;
const JWT_IO: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

fn state(app: &browser::Mounted, id: &str) -> String {
    app.get(id).get_attribute("data-state").unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_jwe_opens_with_its_key_and_shows_its_plaintext() {
    let app = mount(JWE, 0).await;
    assert_eq!(app.all("token-part").len(), 5);
    // The JWS algorithm menu and the Sign panel are not offered for an encrypted token: editing
    // its plaintext encrypts it again.
    assert!(app.find("alg-select").is_none());
    assert!(app.find("signing-key-input").is_none());
    assert_eq!(state(&app, "verdict"), "no-key");
    assert!(app.find("jwe-plaintext").is_none());
    app.type_into("key-input", KEY).await;
    assert_eq!(state(&app, "verdict"), "decrypted");
    // Named for what it does here: a key-wrap key, not an HMAC key.
    assert!(
        app.text("key-info").contains("shared secret"),
        "{}",
        app.text("key-info")
    );
    assert!(
        app.value("jwe-plaintext")
            .starts_with("You can trust us to stick with you")
    );
    // Editing the plaintext seals the token again, with its own alg and enc.
    app.type_into("jwe-plaintext", "{\"edited\": true}").await;
    let resealed = app.value("token-input");
    assert_ne!(resealed, JWE);
    assert_eq!(resealed.split('.').count(), 5);
    assert_eq!(state(&app, "verdict"), "decrypted");
    assert_eq!(app.value("jwe-plaintext"), "{\"edited\": true}");
    assert!(app.value("header-json").contains("\"alg\": \"A128KW\""));
    // A key of the right size that is not the key: checked, not opened.
    app.type_into("key-input", r#"{"kty":"oct","k":"AAAAAAAAAAAAAAAAAAAAAA"}"#)
        .await;
    assert_eq!(state(&app, "verdict"), "invalid");
    assert!(app.find("jwe-plaintext").is_none());
}

#[wasm_bindgen_test]
async fn encrypt_the_signed_token_then_open_the_nested_token_and_come_back() {
    let app = mount(JWT_IO, 0).await;
    choose(&app, "encrypt-alg", "A128KW").await;
    choose(&app, "encrypt-enc", "A128CBC-HS256").await;
    app.type_into("encrypt-key-input", KEY).await;
    app.click("encrypt-nested").await;
    assert_eq!(state(&app, "encrypt-status"), "sealed");
    let jwe = app.value("token-input");
    assert_eq!(jwe.split('.').count(), 5);
    assert!(app.value("header-json").contains("\"cty\": \"JWT\""));

    app.type_into("key-input", KEY).await;
    assert_eq!(state(&app, "verdict"), "decrypted");
    assert_eq!(app.value("jwe-plaintext"), JWT_IO);
    app.click("open-nested").await;
    assert_eq!(app.value("token-input"), JWT_IO);
    assert_eq!(app.value("key-input"), "");
    app.type_into("key-input", "your-256-bit-secret").await;
    assert_eq!(state(&app, "verdict"), "verified");
    app.click("nested-back").await;
    assert_eq!(app.value("token-input"), jwe);
    assert_eq!(state(&app, "verdict"), "decrypted");
    assert!(app.find("nested-back").is_none());
}

/// RFC 7520 §5.13: one content, three recipients (RSA1_5, ECDH-ES+A256KW, A256GCMKW), general
/// JSON serialization, and the shared key of the third.
const GENERAL: &str =
    include_str!("vectors/jose-cookbook/jwe/5_13.encrypting_to_multiple_recipients.json");

#[wasm_bindgen_test]
async fn a_jwe_in_json_serialization_opens_for_the_recipient_whose_key_is_given() {
    use jwt_debugger::jwt::json::{self, Value};
    let example = json::parse(GENERAL).unwrap();
    let serialized = example
        .get("output")
        .unwrap()
        .get("json")
        .unwrap()
        .minified();
    let Some(Value::Array(keys)) = example.get("input").unwrap().get("key") else {
        panic!("three keys")
    };
    let app = mount(&serialized, 0).await;
    assert!(app.find("decode-error").is_none());
    // The shared header: the protected enc and the unprotected cty.
    let header = app.value("header-json");
    assert!(
        header.contains("\"enc\": \"A128CBC-HS256\"") && header.contains("text/plain"),
        "{header}"
    );
    app.type_into("key-input", &keys[2].minified()).await;
    assert_eq!(state(&app, "verdict"), "decrypted");
    assert!(app.value("jwe-plaintext").starts_with("You can trust us"));
    assert!(app.text("verdict").contains("A256GCMKW"));
}
