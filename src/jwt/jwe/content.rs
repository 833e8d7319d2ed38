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

use super::error::JweError;

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

    /// One test case of RFC 7518 Appendix B (B.1–B.3 share the plaintext, IV and associated
    /// data; the key is 0x00, 0x01, … of the enc's length): the ciphertext and tag the RFC prints
    /// come out of encryption, decryption gives the plaintext back, and a tag with its last byte
    /// changed is refused.
    fn appendix_b(enc: &str, key_len: u8, ciphertext: &str, tag: &str) {
        let key: Vec<u8> = (0..key_len).collect();
        let plaintext = b"A cipher system must not be required to be secret, and it must be able to fall into the hands of the enemy without inconvenience";
        let iv = hex("1a f3 8c 2d c2 b9 6f fd d8 66 94 09 23 41 bc 04");
        let aad = b"The second principle of Auguste Kerckhoffs";
        let (sealed, sealed_tag) = encrypt(enc, &key, &iv, aad, plaintext).unwrap();
        assert_eq!(sealed, hex(ciphertext), "{enc}: ciphertext");
        assert_eq!(sealed_tag, hex(tag), "{enc}: tag");
        assert_eq!(
            decrypt(enc, &key, &iv, aad, &sealed, &sealed_tag).unwrap(),
            plaintext
        );
        let mut bad = sealed_tag.clone();
        if let Some(last) = bad.last_mut() {
            *last ^= 1;
        }
        assert_eq!(
            decrypt(enc, &key, &iv, aad, &sealed, &bad),
            Err(JweError::Failed)
        );
    }

    /// RFC 7518 Appendix B.1: AES_128_CBC_HMAC_SHA_256.
    #[test]
    fn rfc_7518_appendix_b1() {
        appendix_b(
            "A128CBC-HS256",
            32,
            "c8 0e df a3 2d df 39 d5 ef 00 c0 b4 68 83 42 79
             a2 e4 6a 1b 80 49 f7 92 f7 6b fe 54 b9 03 a9 c9
             a9 4a c9 b4 7a d2 65 5c 5f 10 f9 ae f7 14 27 e2
             fc 6f 9b 3f 39 9a 22 14 89 f1 63 62 c7 03 23 36
             09 d4 5a c6 98 64 e3 32 1c f8 29 35 ac 40 96 c8
             6e 13 33 14 c5 40 19 e8 ca 79 80 df a4 b9 cf 1b
             38 4c 48 6f 3a 54 c5 10 78 15 8e e5 d7 9d e5 9f
             bd 34 d8 48 b3 d6 95 50 a6 76 46 34 44 27 ad e5
             4b 88 51 ff b5 98 f7 f8 00 74 b9 47 3c 82 e2 db",
            "65 2c 3f a3 6b 0a 7c 5b 32 19 fa b3 a3 0b c1 c4",
        );
    }

    /// RFC 7518 Appendix B.2: AES_192_CBC_HMAC_SHA_384.
    #[test]
    fn rfc_7518_appendix_b2() {
        appendix_b(
            "A192CBC-HS384",
            48,
            "ea 65 da 6b 59 e6 1e db 41 9b e6 2d 19 71 2a e5
             d3 03 ee b5 00 52 d0 df d6 69 7f 77 22 4c 8e db
             00 0d 27 9b dc 14 c1 07 26 54 bd 30 94 42 30 c6
             57 be d4 ca 0c 9f 4a 84 66 f2 2b 22 6d 17 46 21
             4b f8 cf c2 40 0a dd 9f 51 26 e4 79 66 3f c9 0b
             3b ed 78 7a 2f 0f fc bf 39 04 be 2a 64 1d 5c 21
             05 bf e5 91 ba e2 3b 1d 74 49 e5 32 ee f6 0a 9a
             c8 bb 6c 6b 01 d3 5d 49 78 7b cd 57 ef 48 49 27
             f2 80 ad c9 1a c0 c4 e7 9c 7b 11 ef c6 00 54 e3",
            "84 90 ac 0e 58 94 9b fe 51 87 5d 73 3f 93 ac 20
             75 16 80 39 cc c7 33 d7",
        );
    }

    /// RFC 7518 Appendix B.3: AES_256_CBC_HMAC_SHA_512.
    #[test]
    fn rfc_7518_appendix_b3() {
        appendix_b(
            "A256CBC-HS512",
            64,
            "4a ff aa ad b7 8c 31 c5 da 4b 1b 59 0d 10 ff bd
             3d d8 d5 d3 02 42 35 26 91 2d a0 37 ec bc c7 bd
             82 2c 30 1d d6 7c 37 3b cc b5 84 ad 3e 92 79 c2
             e6 d1 2a 13 74 b7 7f 07 75 53 df 82 94 10 44 6b
             36 eb d9 70 66 29 6a e6 42 7e a7 5c 2e 08 46 a1
             1a 09 cc f5 37 0d c8 0b fe cb ad 28 c7 3f 09 b3
             a3 b7 5e 66 2a 25 94 41 0a e4 96 b2 e2 e6 60 9e
             31 e6 e0 2c c8 37 f0 53 d2 1f 37 ff 4f 51 95 0b
             be 26 38 d0 9d d7 a4 93 09 30 80 6d 07 03 b1 f6",
            "4d d3 b4 c0 88 a7 f4 5c 21 68 39 64 5b 20 12 bf
             2e 62 69 a8 c5 6a 81 6d bc 1b 26 77 61 95 5b c5",
        );
    }
}
