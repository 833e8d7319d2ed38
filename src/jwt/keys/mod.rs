//! Pasted text -> keys. One entry point, [`parse`], recognises HMAC secrets, PEM (SPKI, PKCS#1,
//! PKCS#8, SEC1, X.509), JWK, JWKS and OpenSSH, and says what it found or why it cannot use it.
//! This file is the map: each file below needs only files above it in the floors
//! (`scripts/import_floors.py`), and the folder's names are re-exported here.

// The readers and writers of asymmetric key formats, and the curve and big-integer code behind
// them, are left out of a build with feature `split`: its caller reads such keys elsewhere and
// hands them in as [`KeyHandle`]s ([`parse_with`]).
mod bare_der;
mod der;
mod error;
pub mod export;
pub mod generate;
pub mod handle;
#[cfg(not(feature = "split"))]
mod jwk;
mod key;
pub mod locked;
#[cfg(not(feature = "split"))]
mod openssh;
#[cfg(not(feature = "split"))]
mod pem_der;
#[cfg(not(feature = "split"))]
mod putty;
mod read;
pub mod secret;

pub use bare_der::file_as_text;
pub use error::{KeyError, MIN_RSA_BITS};
pub use handle::{KeyHandle, Shape};
pub use key::{Format, Key, KeySet, Material, Usage};
#[cfg(not(feature = "split"))]
pub use pem_der::certificate_thumbprints;
pub use read::parse_with;
#[cfg(not(feature = "split"))]
pub use read::{parse, parse_locked};
pub use secret::SecretEncoding;

#[cfg(test)]
mod tests;
