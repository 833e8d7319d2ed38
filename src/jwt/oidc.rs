//! OpenID Connect's hash claims (OIDC Core §3.1.3.6, §3.3.2.11; FAPI's `s_hash`): an ID token
//! binds the access token, code or state issued with it by the left-most half of its hash, taken
//! with the hash of the token's own `alg`.

use sha2::Digest;

use super::base64url;
use super::json::Value;

/// The hash claims an ID token may carry, with what each binds.
pub const HASH_CLAIMS: [(&str, &str); 3] = [
    ("at_hash", "access token"),
    ("c_hash", "authorization code"),
    ("s_hash", "state"),
];

/// The hash claims present in `claims`, as `(name, what it binds, value)`.
pub fn hash_claims(claims: &Value) -> Vec<(&'static str, &'static str, String)> {
    HASH_CLAIMS
        .iter()
        .filter_map(|&(name, what)| {
            let value = claims.get(name)?.as_str()?;
            Some((name, what, value))
        })
        .collect()
}

/// base64url of the left-most half of the hash of `value`'s ASCII bytes, the hash chosen by the
/// JWS `alg` (SHA-256 for HS256, RS256, PS256, ES256 and ES256K; 384 and 512 likewise; EdDSA
/// with Ed25519 uses SHA-512, as OIDC Core 1.0 errata set 2 has it). `Err` names an
/// `alg` with no hash this rule knows.
pub fn left_half_hash(alg: &str, value: &str) -> Result<String, String> {
    let digest: Vec<u8> = match alg {
        "HS256" | "RS256" | "PS256" | "ES256" | "ES256K" => {
            sha2::Sha256::digest(value.as_bytes()).to_vec()
        }
        "HS384" | "RS384" | "PS384" | "ES384" => sha2::Sha384::digest(value.as_bytes()).to_vec(),
        "HS512" | "RS512" | "PS512" | "ES512" | "EdDSA" | "Ed25519" => {
            sha2::Sha512::digest(value.as_bytes()).to_vec()
        }
        other => {
            return Err(format!(
                "the token's alg {other:?} names no hash for OpenID Connect's hash claims"
            ));
        }
    };
    Ok(base64url::encode(&digest[..digest.len() / 2]))
}

/// Whether `value` (the access token, code or state as issued, trimmed) is the one `claimed`
/// binds under `alg`: `Ok(true)` for a match, `Ok(false)` for a mismatch.
pub fn matches(alg: &str, claimed: &str, value: &str) -> Result<bool, String> {
    Ok(left_half_hash(alg, value.trim())? == claimed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::json;

    // Known answers computed with Python's hashlib (left half of the digest, base64url).
    const TOKEN: &str = "jHkWEdUXMU1BwAsC4vtUsZwnNXs";

    #[test]
    fn each_alg_family_takes_the_left_half_of_its_hash() {
        for (alg, expected) in [
            ("RS256", "62t32JCSihcgKXW0y5qZ_Q"),
            ("HS256", "62t32JCSihcgKXW0y5qZ_Q"),
            ("ES256K", "62t32JCSihcgKXW0y5qZ_Q"),
            ("ES384", "7NXvmJ--_fVNv5wjG0jzVIWCuKSB-TYF"),
            ("PS512", "R7nkOHPRVysyGjW8v2oao8_G4IilUptv4b3NDqfy4Oc"),
            ("EdDSA", "R7nkOHPRVysyGjW8v2oao8_G4IilUptv4b3NDqfy4Oc"),
        ] {
            assert_eq!(left_half_hash(alg, TOKEN).as_deref(), Ok(expected), "{alg}");
        }
        assert_eq!(
            left_half_hash(
                "RS256",
                "Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk"
            )
            .as_deref(),
            Ok("LDktKdoQak3Pk0cnXxCltA")
        );
        assert!(left_half_hash("none", TOKEN).is_err());
    }

    #[test]
    fn a_value_matches_or_not_and_the_claims_are_found() {
        assert_eq!(
            matches(
                "RS256",
                "62t32JCSihcgKXW0y5qZ_Q",
                " jHkWEdUXMU1BwAsC4vtUsZwnNXs\n"
            ),
            Ok(true)
        );
        assert_eq!(
            matches("RS256", "62t32JCSihcgKXW0y5qZ_Q", "another"),
            Ok(false)
        );
        let claims =
            json::parse(r#"{"sub":"x","c_hash":"abc","at_hash":"def","s_hash":7}"#).unwrap();
        let found: Vec<&str> = hash_claims(&claims).iter().map(|c| c.0).collect();
        assert_eq!(found, ["at_hash", "c_hash"]);
    }
}
