//! What claims and header parameters mean (one sentence each), which claims are dates, and the
//! token's time status relative to a `now` the caller supplies.

use serde::de::IgnoredAny;

use super::json::Value;
use super::time::{self, Seconds};
use super::typed::Field;

/// One sentence on a registered JWT claim (RFC 7519 §4.1) or a common OpenID Connect claim.
pub fn explain_claim(name: &str) -> Option<&'static str> {
    Some(match name {
        "iss" => "Issuer: who created and signed this token.",
        "sub" => "Subject: whom the token is about, usually a user id, unique within the issuer.",
        "aud" => "Audience: the recipients the token is meant for; anyone else must reject it.",
        "exp" => "Expiration time: on or after this moment the token must be rejected.",
        "nbf" => "Not before: the token must be rejected before this moment.",
        "iat" => "Issued at: when the token was created.",
        "jti" => "JWT ID: a unique identifier, used to stop a token being replayed.",
        "azp" => "Authorized party: the client the ID token was issued to (OpenID Connect).",
        "nonce" => {
            "Nonce: the value the client sent in its request, echoed to stop replay (OpenID Connect)."
        }
        "auth_time" => {
            "Authentication time: when the user last actually authenticated (OpenID Connect)."
        }
        "acr" => {
            "Authentication context class: how strongly the user was authenticated (OpenID Connect)."
        }
        "amr" => {
            "Authentication methods: how the user authenticated, e.g. pwd, otp, mfa (RFC 8176)."
        }
        "at_hash" => "Access token hash: binds this ID token to the access token issued with it.",
        "c_hash" => "Code hash: binds this ID token to the authorization code issued with it.",
        "sid" => "Session ID: the identity provider's session this token belongs to.",
        "name" => "Full name of the user (OpenID Connect standard claim).",
        "given_name" => "Given (first) name of the user (OpenID Connect).",
        "family_name" => "Family (last) name of the user (OpenID Connect).",
        "middle_name" => "Middle name of the user (OpenID Connect).",
        "nickname" => "Casual name of the user (OpenID Connect).",
        "preferred_username" => {
            "The name the user prefers to be shown; not unique, never a key (OpenID Connect)."
        }
        "profile" => "URL of the user's profile page (OpenID Connect).",
        "picture" => "URL of the user's picture (OpenID Connect).",
        "website" => "URL of the user's web page or blog (OpenID Connect).",
        "email" => "The user's e-mail address (OpenID Connect).",
        "email_verified" => "Whether the issuer verified the e-mail address (OpenID Connect).",
        "gender" => "The user's gender (OpenID Connect).",
        "birthdate" => "The user's birthday, YYYY-MM-DD (OpenID Connect).",
        "zoneinfo" => "The user's time zone, e.g. Europe/Paris (OpenID Connect).",
        "locale" => "The user's locale, e.g. en-US (OpenID Connect).",
        "phone_number" => "The user's telephone number (OpenID Connect).",
        "phone_number_verified" => "Whether the issuer verified the phone number (OpenID Connect).",
        "address" => "The user's postal address, a JSON object (OpenID Connect).",
        "updated_at" => "When the user's information was last updated (OpenID Connect).",
        "scope" => "Scopes granted to the token, space-separated (RFC 8693, RFC 9068).",
        "scp" => "Scopes granted to the token (a common non-standard spelling of scope).",
        "client_id" => "The OAuth client the token was issued to (RFC 8693, RFC 9068).",
        "roles" => "Roles granted to the subject (RFC 9068, from SCIM).",
        "groups" => "Groups the subject belongs to (RFC 9068, from SCIM).",
        "entitlements" => "Entitlements granted to the subject (RFC 9068, from SCIM).",
        "act" => "Actor: who is acting on behalf of the subject, in token exchange (RFC 8693).",
        "may_act" => "Who may act on behalf of the subject, in token exchange (RFC 8693).",
        "cnf" => "Confirmation: the key the presenter must prove it holds (RFC 7800).",
        "tid" => "Tenant ID: the directory or tenant that issued the token (Microsoft Entra ID).",
        "oid" => "Object ID: the user's immutable id in the directory (Microsoft Entra ID).",
        "upn" => "User principal name, a login name (Microsoft Entra ID).",
        "_sd" => {
            "Digests of the claims this SD-JWT can disclose, and decoys; a verifier puts each disclosed one in its place (RFC 9901)."
        }
        "_sd_alg" => {
            "The hash the SD-JWT's digests are taken with; sha-256 when absent (RFC 9901)."
        }
        "sd_hash" => {
            "The hash of the SD-JWT presented with this key-binding JWT, up to its last ~ (RFC 9901)."
        }
        "vct" => "Verifiable credential type: what kind of credential this SD-JWT VC is.",
        "vct#integrity" => "A hash of the credential type's metadata document (SD-JWT VC).",
        "status" => {
            "Where to check whether the credential was revoked or suspended, e.g. a status list (SD-JWT VC)."
        }
        _ => return None,
    })
}

/// One sentence on a JOSE header parameter (RFC 7515 §4.1, RFC 7516, RFC 7797, RFC 8555).
pub fn explain_header(name: &str) -> Option<&'static str> {
    Some(match name {
        "alg" => {
            "Algorithm used to sign (or encrypt the key of) this token. The verifier's key, not this field, must decide what is accepted."
        }
        "typ" => "Media type of the whole token, usually JWT (or at+jwt for OAuth access tokens).",
        "cty" => "Content type of the payload; JWT when the payload is itself a nested token.",
        "kid" => "Key ID: a hint saying which of the issuer's keys signed the token.",
        "jku" => {
            "JWK Set URL: where the signer says its keys live. A verifier must never fetch keys from a URL chosen by the token."
        }
        "jwk" => {
            "An embedded public key. A verifier must never trust a key carried by the token it verifies."
        }
        "x5u" => {
            "X.509 URL: where the signer says its certificate chain lives. Never fetch it blindly."
        }
        "x5c" => {
            "An embedded X.509 certificate chain. Trust it only if it chains to a root you already trust."
        }
        "x5t" => "SHA-1 thumbprint of the signing certificate.",
        "x5t#S256" => "SHA-256 thumbprint of the signing certificate.",
        "crit" => "Header parameters the verifier must understand, or else reject the token.",
        "b64" => "false means the payload is not base64url-encoded (RFC 7797).",
        "enc" => "Content encryption algorithm of a JWE (RFC 7516).",
        "zip" => "Compression applied before encryption (JWE).",
        "epk" => "Ephemeral public key for ECDH key agreement (JWE).",
        "apu" => "Agreement PartyUInfo for ECDH key agreement (JWE).",
        "apv" => "Agreement PartyVInfo for ECDH key agreement (JWE).",
        "iv" => "Initialization vector for AES-GCM key wrapping (JWE).",
        "tag" => "Authentication tag for AES-GCM key wrapping (JWE).",
        "p2s" => "Salt for PBES2 password-based key wrapping (JWE).",
        "p2c" => "Iteration count for PBES2 password-based key wrapping (JWE).",
        "nonce" => "Replay-protection nonce from the server (ACME, RFC 8555).",
        "url" => "The URL the request is for (ACME, RFC 8555).",
        _ => return None,
    })
}

/// Claims whose value is a NumericDate.
pub const DATE_CLAIMS: [&str; 5] = ["exp", "nbf", "iat", "auth_time", "updated_at"];

/// The NumericDate claims of a claim set, read by name, in whole seconds. A claim of another
/// type (a string, `null`) or beyond any float is [`Field::Wrong`], so it can be reported rather
/// than taken for a missing one.
///
/// Read from each number's text (`Value::whole_number`) rather than through serde, whose data
/// model would pass the number through an f64: exact, and the page needs no float parser.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Dates {
    /// Expiration time.
    pub exp: Field<Seconds>,
    /// Not before.
    pub nbf: Field<Seconds>,
    /// Issued at.
    pub iat: Field<Seconds>,
    /// When the user authenticated (OpenID Connect).
    pub auth_time: Field<Seconds>,
    /// When the user's information changed (OpenID Connect).
    pub updated_at: Field<Seconds>,
}

impl Dates {
    /// Reads the date claims of `claims`; anything but a JSON object has none. Of duplicate
    /// names the last counts, as in the display.
    pub fn of(claims: &Value) -> Self {
        let date = |name| match claims.get(name) {
            None => Field::Absent,
            Some(value) => value
                .whole_number()
                .map_or(Field::Wrong(IgnoredAny), Field::Given),
        };
        Self {
            exp: date("exp"),
            nbf: date("nbf"),
            iat: date("iat"),
            auth_time: date("auth_time"),
            updated_at: date("updated_at"),
        }
    }

    /// Each claim with its name, in [`DATE_CLAIMS`] order.
    pub fn named(&self) -> [(&'static str, Field<Seconds>); 5] {
        [
            ("exp", self.exp),
            ("nbf", self.nbf),
            ("iat", self.iat),
            ("auth_time", self.auth_time),
            ("updated_at", self.updated_at),
        ]
    }
}

/// A date claim explained for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateClaim {
    pub name: &'static str,
    /// Whole seconds (fractions, which RFC 7519 allows, are truncated toward the past).
    pub at: Seconds,
    /// `2018-01-18 01:30:22 UTC`.
    pub utc: String,
    /// `2018-01-18 02:30:22 (UTC+01:00)`; `None` when the viewer's clock reads UTC then (the
    /// UTC line says it all).
    pub local: Option<String>,
    /// `in 42 s`, `3 days ago`.
    pub relative: String,
}

/// The date claims present in `claims`, explained relative to `now`; `offset_minutes` gives the
/// viewer's UTC offset for a moment (so daylight saving is right for each date).
pub fn date_claims(
    claims: &Value,
    now: Seconds,
    offset_minutes: impl Fn(Seconds) -> i32,
) -> Vec<DateClaim> {
    Dates::of(claims)
        .named()
        .into_iter()
        .filter_map(|(name, claim)| {
            let at = *claim.given()?;
            let offset = offset_minutes(at);
            Some(DateClaim {
                name,
                at,
                utc: format!("{} UTC", time::format_date(at, 0)?),
                local: match offset {
                    0 => None,
                    _ => Some(format!(
                        "{} ({})",
                        time::format_date(at, offset)?,
                        time::format_offset(offset)
                    )),
                },
                relative: time::relative(at, now),
            })
        })
        .collect()
}

/// Whether the token is usable now, judged by `exp` and `nbf` alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClaimsStatus {
    /// Within `nbf`..`exp`; `expires_at` is `exp`.
    Valid { expires_at: Seconds },
    /// Now is on or after `exp` (RFC 7519 §4.1.4).
    Expired { at: Seconds },
    /// Now is before `nbf`.
    NotYetValid { from: Seconds },
    /// No usable `exp`: such a token never expires. `reason` says why.
    NoExp { reason: &'static str },
}

impl ClaimsStatus {
    /// Judges `claims` at `now`.
    pub fn at(claims: &Value, now: Seconds) -> Self {
        let dates = Dates::of(claims);
        if let Some(&from) = dates.nbf.given()
            && now < from
        {
            return Self::NotYetValid { from };
        }
        if !dates.exp.is_present() {
            return Self::NoExp {
                reason: "No exp claim: this token never expires",
            };
        }
        match dates.exp.given().copied() {
            None => Self::NoExp {
                reason: "Its exp is not a number, so it cannot expire",
            },
            Some(at) if now >= at => Self::Expired { at },
            Some(expires_at) => Self::Valid { expires_at },
        }
    }

    /// The `data-state` word.
    pub fn state(&self) -> &'static str {
        match self {
            Self::Valid { .. } => "valid",
            Self::Expired { .. } => "expired",
            Self::NotYetValid { .. } => "not-yet-valid",
            Self::NoExp { .. } => "no-exp",
        }
    }

    /// The sentence shown, relative to `now`.
    pub fn describe(&self, now: Seconds) -> String {
        let gap =
            |a: Seconds, b: Seconds| time::format_duration(a.saturating_sub(b).unsigned_abs());
        match *self {
            Self::Valid { expires_at } => format!("Valid: expires in {}", gap(expires_at, now)),
            Self::Expired { at } if at == now => "Expired just now".into(),
            Self::Expired { at } => format!("Expired {} ago", gap(now, at)),
            Self::NotYetValid { from } => format!("Not valid yet: usable in {}", gap(from, now)),
            Self::NoExp { reason } => reason.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::json::parse;

    #[test]
    fn status_follows_exp_and_nbf() {
        let claims = parse(r#"{"iat":1000,"exp":1060}"#).unwrap();
        assert_eq!(
            ClaimsStatus::at(&claims, 1018),
            ClaimsStatus::Valid { expires_at: 1060 }
        );
        assert_eq!(
            ClaimsStatus::at(&claims, 1018).describe(1018),
            "Valid: expires in 42 s"
        );
        assert_eq!(ClaimsStatus::at(&claims, 1060).state(), "expired");
        assert_eq!(
            ClaimsStatus::at(&claims, 1060).describe(1060),
            "Expired just now"
        );
        assert_eq!(
            ClaimsStatus::at(&claims, 1240).describe(1240),
            "Expired 3 min ago"
        );
        let early = parse(r#"{"nbf":2000,"exp":3000}"#).unwrap();
        assert_eq!(
            ClaimsStatus::at(&early, 1700).describe(1700),
            "Not valid yet: usable in 5 min"
        );
        assert_eq!(ClaimsStatus::at(&early, 2000).state(), "valid");
        assert_eq!(ClaimsStatus::at(&parse("{}").unwrap(), 0).state(), "no-exp");
        let odd = parse(r#"{"exp":"tomorrow"}"#).unwrap();
        assert_eq!(
            ClaimsStatus::at(&odd, 0).describe(0),
            "Its exp is not a number, so it cannot expire"
        );
        assert_eq!(
            ClaimsStatus::at(&parse(r#"{"exp":1e300}"#).unwrap(), 0).state(),
            "valid"
        );
        assert_eq!(
            ClaimsStatus::at(&parse(r#"{"exp":-1e300}"#).unwrap(), i64::MAX).state(),
            "expired"
        );
    }

    #[test]
    fn odd_date_claims_are_read_as_the_display_shows_them() {
        let status = |text: &str| ClaimsStatus::at(&parse(text).unwrap(), 1000).describe(1000);
        let not_a_number = "Its exp is not a number, so it cannot expire";
        assert_eq!(status(r#"{"exp":null}"#), not_a_number);
        assert_eq!(status(r#"{"exp":1e400}"#), not_a_number);
        assert_eq!(status(r#"{"exp":[1060]}"#), not_a_number);
        // The last of duplicate keys, as the display and most libraries read them.
        assert_eq!(
            status(r#"{"exp":5000,"exp":1060}"#),
            "Valid: expires in 1 min"
        );
        assert_eq!(
            status(r#"{"big":1e400,"nbf":2000,"exp":3000}"#),
            "Not valid yet: usable in 16 min"
        );
        // Only an object holds claims: an array's first element is not `exp`.
        assert_eq!(status("[1060]"), "No exp claim: this token never expires");
        assert_eq!(Dates::of(&parse("\"x\"").unwrap()), Dates::default());
    }

    #[test]
    fn date_claims_are_explained() {
        let claims =
            parse(r#"{"sub":"x","iat":1516239022,"exp":1516239082.9,"auth_time":"no"}"#).unwrap();
        let dates = date_claims(&claims, 1_516_239_040, |_| 60);
        assert_eq!(dates.len(), 2);
        assert_eq!(dates[0].name, "exp");
        assert_eq!(dates[0].at, 1_516_239_082);
        assert_eq!(dates[0].relative, "in 42 s");
        assert_eq!(dates[1].utc, "2018-01-18 01:30:22 UTC");
        assert_eq!(
            dates[1].local.as_deref(),
            Some("2018-01-18 02:30:22 (UTC+01:00)")
        );
        // A viewer on UTC gets one line.
        let on_utc = date_claims(&claims, 1_516_239_040, |_| 0);
        assert_eq!(on_utc[1].local, None);
        assert_eq!(on_utc[1].utc, "2018-01-18 01:30:22 UTC");
        assert_eq!(dates[1].relative, "18 s ago");
        assert!(date_claims(&parse(r#"{"exp":1e300}"#).unwrap(), 0, |_| 0).is_empty());
    }

    #[test]
    fn dictionary_covers_registered_names() {
        for name in [
            "iss", "sub", "aud", "exp", "nbf", "iat", "jti", "nonce", "email", "_sd", "_sd_alg",
            "sd_hash", "vct", "status",
        ] {
            assert!(explain_claim(name).is_some(), "{name}");
        }
        for name in [
            "alg", "typ", "kid", "cty", "crit", "jku", "jwk", "x5u", "x5c", "b64",
        ] {
            assert!(explain_header(name).is_some(), "{name}");
        }
        assert_eq!(explain_claim("favourite_colour"), None);
    }
}
