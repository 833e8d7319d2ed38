//! The thin edge to the browser: the clock (real or injected by tests), the time zone, the
//! location hash (routing), the CSPRNG and WebCrypto key generation.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::Callback;

use crate::jwt::time::Seconds;

/// Where the app reads the time. Tests inject a [`ManualClock`] and move it by hand.
#[derive(Clone)]
pub enum Clock {
    /// `Date.now()`, ticking every second.
    System,
    Manual(Rc<ManualClock>),
}

impl PartialEq for Clock {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Clock::System, Clock::System) => true,
            (Clock::Manual(a), Clock::Manual(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Clock {
    /// Seconds since the epoch.
    pub fn now(&self) -> Seconds {
        match self {
            Clock::System => (js_sys::Date::now() / 1000.0).floor() as Seconds,
            Clock::Manual(clock) => clock.now.get(),
        }
    }

    /// Calls `on_tick` with the time every second (system) or whenever it is set (manual).
    /// Dropping the returned guard stops the ticks.
    pub fn subscribe(&self, on_tick: Callback<Seconds>) -> TickGuard {
        match self {
            Clock::System => {
                let interval = gloo::timers::callback::Interval::new(1000, move || {
                    on_tick.emit((js_sys::Date::now() / 1000.0).floor() as Seconds)
                });
                TickGuard::Interval(interval)
            }
            Clock::Manual(clock) => {
                clock.listeners.borrow_mut().push(on_tick);
                TickGuard::Manual
            }
        }
    }
}

/// Keeps a subscription alive.
pub enum TickGuard {
    Interval(gloo::timers::callback::Interval),
    Manual,
}

/// A clock that only moves when told to.
pub struct ManualClock {
    now: Cell<Seconds>,
    listeners: RefCell<Vec<Callback<Seconds>>>,
}

impl ManualClock {
    /// A clock stopped at `now`.
    pub fn new(now: Seconds) -> Rc<Self> {
        Rc::new(Self {
            now: Cell::new(now),
            listeners: RefCell::new(Vec::new()),
        })
    }

    /// Moves the clock and tells every subscriber.
    pub fn set(&self, now: Seconds) {
        self.now.set(now);
        let listeners = self.listeners.borrow().clone();
        for listener in listeners {
            listener.emit(now);
        }
    }
}

/// The viewer's offset from UTC in minutes (east positive) at a given moment, so that daylight
/// saving is right for each date shown.
pub fn utc_offset_minutes(at: Seconds) -> i32 {
    let date = js_sys::Date::new(&JsValue::from_f64(at as f64 * 1000.0));
    let offset = date.get_timezone_offset();
    if offset.is_finite() {
        -(offset as i32)
    } else {
        0
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `Temporal.Now.timeZoneId()`; an error where the browser has no Temporal yet.
    #[wasm_bindgen(js_namespace = ["Temporal", "Now"], js_name = timeZoneId, catch)]
    fn temporal_time_zone_id() -> Result<String, JsValue>;
}

/// The viewer's time zone by name (its IANA name, e.g. `Europe/Paris`), or `local time` when the
/// browser does not say.
///
/// Temporal answers at once. `Intl.DateTimeFormat`, the fallback for browsers without Temporal,
/// loads the locale's date patterns first: 17–60 ms of a cold start in Chromium, measured on the
/// page's first render, where the claims list asks for the zone.
pub fn time_zone_name() -> String {
    temporal_time_zone_id()
        .ok()
        .or_else(|| {
            let options =
                js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
                    .resolved_options();
            js_sys::Reflect::get(&options, &JsValue::from_str("timeZone"))
                .ok()
                .and_then(|zone| zone.as_string())
        })
        .filter(|zone| !zone.is_empty())
        .unwrap_or_else(|| "local time".into())
}

/// `n` bytes from the browser's CSPRNG (`crypto.getRandomValues`).
pub fn random_bytes(n: usize) -> Result<Vec<u8>, String> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or("this browser has no Web Crypto")?;
    let mut bytes = vec![0u8; n];
    // getRandomValues fills at most 65536 bytes per call; keys are far smaller.
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| "crypto.getRandomValues failed".to_string())?;
    Ok(bytes)
}

/// An RSA key pair made by WebCrypto (native and asynchronous, so the page never freezes),
/// exported as PKCS#8 DER. The key lives only in this tab's memory.
pub async fn generate_rsa_pkcs8(bits: u32) -> Result<Vec<u8>, String> {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    fn fail(what: &'static str) -> impl Fn(JsValue) -> String {
        move |e| {
            format!(
                "{what}: {}",
                e.as_string().unwrap_or_else(|| format!("{e:?}"))
            )
        }
    }
    let subtle = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.subtle())
        .ok_or("this browser has no Web Crypto")?;
    let params = Object::new();
    let set = |k: &str, v: &JsValue| Reflect::set(&params, &JsValue::from_str(k), v).map(|_| ());
    set("name", &"RSASSA-PKCS1-v1_5".into()).map_err(fail("params"))?;
    set("modulusLength", &JsValue::from(bits)).map_err(fail("params"))?;
    set("publicExponent", &Uint8Array::from(&[1u8, 0, 1][..]).into()).map_err(fail("params"))?;
    set("hash", &"SHA-256".into()).map_err(fail("params"))?;
    let usages = Array::of2(&"sign".into(), &"verify".into());
    let promise = subtle
        .generate_key_with_object(&params, true, &usages)
        .map_err(fail("generateKey"))?;
    let pair = JsFuture::from(promise).await.map_err(fail("generateKey"))?;
    let private: web_sys::CryptoKey = Reflect::get(&pair, &"privateKey".into())
        .map_err(fail("generateKey"))?
        .dyn_into()
        .map_err(|_| "generateKey returned no private key".to_string())?;
    let exported = JsFuture::from(
        subtle
            .export_key("pkcs8", &private)
            .map_err(fail("exportKey"))?,
    )
    .await
    .map_err(fail("exportKey"))?;
    Ok(Uint8Array::new(&exported).to_vec())
}

/// The location hash without `#` (e.g. `/walkthrough`).
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Sets the location hash (adds a history entry, so Back works).
pub fn set_location_hash(hash: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(hash);
    }
}

/// Loads the page again (the way out when the key engine cannot be loaded).
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// The page's URL as the address bar shows it.
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Removes the fragment from the address bar and this history entry, so a token that arrived
/// in a link does not linger there.
pub fn forget_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let plain = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&plain));
    }
}

/// Copies `text` to the clipboard: the Clipboard API, or the older `execCommand("copy")` where
/// that API is missing or refused (e.g. a page not served over HTTPS or localhost).
pub async fn copy_text(text: &str) -> bool {
    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = Reflect::get(&window.navigator(), &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined());
    if let Some(clipboard) = clipboard
        && let Ok(write) = Reflect::get(&clipboard, &"writeText".into())
        && let Ok(write) = write.dyn_into::<Function>()
        && let Ok(promise) = write.call1(&clipboard, &JsValue::from_str(text))
        && let Ok(promise) = promise.dyn_into::<Promise>()
        && wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
    {
        return true;
    }
    copy_with_exec_command(&window, text)
}

fn copy_with_exec_command(window: &web_sys::Window, text: &str) -> bool {
    use js_sys::{Function, Reflect};
    use wasm_bindgen::JsCast;
    let Some(document) = window.document() else {
        return false;
    };
    let Ok(area) = document.create_element("textarea") else {
        return false;
    };
    let Ok(area) = area.dyn_into::<web_sys::HtmlTextAreaElement>() else {
        return false;
    };
    area.set_value(text);
    let Some(body) = document.body() else {
        return false;
    };
    if body.append_child(&area).is_err() {
        return false;
    }
    area.select();
    let copied = Reflect::get(&document, &"execCommand".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call1(&document, &"copy".into()).ok())
        .is_some_and(|r| r.as_bool() == Some(true));
    area.remove();
    copied
}

/// Where the theme choice is kept: the one thing this page stores (SECURITY.md).
const THEME_KEY: &str = "jwt-debugger-theme";

/// The theme chosen on an earlier visit: `light`, `dark`, or `system` when none was (or storage
/// is off, as in some private windows).
pub fn saved_theme() -> &'static str {
    let saved = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|storage| storage.get_item(THEME_KEY).ok().flatten());
    match saved.as_deref() {
        Some("light") => "light",
        Some("dark") => "dark",
        _ => "system",
    }
}

/// Applies the chosen colour theme (`light`, `dark`, or `system` to follow the OS) and keeps the
/// choice for the next visit; `system` keeps nothing.
pub fn set_theme(theme: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let root = window.document().and_then(|d| d.document_element());
    let storage = window.local_storage().ok().flatten();
    let explicit = matches!(theme, "light" | "dark");
    if let Some(root) = root {
        let _ = if explicit {
            root.set_attribute("data-theme", theme)
        } else {
            root.remove_attribute("data-theme")
        };
    }
    if let Some(storage) = storage {
        let _ = if explicit {
            storage.set_item(THEME_KEY, theme)
        } else {
            storage.remove_item(THEME_KEY)
        };
    }
}

/// The text of a file the user picked or dropped (a key file such as `jwt_key` or `key.pem`,
/// or a binary DER key or certificate, made PEM). It is read in the page; nothing is uploaded.
pub async fn read_file_text(file: web_sys::File) -> Result<String, String> {
    // Key files are small; refuse anything that could not be one before reading it.
    const LIMIT: f64 = 1024.0 * 1024.0;
    if file.size() > LIMIT {
        return Err(format!(
            "{} is {} KiB: a key file is far smaller",
            file.name(),
            // Whole KiB as an integer: formatting the float would link core's float printer.
            (file.size() / 1024.0).round() as u64
        ));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("{} could not be read", file.name()))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    // A text file as it is; a binary DER file (.der, .cer, .crt) as the PEM it would be.
    crate::jwt::keys::file_as_text(&bytes).ok_or_else(|| {
        format!(
            "{} is not a key file (PEM, JWK, OpenSSH or DER)",
            file.name()
        )
    })
}

/// Registers the service worker that caches the app's own files for offline use (release
/// builds only: during development it would serve stale files).
pub fn register_service_worker() {
    if cfg!(debug_assertions) {
        return;
    }
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().service_worker().register("sw.js");
    }
}
