//! The debugger's state: the token, the keys, the verdict and the drafts being edited.

use std::rc::Rc;

use crate::jwt::algorithm::Algorithm;
use crate::jwt::claims::ClaimsStatus;
use crate::jwt::json::Value;
use crate::jwt::keys::{self, KeyError, KeySet, SecretEncoding};
use crate::jwt::lint::{self, Finding, Offered};
use crate::jwt::sign;
use crate::jwt::time::Seconds;
use crate::jwt::token::{self, DecodeError, Mark, Part, Payload, Token};
use crate::jwt::verify::{self, Verdict};
use crate::presets;

/// The token shown on first load: jwt.io's example (HS256, secret `your-256-bit-secret`).
pub const EXAMPLE_TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

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
    /// The header JSON was edited.
    EditHeader(String),
    /// The payload JSON was edited.
    EditPayload(String),
    /// An algorithm was chosen: `alg` in the header is rewritten and the token re-signed.
    SetAlg(Algorithm),
    /// Load an example: signed with its public demo key, or the tutorial's, expired, unsecured.
    LoadExample(presets::Example),
    /// Try every secret in the built-in list against the current HMAC token.
    TryCommonSecrets,
    /// The key engine answered (or could not be reached): what was waiting for it is derived
    /// again, finding its answer kept.
    EngineReady,
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
    /// An opened encrypted token's plaintext was edited: it is sealed again with the token's own
    /// `alg` and `enc`, for the Encrypt panel's key or else the key that opened it.
    EditPlaintext(String),
}

/// How the payload panel shows the payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayloadForm {
    Json,
    /// UTF-8 text that is not JSON.
    Text,
    /// Not UTF-8: shown as hex.
    Binary,
    /// A JWE: encrypted, cannot be read without the key.
    Encrypted,
}

/// A successfully decoded token with its display texts, computed once per token change.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedView {
    pub token: Token,
    pub header_text: Rc<str>,
    pub payload_text: Rc<str>,
    pub payload_form: PayloadForm,
    /// Each segment's text, shared, so views (copy buttons) never copy a large token per render.
    pub segment_texts: Vec<Rc<str>>,
}

impl DecodedView {
    fn new(token: Token) -> Self {
        let header_text = token.header.pretty();
        let (payload_text, payload_form) = match &token.payload {
            Some(payload) => payload_display(payload),
            None => (
                "encrypted: cannot be read without the key".into(),
                PayloadForm::Encrypted,
            ),
        };
        let segment_texts = token
            .segments
            .iter()
            .map(|s| token.segment_text(s).into())
            .collect();
        Self {
            token,
            header_text: header_text.into(),
            payload_text: payload_text.into(),
            payload_form,
            segment_texts,
        }
    }

    /// The claims object, when the payload is JSON.
    pub fn claims(&self) -> Option<&Value> {
        self.token.claims()
    }
}

/// A payload's text as shown, and how it is shown.
fn payload_display(payload: &Payload) -> (String, PayloadForm) {
    match payload {
        Payload::Json(value) => (value.pretty(), PayloadForm::Json),
        Payload::Text(text) => (text.clone(), PayloadForm::Text),
        Payload::Binary(bytes) => (hex(bytes), PayloadForm::Binary),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .chunks(16)
        .map(|row| {
            row.iter()
                .map(|b| format!("{b:02x}"))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An encrypted token's plaintext, as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedView {
    pub text: Rc<str>,
    pub form: PayloadForm,
    /// The plaintext is itself a compact JWS (`cty: JWT`, or shaped like one): a nested token.
    pub nested: Option<Rc<str>>,
}

impl OpenedView {
    fn new(plaintext: Vec<u8>, cty: Option<String>) -> Self {
        let payload = match String::from_utf8(plaintext) {
            Ok(text) => match crate::jwt::json::parse(&text) {
                Ok(value) => Payload::Json(value),
                Err(_) => Payload::Text(text),
            },
            Err(e) => Payload::Binary(e.into_bytes()),
        };
        let nested = match &payload {
            Payload::Text(text) => {
                let compact = text.trim();
                let jws = token::decode(compact).is_ok_and(|t| t.kind == token::Kind::Jws);
                let says_jwt = cty.is_some_and(|c| c.eq_ignore_ascii_case("JWT"));
                (jws || (says_jwt && compact.matches('.').count() == 2)).then(|| compact.into())
            }
            _ => None,
        };
        let (text, form) = payload_display(&payload);
        Self {
            text: text.into(),
            form,
            nested,
        }
    }
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

/// What signing did to the token shown (`sign-status`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signing {
    /// Nothing was re-signed: the token is as pasted.
    None,
    /// The token shown was signed here.
    Signed { alg: String, key: String },
    /// The header or payload was edited without a signing key: the token carries the old
    /// signature, which no longer matches.
    Stale,
}

impl Signing {
    /// `data-state`: `signed`, `stale` or `none`.
    pub fn state(&self) -> &'static str {
        match self {
            Signing::None => "none",
            Signing::Signed { .. } => "signed",
            Signing::Stale => "stale",
        }
    }
}

/// A token that does not decode, with what of it still reads: one bad segment hides only
/// itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Broken {
    /// Every segment's error in segment order, or the one error of a text that is not a token.
    pub errors: Vec<DecodeError>,
    /// Where each bad segment breaks, for the coloured view.
    pub marks: Rc<Vec<Mark>>,
    /// The header's `alg`, when the header decodes and names one.
    pub alg: Option<String>,
    pub header_text: Option<Rc<str>>,
    pub payload_text: Option<Rc<str>>,
    pub payload_form: PayloadForm,
}

impl Broken {
    fn new(input: &str) -> Self {
        let salvage = token::salvage(input);
        let payload = salvage.payload.as_ref().map(payload_display);
        Self {
            errors: salvage.errors,
            marks: Rc::new(salvage.marks),
            alg: salvage
                .header
                .as_ref()
                .and_then(|h| h.get("alg"))
                .and_then(Value::as_str),
            header_text: salvage.header.map(|h| h.pretty().into()),
            payload_form: payload.as_ref().map_or(PayloadForm::Json, |p| p.1),
            payload_text: payload.map(|p| p.0.into()),
        }
    }

    /// The first error: the one a verdict or a one-line summary names.
    pub fn error(&self) -> Option<&DecodeError> {
        self.errors.first()
    }

    /// The error of one segment, if that segment is bad.
    pub fn error_of(&self, part: Part) -> Option<&DecodeError> {
        self.errors.iter().find(|e| e.part() == Some(part))
    }

    /// Whether some segment decoded (the token is read in part).
    pub fn is_partial(&self) -> bool {
        self.header_text.is_some() || self.payload_text.is_some()
    }
}

/// The result of decoding the current input.
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded {
    /// The box is empty.
    Empty,
    Token(Rc<DecodedView>),
    Error(Rc<Broken>),
}

impl Decoded {
    /// `decode-status`: `ok`, `partial` or `error`; `None` for an empty box.
    pub fn status(&self) -> Option<&'static str> {
        match self {
            Decoded::Empty => None,
            Decoded::Token(_) => Some("ok"),
            Decoded::Error(broken) if broken.is_partial() => Some("partial"),
            Decoded::Error(_) => Some("error"),
        }
    }
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

/// A key box: its text as typed and what was recognised in it (parsed once per change).
#[derive(Debug, Clone, Default)]
pub struct KeyBox {
    pub text: Rc<str>,
    pub parsed: Option<ParsedKeys>,
}

impl KeyBox {
    fn new(text: &str, encoding: SecretEncoding) -> Self {
        Self {
            text: text.into(),
            parsed: keys::parse(text, encoding).map(|p| ParsedKeys(Rc::new(p))),
        }
    }

    /// Whether anything was typed.
    pub fn is_empty(&self) -> bool {
        self.parsed.is_none()
    }

    /// Whether its text is a key the key engine must read, and it is not in yet.
    pub fn waits_for_engine(&self) -> bool {
        matches!(self.parsed.as_deref(), Some(Err(KeyError::EngineLoading)))
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
    /// What the user is typing in the header / payload panels, kept as typed until the token
    /// box itself changes (re-printing it would move their caret).
    pub header_draft: Option<Rc<str>>,
    pub payload_draft: Option<Rc<str>>,
    /// Why the last edit could not become a token (the last good token stays).
    pub edit_error: Option<String>,
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
    /// The plaintext of an encrypted token that opened.
    pub opened: Option<Rc<OpenedView>>,
    /// The encrypted token the token shown was opened from (a nested JWT).
    pub outer: Option<Rc<Outer>>,
    /// The Encrypt panel.
    pub sealing: Sealing,
    /// An encrypted token's plaintext as the user is typing it (sealed again as they type).
    pub plaintext_draft: Option<Rc<str>>,
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
            opened: None,
            outer: None,
            sealing: Sealing::default(),
            plaintext_draft: None,
        };
        state.reverify();
        state
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
        }
        if matches!(action, Action::SetToken(_) | Action::Clear) {
            next.resign_pending = false;
            next.signing = Signing::None;
            // A token pasted leaves the nested view (opening one sets this again after), and
            // is not overwritten when the Encrypt panel's settings change.
            next.outer = None;
            next.sealing.source = None;
            next.plaintext_draft = None;
        }
        match action {
            Action::Tick(now) => next.now = now,
            Action::SetToken(text) => {
                if *text == *self.input {
                    return next;
                }
                next.show_token(&text);
            }
            Action::Clear => {
                next.input = "".into();
                next.decoded = Decoded::Empty;
                next.header_draft = None;
                next.payload_draft = None;
                next.edit_error = None;
                next.reverify();
            }
            Action::SetKey(text) => {
                retry_refused_keys();
                next.key = KeyBox::new(&text, self.encoding);
                next.reverify();
            }
            Action::SetSecretEncoding(encoding) => {
                next.encoding = encoding;
                next.key = KeyBox::new(&self.key.text, encoding);
                next.signing_key = KeyBox::new(&self.signing_key.text, encoding);
                next.reencode();
            }
            Action::SetSigningKey(text) => {
                retry_refused_keys();
                next.signing_key = KeyBox::new(&text, self.encoding);
                next.reencode();
            }
            Action::EditHeader(text) => {
                next.header_draft = Some(text.into());
                next.reencode();
            }
            Action::EditPayload(text) => {
                next.payload_draft = Some(text.into());
                next.reencode();
            }
            Action::SetAlg(alg) => {
                let header = next
                    .header_text()
                    .and_then(|text| sign::parse_header(&text).ok());
                if let Some(header) = header {
                    next.header_draft = Some(sign::with_alg(&header, alg.name()).pretty().into());
                    next.reencode();
                }
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
                retry_refused_keys();
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
                    next.signing_key = KeyBox::new(&self.signing_key.text, self.encoding);
                }
                if key_waited {
                    next.key = KeyBox::new(&self.key.text, self.encoding);
                }
                if std::mem::take(&mut next.resign_pending) {
                    next.reencode();
                } else if signing_waited || key_waited || matches!(self.verdict, Verdict::Pending) {
                    next.reverify();
                }
                if cracking {
                    next.search_common_secrets();
                }
                if self.sealing.pending {
                    next.reseal();
                }
            }
            Action::LoadExample(example) => {
                let (header, claims, keys) = example.parts();
                match keys {
                    Some((private, public)) => {
                        next.signing_key = KeyBox::new(private, self.encoding);
                        next.key = KeyBox::new(public, self.encoding);
                        next.header_draft = Some(header.into());
                        next.payload_draft = json_pretty(&claims).map(Into::into);
                        next.reencode();
                        // Its key or its signature is still with the key engine: loaded again
                        // when the answer is in (the drafts go below, with the example's JSON).
                        if next.resign_pending {
                            next.pending_example = Some(example);
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
            }
        }
        next
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
    pub fn verification_keys(&self) -> Option<&ParsedKeys> {
        self.key
            .parsed
            .as_ref()
            .or(self.signing_key.parsed.as_ref())
    }

    /// Rebuilds the token from the header and payload texts and signs it when a signing key is
    /// present; without one the old signature is kept (and will not match).
    fn reencode(&mut self) {
        // Nothing edited and nothing to sign with: the token stays byte for byte as pasted.
        let edited = self.header_draft.is_some() || self.payload_draft.is_some();
        self.resign_pending = self.signing_key.waits_for_engine();
        if self.resign_pending {
            // A signing key the key engine must read: the token waits for it (EngineReady).
            self.reverify();
            return;
        }
        if !edited && self.signing_key.is_empty() {
            self.reverify();
            return;
        }
        let (Some(header_text), Some(payload_text)) = (self.header_text(), self.payload_text())
        else {
            self.reverify();
            return;
        };
        let mut signing = Signing::Stale;
        let result = sign::parse_header(&header_text).and_then(|header| {
            let input = sign::signing_input(&header, &payload_text)?;
            match self.signing_key.parsed.as_deref() {
                Some(Ok(keys)) => match keys.keys().first() {
                    Some(key) => {
                        let token = sign::sign(&input, &header, key)?;
                        signing = Signing::Signed {
                            alg: header
                                .get("alg")
                                .and_then(Value::as_str)
                                .unwrap_or_default(),
                            key: key.describe(),
                        };
                        Ok(token)
                    }
                    None => Err(sign::SignError::Key(
                        "signing key: the set holds no key".into(),
                    )),
                },
                Some(Err(error)) => Err(sign::SignError::Key(format!("signing key: {error}"))),
                None => {
                    let old = self.view().and_then(|v| {
                        v.token
                            .segments
                            .get(2)
                            .map(|s| v.token.segment_text(s).to_string())
                    });
                    Ok(format!("{input}.{}", old.unwrap_or_default()))
                }
            }
        });
        match result {
            Ok(token) => {
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
            Err(error) => self.edit_error = Some(error.to_string()),
        }
        self.reverify();
    }

    /// "Try published secrets": the search runs in the key engine in the page.
    fn search_common_secrets(&mut self) {
        let found = match self.view() {
            Some(view) => lint::search_common_secrets(&view.token),
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
        let unchanged =
            matches!(&self.decoded, Decoded::Token(v) if v.token.compact == token::clean(text));
        if !unchanged {
            self.decoded = decode(text);
        }
        self.input = text.into();
        self.resign_pending = false;
        self.signing = Signing::None;
        self.outer = None;
        self.baseline = (self.input.clone(), Signing::None);
        self.header_draft = None;
        self.payload_draft = None;
        self.edit_error = None;
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
        let sealed = crate::jwt::jwe::seal(&header, &plaintext, &key, self.encoding);
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
        // The key box, or else the signing key (as for signatures).
        let key = if self.key.is_empty() {
            &self.signing_key
        } else {
            &self.key
        };
        if key.is_empty() {
            return (Verdict::NoDecryptionKey, None);
        }
        match crate::jwt::jwe::open(&token.compact, &key.text, self.encoding) {
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
        // A new token or key: an earlier list search says nothing about it.
        self.cracked = None;
        self.opened = None;
        self.cracking = false;
        self.refresh_findings();
        self.verdict = match self.view() {
            // A token that does not decode cannot be checked, key or no key: the verdict says
            // where it breaks rather than asking for a key already there.
            None => match &self.decoded {
                Decoded::Error(broken) => match broken.error() {
                    Some(error @ DecodeError::SegmentCount { .. }) => {
                        Verdict::Unverifiable(format!("not a signed token: {error}"))
                    }
                    Some(error) => {
                        Verdict::Unverifiable(format!("the token does not decode: {error}"))
                    }
                    None => Verdict::NoKey,
                },
                Decoded::Empty | Decoded::Token(_) => Verdict::NoKey,
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
            Some(view) => {
                let keys = self.verification_keys().map(|parsed| &**parsed);
                let mut verdict = verify::verify(&view.token, keys);
                if let Verdict::Invalid { hint } = &mut verdict
                    && self.key.parsed.is_some()
                    && let Some(other) =
                        verify::other_secret_reading(&view.token, &self.key.text, self.encoding)
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
        self.findings = Rc::new(findings);
    }

    /// The decoded view, if the input is a token.
    pub fn view(&self) -> Option<&DecodedView> {
        match &self.decoded {
            Decoded::Token(view) => Some(view),
            _ => None,
        }
    }

    /// The time status, when the payload is a claims set.
    pub fn claims_status(&self) -> Option<ClaimsStatus> {
        self.view()?
            .claims()
            .map(|claims| ClaimsStatus::at(claims, self.now))
    }
}

fn json_pretty(text: &str) -> Option<String> {
    crate::jwt::json::parse(text).ok().map(|v| v.pretty())
}

fn decode(input: &str) -> Decoded {
    match token::decode(input) {
        Ok(token) => Decoded::Token(Rc::new(DecodedView::new(token))),
        Err(DecodeError::Empty) => Decoded::Empty,
        Err(_) => Decoded::Error(Rc::new(Broken::new(input))),
    }
}

/// A key typed or pasted is the user asking again: an engine that could not be reached is
/// tried again rather than its refusal shown from memory.
fn retry_refused_keys() {
    if let Some(engine) = crate::jwt::keys::remote::engine() {
        engine.retry_refused();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::base64url;

    #[test]
    fn example_decodes_on_first_load() {
        let state = Debugger::new(EXAMPLE_TOKEN, 1_516_239_022);
        let view = state.view().unwrap();
        assert_eq!(view.payload_form, PayloadForm::Json);
        assert!(view.payload_text.contains("\"name\": \"John Doe\""));
        assert_eq!(state.claims_status().unwrap().state(), "no-exp");
    }

    /// A key box whose text waits for the key engine (as in the page before it is in).
    fn waiting(text: &str) -> KeyBox {
        KeyBox {
            text: text.into(),
            parsed: Some(ParsedKeys(Rc::new(Err(KeyError::EngineLoading)))),
        }
    }

    #[test]
    fn keys_waiting_for_the_engine_are_read_again_when_it_is_in() {
        let (private, public) = crate::presets::demo_keys(Algorithm::ES256);
        let mut state = Debugger::new(EXAMPLE_TOKEN, 0);
        state.key = waiting(public);
        state.signing_key = waiting(private);
        let state = state.apply(Action::SetAlg(Algorithm::ES256));
        // No verdict yet, the token is not rebuilt, and nothing is called an error.
        assert_eq!(state.verdict, Verdict::Pending);
        assert_eq!(state.verdict.state(), "unverifiable");
        assert_eq!(&*state.input, EXAMPLE_TOKEN);
        assert_eq!(state.edit_error, None);
        let state = state.apply(Action::EngineReady);
        assert_eq!(state.algorithm(), Some(Algorithm::ES256));
        assert_eq!(state.verdict.state(), "verified", "{:?}", state.verdict);
        assert!(state.view().unwrap().payload_text.contains("John Doe"));
    }

    #[test]
    fn a_token_pasted_while_the_signing_key_waits_is_kept_as_pasted() {
        let (private, _) = crate::presets::demo_keys(Algorithm::ES256);
        let mut state = Debugger::new(EXAMPLE_TOKEN, 0);
        state.signing_key = waiting(private);
        let state = state.apply(Action::EditPayload("{\"sub\": \"eve\"}".into()));
        assert!(state.resign_pending);
        // A forged token pasted meanwhile: the engine's arrival must not re-sign it.
        let forged = format!("{}x", &EXAMPLE_TOKEN[..EXAMPLE_TOKEN.len() - 1]);
        let state = state.apply(Action::SetToken(forged.clone()));
        let state = state.apply(Action::EngineReady);
        assert_eq!(&*state.input, forged.as_str());
        assert!(state.signing_key.parsed.as_deref().unwrap().is_ok());
        assert_ne!(state.verdict.state(), "verified", "{:?}", state.verdict);
    }

    #[test]
    fn a_waiting_example_gives_way_to_what_the_user_does_meanwhile() {
        let mut state = Debugger::new(EXAMPLE_TOKEN, 0);
        state.pending_example = Some(presets::Example::Signed(Algorithm::PS384));
        let state = state
            .apply(Action::Tick(3))
            .apply(Action::SetKey("your-256-bit-secret".into()));
        assert_eq!(state.pending_example, None);
        let state = state.apply(Action::EngineReady);
        assert_eq!(state.algorithm(), Some(Algorithm::HS256));
        assert_eq!(state.verdict.state(), "verified");
    }

    #[test]
    fn an_example_waiting_for_the_engine_is_loaded_when_it_is_in() {
        let mut state = Debugger::new(EXAMPLE_TOKEN, 0);
        state.pending_example = Some(presets::Example::Signed(Algorithm::PS384));
        let state = state.apply(Action::EngineReady);
        assert_eq!(state.pending_example, None);
        assert_eq!(state.algorithm(), Some(Algorithm::PS384));
        assert_eq!(state.verdict.state(), "verified", "{:?}", state.verdict);
        assert_eq!(state.header_draft, None);
    }

    #[test]
    fn ticks_do_not_redecode() {
        let state = Debugger::new(EXAMPLE_TOKEN, 0);
        let later = state.apply(Action::Tick(5));
        assert_eq!(later.now, 5);
        match (&state.decoded, &later.decoded) {
            (Decoded::Token(a), Decoded::Token(b)) => assert!(Rc::ptr_eq(a, b)),
            other => panic!("expected tokens, got {other:?}"),
        }
        let rewrapped = state.apply(Action::SetToken(format!("Bearer {EXAMPLE_TOKEN}\n")));
        match (&state.decoded, &rewrapped.decoded) {
            (Decoded::Token(a), Decoded::Token(b)) => assert!(Rc::ptr_eq(a, b)),
            other => panic!("expected tokens, got {other:?}"),
        }
    }

    #[test]
    fn a_bad_segment_hides_only_itself() {
        let dot = EXAMPLE_TOKEN.find('.').unwrap();
        // A stray character three characters into the payload.
        let bad = format!(
            "{}!{}",
            &EXAMPLE_TOKEN[..dot + 4],
            &EXAMPLE_TOKEN[dot + 4..]
        );
        let state = Debugger::new(EXAMPLE_TOKEN, 0).apply(Action::SetToken(bad));
        assert_eq!(state.decoded.status(), Some("partial"));
        let Decoded::Error(broken) = &state.decoded else {
            panic!("expected a partial decode, got {:?}", state.decoded)
        };
        assert!(broken.error_of(Part::Payload).is_some());
        assert!(broken.error_of(Part::Header).is_none());
        assert_eq!(
            *broken.marks,
            vec![Mark {
                part: Part::Payload,
                at: Some(3)
            }]
        );
        assert!(state.header_text().unwrap().contains("\"HS256\""));
        assert_eq!(state.payload_text(), None);
        assert_eq!(state.algorithm().map(Algorithm::name), Some("HS256"));
        assert_eq!(state.verdict.state(), "unverifiable");
        // Fixed again: a whole token, nothing marked.
        let fixed = state.apply(Action::SetToken(EXAMPLE_TOKEN.into()));
        assert_eq!(fixed.decoded.status(), Some("ok"));
    }

    #[test]
    fn sign_status_says_what_signing_did() {
        let pasted = Debugger::new(EXAMPLE_TOKEN, 0);
        assert_eq!(pasted.signing, Signing::None);
        // Edited without a signing key: the old signature stays, and no longer matches.
        let payload = pasted
            .payload_text()
            .unwrap()
            .replace("John Doe", "Jane Doe");
        let stale = pasted.apply(Action::EditPayload(payload));
        assert_eq!(stale.signing, Signing::Stale);
        assert!(
            stale
                .input
                .ends_with(EXAMPLE_TOKEN.rsplit('.').next().unwrap())
        );
        // Edited back: the token is the one pasted, its signature matches again.
        let back = pasted.payload_text().unwrap();
        assert_eq!(
            stale.apply(Action::EditPayload(back.to_string())).signing,
            Signing::None
        );
        // A verify key never re-signs.
        let keyed = stale.apply(Action::SetKey("your-256-bit-secret".into()));
        assert_eq!(keyed.signing, Signing::Stale);
        assert_eq!(keyed.input, stale.input);
        assert_eq!(keyed.verdict.state(), "invalid");
        // A signing key re-signs, and says with what.
        let signed = keyed.apply(Action::SetSigningKey("your-256-bit-secret".into()));
        assert_eq!(signed.signing.state(), "signed");
        let Signing::Signed { alg, key } = &signed.signing else {
            unreachable!()
        };
        assert_eq!(alg, "HS256");
        assert!(key.contains("secret"), "{key}");
        assert_eq!(signed.verdict.state(), "verified");
        // Removing the signing key keeps the signed token, and what signed it.
        assert_eq!(
            signed
                .apply(Action::SetSigningKey(String::new()))
                .signing
                .state(),
            "signed"
        );
        // A new token is shown as pasted.
        let repasted = signed.apply(Action::SetToken(EXAMPLE_TOKEN.into()));
        assert_eq!(repasted.signing, Signing::None);
    }

    /// RFC 7520 §5.8: A128KW with A128GCM, and its key.
    const COOKBOOK_JWE: &str = "eyJhbGciOiJBMTI4S1ciLCJraWQiOiI4MWIyMDk2NS04MzMyLTQzZDktYTQ2OC04MjE2MGFkOTFhYzgiLCJlbmMiOiJBMTI4R0NNIn0.CBI6oDw8MydIx1IBntf_lQcw2MmJKIQx.Qx0pmsDa8KnJc9Jo.AwliP-KmWgsZ37BvzCefNen6VTbRK3QMA4TkvRkH0tP1bTdhtFJgJxeVmJkLD61A1hnWGetdg11c9ADsnWgL56NyxwSYjU1ZEHcGkd3EkU0vjHi9gTlb90qSYFfeF0LwkcTtjbYKCsiNJQkcIp1yeM03OmuiYSoYJVSpf7ej6zaYcMv3WwdxDFl8REwOhNImk2Xld2JXq6BR53TSFkyT7PwVLuq-1GwtGHlQeg7gDT6xW0JqHDPn_H-puQsmthc9Zg0ojmJfqqFvETUxLAF-KjcBTS5dNy6egwkYtOt8EIHK-oEsKYtZRaa8Z7MOZ7UGxGIMvEmxrGCPeJa14slv2-gaqK0kEThkaSqdYw0FkQZF.ER7MWJZ1FBI_NKvn7Zb1Lw";
    const COOKBOOK_JWE_KEY: &str = r#"{"kty":"oct","kid":"81b20965-8332-43d9-a468-82160ad91ac8","use":"enc","alg":"A128KW","k":"GZy6sIZ6wl9NJOKB-jnmVQ"}"#;

    #[test]
    fn an_encrypted_token_opens_with_its_key() {
        let state = Debugger::new(COOKBOOK_JWE, 0);
        assert_eq!(state.verdict, Verdict::NoDecryptionKey);
        assert_eq!(state.verdict.state(), "no-key");
        let opened = state.apply(Action::SetKey(COOKBOOK_JWE_KEY.into()));
        assert_eq!(opened.verdict.state(), "decrypted", "{:?}", opened.verdict);
        let view = opened.opened.as_ref().unwrap();
        assert!(view.text.starts_with("You can trust us to stick with you"));
        assert_eq!(view.form, PayloadForm::Text);
        assert_eq!(view.nested, None);
        // Another key of the right size: checked, and it does not open.
        let wrong = opened.apply(Action::SetKey(
            r#"{"kty":"oct","k":"AAAAAAAAAAAAAAAAAAAAAA"}"#.into(),
        ));
        assert_eq!(wrong.verdict.state(), "invalid");
        assert!(wrong.opened.is_none());
        assert!(
            wrong
                .verdict
                .describe()
                .contains("the key is wrong or the token was altered")
        );
        // A key of the wrong size cannot be tried: unverifiable, with the reason.
        let short = opened.apply(Action::SetKey(r#"{"kty":"oct","k":"AAAA"}"#.into()));
        assert_eq!(short.verdict.state(), "unverifiable");
        assert!(
            short.verdict.describe().contains("128-bit key"),
            "{}",
            short.verdict.describe()
        );
    }

    #[test]
    fn encrypt_then_open_and_a_nested_token_round_trip() {
        let key = r#"{"kty":"oct","k":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}"#;
        let state = Debugger::new(EXAMPLE_TOKEN, 0)
            .apply(Action::SetEncryptAlg("A256KW".into()))
            .apply(Action::SetEncryptKey(key.into()));
        // Nothing sealed until asked: the pasted token stays.
        assert_eq!(&*state.input, EXAMPLE_TOKEN);
        let payload = state.payload_text().unwrap();
        let sealed = state.apply(Action::Encrypt { nested: false });
        assert_eq!(sealed.sealing.error, None);
        assert_eq!(sealed.view().unwrap().token.kind, token::Kind::Jwe);
        assert_eq!(sealed.verdict.state(), "no-key");
        let opened = sealed.apply(Action::SetKey(key.into()));
        assert_eq!(opened.verdict.state(), "decrypted", "{:?}", opened.verdict);
        assert_eq!(*opened.opened.as_ref().unwrap().text, *payload);
        // Another enc seals it again, and it still opens.
        let resealed = opened.apply(Action::SetEncryptEnc("A128CBC-HS256".into()));
        assert_ne!(resealed.input, opened.input);
        assert_eq!(resealed.verdict.state(), "decrypted");
        // A token pasted is not overwritten by a later change of settings.
        let pasted = resealed
            .apply(Action::SetToken(EXAMPLE_TOKEN.into()))
            .apply(Action::SetEncryptEnc("A256GCM".into()));
        assert_eq!(&*pasted.input, EXAMPLE_TOKEN);

        // The signed token itself, nested: cty JWT, opened, then opened in the debugger.
        let nested = pasted.apply(Action::Encrypt { nested: true });
        let view = nested.view().unwrap();
        assert_eq!(
            view.token
                .header
                .get("cty")
                .and_then(Value::as_str)
                .as_deref(),
            Some("JWT")
        );
        let inner = nested.opened.as_ref().unwrap().nested.clone().unwrap();
        assert_eq!(&*inner, EXAMPLE_TOKEN);
        let inside = nested.apply(Action::OpenNested);
        assert_eq!(&*inside.input, EXAMPLE_TOKEN);
        assert!(inside.outer.is_some());
        assert!(
            inside.key.is_empty(),
            "the nested token gets its own key box"
        );
        let verified = inside.apply(Action::SetKey("your-256-bit-secret".into()));
        assert_eq!(verified.verdict.state(), "verified");
        let back = verified.apply(Action::NestedBack);
        assert_eq!(back.input, nested.input);
        assert_eq!(back.verdict.state(), "decrypted");
        assert!(back.outer.is_none());
        // A key that cannot encrypt says why, and the token stays.
        let refused = back
            .apply(Action::SetEncryptKey("short".into()))
            .apply(Action::Encrypt { nested: false });
        let error = refused.sealing.error.as_deref().unwrap();
        assert!(error.contains("256-bit key"), "{error}");
        assert_eq!(refused.input, back.input);
    }

    #[test]
    fn a_nested_token_without_cty_jwt_is_a_finding() {
        let key = r#"{"kty":"oct","k":"AAECAwQFBgcICQoLDA0ODw"}"#;
        let keys = crate::jwt::keys::parse(key, SecretEncoding::Utf8)
            .unwrap()
            .unwrap();
        let sealed = |header: &str| {
            crate::jwt::jwe::encrypt(header, EXAMPLE_TOKEN.as_bytes(), &keys).unwrap()
        };
        let codes = |token: &str| -> Vec<&'static str> {
            let state = Debugger::new(token, 0).apply(Action::SetKey(key.into()));
            assert_eq!(state.verdict.state(), "decrypted");
            state.findings.iter().map(|f| f.code).collect()
        };
        assert!(codes(&sealed(r#"{"alg":"A128KW","enc":"A128GCM"}"#)).contains(&"nested-cty"));
        let with_cty = codes(&sealed(r#"{"alg":"A128KW","enc":"A128GCM","cty":"JWT"}"#));
        assert!(!with_cty.contains(&"nested-cty"), "{with_cty:?}");
    }

    #[test]
    fn editing_the_plaintext_seals_the_token_again() {
        let opened = Debugger::new(COOKBOOK_JWE, 0).apply(Action::SetKey(COOKBOOK_JWE_KEY.into()));
        assert_eq!(opened.verdict.state(), "decrypted");
        let edited = opened.apply(Action::EditPlaintext("{\"sub\": \"bob\"}".into()));
        assert_eq!(edited.sealing.error, None);
        assert_ne!(edited.input, opened.input);
        assert_eq!(edited.verdict.state(), "decrypted", "{:?}", edited.verdict);
        // The token's own alg and enc, for the key that opened it.
        let header = &edited.view().unwrap().token.header;
        assert_eq!(
            header.get("alg").and_then(Value::as_str).as_deref(),
            Some("A128KW")
        );
        assert_eq!(
            header.get("enc").and_then(Value::as_str).as_deref(),
            Some("A128GCM")
        );
        // What was typed stays as typed; the opened plaintext is the same JSON.
        assert_eq!(
            edited.plaintext_draft.as_deref(),
            Some("{\"sub\": \"bob\"}")
        );
        assert!(
            edited
                .opened
                .as_ref()
                .unwrap()
                .text
                .contains("\"sub\": \"bob\"")
        );
        // A token pasted drops the draft.
        let pasted = edited.apply(Action::SetToken(COOKBOOK_JWE.into()));
        assert_eq!(pasted.plaintext_draft, None);
    }

    #[test]
    fn errors_clear_and_empty() {
        let state = Debugger::new(EXAMPLE_TOKEN, 0).apply(Action::SetToken("abc.def".into()));
        let Decoded::Error(broken) = &state.decoded else {
            panic!("expected an error, got {:?}", state.decoded)
        };
        assert_eq!(broken.errors, vec![DecodeError::SegmentCount { found: 2 }]);
        assert_eq!(state.decoded.status(), Some("error"));
        assert_eq!(state.claims_status(), None);
        let cleared = state.apply(Action::Clear);
        assert_eq!(cleared.decoded, Decoded::Empty);
        assert_eq!(&*cleared.input, "");
    }

    #[test]
    fn payload_forms() {
        let header = base64url::encode(br#"{"alg":"none"}"#);
        let text = Debugger::new(&format!("{header}.{}.", base64url::encode(b"hi there")), 0);
        assert_eq!(text.view().unwrap().payload_form, PayloadForm::Text);
        assert_eq!(&*text.view().unwrap().payload_text, "hi there");
        let binary = Debugger::new(&format!("{header}.{}.", base64url::encode(&[0xff, 1])), 0);
        assert_eq!(&*binary.view().unwrap().payload_text, "ff 01");
        let jwe = Debugger::new(
            &format!(
                "{}.AA.BA.CA.DA",
                base64url::encode(br#"{"alg":"dir","enc":"A128GCM"}"#)
            ),
            0,
        );
        assert!(jwe.view().is_some(), "{:?}", jwe.decoded);
        assert_eq!(jwe.view().unwrap().payload_form, PayloadForm::Encrypted);
    }

    #[test]
    fn status_ticks_with_the_clock() {
        let payload = base64url::encode(br#"{"sub":"bob","iat":100,"exp":160}"#);
        let token = format!("{}.{payload}.", base64url::encode(br#"{"alg":"none"}"#));
        let state = Debugger::new(&token, 118);
        assert_eq!(
            state.claims_status().unwrap().describe(state.now),
            "valid: expires in 42 s"
        );
        let later = state.apply(Action::Tick(161));
        assert_eq!(
            later.claims_status().unwrap().describe(later.now),
            "expired 1 s ago"
        );
    }

    /// Every way a token can fail to decode, with and without a key: `unverifiable`, saying where.
    #[test]
    fn a_token_that_does_not_decode_is_unverifiable_with_its_reason() {
        let [header, payload, signature]: [&str; 3] = EXAMPLE_TOKEN
            .split('.')
            .collect::<Vec<_>>()
            .try_into()
            .unwrap();
        let at = header.len() + payload.len() + 2;
        let cases = [
            (
                format!("{header}.{payload}"),
                "not a signed token: expected 3 segments separated by '.', found 2".to_string(),
            ),
            (
                format!("{header}.{payload}.{signature}.x"),
                "not a signed token: expected 3 segments separated by '.', found 4".to_string(),
            ),
            (
                format!("{header}.{payload}.{signature}="),
                format!(
                    "signature: '=' padding at position {}",
                    at + signature.len()
                ),
            ),
            (
                format!("{header}.{payload}.{}!{}", &signature[..5], &signature[6..]),
                format!(
                    "signature: invalid base64url character '!' at position {}",
                    at + 5
                ),
            ),
            (
                format!("e!{}.{payload}.{signature}", &header[2..]),
                "header: invalid base64url character '!' at position 1".to_string(),
            ),
            (
                format!("{header}.{}!{}.{signature}", &payload[..3], &payload[4..]),
                format!(
                    "payload: invalid base64url character '!' at position {}",
                    header.len() + 4
                ),
            ),
            (
                format!("bm90IGpzb24.{payload}.{signature}"),
                "header: not JSON".to_string(),
            ),
            (
                format!("WzFd.{payload}.{signature}"),
                "header: must be a JSON object".to_string(),
            ),
        ];
        for (token, reason) in cases {
            for key in ["", "your-256-bit-secret"] {
                let state = Debugger::new(&token, 0).apply(Action::SetKey(key.into()));
                assert_eq!(
                    state.verdict.state(),
                    "unverifiable",
                    "{token} with key {key:?}"
                );
                let words = state.verdict.describe();
                assert!(words.contains(&reason), "{token} with key {key:?}: {words}");
            }
        }
        // Tokens that decode but cannot be checked say why too, with a key.
        let with_key = |token: &str| {
            Debugger::new(token, 0)
                .apply(Action::SetKey("your-256-bit-secret".into()))
                .verdict
        };
        let no_alg = format!("e30.{payload}.{signature}");
        assert_eq!(with_key(&no_alg).state(), "unverifiable");
        let unknown = format!("eyJhbGciOiJYWTEyMyJ9.{payload}.{signature}");
        assert!(
            with_key(&unknown).describe().contains("XY123"),
            "{}",
            with_key(&unknown).describe()
        );
        // An empty box still asks for a token, not a key.
        assert_eq!(Debugger::new("", 0).verdict, Verdict::NoKey);
    }

    #[test]
    fn a_key_gives_a_verdict_and_follows_every_change() {
        let state = Debugger::new(EXAMPLE_TOKEN, 0);
        assert_eq!(state.verdict, Verdict::NoKey);
        let state = state.apply(Action::SetKey("your-256-bit-secret".into()));
        assert_eq!(state.verdict.state(), "verified");
        let state = state.apply(Action::SetKey("your-256-bit-secreT".into()));
        assert_eq!(state.verdict.state(), "invalid");
        let state = state.apply(Action::SetKey("eW91ci0yNTYtYml0LXNlY3JldA==".into()));
        assert!(
            state.verdict.describe().contains("Read as base64 instead"),
            "{}",
            state.verdict.describe()
        );
        let state = state.apply(Action::SetSecretEncoding(SecretEncoding::Base64));
        assert_eq!(state.verdict.state(), "verified");
        let state = state.apply(Action::SetToken(EXAMPLE_TOKEN.replace("SflK", "SflL")));
        assert_eq!(state.verdict.state(), "invalid");
    }

    #[test]
    fn editing_the_json_re_signs_with_the_signing_key() {
        let state = Debugger::new(EXAMPLE_TOKEN, 0).apply(Action::SetSigningKey("mysecret".into()));
        // The signing key alone verifies (the key box is empty): the token was re-signed.
        assert_eq!(state.verdict.state(), "verified");
        let state = state.apply(Action::EditPayload("{\"sub\": \"bob\", \"n\": 3.0}".into()));
        assert_eq!(state.verdict.state(), "verified");
        assert_eq!(
            state.view().unwrap().token.claims().unwrap().minified(),
            r#"{"sub":"bob","n":3.0}"#
        );
        assert_eq!(
            state.payload_text().as_deref(),
            Some("{\"sub\": \"bob\", \"n\": 3.0}")
        );
        // Invalid JSON: the last good token stays and the error says where.
        let good = state.input.clone();
        let state = state.apply(Action::EditPayload("{\"sub\" \"bob\"}".into()));
        assert_eq!(state.input, good);
        assert_eq!(
            state.edit_error.as_deref(),
            Some("payload: not JSON: expected ':' at line 1 column 8, found '\"'")
        );
        // Choosing an algorithm rewrites alg and re-signs.
        let state = state
            .apply(Action::EditPayload("{}".into()))
            .apply(Action::SetAlg(Algorithm::HS512));
        assert_eq!(state.algorithm(), Some(Algorithm::HS512));
        assert_eq!(state.verdict.state(), "verified");
        // A secret cannot sign RS256: the error says so and the token stays HS512.
        let state = state.apply(Action::SetAlg(Algorithm::RS256));
        assert!(
            state
                .edit_error
                .as_deref()
                .unwrap_or("")
                .contains("RS256 needs an RSA key"),
            "{:?}",
            state.edit_error
        );
        assert_eq!(state.algorithm(), Some(Algorithm::HS512));
    }

    #[test]
    fn clearing_the_signing_key_leaves_the_token_as_pasted() {
        let spaced = format!(
            "{}.{}.AAAA",
            base64url::encode(b"{ \"alg\" : \"HS256\" }"),
            base64url::encode(b"{}")
        );
        let state = Debugger::new(&spaced, 0).apply(Action::SetSigningKey(String::new()));
        assert_eq!(&*state.input, spaced.as_str());
        let state = state.apply(Action::SetSecretEncoding(SecretEncoding::Hex));
        assert_eq!(&*state.input, spaced.as_str());
    }

    #[test]
    fn without_a_signing_key_edits_keep_the_old_signature() {
        let state =
            Debugger::new(EXAMPLE_TOKEN, 0).apply(Action::SetKey("your-256-bit-secret".into()));
        let state = state.apply(Action::EditPayload("{\"sub\":\"eve\"}".into()));
        assert!(
            state
                .input
                .ends_with(".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")
        );
        assert_eq!(state.verdict.state(), "invalid");
    }

    #[test]
    fn findings_follow_the_token_and_the_list_search() {
        let state = Debugger::new(EXAMPLE_TOKEN, 1_600_000_000);
        let codes: Vec<&str> = state.findings.iter().map(|f| f.code).collect();
        assert_eq!(codes, ["missing-exp"]);
        let state = state.apply(Action::SetKey("mysecret".into()));
        assert!(state.findings.iter().any(|f| f.code == "weak-secret"));
        // jwt.io's example is signed with "your-256-bit-secret", a published secret.
        let state = Debugger::new(EXAMPLE_TOKEN, 1_600_000_000).apply(Action::TryCommonSecrets);
        assert_eq!(state.cracked, Some(Some("your-256-bit-secret")));
        assert_eq!(state.findings[0].code, "common-secret");
        assert!(state.findings[0].meaning.contains("your-256-bit-secret"));
        let state = state.apply(Action::SetToken(EXAMPLE_TOKEN.replace("SflK", "SflL")));
        assert_eq!(state.cracked, None);
        let state = state.apply(Action::TryCommonSecrets);
        assert_eq!(state.cracked, Some(None));
    }

    #[test]
    fn the_other_examples() {
        use presets::Example;
        let tutorial =
            Debugger::new("", 1_700_000_030).apply(Action::LoadExample(Example::Tutorial));
        assert_eq!(tutorial.verdict.state(), "verified");
        assert!(tutorial.findings.iter().any(|f| f.code == "weak-secret"));
        let expired = Debugger::new("", 1_700_000_000).apply(Action::LoadExample(Example::Expired));
        assert_eq!(expired.verdict.state(), "verified");
        assert_eq!(expired.claims_status().unwrap().state(), "expired");
        let none = Debugger::new("", 0).apply(Action::LoadExample(Example::AlgNone));
        assert!(none.input.ends_with('.'));
        assert_eq!(none.verdict.state(), "unverifiable");
        assert_eq!(none.findings[0].code, "alg-none");
        assert!(
            Example::all()
                .iter()
                .all(|e| Example::from_id(&e.id()) == Some(*e))
        );
    }

    #[test]
    fn every_example_verifies_with_its_demo_key() {
        for alg in Algorithm::ALL {
            let state =
                Debugger::new("", 0).apply(Action::LoadExample(presets::Example::Signed(alg)));
            assert_eq!(state.algorithm(), Some(alg));
            assert_eq!(
                state.verdict.state(),
                "verified",
                "{alg}: {}",
                state.verdict.describe()
            );
            assert!(state.header_draft.is_none());
        }
    }
}
