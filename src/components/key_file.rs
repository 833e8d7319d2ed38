//! Loading a key from a file: a file picker, and dropping a file on the key box. The file is
//! read in the page; nothing is uploaded.

use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use crate::browser;

/// Reads the first file of a pick or drop and hands its text (or why not) to `on_text`.
fn read_first(
    files: Option<web_sys::FileList>,
    on_text: Callback<String>,
    on_error: Callback<String>,
) {
    let Some(file) = files.and_then(|f| f.get(0)) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        match browser::read_file_text(file).await {
            Ok(text) => on_text.emit(text),
            Err(why) => on_error.emit(why),
        }
    });
}

/// Drag-and-drop handlers for a key textarea: (ondragover, ondrop).
pub fn drop_handlers(
    on_text: Callback<String>,
    on_error: Callback<String>,
) -> (Callback<DragEvent>, Callback<DragEvent>) {
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        read_first(
            e.data_transfer().and_then(|d| d.files()),
            on_text.clone(),
            on_error.clone(),
        );
    });
    (ondragover, ondrop)
}

#[derive(Properties, PartialEq)]
pub struct KeyFileProps {
    /// The `data-testid` of the file input.
    pub testid: AttrValue,
    pub on_text: Callback<String>,
}

/// "Load a key file" with a file picker, and the last read error.
#[component]
pub fn KeyFile(props: &KeyFileProps) -> Html {
    let error = use_state(|| None::<String>);
    let onchange = {
        let on_text = props.on_text.clone();
        let error = error.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let clear = error.clone();
            let on_text = on_text.reform(move |text: String| {
                clear.set(None);
                text
            });
            let error = error.clone();
            read_first(
                input.files(),
                on_text,
                Callback::from(move |why| error.set(Some(why))),
            );
            // Let the same file be picked again after an edit.
            input.set_value("");
        })
    };
    html! {
        <div class="key-file">
            <label>
                { "Load a key file (jwt_key, jwt_key.pub, *.pem, *.json) or drop one on the box: " }
                <input type="file" data-testid={props.testid.clone()} {onchange}
                    accept=".pem,.pub,.key,.json,.jwk,.crt,.cer,.txt,text/plain,application/json" />
            </label>
            if let Some(why) = &*error {
                <span class="decode-error" role="alert">{ why.clone() }</span>
            }
        </div>
    }
}
