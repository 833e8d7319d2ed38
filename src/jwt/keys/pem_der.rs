//! PEM blocks and the DER inside them: SPKI, PKCS#1, PKCS#8 (plain, or encrypted with a
//! passphrase: PBES2 with PBKDF2 or scrypt), SEC1 and X.509 certificates.

use rsa::pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey};
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey};

use super::error::{KeyError, MIN_RSA_BITS};
use super::key::{self, Format, Key, Material};
use crate::jwt::algorithm::Curve;

/// The most PBKDF2 iterations an encrypted PKCS #8 key may ask for: about 0.75 s in the page's
/// wasm with HMAC-SHA-256 here (about 1.2 µs an iteration; BENCHMARKS.md, "Passphrase
/// work"), and OWASP's figure for PBKDF2-HMAC-SHA-256. OpenSSL and Python's `cryptography` write
/// 2048.
pub const MAX_PBKDF2_ITERATIONS: u32 = 600_000;

/// The most scrypt work (N·r·p) an encrypted PKCS #8 key may ask for, about 0.8 s here (OpenSSL's
/// default N = 2^14, r = 8, p = 1 is 2^17 and takes 0.2 s), with its memory (128·N·r bytes) at
/// most 64 MiB.
pub const MAX_SCRYPT_WORK: u64 = 1 << 19;
const MAX_SCRYPT_MEMORY: u64 = 64 << 20;

/// Reads the first key-bearing PEM block (`openssl ecparam -genkey` writes an
/// `EC PARAMETERS` block before the key; certificate chains start with the leaf); `passphrase`
/// opens an `ENCRYPTED PRIVATE KEY`.
pub fn parse(text: &str, passphrase: &str) -> Result<Key, KeyError> {
    let blocks = pem::parse_many(text).map_err(|e| KeyError::Pem(pem_error(&e)))?;
    let block = blocks
        .iter()
        .find(|b| b.tag() != "EC PARAMETERS")
        .ok_or_else(|| KeyError::Pem("no key block found between BEGIN and END lines".into()))?;
    // OpenSSL's older encryption (`openssl ec -aes256`, `openssl genrsa -aes256 -traditional`)
    // keeps the usual label and says so in a header line; its contents are ciphertext.
    if block
        .headers()
        .get("Proc-Type")
        .is_some_and(|kind| kind.contains("ENCRYPTED"))
    {
        return Err(KeyError::Encrypted(
            "decrypt it first, e.g. `openssl pkey -in key.pem -out plain.pem`, and paste the result",
        ));
    }
    let der = block.contents();
    match block.tag() {
        "PUBLIC KEY" => spki(der, Format::PemSpki),
        "RSA PUBLIC KEY" => {
            let key =
                rsa::PublicKey::from_pkcs1_der(der).map_err(|e| der_error("RSA PUBLIC KEY", e))?;
            rsa_key(key, None, Format::PemPkcs1Public)
        }
        "RSA PRIVATE KEY" => {
            let key = rsa::PrivateKey::from_pkcs1_der(der)
                .map_err(|e| der_error("RSA PRIVATE KEY", e))?;
            rsa_key(key.to_public_key(), Some(key), Format::PemPkcs1Private)
        }
        "PRIVATE KEY" => pkcs8(der),
        "EC PRIVATE KEY" => sec1(der),
        "CERTIFICATE" => certificate(der),
        "ENCRYPTED PRIVATE KEY" => pkcs8(&encrypted_pkcs8(der, passphrase)?),
        other => Err(KeyError::UnsupportedPem(other.to_string())),
    }
}

fn pem_error(error: &pem::PemError) -> String {
    match error {
        pem::PemError::MismatchedTags(begin, end) => {
            format!("BEGIN {begin} does not match END {end}")
        }
        pem::PemError::MissingBeginTag => "missing the -----BEGIN ...----- line".into(),
        pem::PemError::MissingEndTag => "missing the -----END ...----- line".into(),
        pem::PemError::MissingData => "no data between BEGIN and END".into(),
        pem::PemError::InvalidData(_) => {
            "the data between BEGIN and END is not valid base64".into()
        }
        _ => "not a well-formed PEM block".into(),
    }
}

fn der_error(label: &'static str, error: impl std::fmt::Display) -> KeyError {
    KeyError::Der {
        label,
        detail: error.to_string(),
    }
}

pub(super) fn rsa_key(
    public: rsa::PublicKey,
    private: Option<rsa::PrivateKey>,
    format: Format,
) -> Result<Key, KeyError> {
    let material = Material::Rsa {
        public,
        private: private.map(Box::new),
    };
    let bits = material.rsa_bits().unwrap_or(0);
    if bits < MIN_RSA_BITS {
        return Err(KeyError::RsaTooSmall { bits });
    }
    Ok(Key::new(material, format))
}

pub(super) fn ec_public(curve: Curve, sec1_point: &[u8]) -> Result<Material, KeyError> {
    // Re-encoding uncompressed also validates that the point is on the curve.
    let point = match curve {
        Curve::P256 => p256::PublicKey::from_sec1_bytes(sec1_point).map(|k| k.to_sec1_bytes()),
        Curve::P384 => p384::PublicKey::from_sec1_bytes(sec1_point).map(|k| k.to_sec1_bytes()),
        Curve::P521 => p521::PublicKey::from_sec1_bytes(sec1_point).map(|k| k.to_sec1_bytes()),
        // k256 compresses points by default; JWK and the checks here want them uncompressed.
        Curve::Secp256k1 => k256::PublicKey::from_sec1_bytes(sec1_point)
            .map(|k| k256::elliptic_curve::sec1::ToSec1Point::to_sec1_point(&k, false).to_bytes()),
    }
    .map_err(|_| {
        KeyError::Unsupported(format!(
            "an {} point that is not on the curve",
            curve.name()
        ))
    })?;
    Ok(Material::Ec {
        curve,
        point: point.to_vec(),
        scalar: None,
    })
}

/// An EC private key from its scalar; the public point is derived from it.
pub(super) fn ec_private(curve: Curve, scalar: &[u8]) -> Result<Material, KeyError> {
    let bad = |_| KeyError::Unsupported(format!("an {} private scalar out of range", curve.name()));
    let point = match curve {
        Curve::P256 => p256::SecretKey::from_slice(scalar)
            .map_err(bad)?
            .public_key()
            .to_sec1_bytes(),
        Curve::P384 => p384::SecretKey::from_slice(scalar)
            .map_err(bad)?
            .public_key()
            .to_sec1_bytes(),
        Curve::P521 => p521::SecretKey::from_slice(scalar)
            .map_err(bad)?
            .public_key()
            .to_sec1_bytes(),
        Curve::Secp256k1 => k256::elliptic_curve::sec1::ToSec1Point::to_sec1_point(
            &k256::SecretKey::from_slice(scalar)
                .map_err(bad)?
                .public_key(),
            false,
        )
        .to_bytes(),
    };
    // Store the scalar at its full width, as PKCS#8 and JWK expect.
    let mut padded = vec![0u8; curve.field_bytes().saturating_sub(scalar.len())];
    padded.extend_from_slice(scalar);
    Ok(Material::Ec {
        curve,
        point: point.to_vec(),
        scalar: Some(padded),
    })
}

fn spki(der: &[u8], format: Format) -> Result<Key, KeyError> {
    if let Ok(key) = rsa::PublicKey::from_public_key_der(der) {
        return rsa_key(key, None, format);
    }
    if let Some(bits) = spki_rsa_bits(der).filter(|&bits| bits < MIN_RSA_BITS) {
        return Err(KeyError::RsaTooSmall { bits });
    }
    if let Ok(key) = p256::PublicKey::from_public_key_der(der) {
        return Ok(Key::new(
            ec_public(Curve::P256, &key.to_sec1_bytes())?,
            format,
        ));
    }
    if let Ok(key) = p384::PublicKey::from_public_key_der(der) {
        return Ok(Key::new(
            ec_public(Curve::P384, &key.to_sec1_bytes())?,
            format,
        ));
    }
    if let Ok(key) = p521::PublicKey::from_public_key_der(der) {
        return Ok(Key::new(
            ec_public(Curve::P521, &key.to_sec1_bytes())?,
            format,
        ));
    }
    if let Ok(key) = k256::PublicKey::from_public_key_der(der) {
        return Ok(Key::new(
            ec_public(Curve::Secp256k1, &key.to_sec1_bytes())?,
            format,
        ));
    }
    if let Ok(key) = ed25519_dalek::VerifyingKey::from_public_key_der(der) {
        return Ok(Key::new(
            Material::Ed25519 {
                public: key.to_bytes(),
                seed: None,
            },
            format,
        ));
    }
    #[cfg(not(feature = "split"))]
    if let Some(key) = x25519_spki(der) {
        return key.map(|material| Key::new(material, format));
    }
    Err(unknown_algorithm(der, "PUBLIC KEY"))
}

/// A certificate's `x5t` and `x5t#S256` (RFC 7515 §4.1.7–8): SHA-1 and SHA-256 of its DER,
/// base64url.
pub fn certificate_thumbprints(der: &[u8]) -> (String, String) {
    use sha2::Digest;
    (
        crate::jwt::base64url::encode(&sha1::Sha1::digest(der)),
        crate::jwt::base64url::encode(&sha2::Sha256::digest(der)),
    )
}

/// The public key a certificate carries (RFC 5280 §4.1.2.7), read with `x509-cert`.
fn certificate(der: &[u8]) -> Result<Key, KeyError> {
    use x509_cert::der::{Decode, Encode};
    let cert = x509_cert::Certificate::from_der(der).map_err(|e| der_error("CERTIFICATE", e))?;
    let spki_der = cert
        .tbs_certificate()
        .subject_public_key_info()
        .to_der()
        .map_err(|e| der_error("CERTIFICATE", e))?;
    let mut key = spki(&spki_der, Format::Certificate)?;
    let (x5t, x5t_s256) = certificate_thumbprints(der);
    key.usage.x5t = Some(x5t);
    key.usage.x5t_s256 = Some(x5t_s256);
    Ok(key)
}

/// The plain PKCS #8 DER inside an encrypted one, once the work its key derivation asks for is
/// known to be within the caps above.
fn encrypted_pkcs8(der: &[u8], passphrase: &str) -> Result<Vec<u8>, KeyError> {
    use pkcs8::pkcs5::{EncryptionScheme, pbes2::Kdf};
    let info = pkcs8::EncryptedPrivateKeyInfoRef::try_from(der)
        .map_err(|e| der_error("ENCRYPTED PRIVATE KEY", e))?;
    let EncryptionScheme::Pbes2(params) = &info.encryption_algorithm else {
        return Err(KeyError::Unsupported(
            "PKCS #5 v1.5 encryption (DES or RC2 with MD5 or SHA-1): re-encrypt a copy with `openssl pkcs8 -topk8 -v2 aes-256-cbc`, and".into(),
        ));
    };
    match &params.kdf {
        Kdf::Pbkdf2(kdf) if kdf.iteration_count > MAX_PBKDF2_ITERATIONS => {
            return Err(KeyError::TooMuchWork(format!(
                "it asks for {} PBKDF2 iterations; up to {MAX_PBKDF2_ITERATIONS} (about a second) are tried here. Re-encrypt a copy with fewer: `openssl pkcs8 -topk8 -v2 aes-256-cbc -iter 100000`",
                kdf.iteration_count
            )));
        }
        Kdf::Scrypt(kdf) => {
            let (n, r, p) = (
                kdf.cost_parameter,
                u64::from(kdf.block_size),
                u64::from(kdf.parallelization),
            );
            let work = n.saturating_mul(r).saturating_mul(p);
            let memory = n.saturating_mul(r).saturating_mul(128);
            if work > MAX_SCRYPT_WORK || memory > MAX_SCRYPT_MEMORY {
                return Err(KeyError::TooMuchWork(format!(
                    "its scrypt parameters (N = {n}, r = {r}, p = {p}) ask for more than about a second and 64 MiB. Re-encrypt a copy with `openssl pkcs8 -topk8 -v2 aes-256-cbc`"
                )));
            }
        }
        _ => {}
    }
    if passphrase.is_empty() {
        return Err(KeyError::NeedsPassphrase);
    }
    // A wrong passphrase gives bad padding, or a "key" that does not parse as PKCS #8: both are
    // what a user who mistyped sees.
    info.decrypt(passphrase)
        .map(|doc| doc.as_bytes().to_vec())
        .map_err(|e| match e {
            pkcs8::Error::EncryptedPrivateKey(
                pkcs8::pkcs5::Error::AlgorithmParametersInvalid { .. },
            )
            | pkcs8::Error::EncryptedPrivateKey(pkcs8::pkcs5::Error::UnsupportedAlgorithm {
                ..
            }) => KeyError::Unsupported(format!("this key's encryption ({e})")),
            _ => KeyError::WrongPassphrase,
        })
}

fn pkcs8(der: &[u8]) -> Result<Key, KeyError> {
    if let Ok(key) = rsa::PrivateKey::from_pkcs8_der(der) {
        return rsa_key(key.to_public_key(), Some(key), Format::PemPkcs8);
    }
    if let Ok(key) = p256::SecretKey::from_pkcs8_der(der) {
        return Ok(Key::new(
            ec_private(Curve::P256, &key.to_bytes())?,
            Format::PemPkcs8,
        ));
    }
    if let Ok(key) = p384::SecretKey::from_pkcs8_der(der) {
        return Ok(Key::new(
            ec_private(Curve::P384, &key.to_bytes())?,
            Format::PemPkcs8,
        ));
    }
    if let Ok(key) = p521::SecretKey::from_pkcs8_der(der) {
        return Ok(Key::new(
            ec_private(Curve::P521, &key.to_bytes())?,
            Format::PemPkcs8,
        ));
    }
    if let Ok(key) = k256::SecretKey::from_pkcs8_der(der) {
        return Ok(Key::new(
            ec_private(Curve::Secp256k1, &key.to_bytes())?,
            Format::PemPkcs8,
        ));
    }
    if let Ok(key) = ed25519_dalek::SigningKey::from_pkcs8_der(der) {
        return Ok(Key::new(
            Material::ed25519_private(key.to_bytes()),
            Format::PemPkcs8,
        ));
    }
    #[cfg(not(feature = "split"))]
    if let Some(key) = x25519_pkcs8(der) {
        return key.map(|material| Key::new(material, Format::PemPkcs8));
    }
    Err(unknown_algorithm(der, "PRIVATE KEY"))
}

/// id-X25519 (RFC 8410 §3): keys for ECDH-ES key agreement in JWE, never for signatures.
#[cfg(not(feature = "split"))]
const X25519: rsa::pkcs8::ObjectIdentifier =
    rsa::pkcs8::ObjectIdentifier::new_unwrap("1.3.101.110");

/// An X25519 public key in SPKI (RFC 8410 §4): the 32 bytes of the point. `None` when the key is
/// of another algorithm.
#[cfg(not(feature = "split"))]
fn x25519_spki(der: &[u8]) -> Option<Result<Material, KeyError>> {
    let info = rsa::pkcs8::SubjectPublicKeyInfoRef::try_from(der).ok()?;
    (info.algorithm.oid == X25519).then(|| {
        let point = info.subject_public_key.raw_bytes();
        let public = <[u8; 32]>::try_from(point).map_err(|_| KeyError::Der {
            label: "PUBLIC KEY",
            detail: format!("an X25519 public key is 32 bytes, found {}", point.len()),
        })?;
        Ok(Material::X25519 {
            public,
            secret: None,
        })
    })
}

/// An X25519 private key in PKCS#8 (RFC 8410 §7): its 32-byte scalar, itself wrapped in an
/// OCTET STRING. `None` when the key is of another algorithm.
#[cfg(not(feature = "split"))]
fn x25519_pkcs8(der: &[u8]) -> Option<Result<Material, KeyError>> {
    use rsa::pkcs8::der::Decode;
    use rsa::pkcs8::der::asn1::OctetStringRef;
    let info = rsa::pkcs8::PrivateKeyInfoRef::try_from(der).ok()?;
    (info.algorithm.oid == X25519).then(|| {
        let wrong = |detail: String| KeyError::Der {
            label: "PRIVATE KEY",
            detail,
        };
        let inner = <&OctetStringRef>::from_der(info.private_key.as_bytes())
            .map_err(|e| wrong(format!("the X25519 key is not an OCTET STRING: {e}")))?;
        let scalar = inner.as_bytes();
        let secret = <[u8; 32]>::try_from(scalar).map_err(|_| {
            wrong(format!(
                "an X25519 private key is 32 bytes, found {}",
                scalar.len()
            ))
        })?;
        Ok(Material::x25519_private(secret))
    })
}

fn sec1(der: &[u8]) -> Result<Key, KeyError> {
    if let Ok(key) = p256::SecretKey::from_sec1_der(der) {
        return Ok(Key::new(
            ec_private(Curve::P256, &key.to_bytes())?,
            Format::PemSec1,
        ));
    }
    if let Ok(key) = p384::SecretKey::from_sec1_der(der) {
        return Ok(Key::new(
            ec_private(Curve::P384, &key.to_bytes())?,
            Format::PemSec1,
        ));
    }
    if let Ok(key) = p521::SecretKey::from_sec1_der(der) {
        return Ok(Key::new(
            ec_private(Curve::P521, &key.to_bytes())?,
            Format::PemSec1,
        ));
    }
    if let Ok(key) = k256::SecretKey::from_sec1_der(der) {
        return Ok(Key::new(
            ec_private(Curve::Secp256k1, &key.to_bytes())?,
            Format::PemSec1,
        ));
    }
    Err(KeyError::Der {
        label: "EC PRIVATE KEY",
        detail: "not a P-256, P-384, P-521 or secp256k1 key (other curves are not JWS curves)"
            .into(),
    })
}

/// The modulus size of an RSA SPKI, read without the size checks the rsa crate applies, so a
/// too-small key is reported as such rather than as unreadable.
fn spki_rsa_bits(der: &[u8]) -> Option<usize> {
    use rsa::pkcs1::der::Decode;
    let info = rsa::pkcs8::SubjectPublicKeyInfoRef::try_from(der).ok()?;
    let inner = rsa::pkcs1::RsaPublicKey::<rsa::pkcs1::UintRef<'_>>::from_der(
        info.subject_public_key.raw_bytes(),
    )
    .ok()?;
    Some(key::bit_length(inner.modulus.as_bytes()))
}

/// Names the algorithm of a key none of the parsers took, so the message is actionable.
fn unknown_algorithm(der: &[u8], label: &'static str) -> KeyError {
    const KNOWN: [(&[u8], &str); 6] = [
        (
            &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01],
            "an RSA key that does not parse",
        ),
        (&[0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x01], "a DSA key"),
        (&[0x2b, 0x81, 0x04, 0x00, 0x0a], "a secp256k1 key (ES256K)"),
        (&[0x2b, 0x65, 0x71], "an Ed448 key"),
        (
            &[0x2b, 0x65, 0x6e],
            "an X25519 key (for key agreement, not signatures)",
        ),
        (
            &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01],
            "an EC key on a curve JWS does not use",
        ),
    ];
    let found = KNOWN
        .iter()
        .find(|(oid, _)| der.windows(oid.len()).any(|w| w == *oid));
    match found {
        Some((_, what)) => KeyError::Unsupported(what.to_string()),
        None => KeyError::Der {
            label,
            detail: "unrecognised key algorithm or corrupt DER".into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pkcs8::der::{Decode, Encode};
    use pkcs8::pkcs5::{EncryptionScheme, pbes2::Kdf};

    const PBKDF2: &str = include_str!("../../../tests/vectors/keys/p256.pkcs8.encrypted.pem");
    const SCRYPT: &str = include_str!("../../../tests/vectors/keys/p256.pkcs8.scrypt.pem");

    /// The file with its key derivation's parameters changed by `change` (its ciphertext kept:
    /// the refusal must come before any decryption is tried).
    fn with_kdf(text: &str, change: impl FnOnce(&mut Kdf)) -> String {
        let der = pem::parse(text).unwrap().into_contents();
        let mut info =
            pkcs8::EncryptedPrivateKeyInfo::<pkcs8::der::asn1::OctetString>::from_der(&der)
                .unwrap();
        let EncryptionScheme::Pbes2(params) = &mut info.encryption_algorithm else {
            panic!("PBES2 expected");
        };
        change(&mut params.kdf);
        pem::encode(&pem::Pem::new(
            "ENCRYPTED PRIVATE KEY",
            info.to_der().unwrap(),
        ))
    }

    fn error(text: &str, passphrase: &str) -> KeyError {
        parse(text, passphrase).err().unwrap()
    }

    #[test]
    fn pbkdf2_and_scrypt_keys_open_with_their_passphrase() {
        for text in [PBKDF2, SCRYPT] {
            assert!(parse(text, "secret").is_ok());
            assert_eq!(error(text, ""), KeyError::NeedsPassphrase);
            assert_eq!(error(text, "Secret"), KeyError::WrongPassphrase);
        }
    }

    #[test]
    fn absurd_key_derivation_work_is_refused_before_any_is_done() {
        let started = std::time::Instant::now();
        let pbkdf2 = with_kdf(PBKDF2, |kdf| {
            if let Kdf::Pbkdf2(params) = kdf {
                params.iteration_count = 2_000_000_000;
            }
        });
        let refused = error(&pbkdf2, "secret").to_string();
        assert!(
            refused.contains("2000000000 PBKDF2 iterations"),
            "{refused}"
        );
        // One iteration above the cap is refused too.
        let above = with_kdf(PBKDF2, |kdf| {
            if let Kdf::Pbkdf2(params) = kdf {
                params.iteration_count = MAX_PBKDF2_ITERATIONS + 1;
            }
        });
        assert!(matches!(error(&above, "secret"), KeyError::TooMuchWork(_)));
        let huge_scrypt = with_kdf(SCRYPT, |kdf| {
            if let Kdf::Scrypt(params) = kdf {
                params.cost_parameter = 1 << 30;
            }
        });
        let refused = error(&huge_scrypt, "secret").to_string();
        assert!(refused.contains("N = 1073741824"), "{refused}");
        let wide_scrypt = with_kdf(SCRYPT, |kdf| {
            if let Kdf::Scrypt(params) = kdf {
                params.parallelization = 1000;
            }
        });
        assert!(matches!(
            error(&wide_scrypt, "secret"),
            KeyError::TooMuchWork(_)
        ));
        assert!(
            started.elapsed().as_millis() < 500,
            "{:?}",
            started.elapsed()
        );
    }
}
