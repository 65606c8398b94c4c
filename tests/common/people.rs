//! The people of the back-office tests: citizens who apply, caseworkers of an authority
//! (with a confirmed second factor and a session that used it), admins.

use super::TestApp;
use super::browser::Browser;
use serviceportal::domain::account::{Role, TrustLevel};
use serviceportal::domain::locale::Locale;
use serviceportal::server::auth::{ClientIp, session};
use serviceportal::server::storage;

pub const PASSWORD: &str = "ein langer satz als passwort";
pub const SERVICE: &str = "meldebescheinigung-beantragen";
/// Saarbrücken.
pub const GEMEINDE: &str = "10041100";
/// Homburg (Saarpfalz-Kreis): another Gemeinde, so another authority.
pub const OTHER_GEMEINDE: &str = "10045114";

/// A confirmed account with a password; returns its id.
pub async fn account(app: &TestApp, email: &str, role: Role) -> i64 {
    let hash = app.state.passwords.hash(PASSWORD).await.expect("hash");
    let now = app.state.clock.now();
    let id = storage::accounts::create(&app.state.db, email, &hash, role, Locale::De, now)
        .await
        .expect("create")
        .expect("new");
    storage::accounts::mark_verified(&app.state.db, id, now)
        .await
        .expect("confirm");
    id
}

/// A browser signed in as `account_id` at `trust` (as after the password, or after the
/// second factor).
pub async fn signed_in<'a>(
    app: &'a TestApp,
    account_id: i64,
    trust: TrustLevel,
    ip: u8,
) -> Browser<'a> {
    let mut browser = Browser::from_ip(app, [10, 0, 1, ip]);
    let cookie = session::start(
        &app.state,
        None,
        account_id,
        trust,
        &ClientIp(Some(browser.ip)),
        Some("Testbrowser/1.0"),
        app.state.clock.now(),
    )
    .await
    .expect("session");
    let pair = cookie.split(';').next().expect("cookie");
    let (name, value) = pair.split_once('=').expect("name=value");
    browser.cookies.insert(name.to_owned(), value.to_owned());
    browser
}

/// A citizen, signed in with the password.
pub async fn citizen<'a>(app: &'a TestApp, email: &str, ip: u8) -> (i64, Browser<'a>) {
    let id = account(app, email, Role::Citizen).await;
    (id, signed_in(app, id, TrustLevel::Basic, ip).await)
}

/// Gives the account a confirmed authenticator (staff must have one).
pub async fn with_second_factor(app: &TestApp, account_id: i64) {
    let now = app.state.clock.now();
    storage::second_factor::start_totp(&app.state.db, account_id, "sealed", now)
        .await
        .expect("start");
    storage::second_factor::confirm_totp(&app.state.db, account_id, 1, &[], now)
        .await
        .expect("confirm");
}

/// A caseworker of `authority`, signed in with the second factor.
pub async fn caseworker<'a>(
    app: &'a TestApp,
    email: &str,
    authority: &str,
    ip: u8,
) -> (i64, Browser<'a>) {
    let id = account(app, email, Role::Citizen).await;
    storage::members::add(&app.state.db, id, authority, app.state.clock.now())
        .await
        .expect("member");
    with_second_factor(app, id).await;
    (id, signed_in(app, id, TrustLevel::Substantial, ip).await)
}

/// An admin (member of no authority), signed in with the second factor.
pub async fn admin<'a>(app: &'a TestApp, email: &str, ip: u8) -> (i64, Browser<'a>) {
    let id = account(app, email, Role::Admin).await;
    with_second_factor(app, id).await;
    (id, signed_in(app, id, TrustLevel::Substantial, ip).await)
}

/// The authority responsible for the Meldebescheinigung in `gemeinde`.
pub async fn authority_for(app: &TestApp, gemeinde: &str) -> String {
    let ags = serviceportal::domain::region::Ags::parse(gemeinde).expect("ags");
    storage::catalogue::responsible_authority(&app.state.db, SERVICE, &ags)
        .await
        .expect("lookup")
        .expect("an authority")
        .id
}

async fn step(browser: &mut Browser<'_>, step: &str, fields: &[(&str, &str)]) {
    let mut all = vec![("service", SERVICE), ("step", step), ("action", "weiter")];
    let named: Vec<(String, &str)> = fields
        .iter()
        .map(|(k, v)| (format!("a[{k}]"), *v))
        .collect();
    all.extend(named.iter().map(|(k, v)| (k.as_str(), *v)));
    let answer = browser.post("/api/applications/save-step", &all).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
}

/// Applies for a Meldebescheinigung for `gemeinde` as `given family`; returns the
/// reference number.
pub async fn apply(browser: &mut Browser<'_>, family: &str, gemeinde: &str) -> String {
    browser
        .post("/api/applications/start", &[("service", SERVICE)])
        .await;
    step(
        browser,
        "bescheinigung",
        &[("art", "einfach"), ("anzahl", "1")],
    )
    .await;
    step(
        browser,
        "person",
        &[
            ("given_names", "Kim"),
            ("family_name", family),
            ("birth_date", "1980-12-24"),
            ("anschrift.street", "Am Markt"),
            ("anschrift.house_number", "1"),
            ("anschrift.postcode", "66111"),
            ("anschrift.city", "Saarbrücken"),
        ],
    )
    .await;
    step(browser, "zustellung", &[("zustellung", "post")]).await;
    let check = browser.get(&format!("/antrag/{SERVICE}/pruefen")).await;
    let key = check
        .body
        .split(r#"name="key" value=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the idempotency key")
        .to_owned();
    let answer = browser
        .post(
            "/api/applications/submit",
            &[
                ("service", SERVICE),
                ("key", &key),
                ("gemeinde", gemeinde),
                ("declaration", "ja"),
            ],
        )
        .await;
    let location = answer.header("location").unwrap_or_default().to_owned();
    location
        .strip_prefix("/antraege/")
        .unwrap_or_else(|| panic!("submitted: {location} {}", answer.body))
        .to_owned()
}

/// The current status of an application, as stored.
pub async fn status_of(app: &TestApp, reference: &str) -> String {
    sqlx::query_scalar("SELECT status FROM applications WHERE reference = $1")
        .bind(reference)
        .fetch_one(&app.state.db.pool)
        .await
        .expect("status")
}

/// A minimal PDF (judged a PDF by its content).
pub const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
