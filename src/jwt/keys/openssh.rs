//! OpenSSH keys exactly as `ssh-keygen` writes them: `ssh-rsa AAAA… comment` public lines and
//! unencrypted `-----BEGIN OPENSSH PRIVATE KEY-----` files.

use rsa::BoxedUint;
use ssh_key::EcdsaCurve;
use ssh_key::private::KeypairData;
use ssh_key::public::KeyData;

use super::{Format, Key, KeyError, Material, pem_der};
use crate::jwt::algorithm::Curve;

const PUBLIC_PREFIXES: [&str; 5] = [
    "ssh-rsa ",
    "ssh-ed25519 ",
    "ecdsa-sha2-nistp256 ",
    "ecdsa-sha2-nistp384 ",
    "ecdsa-sha2-nistp521 ",
];

/// Whether the text starts like an OpenSSH public key line (any key type).
pub fn looks_like_public(text: &str) -> bool {
    PUBLIC_PREFIXES.iter().any(|p| text.starts_with(p))
        || text.starts_with("ssh-dss ")
        || text.starts_with("sk-")
        || text.starts_with("ssh-ed448 ")
}

fn curve(ssh: EcdsaCurve) -> Curve {
    match ssh {
        EcdsaCurve::NistP256 => Curve::P256,
        EcdsaCurve::NistP384 => Curve::P384,
        EcdsaCurve::NistP521 => Curve::P521,
    }
}

fn mpint(value: &ssh_key::Mpint) -> Result<BoxedUint, KeyError> {
    value
        .as_positive_bytes()
        .map(BoxedUint::from_be_slice_vartime)
        .ok_or_else(|| KeyError::OpenSsh("a negative RSA component".into()))
}

fn rsa_public(key: &ssh_key::public::RsaPublicKey) -> Result<rsa::PublicKey, KeyError> {
    let (n, e) = (mpint(key.n())?, mpint(key.e())?);
    let bits = n.bit_width_vartime() as usize;
    rsa::PublicKey::new(n, e).map_err(|err| {
        if bits < super::MIN_RSA_BITS {
            KeyError::RsaTooSmall { bits }
        } else {
            KeyError::OpenSsh(format!("not a valid RSA key ({err})"))
        }
    })
}

/// A public key line, e.g. the contents of `jwt_key.pub`.
pub fn parse_public(text: &str) -> Result<Key, KeyError> {
    // One key per paste: an authorized_keys file's first line is taken.
    let line = text.lines().next().unwrap_or("").trim();
    let key = ssh_key::PublicKey::from_openssh(line)
        .map_err(|e| KeyError::OpenSsh(format!("the public key line does not parse ({e})")))?;
    let material = match key.key_data() {
        KeyData::Rsa(rsa) => {
            return pem_der::rsa_key(rsa_public(rsa)?, None, Format::OpenSshPublic);
        }
        KeyData::Ecdsa(ec) => pem_der::ec_public(curve(ec.curve()), ec.as_sec1_bytes())?,
        KeyData::Ed25519(ed) => {
            ed25519_dalek::VerifyingKey::from_bytes(&ed.0)
                .map_err(|_| KeyError::OpenSsh("not a valid Ed25519 public key".into()))?;
            Material::Ed25519 {
                public: ed.0,
                seed: None,
            }
        }
        other => {
            return Err(KeyError::Unsupported(format!(
                "SSH key type {}",
                other.algorithm()
            )));
        }
    };
    Ok(Key::new(material, Format::OpenSshPublic))
}

/// A private key file, e.g. the contents of `jwt_key`.
pub fn parse_private(text: &str) -> Result<Key, KeyError> {
    let key = ssh_key::PrivateKey::from_openssh(text)
        .map_err(|e| KeyError::OpenSsh(format!("the private key file does not parse ({e})")))?;
    if key.is_encrypted() {
        return Err(KeyError::Encrypted(
            "remove the passphrase on a copy first (`ssh-keygen -p -N \"\" -f copy_of_key`), or make the key with `ssh-keygen -N \"\"`",
        ));
    }
    let material = match key.key_data() {
        KeypairData::Rsa(pair) => {
            let public = rsa_public(pair.public())?;
            let private = rsa::PrivateKey::from_components(
                mpint(pair.public().n())?,
                mpint(pair.public().e())?,
                mpint(pair.private().d())?,
                vec![mpint(pair.private().p())?, mpint(pair.private().q())?],
            )
            .map_err(|e| KeyError::OpenSsh(format!("the RSA private key is inconsistent ({e})")))?;
            return pem_der::rsa_key(public, Some(private), Format::OpenSshPrivate);
        }
        KeypairData::Ecdsa(pair) => {
            pem_der::ec_private(curve(pair.curve()), pair.private_key_bytes())?
        }
        KeypairData::Ed25519(pair) => {
            let seed = pair.private.to_bytes();
            Material::ed25519_private(seed)
        }
        other => {
            let name = other
                .algorithm()
                .map(|a| a.to_string())
                .unwrap_or_else(|_| "unknown".into());
            return Err(KeyError::Unsupported(format!("SSH key type {name}")));
        }
    };
    Ok(Key::new(material, Format::OpenSshPrivate))
}
