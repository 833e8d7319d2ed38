//! The signature primitives of RFC 7518 §3 and RFC 8037 §3.1: compute and check a JWS signature
//! for one algorithm and one already-parsed key, straight on the RustCrypto crates.
//!
//! Keys arrive parsed ([`Material`]): an RSA key keeps its precomputed modulus parameters, so a
//! verification is only the signature check, not a re-parse of the key. Whether the key fits the
//! algorithm is judged before this (verify::key_fits); here a mismatch simply does not verify.

use hmac::{KeyInit, Mac};
use sha2::{Sha256, Sha384, Sha512};

use super::algorithm::Algorithm;
use super::keys::Material;
// What only asymmetric keys held here need (the engine module; not the `split` page).
#[cfg(not(feature = "split"))]
use {
    super::algorithm::{Curve, Family},
    rsa::signature::{Signer, Verifier},
    rsa::{Pkcs1v15Sign, Pss},
    sha2::Digest,
    sha2::digest::{FixedOutputReset, const_oid::AssociatedOid},
};

#[cfg(not(feature = "split"))]
/// One ECDSA check on curve crate `$c`: the point and the fixed-size `r || s` must both parse.
macro_rules! ecdsa_check {
    ($c:ident, $point:expr, $message:expr, $signature:expr) => {{
        let (Ok(key), Ok(signature)) = (
            $c::ecdsa::VerifyingKey::from_sec1_bytes($point),
            $c::ecdsa::Signature::from_slice($signature),
        ) else {
            return false;
        };
        key.verify($message, &signature).is_ok()
    }};
}

#[cfg(not(feature = "split"))]
/// One deterministic ECDSA signature on curve crate `$c` from the big-endian scalar `$d`.
macro_rules! ecdsa_sign {
    ($c:ident, $d:expr, $message:expr) => {
        $c::ecdsa::SigningKey::from_slice($d).map(|key| {
            let signature: $c::ecdsa::Signature = key.sign($message);
            signature.to_bytes().to_vec()
        })
    };
}

/// Whether `signature` is `alg`'s signature of `message` under `material`.
pub fn verify(alg: Algorithm, material: &Material, message: &[u8], signature: &[u8]) -> bool {
    use Algorithm::*;
    match (alg, material) {
        (HS256, Material::Secret(k)) => hmac_check::<Sha256>(k, message, signature),
        (HS384, Material::Secret(k)) => hmac_check::<Sha384>(k, message, signature),
        (HS512, Material::Secret(k)) => hmac_check::<Sha512>(k, message, signature),
        // The engine's answer if it is in (verify::verify asks it first and says "checking").
        (_, Material::Remote(key)) => matches!(key.verify(alg, message, signature), Some(Ok(true))),
        #[cfg(not(feature = "split"))]
        (RS256 | RS384 | RS512 | PS256 | PS384 | PS512, Material::Rsa { public, .. }) => {
            rsa_check(alg, public, message, signature)
        }
        #[cfg(not(feature = "split"))]
        (ES256, Material::Ec { curve, point, .. }) if *curve == Curve::P256 => {
            ecdsa_check!(p256, point, message, signature)
        }
        #[cfg(not(feature = "split"))]
        (ES384, Material::Ec { curve, point, .. }) if *curve == Curve::P384 => {
            ecdsa_check!(p384, point, message, signature)
        }
        #[cfg(not(feature = "split"))]
        (ES512, Material::Ec { curve, point, .. }) if *curve == Curve::P521 => {
            ecdsa_check!(p521, point, message, signature)
        }
        #[cfg(not(feature = "split"))]
        (EdDSA, Material::Ed25519 { public, .. }) => {
            let (Ok(key), Ok(signature)) = (
                ed25519_dalek::VerifyingKey::from_bytes(public),
                ed25519_dalek::Signature::from_slice(signature),
            ) else {
                return false;
            };
            key.verify(message, &signature).is_ok()
        }
        _ => false,
    }
}

/// `alg`'s signature of `message` with the private half of `material`, as raw bytes (ECDSA in
/// the JOSE `r || s` form). The error says what is missing, for the signing panel to show.
pub fn sign(alg: Algorithm, material: &Material, message: &[u8]) -> Result<Vec<u8>, String> {
    use Algorithm::*;
    #[cfg(not(feature = "split"))]
    let engine = |e: &dyn std::fmt::Display| format!("signing failed: {e}");
    match (alg, material) {
        (HS256, Material::Secret(k)) => hmac_tag::<Sha256>(k, message),
        (HS384, Material::Secret(k)) => hmac_tag::<Sha384>(k, message),
        (HS512, Material::Secret(k)) => hmac_tag::<Sha512>(k, message),
        (_, Material::Remote(key)) => key
            .sign(alg, message)
            .unwrap_or_else(|| Err(super::keys::KeyError::EngineLoading.to_string())),
        #[cfg(not(feature = "split"))]
        (RS256 | RS384 | RS512 | PS256 | PS384 | PS512, Material::Rsa { private, .. }) => {
            let key = private
                .as_deref()
                .ok_or("an RSA public key cannot sign: paste the private key")?;
            rsa_sign(alg, key, message).map_err(|e| engine(&e))
        }
        #[cfg(not(feature = "split"))]
        (ES256 | ES384 | ES512, Material::Ec { curve, scalar, .. }) => {
            let d = scalar
                .as_deref()
                .ok_or("a public key cannot sign: paste the private key")?;
            // Deterministic nonces (RFC 6979): the same input signs to the same token.
            match (alg, curve) {
                (ES256, Curve::P256) => ecdsa_sign!(p256, d, message).map_err(|e| engine(&e)),
                (ES384, Curve::P384) => ecdsa_sign!(p384, d, message).map_err(|e| engine(&e)),
                (ES512, Curve::P521) => ecdsa_sign!(p521, d, message).map_err(|e| engine(&e)),
                _ => Err(format!("{alg} needs a key on its own curve")),
            }
        }
        #[cfg(not(feature = "split"))]
        (EdDSA, Material::Ed25519 { seed, .. }) => {
            let seed = seed
                .as_ref()
                .ok_or("a public key cannot sign: paste the private key")?;
            let key = ed25519_dalek::SigningKey::from_bytes(seed);
            Ok(key.sign(message).to_bytes().to_vec())
        }
        _ => Err(format!("a {} cannot sign {alg}", material.kind_words())),
    }
}

fn hmac_check<D>(key: &[u8], message: &[u8], tag: &[u8]) -> bool
where
    D: hmac::EagerHash,
{
    let Ok(mut mac) = <hmac::Hmac<D> as KeyInit>::new_from_slice(key) else {
        return false;
    };
    mac.update(message);
    // verify_slice compares in constant time.
    mac.verify_slice(tag).is_ok()
}

fn hmac_tag<D>(key: &[u8], message: &[u8]) -> Result<Vec<u8>, String>
where
    D: hmac::EagerHash,
{
    let mut mac = <hmac::Hmac<D> as KeyInit>::new_from_slice(key)
        .map_err(|_| "this secret cannot key an HMAC".to_string())?;
    mac.update(message);
    Ok(mac.finalize().into_bytes().to_vec())
}

#[cfg(not(feature = "split"))]
fn rsa_check(alg: Algorithm, key: &rsa::PublicKey, message: &[u8], signature: &[u8]) -> bool {
    use Algorithm::*;
    let pss = alg.family() == Family::RsaPss;
    // The public key is already validated and carries its Montgomery parameters: hash, then
    // one modular exponentiation.
    match alg {
        RS256 | PS256 => rsa_check_with::<Sha256>(key, pss, message, signature),
        RS384 | PS384 => rsa_check_with::<Sha384>(key, pss, message, signature),
        RS512 | PS512 => rsa_check_with::<Sha512>(key, pss, message, signature),
        _ => false,
    }
}

#[cfg(not(feature = "split"))]
fn rsa_check_with<D: RsaDigest>(
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
fn rsa_sign(alg: Algorithm, key: &rsa::PrivateKey, message: &[u8]) -> Result<Vec<u8>, rsa::Error> {
    use Algorithm::*;
    let pss = alg.family() == Family::RsaPss;
    match alg {
        RS256 | PS256 => rsa_sign_with::<Sha256>(key, pss, message),
        RS384 | PS384 => rsa_sign_with::<Sha384>(key, pss, message),
        RS512 | PS512 => rsa_sign_with::<Sha512>(key, pss, message),
        _ => Err(rsa::Error::InvalidPaddingScheme),
    }
}

#[cfg(not(feature = "split"))]
fn rsa_sign_with<D: RsaDigest>(
    key: &rsa::PrivateKey,
    pss: bool,
    message: &[u8],
) -> Result<Vec<u8>, rsa::Error> {
    let digest = D::digest(message);
    // PKCS#1 v1.5 is deterministic; PSS draws its salt from the system RNG (the browser's
    // crypto.getRandomValues in wasm). Both blind the private operation with it.
    if pss {
        key.sign(Pss::<D>::new(), &digest)
    } else {
        key.sign(Pkcs1v15Sign::new::<D>(), &digest)
    }
}

/// The SHA-2 hashes as both RSA schemes need them: PKCS#1 v1.5 names the hash by its OID, PSS
/// hashes again inside the padding.
#[cfg(not(feature = "split"))]
trait RsaDigest: Digest + FixedOutputReset + AssociatedOid {}
#[cfg(not(feature = "split"))]
impl<D: Digest + FixedOutputReset + AssociatedOid> RsaDigest for D {}
