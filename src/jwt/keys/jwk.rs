//! JSON Web Keys (RFC 7517, RFC 7518 §6, RFC 8037) and key sets, read with jsonwebtoken's serde
//! types from the lossless JSON reader's values (so a key reads as the page would show it).

use std::collections::BTreeMap;

use jsonwebtoken::jwk::{AlgorithmParameters, Jwk, JwkSet};
use rsa::BoxedUint;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

use super::error::{KeyError, MIN_RSA_BITS};
use super::key::{self, Format, Key, KeySet, Material, Usage};
use super::pem_der;
use crate::jwt::algorithm::Curve;
use crate::jwt::base64url;
use crate::jwt::json::{self, Member, Value, unescape};
use crate::jwt::typed::{self, Field};

/// A JWK or a JWKS (`{"keys": [...]}`).
pub fn parse(text: &str) -> Result<KeySet, KeyError> {
    let value = json::parse(text).map_err(|e| KeyError::Jwk(format!("not JSON: {e}")))?;
    let Some(keys) = value.get("keys") else {
        return key(&value).map(KeySet::One);
    };
    let Value::Array(items) = keys else {
        return Err(KeyError::Jwk("\"keys\" must be an array of JWKs".into()));
    };
    // The set is read as jsonwebtoken's `JwkSet`. That refuses the whole set for one key it
    // cannot read, so when it does, each key is read alone: the usable keys are kept and the
    // others named.
    let modelled_set = Value::Object(vec![Member {
        key: "keys".into(),
        value: Value::Array(
            items
                .iter()
                .map(|item| match item {
                    Value::Object(members) => modelled(members),
                    other => other.clone(),
                })
                .collect(),
        ),
    }]);
    // Each key as the set gave it, or `None` for all when the set was refused.
    let from_set: Vec<Option<Jwk>> = match typed::read::<JwkSet>(&modelled_set) {
        Ok(set) if set.keys.len() == items.len() => set.keys.into_iter().map(Some).collect(),
        _ => items.iter().map(|_| None).collect(),
    };
    let mut usable = Vec::new();
    let mut skipped = Vec::new();
    for (index, (item, jwk)) in items.iter().zip(from_set).enumerate() {
        let read = match jwk {
            Some(jwk) => common(item).and_then(|common| key_of(item, jwk, common)),
            None => key(item),
        };
        match read {
            Ok(key) => usable.push(key),
            Err(e) => {
                let name = item
                    .get("kid")
                    .and_then(Value::as_str)
                    .unwrap_or_else(|| format!("#{index}"));
                skipped.push(format!("{name}: {e}"));
            }
        }
    }
    if usable.is_empty() {
        return Err(KeyError::Jwk(if skipped.is_empty() {
            "the key set is empty".into()
        } else {
            format!("no usable key in the set ({})", skipped.join("; "))
        }));
    }
    Ok(KeySet::Jwks {
        keys: usable,
        skipped,
    })
}

/// How the common members are written. jsonwebtoken's `Jwk` reads `null` as absent and refuses a
/// key for a member of the wrong type without naming it, and its `alg` folds names it does not
/// know (ES512, a typo) into one value: this names the member and keeps `alg` as written.
#[derive(Default, Deserialize)]
#[serde(default)]
struct Common {
    kty: Field<String>,
    kid: Field<String>,
    alg: Field<String>,
    #[serde(rename = "use")]
    public_use: Field<String>,
    /// Entries that are not strings are skipped, not refused.
    key_ops: Field<Vec<IgnoredAny>>,
}

/// The private parameters, which jsonwebtoken's `Jwk` does not model (it holds public keys only).
/// `dp`, `dq` and `qi` are not read: the RSA key computes them from `p` and `q`.
#[derive(Default, Deserialize)]
#[serde(default)]
struct Private {
    d: Field<String>,
    p: Field<String>,
    q: Field<String>,
}

/// Members that are not read here: a malformed one must not make `Jwk` refuse the key.
const UNUSED_MEMBERS: [&str; 4] = ["x5u", "x5c", "x5t", "x5t#S256"];

/// A member that must be a string when it is there.
fn text(field: &Field<String>, name: &str) -> Result<Option<String>, KeyError> {
    match field {
        Field::Absent => Ok(None),
        Field::Given(text) => Ok(Some(text.clone())),
        Field::Wrong(_) => Err(KeyError::Jwk(format!("\"{name}\" must be a string"))),
    }
}

/// Base64url bytes of an optional member.
fn optional(field: &Field<String>, name: &str) -> Result<Option<Vec<u8>>, KeyError> {
    text(field, name)?
        .map(|text| b64_field(name, &text))
        .transpose()
}

/// The word a jsonwebtoken enum is written as in JSON (`sig`, `verify`, `P-256`).
fn word<T: Serialize>(value: &T) -> Option<String> {
    serde_json::to_value(value).ok()?.as_str().map(String::from)
}

/// The object as jsonwebtoken's `Jwk` is given it: without [`UNUSED_MEMBERS`], and with only
/// the strings of `key_ops`.
fn modelled(members: &[Member]) -> Value {
    Value::Object(
        members
            .iter()
            .filter(|m| !UNUSED_MEMBERS.contains(&unescape(&m.key).as_str()))
            .map(|m| match &m.value {
                Value::Array(ops) if unescape(&m.key) == "key_ops" => Member {
                    key: m.key.clone(),
                    value: Value::Array(
                        ops.iter()
                            .filter(|op| matches!(op, Value::String(_)))
                            .cloned()
                            .collect(),
                    ),
                },
                _ => m.clone(),
            })
            .collect(),
    )
}

fn uint(bytes: &[u8]) -> BoxedUint {
    BoxedUint::from_be_slice_vartime(bytes)
}

/// One JWK.
fn key(value: &Value) -> Result<Key, KeyError> {
    let Value::Object(members) = value else {
        return Err(KeyError::Jwk("a JWK must be a JSON object".into()));
    };
    // First the members `Jwk` would refuse without naming them.
    let common = common(value)?;
    let jwk: Jwk = typed::read(&modelled(members)).map_err(not_a_jwk)?;
    key_of(value, jwk, common)
}

/// `x5t` and `x5t#S256` as the JWK states them, or else computed from the first certificate of
/// its `x5c` (standard base64 DER). Malformed members are ignored: they only help pick a key.
fn with_thumbprints(mut usage: Usage, value: &Value) -> Usage {
    let member = |name: &str| value.get(name).and_then(Value::as_str);
    usage.x5t = member("x5t");
    usage.x5t_s256 = member("x5t#S256");
    if (usage.x5t.is_none() || usage.x5t_s256.is_none())
        && let Some(Value::Array(chain)) = value.get("x5c")
        && let Some(first) = chain.first().and_then(Value::as_str)
        && let Ok(der) = crate::jwt::base64url::decode_standard(&first)
    {
        let (x5t, x5t_s256) = pem_der::certificate_thumbprints(&der);
        usage.x5t.get_or_insert(x5t);
        usage.x5t_s256.get_or_insert(x5t_s256);
    }
    usage
}

fn not_a_jwk(e: String) -> KeyError {
    KeyError::Jwk(format!("not a JWK ({e})"))
}

/// The key's `kty` and its `alg` as written, once `kid`, `use` and `key_ops` are known to be of
/// their types.
fn common(value: &Value) -> Result<(String, Option<String>), KeyError> {
    let common: Common = typed::read(value).map_err(not_a_jwk)?;
    let kty =
        text(&common.kty, "kty")?.ok_or_else(|| KeyError::Jwk("\"kty\" is missing".into()))?;
    if let Field::Wrong(_) = common.key_ops {
        return Err(KeyError::Jwk(
            "\"key_ops\" must be an array of strings".into(),
        ));
    }
    text(&common.kid, "kid")?;
    text(&common.public_use, "use")?;
    Ok((kty, text(&common.alg, "alg")?))
}

/// One JWK, given as jsonwebtoken read it (`jwk`) beside its object (`value`) and what
/// [`common`] read of it (`kty`, and `alg` as written); the private parameters, which `Jwk` does
/// not model, are read from the object.
fn key_of(value: &Value, jwk: Jwk, (kty, alg): (String, Option<String>)) -> Result<Key, KeyError> {
    let private: Private = typed::read(value).map_err(not_a_jwk)?;
    let usage = Usage {
        kid: jwk.common.key_id.clone(),
        alg,
        public_use: jwk.common.public_key_use.as_ref().and_then(word),
        key_ops: jwk
            .common
            .key_operations
            .as_ref()
            .map(|ops| ops.iter().filter_map(word).collect()),
        x5t: None,
        x5t_s256: None,
    };
    let usage = with_thumbprints(usage, value);
    let material = match &jwk.algorithm {
        AlgorithmParameters::OctetKey(params) => Material::Secret(b64_field("k", &params.value)?),
        AlgorithmParameters::RSA(params) => rsa(&params.n, &params.e, &private)?,
        AlgorithmParameters::EllipticCurve(params) => ec(
            &word(&params.curve).unwrap_or_default(),
            &params.x,
            &params.y,
            &private,
        )?,
        AlgorithmParameters::OctetKeyPair(params) => okp(
            &word(&params.curve).unwrap_or_default(),
            &params.x,
            &private,
        )?,
        // jsonwebtoken's JWK knows no X25519 curve (RFC 8037 keys for key agreement): read here.
        AlgorithmParameters::Other(params)
            if kty == "OKP"
                && params.fields.get("crv").and_then(|c| c.as_str()) == Some("X25519") =>
        {
            match params.fields.get("x").and_then(|x| x.as_str()) {
                Some(x) => x25519(x, &private)?,
                None => return Err(KeyError::Jwk("\"x\" is missing".into())),
            }
        }
        // Nor secp256k1 (RFC 8812 §3.1, for ES256K): read here from the same members.
        AlgorithmParameters::Other(params)
            if kty == "EC"
                && params.fields.get("crv").and_then(|c| c.as_str()) == Some("secp256k1") =>
        {
            let member = |name: &str| params.fields.get(name).and_then(|v| v.as_str());
            match (member("x"), member("y")) {
                (Some(x), Some(y)) => ec("secp256k1", x, y, &private)?,
                _ => return Err(unmatched(&kty, &params.fields)),
            }
        }
        AlgorithmParameters::Other(params) => return Err(unmatched(&kty, &params.fields)),
        // A key type a later jsonwebtoken may add.
        _ => return Err(KeyError::Unsupported(format!("JWK key type \"{kty}\""))),
    };
    Ok(Key {
        material,
        format: Format::Jwk,
        usage,
    })
}

/// Why a JWK fits none of jsonwebtoken's key shapes: the member of its `kty` that is missing or
/// not a string, the curve that is not supported, or the `kty` itself.
fn unmatched(kty: &str, fields: &BTreeMap<String, serde_json::Value>) -> KeyError {
    let member = |name: &str| match fields.get(name) {
        None => Err(KeyError::Jwk(format!("\"{name}\" is missing"))),
        Some(value) => value
            .as_str()
            .ok_or_else(|| KeyError::Jwk(format!("\"{name}\" must be a string"))),
    };
    let found = match kty {
        "oct" => member("k").map(drop),
        "RSA" => member("n").and(member("e")).map(drop),
        "EC" => member("crv")
            .and_then(ec_curve)
            .and(member("x"))
            .and(member("y"))
            .map(drop),
        "OKP" => match fields.get("crv") {
            None => okp_curve(""),
            Some(_) => member("crv").and_then(okp_curve),
        }
        .and(member("x"))
        .map(drop),
        other => Err(KeyError::Unsupported(format!("JWK key type \"{other}\""))),
    };
    // Every member above was a string, yet jsonwebtoken did not take the key.
    found
        .err()
        .unwrap_or_else(|| KeyError::Jwk(format!("not a usable \"{kty}\" key")))
}

fn ec_curve(crv: &str) -> Result<Curve, KeyError> {
    Curve::from_name(crv).ok_or_else(|| {
        KeyError::Unsupported(format!(
            "EC curve \"{crv}\" (JWS uses P-256, P-384, P-521 and secp256k1)"
        ))
    })
}

fn okp_curve(crv: &str) -> Result<(), KeyError> {
    if crv == "Ed25519" {
        Ok(())
    } else {
        Err(KeyError::Unsupported(format!(
            "OKP curve \"{crv}\" (only Ed25519 signs JWS here)"
        )))
    }
}

fn ec(crv: &str, x: &str, y: &str, private: &Private) -> Result<Material, KeyError> {
    let curve = ec_curve(crv)?;
    let size = curve.field_bytes();
    match optional(&private.d, "d")? {
        Some(d) => {
            let material = pem_der::ec_private(curve, &d)?;
            let (x, y) = (b64_field("x", x)?, b64_field("y", y)?);
            if let Material::Ec { point, .. } = &material
                && (point.get(1..1 + size) != Some(&x[..]) || point.get(1 + size..) != Some(&y[..]))
            {
                return Err(KeyError::Jwk(
                    "\"d\" does not belong to \"x\" and \"y\"".into(),
                ));
            }
            Ok(material)
        }
        None => {
            let (x, y) = (b64_field("x", x)?, b64_field("y", y)?);
            if x.len() != size || y.len() != size {
                return Err(KeyError::Jwk(format!(
                    "\"x\" and \"y\" of a {} key must be {size} bytes each, found {} and {}",
                    curve.name(),
                    x.len(),
                    y.len()
                )));
            }
            let mut point = vec![4u8];
            point.extend_from_slice(&x);
            point.extend_from_slice(&y);
            pem_der::ec_public(curve, &point)
        }
    }
}

/// An X25519 JWK (RFC 8037 §2): for ECDH-ES in JWE.
fn x25519(x: &str, private: &Private) -> Result<Material, KeyError> {
    let x = b64_field("x", x)?;
    let public: [u8; 32] = x
        .as_slice()
        .try_into()
        .map_err(|_| KeyError::Jwk(format!("an X25519 \"x\" is 32 bytes, found {}", x.len())))?;
    let Some(d) = optional(&private.d, "d")? else {
        return Ok(Material::X25519 {
            public,
            secret: None,
        });
    };
    let secret: [u8; 32] = d
        .as_slice()
        .try_into()
        .map_err(|_| KeyError::Jwk(format!("an X25519 \"d\" is 32 bytes, found {}", d.len())))?;
    let key = Material::x25519_private(secret);
    match key {
        Material::X25519 {
            public: derived, ..
        } if derived == public => Ok(key),
        _ => Err(KeyError::Jwk("\"d\" does not belong to \"x\"".into())),
    }
}

fn okp(crv: &str, x: &str, private: &Private) -> Result<Material, KeyError> {
    if crv == "X25519" {
        return x25519(x, private);
    }
    okp_curve(crv)?;
    let x = b64_field("x", x)?;
    let public: [u8; 32] = x
        .as_slice()
        .try_into()
        .map_err(|_| KeyError::Jwk(format!("an Ed25519 \"x\" is 32 bytes, found {}", x.len())))?;
    ed25519_dalek::VerifyingKey::from_bytes(&public)
        .map_err(|_| KeyError::Jwk("\"x\" is not a valid Ed25519 public key".into()))?;
    let seed = match optional(&private.d, "d")? {
        None => None,
        Some(d) => {
            let seed: [u8; 32] = d.as_slice().try_into().map_err(|_| {
                KeyError::Jwk(format!("an Ed25519 \"d\" is 32 bytes, found {}", d.len()))
            })?;
            if ed25519_dalek::SigningKey::from_bytes(&seed)
                .verifying_key()
                .to_bytes()
                != public
            {
                return Err(KeyError::Jwk("\"d\" does not belong to \"x\"".into()));
            }
            Some(seed)
        }
    };
    Ok(Material::Ed25519 { public, seed })
}

fn rsa(n: &str, e: &str, private: &Private) -> Result<Material, KeyError> {
    let n = b64_field("n", n)?;
    let e = b64_field("e", e)?;
    // A modulus too small is the first thing to say (rsa_error), whatever the exponent.
    if let Some(problem) = exponent_problem(&n, &e).filter(|_| key::bit_length(&n) >= MIN_RSA_BITS)
    {
        return Err(KeyError::Jwk(problem));
    }
    let public = rsa::PublicKey::new(uint(&n), uint(&e)).map_err(|err| rsa_error(&n, err))?;
    let private = match optional(&private.d, "d")? {
        None => None,
        // rsa's prime recovery subtracts one from d·e, which panics when d is zero.
        Some(d) if d.iter().all(|&b| b == 0) => {
            return Err(KeyError::Jwk(
                "\"d\" is zero, which is not an RSA private exponent".into(),
            ));
        }
        Some(d) => {
            let primes = match (optional(&private.p, "p")?, optional(&private.q, "q")?) {
                (Some(p), Some(q)) => vec![uint(&p), uint(&q)],
                // Without p and q the primes are recovered from n, e and d.
                _ => Vec::new(),
            };
            let key = rsa::PrivateKey::from_components(uint(&n), uint(&e), uint(&d), primes)
                .map_err(|err| {
                    KeyError::Jwk(format!("the RSA private key is inconsistent ({err})"))
                })?;
            Some(key)
        }
    };
    let key = pem_der::rsa_key(public, private, Format::Jwk)?;
    Ok(key.material)
}

/// What is wrong with the public exponent, in its own words: the rsa crate reports `e ≥ n` as
/// an invalid modulus, and the others without naming the member.
fn exponent_problem(n: &[u8], e: &[u8]) -> Option<String> {
    let (n, e) = (key::significant(n), key::significant(e));
    let usual = "an RSA public exponent is odd, at least 3, and nearly always 65537 (\"AQAB\")";
    let problem = if e.is_empty() {
        "is zero or empty"
    } else if (e.len(), e) >= (n.len(), n) && !n.is_empty() {
        "is not smaller than the modulus \"n\""
    } else if e.len() == 1 && e[0] < 3 {
        "is under 3"
    } else if e.last().is_some_and(|b| b % 2 == 0) {
        "is even"
    } else if key::bit_length(e) > 33 {
        "is 2^33 or more; this page (the rsa crate) reads exponents up to 2^33 - 1"
    } else {
        return None;
    };
    Some(format!("\"e\" {problem}: {usual}"))
}

fn rsa_error(n: &[u8], error: rsa::Error) -> KeyError {
    let bits = key::bit_length(n);
    if bits < MIN_RSA_BITS {
        KeyError::RsaTooSmall { bits }
    } else {
        KeyError::Jwk(format!("not a valid RSA public key ({error})"))
    }
}

fn b64_field(name: &str, text: &str) -> Result<Vec<u8>, KeyError> {
    base64url::decode(text).map_err(|e| KeyError::Jwk(format!("\"{name}\": {e}")))
}
