//! Content encryption (RFC 7518 §5): AES-GCM, and AES-CBC with HMAC-SHA2 (§5.2, composed here
//! from the `aes`, `cbc` and `hmac` crates since no maintained crate offers the composition).

use aes::{Aes128, Aes192, Aes256};
use aes_gcm::aead::AeadInOut;
use aes_gcm::aead::consts::U12;
use aes_gcm::{AesGcm, KeyInit};
use cbc::cipher::BlockModeDecrypt;
use cbc::cipher::BlockModeEncrypt;
use cbc::cipher::KeyIvInit;
use cbc::cipher::block_padding::Pkcs7;
use hmac::{Hmac, Mac};
use sha2::{Sha256, Sha384, Sha512};

use super::JweError;

/// The length in bytes of the content encryption key `enc` needs.
pub fn cek_len(enc: &str) -> Option<usize> {
    Some(match enc {
        "A128GCM" => 16,
        "A192GCM" => 24,
        "A256GCM" => 32,
        "A128CBC-HS256" => 32,
        "A192CBC-HS384" => 48,
        "A256CBC-HS512" => 64,
        _ => return None,
    })
}

/// Decrypts and authenticates the content. `aad` is the protected header as it stands in the
/// token (its base64url text); every failure of the tag is the same [`JweError::Failed`].
pub fn decrypt(
    enc: &str,
    cek: &[u8],
    iv: &[u8],
    aad: &[u8],
    ciphertext: &[u8],
    tag: &[u8],
) -> Result<Vec<u8>, JweError> {
    if cek_len(enc) != Some(cek.len()) {
        return Err(JweError::Failed);
    }
    match enc {
        "A128GCM" => gcm::<Aes128>(cek, iv, aad, ciphertext, tag),
        "A192GCM" => gcm::<Aes192>(cek, iv, aad, ciphertext, tag),
        "A256GCM" => gcm::<Aes256>(cek, iv, aad, ciphertext, tag),
        "A128CBC-HS256" => cbc_hs::<Aes128, Hmac<Sha256>>(cek, iv, aad, ciphertext, tag),
        "A192CBC-HS384" => cbc_hs::<Aes192, Hmac<Sha384>>(cek, iv, aad, ciphertext, tag),
        "A256CBC-HS512" => cbc_hs::<Aes256, Hmac<Sha512>>(cek, iv, aad, ciphertext, tag),
        other => Err(JweError::Unsupported(format!("enc \"{other}\""))),
    }
}

/// The IV length `enc` uses: 96 bits for AES-GCM, 128 for AES-CBC.
pub fn iv_len(enc: &str) -> usize {
    if enc.ends_with("GCM") { 12 } else { 16 }
}

/// Encrypts and authenticates `plaintext`: the ciphertext and the tag.
pub fn encrypt(
    enc: &str,
    cek: &[u8],
    iv: &[u8],
    aad: &[u8],
    plaintext: &[u8],
) -> Result<(Vec<u8>, Vec<u8>), JweError> {
    if cek_len(enc) != Some(cek.len()) || iv.len() != iv_len(enc) {
        return Err(JweError::Key(
            "the content key or IV has the wrong length".into(),
        ));
    }
    match enc {
        "A128GCM" => gcm_seal::<Aes128>(cek, iv, aad, plaintext),
        "A192GCM" => gcm_seal::<Aes192>(cek, iv, aad, plaintext),
        "A256GCM" => gcm_seal::<Aes256>(cek, iv, aad, plaintext),
        "A128CBC-HS256" => Ok(cbc_hs_seal::<Aes128, Hmac<Sha256>>(cek, iv, aad, plaintext)),
        "A192CBC-HS384" => Ok(cbc_hs_seal::<Aes192, Hmac<Sha384>>(cek, iv, aad, plaintext)),
        "A256CBC-HS512" => Ok(cbc_hs_seal::<Aes256, Hmac<Sha512>>(cek, iv, aad, plaintext)),
        other => Err(JweError::Unsupported(format!("enc \"{other}\""))),
    }
}

/// AES-GCM's 96-bit IV, as the cipher takes it.
type GcmNonce<C> = aes_gcm::aead::Nonce<AesGcm<C, U12>>;

/// An AES-GCM cipher for `key` and the 96-bit IV RFC 7518 §5.3 requires.
fn gcm_cipher<'a, C>(
    key: &[u8],
    iv: &'a [u8],
) -> Result<(AesGcm<C, U12>, &'a GcmNonce<C>), JweError>
where
    AesGcm<C, U12>: KeyInit + AeadInOut,
{
    let cipher = AesGcm::<C, U12>::new_from_slice(key).map_err(|_| JweError::Failed)?;
    let iv = iv
        .try_into()
        .map_err(|_| JweError::Malformed("the IV is not 96 bits".into()))?;
    Ok((cipher, iv))
}

/// AES-GCM sealing: the ciphertext and its 128-bit tag.
pub fn gcm_seal<C>(
    key: &[u8],
    iv: &[u8],
    aad: &[u8],
    plaintext: &[u8],
) -> Result<(Vec<u8>, Vec<u8>), JweError>
where
    AesGcm<C, U12>: KeyInit + AeadInOut,
{
    let (cipher, iv) = gcm_cipher::<C>(key, iv)?;
    let mut buffer = plaintext.to_vec();
    let tag = cipher
        .encrypt_inout_detached(iv, aad, buffer.as_mut_slice().into())
        .map_err(|_| JweError::TooLarge)?;
    Ok((buffer, tag.to_vec()))
}

fn cbc_hs_seal<C, M>(key: &[u8], iv: &[u8], aad: &[u8], plaintext: &[u8]) -> (Vec<u8>, Vec<u8>)
where
    cbc::Encryptor<C>: KeyIvInit + BlockModeEncrypt,
    C: cbc::cipher::BlockCipherEncrypt,
    M: Mac + KeyInit,
{
    let (mac_key, enc_key) = key.split_at(key.len() / 2);
    // The lengths were checked by the caller: these cannot fail.
    let ciphertext = match cbc::Encryptor::<C>::new_from_slices(enc_key, iv) {
        Ok(encryptor) => encryptor.encrypt_padded_vec::<Pkcs7>(plaintext),
        Err(_) => Vec::new(),
    };
    let tag = match <M as KeyInit>::new_from_slice(mac_key) {
        Ok(mut mac) => {
            mac.update(aad);
            mac.update(iv);
            mac.update(&ciphertext);
            mac.update(&((aad.len() as u64) * 8).to_be_bytes());
            let full = mac.finalize().into_bytes();
            full[..mac_key.len()].to_vec()
        }
        Err(_) => Vec::new(),
    };
    (ciphertext, tag)
}

/// AES-GCM with a 96-bit IV and a 128-bit tag, the only sizes RFC 7518 §5.3 allows.
pub fn gcm<C>(
    key: &[u8],
    iv: &[u8],
    aad: &[u8],
    ciphertext: &[u8],
    tag: &[u8],
) -> Result<Vec<u8>, JweError>
where
    AesGcm<C, U12>: KeyInit + AeadInOut,
{
    let (cipher, iv) = gcm_cipher::<C>(key, iv)?;
    let tag = tag
        .try_into()
        .map_err(|_| JweError::Malformed("the authentication tag is not 128 bits".into()))?;
    let mut buffer = ciphertext.to_vec();
    cipher
        .decrypt_inout_detached(iv, aad, buffer.as_mut_slice().into(), tag)
        .map_err(|_| JweError::Failed)?;
    Ok(buffer)
}

/// AES-CBC with HMAC-SHA2 (RFC 7518 §5.2.2.2): the first half of the key authenticates
/// `aad ‖ iv ‖ ciphertext ‖ AL` (AL = the bit length of `aad`, 64-bit big-endian), the tag is
/// the MAC's first half, compared in constant time before anything is decrypted.
fn cbc_hs<C, M>(
    key: &[u8],
    iv: &[u8],
    aad: &[u8],
    ciphertext: &[u8],
    tag: &[u8],
) -> Result<Vec<u8>, JweError>
where
    cbc::Decryptor<C>: KeyIvInit + BlockModeDecrypt,
    C: cbc::cipher::BlockCipherDecrypt,
    M: Mac + KeyInit,
{
    let (mac_key, enc_key) = key.split_at(key.len() / 2);
    if tag.len() != mac_key.len() {
        return Err(JweError::Failed);
    }
    let mut mac = <M as KeyInit>::new_from_slice(mac_key).map_err(|_| JweError::Failed)?;
    mac.update(aad);
    mac.update(iv);
    mac.update(ciphertext);
    mac.update(&((aad.len() as u64) * 8).to_be_bytes());
    mac.verify_truncated_left(tag)
        .map_err(|_| JweError::Failed)?;
    let decryptor = cbc::Decryptor::<C>::new_from_slices(enc_key, iv)
        .map_err(|_| JweError::Malformed("the IV is not 128 bits".into()))?;
    decryptor
        .decrypt_padded_vec::<Pkcs7>(ciphertext)
        .map_err(|_| JweError::Failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(text: &str) -> Vec<u8> {
        let digits: Vec<u8> = text.bytes().filter(u8::is_ascii_hexdigit).collect();
        digits
            .chunks(2)
            .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).unwrap(), 16).unwrap())
            .collect()
    }

    /// RFC 7518 Appendix B.1: AES_128_CBC_HMAC_SHA_256, its key, plaintext, IV, associated data
    /// and authentication tag (which covers the ciphertext, so a match checks both).
    #[test]
    fn rfc_7518_appendix_b1() {
        let key: Vec<u8> = (0u8..32).collect();
        let plaintext = b"A cipher system must not be required to be secret, and it must be able to fall into the hands of the enemy without inconvenience";
        let iv = hex("1a f3 8c 2d c2 b9 6f fd d8 66 94 09 23 41 bc 04");
        let aad = b"The second principle of Auguste Kerckhoffs";
        let (ciphertext, tag) = encrypt("A128CBC-HS256", &key, &iv, aad, plaintext).unwrap();
        assert_eq!(tag, hex("65 2c 3f a3 6b 0a 7c 5b 32 19 fa b3 a3 0b c1 c4"));
        assert_eq!(ciphertext.len(), 144);
        assert_eq!(
            decrypt("A128CBC-HS256", &key, &iv, aad, &ciphertext, &tag).unwrap(),
            plaintext
        );
        // The tag compared in full: its last byte changed fails.
        let mut bad = tag.clone();
        bad[15] ^= 1;
        assert_eq!(
            decrypt("A128CBC-HS256", &key, &iv, aad, &ciphertext, &bad),
            Err(JweError::Failed)
        );
    }
}
