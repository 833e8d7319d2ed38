//! SD-JWTs made here: claims made selectively disclosable and re-issued with the signing key,
//! disclosures kept across edits of the payload, and a fresh key-binding JWT signed with the
//! holder's key for each presentation.

use std::rc::Rc;

use super::Debugger;
use crate::jwt::json::{self, Value};
use crate::jwt::keys::KeyError;
use crate::jwt::sd_jwt::{self, DigestAlg, DisclosureState, MIN_SALT_BYTES};
use crate::jwt::sign;

/// The `aud` a KB-JWT made here carries while none is typed (RFC 9901 §4.3 requires one).
pub const DEFAULT_KB_AUD: &str = "https://verifier.example";

/// What the page did to the key-binding JWT of the presentation shown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Binding {
    /// Nothing: the presentation is as pasted.
    #[default]
    None,
    /// A KB-JWT was made here, signed by the holder's key (`by`); `defaults` names what the
    /// page filled in because it was not typed.
    Made { by: String, defaults: String },
    /// The holder's key, or its signature, is with the key engine.
    Pending,
    /// The presentation changed with no holder key to bind it: its old KB-JWT went.
    Dropped,
    /// The holder's key cannot make one: why.
    Failed(String),
}

/// 128 random bits from the browser's CSPRNG: a salt or a nonce.
fn random() -> Result<[u8; MIN_SALT_BYTES], String> {
    let mut bytes = [0u8; MIN_SALT_BYTES];
    getrandom::fill(&mut bytes).map_err(|_| "the browser gave no random numbers".to_string())?;
    Ok(bytes)
}

impl Debugger {
    /// The digest algorithm of the payload being written: its `_sd_alg`, sha-256 without one.
    fn issuing_alg(payload: &Value) -> Result<DigestAlg, String> {
        match payload.get("_sd_alg").map(|v| v.as_str()) {
            None => Ok(DigestAlg::Sha256),
            Some(Some(name)) => DigestAlg::from_name(&name)
                .ok_or_else(|| format!("the payload's _sd_alg {name:?} is not one this page hashes with (sha-256, sha-384, sha-512, sha3-256, sha3-384, sha3-512)")),
            Some(None) => Err("the payload's _sd_alg is not a string".into()),
        }
    }

    /// The payload being written, parsed, with its digest algorithm.
    fn issuing_payload(&self) -> Result<(Value, DigestAlg), String> {
        let text = self.payload_text().ok_or("there is no payload to issue")?;
        let payload = json::parse(&text).map_err(|e| format!("the payload is not JSON: {e}"))?;
        let alg = Self::issuing_alg(&payload)?;
        Ok((payload, alg))
    }

    /// `sd-make`: the payload's claim `name` becomes a disclosure, and the token is issued
    /// again (signed as any edit is, with the disclosures after it).
    pub(super) fn make_disclosable(&mut self, name: &str) {
        let made = self.issuing_payload().and_then(|(payload, alg)| {
            let salt = random()?;
            sd_jwt::make_disclosable(&payload, name, &salt, alg).map_err(|e| e.to_string())
        });
        match made {
            Ok(made) => {
                Rc::make_mut(&mut self.sd_known).push(made.disclosure.into());
                self.reissue(made.payload);
            }
            Err(why) => self.sd_error = Some(why.into()),
        }
    }

    /// Each element of the payload's array claim `name` becomes a disclosure of its own, and
    /// the token is issued again.
    pub(super) fn make_elements_disclosable(&mut self, name: &str) {
        let made = self.issuing_payload().and_then(|(payload, alg)| {
            let mut salts = || random().ok().map(|bytes| bytes.to_vec());
            sd_jwt::make_elements_disclosable(&payload, name, &mut salts, alg)
                .map_err(|e| e.to_string())
        });
        match made {
            Ok((payload, disclosures)) => {
                Rc::make_mut(&mut self.sd_known).extend(disclosures.into_iter().map(Rc::from));
                self.reissue(payload);
            }
            Err(why) => self.sd_error = Some(why.into()),
        }
    }

    /// One more digest that no disclosure matches (RFC 9901 §4.2.5).
    pub(super) fn add_decoy(&mut self) {
        let decoyed = self.issuing_payload().and_then(|(payload, alg)| {
            sd_jwt::add_decoy(&payload, &random()?, alg).map_err(|e| e.to_string())
        });
        match decoyed {
            Ok(payload) => self.reissue(payload),
            Err(why) => self.sd_error = Some(why.into()),
        }
    }

    fn reissue(&mut self, payload: Value) {
        self.sd_error = None;
        self.payload_draft = Some(payload.pretty().into());
        self.edited = "payload";
        self.reencode();
    }

    /// The disclosures to write after an issuer-signed JWT whose payload is `payload_text`:
    /// `~` and each disclosure known here that the payload (or a disclosure it holds) refers
    /// to, each followed by `~`. `None` when the token is not an SD-JWT and nothing was made
    /// disclosable.
    pub(super) fn disclosures_for(&self, payload_text: &str) -> Option<String> {
        let was_sd = self.view().is_some_and(|v| v.token.sd.is_some());
        if !was_sd && self.sd_known.is_empty() {
            return None;
        }
        let known: Vec<&str> = self.sd_known.iter().map(|d| &**d).collect();
        let kept: Vec<&str> = json::parse(payload_text)
            .ok()
            .and_then(|payload| sd_jwt::process(&payload, &known).ok())
            .map(|processed| {
                processed
                    .disclosures
                    .iter()
                    .zip(&known)
                    .filter(|(placed, _)| placed.state == DisclosureState::Matched)
                    .map(|(_, d)| *d)
                    .collect()
            })
            .unwrap_or_default();
        let mut tail = String::from("~");
        for d in kept {
            tail.push_str(d);
            tail.push('~');
        }
        Some(tail)
    }

    /// The disclosures of the token just put in the box: what re-issuing it keeps.
    pub(super) fn learn_disclosures(&mut self) {
        let known: Vec<Rc<str>> = self
            .view()
            .and_then(|view| {
                let tail = view.token.sd.as_ref()?;
                Some(
                    tail.disclosures
                        .iter()
                        .filter_map(|range| view.token.compact.get(range.clone()))
                        .map(Rc::from)
                        .collect(),
                )
            })
            .unwrap_or_default();
        self.sd_known = Rc::new(known);
    }

    /// Whether a holder's key was given (read or not).
    pub fn holds_holder_key(&self) -> bool {
        !self.holder_key.is_empty()
    }

    /// A fresh KB-JWT for the presentation shown, signed with the holder's key: `typ` kb+jwt,
    /// `iat` now, the typed `aud` and `nonce` (or the page's, said so), and `sd_hash` over the
    /// presentation. Replaces the KB-JWT the presentation had.
    pub(super) fn bind_key(&mut self) {
        if !self.holds_holder_key() {
            self.binding = Binding::None;
            return;
        }
        let Some(view) = self.view() else { return };
        let Some(Ok(parts)) = sd_jwt::split(&view.token.compact) else {
            return;
        };
        let presented: Rc<str> = parts.presented.into();
        let alg = view
            .sd
            .as_ref()
            .and_then(|sd| sd.processed.as_ref().ok())
            .map_or(DigestAlg::Sha256, |p| p.alg);
        let set = match self.holder_key.parsed.as_deref() {
            Some(Ok(set)) => set,
            Some(Err(KeyError::Pending)) => {
                self.binding = Binding::Pending;
                return;
            }
            Some(Err(error)) => {
                self.binding = Binding::Failed(format!("the holder's key cannot be read: {error}"));
                return;
            }
            None => return,
        };
        let Some(key) = set
            .keys()
            .iter()
            .find(|k| k.material.is_asymmetric() && k.material.can_sign())
        else {
            self.binding = Binding::Failed(
                "the holder's key must be a private key (RSA, EC or Ed25519): the issuer's cnf names a public key, and a KB-JWT is signed with its private half".into(),
            );
            return;
        };
        let Some(signing_alg) = key.signing_algorithm() else {
            self.binding = Binding::Failed("the holder's key cannot sign".into());
            return;
        };
        // A signature still with the key engine is asked for again with the same input, so
        // that the answer it gives is the one waited for (the clock may have ticked).
        let request = match &self.kb_request {
            Some(request) if request.presented == presented => request.clone(),
            _ => match self.kb_request_for(presented, alg, signing_alg.name()) {
                Ok(request) => request,
                Err(why) => {
                    self.binding = Binding::Failed(why);
                    return;
                }
            },
        };
        let Ok(header) = json::parse(&request.header) else {
            return;
        };
        match sign::sign(&request.input, &header, key) {
            Ok(kb_jwt) => {
                let by = key.describe();
                self.kb_request = None;
                self.binding = Binding::Made {
                    by,
                    defaults: request.defaults.to_string(),
                };
                let token = format!("{}{kb_jwt}", request.presented);
                self.decoded = super::decode(&token);
                self.input = token.into();
                self.reverify();
            }
            Err(sign::SignError::Pending) => {
                self.kb_request = Some(request);
                self.binding = Binding::Pending;
            }
            Err(error) => {
                self.kb_request = None;
                self.binding = Binding::Failed(format!("the holder's key did not sign: {error}"));
            }
        }
    }

    /// The KB-JWT to sign for `presented`: its header, its signing input, and what the page
    /// filled in that the user did not type.
    fn kb_request_for(
        &self,
        presented: Rc<str>,
        alg: DigestAlg,
        signing_alg: &str,
    ) -> Result<KbRequest, String> {
        let mut defaults = Vec::new();
        let aud = if self.kb_aud.is_empty() {
            defaults.push(format!("aud {DEFAULT_KB_AUD}"));
            DEFAULT_KB_AUD.to_string()
        } else {
            self.kb_aud.to_string()
        };
        let nonce = if self.kb_nonce.is_empty() {
            let nonce = crate::jwt::base64url::encode(&random()?);
            defaults.push(format!("a random nonce {nonce}"));
            nonce
        } else {
            self.kb_nonce.to_string()
        };
        let header = format!(r#"{{"alg":"{signing_alg}","typ":"kb+jwt"}}"#);
        let claims = format!(
            r#"{{"iat":{},"aud":{},"nonce":{},"sd_hash":"{}"}}"#,
            self.now,
            quoted(&aud),
            quoted(&nonce),
            alg.digest(&presented)
        );
        let parsed = json::parse(&header).map_err(|e| e.to_string())?;
        let input = sign::signing_input(&parsed, &claims).map_err(|e| e.to_string())?;
        Ok(KbRequest {
            presented,
            header: header.into(),
            input: input.into(),
            defaults: defaults.join(" and ").into(),
        })
    }
}

/// A KB-JWT being signed: kept while the key engine signs it, so the same input is asked again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbRequest {
    presented: Rc<str>,
    header: Rc<str>,
    input: Rc<str>,
    defaults: Rc<str>,
}

/// `text` as a JSON string.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}
