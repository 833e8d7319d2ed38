//! The key engine: RSA, EC and Ed25519 keys are read, held, checked, signed and written out in a
//! Web Worker, so the page's own module carries no big-integer or curve code and typing never
//! waits for them. The worker is this crate built without `split` (src/engine_main.rs registers
//! [`worker::KeyEngine`], which answers from [`store::Store`]); the page, built with `split`,
//! reaches it through [`client::Client`] over the browser link, with [`protocol`]'s serde
//! messages.

use std::rc::Rc;

/// Whether the key engine can answer (`engine-status`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EngineStatus {
    /// Not in yet: it is fetched once the page is usable.
    Loading,
    /// It answered.
    Ready,
    /// It could not be loaded or started, stopped, did not answer in time, or is from another
    /// release; why, in words. A reload is the way out.
    Failed(Rc<str>),
}

impl EngineStatus {
    /// `data-state`: `loading`, `ready` or `failed`.
    pub fn state(&self) -> &'static str {
        match self {
            EngineStatus::Loading => "loading",
            EngineStatus::Ready => "ready",
            EngineStatus::Failed(_) => "failed",
        }
    }
}

pub mod client;
pub mod protocol;
#[cfg(not(feature = "split"))]
pub mod store;
mod work;
#[cfg(any(feature = "worker", feature = "split"))]
pub mod worker;

#[cfg(feature = "split")]
pub use work::demo_keys;
pub use work::{
    chain, decrypt, encrypt, generate, lock_openssh, read_keys, retry_refused, rsa_from_pkcs8,
    search_common_secrets, tutorial_issue, tutorial_validate,
};

// The key engine is a Web Worker: only a browser runs the page's `split` build.
#[cfg(all(feature = "split", not(target_arch = "wasm32")))]
compile_error!("feature `split` is the page's build for wasm32-unknown-unknown only");

#[cfg(all(target_arch = "wasm32", feature = "split"))]
mod browser;
#[cfg(all(target_arch = "wasm32", feature = "split"))]
pub use browser::{next_answer, on_answer, start, status};

/// Nothing to start: this build reads every key itself.
#[cfg(not(all(target_arch = "wasm32", feature = "split")))]
pub fn start() {}

/// Nothing to hear: this build reads every key itself, so `listener` is never called.
#[cfg(not(all(target_arch = "wasm32", feature = "split")))]
pub fn on_answer(_listener: impl Fn() + 'static) {}

/// Always ready: this build reads every key itself.
#[cfg(not(all(target_arch = "wasm32", feature = "split")))]
pub fn status() -> EngineStatus {
    EngineStatus::Ready
}

/// Nothing to wait for: this build answers every question at once.
#[cfg(not(all(target_arch = "wasm32", feature = "split")))]
pub async fn next_answer() {}

#[cfg(all(test, not(feature = "split")))]
mod tests;
