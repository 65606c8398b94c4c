//! "Mein Ort": choosing the Gemeinde, and showing an authority.

use crate::api::catalogue::{PlaceSearch, Places, find_places};
use crate::domain::catalogue::Authority;
use crate::domain::region::PlaceMatch;
use crate::i18n::text_with;
use crate::ui::components::{PageHeading, PageTitle};
use crate::ui::context::{t, use_page};
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

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

/// Finding the Gemeinde by name or postcode: a GET form to `/orte`.
#[component]
pub fn PlaceSearchForm(#[prop(into)] value: String) -> impl IntoView {
    view! {
        <form class="place-search" method="get" action="/orte" role="search">
            <div class="kern-form-input">
                <label class="kern-label" for="place-query">{t("place-search-label")}</label>
                <div class="kern-hint" id="place-query-hint">{t("place-search-hint")}</div>
                <input class="kern-form-input__input" id="place-query" name="suche" type="search"
                    value=value maxlength="100" autocomplete="off" aria-describedby="place-query-hint"/>
            </div>
            <button type="submit" class="kern-btn kern-btn--secondary">
                <span class="kern-label">{t("place-search-submit")}</span>
            </button>
        </form>
    }
}

/// `/orte?suche=…`: Gemeinden by name or postcode; without a query, all of them by Kreis.
/// Choosing one opens its page and remembers it (`?ort=`).
#[component]
pub fn PlaceSearchPage() -> impl IntoView {
    let query = use_query_map();
    let text = move || query.read().get("suche").unwrap_or_default();
    let found = Resource::new_blocking(text, find_places);
    view! {
        <PageTitle title=t("place-search-title")/>
        <PageHeading title=t("place-search-title") lead=t("place-search-lead")/>
        <PlaceSearchForm value=text()/>
        <Suspense>
            {move || Suspend::new(async move {
                let asked = text();
                let result = found.await.unwrap_or_default();
                place_results(asked, result)
            })}
        </Suspense>
    }
    .into_any()
}

fn place_results(asked: String, result: PlaceSearch) -> impl IntoView {
    let locale = use_page().locale;
    let choose = |ags: &str| format!("/orte/{ags}?ort={ags}");
    if asked.trim().is_empty() {
        let groups = result
            .places
            .kreise
            .into_iter()
            .map(|(kreis, gemeinden)| {
                let links = gemeinden
                    .into_iter()
                    .map(|g| view! { <li><a class="kern-link" href=choose(g.ags.as_str())>{g.name}</a></li> })
                    .collect_view();
                view! {
                    <section class="text-section">
                        <h2 class="kern-heading-medium">{kreis.name}</h2>
                        <ul class="place-list">{links}</ul>
                    </section>
                }
            })
            .collect_view();
        return EitherOf3::A(groups);
    }
    if result.invalid || result.matches.is_empty() {
        let key = if result.invalid {
            "place-search-invalid"
        } else {
            "place-search-none"
        };
        return EitherOf3::B(view! {
            <div class="kern-alert kern-alert--info" role="status">
                <div class="kern-alert__header">
                    <span class="kern-title">{text_with(locale, key, &[("query", asked)])}</span>
                </div>
                <div class="kern-alert__body">
                    <p class="kern-body">{t("place-search-none-hint")}</p>
                    <p class="kern-body"><a class="kern-link" href="/orte">{t("place-search-all")}</a></p>
                </div>
            </div>
        });
    }
    let count = text_with(
        locale,
        "place-search-count",
        &[("count", result.matches.len().to_string())],
    );
    let items = result
        .matches
        .into_iter()
        .map(
            |PlaceMatch {
                 gemeinde,
                 kreis,
                 postcodes,
             }| {
                let detail = if postcodes.is_empty() {
                    kreis
                } else {
                    format!("{kreis} · {}", postcodes.join(", "))
                };
                view! {
                    <li>
                        <a class="kern-link" href=choose(gemeinde.ags.as_str())>{gemeinde.name}</a>
                        <span class="kern-body kern-body--small">" (" {detail} ")"</span>
                    </li>
                }
            },
        )
        .collect_view();
    EitherOf3::C(view! {
        <p class="kern-body" role="status">{count}</p>
        <ul class="place-list">{items}</ul>
    })
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
                    {authority.opening_hours.clone().map(|h| view! {
                        <h4 class="kern-title kern-title--small">{t("authority-opening-hours")}</h4>
                        <p class="kern-body multiline">{h}</p>
                    })}
                    {authority.accessibility.clone().map(|a| view! {
                        <h4 class="kern-title kern-title--small">{t("authority-accessibility")}</h4>
                        <p class="kern-body multiline">{a}</p>
                    })}
                </div>
            </div>
        </div>
    }
    .into_any()
}
