//! Key management (RFC 7518 §4): how the content encryption key is carried. Direct use of a
//! shared key, AES key wrap, AES-GCM key wrap, and RSA (PKCS #1 v1.5 and OAEP).

use aes::{Aes128, Aes192, Aes256};
use aes_kw::KeyInit;
use aes_kw::{KwAes128, KwAes192, KwAes256};
use rsa::{Oaep, Pkcs1v15Encrypt, PrivateKey, PublicKey};

use super::JweError;
use super::content;
use crate::jwt::base64url;
use crate::jwt::json::Value;

/// The key management algorithms (`alg`) this page reads.
pub const ALGS: [&str; 10] = [
    "dir",
    "A128KW",
    "A192KW",
    "A256KW",
    "A128GCMKW",
    "A192GCMKW",
    "A256GCMKW",
    "RSA1_5",
    "RSA-OAEP",
    "RSA-OAEP-256",
];

/// The key a token is opened with.
pub enum Unwrapping<'a> {
    /// A shared secret (an `oct` JWK, or a secret read with the chosen encoding).
    Secret(&'a [u8]),
    Rsa(&'a PrivateKey),
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
            let want = aes_key_len(alg);
            fits_aes(alg, secret, want)?;
            let mut buffer = vec![0u8; encrypted_key.len()];
            let unwrapped = match want {
                16 => KwAes128::new_from_slice(secret).ok().and_then(|kw| {
                    kw.unwrap_key(encrypted_key, &mut buffer)
                        .ok()
                        .map(<[u8]>::to_vec)
                }),
                24 => KwAes192::new_from_slice(secret).ok().and_then(|kw| {
                    kw.unwrap_key(encrypted_key, &mut buffer)
                        .ok()
                        .map(<[u8]>::to_vec)
                }),
                _ => KwAes256::new_from_slice(secret).ok().and_then(|kw| {
                    kw.unwrap_key(encrypted_key, &mut buffer)
                        .ok()
                        .map(<[u8]>::to_vec)
                }),
            };
            unwrapped.ok_or(JweError::Failed)
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
        (alg, _) if !ALGS.contains(&alg) => Err(JweError::Unsupported(format!("alg \"{alg}\""))),
        (alg, Unwrapping::Secret(_)) => Err(JweError::KeyDoesNotFit(format!(
            "alg \"{alg}\" needs an RSA private key, not a secret"
        ))),
        (alg, Unwrapping::Rsa(_)) => Err(JweError::KeyDoesNotFit(format!(
            "alg \"{alg}\" needs a shared secret (an \"oct\" JWK), not an RSA key"
        ))),
    }
}

/// The key a token is sealed for.
pub enum Wrapping<'a> {
    Secret(&'a [u8]),
    Rsa(&'a PublicKey),
}

/// What sealing needs in the header besides `alg` and `enc` (AES-GCM key wrap's `iv` and `tag`),
/// as base64url members.
pub type HeaderMembers = Vec<(&'static str, String)>;

/// The content encryption key for `alg` (for `dir`, the key itself) and how it travels: the
/// encrypted key and any header members.
pub fn wrap_cek(
    alg: &str,
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
            let mut buffer = vec![0u8; cek_len + aes_kw::IV_LEN];
            let wrapped = match secret.len() {
                16 => KwAes128::new_from_slice(secret)
                    .ok()
                    .and_then(|kw| kw.wrap_key(&cek, &mut buffer).ok().map(<[u8]>::to_vec)),
                24 => KwAes192::new_from_slice(secret)
                    .ok()
                    .and_then(|kw| kw.wrap_key(&cek, &mut buffer).ok().map(<[u8]>::to_vec)),
                _ => KwAes256::new_from_slice(secret)
                    .ok()
                    .and_then(|kw| kw.wrap_key(&cek, &mut buffer).ok().map(<[u8]>::to_vec)),
            };
            let wrapped = wrapped.ok_or(JweError::Failed)?;
            Ok((cek, wrapped, Vec::new()))
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
                ("iv", base64url::encode(&iv)),
                ("tag", base64url::encode(&tag)),
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
        (alg, _) if !ALGS.contains(&alg) => Err(JweError::Unsupported(format!("alg \"{alg}\""))),
        (alg, Wrapping::Secret(_)) => Err(JweError::KeyDoesNotFit(format!(
            "alg \"{alg}\" needs an RSA public key, not a secret"
        ))),
        (alg, Wrapping::Rsa(_)) => Err(JweError::KeyDoesNotFit(format!(
            "alg \"{alg}\" needs a shared secret (an \"oct\" JWK), not an RSA key"
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
