//! Demo and reference data, loaded from files (`seed/demo/`) by `serviceportal seed-demo`.
//! Loading is idempotent: running it again updates rows instead of duplicating them.

use crate::domain::region::{Ags, Region};
use crate::server::db::Db;
use crate::server::storage;
use std::collections::HashSet;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("{file}: {why}")]
    Read { file: String, why: String },
    #[error("{file}, line {line}: {why}")]
    Invalid {
        file: String,
        line: usize,
        why: String,
    },
    #[error("storing the seed: {0}")]
    Store(#[from] sqlx::Error),
}

/// What was loaded, for the operator.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SeedReport {
    pub regions: usize,
}

pub async fn load_demo(db: &Db, dir: &Path) -> Result<SeedReport, SeedError> {
    let regions = read_regions(&dir.join("regions.csv"))?;
    storage::regions::upsert_all(db, &regions).await?;
    Ok(SeedReport {
        regions: regions.len(),
    })
}

/// Reads `ags,name` rows and checks them: valid keys, each once, every parent present.
pub fn read_regions(path: &Path) -> Result<Vec<Region>, SeedError> {
    let file = path.display().to_string();
    let mut reader = csv::Reader::from_path(path).map_err(|e| SeedError::Read {
        file: file.clone(),
        why: e.to_string(),
    })?;
    let mut regions = Vec::new();
    let mut seen = HashSet::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2; // after the header
        let invalid = |why: String| SeedError::Invalid {
            file: file.clone(),
            line,
            why,
        };
        let record = record.map_err(|e| invalid(e.to_string()))?;
        let (Some(ags), Some(name)) = (record.get(0), record.get(1)) else {
            return Err(invalid("expected the columns ags,name".into()));
        };
        let ags = Ags::parse(ags).map_err(|e| invalid(format!("{e}: {ags:?}")))?;
        let name = name.trim();
        if name.is_empty() {
            return Err(invalid(format!("{ags} has no name")));
        }
        if !seen.insert(ags.clone()) {
            return Err(invalid(format!("{ags} appears twice")));
        }
        regions.push((
            line,
            Region {
                ags,
                name: name.to_owned(),
            },
        ));
    }
    for (line, region) in &regions {
        if let Some(parent) = region.ags.parent().filter(|p| !seen.contains(p)) {
            return Err(SeedError::Invalid {
                file: file.clone(),
                line: *line,
                why: format!(
                    "{} ({}) lies in {parent}, which is not listed",
                    region.ags, region.name
                ),
            });
        }
    }
    Ok(regions.into_iter().map(|(_, r)| r).collect())
}
