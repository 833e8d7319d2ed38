//! A key written out again: PEM (SPKI / PKCS#8), JWK, OpenSSH (public line and private file),
//! and its RFC 7638 thumbprint.

use sha2::{Digest, Sha256};

use super::handle::Export;
use super::key::Material;
#[cfg(not(feature = "split"))]
use super::key::rsa_n_e;
use crate::jwt::base64url::encode;
#[cfg(not(feature = "split"))]
use {
    crate::jwt::algorithm::Curve,
    rsa::pkcs8::{EncodePrivateKey, EncodePublicKey, LineEnding},
    rsa::traits::PrivateKeyParts,
};

#[cfg(not(feature = "split"))]
fn ec_xy(curve: Curve, point: &[u8]) -> (&[u8], &[u8]) {
    let size = curve.field_bytes();
    let x = point.get(1..1 + size).unwrap_or(&[]);
    let y = point.get(1 + size..).unwrap_or(&[]);
    (x, y)
}

/// The public JWK members in RFC 7638's canonical order (lexicographic, no whitespace); a key
/// behind a handle is written by whoever holds it.
fn canonical_public(material: &Material) -> Option<String> {
    Some(match material {
        Material::Secret(k) => format!(r#"{{"k":"{}","kty":"oct"}}"#, encode(k)),
        Material::Handle(_) => return None,
        #[cfg(not(feature = "split"))]
        Material::Rsa { public, .. } => {
            let (n, e) = rsa_n_e(public);
            format!(
                r#"{{"e":"{}","kty":"RSA","n":"{}"}}"#,
                encode(&e),
                encode(&n)
            )
        }
        #[cfg(not(feature = "split"))]
        Material::Ec { curve, point, .. } => {
            let (x, y) = ec_xy(*curve, point);
            format!(
                r#"{{"crv":"{}","kty":"EC","x":"{}","y":"{}"}}"#,
                curve.name(),
                encode(x),
                encode(y)
            )
        }
        #[cfg(not(feature = "split"))]
        Material::Ed25519 { public, .. } => format!(
            r#"{{"crv":"Ed25519","kty":"OKP","x":"{}"}}"#,
            encode(public)
        ),
        #[cfg(not(feature = "split"))]
        Material::X25519 { public, .. } => {
            format!(r#"{{"crv":"X25519","kty":"OKP","x":"{}"}}"#, encode(public))
        }
    })
}

/// The RFC 7638 JWK thumbprint (SHA-256, base64url).
pub fn thumbprint(material: &Material) -> String {
    match material {
        Material::Handle(key) => key.export(Export::Thumbprint, "").unwrap_or_default(),
        held => canonical_public(held)
            .map(|canonical| encode(&Sha256::digest(canonical.as_bytes())))
            .unwrap_or_default(),
    }
}

/// The key as a pretty JWK with `kid` = thumbprint; with `private`, the private members too.
pub fn jwk(material: &Material, private: bool) -> String {
    let mut members: Vec<(&str, String)> = Vec::new();
    match material {
        Material::Secret(k) => {
            members.push(("kty", "oct".into()));
            members.push(("k", encode(k)));
        }
        Material::Handle(key) => return key.export(Export::Jwk(private), "").unwrap_or_default(),
        #[cfg(not(feature = "split"))]
        Material::Rsa {
            public,
            private: secret,
        } => {
            let (n, e) = rsa_n_e(public);
            members.push(("kty", "RSA".into()));
            members.push(("n", encode(&n)));
            members.push(("e", encode(&e)));
            if let (true, Some(key)) = (private, secret) {
                let bytes = |v: &rsa::BoxedUint| encode(&v.to_be_bytes_trimmed_vartime());
                members.push(("d", bytes(key.d())));
                if let [p, q] = key.primes() {
                    members.push(("p", bytes(p)));
                    members.push(("q", bytes(q)));
                    if let (Some(dp), Some(dq), Some(qi)) =
                        (key.dp(), key.dq(), key.crt_coefficient())
                    {
                        members.push(("dp", bytes(dp)));
                        members.push(("dq", bytes(dq)));
                        members.push(("qi", bytes(&qi)));
                    }
                }
            }
        }
        #[cfg(not(feature = "split"))]
        Material::Ec {
            curve,
            point,
            scalar,
        } => {
            let (x, y) = ec_xy(*curve, point);
            members.push(("kty", "EC".into()));
            members.push(("crv", curve.name().into()));
            members.push(("x", encode(x)));
            members.push(("y", encode(y)));
            if let (true, Some(d)) = (private, scalar) {
                members.push(("d", encode(d)));
            }
        }
        #[cfg(not(feature = "split"))]
        Material::Ed25519 { public, seed } => {
            members.push(("kty", "OKP".into()));
            members.push(("crv", "Ed25519".into()));
            members.push(("x", encode(public)));
            if let (true, Some(d)) = (private, seed) {
                members.push(("d", encode(d)));
            }
        }
        #[cfg(not(feature = "split"))]
        Material::X25519 { public, secret } => {
            members.push(("kty", "OKP".into()));
            members.push(("crv", "X25519".into()));
            members.push(("x", encode(public)));
            if let (true, Some(d)) = (private, secret) {
                members.push(("d", encode(d)));
            }
        }
    }
    members.push(("kid", thumbprint(material)));
    let body: Vec<String> = members
        .iter()
        .map(|(k, v)| format!("  \"{k}\": \"{v}\""))
        .collect();
    format!("{{\n{}\n}}", body.join(",\n"))
}

/// The public key as PEM SPKI; `None` for a secret.
pub fn public_pem(material: &Material) -> Option<String> {
    match material {
        Material::Secret(_) => None,
        Material::Handle(key) => key.export(Export::PublicPem, ""),
        #[cfg(not(feature = "split"))]
        held => held_public_pem(held),
    }
}

#[cfg(not(feature = "split"))]
fn held_public_pem(material: &Material) -> Option<String> {
    let pem = match material {
        Material::Rsa { public, .. } => public.to_public_key_pem(LineEnding::LF),
        Material::Ec {
            curve: Curve::P256,
            point,
            ..
        } => p256::PublicKey::from_sec1_bytes(point)
            .ok()?
            .to_public_key_pem(LineEnding::LF),
        Material::Ec {
            curve: Curve::P384,
            point,
            ..
        } => p384::PublicKey::from_sec1_bytes(point)
            .ok()?
            .to_public_key_pem(LineEnding::LF),
        Material::Ec {
            curve: Curve::P521,
            point,
            ..
        } => p521::PublicKey::from_sec1_bytes(point)
            .ok()?
            .to_public_key_pem(LineEnding::LF),
        Material::Ec {
            curve: Curve::Secp256k1,
            point,
            ..
        } => k256::PublicKey::from_sec1_bytes(point)
            .ok()?
            .to_public_key_pem(LineEnding::LF),
        Material::Ed25519 { public, .. } => ed25519_dalek::VerifyingKey::from_bytes(public)
            .ok()?
            .to_public_key_pem(LineEnding::LF),
        // X25519 keys are read from PEM and JWK; their written form here is the JWK.
        Material::Secret(_) | Material::Handle(_) | Material::X25519 { .. } => return None,
    };
    pem.ok()
}

/// The private key as PEM PKCS#8; `None` without a private half.
pub fn private_pem(material: &Material) -> Option<String> {
    match material {
        Material::Secret(_) => None,
        Material::Handle(key) => key.export(Export::PrivatePem, ""),
        #[cfg(not(feature = "split"))]
        held => Some(pem::encode_config(
            &pem::Pem::new("PRIVATE KEY", private_pkcs8_der(held)?),
            pem::EncodeConfig::new().set_line_ending(pem::LineEnding::LF),
        )),
    }
}

/// The private key as PKCS#8 DER.
#[cfg(not(feature = "split"))]
fn private_pkcs8_der(material: &Material) -> Option<Vec<u8>> {
    let doc = match material {
        Material::Rsa {
            private: Some(key), ..
        } => key.to_pkcs8_der(),
        Material::Ec {
            curve: Curve::P256,
            scalar: Some(d),
            ..
        } => p256::SecretKey::from_slice(d).ok()?.to_pkcs8_der(),
        Material::Ec {
            curve: Curve::P384,
            scalar: Some(d),
            ..
        } => p384::SecretKey::from_slice(d).ok()?.to_pkcs8_der(),
        Material::Ec {
            curve: Curve::P521,
            scalar: Some(d),
            ..
        } => p521::SecretKey::from_slice(d).ok()?.to_pkcs8_der(),
        Material::Ec {
            curve: Curve::Secp256k1,
            scalar: Some(d),
            ..
        } => k256::SecretKey::from_slice(d).ok()?.to_pkcs8_der(),
        Material::Ed25519 {
            seed: Some(seed), ..
        } => ed25519_dalek::SigningKey::from_bytes(seed).to_pkcs8_der(),
        _ => return None,
    };
    doc.ok().map(|d| d.as_bytes().to_vec())
}

/// The public key as an OpenSSH `authorized_keys` line; `None` for a secret.
pub fn openssh_public(material: &Material, comment: &str) -> Option<String> {
    match material {
        Material::Handle(key) => key.export(Export::OpenSshPublic, comment),
        #[cfg(not(feature = "split"))]
        held => super::openssh::public_line(held, comment),
        #[cfg(feature = "split")]
        Material::Secret(_) => None,
    }
}

/// The private key as an unencrypted OpenSSH private key file, as `ssh-keygen -N ""` writes one
/// (comment `jwt_key`); `None` without a private half or for an X25519 key.
pub fn openssh_private(material: &Material) -> Option<String> {
    match material {
        Material::Handle(key) => key.export(Export::OpenSshPrivate, ""),
        #[cfg(not(feature = "split"))]
        held => super::openssh::private_file(held, "jwt_key", "", &[]),
        #[cfg(feature = "split")]
        Material::Secret(_) => None,
    }
}

/// The private key as an OpenSSH private key file encrypted with `passphrase` as `ssh-keygen`
/// does it (aes256-ctr, bcrypt-pbkdf, 16 rounds); `random` (20 bytes from a CSPRNG) gives its
/// salt and check number. `None` without a private half, an empty passphrase or too few bytes.
#[cfg(not(feature = "split"))]
pub fn openssh_private_locked(
    material: &Material,
    comment: &str,
    passphrase: &str,
    random: &[u8],
) -> Option<String> {
    if passphrase.is_empty() || random.len() < 20 {
        return None;
    }
    super::openssh::private_file(material, comment, passphrase, random)
}

/// [`openssh_private_locked`] (comment `jwt_key`) with its salt and check number drawn from the
/// system's CSPRNG; `Err` says why there is no such file.
#[cfg(not(feature = "split"))]
pub fn openssh_private_locked_now(material: &Material, passphrase: &str) -> Result<String, String> {
    let mut random = [0u8; 20];
    getrandom::fill(&mut random).map_err(|_| "no random numbers".to_string())?;
    openssh_private_locked(material, "jwt_key", passphrase, &random)
        .ok_or_else(|| "this key has no OpenSSH private key file".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc7638_thumbprint_example() {
        // RFC 7638 §3.1: the example RSA key and its thumbprint.
        let n = crate::jwt::base64url::decode("0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw").unwrap();
        let public = rsa::PublicKey::new(
            rsa::BoxedUint::from_be_slice_vartime(&n),
            rsa::BoxedUint::from_be_slice_vartime(&[1, 0, 1]),
        )
        .unwrap();
        let material = Material::Rsa {
            public,
            private: None,
        };
        assert_eq!(
            thumbprint(&material),
            "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
        );
    }
}
