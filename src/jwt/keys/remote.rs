//! Keys that live in another module: the page's main WebAssembly module leaves asymmetric keys
//! (RSA, EC, Ed25519: the big-integer and curve code) to a second module fetched on first use,
//! and holds only a handle and the facts the views need. The core defines what such a key must
//! answer; how the call reaches the other module is the app's business (`crate::engine`).

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::generate::KeyKind;
use super::{Key, KeyError, KeySet};
use crate::jwt::algorithm::{Algorithm, Curve};
use crate::jwt::tutorial::TutorialAlg;

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
}

/// The facts about a key that views and the algorithm check need without a round trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    pub shape: Shape,
    /// The RSA modulus size in bits (0 for other keys).
    pub rsa_bits: usize,
    pub can_sign: bool,
}

/// An asymmetric key held by the key engine; dropping the last clone releases it there. The
/// engine answers later: `None` says the question is out and the app will hear the answer.
pub trait RemoteKey {
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
}

impl fmt::Debug for dyn RemoteKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RemoteKey({:?})", self.facts())
    }
}

/// The key engine as the core sees it. Every call answers at once: until the engine has answered,
/// it says so ([`KeyError::EngineLoading`]) and the app asks again when the answer is in.
pub trait KeyEngine {
    /// Reads PEM, JWK, JWKS or OpenSSH text.
    fn parse(&self, text: &str) -> Result<KeySet, KeyError>;
    /// An EC or Ed25519 key from random bytes (see `generate::from_random`).
    fn generate(&self, kind: KeyKind, random: &[u8]) -> Result<Key, KeyError>;
    /// An RSA private key from PKCS#8 DER.
    fn rsa_from_pkcs8(&self, der: &[u8]) -> Result<Key, KeyError>;
    /// Forgets the refusals of an engine that could not be reached, so that the next question
    /// tries again (the user pasted a key again).
    fn retry_refused(&self);
    /// Which published secret signed this HMAC token (`lint::crack_with_common_secrets`); `None`
    /// until the answer is in.
    fn try_common_secrets(&self, token: &str) -> Option<Result<Option<String>, String>>;
    /// The public demo key pair (signing, verifying) for an asymmetric `alg`'s example
    /// (`presets::demo_keys`); `None` until the answer is in.
    fn demo_keys(&self, alg: Algorithm) -> Option<Result<(String, String), String>>;
    /// The tutorial's `/generate` with this signing key text at `now` (`tutorial::issue`);
    /// `None` until the answer is in.
    fn tutorial_issue(
        &self,
        alg: TutorialAlg,
        key: &str,
        now: i64,
    ) -> Option<Result<String, String>>;
    /// The compact JWE `token` opened with the key in `key` (`jwe::open_here`); `None` until the
    /// answer is in.
    fn decrypt(
        &self,
        token: &str,
        key: &str,
        encoding: crate::jwt::keys::SecretEncoding,
    ) -> Option<Result<crate::jwt::jwe::Opened, crate::jwt::jwe::JweError>>;
    /// `plaintext` sealed as a compact JWE under `header` for the key in `key`
    /// (`jwe::seal_here`); `None` until the answer is in.
    fn encrypt(
        &self,
        header: &str,
        plaintext: &str,
        key: &str,
        encoding: crate::jwt::keys::SecretEncoding,
    ) -> Option<Result<String, crate::jwt::jwe::JweError>>;
    /// The tutorial's `/validate` of `token` with this verifying key text at `now`.
    fn tutorial_validate(
        &self,
        alg: TutorialAlg,
        key: &str,
        token: &str,
        now: i64,
    ) -> Option<Option<String>>;
}

thread_local! {
    static ENGINE: RefCell<Option<Rc<dyn KeyEngine>>> = const { RefCell::new(None) };
}

/// Makes `engine` the one [`engine`] returns (the app installs it once at start-up).
pub fn install(engine: Rc<dyn KeyEngine>) {
    ENGINE.with(|slot| *slot.borrow_mut() = Some(engine));
}

/// The installed engine, if any.
pub fn engine() -> Option<Rc<dyn KeyEngine>> {
    ENGINE.with(|slot| slot.borrow().clone())
}

/// The engine's answer, or the error that says none is there.
#[cfg(feature = "split")]
pub(super) fn with_engine<T>(
    call: impl FnOnce(&dyn KeyEngine) -> Result<T, KeyError>,
) -> Result<T, KeyError> {
    match engine() {
        Some(engine) => call(&*engine),
        None => Err(KeyError::EngineLoading),
    }
}
