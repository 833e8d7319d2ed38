//! `x5c` certificate chains (RFC 7515 §4.1.6) made by Python `cryptography` (installed by
//! `make setup`), with tokens PyJWT signed with each leaf's key: good chains of one to three
//! certificates for RSA, RSA-PSS, P-256/384/521 and Ed25519, and each broken variant (wrong
//! order, a link not signed by the next, an issuer without the CA flag, an expired or not yet
//! valid certificate, a different root of the same name), judged as each must be.
#![cfg(not(target_arch = "wasm32"))]

mod interop;

use jwt_debugger::jwt::certs::{self, ChainState};
use jwt_debugger::jwt::json::Value;
use jwt_debugger::jwt::{token, verify};

const NOW: i64 = 1_800_000_000;

fn text(case: &Value, name: &str) -> String {
    case.get(name)
        .and_then(|v| v.as_str())
        .unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn chains_made_by_cryptography_are_judged_as_each_must_be() {
    let cases = interop::peer(
        "chain_peer.py",
        "make",
        &format!(r#"{{"now":{NOW}}}"#),
        "PyJWT[crypto] and cryptography",
    );
    assert_eq!(cases.len(), 31);
    for case in &cases {
        let name = text(case, "name");
        let parsed = token::decode(&text(case, "token")).unwrap();
        let x5c = certs::x5c_of(&parsed.header).unwrap().unwrap();
        let facts = certs::read_chain(
            &x5c,
            &text(case, "anchor"),
            &parsed.alg().unwrap(),
            verify::signing_input(&parsed).as_bytes(),
            parsed.segment_text(&parsed.segments[2]),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        let judged = certs::judge(&facts, NOW);
        let states: Vec<&str> = judged.states.iter().map(|s| s.id()).collect();
        let Some(Value::Array(expected)) = case.get("states") else {
            panic!("{name}: no states");
        };
        let expected: Vec<String> = expected.iter().map(|s| s.as_str().unwrap()).collect();
        assert_eq!(states, expected, "{name}: {}", judged.why);
        assert_eq!(
            judged.state.id(),
            text(case, "chain"),
            "{name}: {}",
            judged.why
        );
        if let Some(why) = case.get("why").and_then(|w| w.as_str()) {
            assert!(judged.why.contains(&why), "{name}: {}", judged.why);
        }
        let signed = !matches!(case.get("signature"), Some(Value::Bool(false)));
        assert_eq!(facts.signature, Ok(signed), "{name}");
        // Every certificate is described: subject, validity, key, how it was signed.
        let leaf = &facts.certs[0];
        assert!(leaf.subject.contains("CN="), "{name}: {}", leaf.subject);
        assert!(leaf.not_before < leaf.not_after);
        // Named in words, not left as an OID.
        assert!(
            !leaf.key.is_empty() && !leaf.signed_with.starts_with(char::is_numeric),
            "{name}: {leaf:?}"
        );
        if judged.state == ChainState::Anchored {
            assert!(judged.why.contains("Root CA") || judged.why.contains("Intermediate CA"));
        }
    }
}
