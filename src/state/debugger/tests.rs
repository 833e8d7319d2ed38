//! The debugger's reducer, natively: each action on the states a user meets.

use super::*;
use crate::jwt::base64url;
use crate::jwt::token::{Mark, Part};
use crate::state::decoded::PayloadForm;

#[test]
fn example_decodes_on_first_load() {
    let state = Debugger::new(EXAMPLE_TOKEN, 1_516_239_022);
    let view = state.view().unwrap();
    assert_eq!(view.payload_form, PayloadForm::Json);
    assert!(view.payload_text.contains("\"name\": \"John Doe\""));
    assert_eq!(state.claims_status().unwrap().state(), "no-exp");
}

/// A key box whose text waits for the key engine (as in the page before it is in).
fn waiting(text: &str) -> KeyBox {
    KeyBox {
        text: text.into(),
        parsed: Some(ParsedKeys(Rc::new(Err(KeyError::Pending)))),
        ..KeyBox::default()
    }
}

#[test]
fn keys_waiting_for_the_engine_are_read_again_when_it_is_in() {
    let (private, public) = crate::presets::demo_keys(Algorithm::ES256);
    let mut state = Debugger::new(EXAMPLE_TOKEN, 0);
    state.key = waiting(public);
    state.signing_key = waiting(private);
    let state = state.apply(Action::SetAlg(Algorithm::ES256));
    // No verdict yet, the token is not rebuilt, and nothing is called an error.
    assert_eq!(state.verdict, Verdict::Pending);
    assert_eq!(state.verdict.state(), "unverifiable");
    assert_eq!(&*state.input, EXAMPLE_TOKEN);
    assert_eq!(state.edit_error, None);
    let state = state.apply(Action::EngineReady);
    assert_eq!(state.algorithm(), Some(Algorithm::ES256));
    assert_eq!(state.verdict.state(), "verified", "{:?}", state.verdict);
    assert!(state.view().unwrap().payload_text.contains("John Doe"));
}

#[test]
fn a_token_pasted_while_the_signing_key_waits_is_kept_as_pasted() {
    let (private, _) = crate::presets::demo_keys(Algorithm::ES256);
    let mut state = Debugger::new(EXAMPLE_TOKEN, 0);
    state.signing_key = waiting(private);
    let state = state.apply(Action::EditPayload("{\"sub\": \"eve\"}".into()));
    assert!(state.resign_pending);
    // A forged token pasted meanwhile: the engine's arrival must not re-sign it.
    let forged = format!("{}x", &EXAMPLE_TOKEN[..EXAMPLE_TOKEN.len() - 1]);
    let state = state.apply(Action::SetToken(forged.clone()));
    let state = state.apply(Action::EngineReady);
    assert_eq!(&*state.input, forged.as_str());
    assert!(state.signing_key.parsed.as_deref().unwrap().is_ok());
    assert_ne!(state.verdict.state(), "verified", "{:?}", state.verdict);
}

#[test]
fn a_waiting_example_gives_way_to_what_the_user_does_meanwhile() {
    let mut state = Debugger::new(EXAMPLE_TOKEN, 0);
    state.pending_example = Some(presets::Example::Signed(Algorithm::PS384));
    let state = state
        .apply(Action::Tick(3))
        .apply(Action::SetKey("your-256-bit-secret".into()));
    assert_eq!(state.pending_example, None);
    let state = state.apply(Action::EngineReady);
    assert_eq!(state.algorithm(), Some(Algorithm::HS256));
    assert_eq!(state.verdict.state(), "verified");
}

#[test]
fn an_example_waiting_for_the_engine_is_loaded_when_it_is_in() {
    let mut state = Debugger::new(EXAMPLE_TOKEN, 0);
    state.pending_example = Some(presets::Example::Signed(Algorithm::PS384));
    let state = state.apply(Action::EngineReady);
    assert_eq!(state.pending_example, None);
    assert_eq!(state.algorithm(), Some(Algorithm::PS384));
    assert_eq!(state.verdict.state(), "verified", "{:?}", state.verdict);
    assert_eq!(state.header_draft, None);
}

#[test]
fn ticks_do_not_redecode() {
    let state = Debugger::new(EXAMPLE_TOKEN, 0);
    let later = state.apply(Action::Tick(5));
    assert_eq!(later.now, 5);
    match (&state.decoded, &later.decoded) {
        (Decoded::Token(a), Decoded::Token(b)) => assert!(Rc::ptr_eq(a, b)),
        other => panic!("expected tokens, got {other:?}"),
    }
    let rewrapped = state.apply(Action::SetToken(format!("Bearer {EXAMPLE_TOKEN}\n")));
    match (&state.decoded, &rewrapped.decoded) {
        (Decoded::Token(a), Decoded::Token(b)) => assert!(Rc::ptr_eq(a, b)),
        other => panic!("expected tokens, got {other:?}"),
    }
}

#[test]
fn a_bad_segment_hides_only_itself() {
    let dot = EXAMPLE_TOKEN.find('.').unwrap();
    // A stray character three characters into the payload.
    let bad = format!(
        "{}!{}",
        &EXAMPLE_TOKEN[..dot + 4],
        &EXAMPLE_TOKEN[dot + 4..]
    );
    let state = Debugger::new(EXAMPLE_TOKEN, 0).apply(Action::SetToken(bad));
    assert_eq!(state.decoded.status(), Some("partial"));
    let Decoded::Error(broken) = &state.decoded else {
        panic!("expected a partial decode, got {:?}", state.decoded)
    };
    assert!(broken.error_of(Part::Payload).is_some());
    assert!(broken.error_of(Part::Header).is_none());
    assert_eq!(
        *broken.marks,
        vec![Mark {
            part: Part::Payload,
            at: Some(3)
        }]
    );
    assert!(state.header_text().unwrap().contains("\"HS256\""));
    assert_eq!(state.payload_text(), None);
    assert_eq!(state.algorithm().map(Algorithm::name), Some("HS256"));
    assert_eq!(state.verdict.state(), "unverifiable");
    // Fixed again: a whole token, nothing marked.
    let fixed = state.apply(Action::SetToken(EXAMPLE_TOKEN.into()));
    assert_eq!(fixed.decoded.status(), Some("ok"));
}

#[test]
fn sign_status_says_what_signing_did() {
    let pasted = Debugger::new(EXAMPLE_TOKEN, 0);
    assert_eq!(pasted.signing, Signing::None);
    // Edited without a signing key: the old signature stays, and no longer matches.
    let payload = pasted
        .payload_text()
        .unwrap()
        .replace("John Doe", "Jane Doe");
    let stale = pasted.apply(Action::EditPayload(payload));
    assert_eq!(stale.signing, Signing::Stale { why: None });
    assert!(
        stale
            .input
            .ends_with(EXAMPLE_TOKEN.rsplit('.').next().unwrap())
    );
    // Edited back: the token is the one pasted, its signature matches again.
    let back = pasted.payload_text().unwrap();
    assert_eq!(
        stale.apply(Action::EditPayload(back.to_string())).signing,
        Signing::None
    );
    // A secret in the verify box signs the edited token when the Sign panel is empty.
    let keyed = stale.apply(Action::SetKey("your-256-bit-secret".into()));
    assert!(
        matches!(
            &keyed.signing,
            Signing::Signed {
                by: Signer::VerifyBox,
                ..
            }
        ),
        "{:?}",
        keyed.signing
    );
    assert_eq!(keyed.verdict.state(), "verified");
    // A key in the Sign panel signs instead, and the status says with what.
    let signed = keyed.apply(Action::SetSigningKey("another-secret".into()));
    assert_eq!(signed.signing.state(), "signed");
    let Signing::Signed { alg, key, by } = &signed.signing else {
        unreachable!()
    };
    assert_eq!((alg.as_str(), *by), ("HS256", Signer::SignPanel));
    assert!(key.contains("secret"), "{key}");
    // Verified by it too: the verify box's own secret does not match a token it did not sign.
    assert_eq!(signed.verdict.state(), "invalid");
    let signed = signed.apply(Action::SetSigningKey("your-256-bit-secret".into()));
    assert_eq!(signed.verdict.state(), "verified");
    // Removing the signing key keeps the signed token, and what signed it.
    assert_eq!(
        signed
            .apply(Action::SetSigningKey(String::new()))
            .signing
            .state(),
        "signed"
    );
    // A new token is shown as pasted.
    let repasted = signed.apply(Action::SetToken(EXAMPLE_TOKEN.into()));
    assert_eq!(repasted.signing, Signing::None);
}

/// RFC 7520 §5.8: A128KW with A128GCM, and its key.
const COOKBOOK_JWE: &str = "eyJhbGciOiJBMTI4S1ciLCJraWQiOiI4MWIyMDk2NS04MzMyLTQzZDktYTQ2OC04MjE2MGFkOTFhYzgiLCJlbmMiOiJBMTI4R0NNIn0.CBI6oDw8MydIx1IBntf_lQcw2MmJKIQx.Qx0pmsDa8KnJc9Jo.AwliP-KmWgsZ37BvzCefNen6VTbRK3QMA4TkvRkH0tP1bTdhtFJgJxeVmJkLD61A1hnWGetdg11c9ADsnWgL56NyxwSYjU1ZEHcGkd3EkU0vjHi9gTlb90qSYFfeF0LwkcTtjbYKCsiNJQkcIp1yeM03OmuiYSoYJVSpf7ej6zaYcMv3WwdxDFl8REwOhNImk2Xld2JXq6BR53TSFkyT7PwVLuq-1GwtGHlQeg7gDT6xW0JqHDPn_H-puQsmthc9Zg0ojmJfqqFvETUxLAF-KjcBTS5dNy6egwkYtOt8EIHK-oEsKYtZRaa8Z7MOZ7UGxGIMvEmxrGCPeJa14slv2-gaqK0kEThkaSqdYw0FkQZF.ER7MWJZ1FBI_NKvn7Zb1Lw";
const COOKBOOK_JWE_KEY: &str = r#"{"kty":"oct","kid":"81b20965-8332-43d9-a468-82160ad91ac8","use":"enc","alg":"A128KW","k":"GZy6sIZ6wl9NJOKB-jnmVQ"}"#;

#[test]
fn an_encrypted_token_opens_with_its_key() {
    let state = Debugger::new(COOKBOOK_JWE, 0);
    assert_eq!(state.verdict, Verdict::NoDecryptionKey);
    assert_eq!(state.verdict.state(), "no-key");
    let opened = state.apply(Action::SetKey(COOKBOOK_JWE_KEY.into()));
    assert_eq!(opened.verdict.state(), "decrypted", "{:?}", opened.verdict);
    let view = opened.opened.as_ref().unwrap();
    assert!(view.text.starts_with("You can trust us to stick with you"));
    assert_eq!(view.form, PayloadForm::Text);
    assert_eq!(view.nested, None);
    // Another key of the right size: checked, and it does not open.
    let wrong = opened.apply(Action::SetKey(
        r#"{"kty":"oct","k":"AAAAAAAAAAAAAAAAAAAAAA"}"#.into(),
    ));
    assert_eq!(wrong.verdict.state(), "invalid");
    assert!(wrong.opened.is_none());
    assert!(
        wrong
            .verdict
            .describe()
            .contains("the key is wrong or the token was altered")
    );
    // The signing key (whose panel an encrypted token does not show) is never tried on it.
    let hidden = state.apply(Action::SetSigningKey(COOKBOOK_JWE_KEY.into()));
    assert_eq!(hidden.verdict, Verdict::NoDecryptionKey);
    assert!(hidden.opened.is_none());
    // A key of the wrong size cannot be tried: unverifiable, with the reason.
    let short = opened.apply(Action::SetKey(r#"{"kty":"oct","k":"AAAA"}"#.into()));
    assert_eq!(short.verdict.state(), "unverifiable");
    assert!(
        short.verdict.describe().contains("128-bit key"),
        "{}",
        short.verdict.describe()
    );
}

#[test]
fn encrypt_then_open_and_a_nested_token_round_trip() {
    let key = r#"{"kty":"oct","k":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}"#;
    let state = Debugger::new(EXAMPLE_TOKEN, 0)
        .apply(Action::SetEncryptAlg("A256KW".into()))
        .apply(Action::SetEncryptKey(key.into()));
    // Nothing sealed until asked: the pasted token stays.
    assert_eq!(&*state.input, EXAMPLE_TOKEN);
    let payload = state.payload_text().unwrap();
    let sealed = state.apply(Action::Encrypt { nested: false });
    assert_eq!(sealed.sealing.error, None);
    assert_eq!(sealed.view().unwrap().token.kind, token::Kind::Jwe);
    assert_eq!(sealed.verdict.state(), "no-key");
    let opened = sealed.apply(Action::SetKey(key.into()));
    assert_eq!(opened.verdict.state(), "decrypted", "{:?}", opened.verdict);
    assert_eq!(*opened.opened.as_ref().unwrap().text, *payload);
    // Another enc seals it again, and it still opens.
    let resealed = opened.apply(Action::SetEncryptEnc("A128CBC-HS256".into()));
    assert_ne!(resealed.input, opened.input);
    // Back: the token from before the first sealing, as it was, and the panel at rest.
    let back = resealed.apply(Action::Unseal);
    assert_eq!(&*back.input, EXAMPLE_TOKEN);
    assert_eq!(
        (back.sealing.source.clone(), back.sealing.before.clone()),
        (None, None)
    );
    assert_eq!(back.apply(Action::Unseal).input, back.input);
    assert_eq!(resealed.verdict.state(), "decrypted");
    // A token pasted is not overwritten by a later change of settings.
    let pasted = resealed
        .apply(Action::SetToken(EXAMPLE_TOKEN.into()))
        .apply(Action::SetEncryptEnc("A256GCM".into()));
    assert_eq!(&*pasted.input, EXAMPLE_TOKEN);

    // The signed token itself, nested: cty JWT, opened, then opened in the debugger.
    let nested = pasted.apply(Action::Encrypt { nested: true });
    let view = nested.view().unwrap();
    assert_eq!(
        view.token
            .header
            .get("cty")
            .and_then(Value::as_str)
            .as_deref(),
        Some("JWT")
    );
    let inner = nested.opened.as_ref().unwrap().nested.clone().unwrap();
    assert_eq!(&*inner, EXAMPLE_TOKEN);
    let inside = nested.apply(Action::OpenNested);
    assert_eq!(&*inside.input, EXAMPLE_TOKEN);
    assert!(inside.outer.is_some());
    assert!(
        inside.key.is_empty(),
        "the nested token gets its own key box"
    );
    let verified = inside.apply(Action::SetKey("your-256-bit-secret".into()));
    assert_eq!(verified.verdict.state(), "verified");
    let back = verified.apply(Action::NestedBack);
    assert_eq!(back.input, nested.input);
    assert_eq!(back.verdict.state(), "decrypted");
    assert!(back.outer.is_none());
    // A key that cannot encrypt says why, and the token stays.
    let refused = back
        .apply(Action::SetEncryptKey("short".into()))
        .apply(Action::Encrypt { nested: false });
    let error = refused.sealing.error.as_deref().unwrap();
    assert!(error.contains("256-bit key"), "{error}");
    assert_eq!(refused.input, back.input);
}

#[test]
fn a_nested_token_without_cty_jwt_is_a_finding() {
    let key = r#"{"kty":"oct","k":"AAECAwQFBgcICQoLDA0ODw"}"#;
    let keys = crate::jwt::keys::parse(key, SecretEncoding::Utf8)
        .unwrap()
        .unwrap();
    let sealed =
        |header: &str| crate::jwt::jwe::encrypt(header, EXAMPLE_TOKEN.as_bytes(), &keys).unwrap();
    let codes = |token: &str| -> Vec<&'static str> {
        let state = Debugger::new(token, 0).apply(Action::SetKey(key.into()));
        assert_eq!(state.verdict.state(), "decrypted");
        state.findings.iter().map(|f| f.code).collect()
    };
    assert!(codes(&sealed(r#"{"alg":"A128KW","enc":"A128GCM"}"#)).contains(&"nested-cty"));
    let with_cty = codes(&sealed(r#"{"alg":"A128KW","enc":"A128GCM","cty":"JWT"}"#));
    assert!(!with_cty.contains(&"nested-cty"), "{with_cty:?}");
}

#[test]
fn editing_the_plaintext_seals_the_token_again() {
    let opened = Debugger::new(COOKBOOK_JWE, 0).apply(Action::SetKey(COOKBOOK_JWE_KEY.into()));
    assert_eq!(opened.verdict.state(), "decrypted");
    let edited = opened.apply(Action::EditPlaintext("{\"sub\": \"bob\"}".into()));
    assert_eq!(edited.sealing.error, None);
    assert_ne!(edited.input, opened.input);
    assert_eq!(edited.verdict.state(), "decrypted", "{:?}", edited.verdict);
    // The token's own alg and enc, for the key that opened it.
    let header = &edited.view().unwrap().token.header;
    assert_eq!(
        header.get("alg").and_then(Value::as_str).as_deref(),
        Some("A128KW")
    );
    assert_eq!(
        header.get("enc").and_then(Value::as_str).as_deref(),
        Some("A128GCM")
    );
    // What was typed stays as typed; the opened plaintext is the same JSON.
    assert_eq!(
        edited.plaintext_draft.as_deref(),
        Some("{\"sub\": \"bob\"}")
    );
    assert!(
        edited
            .opened
            .as_ref()
            .unwrap()
            .text
            .contains("\"sub\": \"bob\"")
    );
    // A token pasted drops the draft.
    let pasted = edited.apply(Action::SetToken(COOKBOOK_JWE.into()));
    assert_eq!(pasted.plaintext_draft, None);
}

#[test]
fn errors_clear_and_empty() {
    let state = Debugger::new(EXAMPLE_TOKEN, 0).apply(Action::SetToken("a.b.c.d".into()));
    let Decoded::Error(broken) = &state.decoded else {
        panic!("expected an error, got {:?}", state.decoded)
    };
    assert_eq!(broken.errors, vec![DecodeError::SegmentCount { found: 4 }]);
    assert_eq!(state.decoded.status(), Some("error"));
    assert_eq!(state.claims_status(), None);
    let cleared = state.apply(Action::Clear);
    assert_eq!(cleared.decoded, Decoded::Empty);
    assert_eq!(&*cleared.input, "");
}

#[test]
fn payload_forms() {
    let header = base64url::encode(br#"{"alg":"none"}"#);
    let text = Debugger::new(&format!("{header}.{}.", base64url::encode(b"hi there")), 0);
    assert_eq!(text.view().unwrap().payload_form, PayloadForm::Text);
    assert_eq!(&*text.view().unwrap().payload_text, "hi there");
    let binary = Debugger::new(&format!("{header}.{}.", base64url::encode(&[0xff, 1])), 0);
    assert_eq!(&*binary.view().unwrap().payload_text, "ff 01");
    let jwe = Debugger::new(
        &format!(
            "{}.AA.BA.CA.DA",
            base64url::encode(br#"{"alg":"dir","enc":"A128GCM"}"#)
        ),
        0,
    );
    assert!(jwe.view().is_some(), "{:?}", jwe.decoded);
    assert_eq!(jwe.view().unwrap().payload_form, PayloadForm::Encrypted);
}

#[test]
fn status_ticks_with_the_clock() {
    let payload = base64url::encode(br#"{"sub":"bob","iat":100,"exp":160}"#);
    let token = format!("{}.{payload}.", base64url::encode(br#"{"alg":"none"}"#));
    let state = Debugger::new(&token, 118);
    assert_eq!(
        state.claims_status().unwrap().describe(state.now),
        "Valid: expires in 42 s"
    );
    let later = state.apply(Action::Tick(161));
    assert_eq!(
        later.claims_status().unwrap().describe(later.now),
        "Expired 1 s ago"
    );
}

/// Every way a token can fail to decode, with and without a key: `unverifiable`, saying where.
#[test]
fn a_token_that_does_not_decode_is_unverifiable_with_its_reason() {
    let [header, payload, signature]: [&str; 3] = EXAMPLE_TOKEN
        .split('.')
        .collect::<Vec<_>>()
        .try_into()
        .unwrap();
    // The verdict names the part; the full error (with its position) stands beside the decoded
    // token, said once (`decode_error_texts` below).
    let cases = [
        (
            format!("{header}.{payload}"),
            "not a signed token: it has 2 segments",
        ),
        (
            format!("{header}.{payload}.{signature}.x"),
            "not a signed token: it has 4 segments",
        ),
        (
            format!("{header}.{payload}.{signature}="),
            "its signature is broken",
        ),
        (
            format!("{header}.{payload}.{}!{}", &signature[..5], &signature[6..]),
            "its signature is broken",
        ),
        (
            format!("e!{}.{payload}.{signature}", &header[2..]),
            "its header is broken",
        ),
        (
            format!("{header}.{}!{}.{signature}", &payload[..3], &payload[4..]),
            "its payload is broken",
        ),
        (
            format!("bm90IGpzb24.{payload}.{signature}"),
            "its header is broken",
        ),
        (
            format!("WzFd.{payload}.{signature}"),
            "its header is broken",
        ),
    ];
    for (token, reason) in cases {
        for key in ["", "your-256-bit-secret"] {
            let state = Debugger::new(&token, 0).apply(Action::SetKey(key.into()));
            assert_eq!(
                state.verdict.state(),
                "unverifiable",
                "{token} with key {key:?}"
            );
            let words = state.verdict.describe();
            assert!(words.contains(reason), "{token} with key {key:?}: {words}");
        }
    }
    // Tokens that decode but cannot be checked say why too, with a key.
    let with_key = |token: &str| {
        Debugger::new(token, 0)
            .apply(Action::SetKey("your-256-bit-secret".into()))
            .verdict
    };
    let no_alg = format!("e30.{payload}.{signature}");
    assert_eq!(with_key(&no_alg).state(), "unverifiable");
    let unknown = format!("eyJhbGciOiJYWTEyMyJ9.{payload}.{signature}");
    assert!(
        with_key(&unknown).describe().contains("XY123"),
        "{}",
        with_key(&unknown).describe()
    );
    // An empty box asks for a token, not a key (with a key there or not).
    assert_eq!(Debugger::new("", 0).verdict, Verdict::NoToken);
    let keyed = Debugger::new("", 0).apply(Action::SetKey("k".into()));
    assert_eq!(keyed.verdict, Verdict::NoToken);
    assert!(keyed.verdict.describe().contains("No token yet"));
    assert_eq!(
        Debugger::example(0).apply(Action::Clear).verdict,
        Verdict::NoToken
    );
}

#[test]
fn a_key_gives_a_verdict_and_follows_every_change() {
    let state = Debugger::new(EXAMPLE_TOKEN, 0);
    assert_eq!(state.verdict, Verdict::NoKey);
    let state = state.apply(Action::SetKey("your-256-bit-secret".into()));
    assert_eq!(state.verdict.state(), "verified");
    let state = state.apply(Action::SetKey("your-256-bit-secreT".into()));
    assert_eq!(state.verdict.state(), "invalid");
    let state = state.apply(Action::SetKey("eW91ci0yNTYtYml0LXNlY3JldA==".into()));
    assert!(
        state.verdict.describe().contains("Read as base64 instead"),
        "{}",
        state.verdict.describe()
    );
    let state = state.apply(Action::SetSecretEncoding(SecretEncoding::Base64));
    assert_eq!(state.verdict.state(), "verified");
    let state = state.apply(Action::SetToken(EXAMPLE_TOKEN.replace("SflK", "SflL")));
    assert_eq!(state.verdict.state(), "invalid");
}

#[test]
fn editing_the_json_re_signs_with_the_signing_key() {
    let state = Debugger::new(EXAMPLE_TOKEN, 0).apply(Action::SetSigningKey("mysecret".into()));
    // A signing key alone signs nothing: the token stays as pasted, and the verdict (the key box
    // is empty, so the signing key checks it) is about the pasted signature.
    assert_eq!(&*state.input, EXAMPLE_TOKEN);
    assert_eq!(state.signing, Signing::None);
    assert_eq!(state.verdict.state(), "invalid");
    // An edit is signed with it.
    let state = state.apply(Action::EditPayload("{\"sub\": \"bob\", \"n\": 3.0}".into()));
    assert_eq!(state.verdict.state(), "verified");
    assert_eq!(
        state.view().unwrap().token.claims().unwrap().minified(),
        r#"{"sub":"bob","n":3.0}"#
    );
    assert_eq!(
        state.payload_text().as_deref(),
        Some("{\"sub\": \"bob\", \"n\": 3.0}")
    );
    // Invalid JSON: the last good token stays and the error says where.
    let good = state.input.clone();
    let state = state.apply(Action::EditPayload("{\"sub\" \"bob\"}".into()));
    assert_eq!(state.input, good);
    let error = state.edit_error.as_ref().unwrap();
    assert_eq!(
        error.to_string(),
        "payload: not JSON: expected ':' at line 1 column 8, found '\"'"
    );
    // It is the payload's text that is wrong: the page shows it there.
    assert_eq!(error.part(), Some("payload"));
    // Choosing an algorithm rewrites alg and re-signs.
    let state = state
        .apply(Action::EditPayload("{}".into()))
        .apply(Action::SetAlg(Algorithm::HS512));
    assert_eq!(state.algorithm(), Some(Algorithm::HS512));
    assert_eq!(state.verdict.state(), "verified");
    // A secret cannot sign RS256: the token shown is the RS256 header with the old signature
    // (so the header, the token and the verdict all describe one token), and the sign status
    // says why it was not signed, once.
    let before = state.input.clone();
    let state = state.apply(Action::SetAlg(Algorithm::RS256));
    assert_eq!(state.edit_error, None);
    assert!(
        matches!(&state.signing, Signing::Stale { why: Some(why) } if why.contains("RS256 needs an RSA key")),
        "{:?}",
        state.signing
    );
    assert_eq!(state.algorithm(), Some(Algorithm::RS256));
    assert_eq!(state.view().unwrap().token.alg().as_deref(), Some("RS256"));
    assert_eq!(state.input.rsplit('.').next(), before.rsplit('.').next());
    assert_ne!(state.verdict.state(), "verified");
    // Back to an algorithm the key signs: signed again.
    let state = state.apply(Action::SetAlg(Algorithm::HS256));
    assert!(matches!(state.signing, Signing::Signed { .. }));
    assert_eq!(state.verdict.state(), "verified");
}

#[test]
fn an_rsa_signing_key_and_hs256_leave_one_answer_on_the_page() {
    // Issue #28: an RSA private key in the Sign panel, then HS256 chosen. Before, the header
    // said HS256 while the token (and its claims) still said RS256 and "Re-signed with RS256"
    // stood beside the refusal.
    let pem = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/keys/rsa2048.pkcs8.pem"
    ))
    .unwrap();
    let state = Debugger::new(EXAMPLE_TOKEN, 0)
        .apply(Action::SetSigningKey(pem))
        .apply(Action::SetAlg(Algorithm::RS256))
        .apply(Action::EditPayload(r#"{"sub": "rs"}"#.into()));
    assert!(matches!(&state.signing, Signing::Signed { alg, .. } if alg == "RS256"));
    assert_eq!(state.verdict.state(), "verified");
    let state = state.apply(Action::SetAlg(Algorithm::HS256));
    let token_alg = state.view().unwrap().token.alg();
    let header_alg = sign::parse_header(&state.header_text().unwrap())
        .ok()
        .and_then(|h| h.get("alg").and_then(Value::as_str));
    assert_eq!(token_alg.as_deref(), Some("HS256"));
    assert_eq!(header_alg.as_deref(), Some("HS256"));
    assert_eq!(state.signing.state(), "stale");
    assert_eq!(state.edit_error, None, "said once, in the sign status");
    assert_ne!(state.verdict.state(), "verified");
}

#[test]
fn a_secret_typed_once_verifies_and_signs_edits() {
    // Issue #28: paste an HS256 token, type the secret in the verify box, edit the payload.
    let state = Debugger::new(EXAMPLE_TOKEN, 0).apply(Action::SetKey(EXAMPLE_SECRET.into()));
    assert_eq!(state.verdict.state(), "verified");
    // Nothing edited: only checked, never re-signed.
    assert_eq!(&*state.input, EXAMPLE_TOKEN);
    assert_eq!(state.signing, Signing::None);
    assert_eq!(state.signer(), Some(Signer::VerifyBox));
    let payload = state.payload_text().unwrap().replace("1234567890", "bob");
    let edited = state.apply(Action::EditPayload(payload));
    assert_eq!(edited.verdict.state(), "verified", "{:?}", edited.verdict);
    assert!(
        matches!(&edited.signing, Signing::Signed { alg, by: Signer::VerifyBox, .. } if alg == "HS256")
    );
    assert_eq!(
        edited
            .view()
            .unwrap()
            .token
            .claims()
            .unwrap()
            .get("sub")
            .and_then(Value::as_str)
            .as_deref(),
        Some("bob")
    );
    // The token as pasted is one click back.
    assert!(edited.can_go_back_to_pasted());
    assert_eq!(&*edited.apply(Action::BackToPasted).input, EXAMPLE_TOKEN);
}

#[test]
fn a_public_key_in_the_verify_box_cannot_sign_and_the_edit_says_so() {
    use crate::jwt::keys::export;
    use crate::jwt::keys::generate::{KeyKind, from_random};
    let key = from_random(KeyKind::Ed25519, &[5; 32]).unwrap();
    let private = export::private_pem(&key.material).unwrap();
    let public = export::public_pem(&key.material).unwrap();
    // An EdDSA token signed here, then checked with the public key alone.
    let signed = Debugger::new(EXAMPLE_TOKEN, 0)
        .apply(Action::SetSigningKey(private.clone()))
        .apply(Action::SetAlg(Algorithm::EdDSA));
    let token = signed.input.to_string();
    let state = Debugger::new(&token, 0).apply(Action::SetKey(public));
    assert_eq!(state.verdict.state(), "verified");
    let edited = state.apply(Action::EditPayload("{\"sub\":\"eve\"}".into()));
    assert_eq!(edited.verdict.state(), "invalid");
    let Signing::Stale { why: Some(why) } = &edited.signing else {
        panic!("{:?}", edited.signing)
    };
    assert!(
        why.contains("Verify signature") && why.contains("cannot sign"),
        "{why}"
    );
    assert_eq!(edited.edited, "payload");
    // A private key in the verify box signs the edit.
    let private_there = state
        .apply(Action::SetKey(private))
        .apply(Action::EditPayload("{\"sub\":\"eve\"}".into()));
    assert_eq!(private_there.verdict.state(), "verified");
    assert!(matches!(
        private_there.signing,
        Signing::Signed {
            by: Signer::VerifyBox,
            ..
        }
    ));
}

#[test]
fn the_example_comes_with_its_secret_and_replacing_is_undone() {
    // Issue #28: the first screen and the Example button both verify.
    let first = Debugger::example(0);
    assert_eq!(&*first.input, EXAMPLE_TOKEN);
    assert_eq!(first.verdict.state(), "verified");
    assert_eq!(first.replaced, None, "nothing of the user's was replaced");
    // The user's own token and keys, then the Example button: replaced, and one click back.
    let mine = Debugger::new(&EXAMPLE_TOKEN.replace("SflK", "SflL"), 0)
        .apply(Action::SetSecretEncoding(SecretEncoding::Hex))
        .apply(Action::SetKey("abcd".into()))
        .apply(Action::SetSigningKey("0011".into()));
    let example = mine.apply(Action::ShowExample);
    assert_eq!(&*example.input, EXAMPLE_TOKEN);
    assert_eq!(example.verdict.state(), "verified");
    assert_eq!(example.replaced.as_ref().map(|r| r.by), Some("the example"));
    let undone = example.apply(Action::UndoReplace);
    assert_eq!(undone.input, mine.input);
    assert_eq!(undone.key.text, mine.key.text);
    assert_eq!(undone.signing_key.text, mine.signing_key.text);
    assert_eq!(undone.encoding, SecretEncoding::Hex);
    assert_eq!(undone.replaced, None);
    // The examples menu replaces too, and anything the user does next drops the undo.
    let loaded = mine.apply(Action::LoadExample(presets::Example::Tutorial));
    assert!(loaded.replaced.is_some());
    assert_eq!(
        loaded.apply(Action::EditPayload("{}".into())).replaced,
        None
    );
    assert!(loaded.apply(Action::Tick(5)).replaced.is_some());
}

#[test]
fn the_token_as_pasted_comes_back_after_edits_and_re_signing() {
    let state = Debugger::new(EXAMPLE_TOKEN, 0);
    // Nothing done to it yet: nothing to go back to, and asking changes nothing.
    assert!(!state.can_go_back_to_pasted());
    assert_eq!(&*state.apply(Action::BackToPasted).input, EXAMPLE_TOKEN);
    // Edited without a signing key (the old signature kept), then signed with one.
    let state = state.apply(Action::EditPayload("{\"sub\":\"eve\"}".into()));
    assert_eq!(state.signing, Signing::Stale { why: None });
    assert!(state.can_go_back_to_pasted());
    let state = state
        .apply(Action::SetSigningKey("mysecret".into()))
        .apply(Action::SetAlg(Algorithm::HS512));
    assert!(matches!(state.signing, Signing::Signed { .. }));
    assert!(state.can_go_back_to_pasted());
    let back = state.apply(Action::BackToPasted);
    assert_eq!(&*back.input, EXAMPLE_TOKEN);
    assert_eq!(back.signing, Signing::None);
    assert_eq!(back.algorithm(), Some(Algorithm::HS256));
    assert!(!back.can_go_back_to_pasted());
    // A token pasted since is the one to come back to.
    let other = EXAMPLE_TOKEN.replace("SflK", "SflL");
    let state = state
        .apply(Action::SetToken(other.clone()))
        .apply(Action::EditPayload("{}".into()));
    assert_eq!(&*state.apply(Action::BackToPasted).input, other.as_str());
    // Cleared: nothing to come back to.
    assert!(!state.apply(Action::Clear).can_go_back_to_pasted());
    // An example signed in the page is the token loaded, not an edit of the one before it.
    let example = state.apply(Action::LoadExample(presets::Example::Tutorial));
    assert!(matches!(example.signing, Signing::Signed { .. }));
    assert!(!example.can_go_back_to_pasted());
    let edited = example.apply(Action::EditPayload("{}".into()));
    assert_eq!(
        edited.apply(Action::BackToPasted).input,
        example.input,
        "back to the example"
    );
}

#[test]
fn clearing_the_signing_key_leaves_the_token_as_pasted() {
    let spaced = format!(
        "{}.{}.AAAA",
        base64url::encode(b"{ \"alg\" : \"HS256\" }"),
        base64url::encode(b"{}")
    );
    let state = Debugger::new(&spaced, 0).apply(Action::SetSigningKey(String::new()));
    assert_eq!(&*state.input, spaced.as_str());
    let state = state.apply(Action::SetSecretEncoding(SecretEncoding::Hex));
    assert_eq!(&*state.input, spaced.as_str());
}

#[test]
fn without_a_key_edits_keep_the_old_signature() {
    let state = Debugger::new(EXAMPLE_TOKEN, 0);
    let state = state.apply(Action::EditPayload("{\"sub\":\"eve\"}".into()));
    assert_eq!(state.signing, Signing::Stale { why: None });
    assert!(
        state
            .input
            .ends_with(".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")
    );
    assert_eq!(state.verdict.state(), "no-key");
}

#[test]
fn findings_follow_the_token_and_the_list_search() {
    let state = Debugger::new(EXAMPLE_TOKEN, 1_600_000_000);
    let codes: Vec<&str> = state.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, ["missing-exp"]);
    // A weak secret that does not sign the token says nothing about it; the one that does is
    // judged: jwt.io's "your-256-bit-secret" has 152 bits.
    let state = state.apply(Action::SetKey("mysecret".into()));
    assert!(!state.findings.iter().any(|f| f.code == "weak-secret"));
    let state = state.apply(Action::SetKey("your-256-bit-secret".into()));
    assert!(state.findings.iter().any(|f| f.code == "weak-secret"));
    // jwt.io's example is signed with "your-256-bit-secret", a published secret.
    let state = Debugger::new(EXAMPLE_TOKEN, 1_600_000_000).apply(Action::TryCommonSecrets);
    assert_eq!(state.cracked, Some(Some("your-256-bit-secret")));
    assert_eq!(state.findings[0].code, "common-secret");
    assert!(state.findings[0].meaning.contains("your-256-bit-secret"));
    let state = state.apply(Action::SetToken(EXAMPLE_TOKEN.replace("SflK", "SflL")));
    assert_eq!(state.cracked, None);
    let state = state.apply(Action::TryCommonSecrets);
    assert_eq!(state.cracked, Some(None));
}

#[test]
fn the_other_examples() {
    use presets::Example;
    let tutorial = Debugger::new("", 1_700_000_030).apply(Action::LoadExample(Example::Tutorial));
    assert_eq!(tutorial.verdict.state(), "verified");
    assert!(tutorial.findings.iter().any(|f| f.code == "weak-secret"));
    let expired = Debugger::new("", 1_700_000_000).apply(Action::LoadExample(Example::Expired));
    assert_eq!(expired.verdict.state(), "verified");
    assert_eq!(expired.claims_status().unwrap().state(), "expired");
    let none = Debugger::new("", 0).apply(Action::LoadExample(Example::AlgNone));
    assert!(none.input.ends_with('.'));
    assert_eq!(none.verdict.state(), "unverifiable");
    assert_eq!(none.findings[0].code, "alg-none");
    assert!(
        Example::all()
            .iter()
            .all(|e| Example::from_id(&e.id()) == Some(*e))
    );
}

#[test]
fn every_example_verifies_with_its_demo_key() {
    for alg in Algorithm::ALL {
        let state = Debugger::new("", 0).apply(Action::LoadExample(presets::Example::Signed(alg)));
        assert_eq!(state.algorithm(), Some(alg));
        assert_eq!(
            state.verdict.state(),
            "verified",
            "{alg}: {}",
            state.verdict.describe()
        );
        assert!(state.header_draft.is_none());
    }
}

#[test]
fn a_jwks_verdict_names_the_key_the_kid_picked() {
    let k = |bytes: &[u8]| base64url::encode(bytes);
    let jwks = format!(
        r#"{{"keys":[{{"kty":"oct","kid":"k1","k":"{}"}},{{"kty":"oct","kid":"k2","k":"{}"}}]}}"#,
        k(b"first-secret-first-secret-first!!"),
        k(b"second-secret-second-secret-seco")
    );
    let state = Debugger::new(EXAMPLE_TOKEN, 0)
        .apply(Action::SetSigningKey("not-a-secret-in-the-set".into()))
        .apply(Action::EditHeader(r#"{"alg":"HS256","kid":"k2"}"#.into()))
        .apply(Action::SetKey(jwks));
    let Verdict::Invalid { hint: Some(hint) } = &state.verdict else {
        panic!("{:?}", state.verdict)
    };
    assert!(hint.contains("\"k2\""), "{hint}");
}

#[test]
fn the_examples_keys_go_when_a_token_of_ones_own_is_pasted() {
    let first = Debugger::example(0);
    assert!(first.example_keys.is_some());
    // A token of one's own (here the tutorial's shape, all parts new): the example's secret
    // is not kept to check it.
    let own = format!(
        "{}.{}.{}",
        base64url::encode(br#"{"alg":"HS256"}"#),
        base64url::encode(br#"{"sub":"me"}"#),
        base64url::encode(&[1; 32])
    );
    let pasted = first.apply(Action::SetToken(own.clone()));
    assert!(pasted.key.is_empty());
    assert_eq!(pasted.verdict.state(), "no-key");
    // The example with one character of its signature changed: the secret stays, and says
    // the signature is wrong.
    let tampered = first.apply(Action::SetToken(EXAMPLE_TOKEN.replace("SflK", "SflL")));
    assert_eq!(&*tampered.key.text, EXAMPLE_SECRET);
    assert_eq!(tampered.verdict.state(), "invalid");
    // The example with its payload changed: the same.
    let [h, _, s]: [&str; 3] = EXAMPLE_TOKEN
        .split('.')
        .collect::<Vec<_>>()
        .try_into()
        .unwrap();
    let forged = format!("{h}.{}.{s}", base64url::encode(br#"{"sub":"admin"}"#));
    assert_eq!(
        first.apply(Action::SetToken(forged)).verdict.state(),
        "invalid"
    );
    // A key the user typed is theirs: it stays for the next token.
    let typed = first
        .apply(Action::SetKey("my-secret".into()))
        .apply(Action::SetToken(own));
    assert_eq!(&*typed.key.text, "my-secret");
    // The examples menu's keys go the same way.
    let loaded = Debugger::new("", 0).apply(Action::LoadExample(presets::Example::Tutorial));
    assert!(!loaded.key.is_empty());
    let other = EXAMPLE_TOKEN.to_string();
    assert!(loaded.apply(Action::SetToken(other)).key.is_empty());
}

#[test]
fn a_key_that_cannot_be_read_is_explained_once_under_the_key_box() {
    let state = Debugger::new(EXAMPLE_TOKEN, 0).apply(Action::SetKey(
        "-----BEGIN PUBLIC KEY-----\nnot base64\n".into(),
    ));
    let Some(Err(error)) = state.key.parsed.as_deref() else {
        panic!("{:?}", state.key.parsed)
    };
    let words = state.verdict.describe();
    assert_eq!(state.verdict.state(), "unverifiable");
    assert!(words.contains("under the box"), "{words}");
    // The reason is key-info's (under the box), not repeated in the verdict.
    assert!(!words.contains(&error.to_string()), "{words}");
}

// Cases found in review of issue #28's change.
fn two_secret_jwks() -> String {
    let k = |b: &[u8]| base64url::encode(b);
    format!(
        r#"{{"keys":[{{"kty":"oct","kid":"k1","k":"{}"}},{{"kty":"oct","kid":"k2","k":"{}"}}]}}"#,
        k(b"first-secret-first-secret-first!!"),
        k(b"second-secret-second-secret-seco")
    )
}

#[test]
fn a_jwks_in_the_verify_box_signs_with_the_key_the_kid_names() {
    let s = Debugger::new(EXAMPLE_TOKEN, 0)
        .apply(Action::SetKey(two_secret_jwks()))
        .apply(Action::EditHeader(r#"{"alg":"HS256","kid":"k2"}"#.into()));
    assert_eq!(s.verdict.state(), "verified");
}

#[test]
fn a_jwks_in_the_sign_panel_signs_with_the_key_the_kid_names() {
    let s = Debugger::new(EXAMPLE_TOKEN, 0)
        .apply(Action::SetSigningKey(two_secret_jwks()))
        .apply(Action::EditHeader(r#"{"alg":"HS256","kid":"k2"}"#.into()));
    assert_eq!(s.verdict.state(), "verified");
}

fn users_own() -> Debugger {
    Debugger::new(&EXAMPLE_TOKEN.replace("SflK", "SflL"), 0).apply(Action::SetKey("abcd".into()))
}

#[test]
fn a_second_example_keeps_the_way_back_to_the_users_token() {
    let mine = users_own();
    let a = mine.apply(Action::LoadExample(presets::Example::Tutorial));
    assert!(a.replaced.is_some());
    let b = a.apply(Action::LoadExample(presets::Example::Expired));
    assert!(
        b.replaced.is_some(),
        "user's token lost after second example"
    );
}

#[test]
fn the_example_button_twice_keeps_the_way_back() {
    let mine = users_own();
    let b = mine.apply(Action::ShowExample).apply(Action::ShowExample);
    assert!(
        b.replaced.is_some(),
        "user's token lost after Example twice"
    );
}

#[test]
fn an_example_waiting_for_the_engine_keeps_the_way_back() {
    // Split build: LoadExample(Some(Ok)) whose PEM keys wait for the engine: pending_example is
    // set again, and EngineReady loads it a second time.
    let mine = users_own();
    let (private, public) = crate::presets::demo_keys(Algorithm::RS256);
    let mut mid = mine.apply(Action::LoadExample(presets::Example::Signed(
        Algorithm::RS256,
    )));
    // Reconstruct the half-loaded state: user's token, example keys waiting, pending example.
    mid.input = mine.input.clone();
    mid.decoded = mine.decoded.clone();
    mid.key = waiting(public);
    mid.signing_key = waiting(private);
    mid.resign_pending = true;
    mid.pending_example = Some(presets::Example::Signed(Algorithm::RS256));
    assert!(mid.replaced.is_some());
    let done = mid.apply(Action::EngineReady);
    assert_eq!(done.verdict.state(), "verified");
    assert!(
        done.replaced.is_some(),
        "undo lost once the engine answered"
    );
}

#[test]
fn keys_alone_replaced_by_the_example_can_be_put_back() {
    let mine = Debugger::new("", 0).apply(Action::SetSigningKey("my-precious-secret".into()));
    let ex = mine.apply(Action::ShowExample);
    assert!(
        ex.replaced.is_some(),
        "user's signing key replaced with no undo"
    );
}

#[test]
fn deleting_a_dot_while_typing_keeps_the_examples_secret() {
    let first = Debugger::example(0);
    // the user deletes the last '.' while editing the token box
    let i = EXAMPLE_TOKEN.rfind('.').unwrap();
    let t = format!("{}{}", &EXAMPLE_TOKEN[..i], &EXAMPLE_TOKEN[i + 1..]);
    let s = first.apply(Action::SetToken(t));
    let back = s.apply(Action::SetToken(EXAMPLE_TOKEN.into()));
    assert_eq!(back.verdict.state(), "verified", "{:?}", back.verdict);
}

#[test]
fn a_private_key_in_the_verify_box_waiting_for_the_engine_signs_the_edit_when_in() {
    let mut s = Debugger::new(EXAMPLE_TOKEN, 0).apply(Action::SetAlg(Algorithm::ES256));
    let (private, _public) = crate::presets::demo_keys(Algorithm::ES256);
    s.key = waiting(private);
    let s = s.apply(Action::EditPayload("{\"sub\":\"x\"}".into()));
    assert!(s.resign_pending);
    let s = s.apply(Action::EngineReady);
    assert!(matches!(
        s.signing,
        Signing::Signed {
            by: Signer::VerifyBox,
            ..
        }
    ));
    assert_eq!(s.verdict.state(), "verified");
}

#[test]
fn the_verify_box_never_signs_an_encrypted_token() {
    // Make a JWE with dir / A256GCM via the Encrypt panel using a secret.
    let secret = base64url::encode(&[7u8; 32]);
    let s = Debugger::new(EXAMPLE_TOKEN, 0)
        .apply(Action::SetEncryptAlg("dir".into()))
        .apply(Action::SetEncryptEnc("A256GCM".into()))
        .apply(Action::SetEncryptKey(format!(
            r#"{{"kty":"oct","k":"{secret}"}}"#
        )))
        .apply(Action::Encrypt { nested: false });
    let s = s.apply(Action::SetKey(format!(r#"{{"kty":"oct","k":"{secret}"}}"#)));
    assert_eq!(s.signer(), None);
    let e = s.apply(Action::EditHeader(r#"{"alg":"HS256"}"#.into()));
    assert!(!matches!(e.signing, Signing::Signed { .. }));
}

#[test]
fn an_edit_that_changes_only_spacing_keeps_the_pasted_token() {
    let s = Debugger::new(EXAMPLE_TOKEN, 0).apply(Action::SetKey("wrong-secret".into()));
    assert_eq!(s.verdict.state(), "invalid");
    let p = format!("{}\n", s.payload_text().unwrap());
    let e = s.apply(Action::EditPayload(p));
    assert_eq!(
        &*e.input, EXAMPLE_TOKEN,
        "content unchanged but the pasted signature was replaced"
    );
}

#[test]
fn a_locked_key_opens_with_its_passphrase_and_a_new_key_forgets_it() {
    let locked = include_str!("../../../tests/vectors/keys/ssh_encrypted");
    // An Ed25519 token signed with that key (the tutorial's claims).
    let token = {
        let key = crate::jwt::keys::parse_locked(locked, SecretEncoding::Utf8, "secret-passphrase")
            .unwrap()
            .unwrap();
        let header = crate::jwt::sign::parse_header(r#"{"alg":"EdDSA","typ":"JWT"}"#).unwrap();
        let input = crate::jwt::sign::signing_input(&header, r#"{"sub":"bob"}"#).unwrap();
        crate::jwt::sign::sign(&input, &header, &key.keys()[0]).unwrap()
    };
    let state = Debugger::new(&token, 0).apply(Action::SetKey(locked.into()));
    assert!(state.key.is_locked());
    assert!(state.key.passphrase.is_empty());
    assert!(
        matches!(state.verdict, Verdict::Unverifiable(_)),
        "{:?}",
        state.verdict
    );
    assert!(
        matches!(
            state.key.parsed.as_deref(),
            Some(Err(KeyError::NeedsPassphrase))
        ),
        "{:?}",
        state.key.parsed
    );
    let wrong = state.apply(Action::UnlockKey("nope".into()));
    assert!(
        matches!(
            wrong.key.parsed.as_deref(),
            Some(Err(KeyError::WrongPassphrase))
        ),
        "{:?}",
        wrong.key.parsed
    );
    // Nothing else changes: the token is the one pasted.
    assert_eq!(&*wrong.input, token.as_str());
    let opened = wrong.apply(Action::UnlockKey("secret-passphrase".into()));
    assert!(
        matches!(opened.verdict, Verdict::Verified { .. }),
        "{:?}",
        opened.verdict
    );
    // Another secret encoding reads the same text with the same passphrase.
    let again = opened.apply(Action::SetSecretEncoding(SecretEncoding::Base64Url));
    assert!(matches!(again.verdict, Verdict::Verified { .. }));
    // New key text: the passphrase does not carry over.
    let other = again.apply(Action::SetKey(format!("{locked}\n")));
    assert!(other.key.passphrase.is_empty());
    assert!(matches!(other.verdict, Verdict::Unverifiable(_)));
    // The Sign panel's box opens the same way and signs edits.
    let signing = Debugger::new(&token, 0)
        .apply(Action::SetSigningKey(locked.into()))
        .apply(Action::UnlockSigningKey("secret-passphrase".into()))
        .apply(Action::EditPayload(r#"{"sub":"alice"}"#.into()));
    assert!(
        matches!(signing.signing, Signing::Signed { .. }),
        "{:?}",
        signing.signing
    );
}

#[test]
fn a_locked_key_opens_an_encrypted_token_once_its_passphrase_is_given() {
    let public = include_str!("../../../tests/vectors/keys/p256.spki.pem");
    let locked = include_str!("../../../tests/vectors/keys/p256.pkcs8.encrypted.pem");
    let token = crate::jwt::jwe::seal(
        r#"{"alg":"ECDH-ES+A128KW","enc":"A128GCM"}"#,
        r#"{"sub":"locked"}"#,
        public,
        SecretEncoding::Utf8,
    )
    .unwrap();
    let state = Debugger::new(&token, 0).apply(Action::SetKey(locked.into()));
    assert!(state.key.is_locked());
    assert!(
        !matches!(state.verdict, Verdict::Decrypted { .. }),
        "{:?}",
        state.verdict
    );
    let wrong = state.apply(Action::UnlockKey("Secret".into()));
    assert!(!matches!(wrong.verdict, Verdict::Decrypted { .. }));
    let opened = wrong.apply(Action::UnlockKey("secret".into()));
    assert!(
        matches!(opened.verdict, Verdict::Decrypted { .. }),
        "{:?}",
        opened.verdict
    );
}

#[test]
fn an_sd_jwt_presentation_gets_its_key_binding_checked_and_a_changed_one_refused() {
    let vectors = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/sd-jwt");
    let text = std::fs::read_to_string(vectors.join("simple/sd_jwt_presentation.txt")).unwrap();
    let state = Debugger::new(text.trim(), 1_700_000_000);
    assert!(
        matches!(&state.kb, KbVerdict::Verified { facts, .. } if facts.nonce == "1234567890"),
        "{:?}",
        state.kb
    );
    // A disclosure dropped after the holder signed: the KB-JWT no longer covers it.
    let parts = sd_jwt::split(text.trim()).unwrap().unwrap();
    let dropped = text
        .trim()
        .replacen(&format!("~{}~", parts.disclosures[0]), "~", 1);
    let state = state.apply(Action::SetToken(dropped));
    assert!(
        matches!(&state.kb, KbVerdict::Invalid(why) if why.contains("sd_hash")),
        "{:?}",
        state.kb
    );
    // Without a KB-JWT: absent.
    let issued = std::fs::read_to_string(vectors.join("simple/sd_jwt_issuance.txt")).unwrap();
    let state = state.apply(Action::SetToken(issued.trim().to_string()));
    assert_eq!(state.kb, KbVerdict::Absent);
    assert_eq!(
        state
            .view()
            .and_then(|v| v.sd.as_ref())
            .map(|sd| sd.processed.is_ok()),
        Some(true)
    );
}

#[test]
fn a_key_binding_is_held_to_the_aud_and_nonce_the_verifier_expects() {
    let vectors = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/sd-jwt");
    let text = std::fs::read_to_string(vectors.join("simple/sd_jwt_presentation.txt")).unwrap();
    let state = Debugger::new(text.trim(), 1_700_000_000)
        .apply(Action::SetKbAud("https://verifier.example.org".into()))
        .apply(Action::SetKbNonce("1234567890".into()));
    assert!(
        matches!(state.kb, KbVerdict::Verified { .. }),
        "{:?}",
        state.kb
    );
    let other = state.apply(Action::SetKbAud("https://elsewhere.example".into()));
    assert!(
        matches!(&other.kb, KbVerdict::Invalid(why) if why.contains("aud")),
        "{:?}",
        other.kb
    );
    let replay = state.apply(Action::SetKbNonce("another".into()));
    assert!(
        matches!(&replay.kb, KbVerdict::Invalid(why) if why.contains("replay")),
        "{:?}",
        replay.kb
    );
    // Emptied: not compared.
    let any = replay.apply(Action::SetKbNonce(String::new()));
    assert!(matches!(any.kb, KbVerdict::Verified { .. }));
}

/// The RFC examples' holder and issuer keys (tests/vectors/sd-jwt/settings.yml), as JWKs.
const HOLDER_JWK: &str = r#"{"kty":"EC","crv":"P-256","d":"5K5SCos8zf9zRemGGUl6yfok-_NiiryNZsvANWMhF-I","x":"TCAER19Zvu3OHF4j4W4vfSVoHIP1ILilDls7vCeGemc","y":"ZxjiWWbZMQGHVWKVQ4hbSIirsVfuecCE6t4jT9F2HZQ"}"#;
const ISSUER_JWK: &str = r#"{"kty":"EC","crv":"P-256","d":"Ur2bNKuBPOrAaxsRnbSH6hIhmNTxSGXshDSUD1a1y7g","x":"b28d4MwZMjw8-00CG4xfnn9SLMVMM19SlqZpVb_uNtQ","y":"Xv5zWwuoaTgdS6hV43yI6gBwTnjukmFQQnJ_kCxzqk8"}"#;

fn sd_example(name: &str, file: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors/sd-jwt")
        .join(name)
        .join(file);
    std::fs::read_to_string(path).unwrap().trim().to_string()
}

fn sd_state(state: &Debugger) -> (&'static str, Vec<(String, &'static str)>) {
    let sd = state.view().and_then(|v| v.sd.as_ref()).expect("an SD-JWT");
    let processed = sd.processed.as_ref().expect("processed");
    let status = if processed.problems.is_empty() {
        "ok"
    } else {
        "error"
    };
    let placed = processed
        .disclosures
        .iter()
        .map(|p| (p.path.clone().unwrap_or_default(), p.state.id()))
        .collect();
    (status, placed)
}

#[test]
fn sd_make_issues_a_disclosure_signed_with_the_signing_key() {
    let state = Debugger::new(EXAMPLE_TOKEN, 1_516_239_022)
        .apply(Action::SetKey(EXAMPLE_SECRET.into()))
        .apply(Action::MakeDisclosable("name".into()));
    assert_eq!(state.sd_error, None);
    let view = state.view().unwrap();
    // Issued again: a compact SD-JWT, the issuer's signature good, the name a disclosure.
    assert!(state.input.ends_with('~'), "{}", state.input);
    assert_eq!(state.verdict.state(), "verified", "{:?}", state.verdict);
    assert!(!view.payload_text.contains("John Doe"));
    assert!(view.payload_text.contains("\"_sd_alg\": \"sha-256\""));
    assert_eq!(sd_state(&state), ("ok", vec![("name".into(), "matched")]));
    let claims = &view.sd.as_ref().unwrap().claims_text;
    assert!(
        claims.contains("John Doe") && !claims.contains("_sd"),
        "{claims}"
    );
    // A second claim joins it; the first disclosure is kept.
    let state = state.apply(Action::MakeDisclosable("sub".into()));
    assert_eq!(state.verdict.state(), "verified");
    let (status, placed) = sd_state(&state);
    assert_eq!(status, "ok");
    assert_eq!(placed.len(), 2, "{placed:?}");
    // A decoy: one more digest, nothing disclosed by it.
    let state = state.apply(Action::AddDecoy);
    let processed = state
        .view()
        .unwrap()
        .sd
        .as_ref()
        .unwrap()
        .processed
        .clone()
        .unwrap();
    assert_eq!((processed.undisclosed, processed.disclosures.len()), (1, 2));
    assert_eq!(state.verdict.state(), "verified");
    // Made disclosable: a format member cannot be.
    let refused = state.apply(Action::MakeDisclosable("_sd".into()));
    assert!(
        refused
            .sd_error
            .as_deref()
            .is_some_and(|e| e.contains("format"))
    );
    assert_eq!(refused.input, state.input);
}

#[test]
fn editing_an_sd_jwt_keeps_the_disclosures_its_payload_still_refers_to() {
    let issued = sd_example("simple", "sd_jwt_issuance.txt");
    let state =
        Debugger::new(&issued, 1_700_000_000).apply(Action::SetSigningKey(ISSUER_JWK.into()));
    let count = sd_state(&state).1.len();
    assert!(count >= 5);
    // An edit of a claim in the clear: re-signed, every disclosure still there and in place.
    let payload = state.payload_text().unwrap().replace(
        "\"iss\": \"https://issuer.example.com\"",
        "\"iss\": \"https://other.example.com\"",
    );
    let edited = state.apply(Action::EditPayload(payload.clone()));
    assert!(
        matches!(edited.signing, Signing::Signed { .. }),
        "{:?}",
        edited.signing
    );
    let (status, placed) = sd_state(&edited);
    assert_eq!((status, placed.len()), ("ok", count));
    let edited = edited.apply(Action::SetKey(ISSUER_JWK.into()));
    assert_eq!(edited.verdict.state(), "verified", "{:?}", edited.verdict);
    // A digest deleted from _sd: its disclosure goes with it, the rest stay valid.
    let first = {
        let at = payload.find("\"_sd\": [").unwrap();
        let start = at + payload[at..].find('"').unwrap() + 8;
        let open = start + payload[start..].find('"').unwrap();
        let close = open + 1 + payload[open + 1..].find('"').unwrap();
        payload[open..=close].to_string()
    };
    let fewer = payload.replacen(&format!("{first},"), "", 1);
    assert_ne!(fewer, payload);
    let fewer = edited.apply(Action::EditPayload(fewer));
    let (status, placed) = sd_state(&fewer);
    assert_eq!((status, placed.len()), ("ok", count - 1));
}

#[test]
fn a_presentation_made_here_is_bound_by_the_holders_key() {
    let issued = sd_example("simple", "sd_jwt_issuance.txt");
    let now = 1_700_000_000;
    let state = Debugger::new(&issued, now)
        .apply(Action::SetKbNonce("n-0S6_WzA2Mj".into()))
        .apply(Action::Withhold(0));
    // No holder key: nothing to bind with, said.
    assert_eq!(state.kb, KbVerdict::Absent);
    assert_eq!(state.binding, Binding::None);
    let bound = state.apply(Action::SetHolderKey(HOLDER_JWK.into()));
    assert!(
        matches!(&bound.binding, Binding::Made { defaults, .. } if defaults.contains("aud")),
        "{:?}",
        bound.binding
    );
    match &bound.kb {
        KbVerdict::Verified { facts, .. } => {
            assert_eq!(facts.iat, now);
            assert_eq!(facts.nonce, "n-0S6_WzA2Mj");
            assert_eq!(facts.aud, DEFAULT_KB_AUD);
        }
        other => panic!("{other:?}"),
    }
    // Another aud typed: made again with it, and held to it.
    let bound = bound.apply(Action::SetKbAud("https://verifier.example.org".into()));
    assert!(
        matches!(&bound.kb, KbVerdict::Verified { facts, .. } if facts.aud == "https://verifier.example.org"),
        "{:?}",
        bound.kb
    );
    // Less presented: a fresh KB-JWT covers the new presentation.
    let less = bound.apply(Action::Withhold(0));
    assert!(
        matches!(less.kb, KbVerdict::Verified { .. }),
        "{:?}",
        less.kb
    );
    assert_ne!(less.input, bound.input);
    // The KB-JWT dropped, and said so, when no holder key is there.
    let unbound = less.apply(Action::SetHolderKey(String::new()));
    let dropped = unbound.apply(Action::Withhold(0));
    assert_eq!(dropped.binding, Binding::Dropped);
    assert_eq!(dropped.kb, KbVerdict::Absent);
    // A key that is not the cnf one: made, and refused by the check.
    let (other, _) = crate::presets::demo_keys(Algorithm::ES256);
    let wrong = less.apply(Action::SetHolderKey(other.into()));
    assert!(matches!(wrong.binding, Binding::Made { .. }));
    assert!(
        matches!(&wrong.kb, KbVerdict::Invalid(why) if why.contains("cnf")),
        "{:?}",
        wrong.kb
    );
    // A secret cannot bind.
    let secret = less.apply(Action::SetHolderKey(
        "a-shared-secret-of-enough-length-1234".into(),
    ));
    assert!(
        matches!(&secret.binding, Binding::Failed(why) if why.contains("private key")),
        "{:?}",
        secret.binding
    );
}

#[test]
fn a_general_json_jws_gets_a_verdict_per_signature() {
    // jwt.io's example signed twice: with its secret, and with another (kid "b").
    let (protected, payload, first) = {
        let mut pieces = EXAMPLE_TOKEN.split('.');
        (
            pieces.next().unwrap(),
            pieces.next().unwrap(),
            pieces.next().unwrap(),
        )
    };
    let other = Debugger::new(EXAMPLE_TOKEN, 0)
        .apply(Action::SetSigningKey(
            "another secret, not the example's".into(),
        ))
        .apply(Action::SignShown);
    let second = other.input.rsplit('.').next().unwrap().to_string();
    let general = format!(
        r#"{{"payload":"{payload}","signatures":[{{"protected":"{protected}","header":{{"kid":"a"}},"signature":"{first}"}},{{"protected":"{protected}","header":{{"kid":"b"}},"signature":"{second}"}}]}}"#
    );
    let state = Debugger::new(&general, 0).apply(Action::SetKey(EXAMPLE_SECRET.into()));
    let view = state.view().expect("decodes");
    assert_eq!(view.token.json.as_ref().map(|j| j.flattened), Some(false));
    // The header shown is the first signature's, its unprotected kid included.
    assert_eq!(
        view.token
            .header
            .get("kid")
            .and_then(Value::as_str)
            .as_deref(),
        Some("a")
    );
    assert!(view.payload_text.contains("John Doe"));
    assert_eq!(state.verdict.state(), "verified");
    let states: Vec<&str> = state
        .signature_verdicts
        .iter()
        .map(Verdict::state)
        .collect();
    assert_eq!(states, ["verified", "invalid"]);
    // Flattened: one signature, no list, the same verdict.
    let flattened =
        format!(r#"{{"payload":"{payload}","protected":"{protected}","signature":"{first}"}}"#);
    let state = state.apply(Action::SetToken(flattened));
    assert_eq!(state.verdict.state(), "verified");
    assert!(state.signature_verdicts.is_empty());
    // What is not a JSON JWS says why.
    for (broken, why) in [
        (r#"{"payload":"e30","signatures":[]}"#, "no signature"),
        (
            r#"{"payload":"e30","signature":"AA"}"#,
            "no protected header",
        ),
        (r#"{"payload":1,"signature":"AA"}"#, "payload"),
        (
            r#"{"payload":"e30","protected":"eyJhbGciOiJIUzI1NiJ9","header":{"alg":"none"},"signature":"AA"}"#,
            "more than one",
        ),
    ] {
        let state = state.apply(Action::SetToken(broken.into()));
        match &state.decoded {
            Decoded::Error(error) => {
                let text = format!("{}", error.errors[0]);
                assert!(text.contains(why), "{broken}: {text}");
            }
            other => panic!("{broken}: {other:?}"),
        }
    }
}

#[test]
fn make_elements_sd_issues_each_array_element_as_a_disclosure() {
    let state = Debugger::new(EXAMPLE_TOKEN, 1_516_239_022)
        .apply(Action::SetKey(EXAMPLE_SECRET.into()))
        .apply(Action::EditPayload(
            r#"{"sub":"1234567890","nationalities":["US","DE"]}"#.into(),
        ))
        .apply(Action::MakeElementsDisclosable("nationalities".into()));
    assert_eq!(state.sd_error, None);
    assert_eq!(state.verdict.state(), "verified", "{:?}", state.verdict);
    let (status, placed) = sd_state(&state);
    assert_eq!(status, "ok");
    assert_eq!(
        placed,
        [
            ("nationalities[0]".to_string(), "matched"),
            ("nationalities[1]".to_string(), "matched")
        ]
    );
    let claims = &state.view().unwrap().sd.as_ref().unwrap().claims_text;
    assert!(
        claims.contains("\"US\"") && claims.contains("\"DE\""),
        "{claims}"
    );
    let refused = state.apply(Action::MakeElementsDisclosable("sub".into()));
    assert!(
        refused
            .sd_error
            .as_deref()
            .is_some_and(|e| e.contains("not an array"))
    );
}

#[test]
fn an_id_tokens_hash_claims_are_checked_against_what_is_given() {
    // at_hash of "jHkWEdUXMU1BwAsC4vtUsZwnNXs" under RS256 (SHA-256), from Python's hashlib.
    let header = base64url::encode(br#"{"alg":"RS256"}"#);
    let claims = base64url::encode(
        br#"{"sub":"bob","at_hash":"62t32JCSihcgKXW0y5qZ_Q","c_hash":"LDktKdoQak3Pk0cnXxCltA"}"#,
    );
    let state = Debugger::new(&format!("{header}.{claims}.AA"), 0);
    let hashes = state.oidc_hashes();
    assert_eq!(
        hashes
            .iter()
            .map(|h| (h.claim, h.status.clone()))
            .collect::<Vec<_>>(),
        [("at_hash", None), ("c_hash", None)]
    );
    let state = state
        .apply(Action::SetOidcValue(
            "at_hash",
            "jHkWEdUXMU1BwAsC4vtUsZwnNXs\n".into(),
        ))
        .apply(Action::SetOidcValue("c_hash", "not the code".into()));
    let statuses: Vec<_> = state.oidc_hashes().into_iter().map(|h| h.status).collect();
    assert_eq!(statuses, [Some(Ok(true)), Some(Ok(false))]);
    // Emptied: no status again.
    let state = state.apply(Action::SetOidcValue("c_hash", String::new()));
    assert_eq!(state.oidc_hashes()[1].status, None);
}

/// A detached JWS, HS256 with `secret` over `payload` (`b64: false` when `unencoded`).
fn detached_token(payload: &str, unencoded: bool) -> String {
    let header = if unencoded {
        r#"{"alg":"HS256","b64":false,"crit":["b64"]}"#
    } else {
        r#"{"alg":"HS256"}"#
    };
    let header_value = crate::jwt::json::parse(header).unwrap();
    let encoded = base64url::encode(header.as_bytes());
    let segment = if unencoded {
        payload.to_string()
    } else {
        base64url::encode(payload.as_bytes())
    };
    let key = keys::parse("secret", SecretEncoding::Utf8)
        .unwrap()
        .unwrap();
    let signed = sign::sign(
        &format!("{encoded}.{segment}"),
        &header_value,
        &key.keys()[0],
    )
    .unwrap();
    format!("{encoded}..{}", signed.rsplit('.').next().unwrap())
}

#[test]
fn a_detached_payload_given_beside_the_token_is_what_the_verdict_is_over() {
    for unencoded in [false, true] {
        let state = Debugger::new(&detached_token("$.02", unencoded), 0)
            .apply(Action::SetKey("secret".into()));
        assert_eq!(state.verdict.state(), "unverifiable", "{unencoded}");
        assert!(state.verdict.describe().contains("detached"));
        let state = state.apply(Action::SetDetachedPayload("$.02".into()));
        assert_eq!(
            state.verdict.state(),
            "verified",
            "{}",
            state.verdict.describe()
        );
        assert!(state.verdict.describe().contains("over the payload given"));
        let state = state.apply(Action::SetDetachedPayload("$.03".into()));
        assert_eq!(state.verdict.state(), "invalid");
        // Kept for the next token, and emptied: the token alone again.
        let state = state
            .apply(Action::SetDetachedPayload("$.02".into()))
            .apply(Action::SetToken(detached_token("$.02", unencoded)));
        assert_eq!(state.verdict.state(), "verified");
        let state = state.apply(Action::SetDetachedPayload(String::new()));
        assert_eq!(state.verdict.state(), "unverifiable");
    }
    // An ordinary token ignores the box.
    let state = Debugger::new(EXAMPLE_TOKEN, 0)
        .apply(Action::SetKey("your-256-bit-secret".into()))
        .apply(Action::SetDetachedPayload("anything".into()));
    assert_eq!(state.verdict.state(), "verified");
}

const CHAIN_TOKEN: &str = include_str!("../../../tests/vectors/certs/chain.jwt");
const CHAIN_ROOT: &str = include_str!("../../../tests/vectors/certs/root.pem");
const OTHER_ROOT: &str = include_str!("../../../tests/vectors/certs/other-root.pem");
/// 2026-12-07: inside the fixed chain's validity (2020–2120).
const CHAIN_NOW: i64 = 1_796_601_600;

#[test]
fn an_x5c_chain_verifies_only_when_anchored_in_a_certificate_given() {
    let state = Debugger::new(CHAIN_TOKEN.trim(), CHAIN_NOW);
    let Some(ChainRead::Read(facts)) = &state.chain else {
        panic!("the chain is read: {:?}", state.chain);
    };
    assert_eq!(facts.certs.len(), 3);
    // No key: the signature is good with the token's own certificate, and that is all.
    assert_eq!(state.verdict.state(), "unverifiable");
    assert!(state.verdict.describe().contains("nothing anchors it"));
    // The root given: verified, and said to be anchored.
    let state = state.apply(Action::SetKey(CHAIN_ROOT.into()));
    assert_eq!(
        state.verdict.state(),
        "verified",
        "{}",
        state.verdict.describe()
    );
    assert!(state.verdict.describe().contains("anchored"));
    assert!(state.verdict.describe().contains("Example Root CA"));
    // Another root: not anchored.
    let state = state.apply(Action::SetKey(OTHER_ROOT.into()));
    assert_eq!(state.verdict.state(), "unverifiable");
    // The chain's certificates expired (after 2120): never verified.
    let state =
        Debugger::new(CHAIN_TOKEN.trim(), 4_800_000_000).apply(Action::SetKey(CHAIN_ROOT.into()));
    assert_eq!(state.verdict.state(), "unverifiable");
    assert!(
        state.verdict.describe().contains("expired"),
        "{}",
        state.verdict.describe()
    );
    // A signature changed: invalid, with the root given.
    let tampered = CHAIN_TOKEN.trim().replace(".eyJ", ".eyK");
    let state = Debugger::new(&tampered, CHAIN_NOW).apply(Action::SetKey(CHAIN_ROOT.into()));
    assert_eq!(state.verdict.state(), "invalid");
    // A plain key in the box is checked as always, whatever the header carries: a secret does
    // not fit an ES256 token.
    let state =
        Debugger::new(CHAIN_TOKEN.trim(), CHAIN_NOW).apply(Action::SetKey("mysecret".into()));
    assert_eq!(state.verdict.state(), "unverifiable");
    assert!(!state.verdict.describe().contains("anchor"));
}

#[test]
fn a_chain_pasted_in_the_key_box_is_shown_and_ends_at_its_own_root() {
    use base64::Engine;
    let header = token::decode(CHAIN_TOKEN.trim()).unwrap().header;
    let x5c = certs::x5c_of(&header).unwrap().unwrap();
    let pems: String = x5c
        .iter()
        .map(|b64| {
            let der = base64::engine::general_purpose::STANDARD
                .decode(b64)
                .unwrap();
            ::pem::encode(&::pem::Pem::new("CERTIFICATE", der))
        })
        .collect();
    let state = Debugger::new(EXAMPLE_TOKEN, CHAIN_NOW).apply(Action::SetKey(pems.clone()));
    let Some(ChainRead::Read(facts)) = &state.chain else {
        panic!("the key box's chain is read: {:?}", state.chain);
    };
    assert_eq!(facts.certs.len(), 3);
    assert_eq!(certs::judge(facts, CHAIN_NOW).state, ChainState::Anchored);
    // The verdict is the key box's, as for any key: an HS256 token and a certificate.
    assert!(!state.verdict.describe().contains("anchored"));
    // Without its root, the pasted chain is not anchored; one certificate alone is no chain.
    let without_root: String = pems
        .split_inclusive("-----END CERTIFICATE-----")
        .take(2)
        .collect();
    let state = state.apply(Action::SetKey(without_root));
    let Some(ChainRead::Read(facts)) = &state.chain else {
        panic!("read");
    };
    assert_eq!(certs::judge(facts, CHAIN_NOW).state, ChainState::Unanchored);
    let state = state.apply(Action::SetKey(CHAIN_ROOT.into()));
    assert_eq!(state.chain, None);
}
