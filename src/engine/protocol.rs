//! What crosses between the page's module and the engine module: small JSON texts, written by
//! one side and read by the other with the core's own JSON reader. Key bytes never cross back
//! except an HMAC secret from a JWK (`"k"`), which the page keeps as it would have read it.

use std::rc::Rc;

use crate::jwt::algorithm::Curve;
use crate::jwt::base64url;
use crate::jwt::json::{self, Value};
use crate::jwt::keys::remote::{Export, Facts, RemoteKey, Shape};
use crate::jwt::keys::{Format, Key, KeyError, KeySet, Material, Usage, export};

/// What the page makes of each key in an answer: its handle, its facts and its RFC 7638
/// thumbprint (sent with the key, as every key line shows it) become a key it can use.
pub type Attach<'a> = dyn FnMut(u32, Facts, String) -> Rc<dyn RemoteKey> + 'a;

/// Bumped whenever what crosses changes: the page refuses an engine of another version (an old
/// copy from a cache) instead of misreading it.
pub const VERSION: u32 = 2;

/// Names for the formats the engine reads (secrets typed as text are read by the page itself).
const FORMATS: [(Format, &str); 9] = [
    (Format::PemSpki, "pem-spki"),
    (Format::PemPkcs1Public, "pem-pkcs1-public"),
    (Format::PemPkcs1Private, "pem-pkcs1-private"),
    (Format::PemPkcs8, "pem-pkcs8"),
    (Format::PemSec1, "pem-sec1"),
    (Format::Certificate, "certificate"),
    (Format::Jwk, "jwk"),
    (Format::OpenSshPublic, "openssh-public"),
    (Format::OpenSshPrivate, "openssh-private"),
];

/// The wire name of a written-out form.
pub fn export_name(form: Export) -> &'static str {
    match form {
        Export::Thumbprint => "thumbprint",
        Export::Jwk(false) => "jwk",
        Export::Jwk(true) => "jwk-private",
        Export::PublicPem => "public-pem",
        Export::PrivatePem => "private-pem",
        Export::OpenSshPublic => "openssh-public",
    }
}

/// The form for a wire name.
pub fn export_from_name(name: &str) -> Option<Export> {
    [
        Export::Thumbprint,
        Export::Jwk(false),
        Export::Jwk(true),
        Export::PublicPem,
        Export::PrivatePem,
        Export::OpenSshPublic,
    ]
    .into_iter()
    .find(|&form| export_name(form) == name)
}

/// A JSON string literal.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `{"error": "..."}`: the engine's refusal, in the words it would have shown.
pub fn write_error(error: &str) -> String {
    format!("{{\"error\":{}}}", quoted(error))
}

/// The engine's answer to a parse: each asymmetric key's material goes to `hold`, which keeps
/// it and returns its handle; the page gets the handle and the facts.
pub fn write_keys(
    result: Result<KeySet, KeyError>,
    hold: &mut dyn FnMut(Material) -> u32,
) -> String {
    let (keys, skipped, set) = match result {
        Err(error) => return write_error(&error.to_string()),
        Ok(KeySet::One(key)) => (vec![key], Vec::new(), false),
        Ok(KeySet::Jwks { keys, skipped }) => (keys, skipped, true),
    };
    let keys: Vec<String> = keys.into_iter().map(|key| write_key(key, hold)).collect();
    let skipped: Vec<String> = skipped.iter().map(|s| quoted(s)).collect();
    format!(
        "{{\"set\":{set},\"keys\":[{}],\"skipped\":[{}]}}",
        keys.join(","),
        skipped.join(",")
    )
}

fn write_key(key: Key, hold: &mut dyn FnMut(Material) -> u32) -> String {
    let mut members = Vec::new();
    let format = FORMATS
        .iter()
        .find(|(f, _)| *f == key.format)
        .map_or("jwk", |(_, name)| name);
    members.push(format!("\"format\":{}", quoted(format)));
    let usage = &key.usage;
    for (name, value) in [
        ("kid", &usage.kid),
        ("alg", &usage.alg),
        ("use", &usage.public_use),
    ] {
        if let Some(value) = value {
            members.push(format!("\"{name}\":{}", quoted(value)));
        }
    }
    if let Some(ops) = &usage.key_ops {
        let ops: Vec<String> = ops.iter().map(|o| quoted(o)).collect();
        members.push(format!("\"key_ops\":[{}]", ops.join(",")));
    }
    match key.material {
        Material::Secret(bytes) => {
            members.push(format!("\"secret\":\"{}\"", base64url::encode(&bytes)));
        }
        material => {
            let shape = match material.shape() {
                Shape::Rsa => "rsa".to_string(),
                Shape::Ec(curve) => format!("ec {}", curve.name()),
                Shape::Ed25519 => "ed25519".to_string(),
                Shape::Secret => "secret".to_string(),
            };
            members.push(format!("\"shape\":{}", quoted(&shape)));
            members.push(format!("\"bits\":{}", material.rsa_bits().unwrap_or(0)));
            members.push(format!("\"private\":{}", material.can_sign()));
            members.push(format!(
                "\"thumbprint\":{}",
                quoted(&export::thumbprint(&material))
            ));
            members.push(format!("\"handle\":{}", hold(material)));
        }
    }
    format!("{{{}}}", members.join(","))
}

/// The page's reading of [`write_keys`]: each handle becomes a key through `attach`.
pub fn read_keys(text: &str, attach: &mut Attach) -> Result<KeySet, KeyError> {
    let value = read(text)?;
    let Some(Value::Array(items)) = value.get("keys") else {
        return Err(garbled());
    };
    if items.is_empty() {
        return Err(garbled());
    }
    let keys = items
        .iter()
        .map(|item| read_key(item, attach))
        .collect::<Result<Vec<_>, _>>()?;
    let skipped = strings(value.get("skipped"));
    match (value.get("set"), keys.len()) {
        (Some(Value::Bool(true)), _) => Ok(KeySet::Jwks { keys, skipped }),
        (_, 1) => Ok(KeySet::One(keys.into_iter().next().ok_or_else(garbled)?)),
        _ => Err(garbled()),
    }
}

/// The one key of a [`write_keys`] answer (generated or imported keys).
pub fn read_one_key(text: &str, attach: &mut Attach) -> Result<Key, KeyError> {
    match read_keys(text, attach)? {
        KeySet::One(key) => Ok(key),
        KeySet::Jwks { .. } => Err(garbled()),
    }
}

fn read_key(item: &Value, attach: &mut Attach) -> Result<Key, KeyError> {
    let text = |name: &str| item.get(name).and_then(Value::as_str);
    let format_name = text("format").unwrap_or_default();
    let format = FORMATS
        .iter()
        .find(|(_, name)| *name == format_name)
        .map(|(f, _)| *f)
        .ok_or_else(garbled)?;
    let usage = Usage {
        kid: text("kid"),
        alg: text("alg"),
        public_use: text("use"),
        key_ops: item.get("key_ops").map(|ops| strings(Some(ops))),
    };
    let material = if let Some(secret) = text("secret") {
        Material::Secret(base64url::decode(&secret).map_err(|_| garbled())?)
    } else {
        let shape = match text("shape").as_deref() {
            Some("rsa") => Shape::Rsa,
            Some("ed25519") => Shape::Ed25519,
            Some(other) => other
                .strip_prefix("ec ")
                .and_then(Curve::from_name)
                .map(Shape::Ec)
                .ok_or_else(garbled)?,
            None => return Err(garbled()),
        };
        let number = |name: &str| item.get(name).and_then(Value::as_f64).unwrap_or(0.0);
        let facts = Facts {
            shape,
            rsa_bits: number("bits") as usize,
            can_sign: item.get("private") == Some(&Value::Bool(true)),
        };
        let thumbprint = text("thumbprint").ok_or_else(garbled)?;
        Material::Remote(attach(number("handle") as u32, facts, thumbprint))
    };
    Ok(Key {
        material,
        format,
        usage,
    })
}

/// `{"signature": "<base64url>"}` or an error.
pub fn write_signature(result: Result<Vec<u8>, String>) -> String {
    match result {
        Ok(bytes) => format!("{{\"signature\":\"{}\"}}", base64url::encode(&bytes)),
        Err(error) => write_error(&error),
    }
}

/// The page's reading of [`write_signature`].
pub fn read_signature(text: &str) -> Result<Vec<u8>, String> {
    let value = read(text).map_err(|e| e.to_string())?;
    value
        .get("signature")
        .and_then(Value::as_str)
        .and_then(|s| base64url::decode(&s).ok())
        .ok_or_else(|| garbled().to_string())
}

/// The answer as JSON, or the engine's error.
fn read(text: &str) -> Result<Value, KeyError> {
    let value = json::parse(text).map_err(|_| garbled())?;
    if let Some(error) = value.get("error").and_then(Value::as_str) {
        return Err(KeyError::Engine(error));
    }
    Ok(value)
}

fn strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// An answer the page cannot read: the two modules come from different builds.
fn garbled() -> KeyError {
    KeyError::Engine(
        "the key engine answered in a form this page does not read: reload the page".into(),
    )
}
