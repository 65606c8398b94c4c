//! `/leistungen/{slug}`: one service, with the authority responsible for the chosen place.

use crate::api::catalogue::{ServiceDetail, load_service};
use crate::domain::catalogue::{Online, Service};
use crate::i18n::text_with;
use crate::ui::components::{PageHeading, PageTitle};
use crate::ui::context::{t, use_page};
use crate::ui::pages::error::NotFoundPage;
use crate::ui::pages::place::{AuthorityCard, PlaceForm};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ServicePage() -> impl IntoView {
    let params = use_params_map();
    let place = use_page().place;
    let detail = Resource::new_blocking(
        move || params.read().get("slug").unwrap_or_default(),
        move |slug| load_service(slug, place.clone()),
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(Some(detail)) => Either::Left(view! { <ServiceView detail/> }),
                    _ => Either::Right(view! { <NotFoundPage/> }),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn ServiceView(detail: ServiceDetail) -> impl IntoView {
    let page = use_page();
    let ServiceDetail {
        service,
        place,
        authority,
        places,
    } = detail;
    let back = format!("/leistungen/{}", service.slug);
    let responsible = match (place, authority) {
        (Some(place), Some(authority)) => Either::Left(view! {
            <p class="kern-body">{text_with(page.locale, "service-responsible-for", &[("place", place.name.clone())])}</p>
            <AuthorityCard authority/>
            <details class="change-place">
                <summary class="kern-link">{t("service-change-place")}</summary>
                <PlaceForm action=back.clone() selected=Some(place.ags.to_string()) places=places.clone()/>
            </details>
        }),
        _ => Either::Right(view! {
            <p class="kern-body">{t("service-choose-place")}</p>
            <PlaceForm action=back.clone() selected=None places=places.clone()/>
        }),
    };
    view! {
        <PageTitle title=service.title.clone()/>
        <PageHeading title=service.title.clone() lead=service.summary.clone()/>
        <OnlineNotice service=service.clone()/>
        <section class="text-section responsible" aria-labelledby="responsible-heading">
            <h2 id="responsible-heading" class="kern-heading-medium">{t("service-responsible-heading")}</h2>
            {responsible}
        </section>
        <ServiceTexts service/>
    }
    .into_any()
}

#[component]
fn OnlineNotice(service: Service) -> impl IntoView {
    match (service.online, service.online_url) {
        (Online::Portal, _) => Some(
            view! {
                <p><span class="kern-badge kern-badge--success"><span class="kern-label">{t("service-online-portal")}</span></span></p>
                <p class="kern-body">
                    <a class="kern-btn kern-btn--primary" href=crate::api::applications::pages::start(&service.slug)>
                        <span class="kern-label">{t("service-apply-online")}</span>
                    </a>
                </p>
            }
            .into_any(),
        ),
        (Online::External, Some(url)) => Some(
            view! {
                <p class="kern-body">
                    <span class="kern-badge kern-badge--info"><span class="kern-label">{t("service-online-external")}</span></span>
                    " "
                    <a class="kern-link" href=url>{t("service-online-external-link")}</a>
                </p>
            }
            .into_any(),
        ),
        _ => None,
    }
}

/// The German catalogue texts; marked `lang="de"` so screen readers read them in German
/// on the English and French pages too.
#[component]
fn ServiceTexts(service: Service) -> impl IntoView {
    let page = use_page();
    let note = (page.locale != crate::domain::locale::Locale::De).then(
        || view! { <p class="kern-body kern-body--muted">{t("service-texts-german-only")}</p> },
    );
    let paragraphs = service
        .description
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p class="kern-body">{p.to_owned()}</p> })
        .collect_view();
    let list = |items: Vec<String>| {
        view! { <ul class="kern-list kern-list--bullet">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
    };
    let situations = service
        .life_situations
        .iter()
        .map(|l| {
            view! { <li><a class="kern-link" href=format!("/lebenslagen/{}", l.slug())>{t(&format!("life-{}", l.slug()))}</a></li> }
        })
        .collect_view();
    view! {
        {note}
        <div class="service-texts" lang="de">
            <section class="text-section">
                <h2 class="kern-heading-medium">{t("service-description-heading")}</h2>
                {paragraphs}
            </section>
            <section class="text-section">
                <h2 class="kern-heading-medium">{t("service-who-heading")}</h2>
                <p class="kern-body">{service.who.clone()}</p>
            </section>
            <section class="text-section">
                <h2 class="kern-heading-medium">{t("service-documents-heading")}</h2>
                {list(service.documents.clone())}
            </section>
            <section class="text-section">
                <h2 class="kern-heading-medium">{t("service-fees-heading")}</h2>
                <p class="kern-body">{service.fees.clone()}</p>
            </section>
            <section class="text-section">
                <h2 class="kern-heading-medium">{t("service-duration-heading")}</h2>
                <p class="kern-body">{service.duration.clone()}</p>
            </section>
            <section class="text-section">
                <h2 class="kern-heading-medium">{t("service-legal-heading")}</h2>
                {list(service.legal_basis.clone())}
            </section>
        </div>
        <section class="text-section">
            <h2 class="kern-heading-medium">{t("service-life-situations-heading")}</h2>
            <ul class="kern-list kern-list--bullet">{situations}</ul>
        </section>
    }
    .into_any()
}
