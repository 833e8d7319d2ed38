//! The core's entry points as the fuzzers drive them (`fuzz/`), shared with the regression test
//! that replays the saved corpus in `make test`. Each must return normally for any bytes.

use crate::jwt::keys::{self, SecretEncoding, export};
use crate::jwt::{json, lint, sign, token, verify};

/// Decoding and painting a pasted token (and salvaging a bad one), and everything the view
/// derives from it.
pub fn decode_token(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = token::paint(&text);
    // What a bad token still shows: every segment decoded on its own.
    let _ = token::salvage(&text);
    if let Ok(token) = token::decode(&text) {
        let _ = token.header.pretty();
        if let Some(claims) = token.claims() {
            let _ = claims.pretty();
            let _ =
                crate::jwt::claims::ClaimsStatus::at(claims, 1_700_000_000).describe(1_700_000_000);
            let _ = crate::jwt::claims::date_claims(claims, 1_700_000_000, |_| 60);
        }
        let _ = lint::findings(&token, lint::Offered::default(), 1_700_000_000);
        let _ = verify::verify(&token, None);
    }
}

/// Parsing a pasted key in every secret encoding, and writing it out again; a locked key opened
/// with the test keys' passphrases (so mutations of their files reach the decryption), and the
/// bytes read as a key file (a binary DER file made PEM).
pub fn parse_key(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for encoding in SecretEncoding::ALL {
        if let Some(Ok(set)) = keys::parse(&text, encoding) {
            written(&set);
        }
    }
    if keys::locked::is_locked(&text) {
        for passphrase in ["secret", "secret-passphrase"] {
            if let Some(Ok(set)) = keys::parse_locked(&text, SecretEncoding::Utf8, passphrase) {
                written(&set);
            }
        }
    }
    if let Some(file) = keys::file_as_text(data)
        && let Some(Ok(set)) = keys::parse(&file, SecretEncoding::Utf8)
    {
        written(&set);
    }
}

/// Every written-out form of every key in `set`.
fn written(set: &keys::KeySet) {
    let _ = set.describe();
    for key in set.keys() {
        let _ = export::thumbprint(&key.material);
        let _ = export::jwk(&key.material, true);
        let _ = export::public_pem(&key.material);
        let _ = export::openssh_public(&key.material, "fuzz");
        let _ = export::openssh_private(&key.material);
        let _ = export::openssh_private_locked(&key.material, "fuzz", "pass", &[7; 20]);
    }
}

/// Verifying any token with any key: the input is split at the first NUL into token and key.
pub fn verify_token(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (token_text, key_text) = text.split_once('\0').unwrap_or((&text, "secret"));
    if let Ok(token) = token::decode(token_text) {
        let keys = keys::parse(key_text, SecretEncoding::Utf8);
        let _ = verify::verify(&token, keys.as_ref());
        if let Some(Ok(set)) = &keys {
            let offered = lint::Offered {
                verify: Some(set),
                sign: Some(set),
            };
            let _ = lint::findings(&token, offered, 0);
            // Signing the decoded JSON again must not fail in a way that panics either.
            if let (Some(claims), Some(key)) = (token.claims(), set.keys().first())
                && let Ok(input) = sign::signing_input(&token.header, &claims.minified())
            {
                let _ = sign::sign(&input, &token.header, key);
            }
        }
    }
}

/// Opening any token with any key, as a JWE: the input is split at the first NUL into token
/// and key. Hostile headers (`epk` off its curve, a huge `p2c`, a `zip` bomb) must be refused
/// with an error, never a panic or a hang.
#[cfg(not(feature = "split"))]
pub fn decrypt_token(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (token_text, key_text) = text.split_once('\0').unwrap_or((&text, "secret"));
    if let Ok(token) = token::decode(token_text)
        && let Some(Ok(set)) = keys::parse(key_text, SecretEncoding::Utf8)
    {
        if let Ok(opened) = crate::jwt::jwe::decrypt(&token, &set) {
            let _ = String::from_utf8(opened.plaintext);
        }
        let offered = lint::Offered {
            verify: Some(&set),
            sign: None,
        };
        let _ = lint::findings(&token, offered, 0);
    }
}

/// The lossless JSON display: parse, print, and the printed text must parse to the same value.
pub fn json_display(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(value) = json::parse(&text) {
        let pretty = value.pretty();
        let minified = value.minified();
        assert_eq!(
            json::parse(&pretty).as_ref(),
            Ok(&value),
            "pretty output re-parses to the same value"
        );
        assert_eq!(
            json::parse(&minified).as_ref(),
            Ok(&value),
            "minified output re-parses to the same value"
        );
        let _ = value.duplicate_keys();
        every_number(&value);
    }
}

/// Reads every number in `value` both ways the core reads numbers: as whole seconds (the date
/// claims, the findings) and as a float (the tests, serde's shapes in the key engine).
fn every_number(value: &json::Value) {
    match value {
        json::Value::Number(_) => {
            let _ = value.whole_number();
            let _ = value.as_f64();
        }
        json::Value::Array(items) => items.iter().for_each(every_number),
        json::Value::Object(members) => members.iter().for_each(|m| every_number(&m.value)),
        _ => {}
    }
}

/// Reading a pasted SD-JWT: split at its `~`s, its payload processed with its disclosures.
pub fn sd_jwt(data: &[u8]) {
    let mut text = String::from_utf8_lossy(data).into_owned();
    // A JSON serialization is read as the compact SD-JWT it stands for.
    if text.trim_start().starts_with('{')
        && let Ok(token) = crate::jwt::token::decode(&text)
    {
        text = token.compact;
    }
    let Some(Ok(parts)) = crate::jwt::sd_jwt::split(&text) else {
        return;
    };
    // The payload as the issuer-signed JWT carries it, or the whole text as JSON (so the fuzzer
    // reaches the processing without first forging base64url).
    let payload = parts
        .jwt
        .split('.')
        .nth(1)
        .and_then(|part| crate::jwt::base64url::decode(part).ok())
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_else(|| parts.jwt.to_string());
    if let Ok(payload) = crate::jwt::json::parse(&payload)
        && let Ok(processed) = crate::jwt::sd_jwt::process(&payload, &parts.disclosures)
    {
        let _ = processed.claims.pretty();
        // Issuing from whatever was read: each claim made disclosable, then a decoy, and the
        // result processed again with its new disclosure.
        let salt = [0x5a; crate::jwt::sd_jwt::MIN_SALT_BYTES];
        for member in payload.members().iter().take(8) {
            let name = crate::jwt::json::unescape(&member.key);
            if let Ok(made) =
                crate::jwt::sd_jwt::make_disclosable(&payload, &name, &salt, processed.alg)
            {
                let _ = crate::jwt::sd_jwt::process(&made.payload, &[&made.disclosure]);
                let _ = crate::jwt::sd_jwt::add_decoy(&made.payload, &salt, processed.alg);
            }
            let mut salts = || Some(salt.to_vec());
            if let Ok((made, disclosures)) = crate::jwt::sd_jwt::make_elements_disclosable(
                &payload,
                &name,
                &mut salts,
                processed.alg,
            ) {
                let refs: Vec<&str> = disclosures.iter().map(String::as_str).collect();
                let _ = crate::jwt::sd_jwt::process(&made, &refs);
            }
        }
    }
}

/// Reading an `x5c` chain and judging it: the data as a header whose `x5c` is read (JSON), or
/// as certificates, one base64 DER per line; the same certificates pasted in the key box as
/// PEM, so each is also an anchor; and the raw bytes as one DER certificate.
pub fn x5c(data: &[u8]) {
    use base64::Engine;
    let text = String::from_utf8_lossy(data);
    let x5c: Vec<String> = match json::parse(&text)
        .ok()
        .and_then(|h| crate::jwt::certs::x5c_of(&h))
    {
        Some(Ok(list)) => list,
        _ => text.lines().map(str::to_string).collect(),
    };
    let standard = base64::engine::general_purpose::STANDARD;
    let key_text: String = x5c
        .iter()
        .chain([&standard.encode(data)])
        .filter_map(|cert| standard.decode(cert).ok())
        .map(|der| ::pem::encode(&::pem::Pem::new("CERTIFICATE", der)))
        .collect();
    for chain in [x5c, vec![standard.encode(data)]] {
        for anchors in ["", key_text.as_str()] {
            if let Ok(facts) = crate::jwt::certs::read_chain(&chain, anchors, "ES256", data, "AA") {
                for now in [0, 1_700_000_000, i64::MAX] {
                    let _ = crate::jwt::certs::judge(&facts, now);
                }
            }
        }
    }
    // A certificate pasted as a key: its thumbprints, as `x5t#S256` compares them.
    if let (Some(Ok(set)), Ok(header)) = (
        keys::parse(&key_text, SecretEncoding::Utf8),
        json::parse(r#"{"x5t#S256":"AA","x5t":"AA"}"#),
    ) {
        for key in set.keys() {
            let _ = verify::names_certificate(&header, key);
        }
    }
}
