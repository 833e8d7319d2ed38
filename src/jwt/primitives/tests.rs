use super::*;
use crate::jwt::keys::{self, SecretEncoding};

fn material(text: &str) -> Material {
    let set = keys::parse(text, SecretEncoding::Utf8)
        .expect("a key")
        .expect("the fixture parses");
    set.keys()[0].material.clone()
}

#[test]
fn every_algorithm_but_es512_and_es256k_is_jsonwebtokens_own() {
    for alg in Algorithm::ALL {
        match route(alg) {
            Route::Library(library) => assert_eq!(format!("{library:?}"), alg.name()),
            Route::Direct => assert!(matches!(alg, Algorithm::ES512 | Algorithm::ES256K)),
        }
    }
}

#[test]
fn an_empty_secret_is_refused_not_a_panic() {
    // jsonwebtoken's from_secret refuses an empty secret; HMAC itself would take it.
    let empty = Material::Secret(Vec::new());
    assert!(!verify(Algorithm::HS256, &empty, b"a.b", ""));
    assert_eq!(
        sign(Algorithm::HS256, &empty, b"a.b").unwrap_err(),
        "an empty secret cannot sign: type or paste a secret"
    );
}

#[test]
fn signatures_are_the_tokens_base64url_text() {
    let secret = Material::Secret(b"mysecret".to_vec());
    let signature = sign(Algorithm::HS256, &secret, b"a.b").unwrap();
    assert!(verify(Algorithm::HS256, &secret, b"a.b", &signature));
    // Not base64url, or with padding: no signature at all.
    assert!(!verify(Algorithm::HS256, &secret, b"a.b", "*"));
    assert!(!verify(
        Algorithm::HS256,
        &secret,
        b"a.b",
        &format!("{signature}=")
    ));
}

#[test]
fn pss_needs_room_for_hash_and_salt_and_says_so() {
    let small = material(include_str!(
        "../../../tests/vectors/keys/rsa1024.pkcs1.pem"
    ));
    assert_eq!(pss_minimum_bits(Algorithm::PS384), Some(778));
    let signature = sign(Algorithm::PS384, &small, b"a.b").unwrap();
    assert!(verify(Algorithm::PS384, &small, b"a.b", &signature));
    assert_eq!(
        sign(Algorithm::PS512, &small, b"a.b").unwrap_err(),
        "PS512 needs an RSA key of at least 1034 bits, and this one has 1024"
    );
    assert_eq!(pss_minimum_bits(Algorithm::RS512), None);
}

#[test]
fn a_key_on_another_curve_or_without_its_private_half_cannot_sign() {
    let p384 = material(include_str!("../../../tests/vectors/keys/p384.pkcs8.pem"));
    let p521 = material(include_str!("../../../tests/vectors/keys/p521.spki.pem"));
    assert_eq!(
        sign(Algorithm::ES256, &p384, b"m").unwrap_err(),
        "ES256 needs a key on its own curve"
    );
    assert_eq!(
        sign(Algorithm::ES512, &p384, b"m").unwrap_err(),
        "ES512 needs a key on its own curve"
    );
    assert_eq!(
        sign(Algorithm::ES512, &p521, b"m").unwrap_err(),
        "a public key cannot sign: paste the private key"
    );
    assert_eq!(
        sign(Algorithm::HS256, &p384, b"m").unwrap_err(),
        "this EC P-384 private key cannot sign HS256"
    );
}
