//! Why pasted key text cannot be used, in words that say what to do.

use std::fmt;

/// The smallest RSA modulus accepted at all; RFC 7518 §3.3 asks for 2048 bits and smaller ones
/// get a finding, but 1024-bit keys still exist in the wild and can be checked.
pub const MIN_RSA_BITS: usize = 1024;

/// Why pasted key text cannot be used. Messages say what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    // Variants marked `not(split)` are made only where PEM, JWK, OpenSSH and PuTTY text is read
    // (a build without `split`); the page built with `split` gets the words of whoever reads
    // its keys instead (`Reported`), and leaves their text out of its module.
    /// PEM that is not well formed.
    #[cfg(not(feature = "split"))]
    Pem(String),
    /// A PEM label this tool does not read.
    #[cfg(not(feature = "split"))]
    UnsupportedPem(String),
    /// Encrypted key material this page cannot open: it must be decrypted first.
    #[cfg(not(feature = "split"))]
    Encrypted(&'static str),
    /// A key locked with a passphrase, and no passphrase given yet.
    #[cfg(not(feature = "split"))]
    NeedsPassphrase,
    /// The passphrase given does not open the key.
    #[cfg(not(feature = "split"))]
    WrongPassphrase,
    /// A locked key whose key derivation asks for more work than is done here: why, and how to
    /// make a copy that opens.
    #[cfg(not(feature = "split"))]
    TooMuchWork(String),
    /// DER inside the PEM that does not parse as the label says.
    #[cfg(not(feature = "split"))]
    Der { label: &'static str, detail: String },
    /// An RSA modulus below [`MIN_RSA_BITS`].
    #[cfg(not(feature = "split"))]
    RsaTooSmall { bits: usize },
    /// JSON that is not a usable JWK or JWKS.
    #[cfg(not(feature = "split"))]
    Jwk(String),
    /// An OpenSSH key that cannot be read.
    #[cfg(not(feature = "split"))]
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
            #[cfg(not(feature = "split"))]
            KeyError::Pem(detail) => write!(f, "PEM: {detail}"),
            #[cfg(not(feature = "split"))]
            KeyError::UnsupportedPem(label) => write!(
                f,
                "PEM \"{label}\" is not a key format read here: paste a PUBLIC KEY, RSA PUBLIC KEY, PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY, ENCRYPTED PRIVATE KEY, CERTIFICATE or OPENSSH PRIVATE KEY"
            ),
            #[cfg(not(feature = "split"))]
            KeyError::Encrypted(how) => write!(f, "this key is encrypted with a passphrase: {how}"),
            #[cfg(not(feature = "split"))]
            KeyError::NeedsPassphrase => {
                f.write_str("this key is locked with a passphrase: type it in the Passphrase field")
            }
            #[cfg(not(feature = "split"))]
            KeyError::WrongPassphrase => {
                f.write_str("wrong passphrase: the key did not open with it")
            }
            #[cfg(not(feature = "split"))]
            KeyError::TooMuchWork(why) => write!(f, "this locked key is refused: {why}"),
            #[cfg(not(feature = "split"))]
            KeyError::Der { label, detail } => {
                write!(f, "{label}: the key inside does not parse ({detail})")
            }
            #[cfg(not(feature = "split"))]
            KeyError::RsaTooSmall { bits } => write!(
                f,
                "RSA modulus is {bits} bits: keys under {MIN_RSA_BITS} bits can be factored and are refused"
            ),
            #[cfg(not(feature = "split"))]
            KeyError::Jwk(detail) => write!(f, "JWK: {detail}"),
            #[cfg(not(feature = "split"))]
            KeyError::OpenSsh(detail) => write!(f, "OpenSSH key: {detail}"),
            KeyError::Unsupported(what) => write!(f, "{what} is not supported for JWS"),
            KeyError::Secret(detail) => write!(f, "secret: {detail}"),
            KeyError::Pending => write!(f, "reading the key"),
            KeyError::Reported(words) => f.write_str(words),
        }
    }
}
