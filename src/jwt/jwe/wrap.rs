//! Key management (RFC 7518 §4): how the content encryption key is carried. Direct use of a
//! shared key, AES key wrap, AES-GCM key wrap, and RSA (PKCS #1 v1.5 and OAEP).

use aes::{Aes128, Aes192, Aes256};
use aes_kw::KeyInit;
use aes_kw::{KwAes128, KwAes192, KwAes256};
use rsa::{Oaep, Pkcs1v15Encrypt, PrivateKey, PublicKey};

use super::error::JweError;
use super::{agreement, content};
use crate::jwt::algorithm::Curve;
use crate::jwt::base64url;
use crate::jwt::json::Value;

/// The most PBKDF2 iterations (`p2c`) a token may ask for: each costs two hashes, and a token
/// asking for billions would hold the tab (checked before any work).
pub const MAX_P2C: u32 = 1_000_000;

/// The iterations the page uses when it encrypts with a password.
pub const P2C: u32 = 100_000;

/// The key management algorithms (`alg`) this page reads: every one it writes, and RSA1_5.
pub fn reads(alg: &str) -> bool {
    alg == "RSA1_5" || super::names::SEALING_ALGS.contains(&alg)
}

/// The key a token is opened with.
#[derive(Clone, Copy)]
pub enum Unwrapping<'a> {
    /// A shared secret (an `oct` JWK, or a secret read with the chosen encoding).
    Secret(&'a [u8]),
    Rsa(&'a PrivateKey),
    /// An EC private key: its curve and scalar (big-endian).
    Ec(Curve, &'a [u8]),
    /// An X25519 private key.
    X25519(&'a [u8; 32]),
}

/// The header's PBES2 iteration count `p2c`: `None` when absent, an error when it is not a count
/// from 1 to [`MAX_P2C`] (checked before any work, for opening and sealing alike).
fn iterations(header: &Value) -> Result<Option<u32>, JweError> {
    let Some(written) = header.get("p2c") else {
        return Ok(None);
    };
    match written.unsigned_integer() {
        None => Err(JweError::Malformed(
            "\"p2c\" must be a count written in digits (no sign, fraction or exponent)".into(),
        )),
        Some(0) => Err(JweError::Malformed("\"p2c\" must be at least 1".into())),
        Some(p2c) => match u32::try_from(p2c) {
            Ok(p2c) if p2c <= MAX_P2C => Ok(Some(p2c)),
            _ => Err(JweError::Unsupported(format!(
                "a \"p2c\" of {} iterations (this page runs at most {MAX_P2C})",
                written.minified()
            ))),
        },
    }
}

/// The key-encryption key PBES2 derives from `password` (RFC 7518 §4.8): PBKDF2 with the
/// algorithm's HMAC, salted with `alg ‖ 0x00 ‖ p2s`.
fn pbes2_kek(alg: &str, password: &[u8], p2s: &[u8], p2c: u32) -> Result<Vec<u8>, JweError> {
    let mut salt = alg.as_bytes().to_vec();
    salt.push(0);
    salt.extend_from_slice(p2s);
    let mut kek = vec![0u8; aes_key_len(alg.rsplit('+').next().unwrap_or_default())];
    let result = match alg {
        "PBES2-HS256+A128KW" => {
            pbkdf2::pbkdf2::<hmac::Hmac<sha2::Sha256>>(password, &salt, p2c, &mut kek)
        }
        "PBES2-HS384+A192KW" => {
            pbkdf2::pbkdf2::<hmac::Hmac<sha2::Sha384>>(password, &salt, p2c, &mut kek)
        }
        _ => pbkdf2::pbkdf2::<hmac::Hmac<sha2::Sha512>>(password, &salt, p2c, &mut kek),
    };
    result.map_err(|_| JweError::Failed)?;
    Ok(kek)
}

/// AES key unwrap with a key of 16, 24 or 32 bytes; `None` when the integrity check fails.
fn aes_unwrap(kek: &[u8], wrapped: &[u8]) -> Option<Vec<u8>> {
    let mut buffer = vec![0u8; wrapped.len()];
    match kek.len() {
        16 => KwAes128::new_from_slice(kek)
            .ok()
            .and_then(|kw| kw.unwrap_key(wrapped, &mut buffer).ok().map(<[u8]>::to_vec)),
        24 => KwAes192::new_from_slice(kek)
            .ok()
            .and_then(|kw| kw.unwrap_key(wrapped, &mut buffer).ok().map(<[u8]>::to_vec)),
        32 => KwAes256::new_from_slice(kek)
            .ok()
            .and_then(|kw| kw.unwrap_key(wrapped, &mut buffer).ok().map(<[u8]>::to_vec)),
        _ => None,
    }
}

/// AES key wrap of `cek` with a key of 16, 24 or 32 bytes.
fn aes_wrap(kek: &[u8], cek: &[u8]) -> Option<Vec<u8>> {
    let mut buffer = vec![0u8; cek.len() + aes_kw::IV_LEN];
    match kek.len() {
        16 => KwAes128::new_from_slice(kek)
            .ok()
            .and_then(|kw| kw.wrap_key(cek, &mut buffer).ok().map(<[u8]>::to_vec)),
        24 => KwAes192::new_from_slice(kek)
            .ok()
            .and_then(|kw| kw.wrap_key(cek, &mut buffer).ok().map(<[u8]>::to_vec)),
        32 => KwAes256::new_from_slice(kek)
            .ok()
            .and_then(|kw| kw.wrap_key(cek, &mut buffer).ok().map(<[u8]>::to_vec)),
        _ => None,
    }
}

/// The content encryption key carried by `encrypted_key` under `alg`, for `enc`'s `cek_len`.
pub fn unwrap_cek(
    alg: &str,
    header: &Value,
    encrypted_key: &[u8],
    key: Unwrapping,
    cek_len: usize,
) -> Result<Vec<u8>, JweError> {
    match (alg, key) {
        ("dir", Unwrapping::Secret(secret)) => {
            if !encrypted_key.is_empty() {
                return Err(JweError::Malformed(
                    "with alg \"dir\" the encrypted key must be empty".into(),
                ));
            }
            if secret.len() != cek_len {
                return Err(JweError::KeyDoesNotFit(format!(
                    "alg \"dir\" uses the key itself: this enc needs {} bits, the key has {}",
                    cek_len * 8,
                    secret.len() * 8
                )));
            }
            Ok(secret.to_vec())
        }
        ("A128KW" | "A192KW" | "A256KW", Unwrapping::Secret(secret)) => {
            fits_aes(alg, secret, aes_key_len(alg))?;
            aes_unwrap(secret, encrypted_key).ok_or(JweError::Failed)
        }
        (
            "PBES2-HS256+A128KW" | "PBES2-HS384+A192KW" | "PBES2-HS512+A256KW",
            Unwrapping::Secret(password),
        ) => {
            let p2c = iterations(header)?.ok_or_else(|| {
                JweError::Malformed(format!(
                    "alg \"{alg}\" needs \"p2c\", a positive whole number, in the header"
                ))
            })?;
            let p2s = match header.get("p2s").and_then(Value::as_str) {
                Some(text) => base64url::decode(&text)
                    .map_err(|e| JweError::Malformed(format!("the header's \"p2s\": {e}")))?,
                None => {
                    return Err(JweError::Malformed(format!(
                        "alg \"{alg}\" needs \"p2s\" in the header"
                    )));
                }
            };
            let kek = pbes2_kek(alg, password, &p2s, p2c)?;
            aes_unwrap(&kek, encrypted_key).ok_or(JweError::Failed)
        }
        ("ECDH-ES", Unwrapping::Ec(..) | Unwrapping::X25519(_)) => {
            if !encrypted_key.is_empty() {
                return Err(JweError::Malformed(
                    "with alg \"ECDH-ES\" the encrypted key must be empty".into(),
                ));
            }
            agree(alg, header, key, cek_len)
        }
        (
            "ECDH-ES+A128KW" | "ECDH-ES+A192KW" | "ECDH-ES+A256KW",
            Unwrapping::Ec(..) | Unwrapping::X25519(_),
        ) => {
            let kek_len = aes_key_len(alg.trim_start_matches("ECDH-ES+"));
            let kek = agree(alg, header, key, kek_len)?;
            aes_unwrap(&kek, encrypted_key).ok_or(JweError::Failed)
        }
        ("A128GCMKW" | "A192GCMKW" | "A256GCMKW", Unwrapping::Secret(secret)) => {
            fits_aes(alg, secret, aes_key_len(alg))?;
            let member = |name: &str| -> Result<Vec<u8>, JweError> {
                let text = header.get(name).and_then(Value::as_str).ok_or_else(|| {
                    JweError::Malformed(format!("alg \"{alg}\" needs \"{name}\" in the header"))
                })?;
                base64url::decode(&text)
                    .map_err(|e| JweError::Malformed(format!("the header's \"{name}\": {e}")))
            };
            let (iv, tag) = (member("iv")?, member("tag")?);
            match secret.len() {
                16 => content::gcm::<Aes128>(secret, &iv, b"", encrypted_key, &tag),
                24 => content::gcm::<Aes192>(secret, &iv, b"", encrypted_key, &tag),
                _ => content::gcm::<Aes256>(secret, &iv, b"", encrypted_key, &tag),
            }
        }
        ("RSA1_5", Unwrapping::Rsa(private)) => {
            // A padding error must look like any other failure, or the page would be a
            // padding oracle (RFC 7516 §11.5): a wrong padding or length becomes a random key,
            // and the content's tag then fails as it would for a wrong key.
            let mut fallback = vec![0u8; cek_len];
            getrandom::fill(&mut fallback).map_err(|_| JweError::Failed)?;
            Ok(match private.decrypt(Pkcs1v15Encrypt, encrypted_key) {
                Ok(cek) if cek.len() == cek_len => cek,
                _ => fallback,
            })
        }
        ("RSA-OAEP", Unwrapping::Rsa(private)) => private
            .decrypt(Oaep::<sha1::Sha1>::new(), encrypted_key)
            .map_err(|_| JweError::Failed),
        ("RSA-OAEP-256", Unwrapping::Rsa(private)) => private
            .decrypt(Oaep::<sha2::Sha256>::new(), encrypted_key)
            .map_err(|_| JweError::Failed),
        (alg, _) if !reads(alg) => Err(JweError::Unsupported(format!("alg \"{alg}\""))),
        (alg, _) => Err(JweError::KeyDoesNotFit(format!(
            "alg \"{alg}\" needs {}",
            needs(alg)
        ))),
    }
}

/// The key an ECDH-ES recipient's side derives, `len` bytes.
fn agree(alg: &str, header: &Value, key: Unwrapping, len: usize) -> Result<Vec<u8>, JweError> {
    match key {
        Unwrapping::Ec(curve, scalar) => {
            agreement::receive(alg, enc_of(header), header, curve, scalar, len)
        }
        Unwrapping::X25519(secret) => {
            agreement::receive_x25519(alg, enc_of(header), header, secret, len)
        }
        _ => Err(JweError::KeyDoesNotFit(format!(
            "alg \"{alg}\" needs {}",
            needs(alg)
        ))),
    }
}

/// The key an ECDH-ES sender derives for `key`, `len` bytes, and the `epk` to send.
fn agree_to(
    alg: &str,
    enc: &str,
    key: Wrapping,
    len: usize,
) -> Result<(Vec<u8>, String), JweError> {
    match key {
        Wrapping::Ec(curve, point) => agreement::send(alg, enc, curve, point, len),
        Wrapping::X25519(public) => agreement::send_x25519(alg, enc, public, len),
        _ => Err(JweError::KeyDoesNotFit(format!(
            "alg \"{alg}\" needs {}",
            needs(alg)
        ))),
    }
}

/// The kind of key `alg` needs, in words.
fn needs(alg: &str) -> &'static str {
    if alg.starts_with("RSA") {
        "an RSA key"
    } else if alg.starts_with("ECDH-ES") {
        "an EC key (P-256, P-384 or P-521) or an X25519 key"
    } else if alg.starts_with("PBES2") {
        "a password"
    } else {
        "a shared secret (an \"oct\" JWK)"
    }
}

/// The header's `enc` (checked by the caller before any key work).
fn enc_of(header: &Value) -> &str {
    match header.get("enc") {
        Some(Value::String(raw)) => raw,
        _ => "",
    }
}

/// The key a token is sealed for.
#[derive(Clone, Copy)]
pub enum Wrapping<'a> {
    Secret(&'a [u8]),
    Rsa(&'a PublicKey),
    /// An EC public key: its curve and SEC1 point.
    Ec(Curve, &'a [u8]),
    /// An X25519 public key.
    X25519(&'a [u8; 32]),
}

/// What sealing needs in the header besides `alg` and `enc` (AES-GCM key wrap's `iv` and `tag`,
/// ECDH-ES's `epk`), each as its JSON text.
pub type HeaderMembers = Vec<(&'static str, String)>;

/// The content encryption key for `alg` (for `dir`, the key itself) and how it travels: the
/// encrypted key and any header members.
pub fn wrap_cek(
    alg: &str,
    enc: &str,
    header: &Value,
    key: Wrapping,
    cek_len: usize,
) -> Result<(Vec<u8>, Vec<u8>, HeaderMembers), JweError> {
    let random = |len: usize| -> Result<Vec<u8>, JweError> {
        let mut bytes = vec![0u8; len];
        getrandom::fill(&mut bytes).map_err(|_| JweError::Key("no random numbers".into()))?;
        Ok(bytes)
    };
    match (alg, key) {
        ("dir", Wrapping::Secret(secret)) => {
            if secret.len() != cek_len {
                return Err(JweError::KeyDoesNotFit(format!(
                    "alg \"dir\" uses the key itself: this enc needs {} bits, the key has {}",
                    cek_len * 8,
                    secret.len() * 8
                )));
            }
            Ok((secret.to_vec(), Vec::new(), Vec::new()))
        }
        ("A128KW" | "A192KW" | "A256KW", Wrapping::Secret(secret)) => {
            fits_aes(alg, secret, aes_key_len(alg))?;
            let cek = random(cek_len)?;
            let wrapped = aes_wrap(secret, &cek).ok_or(JweError::Failed)?;
            Ok((cek, wrapped, Vec::new()))
        }
        (
            "PBES2-HS256+A128KW" | "PBES2-HS384+A192KW" | "PBES2-HS512+A256KW",
            Wrapping::Secret(password),
        ) => {
            // The header's own `p2c`, if it sets one; else the page's default, added to it.
            let given = iterations(header)?;
            let p2c = given.unwrap_or(P2C);
            let p2s = random(16)?;
            let kek = pbes2_kek(alg, password, &p2s, p2c)?;
            let cek = random(cek_len)?;
            let wrapped = aes_wrap(&kek, &cek).ok_or(JweError::Failed)?;
            let mut members = vec![("p2s", format!("\"{}\"", base64url::encode(&p2s)))];
            if given.is_none() {
                members.push(("p2c", p2c.to_string()));
            }
            Ok((cek, wrapped, members))
        }
        ("ECDH-ES", Wrapping::Ec(..) | Wrapping::X25519(_)) => {
            let (cek, epk) = agree_to(alg, enc, key, cek_len)?;
            Ok((cek, Vec::new(), vec![("epk", epk)]))
        }
        (
            "ECDH-ES+A128KW" | "ECDH-ES+A192KW" | "ECDH-ES+A256KW",
            Wrapping::Ec(..) | Wrapping::X25519(_),
        ) => {
            let kek_len = aes_key_len(alg.trim_start_matches("ECDH-ES+"));
            let (kek, epk) = agree_to(alg, enc, key, kek_len)?;
            let cek = random(cek_len)?;
            let wrapped = aes_wrap(&kek, &cek).ok_or(JweError::Failed)?;
            Ok((cek, wrapped, vec![("epk", epk)]))
        }
        ("A128GCMKW" | "A192GCMKW" | "A256GCMKW", Wrapping::Secret(secret)) => {
            fits_aes(alg, secret, aes_key_len(alg))?;
            let (cek, iv) = (random(cek_len)?, random(12)?);
            let (wrapped, tag) = match secret.len() {
                16 => content::gcm_seal::<Aes128>(secret, &iv, b"", &cek)?,
                24 => content::gcm_seal::<Aes192>(secret, &iv, b"", &cek)?,
                _ => content::gcm_seal::<Aes256>(secret, &iv, b"", &cek)?,
            };
            let members = vec![
                ("iv", format!("\"{}\"", base64url::encode(&iv))),
                ("tag", format!("\"{}\"", base64url::encode(&tag))),
            ];
            Ok((cek, wrapped, members))
        }
        ("RSA-OAEP" | "RSA-OAEP-256", Wrapping::Rsa(public)) => {
            let cek = random(cek_len)?;
            let mut rng = getrandom::SysRng;
            let wrapped = if alg == "RSA-OAEP" {
                public.encrypt(&mut rng, Oaep::<sha1::Sha1>::new(), &cek)
            } else {
                public.encrypt(&mut rng, Oaep::<sha2::Sha256>::new(), &cek)
            }
            .map_err(|e| JweError::KeyDoesNotFit(format!("RSA encryption failed: {e}")))?;
            Ok((cek, wrapped, Vec::new()))
        }
        ("RSA1_5", _) => Err(JweError::Unsupported(
            "encrypting with alg \"RSA1_5\" (padding-oracle prone, RFC 8725 §3.2)".into(),
        )),
        (alg, _) if !reads(alg) => Err(JweError::Unsupported(format!("alg \"{alg}\""))),
        (alg, _) => Err(JweError::KeyDoesNotFit(format!(
            "alg \"{alg}\" needs {}",
            needs(alg)
        ))),
    }
}

fn aes_key_len(alg: &str) -> usize {
    match alg.get(..4).unwrap_or_default() {
        "A128" => 16,
        "A192" => 24,
        _ => 32,
    }
}

fn fits_aes(alg: &str, secret: &[u8], want: usize) -> Result<(), JweError> {
    if secret.len() == want {
        Ok(())
    } else {
        Err(JweError::KeyDoesNotFit(format!(
            "alg \"{alg}\" needs a {}-bit key, the key has {} bits",
            want * 8,
            secret.len() * 8
        )))
    }
}
