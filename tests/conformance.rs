//! Test data no one here wrote, run against the core: Project Wycheproof's JWS cases, the JOSE
//! cookbook (RFC 7520, RFC 8037, RFC 7797) and RFC 7515 Appendix A. See tests/vectors/*/README.md.

// The same tests run natively and, through wasm-bindgen-test, in headless Chromium.
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use jwt_debugger::jwt::json::{self, Value};
use jwt_debugger::jwt::keys::{self, SecretEncoding};
use jwt_debugger::jwt::{token, verify};

const WYCHEPROOF: &str = include_str!("vectors/wycheproof/json_web_signature_test.json");

/// Wycheproof cases whose upstream label contradicts the specifications, with the reason and
/// the verdict this project gives instead (checked, so the list cannot hide a regression).
const MISLABELLED: &[(u64, &str, bool)] = &[
    (
        346,
        "the key's JWK says alg PS256 and the header PS384: the key decides (RFC 8725 §3.1), so it is refused",
        false,
    ),
    (
        350,
        "the key's JWK says alg PS256 and the header PS384: the key decides (RFC 8725 §3.1), so it is refused",
        false,
    ),
    (
        367,
        "byte-identical to the valid case 357, yet labelled invalid",
        true,
    ),
    (
        370,
        "byte-identical to the valid case 357, yet labelled invalid",
        true,
    ),
    (
        372,
        "contains '?', which is not base64url, yet labelled valid",
        false,
    ),
    (
        373,
        "contains '?', which is not base64url, yet labelled valid",
        false,
    ),
];

/// Whether `jws` verifies with the JWK `key` (JSON text).
fn accepted(jws: &str, key: &str) -> (bool, String) {
    let Ok(token) = token::decode(jws) else {
        return (false, "does not decode".into());
    };
    let keys = keys::parse(key, SecretEncoding::Utf8);
    let verdict = verify::verify(&token, keys.as_ref());
    (verdict.state() == "verified", verdict.describe())
}

fn text(value: &Value, name: &str) -> String {
    value
        .get(name)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("missing {name}"))
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn wycheproof_json_web_signatures() {
    let file = json::parse(WYCHEPROOF).unwrap();
    let Some(Value::Array(groups)) = file.get("testGroups") else {
        panic!("no testGroups")
    };
    let declared = file.get("numberOfTests").and_then(Value::as_f64).unwrap() as usize;
    let mut run = 0;
    let mut failures = Vec::new();
    for group in groups {
        let key = group
            .get("private")
            .or_else(|| group.get("public"))
            .expect("a key")
            .minified();
        let Some(Value::Array(tests)) = group.get("tests") else {
            panic!("no tests")
        };
        for case in tests {
            run += 1;
            let id = case.get("tcId").and_then(Value::as_f64).unwrap() as u64;
            let expected = text(case, "result") == "valid";
            let (got, verdict) = accepted(&text(case, "jws"), &key);
            let expected = match MISLABELLED.iter().find(|(tc, _, _)| *tc == id) {
                Some((_, _, ours)) => *ours,
                None => expected,
            };
            if got != expected {
                failures.push(format!(
                    "tcId {id} ({}): expected accepted={expected}, got {verdict}",
                    text(case, "comment")
                ));
            }
        }
    }
    assert_eq!(run, declared, "every case in the file ran");
    assert!(
        failures.is_empty(),
        "{} of {run} cases disagree:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The JOSE cookbook's compact examples: each verifies, and a changed signature does not.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn jose_cookbook_examples() {
    let files = [
        include_str!("vectors/jose-cookbook/jws_4_1.rsa_v15_signature.json"),
        include_str!("vectors/jose-cookbook/jws_4_2.rsa-pss_signature.json"),
        include_str!("vectors/jose-cookbook/jws_4_3.ecdsa_signature.json"),
        include_str!("vectors/jose-cookbook/jws_4_4.hmac-sha2_integrity_protection.json"),
        include_str!("vectors/jose-cookbook/curve25519_jws.json"),
    ];
    for file in files {
        let example = json::parse(file).unwrap();
        let input = example.get("input").unwrap();
        let key = input.get("key").unwrap().minified();
        let compact = text(example.get("output").unwrap(), "compact");
        let (ok, verdict) = accepted(&compact, &key);
        assert!(ok, "{}: {verdict}", text(&example, "title"));
        let last = compact.chars().last().unwrap();
        let tampered = format!(
            "{}{}",
            &compact[..compact.len() - 1],
            if last == 'A' { 'B' } else { 'A' }
        );
        assert!(
            !accepted(&tampered, &key).0,
            "{}: tampered signature accepted",
            text(&example, "title")
        );
    }
}

/// RFC 7797 `b64: false`: the cookbook's payload "$.02" contains a '.', so its compact form can
/// only be detached, and a detached payload is unverifiable here (the payload is not in the
/// token). The attached form of a '.'-free payload is implemented and verifies.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn rfc7797_unencoded_payload() {
    let example = json::parse(include_str!(
        "vectors/jose-cookbook/rfc7797_4.2.hmac-sha2_b64_false.json"
    ))
    .unwrap();
    let key = example.get("input").unwrap().get("key").unwrap().minified();
    let signing = example.get("signing").unwrap();
    let detached = format!(
        "{}..{}",
        text(signing, "protected_b64u"),
        text(signing, "sig")
    );
    let token = token::decode(&detached).unwrap();
    let verdict = verify::verify(&token, keys::parse(&key, SecretEncoding::Utf8).as_ref());
    assert_eq!(verdict.state(), "unverifiable", "{}", verdict.describe());
    assert!(
        verdict.describe().contains("detached"),
        "{}",
        verdict.describe()
    );

    // The attached form, signed here with the RFC's protected header (plus the "crit" that
    // RFC 7797 §6 requires and the cookbook's encoded header lacks) over the payload "$02".
    let protected =
        jwt_debugger::jwt::base64url::encode(br#"{"alg":"HS256","b64":false,"crit":["b64"]}"#);
    let header = token::decode(&format!("{protected}.e30.")).unwrap().header;
    let set = keys::parse(&key, SecretEncoding::Utf8).unwrap().unwrap();
    let input = format!("{protected}.$02");
    let attached = jwt_debugger::jwt::sign::sign(&input, &header, &set.keys()[0]).unwrap();
    assert!(accepted(&attached, &key).0);
    assert!(!accepted(&attached.replace(".$02.", ".$03."), &key).0);
}

/// RFC 7515 Appendix A examples (A.1 HS256, A.3 ES256): each verifies, a changed payload does not.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn rfc7515_appendix_a() {
    let Value::Array(examples) =
        json::parse(include_str!("vectors/rfc7515/appendix_a.json")).unwrap()
    else {
        panic!("not an array")
    };
    assert!(!examples.is_empty());
    for example in &examples {
        let key = example.get("jwk").unwrap().minified();
        let compact = text(example, "compact");
        let (ok, verdict) = accepted(&compact, &key);
        assert!(ok, "RFC 7515 {}: {verdict}", text(example, "section"));
        let tampered = compact.replacen(".eyJpc3MiOiJqb2", ".eyJpc3MiOiJqb3", 1);
        assert!(
            !accepted(&tampered, &key).0,
            "RFC 7515 {}: tampered accepted",
            text(example, "section")
        );
    }
}
