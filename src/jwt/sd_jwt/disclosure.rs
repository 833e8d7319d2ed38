//! One disclosure (RFC 9901 §4.2): base64url of a JSON array `[salt, name, value]` for an
//! object property or `[salt, value]` for an array element, and its digest.

use super::DigestAlg;
use crate::jwt::base64url;
use crate::jwt::json::{self, Value};

/// What a disclosure discloses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DisclosureKind {
    /// An object property: its name decoded, and as written (escapes untouched), which is how
    /// the lossless JSON keys it.
    Property { name: String, raw: String },
    /// An array element (`{"...": digest}` in the payload).
    Element,
}

/// Why a disclosure could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    pub why: String,
    /// It names `_sd` or `...` (RFC 9901 §4.2.1), rather than being malformed.
    pub forbidden: bool,
}

impl std::fmt::Display for Unread {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.why)
    }
}

/// A disclosure read: what it says, and its digest under the SD-JWT's `_sd_alg`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disclosure {
    /// As presented (the digest is taken over this text).
    pub encoded: String,
    pub salt: String,
    pub kind: DisclosureKind,
    /// The value as written in the disclosure's JSON.
    pub value: Value,
    pub digest: String,
}

impl Disclosure {
    /// Reads `encoded` (one disclosure as presented), its digest taken with `alg`. The error
    /// says, in words, which rule of §4.2 it breaks.
    pub fn read(encoded: &str, alg: DigestAlg) -> Result<Self, Unread> {
        Self::read_text(encoded, alg).map_err(|why| Unread {
            forbidden: why.contains("forbids"),
            why,
        })
    }

    fn read_text(encoded: &str, alg: DigestAlg) -> Result<Self, String> {
        let bytes = base64url::decode(encoded).map_err(|e| format!("not base64url text ({e})"))?;
        let text =
            String::from_utf8(bytes).map_err(|_| "not UTF-8 text once decoded".to_string())?;
        let array = match json::parse(&text) {
            Ok(Value::Array(items)) => items,
            Ok(_) => return Err("not a JSON array once decoded".into()),
            Err(e) => return Err(format!("not JSON once decoded ({e})")),
        };
        let (salt, kind, value) = match array.as_slice() {
            [salt, value] => (salt, DisclosureKind::Element, value),
            [salt, written, value] => {
                let (Some(name), Value::String(raw)) = (written.as_str(), written) else {
                    return Err("its claim name (the second element) is not a string".into());
                };
                if name == "_sd" || name == "..." {
                    return Err(format!(
                        "it discloses a claim named {name:?}, which RFC 9901 §4.2.1 forbids"
                    ));
                }
                let raw = raw.clone();
                (salt, DisclosureKind::Property { name, raw }, value)
            }
            other => {
                return Err(format!(
                    "an array of {} elements: a disclosure has 3 (salt, name, value) or 2 (salt, value)",
                    other.len()
                ));
            }
        };
        let Some(salt) = salt.as_str() else {
            return Err("its salt (the first element) is not a string".into());
        };
        Ok(Self {
            encoded: encoded.to_string(),
            salt,
            kind,
            value: value.clone(),
            digest: alg.digest(encoded),
        })
    }

    /// The claim name, for a property.
    pub fn name(&self) -> Option<&str> {
        match &self.kind {
            DisclosureKind::Property { name, .. } => Some(name),
            DisclosureKind::Element => None,
        }
    }
}
