//! JSON Web Keys (RFC 7517, RFC 7518 §6, RFC 8037) and key sets.

use rsa::BoxedUint;

use super::{Format, Key, KeyError, KeySet, Material, Usage, b64_field, pem_der};
use crate::jwt::algorithm::Curve;
use crate::jwt::json::{self, Value};

/// A JWK or a JWKS (`{"keys": [...]}`).
pub fn parse(text: &str) -> Result<KeySet, KeyError> {
    let value = json::parse(text).map_err(|e| KeyError::Jwk(format!("not JSON: {e}")))?;
    if let Some(keys) = value.get("keys") {
        let Value::Array(items) = keys else {
            return Err(KeyError::Jwk("\"keys\" must be an array of JWKs".into()));
        };
        let mut usable = Vec::new();
        let mut skipped = Vec::new();
        for (index, item) in items.iter().enumerate() {
            match key(item) {
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
        return Ok(KeySet::Jwks {
            keys: usable,
            skipped,
        });
    }
    key(&value).map(KeySet::One)
}

fn string(value: &Value, name: &str) -> Result<Option<String>, KeyError> {
    match value.get(name) {
        None => Ok(None),
        Some(v) => v
            .as_str()
            .map(Some)
            .ok_or_else(|| KeyError::Jwk(format!("\"{name}\" must be a string"))),
    }
}

fn required(value: &Value, name: &str) -> Result<Vec<u8>, KeyError> {
    let text =
        string(value, name)?.ok_or_else(|| KeyError::Jwk(format!("\"{name}\" is missing")))?;
    b64_field(name, &text)
}

fn optional(value: &Value, name: &str) -> Result<Option<Vec<u8>>, KeyError> {
    string(value, name)?
        .map(|text| b64_field(name, &text))
        .transpose()
}

fn uint(bytes: &[u8]) -> BoxedUint {
    BoxedUint::from_be_slice_vartime(bytes)
}

/// One JWK.
fn key(value: &Value) -> Result<Key, KeyError> {
    if !matches!(value, Value::Object(_)) {
        return Err(KeyError::Jwk("a JWK must be a JSON object".into()));
    }
    let kty = string(value, "kty")?.ok_or_else(|| KeyError::Jwk("\"kty\" is missing".into()))?;
    let key_ops = match value.get("key_ops") {
        None => None,
        Some(Value::Array(items)) => Some(items.iter().filter_map(Value::as_str).collect()),
        Some(_) => {
            return Err(KeyError::Jwk(
                "\"key_ops\" must be an array of strings".into(),
            ));
        }
    };
    let usage = Usage {
        kid: string(value, "kid")?,
        alg: string(value, "alg")?,
        public_use: string(value, "use")?,
        key_ops,
    };
    let material = match kty.as_str() {
        "oct" => Material::Secret(required(value, "k")?),
        "RSA" => rsa(value)?,
        "EC" => {
            let crv =
                string(value, "crv")?.ok_or_else(|| KeyError::Jwk("\"crv\" is missing".into()))?;
            let curve = Curve::from_name(&crv).ok_or_else(|| {
                KeyError::Unsupported(format!(
                    "EC curve \"{crv}\" (JWS uses P-256, P-384 and P-521)"
                ))
            })?;
            let size = curve.field_bytes();
            match optional(value, "d")? {
                Some(d) => {
                    let material = pem_der::ec_private(curve, &d)?;
                    let (x, y) = (required(value, "x")?, required(value, "y")?);
                    if let Material::Ec { point, .. } = &material
                        && (point.get(1..1 + size) != Some(&x[..])
                            || point.get(1 + size..) != Some(&y[..]))
                    {
                        return Err(KeyError::Jwk(
                            "\"d\" does not belong to \"x\" and \"y\"".into(),
                        ));
                    }
                    material
                }
                None => {
                    let (x, y) = (required(value, "x")?, required(value, "y")?);
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
                    pem_der::ec_public(curve, &point)?
                }
            }
        }
        "OKP" => {
            let crv = string(value, "crv")?.unwrap_or_default();
            if crv != "Ed25519" {
                return Err(KeyError::Unsupported(format!(
                    "OKP curve \"{crv}\" (only Ed25519 signs JWS here)"
                )));
            }
            let x = required(value, "x")?;
            let public: [u8; 32] = x.as_slice().try_into().map_err(|_| {
                KeyError::Jwk(format!("an Ed25519 \"x\" is 32 bytes, found {}", x.len()))
            })?;
            ed25519_dalek::VerifyingKey::from_bytes(&public)
                .map_err(|_| KeyError::Jwk("\"x\" is not a valid Ed25519 public key".into()))?;
            let seed = match optional(value, "d")? {
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
            Material::Ed25519 { public, seed }
        }
        other => return Err(KeyError::Unsupported(format!("JWK key type \"{other}\""))),
    };
    Ok(Key {
        material,
        format: Format::Jwk,
        usage,
    })
}

fn rsa(value: &Value) -> Result<Material, KeyError> {
    let n = required(value, "n")?;
    let e = required(value, "e")?;
    let public = rsa::PublicKey::new(uint(&n), uint(&e)).map_err(|err| rsa_error(&n, err))?;
    let private = match optional(value, "d")? {
        None => None,
        // rsa's prime recovery subtracts one from d·e, which panics when d is zero.
        Some(d) if d.iter().all(|&b| b == 0) => {
            return Err(KeyError::Jwk(
                "\"d\" is zero, which is not an RSA private exponent".into(),
            ));
        }
        Some(d) => {
            let primes = match (optional(value, "p")?, optional(value, "q")?) {
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

fn rsa_error(n: &[u8], error: rsa::Error) -> KeyError {
    let bits = n
        .iter()
        .position(|&b| b != 0)
        .map_or(0, |i| (n.len() - i) * 8 - n[i].leading_zeros() as usize);
    if bits < super::MIN_RSA_BITS {
        KeyError::RsaTooSmall { bits }
    } else {
        KeyError::Jwk(format!("not a valid RSA public key ({error})"))
    }
}
