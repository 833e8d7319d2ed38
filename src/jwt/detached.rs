//! A JWS whose payload is given beside it: detached (RFC 7515 Appendix F, `header..signature`)
//! or unencoded (RFC 7797, `"b64": false`), and the token as verified once a payload is given.

use super::base64url;
use super::json::{self, Value};
use super::token::{Kind, Payload, Segment, Token};

/// Whether a compact JWS carries no payload: its payload segment is empty, so what was signed
/// travels apart from it.
pub fn is_detached(token: &Token) -> bool {
    token.kind == Kind::Jws && token.segments.get(1).is_some_and(|s| s.range.is_empty())
}

/// Whether the header says `"b64": false`: the payload is signed as its own bytes.
pub fn is_unencoded(token: &Token) -> bool {
    token.header.get("b64") == Some(&Value::Bool(false))
}

/// Whether the page offers a box for the payload: the token is detached, or unencoded (whose
/// payload, often holding a '.', is usually sent apart too).
pub fn takes_payload(token: &Token) -> bool {
    token.kind == Kind::Jws && (is_detached(token) || is_unencoded(token))
}

/// `token` with `payload` (the payload's text, exactly as given) in its payload segment: encoded
/// as base64url, or as it is under `"b64": false`, so that its signing input is what the signer
/// signed (RFC 7515 §5.2, RFC 7797 §3). Segments are set by position: an unencoded payload may
/// hold '.', which splitting the text again would misread.
pub fn attach(token: &Token, payload: &str) -> Token {
    let segment = |i: usize| {
        token
            .segments
            .get(i)
            .map_or("", |s: &Segment| token.segment_text(s))
    };
    let (header, signature) = (segment(0), segment(2));
    let payload_segment = if is_unencoded(token) {
        payload.to_string()
    } else {
        base64url::encode(payload.as_bytes())
    };
    let compact = format!("{header}.{payload_segment}.{signature}");
    let payload_start = header.len() + 1;
    let signature_start = payload_start + payload_segment.len() + 1;
    let mut segments = token.segments.clone();
    if let [first, second, third, ..] = segments.as_mut_slice() {
        first.range = 0..header.len();
        second.range = payload_start..payload_start + payload_segment.len();
        third.range = signature_start..compact.len();
    }
    segments.truncate(3);
    Token {
        compact,
        segments,
        payload: Some(match json::parse(payload) {
            Ok(value) => Payload::Json(value),
            Err(_) => Payload::Text(payload.to_string()),
        }),
        // What follows the signature (an SD-JWT's disclosures) is not part of what it signs.
        sd: None,
        json: None,
        ..token.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::token;

    fn header(json: &str) -> String {
        base64url::encode(json.as_bytes())
    }

    #[test]
    fn a_detached_payload_is_encoded_unless_b64_is_false() {
        let plain = token::decode(&format!("{}..c2ln", header(r#"{"alg":"HS256"}"#))).unwrap();
        assert!(is_detached(&plain) && takes_payload(&plain) && !is_unencoded(&plain));
        let attached = attach(&plain, r#"{"sub":"bob"}"#);
        assert_eq!(
            attached.compact,
            format!("{}.eyJzdWIiOiJib2IifQ.c2ln", header(r#"{"alg":"HS256"}"#))
        );
        assert_eq!(attached.segment_text(&attached.segments[2]), "c2ln");
        assert!(matches!(attached.payload, Some(Payload::Json(_))));

        let raw = header(r#"{"alg":"HS256","b64":false,"crit":["b64"]}"#);
        let unencoded = token::decode(&format!("{raw}..c2ln")).unwrap();
        let attached = attach(&unencoded, "$.02");
        assert_eq!(attached.compact, format!("{raw}.$.02.c2ln"));
        assert_eq!(attached.segment_text(&attached.segments[1]), "$.02");
        assert_eq!(attached.segment_text(&attached.segments[2]), "c2ln");
        assert_eq!(attached.payload, Some(Payload::Text("$.02".into())));
    }

    #[test]
    fn an_attached_token_takes_no_payload_unless_unencoded() {
        let attached =
            token::decode(&format!("{}.e30.c2ln", header(r#"{"alg":"HS256"}"#))).unwrap();
        assert!(!takes_payload(&attached));
        let raw = header(r#"{"alg":"HS256","b64":false,"crit":["b64"]}"#);
        let unencoded = token::decode(&format!("{raw}.$02.c2ln")).unwrap();
        assert!(takes_payload(&unencoded) && !is_detached(&unencoded));
    }
}
