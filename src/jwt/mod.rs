//! The core: pure Rust, no web crates, no clock, no panics. Every input gives a value or an error.

pub mod algorithm;
pub mod base64url;
pub mod certs;
pub mod claims;
pub mod detached;
pub mod json;
pub mod jwe;
pub mod keys;
pub mod lint;
pub mod oidc;
pub mod primitives;
pub mod provider;
pub mod sd_jwt;
pub mod sd_parts;
pub mod sign;
pub mod time;
pub mod token;
pub mod tutorial;
pub mod typed;
pub mod verify;

/// A small deterministic generator for the core's tests (a failure reproduces, and the tests
/// need no extra crate).
#[cfg(test)]
pub(crate) fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}
