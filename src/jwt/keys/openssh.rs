//! OpenSSH keys as `ssh-keygen` writes them, read and written with RustCrypto's `ssh-key`:
//! `ssh-rsa AAAA… comment` public lines and `-----BEGIN OPENSSH PRIVATE KEY-----` files, plain or
//! encrypted with a passphrase (bcrypt-pbkdf, then AES or ChaCha20-Poly1305).

use ssh_key::private::{EcdsaKeypair, Ed25519Keypair, KeypairData, RsaKeypair};
use ssh_key::public::{EcdsaPublicKey, Ed25519PublicKey, KeyData};
use ssh_key::{Cipher, Kdf, LineEnding, PrivateKey, PublicKey};

use super::error::{KeyError, MIN_RSA_BITS};
use super::key::{Format, Key, Material};
use super::pem_der;
use crate::jwt::algorithm::Curve;

/// The most bcrypt-pbkdf rounds a pasted file may ask for. `ssh-keygen` uses 16, and guides
/// often say `-a 100`; each round costs about 11 ms in the page's wasm here (BENCHMARKS.md,
/// "Passphrase work": 16 rounds 0.18 s, 128 rounds 1.4 s), so 128 admits those keys and refuses
/// a file asking for more before any work, instead of deriving for minutes.
pub const MAX_BCRYPT_ROUNDS: u32 = 128;

/// The rounds this page writes an encrypted file with: `ssh-keygen`'s own default.
const WRITE_ROUNDS: u32 = 16;

fn curve_of(key: &EcdsaPublicKey) -> Curve {
    match key {
        EcdsaPublicKey::NistP256(_) => Curve::P256,
        EcdsaPublicKey::NistP384(_) => Curve::P384,
        EcdsaPublicKey::NistP521(_) => Curve::P521,
    }
}

fn unsupported(data: &KeyData) -> KeyError {
    KeyError::Unsupported(format!("SSH key type {}", data.algorithm()))
}

fn rsa_public(key: &ssh_key::public::RsaPublicKey) -> Result<rsa::PublicKey, KeyError> {
    let bits = key.key_size() as usize;
    if bits < MIN_RSA_BITS {
        return Err(KeyError::RsaTooSmall { bits });
    }
    rsa::PublicKey::try_from(key)
        .map_err(|e| KeyError::OpenSsh(format!("not a valid RSA key ({e})")))
}

/// The key inside a public key line (its RSA size checked in [`rsa_public`]).
fn public_material(data: &KeyData) -> Result<Material, KeyError> {
    match data {
        KeyData::Rsa(key) => Ok(Material::Rsa {
            public: rsa_public(key)?,
            private: None,
        }),
        KeyData::Ecdsa(key) => pem_der::ec_public(curve_of(key), key.as_sec1_bytes()),
        KeyData::Ed25519(key) => {
            ed25519_dalek::VerifyingKey::from_bytes(&key.0)
                .map_err(|_| KeyError::OpenSsh("not a valid Ed25519 public key".into()))?;
            Ok(Material::Ed25519 {
                public: key.0,
                seed: None,
            })
        }
        other => Err(unsupported(other)),
    }
}

/// A public key line, e.g. the contents of `jwt_key.pub`.
pub fn parse_public(text: &str) -> Result<Key, KeyError> {
    // One key per paste: an authorized_keys file's first line is taken.
    let line = text.lines().next().unwrap_or("").trim();
    let key = PublicKey::from_openssh(line).map_err(|e| {
        KeyError::OpenSsh(format!(
            "the public key line does not parse ({})",
            words(&e)
        ))
    })?;
    Ok(Key::new(
        public_material(key.key_data())?,
        Format::OpenSshPublic,
    ))
}

/// A private key file, e.g. the contents of `jwt_key`; `passphrase` opens an encrypted one.
pub fn parse_private(text: &str, passphrase: &str) -> Result<Key, KeyError> {
    let mut key = PrivateKey::from_openssh(text.trim()).map_err(|e| {
        KeyError::OpenSsh(format!(
            "the private key file does not parse ({})",
            words(&e)
        ))
    })?;
    if key.is_encrypted() {
        if passphrase.is_empty() {
            return Err(KeyError::NeedsPassphrase);
        }
        if let Kdf::Bcrypt { rounds, .. } = key.kdf()
            && *rounds > MAX_BCRYPT_ROUNDS
        {
            return Err(KeyError::TooMuchWork(format!(
                "it asks for {rounds} bcrypt-pbkdf rounds; up to {MAX_BCRYPT_ROUNDS} (about a second) are tried here. Re-encrypt a copy with fewer: `ssh-keygen -p -a 16 -f copy_of_key`"
            )));
        }
        key = key.decrypt(passphrase).map_err(|e| match e {
            // Unequal check numbers after decryption, or a failed authentication tag.
            ssh_key::Error::Crypto => KeyError::WrongPassphrase,
            other => KeyError::OpenSsh(format!(
                "the private key file does not parse ({})",
                words(&other)
            )),
        })?;
    }
    from_private(&key)
}

/// The key an opened (or plain) `ssh-key` private key holds, as an OpenSSH private key.
pub fn from_private(key: &PrivateKey) -> Result<Key, KeyError> {
    Ok(Key::new(
        private_material(key.key_data())?,
        Format::OpenSshPrivate,
    ))
}

fn private_material(data: &KeypairData) -> Result<Material, KeyError> {
    match data {
        KeypairData::Rsa(pair) => {
            let public = rsa_public(pair.public())?;
            let private = rsa::PrivateKey::try_from(pair).map_err(|e| {
                KeyError::OpenSsh(format!("the RSA private key is inconsistent ({e})"))
            })?;
            Ok(Material::Rsa {
                public,
                private: Some(Box::new(private)),
            })
        }
        KeypairData::Ecdsa(pair) => {
            let curve = match pair {
                EcdsaKeypair::NistP256 { .. } => Curve::P256,
                EcdsaKeypair::NistP384 { .. } => Curve::P384,
                EcdsaKeypair::NistP521 { .. } => Curve::P521,
            };
            let material = pem_der::ec_private(curve, pair.private_key_bytes())?;
            match &material {
                Material::Ec { point, .. } if point.as_slice() == pair.public_key_bytes() => {
                    Ok(material)
                }
                _ => Err(KeyError::OpenSsh(
                    "the EC private key does not match its public key".into(),
                )),
            }
        }
        KeypairData::Ed25519(pair) => {
            let material = Material::ed25519_private(pair.private.to_bytes());
            match &material {
                Material::Ed25519 { public, .. } if *public == pair.public.0 => Ok(material),
                _ => Err(KeyError::OpenSsh(
                    "the Ed25519 private key does not match its public key".into(),
                )),
            }
        }
        other => match KeyData::try_from(other) {
            Ok(public) => Err(unsupported(&public)),
            Err(_) => Err(KeyError::Unsupported("this SSH key type".into())),
        },
    }
}

/// `ssh-key`'s errors in the words this page uses.
fn words(error: &ssh_key::Error) -> String {
    match error {
        ssh_key::Error::AlgorithmUnknown => "a key type OpenSSH does not define".into(),
        ssh_key::Error::AlgorithmUnsupported { algorithm } => {
            format!("SSH key type {algorithm} is not read here")
        }
        ssh_key::Error::PublicKey => "its private key does not match its public key".into(),
        ssh_key::Error::Crypto => "it is damaged: its check numbers differ".into(),
        ssh_key::Error::TrailingData { .. } => "bytes after the key".into(),
        other => other.to_string(),
    }
}

/// The OpenSSH public key of held material; `None` for keys OpenSSH has no form for.
fn key_data(material: &Material) -> Option<KeyData> {
    Some(match material {
        // OpenSSH has no X25519 keys.
        Material::Secret(_) | Material::Handle(_) | Material::X25519 { .. } => return None,
        // Nor secp256k1 keys; its points would otherwise read as P-256 ones of the same length.
        Material::Ec {
            curve: Curve::Secp256k1,
            ..
        } => return None,
        Material::Rsa { public, .. } => {
            KeyData::Rsa(ssh_key::public::RsaPublicKey::try_from(public).ok()?)
        }
        Material::Ec { point, .. } => KeyData::Ecdsa(EcdsaPublicKey::from_sec1_bytes(point).ok()?),
        Material::Ed25519 { public, .. } => KeyData::Ed25519(Ed25519PublicKey(*public)),
    })
}

/// The public key as an OpenSSH `authorized_keys` line; `None` for a secret.
pub fn public_line(material: &Material, comment: &str) -> Option<String> {
    // Written without its comment, which is added here: ssh-key 0.7.0-rc.12 drops the space
    // before a comment.
    let line = PublicKey::new(key_data(material)?, "").to_openssh().ok()?;
    Some(format!("{line} {comment}").trim_end().to_string())
}

/// The private key as an OpenSSH private key file, as `ssh-keygen` writes one; with a
/// passphrase, encrypted as `ssh-keygen` does (aes256-ctr, bcrypt-pbkdf with 16 rounds), its
/// salt and check number taken from `random` (at least 20 bytes from a CSPRNG). `None` without
/// a private half, or for a key OpenSSH has no form for.
pub fn private_file(
    material: &Material,
    comment: &str,
    passphrase: &str,
    random: &[u8],
) -> Option<String> {
    let pair = match material {
        Material::Rsa {
            private: Some(key), ..
        } => KeypairData::Rsa(RsaKeypair::try_from(key.as_ref()).ok()?),
        Material::Ec {
            curve,
            point,
            scalar: Some(d),
        } => KeypairData::Ecdsa(
            match (EcdsaPublicKey::from_sec1_bytes(point).ok()?, curve) {
                (EcdsaPublicKey::NistP256(public), Curve::P256) => EcdsaKeypair::NistP256 {
                    public,
                    private: p256::SecretKey::from_slice(d).ok()?.into(),
                },
                (EcdsaPublicKey::NistP384(public), Curve::P384) => EcdsaKeypair::NistP384 {
                    public,
                    private: p384::SecretKey::from_slice(d).ok()?.into(),
                },
                (EcdsaPublicKey::NistP521(public), Curve::P521) => EcdsaKeypair::NistP521 {
                    public,
                    private: p521::SecretKey::from_slice(d).ok()?.into(),
                },
                _ => return None,
            },
        ),
        Material::Ed25519 {
            seed: Some(seed), ..
        } => KeypairData::Ed25519(Ed25519Keypair::from_seed(seed)),
        _ => return None,
    };
    let mut key = PrivateKey::new(pair, comment).ok()?;
    if !passphrase.is_empty() {
        let (salt, check) = (random.get(..16)?, random.get(16..20)?);
        let kdf = Kdf::Bcrypt {
            salt: salt.to_vec(),
            rounds: WRITE_ROUNDS,
        };
        let check = u32::from_be_bytes(check.try_into().ok()?);
        key = key
            .encrypt_with(Cipher::Aes256Ctr, kdf, check, passphrase)
            .ok()?;
    }
    key.to_openssh(LineEnding::LF)
        .ok()
        .map(|text| text.as_str().to_string())
}

#[cfg(test)]
mod tests {
    use super::super::export::jwk;
    use super::*;

    const RSA_PUB: &str = include_str!("../../../tests/vectors/keys/ssh_rsa.pub");
    const ED25519: &str = include_str!("../../../tests/vectors/keys/ssh_ed25519");
    const ENCRYPTED: &str = include_str!("../../../tests/vectors/keys/ssh_encrypted");

    fn error(result: Result<Key, KeyError>) -> String {
        result.err().map(|e| e.to_string()).unwrap_or_default()
    }

    fn standard(bytes: &[u8]) -> String {
        crate::jwt::base64url::encode_standard(bytes)
    }

    fn unstandard(text: &str) -> Vec<u8> {
        super::super::secret::decode(text, super::super::SecretEncoding::Base64).unwrap()
    }

    #[test]
    fn a_line_whose_type_disagrees_with_its_key_is_refused() {
        let body = RSA_PUB.split_whitespace().nth(1).unwrap();
        let text = error(parse_public(&format!("ssh-ed25519 {body}")));
        assert!(text.contains("does not parse"), "{text}");
        assert!(parse_public(RSA_PUB).is_ok());
    }

    #[test]
    fn truncated_or_padded_blobs_are_refused() {
        let body = RSA_PUB.split_whitespace().nth(1).unwrap();
        let mut blob = unstandard(body);
        blob.push(0);
        let text = error(parse_public(&format!("ssh-rsa {}", standard(&blob))));
        assert!(text.contains("does not parse"), "{text}");
        blob.truncate(blob.len() - 20);
        let text = error(parse_public(&format!("ssh-rsa {}", standard(&blob))));
        assert!(text.contains("does not parse"), "{text}");
    }

    #[test]
    fn an_encrypted_file_asks_for_its_passphrase_and_opens_with_it() {
        assert_eq!(
            parse_private(ENCRYPTED, "").err(),
            Some(KeyError::NeedsPassphrase)
        );
        assert_eq!(
            parse_private(ENCRYPTED, "not-the-passphrase").err(),
            Some(KeyError::WrongPassphrase)
        );
        let key = parse_private(ENCRYPTED, "secret-passphrase").unwrap();
        assert!(key.material.can_sign());
        // A plain file ignores a passphrase typed for it.
        assert!(parse_private(ED25519, "anything").is_ok());
    }

    #[test]
    fn a_file_asking_for_too_many_rounds_is_refused_before_any_work() {
        // The rounds are a plain u32 after the salt in the KDF options: raise them to 2^31.
        let block = pem::parse(ENCRYPTED.trim()).unwrap();
        let mut bytes = block.contents().to_vec();
        let salt_len = 16usize;
        // magic(15) + cipher string + kdf name string + options length(4) + salt length(4) + salt
        let cipher_len = u32::from_be_bytes(bytes[15..19].try_into().unwrap()) as usize;
        let kdf_at = 19 + cipher_len;
        let kdf_len = u32::from_be_bytes(bytes[kdf_at..kdf_at + 4].try_into().unwrap()) as usize;
        let rounds_at = kdf_at + 4 + kdf_len + 4 + 4 + salt_len;
        bytes[rounds_at..rounds_at + 4].copy_from_slice(&0x8000_0000u32.to_be_bytes());
        let hostile = pem::encode(&pem::Pem::new("OPENSSH PRIVATE KEY", bytes));
        let started = std::time::Instant::now();
        let text = error(parse_private(&hostile, "secret-passphrase"));
        assert!(text.contains("2147483648 bcrypt-pbkdf rounds"), "{text}");
        assert!(started.elapsed().as_secs() < 1);
    }

    #[test]
    fn written_files_read_back_plain_and_encrypted() {
        let key = parse_private(ED25519, "").unwrap();
        let random = [7u8; 20];
        let plain = private_file(&key.material, "me", "", &random).unwrap();
        assert!(plain.starts_with("-----BEGIN OPENSSH PRIVATE KEY-----"));
        let same = |other: &Key| jwk(&other.material, true) == jwk(&key.material, true);
        assert!(same(&parse_private(&plain, "").unwrap()));
        let locked = private_file(&key.material, "me", "pass word", &random).unwrap();
        assert!(super::super::locked::is_locked(&locked));
        assert_eq!(
            parse_private(&locked, "").err(),
            Some(KeyError::NeedsPassphrase)
        );
        assert!(same(&parse_private(&locked, "pass word").unwrap()));
        // A public key has no private file.
        let public = parse_public(include_str!("../../../tests/vectors/keys/ssh_ed25519.pub"));
        assert_eq!(
            private_file(&public.unwrap().material, "", "", &random),
            None
        );
    }

    #[test]
    fn every_truncation_and_byte_flip_is_an_error_or_a_key_never_a_panic() {
        let private = [
            include_str!("../../../tests/vectors/keys/ssh_rsa"),
            include_str!("../../../tests/vectors/keys/ssh_ecdsa521"),
            ED25519,
            ENCRYPTED,
        ];
        for text in private {
            let bytes = pem::parse(text.trim()).unwrap().into_contents();
            for cut in 0..bytes.len() {
                let file = pem::encode(&pem::Pem::new("OPENSSH PRIVATE KEY", &bytes[..cut]));
                assert!(parse_private(&file, "").is_err(), "cut at {cut}");
            }
            for at in (0..bytes.len()).step_by(3) {
                let mut flipped = bytes.clone();
                flipped[at] ^= 0xa5;
                let file = pem::encode(&pem::Pem::new("OPENSSH PRIVATE KEY", flipped));
                let _ = parse_private(&file, "");
            }
        }
        let body = RSA_PUB.split_whitespace().nth(1).unwrap();
        let blob = unstandard(body);
        for cut in 0..blob.len() {
            let line = format!("ssh-rsa {}", standard(&blob[..cut]));
            assert!(parse_public(&line).is_err(), "cut at {cut}");
        }
    }
}
