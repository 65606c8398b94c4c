//! The Servicekonto end to end over HTTP, with mail over real SMTP to a sink: register,
//! confirm, sign in and out, reset, change password, sessions, throttling, export,
//! deletion. Runs on SQLite and (with `TEST_DATABASE_URL`) on PostgreSQL.

mod common;

use common::browser::Browser;
use common::smtp::{Mail, SmtpSink};
use common::{TestApp, spawn_app_with};
use serviceportal::server::mail::deliver_due;
use serviceportal::server::storage;
use std::time::Duration;

const PASSWORD: &str = "ein langer satz als passwort";
const EMAIL: &str = "kim.muster@example.de";

async fn app_with_mail() -> (TestApp, SmtpSink) {
    let sink = SmtpSink::start().await;
    let app = spawn_app_with(&[("mail.smtp_url", &sink.url())]).await;
    (app, sink)
}

/// Delivers queued mail over SMTP and returns the next one that arrives.
async fn next_mail(app: &TestApp, sink: &SmtpSink) -> Mail {
    deliver_due(&app.state).await.expect("delivery");
    sink.next(Duration::from_secs(5)).await.expect("a mail")
}

/// The path and query of a link in a mail (`http://portal.test/konto/…?code=…`).
fn local(link: &str) -> String {
    link.strip_prefix(common::ORIGIN)
        .expect("a link to the portal")
        .to_owned()
}

fn code_of(link: &str) -> String {
    link.split_once("code=").expect("a code").1.to_owned()
}

/// Registers and confirms an account; returns the signed-out browser.
async fn registered<'a>(app: &'a TestApp, sink: &SmtpSink, email: &str) -> Browser<'a> {
    let mut browser = Browser::new(app);
    let answer = browser
        .post(
            "/api/account/register",
            &[("email", email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let mail = next_mail(app, sink).await;
    let link = mail.link("http").expect("a link");
    let answer = browser
        .post("/api/account/confirm", &[("code", &code_of(&link))])
        .await;
    assert_eq!(answer.status, 303);
    browser
}

async fn sign_in(browser: &mut Browser<'_>, email: &str, password: &str) -> common::Answer {
    browser
        .post(
            "/api/account/sign-in",
            &[("email", email), ("password", password), ("next", "")],
        )
        .await
}

#[tokio::test]
async fn register_confirm_by_mail_sign_in_and_out() {
    let (app, sink) = app_with_mail().await;
    let mut browser = Browser::new(&app);
    assert_eq!(browser.get("/konto/registrieren").await.status, 200);
    let answer = browser
        .post(
            "/api/account/register",
            &[("email", "Kim.Muster@Example.de"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(answer.status, 303);
    assert_eq!(
        answer.header("location"),
        Some("/konto/registrieren/pruefen")
    );
    let page = browser.get("/konto/registrieren/pruefen").await;
    assert!(page.body.contains("Bitte prüfen Sie Ihr Postfach"));

    let mail = next_mail(&app, &sink).await;
    assert_eq!(mail.to, [EMAIL]);
    assert_eq!(mail.subject, "Bitte bestätigen Sie Ihre E-Mail-Adresse");
    let link = mail.link("http").expect("a confirmation link");
    assert!(
        link.starts_with("http://portal.test/konto/bestaetigen?code="),
        "{link}"
    );
    assert!(
        mail.html.contains(&format!("href=\"{link}\"")),
        "the HTML part links too"
    );

    // Not yet confirmed: the right password is not enough.
    let answer = sign_in(&mut browser, EMAIL, PASSWORD).await;
    assert_eq!(answer.header("location"), Some("/konto/anmelden#fehler"));
    let page = browser.get("/konto/anmelden").await;
    assert!(
        page.body
            .contains("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse")
    );

    // The link opens a page with a button; only the button uses the code.
    let page = browser.get(&local(&link)).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Adresse bestätigen"));
    let answer = browser
        .post("/api/account/confirm", &[("code", &code_of(&link))])
        .await;
    assert_eq!(answer.header("location"), Some("/konto/anmelden"));
    let page = browser.get("/konto/anmelden").await;
    assert!(page.body.contains("Ihre E-Mail-Adresse ist bestätigt."));
    // Once only.
    let page = browser.get(&local(&link)).await;
    assert!(
        page.body
            .contains("Dieser Link ist ungültig oder abgelaufen.")
    );

    let answer = sign_in(&mut browser, EMAIL, PASSWORD).await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.header("location"), Some("/konto"));
    let cookie = answer
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("sitzung="))
        .expect("a session cookie")
        .to_owned();
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
    let page = browser.get("/konto").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(EMAIL));
    assert!(page.body.contains("Abmelden"));

    let answer = browser.post("/api/account/sign-out", &[]).await;
    assert_eq!(answer.header("location"), Some("/"));
    assert!(answer.header("clear-site-data").is_some());
    assert!(!browser.has_cookie("sitzung"));
    let answer = browser.get("/konto").await;
    assert_eq!(answer.status, 303);
    assert_eq!(
        answer.header("location"),
        Some("/konto/anmelden?weiter=/konto")
    );
}

#[tokio::test]
async fn sign_in_leads_back_to_the_page_asked_for_but_never_off_site() {
    let (app, sink) = app_with_mail().await;
    let mut browser = registered(&app, &sink, EMAIL).await;
    let answer = browser.get("/konto/sicherheit").await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/anmelden?weiter=/konto/sicherheit")
    );
    let page = browser
        .get("/konto/anmelden?weiter=/konto/sicherheit")
        .await;
    assert!(
        page.body
            .contains(r#"name="next" value="/konto/sicherheit""#)
    );
    let answer = browser
        .post(
            "/api/account/sign-in",
            &[
                ("email", EMAIL),
                ("password", PASSWORD),
                ("next", "/konto/sicherheit"),
            ],
        )
        .await;
    assert_eq!(answer.header("location"), Some("/konto/sicherheit"));
    for evil in ["https://evil.example/", "//evil.example", "/\\evil.example"] {
        let mut other = Browser::new(&app);
        let answer = other
            .post(
                "/api/account/sign-in",
                &[("email", EMAIL), ("password", PASSWORD), ("next", evil)],
            )
            .await;
        assert_eq!(answer.header("location"), Some("/konto"), "{evil}");
    }
}

#[tokio::test]
async fn refused_registrations_explain_every_field_and_keep_the_address() {
    let (app, _sink) = app_with_mail().await;
    let mut browser = Browser::new(&app);
    let cases = [
        (
            "",
            "qx7-kurz",
            "Geben Sie Ihre E-Mail-Adresse ein.",
            "mindestens 12 Zeichen",
        ),
        ("kein-at", PASSWORD, "in der Form name@beispiel.de", ""),
        (EMAIL, "Serviceportal2026!", "", "dem Namen des Portals"),
        (EMAIL, "1q2w3e4r5t6y", "", "sehr verbreitet"),
        (EMAIL, &"x".repeat(129), "", "höchstens 128 Zeichen"),
    ];
    for (email, password, email_message, password_message) in cases {
        let answer = browser
            .post(
                "/api/account/register",
                &[("email", email), ("password", password)],
            )
            .await;
        assert_eq!(
            answer.header("location"),
            Some("/konto/registrieren#fehler")
        );
        let page = browser.get("/konto/registrieren").await;
        assert!(page.body.contains("<title>Fehler:"), "error title");
        assert!(
            page.body.contains(email_message),
            "{email}: {email_message}"
        );
        assert!(page.body.contains(password_message), "{password_message}");
        assert!(
            page.body.contains(&format!(r#"value="{email}""#)),
            "address kept"
        );
        assert!(!page.body.contains(password), "never the password");
    }
    // JavaScript callers get the field errors as data.
    let answer = browser
        .call(
            "/api/account/register",
            &[("email", EMAIL), ("password", "kurz")],
        )
        .await;
    assert_eq!(answer.status, 422);
    assert!(answer.body.contains("too-short"), "{}", answer.body);
    assert_eq!(
        storage::accounts::by_email(&app.state.db, EMAIL)
            .await
            .unwrap(),
        None
    );
}

#[tokio::test]
async fn a_known_address_gets_a_mail_instead_of_an_error() {
    let (app, sink) = app_with_mail().await;
    let _ = registered(&app, &sink, EMAIL).await;
    let mut browser = Browser::new(&app);
    let new = browser
        .post(
            "/api/account/register",
            &[("email", "neu@example.de"), ("password", PASSWORD)],
        )
        .await;
    let known = browser
        .post(
            "/api/account/register",
            &[("email", EMAIL), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(new.status, known.status);
    assert_eq!(new.header("location"), known.header("location"));
    assert_eq!(new.body, known.body);
    deliver_due(&app.state).await.unwrap();
    let mails = sink.drain(Duration::from_millis(500)).await;
    let to_known = mails
        .iter()
        .find(|m| m.to == [EMAIL])
        .expect("a mail to the owner");
    assert_eq!(to_known.subject, "Sie haben bereits ein Servicekonto");
    assert!(
        to_known
            .text
            .contains("http://portal.test/konto/passwort-vergessen")
    );
    let to_new = mails
        .iter()
        .find(|m| m.to == ["neu@example.de"])
        .expect("a mail");
    assert_eq!(to_new.subject, "Bitte bestätigen Sie Ihre E-Mail-Adresse");
}

#[tokio::test]
async fn unknown_addresses_and_wrong_passwords_look_and_cost_the_same() {
    let (app, sink) = app_with_mail().await;
    let _ = registered(&app, &sink, EMAIL).await;
    let hashes = || app.state.passwords.operations();
    let mut answers = Vec::new();
    for email in [EMAIL, "niemand@example.de"] {
        let mut browser = Browser::new(&app);
        let before = hashes();
        let answer = sign_in(&mut browser, email, "ein falsches passwort").await;
        assert_eq!(hashes() - before, 1, "{email}: one Argon2 verification");
        let page = browser.get("/konto/anmelden").await;
        assert!(
            page.body
                .contains("E-Mail-Adresse oder Passwort sind nicht richtig.")
        );
        answers.push((answer.status, answer.header("location").map(str::to_owned)));
        let call = browser
            .call(
                "/api/account/sign-in",
                &[("email", email), ("password", "ein falsches passwort")],
            )
            .await;
        answers.push((call.status, Some(call.body)));
    }
    assert_eq!(answers[0], answers[2], "plain form");
    assert_eq!(answers[1], answers[3], "JavaScript");
    // The reset form, too.
    let mut browser = Browser::new(&app);
    let known = browser
        .post("/api/account/forgot", &[("email", EMAIL)])
        .await;
    let unknown = browser
        .post("/api/account/forgot", &[("email", "niemand@example.de")])
        .await;
    assert_eq!(known.status, unknown.status);
    assert_eq!(known.header("location"), unknown.header("location"));
}

#[tokio::test]
async fn failed_sign_ins_are_throttled_before_hashing_and_the_delay_runs_out() {
    let (app, sink) = app_with_mail().await;
    let _ = registered(&app, &sink, EMAIL).await;
    let mut browser = Browser::new(&app);
    for _ in 0..5 {
        let answer = browser
            .call(
                "/api/account/sign-in",
                &[("email", EMAIL), ("password", "falsch falsch falsch")],
            )
            .await;
        assert_eq!(answer.status, 422);
    }
    let before = app.state.passwords.operations();
    let answer = browser
        .call(
            "/api/account/sign-in",
            &[("email", EMAIL), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(answer.status, 429, "even the right password waits");
    assert_eq!(answer.header("retry-after"), Some("30"));
    assert_eq!(
        app.state.passwords.operations(),
        before,
        "no hash was computed"
    );
    // Without JavaScript: back to the form with a clear message.
    let answer = sign_in(&mut browser, EMAIL, PASSWORD).await;
    assert_eq!(answer.header("location"), Some("/konto/anmelden#fehler"));
    let page = browser.get("/konto/anmelden").await;
    assert!(page.body.contains("Zu viele Versuche."));
    // Another address is not affected; after the delay the owner gets in.
    let mut elsewhere = Browser::from_ip(&app, [10, 0, 0, 7]);
    let answer = elsewhere
        .call(
            "/api/account/sign-in",
            &[("email", EMAIL), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    app.state.clock.advance(31);
    let answer = browser
        .call(
            "/api/account/sign-in",
            &[("email", EMAIL), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
}

#[tokio::test]
async fn one_address_may_not_post_more_than_twenty_sign_ins_a_minute() {
    let (app, _sink) = app_with_mail().await;
    let mut browser = Browser::from_ip(&app, [192, 0, 2, 1]);
    for i in 0..20 {
        let email = format!("person{i}@example.de");
        let answer = browser
            .call(
                "/api/account/sign-in",
                &[("email", &email), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(answer.status, 422, "attempt {i}");
    }
    let answer = browser
        .call(
            "/api/account/sign-in",
            &[("email", "x@example.de"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(answer.status, 429);
    assert_eq!(answer.header("retry-after"), Some("60"));
    app.state.clock.advance(61);
    let answer = browser
        .call(
            "/api/account/sign-in",
            &[("email", "x@example.de"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(answer.status, 422);
}

#[tokio::test]
async fn sessions_end_when_idle_and_after_twelve_hours_and_get_a_new_id_at_sign_in() {
    let (app, sink) = app_with_mail().await;
    let mut browser = registered(&app, &sink, EMAIL).await;
    browser.cookies.insert("sitzung".into(), "x".repeat(43));
    sign_in(&mut browser, EMAIL, PASSWORD).await;
    let first = browser.cookies.get("sitzung").cloned().expect("session");
    assert_ne!(first, "x".repeat(43), "a new id at sign-in");
    // Active every 14 minutes: still signed in after more than 15.
    for _ in 0..3 {
        app.state.clock.advance(14 * 60);
        assert_eq!(browser.get("/konto").await.status, 200);
    }
    // 15 minutes idle: gone, and the page says why.
    app.state.clock.advance(15 * 60);
    let answer = browser.get("/konto").await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/anmelden?weiter=/konto&abgelaufen=1")
    );
    let page = browser
        .get("/konto/anmelden?weiter=/konto&abgelaufen=1")
        .await;
    assert!(page.body.contains("nach längerer Inaktivität abgemeldet"));

    // Twelve hours at most, however active.
    sign_in(&mut browser, EMAIL, PASSWORD).await;
    let second = browser.cookies.get("sitzung").cloned().expect("session");
    assert_ne!(first, second);
    for _ in 0..(12 * 60 / 14) {
        app.state.clock.advance(14 * 60);
        assert_eq!(browser.get("/konto").await.status, 200);
    }
    app.state.clock.advance(14 * 60);
    assert_eq!(browser.get("/konto").await.status, 303);
}

#[tokio::test]
async fn staff_sessions_last_thirty_idle_minutes() {
    use serviceportal::domain::account::Role;
    let (app, sink) = app_with_mail().await;
    let mut browser = registered(&app, &sink, EMAIL).await;
    let account = storage::accounts::by_email(&app.state.db, EMAIL)
        .await
        .unwrap()
        .unwrap();
    storage::accounts::set_role(&app.state.db, account.id, Role::Caseworker)
        .await
        .unwrap();
    sign_in(&mut browser, EMAIL, PASSWORD).await;
    // (Staff without a second factor may only use the security pages.)
    app.state.clock.advance(29 * 60);
    assert_eq!(browser.get("/konto/sicherheit").await.status, 200);
    app.state.clock.advance(30 * 60);
    let answer = browser.get("/konto/sicherheit").await;
    assert!(
        answer
            .header("location")
            .unwrap_or_default()
            .starts_with("/konto/anmelden")
    );
}

#[tokio::test]
async fn a_password_reset_link_works_once_for_thirty_minutes_and_ends_every_session() {
    let (app, sink) = app_with_mail().await;
    let mut laptop = registered(&app, &sink, EMAIL).await;
    sign_in(&mut laptop, EMAIL, PASSWORD).await;
    let mut phone = Browser::new(&app);
    let answer = phone.post("/api/account/forgot", &[("email", EMAIL)]).await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/passwort-vergessen/gesendet")
    );
    let mail = next_mail(&app, &sink).await;
    assert_eq!(mail.subject, "Neues Passwort für Ihr Servicekonto");
    let link = mail.link("http").expect("a reset link");
    let page = phone.get(&local(&link)).await;
    assert!(page.body.contains("Neues Passwort festlegen"));
    assert!(page.body.contains(r#"name="password""#));

    // A weak password is refused and the link still works.
    let code = code_of(&link);
    let answer = phone
        .post(
            "/api/account/reset",
            &[("code", &code), ("password", "kurz")],
        )
        .await;
    assert_eq!(answer.status, 303);
    let page = phone.get(&local(&link)).await;
    assert!(page.body.contains("mindestens 12 Zeichen"));

    let new_password = "ganz neues langes passwort";
    let answer = phone
        .post(
            "/api/account/reset",
            &[("code", &code), ("password", new_password)],
        )
        .await;
    assert_eq!(answer.header("location"), Some("/konto/anmelden"));
    assert_eq!(
        laptop.get("/konto").await.status,
        303,
        "the laptop is signed out"
    );
    let page = phone.get(&local(&link)).await;
    assert!(
        page.body
            .contains("Dieser Link ist ungültig oder abgelaufen.")
    );
    let changed = next_mail(&app, &sink).await;
    assert_eq!(changed.subject, "Ihr Passwort wurde geändert");

    let answer = sign_in(&mut phone, EMAIL, PASSWORD).await;
    assert_eq!(answer.header("location"), Some("/konto/anmelden#fehler"));
    let answer = sign_in(&mut phone, EMAIL, new_password).await;
    assert_eq!(answer.header("location"), Some("/konto"));

    // A link older than 30 minutes is no good.
    phone.post("/api/account/forgot", &[("email", EMAIL)]).await;
    let link = next_mail(&app, &sink).await.link("http").expect("link");
    app.state.clock.advance(31 * 60);
    let page = phone.get(&local(&link)).await;
    assert!(
        page.body
            .contains("Dieser Link ist ungültig oder abgelaufen.")
    );
}

#[tokio::test]
async fn a_reset_for_an_unknown_address_says_so_by_mail() {
    let (app, sink) = app_with_mail().await;
    let mut browser = Browser::new(&app);
    browser
        .post("/api/account/forgot", &[("email", "niemand@example.de")])
        .await;
    let mail = next_mail(&app, &sink).await;
    assert_eq!(mail.to, ["niemand@example.de"]);
    assert!(mail.text.contains("kein Konto"));
    assert!(mail.text.contains("http://portal.test/konto/registrieren"));
}

#[tokio::test]
async fn confirmation_links_expire_after_a_day_and_can_be_sent_again() {
    let (app, sink) = app_with_mail().await;
    let mut browser = Browser::new(&app);
    browser
        .post(
            "/api/account/register",
            &[("email", EMAIL), ("password", PASSWORD)],
        )
        .await;
    let first = next_mail(&app, &sink).await.link("http").expect("link");
    app.state.clock.advance(24 * 3600 + 1);
    let page = browser.get(&local(&first)).await;
    assert!(
        page.body
            .contains("Dieser Link ist ungültig oder abgelaufen.")
    );
    let answer = browser
        .post("/api/account/resend", &[("email", EMAIL)])
        .await;
    assert_eq!(answer.status, 303);
    let second = next_mail(&app, &sink).await.link("http").expect("link");
    assert_ne!(first, second);
    let answer = browser
        .post("/api/account/confirm", &[("code", &code_of(&second))])
        .await;
    assert_eq!(answer.header("location"), Some("/konto/anmelden"));
}

#[tokio::test]
async fn accounts_never_confirmed_are_removed_after_a_week_and_the_address_is_free_again() {
    use serviceportal::server::jobs::forget_unconfirmed_accounts;
    let (app, sink) = app_with_mail().await;
    let _ = registered(&app, &sink, "bestaetigt@example.de").await;
    let mut browser = Browser::new(&app);
    browser
        .post(
            "/api/account/register",
            &[
                ("email", EMAIL),
                ("password", "ein anderes langes passwort"),
            ],
        )
        .await;
    let _ = next_mail(&app, &sink).await;
    let unconfirmed = storage::accounts::by_email(&app.state.db, EMAIL)
        .await
        .unwrap()
        .expect("the new account");

    // Six and a half days on, a new confirmation link (valid for a day) is asked for: it
    // keeps the account while it works.
    app.state.clock.advance(6 * 86_400 + 43_200);
    assert_eq!(forget_unconfirmed_accounts(&app.state).await.unwrap(), 0);
    browser
        .post("/api/account/resend", &[("email", EMAIL)])
        .await;
    let _ = next_mail(&app, &sink).await;
    app.state.clock.advance(43_200 + 1);
    assert_eq!(forget_unconfirmed_accounts(&app.state).await.unwrap(), 0);
    app.state.clock.advance(43_200);
    assert_eq!(forget_unconfirmed_accounts(&app.state).await.unwrap(), 1);
    assert!(
        storage::accounts::by_email(&app.state.db, EMAIL)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        storage::accounts::by_email(&app.state.db, "bestaetigt@example.de")
            .await
            .unwrap()
            .is_some(),
        "a confirmed account stays"
    );
    let log = storage::audit::for_account(&app.state.db, unconfirmed.id, 1)
        .await
        .unwrap();
    assert_eq!(log[0].event, "unconfirmed-account-removed");

    // The address registers afresh, with a new password, and is asked to confirm it.
    let mut browser = registered(&app, &sink, EMAIL).await;
    let answer = sign_in(&mut browser, EMAIL, PASSWORD).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(answer.header("location"), Some("/konto"));
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let (app, sink) = app_with_mail().await;
    let mut laptop = registered(&app, &sink, EMAIL).await;
    sign_in(&mut laptop, EMAIL, PASSWORD).await;
    let mut phone = Browser::new(&app);
    sign_in(&mut phone, EMAIL, PASSWORD).await;
    let new_password = "ein anderer langer satz";
    let answer = laptop
        .post(
            "/api/account/change-password",
            &[
                ("current", "falsch falsch falsch"),
                ("password", new_password),
            ],
        )
        .await;
    assert_eq!(answer.header("location"), Some("/konto/sicherheit#fehler"));
    let page = laptop.get("/konto/sicherheit").await;
    assert!(
        page.body
            .contains("Das aktuelle Passwort ist nicht richtig.")
    );
    let answer = laptop
        .post(
            "/api/account/change-password",
            &[("current", PASSWORD), ("password", new_password)],
        )
        .await;
    assert_eq!(answer.header("location"), Some("/konto/sicherheit"));
    assert_eq!(laptop.get("/konto").await.status, 200, "this session stays");
    assert_eq!(phone.get("/konto").await.status, 303, "the other ends");
    // Only a signed-in person can change a password.
    let mut stranger = Browser::new(&app);
    let answer = stranger
        .call(
            "/api/account/change-password",
            &[
                ("current", new_password),
                ("password", "noch ein langer satz"),
            ],
        )
        .await;
    assert_eq!(answer.status, 403);
}

#[tokio::test]
async fn the_security_page_lists_sessions_which_can_be_ended() {
    let (app, sink) = app_with_mail().await;
    let mut laptop = registered(&app, &sink, EMAIL).await;
    sign_in(&mut laptop, EMAIL, PASSWORD).await;
    let mut phone = Browser::from_ip(&app, [10, 1, 2, 3]);
    sign_in(&mut phone, EMAIL, PASSWORD).await;
    let page = laptop.get("/konto/sicherheit").await;
    assert!(page.body.contains("Dieses Gerät"));
    assert!(page.body.contains("10.1.2.3"));
    assert!(page.body.contains("Angemeldet"), "events are listed");
    let handle = page
        .body
        .split(r#"name="handle" value=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a revoke button for the phone")
        .to_owned();
    // Another account cannot end it.
    let mut mallory = registered(&app, &sink, "mallory@example.de").await;
    sign_in(&mut mallory, "mallory@example.de", PASSWORD).await;
    let answer = mallory
        .call("/api/account/revoke-session", &[("handle", &handle)])
        .await;
    assert_eq!(answer.status, 404);
    assert_eq!(phone.get("/konto").await.status, 200);
    let answer = laptop
        .post("/api/account/revoke-session", &[("handle", &handle)])
        .await;
    assert_eq!(answer.header("location"), Some("/konto/sicherheit"));
    assert_eq!(phone.get("/konto").await.status, 303);
    assert_eq!(laptop.get("/konto").await.status, 200);

    // Everywhere, this one included.
    sign_in(&mut phone, EMAIL, PASSWORD).await;
    laptop.post("/api/account/sign-out-everywhere", &[]).await;
    assert_eq!(phone.get("/konto").await.status, 303);
    assert_eq!(laptop.get("/konto").await.status, 303);
}

#[tokio::test]
async fn the_data_export_needs_a_fresh_password_and_contains_my_data() {
    let (app, sink) = app_with_mail().await;
    let mut browser = registered(&app, &sink, EMAIL).await;
    sign_in(&mut browser, EMAIL, PASSWORD).await;
    let export = browser.get("/konto/datenschutz/export.json").await;
    assert_eq!(export.status, 200);
    assert_eq!(
        export.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    assert!(
        export
            .header("content-disposition")
            .unwrap_or_default()
            .starts_with("attachment")
    );
    let json: serde_json::Value = serde_json::from_str(&export.body).expect("JSON");
    assert_eq!(json["account"]["email"], EMAIL);
    assert!(
        json["security_events"]
            .as_array()
            .is_some_and(|e| !e.is_empty())
    );
    assert!(!export.body.contains("argon2"), "no password hash");

    // Ten minutes later the password is asked again, then the export follows.
    app.state.clock.advance(11 * 60);
    let answer = browser.get("/konto/datenschutz/export.json").await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/bestaetigen-passwort?weiter=/konto/datenschutz/export.json")
    );
    let answer = browser
        .post(
            "/api/account/reauthenticate",
            &[
                ("password", PASSWORD),
                ("next", "/konto/datenschutz/export.json"),
            ],
        )
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/datenschutz/export.json")
    );
    assert_eq!(
        browser.get("/konto/datenschutz/export.json").await.status,
        200
    );
    // Signed out: no data.
    let mut stranger = Browser::new(&app);
    assert_eq!(
        stranger.get("/konto/datenschutz/export.json").await.status,
        303
    );
}

#[tokio::test]
async fn deleting_the_account_needs_the_password_and_leaves_only_the_audit_trail() {
    let (app, sink) = app_with_mail().await;
    let mut browser = registered(&app, &sink, EMAIL).await;
    sign_in(&mut browser, EMAIL, PASSWORD).await;
    let page = browser.get("/konto/datenschutz").await;
    assert!(
        page.body
            .contains("Bereits eingereichte Anträge bleiben bei der zuständigen Behörde")
    );
    let answer = browser
        .post(
            "/api/account/delete",
            &[("password", "falsch falsch falsch"), ("confirm", "ja")],
        )
        .await;
    assert_eq!(answer.header("location"), Some("/konto/datenschutz#fehler"));
    let answer = browser
        .post("/api/account/delete", &[("password", PASSWORD)])
        .await;
    assert_eq!(answer.header("location"), Some("/konto/datenschutz#fehler"));
    let page = browser.get("/konto/datenschutz").await;
    assert!(
        page.body
            .contains("Bestätigen Sie, dass Sie Ihr Konto löschen möchten.")
    );
    let account = storage::accounts::by_email(&app.state.db, EMAIL)
        .await
        .unwrap()
        .unwrap();

    let answer = browser
        .post(
            "/api/account/delete",
            &[("password", PASSWORD), ("confirm", "ja")],
        )
        .await;
    assert_eq!(answer.header("location"), Some("/"));
    assert!(!browser.has_cookie("sitzung"));
    assert_eq!(
        storage::accounts::by_email(&app.state.db, EMAIL)
            .await
            .unwrap(),
        None
    );
    assert!(
        storage::sessions::list_for(&app.state.db, account.id)
            .await
            .unwrap()
            .is_empty()
    );
    let trail = storage::audit::for_account(&app.state.db, account.id, 50)
        .await
        .unwrap();
    assert_eq!(
        trail.first().map(|e| e.event.as_str()),
        Some("account-deleted")
    );
    let answer = sign_in(&mut browser, EMAIL, PASSWORD).await;
    assert_eq!(answer.header("location"), Some("/konto/anmelden#fehler"));
    let mails = {
        deliver_due(&app.state).await.unwrap();
        sink.drain(Duration::from_millis(300)).await
    };
    assert!(
        mails
            .iter()
            .any(|m| m.subject == "Ihr Servicekonto wurde gelöscht")
    );
}

#[tokio::test]
async fn the_audit_log_is_append_only() {
    let (app, sink) = app_with_mail().await;
    let _ = registered(&app, &sink, EMAIL).await;
    let db = &app.state.db.pool;
    assert!(
        sqlx::query("UPDATE audit_log SET event = 'x'")
            .execute(db)
            .await
            .is_err()
    );
    assert!(
        sqlx::query("DELETE FROM audit_log")
            .execute(db)
            .await
            .is_err()
    );
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log")
        .fetch_one(db)
        .await
        .unwrap();
    assert!(count >= 2, "registered and confirmed");
}

#[tokio::test]
async fn over_https_the_session_cookie_is_host_bound_and_secure() {
    let sink = SmtpSink::start().await;
    let app = spawn_app_with(&[
        ("mail.smtp_url", &sink.url()),
        ("site.base_url", "https://portal.test"),
    ])
    .await;
    let mut browser = Browser::new(&app);
    browser
        .post(
            "/api/account/register",
            &[("email", EMAIL), ("password", PASSWORD)],
        )
        .await;
    let link = next_mail(&app, &sink).await.link("https").expect("link");
    browser
        .post("/api/account/confirm", &[("code", &code_of(&link))])
        .await;
    let answer = sign_in(&mut browser, EMAIL, PASSWORD).await;
    let cookie = answer
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("__Host-sitzung="))
        .expect("a __Host- session cookie")
        .to_owned();
    assert!(
        cookie.contains("Secure") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    assert_eq!(browser.get("/konto").await.status, 200);
}

#[tokio::test]
async fn every_state_changing_server_function_refuses_other_sites() {
    let app = common::spawn_app().await;
    let paths: Vec<(String, http::Method)> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| (path.to_owned(), method))
        .collect();
    let posts: Vec<&String> = paths
        .iter()
        .filter(|(_, m)| *m == http::Method::POST)
        .map(|(p, _)| p)
        .collect();
    assert!(posts.len() >= 12, "{posts:?}");
    for path in posts {
        for headers in [
            vec![("sec-fetch-site", "cross-site")],
            vec![("origin", "https://evil.example")],
            vec![],
        ] {
            let mut request = http::Request::post(path.as_str())
                .header("content-type", "application/x-www-form-urlencoded");
            for (name, value) in &headers {
                request = request.header(*name, *value);
            }
            let answer = app
                .send(
                    request
                        .body(axum::body::Body::from("email=a%40b.de"))
                        .unwrap(),
                )
                .await;
            assert_eq!(answer.status, 403, "{path} {headers:?}");
        }
    }
}

#[tokio::test]
async fn without_smtp_on_loopback_mail_waits_in_the_development_outbox() {
    let app = spawn_app_with(&[("site.base_url", "http://127.0.0.1:3000")]).await;
    let mut browser = Browser::new(&app);
    let answer = browser
        .post(
            "/api/account/register",
            &[("email", EMAIL), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let outbox = browser.get("/dev/mail").await;
    assert_eq!(outbox.status, 200);
    assert!(
        outbox
            .body
            .contains("Bitte bestätigen Sie Ihre E-Mail-Adresse")
    );
    assert!(outbox.body.contains("/konto/bestaetigen?code="));
    // Not on a public address.
    let public = spawn_app_with(&[("site.base_url", "https://portal.example")]).await;
    assert_eq!(Browser::new(&public).get("/dev/mail").await.status, 404);
}

#[tokio::test]
async fn the_profile_is_checked_saved_exported_and_gives_my_place() {
    let (app, sink) = app_with_mail().await;
    serviceportal::server::seed::load_demo(&app.state.db, std::path::Path::new(common::DEMO_SEED))
        .await
        .expect("demo seed");
    let mut browser = registered(&app, &sink, EMAIL).await;
    sign_in(&mut browser, EMAIL, PASSWORD).await;
    let page = browser.get("/konto/profil").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(r#"autocomplete="given-name""#));
    let mut fields = vec![
        ("form[salutation]", "frau"),
        ("form[given_names]", "Kim Marie"),
        ("form[family_name]", "Muster"),
        ("form[birth_date]", "1984-02-30"),
        ("form[postcode]", "6611"),
        ("form[gemeinde]", "10041519"),
        ("form[language]", "de"),
    ];
    let answer = browser.post("/api/account/save-profile", &fields).await;
    assert_eq!(answer.header("location"), Some("/konto/profil#fehler"));
    let page = browser.get("/konto/profil").await;
    assert!(
        page.body
            .contains("Geben Sie ein Geburtsdatum in der Vergangenheit an")
    );
    assert!(page.body.contains("Postleitzahl mit fünf Ziffern"));
    assert!(
        page.body.contains(r#"value="Kim Marie""#),
        "typed values stay"
    );
    fields[3] = ("form[birth_date]", "1984-02-29");
    fields[4] = ("form[postcode]", "66333");
    let answer = browser.post("/api/account/save-profile", &fields).await;
    assert_eq!(answer.header("location"), Some("/konto/profil"));
    let page = browser.get("/konto/profil").await;
    assert!(page.body.contains("Ihre Daten sind gespeichert."));
    assert!(page.body.contains(r#"value="1984-02-29""#));
    assert!(page.body.contains(r#"<option value="10041519" selected"#));
    // The Gemeinde of the address is "Mein Ort" when the browser has none chosen.
    let home = browser.get("/").await;
    assert!(
        home.body.contains("Ihr Ort: Völklingen"),
        "the place comes from the profile"
    );
    // An unknown Gemeinde is refused.
    fields[5] = ("form[gemeinde]", "10099999");
    browser.post("/api/account/save-profile", &fields).await;
    let page = browser.get("/konto/profil").await;
    assert!(
        page.body
            .contains("Gemeinde: Bitte wählen Sie einen Eintrag aus der Liste.")
    );
    let export = browser.get("/konto/datenschutz/export.json").await;
    let json: serde_json::Value = serde_json::from_str(&export.body).expect("JSON");
    assert_eq!(json["profile"]["family_name"], "Muster");
    assert_eq!(json["profile"]["birth_date"], "1984-02-29");
    // Nobody else's profile can be written.
    let mut stranger = Browser::new(&app);
    let answer = stranger.call("/api/account/save-profile", &fields).await;
    assert_eq!(answer.status, 403);
}

#[tokio::test]
async fn changing_the_e_mail_address_confirms_the_new_one_and_tells_the_old_one() {
    let (app, sink) = app_with_mail().await;
    let mut browser = registered(&app, &sink, EMAIL).await;
    let _ = registered(&app, &sink, "vergeben@example.de").await;
    sign_in(&mut browser, EMAIL, PASSWORD).await;
    // Ten minutes after signing in, the password is asked for again.
    app.state.clock.advance(11 * 60);
    let answer = browser
        .post("/api/account/change-email", &[("email", "neu@example.de")])
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/bestaetigen-passwort?weiter=/konto/profil")
    );
    browser
        .post(
            "/api/account/reauthenticate",
            &[("password", PASSWORD), ("next", "/konto/profil")],
        )
        .await;
    // A taken address: its owner gets a note, nothing changes, the page says the same.
    let answer = browser
        .post(
            "/api/account/change-email",
            &[("email", "vergeben@example.de")],
        )
        .await;
    assert_eq!(answer.header("location"), Some("/konto/profil"));
    let note = next_mail(&app, &sink).await;
    assert_eq!(note.to, ["vergeben@example.de"]);
    assert_eq!(note.subject, "Sie haben bereits ein Servicekonto");

    let answer = browser
        .post("/api/account/change-email", &[("email", "Neu@Example.de")])
        .await;
    assert_eq!(answer.header("location"), Some("/konto/profil"));
    let mail = next_mail(&app, &sink).await;
    assert_eq!(mail.to, ["neu@example.de"]);
    assert_eq!(
        mail.subject,
        "Bitte bestätigen Sie Ihre neue E-Mail-Adresse"
    );
    let link = mail.link("http").expect("link");
    let page = browser.get(&local(&link)).await;
    assert!(page.body.contains("Adresse bestätigen"));
    let answer = browser
        .post("/api/account/confirm", &[("code", &code_of(&link))])
        .await;
    assert_eq!(answer.header("location"), Some("/konto"));
    let told = next_mail(&app, &sink).await;
    assert_eq!(told.to, [EMAIL]);
    assert!(told.text.contains("neu@example.de"));
    let mut other = Browser::new(&app);
    let answer = sign_in(&mut other, "neu@example.de", PASSWORD).await;
    assert_eq!(answer.header("location"), Some("/konto"));
    let answer = sign_in(&mut Browser::new(&app), EMAIL, PASSWORD).await;
    assert_eq!(answer.header("location"), Some("/konto/anmelden#fehler"));
}

#[tokio::test]
async fn account_pages_and_mails_speak_german_english_and_french() {
    let (app, sink) = app_with_mail().await;
    let mut browser = registered(&app, &sink, EMAIL).await;
    sign_in(&mut browser, EMAIL, PASSWORD).await;
    let pages = [
        "/konto",
        "/konto/profil",
        "/konto/sicherheit",
        "/konto/datenschutz",
        "/konto/bestaetigen-passwort",
    ];
    let public = [
        "/konto/registrieren",
        "/konto/registrieren/pruefen",
        "/konto/anmelden",
        "/konto/passwort-vergessen",
        "/konto/passwort-vergessen/gesendet",
        "/konto/passwort-neu?code=x",
        "/konto/bestaetigen?code=x",
    ];
    let stems = [
        "account-",
        "profile-",
        "security-",
        "event-",
        "notice-",
        "trust-",
        "salutation-",
        "register-",
        "registered-",
        "sign-in-",
        "forgot-",
        "reset-",
        "confirm-",
        "delete-",
        "export-",
        "reauth-",
        "field-error-",
        "nav-",
    ];
    for lang in ["de", "en", "fr"] {
        browser.cookies.insert("sprache".into(), lang.into());
        let mut guest = Browser::new(&app);
        guest.cookies.insert("sprache".into(), lang.into());
        for (who, path) in pages
            .iter()
            .map(|p| (0, *p))
            .chain(public.iter().map(|p| (1, *p)))
        {
            let page = if who == 0 {
                browser.get(path).await
            } else {
                guest.get(path).await
            };
            assert_eq!(page.status, 200, "{lang} {path}");
            assert!(
                page.body.contains(&format!(r#"<html lang="{lang}""#)),
                "{lang} {path}"
            );
            for stem in stems {
                assert!(
                    !page.body.contains(&format!(">{stem}")),
                    "{lang} {path}: untranslated {stem}…"
                );
            }
        }
    }
    // Mails follow the account's language.
    let fields = [("form[language]", "fr")];
    browser.post("/api/account/save-profile", &fields).await;
    Browser::new(&app)
        .post("/api/account/forgot", &[("email", EMAIL)])
        .await;
    let mail = next_mail(&app, &sink).await;
    assert!(!mail.subject.contains("Passwort"), "{}", mail.subject);
    assert!(mail.html.contains(r#"lang="fr""#));
}

#[tokio::test]
async fn create_admin_promotes_a_confirmed_account_and_audits_it() {
    use serviceportal::domain::account::Role;
    let (app, sink) = app_with_mail().await;
    let _ = registered(&app, &sink, EMAIL).await;
    let run = |email: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_serviceportal"))
            .args([
                "--config",
                concat!(env!("CARGO_MANIFEST_DIR"), "/Leptos.toml"),
            ])
            .args(["create-admin", email])
            .env("DATABASE_URL", &app.state.config.database.url)
            .output()
            .expect("run serviceportal")
    };
    let unknown = run("niemand@example.de");
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no account"));
    let promoted = run("Kim.Muster@example.de");
    assert!(
        promoted.status.success(),
        "{}",
        String::from_utf8_lossy(&promoted.stderr)
    );
    let account = storage::accounts::by_email(&app.state.db, EMAIL)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(account.role, Role::Admin);
    // The command reads the real clock, the test app a fixed one: look at every entry.
    let trail = storage::audit::for_account(&app.state.db, account.id, 10)
        .await
        .unwrap();
    assert!(trail.iter().any(|e| e.event == "role-changed"), "{trail:?}");
}

/// Sets up an authenticator app for the signed-in browser; returns the secret and the
/// recovery codes as the pages showed them.
async fn set_up_totp(app: &TestApp, browser: &mut Browser<'_>) -> (String, Vec<String>) {
    use serviceportal::server::auth::totp::code_at;
    let answer = browser.post("/api/account/totp/start", &[]).await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/sicherheit/authenticator")
    );
    let page = browser.get("/konto/sicherheit/authenticator").await;
    assert!(page.body.contains("<svg"), "a QR code");
    let secret: String = page
        .body
        .split(r#"<code class="totp-secret">"#)
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the secret for typing")
        .split_whitespace()
        .collect();
    let now = app.state.clock.now().0;
    let answer = browser
        .post("/api/account/totp/confirm", &[("code", "000000")])
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/sicherheit/authenticator#fehler")
    );
    let code = code_at(&secret, now).expect("a code");
    let answer = browser
        .post("/api/account/totp/confirm", &[("code", &code)])
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/sicherheit/wiederherstellungscodes")
    );
    let page = browser
        .get("/konto/sicherheit/wiederherstellungscodes")
        .await;
    let codes: Vec<String> = page
        .body
        .split("<li><code>")
        .skip(1)
        .filter_map(|rest| rest.split('<').next())
        .map(str::to_owned)
        .collect();
    assert_eq!(codes.len(), 10);
    let again = browser
        .get("/konto/sicherheit/wiederherstellungscodes")
        .await;
    assert!(!again.body.contains(&codes[0]), "shown once");
    (secret, codes)
}

#[tokio::test]
async fn an_authenticator_app_adds_a_second_step_to_signing_in() {
    use serviceportal::server::auth::totp::code_at;
    let (app, sink) = app_with_mail().await;
    let mut browser = registered(&app, &sink, EMAIL).await;
    sign_in(&mut browser, EMAIL, PASSWORD).await;
    let (secret, recovery) = set_up_totp(&app, &mut browser).await;
    let page = browser.get("/konto").await;
    assert!(
        page.body.contains("Substanziell"),
        "this session now has the higher trust level"
    );
    // The secret is stored encrypted.
    let stored: String = sqlx::query_scalar("SELECT secret FROM totp_credentials")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!(!stored.contains(&secret[..8]));
    browser.post("/api/account/sign-out", &[]).await;

    // Password first, then the code.
    app.state.clock.advance(30);
    let answer = sign_in(&mut browser, EMAIL, PASSWORD).await;
    assert_eq!(answer.header("location"), Some("/konto/anmelden/code"));
    assert_eq!(browser.get("/konto").await.status, 303, "not signed in yet");
    assert_eq!(browser.get("/konto/anmelden/code").await.status, 200);
    let code = code_at(&secret, app.state.clock.now().0).unwrap();
    let answer = browser
        .post("/api/account/sign-in-code", &[("code", &code)])
        .await;
    assert_eq!(answer.header("location"), Some("/konto"));
    let page = browser.get("/konto").await;
    assert!(page.body.contains("Substanziell"));
    browser.post("/api/account/sign-out", &[]).await;

    // The same code does not work twice.
    sign_in(&mut browser, EMAIL, PASSWORD).await;
    let answer = browser
        .post("/api/account/sign-in-code", &[("code", &code)])
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/anmelden/code#fehler")
    );
    let page = browser.get("/konto/anmelden/code").await;
    assert!(
        page.body
            .contains("Der Code stimmt nicht oder ist abgelaufen.")
    );
    // A recovery code works, once.
    let answer = browser
        .post(
            "/api/account/sign-in-code",
            &[("code", &recovery[0].to_uppercase())],
        )
        .await;
    assert_eq!(answer.header("location"), Some("/konto"));
    browser.post("/api/account/sign-out", &[]).await;
    sign_in(&mut browser, EMAIL, PASSWORD).await;
    let answer = browser
        .post("/api/account/sign-in-code", &[("code", &recovery[0])])
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/anmelden/code#fehler")
    );
    // Five wrong codes end the attempt: the password step comes first again.
    for _ in 0..4 {
        browser
            .post("/api/account/sign-in-code", &[("code", "123456")])
            .await;
    }
    app.state.clock.advance(30);
    let code = code_at(&secret, app.state.clock.now().0).unwrap();
    let answer = browser
        .post("/api/account/sign-in-code", &[("code", &code)])
        .await;
    assert_eq!(answer.header("location"), Some("/konto/anmelden#fehler"));
    assert_eq!(browser.get("/konto").await.status, 303, "still signed out");
}

#[tokio::test]
async fn staff_must_set_up_a_second_factor_and_cannot_remove_it() {
    use serviceportal::domain::account::Role;
    let (app, sink) = app_with_mail().await;
    let mut browser = registered(&app, &sink, EMAIL).await;
    let account = storage::accounts::by_email(&app.state.db, EMAIL)
        .await
        .unwrap()
        .unwrap();
    storage::accounts::set_role(&app.state.db, account.id, Role::Caseworker)
        .await
        .unwrap();
    sign_in(&mut browser, EMAIL, PASSWORD).await;
    for path in ["/konto", "/konto/profil", "/konto/datenschutz"] {
        let answer = browser.get(path).await;
        assert_eq!(
            answer.header("location"),
            Some("/konto/sicherheit/authenticator"),
            "{path}"
        );
    }
    let page = browser.get("/konto/sicherheit/authenticator").await;
    assert!(page.body.contains("ist ein zweiter Faktor Pflicht"));
    set_up_totp(&app, &mut browser).await;
    assert_eq!(browser.get("/konto").await.status, 200);
    let answer = browser.call("/api/account/totp/remove", &[]).await;
    assert_eq!(answer.status, 403);
    let page = browser.get("/konto/sicherheit").await;
    assert!(!page.body.contains("Authenticator-App entfernen"));
}

#[tokio::test]
async fn citizens_can_remove_the_authenticator_after_entering_the_password() {
    let (app, sink) = app_with_mail().await;
    let mut browser = registered(&app, &sink, EMAIL).await;
    sign_in(&mut browser, EMAIL, PASSWORD).await;
    set_up_totp(&app, &mut browser).await;
    app.state.clock.advance(11 * 60);
    let answer = browser.post("/api/account/totp/remove", &[]).await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/bestaetigen-passwort?weiter=/konto/sicherheit")
    );
    browser
        .post(
            "/api/account/reauthenticate",
            &[("password", PASSWORD), ("next", "/konto/sicherheit")],
        )
        .await;
    let answer = browser.post("/api/account/totp/remove", &[]).await;
    assert_eq!(answer.header("location"), Some("/konto/sicherheit"));
    browser.post("/api/account/sign-out", &[]).await;
    let answer = sign_in(&mut browser, EMAIL, PASSWORD).await;
    assert_eq!(answer.header("location"), Some("/konto"), "one step again");
}

#[tokio::test]
async fn a_password_hashed_at_an_older_cost_is_hashed_again_at_sign_in() {
    use serviceportal::server::auth::{load_pepper, password::PasswordHasher};
    use serviceportal::server::config::AccountsConfig;
    let (app, sink) = app_with_mail().await;
    let mut browser = registered(&app, &sink, EMAIL).await;
    let cheap = AccountsConfig {
        argon2_memory_kib: 8 * 1024,
        argon2_iterations: 1,
        ..app.state.config.accounts.clone()
    };
    let pepper = load_pepper(&app.state.config).expect("pepper");
    let old = PasswordHasher::new(&cheap, pepper)
        .expect("hasher")
        .hash(PASSWORD)
        .await
        .expect("hash");
    let stored = || async {
        sqlx::query_scalar::<_, String>("SELECT password_hash FROM accounts")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap()
    };
    sqlx::query("UPDATE accounts SET password_hash = $1")
        .bind(&old)
        .execute(&app.state.db.pool)
        .await
        .unwrap();

    let answer = sign_in(&mut browser, EMAIL, PASSWORD).await;
    assert_eq!(answer.header("location"), Some("/konto"));
    let now = stored().await;
    assert_ne!(now, old);
    assert!(app.state.passwords.is_current(&now), "{now}");
    // The same password still opens the account.
    browser.post("/api/account/sign-out", &[]).await;
    let answer = sign_in(&mut browser, EMAIL, PASSWORD).await;
    assert_eq!(answer.header("location"), Some("/konto"));
    assert_eq!(stored().await, now, "hashed again only once");
}

#[tokio::test]
async fn recovery_codes_can_be_renewed_and_the_old_ones_stop_working() {
    let (app, sink) = app_with_mail().await;
    let mut browser = registered(&app, &sink, EMAIL).await;
    sign_in(&mut browser, EMAIL, PASSWORD).await;
    let (_, old) = set_up_totp(&app, &mut browser).await;
    let security = browser.get("/konto/sicherheit").await;
    assert!(
        security
            .body
            .contains("Neue Wiederherstellungscodes erzeugen")
    );

    // Only with the password entered in the last ten minutes.
    app.state.clock.advance(11 * 60);
    let answer = browser.post("/api/account/totp/recovery-codes", &[]).await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/bestaetigen-passwort?weiter=/konto/sicherheit")
    );
    browser
        .post(
            "/api/account/reauthenticate",
            &[("password", PASSWORD), ("next", "/konto/sicherheit")],
        )
        .await;
    let answer = browser.post("/api/account/totp/recovery-codes", &[]).await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/sicherheit/wiederherstellungscodes")
    );
    let page = browser
        .get("/konto/sicherheit/wiederherstellungscodes")
        .await;
    let new: Vec<String> = page
        .body
        .split("<li><code>")
        .skip(1)
        .filter_map(|rest| rest.split('<').next())
        .map(str::to_owned)
        .collect();
    assert_eq!(new.len(), 10);
    assert!(new.iter().all(|c| !old.contains(c)));
    let events = browser.get("/konto/sicherheit").await;
    assert!(events.body.contains("Neue Wiederherstellungscodes erzeugt"));

    browser.post("/api/account/sign-out", &[]).await;
    sign_in(&mut browser, EMAIL, PASSWORD).await;
    let answer = browser
        .post("/api/account/sign-in-code", &[("code", &old[0])])
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/konto/anmelden/code#fehler"),
        "an old code no longer works"
    );
    let answer = browser
        .post("/api/account/sign-in-code", &[("code", &new[0])])
        .await;
    assert_eq!(answer.header("location"), Some("/konto"));
}

#[tokio::test]
async fn without_an_authenticator_there_are_no_recovery_codes_to_renew() {
    let (app, sink) = app_with_mail().await;
    let mut browser = registered(&app, &sink, EMAIL).await;
    sign_in(&mut browser, EMAIL, PASSWORD).await;
    let answer = browser.call("/api/account/totp/recovery-codes", &[]).await;
    assert_eq!(answer.status, 400);
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(count, 0);
}

/// The account forms' script posts like a plain form but wants data: refusals come back
/// as field errors to show in place (nothing typed is lost), success names the next page.
#[tokio::test]
async fn script_callers_get_field_errors_in_place_and_the_next_page_by_location() {
    use serviceportal::api::AppError;
    use serviceportal::domain::fields::ErrorCode;
    let (app, sink) = app_with_mail().await;
    let _ = registered(&app, &sink, EMAIL).await;
    let mut browser = Browser::new(&app);
    let fields = |answer: &common::Answer| match serde_json::from_str::<AppError>(&answer.body) {
        Ok(AppError::Validation { fields }) => fields
            .into_iter()
            .map(|f| (f.field, f.code))
            .collect::<Vec<_>>(),
        other => panic!("field errors expected, got {other:?}"),
    };

    // The rules the browser checks too.
    let answer = browser
        .call(
            "/api/account/sign-in",
            &[("email", "kein-at"), ("password", "")],
        )
        .await;
    assert_eq!(answer.status, 422);
    assert_eq!(answer.header("location"), None, "stay on the page");
    assert_eq!(
        fields(&answer),
        [
            ("email".to_owned(), ErrorCode::InvalidEmail),
            ("password".to_owned(), ErrorCode::Required)
        ]
    );
    // What only the server knows arrives the same way.
    let answer = browser
        .call(
            "/api/account/sign-in",
            &[("email", EMAIL), ("password", "nicht mein passwort")],
        )
        .await;
    assert_eq!(answer.status, 422);
    assert_eq!(
        fields(&answer),
        [("form".to_owned(), ErrorCode::WrongPassword)]
    );
    assert!(!browser.has_cookie("sitzung"));

    // Accepted: no redirect to follow blindly, the next page named in `Location`.
    let answer = browser
        .call(
            "/api/account/sign-in",
            &[
                ("email", EMAIL),
                ("password", PASSWORD),
                ("next", "/konto/profil"),
            ],
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.header("location"), Some("/konto/profil"));
    assert_eq!(browser.get("/konto/profil").await.status, 200, "signed in");

    // A step that needs the password again names the confirmation page.
    app.state.clock.advance(11 * 60);
    browser.get("/konto").await;
    let answer = browser
        .call("/api/account/change-email", &[("email", "neu@example.de")])
        .await;
    assert_eq!(answer.status, 403);
    assert_eq!(
        answer.header("location"),
        Some("/konto/bestaetigen-passwort?weiter=/konto/profil")
    );
}

#[tokio::test]
async fn pages_with_an_island_load_the_scripts_and_others_do_not() {
    let (app, sink) = app_with_mail().await;
    let mut browser = registered(&app, &sink, EMAIL).await;
    let mut guest = Browser::new(&app);
    guest.post("/api/account/forgot", &[("email", EMAIL)]).await;
    let reset = local(&next_mail(&app, &sink).await.link("http").expect("link"));
    for (path, island) in [
        ("/konto/registrieren", true),
        (reset.as_str(), true),
        ("/konto/anmelden", true),
        ("/konto/passwort-vergessen", true),
        ("/konto/registrieren/pruefen", true),
        ("/konto/passwort-vergessen/gesendet", false),
        ("/konto/email-zugang", true),
        ("/konto/email-zugang/gesendet", false),
    ] {
        let page = guest.get(path).await;
        assert_eq!(page.body.contains("<leptos-island"), island, "{path}");
        assert_eq!(
            page.body.contains(r#"<script type="module""#),
            island,
            "{path}"
        );
    }
    // Signed in, every page carries the session timeout warning.
    sign_in(&mut browser, EMAIL, PASSWORD).await;
    for path in ["/konto", "/konto/sicherheit", "/impressum", "/orte"] {
        let page = browser.get(path).await;
        assert!(page.body.contains("<leptos-island"), "{path}");
        assert!(page.body.contains(r#"<script type="module""#), "{path}");
        assert!(page.body.contains("Angemeldet bleiben"), "{path}");
    }
}

#[tokio::test]
async fn passkey_ceremonies_refuse_strangers_stale_states_and_garbage() {
    let (app, sink) = app_with_mail().await;
    let mut stranger = Browser::new(&app);
    let answer = stranger
        .call("/api/account/passkey/register-start", &[])
        .await;
    assert_eq!(answer.status, 403, "not signed in");
    let mut browser = registered(&app, &sink, EMAIL).await;
    sign_in(&mut browser, EMAIL, PASSWORD).await;
    let answer = browser
        .call("/api/account/passkey/register-start", &[])
        .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let start: serde_json::Value = serde_json::from_str(&answer.body).expect("JSON");
    let options: serde_json::Value =
        serde_json::from_str(start["options"].as_str().expect("options")).expect("options JSON");
    assert_eq!(options["publicKey"]["rp"]["id"], "portal.test");
    assert_eq!(
        options["publicKey"]["authenticatorSelection"]["residentKey"],
        "required"
    );
    let ceremony = start["ceremony"].as_str().expect("ceremony").to_owned();
    // Another account cannot finish it, nor can garbage.
    let mut other = registered(&app, &sink, "other@example.de").await;
    sign_in(&mut other, "other@example.de", PASSWORD).await;
    let answer = other
        .call(
            "/api/account/passkey/register-finish",
            &[("ceremony", &ceremony), ("credential", "{}"), ("name", "x")],
        )
        .await;
    assert_eq!(answer.status, 403);
    let answer = browser
        .call(
            "/api/account/passkey/register-finish",
            &[("ceremony", &ceremony), ("credential", "{}"), ("name", "x")],
        )
        .await;
    assert_eq!(answer.status, 400, "used up by the first try");
    // Ten minutes after signing in, adding a passkey needs the password again.
    app.state.clock.advance(11 * 60);
    let answer = browser
        .call("/api/account/passkey/register-start", &[])
        .await;
    assert_eq!(answer.status, 403);
    // Sign-in: options for a discoverable credential; a broken answer is refused.
    let answer = stranger
        .call("/api/account/passkey/sign-in-start", &[])
        .await;
    assert_eq!(answer.status, 200);
    let start: serde_json::Value = serde_json::from_str(&answer.body).expect("JSON");
    let ceremony = start["ceremony"].as_str().expect("ceremony").to_owned();
    let answer = stranger
        .call(
            "/api/account/passkey/sign-in-finish",
            &[("ceremony", &ceremony), ("credential", "not json")],
        )
        .await;
    assert_eq!(answer.status, 400);
    assert!(!stranger.has_cookie("sitzung"));
    // A ceremony expires after five minutes.
    let answer = stranger
        .call("/api/account/passkey/sign-in-start", &[])
        .await;
    let start: serde_json::Value = serde_json::from_str(&answer.body).expect("JSON");
    app.state.clock.advance(301);
    let answer = stranger
        .call(
            "/api/account/passkey/sign-in-finish",
            &[
                ("ceremony", start["ceremony"].as_str().unwrap()),
                ("credential", "{}"),
            ],
        )
        .await;
    assert_eq!(answer.status, 400);
}
