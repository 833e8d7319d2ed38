//! New keys from random bytes the caller supplies (the browser's CSPRNG), and RSA keys from the
//! PKCS#8 that WebCrypto exports: the core itself never reaches for randomness or a clock.

use super::error::KeyError;
use super::key::{Format, Key, Material};
#[cfg(not(feature = "split"))]
use super::pem_der;
use crate::jwt::algorithm::Curve;

/// What the key generator can make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    Hmac(usize),
    Rsa(usize),
    Ec(Curve),
    Ed25519,
}

impl KeyKind {
    /// Every kind, in menu order.
    pub const ALL: [KeyKind; 11] = [
        KeyKind::Hmac(256),
        KeyKind::Hmac(384),
        KeyKind::Hmac(512),
        KeyKind::Rsa(2048),
        KeyKind::Rsa(3072),
        KeyKind::Rsa(4096),
        KeyKind::Ec(Curve::P256),
        KeyKind::Ec(Curve::P384),
        KeyKind::Ec(Curve::P521),
        KeyKind::Ec(Curve::Secp256k1),
        KeyKind::Ed25519,
    ];

    /// The `keygen-kind` option value.
    pub fn id(self) -> String {
        match self {
            KeyKind::Hmac(bits) => format!("HS{bits}"),
            KeyKind::Rsa(bits) => format!("RSA-{bits}"),
            KeyKind::Ec(curve) => curve.name().to_string(),
            KeyKind::Ed25519 => "Ed25519".into(),
        }
    }

    /// The kind for an option value.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }

    /// How many random bytes [`from_random`] needs (RSA comes from WebCrypto instead).
    pub fn random_bytes(self) -> usize {
        match self {
            KeyKind::Hmac(bits) => bits / 8,
            KeyKind::Rsa(_) => 0,
            KeyKind::Ec(curve) => curve.field_bytes(),
            KeyKind::Ed25519 => 32,
        }
    }
}

/// A key of `kind` from `random` bytes. An EC scalar outside the curve's order (probability
/// about 2^-32 for P-256, and zero for the top bits masked on P-521) is an error: draw again.
pub fn from_random(kind: KeyKind, random: &[u8]) -> Result<Key, KeyError> {
    let material = match kind {
        KeyKind::Hmac(_) => Material::Secret(random.to_vec()),
        // Built without the curve code, this build makes secrets only: its caller makes the
        // other keys where that code is.
        #[cfg(feature = "split")]
        KeyKind::Ec(_) | KeyKind::Ed25519 => {
            return Err(KeyError::Unsupported(format!(
                "a {} key in a build without the curve code",
                kind.id()
            )));
        }
        #[cfg(not(feature = "split"))]
        KeyKind::Ec(curve) => {
            let mut scalar = random.to_vec();
            if curve == Curve::P521
                && let Some(first) = scalar.first_mut()
            {
                // P-521 scalars have 521 bits: the top byte holds only one.
                *first &= 0x01;
            }
            pem_der::ec_private(curve, &scalar)?
        }
        #[cfg(not(feature = "split"))]
        KeyKind::Ed25519 => {
            let seed: [u8; 32] = random.try_into().map_err(|_| {
                KeyError::Unsupported("an Ed25519 seed that is not 32 bytes".into())
            })?;
            Material::ed25519_private(seed)
        }
        KeyKind::Rsa(_) => {
            return Err(KeyError::Unsupported(
                "RSA from random bytes (use WebCrypto)".into(),
            ));
        }
    };
    Ok(Key {
        material,
        format: Format::PemPkcs8,
        usage: Default::default(),
    })
}

/// An RSA private key from PKCS#8 DER (what `SubtleCrypto.exportKey("pkcs8")` gives).
#[cfg(not(feature = "split"))]
pub fn rsa_from_pkcs8(der: &[u8]) -> Result<Key, KeyError> {
    use rsa::pkcs8::DecodePrivateKey;
    let key = rsa::PrivateKey::from_pkcs8_der(der).map_err(|e| KeyError::Der {
        label: "PRIVATE KEY",
        detail: e.to_string(),
    })?;
    pem_der::rsa_key(key.to_public_key(), Some(key), Format::PemPkcs8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::keys::export;

    #[test]
    fn kinds_round_trip_their_ids() {
        for kind in KeyKind::ALL {
            assert_eq!(KeyKind::from_id(&kind.id()), Some(kind));
        }
        assert_eq!(KeyKind::Ec(Curve::P521).random_bytes(), 66);
    }

    #[test]
    fn keys_from_random_bytes_can_sign() {
        let random: Vec<u8> = (1..=66).collect();
        for kind in [
            KeyKind::Hmac(256),
            KeyKind::Ec(Curve::P256),
            KeyKind::Ec(Curve::P384),
            KeyKind::Ec(Curve::P521),
            KeyKind::Ec(Curve::Secp256k1),
            KeyKind::Ed25519,
        ] {
            let key = from_random(kind, &random[..kind.random_bytes()]).unwrap();
            assert!(key.material.can_sign(), "{kind:?}");
        }
        // The all-ones P-256 scalar is above the group order: an error, never a panic.
        assert!(from_random(KeyKind::Ec(Curve::P256), &[0xff; 32]).is_err());
        assert!(from_random(KeyKind::Ed25519, &[1; 5]).is_err());
    }

    #[test]
    fn rsa_from_pkcs8_der() {
        let pem = include_str!("../../../tests/vectors/keys/rsa2048.pkcs8.pem");
        let der = ::pem::parse(pem).unwrap().into_contents();
        let key = rsa_from_pkcs8(&der).unwrap();
        assert_eq!(key.material.rsa_bits(), Some(2048));
        assert!(
            export::private_pem(&key.material)
                .unwrap()
                .contains("BEGIN PRIVATE KEY")
        );
        assert!(rsa_from_pkcs8(&der[..20]).is_err());
    }
}
