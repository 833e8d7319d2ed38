//! The engine as the page uses it, without a browser: a [`Client`] over a [`Store`] directly.
//! Every key read through it must describe, verify, sign and export exactly as read in place.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::client::{Client, Link};
use super::store::Store;
use crate::jwt::algorithm::Algorithm;
use crate::jwt::keys::remote::KeyEngine;
use crate::jwt::keys::{self, KeyError, KeySet, Material, SecretEncoding, export};
use crate::jwt::primitives;

/// A link that calls the store in the same module; `exports` counts the export calls.
#[derive(Default)]
struct Direct {
    store: RefCell<Store>,
    exports: Cell<usize>,
}

impl Link for Direct {
    fn parse(&self, text: &str) -> Option<String> {
        Some(self.store.borrow_mut().parse(text))
    }
    fn generate(&self, kind: &str, random: &[u8]) -> Option<String> {
        Some(self.store.borrow_mut().generate(kind, random))
    }
    fn rsa_from_pkcs8(&self, der: &[u8]) -> Option<String> {
        Some(self.store.borrow_mut().rsa_from_pkcs8(der))
    }
    fn verify(&self, handle: u32, alg: &str, message: &[u8], signature: &[u8]) -> bool {
        self.store.borrow().verify(handle, alg, message, signature)
    }
    fn sign(&self, handle: u32, alg: &str, message: &[u8]) -> Option<String> {
        Some(self.store.borrow().sign(handle, alg, message))
    }
    fn export(&self, handle: u32, form: &str, comment: &str) -> Option<String> {
        self.exports.set(self.exports.get() + 1);
        self.store.borrow().export(handle, form, comment)
    }
    fn release(&self, handle: u32) {
        self.store.borrow_mut().release(handle);
    }
}

/// A link to an engine that has not arrived.
struct Absent;

impl Link for Absent {
    fn parse(&self, _: &str) -> Option<String> {
        None
    }
    fn generate(&self, _: &str, _: &[u8]) -> Option<String> {
        None
    }
    fn rsa_from_pkcs8(&self, _: &[u8]) -> Option<String> {
        None
    }
    fn verify(&self, _: u32, _: &str, _: &[u8], _: &[u8]) -> bool {
        false
    }
    fn sign(&self, _: u32, _: &str, _: &[u8]) -> Option<String> {
        None
    }
    fn export(&self, _: u32, _: &str, _: &str) -> Option<String> {
        None
    }
    fn release(&self, _: u32) {}
}

macro_rules! fixture {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../tests/vectors/keys/", $name)),
        )
    };
}

/// Private keys (they sign) of every kind and file format, and a public key for each algorithm.
const PRIVATE: [(&str, &str); 9] = [
    fixture!("rsa2048.pkcs1.pem"),
    fixture!("rsa2048.pkcs8.pem"),
    fixture!("p256.sec1.pem"),
    fixture!("p384.pkcs8.pem"),
    fixture!("p521.sec1.pem"),
    fixture!("ed25519.pkcs8.pem"),
    fixture!("ssh_rsa"),
    fixture!("ssh_ecdsa256"),
    fixture!("ssh_ed25519"),
];
const PUBLIC: [(&str, &str); 6] = [
    fixture!("rsa2048.cert.pem"),
    fixture!("rsa2048.pkcs1.pub.pem"),
    fixture!("p384.spki.pem"),
    fixture!("ssh_ecdsa521.pub"),
    fixture!("ssh_ed25519.pub"),
    fixture!("rsa1024.spki.pem"),
];

fn local(text: &str) -> KeySet {
    keys::parse(text, SecretEncoding::Utf8).unwrap().unwrap()
}

fn algorithms_for(material: &Material) -> Vec<Algorithm> {
    Algorithm::ALL
        .into_iter()
        .filter(|&alg| {
            let key = keys::Key {
                material: material.clone(),
                format: keys::Format::Jwk,
                usage: Default::default(),
            };
            crate::jwt::verify::key_fits(&key, alg, crate::jwt::verify::Purpose::Verify).is_ok()
        })
        .collect()
}

#[test]
fn keys_read_by_the_engine_act_as_keys_read_in_place() {
    let link = Rc::new(Direct::default());
    let engine = Client::new(link.clone());
    for (name, text) in PRIVATE.iter().chain(PUBLIC.iter()) {
        let here = local(text);
        let there = engine.parse(text.trim()).unwrap();
        assert_eq!(there.describe(), here.describe(), "{name}");
        let (here, there) = (&here.keys()[0].material, &there.keys()[0].material);
        assert!(matches!(there, Material::Remote(_)), "{name}");
        assert_eq!(there.kind_words(), here.kind_words(), "{name}");
        assert_eq!(there.rsa_bits(), here.rsa_bits(), "{name}");
        assert_eq!(
            export::thumbprint(there),
            export::thumbprint(here),
            "{name}"
        );
        assert_eq!(export::jwk(there, true), export::jwk(here, true), "{name}");
        assert_eq!(
            export::public_pem(there),
            export::public_pem(here),
            "{name}"
        );
        assert_eq!(
            export::private_pem(there),
            export::private_pem(here),
            "{name}"
        );
        assert_eq!(
            export::openssh_public(there, "c"),
            export::openssh_public(here, "c"),
            "{name}"
        );
        let algs = algorithms_for(here);
        assert!(!algs.is_empty(), "{name}");
        assert_eq!(algorithms_for(there), algs, "{name}");
        for alg in algs {
            let message = format!("{name} {alg}");
            let message = message.as_bytes();
            if here.can_sign() {
                // Signed there, checked here, and the other way round; a changed message fails.
                let signature = primitives::sign(alg, there, message).unwrap();
                assert!(
                    primitives::verify(alg, here, message, &signature),
                    "{name} {alg}"
                );
                let signature = primitives::sign(alg, here, message).unwrap();
                assert!(
                    primitives::verify(alg, there, message, &signature),
                    "{name} {alg}"
                );
                assert!(
                    !primitives::verify(alg, there, b"other", &signature),
                    "{name} {alg}"
                );
            } else {
                assert!(
                    primitives::sign(alg, there, message).is_err(),
                    "{name} {alg}"
                );
                assert!(
                    !primitives::verify(alg, there, message, &"A".repeat(86)),
                    "{name} {alg}"
                );
            }
        }
    }
    // Every key the page dropped was released in the engine.
    assert_eq!(link.store.borrow().len(), 0);
}

#[test]
fn refusals_and_key_sets_cross_whole() {
    let engine = Client::new(Rc::new(Direct::default()));
    for text in [
        "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
        include_str!("../../tests/vectors/keys/ssh_encrypted"),
        include_str!("../../tests/vectors/keys/rsa512.spki.pem"),
        r#"{"kty":"RSA","n":"AQAB"}"#,
        "ssh-dss AAAAB3NzaC1kc3M= dsa",
    ] {
        let here = keys::parse(text, SecretEncoding::Utf8)
            .unwrap()
            .unwrap_err();
        let there = engine.parse(text.trim()).unwrap_err();
        assert_eq!(there.to_string(), here.to_string());
    }
    // A set: a usable EC key, an HMAC secret with its usage, and one skipped with its reason.
    let ec = export::jwk(&local(PUBLIC[2].1).keys()[0].material, false);
    let jwks = format!(
        r#"{{"keys":[{ec},{{"kty":"oct","k":"c2VjcmV0","kid":"h\"1","alg":"HS256","key_ops":["verify"]}},{{"kty":"OKP","crv":"X25519","x":"AAAA","kid":"enc"}}]}}"#
    );
    let here = local(&jwks);
    let there = engine.parse(&jwks).unwrap();
    assert_eq!(there.describe(), here.describe());
    let (KeySet::Jwks { keys, skipped }, KeySet::Jwks { keys: mine, .. }) = (&there, &here) else {
        panic!("a JWKS stays a set");
    };
    assert_eq!(skipped.len(), 1);
    assert_eq!(keys[1].usage, mine[1].usage);
    assert!(matches!(&keys[1].material, Material::Secret(k) if k == b"secret"));
}

#[test]
fn generated_keys_come_back_as_handles() {
    let link = Rc::new(Direct::default());
    let engine = Client::new(link.clone());
    let key = engine
        .generate(
            keys::generate::KeyKind::Ec(crate::jwt::algorithm::Curve::P256),
            &[7; 32],
        )
        .unwrap();
    assert_eq!(key.material.kind_words(), "EC P-256 private key");
    let signature = primitives::sign(Algorithm::ES256, &key.material, b"m").unwrap();
    let public = local(&export::public_pem(&key.material).unwrap());
    assert!(primitives::verify(
        Algorithm::ES256,
        &public.keys()[0].material,
        b"m",
        &signature
    ));
    let refused = engine.rsa_from_pkcs8(b"not DER").unwrap_err();
    assert!(
        refused.to_string().starts_with("PRIVATE KEY: "),
        "{refused}"
    );
    drop(key);
    assert_eq!(link.store.borrow().len(), 0);
}

#[test]
fn an_engine_not_yet_loaded_says_so_and_a_garbled_answer_is_an_error() {
    let absent = Client::new(Rc::new(Absent));
    assert_eq!(
        absent.parse("ssh-ed25519 AAAA").unwrap_err(),
        KeyError::EngineLoading
    );
    for answer in [
        "",
        "{",
        "[]",
        r#"{"keys":[{"format":"nope"}]}"#,
        r#"{"keys":[]}"#,
        // An asymmetric key without its thumbprint (an engine of another build).
        r#"{"set":false,"keys":[{"format":"jwk","shape":"ed25519","bits":0,"private":false,"handle":1}],"skipped":[]}"#,
    ] {
        let error = super::protocol::read_keys(answer, &mut |_, _, _| unreachable!()).unwrap_err();
        assert!(matches!(error, KeyError::Engine(_)), "{answer}: {error:?}");
    }
}

#[test]
fn the_thumbprint_comes_with_the_key_and_costs_no_call() {
    let link = Rc::new(Direct::default());
    let engine = Client::new(link.clone());
    let (_, text) = PUBLIC[0];
    let there = engine.parse(text.trim()).unwrap();
    let here = local(text);
    for _ in 0..3 {
        assert_eq!(
            export::thumbprint(&there.keys()[0].material),
            export::thumbprint(&here.keys()[0].material)
        );
    }
    assert_eq!(link.exports.get(), 0);
    // Other forms are still written by the engine.
    assert!(export::public_pem(&there.keys()[0].material).is_some());
    assert_eq!(link.exports.get(), 1);
}
