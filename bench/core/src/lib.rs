//! Core throughput for `make bench` (issue #6): how many signatures per second the pure-Rust core
//! verifies for one algorithm, with the same loop built natively and for wasm32.

mod clock;
#[cfg(target_arch = "wasm32")]
mod wasm;

use jwt_debugger::jwt::{keys, sign, token, verify};

/// The algorithms measured, in report order.
pub const ALGORITHMS: [&str; 5] = ["HS256", "RS256", "PS256", "ES256", "EdDSA"];

/// The payload signed for every fixture (the jwt.io example's claims).
const PAYLOAD: &str = r#"{"sub":"1234567890","name":"John Doe","iat":1516239022}"#;

/// The HMAC fixture secret: 32 bytes, as RFC 7518 §3.2 asks for HS256.
const SECRET: &str = "jwt-bench-core: a 32-byte secret";

/// The demo key pair for `alg`, as (private, public) text: the private half signs the fixture
/// token, the public half verifies it.
fn key_pair(alg: &str) -> Option<(&'static str, &'static str)> {
    const RSA: (&str, &str) = (
        include_str!("../../../assets/demo-keys/rsa2048.pkcs8.pem"),
        include_str!("../../../assets/demo-keys/rsa2048.spki.pem"),
    );
    Some(match alg {
        "HS256" => (SECRET, SECRET),
        "RS256" | "PS256" => RSA,
        "ES256" => (
            include_str!("../../../assets/demo-keys/p256.pkcs8.pem"),
            include_str!("../../../assets/demo-keys/p256.spki.pem"),
        ),
        "EdDSA" => (
            include_str!("../../../assets/demo-keys/ed25519.pkcs8.pem"),
            include_str!("../../../assets/demo-keys/ed25519.spki.pem"),
        ),
        _ => return None,
    })
}

/// Everything this crate asks of the debugger's core, in one place so API changes touch only
/// this: signs a fixture token for `alg` with the private demo key, decodes it and parses the
/// public key once, and returns one verification of that token with that key (`Err` unless
/// the verdict is "verified").
fn verifier(alg: &str) -> Result<impl FnMut() -> Result<(), String>, String> {
    let (private_text, public_text) =
        key_pair(alg).ok_or_else(|| format!("no fixture for alg \"{alg}\""))?;
    let parse = |text: &str| match keys::parse(text, keys::SecretEncoding::Utf8) {
        Some(Ok(set)) => Ok(set),
        Some(Err(error)) => Err(format!("{alg}: fixture key: {error}")),
        None => Err(format!("{alg}: fixture key is empty")),
    };
    let signing_key = parse(private_text)?
        .keys()
        .first()
        .cloned()
        .ok_or_else(|| format!("{alg}: no key in the private fixture"))?;
    let header = sign::parse_header(&format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#))
        .map_err(|e| e.to_string())?;
    let input = sign::signing_input(&header, PAYLOAD).map_err(|e| e.to_string())?;
    let compact = sign::sign(&input, &header, &signing_key)
        .map_err(|e| format!("{alg}: signing the fixture: {e}"))?;
    let token = token::decode(&compact).map_err(|e| format!("{alg}: decoding the fixture: {e}"))?;
    let keys = Ok(parse(public_text)?);
    let alg = alg.to_string();
    Ok(
        move || match verify::verify(std::hint::black_box(&token), Some(&keys)) {
            verify::Verdict::Verified { .. } => Ok(()),
            verdict => Err(format!(
                "{alg}: fixture did not verify: {}",
                verdict.describe()
            )),
        },
    )
}

/// Verifications per second of the `alg` fixture over about `millis` ms, after an uncounted
/// warm-up of a quarter of that (V8 compiles hot wasm functions again, optimised, while they
/// run). `Err` if any verification is not "verified": a broken fixture must not look fast.
pub fn verify_per_second(alg: &str, millis: f64) -> Result<f64, String> {
    if !(millis.is_finite() && millis > 0.0) {
        return Err(format!("millis must be a positive number, not {millis}"));
    }
    let mut verify = verifier(alg)?;
    run(&mut verify, millis / 4.0)?;
    let (count, elapsed) = run(&mut verify, millis)?;
    Ok(count as f64 * 1000.0 / elapsed)
}

/// Calls `verify` until `millis` ms have passed; returns the count and the ms it took. The clock
/// is read after batches that double while they take under half a millisecond, so reading it
/// costs next to nothing even for HMAC, and the run overshoots `millis` by about 1 ms at most.
fn run(verify: &mut impl FnMut() -> Result<(), String>, millis: f64) -> Result<(u64, f64), String> {
    let stopwatch = clock::Stopwatch::start();
    let (mut count, mut batch, mut last) = (0u64, 1u64, 0.0);
    loop {
        for _ in 0..batch {
            verify()?;
        }
        count += batch;
        let elapsed = stopwatch.elapsed_ms();
        if elapsed >= millis {
            return Ok((count, elapsed));
        }
        if elapsed - last < 0.5 {
            batch *= 2;
        }
        last = elapsed;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fixture_verifies() {
        for alg in ALGORITHMS {
            let mut verify = verifier(alg).unwrap();
            assert_eq!(verify(), Ok(()), "{alg}");
        }
    }

    #[test]
    fn a_failed_verification_is_an_error_not_a_number() {
        let mut calls = 0;
        let mut fails_third = || {
            calls += 1;
            if calls < 3 {
                Ok(())
            } else {
                Err("no".to_string())
            }
        };
        assert_eq!(run(&mut fails_third, 1000.0), Err("no".to_string()));
        assert!(verify_per_second("HS999", 10.0).is_err());
        assert!(verify_per_second("HS256", f64::NAN).is_err());
        assert!(verify_per_second("HS256", 10.0).unwrap() > 0.0);
    }
}
