//! The one reducer: what the user typed plus the clock in, everything the view shows out.
//! Pure Rust, so plain `cargo test` covers it; `app.rs` only dispatches [`Action`]s.

use std::rc::Rc;

use crate::jwt::claims::ClaimsStatus;
use crate::jwt::json::Value;
use crate::jwt::time::Seconds;
use crate::jwt::token::{self, DecodeError, Payload, Token};

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
}

impl DecodedView {
    fn new(token: Token) -> Self {
        let header_text = token.header.pretty();
        let (payload_text, payload_form) = match &token.payload {
            Some(Payload::Json(value)) => (value.pretty(), PayloadForm::Json),
            Some(Payload::Text(text)) => (text.clone(), PayloadForm::Text),
            Some(Payload::Binary(bytes)) => (hex(bytes), PayloadForm::Binary),
            None => (
                "encrypted: cannot be read without the key".into(),
                PayloadForm::Encrypted,
            ),
        };
        Self {
            token,
            header_text: header_text.into(),
            payload_text: payload_text.into(),
            payload_form,
        }
    }

    /// The claims object, when the payload is JSON.
    pub fn claims(&self) -> Option<&Value> {
        self.token.claims()
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

/// The result of decoding the current input.
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded {
    /// The box is empty.
    Empty,
    Token(Rc<DecodedView>),
    Error(DecodeError),
}

/// The debugger's whole state. Cloning is cheap: the big parts sit behind `Rc`.
#[derive(Debug, Clone, PartialEq)]
pub struct Debugger {
    /// The token box's text, exactly as typed.
    pub input: Rc<str>,
    pub decoded: Decoded,
    /// The clock, in seconds since the epoch.
    pub now: Seconds,
}

impl Debugger {
    /// The state for `input` at `now`.
    pub fn new(input: &str, now: Seconds) -> Self {
        Self {
            input: input.into(),
            decoded: decode(input),
            now,
        }
    }

    /// The state after `action`. Work is only done for what changed: a tick never re-decodes.
    pub fn apply(&self, action: Action) -> Self {
        match action {
            Action::SetToken(text) if *text == *self.input => self.clone(),
            Action::SetToken(text) => {
                // Retyping the same token with other whitespace leaves the decoded view as is.
                let unchanged = matches!(&self.decoded, Decoded::Token(v) if v.token.compact == token::clean(&text));
                let decoded = if unchanged {
                    self.decoded.clone()
                } else {
                    decode(&text)
                };
                Self {
                    input: text.into(),
                    decoded,
                    now: self.now,
                }
            }
            Action::Clear => Self {
                input: "".into(),
                decoded: Decoded::Empty,
                now: self.now,
            },
            Action::Tick(now) => Self {
                now,
                ..self.clone()
            },
        }
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

fn decode(input: &str) -> Decoded {
    match token::decode(input) {
        Ok(token) => Decoded::Token(Rc::new(DecodedView::new(token))),
        Err(DecodeError::Empty) => Decoded::Empty,
        Err(error) => Decoded::Error(error),
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
    fn errors_clear_and_empty() {
        let state = Debugger::new(EXAMPLE_TOKEN, 0).apply(Action::SetToken("abc.def".into()));
        assert_eq!(
            state.decoded,
            Decoded::Error(DecodeError::SegmentCount { found: 2 })
        );
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
                "{}.AA.BB.CC.DD",
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
}
