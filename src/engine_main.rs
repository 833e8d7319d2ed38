//! The engine module (feature `split` off): the asymmetric key code the page fetches once it is
//! usable. Its exports are [`Store`]'s calls; the page's side is src/engine/browser.rs.

// Built without `split` (scripts/build.py); with it there is nothing to export.
#[cfg(all(target_arch = "wasm32", not(feature = "split")))]
mod exports {
    use std::cell::RefCell;

    use jwt_debugger::engine::store::Store;
    use wasm_bindgen::prelude::*;

    thread_local! {
        static STORE: RefCell<Store> = RefCell::new(Store::default());
    }

    /// The protocol this engine speaks (the page checks it on load).
    #[wasm_bindgen]
    pub fn protocol_version() -> u32 {
        jwt_debugger::engine::protocol::VERSION
    }

    #[wasm_bindgen]
    pub fn parse_key(text: &str) -> String {
        STORE.with(|s| s.borrow_mut().parse(text))
    }

    #[wasm_bindgen]
    pub fn generate_key(kind: &str, random: &[u8]) -> String {
        STORE.with(|s| s.borrow_mut().generate(kind, random))
    }

    #[wasm_bindgen]
    pub fn rsa_from_pkcs8(der: &[u8]) -> String {
        STORE.with(|s| s.borrow_mut().rsa_from_pkcs8(der))
    }

    #[wasm_bindgen]
    pub fn verify(handle: u32, alg: &str, message: &[u8], signature: &[u8]) -> bool {
        STORE.with(|s| s.borrow().verify(handle, alg, message, signature))
    }

    #[wasm_bindgen]
    pub fn sign(handle: u32, alg: &str, message: &[u8]) -> String {
        STORE.with(|s| s.borrow().sign(handle, alg, message))
    }

    #[wasm_bindgen]
    pub fn export_key(handle: u32, form: &str, comment: &str) -> Option<String> {
        STORE.with(|s| s.borrow().export(handle, form, comment))
    }

    #[wasm_bindgen]
    pub fn release(handle: u32) {
        STORE.with(|s| s.borrow_mut().release(handle));
    }
}

fn main() {}
