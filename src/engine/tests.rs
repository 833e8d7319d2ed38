//! The engine as the page uses it, without a browser: a [`Client`] over a [`Store`] through a
//! link that queues questions until the test delivers them, as the worker would. Every key read
//! through it must describe, verify, sign and export exactly as read in place.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use super::client::{Client, Link};
use super::protocol::{Answer, BUILD, Envelope, Request};
use super::store::Store;
use crate::jwt::algorithm::{Algorithm, Family};
use crate::jwt::keys::{self, KeyError, KeySet, Material, SecretEncoding, export};
use crate::jwt::primitives;

/// A link whose questions wait in `inbox` until [`settle`] hands them to the store.
#[derive(Default)]
struct Queued {
    store: RefCell<Store>,
    inbox: RefCell<VecDeque<Envelope>>,
    sent: Cell<usize>,
    /// When set, the engine cannot be reached and says this.
    unreachable: RefCell<Option<String>>,
}

impl Link for Queued {
    fn send(&self, envelope: Envelope) -> Result<(), String> {
        if let Some(why) = self.unreachable.borrow().clone() {
            return Err(why);
        }
        self.sent.set(self.sent.get() + 1);
        self.inbox.borrow_mut().push_back(envelope);
        Ok(())
    }

    fn tell(&self, envelope: Envelope) {
        if self.unreachable.borrow().is_none() {
            self.inbox.borrow_mut().push_back(envelope);
        }
    }
}

/// Delivers every question waiting, as the worker would answer them.
fn settle(client: &Client<Queued>) {
    loop {
        let Some((id, request)) = client.link().inbox.borrow_mut().pop_front() else {
            return;
        };
        let answer = client.link().store.borrow_mut().answer(request);
        if let Some(answer) = answer {
            client.receive(id, BUILD, answer);
        }
    }
}

/// `ask()` once the engine has answered it: the first call sends, the second finds the answer.
fn answered<T>(
    client: &Client<Queued>,
    ask: impl Fn() -> Result<T, KeyError>,
) -> Result<T, KeyError> {
    match ask() {
        Err(KeyError::Pending) => {
            settle(client);
            ask()
        }
        other => other,
    }
}

fn verify_there(
    client: &Client<Queued>,
    alg: Algorithm,
    material: &Material,
    message: &[u8],
    signature: &str,
) -> bool {
    let Material::Handle(key) = material else {
        return primitives::verify(alg, material, message, signature);
    };
    if key.verify(alg, message, signature).is_none() {
        settle(client);
    }
    key.verify(alg, message, signature)
        .expect("answered")
        .expect("reachable")
}

fn sign_there(
    client: &Client<Queued>,
    alg: Algorithm,
    material: &Material,
    message: &[u8],
) -> Result<String, String> {
    let Material::Handle(key) = material else {
        return primitives::sign(alg, material, message);
    };
    if key.sign(alg, message).is_none() {
        settle(client);
    }
    key.sign(alg, message).expect("answered")
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
    let engine = Client::new(Queued::default());
    for (name, text) in PRIVATE.iter().chain(PUBLIC.iter()) {
        let here = local(text);
        let there = answered(&engine, || engine.parse(text.trim(), "")).unwrap();
        assert_eq!(there.describe(), here.describe(), "{name}");
        let (here, there) = (&here.keys()[0].material, &there.keys()[0].material);
        assert!(matches!(there, Material::Handle(_)), "{name}");
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
                let signature = sign_there(&engine, alg, there, message).unwrap();
                assert!(
                    primitives::verify(alg, here, message, &signature),
                    "{name} {alg}"
                );
                let signature = primitives::sign(alg, here, message).unwrap();
                assert!(
                    verify_there(&engine, alg, there, message, &signature),
                    "{name} {alg}"
                );
                assert!(
                    !verify_there(&engine, alg, there, b"other", &signature),
                    "{name} {alg}"
                );
            } else {
                assert!(
                    sign_there(&engine, alg, there, message).is_err(),
                    "{name} {alg}"
                );
                assert!(
                    !verify_there(&engine, alg, there, message, &"A".repeat(86)),
                    "{name} {alg}"
                );
            }
        }
    }
}

#[test]
fn refusals_and_key_sets_cross_whole() {
    let engine = Client::new(Queued::default());
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
        let there = answered(&engine, || engine.parse(text.trim(), "")).unwrap_err();
        assert_eq!(there.to_string(), here.to_string());
    }
    // A set: a usable EC key, an HMAC secret with its usage, and one skipped with its reason.
    let ec = export::jwk(&local(PUBLIC[2].1).keys()[0].material, false);
    let jwks = format!(
        r#"{{"keys":[{ec},{{"kty":"oct","k":"c2VjcmV0","kid":"h\"1","alg":"HS256","key_ops":["verify"]}},{{"kty":"OKP","crv":"X25519","x":"AAAA","kid":"enc"}}]}}"#
    );
    let here = local(&jwks);
    let there = answered(&engine, || engine.parse(&jwks, "")).unwrap();
    assert_eq!(there.describe(), here.describe());
    let (KeySet::Jwks { keys, skipped }, KeySet::Jwks { keys: mine, .. }) = (&there, &here) else {
        panic!("a JWKS stays a set");
    };
    assert_eq!(skipped.len(), 1);
    assert_eq!(keys[1].usage, mine[1].usage);
    assert!(matches!(&keys[1].material, Material::Secret(k) if k == b"secret"));
}

#[test]
fn generated_keys_come_back_as_handles_and_are_released_when_dropped() {
    let engine = Client::new(Queued::default());
    let kind = keys::generate::KeyKind::Ec(crate::jwt::algorithm::Curve::P256);
    let key = answered(&engine, || engine.generate(kind, &[7; 32])).unwrap();
    assert_eq!(key.material.kind_words(), "EC P-256 private key");
    let signature = sign_there(&engine, Algorithm::ES256, &key.material, b"m").unwrap();
    let public = local(&export::public_pem(&key.material).unwrap());
    assert!(primitives::verify(
        Algorithm::ES256,
        &public.keys()[0].material,
        b"m",
        &signature
    ));
    let refused = answered(&engine, || engine.rsa_from_pkcs8(b"not DER")).unwrap_err();
    assert!(
        refused.to_string().starts_with("PRIVATE KEY: "),
        "{refused}"
    );
    assert_eq!(engine.link().store.borrow().len(), 1);
    // The client keeps the answer (and so the key) until newer answers push it out.
    drop(key);
    for i in 0..40u8 {
        answered(&engine, || engine.generate(kind, &[i + 1; 32])).unwrap();
    }
    settle(&engine);
    assert!(engine.link().store.borrow().len() <= 32);
}

#[test]
fn a_question_is_sent_once_and_answered_from_memory_after() {
    let engine = Client::new(Queued::default());
    let (_, text) = PUBLIC[4];
    assert_eq!(engine.parse(text, "").unwrap_err(), KeyError::Pending);
    assert_eq!(engine.parse(text, "").unwrap_err(), KeyError::Pending);
    assert_eq!(engine.link().sent.get(), 1, "asked twice, sent once");
    let heard = Rc::new(Cell::new(0));
    let count = heard.clone();
    engine.on_answer(move || count.set(count.get() + 1));
    settle(&engine);
    assert_eq!(heard.get(), 1, "the page hears of the answer");
    let key = engine.parse(text, "").unwrap();
    assert_eq!(engine.link().sent.get(), 1, "the answer was kept");
    assert_eq!(key.describe(), local(text).describe());
    // A verdict is asked once too; until it is in, the key says "not yet".
    let Material::Handle(remote) = &key.keys()[0].material else {
        panic!("an Ed25519 key is held by the engine");
    };
    assert_eq!(remote.verify(Algorithm::EdDSA, b"m", &"A".repeat(86)), None);
    settle(&engine);
    assert_eq!(
        remote.verify(Algorithm::EdDSA, b"m", &"A".repeat(86)),
        Some(Ok(false))
    );
}

#[test]
fn an_unreachable_engine_refuses_in_words_and_the_next_question_tries_again() {
    let engine = Client::new(Queued::default());
    let (_, text) = PUBLIC[4];
    assert_eq!(engine.parse(text, "").unwrap_err(), KeyError::Pending);
    engine.fail("it could not be loaded");
    assert_eq!(
        engine.parse(text, "").unwrap_err(),
        KeyError::Reported("it could not be loaded".into())
    );
    *engine.link().unreachable.borrow_mut() = Some("offline".into());
    assert_eq!(
        engine.parse(PUBLIC[3].1, "").unwrap_err(),
        KeyError::Reported("offline".into())
    );
    // The same key pasted again while still offline: refused again, in words; once the
    // page is told to retry, it asks afresh.
    engine.retry_refused();
    assert_eq!(
        engine.parse(PUBLIC[3].1, "").unwrap_err(),
        KeyError::Reported("offline".into())
    );
    // Back online: a new question goes out, and the refused ones are asked afresh.
    engine.link().unreachable.borrow_mut().take();
    assert!(answered(&engine, || engine.parse(PUBLIC[2].1, "")).is_ok());
    assert!(answered(&engine, || engine.parse(text, "")).is_ok());
    // A refusal is kept until the page retries: then the same question goes out again.
    *engine.link().unreachable.borrow_mut() = Some("offline".into());
    let other = PUBLIC[1].1;
    assert!(engine.parse(other, "").is_err());
    engine.link().unreachable.borrow_mut().take();
    let sent = engine.link().sent.get();
    assert!(engine.parse(other, "").is_err(), "the refusal, from memory");
    assert_eq!(engine.link().sent.get(), sent);
    engine.retry_refused();
    assert!(answered(&engine, || engine.parse(other, "")).is_ok());
}

#[test]
fn a_restarted_engine_is_asked_again_what_was_out_not_refused() {
    let engine = Client::new(Queued::default());
    let (_, text) = PUBLIC[4];
    let heard = Rc::new(Cell::new(0));
    let count = heard.clone();
    engine.on_answer(move || count.set(count.get() + 1));
    assert_eq!(engine.parse(text, "").unwrap_err(), KeyError::Pending);
    // The worker that had the question is gone (its files did not load): a new one is started.
    engine.link().inbox.borrow_mut().clear();
    engine.restart();
    assert_eq!(heard.get(), 1, "the page derives again, and so asks again");
    assert_eq!(
        engine.parse(text, "").unwrap_err(),
        KeyError::Pending,
        "not a refusal"
    );
    assert_eq!(engine.link().sent.get(), 2, "the question went out again");
    assert!(answered(&engine, || engine.parse(text, "")).is_ok());
}

#[test]
fn an_engine_that_stopped_after_its_hello_is_greeted_again_when_restarted() {
    let engine = Client::new(Queued::default());
    engine.hello();
    settle(&engine);
    engine.hello();
    assert_eq!(
        engine.link().sent.get(),
        1,
        "its hello is kept while it lives"
    );
    // It stopped (a trap): the new one must be started, which greeting it does.
    engine.restart();
    engine.hello();
    assert_eq!(engine.link().sent.get(), 2, "the new engine is greeted");
}

#[test]
fn an_engine_of_another_build_or_a_garbled_answer_is_an_error() {
    let engine = Client::new(Queued::default());
    let (_, text) = PUBLIC[4];
    assert_eq!(engine.parse(text, "").unwrap_err(), KeyError::Pending);
    let (id, _) = engine.link().inbox.borrow_mut().pop_front().unwrap();
    engine.receive(id, "0.0.0/protocol-0", Answer::Hello);
    assert!(
        matches!(engine.parse(text, "").unwrap_err(), KeyError::Reported(why) if why.contains("another release")),
    );
    // A key answer to a key question that holds no key.
    let engine = Client::new(Queued::default());
    assert_eq!(engine.parse(text, "").unwrap_err(), KeyError::Pending);
    let (id, request) = engine.link().inbox.borrow_mut().pop_front().unwrap();
    assert_eq!(
        request,
        Request::Parse {
            text: text.to_string(),
            passphrase: String::new()
        }
    );
    let empty = super::protocol::KeysRead {
        set: false,
        keys: Vec::new(),
        skipped: Vec::new(),
    };
    engine.receive(id, BUILD, Answer::Keys(Ok(empty)));
    assert!(
        matches!(engine.parse(text, "").unwrap_err(), KeyError::Reported(why) if why.contains("reload"))
    );
}

#[test]
fn every_written_out_form_comes_with_the_key() {
    let engine = Client::new(Queued::default());
    for (name, text) in PRIVATE.iter().chain(PUBLIC.iter()) {
        let there = answered(&engine, || engine.parse(text.trim(), "")).unwrap();
        let sent = engine.link().sent.get();
        let here = local(text);
        let (there, here) = (&there.keys()[0].material, &here.keys()[0].material);
        assert_eq!(
            export::thumbprint(there),
            export::thumbprint(here),
            "{name}"
        );
        assert_eq!(
            export::jwk(there, false),
            export::jwk(here, false),
            "{name}"
        );
        assert_eq!(
            export::openssh_public(there, "me@host"),
            export::openssh_public(here, "me@host"),
            "{name}"
        );
        assert_eq!(
            engine.link().sent.get(),
            sent,
            "{name}: no question for a written-out form"
        );
    }
}

#[test]
fn the_published_secrets_are_searched_in_the_engine() {
    let engine = Client::new(Queued::default());
    // jwt.io's example token, signed with "your-256-bit-secret".
    let token = crate::state::EXAMPLE_TOKEN;
    assert_eq!(
        engine.try_common_secrets(token),
        None,
        "asked, not yet answered"
    );
    settle(&engine);
    assert_eq!(
        engine.try_common_secrets(token),
        Some(Ok(Some("your-256-bit-secret".to_string())))
    );
    let other = crate::jwt::tutorial::issue(
        crate::jwt::tutorial::TutorialAlg::Hs256,
        "not-a-published-secret-42",
        1_700_000_000,
    )
    .unwrap();
    assert_eq!(engine.try_common_secrets(&other), None);
    settle(&engine);
    assert_eq!(engine.try_common_secrets(&other), Some(Ok(None)));
    // Unreachable: no search ran, which is not "nothing matched".
    let unreachable = Client::new(Queued::default());
    *unreachable.link().unreachable.borrow_mut() = Some("offline".into());
    assert_eq!(
        unreachable.try_common_secrets(token),
        Some(Err("offline".to_string()))
    );
}

#[test]
fn the_demo_key_pairs_come_from_the_engine() {
    let engine = Client::new(Queued::default());
    for alg in Algorithm::ALL
        .into_iter()
        .filter(|a| a.family() != Family::Hmac)
    {
        assert_eq!(
            engine.demo_keys(alg),
            None,
            "{alg}: asked, not yet answered"
        );
        settle(&engine);
        let (signing, verifying) = crate::presets::demo_keys(alg);
        assert_eq!(
            engine.demo_keys(alg),
            Some(Ok((signing.to_string(), verifying.to_string()))),
            "{alg}"
        );
        // The pair signs and verifies with the algorithm it was given for.
        let key = answered(&engine, || engine.parse(signing, "")).unwrap();
        let signature = sign_there(&engine, alg, &key.keys()[0].material, b"m").unwrap();
        let public = answered(&engine, || engine.parse(verifying, "")).unwrap();
        assert!(
            verify_there(&engine, alg, &public.keys()[0].material, b"m", &signature),
            "{alg}"
        );
    }
    // An HMAC example has a secret, not a pair; the engine says so rather than guess.
    assert_eq!(engine.demo_keys(Algorithm::HS256), None);
    settle(&engine);
    assert!(matches!(engine.demo_keys(Algorithm::HS256), Some(Err(e)) if e.contains("HS256")));
    let unreachable = Client::new(Queued::default());
    *unreachable.link().unreachable.borrow_mut() = Some("offline".into());
    assert_eq!(
        unreachable.demo_keys(Algorithm::RS256),
        Some(Err("offline".to_string()))
    );
}

#[test]
fn more_questions_at_once_than_answers_kept_are_all_answered() {
    let engine = Client::new(Queued::default());
    let key = answered(&engine, || engine.parse(PUBLIC[4].1, "")).unwrap();
    let Material::Handle(remote) = &key.keys()[0].material else {
        panic!("an Ed25519 key is held by the engine");
    };
    // One derive of a page with a 40-key set: 40 verdicts asked in the same round.
    let derive = || {
        (0..40u8)
            .map(|i| remote.verify(Algorithm::EdDSA, &[i], &"A".repeat(86)))
            .collect::<Vec<_>>()
    };
    for _ in 0..5 {
        if derive().iter().all(Option::is_some) {
            break;
        }
        settle(&engine);
    }
    let sent = engine.link().sent.get();
    assert!(
        derive().iter().all(|v| *v == Some(Ok(false))),
        "every verdict is in"
    );
    assert_eq!(engine.link().sent.get(), sent, "and none is asked again");
    // Answers come in one by one, each followed by a derive: still no question asked twice.
    let engine = Client::new(Queued::default());
    let key = answered(&engine, || engine.parse(PUBLIC[4].1, "")).unwrap();
    let Material::Handle(remote) = &key.keys()[0].material else {
        panic!("an Ed25519 key is held by the engine");
    };
    let ask_all = || {
        (0..40u8)
            .filter(|&i| {
                remote
                    .verify(Algorithm::EdDSA, &[i], &"A".repeat(86))
                    .is_none()
            })
            .count()
    };
    assert_eq!(ask_all(), 40);
    while let Some((id, request)) = engine.link().inbox.borrow_mut().pop_front() {
        let answer = engine.link().store.borrow_mut().answer(request).unwrap();
        engine.receive(id, BUILD, answer);
        ask_all();
    }
    assert_eq!(ask_all(), 0);
    assert_eq!(
        engine.link().sent.get(),
        41,
        "one parse and forty verdicts, each once"
    );
}
