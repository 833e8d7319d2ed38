//! Example tokens per algorithm family, signed in the page with public demo keys (labelled as
//! such: everyone has their private halves).

use crate::jwt::algorithm::{Algorithm, Family};

/// The claims every example carries.
pub const EXAMPLE_CLAIMS: &str =
    r#"{"sub":"1234567890","name":"John Doe","admin":true,"iat":1516239022}"#;

/// The demo key pair for an algorithm: (signing key, verification key).
pub fn demo_keys(alg: Algorithm) -> (&'static str, &'static str) {
    match (alg.family(), alg.curve()) {
        (Family::Hmac, _) => (DEMO_SECRET, DEMO_SECRET),
        (Family::Rsa | Family::RsaPss, _) => (
            include_str!("../assets/demo-keys/rsa2048.pkcs8.pem"),
            include_str!("../assets/demo-keys/rsa2048.spki.pem"),
        ),
        (_, Some(crate::jwt::algorithm::Curve::P256)) => (
            include_str!("../assets/demo-keys/p256.pkcs8.pem"),
            include_str!("../assets/demo-keys/p256.spki.pem"),
        ),
        (_, Some(crate::jwt::algorithm::Curve::P384)) => (
            include_str!("../assets/demo-keys/p384.pkcs8.pem"),
            include_str!("../assets/demo-keys/p384.spki.pem"),
        ),
        (_, Some(crate::jwt::algorithm::Curve::P521)) => (
            include_str!("../assets/demo-keys/p521.pkcs8.pem"),
            include_str!("../assets/demo-keys/p521.spki.pem"),
        ),
        _ => (
            include_str!("../assets/demo-keys/ed25519.pkcs8.pem"),
            include_str!("../assets/demo-keys/ed25519.spki.pem"),
        ),
    }
}

/// The demo HMAC secret: 256 bits of text, long enough for HS256 (RFC 7518 §3.2).
pub const DEMO_SECRET: &str = "a-string-secret-at-least-256-bits-long";
