//! Selective-disclosure JWTs (RFC 9901): a presentation split into its issuer-signed JWT, its
//! disclosures and its key-binding JWT, each disclosure read and placed, and the claims a
//! verifier ends with. Written here: no maintained Rust SD-JWT crate reads on the lossless JSON
//! the page shows, and those published bring a second JWS stack with them.

mod disclosure;
mod issue;
mod kb;
mod present;
mod process;

pub use disclosure::{Disclosure, DisclosureKind, Unread};
pub use issue::{IssueError, MIN_SALT_BYTES, Made, add_decoy, make_disclosable};
pub use kb::{
    KbFacts, KbVerdict, check as check_kb, expect as expect_kb, holder_key, verdict as kb_verdict,
};
pub use present::withhold;
pub use process::{DisclosureState, Placed, Processed, process};

use crate::jwt::base64url;
use sha2::Digest;

/// More disclosures than this are refused: real credentials carry tens, and each is hashed,
/// decoded and searched for.
pub const MAX_DISCLOSURES: usize = 1000;

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
}

impl DigestAlg {
    /// The algorithm `_sd_alg` names, if the page knows it.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "sha-256" => Some(Self::Sha256),
            "sha-384" => Some(Self::Sha384),
            "sha-512" => Some(Self::Sha512),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Sha256 => "sha-256",
            Self::Sha384 => "sha-384",
            Self::Sha512 => "sha-512",
        }
    }

    /// base64url of the hash of `text`'s ASCII bytes: a disclosure's digest (§4.2.3) and a
    /// KB-JWT's `sd_hash` (§4.3.1) are both this.
    pub fn digest(self, text: &str) -> String {
        match self {
            Self::Sha256 => base64url::encode(&sha2::Sha256::digest(text.as_bytes())),
            Self::Sha384 => base64url::encode(&sha2::Sha384::digest(text.as_bytes())),
            Self::Sha512 => base64url::encode(&sha2::Sha512::digest(text.as_bytes())),
        }
    }
}

/// A compact SD-JWT as pasted, split at its `~`s (RFC 9901 §4): nothing decoded yet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parts<'a> {
    /// The issuer-signed JWT.
    pub jwt: &'a str,
    /// Each disclosure as written, in order.
    pub disclosures: Vec<&'a str>,
    /// The key-binding JWT after the last `~`, when there is one.
    pub kb_jwt: Option<&'a str>,
    /// Everything up to and including the last `~`: what a KB-JWT's `sd_hash` covers.
    pub presented: &'a str,
}

/// Why a text is not an SD-JWT this page can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// An empty part between two `~`s (`~~`): no disclosure is empty.
    EmptyDisclosure {
        index: usize,
    },
    TooMany {
        count: usize,
    },
}

impl std::fmt::Display for SplitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::EmptyDisclosure { index } => write!(
                f,
                "disclosure {} is empty (two ~ in a row): each disclosure between the ~ separators is base64url text",
                index + 1
            ),
            Self::TooMany { count } => write!(
                f,
                "{count} disclosures: more than the {MAX_DISCLOSURES} this page reads"
            ),
        }
    }
}

/// Splits `text` as a compact SD-JWT: `None` when it has no `~` (a plain JWT).
pub fn split(text: &str) -> Option<Result<Parts<'_>, SplitError>> {
    let text = text.trim();
    let last = text.rfind('~')?;
    let (presented, after) = text.split_at(last + 1);
    let mut pieces = presented[..last].split('~');
    let jwt = pieces.next().unwrap_or_default();
    let disclosures: Vec<&str> = pieces.collect();
    if disclosures.len() > MAX_DISCLOSURES {
        return Some(Err(SplitError::TooMany {
            count: disclosures.len(),
        }));
    }
    if let Some(index) = disclosures.iter().position(|d| d.is_empty()) {
        return Some(Err(SplitError::EmptyDisclosure { index }));
    }
    Some(Ok(Parts {
        jwt,
        disclosures,
        kb_jwt: Some(after).filter(|kb| !kb.is_empty()),
        presented,
    }))
}

#[cfg(test)]
mod tests;
