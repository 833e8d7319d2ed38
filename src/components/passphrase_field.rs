//! The Passphrase field beside a key box holding a locked key (encrypted PKCS #8 or OpenSSH):
//! what is typed opens the key in the key engine, off the page's thread.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::shared_text::SharedText;

/// How long typing must pause before the passphrase is tried: each try derives a key (about a
/// tenth of a second for `ssh-keygen`'s 16 rounds), so not one per keystroke. Enter tries at once.
const PAUSE_MS: u32 = 400;

#[derive(Properties, PartialEq)]
pub struct PassphraseFieldProps {
    /// The `data-testid` of the input.
    pub testid: AttrValue,
    /// The key box's text: a new key empties the field.
    pub key_text: SharedText,
    /// Whether the key opened with the passphrase submitted.
    pub opened: bool,
    pub on_submit: Callback<String>,
}

/// A password input that submits on Enter and after a pause in typing.
#[component]
pub fn PassphraseField(props: &PassphraseFieldProps) -> Html {
    let input = use_node_ref();
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    {
        let input = input.clone();
        use_effect_with(props.key_text.clone(), move |_| {
            if let Some(field) = input.cast::<HtmlInputElement>() {
                field.set_value("");
            }
        });
    }
    let submit_now = {
        let on_submit = props.on_submit.clone();
        let pending = pending.clone();
        move |value: String| {
            pending.borrow_mut().take();
            on_submit.emit(value);
        }
    };
    let onsubmit = {
        let input = input.clone();
        let submit_now = submit_now.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(field) = input.cast::<HtmlInputElement>() {
                submit_now(field.value());
            }
        })
    };
    let oninput = {
        let on_submit = props.on_submit.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let on_submit = on_submit.clone();
            // Replacing the timeout cancels the one before.
            *pending.borrow_mut() = Some(Timeout::new(PAUSE_MS, move || on_submit.emit(value)));
        })
    };
    let note = if props.opened {
        "Opened in this tab. The passphrase is kept in memory only while this key is in the box."
    } else {
        "This key is locked. Its passphrase opens it in this tab and is never saved or sent."
    };
    html! {
        <form class="passphrase" {onsubmit}>
            <label>
                <span>{ "Passphrase" }</span>
                <input type="password" autocomplete="off" spellcheck="false" ref={input}
                    data-testid={props.testid.clone()} {oninput} />
            </label>
            <button type="submit">{ "Open key" }</button>
            <p class="passphrase-note">{ note }</p>
        </form>
    }
}
