//! The key engine's Web Worker (Trunk builds it from index.html's `data-type="worker"` link,
//! without `split`): registers [`KeyEngine`], which answers the page's questions off its thread.

#[cfg(target_arch = "wasm32")]
fn main() {
    use gloo::worker::Registrable;
    use jwt_debugger::engine::worker::{KeyEngine, Messages};
    KeyEngine::registrar().encoding::<Messages>().register();
}

// Natively there is no page to answer: the store is tested directly (src/engine/tests.rs).
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
