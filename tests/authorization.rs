//! Who may do what: every back-office, Postfach, administration and API function, asked by
//! anonymous, citizen A, citizen B, a caseworker of authority X, one of authority Y and an
//! admin, for a case of X (by A) and a case of Y (by B). Each answer is exactly the expected
//! one, no more. Functions are called so that an authorized caller is refused only by the
//! input check (422/400) and changes nothing, while an unauthorized one is stopped first
//! (403/404, or the sign-in page).

mod common;

use common::browser::Browser;
use common::people::{
    GEMEINDE, OTHER_GEMEINDE, PDF, admin, apply, authority_for, caseworker, citizen,
};
use common::spawn_seeded_app;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Anonymous,
    CitizenA,
    CitizenB,
    ClerkX,
    ClerkY,
    Admin,
}

const EVERYONE: [Who; 6] = [
    Who::Anonymous,
    Who::CitizenA,
    Who::CitizenB,
    Who::ClerkX,
    Who::ClerkY,
    Who::Admin,
];

/// The status a JavaScript caller gets, for each of [`EVERYONE`].
fn expect(answers: &[(Who, u16)], expected: [u16; 6], what: &str) {
    for ((who, got), want) in answers.iter().zip(expected) {
        assert_eq!(*got, want, "{what}: {who:?}");
    }
}

fn id_after(body: &str, prefix: &str) -> String {
    body.split(prefix)
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_else(|| panic!("no {prefix}"))
        .to_owned()
}

#[tokio::test]
async fn everyone_gets_exactly_the_access_they_should() {
    let app = spawn_seeded_app().await;
    let x = authority_for(&app, GEMEINDE).await;
    let y = authority_for(&app, OTHER_GEMEINDE).await;
    let (_, mut a) = citizen(&app, "a@example.de", 1).await;
    let (_, mut b) = citizen(&app, "b@example.de", 2).await;
    let case_x = apply(&mut a, "Anna", GEMEINDE).await;
    let case_y = apply(&mut b, "Bert", OTHER_GEMEINDE).await;
    a.post_multipart(
        "/api/mailbox/reply",
        &[
            ("reference", &case_x),
            ("subject", "Nachweis"),
            ("body", "Anbei."),
        ],
        &[("file", "nachweis.pdf", PDF)],
    )
    .await;
    let file_x = id_after(
        &a.get(&format!("/postfach/{case_x}")).await.body,
        "/antraege/anlagen/",
    );
    let (_, clerk_x) = caseworker(&app, "x@stadt.example", &x, 3).await;
    let (_, clerk_y) = caseworker(&app, "y@stadt.example", &y, 4).await;
    let (_, admin) = admin(&app, "admin@land.example", 5).await;
    let mut browsers: Vec<(Who, Browser)> = vec![
        (Who::Anonymous, Browser::from_ip(&app, [10, 9, 9, 9])),
        (Who::CitizenA, a),
        (Who::CitizenB, b),
        (Who::ClerkX, clerk_x),
        (Who::ClerkY, clerk_y),
        (Who::Admin, admin),
    ];
    assert_eq!(
        browsers.iter().map(|(w, _)| *w).collect::<Vec<_>>(),
        EVERYONE
    );

    // --- Pages: who sees the case of X (its reference in the page), and who is sent to
    // sign in first.
    // Each page with what only someone who may see it gets: a link to the case, its
    // heading, the thread's caption, the reference in the confirmation.
    let pages = [
        (
            "/behoerde".to_owned(),
            format!("/behoerde/vorgaenge/{case_x}\""),
            [false, false, false, true, false, false],
        ),
        (
            format!("/behoerde/vorgaenge/{case_x}"),
            format!("Vorgang {case_x}"),
            [false, false, false, true, false, false],
        ),
        (
            "/behoerde/statistik".to_owned(),
            "Anträge nach Leistung".to_owned(),
            [false, false, false, true, true, false],
        ),
        (
            format!("/postfach/{case_x}"),
            format!("Postfach zum Antrag {case_x}"),
            [false, true, false, false, false, false],
        ),
        (
            format!("/antraege/{case_x}"),
            format!("class=\"reference\">{case_x}"),
            [false, true, false, false, false, false],
        ),
    ];
    for (path, marker, sees) in &pages {
        for ((who, browser), sees) in browsers.iter_mut().zip(sees) {
            let page = browser.get(path).await;
            if *who == Who::Anonymous {
                assert_eq!(page.status, 303, "{path}: anonymous");
                assert!(
                    page.header("location")
                        .is_some_and(|l| l.starts_with("/konto/anmelden"))
                );
                continue;
            }
            assert_eq!(
                page.body.contains(marker.as_str()),
                *sees,
                "{path}: {who:?}"
            );
        }
    }
    // The other authority's case, the other way round.
    let mut answers = Vec::new();
    for (who, browser) in browsers.iter_mut() {
        let page = browser.get(&format!("/behoerde/vorgaenge/{case_y}")).await;
        answers.push((*who, page.body.contains(&format!("Vorgang {case_y}"))));
    }
    assert_eq!(
        answers.iter().map(|(_, s)| *s).collect::<Vec<_>>(),
        [false, false, false, false, true, false],
        "the case of Y"
    );
    let page = browsers[0].1.get("/verwaltung").await;
    assert_eq!(page.status, 303);
    for (who, browser) in browsers.iter_mut().skip(1) {
        let page = browser.get("/verwaltung").await;
        assert_eq!(
            page.body.contains("Mitarbeitende hinzufügen"),
            *who == Who::Admin,
            "/verwaltung: {who:?}"
        );
    }

    // --- Back-office functions on the case of X.
    async fn calls(
        browsers: &mut [(Who, Browser<'_>)],
        path: &str,
        fields: &[(&str, &str)],
    ) -> Vec<(Who, u16)> {
        let mut out = Vec::new();
        for (who, browser) in browsers.iter_mut() {
            out.push((*who, browser.call(path, fields).await.status.as_u16()));
        }
        out
    }
    let note = calls(
        &mut browsers,
        "/api/backoffice/note",
        &[("reference", &case_x), ("note", "")],
    )
    .await;
    expect(&note, [403, 403, 403, 422, 404, 403], "note");
    let assign = calls(
        &mut browsers,
        "/api/backoffice/assign",
        &[("reference", &case_x), ("to", "999999")],
    )
    .await;
    expect(&assign, [403, 403, 403, 400, 404, 403], "assign");
    let status = calls(
        &mut browsers,
        "/api/backoffice/status",
        &[("reference", &case_x), ("status", "approved")],
    )
    .await;
    expect(&status, [403, 403, 403, 400, 404, 403], "status");
    let unknown = calls(
        &mut browsers,
        "/api/backoffice/note",
        &[("reference", "SL-1999-000001"), ("note", "x")],
    )
    .await;
    expect(&unknown, [403, 403, 403, 404, 404, 403], "note on no case");
    let mut message = Vec::new();
    for (who, browser) in browsers.iter_mut() {
        let fields = [
            ("reference", case_x.as_str()),
            ("status", ""),
            ("subject", ""),
            ("body", ""),
        ];
        let answer = browser
            .call_multipart("/api/backoffice/message", &fields, &[])
            .await;
        message.push((*who, answer.status.as_u16()));
    }
    expect(&message, [403, 403, 403, 422, 404, 403], "message");
    let mut files = Vec::new();
    for (who, browser) in browsers.iter_mut() {
        files.push((
            *who,
            browser
                .get(&format!("/behoerde/anlagen/{file_x}"))
                .await
                .status
                .as_u16(),
        ));
    }
    expect(&files, [303, 403, 403, 200, 404, 403], "case file");

    // --- The same functions on the case of Y: only Y's caseworker gets past the
    // authorization (to the input check).
    let note_y = calls(
        &mut browsers,
        "/api/backoffice/note",
        &[("reference", &case_y), ("note", "")],
    )
    .await;
    expect(&note_y, [403, 403, 403, 404, 422, 403], "note on Y");
    let assign_y = calls(
        &mut browsers,
        "/api/backoffice/assign",
        &[("reference", &case_y), ("to", "999999")],
    )
    .await;
    expect(&assign_y, [403, 403, 403, 404, 400, 403], "assign on Y");
    let status_y = calls(
        &mut browsers,
        "/api/backoffice/status",
        &[("reference", &case_y), ("status", "approved")],
    )
    .await;
    expect(&status_y, [403, 403, 403, 404, 400, 403], "status on Y");
    let mut message_y = Vec::new();
    for (who, browser) in browsers.iter_mut() {
        let fields = [
            ("reference", case_y.as_str()),
            ("status", ""),
            ("subject", ""),
            ("body", ""),
        ];
        let answer = browser
            .call_multipart("/api/backoffice/message", &fields, &[])
            .await;
        message_y.push((*who, answer.status.as_u16()));
    }
    expect(&message_y, [403, 403, 403, 404, 422, 403], "message on Y");

    // --- The reading functions, called directly as a script would: the status, and
    // whether the answer holds the case of X.
    async fn reads(
        browsers: &mut [(Who, Browser<'_>)],
        path: &str,
        marker: &str,
    ) -> Vec<(Who, u16, bool)> {
        let mut out = Vec::new();
        for (who, browser) in browsers.iter_mut() {
            let answer = browser.fetch(path).await;
            out.push((*who, answer.status.as_u16(), answer.body.contains(marker)));
        }
        out
    }
    fn expect_reads(answers: &[(Who, u16, bool)], expected: [(u16, bool); 6], what: &str) {
        for ((who, status, sees), want) in answers.iter().zip(expected) {
            assert_eq!((*status, *sees), want, "{what}: {who:?}");
        }
    }
    let no = (403, false);
    let inbox = reads(
        &mut browsers,
        "/api/backoffice/inbox?filter[assignee]=all&filter[text]=&filter[sort]=oldest&filter[page]=1",
        &case_x,
    )
    .await;
    expect_reads(&inbox, [no, no, no, (200, true), (200, false), no], "inbox");
    let inbox_of_x = reads(
        &mut browsers,
        &format!(
            "/api/backoffice/inbox?filter[authority]={x}&filter[assignee]=all&filter[text]=&filter[sort]=oldest&filter[page]=1"
        ),
        &case_x,
    )
    .await;
    expect_reads(
        &inbox_of_x,
        [no, no, no, (200, true), (200, false), no],
        "inbox of X asked for",
    );
    let case = reads(
        &mut browsers,
        &format!("/api/backoffice/case?reference={case_x}"),
        &case_x,
    )
    .await;
    expect_reads(&case, [no, no, no, (200, true), (404, false), no], "case");
    let marker = format!("\"authority\":\"{x}\"");
    let statistics = reads(
        &mut browsers,
        &format!("/api/backoffice/statistics?authority={x}"),
        &marker,
    )
    .await;
    expect_reads(
        &statistics,
        [no, no, no, (200, true), (200, false), no],
        "statistics of X",
    );
    let mut csv = Vec::new();
    for (who, browser) in browsers.iter_mut() {
        let answer = browser
            .get(&format!("/behoerde/statistik.csv?behoerde={x}"))
            .await;
        let of_x = answer
            .header("content-disposition")
            .is_some_and(|d| d.contains(&format!("statistik-{x}-")));
        csv.push((*who, answer.status.as_u16(), of_x));
    }
    expect_reads(
        &csv,
        [(303, false), no, no, (200, true), (200, false), no],
        "statistics of X as CSV",
    );
    let overview = reads(
        &mut browsers,
        &format!("/api/admin/overview?authority={x}"),
        &x,
    )
    .await;
    expect_reads(
        &overview,
        [no, no, no, no, no, (200, true)],
        "administration",
    );
    let threads = reads(&mut browsers, "/api/mailbox/threads", &case_x).await;
    expect_reads(
        &threads,
        [
            no,
            (200, true),
            (200, false),
            (200, false),
            (200, false),
            (200, false),
        ],
        "Postfach",
    );
    let thread = reads(
        &mut browsers,
        &format!("/api/mailbox/thread?reference={case_x}"),
        "Anbei.",
    )
    .await;
    let none = (404, false);
    expect_reads(&thread, [no, (200, true), none, none, none, none], "thread");
    let mut postfach = Vec::new();
    for (who, browser) in browsers.iter_mut() {
        let page = browser.get("/postfach").await;
        let thread_link = format!("href=\"/postfach/{case_x}\"");
        postfach.push((*who, page.status.as_u16(), page.body.contains(&thread_link)));
    }
    expect_reads(
        &postfach,
        [
            (303, false),
            (200, true),
            (200, false),
            (200, false),
            (200, false),
            (200, false),
        ],
        "/postfach",
    );
    let mut receipts = Vec::new();
    for (who, browser) in browsers.iter_mut() {
        let answer = browser
            .get(&format!("/antraege/{case_x}/empfangsbestaetigung.pdf"))
            .await;
        receipts.push((*who, answer.status.as_u16()));
    }
    expect(&receipts, [303, 200, 404, 404, 404, 404], "receipt");

    // --- The submissions API takes keys, never a session: every signed-in caller gets 401.
    let api_calls = [
        ("GET", "/api/v1/submissions".to_owned()),
        ("GET", format!("/api/v1/submissions/{case_x}")),
        (
            "GET",
            format!("/api/v1/submissions/{case_x}/attachments/{file_x}"),
        ),
        ("POST", format!("/api/v1/submissions/{case_x}/ack")),
        ("POST", format!("/api/v1/submissions/{case_x}/status")),
        ("POST", format!("/api/v1/submissions/{case_x}/messages")),
    ];
    for (method, path) in &api_calls {
        for (who, browser) in browsers.iter_mut() {
            let request = http::Request::builder()
                .method(*method)
                .uri(path.as_str())
                .header("accept", "application/json")
                .header("content-type", "application/json");
            let answer = browser.send(request, "{\"status\":\"approved\"}").await;
            assert_eq!(answer.status, 401, "{method} {path}: {who:?}");
        }
    }

    // --- The applicant's functions on the case of X.
    let withdraw = calls(
        &mut browsers,
        "/api/mailbox/withdraw",
        &[("reference", &case_x)],
    )
    .await;
    expect(&withdraw, [403, 422, 404, 404, 404, 404], "withdraw");
    let mut replies = Vec::new();
    for (who, browser) in browsers.iter_mut() {
        let fields = [
            ("reference", case_x.as_str()),
            ("subject", ""),
            ("body", ""),
        ];
        let answer = browser
            .call_multipart("/api/mailbox/reply", &fields, &[])
            .await;
        replies.push((*who, answer.status.as_u16()));
    }
    expect(&replies, [403, 422, 404, 404, 404, 404], "reply");
    let mut downloads = Vec::new();
    for (who, browser) in browsers.iter_mut() {
        downloads.push((
            *who,
            browser
                .get(&format!("/antraege/anlagen/{file_x}"))
                .await
                .status
                .as_u16(),
        ));
    }
    expect(
        &downloads,
        [303, 200, 404, 404, 404, 404],
        "applicant's file",
    );

    // --- Administration.
    let add = calls(
        &mut browsers,
        "/api/admin/add-member",
        &[("email", "niemand@example.de"), ("authority", &x)],
    )
    .await;
    expect(&add, [403, 403, 403, 403, 403, 422], "add member");
    let remove = calls(
        &mut browsers,
        "/api/admin/remove-member",
        &[("account", "999999"), ("authority", &x)],
    )
    .await;
    expect(&remove, [403, 403, 403, 403, 403, 404], "remove member");
    let hook = calls(
        &mut browsers,
        "/api/admin/webhook",
        &[("authority", &x), ("url", "http://fachverfahren.example/")],
    )
    .await;
    expect(&hook, [403, 403, 403, 403, 403, 422], "webhook");
    let create = calls(
        &mut browsers,
        "/api/admin/create-key",
        &[("authority", &x), ("name", "")],
    )
    .await;
    expect(&create, [403, 403, 403, 403, 403, 422], "create key");
    let revoke = calls(
        &mut browsers,
        "/api/admin/revoke-key",
        &[("authority", &x), ("id", "999999")],
    )
    .await;
    expect(&revoke, [403, 403, 403, 403, 403, 404], "revoke key");
    let retry = calls(
        &mut browsers,
        "/api/admin/retry-delivery",
        &[("id", "999999")],
    )
    .await;
    expect(&retry, [403, 403, 403, 403, 403, 404], "retry");

    // Nothing of it changed anything.
    for (table, expected) in [
        ("case_notes", 0),
        ("api_keys", 0),
        ("authority_channels", 0),
    ] {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&app.state.db.pool)
            .await
            .expect("count");
        assert_eq!(n, expected, "{table}");
    }
    let statuses: Vec<String> = sqlx::query_scalar("SELECT status FROM applications ORDER BY id")
        .fetch_all(&app.state.db.pool)
        .await
        .expect("statuses");
    assert_eq!(statuses, ["submitted", "submitted"]);
    let members: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM authority_members")
        .fetch_one(&app.state.db.pool)
        .await
        .expect("members");
    assert_eq!(members, 2);
}

#[tokio::test]
async fn staff_without_the_second_factor_in_this_session_get_nothing() {
    use serviceportal::domain::account::TrustLevel;
    let app = spawn_seeded_app().await;
    let x = authority_for(&app, GEMEINDE).await;
    let (_, mut a) = citizen(&app, "a@example.de", 1).await;
    let case_x = apply(&mut a, "Anna", GEMEINDE).await;
    let (clerk, _) = caseworker(&app, "x@stadt.example", &x, 3).await;
    // Signed in with the password only (as if the second step had been skipped).
    let mut half = common::people::signed_in(&app, clerk, TrustLevel::Basic, 6).await;
    let answer = half
        .call(
            "/api/backoffice/note",
            &[("reference", &case_x), ("note", "")],
        )
        .await;
    assert_eq!(answer.status, 403);
    assert!(
        !half
            .get(&format!("/behoerde/vorgaenge/{case_x}"))
            .await
            .body
            .contains("Vorgang SL-")
    );
    // Staff without any second factor are sent to set one up.
    let (lone, _) = common::people::citizen(&app, "neu@stadt.example", 7).await;
    serviceportal::server::storage::members::add(&app.state.db, lone, &x, app.state.clock.now())
        .await
        .expect("member");
    let mut fresh = common::people::signed_in(&app, lone, TrustLevel::Basic, 7).await;
    let page = fresh.get("/behoerde").await;
    assert_eq!(
        page.header("location"),
        Some("/konto/sicherheit/authenticator")
    );
}
