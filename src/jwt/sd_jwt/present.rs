//! Presenting less (RFC 9901 §5.1): a presentation without some of its disclosures, which the
//! issuer's signature still covers, since it signs digests only.

use std::collections::HashSet;

use super::{DigestAlg, Disclosure, split};
use crate::jwt::json::{Value, unescape};

/// The digests `value` refers to: its objects' `_sd` entries and its arrays' `{"...": digest}`.
fn digests_in(value: &Value, out: &mut Vec<String>, depth: usize) {
    if depth > super::MAX_NESTING {
        return;
    }
    match value {
        Value::Object(members) => {
            for member in members {
                let key = unescape(&member.key);
                if key == "_sd" || key == "..." {
                    match &member.value {
                        Value::Array(items) => out.extend(items.iter().filter_map(Value::as_str)),
                        other => out.extend(other.as_str()),
                    }
                } else {
                    digests_in(&member.value, out, depth + 1);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| digests_in(v, out, depth + 1)),
        _ => {}
    }
}

/// `text` (a compact SD-JWT) without its disclosure number `index` (0-based) and the
/// disclosures that only it refers to, however deep, and without its key-binding JWT, whose
/// `sd_hash` covered the disclosures as they were: a holder makes a new one. `None` when
/// `text` is not an SD-JWT or has no such disclosure.
pub fn withhold(text: &str, index: usize, alg: DigestAlg) -> Option<String> {
    let parts = split(text)?.ok()?;
    parts.disclosures.get(index)?;
    let read: Vec<Option<Disclosure>> = parts
        .disclosures
        .iter()
        .map(|d| Disclosure::read(d, alg).ok())
        .collect();
    let mut gone = HashSet::from([index]);
    let mut queue = vec![index];
    while let Some(at) = queue.pop() {
        let mut inside = Vec::new();
        if let Some(Some(d)) = read.get(at) {
            digests_in(&d.value, &mut inside, 0);
        }
        for (other, d) in read.iter().enumerate() {
            if let Some(d) = d
                && inside.contains(&d.digest)
                && gone.insert(other)
            {
                queue.push(other);
            }
        }
    }
    let mut out = String::from(parts.jwt);
    out.push('~');
    for (at, d) in parts.disclosures.iter().enumerate() {
        if !gone.contains(&at) {
            out.push_str(d);
            out.push('~');
        }
    }
    Some(out)
}
