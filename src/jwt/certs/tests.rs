use super::*;

fn cert(subject: &str, not_before: i64, not_after: i64) -> CertFacts {
    CertFacts {
        subject: subject.into(),
        issuer: String::new(),
        serial: "01".into(),
        not_before,
        not_after,
        key: "EC P-256".into(),
        sans: Vec::new(),
        is_ca: true,
        signed_with: "ECDSA with SHA-256".into(),
        x5t_s256: String::new(),
    }
}

fn facts(certs: Vec<CertFacts>, links: Vec<Result<(), String>>) -> ChainFacts {
    ChainFacts {
        certs,
        links,
        anchors_given: 1,
        anchor: None,
        signature: Ok(true),
    }
}

#[test]
fn only_the_path_up_to_the_anchor_is_judged() {
    let mut chain = facts(
        vec![
            cert("CN=leaf", 0, 100),
            cert("CN=int", 0, 100),
            cert("CN=root", 0, 10),
        ],
        vec![
            Ok(()),
            Err("wrong order: its issuer is certificate 1, not the next one".into()),
        ],
    );
    // Not anchored: the expired root and the broken link above the intermediate count.
    let judged = judge(&chain, 50);
    assert_eq!(judged.state, ChainState::Broken);
    assert_eq!(
        judged.states,
        [CertState::Ok, CertState::BrokenLink, CertState::Expired]
    );
    assert!(judged.why.contains("wrong order") && judged.why.contains("expired on"));
    // Anchored at the intermediate: what lies above it does not matter.
    chain.anchor = Some(Ok((1, "CN=int".into())));
    let judged = judge(&chain, 50);
    assert_eq!(judged.state, ChainState::Anchored, "{}", judged.why);
    assert_eq!(
        judged.states,
        [CertState::Anchored, CertState::Anchored, CertState::Expired]
    );
    // Before the leaf's time: not yet valid, named.
    let judged = judge(&chain, -5);
    assert_eq!(judged.states[0], CertState::NotYetValid);
    assert!(
        judged
            .why
            .contains("not valid before 1970-01-01 00:00:00 UTC")
    );
}

#[test]
fn an_anchor_that_did_not_sign_breaks_the_last_link_and_no_chain_is_broken() {
    let mut chain = facts(vec![cert("CN=leaf", 0, 100)], Vec::new());
    chain.anchor = Some(Err(
        "its signature does not verify with the next certificate's key".into(),
    ));
    let judged = judge(&chain, 50);
    assert_eq!(judged.state, ChainState::Broken);
    assert_eq!(judged.states, [CertState::BrokenLink]);
    chain.anchor = None;
    chain.anchors_given = 0;
    let judged = judge(&chain, 50);
    assert_eq!(judged.state, ChainState::Unanchored);
    assert!(judged.why.contains("nothing anchors the chain"));
    assert_eq!(
        judge(&facts(Vec::new(), Vec::new()), 0).state,
        ChainState::Broken
    );
}

#[test]
fn x5c_must_be_an_array_of_strings() {
    let header = |text: &str| crate::jwt::json::parse(text).unwrap();
    assert!(x5c_of(&header(r#"{"alg":"ES256"}"#)).is_none());
    assert_eq!(
        x5c_of(&header(r#"{"x5c":["QUFB"]}"#)),
        Some(Ok(vec!["QUFB".to_string()]))
    );
    for bad in [r#"{"x5c":[]}"#, r#"{"x5c":"QUFB"}"#, r#"{"x5c":[1]}"#] {
        assert!(matches!(x5c_of(&header(bad)), Some(Err(_))), "{bad}");
    }
}

/// Names are written as x509-cert's `Display` writes them (RFC 4514), without its OID database.
#[cfg(not(feature = "split"))]
#[test]
fn names_read_as_x509_cert_writes_them() {
    use x509_cert::der::Decode;
    let token =
        crate::jwt::token::decode(include_str!("../../../tests/vectors/certs/chain.jwt").trim())
            .unwrap();
    for b64 in x5c_of(&token.header).unwrap().unwrap() {
        let der = crate::jwt::base64url::decode_standard(&b64).unwrap();
        let cert = x509_cert::Certificate::from_der(&der).unwrap();
        for name in [
            cert.tbs_certificate().subject(),
            cert.tbs_certificate().issuer(),
        ] {
            assert_eq!(read::name_words(name), name.to_string());
        }
    }
    let name: x509_cert::name::Name =
        "CN=a\\,b+UID=x,O=Acme\\ ,C=DE,emailAddress=a@b.example,serialNumber=7,DC=example"
            .parse()
            .unwrap();
    assert_eq!(read::name_words(&name), name.to_string());
}
