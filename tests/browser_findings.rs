//! Findings and hostile input in a real browser.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{Mounted, mount};
use jwt_debugger::jwt::base64url::encode;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The tutorial's token, signed with `mysecret`.
fn tutorial_token() -> String {
    let header = jwt_debugger::jwt::json::parse(r#"{"alg":"HS256","typ":"JWT"}"#).unwrap();
    let input = jwt_debugger::jwt::sign::signing_input(
        &header,
        r#"{"sub":"bob","iat":1700000000,"exp":1700000060}"#,
    )
    .unwrap();
    let keys =
        jwt_debugger::jwt::keys::parse("mysecret", jwt_debugger::jwt::keys::SecretEncoding::Utf8)
            .unwrap()
            .unwrap();
    jwt_debugger::jwt::sign::sign(&input, &header, &keys.keys()[0]).unwrap()
}

fn codes(app: &Mounted) -> Vec<String> {
    app.all("finding")
        .iter()
        .map(|f| f.get_attribute("data-code").unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn findings_follow_the_key_and_the_list_search_finds_mysecret() {
    let app = mount(&tutorial_token(), 1_700_000_000).await;
    assert!(codes(&app).is_empty(), "{:?}", codes(&app));
    app.type_into("key-input", "mysecret").await;
    let found = codes(&app);
    assert!(
        found.contains(&"weak-secret".to_string()) && found.contains(&"common-secret".to_string()),
        "{found:?}"
    );
    let weak = app
        .all("finding")
        .into_iter()
        .find(|f| f.get_attribute("data-code").as_deref() == Some("weak-secret"))
        .unwrap();
    assert_eq!(
        weak.get_attribute("data-severity").as_deref(),
        Some("danger")
    );
    app.type_into("key-input", "").await;
    assert!(codes(&app).is_empty());
    app.click("try-common-secrets").await;
    assert_eq!(codes(&app), ["common-secret"]);
    assert!(app.text("finding").contains("\"mysecret\""));
    // One click puts it in the verify box: the verdict turns verified.
    app.click("use-found-secret").await;
    assert_eq!(app.value("key-input"), "mysecret");
    assert_eq!(
        app.get("verdict").get_attribute("data-state").as_deref(),
        Some("verified")
    );
}

#[wasm_bindgen_test]
async fn a_one_megabyte_token_decodes() {
    let payload = format!(r#"{{"sub":"bob","blob":"{}"}}"#, "x".repeat(1024 * 1024));
    let token = format!(
        "{}.{}.AAAA",
        encode(br#"{"alg":"HS256"}"#),
        encode(payload.as_bytes())
    );
    let app = mount("", 0).await;
    // How fast is measured by `make bench`, not here.
    app.type_into("token-input", &token).await;
    assert!(app.value("payload-json").len() > 1024 * 1024);
    assert!(app.find("decode-error").is_none());
}

#[wasm_bindgen_test]
async fn hostile_sizes_and_depths_give_messages_not_crashes() {
    let app = mount("", 0).await;
    let deep = "[".repeat(100_000);
    app.type_into("token-input", &format!("{}.e30.", encode(deep.as_bytes())))
        .await;
    assert!(
        app.text("decode-error")
            .contains("nested more than 128 levels"),
        "{}",
        app.text("decode-error")
    );
    app.type_into(
        "token-input",
        &format!(
            "{}.{}.",
            encode(br#"{"alg":"none"}"#),
            encode(deep.as_bytes())
        ),
    )
    .await;
    assert_eq!(
        app.get("payload-json")
            .get_attribute("data-state")
            .as_deref(),
        Some("not-json")
    );
    app.type_into("token-input", &"a".repeat(5 * 1024 * 1024))
        .await;
    assert_eq!(
        app.text("decode-error"),
        "the input is 5120 KiB; tokens over 4096 KiB are not decoded here"
    );
    // The page is still alive.
    app.click("example-token").await;
    assert!(app.value("payload-json").contains("John Doe"));
}

#[wasm_bindgen_test]
async fn html_in_claims_is_text() {
    let evil = r#"<img src=x onerror=alert(1)><script>alert(2)</script>"#;
    let header = format!(r#"{{"alg":"HS256","kid":"{}"}}"#, evil.replace('"', "\\\""));
    let token = format!(
        "{}.{}.AAAA",
        encode(header.as_bytes()),
        encode(format!(r#"{{"{}":1}}"#, evil.replace('"', "\\\"")).as_bytes())
    );
    let app = mount(&token, 0).await;
    assert_eq!(
        app.root.query_selector_all("img, script").unwrap().length(),
        0
    );
    assert!(app.root.text_content().unwrap().contains("<img src=x"));
}
