//! Online applications, as a citizen without JavaScript goes through them: start, steps,
//! check, submit; and what must never happen: two applications from one, lost answers,
//! someone else's draft.

mod common;

use common::browser::Browser;
use common::people::{GEMEINDE, PASSWORD, SERVICE};
use common::{TestApp, spawn_seeded_app};
use serviceportal::domain::account::Role;
use serviceportal::server::storage;

/// A confirmed citizen, signed in through the sign-in form.
async fn citizen<'a>(app: &'a TestApp, email: &str, ip: u8) -> Browser<'a> {
    common::people::account(app, email, Role::Citizen).await;
    citizen_again(app, email, ip).await
}

/// The same citizen signed in again (after the clock moved past the session's end).
async fn citizen_again<'a>(app: &'a TestApp, email: &str, ip: u8) -> Browser<'a> {
    let mut browser = Browser::from_ip(app, [10, 0, 0, ip]);
    let answer = browser
        .post(
            "/api/account/sign-in",
            &[("email", email), ("password", PASSWORD), ("next", "")],
        )
        .await;
    assert_eq!(answer.header("location"), Some("/konto"), "{}", answer.body);
    browser
}

async fn save(browser: &mut Browser<'_>, step: &str, fields: &[(&str, &str)]) -> common::Answer {
    let mut all = vec![("service", SERVICE), ("step", step), ("action", "weiter")];
    let named: Vec<(String, &str)> = fields
        .iter()
        .map(|(k, v)| (format!("a[{k}]"), *v))
        .collect();
    all.extend(named.iter().map(|(k, v)| (k.as_str(), *v)));
    browser.post("/api/applications/save-step", &all).await
}

/// Fills the Meldebescheinigung completely and leaves the browser before the submission.
async fn fill_in(browser: &mut Browser<'_>) -> String {
    let answer = browser
        .post("/api/applications/start", &[("service", SERVICE)])
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/antrag/meldebescheinigung-beantragen/bescheinigung")
    );
    let answer = save(
        browser,
        "bescheinigung",
        &[("art", "einfach"), ("anzahl", "2")],
    )
    .await;
    assert_eq!(
        answer.header("location"),
        Some("/antrag/meldebescheinigung-beantragen/person")
    );
    let person = [
        ("given_names", "Kim"),
        ("family_name", "Muster"),
        ("birth_date", "1980-12-24"),
        ("anschrift.street", "Am Markt"),
        ("anschrift.house_number", "1"),
        ("anschrift.postcode", "66111"),
        ("anschrift.city", "Saarbrücken"),
    ];
    let answer = save(browser, "person", &person).await;
    let next = answer.header("location").unwrap_or_default().to_owned();
    assert!(
        next.starts_with("/antrag/meldebescheinigung-beantragen/"),
        "{next}"
    );
    let answer = save(browser, "zustellung", &[("zustellung", "post")]).await;
    assert_eq!(
        answer.header("location"),
        Some("/antrag/meldebescheinigung-beantragen/pruefen")
    );
    let check = browser
        .get("/antrag/meldebescheinigung-beantragen/pruefen")
        .await;
    assert_eq!(check.status, 200, "{}", check.body);
    check
        .body
        .split(r#"name="key" value=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the idempotency key")
        .to_owned()
}

async fn submitted(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM applications WHERE status = 'submitted'")
        .fetch_one(&app.state.db.pool)
        .await
        .expect("count")
}

#[tokio::test]
async fn the_demo_forms_match_the_form_definitions_in_the_repository() {
    // The field ids the tests below type into are the demo form's.
    let app = spawn_seeded_app().await;
    let form = storage::forms::current_for_service(&app.state.db, SERVICE)
        .await
        .unwrap()
        .expect("form");
    for id in [
        "art",
        "anzahl",
        "given_names",
        "family_name",
        "birth_date",
        "anschrift",
        "zustellung",
    ] {
        assert!(form.field(id).is_some(), "{id}");
    }
}

#[tokio::test]
async fn a_citizen_applies_from_start_to_reference_number() {
    let app = spawn_seeded_app().await;
    let mut browser = citizen(&app, "kim@example.de", 1).await;
    let start = browser.get("/antrag/meldebescheinigung-beantragen").await;
    assert!(start.body.contains("Antrag starten"), "{}", start.body);
    let key = fill_in(&mut browser).await;
    let check = browser
        .get("/antrag/meldebescheinigung-beantragen/pruefen")
        .await;
    assert!(check.body.contains("Muster"));
    assert!(check.body.contains("Am Markt 1, 66111 Saarbrücken"));

    let answer = browser
        .post(
            "/api/applications/submit",
            &[
                ("service", SERVICE),
                ("key", &key),
                ("gemeinde", GEMEINDE),
                ("declaration", "ja"),
            ],
        )
        .await;
    let location = answer.header("location").unwrap_or_default().to_owned();
    assert!(
        location.starts_with("/antraege/SL-2027-"),
        "{location}: {}",
        answer.body
    );
    let reference = location.trim_start_matches("/antraege/").to_owned();
    assert_eq!(reference, "SL-2027-000001");

    let confirmation = browser.get(&location).await;
    assert_eq!(confirmation.status, 200);
    assert!(confirmation.body.contains(&reference));
    assert!(confirmation.body.contains("Wie geht es weiter?"));
    assert!(
        confirmation.body.contains("Landeshauptstadt Saarbrücken")
            || confirmation.body.contains("Saarbrücken")
    );
    let list = browser.get("/antraege").await;
    assert!(list.body.contains(&reference));
    assert!(list.body.contains("Meldebescheinigung"));

    // The receipt: a tagged PDF named after the reference; only for the applicant.
    let pdf = browser
        .get(&format!("{location}/empfangsbestaetigung.pdf"))
        .await;
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    assert!(pdf.body.starts_with("%PDF-"));
    assert!(
        pdf.body
            .contains(&format!("Empfangsbestätigung {reference}")),
        "title in the metadata"
    );
    assert!(pdf.body.contains("pdfuaid:part"), "declares PDF/UA-1");
    let mut stranger = citizen(&app, "jo@example.de", 9).await;
    let foreign = stranger
        .get(&format!("{location}/empfangsbestaetigung.pdf"))
        .await;
    assert_eq!(foreign.status, 404);

    // The submission is frozen: the draft is gone, a new start begins a new draft.
    let stored: (String, Option<String>) =
        sqlx::query_as("SELECT status, authority_id FROM applications WHERE reference = $1")
            .bind(&reference)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(stored.0, "submitted");
    assert!(stored.1.is_some(), "routed to an authority");

    // A confirmation by mail, with the reference and a link, without the answers.
    let (recipient, subject, body): (String, String, String) = sqlx::query_as(
        "SELECT recipient, subject, text_body FROM mail_queue ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(recipient, "kim@example.de");
    assert!(subject.contains(&reference), "{subject}");
    assert!(
        body.contains(&format!("{}/antraege/{reference}", common::ORIGIN)),
        "{body}"
    );
    assert!(!body.contains("Muster"), "no answers in the mail");
}

#[tokio::test]
async fn ten_identical_submissions_make_one_application() {
    let app = spawn_seeded_app().await;
    let browser = citizen(&app, "kim@example.de", 2).await;
    let mut filler = Browser {
        app: &app,
        cookies: browser.cookies.clone(),
        ip: browser.ip,
    };
    let key = fill_in(&mut filler).await;
    let cookies = filler.cookies.clone();
    let requests = (0..10).map(|_| {
        let mut b = Browser {
            app: &app,
            cookies: cookies.clone(),
            ip: browser.ip,
        };
        let key = key.clone();
        async move {
            b.post(
                "/api/applications/submit",
                &[
                    ("service", SERVICE),
                    ("key", &key),
                    ("gemeinde", GEMEINDE),
                    ("declaration", "ja"),
                ],
            )
            .await
            .header("location")
            .map(str::to_owned)
        }
    });
    let answers = futures::future::join_all(requests).await;
    assert_eq!(submitted(&app).await, 1, "exactly one application");
    let first = answers[0].clone().expect("a redirect");
    assert!(
        answers.iter().all(|a| a.as_ref() == Some(&first)),
        "{answers:?}"
    );
    // The back button and a second click later: still one.
    let again = filler
        .post(
            "/api/applications/submit",
            &[
                ("service", SERVICE),
                ("key", &key),
                ("gemeinde", GEMEINDE),
                ("declaration", "ja"),
            ],
        )
        .await;
    assert_eq!(again.header("location"), Some(first.as_str()));
    assert_eq!(submitted(&app).await, 1);
}

#[tokio::test]
async fn refused_answers_are_explained_and_kept() {
    let app = spawn_seeded_app().await;
    let mut browser = citizen(&app, "kim@example.de", 3).await;
    browser
        .post("/api/applications/start", &[("service", SERVICE)])
        .await;
    let answer = save(
        &mut browser,
        "bescheinigung",
        &[("art", "gibt-es-nicht"), ("anzahl", "sieben")],
    )
    .await;
    assert_eq!(
        answer.header("location"),
        Some("/antrag/meldebescheinigung-beantragen/bescheinigung#fehler")
    );
    let page = browser
        .get("/antrag/meldebescheinigung-beantragen/bescheinigung")
        .await;
    assert!(page.body.contains("<title>Fehler:"), "error title");
    assert!(
        page.body
            .contains("Bitte wählen Sie einen Eintrag aus der Liste.")
    );
    assert!(page.body.contains("Bitte geben Sie eine Zahl ein"));
    assert!(
        page.body.contains(r#"value="sieben""#),
        "what was typed is kept"
    );
    assert!(
        page.body.contains(r##"href="#f-anzahl""##),
        "the summary links to the field"
    );

    // Corrected, the step goes through and its old errors are gone, here and on the next step.
    let answer = save(
        &mut browser,
        "bescheinigung",
        &[("art", "einfach"), ("anzahl", "1")],
    )
    .await;
    assert_eq!(
        answer.header("location"),
        Some("/antrag/meldebescheinigung-beantragen/person"),
        "{}",
        answer.body
    );
    for step in ["person", "bescheinigung"] {
        let page = browser
            .get(&format!("/antrag/meldebescheinigung-beantragen/{step}"))
            .await;
        assert!(
            !page.body.contains("<title>Fehler:"),
            "{step}: no error left"
        );
        assert!(
            !page.body.contains(r#"id="fehler""#),
            "{step}: no error summary"
        );
        assert!(
            !page.body.contains(r#"aria-invalid="true""#),
            "{step}: no field in error"
        );
    }

    // Submitting with steps still open is refused, and nothing is stored as submitted.
    let check = browser
        .get("/antrag/meldebescheinigung-beantragen/pruefen")
        .await;
    let key = check
        .body
        .split(r#"name="key" value=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("key")
        .to_owned();
    let answer = browser
        .post(
            "/api/applications/submit",
            &[("service", SERVICE), ("key", &key), ("gemeinde", GEMEINDE)],
        )
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/antrag/meldebescheinigung-beantragen/pruefen#fehler")
    );
    let check = browser
        .get("/antrag/meldebescheinigung-beantragen/pruefen")
        .await;
    assert!(check.body.contains("Bestätigen Sie die Erklärung"));
    assert_eq!(submitted(&app).await, 0);
}

#[tokio::test]
async fn an_application_nobody_is_responsible_for_is_refused_and_the_draft_stays() {
    let app = spawn_seeded_app().await;
    // Data of a Land where no authority is on record for this service here.
    sqlx::query("DELETE FROM responsibilities WHERE service_slug = $1")
        .bind(SERVICE)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let mut browser = citizen(&app, "kim@example.de", 5).await;
    let key = fill_in(&mut browser).await;
    let answer = browser
        .post(
            "/api/applications/submit",
            &[
                ("service", SERVICE),
                ("key", &key),
                ("gemeinde", GEMEINDE),
                ("declaration", "ja"),
            ],
        )
        .await;
    assert_eq!(
        answer.header("location"),
        Some("/antrag/meldebescheinigung-beantragen/pruefen#fehler")
    );
    let check = browser
        .get("/antrag/meldebescheinigung-beantragen/pruefen")
        .await;
    assert!(
        check.body.contains(
            "Für diese Gemeinde ist bei uns keine Behörde für diese Leistung hinterlegt."
        ),
        "{}",
        check.body
    );
    assert!(
        check.body.contains(r#"value="Kim""#) || check.body.contains(">Kim<"),
        "the answers are still there"
    );
    assert_eq!(submitted(&app).await, 0);
    let drafts: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM applications WHERE status = 'draft'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(drafts, 1, "the draft is kept");
}

#[tokio::test]
async fn answers_come_prefilled_from_the_profile_and_say_so() {
    let app = spawn_seeded_app().await;
    let mut browser = citizen(&app, "kim@example.de", 4).await;
    let profile = [
        ("form[given_names]", "Kim"),
        ("form[family_name]", "Muster"),
        ("form[street]", "Am Markt"),
        ("form[house_number]", "1"),
        ("form[postcode]", "66111"),
        ("form[city]", "Saarbrücken"),
    ];
    let answer = browser.post("/api/account/save-profile", &profile).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    browser
        .post("/api/applications/start", &[("service", SERVICE)])
        .await;
    let page = browser
        .get("/antrag/meldebescheinigung-beantragen/person")
        .await;
    assert!(page.body.contains(r#"value="Muster""#));
    assert!(page.body.contains(r#"value="Am Markt""#));
    assert!(page.body.contains("Aus Ihrem Servicekonto übernommen"));
}

#[tokio::test]
async fn another_citizens_application_is_not_found() {
    let app = spawn_seeded_app().await;
    let mut kim = citizen(&app, "kim@example.de", 5).await;
    let key = fill_in(&mut kim).await;
    let answer = kim
        .post(
            "/api/applications/submit",
            &[
                ("service", SERVICE),
                ("key", &key),
                ("gemeinde", GEMEINDE),
                ("declaration", "ja"),
            ],
        )
        .await;
    let location = answer.header("location").expect("confirmation").to_owned();
    let mut jo = citizen(&app, "jo@example.de", 6).await;
    let page = jo.get(&location).await;
    assert_eq!(page.status, 404);
    assert!(!page.body.contains("Muster"));
    // Jo's steps are Jo's own: without a draft of their own there is nothing to see.
    let step = jo.get("/antrag/meldebescheinigung-beantragen/person").await;
    assert!(!step.body.contains("Muster"));
    let answer = save(&mut jo, "person", &[("given_names", "Eingeschleust")]).await;
    assert_ne!(answer.status, 200);
    let theirs: String =
        sqlx::query_scalar("SELECT answers FROM applications WHERE reference = $1")
            .bind(location.trim_start_matches("/antraege/"))
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert!(!theirs.contains("Eingeschleust"));
    // Signed out, the pages ask to sign in first.
    let mut guest = Browser::from_ip(&app, [10, 0, 0, 7]);
    let page = guest.get("/antraege").await;
    assert_eq!(page.status, 303);
    assert!(
        page.header("location")
            .unwrap_or_default()
            .starts_with("/konto/anmelden?weiter=")
    );
    let step = guest
        .get("/antrag/meldebescheinigung-beantragen/person")
        .await;
    assert_eq!(step.status, 303, "steps need the account");
    let start = guest.get("/antrag/meldebescheinigung-beantragen").await;
    assert_eq!(start.status, 200, "what the service needs is public");
    assert!(start.body.contains("Servicekonto"));
}

#[tokio::test]
async fn repeating_groups_grow_and_shrink_without_losing_answers() {
    let app = spawn_seeded_app().await;
    let mut browser = citizen(&app, "kim@example.de", 8).await;
    let service = "sperrmuell-abholung-anmelden";
    browser
        .post("/api/applications/start", &[("service", service)])
        .await;
    let form = storage::forms::current_for_service(&app.state.db, service)
        .await
        .unwrap()
        .expect("form");
    let (step, group) = form
        .fields()
        .find(|(_, f)| f.kind == serviceportal::domain::forms::FieldKind::Group)
        .map(|(i, f)| (form.steps[i].id.clone(), f.clone()))
        .expect("a group");
    let child = &group.fields[0].id;
    let first = format!("a[{}.0.{child}]", group.id);
    let answer = browser
        .post(
            "/api/applications/save-step",
            &[
                ("service", service),
                ("step", &step),
                ("action", &format!("neu:{}", group.id)),
                (&first, "Sofa"),
            ],
        )
        .await;
    assert!(
        answer
            .header("location")
            .unwrap_or_default()
            .ends_with(&format!("#{}-1", group.id))
    );
    let page = browser.get(&format!("/antrag/{service}/{step}")).await;
    assert!(
        page.body.contains(r#"value="Sofa""#),
        "the typed entry stays"
    );
    assert!(
        page.body.contains(&format!("a[{}.1.{child}]", group.id)),
        "a second entry"
    );
    let answer = browser
        .post(
            "/api/applications/save-step",
            &[
                ("service", service),
                ("step", &step),
                ("action", &format!("weg:{}.0", group.id)),
                (&first, "Sofa"),
                (&format!("a[{}.1.{child}]", group.id), "Schrank"),
            ],
        )
        .await;
    assert_eq!(answer.status, 303);
    let page = browser.get(&format!("/antrag/{service}/{step}")).await;
    assert!(page.body.contains(r#"value="Schrank""#));
    assert!(!page.body.contains(r#"value="Sofa""#));
}

const PARKING: &str = "bewohnerparkausweis-beantragen";
const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, b'I', b'H', b'D', b'R',
];

/// A seeded portal with small upload limits, and a signed-in citizen with a parking draft
/// at its vehicle step.
async fn parking_app() -> TestApp {
    let app = common::spawn_app_with(&[
        ("applications.max_file_bytes", "2048"),
        ("applications.max_total_bytes", "4096"),
    ])
    .await;
    serviceportal::server::seed::load_demo(&app.state.db, std::path::Path::new(common::DEMO_SEED))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    app
}

async fn upload(
    browser: &mut Browser<'_>,
    action: &str,
    files: &[(&str, &str, &[u8])],
) -> common::Answer {
    browser
        .post_multipart(
            "/api/applications/save-files",
            &[
                ("service", PARKING),
                ("step", "fahrzeug"),
                ("action", action),
                ("a[kennzeichen]", "SB-AB 123"),
                ("a[halter]", "eigenes"),
            ],
            files,
        )
        .await
}

async fn attachments(app: &TestApp) -> Vec<(String, i64, String, String)> {
    sqlx::query_as("SELECT file_name, size_bytes, sha256, storage_key FROM attachments ORDER BY id")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn files_are_checked_by_content_stored_with_a_checksum_and_removable() {
    let app = parking_app().await;
    let mut browser = citizen(&app, "kim@example.de", 20).await;
    browser
        .post("/api/applications/start", &[("service", PARKING)])
        .await;

    // A text file named like a PDF is refused, and nothing is stored.
    let answer = upload(
        &mut browser,
        "hochladen",
        &[("file[zulassung]", "schein.pdf", b"nur Text, kein PDF")],
    )
    .await;
    assert_eq!(
        answer.header("location"),
        Some("/antrag/bewohnerparkausweis-beantragen/fahrzeug#fehler"),
        "{} {}",
        answer.status,
        answer.body
    );
    assert_eq!(
        answer.header("location"),
        Some("/antrag/bewohnerparkausweis-beantragen/fahrzeug#fehler")
    );
    let page = browser
        .get("/antrag/bewohnerparkausweis-beantragen/fahrzeug")
        .await;
    assert!(
        page.body
            .contains("Bitte laden Sie eine PDF-, JPEG- oder PNG-Datei hoch."),
        "{}",
        page.body
    );
    assert!(
        page.body.contains(r#"value="SB-AB 123""#),
        "the typed plate stays"
    );
    assert!(attachments(&app).await.is_empty());

    // A file over the limit is refused too.
    let big = [b"%PDF-1.4\n".as_slice(), &[b'x'; 4000]].concat();
    upload(
        &mut browser,
        "hochladen",
        &[("file[zulassung]", "gross.pdf", &big)],
    )
    .await;
    let page = browser
        .get("/antrag/bewohnerparkausweis-beantragen/fahrzeug")
        .await;
    assert!(page.body.contains("Die Datei ist zu groß"));
    assert!(attachments(&app).await.is_empty());

    // A real PDF and a PNG are kept, with name, size and SHA-256, under a generated key.
    let answer = upload(
        &mut browser,
        "hochladen",
        &[
            ("file[zulassung]", "../../Zulassung Teil 1.pdf", PDF),
            ("file[zulassung]", "Rückseite.png", PNG),
        ],
    )
    .await;
    assert_eq!(
        answer.header("location"),
        Some("/antrag/bewohnerparkausweis-beantragen/fahrzeug")
    );
    let stored = attachments(&app).await;
    assert_eq!(stored.len(), 2);
    assert_eq!(
        stored[0].0, "Zulassung Teil 1.pdf",
        "only the last part of the name"
    );
    assert_eq!(stored[0].1, PDF.len() as i64);
    use sha2::{Digest, Sha256};
    let digest: String = Sha256::digest(PDF)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(stored[0].2, digest);
    assert!(stored[0].3.starts_with("applications/"));
    assert!(
        !stored[0].3.contains("Zulassung"),
        "the key is generated, not the name"
    );
    let page = browser
        .get("/antrag/bewohnerparkausweis-beantragen/fahrzeug")
        .await;
    assert!(page.body.contains("Zulassung Teil 1.pdf"));
    assert!(page.body.contains("Rückseite.png"));

    // The field takes two files at most.
    upload(
        &mut browser,
        "hochladen",
        &[("file[zulassung]", "dritte.pdf", PDF)],
    )
    .await;
    let page = browser
        .get("/antrag/bewohnerparkausweis-beantragen/fahrzeug")
        .await;
    assert!(page.body.contains("Höchstens 2 Dateien"), "{}", page.body);
    assert_eq!(attachments(&app).await.len(), 2);

    // The owner downloads a file as it was sent; anyone else gets "not found".
    let id: String = sqlx::query_scalar("SELECT public_id FROM attachments ORDER BY id LIMIT 1")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let download = browser.get(&format!("/antraege/anlagen/{id}")).await;
    assert_eq!(download.status, 200);
    assert_eq!(download.header("content-type"), Some("application/pdf"));
    assert_eq!(download.body.as_bytes(), PDF);
    let mut jo = citizen(&app, "jo@example.de", 21).await;
    assert_eq!(jo.get(&format!("/antraege/anlagen/{id}")).await.status, 404);
    let answer = jo
        .post_multipart(
            "/api/applications/save-files",
            &[
                ("service", PARKING),
                ("step", "fahrzeug"),
                ("action", &format!("datei-weg:{id}")),
            ],
            &[],
        )
        .await;
    assert_ne!(
        answer.status, 303,
        "no draft of Jo's own: refused, not done"
    );
    assert_eq!(attachments(&app).await.len(), 2);

    // A posted answer cannot point a file field at someone else's file.
    browser
        .post(
            "/api/applications/save-step",
            &[
                ("service", PARKING),
                ("step", "fahrzeug"),
                ("action", "hochladen"),
                ("a[zulassung]", "fremd"),
            ],
        )
        .await;
    let answers: String = sqlx::query_scalar("SELECT answers FROM applications")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!(!answers.contains("fremd"));

    // Removed, the file is gone from the list, the database and the store.
    let answer = upload(&mut browser, &format!("datei-weg:{id}"), &[]).await;
    assert_eq!(answer.status, 303);
    let left = attachments(&app).await;
    assert_eq!(left.len(), 1);
    assert!(
        app.state.objects.get(&stored[0].3).await.is_err(),
        "the object is deleted"
    );
    assert!(app.state.objects.get(&left[0].3).await.is_ok());
}

/// A PDF of `size` bytes.
fn pdf_of(size: usize) -> Vec<u8> {
    let mut bytes = PDF.to_vec();
    bytes.resize(size, b' ');
    bytes
}

#[tokio::test]
async fn an_application_holds_only_so_many_files_and_bytes_in_all() {
    let app = common::spawn_app_with(&[
        ("applications.max_file_bytes", "1048576"),
        ("applications.max_total_bytes", "2097152"),
        ("applications.max_files", "3"),
    ])
    .await;
    serviceportal::server::seed::load_demo(&app.state.db, std::path::Path::new(common::DEMO_SEED))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mut browser = citizen(&app, "kim@example.de", 22).await;
    browser
        .post("/api/applications/start", &[("service", PARKING)])
        .await;
    // A leased car: the step asks for the registration (two files) and a proof of use.
    let send = async |browser: &mut Browser<'_>, action: &str, file: Option<(&str, Vec<u8>)>| {
        let files: Vec<(&str, &str, &[u8])> = file
            .as_ref()
            .map(|(name, bytes)| (*name, "datei.pdf", bytes.as_slice()))
            .into_iter()
            .collect();
        browser
            .post_multipart(
                "/api/applications/save-files",
                &[
                    ("service", PARKING),
                    ("step", "fahrzeug"),
                    ("action", action),
                    ("a[kennzeichen]", "SB-AB 123"),
                    ("a[halter]", "leasing"),
                ],
                &files,
            )
            .await;
        browser
            .get("/antrag/bewohnerparkausweis-beantragen/fahrzeug")
            .await
            .body
    };
    let zulassung = "file[zulassung]";
    let nachweis = "file[nutzungsnachweis]";
    send(
        &mut browser,
        "hochladen",
        Some((zulassung, pdf_of(900_000))),
    )
    .await;
    send(
        &mut browser,
        "hochladen",
        Some((zulassung, pdf_of(900_000))),
    )
    .await;
    assert_eq!(attachments(&app).await.len(), 2);

    // Each file is under 1 MB, but together they would pass 2 MB.
    let page = send(&mut browser, "hochladen", Some((nachweis, pdf_of(400_000)))).await;
    assert!(
        page.contains("Alle Dateien eines Antrags zusammen dürfen höchstens 2 MB groß sein."),
        "{page}"
    );
    assert!(
        page.contains(r#"value="SB-AB 123""#),
        "the typed plate stays"
    );
    assert_eq!(attachments(&app).await.len(), 2, "nothing stored");

    // A small proof fits; a fourth file is one more than an application holds, although
    // its field would take two more.
    send(&mut browser, "hochladen", Some((nachweis, pdf_of(1_000)))).await;
    assert_eq!(attachments(&app).await.len(), 3);
    let page = send(&mut browser, "hochladen", Some((nachweis, pdf_of(1_000)))).await;
    assert!(
        page.contains("Ein Antrag kann höchstens 3 Dateien haben."),
        "{page}"
    );
    assert_eq!(attachments(&app).await.len(), 3, "nothing stored");

    // Once a file is removed, there is room again.
    let id: String = sqlx::query_scalar(
        "SELECT public_id FROM attachments WHERE field_path = 'zulassung' ORDER BY id LIMIT 1",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    send(&mut browser, &format!("datei-weg:{id}"), None).await;
    let page = send(&mut browser, "hochladen", Some((nachweis, pdf_of(400_000)))).await;
    assert!(!page.contains(r#"id="fehler""#), "no error left: {page}");
    assert!(!page.contains("f-nutzungsnachweis-error"), "{page}");
    assert_eq!(attachments(&app).await.len(), 3);
}

#[tokio::test]
async fn drafts_are_reminded_once_and_deleted_with_their_files_when_they_expire() {
    use serviceportal::server::jobs::{Tidied, tidy_drafts};
    let app = parking_app().await;
    let mut browser = citizen(&app, "kim@example.de", 30).await;
    browser
        .post("/api/applications/start", &[("service", PARKING)])
        .await;
    upload(
        &mut browser,
        "hochladen",
        &[("file[zulassung]", "schein.pdf", PDF)],
    )
    .await;
    let key = attachments(&app).await[0].3.clone();
    let reminders = || async {
        sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM mail_queue WHERE subject = 'Ihr Entwurf wird bald gelöscht'",
        )
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
    };

    // Kept for 30 days after the last save; nothing happens for three weeks.
    app.state.clock.advance(22 * 86_400);
    assert_eq!(tidy_drafts(&app.state).await.unwrap(), Tidied::default());
    // A week before the end, one reminder, and only one.
    app.state.clock.advance(2 * 86_400);
    assert_eq!(tidy_drafts(&app.state).await.unwrap().reminded, 1);
    assert_eq!(tidy_drafts(&app.state).await.unwrap().reminded, 0);
    assert_eq!(reminders().await, 1);
    // The same notice waits in the Postfach, among the portal's general messages.
    let mut browser = citizen_again(&app, "kim@example.de", 30).await;
    let mailbox = browser.get("/postfach").await;
    assert!(
        mailbox.body.contains("Mitteilungen des Portals"),
        "{}",
        mailbox.body
    );
    assert!(mailbox.body.contains("1 ungelesen"));
    let general = browser.get("/postfach/allgemein").await;
    assert!(
        general.body.contains("Ihr Entwurf wird bald gelöscht"),
        "{}",
        general.body
    );
    assert!(
        !browser.get("/postfach").await.body.contains("1 ungelesen"),
        "read now"
    );
    // After the 30 days the draft and its file are gone.
    app.state.clock.advance(7 * 86_400);
    assert_eq!(tidy_drafts(&app.state).await.unwrap().deleted, 1);
    assert!(attachments(&app).await.is_empty());
    assert!(app.state.objects.get(&key).await.is_err());
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM applications")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(left, 0);
}

#[tokio::test]
async fn a_draft_is_checked_against_the_form_version_it_started_with() {
    let app = spawn_seeded_app().await;
    let mut browser = citizen(&app, "kim@example.de", 40).await;
    browser
        .post("/api/applications/start", &[("service", SERVICE)])
        .await;
    // Meanwhile the authority publishes a stricter version 2: at most one copy.
    let mut v2 = storage::forms::current_for_service(&app.state.db, SERVICE)
        .await
        .unwrap()
        .expect("form");
    v2.version = 2;
    let count = v2.steps[0]
        .fields
        .iter_mut()
        .find(|f| f.id == "anzahl")
        .expect("anzahl");
    count.max = Some("1".into());
    assert!(
        storage::forms::publish(&app.state.db, &v2, app.state.clock.now())
            .await
            .unwrap()
    );

    // The open draft keeps version 1, where two copies are fine.
    let answer = save(
        &mut browser,
        "bescheinigung",
        &[("art", "einfach"), ("anzahl", "2")],
    )
    .await;
    assert_eq!(
        answer.header("location"),
        Some("/antrag/meldebescheinigung-beantragen/person"),
        "version 1 allows two"
    );
    let version: i64 = sqlx::query_scalar("SELECT form_version FROM applications")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(version, 1);

    // A new applicant starts with version 2 and is held to it.
    let mut jo = citizen(&app, "jo@example.de", 41).await;
    jo.post("/api/applications/start", &[("service", SERVICE)])
        .await;
    let answer = save(
        &mut jo,
        "bescheinigung",
        &[("art", "einfach"), ("anzahl", "2")],
    )
    .await;
    assert_eq!(
        answer.header("location"),
        Some("/antrag/meldebescheinigung-beantragen/bescheinigung#fehler")
    );
}
