//! The browser link: the key engine runs in a Web Worker that Trunk builds (index.html's
//! `data-type="worker"` link, named by the post_build hook in `<meta name="jwt-engine">`),
//! spawned through gloo-worker on the first question. Answers go to the one [`Client`].

use std::cell::{Cell, RefCell};

use gloo::worker::{Spawnable, WorkerBridge};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::EngineStatus;
use super::client::{Client, Link};
use super::protocol::{BUILD, Envelope, Reply};
use super::worker::{KeyEngine, Messages};

/// How long a question may wait for its answer before the page gives up on the worker (it did
/// not load, or it stopped): the slowest question, an RSA-4096 signature, takes well under a
/// second.
const ANSWER_MS: u32 = 20_000;

/// The worker as the page holds it.
pub struct BrowserLink {
    bridge: RefCell<Option<WorkerBridge<KeyEngine>>>,
    /// Counts the workers spawned, so a late check of an old one changes nothing.
    spawned: Cell<u32>,
    /// Whether the page has already restarted a worker that failed: it does so once by itself;
    /// after that only the user (a key pasted, a reload) tries again.
    restarted: Cell<bool>,
    status: Cell<EngineStatus>,
}

impl Default for BrowserLink {
    fn default() -> Self {
        Self {
            bridge: RefCell::default(),
            spawned: Cell::default(),
            restarted: Cell::default(),
            status: Cell::new(EngineStatus::Loading),
        }
    }
}

thread_local! {
    static CLIENT: Client<BrowserLink> = Client::new(BrowserLink::default());
}

/// The page's one client of the key engine; nothing is spawned until [`start`] or a question.
pub(super) fn client() -> Client<BrowserLink> {
    CLIENT.with(Client::clone)
}

/// Where the worker starts from: the loader shim Trunk wrote, under the hook's hashed name.
fn engine_url() -> String {
    gloo::utils::document()
        .query_selector("meta[name=\"jwt-engine\"]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_else(|| "./jwt-engine_loader.js".into())
}

fn deliver((id, build, answer): Reply) {
    let client = client();
    // An engine from another release is refused by the client; only a reload mends that.
    client.link().status.set(if build == BUILD {
        EngineStatus::Ready
    } else {
        EngineStatus::Failed
    });
    client.receive(id, &build, answer);
}

impl BrowserLink {
    fn spawn(&self) {
        let url = engine_url();
        let bridge = KeyEngine::spawner()
            .encoding::<Messages>()
            .callback(deliver)
            .spawn_with_loader(&url);
        *self.bridge.borrow_mut() = Some(bridge);
        self.status.set(EngineStatus::Loading);
        let number = self.spawned.get() + 1;
        self.spawned.set(number);
        // A worker whose script cannot be fetched fails without a word to the page: the page
        // fetches the (small) loader itself to tell.
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(why) = fetch_ok(&url).await {
                fail(number, &why);
            }
        });
    }

    /// Gives question `id` to worker `number` a deadline: a worker that did not start, or
    /// stopped (a trap ends it without a word), must not leave the page checking forever.
    fn deadline(number: u32, id: u32) {
        wasm_bindgen_futures::spawn_local(async move {
            gloo::timers::future::TimeoutFuture::new(ANSWER_MS).await;
            if CLIENT.with(|c| c.is_asked(id)) {
                fail(number, "it stopped answering");
            }
        });
    }
}

/// Worker `number` could not be loaded or stopped: it is dropped. The first time, the page
/// starts a new one by itself (the questions out go to it); after that the questions out are
/// refused with the reason, the page says keys cannot be checked, and the next key the user
/// pastes tries again.
fn fail(number: u32, why: &str) {
    let client = client();
    let link = client.link();
    if link.spawned.get() != number {
        return;
    }
    link.bridge.borrow_mut().take();
    if !link.restarted.replace(true) {
        link.status.set(EngineStatus::Loading);
        client.restart();
        // Nothing may have been waiting: the new worker is started now, not at the next key.
        if link.bridge.borrow().is_none() {
            client.hello();
        }
        return;
    }
    link.status.set(EngineStatus::Failed);
    client.fail(&format!(
        "the key engine for RSA, EC and Ed25519 keys could not be loaded ({why}): check the connection and paste the key again"
    ));
}

async fn fetch_ok(url: &str) -> Result<(), String> {
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(url))
        .await
        .map_err(|_| "the network request failed".to_string())?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "the network request failed".to_string())?;
    if response.ok() {
        Ok(())
    } else {
        Err(format!("HTTP {}", response.status()))
    }
}

impl Link for BrowserLink {
    fn send(&self, envelope: Envelope) -> Result<(), String> {
        if self.bridge.borrow().is_none() {
            self.spawn();
        }
        Self::deadline(self.spawned.get(), envelope.0);
        if let Some(bridge) = self.bridge.borrow().as_ref() {
            bridge.send(envelope);
        }
        Ok(())
    }

    fn tell(&self, envelope: Envelope) {
        if let Some(bridge) = self.bridge.borrow().as_ref() {
            bridge.send(envelope);
        }
    }
}

/// Spawns the worker now (the page does so once it is usable), so the first key is answered
/// sooner.
pub fn start() {
    client().hello();
}

/// Whether the key engine can answer.
pub fn status() -> EngineStatus {
    client().link().status.get()
}

/// Calls `listener` after every answer the engine gives (and when it cannot be reached), so
/// the page derives again what waited for it.
pub fn on_answer(listener: impl Fn() + 'static) {
    client().on_answer(listener);
}

/// Resolves at the engine's next answer (or refusal).
pub async fn next_answer() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        client().on_next_answer(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
    });
    let _ = JsFuture::from(promise).await;
}
