//! Everyday use (issue #28), driven through the page as a user would: one secret verifies and
//! signs, the key generator's menus agree with its output, the page never shows two answers,
//! replacing actions can be undone, and the example verifies.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{Mounted, mount, mount_route, wait_until};
use jwt_debugger::app::Route;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlOptionElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

const JWT_IO: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
const RSA_PRIVATE: &str = include_str!("vectors/keys/rsa2048.pkcs8.pem");

fn state(app: &Mounted, id: &str) -> String {
    app.get(id).get_attribute("data-state").unwrap_or_default()
}

fn select(app: &Mounted, id: &str) -> HtmlSelectElement {
    app.get(id).dyn_into().unwrap()
}

/// Picks an option as a person does: the option itself is selected (which, unlike setting the
/// select's value from script, makes the browser stop following its `selected` attribute).
async fn pick(app: &Mounted, id: &str, value: &str) {
    let menu = select(app, id);
    let options = menu.options();
    for i in 0..options.length() {
        let option: HtmlOptionElement = options.item(i).unwrap().dyn_into().unwrap();
        if option.value() == value {
            option.set_selected(true);
        }
    }
    assert_eq!(menu.value(), value, "{id} has no option {value}");
    let init = EventInit::new();
    init.set_bubbles(true);
    menu.dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

/// The claims of the token in the token box, as JSON text.
fn token_part(app: &Mounted, i: usize) -> String {
    let token = app.value("token-input");
    let part = token.split('.').nth(i).unwrap_or_default().to_string();
    String::from_utf8(jwt_debugger::jwt::base64url::decode(&part).unwrap_or_default())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_secret_typed_once_in_the_verify_box_also_signs_edits() {
    let app = mount(JWT_IO, 0).await;
    app.type_into("key-input", "your-256-bit-secret").await;
    assert_eq!(state(&app, "verdict"), "verified");
    let payload = app.value("payload-json").replace("1234567890", "bob");
    app.type_into("payload-json", &payload).await;
    assert_eq!(
        state(&app, "verdict"),
        "verified",
        "{}",
        app.text("verdict")
    );
    assert!(token_part(&app, 1).contains(r#""sub":"bob""#));
    assert_eq!(state(&app, "sign-status"), "signed");
    assert!(
        app.text("sign-status").contains("in Verify signature"),
        "{}",
        app.text("sign-status")
    );
}

#[wasm_bindgen_test]
async fn a_public_key_cannot_sign_and_the_edited_panel_says_so() {
    let app = mount(JWT_IO, 0).await;
    // Signed here with RS256, then the Sign panel emptied and the public half in the key box.
    app.type_into("signing-key-input", RSA_PRIVATE).await;
    pick(&app, "alg-select", "RS256").await;
    assert_eq!(state(&app, "verdict"), "verified");
    let public = include_str!("vectors/keys/rsa2048.spki.pem");
    app.type_into("key-input", public).await;
    app.type_into("signing-key-input", "").await;
    app.type_into("payload-json", r#"{"sub": "eve"}"#).await;
    assert_eq!(state(&app, "verdict"), "invalid");
    let said = app.text("edit-unsigned");
    assert!(
        said.contains("cannot sign") && said.contains("Verify signature"),
        "{said}"
    );
    assert!(
        app.get("edit-unsigned")
            .closest(".panel.payload")
            .unwrap()
            .is_some()
    );
}

#[wasm_bindgen_test]
async fn choosing_an_algorithm_the_key_cannot_sign_leaves_one_answer() {
    let app = mount(JWT_IO, 0).await;
    app.type_into("signing-key-input", RSA_PRIVATE).await;
    pick(&app, "alg-select", "RS256").await;
    app.type_into("payload-json", r#"{"sub": "rs"}"#).await;
    assert!(app.text("sign-status").contains("RS256"));
    pick(&app, "alg-select", "HS256").await;
    // The menu, the header text, the token and the sign status all say HS256.
    assert_eq!(select(&app, "alg-select").value(), "HS256");
    assert!(app.value("header-json").contains("HS256"));
    assert!(
        token_part(&app, 0).contains(r#""alg":"HS256""#),
        "{}",
        token_part(&app, 0)
    );
    assert_eq!(state(&app, "sign-status"), "stale");
    let status = app.text("sign-status");
    assert!(!status.contains("Re-signed"), "{status}");
    // The refusal is said once in the Sign panel, not also as a red box under the header.
    assert!(app.find("edit-error").is_none());
    assert_ne!(state(&app, "verdict"), "verified");
    // The page's text holds no RS256 claim about the token any more.
    let page = app.root.text_content().unwrap_or_default();
    assert!(
        !page.contains("Re-signed here with RS256"),
        "still says RS256 signed"
    );
}

#[wasm_bindgen_test]
async fn the_key_generator_menu_title_and_output_agree() {
    let app = mount_route("", 1_700_000_000, Route::Keygen).await;
    pick(&app, "keygen-kind", "P-256").await;
    app.click("keygen-run").await;
    wait_until(|| app.find("keygen-private").is_some(), "P-256 key").await;
    pick(&app, "keygen-format", "jwk").await;
    pick(&app, "keygen-format", "openssh").await;
    assert!(
        app.text("keygen-public")
            .starts_with("ecdsa-sha2-nistp256 ")
    );
    // A new kind: the P-256 key and its title go at once.
    pick(&app, "keygen-kind", "HS256").await;
    assert!(app.find("keygen-private").is_none());
    assert!(app.find("keygen-info").is_none());
    assert!(app.find("keygen-use").is_none());
    assert_eq!(select(&app, "keygen-format").value(), "base64url");
    app.click("keygen-run").await;
    wait_until(|| app.find("keygen-private").is_some(), "HS256 secret").await;
    let secret = app.text("keygen-private");
    assert_eq!(select(&app, "keygen-format").value(), "base64url");
    assert_eq!(
        jwt_debugger::jwt::base64url::decode(&secret).map(|b| b.len()),
        Ok(32)
    );
    pick(&app, "keygen-format", "jwk").await;
    assert!(app.text("keygen-private").contains(r#""kty": "oct""#));
}

#[wasm_bindgen_test]
async fn use_in_the_debugger_says_it_replaces_and_can_be_undone() {
    let mine = JWT_IO.replace("SflK", "SflL");
    let app = mount(&mine, 1_700_000_000).await;
    app.type_into("key-input", "my-own-secret").await;
    app.click("nav-keygen").await;
    pick(&app, "keygen-kind", "Ed25519").await;
    app.click("keygen-run").await;
    wait_until(|| app.find("keygen-use").is_some(), "Ed25519 key").await;
    let label = app.text("keygen-use");
    assert!(label.contains("re-sign"), "{label}");
    app.click("keygen-use").await;
    assert_ne!(app.value("token-input"), mine);
    assert_eq!(state(&app, "verdict"), "verified");
    assert!(app.text("replaced-line").contains("the new key"));
    app.click("undo-replace").await;
    assert_eq!(app.value("token-input"), mine);
    assert_eq!(app.value("key-input"), "my-own-secret");
    assert_eq!(app.value("signing-key-input"), "");
    assert!(app.find("replaced-line").is_none());
}

#[wasm_bindgen_test]
async fn the_walkthrough_open_says_it_replaces_and_can_be_undone() {
    let app = mount(JWT_IO, 1_700_000_000).await;
    app.type_into("key-input", "your-256-bit-secret").await;
    app.click("nav-walkthrough").await;
    app.click("walkthrough-get-token").await;
    let label = app.text("walkthrough-open");
    assert!(label.contains("in place of"), "{label}");
    app.click("walkthrough-open").await;
    assert_ne!(app.value("token-input"), JWT_IO);
    app.click("undo-replace").await;
    assert_eq!(app.value("token-input"), JWT_IO);
    assert_eq!(app.value("key-input"), "your-256-bit-secret");
    assert_eq!(state(&app, "verdict"), "verified");
}

#[wasm_bindgen_test]
async fn no_verdict_is_a_status_and_an_empty_box_asks_for_a_token() {
    let app = mount(JWT_IO, 0).await;
    assert_eq!(state(&app, "verdict"), "no-key");
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&app.get("verdict"))
        .unwrap()
        .unwrap();
    // No box drawn around it: it must not read as a field above the key box.
    let border = style.get_property_value("border-top-color").unwrap();
    assert!(
        border == "rgba(0, 0, 0, 0)" || border == "transparent",
        "{border}"
    );
    app.type_into("token-input", "").await;
    let text = app.text("verdict");
    assert!(text.contains("token"), "{text}");
    assert!(!text.to_lowercase().contains("paste a secret"), "{text}");
}

#[wasm_bindgen_test]
async fn the_example_button_loads_the_token_with_its_secret() {
    let app = mount("", 0).await;
    app.click("example-token").await;
    assert_eq!(app.value("token-input"), JWT_IO);
    assert_eq!(app.value("key-input"), "your-256-bit-secret");
    assert_eq!(state(&app, "verdict"), "verified");
}
