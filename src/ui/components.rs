//! Small building blocks shared by pages.

use crate::i18n::text_with;
use crate::ui::context::{t, use_page};
use leptos::prelude::*;
use leptos_meta::Title;

/// The document title: "<page> – <portal>", prefixed with "Fehler:" (localized) while the
/// page shows errors, so screen reader users hear it first.
#[component]
pub fn PageTitle(#[prop(into)] title: String, #[prop(optional)] has_errors: bool) -> impl IntoView {
    let page = use_page();
    let full = document_title(&title, &page.site.name, has_errors, page.locale);
    // leptos_meta 0.8 writes the title into the server's HTML without escaping it, so text
    // from the request (a search query) could close the element. Escape it here.
    let full = if cfg!(feature = "ssr") {
        escape_text(&full)
    } else {
        full
    };
    view! { <Title text=full/> }
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

pub fn document_title(
    title: &str,
    site: &str,
    has_errors: bool,
    locale: crate::domain::locale::Locale,
) -> String {
    let plain = format!("{title} – {site}");
    if has_errors {
        text_with(locale, "title-error-prefix", &[("title", plain)])
    } else {
        plain
    }
}

/// A page's main heading with an optional lead paragraph.
#[component]
pub fn PageHeading(
    #[prop(into)] title: String,
    #[prop(optional, into)] lead: Option<String>,
) -> impl IntoView {
    view! {
        <div class="page-heading">
            <h1 class="kern-heading-x-large">{title}</h1>
            {lead.filter(|l| !l.is_empty()).map(|lead| view! { <p class="kern-body kern-body--large">{lead}</p> })}
        </div>
    }
}

/// A section with a heading and paragraphs, each a message of the locale files.
#[component]
pub fn TextSection(#[prop(into)] heading: String, paragraphs: Vec<String>) -> impl IntoView {
    view! {
        <section class="text-section">
            <h2 class="kern-heading-medium">{heading}</h2>
            {paragraphs.into_iter().map(|p| view! { <p class="kern-body">{p}</p> }).collect_view()}
        </section>
    }
}

/// E-mail address (as a link) and phone number of whoever the page names.
#[component]
pub fn ContactList(email: String, phone: String) -> impl IntoView {
    view! {
        <dl class="kern-description-list">
            <div class="kern-description-list-item">
                <dt class="kern-description-list-item__key">{t("contact-email")}</dt>
                <dd class="kern-description-list-item__value">
                    <a class="kern-link" href=format!("mailto:{email}")>{email.clone()}</a>
                </dd>
            </div>
            <div class="kern-description-list-item">
                <dt class="kern-description-list-item__key">{t("contact-phone")}</dt>
                <dd class="kern-description-list-item__value">{phone}</dd>
            </div>
        </dl>
    }
}
