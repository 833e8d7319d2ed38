//! What a key is once read: its material (a secret, a key held here, or one behind a handle),
//! where it came from, how a JWK lets it be used, and a key box's set of keys.

use std::fmt;
use std::rc::Rc;

use super::handle::{KeyHandle, Shape};
use super::secret::SecretEncoding;
use crate::jwt::algorithm::Algorithm;
#[cfg(not(feature = "split"))]
use crate::jwt::algorithm::Curve;
use crate::jwt::token::Kind;

/// The cryptographic content of a key.
#[derive(Clone)]
pub enum Material {
    /// An HMAC secret's bytes.
    Secret(Vec<u8>),
    /// An asymmetric key held elsewhere, behind a handle.
    Handle(Rc<dyn KeyHandle>),
    #[cfg(not(feature = "split"))]
    Rsa {
        public: rsa::PublicKey,
        private: Option<Box<rsa::PrivateKey>>,
    },
    /// `point` is the uncompressed SEC1 encoding; `scalar` the private key, big-endian.
    #[cfg(not(feature = "split"))]
    Ec {
        curve: Curve,
        point: Vec<u8>,
        scalar: Option<Vec<u8>>,
    },
    #[cfg(not(feature = "split"))]
    Ed25519 {
        public: [u8; 32],
        seed: Option<[u8; 32]>,
    },
    /// An X25519 key (RFC 8037): for ECDH-ES key agreement in JWE, never for signatures.
    #[cfg(not(feature = "split"))]
    X25519 {
        public: [u8; 32],
        secret: Option<[u8; 32]>,
    },
}

impl fmt::Debug for Material {
    // Never print key bytes: this may end up in a log.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Material({})", self.kind_words())
    }
}

impl Material {
    /// An Ed25519 private key from its 32-byte seed, with the public key derived from it.
    #[cfg(not(feature = "split"))]
    pub fn ed25519_private(seed: [u8; 32]) -> Self {
        let public = ed25519_dalek::SigningKey::from_bytes(&seed)
            .verifying_key()
            .to_bytes();
        Material::Ed25519 {
            public,
            seed: Some(seed),
        }
    }

    /// An X25519 private key from its 32-byte scalar, with the public key derived from it.
    #[cfg(not(feature = "split"))]
    pub fn x25519_private(secret: [u8; 32]) -> Self {
        let public = x25519_dalek::PublicKey::from(&x25519_dalek::StaticSecret::from(secret));
        Material::X25519 {
            public: public.to_bytes(),
            secret: Some(secret),
        }
    }

    /// What kind of key this is, for matching it to an algorithm.
    pub fn shape(&self) -> Shape {
        match self {
            Material::Secret(_) => Shape::Secret,
            Material::Handle(key) => key.facts().shape,
            #[cfg(not(feature = "split"))]
            Material::Rsa { .. } => Shape::Rsa,
            #[cfg(not(feature = "split"))]
            Material::Ec { curve, .. } => Shape::Ec(*curve),
            #[cfg(not(feature = "split"))]
            Material::Ed25519 { .. } => Shape::Ed25519,
            #[cfg(not(feature = "split"))]
            Material::X25519 { .. } => Shape::X25519,
        }
    }

    /// Whether a private half (or a secret) is present, so it can sign.
    pub fn can_sign(&self) -> bool {
        match self {
            Material::Secret(_) => true,
            Material::Handle(key) => key.facts().can_sign,
            #[cfg(not(feature = "split"))]
            Material::Rsa { private, .. } => private.is_some(),
            #[cfg(not(feature = "split"))]
            Material::Ec { scalar, .. } => scalar.is_some(),
            #[cfg(not(feature = "split"))]
            Material::Ed25519 { seed, .. } => seed.is_some(),
            #[cfg(not(feature = "split"))]
            Material::X25519 { secret, .. } => secret.is_some(),
        }
    }

    /// Whether this is an asymmetric key (anything but an HMAC secret).
    pub fn is_asymmetric(&self) -> bool {
        !matches!(self, Material::Secret(_))
    }

    /// The RSA modulus size in bits.
    pub fn rsa_bits(&self) -> Option<usize> {
        match self {
            Material::Handle(key) if key.facts().shape == Shape::Rsa => Some(key.facts().rsa_bits),
            #[cfg(not(feature = "split"))]
            Material::Rsa { public, .. } => Some(rsa_modulus_bits(public)),
            _ => None,
        }
    }

    /// `RSA 2048-bit private key`, `EC P-256 public key`, `Ed25519 public key`, `256-bit HMAC secret`.
    pub fn kind_words(&self) -> String {
        self.kind_words_for(Kind::Jws)
    }

    /// The same, for a key used on a token of `kind`: a secret opens a JWE as a shared key (key
    /// wrap, direct or PBES2), not as an HMAC key.
    pub fn kind_words_for(&self, kind: Kind) -> String {
        if let Material::Secret(bytes) = self {
            let role = match kind {
                Kind::Jws => "HMAC",
                Kind::Jwe => "shared",
            };
            return format!("{}-bit {role} secret", bytes.len() * 8);
        }
        let half = if self.can_sign() { "private" } else { "public" };
        match self.shape() {
            Shape::Rsa => format!("RSA {}-bit {half} key", self.rsa_bits().unwrap_or(0)),
            Shape::Ec(curve) => format!("EC {} {half} key", curve.name()),
            Shape::Ed25519 => format!("Ed25519 {half} key"),
            Shape::X25519 => format!("X25519 {half} key"),
            Shape::Secret => format!("{half} secret"),
        }
    }
}

/// The bit length of a big-endian unsigned number (0 for zero), read from its bytes alone, so a
/// key too small for the rsa crate to take can still be measured.
#[cfg(not(feature = "split"))]
pub(super) fn bit_length(bytes: &[u8]) -> usize {
    let digits = significant(bytes);
    digits.first().map_or(0, |&first| {
        digits.len() * 8 - first.leading_zeros() as usize
    })
}

/// A big-endian number's bytes from its first non-zero one (empty for zero).
#[cfg(not(feature = "split"))]
pub(super) fn significant(bytes: &[u8]) -> &[u8] {
    &bytes[bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len())..]
}

#[cfg(not(feature = "split"))]
fn rsa_modulus_bits(key: &rsa::PublicKey) -> usize {
    use rsa::traits::PublicKeyParts;
    key.n().as_ref().bit_width_vartime() as usize
}

/// The modulus and exponent, big-endian without leading zeros.
#[cfg(not(feature = "split"))]
pub(super) fn rsa_n_e(public: &rsa::PublicKey) -> (Vec<u8>, Vec<u8>) {
    use rsa::traits::PublicKeyParts;
    (
        public.n().as_ref().to_be_bytes_trimmed_vartime().to_vec(),
        public.e().to_be_bytes_trimmed_vartime().to_vec(),
    )
}

/// Where a key came from, for the key-info line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Format {
    Secret(SecretEncoding),
    PemSpki,
    PemPkcs1Public,
    PemPkcs1Private,
    PemPkcs8,
    PemSec1,
    Certificate,
    Jwk,
    OpenSshPublic,
    OpenSshPrivate,
    Putty,
}

impl Format {
    /// Words for the key-info line.
    pub fn label(self) -> &'static str {
        match self {
            Format::Secret(encoding) => encoding.label(),
            Format::PemSpki => "PEM SPKI (PUBLIC KEY)",
            Format::PemPkcs1Public => "PEM PKCS#1 (RSA PUBLIC KEY)",
            Format::PemPkcs1Private => "PEM PKCS#1 (RSA PRIVATE KEY)",
            Format::PemPkcs8 => "PEM PKCS#8 (PRIVATE KEY)",
            Format::PemSec1 => "PEM SEC1 (EC PRIVATE KEY)",
            Format::Certificate => "X.509 certificate",
            Format::Jwk => "JWK",
            Format::OpenSshPublic => "OpenSSH public key",
            Format::OpenSshPrivate => "OpenSSH private key",
            Format::Putty => "PuTTY private key (.ppk)",
        }
    }
}

/// What a JWK says about how its key may be used (RFC 7517 §4.2–4.4).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Usage {
    pub kid: Option<String>,
    pub alg: Option<String>,
    /// `use`: `sig` or `enc`.
    pub public_use: Option<String>,
    pub key_ops: Option<Vec<String>>,
    /// The certificate thumbprints (RFC 7517 §4.8–4.9, RFC 7515 §4.1.7–8), base64url: from a
    /// JWK's `x5t` / `x5t#S256` or its `x5c`, or from a pasted certificate.
    pub x5t: Option<String>,
    pub x5t_s256: Option<String>,
}

/// One usable key.
#[derive(Debug, Clone)]
pub struct Key {
    pub material: Material,
    pub format: Format,
    pub usage: Usage,
}

impl Key {
    /// The algorithm a key of this kind signs with: HS256/384/512 by the secret's length, RS256
    /// for RSA, the curve's own for EC, EdDSA; `None` for a key that cannot sign (X25519).
    pub fn signing_algorithm(&self) -> Option<Algorithm> {
        Some(match (self.material.shape(), &self.material) {
            (_, Material::Secret(bytes)) if bytes.len() >= 64 => Algorithm::HS512,
            (_, Material::Secret(bytes)) if bytes.len() >= 48 => Algorithm::HS384,
            (Shape::Secret, _) => Algorithm::HS256,
            (Shape::Rsa, _) => Algorithm::RS256,
            (Shape::Ec(curve), _) => curve.algorithm(),
            (Shape::Ed25519, _) => Algorithm::EdDSA,
            (Shape::X25519, _) => return None,
        })
    }

    pub(super) fn new(material: Material, format: Format) -> Self {
        Self {
            material,
            format,
            usage: Usage::default(),
        }
    }

    /// `RSA 2048-bit public key, PEM SPKI (PUBLIC KEY)`.
    pub fn describe(&self) -> String {
        self.describe_for(Kind::Jws)
    }

    /// The same, in the words for a token of `kind` (see [`Material::kind_words_for`]).
    pub fn describe_for(&self, kind: Kind) -> String {
        let mut text = format!(
            "{}, {}",
            self.material.kind_words_for(kind),
            self.format.label()
        );
        if let Some(kid) = &self.usage.kid {
            text.push_str(&format!(", kid \"{kid}\""));
        }
        text
    }
}

/// Everything recognised in the key box.
#[derive(Debug, Clone)]
pub enum KeySet {
    One(Key),
    /// A JWKS: the keys that could be read, and why the others could not.
    Jwks {
        keys: Vec<Key>,
        skipped: Vec<String>,
    },
}

impl KeySet {
    /// Every key, in order.
    pub fn keys(&self) -> &[Key] {
        match self {
            KeySet::One(key) => std::slice::from_ref(key),
            KeySet::Jwks { keys, .. } => keys,
        }
    }

    /// The key-info line.
    pub fn describe(&self) -> String {
        self.describe_for(Kind::Jws)
    }

    /// The key-info line beside a token of `kind`.
    pub fn describe_for(&self, kind: Kind) -> String {
        match self {
            KeySet::One(key) => key.describe_for(kind),
            KeySet::Jwks { keys, skipped } => {
                let mut text = format!(
                    "JWKS with {} usable key{}",
                    keys.len(),
                    if keys.len() == 1 { "" } else { "s" }
                );
                if !skipped.is_empty() {
                    text.push_str(&format!(
                        " ({} skipped: {})",
                        skipped.len(),
                        skipped.join("; ")
                    ));
                }
                text
            }
        }
    }
}
