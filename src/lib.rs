//! A JWT debugger that runs in the browser tab: the pure core (`jwt`), the one reducer (`state`)
//! and the Yew view (`app`, `components`, `browser`).

pub mod engine;
pub mod harness;
pub mod jwt;
pub mod presets;
pub mod share;
pub mod state;

#[cfg(feature = "view")]
pub mod app;
#[cfg(feature = "view")]
pub mod browser;
#[cfg(feature = "view")]
pub mod components;
