//! Building a token from JSON as typed (minified, same key order and number text) and signing
//! its exact bytes.

use std::fmt;

use super::algorithm::Algorithm;
use super::base64url;
use super::json::{self, JsonError, Value};
use super::keys::{Key, Material};
use super::primitives;
use super::verify::{Purpose, key_fits};

/// Why a token could not be built or signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignError {
    /// The header or payload text is not JSON.
    Json {
        part: &'static str,
        error: JsonError,
    },
    HeaderNotObject,
    /// The header's `alg` is missing or not one this tool signs with.
    Algorithm(String),
    /// The signing key could not be read, or its set holds no key.
    Key(String),
    /// The key does not fit the header's algorithm, or cannot sign.
    KeyDoesNotFit(String),
    /// The crypto library refused.
    Crypto(String),
    /// The key is behind a handle whose signature is not in yet: the caller signs again when it is.
    Pending,
    /// `"b64": false` with a `.` in the payload, which a compact token cannot carry.
    UnencodedDot,
    /// `"b64": false` not listed in `crit`, which RFC 7797 §6 requires (and verifying checks).
    UnencodedNotCritical,
}

impl SignError {
    /// `header` or `payload` when that text (or the algorithm it names) is what is wrong, so the
    /// error shows beside it, where the user is looking.
    pub fn part(&self) -> Option<&'static str> {
        match self {
            SignError::Json { part, .. } => Some(part),
            SignError::HeaderNotObject
            | SignError::UnencodedNotCritical
            | SignError::Algorithm(_)
            | SignError::KeyDoesNotFit(_) => Some("header"),
            SignError::UnencodedDot => Some("payload"),
            SignError::Key(_) | SignError::Crypto(_) | SignError::Pending => None,
        }
    }
}

impl fmt::Display for SignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignError::Json { part, error } => write!(f, "{part}: not JSON: {error}"),
            SignError::HeaderNotObject => write!(f, "header: must be a JSON object"),
            SignError::Algorithm(why) | SignError::Key(why) | SignError::KeyDoesNotFit(why) => {
                f.write_str(why)
            }
            SignError::Crypto(why) => write!(f, "signing failed: {why}"),
            SignError::Pending => write!(f, "signing: the signature is on its way"),
            SignError::UnencodedNotCritical => f.write_str(
                "header: \"b64\": false must be listed in \"crit\" (RFC 7797 §6), or no \
                 recipient will read the payload as written: add \"crit\": [\"b64\"]",
            ),
            SignError::UnencodedDot => f.write_str(
                "payload: with \"b64\": false it is sent as written, and a compact token cannot \
                 carry a '.' in it (RFC 7797 §5.2): remove the '.' or drop \"b64\": false",
            ),
        }
    }
}

/// Parses the header text; it must be a JSON object.
pub fn parse_header(text: &str) -> Result<Value, SignError> {
    let header = json::parse(text).map_err(|error| SignError::Json {
        part: "header",
        error,
    })?;
    match header {
        Value::Object(_) => Ok(header),
        _ => Err(SignError::HeaderNotObject),
    }
}

/// `header.payload` from the JSON texts, minified, keeping order and number text. With
/// `"b64": false` in the header the payload is signed and sent as written (RFC 7797), which is
/// how decoding reads it back.
pub fn signing_input(header: &Value, payload_text: &str) -> Result<String, SignError> {
    let payload = json::parse(payload_text)
        .map_err(|error| SignError::Json {
            part: "payload",
            error,
        })?
        .minified();
    let encoded_header = base64url::encode(header.minified().as_bytes());
    if header.get("b64") == Some(&Value::Bool(false)) {
        let critical = matches!(header.get("crit"), Some(Value::Array(names))
            if names.iter().any(|n| n.as_str().as_deref() == Some("b64")));
        if !critical {
            return Err(SignError::UnencodedNotCritical);
        }
        if payload.contains('.') {
            return Err(SignError::UnencodedDot);
        }
        return Ok(format!("{encoded_header}.{payload}"));
    }
    Ok(format!(
        "{encoded_header}.{}",
        base64url::encode(payload.as_bytes())
    ))
}

/// The header with `alg` set to `alg` (the last `alg` member replaced, or one added first).
pub fn with_alg(header: &Value, alg: &str) -> Value {
    let mut members = header.members().to_vec();
    let new = Value::String(alg.to_string());
    match members.iter_mut().rev().find(|m| m.key == "alg") {
        Some(member) => member.value = new,
        None => members.insert(
            0,
            json::Member {
                key: "alg".into(),
                value: new,
            },
        ),
    }
    Value::Object(members)
}

/// Signs `input` (`header.payload`) with `key` for the header's algorithm; returns the token.
pub fn sign(input: &str, header: &Value, key: &Key) -> Result<String, SignError> {
    let alg_name = header
        .get("alg")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let alg = Algorithm::from_name(&alg_name).ok_or_else(|| {
        SignError::Algorithm(format!(
            "cannot sign with alg \"{alg_name}\": choose an algorithm"
        ))
    })?;
    key_fits(key, alg, Purpose::Sign).map_err(SignError::KeyDoesNotFit)?;
    // A key behind a handle: its signature may still be on its way.
    if let Material::Handle(handle) = &key.material {
        let signature = handle
            .sign(alg, input.as_bytes())
            .ok_or(SignError::Pending)?
            .map_err(SignError::Crypto)?;
        return Ok(format!("{input}.{signature}"));
    }
    let signature =
        primitives::sign(alg, &key.material, input.as_bytes()).map_err(SignError::Crypto)?;
    Ok(format!("{input}.{signature}"))
}
