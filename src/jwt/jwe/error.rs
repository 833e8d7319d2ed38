//! Why an encrypted token could not be opened or sealed, in words a user can act on.

use std::fmt;

use serde::{Deserialize, Serialize};

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
    /// The key text could not be read (or the reader it was handed to could not be reached).
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
