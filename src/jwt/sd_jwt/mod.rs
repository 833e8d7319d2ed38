//! Selective-disclosure JWTs (RFC 9901): a presentation split into its issuer-signed JWT, its
//! disclosures and its key-binding JWT, each disclosure read and placed, and the claims a
//! verifier ends with. Written here: no maintained Rust SD-JWT crate reads on the lossless JSON
//! the page shows, and those published bring a second JWS stack with them.

mod disclosure;
mod issue;
mod kb;
mod present;
mod process;

pub use crate::jwt::sd_parts::{MAX_DISCLOSURES, Parts, SplitError, split};
pub use disclosure::{Disclosure, DisclosureKind, Unread};
pub use issue::{
    IssueError, MIN_SALT_BYTES, Made, add_decoy, make_disclosable, make_elements_disclosable,
};
pub use kb::{
    KbFacts, KbVerdict, check as check_kb, expect as expect_kb, holder_key, verdict as kb_verdict,
};
pub use present::withhold;
pub use process::{DisclosureState, Placed, Processed, process};

use crate::jwt::base64url;
use sha2::Digest;

/// Disclosures inside disclosures deeper than this are refused (RFC 9901 allows recursion; a
/// hostile chain must not exhaust the stack).
pub const MAX_NESTING: usize = 32;

/// The hash a digest is taken with (`_sd_alg`, RFC 9901 §4.1.1; IANA "Named Information Hash
/// Algorithm" names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DigestAlg {
    Sha256,
    Sha384,
    Sha512,
    Sha3_256,
    Sha3_384,
    Sha3_512,
}

impl DigestAlg {
    /// The algorithm `_sd_alg` names, if the page knows it.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "sha-256" => Some(Self::Sha256),
            "sha-384" => Some(Self::Sha384),
            "sha-512" => Some(Self::Sha512),
            "sha3-256" => Some(Self::Sha3_256),
            "sha3-384" => Some(Self::Sha3_384),
            "sha3-512" => Some(Self::Sha3_512),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Sha256 => "sha-256",
            Self::Sha384 => "sha-384",
            Self::Sha512 => "sha-512",
            Self::Sha3_256 => "sha3-256",
            Self::Sha3_384 => "sha3-384",
            Self::Sha3_512 => "sha3-512",
        }
    }

    /// base64url of the hash of `text`'s ASCII bytes: a disclosure's digest (§4.2.3) and a
    /// KB-JWT's `sd_hash` (§4.3.1) are both this.
    pub fn digest(self, text: &str) -> String {
        match self {
            Self::Sha256 => base64url::encode(&sha2::Sha256::digest(text.as_bytes())),
            Self::Sha384 => base64url::encode(&sha2::Sha384::digest(text.as_bytes())),
            Self::Sha512 => base64url::encode(&sha2::Sha512::digest(text.as_bytes())),
            Self::Sha3_256 => base64url::encode(&sha3::Sha3_256::digest(text.as_bytes())),
            Self::Sha3_384 => base64url::encode(&sha3::Sha3_384::digest(text.as_bytes())),
            Self::Sha3_512 => base64url::encode(&sha3::Sha3_512::digest(text.as_bytes())),
        }
    }
}

#[cfg(test)]
mod tests;
