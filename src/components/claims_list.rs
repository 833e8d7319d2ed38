//! Every top-level member of a header or claims set, with what it means and, for dates, when.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser;
use crate::jwt::claims::{self, DateClaim};
use crate::jwt::json::{Value, unescape};
use crate::jwt::time::Seconds;
use crate::state::DecodedView;

use super::term::Term;

/// Values longer than this are cut in the list and the table (the full text is in the JSON).
pub const SHOWN_CHARS: usize = 120;

/// `value` as one line, cut after [`SHOWN_CHARS`] characters.
pub fn shown_value(value: &Value) -> String {
    let mut shown = value.minified();
    // Cut after SHOWN_CHARS characters, found without counting the rest of a long value.
    if let Some((cut, _)) = shown.char_indices().nth(SHOWN_CHARS) {
        shown.truncate(cut);
        shown.push('…');
    }
    shown
}

#[derive(Properties)]
pub struct ClaimsListProps {
    /// `header` or `payload`: which part is listed and which dictionary explains the names.
    pub part: &'static str,
    pub view: Rc<DecodedView>,
    pub now: Seconds,
    /// `sd-make` on each claim that can be made selectively disclosable (a signed token's
    /// payload): the claim's name.
    #[prop_or_default]
    pub on_make: Option<Callback<String>>,
    /// `sd-make-elements` on each array claim: each element made disclosable.
    #[prop_or_default]
    pub on_make_elements: Option<Callback<String>>,
}

impl PartialEq for ClaimsListProps {
    fn eq(&self, other: &Self) -> bool {
        // The view only changes by replacement, so identity is equality (and costs nothing).
        self.part == other.part
            && Rc::ptr_eq(&self.view, &other.view)
            && self.now == other.now
            && self.on_make == other.on_make
            && self.on_make_elements == other.on_make_elements
    }
}

/// The object a list or table shows (the header, or a JSON claims set) and its date claims
/// explained at `now`; `None` for a payload that is not a JSON claims set.
pub fn members_and_dates(props: &ClaimsListProps) -> Option<(&Value, Vec<DateClaim>)> {
    let value: &Value = match props.part {
        "header" => &props.view.token.header,
        _ => props.view.claims()?,
    };
    let dates = if props.part == "payload" {
        claims::date_claims(value, props.now, browser::utc_offset_minutes)
    } else {
        Vec::new()
    };
    Some((value, dates))
}

/// What a name means, by the part's dictionary.
pub fn meaning(part: &str, name: &str) -> Option<&'static str> {
    match part {
        "header" => claims::explain_header(name),
        _ => claims::explain_claim(name),
    }
}

/// `sd-make` for the claim `name`, when claims can be made disclosable and this one can (the
/// SD-JWT format's own members cannot); for an array, also `sd-make-elements`.
pub fn make_buttons(props: &ClaimsListProps, name: &str, value: &Value) -> Html {
    if matches!(name, "_sd" | "_sd_alg" | "...") {
        return Html::default();
    }
    let Some(on_make) = &props.on_make else {
        return Html::default();
    };
    let claim = name.to_string();
    let elements = props
        .on_make_elements
        .as_ref()
        .filter(|_| matches!(value, Value::Array(items) if !items.is_empty()))
        .map(|on_elements| {
            let claim = name.to_string();
            html! {
                <button type="button" class="sd-make" data-testid="sd-make-elements" data-claim={name.to_string()}
                    aria-label={format!("Make elements SD: each element of {name} selectively disclosable")}
                    title="Make each element of this array selectively disclosable (SD-JWT array elements); the token is issued again with the signing key"
                    onclick={on_elements.reform(move |_: MouseEvent| claim.clone())}>{ "Make elements SD" }</button>
            }
        });
    html! {
        <>
            <button type="button" class="sd-make" data-testid="sd-make" data-claim={name.to_string()}
                aria-label={format!("Make SD: {name} selectively disclosable")}
                title="Make this claim selectively disclosable (SD-JWT): it becomes a disclosure and the token is issued again with the signing key"
                onclick={on_make.reform(move |_: MouseEvent| claim.clone())}>{ "Make SD" }</button>
            { for elements }
        </>
    }
}

/// The members of a header or payload, explained.
#[component]
pub fn ClaimsList(props: &ClaimsListProps) -> Html {
    // The viewer's zone by name (e.g. Europe/Paris), read once; before any early return, as
    // hooks must be.
    let zone = use_memo((), |()| browser::time_zone_name());
    let Some((value, dates)) = members_and_dates(props) else {
        return Html::default();
    };
    let rows = value.members().iter().enumerate().map(|(index, member)| {
        let name = unescape(&member.key);
        let tip = meaning(props.part, &name);
        let shown = shown_value(&member.value);
        let date = dates.iter().find(|d| d.name == name);
        html! {
            <div class="claim" data-testid="claim" data-name={name.clone()}>
                <dt><Term name={name.clone()} {tip} id={format!("tip-{}-{index}", props.part)} /></dt>
                <dd>
                    <code>{ shown }</code>
                    { make_buttons(props, &name, &member.value) }
                    if let Some(date) = date {
                        <span class="date" data-testid="claim-date" data-name={name.clone()}>
                            <span class="relative">{ &date.relative }</span>
                            if let Some(local) = &date.local {
                                <span class="local">{ format!("local {local} {}", *zone) }</span>
                            }
                            <span class="utc">{ &date.utc }</span>
                        </span>
                    }
                </dd>
            </div>
        }
    });
    html! { <dl class="claims">{ for rows }</dl> }
}

#[cfg(test)]
mod tests {
    use super::{SHOWN_CHARS, shown_value};
    use crate::jwt::json;

    #[test]
    fn values_are_cut_after_so_many_characters_not_bytes() {
        // A string value's minified text counts its quotes: 118 'é' and two quotes just fit.
        let fits = json::parse(&format!("\"{}\"", "é".repeat(SHOWN_CHARS - 2))).unwrap();
        assert_eq!(shown_value(&fits).chars().count(), SHOWN_CHARS);
        assert!(!shown_value(&fits).ends_with('…'));
        let long = json::parse(&format!("\"{}\"", "é".repeat(SHOWN_CHARS))).unwrap();
        let shown = shown_value(&long);
        assert_eq!(shown, format!("\"{}…", "é".repeat(SHOWN_CHARS - 1)));
        assert_eq!(shown_value(&json::parse("[1, 2]").unwrap()), "[1,2]");
    }
}
