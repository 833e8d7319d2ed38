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

/// Dropping a key file on a key textarea: its handlers, and why the last dropped file could not
/// be used (shown by [`KeyFile`], as the picker's own errors are).
pub struct KeyDrop {
    pub ondragover: Callback<DragEvent>,
    pub ondrop: Callback<DragEvent>,
    pub error: Option<AttrValue>,
}

/// The drop handlers for a key box holding `text`, whose new text goes to `on_text`. The error
/// goes when the text changes (typed, picked or dropped).
#[hook]
pub fn use_key_drop(text: AttrValue, on_text: Callback<String>) -> KeyDrop {
    let error = use_state_eq(|| None::<AttrValue>);
    {
        let error = error.clone();
        use_effect_with(text, move |_| error.set(None));
    }
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let error = error.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let failed = error.clone();
            read_first(
                e.data_transfer().and_then(|d| d.files()),
                on_text.clone(),
                Callback::from(move |why: String| failed.set(Some(why.into()))),
            );
        })
    };
    KeyDrop {
        ondragover,
        ondrop,
        error: (*error).clone(),
    }
}

#[derive(Properties, PartialEq)]
pub struct KeyFileProps {
    /// The `data-testid` of the file input.
    pub testid: AttrValue,
    pub on_text: Callback<String>,
    /// Why the last file dropped on the key box could not be used.
    #[prop_or_default]
    pub dropped_error: Option<AttrValue>,
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
                { "Load a key file (jwt_key, jwt_key.pub, *.pem, *.der, *.json) or drop one on the box: " }
                <input type="file" data-testid={props.testid.clone()} {onchange}
                    accept=".pem,.pub,.key,.json,.jwk,.crt,.cer,.der,.ppk,.txt,text/plain,application/json" />
            </label>
            if let Some(why) = (*error).clone().map(AttrValue::from).or(props.dropped_error.clone()) {
                <span class="decode-error" role="alert" data-testid="key-file-error">{ why }</span>
            }
        </div>
    }
}
