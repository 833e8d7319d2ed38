//! The core: pure Rust, no web crates, no clock, no panics. Every input gives a value or an error.

pub mod algorithm;
pub mod base64url;
pub mod claims;
pub mod json;
pub mod jwe;
pub mod keys;
pub mod lint;
pub mod primitives;
pub mod provider;
pub mod sign;
pub mod time;
pub mod token;
pub mod tutorial;
pub mod typed;
pub mod verify;
