//! The Passphrase field beside a key box holding a locked key (encrypted PKCS #8, OpenSSH or
//! PuTTY), where what is typed opens the key off the page's thread, and under the key
//! generator's OpenSSH file, where it encrypts the file.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::shared_text::SharedText;

/// A password input, tried when it is committed (Enter, leaving the field, or "Open key"): each
/// try derives a key, a tenth of a second or more, so not one per keystroke. A plain function,
/// not a component: it keeps no state of its own, and a component would cost the page's module
/// its own lifecycle code.
/// `button` names what committing does ("Open key"); `opened` says it has been done.
pub fn passphrase_field(
    testid: &'static str,
    button: &'static str,
    key_text: &SharedText,
    opened: bool,
    on_submit: &Callback<String>,
) -> Html {
    let onchange =
        on_submit.reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().value());
    // Keyed by the key's text: another key gets a new, empty field.
    html! {
        <form class="passphrase" key={key_text.to_string()} onsubmit={|e: SubmitEvent| e.prevent_default()}>
            <label>
                <span>{ "Passphrase" }</span>
                <input type="password" autocomplete="off" spellcheck="false" data-testid={testid} {onchange} />
            </label>
            <button type="submit">{ button }</button>
            <p class="passphrase-note">{ if opened { "Opened in this tab. " } else { "" } }{ "The passphrase is used in this tab only, never saved or sent." }</p>
        </form>
    }
}
