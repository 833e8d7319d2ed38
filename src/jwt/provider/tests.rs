use jsonwebtoken::crypto::{sign, verify};
use jsonwebtoken::jwk::Jwk;
use rsa::pkcs1::{EncodeRsaPrivateKey, EncodeRsaPublicKey};
use rsa::pkcs8::EncodePrivateKey;

use super::*;
use crate::jwt::algorithm::Curve;
use crate::jwt::keys::{self, Material, SecretEncoding, export};

fn material(text: &str) -> Material {
    let set = keys::parse(text, SecretEncoding::Utf8)
        .expect("a key")
        .expect("the fixture parses");
    set.keys()[0].material.clone()
}

macro_rules! fixture {
    ($name:literal) => {
        material(include_str!(concat!("../../../tests/vectors/keys/", $name)))
    };
}

/// Every algorithm jsonwebtoken knows.
const ALGORITHMS: [Algorithm; 12] = [
    Algorithm::HS256,
    Algorithm::HS384,
    Algorithm::HS512,
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::PS256,
    Algorithm::PS384,
    Algorithm::PS512,
    Algorithm::ES256,
    Algorithm::ES384,
    Algorithm::EdDSA,
];

#[test]
fn install_is_idempotent_and_installs_this_provider() {
    install();
    install();
    let installed = CryptoProvider::try_get_default().expect("a provider");
    assert!(std::ptr::eq(installed, &PROVIDER));
}

/// The thumbprint jsonwebtoken computes for `jwk`, with this provider's digest.
fn thumbprint(jwk: &Jwk, hash: ThumbprintHash) -> String {
    jwk.thumbprint(hash).expect("a thumbprint")
}

#[test]
fn every_key_util_works_through_jsonwebtokens_jwk() {
    install();
    // RSA: n and e of a PKCS#1 private key and of a PKCS#1 public key.
    let rsa = fixture!("rsa2048.pkcs1.pem");
    let Material::Rsa {
        public,
        private: Some(private),
    } = &rsa
    else {
        panic!("an RSA private key")
    };
    let encoding = EncodingKey::from_rsa_der(private.to_pkcs1_der().unwrap().as_bytes());
    let jwk = Jwk::from_encoding_key(&encoding, Algorithm::RS256).unwrap();
    let expected = export::thumbprint(&rsa);
    assert_eq!(thumbprint(&jwk, ThumbprintHash::SHA256), expected);
    let decoding = DecodingKey::from_rsa_der(public.to_pkcs1_der().unwrap().as_bytes());
    let jwk = Jwk::from_decoding_key(&decoding, None).unwrap();
    assert_eq!(thumbprint(&jwk, ThumbprintHash::SHA256), expected);

    // EC: the curve, x and y of a PKCS#8 private key.
    for (key, alg) in [
        (fixture!("p256.sec1.pem"), Algorithm::ES256),
        (fixture!("p384.pkcs8.pem"), Algorithm::ES384),
    ] {
        let Material::Ec {
            curve,
            scalar: Some(d),
            ..
        } = &key
        else {
            panic!("an EC private key")
        };
        let der = match curve {
            Curve::P256 => p256::SecretKey::from_slice(d).unwrap().to_pkcs8_der(),
            _ => p384::SecretKey::from_slice(d).unwrap().to_pkcs8_der(),
        };
        let encoding = EncodingKey::from_ec_der(der.unwrap().as_bytes());
        let jwk = Jwk::from_encoding_key(&encoding, alg).unwrap();
        assert_eq!(
            thumbprint(&jwk, ThumbprintHash::SHA256),
            export::thumbprint(&key),
            "{alg:?}"
        );
    }

    // Ed25519: x of a PKCS#8 private key.
    let ed = fixture!("ed25519.pkcs8.pem");
    let Material::Ed25519 {
        seed: Some(seed), ..
    } = &ed
    else {
        panic!("an Ed25519 private key")
    };
    let der = ed25519_dalek::pkcs8::KeypairBytes {
        secret_key: *seed,
        public_key: None,
    }
    .to_pkcs8_der()
    .unwrap();
    let jwk = Jwk::from_encoding_key(&EncodingKey::from_ed_der(der.as_bytes()), Algorithm::EdDSA)
        .unwrap();
    assert_eq!(
        thumbprint(&jwk, ThumbprintHash::SHA256),
        export::thumbprint(&ed)
    );

    // The digest, at every size.
    let lengths = [
        (ThumbprintHash::SHA256, 32),
        (ThumbprintHash::SHA384, 48),
        (ThumbprintHash::SHA512, 64),
    ];
    for (hash, bytes) in lengths {
        let text = thumbprint(&jwk, hash);
        assert_eq!(crate::jwt::base64url::decode(&text).unwrap().len(), bytes);
    }
}

#[test]
fn key_utils_refuse_what_is_not_a_key() {
    install();
    for junk in [&b""[..], b"\x30", b"\x30\x03\x02\x01\x01", &[0xff; 48]] {
        for alg in [Algorithm::RS256, Algorithm::ES256, Algorithm::ES384] {
            let key = match alg.family() {
                AlgorithmFamily::Rsa => EncodingKey::from_rsa_der(junk),
                _ => EncodingKey::from_ec_der(junk),
            };
            assert!(Jwk::from_encoding_key(&key, alg).is_err(), "{alg:?}");
        }
        let key = EncodingKey::from_ed_der(junk);
        assert!(Jwk::from_encoding_key(&key, Algorithm::EdDSA).is_err());
        let key = DecodingKey::from_rsa_der(junk);
        assert!(Jwk::from_decoding_key(&key, None).is_err());
    }
}

#[test]
fn short_ed25519_keys_are_an_error_not_a_panic() {
    install();
    // jsonwebtoken's own RustCrypto verifier slices such a key to 32 bytes and panics.
    for length in [0, 1, 31, 33, 64] {
        let key = DecodingKey::from_ed_der(&vec![9; length]);
        assert!(
            verify(&"A".repeat(86), b"a.b", &key, Algorithm::EdDSA).is_err(),
            "{length} bytes"
        );
    }
    let key = DecodingKey::from_ed_components("AAAA").unwrap();
    assert!(verify("AAAA", b"a.b", &key, Algorithm::EdDSA).is_err());
    let key = EncodingKey::from_ed_der(&[9; 5]);
    assert!(sign(b"a.b", &key, Algorithm::EdDSA).is_err());
}

#[test]
fn hostile_keys_never_verify_and_never_panic() {
    install();
    let junk: [&[u8]; 6] = [
        b"",
        b"\x00",
        &[4; 65],
        &[4; 97],
        b"\x30\x82\xff\xff",
        &[0xff; 300],
    ];
    for alg in ALGORITHMS {
        for bytes in junk {
            let decoding = match alg.family() {
                AlgorithmFamily::Hmac => match DecodingKey::from_secret(bytes) {
                    Ok(key) => key,
                    Err(_) => continue,
                },
                AlgorithmFamily::Rsa => DecodingKey::from_rsa_der(bytes),
                AlgorithmFamily::Ec => DecodingKey::from_ec_der(bytes),
                AlgorithmFamily::Ed => DecodingKey::from_ed_der(bytes),
            };
            let verdict = verify(&"A".repeat(86), b"a.b", &decoding, alg);
            assert!(!matches!(verdict, Ok(true)), "{alg:?}");
            if alg.family() == AlgorithmFamily::Rsa {
                let components = DecodingKey::from_rsa_raw_components(bytes, bytes);
                let verdict = verify(&"A".repeat(342), b"a.b", &components, alg);
                assert!(!matches!(verdict, Ok(true)), "{alg:?}");
            }
            let encoding = match alg.family() {
                AlgorithmFamily::Hmac => continue,
                AlgorithmFamily::Rsa => EncodingKey::from_rsa_der(bytes),
                AlgorithmFamily::Ec => EncodingKey::from_ec_der(bytes),
                AlgorithmFamily::Ed => EncodingKey::from_ed_der(bytes),
            };
            assert!(sign(b"a.b", &encoding, alg).is_err(), "{alg:?}");
        }
    }
}

#[test]
fn a_key_of_another_family_is_refused() {
    install();
    let secret = DecodingKey::from_secret(b"secret").unwrap();
    let signature = sign(
        b"a.b",
        &EncodingKey::from_secret(b"secret").unwrap(),
        Algorithm::HS256,
    )
    .unwrap();
    assert_eq!(
        verify(&signature, b"a.b", &secret, Algorithm::HS256),
        Ok(true)
    );
    for alg in [Algorithm::RS256, Algorithm::ES256, Algorithm::EdDSA] {
        assert!(verify(&signature, b"a.b", &secret, alg).is_err(), "{alg:?}");
    }
}

#[test]
fn recently_parsed_rsa_keys_are_never_confused() {
    install();
    let keys = [
        fixture!("rsa2048.pkcs1.pem"),
        fixture!("ssh_rsa"),
        fixture!("rsa1024.pkcs1.pem"),
    ];
    let pairs: Vec<(EncodingKey, DecodingKey)> = keys
        .iter()
        .map(|key| {
            let Material::Rsa {
                public,
                private: Some(private),
            } = key
            else {
                panic!("an RSA private key")
            };
            (
                EncodingKey::from_rsa_der(private.to_pkcs1_der().unwrap().as_bytes()),
                DecodingKey::from_rsa_raw_components(&public.n_bytes(), &public.e_bytes()),
            )
        })
        .collect();
    // Also the same keys as PKCS#1 DER: more keys than are kept, visited in turn, twice.
    let mut decoding: Vec<DecodingKey> = pairs.iter().map(|(_, d)| d.clone()).collect();
    for key in &keys {
        let Material::Rsa { public, .. } = key else {
            unreachable!()
        };
        decoding.push(DecodingKey::from_rsa_der(
            public.to_pkcs1_der().unwrap().as_bytes(),
        ));
    }
    assert!(decoding.len() > RECENT_RSA_KEYS);
    let signatures: Vec<String> = pairs
        .iter()
        .map(|(e, _)| sign(b"a.b", e, Algorithm::RS256).unwrap())
        .collect();
    for _ in 0..2 {
        for (i, key) in decoding.iter().enumerate() {
            for (j, signature) in signatures.iter().enumerate() {
                assert_eq!(
                    verify(signature, b"a.b", key, Algorithm::RS256),
                    Ok(i % keys.len() == j),
                    "key {i}, signature {j}"
                );
            }
        }
    }
}
