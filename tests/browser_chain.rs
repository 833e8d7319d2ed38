//! An `x5c` chain through the page: each certificate shown with its state, the chain's verdict,
//! and the token verified only once a root certificate anchors the chain.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::mount;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TOKEN: &str = include_str!("vectors/certs/chain.jwt");
const ROOT: &str = include_str!("vectors/certs/root.pem");
const OTHER_ROOT: &str = include_str!("vectors/certs/other-root.pem");
/// 2026-12-07, inside the chain's validity (2020–2120).
const NOW: i64 = 1_796_601_600;

fn state(element: &web_sys::Element) -> String {
    element.get_attribute("data-state").unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_chain_is_shown_and_anchored_by_the_root_given() {
    let app = mount(TOKEN.trim(), NOW).await;
    assert!(app.find("cert-chain").is_some());
    let certs = app.all("cert");
    assert_eq!(certs.len(), 3);
    assert!(certs.iter().all(|c| state(c) == "ok"));
    assert!(certs[0].text_content().unwrap().contains("tokens.example"));
    assert_eq!(state(&app.get("chain-verdict")), "unanchored");
    assert_eq!(state(&app.get("verdict")), "unverifiable");
    app.type_into("key-input", ROOT).await;
    assert_eq!(state(&app.get("chain-verdict")), "anchored");
    assert!(app.all("cert").iter().all(|c| state(c) == "anchored"));
    assert_eq!(
        state(&app.get("verdict")),
        "verified",
        "{}",
        app.text("verdict")
    );
    app.type_into("key-input", OTHER_ROOT).await;
    assert_eq!(state(&app.get("chain-verdict")), "unanchored");
    assert_eq!(state(&app.get("verdict")), "unverifiable");
    // A century later every certificate has expired: said per certificate, never verified.
    app.type_into("key-input", ROOT).await;
    assert_eq!(state(&app.get("verdict")), "verified");
    app.set_time(4_800_000_000).await;
    assert_eq!(state(&app.get("chain-verdict")), "broken");
    assert_eq!(state(&app.all("cert")[0]), "expired");
    assert_ne!(state(&app.get("verdict")), "verified");
}
