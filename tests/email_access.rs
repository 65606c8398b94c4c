//! Applying with only an e-mail address: a sign-in link instead of a registration, what an
//! account without a password may and may not do, and how it becomes a full Servicekonto.
//! Mail goes over real SMTP to a sink. Runs on SQLite and (with `TEST_DATABASE_URL`) on
//! PostgreSQL.

mod common;

use common::browser::Browser;
use common::smtp::{Mail, SmtpSink};
use common::{TestApp, spawn_app_with};
use serviceportal::server::mail::deliver_due;
use std::time::Duration;

const EMAIL: &str = "kim.muster@example.de";
const PASSWORD: &str = "ein langer satz als passwort";
/// Allows applying with only an e-mail address.
const OPEN_SERVICE: &str = "meldebescheinigung-beantragen";
/// Needs a Servicekonto with a password.
const ACCOUNT_SERVICE: &str = "hundesteuer-anmelden";

async fn app() -> (TestApp, SmtpSink) {
    let sink = SmtpSink::start().await;
    let app = spawn_app_with(&[("mail.smtp_url", &sink.url())]).await;
    serviceportal::server::seed::load_demo(&app.state.db, std::path::Path::new(common::DEMO_SEED))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    (app, sink)
}

async fn next_mail(app: &TestApp, sink: &SmtpSink) -> Mail {
    deliver_due(&app.state).await.expect("delivery");
    sink.next(Duration::from_secs(5)).await.expect("a mail")
}

fn code_of(link: &str) -> String {
    link.split_once("code=").expect("a code").1.to_owned()
}

/// Asks for a link to `email` on the way to `next`; returns the link from the mail.
async fn ask_for_link(
    browser: &mut Browser<'_>,
    sink: &SmtpSink,
    email: &str,
    next: &str,
) -> String {
    let answer = browser
        .post(
            "/api/account/sign-in-link",
            &[("email", email), ("next", next)],
        )
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/email-zugang/gesendet"),
        "{}",
        answer.body
    );
    let mail = next_mail(browser.app, sink).await;
    assert_eq!(mail.to, [email.to_lowercase()]);
    assert_eq!(mail.subject, "Ihr Anmeldelink");
    mail.link("http").expect("a sign-in link")
}

/// Signed in by a link, without ever registering.
async fn by_link<'a>(app: &'a TestApp, sink: &SmtpSink, next: &str) -> Browser<'a> {
    let mut browser = Browser::new(app);
    let link = ask_for_link(&mut browser, sink, EMAIL, next).await;
    let answer = browser
        .post("/api/account/sign-in-by-link", &[("code", &code_of(&link))])
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    browser
}

#[tokio::test]
async fn a_link_signs_in_without_registering_and_leads_back_to_the_application() {
    let (app, sink) = app().await;
    let start = format!("/antrag/{OPEN_SERVICE}");
    // The start page offers both ways.
    let mut browser = Browser::new(&app);
    let page = browser.get(&start).await;
    assert!(
        page.body.contains("Ohne Servicekonto fortfahren"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("/konto/email-zugang?weiter=/antrag/meldebescheinigung-beantragen")
    );
    assert_eq!(browser.get("/konto/email-zugang").await.status, 200);

    let link = ask_for_link(&mut browser, &sink, "Kim.Muster@Example.de", &start).await;
    assert!(
        link.starts_with("http://portal.test/konto/email-zugang/anmelden?code="),
        "{link}"
    );
    // The link opens a page with a button; only the button uses the code.
    let path = link.strip_prefix(common::ORIGIN).expect("local");
    let page = browser.get(path).await;
    assert!(page.body.contains("Anmelden und weiter"), "{}", page.body);
    let answer = browser
        .post("/api/account/sign-in-by-link", &[("code", &code_of(&link))])
        .await;
    assert_eq!(answer.header("location"), Some(start.as_str()));
    assert!(browser.has_cookie("sitzung"));
    let page = browser.get(&start).await;
    assert!(page.body.contains("Antrag starten"), "{}", page.body);
    let page = browser.get("/konto").await;
    assert!(page.body.contains("Sie nutzen das Portal ohne Passwort"));
    assert!(page.body.contains(EMAIL));

    // Once only.
    let mut other = Browser::new(&app);
    let answer = other
        .post("/api/account/sign-in-by-link", &[("code", &code_of(&link))])
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/email-zugang/anmelden?code=ungueltig")
    );
    assert!(!other.has_cookie("sitzung"));
    let page = other.get(path).await;
    assert!(page.body.contains("Dieser Link gilt nicht mehr"));

    // Another link later finds the same account (resuming on another device).
    let again = by_link(&app, &sink, "").await;
    let accounts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
        .fetch_one(&app.state.db.pool)
        .await
        .expect("count");
    assert_eq!(accounts, 1);
    drop(again);
}

#[tokio::test]
async fn an_account_without_a_password_applies_where_an_address_is_enough_and_nowhere_else() {
    let (app, sink) = app().await;
    let mut browser = by_link(&app, &sink, "").await;
    let answer = browser
        .post("/api/applications/start", &[("service", OPEN_SERVICE)])
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/antrag/meldebescheinigung-beantragen/bescheinigung")
    );

    // A service that needs a full Servicekonto says so and starts nothing.
    let page = browser.get(&format!("/antrag/{ACCOUNT_SERVICE}")).await;
    assert!(
        page.body
            .contains("Für diesen Antrag brauchen Sie ein Passwort"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("Antrag starten"));
    let answer = browser
        .post("/api/applications/start", &[("service", ACCOUNT_SERVICE)])
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/antrag/hundesteuer-anmelden")
    );
    let drafts: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM applications WHERE service_slug = $1")
            .bind(ACCOUNT_SERVICE)
            .fetch_one(&app.state.db.pool)
            .await
            .expect("count");
    assert_eq!(drafts, 0);

    // No second factor without a first one.
    let answer = browser.call("/api/account/totp/start", &[]).await;
    assert_eq!(answer.status, 403);
    let answer = browser
        .call("/api/account/passkey/register-start", &[])
        .await;
    assert_eq!(answer.status, 403);
    let page = browser.get("/konto/sicherheit").await;
    assert!(!page.body.contains("Passwort ändern"), "{}", page.body);
    assert!(page.body.contains("Passwort festlegen"));
}

#[tokio::test]
async fn a_link_never_signs_in_an_account_that_has_a_password() {
    let (app, sink) = app().await;
    let hash = app.state.passwords.hash(PASSWORD).await.expect("hash");
    serviceportal::server::storage::accounts::create(
        &app.state.db,
        EMAIL,
        &hash,
        serviceportal::domain::account::Role::Citizen,
        serviceportal::domain::locale::Locale::De,
        app.state.clock.now(),
    )
    .await
    .expect("create")
    .expect("new");
    let mut browser = Browser::new(&app);
    // The same answer as for any address…
    let answer = browser
        .post(
            "/api/account/sign-in-link",
            &[("email", EMAIL), ("next", "/antraege")],
        )
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/email-zugang/gesendet")
    );
    // …but the mail sends the owner to the password, and holds no sign-in link.
    let mail = next_mail(&app, &sink).await;
    assert_eq!(mail.subject, "Bitte melden Sie sich mit Ihrem Passwort an");
    assert!(
        mail.text
            .contains("http://portal.test/konto/anmelden?weiter=/antraege")
    );
    assert!(
        !mail.text.contains("email-zugang/anmelden"),
        "{}",
        mail.text
    );
    let tokens: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM account_tokens WHERE purpose = 'sign-in'")
            .fetch_one(&app.state.db.pool)
            .await
            .expect("count");
    assert_eq!(tokens, 0);
}

#[tokio::test]
async fn a_password_set_later_makes_a_full_servicekonto_and_ends_the_links() {
    let (app, sink) = app().await;
    let mut browser = by_link(&app, &sink, "").await;
    browser
        .post("/api/applications/start", &[("service", OPEN_SERVICE)])
        .await;
    // A password sign-in fails as for an unknown address.
    let mut stranger = Browser::from_ip(&app, [10, 0, 0, 9]);
    let answer = stranger
        .post(
            "/api/account/sign-in",
            &[("email", EMAIL), ("password", ""), ("next", "")],
        )
        .await;
    assert_eq!(answer.header("location"), Some("/konto/anmelden#fehler"));
    let answer = stranger
        .post(
            "/api/account/sign-in",
            &[("email", EMAIL), ("password", PASSWORD), ("next", "")],
        )
        .await;
    assert_eq!(answer.header("location"), Some("/konto/anmelden#fehler"));

    // An unused link from before the password…
    let mut elsewhere = Browser::from_ip(&app, [10, 0, 0, 8]);
    let old_link = ask_for_link(&mut elsewhere, &sink, EMAIL, "").await;

    // "Passwort festlegen" is the reset link.
    let answer = browser
        .post("/api/account/forgot", &[("email", EMAIL)])
        .await;
    assert_eq!(answer.status, 303);
    let reset = next_mail(&app, &sink).await.link("http").expect("link");
    let answer = browser
        .post(
            "/api/account/reset",
            &[("code", &code_of(&reset)), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/anmelden"),
        "{}",
        answer.body
    );
    let answer = browser
        .post(
            "/api/account/sign-in",
            &[
                ("email", EMAIL),
                ("password", PASSWORD),
                ("next", "/antraege"),
            ],
        )
        .await;
    assert_eq!(answer.header("location"), Some("/antraege"));
    let page = browser.get("/antraege").await;
    assert!(page.body.contains("Meldebescheinigung"), "{}", page.body);
    assert!(!browser.get("/konto").await.body.contains("ohne Passwort"));

    // …no longer signs in: the password does.
    let answer = elsewhere
        .post(
            "/api/account/sign-in-by-link",
            &[("code", &code_of(&old_link))],
        )
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/email-zugang/anmelden?code=ungueltig")
    );
    assert!(!elsewhere.has_cookie("sitzung"));
}

#[tokio::test]
async fn registering_an_address_used_without_a_password_sends_the_link_to_set_one() {
    let (app, sink) = app().await;
    drop(by_link(&app, &sink, "").await);
    let mut browser = Browser::from_ip(&app, [10, 0, 0, 7]);
    let answer = browser
        .post(
            "/api/account/register",
            &[("email", EMAIL), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/registrieren/pruefen")
    );
    let mail = next_mail(&app, &sink).await;
    assert_eq!(mail.subject, "Neues Passwort für Ihr Servicekonto");
    assert!(
        mail.link("http")
            .is_some_and(|l| l.starts_with("http://portal.test/konto/passwort-neu?code="))
    );
}

#[tokio::test]
async fn deleting_an_account_without_a_password_needs_a_fresh_link() {
    let (app, sink) = app().await;
    let mut browser = by_link(&app, &sink, "").await;
    let page = browser.get("/konto/datenschutz").await;
    assert!(!page.body.contains(r#"name="password""#), "{}", page.body);

    // Later than ten minutes after the link: first a new link.
    app.state.clock.advance(11 * 60);
    let answer = browser
        .post("/api/account/delete", &[("confirm", "ja")])
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/bestaetigen-passwort?weiter=/konto/datenschutz")
    );
    let page = browser
        .get("/konto/bestaetigen-passwort?weiter=/konto/datenschutz")
        .await;
    assert!(
        page.body.contains("Mit einem neuen Link bestätigen"),
        "{}",
        page.body
    );
    let link = ask_for_link(&mut browser, &sink, EMAIL, "/konto/datenschutz").await;
    let answer = browser
        .post("/api/account/sign-in-by-link", &[("code", &code_of(&link))])
        .await;
    assert_eq!(answer.header("location"), Some("/konto/datenschutz"));

    // Without the box ticked, nothing happens; with it, the account is gone.
    let answer = browser.post("/api/account/delete", &[]).await;
    assert_eq!(answer.header("location"), Some("/konto/datenschutz#fehler"));
    let answer = browser
        .post("/api/account/delete", &[("confirm", "ja")])
        .await;
    assert_eq!(answer.header("location"), Some("/"), "{}", answer.body);
    let accounts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
        .fetch_one(&app.state.db.pool)
        .await
        .expect("count");
    assert_eq!(accounts, 0);
}

#[tokio::test]
async fn links_are_only_for_local_pages_and_bad_addresses_are_refused() {
    let (app, sink) = app().await;
    let mut browser = Browser::new(&app);
    let answer = browser
        .post(
            "/api/account/sign-in-link",
            &[("email", "keine-adresse"), ("next", "/antraege")],
        )
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/email-zugang?weiter=/antraege#fehler")
    );
    let page = browser.get("/konto/email-zugang?weiter=/antraege").await;
    assert!(page.body.starts_with("<!DOCTYPE html>"));
    assert!(page.body.contains("<title>Fehler:"), "{}", page.body);
    assert!(page.body.contains("keine-adresse"));

    // Another site as the way on ends at the account overview instead.
    let link = ask_for_link(&mut browser, &sink, EMAIL, "https://evil.example/").await;
    let answer = browser
        .post("/api/account/sign-in-by-link", &[("code", &code_of(&link))])
        .await;
    assert_eq!(answer.header("location"), Some("/konto"));
    let answer = browser
        .post("/api/account/sign-in-by-link", &[("code", "kein-code")])
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/email-zugang/anmelden?code=ungueltig")
    );
}
