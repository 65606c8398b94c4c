//! Search quality on the demo catalogue, on both databases: colloquial words, typos,
//! umlauts and synonyms must find the right service among the first three.

mod common;

use common::spawn_seeded_app;
use serviceportal::domain::catalogue::LifeSituation;
use serviceportal::server::storage::search::{SearchQuery, search};

fn query(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.into(),
        page: 1,
        ..SearchQuery::default()
    }
}

/// What people type, and the service that must be among the first three results.
const RELEVANCE: [(&str, &str); 34] = [
    ("Personalausweis", "personalausweis-beantragen"),
    ("perso", "personalausweis-beantragen"),
    ("Persnalausweis", "personalausweis-beantragen"),
    ("ausweis verloren", "personalausweis-beantragen"),
    ("Reisepass", "reisepass-beantragen"),
    ("reisepas", "reisepass-beantragen"),
    ("umzug", "wohnsitz-anmelden"),
    ("ummelden", "wohnsitz-ummelden"),
    ("neue adresse anmelden", "wohnsitz-anmelden"),
    ("Meldebescheinigung", "meldebescheinigung-beantragen"),
    ("Kfz", "fahrzeug-zulassen"),
    ("auto anmelden", "fahrzeug-zulassen"),
    ("auto abmelden", "fahrzeug-ausser-betrieb-setzen"),
    ("Wunschkennzeichen", "wunschkennzeichen-reservieren"),
    ("Fuehrerschein umtauschen", "fuehrerschein-umtauschen"),
    ("führerschein machen", "fahrerlaubnis-beantragen"),
    ("Hundesteur", "hundesteuer-anmelden"),
    ("hund anmelden", "hundesteuer-anmelden"),
    ("Gewerbeanmeldung", "gewerbe-anmelden"),
    ("firma gründen", "gewerbe-anmelden"),
    ("Führungszeugnis", "fuehrungszeugnis-beantragen"),
    ("fuhrungszeugnis", "fuehrungszeugnis-beantragen"),
    ("Briefwahl", "wahlschein-briefwahl-beantragen"),
    ("Sperrmüll", "sperrmuell-abholung-anmelden"),
    ("sperrmuell", "sperrmuell-abholung-anmelden"),
    ("Anwohnerparken", "bewohnerparkausweis-beantragen"),
    ("Mietzuschuss", "wohngeld-beantragen"),
    ("heiraten", "eheschliessung-anmelden"),
    ("Geburtsurkunde", "geburtsurkunde-beantragen"),
    ("Baby anmelden", "geburt-beurkunden"),
    ("Kindergartenplatz", "kita-platz-anmelden"),
    ("Behindertenausweis", "schwerbehindertenausweis-beantragen"),
    ("Angelschein", "fischereischein-beantragen"),
    ("Einbürgerung", "einbuergerung-beantragen"),
];

#[tokio::test]
async fn people_find_the_service_they_mean() {
    let app = spawn_seeded_app().await;
    let mut misses = Vec::new();
    for (text, expected) in RELEVANCE {
        let results = search(&app.state.db, &query(text)).await.expect("search");
        let top: Vec<_> = results
            .hits
            .iter()
            .take(3)
            .map(|h| h.slug.as_str())
            .collect();
        if !top.contains(&expected) {
            misses.push(format!("{text:?} → {top:?}, expected {expected}"));
        }
    }
    assert!(
        misses.is_empty(),
        "{} of {} queries missed:\n{}",
        misses.len(),
        RELEVANCE.len(),
        misses.join("\n")
    );
}

#[tokio::test]
async fn filters_and_paging_narrow_the_results() {
    let app = spawn_seeded_app().await;
    let db = &app.state.db;
    let all = search(db, &query("beantragen")).await.expect("search");
    assert!(all.total > 10, "{}", all.total);
    assert_eq!(all.hits.len(), 10);
    let second = search(
        db,
        &SearchQuery {
            page: 2,
            ..query("beantragen")
        },
    )
    .await
    .expect("page 2");
    assert!(!second.hits.is_empty());
    assert!(
        second
            .hits
            .iter()
            .all(|h| !all.hits.iter().any(|a| a.slug == h.slug)),
        "pages overlap"
    );

    let cars = SearchQuery {
        life_situation: Some(LifeSituation::AutoUndVerkehr),
        ..query("beantragen")
    };
    let cars = search(db, &cars).await.expect("filtered");
    assert!(cars.total > 0 && cars.total < all.total);
    let online = search(
        db,
        &SearchQuery {
            online_only: true,
            ..query("anmelden")
        },
    )
    .await
    .expect("online");
    assert!(
        online
            .hits
            .iter()
            .all(|h| h.online != serviceportal::domain::catalogue::Online::None)
    );
    assert!(online.hits.iter().any(|h| h.slug == "hundesteuer-anmelden"));
}

#[tokio::test]
async fn nothing_found_suggests_a_known_word() {
    let app = spawn_seeded_app().await;
    let results = search(&app.state.db, &query("Xylophon"))
        .await
        .expect("search");
    assert_eq!(results.total, 0);
    let results = search(&app.state.db, &query("Hndstuer"))
        .await
        .expect("search");
    assert_eq!(results.total, 0);
    assert_eq!(results.suggestion.as_deref(), Some("hundesteuer"));
    let empty = search(&app.state.db, &query("  die und  "))
        .await
        .expect("stop words only");
    assert_eq!(empty.total, 0);
}
