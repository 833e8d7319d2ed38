//! A compact SD-JWT (RFC 9901 §4) cut at its `~`s into the issuer-signed JWT, the disclosures
//! and the key-binding JWT, nothing decoded: what the token view colours, and where `sd_jwt`
//! starts. Apart from `sd_jwt` so that the token reader can use it without depending on it.

/// More disclosures than this are refused: real credentials carry tens, and each is hashed,
/// decoded and searched for.
pub const MAX_DISCLOSURES: usize = 1000;

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
