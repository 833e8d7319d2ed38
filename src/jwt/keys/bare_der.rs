//! Keys as bare DER: pasted as base64 without PEM lines (the way Keycloak and several consoles
//! show a public key), recognised so that it is read as the key it is and never taken for an HMAC
//! secret (which would let a token forged with the public key's bytes verify); and loaded from a
//! binary file (`.der`, `.cer`, `.crt`), put in the key box as the PEM it would be.

use super::der;
use super::secret::{self, SecretEncoding};

/// The DER of the key algorithm OIDs a SubjectPublicKeyInfo or PKCS #8 key names:
/// rsaEncryption (RFC 8017), id-ecPublicKey (RFC 5480), Ed25519 and X25519 (RFC 8410).
const ALGORITHM_OIDS: [&[u8]; 4] = [
    &[
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01,
    ],
    &[0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01],
    &[0x06, 0x03, 0x2b, 0x65, 0x70],
    &[0x06, 0x03, 0x2b, 0x65, 0x6e],
];

/// The text as PEM when it is, in base64, exactly one DER SubjectPublicKeyInfo (`PUBLIC KEY`)
/// or PKCS #8 key (`PRIVATE KEY`) of a known algorithm; `None` for anything else, so a secret
/// that merely happens to be base64 stays a secret.
pub fn as_pem(text: &str) -> Option<String> {
    let compact: String = text.split_whitespace().collect();
    // A DER SEQUENCE (0x30) starts with 'M' in base64: most secrets stop here, undecoded.
    if !compact.starts_with('M') {
        return None;
    }
    let bytes = secret::decode(&compact, SecretEncoding::Base64).ok()?;
    let outer = whole_sequence(&bytes)?;
    let label = match bytes.get(outer.content_start)? {
        0x30 => "PUBLIC KEY",
        0x02 => "PRIVATE KEY",
        _ => return None,
    };
    let head = &bytes[..bytes.len().min(48)];
    if !ALGORITHM_OIDS
        .iter()
        .any(|oid| head.windows(oid.len()).any(|w| w == *oid))
    {
        return None;
    }
    Some(one_line_pem(label, &compact))
}

/// The DER element at the start of `bytes` when it is one SEQUENCE, the whole of the bytes.
fn whole_sequence(bytes: &[u8]) -> Option<der::Tlv> {
    der::read(bytes, 0).filter(|t| t.tag == der::SEQUENCE && t.end == bytes.len())
}

/// A PEM block with one line of base64 between the armour: the PEM readers take lines of any
/// length.
fn one_line_pem(label: &str, base64: &str) -> String {
    format!("-----BEGIN {label}-----\n{base64}\n-----END {label}-----\n")
}

/// A key file's bytes as key box text: the text of a text file, or a binary DER file as PEM
/// labelled by its shape. `None` for a binary file that is not one DER element. The label is
/// told from the first elements' tags only (the page carries no DER crate); the key readers then
/// read the PEM with RustCrypto's parsers and name any mismatch.
pub fn file_as_text(bytes: &[u8]) -> Option<String> {
    if let Ok(text) = std::str::from_utf8(bytes)
        && !text.contains('\0')
    {
        return Some(text.to_string());
    }
    let label = der_label(bytes)?;
    Some(one_line_pem(
        label,
        &crate::jwt::base64url::encode_standard(bytes),
    ))
}

/// The PEM label of one DER element by the tags of its first two members: a certificate
/// (RFC 5280), SubjectPublicKeyInfo, encrypted or plain PKCS #8, SEC1, or PKCS #1.
fn der_label(bytes: &[u8]) -> Option<&'static str> {
    const INTEGER: u8 = 0x02;
    const BIT_STRING: u8 = 0x03;
    const OCTET_STRING: u8 = 0x04;
    let outer = whole_sequence(bytes)?;
    let first = der::read(bytes, outer.content_start)?;
    let second = der::read(bytes, first.end)?;
    let third = der::read(bytes, second.end);
    Some(match (first.tag, second.tag) {
        (der::SEQUENCE, der::SEQUENCE) => "CERTIFICATE",
        (der::SEQUENCE, BIT_STRING) => "PUBLIC KEY",
        (der::SEQUENCE, OCTET_STRING) => "ENCRYPTED PRIVATE KEY",
        (INTEGER, der::SEQUENCE) => "PRIVATE KEY",
        (INTEGER, OCTET_STRING) => "EC PRIVATE KEY",
        (INTEGER, INTEGER) if third.is_none() => "RSA PUBLIC KEY",
        (INTEGER, INTEGER) => "RSA PRIVATE KEY",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each PEM test key as the binary file `openssl … -outform DER` writes: read back as the
    /// same PEM block.
    #[test]
    fn binary_der_files_become_the_pem_they_were() {
        for name in [
            "rsa2048.cert.pem",
            "rsa2048.spki.pem",
            "rsa2048.pkcs1.pem",
            "rsa2048.pkcs1.pub.pem",
            "rsa2048.pkcs8.pem",
            "p256.sec1.pem",
            "p384.pkcs8.pem",
            "ed25519.spki.pem",
            "p256.pkcs8.encrypted.pem",
        ] {
            let path = format!("{}/tests/vectors/keys/{name}", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(path).unwrap();
            // The last block: `openssl ecparam -genkey` writes EC PARAMETERS first.
            let block = pem::parse_many(&text).unwrap().pop().unwrap();
            let again = file_as_text(block.contents()).unwrap();
            let back = pem::parse(&again).unwrap();
            assert_eq!(back.tag(), block.tag(), "{name}");
            assert_eq!(back.contents(), block.contents(), "{name}");
        }
        // A text file stays as it is; a binary file that is not DER is refused.
        assert_eq!(
            file_as_text(b"ssh-ed25519 AAAA c").as_deref(),
            Some("ssh-ed25519 AAAA c")
        );
        assert_eq!(file_as_text(&[0xff, 0x00, 0x12]), None);
        assert_eq!(file_as_text(&[0x30, 0x03, 0x05, 0x00, 0x00, 0x00]), None);
    }
}
