//! The HTML shell and the route table; nothing else.

use crate::ui::context::use_page;
use crate::ui::layout::Layout;
use crate::ui::pages::admin::AdminPageView;
use crate::ui::pages::applications::{
    ApplicationCheckPage, ApplicationDetailPage, ApplicationListPage, ApplicationStartPage,
    ApplicationStepPage,
};
use crate::ui::pages::backoffice::{
    InboxPageView, case::CasePageView, statistics::StatisticsPageView,
};
use crate::ui::pages::mailbox::{MailboxPage, ThreadPageView};
use crate::ui::pages::{
    accessibility::{AccessibilityPage, FeedbackThanksPage},
    account::access::{
        ConfirmPage, ForgotPage, ForgotSentPage, RegisterPage, RegisteredPage, ResetPage,
        SignInPage,
    },
    account::email_access::{EmailAccessPage, EmailAccessSentPage, SignInLinkPage},
    account::manage::{AccountPage, AccountPrivacyPage, ProfilePage, ReauthPage, SecurityPage},
    account::second_factor::{AuthenticatorPage, RecoveryCodesPage, SignInCodePage},
    easy_language::EasyLanguagePage,
    error::{ErrorPage, NotFoundPage, OfflinePage},
    home::HomePage,
    legal::{ImprintPage, PrivacyPage},
    listing::{AuthorityPage, LifeSituationPage, PlacePage},
    place::PlaceSearchPage,
    search::SearchPageView,
    service::ServicePage,
    sign_language::SignLanguagePage,
};
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

/// The document around every page. Runs on the server only.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    use crate::ui::context::PageContext;
    use leptos_meta::MetaTags;

    let page = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<PageContext>().cloned())
        .unwrap_or_default();
    provide_context(leptos::nonce::Nonce::from_value(page.nonce.clone()));
    provide_context(page.clone());
    provide_context(options.clone());
    let register_worker =
        "if ('serviceWorker' in navigator) { navigator.serviceWorker.register('/sw.js'); }";
    view! {
        <!DOCTYPE html>
        <html lang=page.locale.as_str()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#003064"/>
                <link rel="manifest" href="/manifest.webmanifest"/>
                <link rel="icon" href="/icons/icon.svg" type="image/svg+xml"/>
                <link rel="apple-touch-icon" href="/icons/icon-192.png"/>
                <link rel="stylesheet" href="/vendor/kern/kern.min.css"/>
                <link rel="stylesheet" href="/pkg/serviceportal.css"/>
                // With islands, only pages that have one load the scripts and the WASM.
                {(!cfg!(feature = "islands") || has_islands(&page.path, page.account.is_some()))
                    .then(|| view! { <HydrationScripts options islands=cfg!(feature = "islands")/> })}
                <script nonce=page.nonce.clone()>{register_worker}</script>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Whether a page contains an island: the search box, the feedback form, an account form,
/// and for the signed-in every page (the session timeout warning). The hydration
/// scripts belong in the `<head>`, which is written before the page, so the page is known
/// by its path; tests check that this and the pages agree.
pub fn has_islands(path_and_query: &str, signed_in: bool) -> bool {
    let path = path_and_query.split(['?', '#']).next().unwrap_or_default();
    signed_in
        || matches!(
            path,
            "/" | "/suche"
                | "/barrierefreiheit"
                | "/konto/registrieren"
                | "/konto/registrieren/pruefen"
                | "/konto/passwort-vergessen"
                | "/konto/passwort-neu"
                | "/konto/anmelden"
                | "/konto/anmelden/code"
                | "/konto/email-zugang"
        )
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let locale = use_page().locale;
    view! {
        <Router>
            <Layout locale>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("barrierefreiheit") view=AccessibilityPage/>
                    <Route path=path!("barrierefreiheit/danke") view=FeedbackThanksPage/>
                    <Route path=path!("leichte-sprache") view=EasyLanguagePage/>
                    <Route path=path!("gebaerdensprache") view=SignLanguagePage/>
                    <Route path=path!("impressum") view=ImprintPage/>
                    <Route path=path!("datenschutz") view=PrivacyPage/>
                    <Route path=path!("offline") view=OfflinePage/>
                    // Pages with data render completely before they are sent, so they work
                    // without JavaScript and carry their title (no out-of-order streaming).
                    <Route path=path!("leistungen/:slug") view=ServicePage ssr=SsrMode::Async/>
                    <Route path=path!("lebenslagen/:slug") view=LifeSituationPage ssr=SsrMode::Async/>
                    <Route path=path!("orte") view=PlaceSearchPage ssr=SsrMode::Async/>
                    <Route path=path!("orte/:ags") view=PlacePage ssr=SsrMode::Async/>
                    <Route path=path!("suche") view=SearchPageView ssr=SsrMode::Async/>
                    <Route path=path!("behoerden/:id") view=AuthorityPage ssr=SsrMode::Async/>
                    <Route path=path!("fehler") view=ErrorPage/>
                    <Route path=path!("konto") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("konto/registrieren") view=RegisterPage/>
                    <Route path=path!("konto/registrieren/pruefen") view=RegisteredPage/>
                    <Route path=path!("konto/bestaetigen") view=ConfirmPage ssr=SsrMode::Async/>
                    <Route path=path!("konto/anmelden") view=SignInPage/>
                    <Route path=path!("konto/passwort-vergessen") view=ForgotPage/>
                    <Route path=path!("konto/passwort-vergessen/gesendet") view=ForgotSentPage/>
                    <Route path=path!("konto/passwort-neu") view=ResetPage ssr=SsrMode::Async/>
                    <Route path=path!("konto/sicherheit") view=SecurityPage ssr=SsrMode::Async/>
                    <Route path=path!("konto/datenschutz") view=AccountPrivacyPage/>
                    <Route path=path!("konto/profil") view=ProfilePage ssr=SsrMode::Async/>
                    <Route path=path!("konto/anmelden/code") view=SignInCodePage/>
                    <Route path=path!("konto/sicherheit/authenticator") view=AuthenticatorPage ssr=SsrMode::Async/>
                    <Route path=path!("konto/sicherheit/wiederherstellungscodes") view=RecoveryCodesPage/>
                    <Route path=path!("konto/bestaetigen-passwort") view=ReauthPage/>
                    <Route path=path!("konto/email-zugang") view=EmailAccessPage/>
                    <Route path=path!("konto/email-zugang/gesendet") view=EmailAccessSentPage/>
                    <Route path=path!("konto/email-zugang/anmelden") view=SignInLinkPage ssr=SsrMode::Async/>
                    <Route path=path!("antrag/:slug") view=ApplicationStartPage ssr=SsrMode::Async/>
                    <Route path=path!("antrag/:slug/pruefen") view=ApplicationCheckPage ssr=SsrMode::Async/>
                    <Route path=path!("antrag/:slug/:step") view=ApplicationStepPage ssr=SsrMode::Async/>
                    <Route path=path!("antraege") view=ApplicationListPage ssr=SsrMode::Async/>
                    <Route path=path!("antraege/:reference") view=ApplicationDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("postfach") view=MailboxPage ssr=SsrMode::Async/>
                    <Route path=path!("postfach/:reference") view=ThreadPageView ssr=SsrMode::Async/>
                    <Route path=path!("behoerde") view=InboxPageView ssr=SsrMode::Async/>
                    <Route path=path!("behoerde/statistik") view=StatisticsPageView ssr=SsrMode::Async/>
                    <Route path=path!("behoerde/vorgaenge/:reference") view=CasePageView ssr=SsrMode::Async/>
                    <Route path=path!("verwaltung") view=AdminPageView ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}
