//! JWE interoperability with joserfc (a Python JOSE library, installed by `make setup`): tokens
//! joserfc encrypts open here, tokens encrypted here open in joserfc, for every `alg`/`enc` pair
//! both read (key agreement on every curve, `dir` for every enc), nested JWTs both ways and `zip`.
#![cfg(not(target_arch = "wasm32"))]

mod interop;

use jwt_debugger::jwt::json::Value;
use jwt_debugger::jwt::jwe;
use jwt_debugger::jwt::keys::{self, KeySet, SecretEncoding};
use jwt_debugger::jwt::token;

const ENCS: [&str; 6] = [
    "A128CBC-HS256",
    "A192CBC-HS384",
    "A256CBC-HS512",
    "A128GCM",
    "A192GCM",
    "A256GCM",
];

/// The signed token (jwt.io's example) carried inside the nested JWTs.
const NESTED_JWS: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

/// The curves key agreement is tried on: P-256, P-384 and P-521 (PKCS#8 PEM) and X25519 (a JWK).
const AGREEMENT_KEYS: [&str; 4] = [
    "p256.pkcs8.pem",
    "p384.pkcs8.pem",
    "p521.pkcs8.pem",
    "x25519.jwk.json",
];

/// The content key's length for an `enc` (RFC 7518 §5): what a `dir` key must be.
fn cek_len(enc: &str) -> usize {
    match enc {
        "A128GCM" => 16,
        "A192GCM" => 24,
        "A256GCM" | "A128CBC-HS256" => 32,
        "A192CBC-HS384" => 48,
        _ => 64,
    }
}

/// (alg, enc, key) for every pair: the key is a file under tests/vectors/keys, or `hex:` and a
/// shared key or password. Key agreement runs on every curve, `dir` with a key of each enc's size.
fn pairs() -> Vec<(&'static str, &'static str, String)> {
    let hex = |len: usize| format!("hex:{}", "5a".repeat(len));
    let mut algs: Vec<(&str, String)> = vec![
        ("RSA1_5", "rsa2048.pkcs8.pem".into()),
        ("RSA-OAEP", "rsa2048.pkcs8.pem".into()),
        ("RSA-OAEP-256", "rsa2048.pkcs8.pem".into()),
        ("A128KW", hex(16)),
        ("A192KW", hex(24)),
        ("A256KW", hex(32)),
        ("A128GCMKW", hex(16)),
        ("A192GCMKW", hex(24)),
        ("A256GCMKW", hex(32)),
        ("PBES2-HS256+A128KW", hex(12)),
        ("PBES2-HS384+A192KW", hex(12)),
        ("PBES2-HS512+A256KW", hex(12)),
    ];
    for alg in [
        "ECDH-ES",
        "ECDH-ES+A128KW",
        "ECDH-ES+A192KW",
        "ECDH-ES+A256KW",
    ] {
        for file in AGREEMENT_KEYS {
            algs.push((alg, file.into()));
        }
    }
    let mut pairs = Vec::new();
    for (alg, key) in algs {
        for enc in ENCS {
            pairs.push((alg, enc, key.clone()));
        }
    }
    for enc in ENCS {
        pairs.push(("dir", enc, hex(cek_len(enc))));
    }
    pairs
}

fn our_keys(key: &str) -> KeySet {
    match key.strip_prefix("hex:") {
        Some(hex) => keys::parse(hex, SecretEncoding::Hex),
        None => keys::parse(&interop::key_file(key), SecretEncoding::Utf8),
    }
    .unwrap()
    .unwrap()
}

fn case(alg: &str, enc: &str, key: &str, extra: &str) -> String {
    let key = match key.strip_prefix("hex:") {
        Some(hex) => format!(r#""hex":"{hex}""#),
        None => format!(r#""file":"{key}""#),
    };
    format!(r#"{{"alg":"{alg}","enc":"{enc}",{key}{extra}}}"#)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Runs the joserfc peer; its answer is a JSON array, one item per case.
fn peer(mode: &str, cases: &[String]) -> Vec<Value> {
    interop::peer(
        "jose_peer.py",
        mode,
        &format!("[{}]", cases.join(",")),
        "joserfc",
    )
}

#[test]
fn tokens_joserfc_encrypts_open_here() {
    let plaintext = "Sealed by joserfc, opened in the tab.";
    let mut cases = Vec::new();
    let mut expected = Vec::new();
    for (alg, enc, key) in pairs() {
        cases.push(case(
            alg,
            enc,
            &key,
            &format!(r#","plaintext":"{}""#, hex(plaintext.as_bytes())),
        ));
        expected.push((alg, enc, key));
    }
    // zip, and a nested JWT (cty JWT), once each.
    let jws = NESTED_JWS;
    cases.push(case(
        "A256KW",
        "A256GCM",
        &format!("hex:{}", "5a".repeat(32)),
        &format!(r#","zip":true,"plaintext":"{}""#, hex(plaintext.as_bytes())),
    ));
    expected.push(("A256KW", "A256GCM", format!("hex:{}", "5a".repeat(32))));
    cases.push(case(
        "RSA-OAEP-256",
        "A256GCM",
        "rsa2048.pkcs8.pem",
        &format!(r#","cty":"JWT","plaintext":"{}""#, hex(jws.as_bytes())),
    ));
    expected.push(("RSA-OAEP-256", "A256GCM", "rsa2048.pkcs8.pem".into()));

    let tokens = peer("encrypt", &cases);
    assert_eq!(tokens.len(), cases.len());
    for (index, (item, (alg, enc, key))) in tokens.iter().zip(&expected).enumerate() {
        let compact = item.get("token").and_then(Value::as_str).unwrap();
        let token = token::decode(&compact).unwrap_or_else(|e| panic!("{alg} {enc}: {e}"));
        let opened =
            jwe::decrypt(&token, &our_keys(key)).unwrap_or_else(|e| panic!("{alg} {enc}: {e}"));
        let want = if index == cases.len() - 1 {
            jws
        } else {
            plaintext
        };
        assert_eq!(
            String::from_utf8(opened.plaintext).unwrap(),
            want,
            "{alg} {enc}"
        );
    }
}

#[test]
fn tokens_encrypted_here_open_in_joserfc() {
    let plaintext = "Sealed in the tab, opened by joserfc.";
    let mut cases = Vec::new();
    // RSA1_5 is read here, never written.
    for (alg, enc, key) in pairs().into_iter().filter(|(alg, ..)| *alg != "RSA1_5") {
        let p2c = if alg.starts_with("PBES2") {
            r#","p2c":1000"#
        } else {
            ""
        };
        let header = format!(r#"{{"alg":"{alg}","enc":"{enc}"{p2c}}}"#);
        let compact = jwe::encrypt(&header, plaintext.as_bytes(), &our_keys(&key))
            .unwrap_or_else(|e| panic!("{alg} {enc}: {e}"));
        cases.push(case(alg, enc, &key, &format!(r#","token":"{compact}""#)));
    }
    let header = r#"{"alg":"A128KW","enc":"A128GCM","zip":"DEF"}"#;
    let key = format!("hex:{}", "5a".repeat(16));
    let compact = jwe::encrypt(header, plaintext.as_bytes(), &our_keys(&key)).unwrap();
    cases.push(case(
        "A128KW",
        "A128GCM",
        &key,
        &format!(r#","zip":true,"token":"{compact}""#),
    ));

    // Every pair but RSA1_5's six, and the zip case.
    assert_eq!(cases.len(), pairs().len() - ENCS.len() + 1);

    let results = peer("decrypt", &cases);
    assert_eq!(results.len(), cases.len());
    for (result, case) in results.iter().zip(&cases) {
        let error = result
            .get("error")
            .and_then(Value::as_str)
            .unwrap_or_default();
        assert_eq!(
            result.get("plaintext").and_then(Value::as_str).as_deref(),
            Some(hex(plaintext.as_bytes()).as_str()),
            "joserfc refused {case}: {error}"
        );
    }
}

/// A nested JWT made here (a signed token encrypted with `cty: JWT`, as the Encrypt panel's
/// "encrypt the signed token" does) opens in joserfc to the signed token, its `cty` intact.
#[test]
fn nested_jwt_encrypted_here_opens_in_joserfc() {
    let jws = NESTED_JWS;
    let mut cases = Vec::new();
    for (alg, key) in [
        ("RSA-OAEP-256", "rsa2048.pkcs8.pem".to_owned()),
        ("ECDH-ES+A256KW", "p384.pkcs8.pem".to_owned()),
        ("A256KW", format!("hex:{}", "5a".repeat(32))),
    ] {
        let header = format!(r#"{{"alg":"{alg}","enc":"A256GCM","cty":"JWT"}}"#);
        let compact = jwe::encrypt(&header, jws.as_bytes(), &our_keys(&key)).unwrap();
        cases.push(case(
            alg,
            "A256GCM",
            &key,
            &format!(r#","token":"{compact}""#),
        ));
    }
    let results = peer("decrypt", &cases);
    assert_eq!(results.len(), 3);
    for (result, case) in results.iter().zip(&cases) {
        assert_eq!(
            result.get("plaintext").and_then(Value::as_str).as_deref(),
            Some(hex(jws.as_bytes()).as_str()),
            "joserfc did not open {case}"
        );
        assert_eq!(
            result.get("cty").and_then(Value::as_str).as_deref(),
            Some("JWT"),
            "{case}"
        );
    }
}
