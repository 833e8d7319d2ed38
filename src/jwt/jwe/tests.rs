//! Sealing and opening, both ways, for every algorithm; the bounds on hostile input.

use super::*;
use crate::jwt::keys::{self, SecretEncoding};

const RSA_PRIVATE: &str = include_str!("../../../tests/vectors/keys/rsa2048.pkcs8.pem");

/// The key `text` is (a secret read as UTF-8 when it is not a key format).
fn utf8_key(text: &str) -> KeySet {
    keys::parse(text, SecretEncoding::Utf8).unwrap().unwrap()
}

fn secret(len: usize) -> KeySet {
    let hex: String = (0..len)
        .map(|i| format!("{:02x}", (i * 7 + 1) % 256))
        .collect();
    keys::parse(&hex, SecretEncoding::Hex).unwrap().unwrap()
}

fn round_trip(alg: &str, enc: &str, keys: &KeySet) {
    // PBKDF2 is slow by design, and slower still in a test build: few iterations here.
    let p2c = if alg.starts_with("PBES2") {
        r#","p2c":1000"#
    } else {
        ""
    };
    let header = format!(r#"{{"alg":"{alg}","enc":"{enc}","cty":"text"{p2c}}}"#);
    let plaintext = format!("sealed with {alg} and {enc}");
    let compact =
        encrypt(&header, plaintext.as_bytes(), keys).unwrap_or_else(|e| panic!("{alg} {enc}: {e}"));
    let token = crate::jwt::token::decode(&compact).unwrap();
    let opened = decrypt(&token, keys).unwrap_or_else(|e| panic!("{alg} {enc}: {e}"));
    assert_eq!(opened.plaintext, plaintext.as_bytes(), "{alg} {enc}");
    // Any change to the tag is refused, as a wrong key is.
    let mut altered = compact.clone();
    let last = altered.pop().unwrap();
    altered.push(if last == 'A' { 'B' } else { 'A' });
    if let Ok(token) = crate::jwt::token::decode(&altered) {
        assert_eq!(
            decrypt(&token, keys).unwrap_err(),
            JweError::Failed,
            "{alg} {enc}"
        );
    }
}

#[test]
fn every_alg_and_enc_seals_and_opens() {
    let rsa = utf8_key(RSA_PRIVATE);
    let ec_keys: Vec<KeySet> = [
        include_str!("../../../tests/vectors/keys/p256.pkcs8.pem"),
        include_str!("../../../tests/vectors/keys/p384.pkcs8.pem"),
        include_str!("../../../tests/vectors/keys/p521.pkcs8.pem"),
    ]
    .iter()
    .map(|pem| utf8_key(pem))
    .collect();
    let password = utf8_key("correct horse battery staple");
    for enc in ENCS {
        for alg in [
            "PBES2-HS256+A128KW",
            "PBES2-HS384+A192KW",
            "PBES2-HS512+A256KW",
        ] {
            round_trip(alg, enc, &password);
        }
        let cek_len = content::cek_len(enc).unwrap();
        round_trip("dir", enc, &secret(cek_len));
        for (alg, len) in [
            ("A128KW", 16),
            ("A192KW", 24),
            ("A256KW", 32),
            ("A128GCMKW", 16),
            ("A192GCMKW", 24),
            ("A256GCMKW", 32),
        ] {
            round_trip(alg, enc, &secret(len));
        }
        round_trip("RSA-OAEP", enc, &rsa);
        round_trip("RSA-OAEP-256", enc, &rsa);
        for alg in [
            "PBES2-HS256+A128KW",
            "PBES2-HS384+A192KW",
            "PBES2-HS512+A256KW",
        ] {
            round_trip(alg, enc, &password);
        }
        for ec in &ec_keys {
            for alg in [
                "ECDH-ES",
                "ECDH-ES+A128KW",
                "ECDH-ES+A192KW",
                "ECDH-ES+A256KW",
            ] {
                round_trip(alg, enc, ec);
            }
        }
    }
}

#[test]
fn keys_that_do_not_fit_say_why() {
    let header = r#"{"alg":"A128KW","enc":"A128GCM"}"#;
    let error = encrypt(header, b"x", &secret(32)).unwrap_err();
    assert!(error.to_string().contains("needs a 128-bit key"), "{error}");
    let rsa = utf8_key(RSA_PRIVATE);
    assert!(matches!(
        encrypt(header, b"x", &rsa),
        Err(JweError::KeyDoesNotFit(_))
    ));
    // RSA1_5 is read, never written.
    let header = r#"{"alg":"RSA1_5","enc":"A128GCM"}"#;
    assert!(matches!(
        encrypt(header, b"x", &rsa),
        Err(JweError::Unsupported(_))
    ));
    // The wrong key for decryption: an RSA key for A128KW.
    let compact = encrypt(r#"{"alg":"A128KW","enc":"A128GCM"}"#, b"x", &secret(16)).unwrap();
    let token = crate::jwt::token::decode(&compact).unwrap();
    assert!(matches!(
        decrypt(&token, &rsa),
        Err(JweError::KeyDoesNotFit(_))
    ));
    // An unknown enc or zip is named.
    let header = r#"{"alg":"dir","enc":"A128CTR"}"#;
    assert_eq!(
        encrypt(header, b"x", &secret(16)).unwrap_err(),
        JweError::Unsupported("enc \"A128CTR\"".into())
    );
}

#[test]
fn zip_inflates_within_its_cap() {
    let keys = secret(16);
    let header = r#"{"alg":"A128KW","enc":"A128GCM","zip":"DEF"}"#;
    let text = "compressible ".repeat(1000);
    let compact = encrypt(header, text.as_bytes(), &keys).unwrap();
    let token = crate::jwt::token::decode(&compact).unwrap();
    assert_eq!(decrypt(&token, &keys).unwrap().plaintext, text.as_bytes());
    // A few kilobytes that inflate past 1 MiB are refused, with the cap named.
    let bomb = vec![0u8; MAX_INFLATED + 1];
    let compact = encrypt(header, &bomb, &keys).unwrap();
    assert!(compact.len() < 8 * 1024, "{} bytes", compact.len());
    let token = crate::jwt::token::decode(&compact).unwrap();
    let error = decrypt(&token, &keys).unwrap_err();
    assert_eq!(error, JweError::TooLarge);
    assert!(error.to_string().contains("1024 KiB"));
}

#[test]
fn an_ephemeral_key_off_its_curve_is_refused_before_any_arithmetic() {
    let ec = utf8_key(include_str!("../../../tests/vectors/keys/p256.pkcs8.pem"));
    let compact = encrypt(r#"{"alg":"ECDH-ES","enc":"A128GCM"}"#, b"x", &ec).unwrap();
    let token = crate::jwt::token::decode(&compact).unwrap();
    let epk = token.header.get("epk").unwrap();
    let x = epk.get("x").and_then(Value::as_str).unwrap();
    // The same x with y = x: (almost surely) not a point of P-256.
    let forged = format!(
        r#"{{"alg":"ECDH-ES","enc":"A128GCM","epk":{{"kty":"EC","crv":"P-256","x":"{x}","y":"{x}"}}}}"#
    );
    let mut parts: Vec<String> = compact.split('.').map(str::to_string).collect();
    parts[0] = base64url::encode(forged.as_bytes());
    let token = crate::jwt::token::decode(&parts.join(".")).unwrap();
    let error = decrypt(&token, &ec).unwrap_err();
    assert_eq!(
        error,
        JweError::Malformed("the header's \"epk\" is not a point on its curve".into())
    );
    // The real point with one byte moved from "x" to "y": the joined bytes are the same point,
    // but the coordinates are not the curve's size, so the header is refused.
    let y = epk.get("y").and_then(Value::as_str).unwrap();
    let (x_bytes, y_bytes) = (
        base64url::decode(&x).unwrap(),
        base64url::decode(&y).unwrap(),
    );
    let mut long_y = vec![x_bytes[31]];
    long_y.extend(&y_bytes);
    let shifted = format!(
        r#"{{"alg":"ECDH-ES","enc":"A128GCM","epk":{{"kty":"EC","crv":"P-256","x":"{}","y":"{}"}}}}"#,
        base64url::encode(&x_bytes[..31]),
        base64url::encode(&long_y)
    );
    parts[0] = base64url::encode(shifted.as_bytes());
    let token = crate::jwt::token::decode(&parts.join(".")).unwrap();
    assert_eq!(
        decrypt(&token, &ec).unwrap_err(),
        JweError::Malformed("the \"epk\"'s \"x\" is 31 bytes; on P-256 it is 32".into())
    );
    // An epk on another curve than the key: the key does not fit.
    let other = format!(
        r#"{{"alg":"ECDH-ES","enc":"A128GCM","epk":{{"kty":"EC","crv":"P-384","x":"{x}","y":"{x}"}}}}"#
    );
    parts[0] = base64url::encode(other.as_bytes());
    let token = crate::jwt::token::decode(&parts.join(".")).unwrap();
    assert!(matches!(
        decrypt(&token, &ec),
        Err(JweError::KeyDoesNotFit(_))
    ));
}

#[test]
fn a_pbes2_iteration_count_is_capped_before_any_work() {
    let password = utf8_key("pw");
    let compact = encrypt(
        r#"{"alg":"PBES2-HS256+A128KW","enc":"A128GCM"}"#,
        b"x",
        &password,
    )
    .unwrap();
    let token = crate::jwt::token::decode(&compact).unwrap();
    assert_eq!(
        token.header.get("p2c"),
        Some(&Value::Number(wrap::P2C.to_string()))
    );
    let mut parts: Vec<String> = compact.split('.').map(str::to_string).collect();
    for (p2c, fits) in [
        ("4294967295", false),
        ("1000001", false),
        ("0", false),
        ("1.5", false),
        ("-1", false),
        ("1e3", false),
        ("\"1000\"", false),
        ("1000", true),
    ] {
        let header = format!(
            r#"{{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2s":"AAAAAAAAAAAAAAAAAAAAAA","p2c":{p2c}}}"#
        );
        parts[0] = base64url::encode(header.as_bytes());
        let token = crate::jwt::token::decode(&parts.join(".")).unwrap();
        let error = decrypt(&token, &password).unwrap_err();
        if fits {
            // Run, and refused by the tag (this header was not the one sealed).
            assert_eq!(error, JweError::Failed, "p2c {p2c}");
        } else {
            // Refused by reading the header, before any iteration.
            assert!(
                matches!(error, JweError::Unsupported(_) | JweError::Malformed(_)),
                "p2c {p2c}: {error}"
            );
        }
    }
    // Sealing reads the header's p2c the same way: kept when it is in bounds, refused when not.
    let own = encrypt(
        r#"{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2c":2000}"#,
        b"x",
        &password,
    )
    .unwrap();
    let header = crate::jwt::token::decode(&own).unwrap().header;
    assert_eq!(header.get("p2c"), Some(&Value::Number("2000".into())));
    assert_eq!(
        header.members().iter().filter(|m| m.key == "p2c").count(),
        1
    );
    for p2c in ["0", "1.5", "\"2000\"", "4294967296"] {
        let header = format!(r#"{{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2c":{p2c}}}"#);
        assert!(encrypt(&header, b"x", &password).is_err(), "p2c {p2c}");
    }
}

/// An X25519 private JWK from fixed bytes.
fn x25519_key() -> KeySet {
    let secret = [7u8; 32];
    let public = x25519_dalek::PublicKey::from(&x25519_dalek::StaticSecret::from(secret));
    let jwk = format!(
        r#"{{"kty":"OKP","crv":"X25519","x":"{}","d":"{}"}}"#,
        base64url::encode(public.as_bytes()),
        base64url::encode(&secret)
    );
    utf8_key(&jwk)
}

#[test]
fn an_x25519_jwk_whose_d_is_not_the_key_of_its_x_is_refused() {
    let public = x25519_dalek::PublicKey::from(&x25519_dalek::StaticSecret::from([7u8; 32]));
    let jwk = format!(
        r#"{{"kty":"OKP","crv":"X25519","x":"{}","d":"{}"}}"#,
        base64url::encode(public.as_bytes()),
        base64url::encode(&[8u8; 32])
    );
    let error = keys::parse(&jwk, SecretEncoding::Utf8)
        .unwrap()
        .unwrap_err();
    assert!(
        error.to_string().contains("\"d\" does not belong to \"x\""),
        "{error}"
    );
    // Its public half alone reads.
    let public_only = format!(
        r#"{{"kty":"OKP","crv":"X25519","x":"{}"}}"#,
        base64url::encode(public.as_bytes())
    );
    let keys = utf8_key(&public_only);
    assert_eq!(keys.keys()[0].material.kind_words(), "X25519 public key");
}

#[test]
fn x25519_agrees_both_ways_and_refuses_a_low_order_point() {
    let keys = x25519_key();
    assert_eq!(keys.keys()[0].material.kind_words(), "X25519 private key");
    for enc in ENCS {
        for alg in [
            "ECDH-ES",
            "ECDH-ES+A128KW",
            "ECDH-ES+A192KW",
            "ECDH-ES+A256KW",
        ] {
            round_trip(alg, enc, &keys);
        }
    }
    // An epk of all zeros is a low-order point: the shared secret would be zero.
    let header = r#"{"alg":"ECDH-ES","enc":"A128GCM","epk":{"kty":"OKP","crv":"X25519","x":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}}"#;
    let compact = format!(
        "{}..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA",
        base64url::encode(header.as_bytes())
    );
    let token = crate::jwt::token::decode(&compact).unwrap();
    assert_eq!(
        decrypt(&token, &keys).unwrap_err(),
        JweError::Malformed("the header's \"epk\" is a low-order X25519 point".into())
    );
    // An X25519 key cannot verify a signature, and says so.
    let jws = "eyJhbGciOiJFZERTQSJ9.e30.AAAA";
    let verdict =
        crate::jwt::verify::verify(&crate::jwt::token::decode(jws).unwrap(), Some(&Ok(keys)));
    assert!(
        verdict.describe().contains("X25519"),
        "{}",
        verdict.describe()
    );
}

#[test]
fn x25519_keys_are_read_from_pem_as_from_their_jwk() {
    let private = utf8_key(include_str!("../../../tests/vectors/keys/x25519.pkcs8.pem"));
    let public = utf8_key(include_str!("../../../tests/vectors/keys/x25519.spki.pem"));
    let jwk = utf8_key(include_str!("../../../tests/vectors/keys/x25519.jwk.json"));
    assert_eq!(
        private.keys()[0].material.kind_words(),
        "X25519 private key"
    );
    assert_eq!(public.keys()[0].material.kind_words(), "X25519 public key");
    // The same key as the JWK: what is sealed to either public form opens with either private one.
    for (to, with) in [(&public, &private), (&public, &jwk), (&jwk, &private)] {
        let compact = encrypt(r#"{"alg":"ECDH-ES+A128KW","enc":"A128GCM"}"#, b"bob", to).unwrap();
        let token = crate::jwt::token::decode(&compact).unwrap();
        assert_eq!(decrypt(&token, with).unwrap().plaintext, b"bob");
    }
    // A truncated key says what is wrong with it.
    let short = pem::encode(&pem::Pem::new(
        "PRIVATE KEY",
        [
            &[
                0x30, 0x2d, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e,
            ][..],
            &[0x04, 0x21, 0x04, 0x1f],
            &[7; 31],
        ]
        .concat(),
    ));
    let error = keys::parse(&short, SecretEncoding::Utf8)
        .unwrap()
        .unwrap_err();
    assert!(error.to_string().contains("32 bytes, found 31"), "{error}");
}

#[test]
fn gcm_key_wrap_writes_its_iv_and_tag_into_the_header() {
    let compact = encrypt(r#"{"alg":"A256GCMKW","enc":"A256GCM"}"#, b"x", &secret(32)).unwrap();
    let token = crate::jwt::token::decode(&compact).unwrap();
    assert!(token.header.get("iv").is_some() && token.header.get("tag").is_some());
    let refused = encrypt(
        r#"{"alg":"A256GCMKW","enc":"A256GCM","iv":"x"}"#,
        b"x",
        &secret(32),
    );
    assert!(matches!(refused, Err(JweError::Malformed(_))));
}

#[test]
fn a_json_jwe_with_a_header_of_many_members_decodes_in_one_pass() {
    let protected = crate::jwt::base64url::encode(br#"{"alg":"dir","enc":"A128GCM"}"#);
    let members: Vec<String> = (0..60_000).map(|i| format!("\"x{i}\":1")).collect();
    let json = |extra: &str| {
        format!(
            r#"{{"protected":"{protected}","unprotected":{{{}{extra}}},"iv":"AAAA","ciphertext":"AAAA","tag":"AAAA"}}"#,
            members.join(",")
        )
    };
    let token = crate::jwt::token::decode(&json("")).unwrap();
    assert_eq!(token.header.members().len(), 60_002);
    // A name in two of the headers is still refused, wherever it is.
    let error = crate::jwt::token::decode(&json(r#","enc":"A256GCM""#)).unwrap_err();
    assert!(
        error.to_string().contains("\"enc\" is in more than one"),
        "{error}"
    );
}

/// A flattened or general JSON JWE of `compact`'s parts, with these extra members.
fn as_json(compact: &str, recipients: usize, unprotected: &str, own: &str) -> Token {
    let p: Vec<&str> = compact.split('.').collect();
    let recipient = format!(r#"{{"header":{own},"encrypted_key":"{}"}}"#, p[1]);
    let all = vec![recipient; recipients].join(",");
    let text = format!(
        r#"{{"protected":"{}","unprotected":{unprotected},"recipients":[{all}],"iv":"{}","ciphertext":"{}","tag":"{}"}}"#,
        p[0], p[2], p[3], p[4]
    );
    crate::jwt::token::decode(&text).unwrap()
}

#[test]
fn crit_and_an_unprotected_zip_are_refused() {
    let key = secret(16);
    let compact = encrypt(r#"{"alg":"dir","enc":"A128GCM"}"#, b"hello", &key).unwrap();
    // As it is, it opens, in either serialization.
    assert!(decrypt(&as_json(&compact, 1, "{}", "{}"), &key).is_ok());
    // A critical extension nobody here understands.
    let critical = encrypt(
        r#"{"alg":"dir","enc":"A128GCM","crit":["urn:x"],"urn:x":1}"#,
        b"hello",
        &key,
    )
    .unwrap();
    let error = decrypt(&crate::jwt::token::decode(&critical).unwrap(), &key).unwrap_err();
    assert!(error.to_string().contains("\"crit\""), "{error}");
    // zip where the tag does not cover it, shared or a recipient's own.
    for (shared, own) in [(r#"{"zip":"DEF"}"#, "{}"), ("{}", r#"{"zip":"DEF"}"#)] {
        let error = decrypt(&as_json(&compact, 1, shared, own), &key).unwrap_err();
        assert!(error.to_string().contains("protected header"), "{error}");
    }
}

#[test]
fn the_work_one_token_may_ask_for_is_bounded_before_any_is_done() {
    let key = secret(16);
    let compact = encrypt(r#"{"alg":"dir","enc":"A128GCM"}"#, b"hello", &key).unwrap();
    let error = decrypt(&as_json(&compact, 17, "{}", "{}"), &key).unwrap_err();
    assert!(error.to_string().contains("17 recipients"), "{error}");
    // Three PBES2 recipients at the largest p2c: each allowed, together too many.
    let password = utf8_key("pw");
    let sealed = encrypt(
        r#"{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2c":1000}"#,
        b"x",
        &password,
    )
    .unwrap();
    let own = r#"{"p2c":1000000,"p2s":"AAAAAAAAAAAAAAAAAAAAAA"}"#;
    let protected = base64url::encode(br#"{"alg":"PBES2-HS256+A128KW","enc":"A128GCM"}"#);
    let rest = sealed.split_once('.').unwrap().1;
    let error = decrypt(
        &as_json(&format!("{protected}.{rest}"), 3, "{}", own),
        &password,
    )
    .unwrap_err();
    assert!(error.to_string().contains("PBKDF2 iterations"), "{error}");
}

#[test]
fn a_public_key_in_the_decrypt_box_is_told_to_bring_its_private_half() {
    let public = utf8_key(include_str!("../../../tests/vectors/keys/rsa2048.spki.pem"));
    let compact = encrypt(r#"{"alg":"RSA-OAEP","enc":"A128GCM"}"#, b"x", &public).unwrap();
    let token = crate::jwt::token::decode(&compact).unwrap();
    let error = decrypt(&token, &public).unwrap_err();
    assert!(matches!(error, JweError::KeyDoesNotFit(_)), "{error:?}");
    assert!(
        error
            .to_string()
            .contains("decrypting needs its private key"),
        "{error}"
    );
}

/// `ssh-keygen` private keys (RSA and the three ECDSA curves) open tokens sealed to them, as
/// their PEM forms do.
#[test]
fn openssh_private_keys_seal_and_open() {
    let rsa = utf8_key(include_str!("../../../tests/vectors/keys/ssh_rsa"));
    round_trip("RSA-OAEP-256", "A256GCM", &rsa);
    round_trip("RSA-OAEP", "A128CBC-HS256", &rsa);
    for pem in [
        include_str!("../../../tests/vectors/keys/ssh_ecdsa256"),
        include_str!("../../../tests/vectors/keys/ssh_ecdsa384"),
        include_str!("../../../tests/vectors/keys/ssh_ecdsa521"),
    ] {
        let ec = utf8_key(pem);
        round_trip("ECDH-ES", "A256GCM", &ec);
        round_trip("ECDH-ES+A128KW", "A128GCM", &ec);
    }
}

/// A JWKS in the key box opens a token sealed to one of its keys: named by the header's `kid`
/// (that key is tried first), or with no `kid` at all (every key is tried); a set without that
/// key does not open it.
#[test]
fn a_key_set_opens_with_the_key_its_kid_names() {
    let k = |byte: char| crate::jwt::base64url::encode(byte.to_string().repeat(16).as_bytes());
    let oct = |kid: &str, byte: char| format!(r#"{{"kty":"oct","kid":"{kid}","k":"{}"}}"#, k(byte));
    let set = utf8_key(&format!(
        r#"{{"keys":[{},{}]}}"#,
        oct("a", 'a'),
        oct("b", 'b')
    ));
    let named = utf8_key(&oct("b", 'b'));
    let unnamed = utf8_key(&format!(r#"{{"kty":"oct","k":"{}"}}"#, k('b')));
    for (sealer, kid) in [(&named, Some("b")), (&unnamed, None)] {
        let compact = encrypt(r#"{"alg":"A128KW","enc":"A128GCM"}"#, b"for b", sealer).unwrap();
        let token = crate::jwt::token::decode(&compact).unwrap();
        assert_eq!(
            token.header.get("kid").and_then(|v| v.as_str()).as_deref(),
            kid
        );
        assert_eq!(
            decrypt(&token, &set).unwrap().plaintext,
            b"for b",
            "{kid:?}"
        );
    }
    let only_a = utf8_key(&format!(r#"{{"keys":[{}]}}"#, oct("a", 'a')));
    let compact = encrypt(r#"{"alg":"A128KW","enc":"A128GCM"}"#, b"for b", &named).unwrap();
    let token = crate::jwt::token::decode(&compact).unwrap();
    assert_eq!(decrypt(&token, &only_a).unwrap_err(), JweError::Failed);
}

/// A JWK with a `kid` writes it into the header it seals, so that the recipient knows which of
/// its keys opens the token; a `kid` the header already has is kept.
#[test]
fn sealing_with_a_jwk_names_its_kid() {
    let k = crate::jwt::base64url::encode(&[7u8; 16]);
    let key = utf8_key(&format!(
        r#"{{"kty":"oct","kid":"recipient \"one\"","k":"{k}"}}"#
    ));
    let header_of = |compact: &str| {
        let token = crate::jwt::token::decode(compact).unwrap();
        token.header.get("kid").and_then(|kid| kid.as_str())
    };
    let sealed = encrypt(r#"{"alg":"A128KW","enc":"A128GCM"}"#, b"x", &key).unwrap();
    assert_eq!(header_of(&sealed).as_deref(), Some("recipient \"one\""));
    let sealed = encrypt(
        r#"{"alg":"A128KW","enc":"A128GCM","kid":"mine"}"#,
        b"x",
        &key,
    )
    .unwrap();
    assert_eq!(header_of(&sealed).as_deref(), Some("mine"));
    // Without a kid, none is made up.
    let sealed = encrypt(r#"{"alg":"A128KW","enc":"A128GCM"}"#, b"x", &secret(16)).unwrap();
    assert_eq!(header_of(&sealed), None);
}
