//! The back office and the Postfach without JavaScript, over HTTP: a case from the inbox
//! through a query and the applicant's answer to the decision with a Bescheid; the
//! workflow's refusals; withdrawal; the inbox's filters; statistics. Runs on SQLite and
//! (with `TEST_DATABASE_URL`) on PostgreSQL.

mod common;

use common::people::{
    GEMEINDE, OTHER_GEMEINDE, PDF, apply, authority_for, caseworker, citizen, status_of,
};
use common::spawn_seeded_app;

async fn mails_to(app: &common::TestApp, to: &str) -> Vec<(String, String)> {
    sqlx::query_as("SELECT subject, text_body FROM mail_queue WHERE recipient = $1 ORDER BY id")
        .bind(to)
        .fetch_all(&app.state.db.pool)
        .await
        .expect("mails")
}

/// The id of the first link to `prefix…` in a page.
fn link_id(body: &str, prefix: &str) -> String {
    body.split(prefix)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no link {prefix} in the page"))
        .to_owned()
}

#[tokio::test]
async fn a_case_goes_from_the_inbox_through_a_query_to_a_decision() {
    let app = spawn_seeded_app().await;
    let authority = authority_for(&app, GEMEINDE).await;
    let (_, mut kim) = citizen(&app, "kim@example.de", 1).await;
    let reference = apply(&mut kim, "Muster", GEMEINDE).await;
    let (_, mut clerk) = caseworker(&app, "clerk@stadt.example", &authority, 2).await;

    // The inbox lists it, finds it by name and by reference, and counts it as received.
    let inbox = clerk.get("/behoerde").await;
    assert_eq!(inbox.status, 200, "{}", inbox.body);
    assert!(inbox.body.contains(&reference), "{}", inbox.body);
    assert!(inbox.body.contains("Kim Muster"));
    assert!(inbox.body.contains("Eingegangen (1)"), "{}", inbox.body);
    assert!(
        clerk
            .get("/behoerde?suche=muster")
            .await
            .body
            .contains(&reference)
    );
    assert!(
        clerk
            .get(&format!("/behoerde?suche={reference}"))
            .await
            .body
            .contains(&reference)
    );
    assert!(
        !clerk
            .get("/behoerde?suche=schmidt")
            .await
            .body
            .contains(&reference)
    );
    assert!(
        !clerk
            .get("/behoerde?status=query")
            .await
            .body
            .contains(&reference)
    );

    // Assign, pick up.
    let case = format!("/behoerde/vorgaenge/{reference}");
    let page = clerk.get(&case).await;
    assert!(
        page.body.contains("Am Markt 1, 66111 Saarbrücken"),
        "{}",
        page.body
    );
    let answer = clerk
        .post(
            "/api/backoffice/assign",
            &[("reference", &reference), ("to", "ich")],
        )
        .await;
    assert_eq!(answer.header("location"), Some(case.as_str()));
    assert!(
        clerk
            .get("/behoerde?zustaendig=meine")
            .await
            .body
            .contains(&reference)
    );
    assert!(
        !clerk
            .get("/behoerde?zustaendig=niemand")
            .await
            .body
            .contains(&reference)
    );
    let answer = clerk
        .post(
            "/api/backoffice/status",
            &[("reference", &reference), ("status", "in-progress")],
        )
        .await;
    assert_eq!(
        answer.header("location"),
        Some(case.as_str()),
        "{}",
        answer.body
    );
    assert_eq!(status_of(&app, &reference).await, "in-progress");

    // A note stays internal.
    clerk
        .post(
            "/api/backoffice/note",
            &[
                ("reference", &reference),
                ("note", "Meldeadresse im Register prüfen"),
            ],
        )
        .await;
    assert!(
        clerk
            .get(&case)
            .await
            .body
            .contains("Meldeadresse im Register prüfen")
    );

    // Ask back: the applicant gets a mail without the content, and the message.
    let answer = clerk
        .post_multipart(
            "/api/backoffice/message",
            &[
                ("reference", &reference),
                ("status", "query"),
                ("subject", "Nachweis fehlt"),
                ("body", "Bitte senden Sie uns den Mietvertrag."),
            ],
            &[],
        )
        .await;
    assert_eq!(
        answer.header("location"),
        Some(format!("{case}#nachrichten").as_str()),
        "{}",
        answer.body
    );
    assert_eq!(status_of(&app, &reference).await, "query");
    let mails = mails_to(&app, "kim@example.de").await;
    let (subject, body) = mails.last().expect("a mail");
    assert!(subject.contains(&reference), "{subject}");
    assert!(
        !body.contains("Mietvertrag"),
        "no content in the mail: {body}"
    );
    assert!(body.contains(&format!("/postfach/{reference}")));
    let home = kim.get("/").await;
    assert!(
        home.body.contains("Postfach (1 ungelesen)"),
        "{}",
        home.body
    );
    let thread = kim.get(&format!("/postfach/{reference}")).await;
    assert!(
        thread
            .body
            .contains("Bitte senden Sie uns den Mietvertrag.")
    );
    assert!(thread.body.contains("Die Behörde wartet auf Ihre Antwort"));
    assert!(
        !thread.body.contains("Meldeadresse im Register"),
        "notes stay internal"
    );
    assert!(!kim.get("/").await.body.contains("ungelesen"), "read now");

    // The answer with a file: back to the authority.
    let answer = kim
        .post_multipart(
            "/api/mailbox/reply",
            &[
                ("reference", &reference),
                ("subject", "Antwort auf Ihre Rückfrage"),
                ("body", "Anbei der Mietvertrag."),
            ],
            &[("file", "mietvertrag.pdf", PDF)],
        )
        .await;
    assert_eq!(
        answer.header("location"),
        Some(format!("/postfach/{reference}").as_str()),
        "{}",
        answer.body
    );
    assert_eq!(status_of(&app, &reference).await, "in-progress");
    let page = clerk.get(&case).await;
    assert!(page.body.contains("Anbei der Mietvertrag."));
    assert!(page.body.contains("mietvertrag.pdf"));
    let file = link_id(&page.body, "/behoerde/anlagen/");
    let download = clerk.get(&format!("/behoerde/anlagen/{file}")).await;
    assert_eq!(download.status, 200);
    assert!(download.body.starts_with("%PDF-"));
    assert!(
        download
            .header("content-disposition")
            .is_some_and(|d| d.starts_with("attachment"))
    );
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE event = 'case-file-downloaded' AND detail LIKE $1",
    )
    .bind(format!("{reference}%"))
    .fetch_one(&app.state.db.pool)
    .await
    .expect("audit");
    assert_eq!(audited, 1);

    // The decision with the Bescheid as PDF.
    let answer = clerk
        .post_multipart(
            "/api/backoffice/message",
            &[
                ("reference", &reference),
                ("status", "approved"),
                ("subject", "Ihre Meldebescheinigung"),
                ("body", "Anbei Ihre Meldebescheinigung."),
            ],
            &[("file", "bescheid.pdf", PDF)],
        )
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(status_of(&app, &reference).await, "approved");
    let thread = kim.get(&format!("/postfach/{reference}")).await;
    assert!(thread.body.contains("Anbei Ihre Meldebescheinigung."));
    assert!(thread.body.contains("Bewilligt"));
    let bescheid = link_id(
        thread
            .body
            .split("Anbei Ihre Meldebescheinigung.")
            .nth(1)
            .expect("the decision"),
        "/antraege/anlagen/",
    );
    let download = kim.get(&format!("/antraege/anlagen/{bescheid}")).await;
    assert_eq!(download.status, 200);
    assert!(download.body.starts_with("%PDF-"));

    // The timeline, visible to the applicant too, in order.
    let detail = kim.get(&format!("/antraege/{reference}")).await;
    for status in ["Eingegangen", "In Bearbeitung", "Rückfrage", "Bewilligt"] {
        assert!(
            detail.body.contains(&format!("Status: {status}")),
            "{status}: {}",
            detail.body
        );
    }
    let steps: Vec<(Option<String>, Option<String>, String)> = sqlx::query_as(
        "SELECT e.from_status, e.to_status, e.actor_kind FROM application_events e \
         JOIN applications a ON a.id = e.application_id WHERE a.reference = $1 AND e.kind = 'status' \
         ORDER BY e.id",
    )
    .bind(&reference)
    .fetch_all(&app.state.db.pool)
    .await
    .expect("events");
    let path: Vec<(&str, &str, &str)> = steps
        .iter()
        .map(|(f, t, a)| {
            (
                f.as_deref().unwrap_or(""),
                t.as_deref().unwrap_or(""),
                a.as_str(),
            )
        })
        .collect();
    assert_eq!(
        path,
        [
            ("draft", "submitted", "applicant"),
            ("submitted", "in-progress", "caseworker"),
            ("in-progress", "query", "caseworker"),
            ("query", "in-progress", "applicant"),
            ("in-progress", "approved", "caseworker"),
        ]
    );

    // Decided is decided: no further steps, from either side.
    let answer = clerk
        .call(
            "/api/backoffice/status",
            &[("reference", &reference), ("status", "in-progress")],
        )
        .await;
    assert_eq!(answer.status, 409);
    let answer = kim
        .call(
            "/api/mailbox/withdraw",
            &[("reference", &reference), ("confirm", "ja")],
        )
        .await;
    assert_eq!(answer.status, 409);
    assert_eq!(status_of(&app, &reference).await, "approved");
    // The applicant's answer went into the outbox for the specialist system too.
    let events: Vec<String> = sqlx::query_scalar(
        "SELECT d.event FROM deliveries d JOIN applications a ON a.id = d.application_id \
         WHERE a.reference = $1 ORDER BY d.id",
    )
    .bind(&reference)
    .fetch_all(&app.state.db.pool)
    .await
    .expect("outbox");
    assert_eq!(events, ["submitted", "message"]);
}

#[tokio::test]
async fn refused_messages_keep_what_was_typed_and_change_nothing() {
    let app = spawn_seeded_app().await;
    let authority = authority_for(&app, GEMEINDE).await;
    let (_, mut kim) = citizen(&app, "kim@example.de", 1).await;
    let reference = apply(&mut kim, "Muster", GEMEINDE).await;
    let (_, mut clerk) = caseworker(&app, "clerk@stadt.example", &authority, 2).await;
    let case = format!("/behoerde/vorgaenge/{reference}");

    // A decision straight from "received" is not a step of the workflow.
    let answer = clerk
        .post_multipart(
            "/api/backoffice/message",
            &[
                ("reference", &reference),
                ("status", "approved"),
                ("subject", "Bescheid"),
                ("body", "Bewilligt."),
            ],
            &[],
        )
        .await;
    assert_eq!(
        answer.header("location"),
        Some(format!("{case}#fehler").as_str())
    );
    let page = clerk.get(&case).await;
    assert!(
        page.body
            .contains("Der Vorgang hat sich inzwischen geändert"),
        "{}",
        page.body
    );
    assert_eq!(status_of(&app, &reference).await, "submitted");

    // Without a subject, and with a file that only says it is a PDF.
    let answer = clerk
        .post_multipart(
            "/api/backoffice/message",
            &[
                ("reference", &reference),
                ("status", ""),
                ("subject", ""),
                ("body", "Guten Tag"),
            ],
            &[("file", "falsch.pdf", b"kein PDF")],
        )
        .await;
    assert_eq!(
        answer.header("location"),
        Some(format!("{case}#fehler").as_str())
    );
    let page = clerk.get(&case).await;
    assert!(page.body.starts_with("<!DOCTYPE html>"));
    assert!(page.body.contains("<title>Fehler:"), "{}", page.body);
    assert!(page.body.contains("Bitte geben Sie einen Betreff an."));
    assert!(
        page.body
            .contains("Bitte wählen Sie eine PDF-, JPEG- oder PNG-Datei.")
    );
    assert!(
        page.body.contains(">Guten Tag</textarea>"),
        "what was typed stays"
    );
    let messages: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM messages")
        .fetch_one(&app.state.db.pool)
        .await
        .expect("count");
    assert_eq!(messages, 0);
    let files: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM attachments")
        .fetch_one(&app.state.db.pool)
        .await
        .expect("count");
    assert_eq!(files, 0);

    // An empty note is refused in place.
    let answer = clerk
        .post(
            "/api/backoffice/note",
            &[("reference", &reference), ("note", "  ")],
        )
        .await;
    assert_eq!(
        answer.header("location"),
        Some(format!("{case}#fehler").as_str())
    );
    assert!(
        clerk
            .get(&case)
            .await
            .body
            .contains("Bitte schreiben Sie eine Notiz.")
    );
}

#[tokio::test]
async fn the_applicant_withdraws_and_the_authority_is_told() {
    let app = spawn_seeded_app().await;
    let authority = authority_for(&app, GEMEINDE).await;
    let (_, mut kim) = citizen(&app, "kim@example.de", 1).await;
    let reference = apply(&mut kim, "Muster", GEMEINDE).await;
    let thread = format!("/postfach/{reference}");
    let page = kim.get(&thread).await;
    assert!(page.body.contains("Antrag zurückziehen"), "{}", page.body);

    // Without the box ticked: asked again, nothing changes.
    let answer = kim
        .post("/api/mailbox/withdraw", &[("reference", &reference)])
        .await;
    assert_eq!(
        answer.header("location"),
        Some(format!("{thread}#fehler").as_str())
    );
    assert!(
        kim.get(&thread)
            .await
            .body
            .contains("Bitte bestätigen Sie, dass Sie den Antrag zurückziehen möchten.")
    );
    assert_eq!(status_of(&app, &reference).await, "submitted");

    let answer = kim
        .post(
            "/api/mailbox/withdraw",
            &[("reference", &reference), ("confirm", "ja")],
        )
        .await;
    assert_eq!(answer.header("location"), Some(thread.as_str()));
    assert_eq!(status_of(&app, &reference).await, "withdrawn");
    let page = kim.get(&thread).await;
    assert!(page.body.contains("Ihr Antrag ist zurückgezogen."));
    assert!(
        !page.body.contains("Nachricht senden"),
        "a closed case takes no messages"
    );

    let (_, mut clerk) = caseworker(&app, "clerk@stadt.example", &authority, 2).await;
    assert!(
        clerk
            .get("/behoerde?status=withdrawn")
            .await
            .body
            .contains(&reference)
    );
    let answer = clerk
        .call(
            "/api/backoffice/status",
            &[("reference", &reference), ("status", "in-progress")],
        )
        .await;
    assert_eq!(answer.status, 409);
    let events: Vec<String> = sqlx::query_scalar(
        "SELECT d.event FROM deliveries d JOIN applications a ON a.id = d.application_id \
         WHERE a.reference = $1 ORDER BY d.id",
    )
    .bind(&reference)
    .fetch_all(&app.state.db.pool)
    .await
    .expect("outbox");
    assert_eq!(events, ["submitted", "withdrawn"]);
}

#[tokio::test]
async fn a_case_is_handed_to_a_colleague_of_the_same_authority_only() {
    let app = spawn_seeded_app().await;
    let here = authority_for(&app, GEMEINDE).await;
    let there = authority_for(&app, OTHER_GEMEINDE).await;
    let (_, mut kim) = citizen(&app, "kim@example.de", 1).await;
    let reference = apply(&mut kim, "Muster", GEMEINDE).await;
    let (clerk_id, mut clerk) = caseworker(&app, "clerk@stadt.example", &here, 2).await;
    let (colleague_id, mut colleague) = caseworker(&app, "kollegin@stadt.example", &here, 3).await;
    let (outsider_id, _) = caseworker(&app, "fremd@kreis.example", &there, 4).await;
    let case = format!("/behoerde/vorgaenge/{reference}");
    let assign = async |clerk: &mut common::browser::Browser<'_>, to: String| {
        clerk
            .post(
                "/api/backoffice/assign",
                &[("reference", &reference), ("to", &to)],
            )
            .await
    };

    // The case page offers the authority's members, not the other authority's.
    let page = clerk.get(&case).await.body;
    assert!(
        page.contains(&format!(
            r#"<option value="{colleague_id}">kollegin@stadt.example</option>"#
        )),
        "{page}"
    );
    assert!(!page.contains("fremd@kreis.example"));

    // Handed to the colleague: it is hers, not the clerk's, and the hand-over is audited.
    let answer = assign(&mut clerk, colleague_id.to_string()).await;
    assert_eq!(
        answer.header("location"),
        Some(case.as_str()),
        "{}",
        answer.body
    );
    let hers = colleague.get("/behoerde?zustaendig=meine").await.body;
    assert!(hers.contains(&reference), "{hers}");
    assert!(
        !clerk
            .get("/behoerde?zustaendig=meine")
            .await
            .body
            .contains(&reference)
    );
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE event = 'case-assigned' AND account_id = $1 AND detail = $2",
    )
    .bind(clerk_id)
    .bind(&reference)
    .fetch_one(&app.state.db.pool)
    .await
    .expect("audit");
    assert_eq!(audited, 1);

    // Someone of another authority cannot be given the case (the page never offers it; a
    // forged form is refused): nothing changes.
    let answer = clerk
        .call(
            "/api/backoffice/assign",
            &[("reference", &reference), ("to", &outsider_id.to_string())],
        )
        .await;
    assert_eq!(answer.status, 400);
    assert!(
        colleague
            .get("/behoerde?zustaendig=meine")
            .await
            .body
            .contains(&reference)
    );

    // Handed back to nobody, it waits in the unassigned list.
    assign(&mut clerk, String::new()).await;
    assert!(
        clerk
            .get("/behoerde?zustaendig=niemand")
            .await
            .body
            .contains(&reference)
    );
    assert!(
        !colleague
            .get("/behoerde?zustaendig=meine")
            .await
            .body
            .contains(&reference)
    );
}

#[tokio::test]
async fn the_inbox_shows_only_its_authorities_and_pages_through_them() {
    let app = spawn_seeded_app().await;
    let here = authority_for(&app, GEMEINDE).await;
    let there = authority_for(&app, OTHER_GEMEINDE).await;
    assert_ne!(here, there);
    let (_, mut kim) = citizen(&app, "kim@example.de", 1).await;
    let mut mine = Vec::new();
    for i in 0..27 {
        mine.push(apply(&mut kim, &format!("Muster{i:02}"), GEMEINDE).await);
        app.state.clock.advance(60);
    }
    let elsewhere = apply(&mut kim, "Anderswo", OTHER_GEMEINDE).await;
    let (_, mut clerk) = caseworker(&app, "clerk@stadt.example", &here, 2).await;

    let first = clerk.get("/behoerde").await;
    assert!(first.body.contains("27 Vorgänge"), "{}", first.body);
    assert!(first.body.contains("Seite 1 von 2"));
    assert!(first.body.contains(&mine[0]), "oldest first");
    assert!(!first.body.contains(&mine[26]));
    assert!(!first.body.contains(&elsewhere), "another authority's case");
    let second = clerk.get("/behoerde?seite=2").await;
    assert!(second.body.contains(&mine[26]));
    assert!(!second.body.contains(&mine[0]));
    let newest = clerk.get("/behoerde?sortierung=neueste").await;
    assert!(newest.body.contains(&mine[26]));
    // Another authority's case is not found, not even by its reference.
    let found = clerk.get(&format!("/behoerde?suche={elsewhere}")).await;
    assert!(
        !found
            .body
            .contains(&format!("/behoerde/vorgaenge/{elsewhere}"))
    );
    assert!(found.body.contains("0 Vorgänge"));
    let page = clerk.get(&format!("/behoerde/vorgaenge/{elsewhere}")).await;
    assert_eq!(page.status, 404);
    // Dates: everything was received today, nothing before.
    let today = serviceportal::domain::time::iso_date(app.state.clock.now().0);
    assert!(
        clerk
            .get(&format!("/behoerde?von={today}&bis={today}"))
            .await
            .body
            .contains("27 Vorgänge")
    );
    assert!(
        clerk
            .get("/behoerde?bis=2000-01-01")
            .await
            .body
            .contains("0 Vorgänge")
    );
    // Nonsense in the address falls back to the defaults.
    assert_eq!(
        clerk
            .get("/behoerde?seite=abc&status=%27&sortierung=x")
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn statistics_count_per_service_and_status_and_download_as_csv() {
    let app = spawn_seeded_app().await;
    let authority = authority_for(&app, GEMEINDE).await;
    let (_, mut kim) = citizen(&app, "kim@example.de", 1).await;
    let first = apply(&mut kim, "Muster", GEMEINDE).await;
    let _second = apply(&mut kim, "Beispiel", GEMEINDE).await;
    let (clerk_id, mut clerk) = caseworker(&app, "clerk@stadt.example", &authority, 2).await;
    clerk
        .post(
            "/api/backoffice/status",
            &[("reference", &first), ("status", "in-progress")],
        )
        .await;
    app.state.clock.advance(2 * 86_400);
    let substantial = serviceportal::domain::account::TrustLevel::Substantial;
    let mut clerk = common::people::signed_in(&app, clerk_id, substantial, 2).await;
    let answer = clerk
        .post_multipart(
            "/api/backoffice/message",
            &[
                ("reference", &first),
                ("status", "rejected"),
                ("subject", "Bescheid"),
                ("body", "Leider abgelehnt."),
            ],
            &[],
        )
        .await;
    assert_eq!(answer.status, 303);
    // Forty days later the other one is overdue.
    app.state.clock.advance(40 * 86_400);
    let mut clerk = common::people::signed_in(&app, clerk_id, substantial, 2).await;
    let page = clerk.get("/behoerde/statistik").await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("Meldebescheinigung"));
    assert!(page.body.contains("<svg"), "the chart");
    assert!(page.body.contains("role=\"img\""));
    assert!(
        page.body.contains("2,0 Tage"),
        "the decision took two days: {}",
        page.body
    );
    assert!(page.body.contains("Länger als 30 Tage offen"));
    assert!(page.body.contains(&_second));

    let csv = clerk
        .get(&format!("/behoerde/statistik.csv?behoerde={authority}"))
        .await;
    assert_eq!(csv.status, 200);
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    let lines: Vec<&str> = csv.body.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "Leistung;Eingegangen;In Bearbeitung;Rückfrage;Bewilligt;Abgelehnt;Zurückgezogen;Gesamt;Entschieden;Bearbeitungszeit (Median) (h);90 % entschieden binnen (h)"
    );
    assert!(lines[1].starts_with("Meldebescheinigung"), "{}", lines[1]);
    assert!(lines[1].ends_with(";1;0;0;0;1;0;2;1;48;48"), "{}", lines[1]);
}
