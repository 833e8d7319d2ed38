//! Interoperability for detached payloads: "b64": false tokens (RFC 7797) with PyJWT and
//! base64url-encoded ones (RFC 7515 Appendix F) with joserfc, both installed by `make setup`.
//! Their detached tokens verify here over the payload given beside them, and not over another;
//! detached tokens signed here verify there.
#![cfg(not(target_arch = "wasm32"))]

mod interop;

use jwt_debugger::jwt::json::{self, Value};
use jwt_debugger::jwt::keys::{self, SecretEncoding};
use jwt_debugger::jwt::{base64url, detached, sign, token, verify};

/// (library, alg, private key file, public key file); empty files mean the secret below.
const CASES: &[(&str, &str, &str, &str)] = &[
    ("pyjwt", "HS256", "", ""),
    ("pyjwt", "RS256", "rsa2048.pkcs8.pem", "rsa2048.spki.pem"),
    ("pyjwt", "ES256", "p256.pkcs8.pem", "p256.spki.pem"),
    (
        "pyjwt",
        "ES256K",
        "secp256k1.pkcs8.pem",
        "secp256k1.spki.pem",
    ),
    ("pyjwt", "EdDSA", "ed25519.pkcs8.pem", "ed25519.spki.pem"),
    ("joserfc", "HS256", "", ""),
    ("joserfc", "PS256", "rsa2048.pkcs8.pem", "rsa2048.spki.pem"),
    ("joserfc", "ES384", "p384.pkcs8.pem", "p384.spki.pem"),
    (
        "joserfc",
        "ES256K",
        "secp256k1.pkcs8.pem",
        "secp256k1.spki.pem",
    ),
];

const SECRET: &str = "a-string-secret-at-least-256-bits-long";

/// A payload with '.' in it: an unencoded one cannot be sent attached in a compact token.
fn payload(lib: &str) -> &'static str {
    match lib {
        "pyjwt" => "$.02 is what was paid.",
        _ => r#"{"sub":"bob","note":"a.b.c"}"#,
    }
}

fn key_text(file: &str) -> String {
    if file.is_empty() {
        SECRET.into()
    } else {
        interop::key_file(file)
    }
}

fn case_json(case: &(&str, &str, &str, &str), token: Option<&str>) -> String {
    let (lib, alg, private, public) = case;
    let mut members = vec![
        format!(r#""lib":"{lib}","alg":"{alg}""#),
        format!(
            r#""payload":{}"#,
            serde_json::to_string(payload(lib)).unwrap()
        ),
    ];
    if private.is_empty() {
        members.push(format!(r#""secret":"{SECRET}""#));
    } else {
        members.push(format!(r#""private":"{private}","public":"{public}""#));
    }
    if let Some(token) = token {
        members.push(format!(r#""token":"{token}""#));
    }
    format!("{{{}}}", members.join(","))
}

fn peer(mode: &str, cases: &[String]) -> Vec<Value> {
    interop::peer(
        "detached_peer.py",
        mode,
        &format!("[{}]", cases.join(",")),
        "PyJWT[crypto] and joserfc",
    )
}

fn verdict(token: &token::Token, key: &str) -> verify::Verdict {
    verify::verify(
        token,
        Some(&keys::parse(key, SecretEncoding::Utf8).unwrap()),
    )
}

#[test]
fn detached_tokens_signed_there_verify_here_over_their_payload_only() {
    let cases: Vec<String> = CASES.iter().map(|c| case_json(c, None)).collect();
    let signed = peer("sign", &cases);
    assert_eq!(signed.len(), CASES.len());
    for (case, answer) in CASES.iter().zip(&signed) {
        let (lib, alg, _, public) = case;
        let text = answer.get("token").and_then(|t| t.as_str()).unwrap();
        let parsed = token::decode(&text).unwrap_or_else(|e| panic!("{lib} {alg}: {e}"));
        assert!(detached::is_detached(&parsed), "{lib} {alg}: {text}");
        assert_eq!(detached::is_unencoded(&parsed), *lib == "pyjwt");
        let key = key_text(public);
        let alone = verdict(&parsed, &key);
        assert_eq!(alone.state(), "unverifiable", "{lib} {alg}");
        assert!(
            alone.describe().contains("detached"),
            "{}",
            alone.describe()
        );
        let over = verdict(&detached::attach(&parsed, payload(lib)), &key);
        assert_eq!(over.state(), "verified", "{lib} {alg}: {}", over.describe());
        let other = format!("{} ", payload(lib));
        assert_eq!(
            verdict(&detached::attach(&parsed, &other), &key).state(),
            "invalid",
            "{lib} {alg}"
        );
    }
}

#[test]
fn detached_tokens_signed_here_verify_there() {
    let mut cases = Vec::new();
    for case in CASES {
        let (lib, alg, private, _) = case;
        let unencoded = *lib == "pyjwt";
        let header_text = if unencoded {
            format!(r#"{{"alg":"{alg}","b64":false,"crit":["b64"]}}"#)
        } else {
            format!(r#"{{"alg":"{alg}"}}"#)
        };
        let header = json::parse(&header_text).unwrap();
        let encoded_header = base64url::encode(header_text.as_bytes());
        let segment = if unencoded {
            payload(lib).to_string()
        } else {
            base64url::encode(payload(lib).as_bytes())
        };
        let set = keys::parse(&key_text(private), SecretEncoding::Utf8)
            .unwrap()
            .unwrap();
        let whole = sign::sign(
            &format!("{encoded_header}.{segment}"),
            &header,
            &set.keys()[0],
        )
        .unwrap_or_else(|e| panic!("{lib} {alg}: {e}"));
        let signature = whole.rsplit('.').next().unwrap();
        let token = format!("{encoded_header}..{signature}");
        cases.push(case_json(case, Some(&token)));
    }
    let results = peer("verify", &cases);
    assert_eq!(results.len(), CASES.len());
    for (case, result) in CASES.iter().zip(&results) {
        assert_eq!(
            result.get("verdict").and_then(|v| v.as_str()).as_deref(),
            Some("verified"),
            "{case:?}: {:?}",
            result.get("error")
        );
    }
}
