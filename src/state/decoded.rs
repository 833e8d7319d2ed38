//! What the token box's text decodes to: a token's display texts, what still reads of a token
//! that does not decode, and an encrypted token's plaintext once opened.

use std::borrow::Cow;
use std::rc::Rc;

use crate::jwt::json::Value;
use crate::jwt::sd_jwt::{self, Processed};
use crate::jwt::token::{self, DecodeError, Mark, Part, Payload, SdTail, Token};

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
    /// An SD-JWT's disclosures processed with its payload.
    pub sd: Option<Rc<SdView>>,
}

/// An SD-JWT's disclosures, processed as a verifier does (RFC 9901 §7.1).
#[derive(Debug, Clone, PartialEq)]
pub struct SdView {
    /// `Err` when nothing could be processed (the payload is not an object, or `_sd_alg` is
    /// unknown).
    pub processed: Result<Processed, String>,
    /// The processed claims, pretty-printed.
    pub claims_text: Rc<str>,
}

impl SdView {
    fn new(token: &Token, tail: &SdTail) -> Self {
        let disclosures: Vec<&str> = tail
            .disclosures
            .iter()
            .map(|range| token.compact.get(range.clone()).unwrap_or_default())
            .collect();
        let processed = match token.claims() {
            Some(claims) => sd_jwt::process(claims, &disclosures),
            None => Err("the issuer-signed payload is not JSON".into()),
        };
        let claims_text = processed
            .as_ref()
            .map_or_else(|_| String::new(), |p| p.claims.pretty())
            .into();
        Self {
            processed,
            claims_text,
        }
    }
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
        let sd = token
            .sd
            .as_ref()
            .map(|tail| Rc::new(SdView::new(&token, tail)));
        Self {
            token,
            header_text: header_text.into(),
            payload_text: payload_text.into(),
            payload_form,
            segment_texts,
            sd,
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
#[derive(Debug, Clone)]
pub enum Decoded {
    /// The box is empty.
    Empty,
    Token(Rc<DecodedView>),
    Error(Rc<Broken>),
}

/// A view is made once per decode and never changed, so the same `Rc` is the same view and a new
/// decode counts as a change: views re-render without comparing a large token byte by byte.
impl PartialEq for Decoded {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Empty, Self::Empty) => true,
            (Self::Token(a), Self::Token(b)) => Rc::ptr_eq(a, b),
            (Self::Error(a), Self::Error(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
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

/// An encrypted token's plaintext, as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedView {
    pub text: Rc<str>,
    pub form: PayloadForm,
    /// The plaintext is itself a compact JWS (`cty: JWT`, or shaped like one): a nested token.
    pub nested: Option<Rc<str>>,
}

impl OpenedView {
    pub(super) fn new(plaintext: Vec<u8>, cty: Option<String>) -> Self {
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

/// The decoded view of the token box's text.
pub(super) fn decode(input: &str) -> Decoded {
    view(input, token::decode(input))
}

/// [`decode`] of `input`, given `compact`, what [`token::clean`] made of it.
pub(super) fn decode_clean(input: &str, compact: Cow<'_, str>) -> Decoded {
    view(input, token::decode_clean(input, compact))
}

/// The view of `input` decoded to `decoded`.
fn view(input: &str, decoded: Result<Token, DecodeError>) -> Decoded {
    match decoded {
        Ok(token) => Decoded::Token(Rc::new(DecodedView::new(token))),
        Err(DecodeError::Empty) => Decoded::Empty,
        Err(_) => Decoded::Error(Rc::new(Broken::new(input))),
    }
}

#[cfg(test)]
mod tests {
    use super::{Decoded, decode};

    const JWT_IO: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    #[test]
    fn a_view_equals_itself_and_a_new_decode_is_a_change() {
        let first = decode(JWT_IO);
        assert_eq!(first, first.clone());
        // Equal text, but decoded anew: views re-render rather than compare the token's bytes.
        assert_ne!(first, decode(JWT_IO));
        let broken = decode("not.a token");
        assert_eq!(broken, broken.clone());
        assert_ne!(broken, decode("not.a token"));
        assert_eq!(decode("  "), Decoded::Empty);
        assert_ne!(first, broken);
    }
}
