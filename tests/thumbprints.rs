//! `x5t` / `x5t#S256` (RFC 7515 §4.1.7–8): a JWKS key is chosen by the header's certificate
//! thumbprint when no `kid` picks one, and a certificate in the key box that is not the one the
//! header names is a finding.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use jwt_debugger::jwt::json;
use jwt_debugger::jwt::keys::{self, KeySet, SecretEncoding, export};
use jwt_debugger::jwt::lint::{self, Offered};
use jwt_debugger::jwt::{base64url, sign, token, verify};

const ROOT: &str = include_str!("vectors/certs/root.pem");

fn set(text: &str) -> KeySet {
    keys::parse(text, SecretEncoding::Utf8).unwrap().unwrap()
}

/// A public JWK of `pem`'s key with `extra` members (and without the `kid` the export adds).
fn jwk(pem: &str, extra: &str) -> String {
    let public = export::jwk(&set(pem).keys()[0].material, false);
    let members: Vec<&str> = public
        .lines()
        .map(|line| line.trim().trim_end_matches(','))
        .filter(|line| line.starts_with('"') && !line.starts_with("\"kid\""))
        .collect();
    format!("{{{extra},{}}}", members.join(","))
}

fn es256(header: &str) -> token::Token {
    let header = json::parse(header).unwrap();
    let input = sign::signing_input(&header, r#"{"sub":"bob"}"#).unwrap();
    let private = set(include_str!("vectors/keys/p256.sec1.pem"));
    token::decode(&sign::sign(&input, &header, &private.keys()[0]).unwrap()).unwrap()
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_jwks_key_is_chosen_by_x5t_s256_without_a_kid_match() {
    let ours = jwk(
        include_str!("vectors/keys/p256.spki.pem"),
        r#""x5t#S256":"T1VSUw""#,
    );
    let other = jwk(
        include_str!("vectors/keys/p384.spki.pem"),
        r#""x5t#S256":"T1RIRVI""#,
    );
    let jwks = Ok(set(&format!(r#"{{"keys":[{other},{ours}]}}"#)));
    let token = es256(r#"{"alg":"ES256","x5t#S256":"T1VSUw"}"#);
    assert_eq!(verify::verify(&token, Some(&jwks)).state(), "verified");
    // Named the other key: that one is tried, and it does not fit ES256.
    let token = es256(r#"{"alg":"ES256","x5t#S256":"T1RIRVI"}"#);
    let verdict = verify::verify(&token, Some(&jwks));
    assert_eq!(verdict.state(), "unverifiable", "{}", verdict.describe());
    // A kid that matches comes first.
    let token = es256(r#"{"alg":"ES256","kid":"k","x5t#S256":"T1RIRVI"}"#);
    let with_kid = Ok(set(&format!(
        r#"{{"keys":[{other},{}]}}"#,
        jwk(include_str!("vectors/keys/p256.spki.pem"), r#""kid":"k""#)
    )));
    assert_eq!(verify::verify(&token, Some(&with_kid)).state(), "verified");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn thumbprints_come_from_a_certificate_or_a_jwks_x5c() {
    let pem = ::pem::parse(ROOT).unwrap();
    let root = set(ROOT);
    let usage = &root.keys()[0].usage;
    let (x5t, x5t_s256) = (usage.x5t.clone().unwrap(), usage.x5t_s256.clone().unwrap());
    assert_eq!(base64url::decode(&x5t_s256).unwrap().len(), 32);
    assert_eq!(base64url::decode(&x5t).unwrap().len(), 20);
    // The same certificate in a JWK's x5c gives the same thumbprints.
    let x5c = base64url::encode_standard(pem.contents());
    let from_jwk = set(&jwk(ROOT, &format!(r#""x5c":["{x5c}"]"#)));
    assert_eq!(
        from_jwk.keys()[0].usage.x5t_s256.as_deref(),
        Some(x5t_s256.as_str())
    );
    assert_eq!(from_jwk.keys()[0].usage.x5t.as_deref(), Some(x5t.as_str()));

    // The header names another certificate than the one pasted: a finding; the same one: none.
    let mismatch = |header: &str| {
        let token =
            token::decode(&format!("{}.e30.AA", base64url::encode(header.as_bytes()))).unwrap();
        let offered = Offered {
            verify: Some(&root),
            sign: None,
        };
        lint::findings(&token, offered, 0)
            .iter()
            .any(|f| f.code == "x5t-mismatch")
    };
    assert!(mismatch(
        r#"{"alg":"ES256","x5t#S256":"c29tZXRoaW5nIGVsc2U"}"#
    ));
    assert!(mismatch(r#"{"alg":"ES256","x5t":"c29tZXRoaW5nIGVsc2U"}"#));
    assert!(!mismatch(&format!(
        r#"{{"alg":"ES256","x5t#S256":"{x5t_s256}"}}"#
    )));
    assert!(!mismatch(&format!(r#"{{"alg":"ES256","x5t":"{x5t}"}}"#)));
    assert!(!mismatch(r#"{"alg":"ES256"}"#));
}
