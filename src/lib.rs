//! A JWT debugger that runs in the browser tab: the pure core (`jwt`), the one reducer (`state`)
//! and the Yew view (`app`, `components`, `browser`).

pub mod engine;
pub mod harness;
pub mod jwt;
pub mod presets;
pub mod share;
pub mod state;

pub mod app;
pub mod browser;
pub mod components;
