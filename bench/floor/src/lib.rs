//! The least decoding page of this stack (Yew, wasm-bindgen, web-sys, serde): a token box and the
//! header and payload pretty-printed by serde_json. `make bench` weighs it beside the real page.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use wasm_bindgen::prelude::*;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// The page's allocator, so the two modules differ only in their code.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

const EXAMPLE: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

/// One segment as pretty JSON, or what is wrong with it.
fn segment(part: Option<&str>) -> String {
    let Some(part) = part else {
        return "missing segment".into();
    };
    match URL_SAFE_NO_PAD.decode(part) {
        Err(error) => error.to_string(),
        Ok(bytes) => match serde_json::from_slice::<serde_json::Value>(&bytes) {
            Ok(value) => serde_json::to_string_pretty(&value).unwrap_or_default(),
            Err(error) => error.to_string(),
        },
    }
}

#[function_component]
fn Floor() -> Html {
    let token = use_state(|| EXAMPLE.to_string());
    let oninput = {
        let token = token.clone();
        Callback::from(move |event: InputEvent| {
            token.set(event.target_unchecked_into::<HtmlTextAreaElement>().value());
        })
    };
    let mut parts = token.split('.');
    let header = segment(parts.next());
    let payload = segment(parts.next());
    html! {
        <main>
            <textarea data-testid="token-input" value={(*token).clone()} {oninput} />
            <textarea data-testid="header-json" readonly=true value={header} />
            <textarea data-testid="payload-json" readonly=true value={payload} />
        </main>
    }
}

#[wasm_bindgen(start)]
pub fn start() {
    yew::Renderer::<Floor>::new().render();
}
