//! The core: pure Rust, no web crates, no clock, no panics. Every input gives a value or an error.

pub mod base64url;
pub mod claims;
pub mod json;
pub mod time;
pub mod token;
