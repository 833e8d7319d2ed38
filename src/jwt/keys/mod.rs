//! Pasted text -> keys. One entry point, [`parse`], recognises HMAC secrets, PEM (SPKI, PKCS#1,
//! PKCS#8, SEC1, X.509), JWK, JWKS and OpenSSH, and says what it found or why it cannot use it.

mod der;
pub mod export;
pub mod generate;
mod jwk;
mod openssh;
mod pem_der;
pub mod secret;
mod ssh_wire;

use std::fmt;

use super::algorithm::Curve;
use super::base64url;

pub use secret::SecretEncoding;

/// The smallest RSA modulus accepted at all; RFC 7518 §3.3 asks for 2048 bits and smaller ones
/// get a finding, but 1024-bit keys still exist in the wild and can be checked.
pub const MIN_RSA_BITS: usize = 1024;

/// The cryptographic content of a key.
#[derive(Clone)]
pub enum Material {
    /// An HMAC secret's bytes.
    Secret(Vec<u8>),
    Rsa {
        public: rsa::PublicKey,
        private: Option<Box<rsa::PrivateKey>>,
    },
    /// `point` is the uncompressed SEC1 encoding; `scalar` the private key, big-endian.
    Ec {
        curve: Curve,
        point: Vec<u8>,
        scalar: Option<Vec<u8>>,
    },
    Ed25519 {
        public: [u8; 32],
        seed: Option<[u8; 32]>,
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
    pub fn ed25519_private(seed: [u8; 32]) -> Self {
        let public = ed25519_dalek::SigningKey::from_bytes(&seed)
            .verifying_key()
            .to_bytes();
        Material::Ed25519 {
            public,
            seed: Some(seed),
        }
    }

    /// Whether a private half (or a secret) is present, so it can sign.
    pub fn can_sign(&self) -> bool {
        match self {
            Material::Secret(_) => true,
            Material::Rsa { private, .. } => private.is_some(),
            Material::Ec { scalar, .. } => scalar.is_some(),
            Material::Ed25519 { seed, .. } => seed.is_some(),
        }
    }

    /// Whether this is an asymmetric key (anything but an HMAC secret).
    pub fn is_asymmetric(&self) -> bool {
        !matches!(self, Material::Secret(_))
    }

    /// The RSA modulus size in bits.
    pub fn rsa_bits(&self) -> Option<usize> {
        match self {
            Material::Rsa { public, .. } => Some(rsa_modulus_bits(public)),
            _ => None,
        }
    }

    /// `RSA 2048-bit private key`, `EC P-256 public key`, `Ed25519 public key`, `256-bit secret`.
    pub fn kind_words(&self) -> String {
        let half = if self.can_sign() { "private" } else { "public" };
        match self {
            Material::Secret(bytes) => format!("{}-bit HMAC secret", bytes.len() * 8),
            Material::Rsa { public, .. } => {
                format!("RSA {}-bit {half} key", rsa_modulus_bits(public))
            }
            Material::Ec { curve, .. } => format!("EC {} {half} key", curve.name()),
            Material::Ed25519 { .. } => format!("Ed25519 {half} key"),
        }
    }
}

fn rsa_modulus_bits(key: &rsa::PublicKey) -> usize {
    use rsa::traits::PublicKeyParts;
    key.n().as_ref().bit_width_vartime() as usize
}

/// Where a key came from, for the key-info line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
        }
    }
}

/// What a JWK says about how its key may be used (RFC 7517 §4.2–4.4).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Usage {
    pub kid: Option<String>,
    pub alg: Option<String>,
    /// `use`: `sig` or `enc`.
    pub public_use: Option<String>,
    pub key_ops: Option<Vec<String>>,
}

/// One usable key.
#[derive(Debug, Clone)]
pub struct Key {
    pub material: Material,
    pub format: Format,
    pub usage: Usage,
}

impl Key {
    fn new(material: Material, format: Format) -> Self {
        Self {
            material,
            format,
            usage: Usage::default(),
        }
    }

    /// `RSA 2048-bit public key, PEM SPKI (PUBLIC KEY)`.
    pub fn describe(&self) -> String {
        let mut text = format!("{}, {}", self.material.kind_words(), self.format.label());
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
        match self {
            KeySet::One(key) => key.describe(),
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

/// Why pasted key text cannot be used. Messages say what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    /// PEM that is not well formed.
    Pem(String),
    /// A PEM label this tool does not read.
    UnsupportedPem(String),
    /// Encrypted key material: it must be decrypted first.
    Encrypted(&'static str),
    /// DER inside the PEM that does not parse as the label says.
    Der { label: &'static str, detail: String },
    /// An RSA modulus below [`MIN_RSA_BITS`].
    RsaTooSmall { bits: usize },
    /// JSON that is not a usable JWK or JWKS.
    Jwk(String),
    /// An OpenSSH key that cannot be read.
    OpenSsh(String),
    /// A key algorithm or curve this tool does not support.
    Unsupported(String),
    /// A secret that does not decode in the chosen encoding.
    Secret(String),
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyError::Pem(detail) => write!(f, "PEM: {detail}"),
            KeyError::UnsupportedPem(label) => write!(
                f,
                "PEM \"{label}\" is not a key format read here: paste a PUBLIC KEY, RSA PUBLIC KEY, PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY, CERTIFICATE or OPENSSH PRIVATE KEY"
            ),
            KeyError::Encrypted(how) => write!(f, "this key is encrypted with a passphrase: {how}"),
            KeyError::Der { label, detail } => {
                write!(f, "{label}: the key inside does not parse ({detail})")
            }
            KeyError::RsaTooSmall { bits } => write!(
                f,
                "RSA modulus is {bits} bits: keys under {MIN_RSA_BITS} bits can be factored and are refused"
            ),
            KeyError::Jwk(detail) => write!(f, "JWK: {detail}"),
            KeyError::OpenSsh(detail) => write!(f, "OpenSSH key: {detail}"),
            KeyError::Unsupported(what) => write!(f, "{what} is not supported for JWS"),
            KeyError::Secret(detail) => write!(f, "secret: {detail}"),
        }
    }
}

/// Recognises the key box's text. `encoding` says how to read it if it is an HMAC secret.
/// `None` when the box is empty.
pub fn parse(text: &str, encoding: SecretEncoding) -> Option<Result<KeySet, KeyError>> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    Some(if trimmed.starts_with("-----BEGIN") {
        if trimmed.starts_with("-----BEGIN OPENSSH PRIVATE KEY-----") {
            openssh::parse_private(trimmed).map(KeySet::One)
        } else {
            pem_der::parse(trimmed).map(KeySet::One)
        }
    } else if trimmed.starts_with('{') {
        jwk::parse(trimmed)
    } else if openssh::looks_like_public(trimmed) {
        openssh::parse_public(trimmed).map(KeySet::One)
    } else {
        secret::decode(text, encoding)
            .map(|bytes| KeySet::One(Key::new(Material::Secret(bytes), Format::Secret(encoding))))
    })
}

/// Whether the text, whatever was detected, is shaped like an asymmetric key (PEM, JWK with a
/// public-key `kty`, OpenSSH). Used to name the key-confusion attack when such text is offered
/// as an HMAC secret.
pub fn looks_like_public_key(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("-----BEGIN")
        || openssh::looks_like_public(t)
        || (t.starts_with('{')
            && ["\"RSA\"", "\"EC\"", "\"OKP\"", "\"keys\""]
                .iter()
                .any(|k| t.contains(k)))
}

fn b64_field(name: &str, text: &str) -> Result<Vec<u8>, KeyError> {
    base64url::decode(text).map_err(|e| KeyError::Jwk(format!("\"{name}\": {e}")))
}

#[cfg(test)]
mod tests;
