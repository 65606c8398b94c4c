//! The accessibility feedback form through HTTP, as browsers and attackers send it.

mod common;

use common::{Answer, TestApp, encode, spawn_app};
use serviceportal::api::AppError;
use serviceportal::server::storage::feedback;

const SAME_ORIGIN: (&str, &str) = ("sec-fetch-site", "same-origin");
/// What a browser without JavaScript sends with a form post.
const ACCEPT_HTML: (&str, &str) = ("accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");

fn body(name: &str, email: &str, page: &str, message: &str) -> String {
    format!(
        "form%5Bname%5D={}&form%5Bemail%5D={}&form%5Bpage%5D={}&form%5Bmessage%5D={}",
        encode(name),
        encode(email),
        encode(page),
        encode(message)
    )
}

async fn submit(app: &TestApp, body: String, headers: &[(&str, &str)]) -> Answer {
    app.post_form("/api/feedback/submit", body, headers).await
}

async fn stored(app: &TestApp) -> i64 {
    feedback::count(&app.state.db).await.expect("count")
}

#[tokio::test]
async fn valid_feedback_is_stored_trimmed() {
    let app = spawn_app().await;
    let answer = submit(
        &app,
        body(
            " Kim Muster ",
            "kim@example.de",
            "/suche",
            "  Der Kontrast der Links ist zu schwach.  ",
        ),
        &[SAME_ORIGIN],
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let saved = feedback::latest(&app.state.db, 10).await.expect("latest");
    assert_eq!(saved.len(), 1);
    let one = &saved[0];
    assert_eq!(one.name.as_deref(), Some("Kim Muster"));
    assert_eq!(one.email.as_deref(), Some("kim@example.de"));
    assert_eq!(one.page.as_deref(), Some("/suche"));
    assert_eq!(one.message, "Der Kontrast der Links ist zu schwach.");
    assert_eq!(one.received_at, app.state.clock.now().0);
}

#[tokio::test]
async fn optional_fields_may_stay_empty() {
    let app = spawn_app().await;
    let answer = submit(&app, body("", "", "", "Nur eine Nachricht"), &[SAME_ORIGIN]).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let saved = feedback::latest(&app.state.db, 1).await.expect("latest");
    assert_eq!(
        (
            saved[0].name.clone(),
            saved[0].email.clone(),
            saved[0].page.clone()
        ),
        (None, None, None)
    );
}

/// Each invalid field is refused with 422, named in the answer, and nothing is stored.
#[tokio::test]
async fn each_invalid_field_is_refused_and_nothing_is_stored() {
    let app = spawn_app().await;
    let cases = [
        ("name", body(&"n".repeat(201), "", "", "Text"), "too-long"),
        (
            "email",
            body("", "keine-adresse", "", "Text"),
            "invalid-email",
        ),
        ("page", body("", "", &"p".repeat(501), "Text"), "too-long"),
        ("message", body("", "", "", "   "), "required"),
        ("message", body("", "", "", &"x".repeat(5001)), "too-long"),
    ];
    for (field, request, code) in cases {
        let answer = submit(&app, request, &[SAME_ORIGIN]).await;
        assert_eq!(answer.status, 422, "{field}: {}", answer.body);
        let error: AppError = serde_json::from_str(&answer.body).expect("an AppError");
        let AppError::Validation { fields } = error else {
            panic!("{field}: not a validation error")
        };
        assert_eq!(fields.len(), 1, "{field}: {fields:?}");
        assert_eq!(fields[0].field, field);
        assert_eq!(serde_json::to_value(fields[0].code).expect("code"), code);
    }
    assert_eq!(stored(&app).await, 0);
}

#[tokio::test]
async fn a_missing_field_counts_as_empty() {
    let app = spawn_app().await;
    let answer = submit(&app, "form%5Bname%5D=Kim".into(), &[SAME_ORIGIN]).await;
    assert_eq!(answer.status, 422, "{}", answer.body);
    assert_eq!(stored(&app).await, 0);
}

#[tokio::test]
async fn an_oversized_body_is_refused_with_413() {
    let app = spawn_app().await;
    let limit = app.state.config.server.body_limit_bytes;
    let answer = submit(
        &app,
        body("", "", "", &"a".repeat(limit + 1)),
        &[SAME_ORIGIN],
    )
    .await;
    assert_eq!(answer.status, 413);
    assert_eq!(stored(&app).await, 0);
}

#[tokio::test]
async fn cross_origin_posts_are_refused() {
    let app = spawn_app().await;
    let valid = || body("", "", "", "Angriff");
    let cases: [&[(&str, &str)]; 5] = [
        &[("sec-fetch-site", "cross-site")],
        &[("sec-fetch-site", "same-site")],
        &[("sec-fetch-site", "cross-site"), ("origin", common::ORIGIN)],
        &[("origin", "https://evil.example")],
        &[],
    ];
    for headers in cases {
        let answer = submit(&app, valid(), headers).await;
        assert_eq!(answer.status, 403, "{headers:?}");
    }
    // Browsers without fetch metadata are recognized by their Origin.
    let answer = submit(&app, valid(), &[("origin", common::ORIGIN)]).await;
    assert_eq!(answer.status, 200);
    assert_eq!(stored(&app).await, 1);
}

#[tokio::test]
async fn other_content_types_and_broken_bodies_are_client_errors() {
    let app = spawn_app().await;
    let request = http::Request::post("/api/feedback/submit")
        .header("content-type", "application/json")
        .header("sec-fetch-site", "same-origin")
        .body(axum::body::Body::from(r#"{"form":{"message":"x"}}"#))
        .expect("request");
    assert_eq!(app.send(request).await.status, 415);

    // The message as a nested map instead of text: the arguments cannot be decoded.
    let answer = submit(&app, "form%5Bmessage%5D%5Bdeep%5D=1".into(), &[SAME_ORIGIN]).await;
    assert!(answer.status.is_client_error(), "got {}", answer.status);
    assert!(
        !answer.body.contains("serde"),
        "internals leaked: {}",
        answer.body
    );
    assert_eq!(stored(&app).await, 0);
}

#[tokio::test]
async fn without_javascript_a_valid_post_redirects_to_the_thanks_page() {
    let app = spawn_app().await;
    let answer = submit(
        &app,
        body("", "", "", "Alles gut"),
        &[SAME_ORIGIN, ACCEPT_HTML],
    )
    .await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.header("location"), Some("/barrierefreiheit/danke"));
    assert_eq!(stored(&app).await, 1);
    let page = app.get("/barrierefreiheit/danke", &[]).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Vielen Dank für Ihre Rückmeldung"));
}

/// Without JavaScript a refused post comes back to the form with the errors and every
/// typed value, and the title starts with "Fehler:".
#[tokio::test]
async fn without_javascript_a_refused_post_keeps_what_was_typed() {
    let app = spawn_app().await;
    let answer = submit(
        &app,
        body("Kim \"Muster\"", "kaputt@", "/start", ""),
        &[SAME_ORIGIN, ACCEPT_HTML],
    )
    .await;
    assert_eq!(answer.status, 303);
    assert_eq!(
        answer.header("location"),
        Some("/barrierefreiheit#feedback-errors")
    );
    let cookie = answer.cookie("formular").expect("a flash cookie");
    assert!(
        answer
            .headers
            .get_all("set-cookie")
            .iter()
            .any(|v| v.to_str().unwrap_or("").contains("HttpOnly"))
    );
    assert_eq!(stored(&app).await, 0);

    let page = app
        .get("/barrierefreiheit", &[("cookie", &cookie), ACCEPT_HTML])
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("<title>Fehler: Erklärung zur Barrierefreiheit"),
        "title"
    );
    assert!(
        page.body.contains("Geben Sie Ihre Nachricht ein."),
        "message error"
    );
    assert!(
        page.body
            .contains("Geben Sie eine E-Mail-Adresse im richtigen Format ein"),
        "email error"
    );
    assert!(
        page.body.contains(r#"value="kaputt@""#),
        "typed e-mail kept"
    );
    assert!(
        page.body.contains("Kim &quot;Muster&quot;"),
        "typed name kept, escaped"
    );
    assert!(
        page.body.contains(r##"href="#feedback-message""##),
        "summary links to the field"
    );

    // Another browser (no cookie) sees a clean form.
    let other = app.get("/barrierefreiheit", &[ACCEPT_HTML]).await;
    assert!(!other.body.contains("kaputt@"));
    assert!(other.body.contains("<title>Erklärung zur Barrierefreiheit"));
}

#[tokio::test]
async fn a_flash_expires_after_ten_minutes() {
    let app = spawn_app().await;
    let answer = submit(&app, body("", "weg@", "", ""), &[SAME_ORIGIN, ACCEPT_HTML]).await;
    let cookie = answer.cookie("formular").expect("a flash cookie");
    app.state.clock.advance(601);
    let page = app
        .get("/barrierefreiheit", &[("cookie", &cookie), ACCEPT_HTML])
        .await;
    assert!(!page.body.contains("weg@"));
}
