//! Conformance: test data nobody here wrote, run against the core — Project Wycheproof's JWS
//! cases, the JOSE cookbook (RFC 7520, RFC 8037, RFC 7797) and RFC 7515 Appendix A. Sources and
//! licences: tests/vectors/*/README.md. The files are read with `include_str!`, so the same tests
//! run natively and, through wasm-bindgen-test, in headless Chromium.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use jwt_debugger::jwt::json::{self, Value};
use jwt_debugger::jwt::keys::{self, SecretEncoding};
use jwt_debugger::jwt::{base64url, detached, sign, token, verify};

const WYCHEPROOF: &str = include_str!("vectors/wycheproof/json_web_signature_test.json");

const COOKBOOK: &[(&str, &str)] = &[
    (
        "RFC 7520 §4.1 RS256",
        include_str!("vectors/jose-cookbook/jws_4_1.rsa_v15_signature.json"),
    ),
    (
        "RFC 7520 §4.2 PS384",
        include_str!("vectors/jose-cookbook/jws_4_2.rsa-pss_signature.json"),
    ),
    (
        "RFC 7520 §4.3 ES512",
        include_str!("vectors/jose-cookbook/jws_4_3.ecdsa_signature.json"),
    ),
    (
        "RFC 7520 §4.4 HS256",
        include_str!("vectors/jose-cookbook/jws_4_4.hmac-sha2_integrity_protection.json"),
    ),
    (
        "RFC 8037 Ed25519",
        include_str!("vectors/jose-cookbook/curve25519_jws.json"),
    ),
];

const RFC7797: &str = include_str!("vectors/jose-cookbook/rfc7797_4.2.hmac-sha2_b64_false.json");

const RFC7515: &str = include_str!("vectors/rfc7515/appendix_a.json");

const SECP256K1: &str = include_str!("vectors/wycheproof/ecdsa_secp256k1_sha256_p1363_test.json");

/// The algorithms a Wycheproof group's key may name for the group to run: the project's JWS
/// algorithms, and "ES521", the name Wycheproof's RFC 7520 keys give ES512 (read as ES512).
const SUPPORTED: &[&str] = &[
    "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256",
    "ES384", "ES512", "ES521", "EdDSA", "ES256K",
];

/// Wycheproof cases whose upstream label is wrong, with the reason. They are not compared with
/// the label: the test asserts the opposite of it, which is what each reason says the project
/// does, and checks the fact each reason rests on (`mislabel_fact`), so the list can hide
/// neither a regression nor a stale reason.
const MISLABELLED: &[(u32, &str)] = &[
    (
        346,
        "the key's JWK says alg PS256 and the header PS384, labelled valid: the key decides (RFC 8725 §3.1), so it is not accepted",
    ),
    (
        350,
        "the key's JWK says alg PS256 and the header PS384, labelled valid: the key decides (RFC 8725 §3.1), so it is not accepted",
    ),
    (
        367,
        "byte-identical to tc357, which is labelled valid, yet labelled invalid: it is accepted",
    ),
    (
        370,
        "byte-identical to tc357, which is labelled valid, yet labelled invalid: it is accepted",
    ),
    (
        372,
        "contains '?', which is not base64url, yet labelled valid: it is not accepted",
    ),
    (
        373,
        "contains '?', which is not base64url, yet labelled valid: it is not accepted",
    ),
];

// Reading the vector files: they are vendored and fixed, so a missing field is a broken test and
// a panic naming it is the right failure.

fn parse(text: &str, what: &str) -> Value {
    json::parse(text).unwrap_or_else(|error| panic!("{what} is not JSON: {error}"))
}

fn field<'a>(value: &'a Value, name: &str) -> &'a Value {
    value
        .get(name)
        .unwrap_or_else(|| panic!("no \"{name}\" field"))
}

fn string(value: &Value, name: &str) -> String {
    field(value, name)
        .as_str()
        .unwrap_or_else(|| panic!("\"{name}\" is not a string"))
}

fn array<'a>(value: &'a Value, name: &str) -> &'a [Value] {
    match field(value, name) {
        Value::Array(items) => items,
        _ => panic!("\"{name}\" is not an array"),
    }
}

fn number(value: &Value, name: &str) -> u32 {
    let n = field(value, name)
        .as_f64()
        .unwrap_or_else(|| panic!("\"{name}\" is not a number"));
    assert!(n >= 0.0 && n.fract() == 0.0, "\"{name}\" is {n}");
    n as u32
}

/// What the project makes of a token checked with a JWK: the verdict's state word and sentence,
/// or, for a token that does not decode (never accepted), "does not decode" and why.
struct Outcome {
    state: &'static str,
    text: String,
}

impl Outcome {
    fn accepted(&self) -> bool {
        self.state == "verified"
    }
}

/// Decodes `jws` and verifies it with the key in `jwk` (JSON text), as the key box would.
fn check(jws: &str, jwk: &str) -> Outcome {
    let token = match token::decode(jws) {
        Ok(token) => token,
        Err(error) => {
            return Outcome {
                state: "does not decode",
                text: error.to_string(),
            };
        }
    };
    let keys = keys::parse(jwk, SecretEncoding::Utf8);
    let verdict = verify::verify(&token, keys.as_ref());
    Outcome {
        state: verdict.state(),
        text: verdict.describe(),
    }
}

/// `compact` with the signature character at `at` (counted within the signature) changed: an
/// 'A' becomes 'B', anything else 'A'.
fn signature_char_changed(compact: &str, at: usize) -> String {
    let start = compact.rfind('.').expect("a compact JWS has dots") + 1;
    let i = start + at;
    let new = if compact.as_bytes()[i] == b'A' {
        'B'
    } else {
        'A'
    };
    format!("{}{new}{}", &compact[..i], &compact[i + 1..])
}

/// Asserts that `compact` verifies with `jwk` and that it no longer does with one signature
/// character changed: the last one (often a non-canonical base64url ending, refused by the
/// decoder) and one in the middle (still canonical, so the key itself must say "invalid").
fn assert_verifies_but_not_tampered(name: &str, compact: &str, jwk: &str) {
    let outcome = check(compact, jwk);
    assert_eq!(outcome.state, "verified", "{name}: {}", outcome.text);
    let length = compact.len() - compact.rfind('.').expect("a compact JWS has dots") - 1;
    let last = check(&signature_char_changed(compact, length - 1), jwk);
    assert!(
        !last.accepted(),
        "{name}: last signature character changed, yet {}",
        last.text
    );
    let middle = check(&signature_char_changed(compact, length / 2), jwk);
    assert_eq!(
        middle.state, "invalid",
        "{name}: middle signature character changed: {}",
        middle.text
    );
}

/// The case with tcId `id` in the Wycheproof file.
fn wycheproof_case(groups: &[Value], id: u32) -> &Value {
    groups
        .iter()
        .flat_map(|group| array(group, "tests"))
        .find(|case| number(case, "tcId") == id)
        .unwrap_or_else(|| panic!("no tcId {id}"))
}

/// Checks the fact a `MISLABELLED` reason rests on for case `id`.
fn mislabel_fact(id: u32, jws: &str, key: &Value, tc357: &str) -> Result<(), String> {
    match id {
        346 | 350 => {
            let header = token::decode(jws).ok().and_then(|token| token.alg());
            let key = key.get("alg").and_then(Value::as_str);
            if header.as_deref() == Some("PS384") && key.as_deref() == Some("PS256") {
                Ok(())
            } else {
                Err(format!("the header's alg is {header:?}, the key's {key:?}"))
            }
        }
        367 | 370 if jws == tc357 => Ok(()),
        367 | 370 => Err("the token differs from tc357's".into()),
        372 | 373 if jws.contains('?') => Ok(()),
        372 | 373 => Err("the token contains no '?'".into()),
        _ => Err("mislabel_fact has no check for this case".into()),
    }
}

/// Project Wycheproof: every case, decoded and verified with its group's private JWK (used
/// through its public half; its "alg", "use" and "key_ops" are enforced, as intended), accepted
/// exactly when labelled valid, apart from the `MISLABELLED` cases.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn wycheproof_json_web_signatures() {
    let file = parse(WYCHEPROOF, "the Wycheproof file");
    let groups = array(&file, "testGroups");
    let in_file: usize = groups.iter().map(|group| array(group, "tests").len()).sum();
    assert_eq!(
        in_file,
        number(&file, "numberOfTests") as usize,
        "cases counted against the file's numberOfTests"
    );
    let tc357 = string(wycheproof_case(groups, 357), "jws");

    let (mut run, mut skipped) = (0, 0);
    let mut mislabelled = Vec::new();
    let mut failures = Vec::new();
    for group in groups {
        let key = field(group, "private");
        let cases = array(group, "tests");
        // A key without "alg" leaves the choice to the token, so its group runs.
        if let Some(alg) = key.get("alg").and_then(Value::as_str)
            && !SUPPORTED.contains(&alg.as_str())
        {
            println!(
                "skipped the \"{}\" group ({} cases): its key is for {alg}, not a supported JWS algorithm",
                string(group, "comment"),
                cases.len()
            );
            skipped += cases.len();
            continue;
        }
        let jwk = key.minified();
        for case in cases {
            run += 1;
            let id = number(case, "tcId");
            let jws = string(case, "jws");
            let labelled_valid = string(case, "result") == "valid";
            let outcome = check(&jws, &jwk);
            let problem = match MISLABELLED.iter().find(|(tc, _)| *tc == id) {
                None if outcome.accepted() != labelled_valid => Some(format!(
                    "labelled {}",
                    if labelled_valid { "valid" } else { "invalid" }
                )),
                None => None,
                Some((_, reason)) => {
                    mislabelled.push(id);
                    if let Err(why) = mislabel_fact(id, &jws, key, &tc357) {
                        Some(format!("listed as mislabelled ({reason}), but {why}"))
                    } else if outcome.accepted() == labelled_valid {
                        Some(format!(
                            "listed as mislabelled ({reason}), yet the verdict now agrees with the label"
                        ))
                    } else {
                        None
                    }
                }
            };
            if let Some(problem) = problem {
                failures.push(format!(
                    "tcId {id} ({}): {problem}; got {}: {}",
                    string(case, "comment"),
                    outcome.state,
                    outcome.text
                ));
            }
        }
    }
    for (id, _) in MISLABELLED
        .iter()
        .filter(|(id, _)| !mislabelled.contains(id))
    {
        failures.push(format!(
            "tcId {id} is listed in MISLABELLED but not in the file"
        ));
    }
    println!(
        "Wycheproof: {run} of {in_file} cases run ({} of them listed as mislabelled), {skipped} skipped",
        mislabelled.len()
    );
    assert_eq!(skipped, 0, "no group is for an unsupported algorithm");
    assert_eq!(run, in_file - skipped, "every case in the file ran");
    assert!(
        failures.is_empty(),
        "{} problems over {run} cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The JOSE cookbook's compact examples: each verifies with its key, and no longer does with a
/// signature character changed.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn jose_cookbook_examples() {
    for (name, file) in COOKBOOK {
        let example = parse(file, name);
        let input = field(&example, "input");
        let jwk = field(input, "key").minified();
        let compact = string(field(&example, "output"), "compact");
        let alg = token::decode(&compact).ok().and_then(|token| token.alg());
        assert_eq!(alg, Some(string(input, "alg")), "{name}: the header's alg");
        assert_verifies_but_not_tampered(name, &compact, &jwk);
    }
    println!("JOSE cookbook: {} compact examples run", COOKBOOK.len());
}

/// RFC 7797 §4.2 (`b64: false`) from the cookbook. The file is "JSON only", with no compact
/// form: its payload "$.02" contains a '.', so its compact form can only be detached (RFC 7797
/// §5.2), with an empty payload segment. Its header leaves "b64" out of "crit", which RFC 7797
/// §6 requires, so it is "unverifiable", alone or with its payload; under a header that lists
/// it, the payload given beside the detached token is checked (and the token alone is
/// "unverifiable", saying "detached"). Were the payload '.'-free, the attached form would be
/// rebuilt and would have to verify.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn rfc7797_unencoded_payload() {
    let example = parse(RFC7797, "the RFC 7797 example");
    let input = field(&example, "input");
    let jwk = field(input, "key").minified();
    let payload = string(input, "payload");
    let signing = field(&example, "signing");
    let compact = match field(&example, "output").get("compact") {
        Some(compact) => compact.as_str().expect("a compact string"),
        None => format!(
            "{}..{}",
            string(signing, "protected_b64u"),
            string(signing, "sig")
        ),
    };
    let segments: Vec<&str> = compact.split('.').collect();
    let detached = segments.len() == 3 && segments[1].is_empty();
    let outcome = if detached && !payload.contains('.') {
        let attached = format!("{}.{payload}.{}", segments[0], segments[2]);
        let outcome = check(&attached, &jwk);
        assert_eq!(outcome.state, "verified", "attached: {}", outcome.text);
        outcome
    } else {
        // This header leaves "b64" out of "crit", which RFC 7797 §6 requires: not checked,
        // alone or with the payload given beside it as the page's payload box gives it.
        let outcome = check(&compact, &jwk);
        assert_eq!(outcome.state, "unverifiable", "{}", outcome.text);
        assert!(outcome.text.contains("crit"), "{}", outcome.text);
        let keys = keys::parse(&jwk, SecretEncoding::Utf8);
        let detached_token = token::decode(&compact).expect("the detached token decodes");
        let attached = detached::attach(&detached_token, &payload);
        let verdict = verify::verify(&attached, keys.as_ref());
        assert_eq!(verdict.state(), "unverifiable");
        assert!(
            verdict.describe().contains("crit"),
            "{}",
            verdict.describe()
        );
        outcome
    };
    assert!(matches!(outcome.state, "verified" | "unverifiable"));

    // Not conformance data but a round trip: the attached form, signed here with RFC 7797's
    // protected header (which, unlike the cookbook's encoded one, has the "crit" that RFC 7797
    // §6 requires) over the '.'-free payload "$02", verifies; another payload does not.
    let protected = base64url::encode(br#"{"alg":"HS256","b64":false,"crit":["b64"]}"#);
    let header = token::decode(&format!("{protected}.e30."))
        .expect("the header decodes")
        .header;
    let set = keys::parse(&jwk, SecretEncoding::Utf8)
        .expect("a key")
        .expect("the cookbook's key parses");
    let attached =
        sign::sign(&format!("{protected}.$02"), &header, &set.keys()[0]).expect("HS256 signs");
    assert_eq!(check(&attached, &jwk).state, "verified");
    assert_eq!(
        check(&attached.replace(".$02.", ".$03."), &jwk).state,
        "invalid"
    );
    // And the cookbook's payload "$.02" under that header, detached: checked over the payload
    // given beside it.
    let signed =
        sign::sign(&format!("{protected}.$.02"), &header, &set.keys()[0]).expect("HS256 signs");
    let signature = signed.rsplit('.').next().expect("a signature");
    let detached_token =
        token::decode(&format!("{protected}..{signature}")).expect("the detached form decodes");
    let alone = verify::verify(
        &detached_token,
        Some(&keys::parse(&jwk, SecretEncoding::Utf8).expect("a key")),
    );
    assert!(
        alone.describe().contains("detached"),
        "{}",
        alone.describe()
    );
    for (given, state) in [("$.02", "verified"), ("$.03", "invalid")] {
        let verdict = verify::verify(
            &detached::attach(&detached_token, given),
            Some(&keys::parse(&jwk, SecretEncoding::Utf8).expect("a key")),
        );
        assert_eq!(verdict.state(), state, "{given}: {}", verdict.describe());
    }
}

/// RFC 7515 Appendix A.1 (HS256), A.2 (RS256), A.3 (ES256) and A.4 (ES512): each verifies with
/// the RFC's JWK (a private one through its public half), and not with a signature character
/// changed.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn rfc7515_appendix_a() {
    let Value::Array(examples) = parse(RFC7515, "the RFC 7515 examples") else {
        panic!("the RFC 7515 examples are not an array")
    };
    let sections: Vec<String> = examples.iter().map(|e| string(e, "section")).collect();
    assert_eq!(sections, ["A.1", "A.2", "A.3", "A.4"]);
    for example in &examples {
        let name = format!("RFC 7515 {}", string(example, "section"));
        let jwk = field(example, "jwk").minified();
        let compact = string(example, "compact");
        let alg = token::decode(&compact).ok().and_then(|token| token.alg());
        assert_eq!(
            alg,
            Some(string(example, "alg")),
            "{name}: the header's alg"
        );
        assert_verifies_but_not_tampered(&name, &compact, &jwk);
    }
    println!("RFC 7515: {} Appendix A examples run", examples.len());
}

fn hex(text: &str) -> Vec<u8> {
    assert!(text.len().is_multiple_of(2), "odd hex length: {text}");
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex"))
        .collect()
}

/// Wycheproof's secp256k1 ECDSA cases in P1363 (`r || s`, the JWS form) as ES256K (RFC 8812):
/// every one of the 252 agrees with its label, the key read from the group's PEM and, where the
/// group has one, from its JWK. High-S signatures are labelled valid there and verify here.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn wycheproof_secp256k1_es256k() {
    use jwt_debugger::jwt::algorithm::Algorithm;
    use jwt_debugger::jwt::primitives;
    let file = parse(SECP256K1, "the secp256k1 cases");
    let (mut valid, mut invalid) = (0, 0);
    for group in array(&file, "testGroups") {
        // Nine groups (edge-case keys) come without a JWK; every group has its PEM.
        let jwk = group.get("publicKeyJwk").map(Value::minified);
        let pem = string(group, "publicKeyPem");
        let mut materials = Vec::new();
        for text in jwk.iter().chain([&pem]) {
            let set = keys::parse(text, SecretEncoding::Utf8)
                .expect("a key")
                .unwrap_or_else(|e| panic!("the group's key does not parse: {e}\n{text}"));
            let material = set.keys()[0].material.clone();
            assert_eq!(
                jwt_debugger::jwt::keys::export::public_pem(&material).as_deref(),
                Some(pem.as_str()),
                "{text}"
            );
            materials.push(material);
        }
        for case in array(group, "tests") {
            let id = number(case, "tcId");
            let message = hex(&string(case, "msg"));
            let signature = base64url::encode(&hex(&string(case, "sig")));
            let expected = match string(case, "result").as_str() {
                "valid" => true,
                "invalid" => false,
                other => panic!("tc{id}: result {other}"),
            };
            for material in &materials {
                assert_eq!(
                    primitives::verify(Algorithm::ES256K, material, &message, &signature),
                    expected,
                    "tc{id} ({})",
                    string(case, "comment")
                );
            }
            if expected { valid += 1 } else { invalid += 1 }
        }
    }
    assert_eq!((valid, invalid), (167, 85));
}
