//! Certificates read with `x509-cert`: a header's `x5c` and the certificates pasted in the key
//! box, each link and anchor checked, and the token's signature checked with the leaf's key.

use x509_cert::Certificate;
use x509_cert::der::{Decode, Encode};
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{BasicConstraints, SubjectAltName};

use super::signature::{issued_by, signature_words};
use super::{CertFacts, ChainFacts, MAX_CERT_BYTES, MAX_CERTS};
use crate::jwt::algorithm::Algorithm;
use crate::jwt::base64url;
use crate::jwt::keys::{self, Material, SecretEncoding};
use crate::jwt::primitives;
use crate::jwt::verify::{self, Purpose};

/// The DER of each `CERTIFICATE` PEM block in `text` (the key box), at most [`MAX_CERTS`].
fn certificates_in(text: &str) -> Vec<Vec<u8>> {
    if !text.contains("-----BEGIN CERTIFICATE-----") {
        return Vec::new();
    }
    pem::parse_many(text)
        .unwrap_or_default()
        .into_iter()
        .filter(|block| block.tag() == "CERTIFICATE")
        .map(|block| block.into_contents())
        .filter(|der| der.len() <= MAX_CERT_BYTES)
        .take(MAX_CERTS)
        .collect()
}

/// The chain in `x5c` (base64 DER, leaf first) read and checked against the certificates in
/// `key_text`, and the token's signature (`signature`, base64url, over `message` for `alg`)
/// checked with the leaf's key. `Err` when `x5c` cannot be read at all. With `x5c` empty, the
/// chain is the one pasted in the key box, anchored by its own last certificate when that is a
/// root that signed itself: the user gave it.
pub fn read_chain(
    x5c: &[String],
    key_text: &str,
    alg: &str,
    message: &[u8],
    signature: &str,
) -> Result<ChainFacts, String> {
    if x5c.len() > MAX_CERTS {
        return Err(format!(
            "\"x5c\" holds {} certificates; at most {MAX_CERTS} are read",
            x5c.len()
        ));
    }
    let from_key_box = x5c.is_empty();
    let mut chain = Vec::with_capacity(x5c.len());
    if from_key_box {
        for (i, der) in certificates_in(key_text).into_iter().enumerate() {
            let cert = Certificate::from_der(&der).map_err(|e| {
                format!(
                    "certificate {} in the key box is not an X.509 certificate: {e}",
                    i + 1
                )
            })?;
            chain.push((der, cert));
        }
    }
    for (i, text) in x5c.iter().enumerate() {
        let n = i + 1;
        if text.len() > MAX_CERT_BYTES * 4 / 3 + 4 {
            return Err(format!(
                "certificate {n} in \"x5c\" is over {MAX_CERT_BYTES} bytes"
            ));
        }
        let der = base64url::decode_standard(text).map_err(|e| {
                format!("certificate {n} in \"x5c\" is not base64 ({e}; RFC 7515 §4.1.6 uses standard base64, not base64url)")
            })?;
        let cert = Certificate::from_der(&der)
            .map_err(|e| format!("certificate {n} in \"x5c\" is not an X.509 certificate: {e}"))?;
        chain.push((der, cert));
    }
    let given: Vec<(Vec<u8>, Certificate)> = if from_key_box {
        Vec::new()
    } else {
        certificates_in(key_text)
            .into_iter()
            .filter_map(|der| Certificate::from_der(&der).ok().map(|cert| (der, cert)))
            .collect()
    };
    let links = (0..chain.len().saturating_sub(1))
        .map(|i| link(&chain, i))
        .collect();
    let anchor = if from_key_box {
        own_root(&chain)
    } else {
        anchor(&chain, &given)
    };
    let signature = match chain.first() {
        Some((_, leaf)) => leaf_signature(leaf, alg, message, signature),
        None => Err("no certificate to check the signature with".into()),
    };
    Ok(ChainFacts {
        certs: chain.iter().map(|(der, cert)| facts(der, cert)).collect(),
        links,
        anchors_given: given.len(),
        anchor,
        signature,
    })
}

/// Whether `chain[i + 1]` issued `chain[i]`.
fn link(chain: &[(Vec<u8>, Certificate)], i: usize) -> Result<(), String> {
    let (child, parent) = (&chain[i].1, &chain[i + 1].1);
    let issuer = child.tbs_certificate().issuer();
    if issuer != parent.tbs_certificate().subject() {
        // Its issuer elsewhere in the chain: the certificates are out of order.
        if let Some(k) = chain
            .iter()
            .position(|(_, c)| c.tbs_certificate().subject() == issuer)
        {
            return Err(format!(
                "wrong order: its issuer is certificate {}, not the next one",
                k + 1
            ));
        }
        return Err(format!(
            "the next certificate is not its issuer ({} issued it)",
            name_words(issuer)
        ));
    }
    issued_by(child, parent)?;
    if !is_ca(parent) {
        return Err(
            "the next certificate signed it but is not a CA (no CA flag in its basic constraints)"
                .into(),
        );
    }
    Ok(())
}

/// Where the chain reaches a certificate the user gave: one of the chain's own certificates
/// (the nearest to the leaf), or the last one's issuer.
fn anchor(
    chain: &[(Vec<u8>, Certificate)],
    given: &[(Vec<u8>, Certificate)],
) -> Option<Result<(usize, String), String>> {
    if let Some((at, _)) = chain
        .iter()
        .enumerate()
        .find(|(_, (der, _))| given.iter().any(|(g, _)| g == der))
    {
        let subject = name_words(chain[at].1.tbs_certificate().subject());
        return Some(Ok((at, subject)));
    }
    let (_, last) = chain.last()?;
    let issuer = last.tbs_certificate().issuer();
    let (_, root) = given
        .iter()
        .find(|(_, g)| g.tbs_certificate().subject() == issuer)?;
    Some(match issued_by(last, root) {
        Err(why) => Err(why),
        Ok(()) if !is_ca(root) => {
            Err("that certificate is not a CA (no CA flag in its basic constraints)".into())
        }
        Ok(()) => Ok((
            chain.len() - 1,
            name_words(root.tbs_certificate().subject()),
        )),
    })
}

/// A chain pasted by the user ends at its own root: the last certificate, when it names itself
/// as issuer and its signature verifies with its own key.
fn own_root(chain: &[(Vec<u8>, Certificate)]) -> Option<Result<(usize, String), String>> {
    let (_, last) = chain.last()?;
    let tbs = last.tbs_certificate();
    (tbs.issuer() == tbs.subject() && issued_by(last, last).is_ok())
        .then(|| Ok((chain.len() - 1, name_words(tbs.subject()))))
}

fn is_ca(cert: &Certificate) -> bool {
    matches!(
        cert.tbs_certificate().get_extension::<BasicConstraints>(),
        Ok(Some((_, constraints))) if constraints.ca
    )
}

/// The token's signature checked with the leaf certificate's key.
fn leaf_signature(
    leaf: &Certificate,
    alg: &str,
    message: &[u8],
    signature: &str,
) -> Result<bool, String> {
    let material = spki_material(leaf)?;
    let alg = Algorithm::from_name(alg)
        .ok_or_else(|| format!("\"{alg}\" is not a JWS algorithm supported here"))?;
    let key = keys::Key {
        material,
        format: keys::Format::Certificate,
        usage: Default::default(),
    };
    verify::key_fits(&key, alg, Purpose::Verify)
        .map_err(|why| format!("the leaf certificate's key: {why}"))?;
    Ok(primitives::verify(alg, &key.material, message, signature))
}

/// The key a certificate carries, read as a pasted key is.
fn spki_material(cert: &Certificate) -> Result<Material, String> {
    let der = cert
        .tbs_certificate()
        .subject_public_key_info()
        .to_der()
        .map_err(|e| e.to_string())?;
    let pem = pem::encode(&pem::Pem::new("PUBLIC KEY", der));
    match keys::parse(&pem, SecretEncoding::Utf8) {
        Some(Ok(set)) => set
            .keys()
            .first()
            .map(|key| key.material.clone())
            .ok_or_else(|| "the certificate holds no key".to_string()),
        Some(Err(error)) => Err(format!("its key cannot be used: {error}")),
        None => Err("the certificate holds no key".into()),
    }
}

fn facts(der: &[u8], cert: &Certificate) -> CertFacts {
    let tbs = cert.tbs_certificate();
    let validity = tbs.validity();
    let seconds = |t: x509_cert::time::Time| {
        i64::try_from(t.to_unix_duration().as_secs()).unwrap_or(i64::MAX)
    };
    let key = match spki_material(cert) {
        Ok(material) => {
            let words = material.kind_words();
            words
                .trim_end_matches(" public key")
                .trim_end_matches(" private key")
                .to_string()
        }
        Err(_) => format!(
            "a key of type {} (not read here)",
            tbs.subject_public_key_info().algorithm.oid
        ),
    };
    let sans = match tbs.get_extension::<SubjectAltName>() {
        Ok(Some((_, SubjectAltName(names)))) => names.iter().filter_map(san_words).collect(),
        _ => Vec::new(),
    };
    let (_, x5t_s256) = keys::certificate_thumbprints(der);
    CertFacts {
        subject: name_words(tbs.subject()),
        issuer: name_words(tbs.issuer()),
        serial: tbs.serial_number().to_string(),
        not_before: seconds(validity.not_before),
        not_after: seconds(validity.not_after),
        key,
        sans,
        is_ca: is_ca(cert),
        signed_with: signature_words(cert.signature_algorithm()),
        x5t_s256,
    }
}

/// A name as RFC 4514 writes it (most specific first: `CN=…,O=…`), with the short names of the
/// attributes certificates use, as x509-cert's `Display` spells them. Written here because x509-cert's `Display` looks every name up
/// in const-oid's database of all OIDs, about 100 KB of tables in the shipped module.
pub(super) fn name_words(name: &x509_cert::name::Name) -> String {
    use x509_cert::der::asn1::ObjectIdentifier as Oid;
    use x509_cert::der::asn1::{Ia5StringRef, PrintableStringRef, TeletexStringRef, Utf8StringRef};
    const SHORT: [(Oid, &str); 12] = [
        (Oid::new_unwrap("2.5.4.3"), "CN"),
        (Oid::new_unwrap("2.5.4.4"), "SN"),
        (Oid::new_unwrap("2.5.4.5"), "SERIALNUMBER"),
        (Oid::new_unwrap("2.5.4.6"), "C"),
        (Oid::new_unwrap("2.5.4.7"), "L"),
        (Oid::new_unwrap("2.5.4.8"), "ST"),
        (Oid::new_unwrap("2.5.4.9"), "STREET"),
        (Oid::new_unwrap("2.5.4.10"), "O"),
        (Oid::new_unwrap("2.5.4.11"), "OU"),
        (Oid::new_unwrap("0.9.2342.19200300.100.1.1"), "UID"),
        (Oid::new_unwrap("0.9.2342.19200300.100.1.25"), "DC"),
        (Oid::new_unwrap("1.2.840.113549.1.9.1"), "EMAIL"),
    ];
    let mut rdns: Vec<String> = name
        .iter_rdn()
        .map(|rdn| {
            rdn.iter()
                .map(|atv| {
                    let value = &atv.value;
                    let text = Utf8StringRef::try_from(value)
                        .map(|s| s.as_str().to_string())
                        .or_else(|_| {
                            PrintableStringRef::try_from(value).map(|s| s.as_str().to_string())
                        })
                        .or_else(|_| Ia5StringRef::try_from(value).map(|s| s.as_str().to_string()))
                        .or_else(|_| {
                            TeletexStringRef::try_from(value).map(|s| s.as_str().to_string())
                        });
                    let key = SHORT
                        .iter()
                        .find(|(oid, _)| *oid == atv.oid)
                        .map_or_else(|| atv.oid.to_string(), |(_, short)| (*short).to_string());
                    match text {
                        Ok(text) => format!("{key}={}", escape_rdn_value(&text)),
                        Err(_) => format!("{key}=#…"),
                    }
                })
                .collect::<Vec<_>>()
                .join("+")
        })
        .collect();
    rdns.reverse();
    rdns.join(",")
}

/// RFC 4514 §2.4's escapes.
fn escape_rdn_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        match c {
            '#' if i == 0 => out.push_str("\\#"),
            ' ' if i == 0 || i == last => out.push_str("\\ "),
            '"' | '+' | ',' | ';' | '<' | '>' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn san_words(name: &GeneralName) -> Option<String> {
    Some(match name {
        GeneralName::DnsName(dns) => format!("DNS:{dns}"),
        GeneralName::Rfc822Name(email) => format!("email:{email}"),
        GeneralName::UniformResourceIdentifier(uri) => format!("URI:{uri}"),
        GeneralName::IpAddress(bytes) => match bytes.as_bytes() {
            [a, b, c, d] => format!("IP:{a}.{b}.{c}.{d}"),
            v6 if v6.len() == 16 => {
                let mut octets = [0u8; 16];
                octets.copy_from_slice(v6);
                format!("IP:{}", std::net::Ipv6Addr::from(octets))
            }
            _ => return None,
        },
        _ => return None,
    })
}
