//! `/`: the start page.

use crate::api::catalogue::load_home;
use crate::domain::catalogue::LifeSituation;
use crate::i18n::text_with;
use crate::ui::components::{PageHeading, PageTitle};
use crate::ui::context::{t, use_page};
use crate::ui::pages::place::{PlaceForm, PlaceSearchForm};
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
        <HomeData/>
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

/// What comes from the database: frequently used services, and "Mein Ort" with the chosen
/// Gemeinde, a link to everything offered there, and the pickers.
#[component]
fn HomeData() -> impl IntoView {
    let page = use_page();
    let chosen = page.place.clone();
    let home = Resource::new_blocking(|| (), |_| load_home());
    let content = move || {
        let chosen = chosen.clone();
        Suspend::new(async move {
            let home = home.await.unwrap_or_default();
            let places = home.places;
            let popular = (!home.popular.is_empty()).then(|| {
                let place = chosen.clone();
                let links = home
                    .popular
                    .into_iter()
                    .map(|s| {
                        let href = match &place {
                            Some(ags) => format!("/leistungen/{}?ort={ags}", s.slug),
                            None => format!("/leistungen/{}", s.slug),
                        };
                        view! { <li><a class="kern-link" href=href>{s.title}</a></li> }
                    })
                    .collect_view();
                view! {
                    <section class="text-section" aria-labelledby="home-popular">
                        <h2 id="home-popular" class="kern-heading-medium">{t("home-popular-heading")}</h2>
                        <ul class="popular-list" lang="de">{links}</ul>
                    </section>
                }
            });
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
                {popular}
                <section class="text-section" aria-labelledby="home-place">
                    <h2 id="home-place" class="kern-heading-medium">{t("home-place-heading")}</h2>
                    <p class="kern-body">{t("home-place-text")}</p>
                    {current}
                    <PlaceForm action="/".to_owned() selected=chosen places/>
                    <PlaceSearchForm value=""/>
                </section>
            }
        })
    };
    view! { <Suspense>{content}</Suspense> }
}
