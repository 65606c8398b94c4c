//! The demo seed: real regions, the catalogue, and who is responsible where.

mod common;

use common::spawn_app;
use serviceportal::domain::catalogue::Authority;
use serviceportal::domain::region::{Ags, RegionKind};
use serviceportal::server::seed::{self, SeedError, load_demo, read_regions};
use serviceportal::server::storage::{catalogue, regions};
use std::path::Path;

use common::DEMO_SEED as DEMO;

fn ags(s: &str) -> Ags {
    Ags::parse(s).expect("ags")
}

#[test]
fn the_demo_seed_files_are_complete_and_consistent() {
    let seed = seed::read(Path::new(DEMO)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(seed.regions.len(), 59);
    assert!(
        seed.services.len() >= 40,
        "only {} services",
        seed.services.len()
    );
    let gemeinden = seed
        .regions
        .iter()
        .filter(|r| r.kind() == RegionKind::Gemeinde)
        .count();
    // Every service resolves for every Gemeinde (checked again in the database below).
    for service in &seed.services {
        let covered: usize = seed
            .responsibilities
            .iter()
            .filter(|(s, _, _)| s == &service.slug)
            .map(|(_, region, _)| {
                seed.regions
                    .iter()
                    .filter(|r| r.kind() == RegionKind::Gemeinde && r.ags.is_within(&ags(region)))
                    .count()
            })
            .sum();
        assert_eq!(
            covered, gemeinden,
            "{} does not cover every Gemeinde once",
            service.slug
        );
    }
}

#[tokio::test]
async fn the_demo_seed_loads_idempotently_and_every_service_resolves_everywhere() {
    let app = spawn_app().await;
    let db = &app.state.db;
    let report = load_demo(db, Path::new(DEMO))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.regions, 59);
    load_demo(db, Path::new(DEMO)).await.expect("seed again");
    assert_eq!(regions::count(db, RegionKind::Land).await.unwrap(), 1);
    assert_eq!(regions::count(db, RegionKind::Kreis).await.unwrap(), 6);
    assert_eq!(regions::count(db, RegionKind::Gemeinde).await.unwrap(), 52);
    assert_eq!(
        catalogue::count_services(db).await.unwrap(),
        report.services as i64
    );

    let saarland = ags("10");
    let mut gemeinden = Vec::new();
    for kreis in regions::children(db, &saarland).await.unwrap() {
        gemeinden.extend(regions::children(db, &kreis.ags).await.unwrap());
    }
    assert_eq!(gemeinden.len(), 52);
    for slug in catalogue::service_slugs(db).await.unwrap() {
        for gemeinde in &gemeinden {
            let authority = catalogue::responsible_authority(db, &slug, &gemeinde.ags)
                .await
                .unwrap();
            let authority =
                authority.unwrap_or_else(|| panic!("{slug} has no authority in {}", gemeinde.name));
            assert!(
                gemeinde.ags.is_within(&ags(&authority.region_ags)),
                "{slug}: {authority:?} is not over {}",
                gemeinde.name
            );
        }
    }
}

#[tokio::test]
async fn the_right_level_answers() {
    let app = spawn_app().await;
    let db = &app.state.db;
    load_demo(db, Path::new(DEMO)).await.expect("seed");
    let saarlouis_gemeinde = ags("10044111"); // Dillingen/Saar, Landkreis Saarlouis
    let saarbruecken = ags("10041100");

    let passport =
        catalogue::responsible_authority(db, "personalausweis-beantragen", &saarbruecken)
            .await
            .unwrap()
            .unwrap();
    assert_eq!(passport.id, "rathaus-10041100");
    let car = catalogue::responsible_authority(db, "fahrzeug-zulassen", &saarlouis_gemeinde)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(car.id, "strassenverkehrsamt-10044");
    let disability = catalogue::responsible_authority(
        db,
        "schwerbehindertenausweis-beantragen",
        &saarlouis_gemeinde,
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(disability.id, "landesamt-soziales");
}

/// A row for a smaller region wins over the inherited one: a town with its own
/// vehicle registration office keeps it, its neighbours go to the Kreis.
#[tokio::test]
async fn the_most_specific_responsibility_wins() {
    let app = spawn_app().await;
    let db = &app.state.db;
    load_demo(db, Path::new(DEMO)).await.expect("seed");
    let own_office = Authority {
        id: "strassenverkehrsamt-10044111".into(),
        name: "Straßenverkehrsamt Dillingen".into(),
        kind: "strassenverkehrsamt".into(),
        region_ags: "10044111".into(),
        ..Authority::default()
    };
    catalogue::upsert_authorities(db, &[own_office])
        .await
        .expect("authority");
    sqlx::query(
        "INSERT INTO responsibilities (service_slug, region_ags, authority_id) VALUES ($1, $2, $3)",
    )
    .bind("fahrzeug-zulassen")
    .bind("10044111")
    .bind("strassenverkehrsamt-10044111")
    .execute(&db.pool)
    .await
    .expect("responsibility");
    let own = catalogue::responsible_authority(db, "fahrzeug-zulassen", &ags("10044111"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(own.id, "strassenverkehrsamt-10044111");
    let neighbour = catalogue::responsible_authority(db, "fahrzeug-zulassen", &ags("10044115"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(neighbour.id, "strassenverkehrsamt-10044");
    let unknown = catalogue::responsible_authority(db, "gibt-es-nicht", &ags("10044115"))
        .await
        .unwrap();
    assert_eq!(unknown, None);
}

#[test]
fn a_broken_seed_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("regions.csv");
    let cases = [
        (
            "ags,name\n10,Land\n10041,Kreis\n10041,Doppelt\n",
            "line 4",
            "twice",
        ),
        ("ags,name\n10,Land\n1004,Kaputt\n", "line 3", "AGS"),
        (
            "ags,name\n10,Land\n10099100,Ohne Kreis\n",
            "line 3",
            "10099",
        ),
        ("ags,name\n10,\n", "line 2", "no name"),
    ];
    for (text, line, why) in cases {
        std::fs::write(&path, text).unwrap();
        let error = read_regions(&path).unwrap_err();
        assert!(matches!(error, SeedError::Invalid { .. }), "{error}");
        let message = error.to_string();
        assert!(message.contains(line) && message.contains(why), "{message}");
    }
}

#[test]
fn a_service_with_an_invented_leika_key_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let services = dir.path().join("services");
    std::fs::create_dir_all(&services).unwrap();
    let original =
        std::fs::read_to_string(Path::new(DEMO).join("services/personalausweis-beantragen.toml"))
            .unwrap();
    let forged = original.replace("99008001012000", "99008001099999");
    std::fs::write(services.join("personalausweis-beantragen.toml"), forged).unwrap();
    let error = seed::read_services(&services).unwrap_err().to_string();
    assert!(error.contains("99008001099999"), "{error}");
}

#[test]
fn postcodes_must_be_five_digits_of_a_listed_gemeinde() {
    let dir = tempfile::tempdir().unwrap();
    let regions = seed::read_regions(&Path::new(DEMO).join("regions.csv")).unwrap();
    let path = dir.path().join("postcodes.csv");
    std::fs::write(&path, "postcode,ags\n66111,10041100\n66111,10041519\n").unwrap();
    let rows = seed::read_postcodes(&path, &regions).unwrap();
    assert_eq!(rows.len(), 2, "a postcode may span Gemeinden");
    let cases = [
        ("postcode,ags\n6611,10041100\n", "line 2", "five-digit"),
        (
            "postcode,ags\n66111,10041\n",
            "line 2",
            "not a listed Gemeinde",
        ),
        (
            "postcode,ags\n66111,10041999\n",
            "line 2",
            "not a listed Gemeinde",
        ),
        (
            "postcode,ags\n66111,10041100\n66111,10041100\n",
            "line 3",
            "twice",
        ),
    ];
    for (text, line, why) in cases {
        std::fs::write(&path, text).unwrap();
        let message = seed::read_postcodes(&path, &regions)
            .unwrap_err()
            .to_string();
        assert!(message.contains(line) && message.contains(why), "{message}");
    }
}

#[test]
fn two_services_cannot_share_a_popular_rank() {
    let dir = tempfile::tempdir().unwrap();
    let services = dir.path().join("services");
    std::fs::create_dir_all(&services).unwrap();
    for slug in ["personalausweis-beantragen", "reisepass-beantragen"] {
        let file = format!("{slug}.toml");
        let text = std::fs::read_to_string(Path::new(DEMO).join("services").join(&file)).unwrap();
        let text: String = text
            .lines()
            .filter(|l| !l.starts_with("popular"))
            .map(|l| format!("{l}\n"))
            .collect();
        std::fs::write(services.join(&file), text + "popular = 3\n").unwrap();
    }
    let error = seed::read_services(&services).unwrap_err().to_string();
    assert!(error.contains("popular = 3"), "{error}");
}

#[test]
fn every_portal_service_has_a_complete_form() {
    let seed = seed::read(Path::new(DEMO)).unwrap_or_else(|e| panic!("{e}"));
    assert!(seed.forms.len() >= 6, "only {} forms", seed.forms.len());
    for form in &seed.forms {
        // The linter ran while reading; the forms are real, not placeholders.
        let fields = form.fields().count();
        assert!(fields >= 5, "{}: {fields} fields", form.id);
        assert!(form.steps.len() >= 2, "{}: one step only", form.id);
    }
}

/// Writes a copy of the demo seed with one form changed by `edit`, and reads it.
fn read_with_form(form: &str, edit: impl Fn(String) -> String) -> Result<seed::Seed, SeedError> {
    let dir = tempfile::tempdir().expect("dir");
    common::copy_demo_seed(dir.path());
    let path = dir.path().join("forms").join(format!("{form}.toml"));
    let text = std::fs::read_to_string(&path).expect("form");
    std::fs::write(&path, edit(text)).expect("write");
    seed::read(dir.path())
}

#[test]
fn broken_forms_are_refused_with_the_reason() {
    let unknown_type = read_with_form("meldebescheinigung", |t| {
        t.replacen("type = \"radio\"", "type = \"slider\"", 1)
    });
    assert!(
        matches!(&unknown_type, Err(e) if e.to_string().contains("unknown variant `slider`")),
        "{unknown_type:?}"
    );
    let dangling = read_with_form("briefwahl", |t| {
        t.replacen("field = \"", "field = \"gibt_es_nicht_", 1)
    });
    assert!(
        matches!(&dangling, Err(e) if e.to_string().contains("gibt_es_nicht_")),
        "{dangling:?}"
    );
    let untranslated = read_with_form("sperrmuell-anmeldung", |t| {
        let start = t.find("fr = \"").expect("a French text");
        let end = start + t[start + 6..].find('"').expect("its end") + 7;
        format!("{}fr = \"\"{}", &t[..start], &t[end..])
    });
    assert!(
        matches!(&untranslated, Err(e) if e.to_string().contains("no text in fr")),
        "{untranslated:?}"
    );
}

#[tokio::test]
async fn a_published_form_version_never_changes() {
    let app = spawn_app().await;
    let db = &app.state.db;
    let report = load_demo(db, Path::new(DEMO))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.forms, 6);
    load_demo(db, Path::new(DEMO))
        .await
        .expect("the same versions again");
    let form = serviceportal::server::storage::forms::current_for_service(
        db,
        "meldebescheinigung-beantragen",
    )
    .await
    .unwrap()
    .expect("published");
    assert_eq!(form.id, "meldebescheinigung");

    // The same version with other content is refused; a new version is published.
    let dir = tempfile::tempdir().expect("dir");
    common::copy_demo_seed(dir.path());
    let path = dir.path().join("forms").join("meldebescheinigung.toml");
    let changed = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("max = \"5\"", "max = \"9\"", 1);
    std::fs::write(&path, &changed).unwrap();
    let refused = load_demo(db, dir.path()).await;
    assert!(
        matches!(&refused, Err(e) if e.to_string().contains("needs a new version")),
        "{refused:?}"
    );
    std::fs::write(&path, changed.replacen("version = 1", "version = 2", 1)).unwrap();
    load_demo(db, dir.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let newest = serviceportal::server::storage::forms::current_for_service(
        db,
        "meldebescheinigung-beantragen",
    )
    .await
    .unwrap()
    .expect("published");
    assert_eq!(newest.version, 2);
    let first = serviceportal::server::storage::forms::version(db, "meldebescheinigung", 1)
        .await
        .unwrap()
        .expect("still there");
    assert_ne!(first, newest);
}
