//! Example tokens per algorithm family, signed in the page with public demo keys (labelled as
//! such: everyone has their private halves).

use serde::Serialize;

use crate::jwt::algorithm::{Algorithm, Family};
use crate::jwt::keys::KeyError;

/// The claims of an example token, written in this order; members that are `None` are left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ExampleClaims {
    /// Subject.
    pub sub: &'static str,
    /// The user's full name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'static str>,
    /// A private claim, as in jwt.io's example.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin: Option<bool>,
    /// Issued at.
    pub iat: u64,
    /// Expiration time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exp: Option<u64>,
}

impl ExampleClaims {
    /// The claims as compact JSON.
    pub fn json(&self) -> String {
        // Strings, numbers and booleans always serialise.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The header of an example token.
#[derive(Serialize)]
struct ExampleHeader<'a> {
    alg: &'a str,
    typ: &'static str,
}

/// The claims every example carries.
pub const EXAMPLE_CLAIMS: ExampleClaims = ExampleClaims {
    sub: "1234567890",
    name: Some("John Doe"),
    admin: Some(true),
    iat: 1_516_239_022,
    exp: None,
};

/// The demo key pair for an algorithm: (signing key, verification key). Only builds that sign
/// with them carry the texts: the key engine and the tests; the page asks ([`example_keys`]).
#[cfg(not(feature = "split"))]
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
        (_, Some(crate::jwt::algorithm::Curve::Secp256k1)) => (
            include_str!("../assets/demo-keys/secp256k1.pkcs8.pem"),
            include_str!("../assets/demo-keys/secp256k1.spki.pem"),
        ),
        _ => (
            include_str!("../assets/demo-keys/ed25519.pkcs8.pem"),
            include_str!("../assets/demo-keys/ed25519.spki.pem"),
        ),
    }
}

/// An example's keys: (signing key, verification key).
pub type KeyPair = (String, String);

/// The example keys for `alg`: (signing key, verification key). In the page (`split`) an
/// asymmetric pair comes from the key engine, which keeps the texts (3.4 KB gzip of the page's
/// module otherwise): [`KeyError::Pending`] until its answer is in.
pub fn example_keys(alg: Algorithm) -> Result<KeyPair, KeyError> {
    if alg.family() == Family::Hmac {
        return Ok((DEMO_SECRET.into(), DEMO_SECRET.into()));
    }
    #[cfg(feature = "split")]
    {
        match crate::engine::demo_keys(alg) {
            None => Err(KeyError::Pending),
            Some(pair) => pair.map_err(KeyError::Reported),
        }
    }
    #[cfg(not(feature = "split"))]
    {
        let (signing, verifying) = demo_keys(alg);
        Ok((signing.into(), verifying.into()))
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

    /// The example whose option value is `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::all().into_iter().find(|e| e.id() == id)
    }

    /// The example's header `alg`, its claims, and whether it is signed.
    fn data(self) -> (&'static str, ExampleClaims, Signer) {
        match self {
            Example::Signed(alg) => (alg.name(), EXAMPLE_CLAIMS, Signer::Demo(alg)),
            Example::Tutorial => ("HS256", TUTORIAL_CLAIMS, Signer::Secret("mysecret")),
            Example::Expired => ("HS256", EXPIRED_CLAIMS, Signer::Secret(DEMO_SECRET)),
            Example::AlgNone => ("none", EXAMPLE_CLAIMS, Signer::Unsecured),
        }
    }

    /// (header JSON, pretty-printed; claims JSON, compact; the keys (signing, verification) or
    /// why they are not here yet); no keys for `alg: none`.
    pub fn parts(self) -> (String, String, Option<Result<KeyPair, KeyError>>) {
        let (alg, claims, signer) = self.data();
        let header = ExampleHeader { alg, typ: "JWT" };
        // Two strings always serialise.
        let header = serde_json::to_string_pretty(&header).unwrap_or_default();
        let keys = match signer {
            Signer::Demo(alg) => Some(example_keys(alg)),
            Signer::Secret(secret) => Some(Ok((secret.into(), secret.into()))),
            Signer::Unsecured => None,
        };
        (header, claims.json(), keys)
    }
}

/// What signs an example.
enum Signer {
    /// The algorithm's public demo key pair.
    Demo(Algorithm),
    /// An HMAC secret.
    Secret(&'static str),
    /// Nothing: `alg: none`.
    Unsecured,
}

/// The tutorial's claims (its `exp` long past, as any saved tutorial token's is).
const TUTORIAL_CLAIMS: ExampleClaims = ExampleClaims {
    sub: "bob",
    name: None,
    admin: None,
    iat: 1_700_000_000,
    exp: Some(1_700_000_060),
};
/// Claims that expired a minute after they were issued, in 2018.
const EXPIRED_CLAIMS: ExampleClaims = ExampleClaims {
    sub: "1234567890",
    name: Some("John Doe"),
    admin: None,
    iat: 1_516_239_022,
    exp: Some(1_516_239_082),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_serialise_as_they_were_written() {
        let (header, claims, _) = Example::Signed(Algorithm::RS256).parts();
        assert_eq!(header, "{\n  \"alg\": \"RS256\",\n  \"typ\": \"JWT\"\n}");
        assert_eq!(
            claims,
            r#"{"sub":"1234567890","name":"John Doe","admin":true,"iat":1516239022}"#
        );
        assert_eq!(
            Example::Tutorial.parts().1,
            r#"{"sub":"bob","iat":1700000000,"exp":1700000060}"#
        );
        assert_eq!(
            Example::Expired.parts().1,
            r#"{"sub":"1234567890","name":"John Doe","iat":1516239022,"exp":1516239082}"#
        );
        assert!(Example::AlgNone.parts().0.contains("\"alg\": \"none\""));
    }
}
