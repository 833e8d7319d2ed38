//! A compact JWS or JWE split into its segments, with the header and payload decoded for
//! display; every failure names the segment and the position.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::rc::Rc;

use super::base64url::{self, Base64Error};
use super::json::{self, JsonError, Value};

/// Pasted text longer than this is refused before any work is done (4 MiB).
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

/// The segments of a compact serialization, named as RFC 7515 / RFC 7516 name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Header,
    Payload,
    Signature,
    EncryptedKey,
    Iv,
    Ciphertext,
    Tag,
    /// One disclosure of an SD-JWT (RFC 9901), after the issuer-signed JWT.
    Disclosure,
    /// An SD-JWT's key-binding JWT, after its last `~`.
    KbJwt,
}

impl Part {
    /// The `data-part` name used in the page.
    pub fn id(self) -> &'static str {
        match self {
            Part::Header => "header",
            Part::Payload => "payload",
            Part::Signature => "signature",
            Part::EncryptedKey => "encrypted-key",
            Part::Iv => "iv",
            Part::Ciphertext => "ciphertext",
            Part::Tag => "tag",
            Part::Disclosure => "disclosure",
            Part::KbJwt => "kb-jwt",
        }
    }

    /// The words a user reads.
    pub fn label(self) -> &'static str {
        match self {
            Part::EncryptedKey => "encrypted key",
            Part::Iv => "initialization vector",
            Part::KbJwt => "key-binding JWT",
            other => other.id(),
        }
    }
}

const JWS_PARTS: [Part; 3] = [Part::Header, Part::Payload, Part::Signature];
const JWE_PARTS: [Part; 5] = [
    Part::Header,
    Part::EncryptedKey,
    Part::Iv,
    Part::Ciphertext,
    Part::Tag,
];

/// One segment: which part it is and where it sits in [`Token::compact`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub part: Part,
    pub range: Range<usize>,
}

/// What the payload segment holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    /// JSON, as written (a JWT's claims set, or any JSON a JWS carries).
    Json(Value),
    /// UTF-8 text that is not JSON: a JWS may sign any bytes (RFC 7515 §2).
    Text(String),
    /// Bytes that are not UTF-8, kept for a hex display.
    Binary(Vec<u8>),
}

/// What kind of compact serialization the token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Three segments: a signed (or unsecured) token.
    Jws,
    /// Five segments: an encrypted token; only its header can be read without the key.
    Jwe,
}

/// A decoded token.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// The token as it will be verified: the input without whitespace or a `Bearer ` prefix.
    pub compact: String,
    pub kind: Kind,
    pub segments: Vec<Segment>,
    pub header: Value,
    /// `None` for a JWE, whose payload is encrypted.
    pub payload: Option<Payload>,
    /// The decoded signature bytes (empty for `alg: none` or a JWE).
    pub signature: Vec<u8>,
    /// An SD-JWT's disclosures and key-binding JWT, after the issuer-signed JWT's segments.
    pub sd: Option<SdTail>,
    /// A JWS pasted in a JSON serialization: every signature. The token itself is then its
    /// first signature in compact form (with an SD-JWT's disclosures after it, RFC 9901 §8),
    /// which is what is verified, and its header that signature's protected and unprotected
    /// members together.
    pub json: Option<Rc<JsonJws>>,
}

/// A JWS in a JSON serialization (RFC 7515 §7.2), each signature read as a compact JWS.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonJws {
    /// `true` for the flattened syntax (one signature, its members at the top).
    pub flattened: bool,
    pub signatures: Vec<JsonSignature>,
}

/// One signature of a JSON JWS.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonSignature {
    /// Its protected and unprotected header members together (what names its `alg`, `kid`).
    pub header: Value,
    /// `protected.payload.signature`: what verifying it checks.
    pub compact: String,
}

/// What follows an SD-JWT's issuer-signed JWT (RFC 9901 §4), as ranges of [`Token::compact`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SdTail {
    pub disclosures: Vec<Range<usize>>,
    pub kb_jwt: Option<Range<usize>>,
}

impl SdTail {
    /// Reads the tail of `compact` from `start` (its first `~`).
    fn read(compact: &str, start: usize) -> Result<Self, DecodeError> {
        let split = crate::jwt::sd_parts::split(compact)
            .unwrap_or_else(|| Ok(crate::jwt::sd_parts::Parts::default()))
            .map_err(|e| DecodeError::SdJwt(e.to_string()))?;
        let mut at = start + 1;
        let mut disclosures = Vec::with_capacity(split.disclosures.len());
        for d in &split.disclosures {
            disclosures.push(at..at + d.len());
            at += d.len() + 1;
        }
        let kb_jwt = split.kb_jwt.map(|kb| at..at + kb.len());
        Ok(Self {
            disclosures,
            kb_jwt,
        })
    }
}

impl Token {
    /// The text of one segment.
    pub fn segment_text(&self, segment: &Segment) -> &str {
        self.compact.get(segment.range.clone()).unwrap_or("")
    }

    /// The header's `alg`, if it is a string.
    pub fn alg(&self) -> Option<String> {
        self.header.get("alg").and_then(Value::as_str)
    }

    /// The claims object when the payload is JSON.
    pub fn claims(&self) -> Option<&Value> {
        match &self.payload {
            Some(Payload::Json(value)) => Some(value),
            _ => None,
        }
    }
}

/// Why a text could not be decoded as a token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Nothing but whitespace.
    Empty,
    /// Longer than [`MAX_INPUT_BYTES`].
    TooLarge { bytes: usize },
    /// Not 3 (JWS) or 5 (JWE) segments.
    SegmentCount { found: usize },
    /// A segment is not valid base64url; offsets are within the whole token.
    Base64 { part: Part, error: Base64Error },
    /// A segment's bytes are not UTF-8 where text is required.
    NotUtf8 { part: Part, byte: usize },
    /// The header is not JSON.
    Json { part: Part, error: JsonError },
    /// The header is JSON but not an object.
    HeaderNotObject,
    /// A JSON text that is not a JWE in a JSON serialization.
    JsonJwe(String),
    /// A JSON text that is not a JWS in a JSON serialization.
    JsonJws(String),
    /// What follows an SD-JWT's issuer-signed JWT does not split into disclosures.
    SdJwt(String),
}

impl DecodeError {
    /// The segment at fault, if one is.
    pub fn part(&self) -> Option<Part> {
        match self {
            Self::Base64 { part, .. } | Self::NotUtf8 { part, .. } | Self::Json { part, .. } => {
                Some(*part)
            }
            Self::HeaderNotObject => Some(Part::Header),
            _ => None,
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "paste a token to decode it"),
            Self::TooLarge { bytes } => write!(
                f,
                "the input is {} KiB; tokens over {} KiB are not decoded here",
                bytes / 1024,
                MAX_INPUT_BYTES / 1024
            ),
            Self::SegmentCount { found } => write!(
                f,
                "expected 3 segments separated by '.', found {found}{}",
                match found {
                    2 => " (the signature is missing: even an unsigned token ends in '.')",
                    4 | 6.. => " (an encrypted JWE has 5)",
                    _ => "",
                }
            ),
            // The offset counts from the token's first character (the painted mark shows the
            // spot): said, since "payload: … at position 37" reads as inside the payload.
            Self::Base64 { part, error } => {
                write!(f, "{}: {error}", part.label())?;
                if error.offset().is_some() {
                    write!(f, " (counted from the token's first character)")?;
                }
                Ok(())
            }
            Self::NotUtf8 { part, byte } => write!(
                f,
                "{}: not UTF-8 text (invalid byte at decoded offset {byte})",
                part.label()
            ),
            Self::Json { part, error } => write!(f, "{}: not JSON: {error}", part.label()),
            Self::HeaderNotObject => write!(f, "header: must be a JSON object ({{...}})"),
            Self::JsonJwe(why) => write!(f, "a JWE in JSON serialization: {why}"),
            Self::JsonJws(why) => write!(f, "a JWS in JSON serialization: {why}"),
            Self::SdJwt(why) => write!(f, "an SD-JWT: {why}"),
        }
    }
}

/// Strips what people paste around a token: surrounding whitespace, line breaks inside it (a
/// wrapped copy), quotes around it and an `Authorization: Bearer` prefix. Spaces or tabs inside a token are kept,
/// so they are reported: a token with a space in its signature is not the token that was signed.
pub fn clean(input: &str) -> Cow<'_, str> {
    let without_scheme = unwrapped(input.trim());
    // Most pastes have no line breaks: then the token is borrowed, not copied char by char.
    // A single-char `contains` is core's word-at-a-time memchr, several times faster on a
    // 350 KB paste than testing each byte for either of the two.
    if without_scheme.contains('\n') || without_scheme.contains('\r') {
        Cow::Owned(without_scheme.replace(['\r', '\n'], ""))
    } else {
        Cow::Borrowed(without_scheme)
    }
}

/// The token in `text` (trimmed): without quotes around it (as copied from JSON or code), an
/// `Authorization:` header name, a `Bearer` scheme, and the whitespace after each, in any letter
/// case. A slice of `text`, so [`paint`] can tell what is around it: [`clean`] and `paint` both
/// use it, and the colours leave out exactly what decoding leaves out.
fn unwrapped(text: &str) -> &str {
    let text = match text.as_bytes() {
        [open @ (b'"' | b'\''), .., close] if close == open => text[1..text.len() - 1].trim(),
        _ => text,
    };
    let rest = strip_prefix_ignoring_case(text, "authorization:").map_or(text, str::trim_start);
    match strip_prefix_ignoring_case(rest, "bearer") {
        Some(token) if token.starts_with(char::is_whitespace) => token.trim_start(),
        _ => rest,
    }
}

fn strip_prefix_ignoring_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// A run of the input text as typed, for colouring: which part it belongs to (`None` for the
/// dots, whitespace and a `Bearer ` prefix around the token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub part: Option<Part>,
    pub range: Range<usize>,
}

/// Whether `compact` has a JWE's five segments, whether or not they decode yet.
pub fn jwe_shaped(compact: &str) -> bool {
    // An SD-JWT's key-binding JWT, after a `~`, brings dots of its own.
    let signed = compact.split('~').next().unwrap_or_default();
    signed.matches('.').count() == 4
}

/// Splits the text as typed into coloured runs. Works on any text, decodable or not, so the
/// colours stay on while the user is still typing.
pub fn paint(input: &str) -> Vec<Run> {
    let start = input.len() - input.trim_start().len();
    let end = input.trim_end().len().max(start);
    let body = &input[start..end];
    let token = unwrapped(body);
    // `token` is a slice of `body`: where it starts within it.
    let prefix = token.as_ptr() as usize - body.as_ptr() as usize;
    let end = start + prefix + token.len();
    let mut runs = Vec::new();
    if start + prefix > 0 {
        runs.push(Run {
            part: None,
            range: 0..start + prefix,
        });
    }
    // A JSON serialization: its members are not segments, and it is left uncoloured.
    if token.starts_with('{') {
        runs.push(Run {
            part: None,
            range: start + prefix..input.len(),
        });
        return runs;
    }
    // An SD-JWT: the issuer-signed JWT, then each disclosure and the key-binding JWT after `~`s.
    let mut signed_and_tail = token.split('~');
    let signed = signed_and_tail.next().unwrap_or_default();
    let parts: &[Part] = if jwe_shaped(signed) {
        &JWE_PARTS
    } else {
        &JWS_PARTS
    };
    let mut at = start + prefix;
    for (index, piece) in signed.split('.').enumerate() {
        if index > 0 {
            runs.push(Run {
                part: None,
                range: at..at + 1,
            });
            at += 1;
        }
        if !piece.is_empty() {
            runs.push(Run {
                part: parts.get(index).copied(),
                range: at..at + piece.len(),
            });
        }
        at += piece.len();
    }
    let mut tail = signed_and_tail.peekable();
    while let Some(piece) = tail.next() {
        runs.push(Run {
            part: None,
            range: at..at + 1,
        });
        at += 1;
        if !piece.is_empty() {
            let last = tail.peek().is_none();
            runs.push(Run {
                part: Some(if last { Part::KbJwt } else { Part::Disclosure }),
                range: at..at + piece.len(),
            });
        }
        at += piece.len();
    }
    if end < input.len() {
        runs.push(Run {
            part: None,
            range: end..input.len(),
        });
    }
    runs
}

/// Pasted text over [`MAX_INPUT_BYTES`] is refused, before any work on it.
fn within_limit(input: &str) -> Result<(), DecodeError> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(DecodeError::TooLarge { bytes: input.len() });
    }
    Ok(())
}

/// Decodes pasted text as a compact JWS or JWE.
pub fn decode(input: &str) -> Result<Token, DecodeError> {
    within_limit(input)?;
    decode_compact(clean(input))
}

/// [`decode`] of `input` for a caller that already has `compact`, what [`clean`] made of it, to
/// compare it with the token shown (a large paste is then scanned once, not twice).
pub fn decode_clean(input: &str, compact: Cow<'_, str>) -> Result<Token, DecodeError> {
    within_limit(input)?;
    decode_compact(compact)
}

/// Decodes the token `clean` left of the pasted text.
fn decode_compact(compact: Cow<'_, str>) -> Result<Token, DecodeError> {
    if compact.starts_with('{') {
        let json =
            json::parse(&compact).map_err(|e| DecodeError::JsonJwe(format!("not JSON: {e}")))?;
        if json.get("payload").is_some() && json.get("ciphertext").is_none() {
            return decode_json_jws(&json);
        }
        return decode_json_jwe(&compact);
    }
    let (kind, segments) = split(&compact)?;
    // An SD-JWT: the issuer-signed JWT's segments end at its first `~`.
    let jws_end = segments.last().map_or(0, |s| s.range.end);
    let sd = match (jws_end < compact.len(), kind) {
        (false, _) => None,
        (true, Kind::Jws) => Some(SdTail::read(&compact, jws_end)?),
        (true, Kind::Jwe) => {
            return Err(DecodeError::SdJwt(
                "an encrypted token (five segments) followed by ~: only a signed JWT carries disclosures".into(),
            ));
        }
    };

    let header = decode_header(&compact, &segments[0])?;
    let (payload, signature) = match kind {
        Kind::Jws => {
            let payload = decode_payload(&compact, &segments[1], &header)?;
            let signature = base64(&compact, &segments[2])?;
            (Some(payload), signature)
        }
        Kind::Jwe => {
            // The encrypted parts cannot be read, but they must still be base64url.
            for segment in &segments[1..] {
                base64(&compact, segment)?;
            }
            (None, Vec::new())
        }
    };
    Ok(Token {
        compact: compact.into_owned(),
        kind,
        segments,
        header,
        payload,
        signature,
        sd,
        json: None,
    })
}

/// Where a segment stops being valid, for marking it in the coloured view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub part: Part,
    /// The character within the segment's text (as in [`Token::compact`]) where it breaks;
    /// `None` when the segment is wrong as a whole (its length, or what it decodes to).
    pub at: Option<usize>,
}

/// What can still be read of a token that does not decode: each segment decoded on its own, so
/// that one bad segment hides only itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Salvage {
    /// Every error, in segment order; the first is what [`decode`] reports.
    pub errors: Vec<DecodeError>,
    pub marks: Vec<Mark>,
    pub header: Option<Value>,
    /// The payload when the token has the JWS shape and its payload segment decodes.
    pub payload: Option<Payload>,
}

/// Decodes each segment of `input` on its own. Only the JWS and JWE shapes have segments to
/// read: for any other text (and for an input [`decode`] refuses as a whole) the errors are
/// [`decode`]'s and nothing is salvaged.
pub fn salvage(input: &str) -> Salvage {
    let whole = |error| Salvage {
        errors: vec![error],
        marks: Vec::new(),
        header: None,
        payload: None,
    };
    if let Err(error) = within_limit(input) {
        return whole(error);
    }
    let compact = clean(input);
    // A JSON serialization has no segments to salvage: its own error says what is wrong.
    if compact.starts_with('{')
        && let Err(error) = decode_compact(compact.clone())
    {
        return whole(error);
    }
    let mut errors = Vec::new();
    let (kind, segments) = match split(&compact) {
        Ok(split) => split,
        // A JWS whose signature was cut off (or never written): its header and payload still read.
        Err(error @ DecodeError::SegmentCount { found: 2 }) => {
            errors.push(error);
            let segments = JWS_PARTS
                .iter()
                .zip(pieces(&compact))
                .map(|(&part, range)| Segment { part, range })
                .collect();
            (Kind::Jws, segments)
        }
        Err(error) => return whole(error),
    };
    let header = decode_header(&compact, &segments[0])
        .map_err(|e| errors.push(e))
        .ok();
    let mut payload = None;
    match kind {
        Kind::Jws => {
            // Without a header, "b64" is unknown: the payload is read as base64url, as usual.
            let no_header = Value::Object(Vec::new());
            payload = decode_payload(
                &compact,
                &segments[1],
                header.as_ref().unwrap_or(&no_header),
            )
            .map_err(|e| errors.push(e))
            .ok();
            if let Some(Err(error)) = segments.get(2).map(|s| base64(&compact, s)) {
                errors.push(error);
            }
        }
        Kind::Jwe => {
            for segment in &segments[1..] {
                if let Err(error) = base64(&compact, segment) {
                    errors.push(error);
                }
            }
        }
    }
    let marks = errors
        .iter()
        .filter_map(|error| {
            let part = error.part()?;
            let start = segments.iter().find(|s| s.part == part)?.range.start;
            let at = match error {
                DecodeError::Base64 { error, .. } => error
                    .offset()
                    .map(|offset| offset.saturating_sub(compact[..start].chars().count())),
                _ => None,
            };
            Some(Mark { part, at })
        })
        .collect();
    Salvage {
        errors,
        marks,
        header,
        payload,
    }
}

/// Where each '.'-separated piece of `compact` lies: of an SD-JWT, those of its issuer-signed
/// JWT, before the first `~` (a JWS's alphabet has no `~`).
fn pieces(compact: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::with_capacity(5);
    let mut start = 0;
    let signed = compact.split('~').next().unwrap_or_default();
    for piece in signed.split('.') {
        ranges.push(start..start + piece.len());
        start += piece.len() + 1;
    }
    ranges
}

/// The compact token's segments, named by the token's shape.
fn split(compact: &str) -> Result<(Kind, Vec<Segment>), DecodeError> {
    if compact.is_empty() {
        return Err(DecodeError::Empty);
    }
    let ranges = pieces(compact);
    let (kind, parts): (Kind, &[Part]) = match ranges.len() {
        3 => (Kind::Jws, &JWS_PARTS),
        5 => (Kind::Jwe, &JWE_PARTS),
        found => return Err(DecodeError::SegmentCount { found }),
    };
    let segments = parts
        .iter()
        .zip(ranges)
        .map(|(&part, range)| Segment { part, range })
        .collect();
    Ok((kind, segments))
}

/// A JWE in a JSON serialization (RFC 7516 §7.2, flattened or general): its header is the
/// protected and shared unprotected members, and a sole recipient's own; it has no segments.
fn decode_json_jwe(text: &str) -> Result<Token, DecodeError> {
    let not_jwe = |why: String| DecodeError::JsonJwe(why);
    let json = json::parse(text).map_err(|e| not_jwe(format!("not JSON: {e}")))?;
    if json.get("ciphertext").and_then(Value::as_str).is_none() {
        return Err(not_jwe(
            "a JSON token here is a JWE, and this one has no \"ciphertext\"".into(),
        ));
    }
    let (_, protected) = protected_of(&json).map_err(not_jwe)?;
    let empty = Value::Object(Vec::new());
    let shared = json.get("unprotected").unwrap_or(&empty);
    let own = match json.get("recipients") {
        Some(Value::Array(items)) if items.len() == 1 => items[0].get("header").unwrap_or(&empty),
        Some(_) => &empty,
        None => json.get("header").unwrap_or(&empty),
    };
    let header = joined_header(&[&protected, shared, own]).map_err(not_jwe)?;
    Ok(Token {
        compact: text.to_string(),
        kind: Kind::Jwe,
        segments: Vec::new(),
        header,
        payload: None,
        signature: Vec::new(),
        sd: None,
        json: None,
    })
}

/// A JWS in a JSON serialization, general or flattened (RFC 7515 §7.2), read as its first
/// signature's compact form; an SD-JWT's `disclosures` and `kb_jwt` in that signature's
/// unprotected header follow it as in the compact SD-JWT (RFC 9901 §8), so the key-binding
/// JWT's `sd_hash` is taken over that compact form.
fn decode_json_jws(json: &Value) -> Result<Token, DecodeError> {
    let fail = |why: &str| DecodeError::JsonJws(why.to_string());
    let payload = json
        .get("payload")
        .and_then(Value::as_str)
        .ok_or_else(|| fail("its \"payload\" is not a base64url string"))?;
    let (flattened, entries): (bool, Vec<&Value>) = match json.get("signatures") {
        Some(Value::Array(items)) => (false, items.iter().collect()),
        Some(_) => return Err(fail("\"signatures\" is not an array")),
        None => (true, vec![json]),
    };
    if entries.is_empty() {
        return Err(fail("it has no signature"));
    }
    if entries.len() > MAX_JSON_SIGNATURES {
        return Err(DecodeError::JsonJws(format!(
            "{} signatures: more than the {MAX_JSON_SIGNATURES} this page reads",
            entries.len()
        )));
    }
    let mut signatures = Vec::with_capacity(entries.len());
    let mut tail = String::new();
    for (index, entry) in entries.iter().enumerate() {
        let at = |why: String| DecodeError::JsonJws(format!("signature {}: {why}", index + 1));
        let (protected_text, protected) = protected_of(entry).map_err(at)?;
        if protected_text.is_empty() {
            return Err(at(
                "it has no protected header: its alg would be unprotected, which this page does not verify".into(),
            ));
        }
        let signature = entry
            .get("signature")
            .and_then(Value::as_str)
            .ok_or_else(|| at("it has no \"signature\" string".into()))?;
        let empty = Value::Object(Vec::new());
        let unprotected = entry.get("header").unwrap_or(&empty);
        if !matches!(unprotected, Value::Object(_)) {
            return Err(at("its \"header\" is not an object".into()));
        }
        // An SD-JWT's parts travel in the first signature's unprotected header (RFC 9901 §8).
        let mut members = Vec::new();
        for member in unprotected.members() {
            match (index, json::unescape(&member.key).as_str()) {
                (0, "disclosures") => {
                    let Value::Array(items) = &member.value else {
                        return Err(at("\"disclosures\" is not an array".into()));
                    };
                    for item in items {
                        let text = item
                            .as_str()
                            .ok_or_else(|| at("a disclosure is not a string".into()))?;
                        tail.push('~');
                        tail.push_str(&text);
                    }
                    tail.push('~');
                }
                (0, "kb_jwt") => {}
                _ => members.push(member.clone()),
            }
        }
        if index == 0
            && let Some(kb) = unprotected.get("kb_jwt")
        {
            let kb = kb
                .as_str()
                .ok_or_else(|| at("\"kb_jwt\" is not a string".into()))?;
            if tail.is_empty() {
                tail.push('~');
            }
            tail.push_str(&kb);
        }
        let header = joined_header(&[&protected, &Value::Object(members)]).map_err(at)?;
        signatures.push(JsonSignature {
            header,
            compact: format!("{protected_text}.{payload}.{signature}"),
        });
    }
    let first = &signatures[0];
    let mut token = decode_compact(Cow::Owned(format!("{}{tail}", first.compact)))?;
    token.header = first.header.clone();
    token.json = Some(Rc::new(JsonJws {
        flattened,
        signatures,
    }));
    Ok(token)
}

/// More signatures than this in one JSON JWS are refused (each is verified).
pub const MAX_JSON_SIGNATURES: usize = 64;

/// The members of a JSON JWE's header objects, together; the same name twice is refused
/// (RFC 7516 §7.2.1: the header parameter sets must be disjoint).
pub fn joined_header(parts: &[&Value]) -> Result<Value, String> {
    let mut members: Vec<json::Member> = Vec::new();
    // A set: a header of many members must not cost a comparison of each with every other.
    let mut names = std::collections::HashSet::new();
    for part in parts {
        for member in part.members() {
            let name = json::unescape(&member.key);
            if names.contains(&name) {
                return Err(format!(
                    "\"{name}\" is in more than one of the token's headers"
                ));
            }
            names.insert(name);
            members.push(member.clone());
        }
    }
    Ok(Value::Object(members))
}

/// The protected header of a JSON JWE, decoded (an empty object when there is none).
pub fn protected_of(json: &Value) -> Result<(String, Value), String> {
    match json.get("protected") {
        None => Ok((String::new(), Value::Object(Vec::new()))),
        Some(value) => {
            let text = value
                .as_str()
                .ok_or_else(|| "\"protected\" is not a string".to_string())?;
            let bytes = base64url::decode(&text).map_err(|e| format!("\"protected\": {e}"))?;
            let header = String::from_utf8(bytes)
                .ok()
                .and_then(|t| json::parse(&t).ok())
                .filter(|v| matches!(v, Value::Object(_)))
                .ok_or_else(|| "\"protected\" is not a JSON object".to_string())?;
            Ok((text, header))
        }
    }
}

/// Decodes one segment's base64url, reporting positions within the whole token.
fn base64(compact: &str, segment: &Segment) -> Result<Vec<u8>, DecodeError> {
    let text = &compact[segment.range.clone()];
    base64url::decode(text).map_err(|error| {
        // The token is checked character by character, so characters before it are counted.
        let before = compact[..segment.range.start].chars().count();
        DecodeError::Base64 {
            part: segment.part,
            error: error.shifted(before),
        }
    })
}

fn decode_header(compact: &str, segment: &Segment) -> Result<Value, DecodeError> {
    let bytes = base64(compact, segment)?;
    let text = String::from_utf8(bytes).map_err(|e| DecodeError::NotUtf8 {
        part: Part::Header,
        byte: e.utf8_error().valid_up_to(),
    })?;
    let header = json::parse(&text).map_err(|error| DecodeError::Json {
        part: Part::Header,
        error,
    })?;
    match header {
        Value::Object(_) => Ok(header),
        _ => Err(DecodeError::HeaderNotObject),
    }
}

fn decode_payload(
    compact: &str,
    segment: &Segment,
    header: &Value,
) -> Result<Payload, DecodeError> {
    // RFC 7797: with "b64": false the payload travels as it is, not base64url-encoded.
    let bytes = if header.get("b64") == Some(&Value::Bool(false)) {
        compact[segment.range.clone()].as_bytes().to_vec()
    } else {
        base64(compact, segment)?
    };
    Ok(match String::from_utf8(bytes) {
        Ok(text) => match json::parse(&text) {
            Ok(value) => Payload::Json(value),
            Err(_) => Payload::Text(text),
        },
        Err(e) => Payload::Binary(e.into_bytes()),
    })
}

/// Whether `b` keeps `a`'s signed part (header and payload) or its signature: `b` is then `a`
/// with something changed, not another token. Compared after [`clean`].
pub fn shares_a_part(a: &str, b: &str) -> bool {
    let (a, b) = (clean(a), clean(b));
    let split = |t: &str| {
        t.rsplit_once('.')
            .map(|(signed, sig)| (signed.to_string(), sig.to_string()))
    };
    match (split(&a), split(&b)) {
        (Some((a_signed, a_sig)), Some((b_signed, b_sig))) => {
            a_signed == b_signed || (!a_sig.is_empty() && a_sig == b_sig)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const JWT_IO: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    fn make(header: &str, payload: &str) -> String {
        format!(
            "{}.{}.c2ln",
            base64url::encode(header.as_bytes()),
            base64url::encode(payload.as_bytes())
        )
    }

    #[test]
    fn salvage_reads_every_segment_that_decodes() {
        // One stray character in the payload: the header and signature still decode.
        let good = make(r#"{"alg":"HS256"}"#, r#"{"sub":"x"}"#);
        let dots: Vec<usize> = good.match_indices('.').map(|(i, _)| i).collect();
        let bad = format!("{}!{}", &good[..dots[0] + 3], &good[dots[0] + 3..]);
        let salvage = super::salvage(&bad);
        assert_eq!(salvage.errors.len(), 1);
        assert_eq!(salvage.errors[0], decode(&bad).unwrap_err());
        assert_eq!(salvage.errors[0].part(), Some(Part::Payload));
        assert_eq!(
            salvage.marks,
            vec![Mark {
                part: Part::Payload,
                at: Some(2)
            }]
        );
        assert_eq!(
            salvage
                .header
                .and_then(|h| h.get("alg").and_then(Value::as_str)),
            Some("HS256".into())
        );
        assert_eq!(salvage.payload, None);

        // A bad header hides neither the payload nor the signature.
        let bad = format!("e!{}", &good[2..]);
        let salvage = super::salvage(&bad);
        assert_eq!(
            salvage.marks,
            vec![Mark {
                part: Part::Header,
                at: Some(1)
            }]
        );
        assert!(salvage.header.is_none());
        assert!(matches!(salvage.payload, Some(Payload::Json(_))));

        // A bad signature: both JSON parts decode, the signature is marked where it breaks.
        let bad = format!("{}=", good);
        let salvage = super::salvage(&bad);
        assert_eq!(salvage.errors[0].part(), Some(Part::Signature));
        assert_eq!(
            salvage.marks,
            vec![Mark {
                part: Part::Signature,
                at: Some(4)
            }]
        );
        assert!(salvage.header.is_some() && salvage.payload.is_some());
    }

    #[test]
    fn salvage_reads_the_header_and_payload_of_a_token_whose_signature_was_cut_off() {
        let whole = make(r#"{"alg":"HS256"}"#, r#"{"sub":"bob"}"#);
        let cut = &whole[..whole.rfind('.').unwrap()];
        let salvage = super::salvage(cut);
        assert_eq!(salvage.errors, vec![DecodeError::SegmentCount { found: 2 }]);
        assert!(
            salvage.errors[0]
                .to_string()
                .contains("signature is missing")
        );
        assert!(salvage.marks.is_empty());
        assert_eq!(
            salvage
                .header
                .and_then(|h| h.get("alg").and_then(|a| a.as_str())),
            Some("HS256".to_string())
        );
        assert!(matches!(salvage.payload, Some(Payload::Json(_))));
        // A bad payload is still marked where it breaks.
        let salvage = super::salvage(&format!("{}.e!", &cut[..cut.find('.').unwrap()]));
        assert_eq!(salvage.marks.len(), 1);
        assert_eq!(salvage.marks[0].part, Part::Payload);
        assert!(salvage.header.is_some() && salvage.payload.is_none());
    }

    #[test]
    fn salvage_marks_a_segment_wrong_as_a_whole_and_reads_nothing_of_other_shapes() {
        // Valid base64url that is not JSON: the whole header is marked, the payload still read.
        let bad = format!(
            "{}.{}.c2ln",
            base64url::encode(b"{not json"),
            base64url::encode(b"{}")
        );
        let salvage = super::salvage(&bad);
        assert_eq!(
            salvage.marks,
            vec![Mark {
                part: Part::Header,
                at: None
            }]
        );
        assert!(matches!(salvage.payload, Some(Payload::Json(_))));
        // Two bad segments: two errors, in segment order, two marks.
        let bad = format!("e!.{}.c2ln=", base64url::encode(b"{}"));
        let parts: Vec<_> = super::salvage(&bad)
            .marks
            .into_iter()
            .map(|m| m.part)
            .collect();
        assert_eq!(parts, vec![Part::Header, Part::Signature]);
        // Not a token's shape: decode's error, nothing salvaged.
        let salvage = super::salvage("a.b.c.d");
        assert_eq!(salvage.errors, vec![DecodeError::SegmentCount { found: 4 }]);
        assert!(salvage.marks.is_empty() && salvage.header.is_none());
        // Positions count characters after a Bearer prefix and surrounding whitespace.
        let salvage = super::salvage(&format!("  Bearer e!{}", &make("{}", "{}")[2..]));
        assert_eq!(
            salvage.marks,
            vec![Mark {
                part: Part::Header,
                at: Some(1)
            }]
        );
    }

    #[test]
    fn decodes_the_jwt_io_example() {
        let token = decode(JWT_IO).unwrap();
        assert_eq!(token.kind, Kind::Jws);
        assert_eq!(token.alg().as_deref(), Some("HS256"));
        assert_eq!(
            token.header.pretty(),
            "{\n  \"alg\": \"HS256\",\n  \"typ\": \"JWT\"\n}"
        );
        let claims = token.claims().unwrap();
        assert_eq!(
            claims.minified(),
            r#"{"sub":"1234567890","name":"John Doe","iat":1516239022}"#
        );
        assert_eq!(token.signature.len(), 32);
        let texts: Vec<&str> = token
            .segments
            .iter()
            .map(|s| token.segment_text(s))
            .collect();
        assert_eq!(texts.join("."), JWT_IO);
    }

    #[test]
    fn ignores_whitespace_line_breaks_and_bearer() {
        let messy = format!("  Bearer {}\n{}\r\n ", &JWT_IO[..40], &JWT_IO[40..]);
        assert_eq!(decode(&messy).unwrap().compact, JWT_IO);
        assert_eq!(clean(&format!("Authorization: bearer {JWT_IO}")), JWT_IO);
        assert_eq!(clean(&format!("\tBEARER {JWT_IO}")), JWT_IO);
        assert_eq!(decode(&format!("\"{JWT_IO}\"")).unwrap().compact, JWT_IO);
        assert_eq!(clean(&format!("'Bearer {JWT_IO}'")), JWT_IO);
        // Each line break alone is found: a bare CR (old Mac text) and a bare LF.
        for wrap in ["\r", "\n"] {
            let wrapped = format!("{}{wrap}{}", &JWT_IO[..50], &JWT_IO[50..]);
            assert_eq!(clean(&wrapped), JWT_IO);
            assert_eq!(
                decode_clean(&wrapped, clean(&wrapped)).unwrap().compact,
                JWT_IO
            );
        }
        // A space inside is not a line break: it stays, and decoding says where it is.
        let spaced = format!("{}.    {}", &JWT_IO[..36], &JWT_IO[37..]);
        assert_eq!(
            decode(&spaced).unwrap_err().to_string(),
            "payload: invalid base64url character ' ' at position 37 (counted from the token's first character)"
        );
    }

    #[test]
    fn keeps_number_text_and_duplicates() {
        let token = decode(&make(
            r#"{"alg":"none"}"#,
            r#"{"n":12345678901234567890,"f":3.0,"n":1}"#,
        ))
        .unwrap();
        assert_eq!(
            token.claims().unwrap().pretty(),
            "{\n  \"n\": 12345678901234567890,\n  \"f\": 3.0,\n  \"n\": 1\n}"
        );
    }

    #[test]
    fn unknown_and_none_algorithms_decode() {
        assert_eq!(
            decode(&make(r#"{"alg":"none"}"#, "{}"))
                .unwrap()
                .alg()
                .as_deref(),
            Some("none")
        );
        assert_eq!(
            decode(&make(r#"{"alg":"XY999"}"#, "{}"))
                .unwrap()
                .alg()
                .as_deref(),
            Some("XY999")
        );
        let unsigned = format!(
            "{}.{}.",
            base64url::encode(br#"{"alg":"none"}"#),
            base64url::encode(b"{}")
        );
        assert!(decode(&unsigned).unwrap().signature.is_empty());
    }

    #[test]
    fn segment_count_errors() {
        assert_eq!(
            decode("abc.def").unwrap_err().to_string(),
            "expected 3 segments separated by '.', found 2 (the signature is missing: even an unsigned token ends in '.')"
        );
        assert_eq!(
            decode("a.b.c.d").unwrap_err(),
            DecodeError::SegmentCount { found: 4 }
        );
        assert_eq!(decode(" \n ").unwrap_err(), DecodeError::Empty);
    }

    #[test]
    fn base64_errors_name_the_part_and_the_position_in_the_token() {
        let mut bad = JWT_IO.to_string();
        bad.replace_range(37..38, "!");
        let err = decode(&bad).unwrap_err();
        assert_eq!(err.part(), Some(Part::Payload));
        assert_eq!(
            err.to_string(),
            "payload: invalid base64url character '!' at position 37 (counted from the token's first character)"
        );
        let err = decode(&format!("{}=", JWT_IO)).unwrap_err();
        assert_eq!(err.part(), Some(Part::Signature));
        assert!(
            err.to_string()
                .starts_with("signature: '=' padding at position")
        );
        let err = decode("eyJhbGciOiJub25lIn0AB.e30.").unwrap_err();
        assert_eq!(
            err,
            DecodeError::Base64 {
                part: Part::Header,
                error: Base64Error::Truncated { len: 21 }
            }
        );
    }

    #[test]
    fn header_json_errors() {
        let err = decode(&make(r#"{"alg" "HS256"}"#, "{}")).unwrap_err();
        assert_eq!(err.part(), Some(Part::Header));
        assert_eq!(
            err.to_string(),
            "header: not JSON: expected ':' at line 1 column 8, found '\"'"
        );
        let err = decode(&make(r#"{"alg":"HS256",}"#, "{}")).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("header: not JSON: expected '\"' to start a key at line 1 column 16")
        );
        assert_eq!(
            decode(&make("[1]", "{}")).unwrap_err(),
            DecodeError::HeaderNotObject
        );
        let not_utf8 = format!("{}.e30.", base64url::encode(&[0x7b, 0xff, 0x7d]));
        assert_eq!(
            decode(&not_utf8).unwrap_err(),
            DecodeError::NotUtf8 {
                part: Part::Header,
                byte: 1
            }
        );
    }

    #[test]
    fn payload_that_is_not_json_is_text_or_bytes() {
        let token = decode(&make(r#"{"alg":"HS256"}"#, "hello, world")).unwrap();
        assert_eq!(token.payload, Some(Payload::Text("hello, world".into())));
        let binary = format!(
            "{}.{}.",
            base64url::encode(br#"{"alg":"none"}"#),
            base64url::encode(&[0, 0xff, 0xfe])
        );
        assert_eq!(
            decode(&binary).unwrap().payload,
            Some(Payload::Binary(vec![0, 0xff, 0xfe]))
        );
    }

    #[test]
    fn unencoded_payload_rfc7797() {
        let text = format!(
            "{}.$.02.c2ln",
            base64url::encode(br#"{"alg":"HS256","b64":false,"crit":["b64"]}"#)
        );
        // "$.02" contains a '.', so it has 4 segments: detached payloads are the usual form.
        assert_eq!(
            decode(&text).unwrap_err(),
            DecodeError::SegmentCount { found: 4 }
        );
        let text = format!(
            "{}.$02.c2ln",
            base64url::encode(br#"{"alg":"HS256","b64":false,"crit":["b64"]}"#)
        );
        assert_eq!(
            decode(&text).unwrap().payload,
            Some(Payload::Text("$02".into()))
        );
    }

    #[test]
    fn five_segments_are_a_jwe() {
        let jwe = "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGeipsEdY3mx_etLbbWSrFr05kLzcSr4qKAq7YN7e9jwQRb23nfa6c9d-StnImGyFDbSv04uVuxIp5Zms1gNxKKK2Da14B8S4rzVRltdYwam_lDp5XnZAYpQdb76FdIKLaVmqgfwX7XWRxv2322i-vDxRfqNzo_tETKzpVLzfiwQyeyPGLBIO56YJ7eObdv0je81860ppamavo35UgoRdbYaBcoh9QcfylQr66oc6vFWXRcZ_ZT2LawVCWTIy3brGPi6UklfCpIMfIjf7iGdXKHzg.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ";
        let token = decode(jwe).unwrap();
        assert_eq!(token.kind, Kind::Jwe);
        assert_eq!(token.payload, None);
        assert_eq!(token.alg().as_deref(), Some("RSA-OAEP"));
        let parts: Vec<&str> = token.segments.iter().map(|s| s.part.id()).collect();
        assert_eq!(
            parts,
            ["header", "encrypted-key", "iv", "ciphertext", "tag"]
        );
        let bad = jwe.replace(".48V1_", ".48V1+");
        assert_eq!(decode(&bad).unwrap_err().part(), Some(Part::Iv));
    }

    #[test]
    fn paint_leaves_uncoloured_exactly_what_clean_strips() {
        for (input, token) in [
            ("Authorization: Bearer  ab.cd.ef", "ab.cd.ef"),
            ("authorization:bearer\tab.cd.ef ", "ab.cd.ef"),
            (" Bearer  ab.cd.ef", "ab.cd.ef"),
            ("BEARER\nab.cd.ef", "ab.cd.ef"),
            ("AUTHORIZATION: ab.cd.ef", "ab.cd.ef"),
            // Quoted, as copied from JSON or code.
            ("\"ab.cd.ef\",", "\"ab.cd.ef\","),
            (" \"ab.cd.ef\"\n", "ab.cd.ef"),
            ("'Bearer ab.cd.ef'", "ab.cd.ef"),
            ("\"", "\""),
            // Not a scheme: no whitespace after it.
            ("Bearerab.cd.ef", "Bearerab.cd.ef"),
        ] {
            assert_eq!(clean(input), token, "{input:?}");
            let runs = paint(input);
            let first = runs.iter().find(|r| r.part.is_some()).unwrap();
            assert_eq!(first.range.start, input.find(token).unwrap(), "{input:?}");
            let painted: String = runs
                .iter()
                .filter(|r| r.part.is_some() || &input[r.range.clone()] == ".")
                .map(|r| &input[r.range.clone()])
                .collect();
            assert_eq!(painted, token, "{input:?}");
            // Every byte of the input is in exactly one run, in order.
            let covered: String = runs.iter().map(|r| &input[r.range.clone()]).collect();
            assert_eq!(covered, input, "{input:?}");
        }
    }

    #[test]
    fn paint_colours_the_text_as_typed() {
        let runs = paint(" Bearer ab.cd.ef\n");
        let shown: Vec<(Option<&str>, &str)> = runs
            .iter()
            .map(|r| (r.part.map(Part::id), &" Bearer ab.cd.ef\n"[r.range.clone()]))
            .collect();
        assert_eq!(
            shown,
            [
                (None, " Bearer "),
                (Some("header"), "ab"),
                (None, "."),
                (Some("payload"), "cd"),
                (None, "."),
                (Some("signature"), "ef"),
                (None, "\n")
            ]
        );
        let jwe: Vec<Option<Part>> = paint("a.b.c.d.e")
            .iter()
            .filter(|r| r.part.is_some())
            .map(|r| r.part)
            .collect();
        assert_eq!(jwe.last(), Some(&Some(Part::Tag)));
        assert_eq!(paint("a.b.").len(), 4);
        assert!(paint("").is_empty());
        assert!(paint("   ").iter().all(|r| r.part.is_none()));
        assert_eq!(
            paint("a.b.c.d.e.f")
                .iter()
                .filter(|r| r.part.is_none())
                .count(),
            5 + 3
        );
    }

    #[test]
    fn oversized_input_is_refused() {
        let big = "a".repeat(MAX_INPUT_BYTES + 1);
        assert!(matches!(decode(&big), Err(DecodeError::TooLarge { .. })));
        assert!(decode(&big).unwrap_err().to_string().contains("4096 KiB"));
    }

    #[test]
    fn a_token_with_one_part_changed_shares_the_others() {
        assert!(super::shares_a_part("a.b.c", "a.b.d"));
        assert!(super::shares_a_part("a.b.c", "a.x.c"));
        assert!(super::shares_a_part("Bearer a.b.c", "a.b.c\n"));
        assert!(!super::shares_a_part("a.b.c", "x.y.z"));
        assert!(!super::shares_a_part("", "x.y.z"));
        // An unsigned token's empty signature is not a part two tokens share.
        assert!(!super::shares_a_part("a.b.", "x.y."));
    }
}
