//! The key engine as a gloo-worker [`Worker`]: one type the page spawns and the worker registers.
//! The worker (src/engine_main.rs, built without `split`) answers from its [`Store`]; the page's
//! build only needs the type to spawn it and to know what crosses.

use gloo::worker::{Codec, HandlerId, Worker, WorkerScope};
use js_sys::Uint8Array;
use serde::{Serialize, de::DeserializeOwned};
use wasm_bindgen::JsValue;

use super::protocol::{Envelope, Reply};
#[cfg(not(feature = "split"))]
use super::{protocol::BUILD, store::Store};

/// postcard in place of gloo-worker's default (bincode): its errors carry no text, so the
/// page's module holds none of serde's error sentences nor the float printing they include
/// (10 KB gzip with bincode, measured); and a message that cannot be written or read throws a
/// JavaScript error for that message, where the default panics, which with `panic = "abort"`
/// would stop the whole page.
pub struct Messages;

impl Codec for Messages {
    fn encode<I: Serialize>(input: I) -> JsValue {
        match postcard::to_allocvec(&input) {
            Ok(bytes) => Uint8Array::from(bytes.as_slice()).into(),
            Err(_) => wasm_bindgen::throw_str("the key engine could not write a message"),
        }
    }

    fn decode<O: DeserializeOwned>(input: JsValue) -> O {
        let bytes = Uint8Array::from(input).to_vec();
        postcard::from_bytes(&bytes)
            .unwrap_or_else(|_| wasm_bindgen::throw_str("a key engine message could not be read"))
    }
}

/// The key engine: RSA, EC and Ed25519 keys read, held, checked, signed and written out.
pub struct KeyEngine {
    #[cfg(not(feature = "split"))]
    store: Store,
}

impl Worker for KeyEngine {
    type Message = ();
    type Input = Envelope;
    type Output = Reply;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Self {
            #[cfg(not(feature = "split"))]
            store: Store::default(),
        }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _message: Self::Message) {}

    fn received(&mut self, scope: &WorkerScope<Self>, (id, request): Envelope, who: HandlerId) {
        // The page's build never runs a worker: it only spawns this type in one.
        #[cfg(feature = "split")]
        let _ = (scope, id, request, who);
        #[cfg(not(feature = "split"))]
        if let Some(answer) = self.store.answer(request) {
            scope.respond(who, (id, BUILD.to_string(), answer));
        }
    }
}
