//! The RFC's examples (tests/vectors/sd-jwt/, made by the reference implementation) processed
//! to what the reference verifier ends with, and each rule of RFC 9901 §7.1 broken once.

use super::*;
use crate::jwt::json::{self, Value};

fn vectors() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/sd-jwt")
}

/// The issuer-signed JWT's payload.
fn payload_of(jwt: &str) -> Value {
    let part = jwt.split('.').nth(1).expect("a JWS");
    let bytes = base64url::decode(part).expect("base64url");
    json::parse(std::str::from_utf8(&bytes).expect("UTF-8")).expect("JSON")
}

/// JSON compared as data: member order is the processor's own.
fn same(a: &Value, b: &str) -> bool {
    let a: serde_json::Value = serde_json::from_str(&a.minified()).expect("ours is JSON");
    let b: serde_json::Value = serde_json::from_str(b).expect("theirs is JSON");
    a == b
}

#[test]
fn every_example_presentation_processes_to_the_reference_verifiers_claims() {
    let mut examples = 0;
    for entry in std::fs::read_dir(vectors()).expect("the vectors") {
        let dir = entry.expect("an entry").path();
        let Ok(presentation) = std::fs::read_to_string(dir.join("sd_jwt_presentation.txt")) else {
            continue;
        };
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let parts = split(&presentation).expect("has ~").expect("splits");
        let processed = process(&payload_of(parts.jwt), &parts.disclosures).expect("processes");
        assert!(
            processed.problems.is_empty(),
            "{name}: {:?}",
            processed.problems
        );
        let expected = std::fs::read_to_string(dir.join("verified_contents.json")).unwrap();
        assert!(
            same(&processed.claims, &expected),
            "{name}: {}",
            processed.claims.pretty()
        );
        // Every presented disclosure found its place.
        assert!(
            processed.disclosures.iter().all(|p| p.path.is_some()),
            "{name}"
        );
        // The issuance discloses everything, nothing left over.
        let issued = std::fs::read_to_string(dir.join("sd_jwt_issuance.txt")).unwrap();
        let parts = split(&issued).expect("has ~").expect("splits");
        assert_eq!(parts.kb_jwt, None, "{name}: an issuance has no KB-JWT");
        let all = process(&payload_of(parts.jwt), &parts.disclosures).expect("processes");
        assert!(all.problems.is_empty(), "{name}: {:?}", all.problems);
        examples += 1;
    }
    assert!(examples >= 12, "{examples} examples read");
}

#[test]
fn disclosures_land_where_their_digests_stand() {
    let text = std::fs::read_to_string(vectors().join("simple/sd_jwt_presentation.txt")).unwrap();
    let parts = split(&text).unwrap().unwrap();
    assert!(parts.kb_jwt.is_some(), "the simple example binds a key");
    assert!(parts.presented.ends_with('~'));
    assert_eq!(
        parts.presented.len() + parts.kb_jwt.unwrap().len(),
        text.trim().len()
    );
    let processed = process(&payload_of(parts.jwt), &parts.disclosures).unwrap();
    let mut paths: Vec<_> = processed
        .disclosures
        .iter()
        .filter_map(|p| p.path.clone())
        .collect();
    paths.sort();
    assert_eq!(
        paths,
        ["address", "family_name", "given_name", "nationalities[0]"]
    );
    assert_eq!(processed.alg, DigestAlg::Sha256);
    assert!(processed.alg_stated);
    // Eight _sd digests and two array entries; four disclosed: six undisclosed.
    assert_eq!(processed.undisclosed, 6);
    assert!(processed.claims.get("_sd").is_none() && processed.claims.get("_sd_alg").is_none());
}

#[test]
fn recursive_disclosures_are_placed_inside_their_parent() {
    let text =
        std::fs::read_to_string(vectors().join("address_only_recursive/sd_jwt_issuance.txt"))
            .unwrap();
    let parts = split(&text).unwrap().unwrap();
    let processed = process(&payload_of(parts.jwt), &parts.disclosures).unwrap();
    let paths: Vec<_> = processed
        .disclosures
        .iter()
        .filter_map(|p| p.path.clone())
        .collect();
    assert!(paths.contains(&"address".to_string()), "{paths:?}");
    assert!(paths.contains(&"address.locality".to_string()), "{paths:?}");
    assert!(
        processed
            .claims
            .get("address")
            .and_then(|a| a.get("locality"))
            .is_some()
    );
}

/// A disclosure of `parts` (`["salt", "name", value]` or `["salt", value]`) as presented.
fn disclose(json_array: &str) -> String {
    base64url::encode(json_array.as_bytes())
}

/// An SD-JWT payload and its disclosures: `template` names digests as `#0`, `#1`, ….
fn case(template: &str, disclosures: &[&str]) -> (Value, Vec<String>) {
    let encoded: Vec<String> = disclosures.iter().map(|d| disclose(d)).collect();
    let mut text = template.to_string();
    for (i, e) in encoded.iter().enumerate().rev() {
        text = text.replace(&format!("#{i}"), &DigestAlg::Sha256.digest(e));
    }
    (json::parse(&text).expect("the template is JSON"), encoded)
}

fn problems(template: &str, disclosures: &[&str]) -> Vec<String> {
    let (payload, encoded) = case(template, disclosures);
    let refs: Vec<&str> = encoded.iter().map(String::as_str).collect();
    process(&payload, &refs).expect("processes").problems
}

#[test]
fn each_rule_a_presentation_can_break_is_named() {
    let good = r#"["c2FsdHNhbHRzYWx0", "name", "Ann"]"#;
    assert!(problems(r##"{"_sd": ["#0"], "_sd_alg": "sha-256"}"##, &[good]).is_empty());
    // A disclosure nothing references.
    let p = problems(r#"{"_sd": []}"#, &[good]);
    assert!(p[0].contains("referenced by no digest"), "{p:?}");
    // A digest referenced twice.
    let p = problems(r##"{"_sd": ["#0", "#0"]}"##, &[good]);
    assert!(p.iter().any(|p| p.contains("referenced twice")), "{p:?}");
    // A disclosure named _sd or "...".
    let p = problems(r##"{"_sd": ["#0"]}"##, &[r#"["salt", "_sd", 1]"#]);
    assert!(p[0].contains("forbids"), "{p:?}");
    let p = problems(r##"{"_sd": ["#0"]}"##, &[r#"["salt", "...", 1]"#]);
    assert!(p[0].contains("forbids"), "{p:?}");
    // A disclosed name already in the clear.
    let p = problems(r##"{"_sd": ["#0"], "name": "Bob"}"##, &[good]);
    assert_eq!(p.len(), 1, "said once, not also as unreferenced: {p:?}");
    assert!(p[0].contains("already there in the clear"), "{p:?}");
    // Malformed disclosures: not base64url, not an array, a name that is not a string.
    let (payload, _) = case(r#"{"_sd": []}"#, &[]);
    let p = process(&payload, &["not base64url!"]).unwrap().problems;
    assert!(p[0].contains("not base64url"), "{p:?}");
    assert!(problems(r##"{"_sd": ["#0"]}"##, &[r#"{"a": 1}"#])[0].contains("not a JSON array"));
    assert!(problems(r##"{"_sd": ["#0"]}"##, &[r#"["salt", 7, 1]"#])[0].contains("not a string"));
    assert!(problems(r##"{"_sd": ["#0"]}"##, &[r#"["salt"]"#])[0].contains("1 elements"));
    // An array element referenced from _sd, a property from an array.
    let p = problems(r##"{"_sd": ["#0"]}"##, &[r#"["salt", "DE"]"#]);
    assert!(p[0].contains("is an array element"), "{p:?}");
    let p = problems(r##"{"nationalities": [{"...": "#0"}]}"##, &[good]);
    assert!(p[0].contains("stands for an array element"), "{p:?}");
    // The same disclosure presented twice.
    let p = problems(r##"{"_sd": ["#0"]}"##, &[good, good]);
    assert!(p[0].contains("presented once"), "{p:?}");
}

#[test]
fn an_unknown_digest_algorithm_or_a_payload_that_is_no_object_is_refused() {
    let (payload, _) = case(r#"{"_sd_alg": "md5"}"#, &[]);
    assert!(process(&payload, &[]).unwrap_err().contains("md5"));
    assert!(process(&Value::Array(Vec::new()), &[]).is_err());
    // No _sd_alg: sha-256, and the result says it was assumed.
    let (payload, encoded) = case(r##"{"_sd": ["#0"]}"##, &[r#"["salt", "a", 1]"#]);
    let processed = process(&payload, &[encoded[0].as_str()]).unwrap();
    assert!(!processed.alg_stated && processed.alg == DigestAlg::Sha256);
    assert_eq!(processed.claims.minified(), r#"{"a":1}"#);
}

#[test]
fn sha_384_512_and_sha3_digests_are_taken_as_named() {
    // SHA3 of "abc", as Python's hashlib gives it (FIPS 202's own example input).
    for (alg, abc) in [
        (
            DigestAlg::Sha3_256,
            "Ophdp0_iJbIEXBcta9OQvYVfCG4-nVJbRr_iRRFDFTI",
        ),
        (
            DigestAlg::Sha3_384,
            "7AFJgohRb8kmRZ9Y4satjfm0c8sPwIwlltp88OSb5LKY2IzqknrH9Tnx7fIoN20l",
        ),
        (
            DigestAlg::Sha3_512,
            "t1GFCxpXFopWk82SS2sJbgj2IYJ0RPcNiE9dAkDScS4Q4RbpGSrzyRp-xXZH45NAVzQLTPQI1aVlkvgnTuxT8A",
        ),
    ] {
        assert_eq!(alg.digest("abc"), abc, "{}", alg.name());
        assert_eq!(DigestAlg::from_name(alg.name()), Some(alg));
    }
    for (name, alg) in [
        ("sha-384", DigestAlg::Sha384),
        ("sha-512", DigestAlg::Sha512),
        ("sha3-256", DigestAlg::Sha3_256),
        ("sha3-512", DigestAlg::Sha3_512),
    ] {
        let d = disclose(r#"["salt", "a", true]"#);
        let payload = json::parse(&format!(
            r#"{{"_sd": ["{}"], "_sd_alg": "{name}"}}"#,
            alg.digest(&d)
        ))
        .unwrap();
        let processed = process(&payload, &[d.as_str()]).unwrap();
        assert!(processed.problems.is_empty(), "{name}");
        assert_eq!(processed.claims.minified(), r#"{"a":true}"#);
    }
}

#[test]
fn array_elements_keep_their_order_and_decoys_are_counted_not_shown() {
    let (payload, encoded) = case(
        r##"{"n": [{"...": "#0"}, "clear", {"...": "decoy-digest"}, {"...": "#1"}]}"##,
        &[r#"["s1", "US"]"#, r#"["s2", "DE"]"#],
    );
    let refs: Vec<&str> = encoded.iter().map(String::as_str).collect();
    let processed = process(&payload, &refs).unwrap();
    assert_eq!(processed.claims.minified(), r#"{"n":["US","clear","DE"]}"#);
    assert_eq!(processed.undisclosed, 1);
    assert_eq!(processed.disclosures[1].path.as_deref(), Some("n[2]"));
}

#[test]
fn hostile_shapes_end_in_answers() {
    // More disclosures than read.
    let many = format!("a.b.c{}~", "~x".repeat(MAX_DISCLOSURES + 1));
    assert!(matches!(
        split(&many),
        Some(Err(SplitError::TooMany { .. }))
    ));
    assert!(matches!(
        split("a.b.c~~"),
        Some(Err(SplitError::EmptyDisclosure { index: 0 }))
    ));
    assert_eq!(split("a.b.c"), None);
    // A chain of disclosures each inside the last, deeper than the cap: said, not a crash.
    let mut disclosures = vec![r#"["s", "leaf", 1]"#.to_string()];
    for _ in 0..MAX_NESTING + 4 {
        let inner = DigestAlg::Sha256.digest(&disclose(disclosures.last().unwrap()));
        disclosures.push(format!(r#"["s", "n", {{"_sd": ["{inner}"]}}]"#));
    }
    let top = DigestAlg::Sha256.digest(&disclose(disclosures.last().unwrap()));
    let payload = json::parse(&format!(r#"{{"_sd": ["{top}"]}}"#)).unwrap();
    let encoded: Vec<String> = disclosures.iter().map(|d| disclose(d)).collect();
    let refs: Vec<&str> = encoded.iter().map(String::as_str).collect();
    let processed = process(&payload, &refs).unwrap();
    assert!(
        processed
            .problems
            .iter()
            .any(|p| p.contains("nested more than")),
        "{:?}",
        processed.problems
    );
}

/// The state each presented disclosure ends in (`data-state` in the page).
fn states(template: &str, disclosures: &[&str]) -> Vec<DisclosureState> {
    let (payload, encoded) = case(template, disclosures);
    let refs: Vec<&str> = encoded.iter().map(String::as_str).collect();
    let processed = process(&payload, &refs).expect("processes");
    processed.disclosures.iter().map(|p| p.state).collect()
}

#[test]
fn each_disclosure_says_what_became_of_it() {
    use DisclosureState::*;
    let good = r#"["salt", "name", "Ann"]"#;
    let other = r#"["salt", "other", 1]"#;
    assert_eq!(
        states(r##"{"_sd": ["#0"]}"##, &[good, other]),
        [Matched, Unreferenced]
    );
    assert_eq!(
        states(r##"{"_sd": ["#0"]}"##, &[good, good]),
        [Matched, Duplicate]
    );
    assert_eq!(
        states(r##"{"_sd": ["#0"], "name": 1}"##, &[good]),
        [Forbidden]
    );
    assert_eq!(
        states(r##"{"_sd": ["#0"]}"##, &[r#"["salt", "_sd", 1]"#]),
        [Forbidden]
    );
    assert_eq!(
        states(r##"{"_sd": ["#0"]}"##, &[r#"["salt", "DE"]"#]),
        [Malformed]
    );
    assert_eq!(
        states(r##"{"_sd": ["#0"]}"##, &[r#"["salt"]"#]),
        [Malformed]
    );
}

#[test]
fn a_key_binding_jwt_is_checked_against_the_presentation_before_it() {
    let text = std::fs::read_to_string(vectors().join("simple/sd_jwt_presentation.txt")).unwrap();
    let parts = split(&text).unwrap().unwrap();
    let kb = crate::jwt::token::decode(parts.kb_jwt.unwrap()).unwrap();
    let facts = check_kb(&kb, parts.presented, DigestAlg::Sha256).expect("passes");
    assert_eq!(facts.nonce, "1234567890");
    assert_eq!(facts.aud, "https://verifier.example.org");
    assert!(facts.iat > 1_700_000_000);
    // One disclosure fewer: the sd_hash no longer covers what is presented.
    let fewer = parts
        .presented
        .replacen(&format!("{}~", parts.disclosures[0]), "", 1);
    assert!(
        check_kb(&kb, &fewer, DigestAlg::Sha256)
            .unwrap_err()
            .contains("sd_hash does not match")
    );
    // Another hash than _sd_alg's.
    assert!(check_kb(&kb, parts.presented, DigestAlg::Sha384).is_err());
    // The issuer-signed JWT is no KB-JWT: its typ says so.
    let issuer = crate::jwt::token::decode(parts.jwt).unwrap();
    assert!(
        check_kb(&issuer, parts.presented, DigestAlg::Sha256)
            .unwrap_err()
            .contains("kb+jwt")
    );
    // The holder key the issuer bound.
    let claims = payload_of(parts.jwt);
    assert!(holder_key(&claims).unwrap().contains(r#""crv":"P-256""#));
}

#[test]
fn the_key_binding_verdict_weighs_the_signature_first() {
    use crate::jwt::verify::Verdict;
    let facts = KbFacts {
        iat: 1,
        aud: "a".into(),
        nonce: "n".into(),
    };
    let by = || Verdict::Verified { by: "k".into() };
    assert!(matches!(
        kb_verdict(Ok(facts.clone()), by()),
        KbVerdict::Verified { .. }
    ));
    assert!(matches!(kb_verdict(Err("typ".into()), by()), KbVerdict::Invalid(w) if w == "typ"));
    assert_eq!(
        kb_verdict(Ok(facts.clone()), Verdict::Pending),
        KbVerdict::Pending
    );
    assert!(matches!(
        kb_verdict(Ok(facts), Verdict::Invalid { hint: None }),
        KbVerdict::Invalid(_)
    ));
}

#[test]
fn withholding_a_disclosure_takes_those_inside_it_and_the_kb_jwt_with_it() {
    let issued =
        std::fs::read_to_string(vectors().join("address_only_recursive/sd_jwt_issuance.txt"))
            .unwrap();
    let parts = split(&issued).unwrap().unwrap();
    let payload = payload_of(parts.jwt);
    let all = process(&payload, &parts.disclosures).unwrap();
    let address = all
        .disclosures
        .iter()
        .position(|p| p.path.as_deref() == Some("address"))
        .unwrap();
    let less = withhold(&issued, address, DigestAlg::Sha256).unwrap();
    let less_parts = split(&less).unwrap().unwrap();
    // The address and every part of it are gone, and what is left still holds together.
    assert_eq!(less_parts.disclosures.len(), 0, "{less}");
    let processed = process(&payload, &less_parts.disclosures).unwrap();
    assert!(processed.problems.is_empty());
    assert!(processed.claims.get("address").is_none());
    // One leaf of it: the rest stays.
    let locality = all
        .disclosures
        .iter()
        .position(|p| p.path.as_deref() == Some("address.locality"))
        .unwrap();
    let less = withhold(&issued, locality, DigestAlg::Sha256).unwrap();
    let less_parts = split(&less).unwrap().unwrap();
    assert_eq!(less_parts.disclosures.len(), parts.disclosures.len() - 1);
    let processed = process(&payload, &less_parts.disclosures).unwrap();
    assert!(processed.problems.is_empty(), "{:?}", processed.problems);
    assert!(
        processed
            .claims
            .get("address")
            .unwrap()
            .get("locality")
            .is_none()
    );
    // A presentation's KB-JWT goes: its sd_hash covered what is no longer there.
    let presented =
        std::fs::read_to_string(vectors().join("simple/sd_jwt_presentation.txt")).unwrap();
    let less = withhold(&presented, 0, DigestAlg::Sha256).unwrap();
    assert!(less.ends_with('~'));
    assert_eq!(split(&less).unwrap().unwrap().kb_jwt, None);
    assert_eq!(withhold(&presented, 99, DigestAlg::Sha256), None);
    assert_eq!(withhold("a.b.c", 0, DigestAlg::Sha256), None);
}

#[test]
fn what_an_sd_jwt_says_about_itself_is_found() {
    use crate::jwt::lint::sd_jwt_findings;
    let codes = |template: &str, disclosures: &[&str], kb: bool, kb_iat: Option<i64>| {
        let (payload, encoded) = case(template, disclosures);
        let refs: Vec<&str> = encoded.iter().map(String::as_str).collect();
        let processed = process(&payload, &refs).unwrap();
        sd_jwt_findings(&processed, &payload, kb, kb_iat, 1_000_000)
            .iter()
            .map(|f| f.code)
            .collect::<Vec<_>>()
    };
    let salt = "\"bm90IGEgc2hvcnQgc2FsdCBhdCBhbGw\"";
    let good = format!(r#"[{salt}, "name", "Ann"]"#);
    assert!(
        codes(
            r##"{"_sd": ["#0"], "_sd_alg": "sha-256", "cnf": {}}"##,
            &[&good],
            true,
            Some(999_900)
        )
        .is_empty()
    );
    assert_eq!(
        codes(r##"{"_sd": ["#0"]}"##, &[&good], false, None),
        ["sd-alg-assumed"]
    );
    assert_eq!(
        codes(
            r##"{"_sd": ["#0"], "_sd_alg": "sha-256"}"##,
            &[r#"["short", "name", 1]"#],
            false,
            None
        ),
        ["sd-short-salt"]
    );
    let exp = format!(r#"[{salt}, "exp", 1]"#);
    assert_eq!(
        codes(
            r##"{"_sd": ["#0"], "_sd_alg": "sha-256"}"##,
            &[&exp],
            false,
            None
        ),
        ["sd-disclosable-claim"]
    );
    assert_eq!(
        codes(
            r##"{"_sd": ["#0"], "_sd_alg": "sha-256"}"##,
            &[&good],
            true,
            Some(999_900)
        ),
        ["sd-kb-without-cnf"]
    );
    assert_eq!(
        codes(
            r##"{"_sd": ["#0"], "_sd_alg": "sha-256", "cnf": {}}"##,
            &[&good],
            true,
            Some(1)
        ),
        ["sd-kb-old"]
    );
}

#[test]
fn a_claim_made_disclosable_is_a_digest_that_its_disclosure_puts_back() {
    let payload =
        json::parse(r#"{"sub":"bob","email":"bob@example.com","n":1.50,"_sd":["zz"]}"#).unwrap();
    let salt = [7u8; 16];
    let made = make_disclosable(&payload, "email", &salt, DigestAlg::Sha256).unwrap();
    // The claim is gone from the clear, its digest joined the others in sorted order.
    assert!(made.payload.get("email").is_none());
    let digests: Vec<String> = match made.payload.get("_sd") {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        other => panic!("_sd: {other:?}"),
    };
    let digest = DigestAlg::Sha256.digest(&made.disclosure);
    assert_eq!(digests.len(), 2);
    assert!(digests.contains(&digest));
    assert!(digests.windows(2).all(|w| w[0] <= w[1]), "{digests:?}");
    assert_eq!(
        made.payload
            .get("_sd_alg")
            .and_then(Value::as_str)
            .as_deref(),
        Some("sha-256")
    );
    // The disclosure is [salt, name, value], the value as written.
    let read = Disclosure::read(&made.disclosure, DigestAlg::Sha256).unwrap();
    assert_eq!(read.salt, base64url::encode(&salt));
    assert!(matches!(&read.kind, DisclosureKind::Property { name, .. } if name == "email"));
    // Processed, the payload is the one before, less the digests ("zz" is a decoy now).
    let again = make_disclosable(&made.payload, "n", &[9u8; 32], DigestAlg::Sha256).unwrap();
    let processed = process(&again.payload, &[&made.disclosure, &again.disclosure]).unwrap();
    assert!(processed.problems.is_empty(), "{:?}", processed.problems);
    assert_eq!(
        processed.claims.minified(),
        r#"{"sub":"bob","email":"bob@example.com","n":1.50}"#
    );
    assert_eq!(processed.undisclosed, 1);
}

#[test]
fn what_cannot_be_made_disclosable_says_why() {
    let payload = json::parse(r#"{"sub":"bob","_sd":"not a list"}"#).unwrap();
    let salt = [1u8; 16];
    let make = |name| make_disclosable(&payload, name, &salt, DigestAlg::Sha256);
    assert_eq!(make("_sd"), Err(IssueError::Reserved("_sd".into())));
    assert_eq!(
        make("nobody"),
        Err(IssueError::NoSuchClaim("nobody".into()))
    );
    assert_eq!(make("sub"), Err(IssueError::SdNotArray));
    let fine = json::parse(r#"{"sub":"bob"}"#).unwrap();
    assert_eq!(
        make_disclosable(&fine, "sub", &[1u8; 15], DigestAlg::Sha256),
        Err(IssueError::SaltTooShort)
    );
    assert_eq!(
        make_disclosable(
            &json::parse("[1]").unwrap(),
            "sub",
            &salt,
            DigestAlg::Sha256
        ),
        Err(IssueError::NotAnObject)
    );
}

#[test]
fn a_decoy_is_one_more_digest_nothing_matches() {
    let payload = json::parse(r#"{"sub":"bob","_sd_alg":"sha-384"}"#).unwrap();
    let decoyed = add_decoy(&payload, &[3u8; 16], DigestAlg::Sha384).unwrap();
    let processed = process(&decoyed, &[]).unwrap();
    assert_eq!(processed.undisclosed, 1);
    assert!(processed.problems.is_empty());
    assert_eq!(processed.claims.minified(), r#"{"sub":"bob"}"#);
    // The stated algorithm stays as it was.
    assert_eq!(decoyed.minified().matches("_sd_alg").count(), 1);
}

#[test]
fn the_json_serializations_read_as_their_compact_form() {
    use crate::jwt::keys::{self, SecretEncoding};
    use crate::jwt::token;
    use crate::jwt::verify::{self, Verdict};
    let issuer = r#"{"kty":"EC","crv":"P-256","x":"b28d4MwZMjw8-00CG4xfnn9SLMVMM19SlqZpVb_uNtQ","y":"Xv5zWwuoaTgdS6hV43yI6gBwTnjukmFQQnJ_kCxzqk8"}"#;
    let key = keys::parse(issuer, SecretEncoding::Utf8).unwrap();
    for (dir, flattened) in [
        ("json_serialization_flattened", true),
        ("json_serialization_general", false),
    ] {
        let text =
            std::fs::read_to_string(vectors().join(dir).join("sd_jwt_presentation.json")).unwrap();
        let parsed = token::decode(&text).unwrap_or_else(|e| panic!("{dir}: {e}"));
        assert_eq!(parsed.json.as_ref().map(|j| j.flattened), Some(flattened));
        // The issuer's signature verifies, over the protected header and payload.
        assert!(
            matches!(
                verify::verify(&parsed, Some(&key)),
                Verdict::Verified { .. }
            ),
            "{dir}"
        );
        // The header shown is the protected one's: the SD-JWT's parts are not header members.
        assert!(parsed.header.get("disclosures").is_none());
        assert!(parsed.header.get("alg").is_some());
        // The disclosures and the KB-JWT follow the compact form, as in a compact SD-JWT.
        let tail = parsed.sd.as_ref().expect("an SD-JWT");
        assert!(tail.kb_jwt.is_some(), "{dir}");
        let parts = split(&parsed.compact).unwrap().unwrap();
        let processed = process(parsed.claims().unwrap(), &parts.disclosures).unwrap();
        assert!(
            processed.problems.is_empty(),
            "{dir}: {:?}",
            processed.problems
        );
        let expected =
            std::fs::read_to_string(vectors().join(dir).join("verified_contents.json")).unwrap();
        assert!(same(&processed.claims, &expected), "{dir}");
    }
    // A compact presentation written as flattened JSON is that presentation again, so its
    // KB-JWT's sd_hash (over the compact form) still holds.
    let compact = std::fs::read_to_string(vectors().join("simple/sd_jwt_presentation.txt"))
        .unwrap()
        .trim()
        .to_string();
    let parts = split(&compact).unwrap().unwrap();
    let pieces: Vec<&str> = parts.jwt.split('.').collect();
    let quoted: Vec<String> = parts
        .disclosures
        .iter()
        .map(|d| format!("\"{d}\""))
        .collect();
    let json = format!(
        r#"{{"protected":"{}","payload":"{}","signature":"{}","header":{{"disclosures":[{}],"kb_jwt":"{}"}}}}"#,
        pieces[0],
        pieces[1],
        pieces[2],
        quoted.join(","),
        parts.kb_jwt.unwrap()
    );
    let parsed = token::decode(&json).unwrap();
    assert_eq!(parsed.compact, compact);
    let kb = token::decode(parts.kb_jwt.unwrap()).unwrap();
    let presented = split(&parsed.compact).unwrap().unwrap().presented;
    assert!(check_kb(&kb, presented, DigestAlg::Sha256).is_ok());
}

#[test]
fn array_elements_made_disclosable_are_put_back_in_order() {
    let payload = json::parse(r#"{"nationalities":["US","DE",{"...":"kept"}],"sub":"x"}"#).unwrap();
    let mut n = 0u8;
    let mut salts = || {
        n += 1;
        Some(vec![n; MIN_SALT_BYTES])
    };
    let (made, disclosures) =
        make_elements_disclosable(&payload, "nationalities", &mut salts, DigestAlg::Sha256)
            .unwrap();
    assert_eq!(disclosures.len(), 2, "the element already a digest is left");
    let refs: Vec<&str> = disclosures.iter().map(String::as_str).collect();
    let processed = process(&made, &refs).unwrap();
    assert!(processed.problems.is_empty(), "{:?}", processed.problems);
    assert_eq!(
        processed.claims.minified(),
        r#"{"nationalities":["US","DE"],"sub":"x"}"#
    );
    assert_eq!(processed.undisclosed, 1);
    assert_eq!(
        make_elements_disclosable(
            &payload,
            "sub",
            &mut || Some(vec![0; 16]),
            DigestAlg::Sha256
        ),
        Err(IssueError::NotAnArray("sub".into()))
    );
    assert_eq!(
        make_elements_disclosable(
            &payload,
            "nationalities",
            &mut || Some(vec![0; 4]),
            DigestAlg::Sha256
        ),
        Err(IssueError::SaltTooShort)
    );
}
