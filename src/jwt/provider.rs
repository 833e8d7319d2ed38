//! jsonwebtoken's `CryptoProvider` on the lean RustCrypto crates (RFC 7518 §3, RFC 8037 §3.1):
//! the signers, verifiers and JWK helpers jsonwebtoken calls, installed by [`install`]. Built
//! with `split` (the page's main module) it computes HMAC only and refuses the rest.

#[cfg(not(feature = "split"))]
use std::{cell::RefCell, rc::Rc};

use hmac::{KeyInit, Mac};
use jsonwebtoken::crypto::{CryptoProvider, JwtSigner, JwtVerifier, KeyUtils};
use jsonwebtoken::errors::{Error, ErrorKind, Result, new_error};
use jsonwebtoken::jwk::{EllipticCurve, ThumbprintHash};
use jsonwebtoken::signature::{self, Signer, Verifier};
use jsonwebtoken::{Algorithm, AlgorithmFamily, DecodingKey, EncodingKey};
use sha2::{Digest, Sha256, Sha384, Sha512};
// What only asymmetric keys need (builds with the asymmetric key code; not `split`).
#[cfg(not(feature = "split"))]
use {
    jsonwebtoken::DecodingKeyKind,
    p256::pkcs8::DecodePrivateKey,
    rsa::pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey},
    rsa::traits::PublicKeyParts,
    rsa::{BoxedUint, Pkcs1v15Sign, Pss},
    sha2::digest::{FixedOutputReset, const_oid::AssociatedOid},
};

/// The provider: key bytes mean what jsonwebtoken's constructors say (an RSA key is PKCS#1 DER
/// or `n`/`e`, an EC public key a SEC1 point, an Ed25519 public key its 32 bytes, EC and Ed25519
/// private keys PKCS#8 DER).
static PROVIDER: CryptoProvider = CryptoProvider {
    signer_factory: signer,
    verifier_factory: verifier,
    key_utils: KeyUtils {
        rsa_pub_components_from_private_key: rsa_components_of_private_key,
        rsa_pub_components_from_public_key: rsa_components_of_public_key,
        ec_pub_components_from_private_key: ec_components_of_private_key,
        ed_pub_components_from_private_key: ed_component_of_private_key,
        compute_digest,
    },
};

/// Makes this provider jsonwebtoken's; call it before any jsonwebtoken call (again is free).
pub fn install() {
    // An error only says a provider is already in: this one, as nothing else installs any.
    let _ = CryptoProvider::install_default(&PROVIDER);
}

/// A private key (or HMAC secret), parsed for one algorithm.
enum SigningKey {
    Hmac(Vec<u8>),
    #[cfg(not(feature = "split"))]
    Rsa(Box<rsa::PrivateKey>),
    #[cfg(not(feature = "split"))]
    P256(p256::ecdsa::SigningKey),
    #[cfg(not(feature = "split"))]
    P384(p384::ecdsa::SigningKey),
    #[cfg(not(feature = "split"))]
    Ed25519(ed25519_dalek::SigningKey),
}

/// A public key (or HMAC secret), parsed for one algorithm.
enum VerifyingKey {
    Hmac(Vec<u8>),
    #[cfg(not(feature = "split"))]
    Rsa(Rc<rsa::PublicKey>),
    #[cfg(not(feature = "split"))]
    P256(p256::ecdsa::VerifyingKey),
    #[cfg(not(feature = "split"))]
    P384(p384::ecdsa::VerifyingKey),
    #[cfg(not(feature = "split"))]
    Ed25519(ed25519_dalek::VerifyingKey),
}

/// One algorithm with a key that fits it: what jsonwebtoken signs with.
struct Signing {
    alg: Algorithm,
    key: SigningKey,
}

/// One algorithm with a key that fits it: what jsonwebtoken verifies with.
struct Verifying {
    alg: Algorithm,
    key: VerifyingKey,
}

fn signer(alg: &Algorithm, key: &EncodingKey) -> Result<Box<dyn JwtSigner>> {
    let alg = *alg;
    if key.family() != alg.family() {
        return Err(new_error(ErrorKind::InvalidAlgorithm));
    }
    let bytes = key.as_bytes();
    let key = match alg.family() {
        AlgorithmFamily::Hmac => SigningKey::Hmac(bytes.to_vec()),
        #[cfg(not(feature = "split"))]
        AlgorithmFamily::Rsa => SigningKey::Rsa(Box::new(
            rsa::PrivateKey::from_pkcs1_der(bytes)
                .map_err(|e| ErrorKind::InvalidRsaKey(e.to_string()))?,
        )),
        #[cfg(not(feature = "split"))]
        AlgorithmFamily::Ec if alg == Algorithm::ES256 => SigningKey::P256(
            p256::ecdsa::SigningKey::from_pkcs8_der(bytes)
                .map_err(|_| ErrorKind::InvalidEcdsaKey)?,
        ),
        #[cfg(not(feature = "split"))]
        AlgorithmFamily::Ec if alg == Algorithm::ES384 => SigningKey::P384(
            p384::ecdsa::SigningKey::from_pkcs8_der(bytes)
                .map_err(|_| ErrorKind::InvalidEcdsaKey)?,
        ),
        #[cfg(not(feature = "split"))]
        AlgorithmFamily::Ed => SigningKey::Ed25519(
            ed25519_dalek::SigningKey::from_pkcs8_der(bytes)
                .map_err(|_| ErrorKind::InvalidEddsaKey)?,
        ),
        _ => return Err(unsupported(alg)),
    };
    Ok(Box::new(Signing { alg, key }))
}

fn verifier(alg: &Algorithm, key: &DecodingKey) -> Result<Box<dyn JwtVerifier>> {
    let alg = *alg;
    if key.family() != alg.family() {
        return Err(new_error(ErrorKind::InvalidAlgorithm));
    }
    let key = match alg.family() {
        AlgorithmFamily::Hmac => VerifyingKey::Hmac(key.try_get_as_bytes()?.to_vec()),
        #[cfg(not(feature = "split"))]
        AlgorithmFamily::Rsa => VerifyingKey::Rsa(rsa_public_key(key)?),
        #[cfg(not(feature = "split"))]
        AlgorithmFamily::Ec if alg == Algorithm::ES256 => VerifyingKey::P256(
            p256::ecdsa::VerifyingKey::from_sec1_bytes(key.try_get_as_bytes()?)
                .map_err(|_| ErrorKind::InvalidEcdsaKey)?,
        ),
        #[cfg(not(feature = "split"))]
        AlgorithmFamily::Ec if alg == Algorithm::ES384 => VerifyingKey::P384(
            p384::ecdsa::VerifyingKey::from_sec1_bytes(key.try_get_as_bytes()?)
                .map_err(|_| ErrorKind::InvalidEcdsaKey)?,
        ),
        #[cfg(not(feature = "split"))]
        AlgorithmFamily::Ed => {
            // Exactly 32 bytes: jsonwebtoken's own RustCrypto verifier slices `[..32]` and
            // panics on a shorter key, which in wasm kills the page.
            let bytes: &[u8; 32] = key
                .try_get_as_bytes()?
                .try_into()
                .map_err(|_| ErrorKind::InvalidEddsaKey)?;
            VerifyingKey::Ed25519(
                ed25519_dalek::VerifyingKey::from_bytes(bytes)
                    .map_err(|_| ErrorKind::InvalidEddsaKey)?,
            )
        }
        _ => return Err(unsupported(alg)),
    };
    Ok(Box::new(Verifying { alg, key }))
}

/// The error for an algorithm this build does not compute.
fn unsupported(alg: Algorithm) -> Error {
    if cfg!(feature = "split") && alg.family() != AlgorithmFamily::Hmac {
        new_error(ErrorKind::Provider(
            "this module computes HMAC only: RSA, EC and Ed25519 keys are handled elsewhere".into(),
        ))
    } else {
        new_error(ErrorKind::UnsupportedAlgorithm)
    }
}

impl Signer<Vec<u8>> for Signing {
    fn try_sign(&self, message: &[u8]) -> std::result::Result<Vec<u8>, signature::Error> {
        use Algorithm::*;
        match (&self.key, self.alg) {
            (SigningKey::Hmac(k), HS256) => hmac_tag::<Sha256>(k, message),
            (SigningKey::Hmac(k), HS384) => hmac_tag::<Sha384>(k, message),
            (SigningKey::Hmac(k), HS512) => hmac_tag::<Sha512>(k, message),
            #[cfg(not(feature = "split"))]
            (SigningKey::Rsa(k), RS256 | PS256) => rsa_sign::<Sha256>(k, pss(self.alg), message),
            #[cfg(not(feature = "split"))]
            (SigningKey::Rsa(k), RS384 | PS384) => rsa_sign::<Sha384>(k, pss(self.alg), message),
            #[cfg(not(feature = "split"))]
            (SigningKey::Rsa(k), RS512 | PS512) => rsa_sign::<Sha512>(k, pss(self.alg), message),
            // Deterministic nonces (RFC 6979): the same input signs to the same token.
            #[cfg(not(feature = "split"))]
            (SigningKey::P256(k), _) => {
                let signature: p256::ecdsa::Signature = k.try_sign(message)?;
                Ok(signature.to_bytes().to_vec())
            }
            #[cfg(not(feature = "split"))]
            (SigningKey::P384(k), _) => {
                let signature: p384::ecdsa::Signature = k.try_sign(message)?;
                Ok(signature.to_bytes().to_vec())
            }
            #[cfg(not(feature = "split"))]
            (SigningKey::Ed25519(k), _) => Ok(k.sign(message).to_bytes().to_vec()),
            _ => Err(signature::Error::new()),
        }
    }
}

impl JwtSigner for Signing {
    fn algorithm(&self) -> Algorithm {
        self.alg
    }
}

impl Verifier<Vec<u8>> for Verifying {
    fn verify(
        &self,
        message: &[u8],
        signature: &Vec<u8>,
    ) -> std::result::Result<(), signature::Error> {
        use Algorithm::*;
        let good = match (&self.key, self.alg) {
            (VerifyingKey::Hmac(k), HS256) => hmac_check::<Sha256>(k, message, signature),
            (VerifyingKey::Hmac(k), HS384) => hmac_check::<Sha384>(k, message, signature),
            (VerifyingKey::Hmac(k), HS512) => hmac_check::<Sha512>(k, message, signature),
            #[cfg(not(feature = "split"))]
            (VerifyingKey::Rsa(k), RS256 | PS256) => {
                rsa_check::<Sha256>(k, pss(self.alg), message, signature)
            }
            #[cfg(not(feature = "split"))]
            (VerifyingKey::Rsa(k), RS384 | PS384) => {
                rsa_check::<Sha384>(k, pss(self.alg), message, signature)
            }
            #[cfg(not(feature = "split"))]
            (VerifyingKey::Rsa(k), RS512 | PS512) => {
                rsa_check::<Sha512>(k, pss(self.alg), message, signature)
            }
            #[cfg(not(feature = "split"))]
            (VerifyingKey::P256(k), _) => p256::ecdsa::Signature::from_slice(signature)
                .is_ok_and(|s| k.verify(message, &s).is_ok()),
            #[cfg(not(feature = "split"))]
            (VerifyingKey::P384(k), _) => p384::ecdsa::Signature::from_slice(signature)
                .is_ok_and(|s| k.verify(message, &s).is_ok()),
            #[cfg(not(feature = "split"))]
            (VerifyingKey::Ed25519(k), _) => ed25519_dalek::Signature::from_slice(signature)
                .is_ok_and(|s| k.verify(message, &s).is_ok()),
            _ => false,
        };
        if good {
            Ok(())
        } else {
            Err(signature::Error::new())
        }
    }
}

impl JwtVerifier for Verifying {
    fn algorithm(&self) -> Algorithm {
        self.alg
    }
}

fn hmac_tag<D: hmac::EagerHash>(
    key: &[u8],
    message: &[u8],
) -> std::result::Result<Vec<u8>, signature::Error> {
    let mut mac =
        <hmac::Hmac<D> as KeyInit>::new_from_slice(key).map_err(|_| signature::Error::new())?;
    mac.update(message);
    Ok(mac.finalize().into_bytes().to_vec())
}

fn hmac_check<D: hmac::EagerHash>(key: &[u8], message: &[u8], tag: &[u8]) -> bool {
    let Ok(mut mac) = <hmac::Hmac<D> as KeyInit>::new_from_slice(key) else {
        return false;
    };
    mac.update(message);
    // verify_slice compares in constant time.
    mac.verify_slice(tag).is_ok()
}

#[cfg(not(feature = "split"))]
fn pss(alg: Algorithm) -> bool {
    matches!(alg, Algorithm::PS256 | Algorithm::PS384 | Algorithm::PS512)
}

/// The SHA-2 hashes as both RSA schemes need them: PKCS#1 v1.5 names the hash by its OID, PSS
/// hashes again inside the padding.
#[cfg(not(feature = "split"))]
trait RsaDigest: Digest + FixedOutputReset + AssociatedOid {}
#[cfg(not(feature = "split"))]
impl<D: Digest + FixedOutputReset + AssociatedOid> RsaDigest for D {}

#[cfg(not(feature = "split"))]
fn rsa_check<D: RsaDigest>(
    key: &rsa::PublicKey,
    pss: bool,
    message: &[u8],
    signature: &[u8],
) -> bool {
    let digest = D::digest(message);
    if pss {
        key.verify(Pss::<D>::new(), &digest, signature)
    } else {
        key.verify(Pkcs1v15Sign::new::<D>(), &digest, signature)
    }
    .is_ok()
}

#[cfg(not(feature = "split"))]
fn rsa_sign<D: RsaDigest>(
    key: &rsa::PrivateKey,
    pss: bool,
    message: &[u8],
) -> std::result::Result<Vec<u8>, signature::Error> {
    let digest = D::digest(message);
    // PKCS#1 v1.5 is deterministic; PSS draws its salt from the system RNG (the browser's
    // crypto.getRandomValues in wasm). Both blind the private operation with it.
    if pss {
        key.sign(Pss::<D>::new(), &digest)
    } else {
        key.sign(Pkcs1v15Sign::new::<D>(), &digest)
    }
    .map_err(signature::Error::from_source)
}

/// How many parsed RSA public keys [`rsa_public_key`] keeps.
#[cfg(not(feature = "split"))]
const RECENT_RSA_KEYS: usize = 4;

#[cfg(not(feature = "split"))]
thread_local! {
    /// RSA public keys parsed lately, most recent first, by their exact jsonwebtoken form. A
    /// `DecodingKey` holds only bytes, and parsing them (the modulus's Montgomery parameters)
    /// costs about a tenth of an RS256 verification, while the page checks one key many times.
    static RECENT_RSA: RefCell<Vec<(DecodingKeyKind, Rc<rsa::PublicKey>)>> =
        const { RefCell::new(Vec::new()) };
}

/// The RSA public key in `key` (PKCS#1 DER, or `n` and `e`), parsed or found parsed.
#[cfg(not(feature = "split"))]
fn rsa_public_key(key: &DecodingKey) -> Result<Rc<rsa::PublicKey>> {
    let kind = key.kind();
    let found = RECENT_RSA.with(|recent| {
        let mut recent = recent.borrow_mut();
        let at = recent.iter().position(|(seen, _)| same_kind(seen, kind))?;
        let entry = recent.remove(at);
        let parsed = entry.1.clone();
        recent.insert(0, entry);
        Some(parsed)
    });
    if let Some(parsed) = found {
        return Ok(parsed);
    }
    let parsed = Rc::new(match kind {
        DecodingKeyKind::SecretOrDer(der) => rsa::PublicKey::from_pkcs1_der(der)
            .map_err(|e| ErrorKind::InvalidRsaKey(e.to_string()))?,
        DecodingKeyKind::RsaModulusExponent { n, e } => rsa::PublicKey::new(
            BoxedUint::from_be_slice_vartime(n),
            BoxedUint::from_be_slice_vartime(e),
        )
        .map_err(|e| ErrorKind::InvalidRsaKey(e.to_string()))?,
    });
    RECENT_RSA.with(|recent| {
        let mut recent = recent.borrow_mut();
        recent.truncate(RECENT_RSA_KEYS - 1);
        recent.insert(0, (kind.clone(), parsed.clone()));
    });
    Ok(parsed)
}

#[cfg(not(feature = "split"))]
fn same_kind(a: &DecodingKeyKind, b: &DecodingKeyKind) -> bool {
    match (a, b) {
        (DecodingKeyKind::SecretOrDer(a), DecodingKeyKind::SecretOrDer(b)) => a == b,
        (
            DecodingKeyKind::RsaModulusExponent { n, e },
            DecodingKeyKind::RsaModulusExponent { n: n2, e: e2 },
        ) => n == n2 && e == e2,
        _ => false,
    }
}

/// The `n` and `e` of a PKCS#1 DER private key.
#[cfg(not(feature = "split"))]
fn rsa_components_of_private_key(der: &[u8]) -> Result<(Vec<u8>, Vec<u8>)> {
    let key = rsa::PrivateKey::from_pkcs1_der(der)
        .map_err(|e| ErrorKind::InvalidRsaKey(e.to_string()))?;
    let public = key.to_public_key();
    Ok((public.n_bytes().into_vec(), public.e_bytes().into_vec()))
}

/// The `n` and `e` of a PKCS#1 DER public key.
#[cfg(not(feature = "split"))]
fn rsa_components_of_public_key(der: &[u8]) -> Result<(Vec<u8>, Vec<u8>)> {
    let key =
        rsa::PublicKey::from_pkcs1_der(der).map_err(|e| ErrorKind::InvalidRsaKey(e.to_string()))?;
    Ok((key.n_bytes().into_vec(), key.e_bytes().into_vec()))
}

/// The curve and the public `x` and `y` of a PKCS#8 DER EC private key for `alg`.
#[cfg(not(feature = "split"))]
fn ec_components_of_private_key(
    der: &[u8],
    alg: Algorithm,
) -> Result<(EllipticCurve, Vec<u8>, Vec<u8>)> {
    let invalid = |_| ErrorKind::InvalidEcdsaKey;
    let (curve, point) = match alg {
        Algorithm::ES256 => (
            EllipticCurve::P256,
            p256::SecretKey::from_pkcs8_der(der)
                .map_err(invalid)?
                .public_key()
                .to_sec1_bytes(),
        ),
        Algorithm::ES384 => (
            EllipticCurve::P384,
            p384::SecretKey::from_pkcs8_der(der)
                .map_err(invalid)?
                .public_key()
                .to_sec1_bytes(),
        ),
        _ => return Err(new_error(ErrorKind::InvalidEcdsaKey)),
    };
    // Uncompressed SEC1: 0x04, then x and y at the same width.
    match point.split_first() {
        Some((4, xy)) if xy.len() % 2 == 0 => {
            let (x, y) = xy.split_at(xy.len() / 2);
            Ok((curve, x.to_vec(), y.to_vec()))
        }
        _ => Err(new_error(ErrorKind::InvalidEcdsaKey)),
    }
}

/// The public `x` of a PKCS#8 DER Ed25519 private key.
#[cfg(not(feature = "split"))]
fn ed_component_of_private_key(der: &[u8], curve: &EllipticCurve) -> Result<Vec<u8>> {
    if *curve != EllipticCurve::Ed25519 {
        return Err(new_error(ErrorKind::InvalidEddsaKey));
    }
    let key =
        ed25519_dalek::SigningKey::from_pkcs8_der(der).map_err(|_| ErrorKind::InvalidEddsaKey)?;
    Ok(key.verifying_key().to_bytes().to_vec())
}

#[cfg(feature = "split")]
fn rsa_components_of_private_key(_: &[u8]) -> Result<(Vec<u8>, Vec<u8>)> {
    Err(unsupported(Algorithm::RS256))
}

#[cfg(feature = "split")]
fn rsa_components_of_public_key(_: &[u8]) -> Result<(Vec<u8>, Vec<u8>)> {
    Err(unsupported(Algorithm::RS256))
}

#[cfg(feature = "split")]
fn ec_components_of_private_key(
    _: &[u8],
    alg: Algorithm,
) -> Result<(EllipticCurve, Vec<u8>, Vec<u8>)> {
    Err(unsupported(alg))
}

#[cfg(feature = "split")]
fn ed_component_of_private_key(_: &[u8], _: &EllipticCurve) -> Result<Vec<u8>> {
    Err(unsupported(Algorithm::EdDSA))
}

/// SHA-2 of `data`, for RFC 7638 thumbprints.
fn compute_digest(data: &[u8], hash: ThumbprintHash) -> Result<Vec<u8>> {
    Ok(match hash {
        ThumbprintHash::SHA256 => Sha256::digest(data).to_vec(),
        ThumbprintHash::SHA384 => Sha384::digest(data).to_vec(),
        ThumbprintHash::SHA512 => Sha512::digest(data).to_vec(),
        _ => return Err(new_error(ErrorKind::UnsupportedAlgorithm)),
    })
}

#[cfg(test)]
mod tests;
