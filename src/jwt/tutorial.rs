//! The tutorial's Flask app in Rust: `/generate` is `jsonwebtoken::encode` of [`Claims`], and
//! `/validate` is `jsonwebtoken::decode::<Claims>` with PyJWT's leeway of 0, any error meaning
//! "Invalid token". A build without the asymmetric key code (`split`) has only the types: its caller
//! runs both where that code is.

#[cfg(not(feature = "split"))]
use jsonwebtoken::{DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use super::algorithm::Algorithm;
#[cfg(not(feature = "split"))]
use super::keys::{self, SecretEncoding};
use super::time::Seconds;
#[cfg(not(feature = "split"))]
use super::{primitives, provider};

/// The secret of the tutorial's first version.
pub const TUTORIAL_SECRET: &str = "mysecret";
/// How long the tutorial's tokens live.
pub const LIFETIME: Seconds = 60;

/// The tutorial's claims, in the order its Python dict writes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub iat: u64,
    pub exp: u64,
}

/// Which version of the tutorial's app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TutorialAlg {
    /// The first version: a shared secret.
    Hs256,
    /// The second: an `ssh-keygen` key pair, private key signs, public key verifies.
    Rs256,
}

impl TutorialAlg {
    /// The JWS `alg` name.
    pub fn name(self) -> &'static str {
        self.ours().name()
    }

    #[cfg(not(feature = "split"))]
    fn library_alg(self) -> jsonwebtoken::Algorithm {
        match self {
            TutorialAlg::Hs256 => jsonwebtoken::Algorithm::HS256,
            TutorialAlg::Rs256 => jsonwebtoken::Algorithm::RS256,
        }
    }

    fn ours(self) -> Algorithm {
        match self {
            TutorialAlg::Hs256 => Algorithm::HS256,
            TutorialAlg::Rs256 => Algorithm::RS256,
        }
    }
}

/// `/generate` at `now`: the token, or why signing failed (the tutorial's "Error 400").
#[cfg(not(feature = "split"))]
pub fn issue(alg: TutorialAlg, key_text: &str, now: Seconds) -> Result<String, String> {
    let now = u64::try_from(now).map_err(|_| "the clock is before 1970".to_string())?;
    let claims = Claims {
        sub: "bob".into(),
        iat: now,
        exp: now.saturating_add(LIFETIME.unsigned_abs()),
    };
    let key = encoding_key(alg, key_text)?;
    provider::install();
    jsonwebtoken::encode(&Header::new(alg.library_alg()), &claims, &key)
        .map_err(|e| format!("signing failed: {e}"))
}

/// `/validate` at `now`: the token's `sub` when it verifies and has not expired.
#[cfg(not(feature = "split"))]
pub fn validate(alg: TutorialAlg, key_text: &str, token: &str, now: Seconds) -> Option<String> {
    let key = decoding_key(alg, key_text)?;
    // PyJWT's defaults: no leeway, and the one algorithm the app names.
    let mut validation = Validation::new(alg.library_alg());
    validation.leeway = 0;
    validation.set_required_spec_claims(&["exp", "sub"]);
    provider::install();
    let data = jsonwebtoken::decode::<Claims>(token, &key, &validation).ok()?;
    // jsonwebtoken checked `exp` against the system clock; the page's clock (which its tests
    // move) must agree. Expired as PyJWT has it: from the second `exp` names.
    (u64::try_from(now).is_ok_and(|now| now < data.claims.exp)).then_some(data.claims.sub)
}

#[cfg(not(feature = "split"))]
fn encoding_key(alg: TutorialAlg, key_text: &str) -> Result<EncodingKey, String> {
    let set = keys::parse(key_text, SecretEncoding::Utf8)
        .ok_or("no key to sign with")?
        .map_err(|e| e.to_string())?;
    let key = set.keys().first().ok_or("the key set is empty")?;
    primitives::encoding_key(alg.ours(), &key.material)
}

#[cfg(not(feature = "split"))]
fn decoding_key(alg: TutorialAlg, key_text: &str) -> Option<DecodingKey> {
    let set = keys::parse(key_text, SecretEncoding::Utf8)?.ok()?;
    let key = set.keys().first()?;
    // The key must fit the algorithm: a public key as an HMAC secret is the classic forgery.
    super::verify::key_fits(key, alg.ours(), super::verify::Purpose::Verify).ok()?;
    primitives::decoding_key(&key.material)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRIVATE: &str = include_str!("../../tests/vectors/keys/ssh_rsa");
    const PUBLIC: &str = include_str!("../../tests/vectors/keys/ssh_rsa.pub");

    fn now() -> Seconds {
        jsonwebtoken::get_current_timestamp() as Seconds
    }

    #[test]
    fn hs256_issues_the_tutorials_claims_and_validates_them() {
        let now = now();
        let token = issue(TutorialAlg::Hs256, TUTORIAL_SECRET, now).unwrap();
        let claims = super::super::token::decode(&token).unwrap();
        assert_eq!(
            claims.claims().unwrap().minified(),
            format!(r#"{{"sub":"bob","iat":{now},"exp":{}}}"#, now + 60)
        );
        assert_eq!(claims.alg().as_deref(), Some("HS256"));
        assert_eq!(
            validate(TutorialAlg::Hs256, TUTORIAL_SECRET, &token, now + 59).as_deref(),
            Some("bob")
        );
        // Expired by the page's clock, by jsonwebtoken's, altered, the wrong secret or algorithm.
        assert_eq!(
            validate(TutorialAlg::Hs256, TUTORIAL_SECRET, &token, now + 60),
            None
        );
        let old = issue(TutorialAlg::Hs256, TUTORIAL_SECRET, now - 61).unwrap();
        assert_eq!(
            validate(TutorialAlg::Hs256, TUTORIAL_SECRET, &old, now - 30),
            None
        );
        let tampered = crate::state::walkthrough::tamper(&token);
        assert_eq!(
            validate(TutorialAlg::Hs256, TUTORIAL_SECRET, &tampered, now),
            None
        );
        assert_eq!(
            validate(TutorialAlg::Hs256, "othersecret", &token, now),
            None
        );
        assert_eq!(validate(TutorialAlg::Rs256, PUBLIC, &token, now), None);
    }

    #[test]
    fn rs256_signs_with_the_ssh_keygen_private_key_and_verifies_with_the_public_one() {
        let now = now();
        let token = issue(TutorialAlg::Rs256, PRIVATE, now).unwrap();
        assert_eq!(
            validate(TutorialAlg::Rs256, PUBLIC, &token, now).as_deref(),
            Some("bob")
        );
        // The public key cannot sign; used as an HS256 secret it does not verify (key confusion).
        assert!(issue(TutorialAlg::Rs256, PUBLIC, now).is_err());
        // The classic forgery: HS256 keyed with the public key's text.
        assert!(issue(TutorialAlg::Hs256, PUBLIC, now).is_err());
        provider::install();
        let claims = Claims {
            sub: "bob".into(),
            iat: now as u64,
            exp: now as u64 + 60,
        };
        let forged = jsonwebtoken::encode(
            &Header::new(jsonwebtoken::Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(PUBLIC.as_bytes()).unwrap(),
        )
        .unwrap();
        assert_eq!(validate(TutorialAlg::Hs256, PUBLIC, &forged, now), None);
        assert_eq!(validate(TutorialAlg::Rs256, PUBLIC, &forged, now), None);
    }

    #[test]
    fn times_at_the_ends_of_the_range_are_answers_not_panics() {
        // jsonwebtoken subtracts the leeway from its clock: with PyJWT's 0 nothing can wrap.
        provider::install();
        let forever = Claims {
            sub: "bob".into(),
            iat: 0,
            exp: u64::MAX,
        };
        let key = EncodingKey::from_secret(TUTORIAL_SECRET.as_bytes()).unwrap();
        let token = jsonwebtoken::encode(&Header::default(), &forever, &key).unwrap();
        assert_eq!(
            validate(TutorialAlg::Hs256, TUTORIAL_SECRET, &token, now()).as_deref(),
            Some("bob")
        );
        assert_eq!(
            validate(TutorialAlg::Hs256, TUTORIAL_SECRET, &token, Seconds::MAX).as_deref(),
            Some("bob")
        );
        assert_eq!(
            validate(TutorialAlg::Hs256, TUTORIAL_SECRET, &token, Seconds::MIN),
            None
        );
        let issued = issue(TutorialAlg::Hs256, TUTORIAL_SECRET, Seconds::MAX).unwrap();
        assert!(
            super::super::token::decode(&issued).is_ok(),
            "exp saturates instead of wrapping"
        );
        assert!(issue(TutorialAlg::Hs256, TUTORIAL_SECRET, -1).is_err());
    }

    #[test]
    fn no_key_is_an_error_not_a_panic() {
        assert!(issue(TutorialAlg::Rs256, "", 0).is_err());
        assert!(issue(TutorialAlg::Rs256, "-----BEGIN PRIVATE KEY-----", 0).is_err());
        assert_eq!(validate(TutorialAlg::Rs256, "", "a.b.c", 0), None);
        assert_eq!(
            validate(
                TutorialAlg::Hs256,
                TUTORIAL_SECRET,
                "not a token",
                Seconds::MAX
            ),
            None
        );
    }
}
