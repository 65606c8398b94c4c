//! `/leichte-sprache`: the portal explained in Leichte Sprache (easy-to-read German).
//! In English and French the page gives the same content in plain language.

use crate::i18n::text_with;
use crate::ui::components::{PageHeading, PageTitle};
use crate::ui::context::{t, use_page};
use leptos::prelude::*;

#[component]
pub fn EasyLanguagePage() -> impl IntoView {
    let page = use_page();
    let region = page.site.region_name.clone();
    let sections: [(&str, &[&str]); 4] = [
        (
            "easy-what-heading",
            &["easy-what-1", "easy-what-2", "easy-what-3"],
        ),
        (
            "easy-how-heading",
            &["easy-how-1", "easy-how-2", "easy-how-3"],
        ),
        ("easy-help-heading", &["easy-help-1", "easy-help-2"]),
        (
            "easy-barrier-heading",
            &["easy-barrier-1", "easy-barrier-2"],
        ),
    ];
    view! {
        <PageTitle title=t("easy-language-title")/>
        <PageHeading title=t("easy-language-title")/>
        <div class="easy-language">
            {sections
                .into_iter()
                .map(|(heading, lines)| {
                    view! {
                        <section class="text-section">
                            <h2 class="kern-heading-medium">{t(heading)}</h2>
                            {lines
                                .iter()
                                .map(|key| {
                                    let line = text_with(page.locale, key, &[("region", region.clone())]);
                                    view! { <p class="kern-body kern-body--large">{line}</p> }
                                })
                                .collect_view()}
                        </section>
                    }
                })
                .collect_view()}
            <p class="kern-body kern-body--large">
                <a class="kern-link" href="/barrierefreiheit#feedback-form">{t("easy-barrier-link")}</a>
            </p>
        </div>
    }
    .into_any()
}
