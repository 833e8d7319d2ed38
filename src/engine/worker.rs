//! The key engine as a gloo-worker [`Worker`]: one type the page spawns and the worker registers.
//! The worker (src/engine_main.rs, built without `split`) answers from its [`Store`]; the page's
//! build only needs the type to spawn it and to know what crosses.

use gloo::worker::{HandlerId, Worker, WorkerScope};

use super::protocol::{Envelope, Reply};
#[cfg(not(feature = "split"))]
use super::{protocol::BUILD, store::Store};

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
