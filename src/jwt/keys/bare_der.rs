//! A key pasted as bare base64 DER, without its PEM lines (the way Keycloak and several consoles
//! show a public key): recognised, so it is read as the key it is and never taken for an HMAC
//! secret, which would let a token forged with the public key's bytes verify.

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
    // One SEQUENCE, the whole of the bytes.
    let outer = der::read(&bytes, 0).filter(|t| t.tag == der::SEQUENCE && t.end == bytes.len())?;
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
    // One line of base64 between the armour: the PEM readers take lines of any length.
    Some(format!(
        "-----BEGIN {label}-----\n{compact}\n-----END {label}-----\n"
    ))
}
