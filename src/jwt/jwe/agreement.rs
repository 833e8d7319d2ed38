//! ECDH-ES key agreement (RFC 7518 §4.6) on P-256, P-384, P-521 and X25519 (RFC 8037): the
//! shared secret of the
//! recipient's key and the sender's ephemeral key (`epk`), stretched by the Concat KDF of NIST
//! SP 800-56A §5.8.1. The KDF is written here: RFC 7518 fixes its inputs, and no maintained
//! crate implements it over the RustCrypto digest traits this project uses.

use p256::elliptic_curve::sec1::{FromSec1Point, ModulusSize, ToSec1Point};
use p256::elliptic_curve::{
    AffinePoint, CurveArithmetic, FieldBytesSize, PublicKey, SecretKey, ecdh,
};
use sha2::{Digest, Sha256};

use super::error::JweError;
use crate::jwt::algorithm::Curve;
use crate::jwt::base64url;
use crate::jwt::json::Value;

/// The Concat KDF with SHA-256: `key_len` bytes from the shared secret `z`, bound to the
/// algorithm (`enc` for direct agreement, `alg` with key wrap) and the parties' `apu` / `apv`.
pub fn concat_kdf(z: &[u8], algorithm: &str, apu: &[u8], apv: &[u8], key_len: usize) -> Vec<u8> {
    let with_length = |data: &[u8]| {
        let mut field = (data.len() as u32).to_be_bytes().to_vec();
        field.extend_from_slice(data);
        field
    };
    let mut other_info = with_length(algorithm.as_bytes());
    other_info.extend(with_length(apu));
    other_info.extend(with_length(apv));
    other_info.extend_from_slice(&((key_len as u32) * 8).to_be_bytes());
    let mut derived = Vec::with_capacity(key_len + 32);
    let mut counter: u32 = 1;
    while derived.len() < key_len {
        let mut hash = Sha256::new();
        hash.update(counter.to_be_bytes());
        hash.update(z);
        hash.update(&other_info);
        derived.extend_from_slice(&hash.finalize());
        counter += 1;
    }
    derived.truncate(key_len);
    derived
}

/// The shared secret of `scalar` (the recipient's private key, big-endian) and `point` (SEC1),
/// on `C`. The point is checked to be on the curve: an invalid-curve point is refused before
/// any arithmetic (the attack that recovers private keys from such answers).
fn shared_secret<C>(scalar: &[u8], point: &[u8]) -> Result<Vec<u8>, JweError>
where
    C: CurveArithmetic,
    FieldBytesSize<C>: ModulusSize,
    AffinePoint<C>: FromSec1Point<C> + ToSec1Point<C>,
{
    let secret = SecretKey::<C>::from_slice(scalar)
        .map_err(|_| JweError::KeyDoesNotFit("the EC private key is not valid".into()))?;
    let public = PublicKey::<C>::from_sec1_bytes(point).map_err(|_| {
        JweError::Malformed("the header's \"epk\" is not a point on its curve".into())
    })?;
    let shared = ecdh::diffie_hellman(secret.to_nonzero_scalar(), public.as_affine());
    Ok(shared.raw_secret_bytes().to_vec())
}

/// A fresh ephemeral key pair on `C`: its SEC1 uncompressed public point and the shared secret
/// with the recipient's `point`. `top` masks the first random byte to the order's bit length
/// (P-521's scalar is 521 bits in 66 bytes), so that nearly every draw is a valid scalar.
fn ephemeral<C>(point: &[u8], top: u8) -> Result<(Vec<u8>, Vec<u8>), JweError>
where
    C: CurveArithmetic,
    FieldBytesSize<C>: ModulusSize,
    AffinePoint<C>: FromSec1Point<C> + ToSec1Point<C>,
{
    let recipient = PublicKey::<C>::from_sec1_bytes(point)
        .map_err(|_| JweError::KeyDoesNotFit("the EC public key is not valid".into()))?;
    // Random bytes of the scalar's size until they make a valid scalar (nearly always at once).
    let size = p256::elliptic_curve::FieldBytes::<C>::default().len();
    for _ in 0..16 {
        let mut bytes = vec![0u8; size];
        getrandom::fill(&mut bytes).map_err(|_| JweError::Key("no random numbers".into()))?;
        bytes[0] &= top;
        if let Ok(secret) = SecretKey::<C>::from_slice(&bytes) {
            let public = secret.public_key().as_affine().to_sec1_point(false);
            let shared = ecdh::diffie_hellman(secret.to_nonzero_scalar(), recipient.as_affine());
            return Ok((
                public.as_bytes().to_vec(),
                shared.raw_secret_bytes().to_vec(),
            ));
        }
    }
    Err(JweError::Key("no valid ephemeral key could be made".into()))
}

/// The party information a header carries (`apu`, `apv`), decoded.
fn party(header: &Value, name: &str) -> Result<Vec<u8>, JweError> {
    match header.get(name) {
        None => Ok(Vec::new()),
        Some(value) => {
            let text = value.as_str().ok_or_else(|| {
                JweError::Malformed(format!("the header's \"{name}\" is not a string"))
            })?;
            base64url::decode(&text)
                .map_err(|e| JweError::Malformed(format!("the header's \"{name}\": {e}")))
        }
    }
}

/// The algorithm identifier the KDF binds: `enc` for direct agreement, else `alg`.
fn algorithm_id<'a>(alg: &'a str, enc: &'a str) -> &'a str {
    if alg == "ECDH-ES" { enc } else { alg }
}

/// The agreeing key: an EC curve with its scalar or point, or an X25519 key.
#[derive(Clone, Copy)]
pub enum Agreeing<'a> {
    Ec(Curve, &'a [u8]),
    X25519(&'a [u8; 32]),
}

/// The recipient's side for an X25519 key (RFC 8037 §3.2): the `epk` is an OKP X25519 key. A
/// low-order point, which makes the shared secret all zeros, is refused.
pub fn receive_x25519(
    alg: &str,
    enc: &str,
    header: &Value,
    secret: &[u8; 32],
    key_len: usize,
) -> Result<Vec<u8>, JweError> {
    let epk = header
        .get("epk")
        .ok_or_else(|| JweError::Malformed(format!("alg \"{alg}\" needs \"epk\" in the header")))?;
    let member = |name: &str| epk.get(name).and_then(Value::as_str);
    if member("kty").as_deref() != Some("OKP") || member("crv").as_deref() != Some("X25519") {
        return Err(JweError::KeyDoesNotFit(
            "the key is X25519, the token's \"epk\" is not".into(),
        ));
    }
    let x = member("x").ok_or_else(|| JweError::Malformed("the \"epk\" has no \"x\"".into()))?;
    let x: [u8; 32] = base64url::decode(&x)
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or_else(|| JweError::Malformed("the \"epk\"'s \"x\" is not 32 bytes".into()))?;
    let shared =
        x25519_dalek::StaticSecret::from(*secret).diffie_hellman(&x25519_dalek::PublicKey::from(x));
    if !shared.was_contributory() {
        return Err(JweError::Malformed(
            "the header's \"epk\" is a low-order X25519 point".into(),
        ));
    }
    let (apu, apv) = (party(header, "apu")?, party(header, "apv")?);
    Ok(concat_kdf(
        shared.as_bytes(),
        algorithm_id(alg, enc),
        &apu,
        &apv,
        key_len,
    ))
}

/// The sender's side for an X25519 recipient: the derived key and the `epk` member.
pub fn send_x25519(
    alg: &str,
    enc: &str,
    recipient: &[u8; 32],
    key_len: usize,
) -> Result<(Vec<u8>, String), JweError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|_| JweError::Key("no random numbers".into()))?;
    let secret = x25519_dalek::StaticSecret::from(bytes);
    let public = x25519_dalek::PublicKey::from(&secret);
    let shared = secret.diffie_hellman(&x25519_dalek::PublicKey::from(*recipient));
    if !shared.was_contributory() {
        return Err(JweError::KeyDoesNotFit(
            "the X25519 public key is a low-order point".into(),
        ));
    }
    let epk = format!(
        r#"{{"kty":"OKP","crv":"X25519","x":"{}"}}"#,
        base64url::encode(public.as_bytes())
    );
    Ok((
        concat_kdf(shared.as_bytes(), algorithm_id(alg, enc), b"", b"", key_len),
        epk,
    ))
}

/// secp256k1 is registered for ES256K signatures only (RFC 8812 §3.1), not for ECDH-ES.
fn not_for_agreement() -> JweError {
    JweError::KeyDoesNotFit(
        "a secp256k1 key signs ES256K; ECDH-ES takes P-256, P-384, P-521 or X25519 keys".into(),
    )
}

/// The recipient's side: the derived key (`key_len` bytes) from the header's `epk` and the
/// private key (`curve`, `scalar`).
pub fn receive(
    alg: &str,
    enc: &str,
    header: &Value,
    curve: Curve,
    scalar: &[u8],
    key_len: usize,
) -> Result<Vec<u8>, JweError> {
    let epk = header
        .get("epk")
        .ok_or_else(|| JweError::Malformed(format!("alg \"{alg}\" needs \"epk\" in the header")))?;
    let member = |name: &str| epk.get(name).and_then(Value::as_str);
    if member("kty").as_deref() != Some("EC") {
        return Err(JweError::Unsupported(format!(
            "an \"epk\" of kty {:?} (only EC is read)",
            member("kty").unwrap_or_default()
        )));
    }
    if member("crv").as_deref() != Some(curve.name()) {
        return Err(JweError::KeyDoesNotFit(format!(
            "the token's \"epk\" is on {}, the key on {}",
            member("crv").unwrap_or_else(|| "no curve".into()),
            curve.name()
        )));
    }
    // Each coordinate is exactly the field's size (RFC 7518 §6.2.1.2): otherwise a short "x"
    // and a long "y" could still join into some valid point, not the one the header names.
    let coordinate = |name: &str| -> Result<Vec<u8>, JweError> {
        let text = member(name)
            .ok_or_else(|| JweError::Malformed(format!("the \"epk\" has no \"{name}\"")))?;
        let bytes = base64url::decode(&text)
            .map_err(|e| JweError::Malformed(format!("the \"epk\"'s \"{name}\": {e}")))?;
        if bytes.len() != curve.field_bytes() {
            return Err(JweError::Malformed(format!(
                "the \"epk\"'s \"{name}\" is {} bytes; on {} it is {}",
                bytes.len(),
                curve.name(),
                curve.field_bytes()
            )));
        }
        Ok(bytes)
    };
    let mut point = vec![4u8];
    point.extend(coordinate("x")?);
    point.extend(coordinate("y")?);
    let z = match curve {
        Curve::P256 => shared_secret::<p256::NistP256>(scalar, &point)?,
        Curve::P384 => shared_secret::<p384::NistP384>(scalar, &point)?,
        Curve::P521 => shared_secret::<p521::NistP521>(scalar, &point)?,
        Curve::Secp256k1 => return Err(not_for_agreement()),
    };
    let (apu, apv) = (party(header, "apu")?, party(header, "apv")?);
    Ok(concat_kdf(&z, algorithm_id(alg, enc), &apu, &apv, key_len))
}

/// The sender's side: the derived key and the `epk` member to put in the header (JSON text),
/// for the recipient's public key (`curve`, SEC1 `point`).
pub fn send(
    alg: &str,
    enc: &str,
    curve: Curve,
    point: &[u8],
    key_len: usize,
) -> Result<(Vec<u8>, String), JweError> {
    let (public, z) = match curve {
        Curve::P256 => ephemeral::<p256::NistP256>(point, 0xff)?,
        Curve::P384 => ephemeral::<p384::NistP384>(point, 0xff)?,
        Curve::P521 => ephemeral::<p521::NistP521>(point, 0x01)?,
        Curve::Secp256k1 => return Err(not_for_agreement()),
    };
    let size = (public.len() - 1) / 2;
    let epk = format!(
        r#"{{"kty":"EC","crv":"{}","x":"{}","y":"{}"}}"#,
        curve.name(),
        base64url::encode(&public[1..1 + size]),
        base64url::encode(&public[1 + size..])
    );
    Ok((
        concat_kdf(&z, algorithm_id(alg, enc), b"", b"", key_len),
        epk,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7518 Appendix C: ECDH-ES with A128GCM, Alice to Bob, apu "Alice", apv "Bob".
    #[test]
    fn rfc_7518_appendix_c() {
        let z = [
            158, 86, 217, 29, 129, 113, 53, 211, 114, 131, 66, 131, 191, 132, 38, 156, 251, 49,
            110, 163, 218, 128, 106, 72, 246, 218, 167, 121, 140, 254, 144, 196,
        ];
        let derived = concat_kdf(&z, "A128GCM", b"Alice", b"Bob", 16);
        assert_eq!(base64url::encode(&derived), "VqqN6vgjbSBcIijNcacQGg");
    }

    /// RFC 7518 Appendix C end to end, on Bob's side: his private key and the header Alice sent
    /// (her ephemeral key, "apu" and "apv") agree on Z and derive the RFC's content key.
    #[test]
    fn rfc_7518_appendix_c_from_the_keys() {
        let header = crate::jwt::json::parse(
            r#"{"alg":"ECDH-ES","enc":"A128GCM","apu":"QWxpY2U","apv":"Qm9i",
                "epk":{"kty":"EC","crv":"P-256",
                       "x":"gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0",
                       "y":"SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps"}}"#,
        )
        .unwrap();
        let bob = base64url::decode("VEmDZpDXXK8p8N0Cndsxs924q6nS1RXFASRl6BfUqdw").unwrap();
        let derived = receive("ECDH-ES", "A128GCM", &header, Curve::P256, &bob, 16).unwrap();
        assert_eq!(base64url::encode(&derived), "VqqN6vgjbSBcIijNcacQGg");
    }
}
