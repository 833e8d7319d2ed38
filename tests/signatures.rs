//! Signing and verification through the core, for every algorithm and every key format:
//! round trips, tampering, key confusion, `alg: none`, and property checks with random claims.

// The same tests run natively and, through wasm-bindgen-test, in headless Chromium.
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use jwt_debugger::jwt::algorithm::Algorithm;
use jwt_debugger::jwt::base64url;
use jwt_debugger::jwt::json;
use jwt_debugger::jwt::keys::{self, KeyError, KeySet, SecretEncoding};
use jwt_debugger::jwt::sign;
use jwt_debugger::jwt::token;
use jwt_debugger::jwt::verify::{self, Verdict};

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("vectors/keys/", $name))
    };
}

fn key(text: &str) -> Result<KeySet, KeyError> {
    keys::parse(text, SecretEncoding::Utf8).expect("not empty")
}

/// Signs `payload` with the first key in `private` for `alg`.
fn signed(alg: Algorithm, private: &str, payload: &str) -> String {
    let header = json::parse(&format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#)).unwrap();
    let input = sign::signing_input(&header, payload).unwrap();
    let set = key(private).unwrap();
    sign::sign(&input, &header, &set.keys()[0]).unwrap_or_else(|e| panic!("{alg}: {e}"))
}

fn verdict(token_text: &str, key_text: &str) -> Verdict {
    let token = token::decode(token_text).unwrap();
    verify::verify(&token, Some(&key(key_text)))
}

/// (algorithm, private key in some format, public key in another format)
fn pairs() -> Vec<(Algorithm, &'static str, &'static str)> {
    use Algorithm::*;
    let rsa = [
        (fixture!("rsa2048.pkcs1.pem"), fixture!("rsa2048.spki.pem")),
        (fixture!("rsa2048.pkcs8.pem"), fixture!("rsa2048.cert.pem")),
        (fixture!("ssh_rsa"), fixture!("ssh_rsa.pub")),
        (
            fixture!("rsa2048.pkcs8.pem"),
            fixture!("rsa2048.pkcs1.pub.pem"),
        ),
    ];
    let mut out = vec![
        (
            HS256,
            "a-string-secret-at-least-256-bits-long",
            "a-string-secret-at-least-256-bits-long",
        ),
        (HS384, "mysecret", "mysecret"),
        (HS512, "mysecret", "mysecret"),
        (ES256, fixture!("p256.sec1.pem"), fixture!("p256.spki.pem")),
        (
            ES256,
            fixture!("ssh_ecdsa256"),
            fixture!("ssh_ecdsa256.pub"),
        ),
        (ES384, fixture!("p384.pkcs8.pem"), fixture!("p384.spki.pem")),
        (
            ES384,
            fixture!("ssh_ecdsa384"),
            fixture!("ssh_ecdsa384.pub"),
        ),
        (ES512, fixture!("p521.sec1.pem"), fixture!("p521.spki.pem")),
        (
            ES512,
            fixture!("ssh_ecdsa521"),
            fixture!("ssh_ecdsa521.pub"),
        ),
        (
            EdDSA,
            fixture!("ed25519.pkcs8.pem"),
            fixture!("ed25519.spki.pem"),
        ),
        (EdDSA, fixture!("ssh_ed25519"), fixture!("ssh_ed25519.pub")),
        (
            ES256K,
            fixture!("secp256k1.sec1.pem"),
            fixture!("secp256k1.spki.pem"),
        ),
        (
            ES256K,
            fixture!("secp256k1.pkcs8.pem"),
            fixture!("secp256k1.pub.jwk.json"),
        ),
    ];
    for alg in [RS256, RS384, RS512, PS256, PS384, PS512] {
        for (private, public) in rsa {
            out.push((alg, private, public));
        }
    }
    out
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn every_algorithm_round_trips_with_every_format() {
    for (alg, private, public) in pairs() {
        let token = signed(alg, private, r#"{"sub":"bob","n":3.0}"#);
        assert_eq!(
            verdict(&token, public).state(),
            "verified",
            "{alg} with {}",
            key(public).unwrap().describe()
        );
        // A private key verifies through its public half.
        assert_eq!(
            verdict(&token, private).state(),
            "verified",
            "{alg} with the private key"
        );
        // The payload is exactly what was typed, minified.
        let decoded = token::decode(&token).unwrap();
        assert_eq!(
            decoded.claims().unwrap().minified(),
            r#"{"sub":"bob","n":3.0}"#
        );
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn tampering_is_never_verified() {
    for (alg, private, public) in pairs() {
        let token = signed(alg, private, r#"{"sub":"bob"}"#);
        let payload = base64url::encode(br#"{"sub":"eve"}"#);
        let parts: Vec<&str> = token.split('.').collect();
        let forged = format!("{}.{payload}.{}", parts[0], parts[2]);
        assert_eq!(verdict(&forged, public).state(), "invalid", "{alg}");
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn the_key_decides_the_algorithm() {
    // RS256 token, public key offered as an HS256 secret: the classic key confusion forgery.
    let public_pem = fixture!("rsa2048.spki.pem");
    let header = json::parse(r#"{"alg":"HS256"}"#).unwrap();
    let input = sign::signing_input(&header, r#"{"sub":"admin"}"#).unwrap();
    // Signing with a public key as an HMAC secret is refused too.
    let refused = sign::sign(&input, &header, &key(public_pem).unwrap().keys()[0]);
    assert!(refused.unwrap_err().to_string().contains("key confusion"));
    // Forge it by hand, as an attacker would: HMAC keyed with the PEM text.
    let secret_set = keys::parse("x", SecretEncoding::Utf8).unwrap().unwrap();
    let mut secret_key = secret_set.keys()[0].clone();
    secret_key.material = keys::Material::Secret(public_pem.as_bytes().to_vec());
    let forged = sign::sign(&input, &header, &secret_key).unwrap();
    for format in [
        public_pem,
        fixture!("rsa2048.cert.pem"),
        fixture!("ssh_rsa.pub"),
    ] {
        let v = verdict(&forged, format);
        assert_eq!(v.state(), "unverifiable", "{}", v.describe());
        assert!(v.describe().contains("key confusion"), "{}", v.describe());
    }
    // An ES256 token never verifies with an RSA key or a P-384 key.
    let es = signed(Algorithm::ES256, fixture!("p256.sec1.pem"), "{}");
    assert_eq!(
        verdict(&es, fixture!("rsa2048.spki.pem")).describe(),
        "Cannot verify: ES256 needs an EC key, not this RSA 2048-bit public key"
    );
    assert!(
        verdict(&es, fixture!("p384.spki.pem"))
            .describe()
            .contains("needs a P-256 key")
    );
    // Nor with a secp256k1 key, whose points are as long as P-256's; ES256K not with P-256.
    assert!(
        verdict(&es, fixture!("secp256k1.spki.pem"))
            .describe()
            .contains("needs a P-256 key")
    );
    let es256k = signed(Algorithm::ES256K, fixture!("secp256k1.sec1.pem"), "{}");
    assert!(
        verdict(&es256k, fixture!("p256.spki.pem"))
            .describe()
            .contains("needs a secp256k1 key"),
        "{}",
        verdict(&es256k, fixture!("p256.spki.pem")).describe()
    );
    // A secret cannot verify RS256.
    let rs = signed(Algorithm::RS256, fixture!("rsa2048.pkcs1.pem"), "{}");
    assert_eq!(verdict(&rs, "mysecret").state(), "unverifiable");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn alg_none_is_never_verified() {
    for alg in ["none", "None", "NONE", "nOnE"] {
        let token = format!(
            "{}.{}.",
            base64url::encode(format!(r#"{{"alg":"{alg}"}}"#).as_bytes()),
            base64url::encode(b"{}")
        );
        let v = verdict(&token, "mysecret");
        assert_eq!(v.state(), "unverifiable");
        assert!(v.describe().contains("unsecured"), "{}", v.describe());
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn jwk_usage_is_respected_and_jwks_picks_by_kid() {
    let public = key(fixture!("p256.spki.pem")).unwrap().keys()[0]
        .material
        .clone();
    let jwk = keys::export::jwk(&public, false);
    let token = signed(Algorithm::ES256, fixture!("p256.sec1.pem"), "{}");
    assert_eq!(verdict(&token, &jwk).state(), "verified");
    let restricted = jwk.replacen('{', r#"{"alg":"ES384","#, 1);
    assert!(
        verdict(&token, &restricted)
            .describe()
            .contains("restricted to alg \"ES384\"")
    );
    let enc = jwk.replacen('{', r#"{"use":"enc","#, 1);
    assert!(
        verdict(&token, &enc)
            .describe()
            .contains("not a signature key")
    );
    let ops = jwk.replacen('{', r#"{"key_ops":["sign"],"#, 1);
    assert!(
        verdict(&token, &ops)
            .describe()
            .contains("do not include \"verify\"")
    );

    // JWKS: with a kid only that key; without, every key that fits.
    let other = keys::export::jwk(
        &key(fixture!("ed25519.spki.pem")).unwrap().keys()[0].material,
        false,
    );
    let jwks = format!(r#"{{"keys":[{other},{jwk}]}}"#);
    let v = verdict(&token, &jwks);
    assert_eq!(v.state(), "verified");
    assert!(v.describe().contains("EC P-256"), "{}", v.describe());
    let thumb = keys::export::thumbprint(&public);
    let header = json::parse(&format!(r#"{{"alg":"ES256","kid":"{thumb}"}}"#)).unwrap();
    let input = sign::signing_input(&header, "{}").unwrap();
    let with_kid = sign::sign(
        &input,
        &header,
        &key(fixture!("p256.sec1.pem")).unwrap().keys()[0],
    )
    .unwrap();
    assert_eq!(verdict(&with_kid, &jwks).state(), "verified");
    let header = json::parse(r#"{"alg":"ES256","kid":"nope"}"#).unwrap();
    let input = sign::signing_input(&header, "{}").unwrap();
    let unknown_kid = sign::sign(
        &input,
        &header,
        &key(fixture!("p256.sec1.pem")).unwrap().keys()[0],
    )
    .unwrap();
    assert_eq!(
        verdict(&unknown_kid, &jwks).describe(),
        "Cannot verify: no key in the set has kid \"nope\""
    );
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn another_reading_of_the_secret_is_suggested() {
    let token = signed(Algorithm::HS256, "mysecret", "{}");
    let decoded = token::decode(&token).unwrap();
    // "bXlzZWNyZXQ=" is base64 for "mysecret": read as UTF-8 it fails, as base64 it verifies.
    let as_utf8 = keys::parse("bXlzZWNyZXQ=", SecretEncoding::Utf8);
    assert_eq!(
        verify::verify(&decoded, as_utf8.as_ref()).state(),
        "invalid"
    );
    assert_eq!(
        verify::other_secret_reading(&decoded, "bXlzZWNyZXQ=", SecretEncoding::Utf8),
        Some(SecretEncoding::Base64)
    );
    assert_eq!(
        verify::other_secret_reading(&decoded, "wrong", SecretEncoding::Utf8),
        None
    );
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn crit_and_unknown_algorithms_are_unverifiable() {
    let make = |header: &str| format!("{}.e30.AAAA", base64url::encode(header.as_bytes()));
    assert!(
        verdict(&make(r#"{"alg":"HS256","crit":["exp"]}"#), "k")
            .describe()
            .contains("does not understand")
    );
    assert!(
        verdict(&make(r#"{"alg":"HS256","b64":false}"#), "k")
            .describe()
            .contains("RFC 7797")
    );
    assert!(
        verdict(&make(r#"{"alg":"XS256"}"#), "k")
            .describe()
            .contains("not a JWS algorithm")
    );
    assert!(
        verdict(&make(r#"{"typ":"JWT"}"#), "k")
            .describe()
            .contains("no \"alg\"")
    );
    let jwe = format!(
        "{}.AA.AA.AA.AA",
        base64url::encode(br#"{"alg":"dir","enc":"A128GCM"}"#)
    );
    assert!(verdict(&jwe, "k").describe().contains("encrypted"));
}

/// A small deterministic generator, so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn claims(&mut self) -> String {
        let count = self.below(6);
        let members: Vec<String> = (0..count)
            .map(|i| {
                let value = match self.below(4) {
                    0 => format!("{}", self.next() >> 12),
                    1 => format!("\"s{}\\u00e9\"", self.next() % 1000),
                    2 => "[true,null,-1.5e3]".to_string(),
                    _ => format!("{{\"n\":{}.0}}", self.below(100)),
                };
                format!("\"k{i}\":{value}")
            })
            .collect();
        format!("{{{}}}", members.join(","))
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn property_random_claims_round_trip_and_any_one_character_change_fails() {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let cases = pairs();
    for round in 0..300 {
        let (alg, private, public) = cases[round % cases.len()];
        let claims = rng.claims();
        let token = signed(alg, private, &claims);
        assert_eq!(
            verdict(&token, public).state(),
            "verified",
            "{alg} {claims}"
        );
        assert_eq!(
            token::decode(&token).unwrap().claims().unwrap().minified(),
            claims
        );
        // Change one character anywhere; whatever it becomes, it must not verify.
        let at = rng.below(token.len());
        let mut bytes = token.clone().into_bytes();
        let original = bytes[at];
        let mut replacement = ALPHABET[rng.below(ALPHABET.len())];
        while replacement == original {
            replacement = ALPHABET[rng.below(ALPHABET.len())];
        }
        bytes[at] = replacement;
        let changed = String::from_utf8(bytes).unwrap();
        // Non-canonical base64url is refused, so even a change in a last character's unused
        // bits (same decoded bytes) is not accepted.
        let accepted = token::decode(&changed)
            .is_ok_and(|t| verify::verify(&t, Some(&key(public))).state() == "verified");
        assert!(
            !accepted,
            "{alg}: changing position {at} of {token} to {changed} still verifies"
        );
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn an_empty_secret_is_unverifiable_not_a_wrong_key() {
    let token = token::decode(&signed(Algorithm::HS256, "mysecret", "{}")).unwrap();
    // "=" read as base64, and an `oct` JWK with an empty "k": both are no secret at all.
    for empty in [
        keys::parse("=", SecretEncoding::Base64),
        keys::parse(r#"{"kty":"oct","k":""}"#, SecretEncoding::Utf8),
    ] {
        let verdict = verify::verify(&token, empty.as_ref());
        assert_eq!(verdict.state(), "unverifiable", "{}", verdict.describe());
        assert!(
            verdict.describe().contains("empty"),
            "{}",
            verdict.describe()
        );
    }
}

/// RFC 7797: a header with `"b64": false` signs the payload as written, and the token that comes
/// out decodes to the same claims and verifies; a payload with a '.' cannot be carried.
#[test]
fn an_unencoded_payload_is_signed_as_written() {
    let header = json::parse(r#"{"alg":"HS256","b64":false,"crit":["b64"]}"#).unwrap();
    let input = sign::signing_input(&header, "{ \"sub\": \"bob\", \"n\": 2 }").unwrap();
    assert!(input.ends_with(r#".{"sub":"bob","n":2}"#), "{input}");
    let set = key("a secret of thirty-two bytes ok!").unwrap();
    let compact = sign::sign(&input, &header, &set.keys()[0]).unwrap();
    let decoded = token::decode(&compact).unwrap();
    let sub = decoded.claims().and_then(|claims| claims.get("sub"));
    assert_eq!(sub.and_then(|v| v.as_str()).as_deref(), Some("bob"));
    let secret = "a secret of thirty-two bytes ok!";
    let verified = verdict(&compact, secret);
    assert!(matches!(verified, Verdict::Verified { .. }), "{verified:?}");
    let altered = verdict(&compact.replace("bob", "eve"), secret);
    assert!(matches!(altered, Verdict::Invalid { .. }), "{altered:?}");

    // Without "b64" in "crit" a recipient would read the payload as base64url: refused, as
    // verifying refuses such a token.
    let uncritical = json::parse(r#"{"alg":"HS256","b64":false}"#).unwrap();
    let error = sign::signing_input(&uncritical, r#"{"sub":"bob"}"#).unwrap_err();
    assert_eq!(error, sign::SignError::UnencodedNotCritical);
    assert_eq!(error.part(), Some("header"));

    let dotted = sign::signing_input(&header, r#"{"iss":"https://example.com"}"#).unwrap_err();
    assert_eq!(dotted, sign::SignError::UnencodedDot);
    assert_eq!(dotted.part(), Some("payload"));
    assert!(dotted.to_string().contains("RFC 7797"));
}
