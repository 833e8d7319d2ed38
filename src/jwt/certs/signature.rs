//! Whether an issuer's key signed a certificate: RSA PKCS #1 v1.5 and PSS, ECDSA on P-256/384/521
//! and Ed25519, each with SHA-256/384/512, on the RustCrypto crates the key code already uses.
//! (`x509-verify` does this, but on the previous generation of those crates: it would ship a
//! second copy of each.)

use rsa::pkcs8::DecodePublicKey;
use rsa::{Pkcs1v15Sign, Pss};
use sha2::{Digest, Sha256, Sha384, Sha512};
use x509_cert::Certificate;
use x509_cert::der::asn1::ObjectIdentifier as Oid;
use x509_cert::der::{Decode, Encode};
use x509_cert::spki::AlgorithmIdentifierOwned;

const RSA_SHA256: Oid = Oid::new_unwrap("1.2.840.113549.1.1.11");
const RSA_SHA384: Oid = Oid::new_unwrap("1.2.840.113549.1.1.12");
const RSA_SHA512: Oid = Oid::new_unwrap("1.2.840.113549.1.1.13");
const RSA_PSS: Oid = Oid::new_unwrap("1.2.840.113549.1.1.10");
const ECDSA_SHA256: Oid = Oid::new_unwrap("1.2.840.10045.4.3.2");
const ECDSA_SHA384: Oid = Oid::new_unwrap("1.2.840.10045.4.3.3");
const ECDSA_SHA512: Oid = Oid::new_unwrap("1.2.840.10045.4.3.4");
const ED25519: Oid = Oid::new_unwrap("1.3.101.112");
const SHA256: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.1");
const SHA384: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.2");
const SHA512: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.3");

/// The SHA-2 hashes certificates are signed with.
#[derive(Clone, Copy)]
enum Hash {
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    fn of(oid: &Oid) -> Option<Self> {
        Some(match *oid {
            SHA256 => Hash::Sha256,
            SHA384 => Hash::Sha384,
            SHA512 => Hash::Sha512,
            _ => return None,
        })
    }

    fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            Hash::Sha256 => Sha256::digest(data).to_vec(),
            Hash::Sha384 => Sha384::digest(data).to_vec(),
            Hash::Sha512 => Sha512::digest(data).to_vec(),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Hash::Sha256 => "SHA-256",
            Hash::Sha384 => "SHA-384",
            Hash::Sha512 => "SHA-512",
        }
    }
}

/// How a certificate is signed.
enum Scheme {
    Pkcs1(Hash),
    Pss(Hash),
    Ecdsa(Hash),
    Ed25519,
}

fn scheme(algorithm: &AlgorithmIdentifierOwned) -> Result<Scheme, String> {
    Ok(match algorithm.oid {
        RSA_SHA256 => Scheme::Pkcs1(Hash::Sha256),
        RSA_SHA384 => Scheme::Pkcs1(Hash::Sha384),
        RSA_SHA512 => Scheme::Pkcs1(Hash::Sha512),
        ECDSA_SHA256 => Scheme::Ecdsa(Hash::Sha256),
        ECDSA_SHA384 => Scheme::Ecdsa(Hash::Sha384),
        ECDSA_SHA512 => Scheme::Ecdsa(Hash::Sha512),
        ED25519 => Scheme::Ed25519,
        RSA_PSS => {
            let params = algorithm
                .parameters
                .as_ref()
                .ok_or("its RSA-PSS signature has no parameters")?
                .to_der()
                .map_err(|e| e.to_string())?;
            let params = rsa::pkcs1::RsaPssParams::<x509_cert::der::Any>::from_der(&params)
                .map_err(|e| format!("its RSA-PSS parameters do not read: {e}"))?;
            Scheme::Pss(
                Hash::of(&params.hash.oid).ok_or_else(|| {
                    format!("its RSA-PSS hash ({}) is not SHA-2", params.hash.oid)
                })?,
            )
        }
        other => {
            return Err(format!(
                "it is signed with {other}, which is not checked here"
            ));
        }
    })
}

/// The algorithm a certificate was signed with, in words.
pub(super) fn signature_words(algorithm: &AlgorithmIdentifierOwned) -> String {
    match scheme(algorithm) {
        Ok(Scheme::Pkcs1(hash)) => format!("RSA PKCS #1 v1.5 with {}", hash.name()),
        Ok(Scheme::Pss(hash)) => format!("RSA-PSS with {}", hash.name()),
        Ok(Scheme::Ecdsa(hash)) => format!("ECDSA with {}", hash.name()),
        Ok(Scheme::Ed25519) => "Ed25519".into(),
        Err(_) => algorithm.oid.to_string(),
    }
}

/// Whether `issuer`'s key made `child`'s signature; `Err` says why not, in words.
pub(super) fn issued_by(child: &Certificate, issuer: &Certificate) -> Result<(), String> {
    let scheme = scheme(child.signature_algorithm())?;
    let tbs = child
        .tbs_certificate()
        .to_der()
        .map_err(|e| e.to_string())?;
    let signature = child
        .signature()
        .as_bytes()
        .ok_or("its signature is not a whole number of bytes")?;
    let spki = issuer
        .tbs_certificate()
        .subject_public_key_info()
        .to_der()
        .map_err(|e| e.to_string())?;
    let good = match scheme {
        Scheme::Pkcs1(hash) | Scheme::Pss(hash) => {
            let key = rsa::PublicKey::from_public_key_der(&spki)
                .map_err(|_| "it is signed with RSA, and the next certificate's key is not RSA")?;
            let digest = hash.digest(&tbs);
            let pss = matches!(scheme, Scheme::Pss(_));
            match (hash, pss) {
                (Hash::Sha256, false) => {
                    key.verify(Pkcs1v15Sign::new::<Sha256>(), &digest, signature)
                }
                (Hash::Sha384, false) => {
                    key.verify(Pkcs1v15Sign::new::<Sha384>(), &digest, signature)
                }
                (Hash::Sha512, false) => {
                    key.verify(Pkcs1v15Sign::new::<Sha512>(), &digest, signature)
                }
                (Hash::Sha256, true) => key.verify(Pss::<Sha256>::new(), &digest, signature),
                (Hash::Sha384, true) => key.verify(Pss::<Sha384>::new(), &digest, signature),
                (Hash::Sha512, true) => key.verify(Pss::<Sha512>::new(), &digest, signature),
            }
            .is_ok()
        }
        Scheme::Ecdsa(hash) => ecdsa(&spki, &hash.digest(&tbs), signature)?,
        Scheme::Ed25519 => {
            use ed25519_dalek::Verifier;
            let key = ed25519_dalek::VerifyingKey::from_public_key_der(&spki).map_err(
                |_| "it is signed with Ed25519, and the next certificate's key is not Ed25519",
            )?;
            let signature = ed25519_dalek::Signature::from_slice(signature)
                .map_err(|_| "its Ed25519 signature is not 64 bytes")?;
            key.verify(&tbs, &signature).is_ok()
        }
    };
    if good {
        Ok(())
    } else {
        Err("its signature does not verify with the next certificate's key".into())
    }
}

/// An ECDSA signature (DER) over `digest` with the EC key in `spki`, on whichever curve it is.
fn ecdsa(spki: &[u8], digest: &[u8], signature: &[u8]) -> Result<bool, String> {
    use p256::ecdsa::signature::hazmat::PrehashVerifier;
    if let Ok(key) = p256::ecdsa::VerifyingKey::from_public_key_der(spki) {
        return Ok(p256::ecdsa::DerSignature::from_bytes(signature)
            .is_ok_and(|s| key.verify_prehash(digest, &s).is_ok()));
    }
    if let Ok(key) = p384::ecdsa::VerifyingKey::from_public_key_der(spki) {
        return Ok(p384::ecdsa::DerSignature::from_bytes(signature)
            .is_ok_and(|s| key.verify_prehash(digest, &s).is_ok()));
    }
    if let Ok(key) = p521::ecdsa::VerifyingKey::from_public_key_der(spki) {
        return Ok(p521::ecdsa::DerSignature::from_bytes(signature)
            .is_ok_and(|s| key.verify_prehash(digest, &s).is_ok()));
    }
    Err("it is signed with ECDSA, and the next certificate's key is not a P-256, P-384 or P-521 key".into())
}
