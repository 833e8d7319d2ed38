//! Signature verification over the exact bytes of the token, where the key decides what is
//! accepted (RFC 8725 §3.1): the verdict is verified, invalid, unverifiable (and why), or no key.

use super::algorithm::{Algorithm, Family};
use super::detached;
use super::json::Value;
use super::keys::{Key, KeyError, KeySet, Material, SecretEncoding, Shape};
use super::primitives;
use super::token::{Kind, Token};

/// The signature verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The signature matches; `by` says which key.
    Verified { by: String },
    /// Checked with a fitting key, and it does not match. `hint` may suggest another reading.
    Invalid { hint: Option<String> },
    /// No verdict is possible; the text says why.
    Unverifiable(String),
    /// Nothing in the key box.
    NoKey,
    /// Nothing in the token box: there is nothing to verify yet.
    NoToken,
    /// The key or the signature is being checked elsewhere and the answer is not in: no verdict
    /// yet.
    Pending,
    /// An encrypted token (JWE) opened; `by` says with which key.
    Decrypted {
        by: String,
        alg: String,
        enc: String,
    },
    /// An encrypted token that did not open: `checked` when a fitting key failed the tag (the
    /// key is wrong or the token altered), else why no attempt was possible.
    NotDecrypted { checked: bool, why: String },
    /// An encrypted token, and nothing in the key box to open it with.
    NoDecryptionKey,
}

impl Verdict {
    /// The `data-state` word.
    pub fn state(&self) -> &'static str {
        match self {
            Verdict::Verified { .. } => "verified",
            Verdict::Invalid { .. } | Verdict::NotDecrypted { checked: true, .. } => "invalid",
            // The UI contract's four states: no verdict is possible yet.
            Verdict::Unverifiable(_) | Verdict::Pending | Verdict::NotDecrypted { .. } => {
                "unverifiable"
            }
            Verdict::NoKey | Verdict::NoToken | Verdict::NoDecryptionKey => "no-key",
            Verdict::Decrypted { .. } => "decrypted",
        }
    }

    /// The style of the verdict line: its state, or `pending` while the key is being read.
    pub fn look(&self) -> &'static str {
        match self {
            Verdict::Pending => "pending",
            other => other.state(),
        }
    }

    /// The sentence shown.
    pub fn describe(&self) -> String {
        match self {
            Verdict::Verified { by } => format!("Signature verified with the {by}"),
            Verdict::Invalid { hint: None } => {
                "Invalid signature: it does not match this key".into()
            }
            Verdict::Invalid { hint: Some(hint) } => {
                format!("Invalid signature: it does not match this key. {hint}")
            }
            Verdict::Unverifiable(why) => format!("Cannot verify: {why}"),
            Verdict::NoKey => "No key yet: paste a secret or public key below to verify the signature".into(),
            Verdict::NoToken => "No token yet: paste one above to decode and verify it".into(),
            Verdict::Pending => "Checking: the answer is on its way".into(),
            Verdict::Decrypted { by, alg, enc } => {
                format!("Decrypted with the {by}: {alg} key management, {enc} content encryption")
            }
            Verdict::NotDecrypted { why, .. } => format!("Cannot decrypt: {why}"),
            Verdict::NoDecryptionKey => {
                "Paste the key that decrypts this token: a private key, a shared secret or an \"oct\" JWK".into()
            }
        }
    }
}

/// What a key is wanted for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Verify,
    Sign,
}

/// Why `key` may not be used with `alg` for `purpose`, or `Ok` if it may.
pub fn key_fits(key: &Key, alg: Algorithm, purpose: Purpose) -> Result<(), String> {
    let family = alg.family();
    let material = &key.material;
    match (material.shape(), family) {
        // jsonwebtoken refuses an empty HMAC key; say so rather than call the signature wrong.
        (Shape::Secret, Family::Hmac) if matches!(material, Material::Secret(s) if s.is_empty()) => {
            return Err(format!("{alg} needs a secret, and this one is empty"));
        }
        (Shape::Secret, Family::Hmac) => {}
        (Shape::Secret, _) => {
            return Err(format!(
                "{alg} needs {}, and an HMAC secret cannot be one",
                family_words(family)
            ));
        }
        (_, Family::Hmac) => {
            return Err(format!(
                "key confusion refused: {alg} is HMAC, and using this {} as an HMAC secret is the classic forgery (RFC 8725 §2.1): anyone holding the public key could sign such tokens. Paste the shared secret instead",
                material.kind_words()
            ));
        }
        (Shape::Rsa, Family::Rsa | Family::RsaPss) => {}
        (Shape::Ec(curve), Family::Ec) => {
            if alg.curve() != Some(curve) {
                return Err(format!(
                    "{alg} needs a {} key, and this key is on {} (use {})",
                    alg.curve().map_or("", |c| c.name()),
                    curve.name(),
                    curve.algorithm()
                ));
            }
        }
        (Shape::Ed25519, Family::Ed) => {}
        _ => {
            return Err(format!(
                "{alg} needs {}, not this {}",
                family_words(family),
                material.kind_words()
            ));
        }
    }
    // "ES521" is a name some libraries (and Wycheproof's RFC 7520 keys) give ES512's P-521 keys.
    if let Some(jwk_alg) = &key.usage.alg
        && jwk_alg != alg.name()
        && !(alg == Algorithm::ES512 && jwk_alg == "ES521")
    {
        return Err(format!(
            "the JWK is restricted to alg \"{jwk_alg}\", and the token uses {alg}"
        ));
    }
    if let Some(public_use) = &key.usage.public_use
        && public_use != "sig"
    {
        return Err(format!(
            "the JWK's use is \"{public_use}\", not \"sig\": it is not a signature key"
        ));
    }
    if let Some(ops) = &key.usage.key_ops {
        let op = match purpose {
            Purpose::Verify => "verify",
            Purpose::Sign => "sign",
        };
        // Read ["sign, verify"] as the two operations it plainly means (seen in the wild).
        if !ops
            .iter()
            .flat_map(|o| o.split(','))
            .any(|o| o.trim() == op)
        {
            return Err(format!("the JWK's key_ops do not include \"{op}\""));
        }
    }
    if purpose == Purpose::Sign && !key.material.can_sign() {
        return Err(format!(
            "a {} cannot sign: paste the private key",
            key.material.kind_words()
        ));
    }
    Ok(())
}

fn family_words(family: Family) -> &'static str {
    match family {
        Family::Hmac => "a shared secret",
        Family::Rsa | Family::RsaPss => "an RSA key",
        Family::Ec => "an EC key",
        Family::Ed => "an Ed25519 key",
    }
}

/// The algorithm a token may be verified with, or why it may not be verified at all.
pub fn token_algorithm(token: &Token) -> Result<Algorithm, String> {
    if token.kind == Kind::Jwe {
        return Err("this is an encrypted token (JWE): it is decrypted, not verified, and this tool reads only its header".into());
    }
    let Some(alg) = token.alg() else {
        return Err("the header has no \"alg\" string".into());
    };
    // `none` is in neither this crate's Algorithm nor jsonwebtoken's: it is refused here.
    if alg.eq_ignore_ascii_case("none") {
        return Err(format!(
            "alg \"{alg}\" means the token is unsecured: it is never verified"
        ));
    }
    let algorithm = Algorithm::from_name(&alg)
        .ok_or_else(|| format!("\"{alg}\" is not a JWS algorithm supported here"))?;
    check_crit(&token.header)?;
    Ok(algorithm)
}

/// RFC 7515 §4.1.11: every parameter listed in `crit` must be understood, or the token rejected.
fn check_crit(header: &Value) -> Result<(), String> {
    let b64_false = header.get("b64") == Some(&Value::Bool(false));
    let listed: Vec<String> = match header.get("crit") {
        None => Vec::new(),
        Some(Value::Array(items)) if !items.is_empty() => items
            .iter()
            .map(|v| v.as_str().ok_or("\"crit\" must list strings"))
            .collect::<Result<_, _>>()?,
        Some(_) => {
            return Err("\"crit\" must be a non-empty array of names (RFC 7515 §4.1.11)".into());
        }
    };
    if let Some(unknown) = listed.iter().find(|name| name.as_str() != "b64") {
        return Err(format!(
            "\"crit\" requires \"{unknown}\", which this verifier does not understand (RFC 7515 §4.1.11)"
        ));
    }
    if b64_false && !listed.iter().any(|n| n == "b64") {
        return Err("\"b64\": false must be listed in \"crit\" (RFC 7797 §6)".into());
    }
    Ok(())
}

/// Verifies `token` with what the key box holds (`None`: empty).
pub fn verify(token: &Token, keys: Option<&Result<KeySet, KeyError>>) -> Verdict {
    let alg = match token_algorithm(token) {
        Ok(alg) => alg,
        Err(why) => return Verdict::Unverifiable(why),
    };
    let keys = match keys {
        None => return Verdict::NoKey,
        Some(Err(KeyError::Pending)) => return Verdict::Pending,
        Some(Err(error)) => {
            return Verdict::Unverifiable(format!("the key cannot be used: {error}"));
        }
        Some(Ok(keys)) => keys,
    };
    let kid = token.header.get("kid").and_then(Value::as_str);
    let mut picked_by_kid = false;
    let candidates: Vec<&Key> = match keys {
        KeySet::Jwks { keys, .. } => {
            let by_kid: Vec<&Key> = keys
                .iter()
                .filter(|k| kid.is_some() && k.usage.kid == kid)
                .collect();
            picked_by_kid = !by_kid.is_empty();
            if picked_by_kid {
                by_kid
            } else {
                // Without a kid match, the certificate thumbprint the header names picks the key.
                let by_thumbprint: Vec<&Key> = keys
                    .iter()
                    .filter(|k| names_certificate(&token.header, k))
                    .collect();
                match (by_thumbprint.is_empty(), &kid) {
                    (false, _) => by_thumbprint,
                    (true, Some(kid)) => {
                        return Verdict::Unverifiable(format!(
                            "no key in the set has kid \"{kid}\""
                        ));
                    }
                    (true, None) => keys.iter().collect(),
                }
            }
        }
        _ => keys.keys().iter().collect(),
    };
    let mut refusals = Vec::new();
    let mut checked = false;
    for key in candidates {
        if let Err(why) = key_fits(key, alg, Purpose::Verify) {
            refusals.push(why);
            continue;
        }
        checked = true;
        // A key behind a handle: its answer may still be on its way.
        let matches = match &key.material {
            Material::Handle(handle) => {
                match handle.verify(alg, signing_input(token).as_bytes(), signature_text(token)) {
                    None => return Verdict::Pending,
                    Some(Err(why)) => return Verdict::Unverifiable(why),
                    Some(Ok(matches)) => matches,
                }
            }
            _ => signature_matches(token, key, alg),
        };
        if matches {
            return Verdict::Verified { by: key.describe() };
        }
    }
    // An empty payload segment that is not the signed payload: it was sent apart (detached).
    if checked && detached::is_detached(token) {
        return Verdict::Unverifiable(
            if detached::is_unencoded(token) {
                "the payload is detached (an empty payload segment, RFC 7797 §5): paste the payload that was signed, exactly as sent, in the payload box to check the signature over it"
            } else {
                "the payload is detached (an empty payload segment, RFC 7515 Appendix F): paste the payload that was signed in the payload box to check the signature over it"
            }
            .into(),
        );
    }
    if checked {
        // A set: say which of its keys was tried, so a wrong kid or key is found at once.
        let hint = kid.as_deref().filter(|_| picked_by_kid).map(|kid| {
            format!("The set's key with kid \"{kid}\" (picked by the token's kid) does not match.")
        });
        Verdict::Invalid { hint }
    } else if refusals.len() == 1 {
        Verdict::Unverifiable(refusals.remove(0))
    } else {
        Verdict::Unverifiable(format!(
            "no key in the set fits {alg} ({})",
            refusals.join("; ")
        ))
    }
}

/// Whether the header's `x5t#S256` or `x5t` is the thumbprint of `key`'s certificate.
pub fn names_certificate(header: &Value, key: &Key) -> bool {
    let named = |member: &str, known: &Option<String>| {
        header
            .get(member)
            .and_then(Value::as_str)
            .is_some_and(|t| known.as_deref() == Some(t.as_str()))
    };
    named("x5t#S256", &key.usage.x5t_s256) || named("x5t", &key.usage.x5t)
}

/// Whether `key`, held here (not behind a handle), fits `token`'s algorithm and its signature
/// matches: one key's answer, without a verdict's words.
pub fn signs(token: &Token, key: &Key) -> bool {
    token_algorithm(token).is_ok_and(|alg| {
        key_fits(key, alg, Purpose::Verify).is_ok() && signature_matches(token, key, alg)
    })
}

/// For an HMAC token that did not verify: another reading of the same secret text that does.
pub fn other_secret_reading(
    token: &Token,
    text: &str,
    tried: SecretEncoding,
) -> Option<SecretEncoding> {
    let alg = token_algorithm(token)
        .ok()
        .filter(|a| a.family() == Family::Hmac)?;
    SecretEncoding::ALL
        .into_iter()
        .filter(|&e| e != tried)
        .find(|&encoding| {
            super::keys::secret::decode(text, encoding).is_ok_and(|bytes| {
                let key = Key {
                    material: super::keys::Material::Secret(bytes),
                    format: super::keys::Format::Secret(encoding),
                    usage: Default::default(),
                };
                signature_matches(token, &key, alg)
            })
        })
}

/// The signing input: the token's first two segments exactly as received.
pub fn signing_input(token: &Token) -> &str {
    let end = token.segments.get(1).map_or(0, |s| s.range.end);
    token.compact.get(..end).unwrap_or("")
}

/// The signature segment as received (base64url).
pub fn signature_text(token: &Token) -> &str {
    token.segments.get(2).map_or("", |s| token.segment_text(s))
}

fn signature_matches(token: &Token, key: &Key, alg: Algorithm) -> bool {
    primitives::verify(
        alg,
        &key.material,
        signing_input(token).as_bytes(),
        signature_text(token),
    )
}
