//! `/impressum` and `/datenschutz`: who runs the portal and what it does with data.

use crate::i18n::text_with;
use crate::ui::components::{ContactList, PageHeading, PageTitle, TextSection};
use crate::ui::context::{t, use_page};
use leptos::prelude::*;

#[component]
pub fn ImprintPage() -> impl IntoView {
    let page = use_page();
    let op = page.site.operator.clone();
    let represented = text_with(
        page.locale,
        "imprint-represented-by",
        &[("who", op.represented_by.clone())],
    );
    view! {
        <PageTitle title=t("imprint-title")/>
        <PageHeading title=t("imprint-title")/>
        <section class="text-section">
            <h2 class="kern-heading-medium">{t("imprint-operator-heading")}</h2>
            <address>
                <strong>{op.name.clone()}</strong>
                <br/>
                {op.street.clone()}
                <br/>
                {format!("{} {}", op.postcode, op.city)}
            </address>
            <p class="kern-body">{represented}</p>
            <ContactList email=op.email.clone() phone=op.phone.clone()/>
        </section>
        <TextSection heading=t("imprint-software-heading") paragraphs=vec![t("imprint-software-text")]/>
    }
    .into_any()
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let page = use_page();
    let op = page.site.operator.clone();
    let controller = text_with(
        page.locale,
        "privacy-controller-text",
        &[("operator", op.name.clone()), ("email", op.email.clone())],
    );
    let officer = text_with(
        page.locale,
        "privacy-officer-text",
        &[
            ("officer", op.data_protection_officer.clone()),
            ("email", op.data_protection_email.clone()),
        ],
    );
    let authority = text_with(
        page.locale,
        "privacy-authority-text",
        &[("authority", op.supervisory_authority.clone())],
    );
    view! {
        <PageTitle title=t("privacy-title")/>
        <PageHeading title=t("privacy-title") lead=t("privacy-lead")/>
        <TextSection heading=t("privacy-controller-heading") paragraphs=vec![controller, officer]/>
        <TextSection heading=t("privacy-feedback-heading") paragraphs=vec![t("privacy-feedback-text"), t("privacy-feedback-retention")]/>
        <section class="text-section">
            <h2 class="kern-heading-medium">{t("privacy-cookies-heading")}</h2>
            <p class="kern-body">{t("privacy-cookies-text")}</p>
            <ul class="kern-list kern-list--bullet">
                <li>{t("privacy-cookie-language")}</li>
                <li>{t("privacy-cookie-form")}</li>
                <li>{t("privacy-cookie-place")}</li>
            </ul>
        </section>
        <TextSection heading=t("privacy-logs-heading") paragraphs=vec![t("privacy-logs-text")]/>
        <TextSection heading=t("privacy-rights-heading") paragraphs=vec![t("privacy-rights-text"), authority]/>
    }
    .into_any()
}
