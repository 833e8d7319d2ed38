//! Every finding code: one token that triggers it and one that does not.

// The same tests run natively and, through wasm-bindgen-test, in headless Chromium.
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use jwt_debugger::jwt::base64url::encode;
use jwt_debugger::jwt::keys::{self, KeySet, SecretEncoding};
use jwt_debugger::jwt::lint::{self, Offered};
use jwt_debugger::jwt::token;

const NOW: i64 = 1_700_000_000;
const GOOD_PAYLOAD: &str = r#"{"sub":"bob","iat":1700000000,"exp":1700000060}"#;
const STRONG_SECRET: &str = "Zq3t6w9z$C&F)J@NcRfUjXn2r5u8x/A?";

fn make(header: &str, payload: &str) -> String {
    format!(
        "{}.{}.AAAA",
        encode(header.as_bytes()),
        encode(payload.as_bytes())
    )
}

fn key(text: &str) -> KeySet {
    keys::parse(text, SecretEncoding::Utf8).unwrap().unwrap()
}

fn codes_with(
    token_text: &str,
    verify: Option<&KeySet>,
    sign: Option<&KeySet>,
) -> Vec<&'static str> {
    let token = token::decode(token_text).unwrap();
    lint::findings(&token, Offered { verify, sign }, NOW)
        .into_iter()
        .map(|f| f.code)
        .collect()
}

fn codes(token_text: &str) -> Vec<&'static str> {
    codes_with(token_text, None, None)
}

/// Asserts `code` is raised for `bad` and not for `good`.
fn check(code: &str, bad: Vec<&str>, good: Vec<&str>) {
    assert!(bad.contains(&code), "{code} not raised: {bad:?}");
    assert!(
        !good.contains(&code),
        "{code} raised on the good token: {good:?}"
    );
}

const HS: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_clean_token_has_no_findings() {
    let strong = key(STRONG_SECRET);
    assert_eq!(
        codes_with(&make(HS, GOOD_PAYLOAD), Some(&strong), None),
        Vec::<&str>::new()
    );
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn alg_none() {
    check(
        "alg-none",
        codes(&make(r#"{"alg":"none"}"#, GOOD_PAYLOAD)),
        codes(&make(HS, GOOD_PAYLOAD)),
    );
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn weak_and_common_secrets() {
    let tutorial = key("mysecret");
    let strong = key(STRONG_SECRET);
    let weak_token = signed_with("mysecret");
    let bad = codes_with(&weak_token, Some(&tutorial), None);
    let good = codes_with(&signed_with(STRONG_SECRET), Some(&strong), None);
    check("weak-secret", bad.clone(), good.clone());
    check("common-secret", bad, good);
    // The signing key counts too, and a long but published secret is common, not weak.
    let long = "a-string-secret-at-least-256-bits-long";
    let both = codes_with(&signed_with(long), None, Some(&key(long)));
    assert!(
        both.contains(&"common-secret") && !both.contains(&"weak-secret"),
        "{both:?}"
    );
    // A secret that does not sign the token says nothing about it: no finding for a wrong key.
    let wrong = codes_with(
        &signed_with(STRONG_SECRET),
        Some(&tutorial),
        Some(&tutorial),
    );
    assert!(
        !wrong.contains(&"weak-secret") && !wrong.contains(&"common-secret"),
        "{wrong:?}"
    );
}

/// An HS256 token of the good payload, signed with `secret`.
fn signed_with(secret: &str) -> String {
    let header = jwt_debugger::jwt::json::parse(HS).unwrap();
    let input = jwt_debugger::jwt::sign::signing_input(&header, GOOD_PAYLOAD).unwrap();
    jwt_debugger::jwt::sign::sign(&input, &header, &key(secret).keys()[0]).unwrap()
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn cracking_with_the_list_finds_the_tutorial_secret() {
    let header = jwt_debugger::jwt::json::parse(HS).unwrap();
    let input = jwt_debugger::jwt::sign::signing_input(&header, GOOD_PAYLOAD).unwrap();
    let signed =
        jwt_debugger::jwt::sign::sign(&input, &header, &key("mysecret").keys()[0]).unwrap();
    assert_eq!(
        lint::crack_with_common_secrets(&token::decode(&signed).unwrap()),
        Some("mysecret")
    );
    let strong =
        jwt_debugger::jwt::sign::sign(&input, &header, &key(STRONG_SECRET).keys()[0]).unwrap();
    assert_eq!(
        lint::crack_with_common_secrets(&token::decode(&strong).unwrap()),
        None
    );
    assert!(lint::COMMON_SECRETS.lines().count() >= 300);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn sensitive_claims() {
    check(
        "sensitive-claim",
        codes(&make(
            HS,
            r#"{"sub":"bob","exp":1700000060,"user":{"Password":"hunter2"}}"#,
        )),
        codes(&make(
            HS,
            r#"{"sub":"bob","exp":1700000060,"pinned":true,"cardinal":1}"#,
        )),
    );
    for name in [
        "pwd",
        "api_key",
        "private-key",
        "cvv",
        "ssn",
        "credit_card",
        "client_secret",
    ] {
        let found = codes(&make(HS, &format!(r#"{{"{name}":"x","exp":1700000060}}"#)));
        assert!(found.contains(&"sensitive-claim"), "{name}");
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn lifetimes() {
    check(
        "missing-exp",
        codes(&make(HS, r#"{"sub":"bob"}"#)),
        codes(&make(HS, GOOD_PAYLOAD)),
    );
    check(
        "long-lifetime",
        codes(&make(HS, r#"{"iat":1700000000,"exp":1700086401}"#)),
        codes(&make(HS, r#"{"iat":1700000000,"exp":1700086400}"#)),
    );
    check(
        "iat-in-future",
        codes(&make(HS, r#"{"iat":1700000061,"exp":1700000100}"#)),
        codes(&make(HS, r#"{"iat":1700000060,"exp":1700000100}"#)),
    );
    check(
        "nbf-after-exp",
        codes(&make(HS, r#"{"nbf":1700000100,"exp":1700000060}"#)),
        codes(&make(HS, r#"{"nbf":1700000000,"exp":1700000060}"#)),
    );
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn header_parameters() {
    check(
        "unknown-crit",
        codes(&make(
            r#"{"alg":"HS256","crit":["exp"],"exp":1}"#,
            GOOD_PAYLOAD,
        )),
        codes(&make(
            r#"{"alg":"HS256","crit":["b64"],"b64":true}"#,
            GOOD_PAYLOAD,
        )),
    );
    check(
        "b64-false",
        codes(&make(r#"{"alg":"HS256","b64":false,"crit":["b64"]}"#, "x")),
        codes(&make(r#"{"alg":"HS256","b64":true}"#, GOOD_PAYLOAD)),
    );
    for param in ["jwk", "jku", "x5u", "x5c"] {
        check(
            "embedded-key-header",
            codes(&make(
                &format!(r#"{{"alg":"RS256","{param}":"x"}}"#),
                GOOD_PAYLOAD,
            )),
            codes(&make(r#"{"alg":"RS256","kid":"x"}"#, GOOD_PAYLOAD)),
        );
    }
    for kid in [
        "../../dev/null",
        "x' OR '1'='1",
        "key|ls",
        "a;b",
        "$(id)",
        "/etc/passwd",
    ] {
        let header = format!(r#"{{"alg":"HS256","kid":{kid:?}}}"#);
        check(
            "suspicious-kid",
            codes(&make(&header, GOOD_PAYLOAD)),
            codes(&make(r#"{"alg":"HS256","kid":"2024-key-1"}"#, GOOD_PAYLOAD)),
        );
    }
    check(
        "unexpected-typ",
        codes(&make(r#"{"alg":"HS256","typ":"dpop+jwt"}"#, GOOD_PAYLOAD)),
        codes(&make(r#"{"alg":"HS256","typ":"at+jwt"}"#, GOOD_PAYLOAD)),
    );
    // SD-JWT VC's own type is what a credential should say.
    check(
        "unexpected-typ",
        codes(&make(r#"{"alg":"HS256","typ":"kb+jwt"}"#, GOOD_PAYLOAD)),
        codes(&make(r#"{"alg":"HS256","typ":"dc+sd-jwt"}"#, GOOD_PAYLOAD)),
    );
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn key_confusion_and_small_rsa_keys() {
    let rsa = key(include_str!("vectors/keys/rsa2048.spki.pem"));
    let strong = key(STRONG_SECRET);
    check(
        "key-confusion",
        codes_with(&make(HS, GOOD_PAYLOAD), Some(&rsa), None),
        codes_with(&make(HS, GOOD_PAYLOAD), Some(&strong), None),
    );
    // A 1024-bit key parses (it can still be checked) but gets a finding; 2048 does not.
    let small = key(include_str!("vectors/keys/rsa1024.spki.pem"));
    check(
        "small-rsa-key",
        codes_with(
            &make(r#"{"alg":"RS256"}"#, GOOD_PAYLOAD),
            Some(&small),
            None,
        ),
        codes_with(&make(r#"{"alg":"RS256"}"#, GOOD_PAYLOAD), Some(&rsa), None),
    );
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn duplicates_and_non_jwt_payloads() {
    check(
        "duplicate-json-key",
        codes(&make(r#"{"alg":"HS256","alg":"none"}"#, GOOD_PAYLOAD)),
        codes(&make(HS, GOOD_PAYLOAD)),
    );
    check(
        "duplicate-json-key",
        codes(&make(HS, r#"{"sub":"a","sub":"b","exp":1700000060}"#)),
        codes(&make(HS, GOOD_PAYLOAD)),
    );
    check(
        "not-a-jwt-payload",
        codes(&make(HS, "hello")),
        codes(&make(HS, GOOD_PAYLOAD)),
    );
    check(
        "not-a-jwt-payload",
        codes(&make(HS, "[1,2]")),
        codes(&make(HS, GOOD_PAYLOAD)),
    );
}

/// A payload of many distinct names (as a share link could carry) is linted in one pass: each
/// name is not compared with every other. 60,000 names, a repeat and many sensitive ones; the
/// sentences name a few and count the rest.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_payload_of_many_names_is_linted_whole() {
    let names: Vec<String> = (0..60_000).map(|i| format!("\"password{i}\":1")).collect();
    let payload = format!(
        "{{{},\"password7\":2,\"password9\":3,\"exp\":1700000060}}",
        names.join(",")
    );
    let token = token::decode(&make(HS, &payload)).unwrap();
    let found = lint::findings(&token, Offered::default(), NOW);
    let duplicate = found
        .iter()
        .find(|f| f.code == "duplicate-json-key")
        .unwrap();
    assert!(
        duplicate.meaning.contains("repeats password7, password9:"),
        "{}",
        duplicate.meaning
    );
    let sensitive = found.iter().find(|f| f.code == "sensitive-claim").unwrap();
    assert!(
        sensitive
            .meaning
            .starts_with("The payload has password0, password1,")
    );
    assert!(sensitive.meaning.len() < 300, "{}", sensitive.meaning);
}

/// A five-segment token with this header (the other parts are placeholders: findings read the
/// header and the keys only).
fn jwe(header: &str) -> String {
    format!("{}.AAAA.AAAA.AAAA.AAAA", encode(header.as_bytes()))
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn encrypted_token_findings() {
    check(
        "jwe-rsa1-5",
        codes(&jwe(r#"{"alg":"RSA1_5","enc":"A128GCM"}"#)),
        codes(&jwe(r#"{"alg":"RSA-OAEP-256","enc":"A128GCM"}"#)),
    );
    let pbes2 = |p2c: &str| {
        jwe(&format!(
            r#"{{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2s":"AAAA","p2c":{p2c}}}"#
        ))
    };
    check(
        "pbes2-low-count",
        codes(&pbes2("999")),
        codes(&pbes2("1000")),
    );
    check(
        "pbes2-absurd-count",
        codes(&pbes2("20000000")),
        codes(&pbes2("600000")),
    );
    check(
        "jwe-zip",
        codes(&jwe(r#"{"alg":"A128KW","enc":"A128GCM","zip":"DEF"}"#)),
        codes(&jwe(r#"{"alg":"A128KW","enc":"A128GCM"}"#)),
    );
    let dir = jwe(r#"{"alg":"dir","enc":"A256GCM"}"#);
    let short = keys::parse("00112233445566778899aabbccddeeff", SecretEncoding::Hex)
        .unwrap()
        .unwrap();
    let fitting = keys::parse(&"ab".repeat(32), SecretEncoding::Hex)
        .unwrap()
        .unwrap();
    check(
        "dir-short-key",
        codes_with(&dir, Some(&short), None),
        codes_with(&dir, Some(&fitting), None),
    );
    // A signed token never gets these.
    let jws = codes(&make(r#"{"alg":"HS256","zip":"DEF"}"#, GOOD_PAYLOAD));
    assert!(!jws.contains(&"jwe-zip"), "{jws:?}");
    // The nested token's finding names what the header says.
    let nested = lint::nested_cty_finding(Some("json"));
    assert_eq!(nested.code, "nested-cty");
    assert!(nested.meaning.contains("\"json\""));
}
