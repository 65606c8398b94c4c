//! `/gebaerdensprache`: information in German Sign Language (DGS). The videos are being
//! produced; until then the page says what they will show and how to get help now.

use crate::ui::components::{PageHeading, PageTitle, TextSection};
use crate::ui::context::{t, use_page};
use leptos::prelude::*;

#[component]
pub fn SignLanguagePage() -> impl IntoView {
    let a11y = use_page().site.accessibility.clone();
    let topics = [
        "sign-topic-portal",
        "sign-topic-search",
        "sign-topic-account",
        "sign-topic-apply",
        "sign-topic-barrier",
    ];
    view! {
        <PageTitle title=t("sign-language-title")/>
        <PageHeading title=t("sign-language-title") lead=t("sign-language-lead")/>
        <section class="text-section">
            <h2 class="kern-heading-medium">{t("sign-videos-heading")}</h2>
            <p class="kern-body">{t("sign-videos-text")}</p>
            <ul class="kern-list kern-list--bullet">{topics.map(|key| view! { <li>{t(key)}</li> }).to_vec()}</ul>
        </section>
        <TextSection heading=t("sign-help-heading") paragraphs=vec![t("sign-help-text")]/>
        <p class="kern-body">
            <a class="kern-link" href=format!("mailto:{}", a11y.contact_email)>{a11y.contact_email.clone()}</a>
        </p>
    }
    .into_any()
}
