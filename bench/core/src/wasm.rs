//! The page's entry points: the same measurement as the native binary, which throws (a
//! JavaScript `Error` with the reason) where native exits non-zero.

use wasm_bindgen::prelude::*;

/// Verifications per second of the `alg` fixture over about `millis` ms; throws if a fixture
/// does not verify.
#[wasm_bindgen(js_name = verify_per_second)]
pub fn verify_per_second_js(alg: &str, millis: f64) -> Result<f64, JsError> {
    crate::verify_per_second(alg, millis).map_err(|e| JsError::new(&e))
}

/// The algorithms measured, in report order.
#[wasm_bindgen]
pub fn algorithms() -> Vec<String> {
    crate::ALGORITHMS.iter().map(|a| a.to_string()).collect()
}
