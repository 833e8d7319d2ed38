//! SD-JWTs both ways with the reference implementation (PyPI `sd-jwt`, through
//! tests/interop/sd_jwt_peer.py): what it issues, decoys and array elements included, opens and
//! verifies here; what this page presents (a disclosure withheld) verifies there, to the same
//! claims; and an SD-JWT issued here (Make SD, a decoy) and bound by the holder's key verifies
//! there, key binding included.
#![cfg(not(target_arch = "wasm32"))]

mod interop;

use interop::peer;
use jwt_debugger::jwt::json::Value;
use jwt_debugger::jwt::keys::{self, SecretEncoding};
use jwt_debugger::jwt::sd_jwt::{self, DigestAlg};
use jwt_debugger::jwt::token;
use jwt_debugger::jwt::verify::{self, Verdict};

const NEEDS: &str = "PyPI sd-jwt";

/// settings.yml's issuer key (P-256): private for the peer, public for the key box.
const ISSUER_PRIVATE: &str = r#"{"kty":"EC","crv":"P-256","d":"Ur2bNKuBPOrAaxsRnbSH6hIhmNTxSGXshDSUD1a1y7g","x":"b28d4MwZMjw8-00CG4xfnn9SLMVMM19SlqZpVb_uNtQ","y":"Xv5zWwuoaTgdS6hV43yI6gBwTnjukmFQQnJ_kCxzqk8"}"#;
const ISSUER_PUBLIC: &str = r#"{"kty":"EC","crv":"P-256","x":"b28d4MwZMjw8-00CG4xfnn9SLMVMM19SlqZpVb_uNtQ","y":"Xv5zWwuoaTgdS6hV43yI6gBwTnjukmFQQnJ_kCxzqk8"}"#;

const CLAIMS: &str = r#"{"iss":"https://issuer.example.com","sub":"user_42","given_name":"John","family_name":"Doe","email":"johndoe@example.com","address":{"locality":"Anytown","country":"US"},"nationalities":["US","DE","FR"]}"#;

fn issued_by_the_reference() -> String {
    let request = format!(
        r#"{{"issuer_jwk":{ISSUER_PRIVATE},"claims":{CLAIMS},"disclosable":["given_name","family_name","email","address"],"elements":["nationalities"]}}"#
    );
    match &peer("sd_jwt_peer.py", "issue", &request, NEEDS)[..] {
        [Value::String(raw)] => jwt_debugger::jwt::json::unescape(raw),
        other => panic!("unexpected answer {other:?}"),
    }
}

/// The claims the processing here ends with, as serde data (order aside).
fn processed_here(text: &str) -> serde_json::Value {
    let parsed = token::decode(text).expect("the issuer-signed JWT decodes");
    let parts = sd_jwt::split(text).expect("has ~").expect("splits");
    let processed = sd_jwt::process(parsed.claims().unwrap(), &parts.disclosures).unwrap();
    assert!(processed.problems.is_empty(), "{:?}", processed.problems);
    serde_json::from_str(&processed.claims.minified()).unwrap()
}

#[test]
fn what_the_reference_issues_opens_and_verifies_here() {
    let issued = issued_by_the_reference();
    let key = keys::parse(ISSUER_PUBLIC, SecretEncoding::Utf8)
        .unwrap()
        .unwrap();
    let parsed = token::decode(&issued).unwrap();
    assert!(matches!(
        verify::verify(&parsed, Some(&Ok(key))),
        Verdict::Verified { .. }
    ));
    // Every claim disclosed: the claims as issued; the decoys counted, never shown.
    let expected: serde_json::Value = serde_json::from_str(CLAIMS).unwrap();
    assert_eq!(processed_here(&issued), expected);
    let parts = sd_jwt::split(&issued).unwrap().unwrap();
    let processed = sd_jwt::process(parsed.claims().unwrap(), &parts.disclosures).unwrap();
    assert!(processed.undisclosed > 0, "the reference adds decoys");
    assert_eq!(
        processed.disclosures.len(),
        7,
        "4 claims and 3 array elements"
    );
}

#[test]
fn a_presentation_made_here_verifies_there_to_the_same_claims() {
    let issued = issued_by_the_reference();
    let parsed = token::decode(&issued).unwrap();
    // Withhold the address and the second nationality, as the page's toggles do: each found
    // by where it lands in the presentation as it is by then.
    let mut presented = issued.clone();
    for path in ["address", "nationalities[1]"] {
        let now = sd_jwt::split(&presented).unwrap().unwrap();
        let here = sd_jwt::process(parsed.claims().unwrap(), &now.disclosures).unwrap();
        let at = here
            .disclosures
            .iter()
            .position(|p| p.path.as_deref() == Some(path))
            .expect("the disclosure is there");
        presented = sd_jwt::withhold(&presented, at, DigestAlg::Sha256).unwrap();
    }
    let ours = processed_here(&presented);
    assert!(ours.get("address").is_none());
    assert_eq!(ours["nationalities"], serde_json::json!(["US", "FR"]));
    let request = format!(
        r#"{{"issuer_jwk":{ISSUER_PUBLIC},"presentation":{}}}"#,
        serde_json::to_string(&presented).unwrap()
    );
    let theirs = match &peer("sd_jwt_peer.py", "verify", &request, NEEDS)[..] {
        [payload] => serde_json::from_str::<serde_json::Value>(&payload.minified()).unwrap(),
        other => panic!("unexpected answer {other:?}"),
    };
    assert_eq!(ours, theirs);
}

/// settings.yml's holder key (P-256), whose public half the issuer puts in `cnf`.
const HOLDER_PRIVATE: &str = r#"{"kty":"EC","crv":"P-256","d":"5K5SCos8zf9zRemGGUl6yfok-_NiiryNZsvANWMhF-I","x":"TCAER19Zvu3OHF4j4W4vfSVoHIP1ILilDls7vCeGemc","y":"ZxjiWWbZMQGHVWKVQ4hbSIirsVfuecCE6t4jT9F2HZQ"}"#;

#[test]
fn an_sd_jwt_issued_and_key_bound_here_verifies_there() {
    use jwt_debugger::jwt::base64url;
    use jwt_debugger::state::{Action, Debugger};
    let now = 1_700_000_000;
    let claims = r#"{"iss":"https://issuer.example.com","sub":"user_42","given_name":"John","family_name":"Doe","email":"johndoe@example.com","cnf":{"jwk":{"kty":"EC","crv":"P-256","x":"TCAER19Zvu3OHF4j4W4vfSVoHIP1ILilDls7vCeGemc","y":"ZxjiWWbZMQGHVWKVQ4hbSIirsVfuecCE6t4jT9F2HZQ"}}}"#;
    let unsigned = format!(
        "{}.{}.",
        base64url::encode(br#"{"alg":"ES256","typ":"example+sd-jwt"}"#),
        base64url::encode(claims.as_bytes())
    );
    // As a user does it: the issuer's key in Sign, Make SD on three claims, a decoy, then the
    // holder's key, the verifier's aud and nonce, and one disclosure withheld.
    let mut state = Debugger::new(&unsigned, now)
        .apply(Action::SetSigningKey(ISSUER_PRIVATE.into()))
        .apply(Action::SignShown);
    for name in ["given_name", "family_name", "email"] {
        state = state.apply(Action::MakeDisclosable(name.into()));
    }
    let state = state
        .apply(Action::AddDecoy)
        .apply(Action::SetHolderKey(HOLDER_PRIVATE.into()))
        .apply(Action::SetKbAud("https://verifier.example.org".into()))
        .apply(Action::SetKbNonce("n-4242".into()));
    let issued = state.input.to_string();
    assert_eq!(issued.matches('~').count(), 4, "{issued}");
    let family = state
        .view()
        .and_then(|v| v.sd.as_ref())
        .and_then(|sd| sd.processed.as_ref().ok())
        .and_then(|p| {
            p.disclosures
                .iter()
                .position(|d| d.path.as_deref() == Some("family_name"))
        })
        .expect("family_name is a disclosure");
    let presented = state.apply(Action::Withhold(family)).input.to_string();
    assert!(!presented.ends_with('~'), "bound: ends in a KB-JWT");
    let verify_there = |aud: &str, nonce: &str| {
        let request = format!(
            r#"{{"issuer_jwk":{ISSUER_PUBLIC},"presentation":{},"aud":"{aud}","nonce":"{nonce}"}}"#,
            serde_json::to_string(&presented).unwrap()
        );
        peer("sd_jwt_peer.py", "verify", &request, NEEDS)
    };
    let theirs = match &verify_there("https://verifier.example.org", "n-4242")[..] {
        [payload] => serde_json::from_str::<serde_json::Value>(&payload.minified()).unwrap(),
        other => panic!("unexpected answer {other:?}"),
    };
    assert_eq!(theirs["given_name"], "John");
    assert_eq!(theirs["email"], "johndoe@example.com");
    assert!(theirs.get("family_name").is_none(), "{theirs}");
    assert_eq!(theirs["iss"], "https://issuer.example.com");
    // The reference checked the key binding: another nonce is refused there.
    let replay = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        verify_there("https://verifier.example.org", "another-nonce")
    }));
    assert!(
        replay.is_err(),
        "the reference refuses a KB-JWT with another nonce"
    );
}
