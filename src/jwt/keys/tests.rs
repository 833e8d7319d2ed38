//! Key detection over real files made by OpenSSL and ssh-keygen (tests/vectors/keys).

use super::*;
use crate::jwt::algorithm::Algorithm;
use crate::jwt::token::Kind;

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../../../tests/vectors/keys/", $name))
    };
}

fn detect(text: &str) -> Result<KeySet, KeyError> {
    parse(text, SecretEncoding::Utf8).expect("text is not empty")
}

fn describe(text: &str) -> String {
    match detect(text) {
        Ok(set) => set.describe(),
        Err(e) => format!("error: {e}"),
    }
}

#[test]
fn every_pem_kind_is_detected() {
    assert_eq!(
        describe(fixture!("rsa2048.spki.pem")),
        "RSA 2048-bit public key, PEM SPKI (PUBLIC KEY)"
    );
    assert_eq!(
        describe(fixture!("rsa2048.pkcs1.pub.pem")),
        "RSA 2048-bit public key, PEM PKCS#1 (RSA PUBLIC KEY)"
    );
    assert_eq!(
        describe(fixture!("rsa2048.pkcs1.pem")),
        "RSA 2048-bit private key, PEM PKCS#1 (RSA PRIVATE KEY)"
    );
    assert_eq!(
        describe(fixture!("rsa2048.pkcs8.pem")),
        "RSA 2048-bit private key, PEM PKCS#8 (PRIVATE KEY)"
    );
    assert_eq!(
        describe(fixture!("rsa2048.cert.pem")),
        "RSA 2048-bit public key, X.509 certificate"
    );
    assert_eq!(
        describe(fixture!("p256.sec1.pem")),
        "EC P-256 private key, PEM SEC1 (EC PRIVATE KEY)"
    );
    assert_eq!(
        describe(fixture!("p384.pkcs8.pem")),
        "EC P-384 private key, PEM PKCS#8 (PRIVATE KEY)"
    );
    assert_eq!(
        describe(fixture!("p521.spki.pem")),
        "EC P-521 public key, PEM SPKI (PUBLIC KEY)"
    );
    assert_eq!(
        describe(fixture!("p521.sec1.pem")),
        "EC P-521 private key, PEM SEC1 (EC PRIVATE KEY)"
    );
    assert_eq!(
        describe(fixture!("ed25519.pkcs8.pem")),
        "Ed25519 private key, PEM PKCS#8 (PRIVATE KEY)"
    );
    assert_eq!(
        describe(fixture!("ed25519.spki.pem")),
        "Ed25519 public key, PEM SPKI (PUBLIC KEY)"
    );
}

#[test]
fn openssh_files_are_detected() {
    assert_eq!(
        describe(fixture!("ssh_rsa")),
        "RSA 2048-bit private key, OpenSSH private key"
    );
    assert_eq!(
        describe(fixture!("ssh_rsa.pub")),
        "RSA 2048-bit public key, OpenSSH public key"
    );
    assert_eq!(
        describe(fixture!("ssh_ed25519")),
        "Ed25519 private key, OpenSSH private key"
    );
    assert_eq!(
        describe(fixture!("ssh_ed25519.pub")),
        "Ed25519 public key, OpenSSH public key"
    );
    assert_eq!(
        describe(fixture!("ssh_ecdsa256.pub")),
        "EC P-256 public key, OpenSSH public key"
    );
    assert_eq!(
        describe(fixture!("ssh_ecdsa384")),
        "EC P-384 private key, OpenSSH private key"
    );
    assert_eq!(
        describe(fixture!("ssh_ecdsa521")),
        "EC P-521 private key, OpenSSH private key"
    );
    assert!(matches!(
        detect(fixture!("ssh_encrypted")),
        Err(KeyError::NeedsPassphrase)
    ));
}

#[test]
fn encrypted_pkcs8_opens_with_its_passphrase_and_the_older_openssl_form_says_how_to_decrypt() {
    let locked = fixture!("p256.pkcs8.encrypted.pem");
    assert_eq!(detect(locked).unwrap_err(), KeyError::NeedsPassphrase);
    let open = |passphrase| match parse_locked(locked, SecretEncoding::Utf8, passphrase) {
        Some(Ok(KeySet::One(key))) => Ok(key),
        Some(Ok(_)) => panic!("one key expected"),
        Some(Err(e)) => Err(e),
        None => panic!("empty"),
    };
    assert_eq!(open("not it").unwrap_err(), KeyError::WrongPassphrase);
    let key = open("secret").unwrap();
    let plain = match detect(fixture!("p256.pkcs8.pem")).unwrap() {
        KeySet::One(key) => key,
        _ => panic!("one key expected"),
    };
    assert_eq!(
        export::jwk(&key.material, true),
        export::jwk(&plain.material, true)
    );
    // OpenSSL's older encryption: the usual label with a `Proc-Type: 4,ENCRYPTED` line
    // (once read as ciphertext DER: "EC PRIVATE KEY: …"). No maintained crate reads it.
    let error = detect(fixture!("p256.sec1.encrypted.pem")).unwrap_err();
    assert!(matches!(error, KeyError::Encrypted(_)), "{error:?}");
    assert!(error.to_string().contains("openssl"), "{error}");
}

#[test]
fn private_and_public_halves_agree() {
    let pairs = [
        (fixture!("rsa2048.pkcs1.pem"), fixture!("rsa2048.spki.pem")),
        (fixture!("p256.sec1.pem"), fixture!("p256.spki.pem")),
        (fixture!("p521.pkcs8.pem"), fixture!("p521.spki.pem")),
        (fixture!("ed25519.pkcs8.pem"), fixture!("ed25519.spki.pem")),
        (fixture!("ssh_rsa"), fixture!("ssh_rsa.pub")),
        (fixture!("ssh_ecdsa384"), fixture!("ssh_ecdsa384.pub")),
    ];
    for (private, public) in pairs {
        let a = detect(private).unwrap().keys()[0].material.clone();
        let b = detect(public).unwrap().keys()[0].material.clone();
        assert_eq!(export::thumbprint(&a), export::thumbprint(&b));
        assert_eq!(export::public_pem(&a), export::public_pem(&b));
    }
}

#[test]
fn exports_read_back_as_the_same_key() {
    for text in [
        fixture!("rsa2048.pkcs8.pem"),
        fixture!("p384.sec1.pem"),
        fixture!("ssh_ed25519"),
        fixture!("p521.sec1.pem"),
    ] {
        let material = detect(text).unwrap().keys()[0].material.clone();
        let thumb = export::thumbprint(&material);
        let jwk_private = export::jwk(&material, true);
        let again = detect(&jwk_private).unwrap().keys()[0].clone();
        assert!(again.material.can_sign(), "{jwk_private}");
        assert_eq!(export::thumbprint(&again.material), thumb);
        assert_eq!(again.usage.kid.as_deref(), Some(thumb.as_str()));
        let jwk_public = export::jwk(&material, false);
        assert!(!detect(&jwk_public).unwrap().keys()[0].material.can_sign());
        for text in [
            export::public_pem(&material).unwrap(),
            export::private_pem(&material).unwrap(),
            export::openssh_public(&material, "c").unwrap(),
        ] {
            assert_eq!(
                export::thumbprint(&detect(&text).unwrap().keys()[0].material),
                thumb,
                "{text}"
            );
        }
    }
}

#[test]
fn secp256k1_keys_export_as_jwk_and_pem_but_not_openssh() {
    let material = detect(fixture!("secp256k1.sec1.pem")).unwrap().keys()[0]
        .material
        .clone();
    let thumb = export::thumbprint(&material);
    let jwk = export::jwk(&material, true);
    assert!(jwk.contains(r#""crv": "secp256k1""#), "{jwk}");
    for text in [
        jwk,
        export::jwk(&material, false),
        export::public_pem(&material).unwrap(),
        export::private_pem(&material).unwrap(),
        fixture!("secp256k1.pkcs8.pem").to_string(),
    ] {
        let again = detect(&text).unwrap().keys()[0].material.clone();
        assert_eq!(export::thumbprint(&again), thumb, "{text}");
    }
    // OpenSSH has no secp256k1 key type: nothing is written rather than something wrong.
    assert_eq!(export::openssh_public(&material, "c"), None);
}

#[test]
fn bad_keys_are_errors_not_panics() {
    assert!(matches!(
        detect(fixture!("rsa512.pkcs1.pem")),
        Err(KeyError::RsaTooSmall { bits: 512 })
    ));
    assert_eq!(
        describe(fixture!("rsa512.spki.pem")),
        "error: RSA modulus is 512 bits: keys under 1024 bits can be factored and are refused"
    );
    assert_eq!(
        describe("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"),
        "error: PUBLIC KEY: the key inside does not parse (unrecognised key algorithm or corrupt DER)"
    );
    assert!(describe("-----BEGIN PUBLIC KEY-----\nAAAA").starts_with("error: PEM: "));
    assert!(
        describe("-----BEGIN FOO-----\nAAAA\n-----END FOO-----")
            .contains("\"FOO\" is not a key format")
    );
    assert_eq!(
        describe(r#"{"kty":"OKP","crv":"Ed25519","x":"AAAA"}"#),
        "error: JWK: an Ed25519 \"x\" is 32 bytes, found 3"
    );
    assert_eq!(
        describe(r#"{"kty":"OKP","crv":"Ed25519","x":""}"#),
        "error: JWK: an Ed25519 \"x\" is 32 bytes, found 0"
    );
    assert!(describe(r#"{"kty":"RSA","n":"AQAB","e":"AQAB"}"#).contains("under 1024 bits"));
    assert_eq!(
        describe(r#"{"kty":"EC","crv":"secp256k1","x":"AA","y":"AA"}"#),
        "error: JWK: \"x\" and \"y\" of a secp256k1 key must be 32 bytes each, found 1 and 1"
    );
    assert_eq!(
        describe(r#"{"kty":"EC","crv":"brainpoolP256r1","x":"AA","y":"AA"}"#),
        "error: EC curve \"brainpoolP256r1\" (JWS uses P-256, P-384, P-521 and secp256k1) is not supported for JWS"
    );
    assert_eq!(
        describe(r#"{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}"#),
        "error: JWK: \"x\" and \"y\" of a P-256 key must be 32 bytes each, found 1 and 1"
    );
    assert_eq!(
        describe(r#"{"kty":"XYZ"}"#),
        "error: JWK key type \"XYZ\" is not supported for JWS"
    );
    assert_eq!(
        describe(r#"{"keys":[]}"#),
        "error: JWK: the key set is empty"
    );
    assert!(describe("{\"kty\":").starts_with("error: JWK: not JSON"));
    assert!(describe("ssh-rsa AAAA!!").starts_with("error: OpenSSH key:"));
    assert!(describe("ssh-dss AAAAB3NzaC1kc3MAAACBAP").starts_with("error:"));
}

#[test]
fn secrets_in_every_encoding() {
    let bytes = |text: &str, encoding| match parse(text, encoding).unwrap().unwrap().keys()[0]
        .material
        .clone()
    {
        Material::Secret(b) => b,
        other => panic!("not a secret: {other:?}"),
    };
    assert_eq!(bytes("mysecret", SecretEncoding::Utf8), b"mysecret");
    assert_eq!(bytes("bXlzZWNyZXQ=", SecretEncoding::Base64), b"mysecret");
    assert_eq!(bytes("-_8", SecretEncoding::Base64Url), vec![0xfb, 0xff]);
    assert_eq!(bytes("+/8=", SecretEncoding::Base64), vec![0xfb, 0xff]);
    assert_eq!(
        bytes("de ad BE EF", SecretEncoding::Hex),
        vec![0xde, 0xad, 0xbe, 0xef]
    );
    assert_eq!(
        parse("abc", SecretEncoding::Hex)
            .unwrap()
            .unwrap_err()
            .to_string(),
        "secret: not hex: 3 digits is an odd number"
    );
    assert_eq!(
        parse("xyz!", SecretEncoding::Base64Url)
            .unwrap()
            .unwrap_err()
            .to_string(),
        "secret: not base64url: invalid base64url character '!' at position 3"
    );
    assert!(parse("   ", SecretEncoding::Utf8).is_none());
}

#[test]
fn jwks_keeps_usable_keys_and_names_the_rest() {
    let jwks = format!(
        r#"{{"keys":[{},{{"kty":"OKP","crv":"X448","x":"AAAA","kid":"enc"}}]}}"#,
        export::jwk(
            &detect(fixture!("p256.spki.pem")).unwrap().keys()[0].material,
            false
        )
    );
    let set = detect(&jwks).unwrap();
    assert_eq!(set.keys().len(), 1);
    assert!(
        set.describe()
            .starts_with("JWKS with 1 usable key (1 skipped: enc: OKP curve \"X448\""),
        "{}",
        set.describe()
    );
}

/// The public JWK of the P-256 fixture without its kid, with `extra` members inserted first.
fn p256_jwk(extra: &str) -> String {
    let jwk = crate::jwt::json::parse(&export::jwk(
        &detect(fixture!("p256.spki.pem")).unwrap().keys()[0].material,
        false,
    ))
    .unwrap();
    let members: Vec<String> = jwk
        .members()
        .iter()
        .filter(|m| m.key != "kid")
        .map(|m| format!("\"{}\":{}", m.key, m.value.minified()))
        .collect();
    format!("{{{extra}{}}}", members.join(","))
}

#[test]
fn jwk_members_jsonwebtoken_reads_differently_keep_their_meaning() {
    let usage = |extra: &str| detect(&p256_jwk(extra)).unwrap().keys()[0].usage.clone();
    // An alg jsonwebtoken's KeyAlgorithm does not know is kept as written.
    assert_eq!(usage(r#""alg":"ES512","#).alg.as_deref(), Some("ES512"));
    assert_eq!(usage(r#""alg":"garbage","#).alg.as_deref(), Some("garbage"));
    // Certificate members are not read here, so a malformed one does not matter.
    assert!(detect(&p256_jwk(r#""x5c":5,"x5u":[1],"x5t#S256":null,"#)).is_ok());
    // key_ops entries that are not strings are skipped; the words are kept as written.
    assert_eq!(
        usage(r#""key_ops":["verify",5,"someOp"],"use":"sig","#),
        Usage {
            kid: None,
            alg: None,
            public_use: Some("sig".into()),
            key_ops: Some(vec!["verify".into(), "someOp".into()]),
            x5t: None,
            x5t_s256: None,
        }
    );
    // The last of duplicate members, as the display reads them; escapes are decoded.
    assert_eq!(
        usage(r#""kid":"first","kid":"l\u0061st","#).kid.as_deref(),
        Some("last")
    );
    assert_eq!(usage(r#""kid":"\ud800","#).kid.as_deref(), Some("\u{fffd}"));
    assert!(detect(&p256_jwk(r#""exotic":1e400,"#)).is_ok());
}

#[test]
fn jwk_members_of_the_wrong_type_or_missing_are_named() {
    let error = |text: &str| describe(text).replacen("error: ", "", 1);
    assert_eq!(
        error(&p256_jwk(r#""kid":null,"#)),
        "JWK: \"kid\" must be a string"
    );
    assert_eq!(
        error(&p256_jwk(r#""use":5,"#)),
        "JWK: \"use\" must be a string"
    );
    assert_eq!(
        error(&p256_jwk(r#""alg":["ES256"],"#)),
        "JWK: \"alg\" must be a string"
    );
    assert_eq!(
        error(&p256_jwk(r#""key_ops":"verify","#)),
        "JWK: \"key_ops\" must be an array of strings"
    );
    assert_eq!(error(r#"{"kid":"a"}"#), "JWK: \"kty\" is missing");
    assert_eq!(error(r#"{"kty":1}"#), "JWK: \"kty\" must be a string");
    assert_eq!(
        error(r#"{"kty":"RSA","e":"AQAB"}"#),
        "JWK: \"n\" is missing"
    );
    assert_eq!(
        error(r#"{"kty":"RSA","n":"AQAB","e":65537}"#),
        "JWK: \"e\" must be a string"
    );
    assert_eq!(error(r#"{"kty":"oct"}"#), "JWK: \"k\" is missing");
    assert_eq!(
        error(r#"{"kty":"EC","x":"AA","y":"AA"}"#),
        "JWK: \"crv\" is missing"
    );
    assert_eq!(
        error(r#"{"kty":"EC","crv":"P-256","x":"AA"}"#),
        "JWK: \"y\" is missing"
    );
    assert_eq!(
        error(r#"{"kty":"EC","crv":"Ed25519","x":"AA","y":"AA"}"#),
        "EC curve \"Ed25519\" (JWS uses P-256, P-384, P-521 and secp256k1) is not supported for JWS"
    );
    assert_eq!(
        error(r#"{"kty":"OKP","x":"AA"}"#),
        "OKP curve \"\" (only Ed25519 signs JWS here) is not supported for JWS"
    );
    assert_eq!(
        error(r#"{"kty":"OKP","crv":"P-256","x":"AA"}"#),
        "OKP curve \"P-256\" (only Ed25519 signs JWS here) is not supported for JWS"
    );
    assert_eq!(
        error(r#"{"kty":"OKP","crv":"Ed25519"}"#),
        "JWK: \"x\" is missing"
    );
    assert_eq!(error(&p256_jwk(r#""d":7,"#)), "JWK: \"d\" must be a string");
    assert_eq!(
        error("{\"keys\":{}}"),
        "JWK: \"keys\" must be an array of JWKs"
    );
    assert_eq!(
        error(r#"{"keys":[5,{"kty":"RSA","kid":"r"}]}"#),
        "JWK: no usable key in the set (#0: JWK: a JWK must be a JSON object; r: JWK: \"n\" is missing)"
    );
}

#[test]
fn an_rsa_jwk_with_a_zero_d_is_refused_not_a_panic() {
    let material = detect(fixture!("rsa2048.pkcs8.pem")).unwrap().keys()[0]
        .material
        .clone();
    let public = export::jwk(&material, false);
    for d in ["", "AA", "AAAA"] {
        let text = public.replacen('{', &format!(r#"{{"d":"{d}","#), 1);
        assert_eq!(
            describe(&text),
            "error: JWK: \"d\" is zero, which is not an RSA private exponent"
        );
    }
}

#[test]
fn a_jwks_names_each_bad_key_by_kid_or_position() {
    let good = p256_jwk("");
    let jwks = format!(
        r#"{{"keys":[{{"kty":"EC","crv":"P-256","kid":"no-y","x":"AA"}},{good},{{"kty":"RSA","n":5,"e":"AQAB"}},{{"kty":"EC","crv":"P-256","x":"AA","y":"AA","alg":"ES512"}}]}}"#
    );
    let set = detect(&jwks).unwrap();
    assert_eq!(set.keys().len(), 1);
    assert_eq!(
        set.describe(),
        "JWKS with 1 usable key (3 skipped: no-y: JWK: \"y\" is missing; #2: JWK: \"n\" must be a string; #3: JWK: \"x\" and \"y\" of a P-256 key must be 32 bytes each, found 1 and 1)"
    );
}

/// The base64 between a PEM file's armour lines.
fn bare(pem_text: &str) -> String {
    pem_text
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect()
}

#[test]
fn a_key_pasted_without_its_pem_lines_or_after_a_label_is_read_as_that_key() {
    let spki = fixture!("rsa2048.spki.pem");
    let expected = describe(spki);
    assert!(
        expected.starts_with("RSA 2048-bit public key"),
        "{expected}"
    );
    // Bare base64 DER, on one line or wrapped, as consoles show it.
    assert_eq!(describe(&bare(spki)), expected);
    // After a byte-order mark, or a label line someone copied with it.
    assert_eq!(describe(&format!("\u{feff}{spki}")), expected);
    assert_eq!(describe(&format!("Public key:\n{spki}")), expected);
    // A bare PKCS #8 private key, EC and Ed25519 keys too.
    for text in [
        fixture!("p256.pkcs8.pem"),
        fixture!("ed25519.spki.pem"),
        fixture!("p384.spki.pem"),
        fixture!("rsa2048.pkcs8.pem"),
    ] {
        assert!(!describe(text).starts_with("error"), "{}", describe(text));
        assert_eq!(describe(&bare(text)), describe(text));
    }
    // A base64 secret that is not one DER key stays a secret, whatever its first letter.
    for secret in ["MySecretValue", "MIIBmysecretbutnotakey", "MAAA"] {
        assert!(
            matches!(
                detect(secret),
                Ok(KeySet::One(Key {
                    material: Material::Secret(_),
                    ..
                }))
            ),
            "{secret}"
        );
    }
}

#[test]
fn a_token_forged_with_a_bare_public_key_as_hmac_secret_is_refused_not_verified() {
    use crate::jwt::{json, sign, token, verify};
    let key_text = bare(fixture!("rsa2048.spki.pem"));
    let header = json::parse(r#"{"alg":"HS256"}"#).unwrap();
    let input = sign::signing_input(&header, r#"{"sub":"admin"}"#).unwrap();
    // The attacker's HMAC key: the text a verifier would be handed, as UTF-8 bytes.
    let forger = Key::new(
        Material::Secret(key_text.clone().into_bytes()),
        Format::Secret(SecretEncoding::Utf8),
    );
    let forged = token::decode(&sign::sign(&input, &header, &forger).unwrap()).unwrap();
    let verdict = verify::verify(&forged, Some(&detect(&key_text)));
    assert_eq!(verdict.state(), "unverifiable");
    assert!(
        format!("{verdict:?}").contains("key confusion"),
        "{verdict:?}"
    );
}

#[test]
fn each_key_names_the_algorithm_it_signs_with() {
    let alg = |text: &str, encoding| {
        parse(text, encoding).unwrap().unwrap().keys()[0].signing_algorithm()
    };
    let hex = |bytes: usize| "ab".repeat(bytes);
    assert_eq!(alg(&hex(32), SecretEncoding::Hex), Some(Algorithm::HS256));
    assert_eq!(alg(&hex(48), SecretEncoding::Hex), Some(Algorithm::HS384));
    assert_eq!(alg(&hex(64), SecretEncoding::Hex), Some(Algorithm::HS512));
    let utf8 = SecretEncoding::Utf8;
    assert_eq!(
        alg(fixture!("rsa2048.pkcs8.pem"), utf8),
        Some(Algorithm::RS256)
    );
    assert_eq!(
        alg(fixture!("p384.pkcs8.pem"), utf8),
        Some(Algorithm::ES384)
    );
    assert_eq!(alg(fixture!("p521.spki.pem"), utf8), Some(Algorithm::ES512));
    assert_eq!(
        alg(fixture!("ed25519.pkcs8.pem"), utf8),
        Some(Algorithm::EdDSA)
    );
    assert_eq!(alg(fixture!("x25519.pkcs8.pem"), utf8), None);
}

#[test]
fn an_rsa_jwk_with_a_bad_exponent_is_blamed_on_e() {
    // An odd 2048-bit "n" (rsa checks its size and parity here, not that it is a product).
    let n = crate::jwt::base64url::encode(&[0xC3u8; 256]);
    let too_large = crate::jwt::base64url::encode(&[0xFFu8; 8]);
    for (e, words) in [
        (n.as_str(), "\"e\" is not smaller than the modulus \"n\""),
        ("BA", "\"e\" is even"),
        ("Ag", "\"e\" is under 3"),
        ("AQ", "\"e\" is under 3"),
        ("AAAB", "\"e\" is under 3"),
        ("AA", "\"e\" is zero or empty"),
        ("", "\"e\" is zero or empty"),
        (&too_large, "\"e\" is 2^33 or more"),
    ] {
        let said = describe(&format!(r#"{{"kty":"RSA","n":"{n}","e":"{e}"}}"#));
        assert!(
            said.starts_with("error: JWK: ") && said.contains(words),
            "{e}: {said}"
        );
        assert!(!said.contains("modulus)"), "{said}");
    }
    assert!(
        describe(&format!(r#"{{"kty":"RSA","n":"{n}","e":"AQAB"}}"#))
            .ends_with("RSA 2048-bit public key, JWK")
    );
}

#[test]
fn a_secret_is_named_for_the_token_it_is_used_on() {
    let secret = detect("mysecret").unwrap();
    assert_eq!(secret.describe_for(Kind::Jws), secret.describe());
    assert!(secret.describe().starts_with("64-bit HMAC secret"));
    assert!(
        secret
            .describe_for(Kind::Jwe)
            .starts_with("64-bit shared secret")
    );
    // Only a secret's words change: a key pair is the same key whatever the token.
    let public = detect(fixture!("rsa2048.spki.pem")).unwrap();
    assert_eq!(public.describe_for(Kind::Jwe), public.describe());
}
