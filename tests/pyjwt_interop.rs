//! Interoperability with PyJWT (installed by `make setup`): tokens PyJWT signs verify here with
//! every algorithm and key format both sides read, and tokens signed here verify in PyJWT.
#![cfg(not(target_arch = "wasm32"))]

mod interop;

use interop::tamper;
use jwt_debugger::jwt::json::{self, Value};
use jwt_debugger::jwt::keys::{self, SecretEncoding};
use jwt_debugger::jwt::{sign, token, verify};

/// (alg, private key file, public key file); `None` files mean the HMAC secret below.
const CASES: &[(&str, &str, &str)] = &[
    ("HS256", "", ""),
    ("HS384", "", ""),
    ("HS512", "", ""),
    ("RS256", "rsa2048.pkcs1.pem", "rsa2048.spki.pem"),
    ("RS384", "rsa2048.pkcs8.pem", "rsa2048.pkcs1.pub.pem"),
    ("RS512", "ssh_rsa", "ssh_rsa.pub"),
    ("RS256", "ssh_rsa", "ssh_rsa.pub"),
    ("PS256", "rsa2048.pkcs8.pem", "rsa2048.spki.pem"),
    ("PS384", "ssh_rsa", "ssh_rsa.pub"),
    ("PS512", "rsa2048.pkcs1.pem", "rsa2048.spki.pem"),
    ("ES256", "p256.sec1.pem", "p256.spki.pem"),
    ("ES256", "ssh_ecdsa256", "ssh_ecdsa256.pub"),
    ("ES384", "p384.pkcs8.pem", "p384.spki.pem"),
    ("ES384", "ssh_ecdsa384", "ssh_ecdsa384.pub"),
    ("ES512", "p521.sec1.pem", "p521.spki.pem"),
    ("ES512", "ssh_ecdsa521", "ssh_ecdsa521.pub"),
    ("EdDSA", "ed25519.pkcs8.pem", "ed25519.spki.pem"),
    ("EdDSA", "ssh_ed25519", "ssh_ed25519.pub"),
    ("ES256K", "secp256k1.sec1.pem", "secp256k1.spki.pem"),
    ("ES256K", "secp256k1.pkcs8.pem", "secp256k1.spki.pem"),
];

/// The tutorial's secret is too short for HS384/512 in PyJWT 2.10's eyes; use a long one.
const SECRET: &str = "a-string-secret-at-least-512-bits-long-for-every-hmac-algorithm-here";

fn key_text(file: &str) -> String {
    if file.is_empty() {
        SECRET.to_string()
    } else {
        interop::key_file(file)
    }
}

fn case_json(alg: &str, private: &str, public: &str, token: Option<&str>) -> String {
    let mut members = vec![format!(r#""alg":"{alg}""#)];
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

/// Runs the PyJWT peer; its answer is a JSON array.
fn peer(mode: &str, input: &str) -> Vec<Value> {
    interop::peer("pyjwt_peer.py", mode, input, "PyJWT[crypto]")
}

fn our_verdict(token_text: &str, key: &str) -> String {
    let token = token::decode(token_text).unwrap();
    let keys = keys::parse(key, SecretEncoding::Utf8);
    verify::verify(&token, keys.as_ref()).describe()
}

#[test]
fn tokens_signed_by_pyjwt_verify_here_and_fail_once_tampered() {
    let cases: Vec<String> = CASES
        .iter()
        .map(|(alg, private, public)| case_json(alg, private, public, None))
        .collect();
    let signed = peer("sign", &format!("[{}]", cases.join(",")));
    assert_eq!(signed.len(), CASES.len());
    for (item, (alg, _, public)) in signed.iter().zip(CASES) {
        let token_text = item.get("token").and_then(Value::as_str).unwrap();
        let verdict = our_verdict(&token_text, &key_text(public));
        assert!(
            verdict.starts_with("Signature verified"),
            "{alg} / {public}: {verdict}"
        );
        // The claims PyJWT wrote are shown as written.
        let decoded = token::decode(&token_text).unwrap();
        assert_eq!(
            decoded.claims().unwrap().get("exp").and_then(Value::as_f64),
            Some(1_700_000_060.0)
        );
        // One changed payload character: never verified.
        let tampered = tamper(&token_text);
        let verdict = token::decode(&tampered).map(|_| our_verdict(&tampered, &key_text(public)));
        assert!(
            !verdict
                .as_deref()
                .unwrap_or("")
                .starts_with("Signature verified"),
            "{alg}: tampered token verified"
        );
    }
}

#[test]
fn tokens_signed_here_verify_in_pyjwt() {
    let mut cases = Vec::new();
    for (alg, private, public) in CASES {
        let header = json::parse(&format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#)).unwrap();
        let input = sign::signing_input(
            &header,
            r#"{"sub":"bob","iat":1700000000,"exp":1700000060,"big":3.0}"#,
        )
        .unwrap();
        let set = keys::parse(&key_text(private), SecretEncoding::Utf8)
            .unwrap()
            .unwrap();
        let token = sign::sign(&input, &header, &set.keys()[0]).unwrap();
        cases.push(case_json(alg, private, public, Some(&token)));
        // And a tampered copy PyJWT must refuse.
        let tampered = tamper(&token);
        cases.push(
            case_json(alg, private, public, Some(&tampered))
                .replace(r#""alg""#, r#""tampered":true,"alg""#),
        );
    }
    let results = peer("verify", &format!("[{}]", cases.join(",")));
    assert_eq!(results.len(), cases.len());
    for result in &results {
        let alg = result.get("alg").and_then(Value::as_str).unwrap();
        let verdict = result.get("verdict").and_then(Value::as_str).unwrap();
        let tampered = result.get("tampered").is_some();
        let error = result
            .get("error")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if tampered {
            assert_eq!(verdict, "refused", "{alg}: PyJWT accepted a tampered token");
        } else {
            assert_eq!(
                verdict, "verified",
                "{alg}: PyJWT refused our token: {error}"
            );
            let claims = result.get("claims").unwrap();
            assert_eq!(
                claims.get("sub").and_then(Value::as_str).as_deref(),
                Some("bob")
            );
        }
    }
}
