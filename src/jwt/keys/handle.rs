//! A key the caller holds behind a handle: the core knows what such a key must answer (its facts,
//! a verification, a signature, its written-out forms), not who answers or when. A build without
//! the asymmetric key code gets these handles from whoever reads keys for it.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::jwt::algorithm::{Algorithm, Curve};

/// What kind of key, as far as choosing an algorithm is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shape {
    Secret,
    Rsa,
    Ec(Curve),
    Ed25519,
    /// For key agreement (JWE) only.
    X25519,
}

/// A written-out form of a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Export {
    /// RFC 7638 thumbprint.
    Thumbprint,
    /// A pretty JWK; `true` with its private members.
    Jwk(bool),
    PublicPem,
    PrivatePem,
    /// An `authorized_keys` line with this comment.
    OpenSshPublic,
    /// An OpenSSH private key file (comment `jwt_key`), not encrypted.
    OpenSshPrivate,
}

/// The facts about a key that views and the algorithm check need without a round trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    pub shape: Shape,
    /// The RSA modulus size in bits (0 for other keys).
    pub rsa_bits: usize,
    pub can_sign: bool,
}

/// An asymmetric key held elsewhere; dropping the last clone may release it there. Answers may
/// come later: `None` says the answer is not in yet, and the caller asks again when it is.
pub trait KeyHandle {
    fn facts(&self) -> Facts;
    /// Whether `signature` (base64url, as in the token) is `alg`'s signature of `message`
    /// under this key, or why it cannot be checked.
    fn verify(
        &self,
        alg: Algorithm,
        message: &[u8],
        signature: &str,
    ) -> Option<Result<bool, String>>;
    /// `alg`'s signature of `message` as base64url, or why not.
    fn sign(&self, alg: Algorithm, message: &[u8]) -> Option<Result<String, String>>;
    /// The key written out; `comment` names an OpenSSH line.
    fn export(&self, form: Export, comment: &str) -> Option<String>;
    /// The private key as an OpenSSH private key file encrypted with `passphrase`, or why not.
    fn lock_openssh(&self, passphrase: &str) -> Option<Result<String, String>>;
}

impl fmt::Debug for dyn KeyHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KeyHandle({:?})", self.facts())
    }
}
