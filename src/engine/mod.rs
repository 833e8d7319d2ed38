//! The engine module: RSA, EC and Ed25519 keys live in a second WebAssembly module that the
//! page fetches the first time such a key is pasted, loaded or made, so the decoder the page
//! opens with carries no big-integer or curve code. The engine is this crate built without the
//! `split` feature (src/engine_main.rs exports [`store::Store`]'s calls); the page, built with
//! it, reaches the engine through [`client::Client`] over the browser link.

pub mod client;
pub mod protocol;
#[cfg(not(feature = "split"))]
pub mod store;

#[cfg(all(target_arch = "wasm32", feature = "split"))]
mod browser;
#[cfg(all(target_arch = "wasm32", feature = "split"))]
pub use browser::{install, on_ready, ready};

/// Nothing to load: this build reads every key itself.
#[cfg(not(all(target_arch = "wasm32", feature = "split")))]
pub fn install() {}

/// Nothing to wait for: this build reads every key itself, so `on_ready` is never called.
#[cfg(not(all(target_arch = "wasm32", feature = "split")))]
pub fn on_ready(_: impl Fn() + 'static) {}

/// Nothing to wait for: this build reads every key itself.
#[cfg(not(all(target_arch = "wasm32", feature = "split")))]
pub async fn ready() {}

#[cfg(all(test, not(feature = "split")))]
mod tests;
