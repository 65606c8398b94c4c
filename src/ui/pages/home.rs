//! `/`: the start page.

use crate::api::catalogue::load_places;
use crate::domain::catalogue::LifeSituation;
use crate::i18n::text_with;
use crate::ui::components::{PageHeading, PageTitle};
use crate::ui::context::{t, use_page};
use crate::ui::pages::place::PlaceForm;
use crate::ui::pages::search::SearchForm;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let page = use_page();
    let region = page.site.region_name.clone();
    let heading = text_with(page.locale, "home-heading", &[("region", region.clone())]);
    let lead = text_with(page.locale, "home-lead", &[("region", region)]);
    let cards = [
        (
            "/leichte-sprache",
            "easy-language-title",
            "home-card-easy-language",
        ),
        (
            "/gebaerdensprache",
            "sign-language-title",
            "home-card-sign-language",
        ),
        (
            "/barrierefreiheit",
            "accessibility-title",
            "home-card-accessibility",
        ),
    ];
    view! {
        <PageTitle title=t("home-title")/>
        <PageHeading title=heading lead=lead/>
        <SearchForm value=String::new()/>
        <section class="text-section" aria-labelledby="home-place">
            <h2 id="home-place" class="kern-heading-medium">{t("home-place-heading")}</h2>
            <MyPlace/>
        </section>
        <section aria-labelledby="home-life">
            <h2 id="home-life" class="kern-heading-medium">{t("home-life-situations-heading")}</h2>
            <ul class="tile-grid">
                {LifeSituation::ALL
                    .into_iter()
                    .map(|l| view! { <li><a class="kern-link tile" href=format!("/lebenslagen/{}", l.slug())>{t(&format!("life-{}", l.slug()))}</a></li> })
                    .collect_view()}
            </ul>
        </section>
        <section class="text-section" aria-labelledby="home-about">
            <h2 id="home-about" class="kern-heading-medium">{t("home-about-heading")}</h2>
            <p class="kern-body">{t("home-about-text")}</p>
        </section>
        <ul class="card-grid" aria-label=t("home-cards-label")>
            {cards
                .into_iter()
                .map(|(href, title, body)| {
                    view! {
                        <li class="kern-card">
                            <div class="kern-card__container">
                                <div class="kern-card__header">
                                    <h2 class="kern-title">
                                        <a class="kern-link kern-link--stretched" href=href>{t(title)}</a>
                                    </h2>
                                </div>
                                <div class="kern-card__body">
                                    <p class="kern-body">{t(body)}</p>
                                </div>
                            </div>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// The chosen Gemeinde with a link to everything offered there, and the picker.
#[component]
fn MyPlace() -> impl IntoView {
    let page = use_page();
    let chosen = page.place.clone();
    let places = Resource::new_blocking(|| (), |_| load_places());
    let content = move || {
        let chosen = chosen.clone();
        Suspend::new(async move {
            let places = places.await.unwrap_or_default();
            let current = places
                .kreise
                .iter()
                .flat_map(|(_, gemeinden)| gemeinden.iter())
                .find(|g| Some(g.ags.to_string()) == chosen)
                .map(|g| {
                    let locale = use_page().locale;
                    let (ags, name) = (g.ags.to_string(), g.name.clone());
                    view! {
                        <p class="kern-body">{text_with(locale, "home-place-current", &[("place", name.clone())])}</p>
                        <p class="kern-body">
                            <a class="kern-link" href=format!("/orte/{ags}")>{text_with(locale, "home-place-all", &[("place", name)])}</a>
                        </p>
                    }
                });
            view! {
                {current}
                <PlaceForm action="/".to_owned() selected=chosen places/>
            }
        })
    };
    view! {
        <p class="kern-body">{t("home-place-text")}</p>
        <Suspense>{content}</Suspense>
    }
}
