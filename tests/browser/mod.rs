//! Helpers for the browser tests: mount the app into a fresh `div`, type, query by test id.
// Each test binary includes this module and uses a different subset of it.
#![allow(dead_code)]

use std::rc::Rc;

use jwt_debugger::app::{App, AppProps, Route};
use jwt_debugger::browser::{Clock, ManualClock};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlTextAreaElement};

/// The page's stylesheet, so computed colours can be asserted.
const STYLES: &str = include_str!("../../styles/app.css");

/// A mounted app: its root element and the clock it reads.
pub struct Mounted {
    pub root: Element,
    pub clock: Rc<ManualClock>,
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Mounts a fresh app showing `token` at time `now`.
pub async fn mount(token: &str, now: i64) -> Mounted {
    mount_route(token, now, Route::Debugger).await
}

/// Mounts a fresh app on a given view.
pub async fn mount_route(token: &str, now: i64, route: Route) -> Mounted {
    // Earlier tests' apps are still mounted and follow the hash: make it agree with this one.
    jwt_debugger::browser::set_location_hash(route.hash());
    let doc = document();
    if doc.get_element_by_id("app-styles").is_none() {
        let style = doc.create_element("style").unwrap();
        style.set_id("app-styles");
        style.set_text_content(Some(STYLES));
        doc.head().unwrap().append_child(&style).unwrap();
    }
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let clock = ManualClock::new(now);
    let props = AppProps {
        clock: Clock::Manual(clock.clone()),
        initial_token: Some(token.to_string().into()),
        initial_route: Some(route),
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    Mounted { root, clock }
}

impl Mounted {
    /// Every element with this `data-testid`.
    pub fn all(&self, id: &str) -> Vec<Element> {
        let list = self
            .root
            .query_selector_all(&format!("[data-testid='{id}']"))
            .unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .collect()
    }

    /// The one element with this `data-testid`, if present.
    pub fn find(&self, id: &str) -> Option<Element> {
        self.root
            .query_selector(&format!("[data-testid='{id}']"))
            .unwrap()
    }

    /// The one element with this `data-testid`; fails the test if missing.
    pub fn get(&self, id: &str) -> Element {
        self.find(id)
            .unwrap_or_else(|| panic!("no element with data-testid={id}"))
    }

    /// The text of the element with this `data-testid`.
    pub fn text(&self, id: &str) -> String {
        self.get(id).text_content().unwrap_or_default()
    }

    /// The value of the textarea with this `data-testid`.
    pub fn value(&self, id: &str) -> String {
        self.get(id)
            .dyn_into::<HtmlTextAreaElement>()
            .unwrap()
            .value()
    }

    /// Types `text` into the textarea with this `data-testid`, as a user's paste would.
    pub async fn type_into(&self, id: &str, text: &str) {
        let area: HtmlTextAreaElement = self.get(id).dyn_into().unwrap();
        area.set_value(text);
        let init = EventInit::new();
        init.set_bubbles(true);
        area.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
        yew::scheduler::flush().await;
    }

    /// Clicks the element with this `data-testid`.
    pub async fn click(&self, id: &str) {
        self.get(id).dyn_into::<HtmlElement>().unwrap().click();
        yew::scheduler::flush().await;
    }

    /// Moves the injected clock and lets the page re-render.
    pub async fn set_time(&self, now: i64) {
        self.clock.set(now);
        yew::scheduler::flush().await;
    }

    /// The computed CSS colour of an element.
    pub fn color(element: &Element) -> String {
        let style = web_sys::window()
            .unwrap()
            .get_computed_style(element)
            .unwrap()
            .unwrap();
        style.get_property_value("color").unwrap()
    }
}

/// Waits (yielding to the browser) until `done` holds, for asynchronous work such as WebCrypto.
pub async fn wait_until(mut done: impl FnMut() -> bool, what: &str) {
    for _ in 0..600 {
        if done() {
            return;
        }
        gloo::timers::future::TimeoutFuture::new(50).await;
        yew::scheduler::flush().await;
    }
    panic!("timed out waiting for {what}");
}

/// Chooses `value` in the `<select>` with this `data-testid`.
pub async fn choose(app: &Mounted, id: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = app.get(id).dyn_into().unwrap();
    select.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    select
        .dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}
