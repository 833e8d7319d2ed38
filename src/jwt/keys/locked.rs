//! Whether key text is locked with a passphrase this page can open, told from the text alone so
//! the page can show a Passphrase field before any key reader has run (which may be elsewhere).

/// An OpenSSH private key file's body starts with its magic, `openssh-key-v1\0`, then the
/// length of the cipher's name: the same base64 whatever the cipher, up to here.
const OPENSSH_MAGIC: &str = "b3BlbnNzaC1rZXktdjEAAAAA";
/// ... followed, in a file without a passphrase, by the name's length 4 and `none`.
const OPENSSH_PLAIN: &str = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmU";

/// Whether the key box's text is an encrypted PKCS #8 key, an OpenSSH private key file with a
/// cipher or a PuTTY key file with encryption: the kinds a passphrase opens here.
pub fn is_locked(text: &str) -> bool {
    if text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") {
        return true;
    }
    if text.trim_start().starts_with("PuTTY-User-Key-File-") {
        return !text.contains("\nEncryption: none");
    }
    let Some((_, body)) = text.split_once("-----BEGIN OPENSSH PRIVATE KEY-----") else {
        return false;
    };
    let body = body.trim_start();
    body.starts_with(OPENSSH_MAGIC) && !body.starts_with(OPENSSH_PLAIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locked_keys_are_told_from_plain_ones() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/keys/");
        let read = |name: &str| std::fs::read_to_string(format!("{dir}{name}")).unwrap();
        assert!(is_locked(&read("ssh_encrypted")));
        assert!(is_locked(&read("p256.pkcs8.encrypted.pem")));
        for plain in [
            "ssh_ed25519",
            "ssh_rsa",
            "ssh_ecdsa256",
            "p256.pkcs8.pem",
            "ssh_rsa.pub",
        ] {
            assert!(!is_locked(&read(plain)), "{plain}");
        }
        // OpenSSL's older encryption is not opened here: no field for it.
        assert!(!is_locked(&read("p256.sec1.encrypted.pem")));
        assert!(!is_locked("-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n"));
        assert!(is_locked(
            "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: aes256-cbc\n"
        ));
        assert!(!is_locked(
            "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n"
        ));
    }
}
