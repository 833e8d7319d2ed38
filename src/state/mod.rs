//! The one reducer: every input (typing, clicks, the clock, generated keys) goes in as an
//! [`AppAction`]; everything the views show comes out of [`AppState`]. Pure Rust, tested natively.

mod debugger;
mod decoded;
pub mod keygen;
pub mod walkthrough;

pub use debugger::*;
pub use decoded::*;

use crate::engine::EngineStatus;
use crate::jwt::algorithm::Algorithm;
use crate::jwt::keys::SecretEncoding;
use crate::jwt::time::Seconds;
use keygen::{Keygen, KeygenAction};
use walkthrough::{WalkAction, Walkthrough};

/// The whole app's state.
#[derive(Debug, Clone)]
pub struct AppState {
    pub debugger: Debugger,
    pub walkthrough: Walkthrough,
    pub keygen: Keygen,
    /// Whether the key engine can answer.
    pub engine: EngineStatus,
}

/// Everything that can happen.
#[derive(Debug, Clone)]
pub enum AppAction {
    Debugger(Action),
    Walkthrough(WalkAction),
    Keygen(KeygenAction),
    /// The key engine answered (or cannot be reached, or restarted): whatever waited for it is
    /// derived again; it says how the engine is now.
    EngineAnswered(EngineStatus),
    /// Carry a token and its keys into the debugger (from the walkthrough or the key generator).
    OpenInDebugger {
        token: Option<String>,
        key: String,
        signing_key: String,
        /// The algorithm the keys are for: the token shown is re-signed with it when it has
        /// another (a new RSA key on jwt.io's HS256 example becomes an RS256 token).
        alg: Option<Algorithm>,
        /// How the secret is to be read, when it is one (`None`: as the debugger reads now).
        encoding: Option<SecretEncoding>,
        /// What replaces the token and keys shown, for the undo line ("the walkthrough").
        by: &'static str,
    },
}

impl AppState {
    /// The state for the debugger's first token at `now`, with no keys.
    pub fn new(token: &str, now: Seconds) -> Self {
        Self::with(Debugger::new(token, now))
    }

    /// The first screen of a visit with no token of its own: jwt.io's example and its secret.
    pub fn example(now: Seconds) -> Self {
        Self::with(Debugger::example(now))
    }

    fn with(debugger: Debugger) -> Self {
        Self {
            debugger,
            walkthrough: Walkthrough::default(),
            keygen: Keygen::default(),
            engine: crate::engine::status(),
        }
    }

    /// The state after `action`.
    pub fn apply(&self, action: AppAction) -> Self {
        match action {
            AppAction::Debugger(action) => Self {
                debugger: self.debugger.apply(action),
                ..self.clone()
            },
            AppAction::Walkthrough(action) => Self {
                walkthrough: self.walkthrough.apply(action, self.debugger.now),
                ..self.clone()
            },
            AppAction::EngineAnswered(engine) => Self {
                engine,
                debugger: self.debugger.apply(Action::EngineReady),
                walkthrough: self
                    .walkthrough
                    .apply(WalkAction::EngineAnswered, self.debugger.now),
                ..self.clone()
            },
            AppAction::Keygen(action) => Self {
                keygen: self.keygen.apply(action),
                ..self.clone()
            },
            AppAction::OpenInDebugger {
                token,
                key,
                signing_key,
                alg,
                encoding,
                by,
            } => {
                let aside = self.debugger.put_aside(by);
                let mut debugger = self.debugger.clone();
                if let Some(encoding) = encoding {
                    debugger = debugger.apply(Action::SetSecretEncoding(encoding));
                }
                let mut debugger = debugger
                    .apply(Action::SetSigningKey(signing_key))
                    .apply(Action::SetKey(key));
                let generated = token.is_none();
                // A new key and nothing to sign: it signs jwt.io's example claims, so that the
                // debugger shows what it makes.
                let token = token.or_else(|| {
                    debugger
                        .input
                        .trim()
                        .is_empty()
                        .then(|| EXAMPLE_TOKEN.to_string())
                });
                if let Some(token) = token {
                    debugger = debugger.apply(Action::SetToken(token));
                }
                if let Some(alg) = alg.filter(|&a| debugger.algorithm() != Some(a)) {
                    debugger = debugger.apply(Action::SetAlg(alg));
                }
                // A generated key (no token of its own) is there to sign: the token shown is
                // signed with it, which a key alone no longer does.
                if generated {
                    debugger = debugger.apply(Action::SignShown);
                }
                // The user's token and keys are one click back (unless nothing changed).
                debugger.replaced = aside.filter(|a| !debugger.holds(a));
                Self {
                    debugger,
                    ..self.clone()
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::walkthrough::TUTORIAL_SECRET;

    #[test]
    fn open_in_debugger_carries_token_and_key() {
        let state =
            AppState::new("", 1_700_000_000).apply(AppAction::Walkthrough(WalkAction::GetToken));
        let token = state.walkthrough.stored.as_deref().unwrap().to_string();
        let state = state.apply(AppAction::OpenInDebugger {
            token: Some(token.clone()),
            key: TUTORIAL_SECRET.into(),
            signing_key: String::new(),
            alg: None,
            encoding: None,
            by: "the walkthrough's token",
        });
        assert_eq!(&*state.debugger.input, token.as_str());
        assert_eq!(state.debugger.verdict.state(), "verified");
    }

    #[test]
    fn a_generated_key_opened_in_the_debugger_re_signs_the_token_for_its_algorithm() {
        use crate::jwt::keys::export;
        use crate::jwt::keys::generate::{self, KeyKind};
        let jwt_io = crate::state::debugger::EXAMPLE_TOKEN;
        let kind = KeyKind::Ed25519;
        let key = generate::from_random(kind, &[7; 64][..kind.random_bytes()]).unwrap();
        assert_eq!(key.signing_algorithm(), Some(Algorithm::EdDSA));
        let state = AppState::new(jwt_io, 1_700_000_000).apply(AppAction::OpenInDebugger {
            token: None,
            key: export::public_pem(&key.material).unwrap(),
            signing_key: export::private_pem(&key.material).unwrap(),
            alg: key.signing_algorithm(),
            encoding: None,
            by: "the new key",
        });
        // jwt.io's HS256 example, re-signed with the new Ed25519 key: no key-confusion refusal.
        assert_eq!(state.debugger.algorithm(), Some(Algorithm::EdDSA));
        assert_eq!(state.debugger.verdict.state(), "verified");
        assert_eq!(state.debugger.edit_error, None);
        // A second key of the same algorithm signs the token too (no alg change to do it).
        let other = generate::from_random(kind, &[9; 64][..kind.random_bytes()]).unwrap();
        let again = state.apply(AppAction::OpenInDebugger {
            token: None,
            key: export::public_pem(&other.material).unwrap(),
            signing_key: export::private_pem(&other.material).unwrap(),
            alg: other.signing_algorithm(),
            encoding: None,
            by: "the new key",
        });
        assert_ne!(again.debugger.input, state.debugger.input);
        assert_eq!(again.debugger.verdict.state(), "verified");
        // The token shown before the keys came is one click back, as it was.
        let back = again.apply(AppAction::Debugger(Action::BackToPasted));
        assert_eq!(&*back.debugger.input, jwt_io);
        assert_eq!(back.debugger.algorithm(), Some(Algorithm::HS256));
    }

    #[test]
    fn a_new_key_with_an_empty_debugger_signs_the_example_claims_and_is_undone_to_nothing() {
        use crate::jwt::keys::export;
        use crate::jwt::keys::generate::{self, KeyKind};
        let key = generate::from_random(KeyKind::Ed25519, &[3; 32]).unwrap();
        let state = AppState::new("", 0).apply(AppAction::OpenInDebugger {
            token: None,
            key: export::public_pem(&key.material).unwrap(),
            signing_key: export::private_pem(&key.material).unwrap(),
            alg: key.signing_algorithm(),
            encoding: None,
            by: "the new key",
        });
        assert_eq!(state.debugger.algorithm(), Some(Algorithm::EdDSA));
        assert_eq!(state.debugger.verdict.state(), "verified");
        // Nothing of the user's was replaced: no undo to offer.
        assert_eq!(state.debugger.replaced, None);
    }
}
