//! How a JWE is carried: the compact serialization's five segments, or the flattened and
//! general JSON serializations (RFC 7516 §7.2), read into one form for opening.

use super::error::JweError;
use crate::jwt::base64url;
use crate::jwt::json::Value;
use crate::jwt::token::Token;
use crate::jwt::token::{joined_header, protected_of};

/// One way into a JWE: a recipient's whole header (protected, shared unprotected and its own
/// members together) and the content key encrypted for it.
pub(super) struct Recipient {
    pub(super) header: Value,
    pub(super) encrypted_key: Vec<u8>,
}

/// A JWE as either serialization carries it.
pub(super) struct Sealed {
    pub(super) recipients: Vec<Recipient>,
    pub(super) iv: Vec<u8>,
    pub(super) ciphertext: Vec<u8>,
    pub(super) tag: Vec<u8>,
    /// The additional authenticated data: the protected header as written (and `.aad`).
    pub(super) aad: Vec<u8>,
}

pub(super) fn from_compact(token: &Token) -> Result<Sealed, JweError> {
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

pub(super) fn from_json(text: &str) -> Result<Sealed, JweError> {
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
    let (protected_text, protected) = protected_of(&json).map_err(JweError::Malformed)?;
    let empty = Value::Object(Vec::new());
    let shared = json.get("unprotected").unwrap_or(&empty);
    // Compression changes what the tag protects: it must be asked for where the tag covers it.
    let unprotected_zip = |header: &Value| match header.get("zip") {
        Some(_) => Err(JweError::Malformed(
            "\"zip\" must be in the protected header (RFC 7516 §4.1.3)".into(),
        )),
        None => Ok(()),
    };
    unprotected_zip(shared)?;
    let recipient = |item: &Value| -> Result<Recipient, JweError> {
        let own = item.get("header").unwrap_or(&empty);
        unprotected_zip(own)?;
        let encrypted_key = match item.get("encrypted_key").and_then(Value::as_str) {
            Some(text) => base64url::decode(&text)
                .map_err(|e| JweError::Malformed(format!("\"encrypted_key\": {e}")))?,
            None => Vec::new(),
        };
        Ok(Recipient {
            header: joined_header(&[&protected, shared, own]).map_err(JweError::Malformed)?,
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
