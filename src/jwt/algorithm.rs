//! Every JWS algorithm this tool signs and verifies, its family, and what key fits it.

use std::fmt;

/// The key families of RFC 7518 §3, as a verifier must tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Hmac,
    Rsa,
    RsaPss,
    Ec,
    Ed,
}

/// A JWS `alg` value (RFC 7518 §3.1, RFC 8037 §3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Algorithm {
    HS256,
    HS384,
    HS512,
    RS256,
    RS384,
    RS512,
    PS256,
    PS384,
    PS512,
    ES256,
    ES384,
    ES512,
    EdDSA,
    /// ECDSA on secp256k1 with SHA-256 (RFC 8812 §3.1).
    ES256K,
}

/// The elliptic curves ECDSA keys live on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Curve {
    P256,
    P384,
    P521,
    /// secp256k1 (RFC 8812 §3.1), for ES256K only.
    Secp256k1,
}

impl Curve {
    /// The JWK `crv` name.
    pub fn name(self) -> &'static str {
        match self {
            Curve::P256 => "P-256",
            Curve::P384 => "P-384",
            Curve::P521 => "P-521",
            Curve::Secp256k1 => "secp256k1",
        }
    }

    /// The curve from a JWK `crv` name.
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "P-256" => Curve::P256,
            "P-384" => Curve::P384,
            "P-521" => Curve::P521,
            "secp256k1" => Curve::Secp256k1,
            _ => return None,
        })
    }

    /// Bytes in one coordinate or in the private scalar.
    pub fn field_bytes(self) -> usize {
        match self {
            Curve::P256 | Curve::Secp256k1 => 32,
            Curve::P384 => 48,
            Curve::P521 => 66,
        }
    }

    /// The one algorithm that signs with this curve (RFC 7518 §3.4).
    pub fn algorithm(self) -> Algorithm {
        match self {
            Curve::P256 => Algorithm::ES256,
            Curve::P384 => Algorithm::ES384,
            Curve::P521 => Algorithm::ES512,
            Curve::Secp256k1 => Algorithm::ES256K,
        }
    }
}

impl Algorithm {
    /// All of them, in the order the algorithm menu lists them.
    pub const ALL: [Algorithm; 14] = [
        Algorithm::HS256,
        Algorithm::HS384,
        Algorithm::HS512,
        Algorithm::RS256,
        Algorithm::RS384,
        Algorithm::RS512,
        Algorithm::PS256,
        Algorithm::PS384,
        Algorithm::PS512,
        Algorithm::ES256,
        Algorithm::ES384,
        Algorithm::ES512,
        Algorithm::ES256K,
        Algorithm::EdDSA,
    ];

    /// The `alg` name.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::HS256 => "HS256",
            Algorithm::HS384 => "HS384",
            Algorithm::HS512 => "HS512",
            Algorithm::RS256 => "RS256",
            Algorithm::RS384 => "RS384",
            Algorithm::RS512 => "RS512",
            Algorithm::PS256 => "PS256",
            Algorithm::PS384 => "PS384",
            Algorithm::PS512 => "PS512",
            Algorithm::ES256 => "ES256",
            Algorithm::ES384 => "ES384",
            Algorithm::ES512 => "ES512",
            Algorithm::EdDSA => "EdDSA",
            Algorithm::ES256K => "ES256K",
        }
    }

    /// The algorithm an `alg` name stands for (exact, case-sensitive, as RFC 7515 requires).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.name() == name)
    }

    /// Its key family.
    pub fn family(self) -> Family {
        use Algorithm::*;
        match self {
            HS256 | HS384 | HS512 => Family::Hmac,
            RS256 | RS384 | RS512 => Family::Rsa,
            PS256 | PS384 | PS512 => Family::RsaPss,
            ES256 | ES384 | ES512 | ES256K => Family::Ec,
            EdDSA => Family::Ed,
        }
    }

    /// The curve an ECDSA algorithm requires.
    pub fn curve(self) -> Option<Curve> {
        match self {
            Algorithm::ES256 => Some(Curve::P256),
            Algorithm::ES384 => Some(Curve::P384),
            Algorithm::ES512 => Some(Curve::P521),
            Algorithm::ES256K => Some(Curve::Secp256k1),
            _ => None,
        }
    }

    /// Output bytes of the hash (the minimum HMAC key size, RFC 7518 §3.2).
    pub fn hash_bytes(self) -> usize {
        use Algorithm::*;
        match self {
            HS256 | RS256 | PS256 | ES256 | ES256K => 32,
            HS384 | RS384 | PS384 | ES384 => 48,
            HS512 | RS512 | PS512 | ES512 | EdDSA => 64,
        }
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The bits of content encryption key a JWE `enc` uses (RFC 7518 §5: AES-CBC-HMAC takes a MAC
/// key and an encryption key together).
pub fn content_key_bits(enc: &str) -> Option<usize> {
    Some(match enc {
        "A128GCM" => 128,
        "A192GCM" => 192,
        "A256GCM" | "A128CBC-HS256" => 256,
        "A192CBC-HS384" => 384,
        "A256CBC-HS512" => 512,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_case_sensitive() {
        for alg in Algorithm::ALL {
            assert_eq!(Algorithm::from_name(alg.name()), Some(alg));
        }
        assert_eq!(Algorithm::from_name("hs256"), None);
        assert_eq!(Algorithm::from_name("none"), None);
        assert_eq!(Curve::P521.algorithm().curve(), Some(Curve::P521));
        assert_eq!(Curve::from_name("P-384").map(Curve::field_bytes), Some(48));
    }
}
