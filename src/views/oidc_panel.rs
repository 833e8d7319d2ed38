//! An ID token's `at_hash`, `c_hash` and `s_hash`: a box for the access token, code or state
//! each binds, and whether what was given matches.

use yew::prelude::*;

use crate::state::OidcHash;

/// The OpenID Connect hash claims of the token shown, each with its box and status; `on_value`
/// takes a claim's value as given, `(claim, text)`. A view function rendered with the decoded
/// column (a component type of its own costs the page's module about 0.8 KB gzip).
pub(super) fn oidc_hashes(
    hashes: &[OidcHash],
    on_value: &Callback<(&'static str, String)>,
) -> Html {
    let rows = hashes.iter().map(|hash| {
        let claim = hash.claim;
        let on_input = on_value.reform(move |event: InputEvent| {
            let text = event
                .target_dyn_into::<web_sys::HtmlTextAreaElement>()
                .map(|area| area.value())
                .unwrap_or_default();
            (claim, text)
        });
        let status = match &hash.status {
            None => Html::default(),
            Some(Ok(true)) => html! {
                <p class="oidc-status match" data-testid="oidc-hash-status" data-claim={claim} data-state="match">
                    { format!("{claim} matches: this ID token was issued with this {}.", hash.what) }
                </p>
            },
            Some(Ok(false)) => html! {
                <p class="oidc-status mismatch" data-testid="oidc-hash-status" data-claim={claim} data-state="mismatch" role="alert">
                    { format!("{claim} does not match: this {} is not the one the ID token was issued with (or the token's alg is not the one it was hashed under).", hash.what) }
                </p>
            },
            Some(Err(why)) => html! { <p class="oidc-status">{ format!("{claim} cannot be checked: {why}.") }</p> },
        };
        html! {
            <div class="oidc-hash">
                <label>
                    <span>{ format!("The {} that {claim} binds", hash.what) }</span>
                    <textarea data-testid="oidc-hash-input" data-claim={claim} rows="2" spellcheck="false"
                        autocomplete="off" placeholder={format!("Paste the {} issued with this ID token", hash.what)}
                        value={hash.given.as_deref().unwrap_or_default().to_string()} oninput={on_input} />
                </label>
                { status }
            </div>
        }
    });
    html! {
        <section class="panel oidc" aria-labelledby="oidc-title">
            <div class="panel-head"><h2 id="oidc-title">{ "OpenID Connect hashes" }</h2></div>
            <p class="note">{ "The left half of the hash named by the token's alg, base64url (OIDC Core §3.1.3.6, §3.3.2.11)." }</p>
            { for rows }
        </section>
    }
}
