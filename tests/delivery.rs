//! Delivery to the authorities' specialist systems: signed webhooks at least once against
//! a receiver that fails, times out and sees a delivery twice (each submission accepted
//! exactly once); the dead-letter list and its retry; pulling with API keys (scopes,
//! another authority's key, revocation), acknowledging, and status changes and messages
//! back into the portal. Runs on SQLite and (with `TEST_DATABASE_URL`) on PostgreSQL.

mod common;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use common::people::{
    GEMEINDE, OTHER_GEMEINDE, PDF, admin, apply, authority_for, citizen, status_of,
};
use common::{TestApp, spawn_app_with};
use serviceportal::server::auth::totp;
use serviceportal::server::storage;
use serviceportal::server::webhooks::{MAX_ATTEMPTS, backoff, deliver_due, signature};
use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const SECRET: &str = "webhook-signing-key-of-the-test";

async fn app() -> TestApp {
    let app = spawn_app_with(&[("backoffice.webhook_timeout_secs", "1")]).await;
    serviceportal::server::seed::load_demo(&app.state.db, std::path::Path::new(common::DEMO_SEED))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    app
}

/// What the test receiver does with the next request.
#[derive(Clone, Copy, Debug)]
enum Then {
    Fail,
    /// Takes the submission, then answers too late.
    AcceptSlowly,
    Accept,
}

#[derive(Default)]
struct Receiver {
    plan: VecDeque<Then>,
    /// Requests with a valid signature; the submissions taken (each once).
    requests: usize,
    bad_signatures: usize,
    accepted: BTreeMap<(String, String), usize>,
    delivery_ids: Vec<i64>,
}

type Shared = Arc<Mutex<Receiver>>;

async fn receive(State(shared): State<Shared>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let timestamp: i64 = header("x-portal-timestamp").parse().unwrap_or_default();
    let valid = header("x-portal-signature") == signature(SECRET.as_bytes(), timestamp, &body);
    let payload: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    let id = payload["submission"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let event = payload["event"].as_str().unwrap_or_default().to_owned();
    let then = {
        let mut r = shared.lock().expect("lock");
        if !valid {
            r.bad_signatures += 1;
            return StatusCode::UNAUTHORIZED;
        }
        r.requests += 1;
        r.delivery_ids
            .push(payload["delivery_id"].as_i64().unwrap_or_default());
        let then = r.plan.pop_front().unwrap_or(Then::Accept);
        if !matches!(then, Then::Fail) {
            // Idempotent by the submission id and the event: a repeat is not taken again.
            r.accepted.entry((id, event)).or_insert(1);
        }
        then
    };
    match then {
        Then::Fail => StatusCode::INTERNAL_SERVER_ERROR,
        Then::AcceptSlowly => {
            tokio::time::sleep(Duration::from_secs(3)).await;
            StatusCode::OK
        }
        Then::Accept => StatusCode::OK,
    }
}

/// A receiver on a free port of this machine; returns its address and state.
async fn receiver(plan: &[Then]) -> (String, Shared) {
    let shared: Shared = Arc::new(Mutex::new(Receiver {
        plan: plan.iter().copied().collect(),
        ..Receiver::default()
    }));
    let router = axum::Router::new()
        .route("/eingang", axum::routing::post(receive))
        .with_state(shared.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    (format!("http://{address}/eingang"), shared)
}

async fn set_webhook(app: &TestApp, authority: &str, url: &str) {
    let sealed = totp::seal(&app.state.secret_key, SECRET).expect("seal");
    storage::delivery::set_webhook(
        &app.state.db,
        authority,
        Some(&storage::delivery::Webhook {
            url: url.to_owned(),
            sealed_secret: sealed,
        }),
        app.state.clock.now(),
    )
    .await
    .expect("webhook");
}

async fn delivery_state(app: &TestApp, reference: &str) -> (i64, Option<i64>, Option<i64>) {
    sqlx::query_as(
        "SELECT d.attempts, d.delivered_at, d.failed_at FROM deliveries d \
         JOIN applications a ON a.id = d.application_id WHERE a.reference = $1 AND d.event = 'submitted'",
    )
    .bind(reference)
    .fetch_one(&app.state.db.pool)
    .await
    .expect("delivery")
}

#[tokio::test]
async fn a_flaky_receiver_gets_each_submission_exactly_once() {
    let app = app().await;
    let authority = authority_for(&app, GEMEINDE).await;
    let (url, shared) = receiver(&[Then::Fail, Then::AcceptSlowly, Then::Accept]).await;
    set_webhook(&app, &authority, &url).await;
    let (kim_id, mut kim) = citizen(&app, "kim@example.de", 1).await;
    let reference = apply(&mut kim, "Muster", GEMEINDE).await;

    // 1: the receiver fails; 2: it takes the submission but answers after the timeout;
    // 3: the repeat is taken as the same submission and answered in time.
    let run = deliver_due(&app.state).await.expect("run");
    assert_eq!((run.delivered, run.failed), (0, 1));
    let run = deliver_due(&app.state).await.expect("run");
    assert_eq!(run.failed + run.delivered, 0, "not due before the backoff");
    app.state.clock.advance(backoff(1));
    let run = deliver_due(&app.state).await.expect("run");
    assert_eq!(
        (run.delivered, run.failed),
        (0, 1),
        "the slow answer counts as failed"
    );
    app.state.clock.advance(backoff(2));
    let run = deliver_due(&app.state).await.expect("run");
    assert_eq!(run.delivered, 1);

    let (attempts, delivered, failed) = delivery_state(&app, &reference).await;
    assert_eq!((attempts, delivered.is_some(), failed), (3, true, None));
    {
        let r = shared.lock().expect("lock");
        assert_eq!(r.bad_signatures, 0);
        assert_eq!(r.requests, 3);
        assert_eq!(
            r.accepted.keys().cloned().collect::<Vec<_>>(),
            [(reference.clone(), "submitted".to_owned())],
            "taken once"
        );
        assert!(
            r.delivery_ids.windows(2).all(|w| w[0] == w[1]),
            "the same delivery id"
        );
    }
    // Delivered is delivered: nothing goes out again.
    app.state.clock.advance(86_400);
    assert_eq!(deliver_due(&app.state).await.expect("run").delivered, 0);
    assert_eq!(shared.lock().expect("lock").requests, 3);

    // The applicant's withdrawal follows as its own event.
    let basic = serviceportal::domain::account::TrustLevel::Basic;
    let mut kim = common::people::signed_in(&app, kim_id, basic, 1).await;
    kim.post(
        "/api/mailbox/withdraw",
        &[("reference", &reference), ("confirm", "ja")],
    )
    .await;
    assert_eq!(deliver_due(&app.state).await.expect("run").delivered, 1);
    assert!(
        shared
            .lock()
            .expect("lock")
            .accepted
            .contains_key(&(reference, "withdrawn".to_owned()))
    );
}

#[tokio::test]
async fn deliveries_that_keep_failing_end_in_the_dead_letter_list_and_can_be_retried() {
    let app = app().await;
    let authority = authority_for(&app, GEMEINDE).await;
    let plan = vec![Then::Fail; MAX_ATTEMPTS as usize];
    let (url, shared) = receiver(&plan).await;
    set_webhook(&app, &authority, &url).await;
    let (_, mut kim) = citizen(&app, "kim@example.de", 1).await;
    let reference = apply(&mut kim, "Muster", GEMEINDE).await;
    for attempt in 1..=MAX_ATTEMPTS {
        let run = deliver_due(&app.state).await.expect("run");
        assert_eq!(run.failed + run.given_up, 1, "attempt {attempt}");
        app.state.clock.advance(backoff(attempt));
    }
    let (attempts, delivered, failed) = delivery_state(&app, &reference).await;
    assert_eq!((attempts, delivered), (MAX_ATTEMPTS, None));
    assert!(failed.is_some(), "given up");
    assert_eq!(
        deliver_due(&app.state).await.expect("run").failed,
        0,
        "no more tries"
    );

    // The admin sees it and sends it again; now the receiver takes it.
    let (_, mut admin) = admin(&app, "admin@land.example", 3).await;
    let page = admin.get("/verwaltung").await;
    assert!(page.body.contains(&reference), "{}", page.body);
    assert!(page.body.contains("the receiver answered 500"));
    let id: i64 = sqlx::query_scalar("SELECT id FROM deliveries WHERE failed_at IS NOT NULL")
        .fetch_one(&app.state.db.pool)
        .await
        .expect("dead letter");
    let answer = admin
        .post("/api/admin/retry-delivery", &[("id", &id.to_string())])
        .await;
    assert_eq!(answer.header("location"), Some("/verwaltung"));
    assert_eq!(deliver_due(&app.state).await.expect("run").delivered, 1);
    assert_eq!(shared.lock().expect("lock").accepted.len(), 1);
    assert!(!admin.get("/verwaltung").await.body.contains(&reference));
}

/// A key made on the admin page (shown once), for `authority` with `scopes`.
async fn key(admin: &mut common::browser::Browser<'_>, authority: &str, scopes: &[&str]) -> String {
    let mut fields = vec![("authority", authority), ("name", "Fachverfahren")];
    let names: Vec<String> = scopes.iter().map(|s| format!("scope_{s}")).collect();
    fields.extend(names.iter().map(|n| (n.as_str(), "ja")));
    let answer = admin.post("/api/admin/create-key", &fields).await;
    assert_eq!(
        answer.header("location"),
        Some("/verwaltung"),
        "{}",
        answer.body
    );
    let page = admin.get("/verwaltung").await;
    let key = page
        .body
        .split(r#"<code class="secret">"#)
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the key, shown once")
        .to_owned();
    assert!(
        !admin.get("/verwaltung").await.body.contains(&key),
        "only once"
    );
    key
}

async fn api(
    app: &TestApp,
    method: &str,
    path: &str,
    key: Option<&str>,
    json: Option<serde_json::Value>,
) -> common::Answer {
    let mut request = http::Request::builder().method(method).uri(path);
    if let Some(key) = key {
        request = request.header("authorization", format!("Bearer {key}"));
    }
    let body = match json {
        Some(json) => {
            request = request.header("content-type", "application/json");
            axum::body::Body::from(json.to_string())
        }
        None => axum::body::Body::empty(),
    };
    app.send(request.body(body).expect("request")).await
}

#[tokio::test]
async fn specialist_systems_pull_acknowledge_and_answer_with_scoped_keys() {
    let app = app().await;
    let here = authority_for(&app, GEMEINDE).await;
    let there = authority_for(&app, OTHER_GEMEINDE).await;
    let (_, mut kim) = citizen(&app, "kim@example.de", 1).await;
    let reference = apply(&mut kim, "Muster", GEMEINDE).await;
    // A file in the thread, to fetch with its checksum.
    kim.post_multipart(
        "/api/mailbox/reply",
        &[
            ("reference", &reference),
            ("subject", "Nachweis"),
            ("body", "Anbei."),
        ],
        &[("file", "nachweis.pdf", PDF)],
    )
    .await;
    let (_, mut admin) = admin(&app, "admin@land.example", 3).await;
    let reader = key(&mut admin, &here, &["read"]).await;
    let writer = key(&mut admin, &here, &["status", "messages"]).await;
    let stranger = key(&mut admin, &there, &["read", "status", "messages"]).await;
    let list = "/api/v1/submissions";
    let one = format!("/api/v1/submissions/{reference}");

    assert_eq!(api(&app, "GET", list, None, None).await.status, 401);
    assert_eq!(
        api(&app, "GET", list, Some("sp_wrong"), None).await.status,
        401
    );
    assert_eq!(
        api(&app, "GET", list, Some(&writer), None).await.status,
        403
    );

    let answer = api(&app, "GET", list, Some(&reader), None).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let doc: serde_json::Value = serde_json::from_str(&answer.body).expect("json");
    let item = &doc["items"][0];
    assert_eq!(item["id"], reference.as_str());
    assert_eq!(item["status"], "submitted");
    assert_eq!(item["form"]["id"], "meldebescheinigung");
    assert_eq!(item["answers"]["family_name"], "Muster");
    assert_eq!(item["applicant"]["email"], "kim@example.de");
    assert_eq!(item["messages"][0]["body"], "Anbei.");
    let file = &item["attachments"][0];
    let url = file["url"].as_str().expect("url");
    let path = url.strip_prefix(common::ORIGIN).expect("local");
    let bytes = api(&app, "GET", path, Some(&reader), None).await;
    assert_eq!(bytes.status, 200);
    assert_eq!(
        file["sha256"].as_str(),
        Some(serviceportal::api::uploads::sha256(PDF).as_str())
    );
    assert!(bytes.body.starts_with("%PDF-"));

    // Another authority's key sees nothing of it.
    let other = api(&app, "GET", list, Some(&stranger), None).await;
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&other.body).expect("json")["items"],
        serde_json::json!([])
    );
    assert_eq!(
        api(&app, "GET", &one, Some(&stranger), None).await.status,
        404
    );
    assert_eq!(
        api(&app, "POST", &format!("{one}/ack"), Some(&stranger), None)
            .await
            .status,
        404
    );
    assert_eq!(
        api(&app, "GET", path, Some(&stranger), None).await.status,
        404
    );
    // …and can neither move it on nor write to the applicant.
    for (path, json) in [
        (
            format!("{one}/status"),
            serde_json::json!({"status": "in-progress"}),
        ),
        (
            format!("{one}/messages"),
            serde_json::json!({"subject": "Fremd", "body": "Hallo"}),
        ),
    ] {
        let answer = api(&app, "POST", &path, Some(&stranger), Some(json)).await;
        assert_eq!(answer.status, 404, "{path}");
    }
    assert_eq!(status_of(&app, &reference).await, "submitted");

    // Acknowledged: out of the list, twice harmless.
    assert_eq!(
        api(&app, "POST", &format!("{one}/ack"), Some(&reader), None)
            .await
            .status,
        204
    );
    assert_eq!(
        api(&app, "POST", &format!("{one}/ack"), Some(&reader), None)
            .await
            .status,
        204
    );
    let answer = api(&app, "GET", list, Some(&reader), None).await;
    assert!(!answer.body.contains(&reference));
    assert_eq!(
        api(&app, "GET", &one, Some(&reader), None).await.status,
        200
    );

    // Back into the portal: the workflow decides what is possible.
    let status = format!("{one}/status");
    let answer = api(
        &app,
        "POST",
        &status,
        Some(&reader),
        Some(serde_json::json!({"status": "in-progress"})),
    )
    .await;
    assert_eq!(answer.status, 403, "a read key cannot");
    let answer = api(
        &app,
        "POST",
        &status,
        Some(&writer),
        Some(serde_json::json!({"status": "in-progress"})),
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(status_of(&app, &reference).await, "in-progress");
    let answer = api(
        &app,
        "POST",
        &status,
        Some(&writer),
        Some(serde_json::json!({"status": "approved"})),
    )
    .await;
    assert_eq!(answer.status, 400, "a decision needs a message");
    let answer = api(
        &app,
        "POST",
        &status,
        Some(&writer),
        Some(serde_json::json!({"status": "bewilligt"})),
    )
    .await;
    assert_eq!(answer.status, 400);
    let answer = api(
        &app,
        "POST",
        &status,
        Some(&writer),
        Some(serde_json::json!({"status": "approved", "message": {"subject": "Bescheid", "body": "Ihre Bescheinigung liegt bereit."}})),
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(status_of(&app, &reference).await, "approved");
    let thread = kim.get(&format!("/postfach/{reference}")).await;
    assert!(thread.body.contains("Ihre Bescheinigung liegt bereit."));
    assert!(thread.body.contains("Fachverfahren"), "who wrote it");
    let answer = api(
        &app,
        "POST",
        &status,
        Some(&writer),
        Some(serde_json::json!({"status": "in-progress"})),
    )
    .await;
    assert_eq!(answer.status, 409, "decided is decided");
    let answer = api(
        &app,
        "POST",
        &format!("{one}/messages"),
        Some(&writer),
        Some(serde_json::json!({"subject": "Noch etwas", "body": "Hallo"})),
    )
    .await;
    assert_eq!(answer.status, 409, "a closed case takes no messages");
    let answer = api(
        &app,
        "POST",
        &format!("{one}/messages"),
        Some(&writer),
        Some(serde_json::json!({"subject": 1})),
    )
    .await;
    assert_eq!(answer.status, 400);

    // Not JSON: refused before anything reads it.
    let request = http::Request::post(format!("{one}/messages"))
        .header("authorization", format!("Bearer {writer}"))
        .header("content-type", "text/plain")
        .body(axum::body::Body::from("subject=x"))
        .expect("request");
    assert_eq!(app.send(request).await.status, 415);

    // Revoked: at once.
    let id: i64 =
        sqlx::query_scalar("SELECT id FROM api_keys WHERE authority_id = $1 AND scopes = 'read'")
            .bind(&here)
            .fetch_one(&app.state.db.pool)
            .await
            .expect("key");
    let answer = admin
        .post(
            "/api/admin/revoke-key",
            &[("authority", &here), ("id", &id.to_string())],
        )
        .await;
    assert_eq!(answer.header("location"), Some("/verwaltung"));
    assert_eq!(
        api(&app, "GET", list, Some(&reader), None).await.status,
        401
    );
    // Keys are kept as hashes only.
    let stored: Vec<String> = sqlx::query_scalar("SELECT key_hash FROM api_keys")
        .fetch_all(&app.state.db.pool)
        .await
        .expect("hashes");
    assert!(
        stored
            .iter()
            .all(|h| h.len() == 64 && !h.starts_with("sp_"))
    );

    // The OpenAPI document describes it all.
    let doc = app.get("/api/v1/openapi.json", &[]).await;
    for path in [
        "/api/v1/submissions",
        "/api/v1/submissions/{id}/ack",
        "/api/v1/submissions/{id}/status",
        "WebhookPayload",
    ] {
        assert!(doc.body.contains(path), "{path}");
    }
}
