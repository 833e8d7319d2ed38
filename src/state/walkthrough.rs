//! The tutorial's two apps, replayed in the page: "Get token" signs
//! `{"sub": "bob", "iat": now, "exp": now + 60}`, "Show details" answers `bob` or "Invalid token"
//! (`jwt::tutorial`: jsonwebtoken's `encode` and `decode`). A click whose answer is not ready
//! (the RS256 key pair is being made, or the key engine is working) waits for it.

use std::rc::Rc;

use crate::engine;
use crate::jwt::time::Seconds;
use crate::jwt::token;

pub use crate::jwt::tutorial::{LIFETIME, TUTORIAL_SECRET, TutorialAlg};

/// The answers, word for word as the tutorial's Flask app gives them.
pub const GENERATED: &str = "Token Generated successfully!!";
pub const ERROR_400: &str = "Error 400";
pub const INVALID: &str = "Invalid token";

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
    /// Making the RS256 key pair failed: a click waiting for it gets "Error 400".
    KeyPairFailed,
    GetToken,
    ShowDetails,
    /// Change one character of the stored token.
    Tamper,
    /// The key engine answered: a click waiting for it is answered now.
    EngineAnswered,
}

/// A click still waiting for its answer, and the time it was made at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    GetToken(Seconds),
    ShowDetails(Seconds),
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
    /// Clicks waiting for the key pair or the key engine, oldest first (their buttons say they
    /// are working); each is answered in turn, as the tutorial's server would.
    pub waiting: Vec<Waiting>,
    /// Where Tamper changed the stored token (a byte index in it), to mark that character.
    pub tampered_at: Option<usize>,
}

impl Default for Walkthrough {
    fn default() -> Self {
        Self {
            alg: TutorialAlg::Hs256,
            key_pair: None,
            stored: None,
            result: None,
            subject: None,
            waiting: Vec::new(),
            tampered_at: None,
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
                next.tampered_at = None;
                next.result = None;
                next.subject = None;
                next.waiting.clear();
            }
            WalkAction::SetKeyPair(pair) => {
                next.key_pair = Some(pair);
                next.answer_waiting();
            }
            WalkAction::KeyPairFailed => {
                if next.key_pair.is_none() && !next.waiting.is_empty() {
                    // Nothing can sign: every waiting click is answered as the app would.
                    next.waiting.clear();
                    next.result = Some(ERROR_400);
                }
            }
            WalkAction::GetToken => {
                next.waiting.push(Waiting::GetToken(now));
                next.answer_waiting();
            }
            WalkAction::ShowDetails => {
                next.waiting.push(Waiting::ShowDetails(now));
                next.answer_waiting();
            }
            WalkAction::Tamper => {
                let tampered = self.stored.as_deref().map(tamper_claim);
                next.tampered_at = tampered.as_ref().and_then(|(_, at)| *at);
                next.stored = tampered.map(|(token, _)| token.into());
                next.subject = None;
                next.result = None;
            }
            WalkAction::EngineAnswered => next.answer_waiting(),
        }
        next
    }

    /// Answers the waiting clicks in order, each at the time it was made, until one must wait.
    fn answer_waiting(&mut self) {
        while let Some(&click) = self.waiting.first() {
            let answered = match click {
                Waiting::GetToken(at) => self.get_token(at),
                Waiting::ShowDetails(at) => self.show_details(at),
            };
            if !answered {
                return;
            }
            self.waiting.remove(0);
        }
    }

    /// `/generate`: sign `{"sub": "bob", "iat": now, "exp": now + 60}`; false while it waits.
    fn get_token(&mut self, now: Seconds) -> bool {
        self.subject = None;
        self.result = None;
        // RS256 before its key pair is made: the click waits for it.
        let Some(key) = self.signing_key_text() else {
            return false;
        };
        // `None`: the key engine has not answered yet.
        match engine::tutorial_issue(self.alg, &key, now) {
            None => false,
            Some(issued) => {
                match issued {
                    Ok(token) => {
                        self.stored = Some(token.into());
                        self.tampered_at = None;
                        self.result = Some(GENERATED);
                    }
                    Err(_) => self.result = Some(ERROR_400),
                }
                true
            }
        }
    }

    /// `/validate`: the `sub` claim when the stored token verifies and has not expired; false
    /// while it waits.
    fn show_details(&mut self, now: Seconds) -> bool {
        self.subject = None;
        self.result = None;
        let (Some(token), Some(key)) = (self.stored.clone(), self.verifying_key_text()) else {
            self.result = Some(INVALID);
            return true;
        };
        match engine::tutorial_validate(self.alg, &key, &token, now) {
            None => false,
            Some(subject) => {
                self.result = subject.is_none().then_some(INVALID);
                self.subject = subject;
                true
            }
        }
    }

    /// The result line's text.
    pub fn result_text(&self) -> Option<String> {
        self.subject
            .clone()
            .or_else(|| self.result.map(str::to_string))
    }

    /// Seconds until the stored token expires (0 once expired).
    pub fn seconds_left(&self, now: Seconds) -> Option<Seconds> {
        Some(self.expires_at()?.saturating_sub(now).max(0))
    }

    /// How long ago the stored token expired, once it has (`Some(0)` at the very second).
    pub fn expired_for(&self, now: Seconds) -> Option<Seconds> {
        let exp = self.expires_at()?;
        (now >= exp).then(|| now.saturating_sub(exp))
    }

    fn expires_at(&self) -> Option<Seconds> {
        let token = token::decode(self.stored.as_deref()?).ok()?;
        token.claims()?.get("exp")?.whole_number()
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
}

/// The token with one character of its payload changed, the way an attacker would edit it.
pub fn tamper(token_text: &str) -> String {
    tamper_claim(token_text).0
}

/// The token with one character of its payload changed so that a claim's value changes and the
/// payload is still good JSON (`"sub": "bob"` becomes another name): what fails is then the
/// signature, which is the lesson. Also gives the changed character's index in the token, to mark.
/// A payload where no single character does that gets its third character changed instead.
pub fn tamper_claim(token_text: &str) -> (String, Option<usize>) {
    use crate::jwt::{base64url, json};
    let Some(dot) = token_text.find('.') else {
        return (format!("{token_text}x"), None);
    };
    let payload_end = token_text[dot + 1..]
        .find('.')
        .map_or(token_text.len(), |i| dot + 1 + i);
    let decoded = |segment: &str| {
        let text = String::from_utf8(base64url::decode(segment).ok()?).ok()?;
        let value = json::parse(&text).ok()?;
        let keys: Vec<String> = value.members().iter().map(|m| m.key.clone()).collect();
        Some((text, keys))
    };
    let with = |at: usize, c: char| {
        let mut text = token_text.to_string();
        text.replace_range(at..at + 1, c.encode_utf8(&mut [0; 4]));
        text
    };
    if let Some((original, keys)) = decoded(&token_text[dot + 1..payload_end]) {
        // The last character may carry padding bits only: it is left alone.
        for at in dot + 1..payload_end.saturating_sub(1) {
            // Only an ASCII character is replaced, so byte `at` is a whole character.
            if !token_text.as_bytes()[at].is_ascii_alphanumeric() {
                continue;
            }
            for c in ('a'..='z').chain('A'..='Z') {
                if token_text.as_bytes()[at] == c as u8 {
                    continue;
                }
                let changed = with(at, c);
                let Some((text, changed_keys)) = decoded(&changed[dot + 1..payload_end]) else {
                    continue;
                };
                // Letters for letters under the same names: a string value changed, and
                // nothing else (numbers and names stay).
                let letters_only = text.len() == original.len()
                    && text.bytes().zip(original.bytes()).all(|(a, b)| {
                        a == b || (a.is_ascii_alphabetic() && b.is_ascii_alphabetic())
                    });
                if letters_only && text != original && changed_keys == keys {
                    return (changed, Some(at));
                }
            }
        }
    }
    // No letter makes another word: the payload's first letter or digit changes (the decoded
    // bytes change, or the segment no longer decodes); with none, a character is added.
    let bytes = token_text.as_bytes();
    match (dot + 1..payload_end).find(|&i| bytes[i].is_ascii_alphanumeric()) {
        Some(at) => {
            let c = if bytes[at] == b'A' { 'B' } else { 'A' };
            (with(at, c), Some(at))
        }
        None => (format!("{token_text}x"), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRIVATE: &str = include_str!("../../tests/vectors/keys/ssh_rsa");
    const PUBLIC: &str = include_str!("../../tests/vectors/keys/ssh_rsa.pub");

    /// jsonwebtoken checks `exp` against the system clock too: the tests run at the real time.
    fn real_now() -> Seconds {
        jsonwebtoken::get_current_timestamp() as Seconds
    }

    #[test]
    fn hs256_get_token_show_details_tamper_and_expire() {
        let now = real_now();
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
    fn rs256_waits_for_its_key_pair_and_verifies_with_the_public_key_only() {
        let now = real_now();
        let w = Walkthrough::default().apply(WalkAction::SetAlg(TutorialAlg::Rs256), now);
        // Clicked while the pair is being made: the click waits, then is answered.
        let w = w.apply(WalkAction::GetToken, now);
        assert_eq!(w.waiting, vec![Waiting::GetToken(now)]);
        assert_eq!(w.result_text(), None);
        // "Show details" in the same moment waits behind it.
        let w = w.apply(WalkAction::ShowDetails, now);
        assert_eq!(w.waiting.len(), 2);
        let w = w.apply(
            WalkAction::SetKeyPair(KeyPair {
                private: PRIVATE.into(),
                public: PUBLIC.into(),
            }),
            now + 1,
        );
        assert!(w.waiting.is_empty());
        assert_eq!(
            w.result_text().as_deref(),
            Some("bob"),
            "both clicks answered in turn"
        );
        let issued = token::decode(w.stored.as_deref().unwrap()).unwrap();
        assert_eq!(
            issued.claims().unwrap().minified(),
            format!(r#"{{"sub":"bob","iat":{now},"exp":{}}}"#, now + 60),
            "issued at the time of the click"
        );
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
    fn a_failed_key_pair_answers_error_400() {
        let now = real_now();
        let w = Walkthrough::default()
            .apply(WalkAction::SetAlg(TutorialAlg::Rs256), now)
            .apply(WalkAction::GetToken, now)
            .apply(WalkAction::KeyPairFailed, now);
        assert!(w.waiting.is_empty());
        assert_eq!(w.result_text().as_deref(), Some(ERROR_400));
    }

    #[test]
    fn tamper_changes_a_claim_value_and_keeps_the_json() {
        let now = real_now();
        let w = Walkthrough::default().apply(WalkAction::GetToken, now);
        let token = w.stored.as_deref().unwrap().to_string();
        let (changed, at) = tamper_claim(&token);
        let at = at.unwrap();
        assert_eq!(changed.len(), token.len());
        assert_eq!(
            changed.bytes().zip(token.bytes()).position(|(a, b)| a != b),
            Some(at)
        );
        // Still a token whose payload is the same claims but for sub's value.
        let before = token::decode(&token).unwrap();
        let after = token::decode(&changed).unwrap();
        let (before, after) = (before.claims().unwrap(), after.claims().unwrap());
        assert_eq!(before.get("iat"), after.get("iat"));
        assert_eq!(before.get("exp"), after.get("exp"));
        let sub = after.get("sub").and_then(|v| v.as_str()).unwrap();
        assert_ne!(sub, "bob");
        assert_eq!(sub.len(), 3);
        // The state marks it.
        let tampered = w.apply(WalkAction::Tamper, now);
        assert_eq!(tampered.stored.as_deref(), Some(changed.as_str()));
        assert_eq!(tampered.tampered_at, Some(at));
        assert_eq!(tampered.apply(WalkAction::GetToken, now).tampered_at, None);
    }

    #[test]
    fn tamper_never_breaks_on_odd_text() {
        for text in ["a.éé", "ab.", "a..b", ".", "", "é.", "a.b", "eyJ.eyJ.sig"] {
            let (changed, at) = tamper_claim(text);
            assert_ne!(changed, text, "{text:?}");
            if let Some(at) = at {
                assert!(changed.is_char_boundary(at) && text.as_bytes()[at] != b'.');
            }
        }
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
