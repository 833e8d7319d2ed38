//! What crosses between the page and the key engine (a Web Worker): serde types, carried by
//! gloo-worker with postcard. Asymmetric keys stay in the worker; what comes back is their facts
//! and written-out forms (the private ones too, for the export panel), and an HMAC secret from a
//! JWK (`"k"`), which the page keeps as it would have read it.

use serde::{Deserialize, Serialize};

use crate::jwt::certs::ChainFacts;
use crate::jwt::jwe::{JweError, Opened};
use crate::jwt::keys::handle::Facts;
use crate::jwt::keys::{Format, SecretEncoding, Usage};
use crate::jwt::tutorial::TutorialAlg;

/// The engine's build, sent with every answer: the page refuses an engine from another release
/// (an old copy from a cache) instead of misreading it.
pub const BUILD: &str = concat!(env!("CARGO_PKG_VERSION"), "/protocol-10");

/// A question for the engine. Keys are named by the handle the engine gave them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Request {
    /// Is it there, and of which build? (The page's first message.)
    Hello,
    /// Read PEM, JWK, JWKS, OpenSSH or PuTTY text; a locked key is opened with `passphrase`
    /// (empty when none was given), which the engine uses for this read and keeps nothing of.
    Parse { text: String, passphrase: String },
    /// An EC or Ed25519 key (`KeyKind::id`) from the page's random bytes.
    Generate { kind: String, random: Vec<u8> },
    /// An RSA private key from the PKCS#8 DER WebCrypto made.
    RsaFromPkcs8(Vec<u8>),
    /// Whether `signature` (base64url, as in the token) is `alg`'s signature of `message`
    /// under key `handle`.
    Verify {
        handle: u32,
        alg: String,
        message: Vec<u8>,
        signature: String,
    },
    /// Key `handle` as an OpenSSH private key file encrypted with `passphrase` (answered as a
    /// signature is: a text or why not). The engine draws the file's salt itself.
    LockOpenSsh { handle: u32, passphrase: String },
    /// `alg`'s signature of `message` with key `handle`.
    Sign {
        handle: u32,
        alg: String,
        message: Vec<u8>,
    },
    /// The page no longer needs key `handle` (no answer).
    Release(u32),
    /// Which secret of the published list, if any, signed this HMAC token.
    TryCommonSecrets(String),
    /// The public demo key pair (PEM) for an asymmetric `alg`'s example: the texts live in the
    /// engine, which signs with them, not in the page's module.
    DemoKeys(String),
    /// The tutorial's `/generate`: `jsonwebtoken::encode` with this signing key at `now`.
    TutorialIssue {
        alg: TutorialAlg,
        key: String,
        now: i64,
    },
    /// Open the compact JWE `token` with the key in `key` (a secret read with `encoding`, a
    /// locked key opened with `passphrase`, empty when none was given).
    Decrypt {
        token: String,
        key: String,
        encoding: SecretEncoding,
        passphrase: String,
    },
    /// Seal `plaintext` as a compact JWE under `header` for the key in `key`.
    Encrypt {
        header: String,
        plaintext: String,
        key: String,
        encoding: SecretEncoding,
    },
    /// The tutorial's `/validate`: `jsonwebtoken::decode` with this verifying key at `now`.
    TutorialValidate {
        alg: TutorialAlg,
        key: String,
        token: String,
        now: i64,
    },
    /// A header's `x5c` chain read and checked against the certificates in `key` (the key
    /// box's text), and the token's `signature` of `message` checked with the leaf's key.
    Chain {
        x5c: Vec<String>,
        key: String,
        alg: String,
        message: Vec<u8>,
        signature: String,
    },
}

/// One key as the page holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFacts {
    pub format: Format,
    pub usage: Usage,
    pub held: Held,
}

/// Where a key's material is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Held {
    /// An HMAC secret (from an `oct` JWK): the page checks it itself.
    Secret(Vec<u8>),
    /// An asymmetric key the engine keeps under `handle`, with what the views need to know
    /// and its written-out forms (the key line and the export panel show them on every render).
    Engine {
        handle: u32,
        facts: Facts,
        exports: Exports,
    },
}

/// A key written out in every form the page shows (public forms only for a public key).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exports {
    /// RFC 7638 thumbprint.
    pub thumbprint: String,
    pub public_jwk: String,
    pub private_jwk: String,
    pub public_pem: Option<String>,
    pub private_pem: Option<String>,
    /// The `authorized_keys` line without a comment (the page appends its own).
    pub openssh_public: Option<String>,
    /// The private key as an OpenSSH private key file (comment `jwt_key`).
    pub openssh_private: Option<String>,
}

/// What a key text held: one key, or a JWKS's usable keys and why the others were skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeysRead {
    pub set: bool,
    pub keys: Vec<KeyFacts>,
    pub skipped: Vec<String>,
}

/// The engine's answer to one [`Request`]. Errors are already in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    Hello,
    Keys(Result<KeysRead, String>),
    /// Whether the signature matches, or why it could not be checked (a released key).
    Verified(Result<bool, String>),
    /// The signature as base64url, as it goes into the token.
    Signed(Result<String, String>),
    /// The published secret that signed the token, if one did.
    Cracked(Option<String>),
    /// The demo key pair (signing, verifying), or why there is none.
    DemoKeys(Result<(String, String), String>),
    /// The tutorial's token, or why signing failed.
    Issued(Result<String, String>),
    /// The tutorial token's `sub`, when it is valid.
    Validated(Option<String>),
    /// The opened JWE, or why it did not open.
    Decrypted(Result<Opened, JweError>),
    /// The sealed JWE, or why it could not be sealed.
    Encrypted(Result<String, JweError>),
    /// The chain as read, or why `x5c` could not be read.
    Chain(Result<ChainFacts, String>),
}

/// What goes to the engine: a request and the number its answer comes back under.
pub type Envelope = (u32, Request);

/// What comes back: the request's number, the engine's [`BUILD`] and the answer.
pub type Reply = (u32, String, Answer);
