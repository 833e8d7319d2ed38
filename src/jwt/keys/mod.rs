//! Pasted text -> keys. One entry point, [`parse`], recognises HMAC secrets, PEM (SPKI, PKCS#1,
//! PKCS#8, SEC1, X.509), JWK, JWKS and OpenSSH, and says what it found or why it cannot use it.

// The readers and writers of asymmetric key formats, and the curve and big-integer code behind
// them, are left out of the page's main module (feature `split`): it hands such keys to the
// key engine (`remote`, a Web Worker), which is this same code built without the feature.
mod bare_der;
mod der;
pub mod export;
pub mod generate;
#[cfg(not(feature = "split"))]
mod jwk;
#[cfg(not(feature = "split"))]
mod openssh;
#[cfg(not(feature = "split"))]
mod pem_der;
pub mod remote;
pub mod secret;
#[cfg(not(feature = "split"))]
mod ssh_wire;

use std::fmt;
use std::rc::Rc;

use super::algorithm::Algorithm;
use super::token::Kind;
#[cfg(not(feature = "split"))]
use super::{algorithm::Curve, base64url};

pub use remote::{RemoteKey, Shape};
pub use secret::SecretEncoding;

/// The smallest RSA modulus accepted at all; RFC 7518 §3.3 asks for 2048 bits and smaller ones
/// get a finding, but 1024-bit keys still exist in the wild and can be checked.
pub const MIN_RSA_BITS: usize = 1024;

/// The cryptographic content of a key.
#[derive(Clone)]
pub enum Material {
    /// An HMAC secret's bytes.
    Secret(Vec<u8>),
    /// An asymmetric key held by the key engine.
    Remote(Rc<dyn RemoteKey>),
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
            Material::Remote(key) => key.facts().shape,
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
            Material::Remote(key) => key.facts().can_sign,
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
            Material::Remote(key) if key.facts().shape == Shape::Rsa => Some(key.facts().rsa_bits),
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
fn bit_length(bytes: &[u8]) -> usize {
    let digits = significant(bytes);
    digits.first().map_or(0, |&first| {
        digits.len() * 8 - first.leading_zeros() as usize
    })
}

/// A big-endian number's bytes from its first non-zero one (empty for zero).
#[cfg(not(feature = "split"))]
fn significant(bytes: &[u8]) -> &[u8] {
    &bytes[bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len())..]
}

#[cfg(not(feature = "split"))]
fn rsa_modulus_bits(key: &rsa::PublicKey) -> usize {
    use rsa::traits::PublicKeyParts;
    key.n().as_ref().bit_width_vartime() as usize
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
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

    fn new(material: Material, format: Format) -> Self {
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
    /// The key engine has the key and has not answered yet (the app reads it again when it has).
    EngineLoading,
    /// What the key engine said about the key (its own error, already in words).
    Engine(String),
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
            KeyError::EngineLoading => write!(
                f,
                "reading the key: RSA, EC and Ed25519 keys are read by the key engine, off the page's thread"
            ),
            KeyError::Engine(words) => f.write_str(words),
        }
    }
}

/// Recognises the key box's text. `encoding` says how to read it if it is an HMAC secret.
/// `None` when the box is empty.
pub fn parse(text: &str, encoding: SecretEncoding) -> Option<Result<KeySet, KeyError>> {
    let trimmed = text.trim().trim_start_matches('\u{feff}').trim_start();
    if trimmed.is_empty() {
        return None;
    }
    // A PEM block after a byte-order mark or a label line ("Public key:"): read from its first
    // line, never as a secret (a public key taken for an HMAC secret verifies forged tokens).
    let trimmed = match trimmed.find("-----BEGIN") {
        Some(at) if !trimmed.starts_with('{') => &trimmed[at..],
        _ => trimmed,
    };
    Some(
        if trimmed.starts_with("-----BEGIN")
            || trimmed.starts_with('{')
            || looks_like_openssh_public(trimmed)
        {
            structured(trimmed, encoding)
        } else if let Some(pem) = bare_der::as_pem(trimmed) {
            structured(&pem, encoding)
        } else {
            secret::decode(text, encoding).map(|bytes| {
                KeySet::One(Key::new(Material::Secret(bytes), Format::Secret(encoding)))
            })
        },
    )
}

/// PEM, JWK / JWKS or OpenSSH text, read here.
#[cfg(not(feature = "split"))]
fn structured(trimmed: &str, _: SecretEncoding) -> Result<KeySet, KeyError> {
    if trimmed.starts_with("-----BEGIN OPENSSH PRIVATE KEY-----") {
        openssh::parse_private(trimmed).map(KeySet::One)
    } else if trimmed.starts_with("-----BEGIN") {
        pem_der::parse(trimmed).map(KeySet::One)
    } else if trimmed.starts_with('{') {
        jwk::parse(trimmed)
    } else {
        openssh::parse_public(trimmed).map(KeySet::One)
    }
}

/// PEM, JWK / JWKS or OpenSSH text, read by the key engine.
#[cfg(feature = "split")]
fn structured(trimmed: &str, _: SecretEncoding) -> Result<KeySet, KeyError> {
    remote::with_engine(|engine| engine.parse(trimmed))
}

/// Whether the text starts like an OpenSSH public key line (any key type, supported or not).
fn looks_like_openssh_public(text: &str) -> bool {
    [
        "ssh-rsa ",
        "ssh-ed25519 ",
        "ecdsa-sha2-nistp256 ",
        "ecdsa-sha2-nistp384 ",
        "ecdsa-sha2-nistp521 ",
        "ssh-dss ",
        "sk-",
        "ssh-ed448 ",
    ]
    .iter()
    .any(|prefix| text.starts_with(prefix))
}

#[cfg(not(feature = "split"))]
fn b64_field(name: &str, text: &str) -> Result<Vec<u8>, KeyError> {
    base64url::decode(text).map_err(|e| KeyError::Jwk(format!("\"{name}\": {e}")))
}

#[cfg(test)]
mod tests;
