//! The page's side of the key engine, without the browser: questions go out through a [`Link`],
//! answers come back through [`Client::receive`] and are kept, so the reducer asks as often as
//! it likes and never waits. A question not yet answered is answered "not yet" (`None`, or
//! [`KeyError::Pending`]); when its answer arrives the listeners hear of it and the page
//! derives its state again, finding the answer kept.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use super::protocol::{Answer, BUILD, Envelope, Exports, Held, KeyFacts, KeysRead, Request};
use crate::jwt::algorithm::Algorithm;
use crate::jwt::certs::ChainFacts;
use crate::jwt::jwe::{JweError, Opened};
use crate::jwt::keys::generate::KeyKind;
use crate::jwt::keys::handle::{Export, Facts, KeyHandle};
use crate::jwt::keys::{Key, KeyError, KeySet, Material, SecretEncoding};
use crate::jwt::tutorial::TutorialAlg;

/// How many answers are kept. Each verdict, signature and key read is one; the page re-derives
/// from the latest inputs, so only recent answers are ever asked for again.
const KEPT: usize = 32;

/// How questions reach the engine (a Web Worker in the page; the store itself in tests).
pub trait Link {
    /// Sends one question, starting the engine first if need be. `Err` says why the engine
    /// cannot be reached now (the next question tries again).
    fn send(&self, envelope: Envelope) -> Result<(), String>;
    /// Sends a message that needs no answer (a release) to the engine if it is running; it is
    /// not started for it.
    fn tell(&self, envelope: Envelope);
}

/// An answer as the page keeps it: keys already made into keys the page can hold.
#[derive(Clone)]
enum Kept {
    Hello,
    Keys(Result<KeySet, KeyError>),
    Verified(Result<bool, String>),
    Signed(Result<String, String>),
    Issued(Result<String, String>),
    Validated(Option<String>),
    Cracked(Result<Option<String>, String>),
    DemoKeys(Result<(String, String), String>),
    Decrypted(Result<Opened, JweError>),
    Encrypted(Result<String, JweError>),
    Chain(Result<ChainFacts, String>),
}

struct Memory {
    next_id: u32,
    /// Questions sent and not yet answered, by number.
    asked: Vec<(u32, Request)>,
    /// Oldest first, each with the round it was last asked in; searched in order (a handful of
    /// entries: a hash map costs the page's module more code than it saves time).
    answers: VecDeque<(Request, Kept, u32)>,
    /// Counts the rounds of asking: a round begins with the first question after an answer
    /// came in (the page deriving its state again). An answer asked for in the current round
    /// is never forgotten, so a page that needs more than [`KEPT`] answers at once (a large key
    /// set) gets them all instead of asking forever.
    round: u32,
    /// An answer came in since the last question.
    fresh: bool,
    /// Answers that are refusals because the engine could not be reached: forgotten when the
    /// next question goes out, so that it tries again.
    refused: Vec<Request>,
    listeners: Vec<Rc<dyn Fn()>>,
    once: Vec<Box<dyn FnOnce()>>,
}

impl Memory {
    /// The kept answer to `request`, marked as asked for in this round.
    fn answer(&mut self, request: &Request) -> Option<&Kept> {
        let round = self.round;
        self.answers
            .iter_mut()
            .find(|(r, _, _)| r == request)
            .map(|(_, kept, asked)| {
                *asked = round;
                &*kept
            })
    }

    /// Drops the refusals kept, so that their questions go out again.
    fn forget_refusals(&mut self) {
        for old in std::mem::take(&mut self.refused) {
            self.answers.retain(|(r, _, _)| *r != old);
        }
    }

    /// The question numbered `id`, no longer out.
    fn take_asked(&mut self, id: u32) -> Option<Request> {
        let at = self.asked.iter().position(|(i, _)| *i == id)?;
        Some(self.asked.remove(at).1)
    }
}

struct Shared<L> {
    link: L,
    memory: RefCell<Memory>,
}

/// The engine as the page's core sees it; cheap to clone.
pub struct Client<L: Link + 'static> {
    shared: Rc<Shared<L>>,
}

impl<L: Link + 'static> Clone for Client<L> {
    fn clone(&self) -> Self {
        Self {
            shared: self.shared.clone(),
        }
    }
}

impl<L: Link + 'static> Client<L> {
    pub fn new(link: L) -> Self {
        Self {
            shared: Rc::new(Shared {
                link,
                memory: RefCell::new(Memory {
                    next_id: 0,
                    asked: Vec::new(),
                    answers: VecDeque::new(),
                    round: 0,
                    fresh: false,
                    refused: Vec::new(),
                    listeners: Vec::new(),
                    once: Vec::new(),
                }),
            }),
        }
    }

    /// The link questions go through.
    pub fn link(&self) -> &L {
        &self.shared.link
    }

    /// Calls `listener` after every answer (and every refusal) that comes in.
    pub fn on_answer(&self, listener: impl Fn() + 'static) {
        self.shared
            .memory
            .borrow_mut()
            .listeners
            .push(Rc::new(listener));
    }

    /// Calls `listener` once, after the next answer or refusal that comes in.
    pub fn on_next_answer(&self, listener: impl FnOnce() + 'static) {
        self.shared
            .memory
            .borrow_mut()
            .once
            .push(Box::new(listener));
    }

    /// Whether question `id` is out and not yet answered.
    pub fn is_asked(&self, id: u32) -> bool {
        self.shared
            .memory
            .borrow()
            .asked
            .iter()
            .any(|(i, _)| *i == id)
    }

    /// Asks the engine whether it is there (the page does so once it is usable).
    pub fn hello(&self) {
        let _ = self.ask(Request::Hello);
    }

    /// The kept answer to `request`; else it is sent (once) and `None` says it is on its way.
    fn ask(&self, request: Request) -> Option<Kept> {
        let id = {
            let mut memory = self.shared.memory.borrow_mut();
            if std::mem::take(&mut memory.fresh) {
                memory.round = memory.round.wrapping_add(1);
            }
            if let Some(kept) = memory.answer(&request) {
                return Some(kept.clone());
            }
            if memory.asked.iter().any(|(_, r)| *r == request) {
                return None;
            }
            memory.forget_refusals();
            memory.next_id = memory.next_id.wrapping_add(1);
            let id = memory.next_id;
            memory.asked.push((id, request.clone()));
            id
        };
        // No borrow is held while the link works: it may answer at once (tests do).
        match self.shared.link.send((id, request.clone())) {
            Ok(()) => self.shared.memory.borrow_mut().answer(&request).cloned(),
            Err(why) => {
                let kept = refusal(&request, &why);
                let _forgotten = {
                    let mut memory = self.shared.memory.borrow_mut();
                    memory.take_asked(id);
                    memory.refused.push(request.clone());
                    keep(&mut memory, request, kept.clone())
                };
                Some(kept)
            }
        }
    }

    /// Tells the engine, expecting no answer; nothing is started for it.
    fn tell(&self, request: Request) {
        let id = {
            let mut memory = self.shared.memory.borrow_mut();
            memory.next_id = memory.next_id.wrapping_add(1);
            memory.next_id
        };
        self.shared.link.tell((id, request));
    }

    /// An answer from the engine: `build` must be this page's [`BUILD`].
    pub fn receive(&self, id: u32, build: &str, answer: Answer) {
        if build != BUILD {
            self.fail("the key engine is from another release of this page: reload the page");
            return;
        }
        let Some(request) = self.shared.memory.borrow_mut().take_asked(id) else {
            return;
        };
        let kept = self.kept(answer);
        let forgotten = keep(&mut self.shared.memory.borrow_mut(), request, kept);
        drop(forgotten);
        self.tell_listeners();
    }

    /// The engine cannot be reached (it failed to load, or is from another build): every
    /// question out is answered with `why`, and the next question tries again.
    pub fn fail(&self, why: &str) {
        self.drop_engine(Some(why));
    }

    /// The engine is gone and a new one is on its way: the questions out are forgotten, not
    /// refused, so the page asks them again (of the new engine) when it derives its state again.
    pub fn restart(&self) {
        self.drop_engine(None);
    }

    fn drop_engine(&self, refusal_reason: Option<&str>) {
        let mut forgotten = Vec::new();
        {
            let mut memory = self.shared.memory.borrow_mut();
            // The engine that held their keys is gone: a new one numbers its keys afresh. Its
            // hello goes too, so that asking again starts the new one.
            let held: Vec<usize> = (0..memory.answers.len())
                .rev()
                .filter(|&at| matches!(memory.answers[at].1, Kept::Keys(Ok(_)) | Kept::Hello))
                .collect();
            for at in held {
                forgotten.extend(memory.answers.remove(at).map(|(_, old, _)| old));
            }
            let asked: Vec<Request> = memory.asked.drain(..).map(|(_, r)| r).collect();
            if let Some(why) = refusal_reason {
                for request in asked {
                    let kept = refusal(&request, why);
                    memory.refused.push(request.clone());
                    forgotten.extend(keep(&mut memory, request, kept));
                }
            }
        }
        drop(forgotten);
        self.tell_listeners();
    }

    fn tell_listeners(&self) {
        let (listeners, once) = {
            let mut memory = self.shared.memory.borrow_mut();
            (memory.listeners.clone(), std::mem::take(&mut memory.once))
        };
        for listener in listeners {
            listener();
        }
        for listener in once {
            listener();
        }
    }

    /// The page's keeping of an answer: keys become [`RemoteHeld`] keys.
    fn kept(&self, answer: Answer) -> Kept {
        match answer {
            Answer::Hello => Kept::Hello,
            Answer::Keys(read) => Kept::Keys(
                read.map_err(KeyError::Reported)
                    .and_then(|read| self.key_set(read)),
            ),
            Answer::Verified(result) => Kept::Verified(result),
            Answer::Signed(result) => Kept::Signed(result),
            Answer::Issued(result) => Kept::Issued(result),
            Answer::Validated(subject) => Kept::Validated(subject),
            Answer::Cracked(secret) => Kept::Cracked(Ok(secret)),
            Answer::DemoKeys(pair) => Kept::DemoKeys(pair),
            Answer::Decrypted(result) => Kept::Decrypted(result),
            Answer::Encrypted(result) => Kept::Encrypted(result),
            Answer::Chain(result) => Kept::Chain(result),
        }
    }

    fn key_set(&self, read: KeysRead) -> Result<KeySet, KeyError> {
        let KeysRead { set, keys, skipped } = read;
        let mut keys: Vec<Key> = keys.into_iter().map(|k| self.key(k)).collect();
        match (set, keys.len()) {
            (true, 1..) => Ok(KeySet::Jwks { keys, skipped }),
            (false, 1) => Ok(KeySet::One(keys.remove(0))),
            _ => Err(garbled()),
        }
    }

    fn key(&self, facts: KeyFacts) -> Key {
        let material = match facts.held {
            Held::Secret(bytes) => Material::Secret(bytes),
            Held::Engine {
                handle,
                facts,
                exports,
            } => Material::Handle(Rc::new(RemoteHeld {
                handle,
                facts,
                exports,
                client: Rc::downgrade(&self.shared),
            })),
        };
        Key {
            material,
            format: facts.format,
            usage: facts.usage,
        }
    }

    fn keys(&self, request: Request) -> Result<KeySet, KeyError> {
        match self.ask(request) {
            Some(Kept::Keys(keys)) => keys,
            Some(_) => Err(garbled()),
            None => Err(KeyError::Pending),
        }
    }

    fn one_key(&self, request: Request) -> Result<Key, KeyError> {
        match self.keys(request)? {
            KeySet::One(key) => Ok(key),
            KeySet::Jwks { .. } => Err(garbled()),
        }
    }
}

/// Keeps `kept` as the answer to `request` and forgets the oldest beyond [`KEPT`]. What is
/// forgotten is returned, to be dropped once `memory` is no longer borrowed: dropping a key tells
/// the engine to release it, which borrows `memory` again.
#[must_use]
fn keep(memory: &mut Memory, request: Request, kept: Kept) -> Vec<Kept> {
    let mut forgotten = Vec::new();
    if let Some(at) = memory.answers.iter().position(|(r, _, _)| *r == request) {
        forgotten.extend(memory.answers.remove(at).map(|(_, old, _)| old));
    }
    let round = memory.round;
    memory.answers.push_back((request, kept, round));
    memory.fresh = true;
    // The oldest answers go first, but none the current round has asked for.
    while memory.answers.len() > KEPT {
        let Some(at) = memory
            .answers
            .iter()
            .position(|(_, _, asked)| *asked != round)
        else {
            break;
        };
        forgotten.extend(memory.answers.remove(at).map(|(_, old, _)| old));
    }
    forgotten
}

/// The engine's refusal, in the shape `request`'s answer takes.
fn refusal(request: &Request, why: &str) -> Kept {
    match request {
        Request::Verify { .. } => Kept::Verified(Err(why.to_string())),
        Request::Sign { .. } | Request::LockOpenSsh { .. } => Kept::Signed(Err(why.to_string())),
        Request::TutorialIssue { .. } => Kept::Issued(Err(why.to_string())),
        Request::TutorialValidate { .. } => Kept::Validated(None),
        Request::TryCommonSecrets(_) => Kept::Cracked(Err(why.to_string())),
        Request::DemoKeys(_) => Kept::DemoKeys(Err(why.to_string())),
        Request::Decrypt { .. } => Kept::Decrypted(Err(JweError::Key(why.to_string()))),
        Request::Encrypt { .. } => Kept::Encrypted(Err(JweError::Key(why.to_string()))),
        Request::Chain { .. } => Kept::Chain(Err(why.to_string())),
        _ => Kept::Keys(Err(KeyError::Reported(why.to_string()))),
    }
}

/// An answer the page cannot read: the two sides come from different builds.
fn garbled() -> KeyError {
    KeyError::Reported(
        "the key engine answered in a form this page does not read: reload the page".into(),
    )
}

/// The questions the page asks, each answered at once from memory or `None` /
/// [`KeyError::Pending`] until the engine's answer is in.
impl<L: Link + 'static> Client<L> {
    /// Reads PEM, JWK, JWKS or OpenSSH text; a locked key is opened with `passphrase` (the
    /// engine derives its key off the page's thread).
    pub fn parse(&self, text: &str, passphrase: &str) -> Result<KeySet, KeyError> {
        self.keys(Request::Parse {
            text: text.to_string(),
            passphrase: passphrase.to_string(),
        })
    }

    /// An EC or Ed25519 key from random bytes (see `generate::from_random`).
    pub fn generate(&self, kind: KeyKind, random: &[u8]) -> Result<Key, KeyError> {
        self.one_key(Request::Generate {
            kind: kind.id(),
            random: random.to_vec(),
        })
    }

    /// An RSA private key from PKCS#8 DER.
    pub fn rsa_from_pkcs8(&self, der: &[u8]) -> Result<Key, KeyError> {
        self.one_key(Request::RsaFromPkcs8(der.to_vec()))
    }

    /// Forgets the refusals of an engine that could not be reached, so that the next question
    /// tries again (the user pasted a key again).
    pub fn retry_refused(&self) {
        self.shared.memory.borrow_mut().forget_refusals();
    }

    /// Which published secret signed this HMAC token (`lint::crack_with_common_secrets`).
    pub fn try_common_secrets(&self, token: &str) -> Option<Result<Option<String>, String>> {
        match self.ask(Request::TryCommonSecrets(token.to_string()))? {
            Kept::Cracked(secret) => Some(secret),
            _ => Some(Err(garbled().to_string())),
        }
    }

    /// The public demo key pair (signing, verifying) for an asymmetric `alg`'s example.
    pub fn demo_keys(&self, alg: Algorithm) -> Option<Result<(String, String), String>> {
        match self.ask(Request::DemoKeys(alg.name().to_string()))? {
            Kept::DemoKeys(pair) => Some(pair),
            _ => Some(Err(garbled().to_string())),
        }
    }

    /// The tutorial's `/generate` with this signing key text at `now` (`tutorial::issue`).
    pub fn tutorial_issue(
        &self,
        alg: TutorialAlg,
        key: &str,
        now: i64,
    ) -> Option<Result<String, String>> {
        match self.ask(Request::TutorialIssue {
            alg,
            key: key.to_string(),
            now,
        })? {
            Kept::Issued(result) => Some(result),
            _ => Some(Err(garbled().to_string())),
        }
    }

    /// The compact JWE `token` opened with the key in `key` (`jwe::open`).
    pub fn decrypt(
        &self,
        token: &str,
        key: &str,
        encoding: SecretEncoding,
        passphrase: &str,
    ) -> Option<Result<Opened, JweError>> {
        match self.ask(Request::Decrypt {
            token: token.to_string(),
            key: key.to_string(),
            encoding,
            passphrase: passphrase.to_string(),
        })? {
            Kept::Decrypted(result) => Some(result),
            _ => Some(Err(JweError::Key(garbled().to_string()))),
        }
    }

    /// The `x5c` chain read and checked (`certs::read_chain`).
    pub fn chain(
        &self,
        x5c: &[String],
        key: &str,
        alg: &str,
        message: &[u8],
        signature: &str,
    ) -> Option<Result<ChainFacts, String>> {
        match self.ask(Request::Chain {
            x5c: x5c.to_vec(),
            key: key.to_string(),
            alg: alg.to_string(),
            message: message.to_vec(),
            signature: signature.to_string(),
        })? {
            Kept::Chain(result) => Some(result),
            _ => Some(Err(garbled().to_string())),
        }
    }

    /// `plaintext` sealed as a compact JWE under `header` for the key in `key` (`jwe::seal`).
    pub fn encrypt(
        &self,
        header: &str,
        plaintext: &str,
        key: &str,
        encoding: SecretEncoding,
    ) -> Option<Result<String, JweError>> {
        match self.ask(Request::Encrypt {
            header: header.to_string(),
            plaintext: plaintext.to_string(),
            key: key.to_string(),
            encoding,
        })? {
            Kept::Encrypted(result) => Some(result),
            _ => Some(Err(JweError::Key(garbled().to_string()))),
        }
    }

    /// The tutorial's `/validate` of `token` with this verifying key text at `now`.
    pub fn tutorial_validate(
        &self,
        alg: TutorialAlg,
        key: &str,
        token: &str,
        now: i64,
    ) -> Option<Option<String>> {
        match self.ask(Request::TutorialValidate {
            alg,
            key: key.to_string(),
            token: token.to_string(),
            now,
        })? {
            Kept::Validated(subject) => Some(subject),
            _ => Some(None),
        }
    }
}

/// A key the engine holds under `handle`. It knows its client only weakly: the client keeps
/// answers that hold keys, and a strong link back would keep both alive forever.
struct RemoteHeld<L: Link + 'static> {
    handle: u32,
    facts: Facts,
    /// Every written-out form, sent with the key: the views show them on every render.
    exports: Exports,
    client: Weak<Shared<L>>,
}

impl<L: Link + 'static> RemoteHeld<L> {
    fn ask(&self, request: Request) -> Option<Kept> {
        let shared = self.client.upgrade()?;
        Client { shared }.ask(request)
    }
}

/// The page is gone or the key is not in use: no answer can come.
const GONE: &str = "the key engine is no longer connected: reload the page";

impl<L: Link + 'static> KeyHandle for RemoteHeld<L> {
    fn facts(&self) -> Facts {
        self.facts
    }

    fn lock_openssh(&self, passphrase: &str) -> Option<Result<String, String>> {
        if self.client.strong_count() == 0 {
            return Some(Err(GONE.into()));
        }
        match self.ask(Request::LockOpenSsh {
            handle: self.handle,
            passphrase: passphrase.to_string(),
        })? {
            Kept::Signed(result) => Some(result),
            _ => Some(Err(garbled().to_string())),
        }
    }

    fn verify(
        &self,
        alg: Algorithm,
        message: &[u8],
        signature: &str,
    ) -> Option<Result<bool, String>> {
        if self.client.strong_count() == 0 {
            return Some(Err(GONE.into()));
        }
        match self.ask(Request::Verify {
            handle: self.handle,
            alg: alg.name().to_string(),
            message: message.to_vec(),
            signature: signature.to_string(),
        })? {
            Kept::Verified(result) => Some(result),
            _ => Some(Err(garbled().to_string())),
        }
    }

    fn sign(&self, alg: Algorithm, message: &[u8]) -> Option<Result<String, String>> {
        if self.client.strong_count() == 0 {
            return Some(Err(GONE.into()));
        }
        match self.ask(Request::Sign {
            handle: self.handle,
            alg: alg.name().to_string(),
            message: message.to_vec(),
        })? {
            Kept::Signed(result) => Some(result),
            _ => Some(Err(garbled().to_string())),
        }
    }

    fn export(&self, form: Export, comment: &str) -> Option<String> {
        let exports = &self.exports;
        match form {
            Export::Thumbprint => Some(exports.thumbprint.clone()),
            Export::Jwk(false) => Some(exports.public_jwk.clone()),
            Export::Jwk(true) => Some(exports.private_jwk.clone()),
            Export::PublicPem => exports.public_pem.clone(),
            Export::PrivatePem => exports.private_pem.clone(),
            Export::OpenSshPrivate => exports.openssh_private.clone(),
            // The engine wrote the line without a comment.
            Export::OpenSshPublic => exports
                .openssh_public
                .as_ref()
                .map(|line| format!("{line} {comment}").trim_end().to_string()),
        }
    }
}

impl<L: Link + 'static> Drop for RemoteHeld<L> {
    fn drop(&mut self) {
        if let Some(shared) = self.client.upgrade() {
            Client { shared }.tell(Request::Release(self.handle));
        }
    }
}
