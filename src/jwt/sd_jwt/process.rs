//! The verifier's processing of an SD-JWT's payload (RFC 9901 §7.1 steps 3–5): every digest
//! matched to a presented disclosure, each disclosure put in its place (recursively), `_sd`,
//! `_sd_alg` and `{"...": digest}` entries gone, and every rule a presentation can break named.

use std::collections::HashMap;

use super::disclosure::Unread;
use super::{DigestAlg, Disclosure, DisclosureKind, MAX_NESTING};
use crate::jwt::json::{Member, Value, unescape};

/// Where one presented disclosure landed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// The disclosure, read; `Err` says why it could not be.
    pub disclosure: Result<Disclosure, Unread>,
    /// Its place in the processed claims (`address.locality`, `nationalities[1]`), when a
    /// digest referenced it.
    pub path: Option<String>,
    pub state: DisclosureState,
}

/// What became of a presented disclosure (the page's `data-state`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DisclosureState {
    /// A digest in the signed payload, or in a matched disclosure, refers to it: it is placed.
    Matched,
    /// No digest refers to it.
    Unreferenced,
    /// The same disclosure was presented before.
    Duplicate,
    /// Not a disclosure (base64url, JSON, shape), or of the other kind than its digest's place.
    Malformed,
    /// It names `_sd` or `...`, or a claim already there in the clear.
    Forbidden,
}

impl DisclosureState {
    pub fn id(self) -> &'static str {
        match self {
            Self::Matched => "matched",
            Self::Unreferenced => "unreferenced",
            Self::Duplicate => "duplicate",
            Self::Malformed => "malformed",
            Self::Forbidden => "forbidden",
        }
    }
}

/// What a verifier ends with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Processed {
    pub alg: DigestAlg,
    /// Whether the payload names `_sd_alg` (without it sha-256 is assumed, §4.1.1).
    pub alg_stated: bool,
    /// The payload with every disclosure in its place.
    pub claims: Value,
    /// Each presented disclosure, in the order presented.
    pub disclosures: Vec<Placed>,
    /// Digests no presented disclosure matches: decoys, or claims the holder did not disclose
    /// (the two cannot be told apart, by design).
    pub undisclosed: usize,
    /// Every rule of RFC 9901 §7.1 the presentation breaks, in words. Any one refuses it.
    pub problems: Vec<String>,
}

/// Processes `payload` (the issuer-signed JWT's claims) with the `presented` disclosures.
/// `Err` when there is nothing to process: the payload is not an object, or names a digest
/// algorithm the page does not know.
pub fn process(payload: &Value, presented: &[&str]) -> Result<Processed, String> {
    if !matches!(payload, Value::Object(_)) {
        return Err("the payload is not a JSON object".into());
    }
    let (alg, alg_stated) = match payload.get("_sd_alg") {
        None => (DigestAlg::Sha256, false),
        Some(named) => match named.as_str().as_deref().and_then(DigestAlg::from_name) {
            Some(alg) => (alg, true),
            None => {
                return Err(format!(
                    "_sd_alg {} is not a hash this page knows (sha-256, sha-384, sha-512, sha3-256, sha3-384, sha3-512): no digest can be checked",
                    named.minified()
                ));
            }
        },
    };
    let mut walk = Walk {
        disclosures: presented
            .iter()
            .map(|encoded| {
                let disclosure = Disclosure::read(encoded, alg);
                let state = match &disclosure {
                    Ok(_) => DisclosureState::Unreferenced,
                    Err(unread) if unread.forbidden => DisclosureState::Forbidden,
                    Err(_) => DisclosureState::Malformed,
                };
                Placed {
                    disclosure,
                    path: None,
                    state,
                }
            })
            .collect(),
        by_digest: HashMap::new(),
        seen: HashMap::new(),
        undisclosed: 0,
        problems: Vec::new(),
    };
    for (index, placed) in walk.disclosures.iter_mut().enumerate() {
        match &placed.disclosure {
            Ok(d) => {
                if let Some(&first) = walk.by_digest.get(&d.digest) {
                    placed.state = DisclosureState::Duplicate;
                    walk.problems.push(format!(
                        "disclosure {} is disclosure {} again: each is presented once",
                        index + 1,
                        first + 1
                    ));
                } else {
                    walk.by_digest.insert(d.digest.clone(), index);
                }
            }
            Err(why) => walk
                .problems
                .push(format!("disclosure {} cannot be read: {why}", index + 1)),
        }
    }
    let mut claims = walk.value(payload, "", 0);
    if let Value::Object(members) = &mut claims {
        members.retain(|m| unescape(&m.key) != "_sd_alg");
    }
    for (index, placed) in walk.disclosures.iter().enumerate() {
        if let (Ok(d), None) = (&placed.disclosure, &placed.path)
            && !walk.seen.contains_key(&d.digest)
            && walk.by_digest.get(&d.digest) == Some(&index)
        {
            walk.problems.push(format!(
                "disclosure {} ({}) is referenced by no digest in the payload or in another disclosure",
                index + 1,
                d.name()
                    .map_or_else(|| "an array element".to_string(), |n| format!("{n:?}"))
            ));
        }
    }
    Ok(Processed {
        alg,
        alg_stated,
        claims,
        disclosures: walk.disclosures,
        undisclosed: walk.undisclosed,
        problems: walk.problems,
    })
}

struct Walk {
    disclosures: Vec<Placed>,
    by_digest: HashMap<String, usize>,
    /// Digests met so far, with where: each may be referenced once (§7.1 step 4).
    seen: HashMap<String, String>,
    undisclosed: usize,
    problems: Vec<String>,
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl Walk {
    /// Disclosure `index` is in its place, at `path`.
    fn place(&mut self, index: usize, path: String) {
        if let Some(placed) = self.disclosures.get_mut(index) {
            placed.path = Some(path);
            placed.state = DisclosureState::Matched;
        }
    }

    /// Disclosure `index` breaks a rule where its digest stands: `why` names it.
    fn refuse(&mut self, index: usize, state: DisclosureState, why: String) {
        if let Some(placed) = self.disclosures.get_mut(index) {
            placed.state = state;
        }
        self.problems.push(why);
    }

    fn value(&mut self, value: &Value, path: &str, depth: usize) -> Value {
        if depth > MAX_NESTING {
            self.problems.push(format!(
                "{path}: disclosures nested more than {MAX_NESTING} deep; not processed further"
            ));
            return value.clone();
        }
        match value {
            Value::Object(members) => self.object(members, path, depth),
            Value::Array(items) => self.array(items, path, depth),
            other => other.clone(),
        }
    }

    /// The disclosure a digest names, once; `None` for a digest nothing presented matches.
    fn take(&mut self, digest: &str, at: &str) -> Option<usize> {
        if let Some(before) = self.seen.insert(digest.to_string(), at.to_string()) {
            self.problems.push(format!(
                "digest {digest} is referenced twice (at {} and at {}): each digest appears once",
                if before.is_empty() {
                    "the top level"
                } else {
                    &before
                },
                if at.is_empty() { "the top level" } else { at }
            ));
            return None;
        }
        let found = self.by_digest.get(digest).copied();
        if found.is_none() {
            self.undisclosed += 1;
        }
        found
    }

    fn object(&mut self, members: &[Member], path: &str, depth: usize) -> Value {
        let mut out: Vec<Member> = Vec::with_capacity(members.len());
        let mut digests = Vec::new();
        for member in members {
            let key = unescape(&member.key);
            if key == "_sd" {
                match &member.value {
                    Value::Array(items) => {
                        for item in items {
                            match item.as_str() {
                                Some(digest) => digests.push(digest),
                                None => self.problems.push(format!(
                                    "{}: an _sd entry is not a string digest",
                                    child(path, "_sd")
                                )),
                            }
                        }
                    }
                    _ => self.problems.push(format!(
                        "{}: _sd is not an array of digests",
                        child(path, "_sd")
                    )),
                }
                continue;
            }
            let value = self.value(&member.value, &child(path, &key), depth);
            out.push(Member {
                key: member.key.clone(),
                value,
            });
        }
        for digest in digests {
            let Some(index) = self.take(&digest, path) else {
                continue;
            };
            let Some(Placed {
                disclosure: Ok(d), ..
            }) = self.disclosures.get(index)
            else {
                continue;
            };
            let (name, raw, value) = match &d.kind {
                DisclosureKind::Property { name, raw } => {
                    (name.clone(), raw.clone(), d.value.clone())
                }
                DisclosureKind::Element => {
                    let why = format!(
                        "disclosure {} is an array element, but its digest is in {}'s _sd, where properties go",
                        index + 1,
                        if path.is_empty() { "the payload" } else { path }
                    );
                    self.refuse(index, DisclosureState::Malformed, why);
                    continue;
                }
            };
            let at = child(path, &name);
            if out.iter().any(|m| unescape(&m.key) == name) {
                let why = format!(
                    "disclosure {} discloses {at}, which is already there in the clear",
                    index + 1
                );
                self.refuse(index, DisclosureState::Forbidden, why);
                continue;
            }
            let value = self.value(&value, &at, depth + 1);
            self.place(index, at);
            out.push(Member { key: raw, value });
        }
        Value::Object(out)
    }

    fn array(&mut self, items: &[Value], path: &str, depth: usize) -> Value {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let at = format!("{path}[{}]", out.len());
            match element_digest(item) {
                Some(digest) => {
                    let Some(index) = self.take(&digest, &at) else {
                        continue;
                    };
                    let Some(Placed {
                        disclosure: Ok(d), ..
                    }) = self.disclosures.get(index)
                    else {
                        continue;
                    };
                    if let DisclosureKind::Property { name, .. } = &d.kind {
                        let why = format!(
                            "disclosure {} is the property {name:?}, but its digest stands for an array element at {at}",
                            index + 1
                        );
                        self.refuse(index, DisclosureState::Malformed, why);
                        continue;
                    }
                    let value = d.value.clone();
                    let value = self.value(&value, &at, depth + 1);
                    self.place(index, at);
                    out.push(value);
                }
                None => out.push(self.value(item, &at, depth)),
            }
        }
        Value::Array(out)
    }
}

/// The digest of an array element that stands for a disclosure: `{"...": "<digest>"}`, that
/// key alone (§4.2.4.2).
fn element_digest(item: &Value) -> Option<String> {
    match item.members() {
        [only] if unescape(&only.key) == "..." => only.value.as_str(),
        _ => None,
    }
}
