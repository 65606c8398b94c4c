//! The frame of every page: skip link, header with language switcher, main, footer.

use crate::domain::locale::Locale;
use crate::i18n::text;
use crate::ui::context::{t, use_page};
use crate::ui::form::Notice;
use leptos::prelude::*;

#[component]
pub fn Layout(locale: Locale, children: Children) -> impl IntoView {
    let page = use_page();
    let site = page.site.clone();
    view! {
        <a class="skip-link" href="#inhalt">{t("skip-to-content")}</a>
        <div class="kern-kopfzeile">
            <div class="kern-container kern-kopfzeile__content">
                <span class="kern-kopfzeile__label">
                    {text_for(locale, "official-site", &site.region_name)}
                </span>
            </div>
        </div>
        <header class="site-header">
            <div class="kern-container site-header__inner">
                <a class="site-header__name" href="/">
                    <img src="/icons/icon.svg" alt="" width="40" height="40"/>
                    <span>{site.name.clone()}</span>
                </a>
                <div class="site-header__tools">
                    <AccountNav/>
                    <LanguageSwitcher current=locale path=page.path.clone()/>
                </div>
            </div>
        </header>
        <main id="inhalt" class="kern-container site-main" tabindex="-1">
            <Notice/>
            {children()}
        </main>
        <Footer/>
        {page.account.as_ref().map(|account| {
            use crate::ui::pages::account::islands::{SessionTimeout, TimeoutText};
            let text = TimeoutText {
                title: t("timeout-title"),
                body: crate::i18n::text_with(
                    locale,
                    "timeout-body",
                    &[("minutes", "{minutes}".to_owned())],
                ),
                stay: t("timeout-stay"),
                ended_title: t("timeout-ended-title"),
                ended_body: t("timeout-ended-body"),
                sign_in: t("timeout-sign-in"),
            };
            view! { <SessionTimeout seconds_left=account.seconds_left text/> }
        })}
    }
}

/// "Anmelden", or "Mein Konto" and "Abmelden" for the signed-in.
#[component]
fn AccountNav() -> impl IntoView {
    use crate::api::account::{SignOut, pages};
    use crate::ui::form::ActionButton;
    use crate::ui::pages::account::action;
    let page = use_page();
    let nav = match page.account {
        Some(account) => {
            use crate::domain::account::Role;
            let mailbox = if account.unread_messages > 0 {
                crate::i18n::text_with(
                    page.locale,
                    "nav-mailbox-unread",
                    &[("count", account.unread_messages.to_string())],
                )
            } else {
                t("nav-mailbox")
            };
            view! {
                {account.role.is_staff().then(|| view! {
                    <a class="kern-link" href=crate::api::backoffice::pages::INBOX>{t("nav-inbox")}</a>
                })}
                {(account.role == Role::Admin).then(|| view! {
                    <a class="kern-link" href=crate::api::admin::pages::ADMIN>{t("nav-admin")}</a>
                })}
                <a class="kern-link" href=crate::api::mailbox::pages::MAILBOX>{mailbox}</a>
                <a class="kern-link" href=pages::OVERVIEW>{t("nav-account")}</a>
                <ActionButton action={action::<SignOut>()} label=t("sign-out") secondary=true/>
            }
            .into_any()
        }
        None => {
            view! { <a class="kern-link" href=pages::SIGN_IN>{t("nav-sign-in")}</a> }.into_any()
        }
    };
    view! { <nav class="account-nav" aria-label=t("nav-account-label")>{nav}</nav> }
}

fn text_for(locale: Locale, key: &str, region: &str) -> String {
    crate::i18n::text_with(locale, key, &[("region", region.to_owned())])
}

/// Plain links to `/sprache/<lang>`, which remember the choice and come back here.
#[component]
fn LanguageSwitcher(current: Locale, path: String) -> impl IntoView {
    let back = crate::domain::url::encode_query_value(&path);
    let links = Locale::ALL
        .into_iter()
        .map(|locale| {
            let is_current = locale == current;
            view! {
                <li>
                    <a
                        class="kern-link"
                        href=format!("/sprache/{}?zurueck={back}", locale.as_str())
                        lang=locale.as_str()
                        hreflang=locale.as_str()
                        aria-current=is_current.then_some("true")
                    >
                        {locale.endonym()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="language-switcher" aria-label=text(current, "language-switcher-label")>
            <span class="kern-icon kern-icon--language" aria-hidden="true"></span>
            <ul class="kern-list kern-list--horizontal">{links}</ul>
        </nav>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let page = use_page();
    let links = [
        ("/impressum", "footer-imprint"),
        ("/datenschutz", "footer-privacy"),
        ("/barrierefreiheit", "footer-accessibility"),
        ("/leichte-sprache", "footer-easy-language"),
        ("/gebaerdensprache", "footer-sign-language"),
    ];
    view! {
        <footer class="site-footer">
            <div class="kern-container">
                <nav aria-label=t("footer-nav-label")>
                    <ul class="kern-list kern-list--horizontal site-footer__links">
                        {links
                            .into_iter()
                            .map(|(href, key)| view! { <li><a class="kern-link" href=href>{t(key)}</a></li> })
                            .collect_view()}
                    </ul>
                </nav>
                <p class="kern-body kern-body--small">{page.site.operator.name.clone()}</p>
            </div>
        </footer>
    }
}
