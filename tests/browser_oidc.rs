//! An ID token's hash claims through the page: a box per claim, and match or mismatch.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::mount;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// `{"alg":"RS256"}` . `{"sub":"bob","at_hash":…}`: at_hash of "jHkWEdUXMU1BwAsC4vtUsZwnNXs"
/// under SHA-256 (computed with Python's hashlib).
const ID_TOKEN: &str =
    "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IiLCJhdF9oYXNoIjoiNjJ0MzJKQ1NpaGNnS1hXMHk1cVpfUSJ9.AA";

#[wasm_bindgen_test]
async fn the_access_token_given_matches_at_hash_or_not() {
    let app = mount(ID_TOKEN, 0).await;
    let input = app.get("oidc-hash-input");
    assert_eq!(
        input.get_attribute("data-claim").as_deref(),
        Some("at_hash")
    );
    assert!(
        app.find("oidc-hash-status").is_none(),
        "no status before a value"
    );
    app.type_into("oidc-hash-input", "jHkWEdUXMU1BwAsC4vtUsZwnNXs")
        .await;
    let status = app.get("oidc-hash-status");
    assert_eq!(status.get_attribute("data-state").as_deref(), Some("match"));
    app.type_into("oidc-hash-input", "some other token").await;
    assert_eq!(
        app.get("oidc-hash-status")
            .get_attribute("data-state")
            .as_deref(),
        Some("mismatch")
    );
}
