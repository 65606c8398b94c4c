//! "Mein Ort": choosing the Gemeinde, and showing an authority.

use crate::api::catalogue::Places;
use crate::domain::catalogue::Authority;
use crate::ui::context::t;
use leptos::prelude::*;

/// A plain GET form: the chosen Gemeinde travels as `?ort=` and is remembered in a cookie,
/// so it works without JavaScript.
#[component]
pub fn PlaceForm(action: String, selected: Option<String>, places: Places) -> impl IntoView {
    let groups = places
        .kreise
        .into_iter()
        .map(|(kreis, gemeinden)| {
            let options = gemeinden
                .into_iter()
                .map(|g| {
                    let value = g.ags.to_string();
                    let is_selected = selected.as_deref() == Some(value.as_str());
                    view! { <option value=value selected=is_selected>{g.name}</option> }
                })
                .collect_view();
            view! { <optgroup label=kreis.name>{options}</optgroup> }
        })
        .collect_view();
    view! {
        <form class="place-picker" method="get" action=action>
            <div class="kern-form-input">
                <label class="kern-label" for="place-select">{t("place-label")}</label>
                <div class="kern-hint" id="place-select-hint">{t("place-hint")}</div>
                <div class="kern-form-input__select-wrapper">
                    <select class="kern-form-input__select" id="place-select" name="ort" aria-describedby="place-select-hint" autocomplete="address-level2">
                        <option value="">{t("place-choose")}</option>
                        {groups}
                    </select>
                </div>
            </div>
            <button type="submit" class="kern-btn kern-btn--secondary">
                <span class="kern-label">{t("place-submit")}</span>
            </button>
        </form>
    }
    .into_any()
}

/// An authority's name and whatever contact details are known.
#[component]
pub fn AuthorityCard(authority: Authority) -> impl IntoView {
    let address = match (&authority.street, &authority.postcode, &authority.city) {
        (Some(street), Some(postcode), Some(city)) => Some(format!("{street}, {postcode} {city}")),
        _ => None,
    };
    view! {
        <div class="kern-card authority-card">
            <div class="kern-card__container">
                <div class="kern-card__header">
                    <h3 class="kern-title">
                        <a class="kern-link" href=format!("/behoerden/{}", authority.id)>{authority.name.clone()}</a>
                    </h3>
                </div>
                <div class="kern-card__body">
                    {address.map(|a| view! { <p class="kern-body">{a}</p> })}
                    {authority.phone.clone().map(|p| view! { <p class="kern-body">{t("contact-phone")} ": " {p}</p> })}
                    {authority.email.clone().map(|e| view! { <p class="kern-body"><a class="kern-link" href=format!("mailto:{e}")>{e.clone()}</a></p> })}
                    {authority.website.clone().map(|w| view! { <p class="kern-body"><a class="kern-link" href=w.clone()>{w.clone()}</a></p> })}
                </div>
            </div>
        </div>
    }
    .into_any()
}
