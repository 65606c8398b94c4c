//! Catalogue pages on the demo seed: a service with its responsible authority for the
//! chosen place, life situations, places.

mod common;

use common::spawn_seeded_app;

const HTML: (&str, &str) = ("accept", "text/html");

#[tokio::test]
async fn a_service_page_asks_for_the_place_then_names_the_authority() {
    let app = spawn_seeded_app().await;
    let page = app.get("/leistungen/fahrzeug-zulassen", &[HTML]).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("<h1 class=\"kern-heading-x-large\">Fahrzeug zulassen"),
        "title"
    );
    assert!(
        page.body.contains("Wählen Sie Ihre Gemeinde"),
        "asks for the place"
    );
    assert!(
        page.body
            .contains(r#"<option value="10044111">Dillingen/Saar</option>"#),
        "place picker"
    );
    assert!(
        page.body.contains("Zulassungsbescheinigung Teil II"),
        "documents"
    );

    let chosen = app
        .get("/leistungen/fahrzeug-zulassen?ort=10044111", &[HTML])
        .await;
    assert!(
        chosen.body.contains("Für Dillingen/Saar ist zuständig:"),
        "place named"
    );
    assert!(
        chosen
            .body
            .contains("Straßenverkehrsamt Landkreis Saarlouis"),
        "authority"
    );
    let cookie = chosen.cookie("ort").expect("the place is remembered");
    assert_eq!(cookie, "ort=10044111");

    // The next service page knows the place from the cookie.
    let next = app
        .get(
            "/leistungen/personalausweis-beantragen",
            &[HTML, ("cookie", &cookie)],
        )
        .await;
    assert!(
        next.body.contains("Bürgeramt Dillingen/Saar"),
        "Gemeinde-level authority"
    );
}

#[tokio::test]
async fn unknown_services_places_and_life_situations_are_404() {
    let app = spawn_seeded_app().await;
    for path in [
        "/leistungen/gibt-es-nicht",
        "/orte/99999999",
        "/orte/10044",
        "/lebenslagen/urlaub",
    ] {
        let page = app.get(path, &[HTML]).await;
        assert_eq!(page.status, 404, "{path}");
        assert!(page.body.contains("Seite nicht gefunden"), "{path}");
    }
    // A malformed place is ignored, not an error.
    let page = app
        .get("/leistungen/fahrzeug-zulassen?ort=%3Cscript%3E", &[HTML])
        .await;
    assert_eq!(page.status, 200);
    assert!(page.cookie("ort").is_none());
}

#[tokio::test]
async fn a_life_situation_lists_its_services() {
    let app = spawn_seeded_app().await;
    let page = app.get("/lebenslagen/auto-und-verkehr", &[HTML]).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Auto und Verkehr"));
    assert!(
        page.body
            .contains(r#"href="/leistungen/fahrzeug-zulassen""#)
    );
    assert!(
        !page
            .body
            .contains(r#"href="/leistungen/personalausweis-beantragen""#)
    );
}

#[tokio::test]
async fn a_place_lists_every_service_with_its_authority() {
    let app = spawn_seeded_app().await;
    let page = app.get("/orte/10044111", &[HTML]).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Leistungen in Dillingen/Saar"));
    let services = serviceportal::server::storage::catalogue::count_services(&app.state.db)
        .await
        .unwrap();
    assert_eq!(
        page.body.matches("class=\"service-list__item\"").count() as i64,
        services
    );
    assert!(
        page.body
            .contains(r#"href="/leistungen/fahrzeug-zulassen?ort=10044111""#)
    );
    assert!(page.body.contains("Straßenverkehrsamt Landkreis Saarlouis"));
    assert!(page.body.contains("Landesamt für Soziales"));
}

#[tokio::test]
async fn german_catalogue_texts_are_marked_as_german_on_other_language_pages() {
    let app = spawn_seeded_app().await;
    let page = app
        .get(
            "/leistungen/personalausweis-beantragen",
            &[HTML, ("accept-language", "en")],
        )
        .await;
    assert!(page.body.contains(r#"<html lang="en""#));
    assert!(page.body.contains("Which documents do I need?"));
    assert!(
        page.body
            .contains(r#"<div lang="de" class="service-texts">"#)
    );
    assert!(page.body.contains("only available in German"));
}

#[tokio::test]
async fn the_search_page_finds_filters_pages_and_suggests() {
    let app = spawn_seeded_app().await;
    let page = app.get("/suche?q=perso&ort=10041100", &[HTML]).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<title>Suche nach „perso“"), "title");
    assert!(
        page.body
            .contains(r#"href="/leistungen/personalausweis-beantragen?ort=10041100""#)
    );
    assert!(
        page.body.contains("Bürgeramt Saarbrücken"),
        "authority for the place"
    );

    let many = app.get("/suche?q=beantragen", &[HTML]).await;
    assert!(many.body.contains("Seite 1 von"), "pager");
    assert!(many.body.contains("seite=2"), "link to page 2");
    let filtered = app
        .get("/suche?q=beantragen&lebenslage=tiere", &[HTML])
        .await;
    assert!(!filtered.body.contains("personalausweis-beantragen"));

    let none = app.get("/suche?q=Hndstuer", &[HTML]).await;
    assert!(none.body.contains("keine Leistung gefunden"));
    assert!(
        none.body.contains(r#"href="/suche?q=hundesteuer""#),
        "did you mean"
    );

    // Markup in the query is text, never markup: not in the title, not in the page.
    let hostile = app
        .get(
            "/suche?q=%3C%2Ftitle%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            &[HTML],
        )
        .await;
    assert_eq!(hostile.status, 200);
    assert!(
        !hostile.body.contains("<script>alert(1)"),
        "unescaped markup"
    );
    assert!(
        hostile
            .body
            .contains("<title>Suche nach „&lt;/title&gt;&lt;script&gt;"),
        "escaped title"
    );
}

#[tokio::test]
async fn an_authority_page_shows_its_region_and_services() {
    let app = spawn_seeded_app().await;
    let page = app
        .get("/behoerden/strassenverkehrsamt-10044", &[HTML])
        .await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Straßenverkehrsamt Landkreis Saarlouis"));
    assert!(page.body.contains("Zuständig für Landkreis Saarlouis."));
    assert!(
        page.body
            .contains(r#"href="/leistungen/fahrzeug-zulassen""#)
    );
    assert!(
        !page
            .body
            .contains(r#"href="/leistungen/personalausweis-beantragen""#)
    );
    assert_eq!(
        app.get("/behoerden/gibt-es-nicht", &[HTML]).await.status,
        404
    );
}

#[tokio::test]
async fn the_search_box_suggests_services_while_typing() {
    let app = spawn_seeded_app().await;
    let answer = app.get("/api/catalogue/suggest?q=perso", &[]).await;
    assert_eq!(answer.status, 200);
    let list: serde_json::Value = serde_json::from_str(&answer.body).expect("json");
    let slugs: Vec<_> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["slug"].as_str().unwrap())
        .collect();
    assert!(slugs.contains(&"personalausweis-beantragen"), "{slugs:?}");
    assert!(slugs.len() <= 6);
    let short = app.get("/api/catalogue/suggest?q=p", &[]).await;
    assert_eq!(short.body, "[]");
}

/// Pages with an island load the island scripts; pages without load no script at all.
#[tokio::test]
async fn only_pages_with_islands_load_scripts() {
    let app = spawn_seeded_app().await;
    for path in [
        "/",
        "/suche?q=hund",
        "/barrierefreiheit",
        "/barrierefreiheit/danke",
        "/leistungen/fahrzeug-zulassen",
        "/lebenslagen/umzug",
        "/orte/10041100",
        "/behoerden/landesamt-soziales",
        "/impressum",
        "/datenschutz",
        "/leichte-sprache",
        "/gebaerdensprache",
        "/offline",
        "/gibt-es-nicht",
    ] {
        let page = app.get(path, &[HTML]).await;
        let has_island = page.body.contains("<leptos-island");
        let loads_scripts = page.body.contains(r#"<script type="module""#);
        assert_eq!(
            has_island, loads_scripts,
            "{path}: island {has_island}, scripts {loads_scripts}"
        );
    }
}
