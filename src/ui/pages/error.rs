//! Pages for when things go wrong: not found, server error, offline.

use crate::ui::components::{PageHeading, PageTitle};
use crate::ui::context::{t, use_page};
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <PageTitle title=t("not-found-title")/>
        <PageHeading title=t("not-found-title") lead=t("not-found-lead")/>
        <ul class="kern-list kern-list--bullet">
            <li><a class="kern-link" href="/">{t("not-found-home")}</a></li>
            <li><a class="kern-link" href="/barrierefreiheit#feedback-form">{t("not-found-report")}</a></li>
        </ul>
    }
    .into_any()
}

/// `/fehler?kennung=…`: where a form post lands when the server failed. Shows the
/// correlation id so support can find the log entry, and nothing else about the failure.
#[component]
pub fn ErrorPage() -> impl IntoView {
    let page = use_page();
    let id = page
        .path
        .split_once("kennung=")
        .map(|(_, rest)| rest.split('&').next().unwrap_or_default().to_owned())
        .filter(|id| {
            !id.is_empty()
                && id.len() <= 64
                && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    view! {
        <PageTitle title=t("error-page-title")/>
        <PageHeading title=t("error-page-title") lead=t("error-page-lead")/>
        {id.map(|id| {
            view! {
                <p class="kern-body">
                    {t("error-page-reference")} " " <code class="reference">{id}</code>
                </p>
            }
        })}
        <p class="kern-body"><a class="kern-link" href="/">{t("not-found-home")}</a></p>
    }
    .into_any()
}

#[component]
pub fn OfflinePage() -> impl IntoView {
    view! {
        <PageTitle title=t("offline-title")/>
        <PageHeading title=t("offline-title") lead=t("offline-lead")/>
        <p class="kern-body"><a class="kern-link" href="/">{t("offline-retry")}</a></p>
    }
    .into_any()
}
