//! A header or claims set as a table: each member's name, value and meaning; dates with their
//! UTC, local and relative lines.

use yew::prelude::*;

use crate::browser;
use crate::jwt::json::unescape;

use super::claims_list::{ClaimsListProps, make_buttons, meaning, members_and_dates, shown_value};

/// The members of a header or payload, one row each (`claims-table`); the same props as the
/// list it stands in for.
#[component]
pub fn ClaimsTable(props: &ClaimsListProps) -> Html {
    let zone = use_memo((), |()| browser::time_zone_name());
    let Some((value, dates)) = members_and_dates(props) else {
        return Html::default();
    };
    let rows = value.members().iter().map(|member| {
        let name = unescape(&member.key);
        let meaning = meaning(props.part, &name);
        let date = dates.iter().find(|d| d.name == name);
        html! {
            <tr data-name={name.clone()}>
                <th scope="row"><code>{ name.clone() }</code></th>
                <td>
                    <code>{ shown_value(&member.value) }</code>
                    { make_buttons(props, &name, &member.value) }
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
