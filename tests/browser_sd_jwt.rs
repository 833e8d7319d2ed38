//! SD-JWTs (RFC 9901) through the page: the coloured view, each disclosure with its state, the
//! processed claims, the key binding, and a disclosure taken out by its toggle.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{Mounted, mount, wait_until};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The RFC's "simple" example, presented with a KB-JWT (tests/vectors/sd-jwt/README.md).
const PRESENTATION: &str = include_str!("vectors/sd-jwt/simple/sd_jwt_presentation.txt");
const VERIFIED: &str = include_str!("vectors/sd-jwt/simple/verified_contents.json");

fn states(app: &Mounted) -> Vec<String> {
    app.all("disclosure")
        .iter()
        .map(|d| {
            format!(
                "{}:{}",
                d.get_attribute("data-claim").unwrap_or_default(),
                d.get_attribute("data-state").unwrap_or_default()
            )
        })
        .collect()
}

#[wasm_bindgen_test]
async fn an_sd_jwt_shows_its_disclosures_claims_and_key_binding() {
    let app = mount(PRESENTATION.trim(), 1_700_000_000).await;
    let parts: Vec<String> = app
        .all("token-part")
        .iter()
        .map(|p| p.get_attribute("data-part").unwrap_or_default())
        .collect();
    assert_eq!(
        parts,
        [
            "header",
            "payload",
            "signature",
            "disclosure",
            "disclosure",
            "disclosure",
            "disclosure",
            "kb-jwt"
        ]
    );
    let mut found = states(&app);
    found.sort();
    assert_eq!(
        found,
        [
            "[]:matched",
            "address:matched",
            "family_name:matched",
            "given_name:matched"
        ]
    );
    assert_eq!(
        app.get("sd-status").get_attribute("data-state").as_deref(),
        Some("ok")
    );
    let shown: serde_json::Value = serde_json::from_str(&app.text("sd-claims")).unwrap();
    let expected: serde_json::Value = serde_json::from_str(VERIFIED).unwrap();
    assert_eq!(shown, expected);
    // The holder key in cnf is read in this build itself: the KB-JWT verifies.
    wait_until(
        || app.get("kb-verdict").get_attribute("data-state").as_deref() == Some("verified"),
        "the key binding verified",
    )
    .await;
    // The first disclosure's toggle: a presentation without it, and without the KB-JWT.
    let first = app.all("disclose-toggle").into_iter().next().unwrap();
    first.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    assert_eq!(app.all("disclosure").len(), 3);
    assert_eq!(
        app.get("kb-verdict").get_attribute("data-state").as_deref(),
        Some("absent")
    );
    assert!(app.value("token-input").ends_with('~'));
}

/// settings.yml's holder key (P-256, private) and the simple example as issued.
const HOLDER_JWK: &str = r#"{"kty":"EC","crv":"P-256","d":"5K5SCos8zf9zRemGGUl6yfok-_NiiryNZsvANWMhF-I","x":"TCAER19Zvu3OHF4j4W4vfSVoHIP1ILilDls7vCeGemc","y":"ZxjiWWbZMQGHVWKVQ4hbSIirsVfuecCE6t4jT9F2HZQ"}"#;
const ISSUANCE: &str = include_str!("vectors/sd-jwt/simple/sd_jwt_issuance.txt");

#[wasm_bindgen_test]
async fn make_sd_issues_and_the_holder_key_binds_a_presentation() {
    // jwt.io's example with its secret: Make SD on "name" re-issues it as an SD-JWT.
    let app = mount(
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        1_516_239_022,
    )
    .await;
    app.type_into("key-input", "your-256-bit-secret").await;
    let make = app
        .all("sd-make")
        .into_iter()
        .find(|b| b.get_attribute("data-claim").as_deref() == Some("name"))
        .expect("a Make SD button on the name claim");
    make.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    assert_eq!(states(&app), ["name:matched"]);
    assert!(app.value("token-input").ends_with('~'));
    assert_eq!(
        app.get("verdict").get_attribute("data-state").as_deref(),
        Some("verified")
    );
    let claims: serde_json::Value = serde_json::from_str(&app.text("sd-claims")).unwrap();
    assert_eq!(claims["name"], "John Doe");
    // The RFC's issuance, the holder's key given: bound at once, verified against cnf.
    app.type_into("token-input", ISSUANCE.trim()).await;
    assert_eq!(
        app.get("kb-verdict").get_attribute("data-state").as_deref(),
        Some("absent")
    );
    app.type_into("holder-key-input", HOLDER_JWK).await;
    wait_until(
        || app.get("kb-verdict").get_attribute("data-state").as_deref() == Some("verified"),
        "a KB-JWT made by the holder's key, verified",
    )
    .await;
    assert!(!app.value("token-input").ends_with('~'));
}

#[wasm_bindgen_test]
async fn a_flattened_json_sd_jwt_opens_as_its_compact_form() {
    let flattened =
        include_str!("vectors/sd-jwt/json_serialization_flattened/sd_jwt_presentation.json");
    let app = mount(flattened, 1_700_000_000).await;
    assert!(
        app.text("json-serialization")
            .contains("flattened JSON serialization")
    );
    assert_eq!(
        app.get("sd-status").get_attribute("data-state").as_deref(),
        Some("ok")
    );
    let mut found = states(&app);
    found.sort();
    assert_eq!(found, ["family_name:matched", "given_name:matched"]);
    assert!(!app.value("header-json").contains("disclosures"));
}
