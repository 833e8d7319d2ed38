//! PuTTY private key files (`.ppk`, versions 2 and 3, plain or encrypted with a passphrase), read
//! with RustCrypto's `ssh-key`: the key inside is the same as in an OpenSSH file.

use ssh_key::PrivateKey;

use super::error::KeyError;
use super::key::{Format, Key};
use super::openssh;

/// What a PPK file's first line starts with.
pub const MAGIC: &str = "PuTTY-User-Key-File-";

/// The most Argon2 memory a version 3 file may ask for, in KiB: `puttygen` uses 8192.
const MAX_ARGON2_KIB: u32 = 64 * 1024;
/// The most Argon2 work (memory in KiB × passes × lanes) a file may ask for: about a second in
/// the page's wasm here (BENCHMARKS.md, "Passphrase work": PuTTYgen 0.78's 8 MiB × 21 passes,
/// 172032, takes 0.3 s, so the cap is about 0.9 s). PuTTYgen tunes its passes to a tenth of a
/// second on the machine that made the key, so keys from machines three times faster still open.
pub const MAX_ARGON2_WORK: u64 = 1 << 19;

/// The value of a `Name: value` header line.
fn header<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    text.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        (key.trim() == name).then(|| value.trim())
    })
}

/// A `.ppk` file; `passphrase` opens an encrypted one.
pub fn parse(text: &str, passphrase: &str) -> Result<Key, KeyError> {
    let encrypted = header(text, "Encryption").is_some_and(|cipher| cipher != "none");
    if encrypted {
        if passphrase.is_empty() {
            return Err(KeyError::NeedsPassphrase);
        }
        // Version 3 derives its key with Argon2, whose cost the file names: checked first.
        let number = |name| header(text, name).and_then(|v| v.parse::<u32>().ok());
        if let (Some(kib), Some(passes)) = (number("Argon2-Memory"), number("Argon2-Passes")) {
            let parallel = number("Argon2-Parallelism").unwrap_or(1).max(1);
            let work = u64::from(kib) * u64::from(passes) * u64::from(parallel);
            if kib > MAX_ARGON2_KIB || work > MAX_ARGON2_WORK {
                return Err(KeyError::TooMuchWork(format!(
                    "its Argon2 parameters ({kib} KiB, {passes} passes, parallelism {parallel}) ask for more than about a second and 64 MiB. Save a copy with PuTTYgen's default key derivation"
                )));
            }
        }
    }
    let secret = encrypted.then(|| passphrase.to_string());
    let key = PrivateKey::from_ppk(text.trim(), secret).map_err(|e| {
        // ssh-key keeps its PPK error type private: its words tell a MAC mismatch, which is a
        // wrong passphrase for an encrypted file and an altered one otherwise.
        let words = e.to_string();
        match (words.contains("incorrect MAC"), encrypted) {
            (true, true) => KeyError::WrongPassphrase,
            (true, false) => {
                KeyError::OpenSsh("the PuTTY key file is damaged: its MAC does not match".into())
            }
            _ => KeyError::OpenSsh(format!("the PuTTY key file does not parse ({words})")),
        }
    })?;
    let mut read = openssh::from_private(&key)?;
    read.format = Format::Putty;
    Ok(read)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::keys::export::jwk;

    const V3_LOCKED: &str = include_str!("../../../tests/vectors/keys/ed25519.v3.encrypted.ppk");
    const V2_LOCKED: &str = include_str!("../../../tests/vectors/keys/rsa.v2.encrypted.ppk");
    const V3_PLAIN: &str = include_str!("../../../tests/vectors/keys/p256.v3.ppk");

    /// The same key read from the OpenSSH file PuTTYgen was given.
    fn same_as(key: &Key, openssh_file: &str) -> bool {
        let original = openssh::parse_private(openssh_file, "").unwrap();
        jwk(&key.material, true) == jwk(&original.material, true)
    }

    #[test]
    fn ppk_files_of_both_versions_open_with_their_passphrase() {
        let ed = include_str!("../../../tests/vectors/keys/ssh_ed25519");
        let rsa = include_str!("../../../tests/vectors/keys/ssh_rsa");
        let p256 = include_str!("../../../tests/vectors/keys/ssh_ecdsa256");
        for (text, original) in [(V3_LOCKED, ed), (V2_LOCKED, rsa)] {
            assert_eq!(parse(text, "").err(), Some(KeyError::NeedsPassphrase));
            assert_eq!(parse(text, "Secret").err(), Some(KeyError::WrongPassphrase));
            let key = parse(text, "secret").unwrap();
            assert_eq!(key.format, Format::Putty);
            assert!(same_as(&key, original));
        }
        assert!(same_as(&parse(V3_PLAIN, "").unwrap(), p256));
    }

    #[test]
    fn absurd_argon2_work_and_altered_files_are_refused() {
        let started = std::time::Instant::now();
        let greedy = V3_LOCKED.replace("Argon2-Passes: ", "Argon2-Passes: 9999");
        let refused = parse(&greedy, "secret").err().unwrap().to_string();
        assert!(refused.contains("Argon2 parameters"), "{refused}");
        let huge = V3_LOCKED.replace("Argon2-Memory: 8192", "Argon2-Memory: 4194304");
        assert!(matches!(
            parse(&huge, "secret"),
            Err(KeyError::TooMuchWork(_))
        ));
        assert!(started.elapsed().as_millis() < 500);
        // A plain file with its comment changed: its MAC no longer matches.
        let altered = V3_PLAIN.replace("Comment: jwt_key", "Comment: jwt_kez");
        let refused = parse(&altered, "").err().unwrap().to_string();
        assert!(refused.contains("damaged"), "{refused}");
    }
}
