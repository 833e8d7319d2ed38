//! The browser link: fetches the engine module (dist/engine/, built by scripts/build.py) with a
//! dynamic `import()` once the page is usable, then calls its exports synchronously, one module
//! to another through JavaScript. The page's views hear when it is in through [`on_ready`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::client::{Client, Link};
use super::protocol;
use crate::jwt::keys::remote;

/// Where the engine's loader sits, relative to the page.
const ENGINE_PATH: &str = "engine/jwt-engine.js";

#[wasm_bindgen(inline_js = r#"export function load_engine(path, version) {
  const url = new URL(path, document.baseURI);
  url.searchParams.set("v", version);
  return import(url.href).then(async (engine) => {
    await engine["default"]();
    return engine;
  });
}"#)]
extern "C" {
    fn load_engine(path: &str, version: u32) -> js_sys::Promise;
}

// Every call may throw (an engine from another build lacks an export; a trap in the engine): it
// is caught here, so it cannot unwind through the page's own module.
#[wasm_bindgen]
extern "C" {
    /// The engine module's namespace object (src/engine_main.rs).
    type EngineModule;
    #[wasm_bindgen(method, catch)]
    fn protocol_version(this: &EngineModule) -> Result<u32, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn parse_key(this: &EngineModule, text: &str) -> Result<String, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn generate_key(this: &EngineModule, kind: &str, random: &[u8]) -> Result<String, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn rsa_from_pkcs8(this: &EngineModule, der: &[u8]) -> Result<String, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn verify(
        this: &EngineModule,
        handle: u32,
        alg: &str,
        message: &[u8],
        signature: &[u8],
    ) -> Result<bool, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn sign(this: &EngineModule, handle: u32, alg: &str, message: &[u8])
    -> Result<String, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn export_key(
        this: &EngineModule,
        handle: u32,
        form: &str,
        comment: &str,
    ) -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn release(this: &EngineModule, handle: u32) -> Result<(), JsValue>;
}

enum State {
    Idle,
    /// The fetch numbered `.0` is under way.
    Loading(u32, js_sys::Promise),
    Ready(EngineModule),
    /// The fetch failed (offline before it was ever cached): said once, then tried again.
    Failed(String),
    /// The engine threw or is of another version: it is not called again (a reload fetches it
    /// afresh; importing the same module again would give the same instance).
    Broken(String),
}

struct BrowserLink {
    state: RefCell<State>,
    fetches: Cell<u32>,
    listeners: RefCell<Vec<Rc<dyn Fn()>>>,
}

thread_local! {
    static LINK: Rc<BrowserLink> = Rc::new(BrowserLink {
        state: RefCell::new(State::Idle),
        fetches: Cell::new(0),
        listeners: RefCell::new(Vec::new()),
    });
}

fn message(error: JsValue) -> String {
    js_sys::Error::from(error)
        .message()
        .as_string()
        .unwrap_or_default()
}

impl BrowserLink {
    /// Starts the fetch unless it is under way or done; the fetch to wait on, if loading.
    fn start(self: &Rc<Self>) -> Option<(u32, js_sys::Promise)> {
        let mut state = self.state.borrow_mut();
        match &*state {
            State::Ready(_) | State::Broken(_) => None,
            State::Loading(number, promise) => Some((*number, promise.clone())),
            State::Idle | State::Failed(_) => {
                let number = self.fetches.get() + 1;
                self.fetches.set(number);
                let promise = load_engine(ENGINE_PATH, protocol::VERSION);
                *state = State::Loading(number, promise.clone());
                let link = self.clone();
                let waited = promise.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    link.settle(number, JsFuture::from(waited).await);
                });
                Some((number, promise))
            }
        }
    }

    /// Records how fetch `number` ended (once, and only if it is still the current one) and
    /// tells the listeners.
    fn settle(&self, number: u32, outcome: Result<JsValue, JsValue>) {
        {
            let mut state = self.state.borrow_mut();
            if !matches!(*state, State::Loading(current, _) if current == number) {
                return;
            }
            *state = match outcome {
                Ok(module) => {
                    let module: EngineModule = module.unchecked_into();
                    match module.protocol_version() {
                        Ok(protocol::VERSION) => State::Ready(module),
                        _ => State::Broken(
                            "the engine module is from another release of this page".into(),
                        ),
                    }
                }
                Err(error) => State::Failed(message(error)),
            };
        }
        let listeners = self.listeners.borrow().clone();
        for listener in listeners {
            listener();
        }
    }

    /// The module's answer; `None` while loading (the fetch is started). A failed fetch is
    /// answered once as an error and the next call tries again.
    fn call(
        self: &Rc<Self>,
        answer: impl FnOnce(&EngineModule) -> Result<String, JsValue>,
    ) -> Option<String> {
        // The module is cloned out first: no borrow is held while the engine runs.
        if let Some(module) = self.module() {
            match answer(&module) {
                Ok(text) => return Some(text),
                Err(error) => self.break_down(error),
            }
        }
        let refusal = match &*self.state.borrow() {
            State::Failed(why) => Some(format!(
                "the code for RSA, EC and Ed25519 keys could not be loaded ({why}): check the connection and paste the key again"
            )),
            State::Broken(why) => Some(format!(
                "the code for RSA, EC and Ed25519 keys stopped working ({why}): reload the page"
            )),
            State::Idle | State::Loading(..) | State::Ready(_) => None,
        };
        let Some(refusal) = refusal else {
            self.start();
            return None;
        };
        if matches!(*self.state.borrow(), State::Failed(_)) {
            *self.state.borrow_mut() = State::Idle;
        }
        Some(protocol::write_error(&refusal))
    }

    /// The engine threw: never call it again.
    fn break_down(&self, error: JsValue) {
        *self.state.borrow_mut() = State::Broken(message(error));
    }

    fn module(&self) -> Option<EngineModule> {
        match &*self.state.borrow() {
            State::Ready(module) => Some(AsRef::<JsValue>::as_ref(module).clone().unchecked_into()),
            _ => None,
        }
    }
}

/// The browser link as the client's [`Link`].
struct Shared(Rc<BrowserLink>);

impl Shared {
    /// A call that only makes sense on a loaded engine; a throw breaks the link.
    fn on_module<T>(&self, call: impl FnOnce(&EngineModule) -> Result<T, JsValue>) -> Option<T> {
        let module = self.0.module()?;
        call(&module).map_err(|e| self.0.break_down(e)).ok()
    }
}

impl Link for Shared {
    fn parse(&self, text: &str) -> Option<String> {
        self.0.call(|m| m.parse_key(text))
    }

    fn generate(&self, kind: &str, random: &[u8]) -> Option<String> {
        self.0.call(|m| m.generate_key(kind, random))
    }

    fn rsa_from_pkcs8(&self, der: &[u8]) -> Option<String> {
        self.0.call(|m| m.rsa_from_pkcs8(der))
    }

    fn verify(&self, handle: u32, alg: &str, message: &[u8], signature: &[u8]) -> bool {
        self.on_module(|m| m.verify(handle, alg, message, signature))
            .unwrap_or(false)
    }

    fn sign(&self, handle: u32, alg: &str, message: &[u8]) -> Option<String> {
        self.on_module(|m| m.sign(handle, alg, message))
    }

    fn export(&self, handle: u32, form: &str, comment: &str) -> Option<String> {
        self.on_module(|m| m.export_key(handle, form, comment))
            .flatten()
    }

    fn release(&self, handle: u32) {
        self.on_module(|m| m.release(handle));
    }
}

/// Makes the engine the core's [`remote`] engine. Nothing is fetched until [`ready`] or a key
/// needs it.
pub fn install() {
    if remote::engine().is_none() {
        let link = LINK.with(Rc::clone);
        remote::install(Rc::new(Client::new(Rc::new(Shared(link)))));
    }
}

/// Calls `listener` each time a fetch of the engine ends (loaded or failed), and at once if it
/// is already loaded, so keys pasted meanwhile are read again.
pub fn on_ready(listener: impl Fn() + 'static) {
    let listener: Rc<dyn Fn()> = Rc::new(listener);
    let loaded = LINK.with(|link| {
        link.listeners.borrow_mut().push(listener.clone());
        link.module().is_some()
    });
    if loaded {
        listener();
    }
}

/// Waits until the engine is loaded (or its fetch failed), starting the fetch if need be.
pub async fn ready() {
    let (link, fetch) = LINK.with(|link| (link.clone(), link.start()));
    if let Some((number, promise)) = fetch {
        let outcome = JsFuture::from(promise).await;
        link.settle(number, outcome);
    }
}
