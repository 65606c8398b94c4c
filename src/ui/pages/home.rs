//! `/`: the start page.

use crate::i18n::text_with;
use crate::ui::components::{PageHeading, PageTitle};
use crate::ui::context::{t, use_page};
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
