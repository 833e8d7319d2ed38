//! Pasted text -> keys: the one entry point that tells secrets from PEM (SPKI, PKCS#1, PKCS#8,
//! SEC1, X.509), JWK, JWKS, OpenSSH and PuTTY text and hands each to its reader.

use super::bare_der;
use super::error::KeyError;
use super::key::{Format, Key, KeySet, Material};
use super::secret::{self, SecretEncoding};
#[cfg(not(feature = "split"))]
use super::{jwk, openssh, pem_der, putty};

/// Recognises the key box's text. `encoding` says how to read it if it is an HMAC secret.
/// `None` when the box is empty.
#[cfg(not(feature = "split"))]
pub fn parse(text: &str, encoding: SecretEncoding) -> Option<Result<KeySet, KeyError>> {
    parse_locked(text, encoding, "")
}

/// [`parse`] for a key locked with `passphrase` (an empty one opens nothing).
#[cfg(not(feature = "split"))]
pub fn parse_locked(
    text: &str,
    encoding: SecretEncoding,
    passphrase: &str,
) -> Option<Result<KeySet, KeyError>> {
    parse_with(text, encoding, |trimmed| structured(trimmed, passphrase))
}

/// [`parse`], with PEM, JWK / JWKS and OpenSSH text (after a label line or a byte-order mark,
/// and bare base64 DER made PEM) given to `structured` to read: a build without the asymmetric
/// key code reads secrets here and such text wherever its caller keeps that code.
pub fn parse_with(
    text: &str,
    encoding: SecretEncoding,
    structured: impl FnOnce(&str) -> Result<KeySet, KeyError>,
) -> Option<Result<KeySet, KeyError>> {
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
            || trimmed.starts_with("PuTTY-User-Key-File-")
            || looks_like_openssh_public(trimmed)
        {
            structured(trimmed)
        } else if let Some(pem) = bare_der::as_pem(trimmed) {
            structured(&pem)
        } else {
            secret::decode(text, encoding).map(|bytes| {
                KeySet::One(Key::new(Material::Secret(bytes), Format::Secret(encoding)))
            })
        },
    )
}

/// PEM, JWK / JWKS, OpenSSH or PuTTY text, read here; a locked key is opened with `passphrase`.
#[cfg(not(feature = "split"))]
fn structured(trimmed: &str, passphrase: &str) -> Result<KeySet, KeyError> {
    if trimmed.starts_with("-----BEGIN OPENSSH PRIVATE KEY-----") {
        openssh::parse_private(trimmed, passphrase).map(KeySet::One)
    } else if trimmed.starts_with(putty::MAGIC) {
        putty::parse(trimmed, passphrase).map(KeySet::One)
    } else if trimmed.starts_with("-----BEGIN") {
        pem_der::parse(trimmed, passphrase).map(KeySet::One)
    } else if trimmed.starts_with('{') {
        jwk::parse(trimmed)
    } else {
        openssh::parse_public(trimmed).map(KeySet::One)
    }
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
