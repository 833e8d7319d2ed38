//! Encrypted tokens (JWE, RFC 7516), compact serialization: the content encryption key is
//! recovered with the user's key ([`wrap`]), then the content is authenticated and decrypted
//! ([`content`]), and inflated when `zip` is `DEF`. Every failure is an error a user can act on;
//! a wrong key and an altered token give the same one, as they cannot be told apart.

#[cfg(not(feature = "split"))]
pub mod agreement;
#[cfg(not(feature = "split"))]
pub mod content;
#[cfg(not(feature = "split"))]
pub mod wrap;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::jwt::keys::SecretEncoding;
use crate::jwt::{base64url, json::Value};
#[cfg(not(feature = "split"))]
use crate::jwt::{
    keys::{KeySet, Material},
    token::{Kind, Token},
};
#[cfg(not(feature = "split"))]
pub use wrap::Unwrapping;

/// The content encryption algorithms (`enc`, RFC 7518 §5) this page reads and writes, the
/// strongest first.
pub const ENCS: [&str; 6] = [
    "A256GCM",
    "A192GCM",
    "A128GCM",
    "A256CBC-HS512",
    "A192CBC-HS384",
    "A128CBC-HS256",
];

/// The key management algorithms (`alg`) this page writes, as the Encrypt panel offers them:
/// every one it reads but RSA1_5 (padding-oracle prone, RFC 8725 §3.2).
pub const SEALING_ALGS: [&str; 16] = [
    "RSA-OAEP-256",
    "RSA-OAEP",
    "ECDH-ES",
    "ECDH-ES+A128KW",
    "ECDH-ES+A192KW",
    "ECDH-ES+A256KW",
    "A128KW",
    "A192KW",
    "A256KW",
    "A128GCMKW",
    "A192GCMKW",
    "A256GCMKW",
    "PBES2-HS256+A128KW",
    "PBES2-HS384+A192KW",
    "PBES2-HS512+A256KW",
    "dir",
];

/// The largest plaintext `zip` may inflate to (1 MiB): a few bytes of DEFLATE can claim
/// gigabytes.
pub const MAX_INFLATED: usize = 1024 * 1024;

/// Why a token could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum JweError {
    /// An `alg`, `enc` or `zip` this page does not read.
    Unsupported(String),
    /// The key is of the wrong type or size for the `alg`.
    KeyDoesNotFit(String),
    /// The tag does not match: the key is wrong, or the token was altered.
    Failed,
    /// The token or its header is not a well-formed JWE.
    Malformed(String),
    /// `zip` inflates past [`MAX_INFLATED`].
    TooLarge,
    /// The key text could not be read, or the key engine could not be reached.
    Key(String),
}

impl JweError {
    /// Whether the token was checked with a fitting key and did not open (the verdict's
    /// `invalid`), as against no check being possible (`unverifiable`).
    pub fn checked(&self) -> bool {
        matches!(self, Self::Failed)
    }
}

impl fmt::Display for JweError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unsupported(what) => write!(f, "{what} is not supported here"),
            Self::KeyDoesNotFit(why) => write!(f, "the key does not fit: {why}"),
            Self::Failed => write!(
                f,
                "the key is wrong or the token was altered: the authentication tag does not match"
            ),
            Self::Malformed(why) => write!(f, "not a well-formed JWE: {why}"),
            Self::TooLarge => write!(
                f,
                "the compressed content inflates past {} KiB, the most this page opens",
                MAX_INFLATED / 1024
            ),
            Self::Key(why) => write!(f, "{why}"),
        }
    }
}

/// An opened token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opened {
    pub plaintext: Vec<u8>,
    pub alg: String,
    pub enc: String,
    /// The key that opened it, described (`RSA 2048-bit private key, JWK`).
    pub key: String,
}

/// Opens the compact JWE `token` with the key in `key_text` (read with `encoding` when it is a
/// secret). Where keys live in the key engine it answers; `None` until its answer is in.
pub fn open(
    token: &str,
    key_text: &str,
    encoding: SecretEncoding,
) -> Option<Result<Opened, JweError>> {
    #[cfg(feature = "split")]
    {
        return match crate::jwt::keys::remote::engine() {
            Some(engine) => engine.decrypt(token, key_text, encoding),
            None => Some(Err(JweError::Key("the key engine is not running".into()))),
        };
    }
    #[cfg(not(feature = "split"))]
    Some(open_here(token, key_text, encoding))
}

/// Seals `plaintext` as a compact JWE under `header_text` for the key in `key_text`. Where keys
/// live in the key engine it answers; `None` until its answer is in.
pub fn seal(
    header_text: &str,
    plaintext: &str,
    key_text: &str,
    encoding: SecretEncoding,
) -> Option<Result<String, JweError>> {
    #[cfg(feature = "split")]
    {
        return match crate::jwt::keys::remote::engine() {
            Some(engine) => engine.encrypt(header_text, plaintext, key_text, encoding),
            None => Some(Err(JweError::Key("the key engine is not running".into()))),
        };
    }
    #[cfg(not(feature = "split"))]
    Some(seal_here(header_text, plaintext, key_text, encoding))
}

/// [`seal`], where the keys are read.
#[cfg(not(feature = "split"))]
pub fn seal_here(
    header_text: &str,
    plaintext: &str,
    key_text: &str,
    encoding: SecretEncoding,
) -> Result<String, JweError> {
    let keys = read_keys(key_text, encoding, "no key to encrypt to")?;
    encrypt(header_text, plaintext.as_bytes(), &keys)
}

/// The keys in `key_text` for a JWE; `missing` says what an empty text lacks.
#[cfg(not(feature = "split"))]
pub fn read_keys(
    key_text: &str,
    encoding: SecretEncoding,
    missing: &str,
) -> Result<KeySet, JweError> {
    match crate::jwt::keys::parse(key_text, encoding) {
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

/// [`open`], where the keys are read.
#[cfg(not(feature = "split"))]
pub fn open_here(
    token: &str,
    key_text: &str,
    encoding: SecretEncoding,
) -> Result<Opened, JweError> {
    open_with(token, &read_keys(key_text, encoding, "no key")?)
}

/// One way into a JWE: a recipient's whole header (protected, shared unprotected and its own
/// members together) and the content key encrypted for it.
#[cfg(not(feature = "split"))]
struct Recipient {
    header: Value,
    encrypted_key: Vec<u8>,
}

/// A JWE as either serialization carries it.
#[cfg(not(feature = "split"))]
struct Sealed {
    recipients: Vec<Recipient>,
    iv: Vec<u8>,
    ciphertext: Vec<u8>,
    tag: Vec<u8>,
    /// The additional authenticated data: the protected header as written (and `.aad`).
    aad: Vec<u8>,
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
    let mut errors = Vec::new();
    for recipient in &sealed.recipients {
        match open_for(&sealed, recipient, keys) {
            Ok(opened) => return Ok(opened),
            Err(error) => errors.push(error),
        }
    }
    Err(telling(errors).unwrap_or(JweError::Malformed("it has no recipient".into())))
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

#[cfg(not(feature = "split"))]
fn from_compact(token: &Token) -> Result<Sealed, JweError> {
    let segment = |i: usize| -> Result<Vec<u8>, JweError> {
        let part = token.segments.get(i).ok_or(JweError::Failed)?;
        base64url::decode(token.segment_text(part))
            .map_err(|e| JweError::Malformed(format!("{}: {e}", part.part.label())))
    };
    Ok(Sealed {
        recipients: vec![Recipient {
            header: token.header.clone(),
            encrypted_key: segment(1)?,
        }],
        iv: segment(2)?,
        ciphertext: segment(3)?,
        tag: segment(4)?,
        // The protected header exactly as it is in the token.
        aad: token
            .segments
            .first()
            .map(|s| token.segment_text(s).as_bytes().to_vec())
            .unwrap_or_default(),
    })
}

/// The members of a JSON JWE's header objects, together; the same name twice is refused
/// (RFC 7516 §7.2.1: the header parameter sets must be disjoint).
pub fn joined_header(parts: &[&Value]) -> Result<Value, JweError> {
    let mut members: Vec<crate::jwt::json::Member> = Vec::new();
    for part in parts {
        for member in part.members() {
            let name = crate::jwt::json::unescape(&member.key);
            if members
                .iter()
                .any(|m| crate::jwt::json::unescape(&m.key) == name)
            {
                return Err(JweError::Malformed(format!(
                    "\"{name}\" is in more than one of the JWE's headers"
                )));
            }
            members.push(member.clone());
        }
    }
    Ok(Value::Object(members))
}

/// The protected header of a JSON JWE, decoded (an empty object when there is none).
pub fn protected_of(json: &Value) -> Result<(String, Value), JweError> {
    match json.get("protected") {
        None => Ok((String::new(), Value::Object(Vec::new()))),
        Some(value) => {
            let text = value
                .as_str()
                .ok_or_else(|| JweError::Malformed("\"protected\" is not a string".into()))?;
            let bytes = base64url::decode(&text)
                .map_err(|e| JweError::Malformed(format!("\"protected\": {e}")))?;
            let header = String::from_utf8(bytes)
                .ok()
                .and_then(|t| crate::jwt::json::parse(&t).ok())
                .filter(|v| matches!(v, Value::Object(_)))
                .ok_or_else(|| JweError::Malformed("\"protected\" is not a JSON object".into()))?;
            Ok((text, header))
        }
    }
}

#[cfg(not(feature = "split"))]
fn from_json(text: &str) -> Result<Sealed, JweError> {
    let json =
        crate::jwt::json::parse(text).map_err(|e| JweError::Malformed(format!("not JSON: {e}")))?;
    let bytes = |name: &str, required: bool| -> Result<Vec<u8>, JweError> {
        match json.get(name) {
            None if !required => Ok(Vec::new()),
            None => Err(JweError::Malformed(format!("it has no \"{name}\""))),
            Some(value) => {
                let text = value
                    .as_str()
                    .ok_or_else(|| JweError::Malformed(format!("\"{name}\" is not a string")))?;
                base64url::decode(&text)
                    .map_err(|e| JweError::Malformed(format!("\"{name}\": {e}")))
            }
        }
    };
    let (protected_text, protected) = protected_of(&json)?;
    let empty = Value::Object(Vec::new());
    let shared = json.get("unprotected").unwrap_or(&empty);
    let recipient = |item: &Value| -> Result<Recipient, JweError> {
        let own = item.get("header").unwrap_or(&empty);
        let encrypted_key = match item.get("encrypted_key").and_then(Value::as_str) {
            Some(text) => base64url::decode(&text)
                .map_err(|e| JweError::Malformed(format!("\"encrypted_key\": {e}")))?,
            None => Vec::new(),
        };
        Ok(Recipient {
            header: joined_header(&[&protected, shared, own])?,
            encrypted_key,
        })
    };
    let recipients = match json.get("recipients") {
        Some(Value::Array(items)) => items.iter().map(recipient).collect::<Result<Vec<_>, _>>()?,
        Some(_) => return Err(JweError::Malformed("\"recipients\" is not an array".into())),
        None => vec![recipient(&json)?],
    };
    let mut aad = protected_text.into_bytes();
    if let Some(extra) = json.get("aad").and_then(Value::as_str) {
        aad.push(b'.');
        aad.extend_from_slice(extra.as_bytes());
    }
    Ok(Sealed {
        recipients,
        iv: bytes("iv", false)?,
        ciphertext: bytes("ciphertext", true)?,
        tag: bytes("tag", false)?,
        aad,
    })
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
    let (cek, encrypted_key, extra) = wrap::wrap_cek(&alg, &enc, &header, wrapping, cek_len)?;
    let mut protected = header.minified();
    if !extra.is_empty() {
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
mod tests {
    use super::*;
    use crate::jwt::keys::{self, SecretEncoding};

    const RSA_PRIVATE: &str = include_str!("../../../tests/vectors/keys/rsa2048.pkcs8.pem");

    fn secret(len: usize) -> KeySet {
        let hex: String = (0..len)
            .map(|i| format!("{:02x}", (i * 7 + 1) % 256))
            .collect();
        keys::parse(&hex, SecretEncoding::Hex).unwrap().unwrap()
    }

    fn round_trip(alg: &str, enc: &str, keys: &KeySet) {
        // PBKDF2 is slow by design, and slower still in a test build: few iterations here.
        let p2c = if alg.starts_with("PBES2") {
            r#","p2c":1000"#
        } else {
            ""
        };
        let header = format!(r#"{{"alg":"{alg}","enc":"{enc}","cty":"text"{p2c}}}"#);
        let plaintext = format!("sealed with {alg} and {enc}");
        let compact = encrypt(&header, plaintext.as_bytes(), keys)
            .unwrap_or_else(|e| panic!("{alg} {enc}: {e}"));
        let token = crate::jwt::token::decode(&compact).unwrap();
        let opened = decrypt(&token, keys).unwrap_or_else(|e| panic!("{alg} {enc}: {e}"));
        assert_eq!(opened.plaintext, plaintext.as_bytes(), "{alg} {enc}");
        // Any change to the tag is refused, as a wrong key is.
        let mut altered = compact.clone();
        let last = altered.pop().unwrap();
        altered.push(if last == 'A' { 'B' } else { 'A' });
        if let Ok(token) = crate::jwt::token::decode(&altered) {
            assert_eq!(
                decrypt(&token, keys).unwrap_err(),
                JweError::Failed,
                "{alg} {enc}"
            );
        }
    }

    #[test]
    fn every_alg_and_enc_seals_and_opens() {
        let rsa = keys::parse(RSA_PRIVATE, SecretEncoding::Utf8)
            .unwrap()
            .unwrap();
        let ec_keys: Vec<KeySet> = [
            include_str!("../../../tests/vectors/keys/p256.pkcs8.pem"),
            include_str!("../../../tests/vectors/keys/p384.pkcs8.pem"),
            include_str!("../../../tests/vectors/keys/p521.pkcs8.pem"),
        ]
        .iter()
        .map(|pem| keys::parse(pem, SecretEncoding::Utf8).unwrap().unwrap())
        .collect();
        let password = keys::parse("correct horse battery staple", SecretEncoding::Utf8)
            .unwrap()
            .unwrap();
        for enc in ENCS {
            for alg in [
                "PBES2-HS256+A128KW",
                "PBES2-HS384+A192KW",
                "PBES2-HS512+A256KW",
            ] {
                round_trip(alg, enc, &password);
            }
            let cek_len = content::cek_len(enc).unwrap();
            round_trip("dir", enc, &secret(cek_len));
            for (alg, len) in [
                ("A128KW", 16),
                ("A192KW", 24),
                ("A256KW", 32),
                ("A128GCMKW", 16),
                ("A192GCMKW", 24),
                ("A256GCMKW", 32),
            ] {
                round_trip(alg, enc, &secret(len));
            }
            round_trip("RSA-OAEP", enc, &rsa);
            round_trip("RSA-OAEP-256", enc, &rsa);
            for alg in [
                "PBES2-HS256+A128KW",
                "PBES2-HS384+A192KW",
                "PBES2-HS512+A256KW",
            ] {
                round_trip(alg, enc, &password);
            }
            for ec in &ec_keys {
                for alg in [
                    "ECDH-ES",
                    "ECDH-ES+A128KW",
                    "ECDH-ES+A192KW",
                    "ECDH-ES+A256KW",
                ] {
                    round_trip(alg, enc, ec);
                }
            }
        }
    }

    #[test]
    fn keys_that_do_not_fit_say_why() {
        let header = r#"{"alg":"A128KW","enc":"A128GCM"}"#;
        let error = encrypt(header, b"x", &secret(32)).unwrap_err();
        assert!(error.to_string().contains("needs a 128-bit key"), "{error}");
        let rsa = keys::parse(RSA_PRIVATE, SecretEncoding::Utf8)
            .unwrap()
            .unwrap();
        assert!(matches!(
            encrypt(header, b"x", &rsa),
            Err(JweError::KeyDoesNotFit(_))
        ));
        // RSA1_5 is read, never written.
        let header = r#"{"alg":"RSA1_5","enc":"A128GCM"}"#;
        assert!(matches!(
            encrypt(header, b"x", &rsa),
            Err(JweError::Unsupported(_))
        ));
        // The wrong key for decryption: an RSA key for A128KW.
        let compact = encrypt(r#"{"alg":"A128KW","enc":"A128GCM"}"#, b"x", &secret(16)).unwrap();
        let token = crate::jwt::token::decode(&compact).unwrap();
        assert!(matches!(
            decrypt(&token, &rsa),
            Err(JweError::KeyDoesNotFit(_))
        ));
        // An unknown enc or zip is named.
        let header = r#"{"alg":"dir","enc":"A128CTR"}"#;
        assert_eq!(
            encrypt(header, b"x", &secret(16)).unwrap_err(),
            JweError::Unsupported("enc \"A128CTR\"".into())
        );
    }

    #[test]
    fn zip_inflates_within_its_cap() {
        let keys = secret(16);
        let header = r#"{"alg":"A128KW","enc":"A128GCM","zip":"DEF"}"#;
        let text = "compressible ".repeat(1000);
        let compact = encrypt(header, text.as_bytes(), &keys).unwrap();
        let token = crate::jwt::token::decode(&compact).unwrap();
        assert_eq!(decrypt(&token, &keys).unwrap().plaintext, text.as_bytes());
        // A few kilobytes that inflate past 1 MiB are refused, with the cap named.
        let bomb = vec![0u8; MAX_INFLATED + 1];
        let compact = encrypt(header, &bomb, &keys).unwrap();
        assert!(compact.len() < 8 * 1024, "{} bytes", compact.len());
        let token = crate::jwt::token::decode(&compact).unwrap();
        let error = decrypt(&token, &keys).unwrap_err();
        assert_eq!(error, JweError::TooLarge);
        assert!(error.to_string().contains("1024 KiB"));
    }

    #[test]
    fn an_ephemeral_key_off_its_curve_is_refused_before_any_arithmetic() {
        let ec = keys::parse(
            include_str!("../../../tests/vectors/keys/p256.pkcs8.pem"),
            SecretEncoding::Utf8,
        )
        .unwrap()
        .unwrap();
        let compact = encrypt(r#"{"alg":"ECDH-ES","enc":"A128GCM"}"#, b"x", &ec).unwrap();
        let token = crate::jwt::token::decode(&compact).unwrap();
        let epk = token.header.get("epk").unwrap();
        let x = epk.get("x").and_then(Value::as_str).unwrap();
        // The same x with y = x: (almost surely) not a point of P-256.
        let forged = format!(
            r#"{{"alg":"ECDH-ES","enc":"A128GCM","epk":{{"kty":"EC","crv":"P-256","x":"{x}","y":"{x}"}}}}"#
        );
        let mut parts: Vec<String> = compact.split('.').map(str::to_string).collect();
        parts[0] = base64url::encode(forged.as_bytes());
        let token = crate::jwt::token::decode(&parts.join(".")).unwrap();
        let error = decrypt(&token, &ec).unwrap_err();
        assert_eq!(
            error,
            JweError::Malformed("the header's \"epk\" is not a point on its curve".into())
        );
        // An epk on another curve than the key: the key does not fit.
        let other = format!(
            r#"{{"alg":"ECDH-ES","enc":"A128GCM","epk":{{"kty":"EC","crv":"P-384","x":"{x}","y":"{x}"}}}}"#
        );
        parts[0] = base64url::encode(other.as_bytes());
        let token = crate::jwt::token::decode(&parts.join(".")).unwrap();
        assert!(matches!(
            decrypt(&token, &ec),
            Err(JweError::KeyDoesNotFit(_))
        ));
    }

    #[test]
    fn a_pbes2_iteration_count_is_capped_before_any_work() {
        let password = keys::parse("pw", SecretEncoding::Utf8).unwrap().unwrap();
        let compact = encrypt(
            r#"{"alg":"PBES2-HS256+A128KW","enc":"A128GCM"}"#,
            b"x",
            &password,
        )
        .unwrap();
        let token = crate::jwt::token::decode(&compact).unwrap();
        assert_eq!(
            token.header.get("p2c"),
            Some(&Value::Number(wrap::P2C.to_string()))
        );
        let mut parts: Vec<String> = compact.split('.').map(str::to_string).collect();
        for (p2c, fits) in [
            ("4294967295", false),
            ("1000001", false),
            ("0", false),
            ("1.5", false),
            ("1000", true),
        ] {
            let header = format!(
                r#"{{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2s":"AAAAAAAAAAAAAAAAAAAAAA","p2c":{p2c}}}"#
            );
            parts[0] = base64url::encode(header.as_bytes());
            let token = crate::jwt::token::decode(&parts.join(".")).unwrap();
            let error = decrypt(&token, &password).unwrap_err();
            if fits {
                // Run, and refused by the tag (this header was not the one sealed).
                assert_eq!(error, JweError::Failed, "p2c {p2c}");
            } else {
                // Refused by reading the header, before any iteration.
                assert!(
                    matches!(error, JweError::Unsupported(_) | JweError::Malformed(_)),
                    "p2c {p2c}: {error}"
                );
            }
        }
    }

    /// An X25519 private JWK from fixed bytes.
    fn x25519_key() -> KeySet {
        let secret = [7u8; 32];
        let public = x25519_dalek::PublicKey::from(&x25519_dalek::StaticSecret::from(secret));
        let jwk = format!(
            r#"{{"kty":"OKP","crv":"X25519","x":"{}","d":"{}"}}"#,
            base64url::encode(public.as_bytes()),
            base64url::encode(&secret)
        );
        keys::parse(&jwk, SecretEncoding::Utf8).unwrap().unwrap()
    }

    #[test]
    fn x25519_agrees_both_ways_and_refuses_a_low_order_point() {
        let keys = x25519_key();
        assert_eq!(keys.keys()[0].material.kind_words(), "X25519 private key");
        for enc in ENCS {
            for alg in [
                "ECDH-ES",
                "ECDH-ES+A128KW",
                "ECDH-ES+A192KW",
                "ECDH-ES+A256KW",
            ] {
                round_trip(alg, enc, &keys);
            }
        }
        // An epk of all zeros is a low-order point: the shared secret would be zero.
        let header = r#"{"alg":"ECDH-ES","enc":"A128GCM","epk":{"kty":"OKP","crv":"X25519","x":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}}"#;
        let compact = format!(
            "{}..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA",
            base64url::encode(header.as_bytes())
        );
        let token = crate::jwt::token::decode(&compact).unwrap();
        assert_eq!(
            decrypt(&token, &keys).unwrap_err(),
            JweError::Malformed("the header's \"epk\" is a low-order X25519 point".into())
        );
        // An X25519 key cannot verify a signature, and says so.
        let jws = "eyJhbGciOiJFZERTQSJ9.e30.AAAA";
        let verdict =
            crate::jwt::verify::verify(&crate::jwt::token::decode(jws).unwrap(), Some(&Ok(keys)));
        assert!(
            verdict.describe().contains("X25519"),
            "{}",
            verdict.describe()
        );
    }

    #[test]
    fn gcm_key_wrap_writes_its_iv_and_tag_into_the_header() {
        let compact = encrypt(r#"{"alg":"A256GCMKW","enc":"A256GCM"}"#, b"x", &secret(32)).unwrap();
        let token = crate::jwt::token::decode(&compact).unwrap();
        assert!(token.header.get("iv").is_some() && token.header.get("tag").is_some());
        let refused = encrypt(
            r#"{"alg":"A256GCMKW","enc":"A256GCM","iv":"x"}"#,
            b"x",
            &secret(32),
        );
        assert!(matches!(refused, Err(JweError::Malformed(_))));
    }
}
