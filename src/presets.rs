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

/// The examples menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Example {
    /// The example claims signed with an algorithm's public demo key.
    Signed(crate::jwt::algorithm::Algorithm),
    /// The tutorial's token: HS256 with the secret `mysecret`.
    Tutorial,
    /// A token whose `exp` has passed.
    Expired,
    /// An unsecured token, `alg: none`.
    AlgNone,
}

impl Example {
    /// Every example, in menu order.
    pub fn all() -> Vec<Example> {
        let mut all: Vec<Example> = crate::jwt::algorithm::Algorithm::ALL
            .into_iter()
            .map(Example::Signed)
            .collect();
        all.extend([Example::Tutorial, Example::Expired, Example::AlgNone]);
        all
    }

    /// The option value.
    pub fn id(self) -> String {
        match self {
            Example::Signed(alg) => alg.name().to_string(),
            Example::Tutorial => "tutorial".into(),
            Example::Expired => "expired".into(),
            Example::AlgNone => "alg-none".into(),
        }
    }

    /// The option text.
    pub fn label(self) -> String {
        match self {
            Example::Signed(alg) => format!("{alg} (public demo key)"),
            Example::Tutorial => "Tutorial: HS256, secret mysecret".into(),
            Example::Expired => "Expired token (HS256)".into(),
            Example::AlgNone => "Unsecured: alg none".into(),
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::all().into_iter().find(|e| e.id() == id)
    }

    /// (header JSON, claims JSON, signing key, verification key); no keys for `alg: none`.
    pub fn parts(self) -> (String, &'static str, Option<(&'static str, &'static str)>) {
        let header = |alg: &str| format!("{{\n  \"alg\": \"{alg}\",\n  \"typ\": \"JWT\"\n}}");
        match self {
            Example::Signed(alg) => (header(alg.name()), EXAMPLE_CLAIMS, Some(demo_keys(alg))),
            Example::Tutorial => (
                header("HS256"),
                TUTORIAL_CLAIMS,
                Some(("mysecret", "mysecret")),
            ),
            Example::Expired => (
                header("HS256"),
                EXPIRED_CLAIMS,
                Some((DEMO_SECRET, DEMO_SECRET)),
            ),
            Example::AlgNone => (header("none"), EXAMPLE_CLAIMS, None),
        }
    }
}

/// The tutorial's claims (its `exp` long past, as any saved tutorial token's is).
const TUTORIAL_CLAIMS: &str = r#"{"sub":"bob","iat":1700000000,"exp":1700000060}"#;
/// Claims that expired a minute after they were issued, in 2018.
const EXPIRED_CLAIMS: &str =
    r#"{"sub":"1234567890","name":"John Doe","iat":1516239022,"exp":1516239082}"#;
