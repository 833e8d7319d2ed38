//! The page's side: a [`KeyEngine`] over any [`Link`] to the engine module, and the keys it
//! hands out, which release themselves there when the page drops the last copy.

use std::rc::Rc;

use super::protocol;
use crate::jwt::algorithm::Algorithm;
use crate::jwt::keys::generate::KeyKind;
use crate::jwt::keys::remote::{Export, Facts, KeyEngine, RemoteKey};
use crate::jwt::keys::{Key, KeyError, KeySet};

/// The calls the engine module answers. `None` from the reading calls: it is not loaded yet.
pub trait Link {
    fn parse(&self, text: &str) -> Option<String>;
    fn generate(&self, kind: &str, random: &[u8]) -> Option<String>;
    fn rsa_from_pkcs8(&self, der: &[u8]) -> Option<String>;
    fn verify(&self, handle: u32, alg: &str, message: &[u8], signature: &[u8]) -> bool;
    fn sign(&self, handle: u32, alg: &str, message: &[u8]) -> Option<String>;
    fn export(&self, handle: u32, form: &str, comment: &str) -> Option<String>;
    fn release(&self, handle: u32);
}

/// The engine as the core sees it, over `link`.
pub struct Client<L: Link + 'static> {
    link: Rc<L>,
}

impl<L: Link + 'static> Client<L> {
    pub fn new(link: Rc<L>) -> Self {
        Self { link }
    }

    fn attach(&self) -> impl FnMut(u32, Facts, String) -> Rc<dyn RemoteKey> + use<L> {
        let link = self.link.clone();
        move |handle, facts, thumbprint| {
            Rc::new(Held {
                handle,
                facts,
                thumbprint,
                link: link.clone(),
            })
        }
    }
}

impl<L: Link + 'static> KeyEngine for Client<L> {
    fn parse(&self, text: &str) -> Result<KeySet, KeyError> {
        let answer = self.link.parse(text).ok_or(KeyError::EngineLoading)?;
        protocol::read_keys(&answer, &mut self.attach())
    }

    fn generate(&self, kind: KeyKind, random: &[u8]) -> Result<Key, KeyError> {
        let answer = self
            .link
            .generate(&kind.id(), random)
            .ok_or(KeyError::EngineLoading)?;
        protocol::read_one_key(&answer, &mut self.attach())
    }

    fn rsa_from_pkcs8(&self, der: &[u8]) -> Result<Key, KeyError> {
        let answer = self
            .link
            .rsa_from_pkcs8(der)
            .ok_or(KeyError::EngineLoading)?;
        protocol::read_one_key(&answer, &mut self.attach())
    }
}

/// A key the engine holds under `handle`.
struct Held<L: Link> {
    handle: u32,
    facts: Facts,
    /// Came with the key: the key line shows it on every render, and asking the engine each
    /// time was a third crossing on the way from a pasted key to its verdict.
    thumbprint: String,
    link: Rc<L>,
}

impl<L: Link> RemoteKey for Held<L> {
    fn facts(&self) -> Facts {
        self.facts
    }

    fn verify(&self, alg: Algorithm, message: &[u8], signature: &[u8]) -> bool {
        self.link
            .verify(self.handle, alg.name(), message, signature)
    }

    fn sign(&self, alg: Algorithm, message: &[u8]) -> Result<Vec<u8>, String> {
        let answer = self
            .link
            .sign(self.handle, alg.name(), message)
            .ok_or_else(|| KeyError::EngineLoading.to_string())?;
        protocol::read_signature(&answer)
    }

    fn export(&self, form: Export, comment: &str) -> Option<String> {
        if form == Export::Thumbprint {
            return Some(self.thumbprint.clone());
        }
        self.link
            .export(self.handle, protocol::export_name(form), comment)
    }
}

impl<L: Link> Drop for Held<L> {
    fn drop(&mut self) {
        self.link.release(self.handle);
    }
}
