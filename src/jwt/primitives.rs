//! One JWS signature for one algorithm and one parsed key: made and checked by jsonwebtoken
//! (`crypto::sign` / `crypto::verify` on this crate's provider) over exactly the bytes given.
//!
//! Signatures are base64url text, as they stand in a token. Whether the key fits the algorithm
//! is judged before this (verify::key_fits); here a mismatch simply does not verify.

use jsonwebtoken::crypto;
use jsonwebtoken::errors::{Error, ErrorKind};
use jsonwebtoken::{DecodingKey, EncodingKey};

use super::algorithm::{Algorithm, Family};
use super::keys::Material;
use super::provider;
// What only asymmetric keys held here need (builds with the asymmetric key code; not `split`).
#[cfg(not(feature = "split"))]
use {
    super::algorithm::Curve,
    super::base64url,
    jsonwebtoken::signature::{Signer, Verifier},
    rsa::pkcs1::EncodeRsaPrivateKey,
    rsa::pkcs8::EncodePrivateKey,
    rsa::traits::PublicKeyParts,
};

/// Who computes an algorithm.
enum Route {
    /// jsonwebtoken, as this algorithm of its own.
    Library(jsonwebtoken::Algorithm),
    /// RustCrypto's curve crate directly, for the ECDSA curves jsonwebtoken lacks (P-521, secp256k1).
    Direct,
}

fn route(alg: Algorithm) -> Route {
    use jsonwebtoken::Algorithm as Library;
    Route::Library(match alg {
        Algorithm::HS256 => Library::HS256,
        Algorithm::HS384 => Library::HS384,
        Algorithm::HS512 => Library::HS512,
        Algorithm::RS256 => Library::RS256,
        Algorithm::RS384 => Library::RS384,
        Algorithm::RS512 => Library::RS512,
        Algorithm::PS256 => Library::PS256,
        Algorithm::PS384 => Library::PS384,
        Algorithm::PS512 => Library::PS512,
        Algorithm::ES256 => Library::ES256,
        Algorithm::ES384 => Library::ES384,
        // ES512 and ES256K are not in jsonwebtoken's Algorithm: p521 and k256 do them here.
        Algorithm::ES512 | Algorithm::ES256K => return Route::Direct,
        Algorithm::EdDSA => Library::EdDSA,
    })
}

/// Whether `signature` (base64url) is `alg`'s signature of `message` under `material`.
pub fn verify(alg: Algorithm, material: &Material, message: &[u8], signature: &str) -> bool {
    // The handle's answer if it is in (verify::verify asks it first and says "checking").
    if let Material::Handle(key) = material {
        return matches!(key.verify(alg, message, signature), Some(Ok(true)));
    }
    match route(alg) {
        Route::Library(library_alg) => {
            let Some(key) = decoding_key(material) else {
                return false;
            };
            provider::install();
            crypto::verify(signature, message, &key, library_alg).unwrap_or(false)
        }
        #[cfg(not(feature = "split"))]
        Route::Direct => direct_verify(alg, material, message, signature),
        // Built with `split`, no EC key is held here: only behind a handle (`Handle`).
        #[cfg(feature = "split")]
        Route::Direct => false,
    }
}

/// `alg`'s signature of `message` with the private half of `material`, as base64url (ECDSA in
/// the JOSE `r || s` form). The error says what is missing, for the signing panel to show.
pub fn sign(alg: Algorithm, material: &Material, message: &[u8]) -> Result<String, String> {
    if let Material::Handle(key) = material {
        return key
            .sign(alg, message)
            .unwrap_or_else(|| Err(super::keys::KeyError::Pending.to_string()));
    }
    match route(alg) {
        Route::Library(library_alg) => {
            let key = encoding_key(alg, material)?;
            provider::install();
            crypto::sign(message, &key, library_alg).map_err(|e| words(&e, alg, material))
        }
        #[cfg(not(feature = "split"))]
        Route::Direct => direct_sign(alg, material, message),
        #[cfg(feature = "split")]
        Route::Direct => Err(format!("this {} cannot sign {alg}", material.kind_words())),
    }
}

/// The public half of `material` as jsonwebtoken takes it; `None` for a key it does not hold
/// (P-521) or an empty secret, which it refuses.
pub(crate) fn decoding_key(material: &Material) -> Option<DecodingKey> {
    match material {
        Material::Secret(secret) => DecodingKey::from_secret(secret).ok(),
        Material::Handle(_) => None,
        #[cfg(not(feature = "split"))]
        Material::Rsa { public, .. } => Some(DecodingKey::from_rsa_raw_components(
            &public.n_bytes(),
            &public.e_bytes(),
        )),
        #[cfg(not(feature = "split"))]
        Material::Ec {
            curve: Curve::P521 | Curve::Secp256k1,
            ..
        } => None,
        // jsonwebtoken's EC "DER" public key is the SEC1 point, as in an SPKI's bit string.
        #[cfg(not(feature = "split"))]
        Material::Ec { point, .. } => Some(DecodingKey::from_ec_der(point)),
        // Always 32 bytes here, by type: the length jsonwebtoken's Ed25519 keys must have.
        #[cfg(not(feature = "split"))]
        Material::Ed25519 { public, .. } => Some(DecodingKey::from_ed_der(public)),
        // Key agreement only: no signature is checked with it.
        #[cfg(not(feature = "split"))]
        Material::X25519 { .. } => None,
    }
}

/// The private half of `material` as jsonwebtoken takes it for `alg`: a secret, PKCS#1 DER for
/// RSA, PKCS#8 DER for EC and Ed25519; or why it cannot sign.
pub(crate) fn encoding_key(alg: Algorithm, material: &Material) -> Result<EncodingKey, String> {
    #[cfg(not(feature = "split"))]
    let public_only = || {
        format!(
            "a {} cannot sign: paste the private key",
            material.kind_words()
        )
    };
    #[cfg(not(feature = "split"))]
    let unencodable = |e: &dyn std::fmt::Display| format!("the private key cannot be used: {e}");
    match (alg.family(), material) {
        (Family::Hmac, Material::Secret(secret)) => EncodingKey::from_secret(secret)
            .map_err(|_| "an empty secret cannot sign: type or paste a secret".to_string()),
        #[cfg(not(feature = "split"))]
        (Family::Rsa | Family::RsaPss, Material::Rsa { private, .. }) => {
            let key = private.as_deref().ok_or_else(public_only)?;
            let der = key.to_pkcs1_der().map_err(|e| unencodable(&e))?;
            Ok(EncodingKey::from_rsa_der(der.as_bytes()))
        }
        #[cfg(not(feature = "split"))]
        (Family::Ec, Material::Ec { curve, scalar, .. }) => {
            let d = scalar.as_deref().ok_or_else(public_only)?;
            let der = match (alg, curve) {
                (Algorithm::ES256, Curve::P256) => p256::SecretKey::from_slice(d)
                    .map_err(|e| unencodable(&e))?
                    .to_pkcs8_der(),
                (Algorithm::ES384, Curve::P384) => p384::SecretKey::from_slice(d)
                    .map_err(|e| unencodable(&e))?
                    .to_pkcs8_der(),
                _ => return Err(format!("{alg} needs a key on its own curve")),
            }
            .map_err(|e| unencodable(&e))?;
            Ok(EncodingKey::from_ec_der(der.as_bytes()))
        }
        #[cfg(not(feature = "split"))]
        (Family::Ed, Material::Ed25519 { seed, .. }) => {
            let seed = seed.as_ref().ok_or_else(public_only)?;
            // PKCS#8 v1, the seed alone: the 48 bytes jsonwebtoken's JWK code takes for Ed25519.
            let der = ed25519_dalek::pkcs8::KeypairBytes {
                secret_key: *seed,
                public_key: None,
            }
            .to_pkcs8_der()
            .map_err(|e| unencodable(&e))?;
            Ok(EncodingKey::from_ed_der(der.as_bytes()))
        }
        _ => Err(format!("this {} cannot sign {alg}", material.kind_words())),
    }
}

/// Why jsonwebtoken could not sign, in words the signing panel can show.
fn words(error: &Error, alg: Algorithm, material: &Material) -> String {
    match error.kind() {
        ErrorKind::InvalidRsaKey(why) => format!("the RSA private key is not usable: {why}"),
        ErrorKind::InvalidEcdsaKey | ErrorKind::InvalidEddsaKey => format!(
            "the {} is not usable: paste it again",
            material.kind_words()
        ),
        ErrorKind::Signing(_) => match pss_minimum_bits(alg) {
            // RSA-PSS with a salt as long as the hash (RFC 7518 §3.5) needs room for both.
            Some(bits) if material.rsa_bits().is_some_and(|b| b < bits) => format!(
                "{alg} needs an RSA key of at least {bits} bits, and this one has {}",
                material.rsa_bits().unwrap_or(0)
            ),
            _ => format!("the {} could not sign {alg}", material.kind_words()),
        },
        _ => format!("this {} cannot sign {alg}", material.kind_words()),
    }
}

/// The smallest RSA modulus an RSA-PSS algorithm can sign with: RFC 8017 §9.1.1 needs
/// `emLen >= 2·hLen + 2` bytes, where `emLen = ⌈(modBits - 1) / 8⌉`.
fn pss_minimum_bits(alg: Algorithm) -> Option<usize> {
    match alg {
        Algorithm::PS256 | Algorithm::PS384 | Algorithm::PS512 => Some(16 * alg.hash_bytes() + 10),
        _ => None,
    }
}

/// ES512 or ES256K: whether `signature` (base64url, `r || s`) is the curve's ECDSA signature of
/// `message` (SHA-512 for P-521, SHA-256 for secp256k1, each crate's default digest).
#[cfg(not(feature = "split"))]
fn direct_verify(alg: Algorithm, material: &Material, message: &[u8], signature: &str) -> bool {
    let Material::Ec { curve, point, .. } = material else {
        return false;
    };
    let Ok(bytes) = base64url::decode(signature) else {
        return false;
    };
    match (alg, curve) {
        (Algorithm::ES512, Curve::P521) => {
            let Ok(key) = p521::ecdsa::VerifyingKey::from_sec1_bytes(point) else {
                return false;
            };
            p521::ecdsa::Signature::from_slice(&bytes)
                .is_ok_and(|signature| key.verify(message, &signature).is_ok())
        }
        // k256 refuses high-S signatures (Bitcoin's rule); ECDSA, RFC 8812 and Wycheproof accept
        // them, and (r, s) is valid exactly when (r, n - s) is, so S is normalised first.
        (Algorithm::ES256K, Curve::Secp256k1) => {
            let Ok(key) = k256::ecdsa::VerifyingKey::from_sec1_bytes(point) else {
                return false;
            };
            k256::ecdsa::Signature::from_slice(&bytes)
                .is_ok_and(|signature| key.verify(message, &signature.normalize_s()).is_ok())
        }
        _ => false,
    }
}

/// ES512 or ES256K: the deterministic (RFC 6979) signature of `message`, as base64url `r || s`.
#[cfg(not(feature = "split"))]
fn direct_sign(alg: Algorithm, material: &Material, message: &[u8]) -> Result<String, String> {
    let Material::Ec { curve, scalar, .. } = material else {
        return Err(format!("this {} cannot sign {alg}", material.kind_words()));
    };
    let d = scalar
        .as_deref()
        .ok_or("a public key cannot sign: paste the private key")?;
    let unusable = |e: &dyn std::fmt::Display| format!("the private key cannot be used: {e}");
    let bytes = match (alg, curve) {
        (Algorithm::ES512, Curve::P521) => {
            let key = p521::ecdsa::SigningKey::from_slice(d).map_err(|e| unusable(&e))?;
            let signature: p521::ecdsa::Signature = key.sign(message);
            signature.to_bytes().to_vec()
        }
        (Algorithm::ES256K, Curve::Secp256k1) => {
            let key = k256::ecdsa::SigningKey::from_slice(d).map_err(|e| unusable(&e))?;
            let signature: k256::ecdsa::Signature = key.sign(message);
            signature.to_bytes().to_vec()
        }
        _ => return Err(format!("{alg} needs a key on its own curve")),
    };
    Ok(base64url::encode(&bytes))
}

#[cfg(test)]
mod tests;
