//! Issuing (RFC 9901 §4.2): a claim of the payload taken out into a disclosure, its digest left
//! in `_sd` in its place, and decoy digests that hide how many claims there are.

use super::DigestAlg;
use crate::jwt::base64url;
use crate::jwt::json::{Member, Value, unescape};

/// Salts shorter than this are refused: RFC 9901 §9.3 asks for at least 128 bits.
pub const MIN_SALT_BYTES: usize = 16;

/// A payload with one more claim made selectively disclosable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Made {
    /// The payload with the claim gone and its digest in `_sd` (and `_sd_alg` stated).
    pub payload: Value,
    /// The new disclosure, base64url as it goes in the token.
    pub disclosure: String,
}

/// Why a claim cannot be made disclosable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssueError {
    NotAnObject,
    NoSuchClaim(String),
    /// `_sd`, `_sd_alg` and `...` belong to the format itself (§4.2.1).
    Reserved(String),
    /// The payload's `_sd` is there but not an array of digests.
    SdNotArray,
    /// Array elements are made disclosable only in an array.
    NotAnArray(String),
    SaltTooShort,
}

impl std::fmt::Display for IssueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotAnObject => write!(f, "the payload is not a JSON object"),
            Self::NoSuchClaim(name) => write!(f, "the payload has no claim \"{name}\""),
            Self::Reserved(name) => write!(
                f,
                "\"{name}\" is part of the SD-JWT format itself and cannot be made disclosable"
            ),
            Self::SdNotArray => write!(f, "the payload's _sd is not an array of digests"),
            Self::NotAnArray(name) => write!(f, "\"{name}\" is not an array"),
            Self::SaltTooShort => write!(
                f,
                "a salt needs at least {} bits (RFC 9901 §9.3)",
                MIN_SALT_BYTES * 8
            ),
        }
    }
}

/// `payload` with its top-level claim `name` replaced by a digest in `_sd`: the disclosure is
/// `[salt, name, value]` with the value exactly as written. `_sd` is kept sorted, so the digests'
/// order says nothing of the claims' (§4.2.4.1), and `_sd_alg` is stated when it was not.
pub fn make_disclosable(
    payload: &Value,
    name: &str,
    salt: &[u8],
    alg: DigestAlg,
) -> Result<Made, IssueError> {
    let (members, at) = claim_of(payload, name)?;
    let salt = salt_text(salt)?;
    let claim = &members[at];
    // The key's source text and the value's, as written: nothing is re-escaped or re-numbered.
    let array = format!("[\"{salt}\",\"{}\",{}]", claim.key, claim.value.minified());
    let disclosure = base64url::encode(array.as_bytes());
    let digest = alg.digest(&disclosure);
    let mut rest = members.to_vec();
    rest.remove(at);
    let payload = with_digest(Value::Object(rest), digest, alg)?;
    Ok(Made {
        payload,
        disclosure,
    })
}

/// `payload` with each element of its top-level array claim `name` replaced by
/// `{"...": digest}` (§4.2.4.2), one disclosure `[salt, value]` per element, in order; elements
/// already digests are left as they are. `salts` gives each new disclosure its salt.
pub fn make_elements_disclosable(
    payload: &Value,
    name: &str,
    salts: &mut dyn FnMut() -> Option<Vec<u8>>,
    alg: DigestAlg,
) -> Result<(Value, Vec<String>), IssueError> {
    let (members, at) = claim_of(payload, name)?;
    let Value::Array(items) = &members[at].value else {
        return Err(IssueError::NotAnArray(name.into()));
    };
    let mut disclosures = Vec::new();
    let mut digested = Vec::with_capacity(items.len());
    for item in items {
        let already =
            matches!(item, Value::Object(m) if m.len() == 1 && unescape(&m[0].key) == "...");
        if already {
            digested.push(item.clone());
            continue;
        }
        let salt = salt_text(&salts().ok_or(IssueError::SaltTooShort)?)?;
        let disclosure = base64url::encode(format!("[\"{salt}\",{}]", item.minified()).as_bytes());
        digested.push(Value::Object(vec![Member {
            key: "...".into(),
            value: Value::String(alg.digest(&disclosure)),
        }]));
        disclosures.push(disclosure);
    }
    let mut members = members.to_vec();
    members[at].value = Value::Array(digested);
    state_alg(&mut members, alg);
    Ok((Value::Object(members), disclosures))
}

/// `payload` with one more digest in `_sd` that no disclosure will ever match (§4.2.5): a
/// verifier cannot tell it from a claim withheld. `salt` is the decoy's random input.
pub fn add_decoy(payload: &Value, salt: &[u8], alg: DigestAlg) -> Result<Value, IssueError> {
    let random = salt_text(salt)?;
    with_digest(payload.clone(), alg.digest(&random), alg)
}

/// The payload's members and where its top-level claim `name` is; the format's own members
/// (§4.2.1) are not claims to make disclosable.
fn claim_of<'a>(payload: &'a Value, name: &str) -> Result<(&'a [Member], usize), IssueError> {
    if matches!(name, "_sd" | "_sd_alg" | "...") {
        return Err(IssueError::Reserved(name.into()));
    }
    let Value::Object(members) = payload else {
        return Err(IssueError::NotAnObject);
    };
    let at = members
        .iter()
        .position(|m| unescape(&m.key) == name)
        .ok_or_else(|| IssueError::NoSuchClaim(name.into()))?;
    Ok((members, at))
}

/// States `_sd_alg` when the members do not (a verifier would otherwise assume sha-256).
fn state_alg(members: &mut Vec<Member>, alg: DigestAlg) {
    if !members.iter().any(|m| unescape(&m.key) == "_sd_alg") {
        members.push(Member {
            key: "_sd_alg".into(),
            value: Value::String(alg.name().into()),
        });
    }
}

fn salt_text(salt: &[u8]) -> Result<String, IssueError> {
    if salt.len() < MIN_SALT_BYTES {
        return Err(IssueError::SaltTooShort);
    }
    Ok(base64url::encode(salt))
}

/// Adds `digest` to the object's `_sd` (made if missing, kept sorted) and states `_sd_alg`.
fn with_digest(payload: Value, digest: String, alg: DigestAlg) -> Result<Value, IssueError> {
    let Value::Object(mut members) = payload else {
        return Err(IssueError::NotAnObject);
    };
    match members.iter_mut().find(|m| unescape(&m.key) == "_sd") {
        Some(Member {
            value: Value::Array(digests),
            ..
        }) => {
            digests.push(Value::String(digest));
            digests.sort_by_key(Value::as_str);
        }
        Some(_) => return Err(IssueError::SdNotArray),
        None => members.push(Member {
            key: "_sd".into(),
            value: Value::Array(vec![Value::String(digest)]),
        }),
    }
    state_alg(&mut members, alg);
    Ok(Value::Object(members))
}
