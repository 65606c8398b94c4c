//! Lists of services: `/lebenslagen/{slug}` and `/orte/{ags}`.

use crate::api::catalogue::{load_authority, load_life_situation, load_place};
use crate::domain::catalogue::{Online, ServiceSummary};
use crate::i18n::text_with;
use crate::ui::components::{PageHeading, PageTitle};
use crate::ui::context::{t, use_page};
use crate::ui::pages::error::NotFoundPage;
use crate::ui::pages::place::AuthorityCard;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Services as a list of links with their summary, the online badge and, for a place,
/// the responsible authority. `place` is carried into the links.
#[component]
pub fn ServiceList(services: Vec<ServiceSummary>, place: Option<String>) -> impl IntoView {
    let items = services
        .into_iter()
        .map(|s| {
            let href = match &place {
                Some(ags) => format!("/leistungen/{}?ort={ags}", s.slug),
                None => format!("/leistungen/{}", s.slug),
            };
            let online = (s.online != Online::None).then(|| {
                view! { <span class="kern-badge kern-badge--success kern-badge--small"><span class="kern-label">{t("service-online-portal")}</span></span> }
            });
            view! {
                <li class="service-list__item">
                    <h3 class="kern-title"><a class="kern-link" href=href>{s.title}</a></h3>
                    <p class="kern-body" lang="de">{s.summary}</p>
                    {s.authority.map(|a| view! { <p class="kern-body kern-body--small">{t("service-responsible-heading")} ": " {a}</p> })}
                    {online}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="service-list">{items}</ul> }
}

#[component]
pub fn LifeSituationPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let services = Resource::new_blocking(slug, load_life_situation);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let key = format!("life-{}", slug());
                match services.await {
                    Ok(Some(services)) => Either::Left(view! {
                        <PageTitle title=t(&key)/>
                        <PageHeading title=t(&key) lead=t("life-situation-lead")/>
                        <ServiceList services place=use_page().place/>
                    }),
                    _ => Either::Right(view! { <NotFoundPage/> }),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
pub fn PlacePage() -> impl IntoView {
    let params = use_params_map();
    let place = Resource::new_blocking(
        move || params.read().get("ags").unwrap_or_default(),
        load_place,
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match place.await {
                    Ok(Some((region, services))) => {
                        let locale = use_page().locale;
                        let title = text_with(locale, "place-page-title", &[("place", region.name.clone())]);
                        Either::Left(view! {
                            <PageTitle title=title.clone()/>
                            <PageHeading title=title lead=t("place-page-lead")/>
                            <ServiceList services place=Some(region.ags.to_string())/>
                        })
                    }
                    _ => Either::Right(view! { <NotFoundPage/> }),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
pub fn AuthorityPage() -> impl IntoView {
    let params = use_params_map();
    let authority = Resource::new_blocking(
        move || params.read().get("id").unwrap_or_default(),
        load_authority,
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match authority.await {
                    Ok(Some((authority, region, services))) => {
                        let locale = use_page().locale;
                        let serves = text_with(locale, "authority-serves", &[("region", region.name.clone())]);
                        Either::Left(view! {
                            <PageTitle title=authority.name.clone()/>
                            <PageHeading title=authority.name.clone() lead=serves/>
                            <AuthorityCard authority/>
                            <section class="text-section">
                                <h2 class="kern-heading-medium">{t("authority-services-heading")}</h2>
                                <ServiceList services place=None/>
                            </section>
                        })
                    }
                    _ => Either::Right(view! { <NotFoundPage/> }),
                }
            })}
        </Suspense>
    }
    .into_any()
}
