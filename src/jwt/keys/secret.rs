//! HMAC secrets as people paste them: UTF-8 text, base64, base64url or hex.

use super::error::KeyError;
use crate::jwt::base64url;

/// How the secret's text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum SecretEncoding {
    Utf8,
    Base64,
    Base64Url,
    Hex,
}

impl SecretEncoding {
    /// All of them, in menu order.
    pub const ALL: [SecretEncoding; 4] = [
        SecretEncoding::Utf8,
        SecretEncoding::Base64,
        SecretEncoding::Base64Url,
        SecretEncoding::Hex,
    ];

    /// The `secret-encoding` option value.
    pub fn id(self) -> &'static str {
        match self {
            SecretEncoding::Utf8 => "utf8",
            SecretEncoding::Base64 => "base64",
            SecretEncoding::Base64Url => "base64url",
            SecretEncoding::Hex => "hex",
        }
    }

    /// The encoding for an option value.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.id() == id)
    }

    /// Words for the key-info line.
    pub fn label(self) -> &'static str {
        match self {
            SecretEncoding::Utf8 => "secret read as UTF-8 text",
            SecretEncoding::Base64 => "secret read as base64",
            SecretEncoding::Base64Url => "secret read as base64url",
            SecretEncoding::Hex => "secret read as hex",
        }
    }
}

/// The secret's bytes. UTF-8 text is taken exactly as typed (a trailing newline is part of it,
/// as it would be on a server reading the same file); the encodings ignore whitespace.
pub fn decode(text: &str, encoding: SecretEncoding) -> Result<Vec<u8>, KeyError> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let error = |detail: String| KeyError::Secret(detail);
    match encoding {
        SecretEncoding::Utf8 => Ok(text.as_bytes().to_vec()),
        SecretEncoding::Base64 => {
            let unpadded = compact.trim_end_matches('=');
            if unpadded.contains(['-', '_']) {
                return Err(error(
                    "'-' or '_' is base64url, not base64: choose base64url".into(),
                ));
            }
            base64url::decode(&unpadded.replace('+', "-").replace('/', "_"))
                .map_err(|e| error(format!("not base64: {e}").replace("base64url ", "base64 ")))
        }
        SecretEncoding::Base64Url => base64url::decode(compact.trim_end_matches('='))
            .map_err(|e| error(format!("not base64url: {e}"))),
        SecretEncoding::Hex => {
            let digits = compact.strip_prefix("0x").unwrap_or(&compact);
            if let Some((offset, ch)) = digits.char_indices().find(|(_, c)| !c.is_ascii_hexdigit())
            {
                return Err(error(format!("not hex: '{ch}' at position {offset}")));
            }
            if digits.len() % 2 == 1 {
                return Err(error(format!(
                    "not hex: {} digits is an odd number",
                    digits.len()
                )));
            }
            Ok((0..digits.len())
                .step_by(2)
                .filter_map(|i| u8::from_str_radix(&digits[i..i + 2], 16).ok())
                .collect())
        }
    }
}
