//! The browser link: the key engine runs in a Web Worker that Trunk builds (index.html's
//! `data-type="worker"` link, started by the loader the post_build hook writes and names in
//! `<meta name="jwt-engine">`), spawned through gloo-worker once the page is usable. Answers go to
//! the one [`Client`]; the loader says on a channel of its own why the engine could not start
//! or stopped, which gloo-worker's bridge has no way to carry.

use std::cell::{Cell, RefCell};

use gloo::worker::{Spawnable, WorkerBridge};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::EngineStatus;
use super::client::{Client, Link};
use super::protocol::{BUILD, Envelope, Reply};
use super::worker::{KeyEngine, Messages};

/// How long a question may wait for its answer before the page gives up on the worker (it
/// hangs, or its download stalled): the slowest question, an RSA-4096 signature or a locked
/// key's derivation, takes well under two seconds, and the engine's 440 KB download takes
/// nine on a 50 KB/s link.
const ANSWER_MS: u32 = 20_000;

/// The channel a worker's loader reports on: this prefix and the fragment of the URL it was
/// started from (scripts/engine_loader.js).
const CHANNEL: &str = "jwt-engine#";

/// The worker as the page holds it.
pub struct BrowserLink {
    bridge: RefCell<Option<WorkerBridge<KeyEngine>>>,
    /// What the current worker's loader tells: kept open while the worker is.
    reports: RefCell<Option<Reports>>,
    /// Counts the workers spawned, so a late check of an old one changes nothing.
    spawned: Cell<u32>,
    /// Whether the page has already restarted a worker that failed: it does so once by itself;
    /// after that only the user (a key pasted, a reload) tries again.
    restarted: Cell<bool>,
    status: RefCell<EngineStatus>,
}

/// A worker loader's channel and the page's ear on it.
struct Reports {
    channel: web_sys::BroadcastChannel,
    _listener: gloo::events::EventListener,
}

impl Drop for Reports {
    fn drop(&mut self) {
        self.channel.close();
    }
}

impl Default for BrowserLink {
    fn default() -> Self {
        Self {
            bridge: RefCell::default(),
            reports: RefCell::default(),
            spawned: Cell::default(),
            restarted: Cell::default(),
            status: RefCell::new(EngineStatus::Loading),
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
    if build == BUILD {
        client.link().status.replace(EngineStatus::Ready);
    } else {
        // The client refuses its answers; only a reload mends that.
        let why = "is from another release of this page (an old copy from a cache)";
        client
            .link()
            .status
            .replace(EngineStatus::Failed(why.into()));
    }
    client.receive(id, &build, answer);
}

impl BrowserLink {
    fn spawn(&self) {
        let number = self.spawned.get() + 1;
        self.spawned.set(number);
        // Unique across tabs too: a BroadcastChannel reaches every page of this origin.
        let tag = format!("{number}-{}", (js_sys::Math::random() * 1e15) as u64);
        *self.reports.borrow_mut() = listen(&tag, number);
        let url = engine_url();
        let bridge = KeyEngine::spawner()
            .encoding::<Messages>()
            .callback(deliver)
            .spawn_with_loader(&format!("{url}#{tag}"));
        *self.bridge.borrow_mut() = Some(bridge);
        self.status.replace(EngineStatus::Loading);
        // A worker whose own script cannot be fetched runs nothing that could say so: the page
        // fetches the (small) loader itself to tell.
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(why) = fetch_ok(&url).await {
                fail(
                    number,
                    &format!("could not be loaded: its loader {why}"),
                    true,
                );
            }
        });
    }

    /// Gives question `id` to worker `number` a deadline: a worker whose download stalled, or
    /// that hangs, must not leave the page checking forever. Not retried by itself: a second
    /// try would wait as long again.
    fn deadline(number: u32, id: u32) {
        wasm_bindgen_futures::spawn_local(async move {
            gloo::timers::future::TimeoutFuture::new(ANSWER_MS).await;
            if CLIENT.with(|c| c.is_asked(id)) {
                let why = format!("did not answer within {} s", ANSWER_MS / 1000);
                fail(number, &why, false);
            }
        });
    }
}

/// Listens on the channel worker `number`'s loader reports on (`tag`, its URL's fragment).
/// `None` where the browser has no BroadcastChannel: the deadline still catches a failure.
fn listen(tag: &str, number: u32) -> Option<Reports> {
    let channel = web_sys::BroadcastChannel::new(&format!("{CHANNEL}{tag}")).ok()?;
    let listener = gloo::events::EventListener::new(&channel, "message", move |event| {
        let told = event
            .dyn_ref::<web_sys::MessageEvent>()
            .and_then(|message| message.data().as_string());
        // The loader's words, capped: anything of this origin could post on the channel.
        let why: String = told
            .unwrap_or_else(|| "stopped".into())
            .chars()
            .take(300)
            .collect();
        fail(number, &why, true);
    });
    Some(Reports {
        channel,
        _listener: listener,
    })
}

/// Worker `number` could not be loaded, stopped, or did not answer in time (`why` completes
/// "the key engine …"): it is dropped. The first time a worker failed with `retry`, the page
/// starts a new one by itself (the questions out go to it); otherwise the questions out are
/// refused with the reason, the page says keys cannot be checked and why, and the next key the
/// user pastes tries again.
fn fail(number: u32, why: &str, retry: bool) {
    let client = client();
    let link = client.link();
    if link.spawned.get() != number {
        return;
    }
    link.bridge.borrow_mut().take();
    link.reports.borrow_mut().take();
    if retry && !link.restarted.replace(true) {
        link.status.replace(EngineStatus::Loading);
        client.restart();
        // Nothing may have been waiting: the new worker is started now, not at the next key.
        if link.bridge.borrow().is_none() {
            client.hello();
        }
        return;
    }
    link.status.replace(EngineStatus::Failed(why.into()));
    client.fail(&format!(
        "the key engine for RSA, EC and Ed25519 keys {why}: paste the key again to retry, or reload the page"
    ));
}

async fn fetch_ok(url: &str) -> Result<(), String> {
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(url))
        .await
        .map_err(|_| "could not be downloaded (the network request failed)".to_string())?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "could not be downloaded".to_string())?;
    if response.ok() {
        Ok(())
    } else {
        Err(format!(
            "could not be downloaded (HTTP {})",
            response.status()
        ))
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
    client().link().status.borrow().clone()
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
