//! The key work the state layer asks for, done where the keys' code is: by the core itself in a
//! build that carries it (the tests, the key engine), by the key engine in the page built with
//! `split`. Each answer is given at once; in the page `None` (or [`KeyError::Pending`]) says the
//! engine's answer is not in yet, and the page derives its state again when it is.

#[cfg(feature = "split")]
use crate::jwt::algorithm::Algorithm;
use crate::jwt::certs::ChainFacts;
use crate::jwt::jwe::{JweError, Opened};
use crate::jwt::keys::generate::KeyKind;
use crate::jwt::keys::{Key, KeyError, KeySet, SecretEncoding};
use crate::jwt::time::Seconds;
use crate::jwt::token::Token;
use crate::jwt::tutorial::TutorialAlg;

#[cfg(feature = "split")]
use super::browser::client as engine;
#[cfg(feature = "split")]
use crate::jwt::keys;
#[cfg(not(feature = "split"))]
use crate::jwt::{certs, jwe, keys, lint, tutorial};

/// The key box's text read: secrets here, PEM, JWK, JWKS and OpenSSH text by whoever holds the
/// asymmetric key code, a locked key opened with `passphrase` (empty: none given). `None` when
/// the box is empty.
pub fn read_keys(
    text: &str,
    encoding: SecretEncoding,
    passphrase: &str,
) -> Option<Result<KeySet, KeyError>> {
    #[cfg(feature = "split")]
    return keys::parse_with(text, encoding, |structured| {
        engine().parse(structured, passphrase)
    });
    #[cfg(not(feature = "split"))]
    keys::parse_locked(text, encoding, passphrase)
}

/// A new key of `kind` from `random` bytes (see `generate::from_random`).
pub fn generate(kind: KeyKind, random: &[u8]) -> Result<Key, KeyError> {
    #[cfg(feature = "split")]
    if matches!(kind, KeyKind::Ec(_) | KeyKind::Ed25519) {
        return engine().generate(kind, random);
    }
    keys::generate::from_random(kind, random)
}

/// The private key as an OpenSSH private key file encrypted with `passphrase`, written where
/// the key is held (the key engine draws the salt in the page built with `split`).
pub fn lock_openssh(
    material: &crate::jwt::keys::Material,
    passphrase: &str,
) -> Result<String, KeyError> {
    match material {
        crate::jwt::keys::Material::Handle(key) => match key.lock_openssh(passphrase) {
            None => Err(KeyError::Pending),
            Some(result) => result.map_err(KeyError::Reported),
        },
        #[cfg(not(feature = "split"))]
        held => {
            keys::export::openssh_private_locked_now(held, passphrase).map_err(KeyError::Reported)
        }
        #[cfg(feature = "split")]
        _ => Err(KeyError::Reported(
            "a secret has no OpenSSH private key file".into(),
        )),
    }
}

/// An RSA private key from PKCS#8 DER (what WebCrypto exports).
pub fn rsa_from_pkcs8(der: &[u8]) -> Result<Key, KeyError> {
    #[cfg(feature = "split")]
    return engine().rsa_from_pkcs8(der);
    #[cfg(not(feature = "split"))]
    keys::generate::rsa_from_pkcs8(der)
}

/// A key typed or pasted is the user asking again: an engine that could not be reached is tried
/// again rather than its refusal shown from memory.
pub fn retry_refused() {
    #[cfg(feature = "split")]
    engine().retry_refused();
}

/// Which published secret signed this HMAC token (`lint::crack_with_common_secrets`); `Err` says
/// the search could not run.
pub fn search_common_secrets(token: &Token) -> Option<Result<Option<&'static str>, String>> {
    #[cfg(feature = "split")]
    {
        let found = engine().try_common_secrets(&token.compact)?;
        // The engine names a line of the same list: the page keeps its own copy of that line.
        let list = crate::jwt::lint::COMMON_SECRETS;
        Some(found.map(|hit| hit.and_then(|secret| list.lines().find(|line| *line == secret))))
    }
    #[cfg(not(feature = "split"))]
    Some(Ok(lint::crack_with_common_secrets(token)))
}

/// The demo key pair (signing, verifying) of an asymmetric `alg`'s example: in the page the
/// engine keeps their texts (`presets::demo_keys`).
#[cfg(feature = "split")]
pub fn demo_keys(alg: Algorithm) -> Option<Result<(String, String), String>> {
    engine().demo_keys(alg)
}

/// The tutorial's `/generate` with this signing key text at `now` (`tutorial::issue`).
pub fn tutorial_issue(alg: TutorialAlg, key: &str, now: Seconds) -> Option<Result<String, String>> {
    #[cfg(feature = "split")]
    return engine().tutorial_issue(alg, key, now);
    #[cfg(not(feature = "split"))]
    Some(tutorial::issue(alg, key, now))
}

/// The tutorial's `/validate` of `token` with this verifying key text at `now`
/// (`tutorial::validate`): `bob`, or `None` for "Invalid token".
pub fn tutorial_validate(
    alg: TutorialAlg,
    key: &str,
    token: &str,
    now: Seconds,
) -> Option<Option<String>> {
    #[cfg(feature = "split")]
    return engine().tutorial_validate(alg, key, token, now);
    #[cfg(not(feature = "split"))]
    Some(tutorial::validate(alg, key, token, now))
}

/// The compact JWE `token` opened with the key in `key` (`jwe::open`).
pub fn decrypt(
    token: &str,
    key: &str,
    encoding: SecretEncoding,
    passphrase: &str,
) -> Option<Result<Opened, JweError>> {
    #[cfg(feature = "split")]
    return engine().decrypt(token, key, encoding, passphrase);
    #[cfg(not(feature = "split"))]
    Some(jwe::open(token, key, encoding, passphrase))
}

/// `plaintext` sealed as a compact JWE under `header` for the key in `key` (`jwe::seal`).
pub fn encrypt(
    header: &str,
    plaintext: &str,
    key: &str,
    encoding: SecretEncoding,
) -> Option<Result<String, JweError>> {
    #[cfg(feature = "split")]
    return engine().encrypt(header, plaintext, key, encoding);
    #[cfg(not(feature = "split"))]
    Some(jwe::seal(header, plaintext, key, encoding))
}

/// A header's `x5c` chain read and checked against the certificates in the key box's text, and
/// the token's signature checked with the leaf's key (`certs::read_chain`).
pub fn chain(
    x5c: &[String],
    key: &str,
    alg: &str,
    message: &[u8],
    signature: &str,
) -> Option<Result<ChainFacts, String>> {
    #[cfg(feature = "split")]
    return engine().chain(x5c, key, alg, message, signature);
    #[cfg(not(feature = "split"))]
    Some(certs::read_chain(x5c, key, alg, message, signature))
}
