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

/// bincode, as gloo-worker's default codec, except that a message which cannot be written or
/// read throws a JavaScript error: the default formats bincode's error for a panic, which pulls
/// std's I/O error names and formatting into the page's module and, with `panic = "abort"`,
/// would stop the whole page instead of one message.
pub struct Messages;

impl Codec for Messages {
    fn encode<I: Serialize>(input: I) -> JsValue {
        match bincode::serialize(&input) {
            Ok(bytes) => Uint8Array::from(bytes.as_slice()).into(),
            Err(_) => wasm_bindgen::throw_str("the key engine could not write a message"),
        }
    }

    fn decode<O: DeserializeOwned>(input: JsValue) -> O {
        let bytes = Uint8Array::from(input).to_vec();
        bincode::deserialize(&bytes)
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
