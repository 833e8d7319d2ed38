//! Whether key text is locked with a passphrase this page can open, told from the text alone so
//! the page can show a Passphrase field before any key code has run (the key engine opens it).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

const OPENSSH_BEGIN: &str = "-----BEGIN OPENSSH PRIVATE KEY-----";

/// Whether the key box's text is an encrypted PKCS #8 key, an OpenSSH private key file with a
/// cipher, or a PuTTY key file with encryption: the kinds a passphrase opens here.
pub fn is_locked(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") {
        return true;
    }
    if let Some(at) = text.find(OPENSSH_BEGIN) {
        return openssh_cipher(&text[at + OPENSSH_BEGIN.len()..]).is_some_and(|c| c != "none");
    }
    text.starts_with("PuTTY-User-Key-File-")
        && text
            .lines()
            .find_map(|line| line.strip_prefix("Encryption:"))
            .is_some_and(|cipher| cipher.trim() != "none")
}

/// The cipher an OpenSSH private key file names: the first field after its magic (OpenSSH's
/// PROTOCOL.key); `None` if the text does not get that far.
fn openssh_cipher(body: &str) -> Option<String> {
    // The magic (15 bytes), the name's length (4) and the longest cipher name (29) fit in the
    // first 64 base64 characters.
    let head: String = body
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(64)
        .collect();
    let bytes = STANDARD.decode(head.get(..head.len() / 4 * 4)?).ok()?;
    let rest = bytes.strip_prefix(b"openssh-key-v1\0".as_slice())?;
    let len = u32::from_be_bytes(rest.get(..4)?.try_into().ok()?) as usize;
    let name = rest.get(4..4 + len.min(64))?;
    String::from_utf8(name.to_vec()).ok()
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
        for plain in ["ssh_ed25519", "ssh_rsa", "p256.pkcs8.pem", "ssh_rsa.pub"] {
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
