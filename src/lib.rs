//! A JWT debugger that runs in the browser tab: the pure core (`jwt`), the one reducer (`state`)
//! and the Yew view (`app`, `views`, `components`, `browser`).

/// Talc in place of std's dlmalloc on wasm32: the same kind of allocator (boundary tags, bins),
/// 3 KB gzip smaller in the page's module. The page, the key engine and the browser tests share it.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod engine;
#[cfg(not(feature = "split"))]
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
#[cfg(feature = "view")]
pub mod key_tasks;
#[cfg(feature = "view")]
pub mod route;
#[cfg(feature = "view")]
pub mod views;
