//! The engine's side: the keys it holds for the page, by handle, and its answer to each
//! [`Request`]. Plain Rust over the core, so the native tests drive it directly; the Web Worker
//! (src/engine_main.rs) only carries messages to and from it.

use std::collections::HashMap;

use super::protocol::{Answer, Exports, Held, KeyFacts, KeysRead, Request};
use crate::jwt::algorithm::{Algorithm, Family};
use crate::jwt::keys::generate::{self, KeyKind};
use crate::jwt::keys::handle::Facts;
use crate::jwt::keys::{self, Key, KeyError, KeySet, Material, SecretEncoding, export};
use crate::jwt::primitives;
use crate::jwt::{certs, jwe, lint, token, tutorial};
use crate::presets;

/// The keys the page has been given handles to.
#[derive(Default)]
pub struct Store {
    held: HashMap<u32, Material>,
    next: u32,
    /// The last key text read to open or seal a JWE, as read: tokens pasted one after another
    /// are opened with the same key, and reading an RSA private key (or deriving a locked key's
    /// passphrase) costs more than using it. A passphrase is kept only as its SHA-256, to tell
    /// whether the next one is the same.
    jwe_key: Option<(String, SecretEncoding, [u8; 32], KeySet)>,
}

impl Store {
    /// The keys in `text` for a JWE, read once per text; `missing` says what an empty text lacks.
    fn jwe_keys(
        &mut self,
        text: &str,
        encoding: SecretEncoding,
        passphrase: &str,
        missing: &str,
    ) -> Result<&KeySet, jwe::JweError> {
        use sha2::{Digest, Sha256};
        let digest: [u8; 32] = Sha256::digest(passphrase.as_bytes()).into();
        let fresh = !matches!(&self.jwe_key,
            Some((t, e, d, _)) if t == text && *e == encoding && *d == digest);
        if fresh {
            let keys = jwe::read_keys(text, encoding, passphrase, missing)?;
            self.jwe_key = Some((text.to_string(), encoding, digest, keys));
        }
        match &self.jwe_key {
            Some((_, _, _, keys)) => Ok(keys),
            None => Err(jwe::JweError::Key(missing.into())),
        }
    }

    /// The answer to `request`; `None` for a release, which has none.
    pub fn answer(&mut self, request: Request) -> Option<Answer> {
        Some(match request {
            Request::Hello => Answer::Hello,
            Request::Parse { text, passphrase } => Answer::Keys(self.parse(&text, &passphrase)),
            Request::Generate { kind, random } => Answer::Keys(self.generate(&kind, &random)),
            Request::RsaFromPkcs8(der) => {
                Answer::Keys(self.hold(generate::rsa_from_pkcs8(&der).map(KeySet::One)))
            }
            Request::Verify {
                handle,
                alg,
                message,
                signature,
            } => Answer::Verified(self.verify(handle, &alg, &message, &signature)),
            Request::Sign {
                handle,
                alg,
                message,
            } => Answer::Signed(self.sign(handle, &alg, &message)),
            Request::LockOpenSsh { handle, passphrase } => Answer::Signed(
                self.held
                    .get(&handle)
                    .ok_or_else(|| "the key engine no longer holds this key: paste it again".into())
                    .and_then(|material| export::openssh_private_locked_now(material, &passphrase)),
            ),
            Request::TryCommonSecrets(token) => Answer::Cracked(
                token::decode(&token)
                    .ok()
                    .and_then(|token| lint::crack_with_common_secrets(&token))
                    .map(str::to_string),
            ),
            Request::DemoKeys(alg) => Answer::DemoKeys(
                Algorithm::from_name(&alg)
                    .filter(|alg| alg.family() != Family::Hmac)
                    .map(|alg| {
                        let (signing, verifying) = presets::demo_keys(alg);
                        (signing.to_string(), verifying.to_string())
                    })
                    .ok_or_else(|| format!("no demo key pair for \"{alg}\"")),
            ),
            Request::TutorialIssue { alg, key, now } => {
                Answer::Issued(tutorial::issue(alg, &key, now))
            }
            Request::TutorialValidate {
                alg,
                key,
                token,
                now,
            } => Answer::Validated(tutorial::validate(alg, &key, &token, now)),
            Request::Decrypt {
                token,
                key,
                encoding,
                passphrase,
            } => Answer::Decrypted(
                self.jwe_keys(&key, encoding, &passphrase, "no key")
                    .and_then(|keys| jwe::open_with(&token, keys)),
            ),
            Request::Encrypt {
                header,
                plaintext,
                key,
                encoding,
            } => Answer::Encrypted(
                self.jwe_keys(&key, encoding, "", "no key to encrypt to")
                    .and_then(|keys| jwe::encrypt(&header, plaintext.as_bytes(), keys)),
            ),
            Request::Chain {
                x5c,
                key,
                alg,
                message,
                signature,
            } => Answer::Chain(certs::read_chain(&x5c, &key, &alg, &message, &signature)),
            Request::Release(handle) => {
                self.held.remove(&handle);
                return None;
            }
        })
    }

    /// Reads PEM, JWK, JWKS or OpenSSH text (see `keys::parse`).
    fn parse(&mut self, text: &str, passphrase: &str) -> Result<KeysRead, String> {
        let result = keys::parse_locked(text, SecretEncoding::Utf8, passphrase)
            .unwrap_or_else(|| Err(KeyError::Pem("the key is empty".into())));
        self.hold(result)
    }

    /// An EC or Ed25519 key from the page's random bytes.
    fn generate(&mut self, kind: &str, random: &[u8]) -> Result<KeysRead, String> {
        let result = KeyKind::from_id(kind)
            .ok_or_else(|| KeyError::Unsupported(format!("key kind \"{kind}\"")))
            .and_then(|kind| generate::from_random(kind, random));
        self.hold(result.map(KeySet::One))
    }

    /// Keeps each asymmetric key under a new handle; the page gets the handles and the facts.
    fn hold(&mut self, result: Result<KeySet, KeyError>) -> Result<KeysRead, String> {
        let (keys, skipped, set) = match result.map_err(|e| e.to_string())? {
            KeySet::One(key) => (vec![key], Vec::new(), false),
            KeySet::Jwks { keys, skipped } => (keys, skipped, true),
        };
        let keys = keys.into_iter().map(|key| self.facts(key)).collect();
        Ok(KeysRead { set, keys, skipped })
    }

    fn facts(&mut self, key: Key) -> KeyFacts {
        let held = match key.material {
            Material::Secret(bytes) => Held::Secret(bytes),
            material => {
                let facts = Facts {
                    shape: material.shape(),
                    rsa_bits: material.rsa_bits().unwrap_or(0),
                    can_sign: material.can_sign(),
                };
                let exports = Exports {
                    thumbprint: export::thumbprint(&material),
                    public_jwk: export::jwk(&material, false),
                    private_jwk: export::jwk(&material, true),
                    public_pem: export::public_pem(&material),
                    private_pem: export::private_pem(&material),
                    openssh_public: export::openssh_public(&material, ""),
                    openssh_private: export::openssh_private(&material),
                };
                self.next = self.next.wrapping_add(1);
                self.held.insert(self.next, material);
                Held::Engine {
                    handle: self.next,
                    facts,
                    exports,
                }
            }
        };
        KeyFacts {
            format: key.format,
            usage: key.usage,
            held,
        }
    }

    fn verify(
        &self,
        handle: u32,
        alg: &str,
        message: &[u8],
        signature: &str,
    ) -> Result<bool, String> {
        match (self.held.get(&handle), Algorithm::from_name(alg)) {
            (Some(material), Some(alg)) => {
                Ok(primitives::verify(alg, material, message, signature))
            }
            (None, _) => Err("the key was released: paste it again".into()),
            (_, None) => Err(format!("\"{alg}\" is not an algorithm")),
        }
    }

    fn sign(&self, handle: u32, alg: &str, message: &[u8]) -> Result<String, String> {
        match (self.held.get(&handle), Algorithm::from_name(alg)) {
            (Some(material), Some(alg)) => primitives::sign(alg, material, message),
            (None, _) => Err("the key was released".into()),
            (_, None) => Err(format!("\"{alg}\" is not an algorithm")),
        }
    }

    /// How many keys are held (the page releases what it drops).
    pub fn len(&self) -> usize {
        self.held.len()
    }

    /// Whether no key is held.
    pub fn is_empty(&self) -> bool {
        self.held.is_empty()
    }
}
