//! The key-binding JWT (RFC 9901 §4.3, checked as §7.3 says): its `typ`, the `sd_hash` over
//! the presentation before it, the claims it must carry, and its signature by the key the
//! issuer put in `cnf`. The signature itself is checked by the caller, the way any token's is.

use super::DigestAlg;
use crate::jwt::json::Value;
use crate::jwt::token::Token;
use crate::jwt::verify::Verdict;

/// What a KB-JWT says, once its header and claims pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbFacts {
    pub iat: i64,
    /// As written (a string, or an array of them).
    pub aud: String,
    pub nonce: String,
}

/// The key-binding verdict (`kb-verdict`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KbVerdict {
    /// The presentation ends in `~`: no KB-JWT.
    Absent,
    /// Every check passed; `by` says which key signed it.
    Verified { facts: KbFacts, by: String },
    /// A check failed: which, in words.
    Invalid(String),
    /// It cannot be checked: why (no `cnf` key, an algorithm the page cannot check).
    Unverifiable(String),
    /// Its signature is being checked elsewhere.
    Pending,
}

impl KbVerdict {
    /// The `data-state` word.
    pub fn state(&self) -> &'static str {
        match self {
            Self::Absent => "absent",
            Self::Verified { .. } => "verified",
            Self::Invalid(_) => "invalid",
            Self::Unverifiable(_) | Self::Pending => "unverifiable",
        }
    }
}

/// The holder's key the issuer bound the SD-JWT to: `cnf.jwk` (RFC 7800) as JSON text.
pub fn holder_key(claims: &Value) -> Option<String> {
    claims
        .get("cnf")
        .and_then(|cnf| cnf.get("jwk"))
        .filter(|jwk| matches!(jwk, Value::Object(_)))
        .map(Value::minified)
}

/// The KB-JWT's header and claims checked against `presented` (the SD-JWT up to its last `~`),
/// its `sd_hash` taken with `alg` (the SD-JWT's `_sd_alg`).
pub fn check(kb: &Token, presented: &str, alg: DigestAlg) -> Result<KbFacts, String> {
    let typ = kb.header.get("typ").and_then(Value::as_str);
    if typ.as_deref() != Some("kb+jwt") {
        return Err(match typ {
            Some(typ) => format!("its typ is {typ:?}, not \"kb+jwt\""),
            None => "its header has no typ; a KB-JWT's is \"kb+jwt\"".into(),
        });
    }
    let Some(claims) = kb.claims().filter(|c| matches!(c, Value::Object(_))) else {
        return Err("its payload is not a JSON object".into());
    };
    let Some(sd_hash) = claims.get("sd_hash").and_then(Value::as_str) else {
        return Err("it has no sd_hash: nothing ties it to these disclosures".into());
    };
    if sd_hash != alg.digest(presented) {
        return Err(format!(
            "its sd_hash does not match the presentation before it ({} of everything up to the last ~): the disclosures are not the ones the holder presented",
            alg.name()
        ));
    }
    let Some(iat) = claims.get("iat").and_then(Value::whole_number) else {
        return Err("it has no iat (a number): when the holder presented is unknown".into());
    };
    let aud = match claims.get("aud") {
        Some(aud @ (Value::String(_) | Value::Array(_))) => {
            aud.as_str().unwrap_or_else(|| aud.minified())
        }
        _ => return Err("it has no aud: which verifier it was made for is unknown".into()),
    };
    let Some(nonce) = claims.get("nonce").and_then(Value::as_str) else {
        return Err("it has no nonce (a string): it could be a replay".into());
    };
    Ok(KbFacts { iat, aud, nonce })
}

/// The verdict from the checks of [`check`] and the signature's own verdict under the `cnf` key.
pub fn verdict(facts: Result<KbFacts, String>, signature: Verdict) -> KbVerdict {
    match signature {
        Verdict::Pending => KbVerdict::Pending,
        Verdict::Invalid { .. } => KbVerdict::Invalid(
            "its signature does not match the holder's key in the SD-JWT's cnf".into(),
        ),
        Verdict::Verified { by } => match facts {
            Ok(facts) => KbVerdict::Verified { facts, by },
            Err(why) => KbVerdict::Invalid(why),
        },
        Verdict::Unverifiable(why) => KbVerdict::Unverifiable(why),
        other => KbVerdict::Unverifiable(format!(
            "its signature cannot be checked ({})",
            other.state()
        )),
    }
}

/// `verdict` held to the `aud` and `nonce` the verifier expects (either empty: not compared).
pub fn expect(verdict: KbVerdict, aud: &str, nonce: &str) -> KbVerdict {
    let KbVerdict::Verified { facts, .. } = &verdict else {
        return verdict;
    };
    if !aud.is_empty() && facts.aud != aud {
        return KbVerdict::Invalid(format!(
            "its aud is {:?}, not {aud:?}, the verifier you expect: it was made for another",
            facts.aud
        ));
    }
    if !nonce.is_empty() && facts.nonce != nonce {
        return KbVerdict::Invalid(format!(
            "its nonce is {:?}, not {nonce:?}, the one you expect: it may be a replay",
            facts.nonce
        ));
    }
    verdict
}
