//! Pages, languages, headers and the operational endpoints.

mod common;

use common::spawn_app;

#[tokio::test]
async fn every_page_renders_in_german_by_default() {
    let app = spawn_app().await;
    for (path, heading) in [
        ("/", "Serviceportal Saarland"),
        ("/barrierefreiheit", "Erklärung zur Barrierefreiheit"),
        ("/leichte-sprache", "Leichte Sprache"),
        ("/gebaerdensprache", "Gebärdensprache"),
        ("/impressum", "Impressum"),
        ("/datenschutz", "Datenschutz"),
        ("/offline", "Keine Verbindung"),
    ] {
        let page = app.get(path, &[]).await;
        assert_eq!(page.status, 200, "{path}");
        assert!(page.body.contains(r#"<html lang="de""#), "{path}: lang");
        assert!(page.body.contains(heading), "{path}: {heading}");
        assert!(
            page.body.contains(r##"href="#inhalt""##),
            "{path}: skip link"
        );
        assert!(
            page.body.contains(r#"<main id="inhalt""#),
            "{path}: main landmark"
        );
        for footer in [
            "/impressum",
            "/datenschutz",
            "/leichte-sprache",
            "/gebaerdensprache",
        ] {
            assert!(
                page.body.contains(&format!(r#"href="{footer}""#)),
                "{path}: footer link {footer}"
            );
        }
    }
}

#[tokio::test]
async fn the_statement_names_the_enforcement_body_and_the_feedback_contact() {
    let app = spawn_app().await;
    let page = app.get("/barrierefreiheit", &[]).await;
    let a11y = &app.state.config.accessibility;
    assert!(page.body.contains(&a11y.enforcement_name));
    assert!(page.body.contains(&a11y.contact_email));
    assert!(page.body.contains(&a11y.statement_date));
    assert!(page.body.contains("teilweise"), "conformance status");
    assert!(
        page.body.contains(r#"action="/api/feedback/submit""#),
        "the feedback form posts without JavaScript"
    );
}

#[tokio::test]
async fn unknown_pages_get_a_designed_404() {
    let app = spawn_app().await;
    let page = app.get("/gibt-es-nicht", &[]).await;
    assert_eq!(page.status, 404);
    assert!(page.body.contains("Seite nicht gefunden"));
    assert!(
        page.body.contains(r#"class="site-footer""#),
        "in the portal's design"
    );
}

#[tokio::test]
async fn the_error_page_shows_only_a_well_formed_reference() {
    let app = spawn_app().await;
    let page = app.get("/fehler?kennung=abc123", &[]).await;
    assert!(page.body.contains("abc123"));
    let page = app.get("/fehler?kennung=%3Cscript%3E", &[]).await;
    assert!(!page.body.contains("script%3E") && !page.body.contains("<script>alert"));
}

#[tokio::test]
async fn the_language_follows_the_browser_then_the_choice() {
    let app = spawn_app().await;
    let page = app
        .get(
            "/barrierefreiheit",
            &[("accept-language", "fr-CH, fr;q=0.9, en;q=0.8")],
        )
        .await;
    assert!(page.body.contains(r#"<html lang="fr""#));
    assert!(
        page.body.contains("Déclaration d&#39;accessibilité")
            || page.body.contains("Déclaration d'accessibilité")
    );

    let switch = app
        .get("/sprache/en?zurueck=%2Fbarrierefreiheit", &[])
        .await;
    assert_eq!(switch.status, 303);
    assert_eq!(switch.header("location"), Some("/barrierefreiheit"));
    let cookie = switch.cookie("sprache").expect("language cookie");
    assert_eq!(cookie, "sprache=en");

    let page = app
        .get(
            "/barrierefreiheit",
            &[("cookie", &cookie), ("accept-language", "fr")],
        )
        .await;
    assert!(page.body.contains(r#"<html lang="en""#));
    assert!(page.body.contains("Accessibility statement"));
}

#[tokio::test]
async fn the_language_switch_never_leaves_the_site() {
    let app = spawn_app().await;
    for target in [
        "https%3A%2F%2Fevil.example",
        "%2F%2Fevil.example",
        "%2F%5Cevil.example",
    ] {
        let switch = app.get(&format!("/sprache/de?zurueck={target}"), &[]).await;
        assert_eq!(switch.header("location"), Some("/"), "{target}");
    }
    assert_eq!(app.get("/sprache/xx", &[]).await.status, 404);
}

#[tokio::test]
async fn pages_carry_a_nonce_csp_and_protective_headers() {
    let app = spawn_app().await;
    let page = app.get("/", &[]).await;
    let csp = page.header("content-security-policy").expect("csp");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the CSP");
    assert!(
        page.body.contains(&format!(r#"nonce="{nonce}""#)),
        "scripts carry the nonce"
    );
    assert!(csp.contains("frame-ancestors 'none'"));
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(page.header("referrer-policy"), Some("same-origin"));
    assert_eq!(page.header("cache-control"), Some("no-store"));
    assert!(page.header("x-request-id").is_some());
    // Plain HTTP: no HSTS.
    assert!(page.header("strict-transport-security").is_none());
    let again = app.get("/", &[]).await;
    assert_ne!(
        again.header("content-security-policy"),
        Some(csp),
        "a fresh nonce per response"
    );
}

#[tokio::test]
async fn health_and_readiness() {
    let app = spawn_app().await;
    assert_eq!(app.get("/healthz", &[]).await.status, 200);
    assert_eq!(app.get("/readyz", &[]).await.status, 200);
    app.state.db.close().await;
    let ready = app.get("/readyz", &[]).await;
    assert_eq!(ready.status, 503);
    assert!(
        !ready.body.contains("sqlx") && !ready.body.contains("pool"),
        "{}",
        ready.body
    );
    assert_eq!(
        app.get("/healthz", &[]).await.status,
        200,
        "the process is still up"
    );
}

#[tokio::test]
async fn the_web_app_manifest_and_service_worker_are_served() {
    let app = spawn_app().await;
    let manifest = app.get("/manifest.webmanifest", &[]).await;
    assert_eq!(
        manifest.header("content-type"),
        Some("application/manifest+json")
    );
    let json: serde_json::Value = serde_json::from_str(&manifest.body).expect("manifest json");
    assert_eq!(json["name"], "Serviceportal Saarland");
    assert_eq!(json["display"], "standalone");
    assert_eq!(json["start_url"], "/");
    let icons = json["icons"].as_array().expect("icons");
    assert!(icons.iter().any(|i| i["purpose"] == "maskable"));
    assert!(icons.iter().any(|i| i["sizes"] == "512x512"));

    let worker = app.get("/sw.js", &[]).await;
    assert!(
        worker
            .header("content-type")
            .is_some_and(|t| t.starts_with("text/javascript"))
    );
    assert!(
        worker
            .body
            .contains(&format!("\"{}\"", app.state.assets.version))
    );
    assert!(!worker.body.contains("__ASSETS__"));
}

#[tokio::test]
async fn precompressed_assets_are_served_as_they_are() {
    let app = spawn_app().await;
    let root = &app.state.config.server.site_root;
    std::fs::create_dir_all(root.join("pkg")).expect("pkg");
    std::fs::write(root.join("pkg/test.css"), "body { color: red } ".repeat(50)).expect("css");
    serviceportal::server::assets::precompress(root).expect("precompress");
    let answer = app.get("/pkg/test.css", &[("accept-encoding", "br")]).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("content-encoding"), Some("br"));
    assert_eq!(answer.header("cache-control"), Some("no-cache"));
}

#[tokio::test]
async fn over_https_cookies_are_host_bound_and_hsts_is_sent() {
    let app = common::spawn_app_with(&[("site.base_url", "https://portal.example.de")]).await;
    let page = app.get("/", &[]).await;
    assert_eq!(
        page.header("strict-transport-security"),
        Some("max-age=31536000; includeSubDomains")
    );
    let switch = app.get("/sprache/fr", &[]).await;
    let cookie = switch.header("set-cookie").expect("cookie");
    assert!(cookie.starts_with("__Host-sprache=fr;"), "{cookie}");
    assert!(
        cookie.contains("; Secure") && cookie.contains("; Path=/"),
        "{cookie}"
    );
    // The origin check follows the configured origin.
    let answer = app
        .post_form(
            "/api/feedback/submit",
            "form%5Bmessage%5D=x".into(),
            &[("origin", "https://portal.example.de")],
        )
        .await;
    assert_eq!(answer.status, 200);
}

#[tokio::test]
async fn pages_are_compressed_for_browsers_that_accept_it() {
    let app = spawn_app().await;
    let page = app
        .get("/barrierefreiheit", &[("accept-encoding", "br")])
        .await;
    assert_eq!(page.header("content-encoding"), Some("br"));
    let page = app
        .get("/barrierefreiheit", &[("accept-encoding", "gzip")])
        .await;
    assert_eq!(page.header("content-encoding"), Some("gzip"));
}
