//! The browser link: fetches the engine module (dist/engine/, built by scripts/engine.sh) on
//! first use with a dynamic `import()`, then calls its exports synchronously, one module to
//! another through JavaScript. The page's views hear when it is in through [`on_ready`].

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::client::{Client, Link};
use super::protocol;
use crate::jwt::keys::remote;

/// Where the engine's loader sits, relative to the page.
const ENGINE_PATH: &str = "engine/jwt-engine.js";

#[wasm_bindgen(inline_js = r#"export function load_engine(path) {
  return import(new URL(path, document.baseURI).href).then(async (engine) => {
    await engine["default"]();
    return engine;
  });
}"#)]
extern "C" {
    fn load_engine(path: &str) -> js_sys::Promise;
}

#[wasm_bindgen]
extern "C" {
    /// The engine module's namespace object (src/engine_main.rs).
    type EngineModule;
    #[wasm_bindgen(method)]
    fn parse_key(this: &EngineModule, text: &str) -> String;
    #[wasm_bindgen(method)]
    fn generate_key(this: &EngineModule, kind: &str, random: &[u8]) -> String;
    #[wasm_bindgen(method)]
    fn rsa_from_pkcs8(this: &EngineModule, der: &[u8]) -> String;
    #[wasm_bindgen(method)]
    fn verify(
        this: &EngineModule,
        handle: u32,
        alg: &str,
        message: &[u8],
        signature: &[u8],
    ) -> bool;
    #[wasm_bindgen(method)]
    fn sign(this: &EngineModule, handle: u32, alg: &str, message: &[u8]) -> String;
    #[wasm_bindgen(method)]
    fn export_key(this: &EngineModule, handle: u32, form: &str, comment: &str) -> Option<String>;
    #[wasm_bindgen(method)]
    fn release(this: &EngineModule, handle: u32);
}

enum State {
    Idle,
    Loading(js_sys::Promise),
    Ready(EngineModule),
    /// The fetch failed (offline before it was ever cached): said once, then tried again.
    Failed(String),
}

struct BrowserLink {
    state: RefCell<State>,
    listeners: RefCell<Vec<Rc<dyn Fn()>>>,
}

thread_local! {
    static LINK: Rc<BrowserLink> = Rc::new(BrowserLink {
        state: RefCell::new(State::Idle),
        listeners: RefCell::new(Vec::new()),
    });
}

impl BrowserLink {
    /// Starts the fetch unless it is under way or done; the promise to wait on, if loading.
    fn start(self: &Rc<Self>) -> Option<js_sys::Promise> {
        let mut state = self.state.borrow_mut();
        match &*state {
            State::Ready(_) => None,
            State::Loading(promise) => Some(promise.clone()),
            State::Idle | State::Failed(_) => {
                let promise = load_engine(ENGINE_PATH);
                *state = State::Loading(promise.clone());
                let link = self.clone();
                let waited = promise.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    link.settle(JsFuture::from(waited).await);
                });
                Some(promise)
            }
        }
    }

    /// Records how the fetch ended (once) and tells the listeners.
    fn settle(&self, outcome: Result<JsValue, JsValue>) {
        {
            let mut state = self.state.borrow_mut();
            if !matches!(*state, State::Loading(_)) {
                return;
            }
            *state = match outcome {
                Ok(module) => State::Ready(module.unchecked_into()),
                Err(error) => State::Failed(
                    js_sys::Error::from(error)
                        .message()
                        .as_string()
                        .unwrap_or_default(),
                ),
            };
        }
        let listeners = self.listeners.borrow().clone();
        for listener in listeners {
            listener();
        }
    }

    /// The module, or `None` while loading (the fetch is started); a failure is answered once
    /// as an error and the next call tries again.
    fn call(self: &Rc<Self>, answer: impl FnOnce(&EngineModule) -> String) -> Option<String> {
        let failed = {
            let state = self.state.borrow();
            match &*state {
                State::Ready(module) => return Some(answer(module)),
                State::Failed(why) => Some(why.clone()),
                State::Idle | State::Loading(_) => None,
            }
        };
        match failed {
            Some(why) => {
                *self.state.borrow_mut() = State::Idle;
                Some(protocol::write_error(&format!(
                    "the code for RSA, EC and Ed25519 keys could not be loaded ({why}): check the connection and paste the key again"
                )))
            }
            None => {
                self.start();
                None
            }
        }
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
        self.0
            .module()
            .is_some_and(|m| m.verify(handle, alg, message, signature))
    }

    fn sign(&self, handle: u32, alg: &str, message: &[u8]) -> Option<String> {
        self.0.module().map(|m| m.sign(handle, alg, message))
    }

    fn export(&self, handle: u32, form: &str, comment: &str) -> Option<String> {
        self.0.module()?.export_key(handle, form, comment)
    }

    fn release(&self, handle: u32) {
        if let Some(module) = self.0.module() {
            module.release(handle);
        }
    }
}

/// Makes the engine the core's [`remote`] engine. Nothing is fetched until a key needs it.
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
    let (link, promise) = LINK.with(|link| (link.clone(), link.start()));
    if let Some(promise) = promise {
        let outcome = JsFuture::from(promise).await;
        link.settle(outcome);
    }
}
