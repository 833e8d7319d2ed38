//! A header or claims set as a table: each member's name, value and meaning; dates with their
//! UTC, local and relative lines.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser;
use crate::jwt::claims::{self, DateClaim};
use crate::jwt::json::{Value, unescape};
use crate::jwt::time::Seconds;
use crate::state::DecodedView;

use super::claims_list::shown_value;

#[derive(Properties)]
pub struct ClaimsTableProps {
    /// `header` or `payload`: which part is shown and which dictionary explains the names.
    pub part: &'static str,
    pub view: Rc<DecodedView>,
    pub now: Seconds,
}

impl PartialEq for ClaimsTableProps {
    fn eq(&self, other: &Self) -> bool {
        // The view only changes by replacement, so identity is equality.
        self.part == other.part && Rc::ptr_eq(&self.view, &other.view) && self.now == other.now
    }
}

/// The members of a header or payload, one row each (`claims-table`).
#[component]
pub fn ClaimsTable(props: &ClaimsTableProps) -> Html {
    let zone = use_memo((), |()| browser::time_zone_name());
    let value: &Value = match props.part {
        "header" => &props.view.token.header,
        _ => match props.view.claims() {
            Some(claims) => claims,
            None => return Html::default(),
        },
    };
    let dates: Vec<DateClaim> = if props.part == "payload" {
        claims::date_claims(value, props.now, browser::utc_offset_minutes)
    } else {
        Vec::new()
    };
    let rows = value.members().iter().map(|member| {
        let name = unescape(&member.key);
        let meaning = match props.part {
            "header" => claims::explain_header(&name),
            _ => claims::explain_claim(&name),
        };
        let date = dates.iter().find(|d| d.name == name);
        html! {
            <tr data-name={name.clone()}>
                <th scope="row"><code>{ name.clone() }</code></th>
                <td>
                    <code>{ shown_value(&member.value) }</code>
                    if let Some(date) = date {
                        <span class="table-date" data-testid="claim-date" data-name={name.clone()}>
                            <span class="utc">{ &date.utc }</span>
                            if let Some(local) = &date.local {
                                <span class="local">{ format!("{local} {}", *zone) }</span>
                            }
                            <span class="relative">{ &date.relative }</span>
                        </span>
                    }
                </td>
                <td class="meaning">{ meaning.unwrap_or("") }</td>
            </tr>
        }
    });
    let caption = match props.part {
        "header" => "The header's parameters",
        _ => "The payload's claims",
    };
    html! {
        <table class="claims-table" data-testid="claims-table" data-part={props.part}>
            <caption class="visually-hidden">{ caption }</caption>
            <thead><tr><th scope="col">{ "Name" }</th><th scope="col">{ "Value" }</th><th scope="col">{ "Meaning" }</th></tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
