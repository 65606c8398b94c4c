//! Catalogue pages on the demo seed: a service with its responsible authority for the
//! chosen place, life situations, places.

mod common;

use common::{copy_demo_seed, spawn_app, spawn_seeded_app};
use serviceportal::server::seed::load_demo;

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
        "/orte",
        "/orte?suche=homburg",
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

/// The demo seed with a few postcodes and one authority's opening hours and building
/// accessibility (test data: the demo seed carries only verified facts).
async fn spawn_app_with_details() -> (common::TestApp, tempfile::TempDir) {
    let app = spawn_app().await;
    let seed = tempfile::tempdir().expect("seed dir");
    copy_demo_seed(seed.path());
    std::fs::write(
        seed.path().join("postcodes.csv"),
        "postcode,ags\n66111,10041100\n66113,10041100\n66333,10041519\n66424,10045114\n",
    )
    .expect("postcodes");
    let authorities = seed.path().join("authorities.csv");
    let text = std::fs::read_to_string(&authorities).expect("authorities");
    let text = text.replacen(
        "id,name,kind,region_ags,street,postcode,city,phone,email,website",
        "id,name,kind,region_ags,street,postcode,city,phone,email,website,opening_hours,accessibility",
        1,
    );
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("strassenverkehrsamt-10044,"))
        .expect("the Saarlouis office");
    lines[at].push_str(",\"Mo–Fr 8–12 Uhr\",\"Stufenloser Eingang, Aufzug\"");
    std::fs::write(&authorities, lines.join("\n") + "\n").expect("write");
    load_demo(&app.state.db, seed.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    (app, seed)
}

/// The links of a place list: `/orte/{ags}?ort={ags}`, in page order.
fn chosen_places(body: &str) -> Vec<String> {
    body.split("href=\"/orte/")
        .skip(1)
        .filter_map(|rest| rest.split_once("?ort=").map(|(ags, _)| ags.to_owned()))
        .collect()
}

#[tokio::test]
async fn a_place_is_found_by_name_or_postcode_and_chosen_with_one_link() {
    let (app, _seed) = spawn_app_with_details().await;
    // By postcode prefix: every Gemeinde with a matching postcode, with the postcodes.
    let page = app.get("/orte?suche=661", &[HTML]).await;
    assert_eq!(page.status, 200);
    assert_eq!(chosen_places(&page.body), ["10041100"]);
    assert!(
        page.body.contains("66111, 66113"),
        "matched postcodes shown"
    );
    let page = app.get("/orte?suche=66", &[HTML]).await;
    assert_eq!(
        chosen_places(&page.body),
        ["10045114", "10041100", "10041519"],
        "by name"
    );
    // By name, with or without umlauts, any part of it; names starting with it first.
    for query in ["V%C3%B6lklingen", "Voelklingen", "volklingen", "lkling"] {
        let page = app.get(&format!("/orte?suche={query}"), &[HTML]).await;
        assert_eq!(chosen_places(&page.body), ["10041519"], "{query}");
    }
    let page = app.get("/orte?suche=St.%20Ing", &[HTML]).await;
    assert_eq!(chosen_places(&page.body), ["10045117"]);
    let page = app.get("/orte?suche=st", &[HTML]).await;
    let found = chosen_places(&page.body);
    assert!(found.len() > 2, "{found:?}");
    assert!(
        found[0] == "10045117" || found[0] == "10046117",
        "{found:?}"
    );
    // Nothing found, or not a postcode: a clear message, a way on, and no error.
    let page = app.get("/orte?suche=Atlantis", &[HTML]).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Keine Gemeinde zu „Atlantis“ gefunden."));
    assert!(page.body.contains(r#"href="/orte""#));
    let page = app.get("/orte?suche=6611199", &[HTML]).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("ist keine Postleitzahl"));
    // The link chooses the place: its page, and the cookie that remembers it.
    let chosen = app.get("/orte/10041519?ort=10041519", &[HTML]).await;
    assert_eq!(chosen.status, 200);
    assert_eq!(chosen.cookie("ort").as_deref(), Some("ort=10041519"));
}

#[tokio::test]
async fn without_a_query_every_gemeinde_is_listed_by_kreis() {
    let app = spawn_seeded_app().await;
    let page = app.get("/orte", &[HTML]).await;
    assert_eq!(page.status, 200);
    let places = chosen_places(&page.body);
    assert_eq!(places.len(), 52);
    assert!(page.body.contains("Regionalverband Saarbrücken"));
    // Without postcode data a postcode finds nothing, and says so.
    let page = app.get("/orte?suche=66111", &[HTML]).await;
    assert!(page.body.contains("Keine Gemeinde zu „66111“ gefunden."));
}

#[tokio::test]
async fn the_start_page_shows_frequently_used_services_in_their_order() {
    let app = spawn_seeded_app().await;
    let page = app.get("/", &[HTML]).await;
    assert_eq!(page.status, 200);
    let section = page
        .body
        .split("id=\"home-popular\"")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .expect("a frequently used section");
    let slugs: Vec<&str> = section
        .split("href=\"/leistungen/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(slugs.len(), 8);
    assert_eq!(
        &slugs[..3],
        [
            "personalausweis-beantragen",
            "wohnsitz-anmelden",
            "fahrzeug-zulassen"
        ]
    );
    // With a chosen place, the links carry it.
    let page = app.get("/?ort=10041519", &[HTML]).await;
    assert!(
        page.body
            .contains(r#"href="/leistungen/personalausweis-beantragen?ort=10041519""#)
    );
}

#[tokio::test]
async fn an_authority_shows_opening_hours_and_building_accessibility_where_known() {
    let (app, _seed) = spawn_app_with_details().await;
    let page = app
        .get("/behoerden/strassenverkehrsamt-10044", &[HTML])
        .await;
    assert!(page.body.contains("Öffnungszeiten"));
    assert!(page.body.contains("Mo–Fr 8–12 Uhr"));
    assert!(page.body.contains("Barrierefreiheit des Gebäudes"));
    assert!(page.body.contains("Stufenloser Eingang, Aufzug"));
    // Also where a service names it as responsible.
    let page = app
        .get("/leistungen/fahrzeug-zulassen?ort=10044111", &[HTML])
        .await;
    assert!(page.body.contains("Mo–Fr 8–12 Uhr"));
    // Unknown details are left out rather than guessed.
    let page = app
        .get("/behoerden/strassenverkehrsamt-10041", &[HTML])
        .await;
    assert!(!page.body.contains("Öffnungszeiten"));
}
