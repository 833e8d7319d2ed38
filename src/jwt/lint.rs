//! Security findings: what a careful reviewer would say about a token and the keys offered for
//! it, each with a severity, what it means and what to do.

use super::algorithm::{Algorithm, Family};
use super::claims::Dates;
use super::detached;
use super::json::{Value, unescape};
use super::keys::{KeySet, Material};
use super::time::Seconds;
use super::token::{Kind, Payload, Token};
use super::verify;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warning,
    Danger,
}

impl Severity {
    /// The `data-severity` word.
    pub fn id(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Danger => "danger",
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The stable code (`data-code`), e.g. `alg-none`.
    pub code: &'static str,
    pub severity: Severity,
    /// What it means, in one line.
    pub meaning: String,
    /// What to do, in one line.
    pub advice: String,
}

fn finding(
    code: &'static str,
    severity: Severity,
    meaning: impl Into<String>,
    advice: impl Into<String>,
) -> Finding {
    Finding {
        code,
        severity,
        meaning: meaning.into(),
        advice: advice.into(),
    }
}

/// The secrets in the built-in list (one per line): seen in tutorials, samples and leaked
/// configurations, so anyone can try them.
pub const COMMON_SECRETS: &str = include_str!("common_secrets.txt");

/// Whether `secret` is in the built-in list.
pub fn is_common_secret(secret: &[u8]) -> bool {
    COMMON_SECRETS.lines().any(|line| line.as_bytes() == secret)
}

/// The keys offered alongside the token.
#[derive(Debug, Clone, Copy, Default)]
pub struct Offered<'a> {
    /// What the verification key box holds (parsed).
    pub verify: Option<&'a KeySet>,
    /// What the signing key box holds (parsed).
    pub sign: Option<&'a KeySet>,
}

/// Every finding for `token` at `now`, most severe first.
/// Claims that must stay in the clear (SD-JWT VC §3.2.2.2; RFC 9901 §9.7 on `cnf`): a verifier
/// needs them whatever the holder discloses.
const ALWAYS_VISIBLE: [&str; 7] = ["iss", "nbf", "exp", "cnf", "vct", "vct#integrity", "status"];

/// A KB-JWT made longer ago than this is stale: a holder makes one for each presentation.
const KB_FRESH_SECONDS: i64 = 300;

/// What an SD-JWT's disclosures and key binding say about it (RFC 9901 §9, SD-JWT VC): `payload`
/// is the issuer-signed payload, `kb_iat` the KB-JWT's `iat` when it has one.
pub fn sd_jwt_findings(
    processed: &crate::jwt::sd_jwt::Processed,
    payload: &Value,
    kb_present: bool,
    kb_iat: Option<i64>,
    now: Seconds,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if !processed.alg_stated {
        out.push(finding(
            "sd-alg-assumed",
            Severity::Info,
            "The payload names no _sd_alg: its digests are read as sha-256, the default.",
            "Issuers should name the hash (\"_sd_alg\": \"sha-256\") so that no verifier guesses.",
        ));
    }
    let short: Vec<usize> = processed
        .disclosures
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let salt = &p.disclosure.as_ref().ok()?.salt;
            let bits = crate::jwt::base64url::decode(salt).map_or(salt.len() * 6, |b| b.len() * 8);
            (bits < 128).then_some(i + 1)
        })
        .collect();
    if !short.is_empty() {
        out.push(finding(
            "sd-short-salt",
            Severity::Warning,
            format!(
                "Disclosure{} {} ha{} a salt under 128 bits: its value could be guessed from its digest.",
                if short.len() == 1 { "" } else { "s" },
                short.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
                if short.len() == 1 { "s" } else { "ve" },
            ),
            "Salts of at least 128 random bits, from a CSPRNG (RFC 9901 §9.3).",
        ));
    }
    let hidden: Vec<&str> = processed
        .disclosures
        .iter()
        .filter_map(|p| p.path.as_deref())
        .filter(|path| ALWAYS_VISIBLE.contains(path))
        .collect();
    if !hidden.is_empty() {
        out.push(finding(
            "sd-disclosable-claim",
            Severity::Warning,
            format!(
                "{} selectively disclosable: a holder can withhold what a verifier must see.",
                hidden.join(", ") + if hidden.len() == 1 { " is" } else { " are" }
            ),
            "Keep iss, nbf, exp, cnf, vct and status in the clear (SD-JWT VC §3.2.2.2).",
        ));
    }
    if kb_present && payload.get("cnf").is_none() && processed.claims.get("cnf").is_none() {
        out.push(finding(
            "sd-kb-without-cnf",
            Severity::Warning,
            "A key-binding JWT is presented, but the SD-JWT names no holder key (cnf) to check it with.",
            "An issuer binds the holder's key in cnf; without it, key binding proves nothing.",
        ));
    }
    if let Some(iat) = kb_iat
        && now.saturating_sub(iat) > KB_FRESH_SECONDS
    {
        out.push(finding(
            "sd-kb-old",
            Severity::Warning,
            format!(
                "The key-binding JWT was made {} ago.",
                crate::jwt::time::format_duration(now.saturating_sub(iat).unsigned_abs())
            ),
            "A holder makes a new KB-JWT for each presentation; verifiers accept only recent ones (RFC 9901 §7.3).",
        ));
    }
    out
}

pub fn findings(token: &Token, offered: Offered<'_>, now: Seconds) -> Vec<Finding> {
    let mut out = Vec::new();
    header_findings(token, &mut out);
    if token.kind == Kind::Jws {
        payload_findings(token, now, &mut out);
    }
    key_findings(token, offered, &mut out);
    if token.kind == Kind::Jwe {
        encryption_findings(token, offered, &mut out);
    }
    out.sort_by_key(|f| std::cmp::Reverse(f.severity));
    out
}

/// The PBKDF2 iterations past which a token is more likely an attack than a choice.
const ABSURD_P2C: u64 = 10_000_000;

/// What an encrypted token's header says about its protection.
fn encryption_findings(token: &Token, offered: Offered<'_>, out: &mut Vec<Finding>) {
    let header = &token.header;
    let alg = token.alg().unwrap_or_default();
    if alg == "RSA1_5" {
        out.push(finding(
            "jwe-rsa1-5",
            Severity::Warning,
            "alg \"RSA1_5\": RSA PKCS #1 v1.5 key encryption invites padding-oracle attacks (RFC 8725 §3.2).",
            "Encrypt with RSA-OAEP-256 or ECDH-ES instead; a recipient that must read RSA1_5 has to fail identically for every bad padding.",
        ));
    }
    if alg.starts_with("PBES2")
        && let Some(written) = header.get("p2c")
        // Read as decrypting reads it: a count in digits (anything else is refused there).
        && let Some(p2c) = written.unsigned_integer()
    {
        // Quoted as the token writes it, not as a float would print.
        let p2c_text = written.minified();
        if p2c < 1000 {
            out.push(finding(
                "pbes2-low-count",
                Severity::Danger,
                format!("\"p2c\" is {p2c_text}: too few PBKDF2 iterations, the password can be guessed quickly offline."),
                "RFC 7518 §4.8.1.2 asks for at least 1000; today's advice is hundreds of thousands.",
            ));
        } else if p2c > ABSURD_P2C {
            out.push(finding(
                "pbes2-absurd-count",
                Severity::Warning,
                format!("\"p2c\" is {p2c_text}: more iterations than any recipient should run; a token like this can stall a server."),
                "Recipients must cap p2c before deriving (this page runs at most 1,000,000).",
            ));
        }
    }
    if header.get("zip").is_some() {
        out.push(finding(
            "jwe-zip",
            Severity::Info,
            "\"zip\": the content is compressed before encryption, so its length depends on what it says.",
            "Where an attacker can put text beside a secret, compression can leak the secret through the token's length (as CRIME did); leave zip out there.",
        ));
    }
    if alg == "dir"
        && let Some(enc) = header.get("enc").and_then(Value::as_str)
        && let Some(needed) = crate::jwt::algorithm::content_key_bits(&enc)
        && let Some(keys) = offered.verify.or(offered.sign)
        && let Some(bits) = keys.keys().iter().find_map(|k| match &k.material {
            Material::Secret(bytes) => Some(bytes.len() * 8),
            _ => None,
        })
        && bits < needed
    {
        out.push(finding(
            "dir-short-key",
            Severity::Danger,
            format!("alg \"dir\" uses the shared key as the content key, and this one has {bits} bits: {enc} needs {needed}."),
            "Use a random key of exactly the content key's size, e.g. from the key generator.",
        ));
    }
}

/// A nested token (a signed JWT inside an encrypted one) whose header does not say so.
pub fn nested_cty_finding(cty: Option<&str>) -> Finding {
    finding(
        "nested-cty",
        Severity::Warning,
        match cty {
            Some(cty) => {
                format!("The plaintext is a signed token, but \"cty\" is \"{cty}\", not \"JWT\".")
            }
            None => "The plaintext is a signed token, but the header has no \"cty\": \"JWT\"."
                .to_string(),
        },
        "RFC 7519 §5.2: a nested JWT's outer header must carry \"cty\": \"JWT\", so recipients know to verify the inner token.",
    )
}

fn header_findings(token: &Token, out: &mut Vec<Finding>) {
    let header = &token.header;
    let alg = token.alg();
    if alg
        .as_deref()
        .is_some_and(|a| a.eq_ignore_ascii_case("none"))
    {
        out.push(finding(
            "alg-none",
            Severity::Danger,
            "alg \"none\": the token is not signed, so anyone can write one like it.",
            "Never accept unsecured tokens: a verifier must require the algorithm its key is for.",
        ));
    }
    if let Some(Value::Array(items)) = header.get("crit") {
        let unknown: Vec<String> = items
            .iter()
            .filter_map(Value::as_str)
            .filter(|n| n != "b64")
            .collect();
        if !unknown.is_empty() {
            out.push(finding(
                "unknown-crit",
                Severity::Danger,
                format!("\"crit\" demands that verifiers understand {}.", unknown.join(", ")),
                "A verifier that does not implement these must reject the token (RFC 7515 §4.1.11).",
            ));
        }
    }
    if header.get("b64") == Some(&Value::Bool(false)) {
        out.push(finding(
            "b64-false",
            Severity::Warning,
            "\"b64\": false: the payload is signed as raw bytes, not base64url (RFC 7797).",
            "Most JWT libraries do not support this; check yours does, and that \"b64\" is listed in \"crit\".",
        ));
    }
    let embedded: Vec<&str> = ["jwk", "jku", "x5u", "x5c"]
        .into_iter()
        .filter(|k| header.get(k).is_some())
        .collect();
    if !embedded.is_empty() {
        out.push(finding(
            "embedded-key-header",
            Severity::Danger,
            format!(
                "The header carries {}: the token tells the verifier which key to trust. {}",
                embedded.join(", "),
                if embedded.contains(&"x5c") {
                    "This page fetches nothing, and trusts an x5c chain only when it reaches a certificate you gave."
                } else {
                    "This page never fetches or uses them."
                }
            ),
            "An attacker can sign with their own key and point here: verify only with keys you configured, or with certificates that chain to a root you trust.",
        ));
    }
    if let Some(written) = header.get("kid")
        && let Some(kid) = written.as_str()
        && suspicious_kid(&kid)
    {
        out.push(finding(
            "suspicious-kid",
            Severity::Danger,
            // Quoted as the header writes it (JSON escapes and all), not as Rust's Debug would.
            format!("The key ID {} contains path, quote, SQL or shell characters.", written.minified()),
            "Treat kid as untrusted input: look it up in a fixed table, never in a file path, query or command.",
        ));
    }
    if let Some(typ) = header.get("typ").and_then(Value::as_str) {
        let normal = ["jwt", "at+jwt", "application/jwt", "application/at+jwt"];
        let lower = typ.to_ascii_lowercase();
        // SD-JWTs name their own types (RFC 9901 §9.11: `sd-jwt`, SD-JWT VC's `dc+sd-jwt`).
        if !normal.contains(&lower.as_str()) && !lower.ends_with("sd-jwt") {
            out.push(finding(
                "unexpected-typ",
                Severity::Info,
                format!("typ is \"{typ}\", not JWT or at+jwt."),
                "Check that this token is meant for you: explicit types stop one kind of token being used as another (RFC 8725 §3.11).",
            ));
        }
    }
    let duplicates = header.duplicate_keys();
    if !duplicates.is_empty() {
        out.push(duplicate_finding("header", &duplicates));
    }
}

fn suspicious_kid(kid: &str) -> bool {
    let lower = kid.to_ascii_lowercase();
    [
        "../", "..\\", "'", "\"", ";", "|", "&", "$", "`", "--", "/*", "\0", "\n", " union ",
        " or 1=1", "/dev/", "/etc/",
    ]
    .iter()
    .any(|p| lower.contains(p))
        || lower.starts_with('/')
}

fn duplicate_finding(part: &str, keys: &[String]) -> Finding {
    finding(
        "duplicate-json-key",
        Severity::Warning,
        format!(
            "The {part} repeats {}: parsers disagree on which value wins.",
            listed(keys)
        ),
        "Reject JSON with duplicate names (RFC 7515 §4 asks for this); a filter and a verifier reading different values is an attack.",
    )
}

fn payload_findings(token: &Token, now: Seconds, out: &mut Vec<Finding>) {
    // A detached payload is not in the token: nothing here to judge.
    if detached::is_detached(token) {
        return;
    }
    let claims = match &token.payload {
        Some(Payload::Json(value @ Value::Object(_))) => value,
        Some(_) => {
            out.push(finding(
                "not-a-jwt-payload",
                Severity::Info,
                "The payload is not a JSON object, so this is a JWS but not a JWT.",
                "If a JWT was expected, the issuer sent something else: do not read claims from it.",
            ));
            return;
        }
        None => return,
    };
    let duplicates = claims.duplicate_keys();
    if !duplicates.is_empty() {
        out.push(duplicate_finding("payload", &duplicates));
    }
    let mut sensitive = Vec::new();
    collect_sensitive(claims, &mut sensitive);
    if !sensitive.is_empty() {
        out.push(finding(
            "sensitive-claim",
            Severity::Danger,
            format!("The payload has {}: a payload is only encoded, anyone holding the token can read it.", listed(&sensitive)),
            "Never put passwords, keys or card data in a token; use an opaque reference or encrypt (JWE).",
        ));
    }
    let dates = Dates::of(claims);
    let [exp, iat, nbf] = [dates.exp, dates.iat, dates.nbf].map(|claim| claim.given().copied());
    match exp {
        None => out.push(finding(
            "missing-exp",
            Severity::Warning,
            "No exp claim: this token never expires.",
            "Give tokens a short lifetime; a stolen token without exp is valid forever.",
        )),
        Some(exp) => {
            if let Some(iat) = iat
                && exp.saturating_sub(iat) > 24 * 3600
            {
                out.push(finding(
                    "long-lifetime",
                    Severity::Warning,
                    format!("The token lives {} (exp − iat), more than a day.", super::time::format_duration(exp.saturating_sub(iat).unsigned_abs())),
                    "Prefer minutes to hours for access tokens, with refresh tokens for long sessions.",
                ));
            }
            if let Some(nbf) = nbf
                && nbf > exp
            {
                out.push(finding(
                    "nbf-after-exp",
                    Severity::Warning,
                    "nbf is after exp: this token can never be valid.",
                    "The issuer's clock or code is wrong: check how nbf and exp are computed.",
                ));
            }
        }
    }
    // A minute of clock skew is normal between servers.
    if let Some(iat) = iat
        && iat > now.saturating_add(60)
    {
        out.push(finding(
            "iat-in-future",
            Severity::Warning,
            "iat is in the future: the token says it was issued later than now.",
            "Check the issuer's clock; verifiers should reject tokens issued in the future beyond a small leeway.",
        ));
    }
}

/// Claim names that mean a secret when they are the whole name (short words would match too
/// much inside others: "pin" in "shipping").
const SENSITIVE_EXACT: [&str; 7] = ["pwd", "ssn", "cvv", "cvc", "pin", "card", "pan"];
/// Claim names that mean a secret wherever they appear in the name.
const SENSITIVE_PARTS: [&str; 11] = [
    "password",
    "passwd",
    "secret",
    "socialsecurity",
    "creditcard",
    "cardnumber",
    "cardno",
    "apikey",
    "privatekey",
    "accesskey",
    "clientsecret",
];

/// How many names a finding's sentence lists (a payload may hold thousands).
const NAMED: usize = 8;

/// Names for a finding's sentence: the first [`NAMED`], then how many more.
fn listed(names: &[String]) -> String {
    let mut text = names[..names.len().min(NAMED)].join(", ");
    if names.len() > NAMED {
        text.push_str(&format!(" and {} more", names.len() - NAMED));
    }
    text
}

fn collect_sensitive(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(members) => {
            for member in members {
                // Enough to name in a sentence; looking further would only cost time.
                if found.len() >= NAMED {
                    return;
                }
                let name = unescape(&member.key);
                let squashed: String = name
                    .to_ascii_lowercase()
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric())
                    .collect();
                let hit = SENSITIVE_EXACT.contains(&squashed.as_str())
                    || SENSITIVE_PARTS.iter().any(|p| squashed.contains(p));
                if hit && !found.contains(&name) {
                    found.push(name);
                }
                collect_sensitive(&member.value, found);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_sensitive(v, found)),
        _ => {}
    }
}

fn key_findings(token: &Token, offered: Offered<'_>, out: &mut Vec<Finding>) {
    let alg = token.alg().and_then(|a| Algorithm::from_name(&a));
    let sets = [offered.verify, offered.sign];
    thumbprint_finding(
        token,
        sets.into_iter().flatten().flat_map(|set| set.keys()),
        out,
    );
    let keys = sets.into_iter().flatten().flat_map(|set| set.keys());
    let mut secrets = Vec::new();
    let mut small_rsa = None;
    // Only a short or published secret makes a finding, so only such a secret is checked
    // against the signature: a good one costs no second HMAC over a large token.
    let minimum = alg.map_or(0, Algorithm::hash_bytes);
    let worth_checking = |bytes: &[u8]| bytes.len() < minimum || is_common_secret(bytes);
    for key in keys {
        match &key.material {
            // A secret that does not sign this token is not this token's secret: what it is
            // says nothing about the token (a typo in the key box is not a weak secret).
            Material::Secret(bytes) if worth_checking(bytes) && verify::signs(token, key) => {
                secrets.push(bytes.as_slice())
            }
            Material::Secret(_) => {}
            material => {
                if let Some(bits) = material.rsa_bits().filter(|&bits| bits < 2048) {
                    small_rsa = Some(bits);
                }
            }
        }
    }
    if let Some(alg) = alg.filter(|a| a.family() == Family::Hmac) {
        if let Some(short) = secrets.iter().find(|s| s.len() < minimum) {
            out.push(finding(
                "weak-secret",
                Severity::Danger,
                format!("The secret is {} bits; {alg} needs at least {} (RFC 7518 §3.2).", short.len() * 8, minimum * 8),
                "Use a random secret as long as the hash output, e.g. from the key generator; short secrets can be brute-forced offline from one token.",
            ));
        }
        if secrets.iter().any(|s| is_common_secret(s)) {
            out.push(common_secret_finding(
                "The secret is in the list of secrets published in tutorials, samples and leaks.",
            ));
        }
        if offered
            .verify
            .is_some_and(|set| set.keys().iter().any(|k| k.material.is_asymmetric()))
        {
            out.push(finding(
                "key-confusion",
                Severity::Danger,
                format!("An asymmetric key is offered for {alg}: used as an HMAC secret, a public key lets anyone forge tokens."),
                "Verifiers must pin the algorithm to the key type (RFC 8725 §3.1); this page refuses to verify this way.",
            ));
        }
    }
    if let Some(bits) = small_rsa {
        out.push(finding(
            "small-rsa-key",
            Severity::Warning,
            format!("The RSA key has {bits} bits; RFC 7518 §3.3 requires 2048 or more."),
            "Generate a new key of 2048 bits or more and rotate.",
        ));
    }
}

/// The header names a certificate by `x5t#S256` or `x5t`, the key boxes hold certificates (or
/// JWKs with thumbprints), and none of them is the one named.
fn thumbprint_finding<'a>(
    token: &Token,
    keys: impl Iterator<Item = &'a crate::jwt::keys::Key>,
    out: &mut Vec<Finding>,
) {
    let members: Vec<&str> = ["x5t#S256", "x5t"]
        .into_iter()
        .filter(|m| token.header.get(m).and_then(Value::as_str).is_some())
        .collect();
    if members.is_empty() {
        return;
    }
    let with_thumbprints: Vec<_> = keys
        .filter(|k| k.usage.x5t_s256.is_some() || k.usage.x5t.is_some())
        .collect();
    if with_thumbprints.is_empty()
        || with_thumbprints
            .iter()
            .any(|k| verify::names_certificate(&token.header, k))
    {
        return;
    }
    out.push(finding(
        "x5t-mismatch",
        Severity::Warning,
        format!(
            "The header's {} names a certificate other than the one in the key box.",
            members.join(" and ")
        ),
        "The token says it was signed with another certificate's key: check you pasted the right certificate (or that the issuer rotated its keys).",
    ));
}

/// The `common-secret` finding, with how it was found.
pub fn common_secret_finding(meaning: &str) -> Finding {
    finding(
        "common-secret",
        Severity::Danger,
        meaning,
        "Anyone can try this list: replace the secret with a random one and re-issue every token signed with it.",
    )
}

/// Tries every secret in the built-in list against an HMAC token; returns the one that verifies.
pub fn crack_with_common_secrets(token: &Token) -> Option<&'static str> {
    use super::keys::{Format, Key, SecretEncoding};
    token
        .alg()
        .and_then(|a| Algorithm::from_name(&a))
        .filter(|a| a.family() == Family::Hmac)?;
    COMMON_SECRETS.lines().find(|secret| {
        let key = Key {
            material: Material::Secret(secret.as_bytes().to_vec()),
            format: Format::Secret(SecretEncoding::Utf8),
            usage: Default::default(),
        };
        verify::signs(token, &key)
    })
}
