//! The tutorial's two apps, replayed in the page: "Get token" signs
//! `{"sub": "bob", "iat": now, "exp": now + 60}`, "Show details" answers `bob` or "Invalid token".

use std::rc::Rc;

use crate::jwt::claims::ClaimsStatus;
use crate::jwt::json::{self, Value};
use crate::jwt::keys::{self, KeySet, SecretEncoding};
use crate::jwt::time::Seconds;
use crate::jwt::{sign, token, verify};

/// The secret of the tutorial's first version.
pub const TUTORIAL_SECRET: &str = "mysecret";
/// How long the tutorial's tokens live.
pub const LIFETIME: Seconds = 60;

/// The answers, word for word as the tutorial's Flask app gives them.
pub const GENERATED: &str = "Token Generated successfully!!";
pub const ERROR_400: &str = "Error 400";
pub const INVALID: &str = "Invalid token";

/// Which version of the tutorial's app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TutorialAlg {
    /// The first version: a shared secret.
    Hs256,
    /// The second: an `ssh-keygen` key pair, private key signs, public key verifies.
    Rs256,
}

impl TutorialAlg {
    pub fn name(self) -> &'static str {
        match self {
            TutorialAlg::Hs256 => "HS256",
            TutorialAlg::Rs256 => "RS256",
        }
    }
}

/// The RS256 version's key pair, as text in any supported format (e.g. `jwt_key` and
/// `jwt_key.pub`), kept in memory only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyPair {
    pub private: Rc<str>,
    pub public: Rc<str>,
}

/// What the walkthrough can be told.
#[derive(Debug, Clone, PartialEq)]
pub enum WalkAction {
    SetAlg(TutorialAlg),
    /// A key pair for RS256, generated in the page or pasted.
    SetKeyPair(KeyPair),
    GetToken,
    ShowDetails,
    /// Change one character of the stored token.
    Tamper,
}

/// The walkthrough's state: the stored token (where a browser app keeps it: memory) and the
/// result line.
#[derive(Debug, Clone, PartialEq)]
pub struct Walkthrough {
    pub alg: TutorialAlg,
    pub key_pair: Option<KeyPair>,
    pub stored: Option<Rc<str>>,
    pub result: Option<&'static str>,
    /// `sub` of the last good "Show details", shown instead of a fixed text.
    pub subject: Option<String>,
}

impl Default for Walkthrough {
    fn default() -> Self {
        Self {
            alg: TutorialAlg::Hs256,
            key_pair: None,
            stored: None,
            result: None,
            subject: None,
        }
    }
}

impl Walkthrough {
    /// The state after `action` at time `now`.
    pub fn apply(&self, action: WalkAction, now: Seconds) -> Self {
        let mut next = self.clone();
        match action {
            WalkAction::SetAlg(alg) => {
                next.alg = alg;
                next.stored = None;
                next.result = None;
                next.subject = None;
            }
            WalkAction::SetKeyPair(pair) => next.key_pair = Some(pair),
            WalkAction::GetToken => {
                next.subject = None;
                match self.issue(now) {
                    Some(token) => {
                        next.stored = Some(token.into());
                        next.result = Some(GENERATED);
                    }
                    None => next.result = Some(ERROR_400),
                }
            }
            WalkAction::ShowDetails => {
                next.subject = self.validate(now);
                next.result = if next.subject.is_some() {
                    None
                } else {
                    Some(INVALID)
                };
            }
            WalkAction::Tamper => {
                next.stored = self.stored.as_deref().map(|t| tamper(t).into());
                next.subject = None;
                next.result = None;
            }
        }
        next
    }

    /// The result line's text.
    pub fn result_text(&self) -> Option<String> {
        self.subject
            .clone()
            .or_else(|| self.result.map(str::to_string))
    }

    /// Seconds until the stored token expires (0 once expired).
    pub fn seconds_left(&self, now: Seconds) -> Option<Seconds> {
        let token = token::decode(self.stored.as_deref()?).ok()?;
        let exp = token.claims()?.get("exp")?.as_f64()? as Seconds;
        Some(exp.saturating_sub(now).max(0))
    }

    /// The key that signs (the secret, or the private key text).
    pub fn signing_key_text(&self) -> Option<Rc<str>> {
        match self.alg {
            TutorialAlg::Hs256 => Some(TUTORIAL_SECRET.into()),
            TutorialAlg::Rs256 => self.key_pair.as_ref().map(|p| p.private.clone()),
        }
    }

    /// The key that verifies (the same secret, or only the public key).
    pub fn verifying_key_text(&self) -> Option<Rc<str>> {
        match self.alg {
            TutorialAlg::Hs256 => Some(TUTORIAL_SECRET.into()),
            TutorialAlg::Rs256 => self.key_pair.as_ref().map(|p| p.public.clone()),
        }
    }

    /// `/generate`: sign `{"sub": "bob", "iat": now, "exp": now + 60}`.
    fn issue(&self, now: Seconds) -> Option<String> {
        let key = parse_key(&self.signing_key_text()?)?;
        let header =
            json::parse(&format!(r#"{{"alg":"{}","typ":"JWT"}}"#, self.alg.name())).ok()?;
        let claims = format!(
            r#"{{"sub":"bob","iat":{now},"exp":{}}}"#,
            now.saturating_add(LIFETIME)
        );
        let input = sign::signing_input(&header, &claims).ok()?;
        sign::sign(&input, &header, key.keys().first()?).ok()
    }

    /// `/validate`: the `sub` claim when the stored token verifies and has not expired.
    fn validate(&self, now: Seconds) -> Option<String> {
        let token = token::decode(self.stored.as_deref()?).ok()?;
        // The tutorial's PyJWT call names the one algorithm it accepts.
        if token.alg().as_deref() != Some(self.alg.name()) {
            return None;
        }
        let keys = keys::parse(&self.verifying_key_text()?, SecretEncoding::Utf8)?;
        if verify::verify(&token, Some(&keys)).state() != "verified" {
            return None;
        }
        let claims = token.claims()?;
        match ClaimsStatus::at(claims, now) {
            ClaimsStatus::Valid { .. } => claims.get("sub").and_then(Value::as_str),
            _ => None,
        }
    }
}

fn parse_key(text: &str) -> Option<KeySet> {
    keys::parse(text, SecretEncoding::Utf8)?.ok()
}

/// The token with one character of its payload changed, the way an attacker would edit it.
pub fn tamper(token_text: &str) -> String {
    let Some(dot) = token_text.find('.') else {
        return format!("{token_text}x");
    };
    // The third payload character is never the last one, so the decoded bytes really change.
    let at = dot + 3;
    token_text
        .char_indices()
        .map(|(i, c)| {
            if i == at {
                if c == 'A' { 'B' } else { 'A' }
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRIVATE: &str = include_str!("../../tests/vectors/keys/ssh_rsa");
    const PUBLIC: &str = include_str!("../../tests/vectors/keys/ssh_rsa.pub");

    #[test]
    fn hs256_get_token_show_details_tamper_and_expire() {
        let now = 1_700_000_000;
        let w = Walkthrough::default().apply(WalkAction::ShowDetails, now);
        assert_eq!(
            w.result_text().as_deref(),
            Some(INVALID),
            "nothing stored yet"
        );
        let w = w.apply(WalkAction::GetToken, now);
        assert_eq!(w.result_text().as_deref(), Some(GENERATED));
        assert_eq!(w.seconds_left(now + 18), Some(42));
        let stored = token::decode(w.stored.as_deref().unwrap()).unwrap();
        assert_eq!(
            stored.claims().unwrap().minified(),
            format!(r#"{{"sub":"bob","iat":{now},"exp":{}}}"#, now + 60)
        );
        assert_eq!(
            w.apply(WalkAction::ShowDetails, now + 59)
                .result_text()
                .as_deref(),
            Some("bob")
        );
        assert_eq!(
            w.apply(WalkAction::ShowDetails, now + 60)
                .result_text()
                .as_deref(),
            Some(INVALID)
        );
        assert_eq!(w.seconds_left(now + 61), Some(0));
        let tampered = w.apply(WalkAction::Tamper, now);
        assert_ne!(tampered.stored, w.stored);
        assert_eq!(
            tampered
                .apply(WalkAction::ShowDetails, now)
                .result_text()
                .as_deref(),
            Some(INVALID)
        );
    }

    #[test]
    fn rs256_needs_a_key_pair_and_verifies_with_the_public_key_only() {
        let now = 1_700_000_000;
        let w = Walkthrough::default().apply(WalkAction::SetAlg(TutorialAlg::Rs256), now);
        assert_eq!(
            w.apply(WalkAction::GetToken, now).result_text().as_deref(),
            Some(ERROR_400)
        );
        let w = w.apply(
            WalkAction::SetKeyPair(KeyPair {
                private: PRIVATE.into(),
                public: PUBLIC.into(),
            }),
            now,
        );
        let w = w.apply(WalkAction::GetToken, now);
        assert_eq!(w.result_text().as_deref(), Some(GENERATED));
        assert_eq!(w.verifying_key_text().as_deref(), Some(PUBLIC));
        assert_eq!(
            w.apply(WalkAction::ShowDetails, now + 1)
                .result_text()
                .as_deref(),
            Some("bob")
        );
        assert_eq!(
            w.apply(WalkAction::Tamper, now)
                .apply(WalkAction::ShowDetails, now)
                .result_text()
                .as_deref(),
            Some(INVALID)
        );
        assert_eq!(
            w.apply(WalkAction::ShowDetails, now + 61)
                .result_text()
                .as_deref(),
            Some(INVALID)
        );
    }

    #[test]
    fn tamper_changes_exactly_one_character() {
        let t = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.sig";
        let changed = tamper(t);
        assert_eq!(changed.len(), t.len());
        assert_eq!(
            changed
                .chars()
                .zip(t.chars())
                .filter(|(a, b)| a != b)
                .count(),
            1
        );
    }
}
