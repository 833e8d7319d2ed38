//! Why pasted key text cannot be used, in words that say what to do.

use std::fmt;

/// The smallest RSA modulus accepted at all; RFC 7518 §3.3 asks for 2048 bits and smaller ones
/// get a finding, but 1024-bit keys still exist in the wild and can be checked.
pub const MIN_RSA_BITS: usize = 1024;

/// Why pasted key text cannot be used. Messages say what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    /// PEM that is not well formed.
    Pem(String),
    /// A PEM label this tool does not read.
    UnsupportedPem(String),
    /// Encrypted key material this page cannot open: it must be decrypted first.
    Encrypted(&'static str),
    /// A key locked with a passphrase, and no passphrase given yet.
    NeedsPassphrase,
    /// The passphrase given does not open the key.
    WrongPassphrase,
    /// A locked key whose key derivation asks for more work than is done here: why, and how to
    /// make a copy that opens.
    TooMuchWork(String),
    /// DER inside the PEM that does not parse as the label says.
    Der { label: &'static str, detail: String },
    /// An RSA modulus below [`MIN_RSA_BITS`].
    RsaTooSmall { bits: usize },
    /// JSON that is not a usable JWK or JWKS.
    Jwk(String),
    /// An OpenSSH key that cannot be read.
    OpenSsh(String),
    /// A key algorithm or curve this tool does not support.
    Unsupported(String),
    /// A secret that does not decode in the chosen encoding.
    Secret(String),
    /// The key is being read elsewhere and the answer is not in yet (the caller asks again).
    Pending,
    /// Why the reader the key was handed to could not read it, already in words.
    Reported(String),
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyError::Pem(detail) => write!(f, "PEM: {detail}"),
            KeyError::UnsupportedPem(label) => write!(
                f,
                "PEM \"{label}\" is not a key format read here: paste a PUBLIC KEY, RSA PUBLIC KEY, PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY, ENCRYPTED PRIVATE KEY, CERTIFICATE or OPENSSH PRIVATE KEY"
            ),
            KeyError::Encrypted(how) => write!(f, "this key is encrypted with a passphrase: {how}"),
            KeyError::NeedsPassphrase => {
                f.write_str("this key is locked with a passphrase: type it in the Passphrase field")
            }
            KeyError::WrongPassphrase => {
                f.write_str("wrong passphrase: the key did not open with it")
            }
            KeyError::TooMuchWork(why) => write!(f, "this locked key is refused: {why}"),
            KeyError::Der { label, detail } => {
                write!(f, "{label}: the key inside does not parse ({detail})")
            }
            KeyError::RsaTooSmall { bits } => write!(
                f,
                "RSA modulus is {bits} bits: keys under {MIN_RSA_BITS} bits can be factored and are refused"
            ),
            KeyError::Jwk(detail) => write!(f, "JWK: {detail}"),
            KeyError::OpenSsh(detail) => write!(f, "OpenSSH key: {detail}"),
            KeyError::Unsupported(what) => write!(f, "{what} is not supported for JWS"),
            KeyError::Secret(detail) => write!(f, "secret: {detail}"),
            KeyError::Pending => write!(f, "reading the key"),
            KeyError::Reported(words) => f.write_str(words),
        }
    }
}
