//! OpenSSH keys exactly as `ssh-keygen` writes them: `ssh-rsa AAAA… comment` public lines and
//! unencrypted `-----BEGIN OPENSSH PRIVATE KEY-----` files (the layout of OpenSSH's PROTOCOL.key),
//! read field by field with [`ssh_wire`](super::ssh_wire), and public key lines written back.

use rsa::BoxedUint;

use super::error::{KeyError, MIN_RSA_BITS};
use super::key::{self, Format, Key, Material};
use super::pem_der;
use super::ssh_wire::{Reader, Writer, base64_decode, base64_encode};
use crate::jwt::algorithm::Curve;

/// What every private key file starts with, before its fields.
const PRIVATE_MAGIC: &[u8] = b"openssh-key-v1\0";

/// The curve of an `ecdsa-sha2-…` key type or its `nistp…` curve field.
fn curve(name: &str) -> Option<Curve> {
    Some(match name.trim_start_matches("ecdsa-sha2-") {
        "nistp256" => Curve::P256,
        "nistp384" => Curve::P384,
        "nistp521" => Curve::P521,
        _ => return None,
    })
}

fn ssh_curve_name(curve: Curve) -> &'static str {
    match curve {
        Curve::P256 => "nistp256",
        Curve::P384 => "nistp384",
        Curve::P521 => "nistp521",
    }
}

fn rsa_public(n: &[u8], e: &[u8]) -> Result<rsa::PublicKey, KeyError> {
    let n = BoxedUint::from_be_slice_vartime(n);
    let bits = n.bit_width_vartime() as usize;
    rsa::PublicKey::new(n, BoxedUint::from_be_slice_vartime(e)).map_err(|err| {
        if bits < MIN_RSA_BITS {
            KeyError::RsaTooSmall { bits }
        } else {
            KeyError::OpenSsh(format!("not a valid RSA key ({err})"))
        }
    })
}

fn ed25519_public(bytes: &[u8]) -> Result<[u8; 32], KeyError> {
    let public: [u8; 32] = bytes
        .try_into()
        .map_err(|_| KeyError::OpenSsh("an Ed25519 public key must be 32 bytes".into()))?;
    ed25519_dalek::VerifyingKey::from_bytes(&public)
        .map_err(|_| KeyError::OpenSsh("not a valid Ed25519 public key".into()))?;
    Ok(public)
}

fn unsupported(key_type: &str) -> KeyError {
    KeyError::Unsupported(format!("SSH key type {key_type}"))
}

/// A public key line, e.g. the contents of `jwt_key.pub`.
pub fn parse_public(text: &str) -> Result<Key, KeyError> {
    // One key per paste: an authorized_keys file's first line is taken.
    let line = text.lines().next().unwrap_or("").trim();
    let mut words = line.split_whitespace();
    let (Some(key_type), Some(body)) = (words.next(), words.next()) else {
        return Err(KeyError::OpenSsh(
            "the public key line needs a key type and the base64 key".into(),
        ));
    };
    let blob = base64_decode(body).ok_or_else(|| {
        KeyError::OpenSsh("the public key line does not parse (invalid base64)".into())
    })?;
    let broken = |e: String| KeyError::OpenSsh(format!("the public key line does not parse ({e})"));
    let mut fields = Reader::new(&blob);
    let inner_type = fields.text("key type").map_err(broken)?;
    if inner_type != key_type {
        return Err(broken(format!(
            "the line says {key_type} but the key inside is {inner_type}"
        )));
    }
    let key = match key_type {
        "ssh-rsa" => {
            let e = fields.mpint("RSA exponent").map_err(broken)?;
            let n = fields.mpint("RSA modulus").map_err(broken)?;
            pem_der::rsa_key(rsa_public(n, e)?, None, Format::OpenSshPublic)?
        }
        "ssh-ed25519" => Key::new(
            Material::Ed25519 {
                public: ed25519_public(fields.string("Ed25519 key").map_err(broken)?)?,
                seed: None,
            },
            Format::OpenSshPublic,
        ),
        _ => match curve(key_type) {
            Some(c) => {
                let named = fields.text("curve name").map_err(broken)?;
                if curve(named) != Some(c) {
                    return Err(broken(format!("{key_type} with curve {named}")));
                }
                let point = fields.string("EC point").map_err(broken)?;
                Key::new(pem_der::ec_public(c, point)?, Format::OpenSshPublic)
            }
            None => return Err(unsupported(key_type)),
        },
    };
    if !fields.rest().is_empty() {
        return Err(broken("bytes after the key".into()));
    }
    Ok(key)
}

/// A private key file, e.g. the contents of `jwt_key`.
pub fn parse_private(text: &str) -> Result<Key, KeyError> {
    let broken =
        |e: String| KeyError::OpenSsh(format!("the private key file does not parse ({e})"));
    let block = pem::parse(text.trim()).map_err(|e| broken(e.to_string()))?;
    let mut file = Reader::new(block.contents());
    if file.bytes(PRIVATE_MAGIC.len(), "header").map_err(broken)? != PRIVATE_MAGIC {
        return Err(broken("it does not start with openssh-key-v1".into()));
    }
    let cipher = file.text("cipher name").map_err(broken)?;
    if cipher != "none" {
        return Err(KeyError::Encrypted(
            "remove the passphrase on a copy first (`ssh-keygen -p -N \"\" -f copy_of_key`), or make the key with `ssh-keygen -N \"\"`",
        ));
    }
    let _kdf = file.text("KDF name").map_err(broken)?;
    let _kdf_options = file.string("KDF options").map_err(broken)?;
    if file.u32("key count").map_err(broken)? != 1 {
        return Err(broken("paste a file with exactly one key".into()));
    }
    let _public = file.string("public key").map_err(broken)?;
    let mut private = Reader::new(file.string("private section").map_err(broken)?);
    // Two equal check numbers: unequal ones mean a wrong passphrase, or a damaged file.
    if private.u32("check").map_err(broken)? != private.u32("check").map_err(broken)? {
        return Err(broken(
            "its check numbers differ: the file is damaged".into(),
        ));
    }
    let key_type = private.text("key type").map_err(broken)?;
    let material = match key_type {
        "ssh-rsa" => {
            let mut next = |what| private.mpint(what).map_err(broken);
            let (n, e, d) = (next("RSA modulus")?, next("RSA exponent")?, next("RSA d")?);
            let (_iqmp, p, q) = (next("RSA iqmp")?, next("RSA p")?, next("RSA q")?);
            let public = rsa_public(n, e)?;
            let number = BoxedUint::from_be_slice_vartime;
            let private = rsa::PrivateKey::from_components(
                number(n),
                number(e),
                number(d),
                vec![number(p), number(q)],
            )
            .map_err(|e| KeyError::OpenSsh(format!("the RSA private key is inconsistent ({e})")))?;
            return pem_der::rsa_key(public, Some(private), Format::OpenSshPrivate);
        }
        "ssh-ed25519" => {
            let public = ed25519_public(private.string("Ed25519 key").map_err(broken)?)?;
            // 64 bytes: the 32-byte seed, then the public key again.
            let both = private.string("Ed25519 private key").map_err(broken)?;
            let (Some(seed), Some(again)) = (both.get(..32), both.get(32..)) else {
                return Err(broken("the Ed25519 private key must be 64 bytes".into()));
            };
            let material = Material::ed25519_private(seed.try_into().unwrap_or([0; 32]));
            let derived = matches!(&material, Material::Ed25519 { public: p, .. } if *p == public);
            if again != public.as_slice() || !derived {
                return Err(KeyError::OpenSsh(
                    "the Ed25519 private key does not match its public key".into(),
                ));
            }
            material
        }
        _ => match curve(key_type) {
            Some(c) => {
                let _named = private.text("curve name").map_err(broken)?;
                let _point = private.string("EC point").map_err(broken)?;
                let d = private.mpint("EC private scalar").map_err(broken)?;
                if d.len() > c.field_bytes() {
                    return Err(broken(format!(
                        "an {} scalar longer than the curve",
                        c.name()
                    )));
                }
                let mut scalar = vec![0u8; c.field_bytes() - d.len()];
                scalar.extend_from_slice(d);
                pem_der::ec_private(c, &scalar)?
            }
            None => return Err(unsupported(key_type)),
        },
    };
    Ok(Key::new(material, Format::OpenSshPrivate))
}

/// The public key as an OpenSSH `authorized_keys` line; `None` for a secret.
pub fn public_line(material: &Material, comment: &str) -> Option<String> {
    let (key_type, blob) = match material {
        // OpenSSH has no X25519 keys.
        Material::Secret(_) | Material::Handle(_) | Material::X25519 { .. } => return None,
        Material::Rsa { public, .. } => {
            let (n, e) = key::rsa_n_e(public);
            let blob = Writer::default().string(b"ssh-rsa").mpint(&e).mpint(&n);
            ("ssh-rsa".to_string(), blob)
        }
        Material::Ec { curve, point, .. } => {
            let key_type = format!("ecdsa-sha2-{}", ssh_curve_name(*curve));
            let blob = Writer::default()
                .string(key_type.as_bytes())
                .string(ssh_curve_name(*curve).as_bytes())
                .string(point);
            (key_type, blob)
        }
        Material::Ed25519 { public, .. } => (
            "ssh-ed25519".to_string(),
            Writer::default().string(b"ssh-ed25519").string(public),
        ),
    };
    Some(format!(
        "{key_type} {} {comment}",
        base64_encode(&blob.finish())
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSA_PUB: &str = include_str!("../../../tests/vectors/keys/ssh_rsa.pub");
    const ED25519: &str = include_str!("../../../tests/vectors/keys/ssh_ed25519");

    fn error(result: Result<Key, KeyError>) -> String {
        result.err().map(|e| e.to_string()).unwrap_or_default()
    }

    #[test]
    fn a_line_whose_type_disagrees_with_its_key_is_refused() {
        let body = RSA_PUB.split_whitespace().nth(1).unwrap();
        let text = error(parse_public(&format!("ssh-ed25519 {body}")));
        assert!(
            text.contains("says ssh-ed25519 but the key inside is ssh-rsa"),
            "{text}"
        );
    }

    #[test]
    fn truncated_or_padded_blobs_are_refused() {
        let body = RSA_PUB.split_whitespace().nth(1).unwrap();
        let mut blob = base64_decode(body).unwrap();
        blob.push(0);
        let text = error(parse_public(&format!("ssh-rsa {}", base64_encode(&blob))));
        assert!(text.contains("bytes after the key"), "{text}");
        blob.truncate(blob.len() - 20);
        let text = error(parse_public(&format!("ssh-rsa {}", base64_encode(&blob))));
        assert!(text.contains("ends inside the RSA modulus"), "{text}");
    }

    #[test]
    fn a_damaged_private_file_is_named_so() {
        let block = pem::parse(ED25519.trim()).unwrap();
        let mut bytes = block.contents().to_vec();
        // The first check number sits right after the public key; flip a bit of it.
        let mut reader = Reader::new(&bytes);
        reader.bytes(PRIVATE_MAGIC.len(), "magic").unwrap();
        for _ in 0..3 {
            reader.string("field").unwrap();
        }
        reader.u32("count").unwrap();
        reader.string("public").unwrap();
        let at = bytes.len() - reader.rest().len() + 4;
        bytes[at] ^= 1;
        let damaged = pem::encode(&pem::Pem::new("OPENSSH PRIVATE KEY", bytes));
        let text = error(parse_private(&damaged));
        assert!(text.contains("check numbers differ"), "{text}");
        // The file as ssh-keygen wrote it reads back as the same key.
        assert!(parse_private(ED25519).is_ok());
    }

    #[test]
    fn every_truncation_and_byte_flip_is_an_error_or_a_key_never_a_panic() {
        let private = [
            include_str!("../../../tests/vectors/keys/ssh_rsa"),
            include_str!("../../../tests/vectors/keys/ssh_ecdsa521"),
            ED25519,
        ];
        for text in private {
            let bytes = pem::parse(text.trim()).unwrap().into_contents();
            for cut in 0..bytes.len() {
                let file = pem::encode(&pem::Pem::new("OPENSSH PRIVATE KEY", &bytes[..cut]));
                assert!(parse_private(&file).is_err(), "cut at {cut}");
            }
            for at in (0..bytes.len()).step_by(3) {
                let mut flipped = bytes.clone();
                flipped[at] ^= 0xa5;
                let file = pem::encode(&pem::Pem::new("OPENSSH PRIVATE KEY", flipped));
                let _ = parse_private(&file);
            }
        }
        let body = RSA_PUB.split_whitespace().nth(1).unwrap();
        let blob = base64_decode(body).unwrap();
        for cut in 0..blob.len() {
            let line = format!("ssh-rsa {}", base64_encode(&blob[..cut]));
            assert!(parse_public(&line).is_err(), "cut at {cut}");
        }
    }
}
