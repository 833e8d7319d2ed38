//! The X.509 certificate chain a token carries in `x5c` (RFC 7515 §4.1.6): what each
//! certificate says, whether each is signed by the next, whether the chain reaches a certificate
//! the user gave, and the judgement of all that at a moment. Reading certificates needs the
//! asymmetric key code (`read`, in builds that carry it); judging them is plain data, done
//! wherever the state is.

use serde::{Deserialize, Serialize};

use super::json::Value;
use super::time::Seconds;

#[cfg(not(feature = "split"))]
mod read;
#[cfg(not(feature = "split"))]
mod signature;
#[cfg(not(feature = "split"))]
pub use read::read_chain;

#[cfg(test)]
mod tests;

/// At most this many certificates are read from `x5c` or from the key box: real chains have
/// two to four.
pub const MAX_CERTS: usize = 10;
/// At most this many bytes in one certificate (DER): real ones are 1–3 KB.
pub const MAX_CERT_BYTES: usize = 16 * 1024;

/// What one certificate says, for the chain view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertFacts {
    /// Its subject and issuer names (RFC 4514 strings).
    pub subject: String,
    pub issuer: String,
    /// The serial number in hex, bytes separated by ':'.
    pub serial: String,
    /// Its validity, seconds since the epoch.
    pub not_before: i64,
    pub not_after: i64,
    /// Its key, in words ("RSA 2048-bit", "EC P-256", "Ed25519").
    pub key: String,
    /// Its subject alternative names (DNS, e-mail, URI, IP).
    pub sans: Vec<String>,
    /// Whether its basic constraints make it a CA.
    pub is_ca: bool,
    /// The algorithm its issuer signed it with, in words.
    pub signed_with: String,
    /// `x5t#S256` (RFC 7515 §4.1.8): SHA-256 of its DER, base64url.
    pub x5t_s256: String,
}

/// A token's chain as read, independent of the time it is judged at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainFacts {
    /// The certificates, leaf first, as in `x5c`.
    pub certs: Vec<CertFacts>,
    /// For each certificate but the last, whether the next one issued it: `Err` says why not
    /// (wrong order, a signature that does not verify, an issuer that is not a CA).
    pub links: Vec<Result<(), String>>,
    /// How many certificates the key box held (the anchors the user gave).
    pub anchors_given: usize,
    /// Where the chain reaches a certificate the user gave: the index of the chain's
    /// certificate that is one of them or is issued by one, and that certificate's subject.
    /// `Err` when the last certificate names a given one as issuer but is not validly signed
    /// by it.
    pub anchor: Option<Result<(usize, String), String>>,
    /// Whether the token's signature verifies with the leaf certificate's key; `Err` why it
    /// could not be checked (the key does not fit the token's `alg`, say).
    pub signature: Result<bool, String>,
}

/// One certificate's state at a moment: the contract's `data-state` words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertState {
    Ok,
    Expired,
    NotYetValid,
    /// Not issued by the next certificate (or by the anchor, for the last).
    BrokenLink,
    /// Valid, and on the way to a certificate the user gave.
    Anchored,
}

impl CertState {
    /// `data-state`.
    pub fn id(self) -> &'static str {
        match self {
            CertState::Ok => "ok",
            CertState::Expired => "expired",
            CertState::NotYetValid => "not-yet-valid",
            CertState::BrokenLink => "broken-link",
            CertState::Anchored => "anchored",
        }
    }
}

/// The chain as a whole: the contract's `chain-verdict` states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChainState {
    /// Every link valid now, up to a certificate the user gave.
    Anchored,
    /// Every link valid now, but no certificate the user gave is reached.
    Unanchored,
    /// A link not signed by the next, or a certificate not valid now.
    Broken,
}

impl ChainState {
    /// `data-state`.
    pub fn id(self) -> &'static str {
        match self {
            ChainState::Anchored => "anchored",
            ChainState::Unanchored => "unanchored",
            ChainState::Broken => "broken",
        }
    }
}

/// A chain judged at a moment: each certificate's state, the chain's, and why, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    pub states: Vec<CertState>,
    pub state: ChainState,
    pub why: String,
}

/// `facts` judged at `now`. Anchored at certificate `k`, only certificates `0..=k` are on the
/// path that matters: what lies above a certificate the user trusts is not needed.
pub fn judge(facts: &ChainFacts, now: Seconds) -> Judgement {
    let count = facts.certs.len();
    let anchored_at = match &facts.anchor {
        Some(Ok((at, _))) => Some((*at).min(count.saturating_sub(1))),
        _ => None,
    };
    let path_end = anchored_at.map_or(count, |at| at + 1);
    let mut problems = Vec::new();
    let mut states: Vec<CertState> = facts
        .certs
        .iter()
        .enumerate()
        .map(|(i, cert)| {
            let on_path = i < path_end;
            let link = facts.links.get(i).filter(|_| i + 1 < path_end);
            if let Some(Err(why)) = link {
                problems.push(format!("certificate {} ({}): {why}", i + 1, cert.subject));
                return CertState::BrokenLink;
            }
            let state = validity(cert, now);
            if on_path && state != CertState::Ok {
                problems.push(format!(
                    "certificate {} ({}) {}",
                    i + 1,
                    cert.subject,
                    if state == CertState::Expired {
                        format!("expired on {}", date(cert.not_after))
                    } else {
                        format!("is not valid before {}", date(cert.not_before))
                    }
                ));
            }
            state
        })
        .collect();
    if let (Some(Err(why)), Some(last)) = (&facts.anchor, states.last_mut()) {
        problems.push(format!(
            "the last certificate names a certificate you gave as its issuer, but {why}"
        ));
        *last = CertState::BrokenLink;
    }
    if count == 0 {
        problems.push("there is no certificate".into());
    }
    if !problems.is_empty() {
        return Judgement {
            states,
            state: ChainState::Broken,
            why: format!("The chain is broken: {}.", problems.join("; ")),
        };
    }
    match (anchored_at, &facts.anchor) {
        (Some(at), Some(Ok((_, subject)))) => {
            for state in states.iter_mut().take(at + 1) {
                *state = CertState::Anchored;
            }
            Judgement {
                states,
                state: ChainState::Anchored,
                why: format!(
                    "Every link is valid now, up to the certificate you gave ({subject})."
                ),
            }
        }
        _ => Judgement {
            states,
            state: ChainState::Unanchored,
            why: if facts.anchors_given == 0 {
                "Every link is valid now, but nothing anchors the chain: anyone can put a certificate in a header. Paste the issuer's root or intermediate certificate (PEM) in the key box to anchor it.".into()
            } else {
                "Every link is valid now, but the chain reaches none of the certificates in the key box.".into()
            },
        },
    }
}

fn validity(cert: &CertFacts, now: Seconds) -> CertState {
    if now < cert.not_before {
        CertState::NotYetValid
    } else if now > cert.not_after {
        CertState::Expired
    } else {
        CertState::Ok
    }
}

/// A UTC date as `YYYY-MM-DD HH:MM:SS UTC`.
pub fn date(seconds: i64) -> String {
    super::time::format_date(seconds, 0).map_or_else(|| seconds.to_string(), |d| d + " UTC")
}

/// The header's `x5c` as a list of base64 strings; `None` without one, `Err` when it is not a
/// non-empty array of strings.
pub fn x5c_of(header: &Value) -> Option<Result<Vec<String>, String>> {
    let value = header.get("x5c")?;
    Some(match value {
        Value::Array(items) if !items.is_empty() => items
            .iter()
            .map(|item| {
                item.as_str()
                    .ok_or_else(|| "\"x5c\" must list certificates as base64 strings".to_string())
            })
            .collect(),
        _ => {
            Err("\"x5c\" must be a non-empty array of base64 certificates (RFC 7515 §4.1.6)".into())
        }
    })
}
