//! Keys made for the views (the key generator, the walkthrough's RS256 pair), off the path of
//! a render: they may wait for WebCrypto or for the key engine.

use crate::browser;
use crate::engine;
use crate::jwt::keys::KeyError;
use crate::jwt::keys::generate::KeyKind;

/// Makes a key of `kind`: RSA in WebCrypto (asynchronous, the page stays responsive), the
/// others from the CSPRNG in a few microseconds.
pub async fn make_key(kind: KeyKind) -> Result<crate::jwt::keys::Key, String> {
    match kind {
        KeyKind::Rsa(bits) => {
            let der = browser::generate_rsa_pkcs8(bits as u32).await?;
            answered(|| engine::rsa_from_pkcs8(&der))
                .await
                .map_err(|e| e.to_string())
        }
        _ => {
            // An EC scalar above the group order is astronomically rare; draw again if it happens.
            let mut last = String::new();
            for _ in 0..4 {
                let random = browser::random_bytes(kind.random_bytes())?;
                match answered(|| engine::generate(kind, &random)).await {
                    Ok(key) => return Ok(key),
                    // The key engine cannot be reached: drawing again would not help.
                    Err(e @ KeyError::Reported(_)) => {
                        return Err(e.to_string());
                    }
                    Err(e) => last = e.to_string(),
                }
            }
            Err(last)
        }
    }
}

/// `key` as an OpenSSH private key file encrypted with `passphrase`, once written (in the key
/// engine for the page: bcrypt-pbkdf takes a fifth of a second there).
pub async fn lock_openssh(
    key: crate::jwt::keys::Key,
    passphrase: String,
) -> Result<String, String> {
    answered(|| engine::lock_openssh(&key.material, &passphrase))
        .await
        .map_err(|e| e.to_string())
}

/// `make`'s result once the key engine has answered it (at once for what the page does itself).
async fn answered<T>(make: impl Fn() -> Result<T, KeyError>) -> Result<T, KeyError> {
    loop {
        match make() {
            Err(KeyError::Pending) => engine::next_answer().await,
            other => return other,
        }
    }
}
