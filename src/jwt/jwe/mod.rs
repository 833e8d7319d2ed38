//! Encrypted tokens (JWE, RFC 7516), compact serialization: the content encryption key is
//! recovered with the user's key ([`wrap`]), then the content is authenticated and decrypted
//! ([`content`]), and inflated when `zip` is `DEF`. Every failure is an error a user can act on;
//! a wrong key and an altered token give the same one, as they cannot be told apart.

#[cfg(not(feature = "split"))]
pub mod agreement;
#[cfg(not(feature = "split"))]
pub mod content;
mod error;
mod names;
#[cfg(not(feature = "split"))]
pub mod serialization;
#[cfg(not(feature = "split"))]
pub mod wrap;

use serde::{Deserialize, Serialize};

#[cfg(not(feature = "split"))]
use crate::jwt::{base64url, json::Value};
#[cfg(not(feature = "split"))]
use crate::jwt::{
    keys::{KeySet, Material, SecretEncoding},
    token::{Kind, Token},
};
pub use error::{JweError, MAX_INFLATED};
pub use names::{ENCS, SEALING_ALGS};
#[cfg(not(feature = "split"))]
use serialization::{Recipient, Sealed, from_compact, from_json};
#[cfg(not(feature = "split"))]
pub use wrap::Unwrapping;

/// An opened token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opened {
    pub plaintext: Vec<u8>,
    pub alg: String,
    pub enc: String,
    /// The key that opened it, described (`RSA 2048-bit private key, JWK`).
    pub key: String,
}

/// Seals `plaintext` as a compact JWE under `header_text` for the key in `key_text` (read with
/// `encoding` when it is a secret).
#[cfg(not(feature = "split"))]
pub fn seal(
    header_text: &str,
    plaintext: &str,
    key_text: &str,
    encoding: SecretEncoding,
) -> Result<String, JweError> {
    let keys = read_keys(key_text, encoding, "", "no key to encrypt to")?;
    encrypt(header_text, plaintext.as_bytes(), &keys)
}

/// The keys in `key_text` for a JWE, a locked key opened with `passphrase`; `missing` says what
/// an empty text lacks.
#[cfg(not(feature = "split"))]
pub fn read_keys(
    key_text: &str,
    encoding: SecretEncoding,
    passphrase: &str,
    missing: &str,
) -> Result<KeySet, JweError> {
    match crate::jwt::keys::parse_locked(key_text, encoding, passphrase) {
        Some(Ok(keys)) => Ok(keys),
        Some(Err(error)) => Err(JweError::Key(error.to_string())),
        None => Err(JweError::Key(missing.into())),
    }
}

/// Opens the JWE in `token` (compact or JSON) with `keys`.
#[cfg(not(feature = "split"))]
pub fn open_with(token: &str, keys: &KeySet) -> Result<Opened, JweError> {
    let token = crate::jwt::token::decode(token).map_err(|e| JweError::Malformed(e.to_string()))?;
    decrypt(&token, keys)
}

/// Opens the compact JWE `token` with the key in `key_text` (read with `encoding` when it is a
/// secret, opened with `passphrase` when it is locked).
#[cfg(not(feature = "split"))]
pub fn open(
    token: &str,
    key_text: &str,
    encoding: SecretEncoding,
    passphrase: &str,
) -> Result<Opened, JweError> {
    open_with(token, &read_keys(key_text, encoding, passphrase, "no key")?)
}

/// Opens a JWE, compact or JSON (flattened or general, RFC 7516 §7.2), with the first key of
/// `keys` that fits a recipient's `alg` (by `kid` first, when the header names one).
#[cfg(not(feature = "split"))]
pub fn decrypt(token: &Token, keys: &KeySet) -> Result<Opened, JweError> {
    if token.kind != Kind::Jwe {
        return Err(JweError::Malformed("it has 3 segments, not 5".into()));
    }
    let sealed = if token.compact.starts_with('{') {
        from_json(&token.compact)?
    } else {
        from_compact(token)?
    };
    within_work(&sealed, keys)?;
    let mut errors = Vec::new();
    for recipient in &sealed.recipients {
        match open_for(&sealed, recipient, keys) {
            Ok(opened) => return Ok(opened),
            Err(error) => errors.push(error),
        }
    }
    Err(telling(errors).unwrap_or(JweError::Malformed("it has no recipient".into())))
}

/// The most recipients one token may ask this page to try.
#[cfg(not(feature = "split"))]
const MAX_RECIPIENTS: usize = 16;

/// The most PBKDF2 iterations one opening may run, over every recipient and key: two attempts
/// at the largest `p2c` allowed. Each `p2c` is capped, but a token of many recipients, tried
/// with a set of many keys, would multiply it into hours of work.
#[cfg(not(feature = "split"))]
const MAX_PBKDF2_WORK: u64 = 2 * wrap::MAX_P2C as u64;

/// Refuses, before any work, a token that would keep the tab busy for minutes.
#[cfg(not(feature = "split"))]
fn within_work(sealed: &Sealed, keys: &KeySet) -> Result<(), JweError> {
    let count = sealed.recipients.len();
    if count > MAX_RECIPIENTS {
        return Err(JweError::Unsupported(format!(
            "{count} recipients (this page tries at most {MAX_RECIPIENTS})"
        )));
    }
    let secrets = keys
        .keys()
        .iter()
        .filter(|k| matches!(k.material, Material::Secret(_)))
        .count() as u64;
    let work: u64 = sealed
        .recipients
        .iter()
        .filter(|r| {
            r.header
                .get("alg")
                .and_then(Value::as_str)
                .is_some_and(|a| a.starts_with("PBES2"))
        })
        .filter_map(|r| r.header.get("p2c").and_then(Value::unsigned_integer))
        .map(|p2c| p2c.min(u64::from(wrap::MAX_P2C)))
        .fold(0u64, |sum, p2c| {
            sum.saturating_add(p2c.saturating_mul(secrets))
        });
    if work > MAX_PBKDF2_WORK {
        return Err(JweError::Unsupported(format!(
            "{work} PBKDF2 iterations over its recipients and keys (this page runs at most {MAX_PBKDF2_WORK} per token)"
        )));
    }
    Ok(())
}

/// Of the errors of several attempts, the one to tell: a fitting key that failed the tag says
/// more than a key that did not fit another recipient.
#[cfg(not(feature = "split"))]
fn telling(errors: Vec<JweError>) -> Option<JweError> {
    let checked = errors.iter().position(JweError::checked);
    match checked {
        Some(at) => errors.into_iter().nth(at),
        None => errors.into_iter().next(),
    }
}

/// Opens `sealed` for one recipient with the first key that fits.
#[cfg(not(feature = "split"))]
fn open_for(sealed: &Sealed, recipient: &Recipient, keys: &KeySet) -> Result<Opened, JweError> {
    let header = &recipient.header;
    let text = |name: &str| header.get(name).and_then(Value::as_str);
    let alg = text("alg").ok_or_else(|| JweError::Malformed("the header has no \"alg\"".into()))?;
    let enc = text("enc").ok_or_else(|| JweError::Malformed("the header has no \"enc\"".into()))?;
    let cek_len =
        content::cek_len(&enc).ok_or_else(|| JweError::Unsupported(format!("enc \"{enc}\"")))?;
    match text("zip").as_deref() {
        None | Some("DEF") => {}
        Some(other) => return Err(JweError::Unsupported(format!("zip \"{other}\""))),
    }
    // No extension is understood here, and one a token marks critical must not be ignored
    // (RFC 7516 §4.1.13).
    if let Some(crit) = header.get("crit") {
        return Err(JweError::Unsupported(format!(
            "\"crit\": {} (this page understands no JWE extension, and must refuse what it does not understand)",
            crit.minified()
        )));
    }
    if !wrap::reads(&alg) {
        return Err(JweError::Unsupported(format!("alg \"{alg}\"")));
    }
    let kid = text("kid");
    let mut candidates: Vec<_> = keys.keys().iter().collect();
    candidates.sort_by_key(|key| key.usage.kid.as_deref() != kid.as_deref() || kid.is_none());
    let mut errors = Vec::new();
    for key in candidates {
        // A JWK says what it is for (RFC 7517 §4.2–4.4): a key made for another algorithm, for
        // signatures, or without decryption in its operations is not used to open a token.
        if let Some(why) = refused_by_usage(&key.usage, &alg, &enc) {
            errors.push(JweError::KeyDoesNotFit(why));
            continue;
        }
        let unwrapping = match &key.material {
            Material::Secret(bytes) => Unwrapping::Secret(bytes),
            Material::Rsa {
                private: Some(private),
                ..
            } => Unwrapping::Rsa(private),
            Material::Ec {
                curve,
                scalar: Some(scalar),
                ..
            } => Unwrapping::Ec(*curve, scalar),
            Material::X25519 {
                secret: Some(secret),
                ..
            } => Unwrapping::X25519(secret),
            // A public key: what was encrypted to it opens only with its private half.
            Material::Rsa { .. } | Material::Ec { .. } | Material::X25519 { .. } => {
                errors.push(JweError::KeyDoesNotFit(format!(
                    "the {} can only encrypt: decrypting needs its private key",
                    key.material.kind_words()
                )));
                continue;
            }
            _ => {
                errors.push(JweError::KeyDoesNotFit(format!(
                    "alg \"{alg}\" cannot use the {}",
                    key.material.kind_words()
                )));
                continue;
            }
        };
        let attempt = wrap::unwrap_cek(&alg, header, &recipient.encrypted_key, unwrapping, cek_len)
            .and_then(|cek| {
                content::decrypt(
                    &enc,
                    &cek,
                    &sealed.iv,
                    &sealed.aad,
                    &sealed.ciphertext,
                    &sealed.tag,
                )
            });
        match attempt {
            Ok(plaintext) => {
                let plaintext = match text("zip") {
                    Some(_) => inflate(&plaintext)?,
                    None => plaintext,
                };
                // An `oct` key here is a shared encryption key, whatever HMAC calls it.
                let described = key.describe().replacen("HMAC secret", "shared key", 1);
                return Ok(Opened {
                    plaintext,
                    alg,
                    enc,
                    key: described,
                });
            }
            Err(error) => errors.push(error),
        }
    }
    Err(telling(errors).unwrap_or(JweError::KeyDoesNotFit("the key set holds no key".into())))
}

/// Seals `plaintext` as a compact JWE for the first key of `keys`: `header_text` is the
/// protected header (a JSON object with `alg` and `enc`, and `zip: "DEF"` to compress). It is
/// written minified; AES-GCM key wrap adds its `iv` and `tag` to it.
#[cfg(not(feature = "split"))]
pub fn encrypt(header_text: &str, plaintext: &[u8], keys: &KeySet) -> Result<String, JweError> {
    let header = crate::jwt::json::parse(header_text)
        .map_err(|e| JweError::Malformed(format!("the header is not JSON: {e}")))?;
    let Value::Object(members) = &header else {
        return Err(JweError::Malformed(
            "the header must be a JSON object".into(),
        ));
    };
    let text = |name: &str| header.get(name).and_then(Value::as_str);
    let alg = text("alg").ok_or_else(|| JweError::Malformed("the header has no \"alg\"".into()))?;
    let enc = text("enc").ok_or_else(|| JweError::Malformed("the header has no \"enc\"".into()))?;
    let cek_len =
        content::cek_len(&enc).ok_or_else(|| JweError::Unsupported(format!("enc \"{enc}\"")))?;
    let plaintext = match text("zip").as_deref() {
        None => plaintext.to_vec(),
        Some("DEF") => miniz_oxide::deflate::compress_to_vec(plaintext, 6),
        Some(other) => return Err(JweError::Unsupported(format!("zip \"{other}\""))),
    };
    let key = keys
        .keys()
        .first()
        .ok_or_else(|| JweError::KeyDoesNotFit("the key set holds no key".into()))?;
    let wrapping = match &key.material {
        Material::Secret(bytes) => wrap::Wrapping::Secret(bytes),
        Material::Rsa { public, .. } => wrap::Wrapping::Rsa(public),
        Material::Ec { curve, point, .. } => wrap::Wrapping::Ec(*curve, point),
        Material::X25519 { public, .. } => wrap::Wrapping::X25519(public),
        other => {
            return Err(JweError::KeyDoesNotFit(format!(
                "alg \"{alg}\" cannot use the {}",
                other.kind_words()
            )));
        }
    };
    let (cek, encrypted_key, mut extra) = wrap::wrap_cek(&alg, &enc, &header, wrapping, cek_len)?;
    if extra.iter().any(|(name, _)| {
        members
            .iter()
            .any(|m| crate::jwt::json::unescape(&m.key) == *name)
    }) {
        return Err(JweError::Malformed(format!(
            "alg \"{alg}\" writes {} into the header itself: remove them",
            extra
                .iter()
                .map(|(name, _)| format!("\"{name}\""))
                .collect::<Vec<_>>()
                .join(" and ")
        )));
    }
    // The key's own `kid` tells the recipient which of its keys opens the token (RFC 7516
    // §4.1.6), unless the header already names one.
    if let Some(kid) = &key.usage.kid
        && header.get("kid").is_none()
        && let Ok(quoted) = serde_json::to_string(kid)
    {
        extra.push(("kid", quoted));
    }
    let mut protected = header.minified();
    if !extra.is_empty() {
        // The minified object ends with its closing brace: the members go before it.
        protected.pop();
        for (name, value) in extra {
            if protected.len() > 1 {
                protected.push(',');
            }
            protected.push_str(&format!("\"{name}\":{value}"));
        }
        protected.push('}');
    }
    let protected = base64url::encode(protected.as_bytes());
    let mut iv = vec![0u8; content::iv_len(&enc)];
    getrandom::fill(&mut iv).map_err(|_| JweError::Key("no random numbers".into()))?;
    let (ciphertext, tag) = content::encrypt(&enc, &cek, &iv, protected.as_bytes(), &plaintext)?;
    Ok([
        protected,
        base64url::encode(&encrypted_key),
        base64url::encode(&iv),
        base64url::encode(&ciphertext),
        base64url::encode(&tag),
    ]
    .join("."))
}

/// Why a key's JWK members keep it from opening a token with `alg`, if they do.
#[cfg(not(feature = "split"))]
fn refused_by_usage(usage: &crate::jwt::keys::Usage, alg: &str, enc: &str) -> Option<String> {
    // A key used directly (`dir`) is the content key: its JWK names the `enc` (RFC 7520 §5.6).
    let fits = |own: &str| own == alg || (alg == "dir" && own == enc);
    if let Some(own) = usage.alg.as_deref().filter(|own| !fits(own)) {
        return Some(format!(
            "the JWK is for alg \"{own}\", the token uses \"{alg}\""
        ));
    }
    if usage.public_use.as_deref().is_some_and(|u| u != "enc") {
        return Some("the JWK's \"use\" is not \"enc\"".into());
    }
    let operations = ["decrypt", "unwrapKey", "deriveKey", "deriveBits"];
    if let Some(ops) = &usage.key_ops
        && !ops.iter().any(|op| operations.contains(&op.as_str()))
    {
        return Some("the JWK's \"key_ops\" allow no decryption".into());
    }
    None
}

#[cfg(not(feature = "split"))]
fn inflate(deflated: &[u8]) -> Result<Vec<u8>, JweError> {
    use miniz_oxide::inflate::{DecompressError, TINFLStatus, decompress_to_vec_with_limit};
    decompress_to_vec_with_limit(deflated, MAX_INFLATED).map_err(
        |DecompressError { status, .. }| match status {
            TINFLStatus::HasMoreOutput => JweError::TooLarge,
            _ => JweError::Malformed("the compressed content is not valid DEFLATE".into()),
        },
    )
}

#[cfg(all(test, not(feature = "split")))]
mod tests;
