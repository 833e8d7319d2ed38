//! Detached and unencoded payloads, and ES256K, through the page: the payload box appears for a
//! detached or `b64: false` token and the verdict is over what is typed in it; a secp256k1 key
//! verifies an ES256K token.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::mount;
use jwt_debugger::jwt::keys::{self, SecretEncoding};
use jwt_debugger::jwt::{base64url, json, sign};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn verdict(app: &browser::Mounted) -> String {
    app.get("verdict").get_attribute("data-state").unwrap()
}

/// A token signed here with `key` over `header` and the payload segment `segment`, and the
/// detached form of it when `detach`.
fn signed(header: &str, segment: &str, key: &str, detach: bool) -> String {
    let encoded = base64url::encode(header.as_bytes());
    let set = keys::parse(key, SecretEncoding::Utf8).unwrap().unwrap();
    let token = sign::sign(
        &format!("{encoded}.{segment}"),
        &json::parse(header).unwrap(),
        &set.keys()[0],
    )
    .unwrap();
    let signature = token.rsplit('.').next().unwrap();
    if detach {
        format!("{encoded}..{signature}")
    } else {
        token
    }
}

#[wasm_bindgen_test]
async fn a_detached_unencoded_payload_typed_beside_the_token_is_verified() {
    let header = r#"{"alg":"HS256","b64":false,"crit":["b64"]}"#;
    let app = mount(&signed(header, "$.02", "mysecret", true), 0).await;
    app.type_into("key-input", "mysecret").await;
    assert_eq!(verdict(&app), "unverifiable");
    assert!(
        app.text("verdict").contains("detached"),
        "{}",
        app.text("verdict")
    );
    app.type_into("detached-payload-input", "$.02").await;
    assert_eq!(verdict(&app), "verified", "{}", app.text("verdict"));
    app.type_into("detached-payload-input", "$.03").await;
    assert_eq!(verdict(&app), "invalid");
}

#[wasm_bindgen_test]
async fn a_detached_encoded_payload_is_checked_as_a_jws_encodes_it() {
    let payload = r#"{"sub":"bob"}"#;
    let token = signed(
        r#"{"alg":"HS256"}"#,
        &base64url::encode(payload.as_bytes()),
        "mysecret",
        true,
    );
    let app = mount(&token, 0).await;
    app.type_into("key-input", "mysecret").await;
    app.type_into("detached-payload-input", payload).await;
    assert_eq!(verdict(&app), "verified", "{}", app.text("verdict"));
    // An ordinary token has no such box.
    app.type_into(
        "token-input",
        &signed(r#"{"alg":"HS256"}"#, "e30", "mysecret", false),
    )
    .await;
    assert!(app.find("detached-payload-input").is_none());
    assert_eq!(verdict(&app), "verified");
}

#[wasm_bindgen_test]
async fn an_es256k_token_verifies_with_its_secp256k1_key() {
    let private = include_str!("vectors/keys/secp256k1.sec1.pem");
    let token = signed(
        r#"{"alg":"ES256K","typ":"JWT"}"#,
        &base64url::encode(br#"{"sub":"bob"}"#),
        private,
        false,
    );
    let app = mount(&token, 0).await;
    app.type_into(
        "key-input",
        include_str!("vectors/keys/secp256k1.pub.jwk.json"),
    )
    .await;
    assert_eq!(verdict(&app), "verified", "{}", app.text("verdict"));
    app.type_into("key-input", include_str!("vectors/keys/p256.spki.pem"))
        .await;
    assert_eq!(verdict(&app), "unverifiable");
}
