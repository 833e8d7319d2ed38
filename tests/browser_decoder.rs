//! The decoder in a real browser: components mounted into a fresh `div`, driven by input events.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{Mounted, mount};
use jwt_debugger::jwt::base64url::encode;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const JWT_IO: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

fn token(header: &str, payload: &str) -> String {
    format!(
        "{}.{}.c2ln",
        encode(header.as_bytes()),
        encode(payload.as_bytes())
    )
}

#[wasm_bindgen_test]
async fn the_three_parts_are_coloured_and_decoded() {
    let app = mount("", 1_516_239_022).await;
    assert!(app.all("token-part").is_empty());
    app.type_into("token-input", JWT_IO).await;
    let parts = app.all("token-part");
    let names: Vec<String> = parts
        .iter()
        .map(|p| p.get_attribute("data-part").unwrap())
        .collect();
    assert_eq!(names, ["header", "payload", "signature"]);
    let texts: Vec<String> = parts.iter().map(|p| p.text_content().unwrap()).collect();
    assert_eq!(texts.join("."), JWT_IO);
    let colors: Vec<String> = parts.iter().map(Mounted::color).collect();
    assert_ne!(colors[0], colors[1]);
    assert_ne!(colors[1], colors[2]);
    assert_ne!(colors[0], colors[2]);
    assert_eq!(
        app.value("header-json"),
        "{\n  \"alg\": \"HS256\",\n  \"typ\": \"JWT\"\n}"
    );
    assert_eq!(
        app.value("payload-json"),
        "{\n  \"sub\": \"1234567890\",\n  \"name\": \"John Doe\",\n  \"iat\": 1516239022\n}"
    );
    // The decoded panels carry the same colours as the token's parts.
    assert_eq!(Mounted::color(&app.get("header-json")), colors[0]);
    assert_eq!(Mounted::color(&app.get("payload-json")), colors[1]);
}

#[wasm_bindgen_test]
async fn whitespace_line_breaks_and_bearer_are_ignored() {
    let app = mount("", 0).await;
    app.type_into(
        "token-input",
        &format!("  Bearer {}\n{}\n", &JWT_IO[..50], &JWT_IO[50..]),
    )
    .await;
    assert!(app.find("decode-error").is_none());
    assert!(app.value("payload-json").contains("John Doe"));
}

#[wasm_bindgen_test]
async fn display_keeps_order_duplicates_and_number_text() {
    let app = mount(
        &token(
            r#"{"typ":"JWT","alg":"HS256"}"#,
            r#"{"n":12345678901234567890,"f":3.0,"n":1}"#,
        ),
        0,
    )
    .await;
    assert_eq!(
        app.value("header-json"),
        "{\n  \"typ\": \"JWT\",\n  \"alg\": \"HS256\"\n}"
    );
    assert_eq!(
        app.value("payload-json"),
        "{\n  \"n\": 12345678901234567890,\n  \"f\": 3.0,\n  \"n\": 1\n}"
    );
}

#[wasm_bindgen_test]
async fn errors_name_the_segment_and_the_position() {
    let app = mount(JWT_IO, 0).await;
    let bad = format!("{}!{}", &JWT_IO[..37], &JWT_IO[38..]);
    app.type_into("token-input", &bad).await;
    let error = app.get("decode-error");
    assert_eq!(
        error.text_content().unwrap(),
        "payload: invalid base64url character '!' at position 37 (counted from the token's first character)"
    );
    assert_eq!(error.get_attribute("data-part").as_deref(), Some("payload"));
    // The colours stay on while the token is broken.
    assert_eq!(app.all("token-part").len(), 3);

    app.type_into("token-input", "abc.def.ghi.jkl").await;
    assert_eq!(
        app.text("decode-error"),
        "expected 3 segments separated by '.', found 4 (an encrypted JWE has 5)"
    );
    assert_eq!(app.get("decode-error").get_attribute("data-part"), None);

    app.type_into("token-input", &token(r#"{"alg" "HS256"}"#, "{}"))
        .await;
    assert_eq!(
        app.text("decode-error"),
        "header: not JSON: expected ':' at line 1 column 8, found '\"'"
    );
    assert_eq!(
        app.get("decode-error")
            .get_attribute("data-part")
            .as_deref(),
        Some("header")
    );

    // And the page is alive: a good token decodes again.
    app.type_into("token-input", JWT_IO).await;
    assert!(app.find("decode-error").is_none());
}

#[wasm_bindgen_test]
async fn a_bad_segment_hides_only_itself() {
    let app = mount(JWT_IO, 0).await;
    assert_eq!(
        app.get("decode-status")
            .get_attribute("data-state")
            .as_deref(),
        Some("ok")
    );
    assert!(app.find("part-error").is_none());
    // One stray character in the payload: the header still shows, the payload's error stands
    // in its place, and the bad character is marked where it is in the coloured token.
    let bad = format!("{}!{}", &JWT_IO[..40], &JWT_IO[40..]);
    app.type_into("token-input", &bad).await;
    assert_eq!(
        app.get("decode-status")
            .get_attribute("data-state")
            .as_deref(),
        Some("partial")
    );
    assert!(
        app.text("decode-status")
            .contains("the payload does not decode")
    );
    assert_eq!(
        app.value("header-json"),
        "{\n  \"alg\": \"HS256\",\n  \"typ\": \"JWT\"\n}"
    );
    assert!(app.find("payload-json").is_none());
    let errors = app.all("decode-error");
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].get_attribute("data-part").as_deref(),
        Some("payload")
    );
    let mark = app.get("part-error");
    assert_eq!(mark.get_attribute("data-part").as_deref(), Some("payload"));
    assert_eq!(mark.text_content().as_deref(), Some("!"));
    // The mark sits inside the payload's coloured part, whose text is still the segment's.
    let payload_part = mark.closest("[data-testid=token-part]").unwrap().unwrap();
    assert_eq!(
        payload_part.get_attribute("data-part").as_deref(),
        Some("payload")
    );
    let texts: Vec<String> = app
        .all("token-part")
        .iter()
        .map(|p| p.text_content().unwrap())
        .collect();
    assert_eq!(texts.join("."), bad);

    // A bad header: the payload still shows; the header is marked.
    let bad = format!("{}!{}", &JWT_IO[..5], &JWT_IO[5..]);
    app.type_into("token-input", &bad).await;
    assert!(app.value("payload-json").contains("John Doe"));
    assert!(app.find("header-json").is_none());
    assert_eq!(
        app.get("part-error").get_attribute("data-part").as_deref(),
        Some("header")
    );
    // A bad signature: both JSON panels show, the signature is marked.
    app.type_into("token-input", &format!("{JWT_IO}=")).await;
    assert!(app.value("header-json").contains("HS256"));
    assert!(app.value("payload-json").contains("John Doe"));
    assert_eq!(
        app.get("part-error").get_attribute("data-part").as_deref(),
        Some("signature")
    );
    assert_eq!(app.get("part-error").text_content().as_deref(), Some("="));
    // The signature cut off: the header and payload still show.
    app.type_into("token-input", &JWT_IO[..JWT_IO.rfind('.').unwrap()])
        .await;
    assert!(app.value("header-json").contains("HS256"));
    assert!(app.value("payload-json").contains("John Doe"));
    assert!(
        app.text("decode-error")
            .contains("the signature is missing")
    );
    // Nothing reads: status error, nothing marked.
    app.type_into("token-input", "abc.def.ghi.jkl").await;
    assert_eq!(
        app.get("decode-status")
            .get_attribute("data-state")
            .as_deref(),
        Some("error")
    );
    assert!(app.find("part-error").is_none());
}

#[wasm_bindgen_test]
async fn sign_status_says_what_signing_did() {
    let app = mount(JWT_IO, 0).await;
    let sign_state = || app.get("sign-status").get_attribute("data-state").unwrap();
    assert_eq!(sign_state(), "none");
    // Edited without a signing key: the page says the signature no longer matches.
    let payload = app.value("payload-json").replace("John Doe", "Jane Doe");
    app.type_into("payload-json", &payload).await;
    assert_eq!(sign_state(), "stale");
    assert!(app.text("sign-status").contains("no longer matches"));
    // A secret in the verify box signs it while the Sign panel is empty, and says so.
    app.type_into("key-input", "your-256-bit-secret").await;
    assert_eq!(sign_state(), "signed");
    assert!(app.text("sign-status").contains("in Verify signature"));
    assert_eq!(
        app.get("verdict").get_attribute("data-state").as_deref(),
        Some("verified")
    );
    // A signing key signs instead, and says with what.
    app.type_into("signing-key-input", "your-256-bit-secret")
        .await;
    assert_eq!(sign_state(), "signed");
    assert!(app.text("sign-status").contains("HS256"));
    assert!(app.text("sign-status").contains("in this panel"));
    assert_eq!(
        app.get("verdict").get_attribute("data-state").as_deref(),
        Some("verified")
    );
}

/// Chooses `value` in one `<select>` (several carry the same test id).
async fn choose_in(select: &web_sys::Element, value: &str) {
    use wasm_bindgen::JsCast;
    let select: web_sys::HtmlSelectElement = select.clone().dyn_into().unwrap();
    select.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    select
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn header_and_payload_switch_to_a_claims_table_for_the_visit() {
    let app = mount(JWT_IO, 1_516_239_082).await;
    let views = app.all("claims-view");
    let parts: Vec<String> = views
        .iter()
        .map(|v| v.get_attribute("data-part").unwrap())
        .collect();
    assert_eq!(parts, ["header", "payload"]);
    assert!(app.find("claims-table").is_none());

    choose_in(&views[1], "table").await;
    let table = app.get("claims-table");
    assert_eq!(table.get_attribute("data-part").as_deref(), Some("payload"));
    let rows = table.query_selector_all("tbody tr").unwrap();
    let row = |i: u32| rows.item(i).unwrap().text_content().unwrap();
    assert_eq!(rows.length(), 3);
    assert!(row(0).starts_with("sub\"1234567890\""), "{}", row(0));
    assert!(
        row(0).contains("Subject"),
        "the meaning is a column: {}",
        row(0)
    );
    // A date: its number, then UTC, local (unless the zone is UTC) and relative lines.
    assert!(row(2).contains("1516239022"));
    assert!(row(2).contains("2018-01-18 01:30:22 UTC"));
    assert!(row(2).contains("1 min ago"), "{}", row(2));
    // The JSON is kept, not shown; the header still shows its JSON.
    assert!(
        app.get("payload-json")
            .closest("[hidden]")
            .unwrap()
            .is_some()
    );
    assert!(
        app.get("header-json")
            .closest("[hidden]")
            .unwrap()
            .is_none()
    );

    // The choice holds for the next token.
    app.type_into(
        "token-input",
        &token(r#"{"alg":"HS256"}"#, r#"{"exp":1516239142,"role":"admin"}"#),
    )
    .await;
    let rows = app
        .get("claims-table")
        .query_selector_all("tbody tr")
        .unwrap();
    assert_eq!(rows.length(), 2);
    assert!(
        rows.item(0)
            .unwrap()
            .text_content()
            .unwrap()
            .contains("in 1 min")
    );

    // And back to JSON.
    choose_in(&app.all("claims-view")[1], "json").await;
    assert!(app.find("claims-table").is_none());
    assert!(
        app.get("payload-json")
            .closest("[hidden]")
            .unwrap()
            .is_none()
    );
    // The header has a table of its own.
    choose_in(&app.all("claims-view")[0], "table").await;
    assert_eq!(
        app.get("claims-table")
            .get_attribute("data-part")
            .as_deref(),
        Some("header")
    );
}

#[wasm_bindgen_test]
async fn icon_buttons_have_names_and_a_long_payload_expands() {
    let members: Vec<String> = (0..40).map(|i| format!("\"c{i}\":{i}")).collect();
    let app = mount(
        &token(r#"{"alg":"HS256"}"#, &format!("{{{}}}", members.join(","))),
        0,
    )
    .await;
    // Copy buttons are icons with a word where two sit together, named for screen readers.
    let copy = app.get("copy-payload-json");
    assert_eq!(
        copy.get_attribute("aria-label").as_deref(),
        Some("Copy JSON of the payload")
    );
    // Its words say what it copies (in the payload's panel: its JSON).
    assert_eq!(copy.text_content().as_deref(), Some("Copy JSON"));
    assert!(copy.query_selector("svg").unwrap().is_some());
    assert_eq!(
        app.get("copy-token").get_attribute("aria-label").as_deref(),
        Some("Copy token")
    );
    // 42 lines: shown 24 rows at first; expanded, all of them; and back.
    let rows = || app.get("payload-json").get_attribute("rows").unwrap();
    assert_eq!(rows(), "24");
    assert!(
        app.find("expand-header").is_none(),
        "a short header needs no expanding"
    );
    let expand = app.get("expand-payload");
    assert_eq!(
        expand.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    app.click("expand-payload").await;
    assert_eq!(rows(), "42");
    assert_eq!(
        app.get("expand-payload")
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
    app.click("expand-payload").await;
    assert_eq!(rows(), "24");
}

#[wasm_bindgen_test]
async fn non_json_payload_is_text_with_a_note() {
    let app = mount(&token(r#"{"alg":"HS256"}"#, "just some bytes"), 0).await;
    assert_eq!(app.value("payload-json"), "just some bytes");
    assert_eq!(
        app.get("payload-json")
            .get_attribute("data-state")
            .as_deref(),
        Some("not-json")
    );
    assert!(app.find("decode-error").is_none());
}

#[wasm_bindgen_test]
async fn alg_none_and_unknown_algorithms_decode() {
    let app = mount(
        &format!(
            "{}.{}.",
            encode(br#"{"alg":"none"}"#),
            encode(br#"{"sub":"x"}"#)
        ),
        0,
    )
    .await;
    assert!(app.value("header-json").contains("\"none\""));
    assert!(app.text("signature-info").contains("unsecured"));
    app.type_into("token-input", &token(r#"{"alg":"XY999"}"#, "{}"))
        .await;
    assert!(app.value("header-json").contains("XY999"));
}

#[wasm_bindgen_test]
async fn a_jwe_shows_its_header_and_names_the_other_parts() {
    let jwe = format!(
        "{}.AAAA.BBBB.CCCC.DDDD",
        encode(br#"{"alg":"RSA-OAEP","enc":"A256GCM"}"#)
    );
    let app = mount(&jwe, 0).await;
    assert!(app.find("decode-error").is_none());
    assert!(app.value("header-json").contains("RSA-OAEP"));
    assert_eq!(
        app.value("payload-json"),
        "encrypted: cannot be read without the key"
    );
    let parts: Vec<String> = app
        .all("token-part")
        .iter()
        .map(|p| p.get_attribute("data-part").unwrap())
        .collect();
    assert_eq!(
        parts,
        ["header", "encrypted-key", "iv", "ciphertext", "tag"]
    );
}

#[wasm_bindgen_test]
async fn timestamps_are_explained_and_the_status_ticks() {
    let app = mount(
        &token(
            r#"{"alg":"HS256"}"#,
            r#"{"sub":"bob","iat":1516239022,"exp":1516239082}"#,
        ),
        1_516_239_040,
    )
    .await;
    let status = app.get("claims-status");
    assert_eq!(status.get_attribute("data-state").as_deref(), Some("valid"));
    assert_eq!(status.text_content().unwrap(), "Valid: expires in 42 s");
    let dates = app.all("claim-date");
    let exp = dates
        .iter()
        .find(|d| d.get_attribute("data-name").as_deref() == Some("exp"))
        .unwrap();
    let exp_text = exp.text_content().unwrap();
    assert!(exp_text.contains("in 42 s"), "{exp_text}");
    assert!(exp_text.contains("2018-01-18 01:31:22 UTC"), "{exp_text}");
    // Local time names its zone; on a UTC clock it is not repeated.
    if jwt_debugger::browser::utc_offset_minutes(1_516_239_082) == 0 {
        assert!(!exp_text.contains("local"), "{exp_text}");
        assert_eq!(exp_text.matches("01:31:22").count(), 1, "{exp_text}");
    } else {
        let zone = jwt_debugger::browser::time_zone_name();
        assert!(exp_text.contains(&zone), "{exp_text}");
    }

    app.set_time(1_516_239_041).await;
    assert_eq!(app.text("claims-status"), "Valid: expires in 41 s");
    app.set_time(1_516_239_082 + 180).await;
    assert_eq!(
        app.get("claims-status")
            .get_attribute("data-state")
            .as_deref(),
        Some("expired")
    );
    assert_eq!(app.text("claims-status"), "Expired 3 min ago");
    // Screen readers hear the change of state, not the countdown: the ticking line is not live,
    // and the live region beside it holds only the state.
    let status = app.get("claims-status");
    assert_eq!(status.get_attribute("aria-live"), None);
    let live = status.next_element_sibling().unwrap();
    assert_eq!(live.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(live.text_content().as_deref(), Some("Token expired"));
}

#[wasm_bindgen_test]
async fn claims_and_header_parameters_explain_themselves() {
    let app = mount(JWT_IO, 0).await;
    // Focusable by a tap or a click, but not each a Tab stop.
    let tips = app
        .root
        .query_selector_all(".term[tabindex='-1'] [role='tooltip']")
        .unwrap();
    // alg, typ, sub, name, iat: all known.
    assert_eq!(tips.length(), 5);
    assert!(
        app.root
            .query_selector(".term[tabindex='0']")
            .unwrap()
            .is_none()
    );
    let first = app
        .root
        .query_selector(".term[tabindex='-1']")
        .unwrap()
        .unwrap();
    assert!(
        first
            .text_content()
            .unwrap()
            .contains("Algorithm used to sign")
    );
}

#[wasm_bindgen_test]
async fn clear_and_example() {
    let app = mount(JWT_IO, 0).await;
    app.click("clear-token").await;
    assert_eq!(app.value("token-input"), "");
    assert!(app.all("token-part").is_empty());
    assert!(app.find("payload-json").is_none());
    app.click("example-token").await;
    assert_eq!(app.value("token-input"), JWT_IO);
    assert!(app.value("payload-json").contains("John Doe"));
}

/// The zone is read from Temporal where the browser has it (at once), else from Intl (which loads
/// the locale's date patterns first): both must name the same zone.
#[wasm_bindgen_test]
fn the_time_zone_is_named_as_intl_names_it() {
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    let intl = js_sys::Reflect::get(&options, &"timeZone".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert!(!intl.is_empty());
    assert_eq!(jwt_debugger::browser::time_zone_name(), intl);
}
