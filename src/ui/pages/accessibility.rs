//! `/barrierefreiheit`: the accessibility statement (Erklärung zur Barrierefreiheit nach
//! BITV 2.0 § 7) with its feedback form, and the confirmation page of that form.

use crate::api::feedback::{FEEDBACK_FLASH, FeedbackDraft};
use crate::i18n::{text, text_with};
use crate::ui::components::{ContactList, PageHeading, PageTitle, TextSection, document_title};
use crate::ui::context::{t, use_page};
use crate::ui::pages::feedback_form::{FeedbackFormIsland, FeedbackText};
use leptos::prelude::*;

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let page = use_page();
    let (locale, site) = (page.locale, page.site.clone());
    let a11y = &site.accessibility;
    let draft: FeedbackDraft = page.flash(FEEDBACK_FLASH).unwrap_or_default();
    let has_errors = !draft.errors.is_empty();
    let title = t("accessibility-title");
    let form_text = FeedbackText::new(
        locale,
        document_title(&title, &site.name, false, locale),
        document_title(&title, &site.name, true, locale),
    );
    let args = |pairs: &[(&'static str, &str)]| {
        pairs
            .iter()
            .map(|(k, v)| (*k, (*v).to_owned()))
            .collect::<Vec<_>>()
    };
    let lead = text_with(
        locale,
        "accessibility-lead",
        &args(&[
            ("operator", &site.operator.name),
            ("site", &site.name),
            ("url", &site.base_url),
        ]),
    );
    let limitations = [
        "accessibility-limitation-sign-language",
        "accessibility-limitation-easy-language",
        "accessibility-limitation-external",
    ];
    let date = a11y.statement_date.clone();
    view! {
        <PageTitle title=title.clone() has_errors/>
        <PageHeading title=title lead=lead/>
        <TextSection
            heading=t("accessibility-status-heading")
            paragraphs=vec![t("accessibility-status-text")]
        />
        <section class="text-section">
            <h2 class="kern-heading-medium">{t("accessibility-limitations-heading")}</h2>
            <ul class="kern-list kern-list--bullet">
                {limitations.map(|key| view! { <li>{t(key)}</li> }).to_vec()}
            </ul>
        </section>
        <TextSection
            heading=t("accessibility-method-heading")
            paragraphs=vec![text_with(locale, "accessibility-method-text", &[("date", date)])]
        />
        <section class="text-section">
            <h2 class="kern-heading-medium">{t("accessibility-contact-heading")}</h2>
            <p class="kern-body">{t("accessibility-contact-text")}</p>
            <ContactList email=a11y.contact_email.clone() phone=a11y.contact_phone.clone()/>
        </section>
        <section class="text-section feedback-section" id="feedback-form" aria-labelledby="feedback-heading">
            <h2 id="feedback-heading" class="kern-heading-medium">{t("feedback-heading")}</h2>
            <p class="kern-body">{t("feedback-intro")}</p>
            <FeedbackFormIsland text=form_text draft=draft/>
        </section>
        <section class="text-section">
            <h2 class="kern-heading-medium">{t("accessibility-enforcement-heading")}</h2>
            <p class="kern-body">{t("accessibility-enforcement-text")}</p>
            <address class="enforcement-body">
                <strong>{a11y.enforcement_name.clone()}</strong>
                <br/>
                {a11y.enforcement_address.clone()}
                <br/>
                {text(locale, "contact-email")} ": "
                <a class="kern-link" href=format!("mailto:{}", a11y.enforcement_email)>{a11y.enforcement_email.clone()}</a>
                <br/>
                <a class="kern-link" href=a11y.enforcement_url.clone()>{a11y.enforcement_url.clone()}</a>
            </address>
        </section>
    }
    .into_any()
}

/// Where a feedback post without JavaScript lands when it went through.
#[component]
pub fn FeedbackThanksPage() -> impl IntoView {
    view! {
        <PageTitle title=t("feedback-success-title")/>
        <div class="kern-alert kern-alert--success" role="status">
            <div class="kern-alert__header">
                <span class="kern-icon kern-icon--success" aria-hidden="true"></span>
                <h1 class="kern-title">{t("feedback-success-title")}</h1>
            </div>
            <div class="kern-alert__body">
                <p class="kern-body">{t("feedback-success-body")}</p>
            </div>
        </div>
        <p class="kern-body back-link">
            <a class="kern-link" href="/barrierefreiheit">{t("feedback-back-to-statement")}</a>
        </p>
    }
    .into_any()
}
