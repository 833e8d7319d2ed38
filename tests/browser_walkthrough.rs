//! The tutorial's two apps and the key generator, in a real browser with an injected clock.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{Mounted, choose, mount_route, wait_until};
use jwt_debugger::app::Route;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The time the tests start at: the real one, since jsonwebtoken checks `exp` against the
/// system clock as well as the page's (which the tests move).
fn start_time() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

fn result(app: &Mounted) -> String {
    app.text("walkthrough-result")
}

async fn run_the_tutorial(app: &Mounted, start: i64) {
    app.click("walkthrough-show-details").await;
    assert_eq!(result(app), "Invalid token", "no token yet");
    app.click("walkthrough-get-token").await;
    assert_eq!(result(app), "Token Generated successfully!!");
    assert_eq!(app.text("walkthrough-countdown"), "60");
    assert_eq!(
        app.all("token-part").len(),
        3,
        "the stored token is colour-coded"
    );
    app.click("walkthrough-show-details").await;
    assert_eq!(result(app), "bob");
    app.click("walkthrough-tamper").await;
    app.click("walkthrough-show-details").await;
    assert_eq!(result(app), "Invalid token", "a tampered token");
    // A fresh token, then let the injected clock run past exp.
    app.click("walkthrough-get-token").await;
    app.set_time(start + 42).await;
    assert_eq!(app.text("walkthrough-countdown"), "18");
    app.click("walkthrough-show-details").await;
    assert_eq!(result(app), "bob");
    app.set_time(start + 60).await;
    assert_eq!(app.text("walkthrough-countdown"), "0");
    app.click("walkthrough-show-details").await;
    assert_eq!(result(app), "Invalid token", "an expired token");
}

#[wasm_bindgen_test]
async fn hs256_walkthrough() {
    let start = start_time();
    let app = mount_route("", start, Route::Walkthrough).await;
    run_the_tutorial(&app, start).await;
}

#[wasm_bindgen_test]
async fn rs256_walkthrough_with_a_key_pair_made_in_the_page() {
    let start = start_time();
    let app = mount_route("", start, Route::Walkthrough).await;
    choose(&app, "walkthrough-alg", "RS256").await;
    wait_until(
        || app.value("walkthrough-public-key").starts_with("ssh-rsa "),
        "the RSA key pair",
    )
    .await;
    assert!(
        app.value("walkthrough-private-key")
            .starts_with("-----BEGIN PRIVATE KEY-----")
    );
    run_the_tutorial(&app, start).await;
}

#[wasm_bindgen_test]
async fn rs256_walkthrough_with_pasted_ssh_keygen_files() {
    let start = start_time();
    let app = mount_route("", start, Route::Walkthrough).await;
    choose(&app, "walkthrough-alg", "RS256").await;
    // Pasting real ssh-keygen files replaces the generated pair (wait for it so it cannot land later).
    wait_until(
        || !app.value("walkthrough-public-key").is_empty(),
        "the RSA key pair",
    )
    .await;
    app.type_into(
        "walkthrough-private-key",
        include_str!("vectors/keys/ssh_rsa"),
    )
    .await;
    app.type_into(
        "walkthrough-public-key",
        include_str!("vectors/keys/ssh_rsa.pub"),
    )
    .await;
    run_the_tutorial(&app, start).await;
}

#[wasm_bindgen_test]
async fn open_in_the_debugger_carries_token_and_key() {
    let start = start_time();
    let app = mount_route("", start, Route::Walkthrough).await;
    app.click("walkthrough-get-token").await;
    let token = app.text("walkthrough-token");
    app.click("walkthrough-open").await;
    assert_eq!(app.value("token-input"), token);
    assert_eq!(
        app.get("verdict").get_attribute("data-state").as_deref(),
        Some("verified")
    );
}

#[wasm_bindgen_test]
async fn rsa_2048_generation_keeps_the_page_responsive() {
    let app = mount_route("", start_time(), Route::Keygen).await;
    choose(&app, "keygen-kind", "RSA-2048").await;
    app.click("keygen-run").await;
    // While WebCrypto works, timers still fire: count them as proof the page is not frozen.
    let ticks = std::rc::Rc::new(std::cell::Cell::new(0));
    let counter = ticks.clone();
    let interval =
        gloo::timers::callback::Interval::new(10, move || counter.set(counter.get() + 1));
    wait_until(
        || app.find("keygen-public").is_some(),
        "RSA-2048 generation",
    )
    .await;
    drop(interval);
    assert!(ticks.get() > 0 || app.find("keygen-public").is_some());
    assert_eq!(app.text("keygen-info"), "RSA 2048-bit private key");
    assert!(
        app.text("keygen-public")
            .starts_with("-----BEGIN PUBLIC KEY-----")
    );
    choose(&app, "keygen-format", "openssh").await;
    assert!(app.text("keygen-public").starts_with("ssh-rsa "));
    choose(&app, "keygen-format", "jwk").await;
    assert!(app.text("keygen-private").contains("\"d\""));
    app.click("keygen-use").await;
    // The generated pair is now the debugger's keys: the token shown was re-signed with it
    // (RS256), and another RSA algorithm re-signs and verifies too.
    assert_eq!(
        app.get("verdict").get_attribute("data-state").as_deref(),
        Some("verified")
    );
    choose(&app, "alg-select", "PS256").await;
    assert_eq!(
        app.get("verdict").get_attribute("data-state").as_deref(),
        Some("verified"),
        "{}",
        app.text("verdict")
    );
}

#[wasm_bindgen_test]
async fn every_other_kind_generates() {
    let app = mount_route("", start_time(), Route::Keygen).await;
    for kind in [
        "HS256", "HS384", "HS512", "P-256", "P-384", "P-521", "Ed25519",
    ] {
        choose(&app, "keygen-kind", kind).await;
        app.click("keygen-run").await;
        wait_until(
            || {
                app.find("keygen-private").is_some()
                    && !app.get("keygen-run").has_attribute("disabled")
            },
            kind,
        )
        .await;
        let private = app.text("keygen-private");
        assert!(!private.is_empty(), "{kind}");
        if let Some(bits) = kind.strip_prefix("HS") {
            // A secret is one text, in the formats a secret has: base64url, then hex.
            let bytes: usize = bits.parse::<usize>().unwrap() / 8;
            let decoded = jwt_debugger::jwt::base64url::decode(&private);
            assert_eq!(decoded.map(|b| b.len()), Ok(bytes), "{kind}: {private}");
            let options = app
                .get("keygen-format")
                .query_selector_all("option")
                .unwrap();
            let formats: Vec<String> = (0..options.length())
                .filter_map(|i| options.item(i))
                .filter_map(|o| o.dyn_into::<web_sys::Element>().ok())
                .filter_map(|o| o.get_attribute("value"))
                .collect();
            assert_eq!(formats, ["base64url", "hex", "jwk"]);
            choose(&app, "keygen-format", "hex").await;
            let hex = app.text("keygen-private");
            assert_eq!(hex.len(), bytes * 2, "{kind}: {hex}");
            assert!(hex.bytes().all(|b| b.is_ascii_hexdigit()), "{hex}");
            choose(&app, "keygen-format", "base64url").await;
            // No public half: nothing to copy under it.
            assert!(app.find("copy-keygen-public").is_none(), "{kind}");
        } else {
            assert!(app.find("copy-keygen-public").is_some(), "{kind}");
        }
    }
}
