//! The key generator's state: what to make, in which format to show it, and the result.
//! Generated private keys live here, in memory only.

use crate::jwt::keys::Key;
use crate::jwt::keys::export;
use crate::jwt::keys::generate::KeyKind;

/// How the generated keys are written out. An HMAC secret has formats of its own, each a single
/// text the key box reads as it is (with "Secret is" set to match).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyFormat {
    Pem,
    Jwk,
    OpenSsh,
    Base64Url,
    Hex,
}

impl KeyFormat {
    /// The formats of a key pair.
    pub const PAIR: [KeyFormat; 3] = [KeyFormat::Pem, KeyFormat::Jwk, KeyFormat::OpenSsh];
    /// The formats of an HMAC secret.
    pub const SECRET: [KeyFormat; 3] = [KeyFormat::Base64Url, KeyFormat::Hex, KeyFormat::Jwk];

    /// The `keygen-format` option value.
    pub fn id(self) -> &'static str {
        match self {
            KeyFormat::Pem => "pem",
            KeyFormat::Jwk => "jwk",
            KeyFormat::OpenSsh => "openssh",
            KeyFormat::Base64Url => "base64url",
            KeyFormat::Hex => "hex",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::PAIR
            .into_iter()
            .chain(Self::SECRET)
            .find(|f| f.id() == id)
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
    /// The OpenSSH private key file encrypted with the passphrase typed for it (`None`: the
    /// passphrase was emptied, the plain file again), for the key of `generation`.
    Locked {
        generation: u32,
        file: Option<Result<String, String>>,
    },
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
    /// The OpenSSH private key file encrypted with a passphrase, or why not: shown in place of
    /// the plain one. It goes with the key.
    pub locked: Option<Result<std::rc::Rc<str>, String>>,
}

impl PartialEq for Keygen {
    fn eq(&self, other: &Self) -> bool {
        (self.kind, self.format, self.busy, self.generation)
            == (other.kind, other.format, other.busy, other.generation)
            && self.locked == other.locked
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
            locked: None,
        }
    }
}

impl Keygen {
    /// The state after `action`.
    pub fn apply(&self, action: KeygenAction) -> Self {
        let mut next = self.clone();
        match action {
            KeygenAction::SetKind(kind) => {
                // The key shown is of the kind before: it goes, so that the title, the output
                // and "Use in the debugger" never describe a key of another kind than chosen.
                // A generation still running is for the kind before: its answer is dropped.
                if kind != self.kind {
                    next.result = None;
                    next.locked = None;
                    next.busy = false;
                    next.generation += 1;
                }
                next.kind = kind;
            }
            KeygenAction::SetFormat(format) => next.format = format,
            KeygenAction::Started => next.busy = true,
            // Nothing was running (the kind changed since it started): not the key asked for.
            KeygenAction::Finished(_) if !self.busy => {}
            KeygenAction::Finished(result) => {
                next.busy = false;
                next.result = Some(result);
                next.locked = None;
                next.generation += 1;
            }
            // A file for a key no longer shown is dropped.
            KeygenAction::Locked { generation, .. } if generation != self.generation => {}
            KeygenAction::Locked { file, .. } => {
                next.locked = file.map(|file| file.map(std::rc::Rc::from));
            }
        }
        // A format the key (or, before one is made, the kind) does not have becomes its first.
        let formats = next.formats();
        if !formats.contains(&next.format) {
            next.format = formats[0];
        }
        next
    }

    /// Whether the formats on offer are an HMAC secret's: the key shown is one, or, before a key
    /// is made, the kind chosen is.
    pub fn is_secret(&self) -> bool {
        match self.key() {
            Some(key) => !key.material.is_asymmetric(),
            None => matches!(self.kind, KeyKind::Hmac(_)),
        }
    }

    /// The formats the key shown (or the kind chosen) can be written in.
    pub fn formats(&self) -> &'static [KeyFormat] {
        if self.is_secret() {
            &KeyFormat::SECRET
        } else {
            &KeyFormat::PAIR
        }
    }

    /// The generated key, if generation succeeded.
    pub fn key(&self) -> Option<&Key> {
        self.result.as_ref()?.as_ref().ok()
    }

    /// (private, public) texts in the chosen format.
    pub fn texts(&self) -> Option<(String, String)> {
        let material = &self.key()?.material;
        if let crate::jwt::keys::Material::Secret(bytes) = material {
            let (text, reading) = match self.format {
                KeyFormat::Hex => (
                    bytes.iter().map(|b| format!("{b:02x}")).collect(),
                    " To verify with it here, set \"Secret is\" to hex.",
                ),
                KeyFormat::Jwk => (export::jwk(material, true), ""),
                _ => (
                    crate::jwt::base64url::encode(bytes),
                    " To verify with it here, set \"Secret is\" to base64url.",
                ),
            };
            return Some((
                text,
                format!(
                    "An HMAC secret has no public half: every server that verifies needs the secret itself.{reading}"
                ),
            ));
        }
        let private_pem = export::private_pem(material).unwrap_or_default();
        Some(match self.format {
            KeyFormat::Pem => (
                private_pem,
                export::public_pem(material).unwrap_or_default(),
            ),
            KeyFormat::Jwk => (export::jwk(material, true), export::jwk(material, false)),
            // The files `ssh-keygen -N ""` writes (a key pair is never left in a secret's
            // format: `apply` moves it to one of its own).
            KeyFormat::OpenSsh | KeyFormat::Base64Url | KeyFormat::Hex => (
                match &self.locked {
                    Some(Ok(file)) => file.to_string(),
                    _ => export::openssh_private(material).unwrap_or(private_pem),
                },
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
    fn a_passphrase_encrypts_the_openssh_file_of_the_key_shown_only() {
        let key = from_random(KeyKind::Ed25519, &[9; 32]).unwrap();
        let shown = Keygen::default()
            .apply(KeygenAction::SetKind(KeyKind::Ed25519))
            .apply(KeygenAction::Started)
            .apply(KeygenAction::Finished(Ok(key.clone())))
            .apply(KeygenAction::SetFormat(KeyFormat::OpenSsh));
        let (plain, _) = shown.texts().unwrap();
        let file = crate::engine::lock_openssh(&key.material, "pp").unwrap();
        let locked = shown.apply(KeygenAction::Locked {
            generation: shown.generation,
            file: Some(Ok(file.clone())),
        });
        assert_eq!(locked.texts().unwrap().0, file);
        assert_ne!(file, plain);
        assert!(crate::jwt::keys::locked::is_locked(&file));
        // Emptied: the plain file again. For a key no longer shown: ignored.
        let emptied = locked.apply(KeygenAction::Locked {
            generation: shown.generation,
            file: None,
        });
        assert_eq!(emptied.texts().unwrap().0, plain);
        let late = shown.apply(KeygenAction::Locked {
            generation: shown.generation - 1,
            file: Some(Ok(file.clone())),
        });
        assert_eq!(late.texts().unwrap().0, plain);
        // A new key drops the encrypted file of the one before.
        let next = locked
            .apply(KeygenAction::Started)
            .apply(KeygenAction::Finished(Ok(key)));
        assert!(next.locked.is_none());
    }

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
        let secret = Keygen::default()
            .apply(KeygenAction::SetKind(KeyKind::Hmac(256)))
            .apply(KeygenAction::Started)
            .apply(KeygenAction::Finished(Ok(from_random(
                KeyKind::Hmac(256),
                &[0xab; 32],
            )
            .unwrap())));
        // A secret is offered its own formats, each one text the key box reads as it is.
        assert_eq!(secret.formats(), &KeyFormat::SECRET);
        assert_eq!(secret.format, KeyFormat::Base64Url);
        assert_eq!(
            secret.texts().unwrap().0,
            crate::jwt::base64url::encode(&[0xab; 32])
        );
        let hex = secret.apply(KeygenAction::SetFormat(KeyFormat::Hex));
        assert_eq!(hex.texts().unwrap().0, "ab".repeat(32));
        let jwk = secret.apply(KeygenAction::SetFormat(KeyFormat::Jwk));
        assert!(jwk.texts().unwrap().0.contains(r#""kty": "oct""#));
        // Back to a key pair: a secret's format gives way to PEM; JWK, which both have, stays.
        let pair = |state: &Keygen| {
            state
                .apply(KeygenAction::SetKind(KeyKind::Ed25519))
                .apply(KeygenAction::Started)
                .apply(KeygenAction::Finished(Ok(from_random(
                    KeyKind::Ed25519,
                    &[1; 32],
                )
                .unwrap())))
        };
        assert_eq!(pair(&hex).format, KeyFormat::Pem);
        assert_eq!(pair(&jwk).format, KeyFormat::Jwk);
        // Before any key, the kind decides.
        assert_eq!(pair(&hex).kind, KeyKind::Ed25519);
        let chosen = Keygen::default().apply(KeygenAction::SetKind(KeyKind::Hmac(512)));
        assert_eq!(
            (chosen.formats(), chosen.format),
            (&KeyFormat::SECRET[..], KeyFormat::Base64Url)
        );
    }

    #[test]
    fn the_menu_the_title_and_the_output_always_agree() {
        // Issue #28: P-256, then jwk and openssh; RSA-2048 in openssh; then HS256. Before, the
        // old key stayed under the new kind and its format was one the new kind has not.
        let generate = |state: &Keygen, kind: KeyKind, random: &[u8]| {
            state
                .apply(KeygenAction::SetKind(kind))
                .apply(KeygenAction::Started)
                .apply(KeygenAction::Finished(Ok(
                    from_random(kind, random).unwrap()
                )))
        };
        let ec = generate(&Keygen::default(), KeyKind::Ec(Curve::P256), &[7; 32])
            .apply(KeygenAction::SetFormat(KeyFormat::Jwk))
            .apply(KeygenAction::SetFormat(KeyFormat::OpenSsh));
        assert_eq!(ec.format, KeyFormat::OpenSsh);
        // A new kind: the P-256 key goes at once, its generation counted (views redraw).
        let hs = ec.apply(KeygenAction::SetKind(KeyKind::Hmac(256)));
        assert!(hs.key().is_none() && hs.texts().is_none());
        assert_ne!(hs.generation, ec.generation);
        assert_eq!(hs.formats(), &KeyFormat::SECRET);
        assert_eq!(hs.format, KeyFormat::Base64Url);
        let hs = generate(&hs, KeyKind::Hmac(256), &[1; 32]);
        assert_eq!(hs.format, KeyFormat::Base64Url);
        assert_eq!(
            hs.texts().unwrap().0,
            crate::jwt::base64url::encode(&[1; 32])
        );
        // The same kind again keeps the key; a key that arrives for a kind no longer chosen is
        // not shown.
        assert!(
            hs.apply(KeygenAction::SetKind(KeyKind::Hmac(256)))
                .key()
                .is_some()
        );
        let late = ec
            .apply(KeygenAction::Started)
            .apply(KeygenAction::SetKind(KeyKind::Ed25519))
            .apply(KeygenAction::Finished(Ok(from_random(
                KeyKind::Ec(Curve::P256),
                &[3; 32],
            )
            .unwrap())));
        assert!(late.key().is_none() && !late.busy);
    }
}
