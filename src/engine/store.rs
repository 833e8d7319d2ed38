//! The engine module's side: the keys it holds for the page, by handle, and what it does with
//! them. Plain Rust over the core, so the native tests drive it directly.

use std::collections::HashMap;

use super::protocol;
use crate::jwt::algorithm::Algorithm;
use crate::jwt::base64url;
use crate::jwt::keys::generate::{self, KeyKind};
use crate::jwt::keys::remote::Export;
use crate::jwt::keys::{self, KeyError, KeySet, Material, SecretEncoding, export};
use crate::jwt::primitives;

/// The keys the page has been given handles to.
#[derive(Default)]
pub struct Store {
    held: HashMap<u32, Material>,
    next: u32,
}

impl Store {
    /// Reads PEM, JWK, JWKS or OpenSSH text (see `keys::parse`).
    pub fn parse(&mut self, text: &str) -> String {
        let result = keys::parse(text, SecretEncoding::Utf8)
            .unwrap_or_else(|| Err(KeyError::Pem("the key is empty".into())));
        self.answer(result)
    }

    /// An EC or Ed25519 key from the page's random bytes.
    pub fn generate(&mut self, kind: &str, random: &[u8]) -> String {
        let result = KeyKind::from_id(kind)
            .ok_or_else(|| KeyError::Unsupported(format!("key kind \"{kind}\"")))
            .and_then(|kind| generate::from_random(kind, random));
        self.answer(result.map(KeySet::One))
    }

    /// An RSA private key from the PKCS#8 DER WebCrypto made.
    pub fn rsa_from_pkcs8(&mut self, der: &[u8]) -> String {
        self.answer(generate::rsa_from_pkcs8(der).map(KeySet::One))
    }

    fn answer(&mut self, result: Result<KeySet, KeyError>) -> String {
        protocol::write_keys(result, &mut |material| {
            self.next = self.next.wrapping_add(1);
            self.held.insert(self.next, material);
            self.next
        })
    }

    /// Whether `signature` is `alg`'s signature of `message` under key `handle`.
    pub fn verify(&self, handle: u32, alg: &str, message: &[u8], signature: &[u8]) -> bool {
        match (self.held.get(&handle), Algorithm::from_name(alg)) {
            (Some(material), Some(alg)) => {
                primitives::verify(alg, material, message, &base64url::encode(signature))
            }
            _ => false,
        }
    }

    /// `alg`'s signature of `message` with key `handle`.
    pub fn sign(&self, handle: u32, alg: &str, message: &[u8]) -> String {
        let result = match (self.held.get(&handle), Algorithm::from_name(alg)) {
            (Some(material), Some(alg)) => primitives::sign(alg, material, message)
                .and_then(|text| base64url::decode(&text).map_err(|e| e.to_string())),
            (None, _) => Err("the key was released".into()),
            (_, None) => Err(format!("\"{alg}\" is not an algorithm")),
        };
        protocol::write_signature(result)
    }

    /// Key `handle` written out as `form` (see [`protocol::export_name`]).
    pub fn export(&self, handle: u32, form: &str, comment: &str) -> Option<String> {
        let material = self.held.get(&handle)?;
        Some(match protocol::export_from_name(form)? {
            Export::Thumbprint => export::thumbprint(material),
            Export::Jwk(private) => export::jwk(material, private),
            Export::PublicPem => export::public_pem(material)?,
            Export::PrivatePem => export::private_pem(material)?,
            Export::OpenSshPublic => export::openssh_public(material, comment)?,
        })
    }

    /// The page no longer needs key `handle`.
    pub fn release(&mut self, handle: u32) {
        self.held.remove(&handle);
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
