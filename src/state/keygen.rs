//! The key generator's state: what to make, in which format to show it, and the result.
//! Generated private keys live here, in memory only.

use crate::jwt::keys::Key;
use crate::jwt::keys::export;
use crate::jwt::keys::generate::KeyKind;

/// How the generated keys are written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyFormat {
    Pem,
    Jwk,
    OpenSsh,
}

impl KeyFormat {
    pub const ALL: [KeyFormat; 3] = [KeyFormat::Pem, KeyFormat::Jwk, KeyFormat::OpenSsh];

    /// The `keygen-format` option value.
    pub fn id(self) -> &'static str {
        match self {
            KeyFormat::Pem => "pem",
            KeyFormat::Jwk => "jwk",
            KeyFormat::OpenSsh => "openssh",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.id() == id)
    }
}

/// What the key generator can be told.
#[derive(Debug, Clone)]
pub enum KeygenAction {
    SetKind(KeyKind),
    SetFormat(KeyFormat),
    /// Generation started (RSA runs asynchronously in WebCrypto).
    Started,
    /// Generation finished.
    Finished(Result<Key, String>),
}

/// The key generator.
#[derive(Debug, Clone)]
pub struct Keygen {
    pub kind: KeyKind,
    pub format: KeyFormat,
    pub busy: bool,
    pub result: Option<Result<Key, String>>,
    /// Counts finished generations, so views can tell results apart without comparing keys.
    pub generation: u32,
}

impl PartialEq for Keygen {
    fn eq(&self, other: &Self) -> bool {
        (self.kind, self.format, self.busy, self.generation)
            == (other.kind, other.format, other.busy, other.generation)
    }
}

impl Default for Keygen {
    fn default() -> Self {
        Self {
            kind: KeyKind::Rsa(2048),
            format: KeyFormat::Pem,
            busy: false,
            result: None,
            generation: 0,
        }
    }
}

impl Keygen {
    /// The state after `action`.
    pub fn apply(&self, action: KeygenAction) -> Self {
        let mut next = self.clone();
        match action {
            KeygenAction::SetKind(kind) => next.kind = kind,
            KeygenAction::SetFormat(format) => next.format = format,
            KeygenAction::Started => next.busy = true,
            KeygenAction::Finished(result) => {
                next.busy = false;
                next.result = Some(result);
                next.generation += 1;
            }
        }
        next
    }

    /// The generated key, if generation succeeded.
    pub fn key(&self) -> Option<&Key> {
        self.result.as_ref()?.as_ref().ok()
    }

    /// (private, public) texts in the chosen format.
    pub fn texts(&self) -> Option<(String, String)> {
        let material = &self.key()?.material;
        if !material.is_asymmetric() {
            let crate::jwt::keys::Material::Secret(bytes) = material else {
                return None;
            };
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            return Some((
                format!("base64url: {}\nhex: {hex}", crate::jwt::base64url::encode(bytes)),
                "An HMAC secret has no public half: every server that verifies needs the secret itself.".into(),
            ));
        }
        let private_pem = export::private_pem(material).unwrap_or_default();
        Some(match self.format {
            KeyFormat::Pem => (
                private_pem,
                export::public_pem(material).unwrap_or_default(),
            ),
            KeyFormat::Jwk => (export::jwk(material, true), export::jwk(material, false)),
            // ssh-keygen and OpenSSH read a PKCS#8 PEM private key as it is.
            KeyFormat::OpenSsh => (
                private_pem,
                export::openssh_public(material, "jwt_key").unwrap_or_default(),
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::algorithm::Curve;
    use crate::jwt::keys::generate::from_random;

    #[test]
    fn formats_switch_the_texts() {
        let key = from_random(KeyKind::Ec(Curve::P256), &[7; 32]).unwrap();
        let state = Keygen::default().apply(KeygenAction::Started);
        assert!(state.busy);
        let state = state.apply(KeygenAction::Finished(Ok(key)));
        assert!(!state.busy);
        let (private, public) = state.texts().unwrap();
        assert!(private.starts_with("-----BEGIN PRIVATE KEY-----"));
        assert!(public.starts_with("-----BEGIN PUBLIC KEY-----"));
        let (private, public) = state
            .apply(KeygenAction::SetFormat(KeyFormat::Jwk))
            .texts()
            .unwrap();
        assert!(private.contains("\"d\"") && !public.contains("\"d\""));
        assert!(public.contains("\"kid\""));
        let (_, public) = state
            .apply(KeygenAction::SetFormat(KeyFormat::OpenSsh))
            .texts()
            .unwrap();
        assert!(public.starts_with("ecdsa-sha2-nistp256 "));
        let secret = Keygen::default().apply(KeygenAction::Finished(Ok(from_random(
            KeyKind::Hmac(256),
            &[0xab; 32],
        )
        .unwrap())));
        assert!(secret.texts().unwrap().0.contains(&"ab".repeat(32)));
    }
}
