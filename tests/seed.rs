//! The demo seed: the real regions of the Land, loaded idempotently, checked before loading.

mod common;

use common::spawn_app;
use serviceportal::domain::region::{Ags, RegionKind};
use serviceportal::server::seed::{SeedError, load_demo, read_regions};
use serviceportal::server::storage::regions;
use std::path::Path;

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seed/demo");

#[tokio::test]
async fn the_demo_seed_has_the_land_its_six_kreise_and_52_gemeinden() {
    let app = spawn_app().await;
    let db = &app.state.db;
    let report = load_demo(db, Path::new(DEMO)).await.expect("seed");
    assert_eq!(report.regions, 59);
    // Loading again changes nothing.
    load_demo(db, Path::new(DEMO)).await.expect("seed again");
    assert_eq!(regions::count(db, RegionKind::Land).await.unwrap(), 1);
    assert_eq!(regions::count(db, RegionKind::Kreis).await.unwrap(), 6);
    assert_eq!(regions::count(db, RegionKind::Gemeinde).await.unwrap(), 52);

    let saarland = Ags::parse("10").unwrap();
    let kreise = regions::children(db, &saarland).await.unwrap();
    let names: Vec<_> = kreise.iter().map(|r| r.name.as_str()).collect();
    assert!(names.contains(&"Regionalverband Saarbrücken"), "{names:?}");
    let sankt_wendel = regions::children(db, &Ags::parse("10046").unwrap())
        .await
        .unwrap();
    assert_eq!(sankt_wendel.len(), 8);
    let saarbruecken = regions::get(db, &Ags::parse("10041100").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(saarbruecken.name, "Saarbrücken");
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
