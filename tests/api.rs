//! The catalogue's JSON API and its OpenAPI document, on the demo seed.

mod common;

use common::{TestApp, spawn_seeded_app};
use serde_json::Value;

async fn json(app: &TestApp, path: &str) -> (u16, Value) {
    let answer = app.get(path, &[]).await;
    assert_eq!(
        answer.header("content-type"),
        Some("application/json"),
        "{path}"
    );
    (
        answer.status.as_u16(),
        serde_json::from_str(&answer.body).expect("json"),
    )
}

#[tokio::test]
async fn services_are_listed_in_pages_and_filtered() {
    let app = spawn_seeded_app().await;
    let (status, first) = json(&app, "/api/v1/services?per_page=5").await;
    assert_eq!(status, 200);
    assert_eq!(first["items"].as_array().unwrap().len(), 5);
    assert_eq!(first["total"], 50);
    let (_, second) = json(&app, "/api/v1/services?per_page=5&page=2").await;
    assert_ne!(first["items"][0]["slug"], second["items"][0]["slug"]);
    let (_, cars) = json(
        &app,
        "/api/v1/services?life_situation=auto-und-verkehr&per_page=100",
    )
    .await;
    let slugs: Vec<_> = cars["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["slug"].as_str().unwrap())
        .collect();
    assert!(slugs.contains(&"fahrzeug-zulassen") && !slugs.contains(&"personalausweis-beantragen"));
}

#[tokio::test]
async fn one_service_with_its_texts() {
    let app = spawn_seeded_app().await;
    let (status, service) = json(&app, "/api/v1/services/personalausweis-beantragen").await;
    assert_eq!(status, 200);
    assert_eq!(service["leika"], "99008001012000");
    assert_eq!(service["level"], "gemeinde");
    assert!(
        service["documents"]
            .as_array()
            .is_some_and(|d| !d.is_empty())
    );
    let (status, missing) = json(&app, "/api/v1/services/gibt-es-nicht").await;
    assert_eq!(
        (status, missing["error"].as_str()),
        (404, Some("not_found"))
    );
}

#[tokio::test]
async fn regions_authorities_and_responsibilities() {
    let app = spawn_seeded_app().await;
    let (_, kreise) = json(&app, "/api/v1/regions?kind=kreis").await;
    assert_eq!(kreise["total"], 6);
    assert_eq!(kreise["items"][0]["parent_ags"], "10");
    let (_, saarlouis) = json(&app, "/api/v1/authorities?region=10044").await;
    assert_eq!(saarlouis["total"], 2);

    let (status, who) = json(
        &app,
        "/api/v1/responsibilities?service=fahrzeug-zulassen&ags=10044111",
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(who["authority"]["id"], "strassenverkehrsamt-10044");
    assert_eq!(who["region"]["name"], "Dillingen/Saar");
}

#[tokio::test]
async fn bad_parameters_get_clear_client_errors() {
    let app = spawn_seeded_app().await;
    for (path, status) in [
        ("/api/v1/services?per_page=500", 400),
        ("/api/v1/services?page=0", 400),
        ("/api/v1/services?page=abc", 400),
        ("/api/v1/services?life_situation=urlaub", 400),
        ("/api/v1/services?sort=title", 400),
        ("/api/v1/regions?kind=stadt", 400),
        ("/api/v1/authorities?region=12", 200),
        ("/api/v1/authorities?region=1234", 400),
        ("/api/v1/responsibilities?service=fahrzeug-zulassen", 400),
        (
            "/api/v1/responsibilities?service=fahrzeug-zulassen&ags=10044",
            400,
        ),
        (
            "/api/v1/responsibilities?service=fahrzeug-zulassen&ags=10099999",
            404,
        ),
        (
            "/api/v1/responsibilities?service=gibt-es-nicht&ags=10044111",
            404,
        ),
    ] {
        let (got, body) = json(&app, path).await;
        assert_eq!(got, status, "{path}: {body}");
        if status >= 400 {
            assert!(
                body["message"].as_str().is_some_and(|m| !m.is_empty()),
                "{path}"
            );
        }
    }
}

#[tokio::test]
async fn the_openapi_document_describes_every_endpoint() {
    let app = spawn_seeded_app().await;
    let (status, doc) = json(&app, "/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    for path in [
        "/api/v1/services",
        "/api/v1/services/{slug}",
        "/api/v1/regions",
        "/api/v1/authorities",
        "/api/v1/responsibilities",
    ] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} missing");
    }
    assert!(doc["components"]["schemas"]["Service"].is_object());
}
