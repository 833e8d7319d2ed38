//! The debugger's state: the token, the keys, the verdict and the drafts being edited.

use std::rc::Rc;

use crate::engine;
use crate::jwt::algorithm::Algorithm;
use crate::jwt::certs::{self, ChainFacts, ChainState};
use crate::jwt::claims::ClaimsStatus;
use crate::jwt::detached;
use crate::jwt::json::Value;
use crate::jwt::keys::{self, KeyError, KeySet, SecretEncoding};
use crate::jwt::lint::{self, Finding, Offered};
use crate::jwt::sd_jwt::{self, KbVerdict};
use crate::jwt::sign;
use crate::jwt::time::Seconds;
use crate::jwt::token::{self, DecodeError, Token};
use crate::jwt::verify::{self, Verdict};
use crate::presets;

use super::decoded::{Decoded, DecodedView, OpenedView, decode, decode_clean};

mod issuing;
use issuing::KbRequest;
pub use issuing::{Binding, DEFAULT_KB_AUD};

/// The token shown on first load: jwt.io's example (HS256, secret [`EXAMPLE_SECRET`]).
pub const EXAMPLE_TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

/// The secret [`EXAMPLE_TOKEN`] is signed with: the example comes with it, so it verifies.
pub const EXAMPLE_SECRET: &str = "your-256-bit-secret";

/// Everything the user can do to the debugger, and the clock's tick.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The token text changed (typed, pasted, loaded).
    SetToken(String),
    /// Empty the token box.
    Clear,
    /// The clock moved on.
    Tick(Seconds),
    /// The verification key text changed.
    SetKey(String),
    /// How secrets are read changed.
    SetSecretEncoding(SecretEncoding),
    /// The signing key text changed: the token is re-signed at once.
    SetSigningKey(String),
    /// A passphrase was submitted for the locked key in the verify box.
    UnlockKey(String),
    /// A passphrase was submitted for the locked key in the Sign panel.
    UnlockSigningKey(String),
    /// The header JSON was edited.
    EditHeader(String),
    /// The payload JSON was edited.
    EditPayload(String),
    /// An algorithm was chosen: `alg` in the header is rewritten and the token re-signed.
    SetAlg(Algorithm),
    /// Sign the header and payload shown with the signing key now, edited or not (the key
    /// generator's "Use in the debugger": the user asked for the new key to sign).
    SignShown,
    /// Load an example: signed with its public demo key, or the tutorial's, expired, unsecured.
    LoadExample(presets::Example),
    /// Try every secret in the built-in list against the current HMAC token.
    TryCommonSecrets,
    /// The key engine answered (or could not be reached): what was waiting for it is derived
    /// again, finding its answer kept.
    EngineReady,
    /// Present an SD-JWT without its disclosure number `.0` (0-based) and those inside it: the
    /// token box gets the new presentation, without its key-binding JWT.
    Withhold(usize),
    /// The `aud` a KB-JWT must carry was typed.
    SetKbAud(String),
    /// The `nonce` a KB-JWT must carry was typed.
    SetKbNonce(String),
    /// `sd-make`: the payload's claim becomes selectively disclosable, and the token is issued
    /// again.
    MakeDisclosable(String),
    /// Each element of the payload's array claim becomes selectively disclosable.
    MakeElementsDisclosable(String),
    /// One more digest in the payload's `_sd` that nothing discloses.
    AddDecoy,
    /// The holder's private key: each presentation made here gets a fresh KB-JWT signed by it.
    SetHolderKey(String),
    /// The access token, code or state an ID token's `at_hash`, `c_hash` or `s_hash` binds.
    SetOidcValue(&'static str, String),
    /// The payload of a detached or unencoded (`b64: false`) JWS, given beside the token.
    SetDetachedPayload(String),
    /// Open the token nested in the encrypted token's plaintext in the debugger.
    OpenNested,
    /// Back from a nested token to the encrypted token it came from.
    NestedBack,
    /// The Encrypt panel's key management algorithm (`alg`).
    SetEncryptAlg(String),
    /// The Encrypt panel's content encryption (`enc`).
    SetEncryptEnc(String),
    /// The key to encrypt to: a public key, a shared secret or an `oct` JWK.
    SetEncryptKey(String),
    /// Seal the payload (`false`) or the signed token shown (`true`, a nested JWT) into a JWE.
    Encrypt { nested: bool },
    /// Put back the token the box held before it was encrypted.
    Unseal,
    /// Show jwt.io's example token with its secret in the key box (the Example button).
    ShowExample,
    /// Put back the token and keys a replacing action (an example, the walkthrough's or the key
    /// generator's "open in the debugger") put aside.
    UndoReplace,
    /// Put back the token as it was last pasted (or loaded), undoing the edits and re-signing
    /// since: the Sign panel's way back, as a new key or an edit replaces the token shown.
    BackToPasted,
    /// An opened encrypted token's plaintext was edited: it is sealed again with the token's own
    /// `alg` and `enc`, for the Encrypt panel's key or else the key that opened it.
    EditPlaintext(String),
}

/// The Encrypt panel: what a token is sealed to, and what was sealed last (sealed again when
/// the algorithm, the content encryption or the key changes).
#[derive(Debug, Clone, PartialEq)]
pub struct Sealing {
    pub alg: Rc<str>,
    pub enc: Rc<str>,
    pub key: Rc<str>,
    /// The plaintext sealed last, and whether it was a signed token (a nested JWT).
    pub source: Option<(Rc<str>, bool)>,
    /// The token in the box before the first sealing, to go back to.
    pub before: Option<Rc<str>>,
    /// Why the last sealing failed.
    pub error: Option<String>,
    /// The key engine seals: the token is written when its answer is in.
    pub pending: bool,
}

impl Default for Sealing {
    fn default() -> Self {
        Self {
            alg: "RSA-OAEP-256".into(),
            enc: "A256GCM".into(),
            key: "".into(),
            source: None,
            before: None,
            error: None,
            pending: false,
        }
    }
}

/// The encrypted token a nested one was opened from, to go back to.
#[derive(Debug, Clone, PartialEq)]
pub struct Outer {
    pub input: Rc<str>,
    pub key: Rc<str>,
}

/// Which key box held the key that signs edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signer {
    /// The Sign panel's key.
    SignPanel,
    /// The verify box's secret or private key: one key both verifies and signs, as on jwt.io,
    /// while the Sign panel is empty.
    VerifyBox,
}

/// What signing did to the token shown (`sign-status`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signing {
    /// Nothing was re-signed: the token is as pasted.
    None,
    /// The token shown was signed here.
    Signed {
        alg: String,
        key: String,
        by: Signer,
    },
    /// The header or payload was edited and not signed: the token carries the old signature,
    /// which no longer matches. `why` says why no key signed it (`None`: there is no key).
    Stale { why: Option<String> },
}

impl Signing {
    /// `data-state`: `signed`, `stale` or `none`.
    pub fn state(&self) -> &'static str {
        match self {
            Signing::None => "none",
            Signing::Signed { .. } => "signed",
            Signing::Stale { .. } => "stale",
        }
    }
}

/// What a replacing action put aside: the token and keys before it, to put back
/// ([`Action::UndoReplace`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Replaced {
    /// What replaced them, for the words beside the undo button ("the example").
    pub by: &'static str,
    input: Rc<str>,
    key: Rc<str>,
    signing_key: Rc<str>,
    encoding: SecretEncoding,
}

/// What a key box was recognised as, shared by reference: two are equal only if they are the
/// same parse, so views compare them for free.
#[derive(Debug, Clone)]
pub struct ParsedKeys(Rc<Result<KeySet, KeyError>>);

impl PartialEq for ParsedKeys {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for ParsedKeys {
    type Target = Result<KeySet, KeyError>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

/// A key box: its text as typed, the passphrase given for it, and what was recognised in it
/// (parsed once per change).
#[derive(Debug, Clone, Default)]
pub struct KeyBox {
    pub text: Rc<str>,
    /// What the user submitted to open a locked key: kept only while the box holds that key's
    /// text (to read it again when the secret encoding changes), in memory only, never shared.
    passphrase: Rc<str>,
    pub parsed: Option<ParsedKeys>,
}

impl KeyBox {
    /// New text: a passphrase typed for the text before does not carry over.
    fn new(text: &str, encoding: SecretEncoding) -> Self {
        Self::read(text.into(), "".into(), encoding)
    }

    fn read(text: Rc<str>, passphrase: Rc<str>, encoding: SecretEncoding) -> Self {
        let parsed = engine::read_keys(&text, encoding, &passphrase);
        Self {
            text,
            passphrase,
            parsed: parsed.map(|p| ParsedKeys(Rc::new(p))),
        }
    }

    /// The same text and passphrase read again (another encoding, or the engine came in).
    fn again(&self, encoding: SecretEncoding) -> Self {
        Self::read(self.text.clone(), self.passphrase.clone(), encoding)
    }

    /// The same text opened with `passphrase`.
    fn unlocked(&self, passphrase: &str, encoding: SecretEncoding) -> Self {
        Self::read(self.text.clone(), passphrase.into(), encoding)
    }

    /// Whether the text is a key locked with a passphrase this page can open (the Passphrase
    /// field shows while it is).
    pub fn is_locked(&self) -> bool {
        keys::locked::is_locked(&self.text)
    }

    /// Whether anything was typed.
    pub fn is_empty(&self) -> bool {
        self.parsed.is_none()
    }

    /// Whether its text is a key the key engine must read, and it is not in yet.
    pub fn waits_for_engine(&self) -> bool {
        matches!(self.parsed.as_deref(), Some(Err(KeyError::Pending)))
    }
}

/// The debugger's whole state. Cloning is cheap: the big parts sit behind `Rc`.
#[derive(Debug, Clone)]
pub struct Debugger {
    /// The token box's text, exactly as typed.
    pub input: Rc<str>,
    pub decoded: Decoded,
    /// The clock, in seconds since the epoch.
    pub now: Seconds,
    pub encoding: SecretEncoding,
    /// The verification key.
    pub key: KeyBox,
    /// The signing key.
    pub signing_key: KeyBox,
    /// The signature verdict for the current token and key.
    pub verdict: Verdict,
    /// Each signature's verdict, for a JWS in the general JSON serialization with more than
    /// one (the verdict above is the first's).
    pub signature_verdicts: Rc<Vec<Verdict>>,
    /// An SD-JWT's key-binding JWT, checked against the holder key its issuer bound.
    pub kb: KbVerdict,
    /// The `aud` and `nonce` the verifier expects of a KB-JWT (empty: not compared).
    pub kb_aud: Rc<str>,
    pub kb_nonce: Rc<str>,
    /// The disclosures this token's issuance has (pasted with it or made here): an edit of the
    /// payload keeps those it still refers to.
    sd_known: Rc<Vec<Rc<str>>>,
    /// Why the last `sd-make` or decoy could not be made.
    pub sd_error: Option<Rc<str>>,
    /// The holder's private key, which signs the KB-JWT of a presentation made here.
    pub holder_key: KeyBox,
    /// What the page did to the presentation's KB-JWT.
    pub binding: Binding,
    /// A KB-JWT whose signature is with the key engine.
    kb_request: Option<KbRequest>,
    /// What the user gave for each OIDC hash claim (`at_hash` → the access token, …), kept
    /// across tokens as the expected `aud` is.
    pub oidc_values: Rc<Vec<(&'static str, Rc<str>)>>,
    /// The payload given for a detached or unencoded JWS, exactly as typed; kept across tokens.
    pub detached_payload: Rc<str>,
    /// The token's `x5c` certificate chain, as read; `None` without one.
    pub chain: Option<ChainRead>,
    /// What the user is typing in the header / payload panels, kept as typed until the token
    /// box itself changes (re-printing it would move their caret).
    pub header_draft: Option<Rc<str>>,
    pub payload_draft: Option<Rc<str>>,
    /// Why the last edit could not become a token (the last good token stays).
    pub edit_error: Option<sign::SignError>,
    /// Security findings for the current token and keys.
    pub findings: Rc<Vec<Finding>>,
    /// The result of trying the built-in secret list on this token: `Some(None)` = no hit.
    pub cracked: Option<Option<&'static str>>,
    /// The search of the list is with the key engine: asked again when it answers.
    pub cracking: bool,
    /// An example whose keys wait for the key engine: loaded again when it is in.
    pub pending_example: Option<presets::Example>,
    /// The token is to be re-signed when the signing key, waiting for the key engine, is
    /// read (a token pasted meanwhile cancels it: it is shown as pasted).
    pub resign_pending: bool,
    /// What signing did to the token shown; a pasted token starts at [`Signing::None`].
    pub signing: Signing,
    /// The last token pasted or signed here, and its signing: an edit without a key that comes
    /// back to it carries a matching signature again.
    baseline: (Rc<str>, Signing),
    /// The token as it was last put in the box (pasted, loaded, opened or sealed), before any
    /// edit or re-signing here: where [`Action::BackToPasted`] returns.
    pasted: Rc<str>,
    /// The plaintext of an encrypted token that opened.
    pub opened: Option<Rc<OpenedView>>,
    /// The encrypted token the token shown was opened from (a nested JWT).
    pub outer: Option<Rc<Outer>>,
    /// The Encrypt panel.
    pub sealing: Sealing,
    /// An encrypted token's plaintext as the user is typing it (sealed again as they type).
    pub plaintext_draft: Option<Rc<str>>,
    /// Sign even when the header and payload are the pasted token's (the key generator's "Use
    /// in the debugger" and the examples ask for a signature made here); set for one re-encode.
    sign_unchanged: bool,
    /// The part edited last (`header` or `payload`): a token left unsigned says why there.
    pub edited: &'static str,
    /// The token and keys an example or "open in the debugger" replaced, until the user does
    /// something else.
    pub replaced: Option<Rc<Replaced>>,
    /// The example the examples menu loaded, while the page still shows it as loaded.
    pub shown_example: Option<presets::Example>,
    /// The keys in the boxes came with an example (or its secret with the first screen), which
    /// is this token: a token of the user's own, pasted over it, is not checked against them.
    pub example_keys: Option<Rc<str>>,
}

impl Debugger {
    /// The state for `input` at `now`, with no keys.
    pub fn new(input: &str, now: Seconds) -> Self {
        let mut state = Self {
            input: input.into(),
            decoded: decode(input),
            now,
            encoding: SecretEncoding::Utf8,
            key: KeyBox::default(),
            signing_key: KeyBox::default(),
            verdict: Verdict::NoKey,
            signature_verdicts: Rc::default(),
            kb: KbVerdict::Absent,
            kb_aud: "".into(),
            kb_nonce: "".into(),
            sd_known: Rc::default(),
            sd_error: None,
            holder_key: KeyBox::default(),
            binding: Binding::None,
            kb_request: None,
            oidc_values: Rc::default(),
            detached_payload: Rc::from(""),
            chain: None,
            header_draft: None,
            payload_draft: None,
            edit_error: None,
            findings: Rc::default(),
            cracked: None,
            cracking: false,
            pending_example: None,
            resign_pending: false,
            signing: Signing::None,
            baseline: (input.into(), Signing::None),
            pasted: input.into(),
            opened: None,
            outer: None,
            sealing: Sealing::default(),
            plaintext_draft: None,
            sign_unchanged: false,
            edited: "payload",
            replaced: None,
            shown_example: None,
            example_keys: None,
        };
        state.learn_disclosures();
        state.reverify();
        state
    }

    /// The first screen: jwt.io's example with its secret, verified.
    pub fn example(now: Seconds) -> Self {
        Self::new("", now).apply(Action::ShowExample)
    }

    /// The token and keys shown, to put back after a replacing action by `by`; `None` when
    /// there is nothing of the user's to keep (an empty token box).
    pub fn put_aside(&self, by: &'static str) -> Option<Rc<Replaced>> {
        // An example's token and keys, untouched, are nobody's work: the user's, put aside when
        // that example replaced them, stay the ones to go back to.
        let untouched_example = self.example_keys.is_some() && !self.is_edited();
        let anything = !self.input.trim().is_empty()
            || !self.key.text.trim().is_empty()
            || !self.signing_key.text.trim().is_empty();
        if untouched_example || !anything {
            return self.replaced.clone();
        }
        Some(Rc::new(Replaced {
            by,
            input: self.input.clone(),
            key: self.key.text.clone(),
            signing_key: self.signing_key.text.clone(),
            encoding: self.encoding,
        }))
    }

    /// The state after `action`. Work is only done for what changed: a tick never re-decodes,
    /// a key is parsed once per change, verification runs only when the token or a key changed.
    pub fn apply(&self, action: Action) -> Self {
        let mut next = self.clone();
        // Whatever the user does next wins over an example or a re-signing still waiting for
        // the key engine.
        if !matches!(
            action,
            Action::Tick(_) | Action::EngineReady | Action::TryCommonSecrets
        ) {
            next.pending_example = None;
            // Anything else the user does makes the page theirs again: the undo of a
            // replacement goes (a replacing action sets it again after), and the examples
            // menu shows "choose…" again.
            next.replaced = None;
            next.shown_example = None;
        }
        if matches!(action, Action::SetToken(_) | Action::Clear) {
            next.resign_pending = false;
            next.sign_unchanged = false;
            next.signing = Signing::None;
            // A token pasted leaves the nested view (opening one sets this again after), and
            // is not overwritten when the Encrypt panel's settings change.
            next.outer = None;
            next.sealing.source = None;
            next.sealing.before = None;
            next.plaintext_draft = None;
            next.binding = Binding::None;
            next.kb_request = None;
            next.sd_error = None;
        }
        match action {
            Action::Tick(now) => {
                next.now = now;
                // A certificate of the chain may expire (or start) as the clock runs.
                if next.chain_decides() {
                    next.verdict = next.chain_verdict();
                }
            }
            Action::SetKbAud(aud) => {
                next.kb_aud = aud.trim().into();
                next.rebind_or_check();
            }
            Action::SetKbNonce(nonce) => {
                next.kb_nonce = nonce.trim().into();
                next.rebind_or_check();
            }
            Action::MakeDisclosable(name) => next.make_disclosable(&name),
            Action::MakeElementsDisclosable(name) => next.make_elements_disclosable(&name),
            Action::AddDecoy => next.add_decoy(),
            Action::SetOidcValue(claim, value) => {
                let values = Rc::make_mut(&mut next.oidc_values);
                values.retain(|(name, _)| *name != claim);
                if !value.trim().is_empty() {
                    values.push((claim, value.into()));
                }
            }
            Action::SetDetachedPayload(payload) => {
                next.detached_payload = payload.into();
                next.reverify();
            }
            Action::SetHolderKey(text) => {
                engine::retry_refused();
                next.holder_key = KeyBox::new(&text, self.encoding);
                next.kb_request = None;
                next.bind_key();
            }
            Action::Withhold(index) => {
                let alg = self
                    .view()
                    .and_then(|view| view.sd.as_ref())
                    .and_then(|sd| sd.processed.as_ref().ok())
                    .map(|processed| processed.alg);
                // The token as verified: for a JSON serialization, its compact form, which is
                // what the presentation with less becomes.
                let compact = self
                    .view()
                    .map(|v| v.token.compact.clone())
                    .unwrap_or_default();
                if let Some(less) = alg.and_then(|alg| sd_jwt::withhold(&compact, index, alg)) {
                    let had_kb = self
                        .view()
                        .and_then(|v| v.token.sd.as_ref())
                        .is_some_and(|tail| tail.kb_jwt.is_some());
                    let mut less = next.apply(Action::SetToken(less));
                    if less.holds_holder_key() {
                        less.bind_key();
                    } else if had_kb {
                        less.binding = Binding::Dropped;
                    }
                    return less;
                }
            }
            Action::SetToken(text) => {
                if *text == *self.input {
                    return next;
                }
                // A token of the user's own over an example (not the example with a character
                // changed, which is how one sees a signature fail): the example's keys go with
                // it, or the user's token would be checked against a demo key.
                next.show_token(&text);
                // Only once the text is a whole token that keeps no part of the example (or of
                // the token it became by edits): a dot deleted while typing is not a new token.
                if let Some(example) = &self.example_keys
                    && matches!(next.decoded, Decoded::Token(_))
                    && !token::shares_a_part(example, &text)
                    && !token::shares_a_part(&self.input, &text)
                {
                    next.key = KeyBox::default();
                    next.signing_key = KeyBox::default();
                    next.example_keys = None;
                    next.reverify();
                }
            }
            Action::Clear => {
                next.input = "".into();
                next.pasted = next.input.clone();
                next.decoded = Decoded::Empty;
                next.sd_known = Rc::default();
                next.header_draft = None;
                next.payload_draft = None;
                next.edit_error = None;
                next.reverify();
            }
            Action::SetKey(text) => {
                engine::retry_refused();
                next.example_keys = None;
                next.key = KeyBox::new(&text, self.encoding);
                next.verify_key_changed();
            }
            Action::SetSecretEncoding(encoding) => {
                next.encoding = encoding;
                next.key = self.key.again(encoding);
                next.signing_key = self.signing_key.again(encoding);
                next.reencode();
            }
            Action::UnlockKey(passphrase) => {
                engine::retry_refused();
                next.key = self.key.unlocked(&passphrase, self.encoding);
                next.verify_key_changed();
            }
            Action::UnlockSigningKey(passphrase) => {
                engine::retry_refused();
                next.signing_key = self.signing_key.unlocked(&passphrase, self.encoding);
                next.reencode();
            }
            Action::SetSigningKey(text) => {
                engine::retry_refused();
                next.example_keys = None;
                next.signing_key = KeyBox::new(&text, self.encoding);
                next.reencode();
            }
            Action::EditHeader(text) => {
                next.header_draft = Some(text.into());
                next.edited = "header";
                next.reencode();
            }
            Action::EditPayload(text) => {
                next.payload_draft = Some(text.into());
                next.edited = "payload";
                next.reencode();
            }
            Action::SetAlg(alg) => {
                next.edited = "header";
                let header = next
                    .header_text()
                    .and_then(|text| sign::parse_header(&text).ok());
                if let Some(header) = header {
                    next.header_draft = Some(sign::with_alg(&header, alg.name()).pretty().into());
                    next.reencode();
                }
            }
            Action::SignShown => {
                if next.header_draft.is_none() {
                    next.header_draft = next.header_text();
                }
                // Kept until a signature is made (the key engine may sign it later).
                next.sign_unchanged = true;
                next.reencode();
            }
            Action::TryCommonSecrets => {
                next.search_common_secrets();
            }
            Action::SetEncryptAlg(alg) => {
                next.sealing.alg = alg.into();
                next.reseal();
            }
            Action::SetEncryptEnc(enc) => {
                next.sealing.enc = enc.into();
                next.reseal();
            }
            Action::SetEncryptKey(key) => {
                engine::retry_refused();
                next.sealing.key = key.into();
                next.reseal();
            }
            Action::Encrypt { nested } => {
                let source = if nested {
                    self.view()
                        .filter(|v| v.token.kind == token::Kind::Jws)
                        .map(|v| v.token.compact.as_str().into())
                } else if self
                    .view()
                    .is_some_and(|v| v.token.kind == token::Kind::Jwe)
                {
                    // An encrypted token's payload is its plaintext, once opened.
                    self.opened.as_ref().map(|o| o.text.clone())
                } else {
                    self.payload_text()
                };
                match source {
                    Some(source) => {
                        if self.sealing.source.is_none() {
                            next.sealing.before = Some(self.input.clone());
                        }
                        next.sealing.source = Some((source, nested));
                        next.reseal();
                    }
                    None => {
                        next.sealing.error = Some(if nested {
                            "Nothing to nest: the token shown is not a signed token (JWS).".into()
                        } else {
                            "Nothing to encrypt: write or paste a token first (an encrypted one must be opened first).".into()
                        });
                    }
                }
            }
            Action::Unseal => {
                if let Some(before) = self.sealing.before.clone() {
                    return next.apply(Action::SetToken(before.to_string()));
                }
            }
            Action::ShowExample => {
                let aside = self.put_aside("the example");
                next = next
                    .apply(Action::SetSigningKey(String::new()))
                    .apply(Action::SetSecretEncoding(SecretEncoding::Utf8))
                    .apply(Action::SetKey(EXAMPLE_SECRET.into()))
                    .apply(Action::SetToken(EXAMPLE_TOKEN.into()));
                next.replaced = aside.filter(|a| !next.holds(a));
                next.example_keys = Some(next.input.clone());
            }
            Action::UndoReplace => {
                if let Some(before) = self.replaced.clone() {
                    next = next
                        .apply(Action::SetSecretEncoding(before.encoding))
                        .apply(Action::SetSigningKey(before.signing_key.to_string()))
                        .apply(Action::SetKey(before.key.to_string()))
                        // Cleared first: the token put back is shown as pasted even when the
                        // box holds the same text (edits and re-signing since go).
                        .apply(Action::Clear)
                        .apply(Action::SetToken(before.input.to_string()));
                }
            }
            Action::BackToPasted => {
                if self.can_go_back_to_pasted() {
                    return next.apply(Action::SetToken(self.pasted.to_string()));
                }
            }
            Action::EditPlaintext(text) => {
                let Some(header) = self
                    .view()
                    .filter(|v| v.token.kind == token::Kind::Jwe)
                    .map(|v| v.token.header.clone())
                else {
                    return next;
                };
                let member = |name: &str| header.get(name).and_then(Value::as_str);
                let nested = member("cty").is_some_and(|c| c.eq_ignore_ascii_case("JWT"));
                if let (Some(alg), Some(enc)) = (member("alg"), member("enc")) {
                    next.sealing.alg = alg.into();
                    next.sealing.enc = enc.into();
                }
                next.plaintext_draft = Some(text.as_str().into());
                next.sealing.source = Some((text.into(), nested));
                next.reseal();
            }
            Action::OpenNested => {
                let Some(nested) = self.opened.as_ref().and_then(|o| o.nested.clone()) else {
                    return next;
                };
                let outer = Outer {
                    input: self.input.clone(),
                    key: self.key.text.clone(),
                };
                next = next
                    .apply(Action::SetKey(String::new()))
                    .apply(Action::SetToken(nested.to_string()));
                next.outer = Some(Rc::new(outer));
            }
            Action::NestedBack => {
                let Some(outer) = self.outer.clone() else {
                    return next;
                };
                next = next
                    .apply(Action::SetToken(outer.input.to_string()))
                    .apply(Action::SetKey(outer.key.to_string()));
                next.outer = None;
            }
            Action::EngineReady => {
                if let Some(example) = next.pending_example.take() {
                    return next.apply(Action::LoadExample(example));
                }
                // A search of the list still waiting outlives the re-verification below.
                let cracking = self.cracking;
                let signing_waited = self.signing_key.waits_for_engine();
                let key_waited = self.key.waits_for_engine();
                if signing_waited {
                    next.signing_key = self.signing_key.again(self.encoding);
                }
                if key_waited {
                    next.key = self.key.again(self.encoding);
                }
                let holder_waited = self.holder_key.waits_for_engine();
                if holder_waited {
                    next.holder_key = self.holder_key.again(self.encoding);
                }
                if std::mem::take(&mut next.resign_pending) {
                    next.reencode();
                } else if signing_waited
                    || key_waited
                    || matches!(self.verdict, Verdict::Pending)
                    || matches!(self.kb, KbVerdict::Pending)
                    || self.chain == Some(ChainRead::Pending)
                {
                    next.reverify();
                }
                if cracking {
                    next.search_common_secrets();
                }
                if self.sealing.pending {
                    next.reseal();
                }
                if holder_waited || self.binding == Binding::Pending {
                    next.bind_key();
                }
            }
            Action::LoadExample(example) => {
                let aside = self.put_aside("the example");
                let (header, claims, keys) = example.parts();
                match keys {
                    // The demo key pair is with the key engine: loaded when its answer is in.
                    Some(Err(KeyError::Pending)) => {
                        next.pending_example = Some(example);
                        next.shown_example = Some(example);
                        return next;
                    }
                    // The engine cannot be reached: both key boxes say so, as a key pasted now
                    // would.
                    Some(Err(why)) => {
                        let refused = KeyBox {
                            parsed: Some(ParsedKeys(Rc::new(Err(why)))),
                            ..KeyBox::default()
                        };
                        next.signing_key = refused.clone();
                        next.key = refused;
                        next.reverify();
                        return next;
                    }
                    Some(Ok((private, public))) => {
                        next.signing_key = KeyBox::new(&private, self.encoding);
                        next.key = KeyBox::new(&public, self.encoding);
                        next.header_draft = Some(header.into());
                        next.payload_draft = json_pretty(&claims).map(Into::into);
                        next.sign_unchanged = true;
                        next.reencode();
                        // Its key or its signature is still with the key engine: loaded again
                        // when the answer is in (the drafts go below, with the example's JSON).
                        if next.resign_pending {
                            next.pending_example = Some(example);
                        } else {
                            // The example as signed here is the token loaded: the Sign panel's
                            // way back returns to it, not to the token shown before it.
                            next.pasted = next.input.clone();
                        }
                    }
                    None => {
                        // Unsecured: no key signs it, so the token is written directly.
                        next.signing_key = KeyBox::default();
                        next.key = KeyBox::default();
                        let minified = |t: &str| {
                            crate::jwt::json::parse(t)
                                .map(|v| v.minified())
                                .unwrap_or_default()
                        };
                        let token = format!(
                            "{}.{}.",
                            crate::jwt::base64url::encode(minified(&header).as_bytes()),
                            crate::jwt::base64url::encode(minified(&claims).as_bytes())
                        );
                        next = next.apply(Action::SetToken(token));
                    }
                }
                next.header_draft = None;
                next.payload_draft = None;
                next.replaced = aside.filter(|a| !next.holds(a));
                next.shown_example = Some(example);
                next.example_keys = Some(next.input.clone());
            }
        }
        next
    }

    /// Whether the header or payload was edited since the token was put in the box.
    pub fn is_edited(&self) -> bool {
        self.header_draft.is_some() || self.payload_draft.is_some()
    }

    /// Whether the token and keys shown are the ones `aside` put aside (nothing was replaced).
    pub fn holds(&self, aside: &Replaced) -> bool {
        (&self.input, &self.key.text, &self.signing_key.text)
            == (&aside.input, &aside.key, &aside.signing_key)
    }

    /// The header text shown: the draft being typed, or the decoded header.
    pub fn header_text(&self) -> Option<Rc<str>> {
        self.header_draft.clone().or_else(|| match &self.decoded {
            Decoded::Token(view) => Some(view.header_text.clone()),
            Decoded::Error(broken) => broken.header_text.clone(),
            Decoded::Empty => None,
        })
    }

    /// The payload text shown: the draft being typed, or the decoded payload.
    pub fn payload_text(&self) -> Option<Rc<str>> {
        self.payload_draft.clone().or_else(|| match &self.decoded {
            Decoded::Token(view) => Some(view.payload_text.clone()),
            Decoded::Error(broken) => broken.payload_text.clone(),
            Decoded::Empty => None,
        })
    }

    /// Whether the token shown was edited or re-signed here since it was pasted, so that
    /// [`Action::BackToPasted`] has something to put back.
    pub fn can_go_back_to_pasted(&self) -> bool {
        self.signing != Signing::None && !self.pasted.is_empty() && *self.pasted != *self.input
    }

    /// The algorithm named in the current header, if it is one this tool signs with.
    pub fn algorithm(&self) -> Option<Algorithm> {
        let alg = match &self.decoded {
            Decoded::Token(view) => view.token.alg(),
            Decoded::Error(broken) => broken.alg.clone(),
            Decoded::Empty => None,
        };
        alg.and_then(|a| Algorithm::from_name(&a))
    }

    /// The keys verification uses: the key box, or else the signing key's public half.
    /// After the verify box's key changed (new text, or opened with a passphrase): an edited
    /// token with no key in the Sign panel is signed by this one (when it can sign); a token as
    /// pasted is only checked.
    fn verify_key_changed(&mut self) {
        if self.signing_key.is_empty() && self.is_edited() {
            self.reencode();
        } else {
            self.reverify();
        }
    }

    pub fn verification_keys(&self) -> Option<&ParsedKeys> {
        self.key
            .parsed
            .as_ref()
            .or(self.signing_key.parsed.as_ref())
    }

    /// The key box whose key signs edits: the Sign panel's, or else (for a signed token) the
    /// verify box's, so that one secret typed once both verifies and signs.
    pub fn signer(&self) -> Option<Signer> {
        if !self.signing_key.is_empty() {
            return Some(Signer::SignPanel);
        }
        let encrypted = self
            .view()
            .is_some_and(|v| v.token.kind == token::Kind::Jwe);
        (!self.key.is_empty() && !encrypted).then_some(Signer::VerifyBox)
    }

    fn key_box(&self, of: Signer) -> &KeyBox {
        match of {
            Signer::SignPanel => &self.signing_key,
            Signer::VerifyBox => &self.key,
        }
    }

    /// Rebuilds the token from the header and payload texts and signs it when a key can; when
    /// none can, the old signature is kept (and will not match) and the sign status says why.
    fn reencode(&mut self) {
        // Nothing edited: the token stays byte for byte as pasted, signing key or not. Signing
        // it unasked would put this page's signature in place of the pasted one, and the
        // verdict would then be about a signature made here.
        let signer = self.signer();
        self.resign_pending = signer.is_some_and(|by| self.key_box(by).waits_for_engine());
        if self.resign_pending {
            // A signing key the key engine must read: the token waits for it (EngineReady).
            self.reverify();
            return;
        }
        if !self.is_edited() {
            self.signing = Signing::None;
            self.reverify();
            return;
        }
        let (Some(header_text), Some(payload_text)) = (self.header_text(), self.payload_text())
        else {
            self.reverify();
            return;
        };
        let old_signature = self
            .view()
            .and_then(|v| {
                v.token
                    .segments
                    .get(2)
                    .map(|s| v.token.segment_text(s).to_string())
            })
            .unwrap_or_default();
        let pasted = token::clean(&self.pasted);
        // An SD-JWT's signing input is in its issuer-signed JWT, before the first `~`.
        let pasted_jws = pasted.split('~').next().unwrap_or_default();
        let pasted_input = pasted_jws.rsplit_once('.').map(|(input, _)| input);
        // An SD-JWT is issued again with its disclosures (those the payload still refers to);
        // its KB-JWT, whose sd_hash covered the old token, goes.
        let disclosures = self.disclosures_for(&payload_text);
        let result = sign::parse_header(&header_text).and_then(|header| {
            let input = sign::signing_input(&header, &payload_text)?;
            // Edited back to what was pasted (or only its spacing changed): the pasted token,
            // byte for byte, its own signature unchanged; unless a signature was asked for.
            if !self.sign_unchanged && pasted_input == Some(input.as_str()) {
                return Ok((self.pasted.to_string(), Signing::None));
            }
            // Not signed: the header and payload as written, with the old signature. Every
            // part of the page then describes this one token, and the sign status says why.
            let unsigned = |why: Option<String>| {
                Ok((format!("{input}.{old_signature}"), Signing::Stale { why }))
            };
            let Some(by) = signer else {
                return unsigned(None);
            };
            let keys = self.key_box(by);
            let which = match by {
                Signer::SignPanel => "the signing key",
                Signer::VerifyBox => "the key in Verify signature",
            };
            match keys.parsed.as_deref() {
                Some(Ok(set)) => match sign_with_any(set, &input, &header) {
                    Ok((token, key)) => Ok((
                        token,
                        Signing::Signed {
                            alg: header
                                .get("alg")
                                .and_then(Value::as_str)
                                .unwrap_or_default(),
                            key,
                            by,
                        },
                    )),
                    Err(sign::SignError::Pending) => Err(sign::SignError::Pending),
                    Err(error @ sign::SignError::KeyDoesNotFit(_)) => unsigned(Some(match by {
                        Signer::SignPanel => format!("{which} cannot sign it: {error}"),
                        Signer::VerifyBox => format!(
                            "{which} cannot sign it ({error}); paste a key that can in Sign"
                        ),
                    })),
                    // Not the key: the algorithm (none, unknown) or the crypto library.
                    Err(error) => unsigned(Some(format!("{error}"))),
                },
                Some(Err(error)) => unsigned(Some(format!("{which} cannot be read: {error}"))),
                None => unsigned(None),
            }
        });
        let result = result.map(|(token, signing)| match &disclosures {
            Some(tail) if !token.contains('~') => (format!("{token}{tail}"), signing),
            _ => (token, signing),
        });
        match result {
            Ok((token, mut signing)) => {
                self.edit_error = None;
                if let Signing::Signed { .. } = signing {
                    self.baseline = (token.as_str().into(), signing.clone());
                } else if *token == *self.baseline.0 {
                    signing = self.baseline.1.clone();
                }
                self.signing = signing;
                if *token != *self.input {
                    self.decoded = decode(&token);
                    self.input = token.into();
                }
            }
            // The key engine signs: the token is kept until its answer is in (EngineReady).
            Err(sign::SignError::Pending) => self.resign_pending = true,
            Err(error) => self.edit_error = Some(error),
        }
        if !self.resign_pending {
            self.sign_unchanged = false;
        }
        self.reverify();
        // A presentation issued again here is bound again by the holder's key, when given.
        let unbound = self
            .view()
            .and_then(|v| v.token.sd.as_ref())
            .is_some_and(|tail| tail.kb_jwt.is_none());
        if unbound && !self.resign_pending && self.holds_holder_key() {
            self.kb_request = None;
            self.bind_key();
        }
    }

    /// New `aud` or `nonce`: the KB-JWT made here is made again with them; a pasted one is
    /// compared with them.
    fn rebind_or_check(&mut self) {
        let sd = self.view().is_some_and(|v| v.token.sd.is_some());
        if sd && self.holds_holder_key() {
            self.kb_request = None;
            self.bind_key();
        } else {
            self.kb = self.check_key_binding();
        }
    }

    /// "Try published secrets": the search runs in the key engine in the page.
    fn search_common_secrets(&mut self) {
        let found = match self.view() {
            Some(view) => engine::search_common_secrets(&view.token),
            None => Some(Ok(None)),
        };
        self.cracking = found.is_none();
        // Could not search (the key engine is unreachable): no claim that nothing matched.
        self.cracked = found.and_then(Result::ok);
        self.refresh_findings();
    }

    /// Puts `text` in the token box, decoded and verified, as a token nothing re-signed: what
    /// belonged to the token shown before (drafts, a re-signing waiting for the key engine, the
    /// way back from a nested token) goes. The Encrypt panel's plaintext stays: sealing it
    /// again writes its token here.
    fn show_token(&mut self, text: &str) {
        // Retyping the same token with other whitespace leaves the decoded view as is.
        let compact = token::clean(text);
        let unchanged = matches!(&self.decoded, Decoded::Token(v) if v.token.compact == compact);
        if !unchanged {
            self.decoded = decode_clean(text, compact);
        }
        self.input = text.into();
        self.resign_pending = false;
        self.signing = Signing::None;
        self.outer = None;
        self.baseline = (self.input.clone(), Signing::None);
        self.pasted = self.input.clone();
        self.header_draft = None;
        self.payload_draft = None;
        self.edit_error = None;
        self.learn_disclosures();
        self.reverify();
    }

    /// Seals the Encrypt panel's last plaintext again with its settings, into the token box.
    fn reseal(&mut self) {
        let Some((plaintext, nested)) = self.sealing.source.clone() else {
            return;
        };
        // The Encrypt panel's key, or else the key that opened the token (a private key seals
        // to its own public half; a shared key or password to itself).
        let key = if self.sealing.key.trim().is_empty() {
            self.key.text.clone()
        } else {
            self.sealing.key.clone()
        };
        if key.trim().is_empty() {
            self.sealing.error = Some("Paste the key to encrypt to.".into());
            return;
        }
        // The protected header: the choices, and `cty` for a nested token (RFC 7519 §5.2).
        let header = format!(
            r#"{{"alg":"{}","enc":"{}"{}}}"#,
            self.sealing.alg,
            self.sealing.enc,
            if nested { r#","cty":"JWT""# } else { "" }
        );
        let sealed = engine::encrypt(&header, &plaintext, &key, self.encoding);
        self.sealing.pending = sealed.is_none();
        match sealed {
            None => {}
            Some(Ok(token)) => {
                self.sealing.error = None;
                self.show_token(&token);
            }
            Some(Err(error)) => self.sealing.error = Some(error.to_string()),
        }
    }

    /// An encrypted token's verdict and, when it opened, its plaintext.
    fn decrypt(&self, token: &Token) -> (Verdict, Option<Rc<OpenedView>>) {
        // The key box only: the Sign panel, which holds the signing key, is not shown for an
        // encrypted token, and a key the user cannot see must not open (or fail to open) one.
        let key = &self.key;
        if key.is_empty() {
            return (Verdict::NoDecryptionKey, None);
        }
        match engine::decrypt(&token.compact, &key.text, self.encoding, &key.passphrase) {
            None => (Verdict::Pending, None),
            Some(Ok(opened)) => {
                let cty = token.header.get("cty").and_then(Value::as_str);
                let view = OpenedView::new(opened.plaintext, cty);
                (
                    Verdict::Decrypted {
                        by: opened.key,
                        alg: opened.alg,
                        enc: opened.enc,
                    },
                    Some(Rc::new(view)),
                )
            }
            Some(Err(error)) => (
                Verdict::NotDecrypted {
                    checked: error.checked(),
                    why: error.to_string(),
                },
                None,
            ),
        }
    }

    fn reverify(&mut self) {
        self.chain = self.read_chain();
        // A new token or key: an earlier list search says nothing about it.
        self.cracked = None;
        self.opened = None;
        self.cracking = false;
        self.refresh_findings();
        self.kb = self.check_key_binding();
        self.signature_verdicts = Rc::new(self.verify_each_signature());
        self.verdict = match self.view() {
            // A token that does not decode cannot be checked, key or no key: the verdict says
            // where it breaks rather than asking for a key already there. The error itself, in
            // full, stands beside the decoded token: said once, the verdict names the part.
            None => match &self.decoded {
                Decoded::Error(broken) => match broken.error() {
                    Some(DecodeError::SegmentCount { found }) => Verdict::Unverifiable(format!(
                        "not a signed token: it has {found} segment{}, a signed token 3",
                        if *found == 1 { "" } else { "s" }
                    )),
                    Some(error) => Verdict::Unverifiable(match error.part() {
                        Some(part) => format!(
                            "the token does not decode: its {} is broken (the error is beside the decoded token)",
                            part.label()
                        ),
                        None => format!("the token does not decode: {error}"),
                    }),
                    None => Verdict::NoKey,
                },
                Decoded::Empty => Verdict::NoToken,
                Decoded::Token(_) => Verdict::NoKey,
            },
            Some(view) if view.token.kind == token::Kind::Jwe => {
                let (verdict, opened) = self.decrypt(&view.token);
                let cty = view.token.header.get("cty").and_then(Value::as_str);
                if opened.as_ref().is_some_and(|o| o.nested.is_some())
                    && !cty
                        .as_deref()
                        .is_some_and(|c| c.eq_ignore_ascii_case("JWT"))
                {
                    Rc::make_mut(&mut self.findings).push(lint::nested_cty_finding(cty.as_deref()));
                }
                self.opened = opened;
                verdict
            }
            Some(_) if self.chain_decides() => self.chain_verdict(),
            Some(view) => {
                let keys = self.verification_keys().map(|parsed| &**parsed);
                // A detached or unencoded JWS is checked over the payload given beside it.
                let given =
                    !self.detached_payload.is_empty() && detached::takes_payload(&view.token);
                let attached;
                let token = if given {
                    attached = detached::attach(&view.token, &self.detached_payload);
                    &attached
                } else {
                    &view.token
                };
                let mut verdict = verify::verify(token, keys);
                if given && let Verdict::Verified { by } = &mut verdict {
                    by.push_str(", over the payload given beside the token");
                }
                // Said once: why the text is not a key is under the key box (key-info). What
                // the key engine reports (its own failure included) stays in the verdict: it
                // is about checking, not about the text.
                if let Some(Err(error)) = keys
                    && !matches!(error, KeyError::Pending | KeyError::Reported(_))
                {
                    verdict = Verdict::Unverifiable(
                        "the key box holds nothing this page can use as a key (why: under the box)"
                            .into(),
                    );
                }
                if let Verdict::Invalid { hint } = &mut verdict
                    && self.key.parsed.is_some()
                    && let Some(other) =
                        verify::other_secret_reading(token, &self.key.text, self.encoding)
                {
                    *hint = Some(format!(
                        "Read as {} instead, this secret verifies: change the encoding.",
                        other.id()
                    ));
                }
                verdict
            }
        };
    }

    /// The signed token's `x5c` chain, read against the certificates in the key box; without
    /// one, a chain pasted in the key box (two certificates or more), shown for what it is.
    fn read_chain(&self) -> Option<ChainRead> {
        let view = self.view()?;
        if view.token.kind != token::Kind::Jws {
            return None;
        }
        let pasted = || {
            (self.key.text.matches("-----BEGIN CERTIFICATE-----").count() >= 2)
                .then(|| Ok(Vec::new()))
        };
        Some(match certs::x5c_of(&view.token.header).or_else(pasted)? {
            Err(why) => ChainRead::Unreadable(why.into()),
            Ok(x5c) => {
                match engine::chain(
                    &x5c,
                    &self.key.text,
                    &view.token.alg().unwrap_or_default(),
                    verify::signing_input(&view.token).as_bytes(),
                    verify::signature_text(&view.token),
                ) {
                    None => ChainRead::Pending,
                    Some(Ok(facts)) => ChainRead::Read(Rc::new(facts)),
                    Some(Err(why)) => ChainRead::Unreadable(why.into()),
                }
            }
        })
    }

    /// Whether the chain shown is the token's own `x5c` (not one pasted in the key box).
    pub fn chain_in_header(&self) -> bool {
        self.chain.is_some()
            && self
                .view()
                .is_some_and(|v| v.token.header.get("x5c").is_some())
    }

    /// Whether the `x5c` chain decides the verdict: the token has one and the key box holds
    /// certificates to anchor it, or no key at all. A plain key the user gave is checked as
    /// always, whatever the header carries.
    fn chain_decides(&self) -> bool {
        self.chain_in_header()
            && (self.key.text.contains("-----BEGIN CERTIFICATE-----")
                || self.verification_keys().is_none())
    }

    /// The verdict of a token checked with its own leaf certificate's key: `verified` only when
    /// the chain is anchored in a certificate the user gave and valid now.
    fn chain_verdict(&self) -> Verdict {
        let facts = match &self.chain {
            None | Some(ChainRead::Pending) => return Verdict::Pending,
            Some(ChainRead::Unreadable(why)) => {
                return Verdict::Unverifiable(format!("the \"x5c\" chain cannot be read: {why}"));
            }
            Some(ChainRead::Read(facts)) => facts,
        };
        let judged = certs::judge(facts, self.now);
        let leaf = facts.certs.first().map_or("", |c| c.subject.as_str());
        match &facts.signature {
            Err(why) => Verdict::Unverifiable(why.clone()),
            Ok(false) => Verdict::Invalid {
                hint: Some(format!(
                    "The signature does not match the key of the token's own leaf certificate ({leaf})."
                )),
            },
            Ok(true) => match (judged.state, &facts.anchor) {
                (ChainState::Anchored, Some(Ok((_, anchor)))) => Verdict::Verified {
                    by: format!(
                        "key of the token's leaf certificate ({leaf}), its chain anchored to the certificate you gave ({anchor})"
                    ),
                },
                (ChainState::Broken, _) => Verdict::Unverifiable(format!(
                    "the signature is good with the key of the token's own certificate, but the chain cannot be trusted. {}",
                    judged.why
                )),
                _ => Verdict::Unverifiable(
                    "the signature is good with the token's own certificate, but nothing anchors it: anyone can put a certificate in a header. Paste the issuer's root or intermediate certificate (PEM) in the key box to anchor the chain".into(),
                ),
            },
        }
    }

    /// A general JSON JWS with several signatures: each verified with the key box's keys, as
    /// the first is for the verdict.
    fn verify_each_signature(&self) -> Vec<Verdict> {
        let Some(json) = self.view().and_then(|v| v.token.json.clone()) else {
            return Vec::new();
        };
        if json.signatures.len() < 2 {
            return Vec::new();
        }
        let keys = self.verification_keys().map(|parsed| &**parsed);
        json.signatures
            .iter()
            .map(|signature| match token::decode(&signature.compact) {
                Ok(mut one) => {
                    one.header = signature.header.clone();
                    verify::verify(&one, keys)
                }
                Err(error) => Verdict::Unverifiable(format!("it does not decode: {error}")),
            })
            .collect()
    }

    /// An SD-JWT's KB-JWT: its header and claims (`sd_hash` over the presentation before it),
    /// and its signature under the issuer's `cnf` key, read as a key pasted in a box would be.
    fn check_key_binding(&self) -> KbVerdict {
        let Some(view) = self.view() else {
            return KbVerdict::Absent;
        };
        let (Some(tail), Some(sd)) = (&view.token.sd, &view.sd) else {
            return KbVerdict::Absent;
        };
        let Some(range) = &tail.kb_jwt else {
            return KbVerdict::Absent;
        };
        let compact = &view.token.compact;
        let (Some(kb_text), Some(presented)) =
            (compact.get(range.clone()), compact.get(..range.start))
        else {
            return KbVerdict::Absent;
        };
        let kb = match token::decode(kb_text) {
            Ok(kb) => kb,
            Err(error) => return KbVerdict::Invalid(format!("it does not decode: {error}")),
        };
        let alg = match &sd.processed {
            Ok(processed) => processed.alg,
            Err(why) => return KbVerdict::Unverifiable(why.clone()),
        };
        let Some(jwk) = view.token.claims().and_then(sd_jwt::holder_key) else {
            return KbVerdict::Unverifiable(
                "the SD-JWT names no holder key (cnf.jwk) to check it with".into(),
            );
        };
        let keys = engine::read_keys(&jwk, SecretEncoding::Utf8, "");
        let signature = verify::verify(&kb, keys.as_ref());
        let verdict = sd_jwt::kb_verdict(sd_jwt::check_kb(&kb, presented, alg), signature);
        sd_jwt::expect_kb(verdict, &self.kb_aud, &self.kb_nonce)
    }

    fn refresh_findings(&mut self) {
        let Some(view) = self.view() else {
            self.findings = Rc::default();
            return;
        };
        fn parsed(b: &KeyBox) -> Option<&KeySet> {
            b.parsed.as_ref().and_then(|p| p.as_ref().ok())
        }
        let offered = Offered {
            verify: parsed(&self.key),
            sign: parsed(&self.signing_key),
        };
        let mut findings = lint::findings(&view.token, offered, self.now);
        if let Some(Some(secret)) = self.cracked
            && !findings.iter().any(|f| f.code == "common-secret")
        {
            let meaning = format!(
                "Signed with \"{secret}\", found by trying the built-in list of published secrets."
            );
            findings.insert(0, lint::common_secret_finding(&meaning));
        }
        if let (Some(Ok(processed)), Some(tail), Some(claims)) = (
            view.sd.as_ref().map(|sd| &sd.processed),
            &view.token.sd,
            view.token.claims(),
        ) {
            let kb_iat = tail
                .kb_jwt
                .as_ref()
                .and_then(|range| view.token.compact.get(range.clone()))
                .and_then(|kb| token::decode(kb).ok())
                .and_then(|kb| {
                    kb.claims()
                        .and_then(|c| c.get("iat"))
                        .and_then(Value::whole_number)
                });
            let kb_present = tail.kb_jwt.is_some();
            findings.extend(lint::sd_jwt_findings(
                processed, claims, kb_present, kb_iat, self.now,
            ));
            findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
        }
        self.findings = Rc::new(findings);
    }

    /// The decoded view, if the input is a token.
    pub fn view(&self) -> Option<&DecodedView> {
        match &self.decoded {
            Decoded::Token(view) => Some(view),
            _ => None,
        }
    }

    /// Each OIDC hash claim of the token (`at_hash`, `c_hash`, `s_hash`): what it binds, the
    /// value the user gave for it, and whether that value matches (`None` until one is given).
    pub fn oidc_hashes(&self) -> Vec<OidcHash> {
        let Some(view) = self.view() else {
            return Vec::new();
        };
        let Some(claims) = view.token.claims() else {
            return Vec::new();
        };
        let alg = view.token.alg().unwrap_or_default();
        crate::jwt::oidc::hash_claims(claims)
            .into_iter()
            .map(|(claim, what, claimed)| {
                let given = self
                    .oidc_values
                    .iter()
                    .find(|(name, _)| *name == claim)
                    .map(|(_, value)| value.clone());
                let status = given
                    .as_deref()
                    .map(|value| crate::jwt::oidc::matches(&alg, &claimed, value));
                OidcHash {
                    claim,
                    what,
                    given,
                    status,
                }
            })
            .collect()
    }

    /// The time status, when the payload is a claims set.
    pub fn claims_status(&self) -> Option<ClaimsStatus> {
        self.view()?
            .claims()
            .map(|claims| ClaimsStatus::at(claims, self.now))
    }
}

/// A token's `x5c` chain as the key engine read it.
#[derive(Debug, Clone, PartialEq)]
pub enum ChainRead {
    /// The engine's answer is not in yet.
    Pending,
    Read(Rc<ChainFacts>),
    /// Why `x5c` could not be read at all.
    Unreadable(Rc<str>),
}

/// One OIDC hash claim, checked against what the user gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcHash {
    pub claim: &'static str,
    /// What it binds: `access token`, `authorization code`, `state`.
    pub what: &'static str,
    pub given: Option<Rc<str>>,
    /// `Ok(true)` a match, `Ok(false)` a mismatch, `Err` no hash for the token's `alg`.
    pub status: Option<Result<bool, String>>,
}

/// Signs with the first key of `set` that can sign this header's algorithm (a JWKS may hold
/// several), and says which key that was; else the first key's reason.
fn sign_with_any(
    set: &KeySet,
    input: &str,
    header: &Value,
) -> Result<(String, String), sign::SignError> {
    // A JWKS and a header naming a kid: that key signs, as verifying will pick it.
    let kid = header.get("kid").and_then(Value::as_str);
    let by_kid: Vec<&crate::jwt::keys::Key> = set
        .keys()
        .iter()
        .filter(|k| kid.is_some() && k.usage.kid.as_deref() == kid.as_deref())
        .collect();
    let keys: Vec<&crate::jwt::keys::Key> = if by_kid.is_empty() {
        set.keys().iter().collect()
    } else {
        by_kid
    };
    let mut first_error = None;
    for key in keys {
        match sign::sign(input, header, key) {
            Ok(token) => return Ok((token, key.describe())),
            Err(sign::SignError::Pending) => return Err(sign::SignError::Pending),
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| sign::SignError::Key("the set holds no key".into())))
}

fn json_pretty(text: &str) -> Option<String> {
    crate::jwt::json::parse(text).ok().map(|v| v.pretty())
}

#[cfg(test)]
mod tests;
