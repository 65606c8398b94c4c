//! Demo and reference data, loaded from files (`seed/demo/`) by `serviceportal seed-demo`:
//! `regions.csv`, `authorities.csv`, one TOML file per service in `services/`, one TOML file
//! per application form version in `forms/` and, where the operator has a verified list,
//! `postcodes.csv` (`postcode,ags`, one row per pair). Everything is checked before anything
//! is stored, and loading again updates instead of duplicating.

use crate::domain::catalogue::{Authority, Online, Service, ServiceLevel};
use crate::domain::forms::FormDefinition;
use crate::domain::region::{Ags, Region, RegionKind};
use crate::server::db::Db;
use crate::server::storage;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// Leistungsschlüssel published in the federal catalogue; a service may only carry one of
/// these (a key is never invented).
const VERIFIED_LEIKA: &str = include_str!("../../seed/reference/leika.csv");

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
    pub authorities: usize,
    pub services: usize,
    pub responsibilities: usize,
    pub postcodes: usize,
    pub forms: usize,
}

/// Everything of a seed folder, checked and ready to store.
#[derive(Debug)]
pub struct Seed {
    pub regions: Vec<Region>,
    pub authorities: Vec<Authority>,
    pub services: Vec<Service>,
    /// `(service, region, authority)`
    pub responsibilities: Vec<(String, String, String)>,
    /// `(postcode, Gemeinde)`; empty when the seed has no `postcodes.csv`.
    pub postcodes: Vec<(String, Ags)>,
    /// Application forms, every version.
    pub forms: Vec<FormDefinition>,
}

pub fn read(dir: &Path) -> Result<Seed, SeedError> {
    let regions = read_regions(&dir.join("regions.csv"))?;
    let authorities = read_authorities(&dir.join("authorities.csv"), &regions)?;
    let services = read_services(&dir.join("services"))?;
    let responsibilities = derive_responsibilities(&services, &regions, &authorities)?;
    let forms = read_forms(&dir.join("forms"), &services)?;
    let postcodes_file = dir.join("postcodes.csv");
    let postcodes = if postcodes_file.exists() {
        read_postcodes(&postcodes_file, &regions)?
    } else {
        Vec::new()
    };
    Ok(Seed {
        regions,
        authorities,
        services,
        responsibilities,
        postcodes,
        forms,
    })
}

pub async fn load_demo(db: &Db, dir: &Path) -> Result<SeedReport, SeedError> {
    let seed = read(dir)?;
    storage::regions::upsert_all(db, &seed.regions).await?;
    storage::catalogue::upsert_authorities(db, &seed.authorities).await?;
    storage::catalogue::replace_services(db, &seed.services, &seed.responsibilities).await?;
    storage::regions::replace_postcodes(db, &seed.postcodes).await?;
    for form in &seed.forms {
        if !storage::forms::publish(db, form, crate::server::clock::Clock::System.now()).await? {
            return Err(SeedError::Read {
                file: format!("forms/{}.toml", form.id),
                why: format!(
                    "version {} is already published with other content; a changed form needs a new version",
                    form.version
                ),
            });
        }
    }
    Ok(SeedReport {
        regions: seed.regions.len(),
        authorities: seed.authorities.len(),
        services: seed.services.len(),
        responsibilities: seed.responsibilities.len(),
        postcodes: seed.postcodes.len(),
        forms: seed.forms.len(),
    })
}

fn csv_rows(path: &Path) -> Result<Vec<(usize, csv::StringRecord)>, SeedError> {
    let file = path.display().to_string();
    // Flexible: optional trailing columns may be left out.
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .map_err(|e| SeedError::Read {
            file: file.clone(),
            why: e.to_string(),
        })?;
    reader
        .records()
        .enumerate()
        .map(|(index, record)| {
            let line = index + 2; // after the header
            record.map(|r| (line, r)).map_err(|e| SeedError::Invalid {
                file: file.clone(),
                line,
                why: e.to_string(),
            })
        })
        .collect()
}

/// Reads `ags,name` rows and checks them: valid keys, each once, every parent present.
pub fn read_regions(path: &Path) -> Result<Vec<Region>, SeedError> {
    let file = path.display().to_string();
    let mut regions = Vec::new();
    let mut seen = HashSet::new();
    for (line, record) in csv_rows(path)? {
        let invalid = |why: String| SeedError::Invalid {
            file: file.clone(),
            line,
            why,
        };
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

/// Reads `id,name,kind,region_ags,street,postcode,city,phone,email,website,opening_hours,
/// accessibility`; empty contact fields (and missing trailing columns) stay unknown.
pub fn read_authorities(path: &Path, regions: &[Region]) -> Result<Vec<Authority>, SeedError> {
    let file = path.display().to_string();
    let known: HashSet<&str> = regions.iter().map(|r| r.ags.as_str()).collect();
    let mut ids = HashSet::new();
    let mut authorities = Vec::new();
    for (line, record) in csv_rows(path)? {
        let invalid = |why: String| SeedError::Invalid {
            file: file.clone(),
            line,
            why,
        };
        let field = |i: usize| record.get(i).map(str::trim).unwrap_or_default().to_owned();
        let optional = |i: usize| Some(field(i)).filter(|v| !v.is_empty());
        let authority = Authority {
            id: field(0),
            name: field(1),
            kind: field(2),
            region_ags: field(3),
            street: optional(4),
            postcode: optional(5),
            city: optional(6),
            phone: optional(7),
            email: optional(8),
            website: optional(9),
            opening_hours: optional(10),
            accessibility: optional(11),
        };
        if authority.id.is_empty() || authority.name.is_empty() || authority.kind.is_empty() {
            return Err(invalid("id, name and kind are required".into()));
        }
        if !known.contains(authority.region_ags.as_str()) {
            return Err(invalid(format!(
                "{}: unknown region {:?}",
                authority.id, authority.region_ags
            )));
        }
        if !ids.insert(authority.id.clone()) {
            return Err(invalid(format!("{} appears twice", authority.id)));
        }
        authorities.push(authority);
    }
    Ok(authorities)
}

/// Reads `postcode,ags` rows: five-digit postcodes of listed Gemeinden, each pair once. A
/// postcode may belong to several Gemeinden and a Gemeinde may have several postcodes.
pub fn read_postcodes(path: &Path, regions: &[Region]) -> Result<Vec<(String, Ags)>, SeedError> {
    let file = path.display().to_string();
    let gemeinden: HashSet<&str> = regions
        .iter()
        .filter(|r| r.kind() == RegionKind::Gemeinde)
        .map(|r| r.ags.as_str())
        .collect();
    let mut seen = HashSet::new();
    let mut rows = Vec::new();
    for (line, record) in csv_rows(path)? {
        let invalid = |why: String| SeedError::Invalid {
            file: file.clone(),
            line,
            why,
        };
        let (Some(postcode), Some(ags)) = (record.get(0), record.get(1)) else {
            return Err(invalid("expected the columns postcode,ags".into()));
        };
        let (postcode, ags) = (postcode.trim(), ags.trim());
        if postcode.len() != 5 || !postcode.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid(format!(
                "{postcode:?} is not a five-digit postcode"
            )));
        }
        if !gemeinden.contains(ags) {
            return Err(invalid(format!("{ags:?} is not a listed Gemeinde")));
        }
        if !seen.insert((postcode.to_owned(), ags.to_owned())) {
            return Err(invalid(format!("{postcode} {ags} appears twice")));
        }
        let ags = Ags::parse(ags).map_err(|e| invalid(e.to_string()))?;
        rows.push((postcode.to_owned(), ags));
    }
    Ok(rows)
}

/// Reads every `*.toml` in `dir` (sorted by name) as a service and checks it.
pub fn read_services(dir: &Path) -> Result<Vec<Service>, SeedError> {
    let leika: HashSet<&str> = VERIFIED_LEIKA
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .collect();
    let folder = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| SeedError::Read {
        file: folder.clone(),
        why: e.to_string(),
    })?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut services = Vec::new();
    for path in paths {
        let file = path.display().to_string();
        let invalid = |why: String| SeedError::Invalid {
            file: file.clone(),
            line: 1,
            why,
        };
        let text = std::fs::read_to_string(&path).map_err(|e| SeedError::Read {
            file: file.clone(),
            why: e.to_string(),
        })?;
        let service: Service = toml::from_str(&text).map_err(|e| SeedError::Read {
            file: file.clone(),
            why: e.to_string(),
        })?;
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if service.slug != stem {
            return Err(invalid(format!(
                "slug {:?} differs from the file name",
                service.slug
            )));
        }
        if !service
            .slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(invalid("a slug has only a-z, 0-9 and hyphens".into()));
        }
        if let Some(key) = service.leika.as_deref().filter(|k| !leika.contains(k)) {
            return Err(invalid(format!(
                "LeiKa key {key} is not in seed/reference/leika.csv"
            )));
        }
        let texts = [
            &service.title,
            &service.summary,
            &service.description,
            &service.who,
            &service.fees,
            &service.duration,
        ];
        if texts.iter().any(|t| t.trim().is_empty()) {
            return Err(invalid(
                "title, summary, description, who, fees and duration are required".into(),
            ));
        }
        if service.summary.chars().count() > 200 {
            return Err(invalid("the summary is longer than 200 characters".into()));
        }
        if service.life_situations.is_empty() {
            return Err(invalid("at least one life situation".into()));
        }
        if (service.online == Online::External) != service.online_url.is_some() {
            return Err(invalid(
                "online_url belongs to online = \"external\" and only to it".into(),
            ));
        }
        if service.popular == Some(0) {
            return Err(invalid("popular counts from 1".into()));
        }
        services.push(service);
    }
    let mut ranks: Vec<u16> = services.iter().filter_map(|s| s.popular).collect();
    ranks.sort_unstable();
    if let Some(pair) = ranks.windows(2).find(|pair| pair[0] == pair[1]) {
        return Err(SeedError::Read {
            file: folder,
            why: format!("two services are popular = {}", pair[0]),
        });
    }
    if services.is_empty() {
        return Err(SeedError::Read {
            file: folder,
            why: "no services".into(),
        });
    }
    Ok(services)
}

/// The application forms: every file one version, checked by the form engine's linter
/// (`FormDefinition::problems`). A service offered online in the portal has a form, and a
/// form belongs to such a service. Without a `forms/` folder there are none.
pub fn read_forms(dir: &Path, services: &[Service]) -> Result<Vec<FormDefinition>, SeedError> {
    let folder = dir.display().to_string();
    let mut forms: Vec<FormDefinition> = Vec::new();
    if dir.exists() {
        let entries = std::fs::read_dir(dir).map_err(|e| SeedError::Read {
            file: folder.clone(),
            why: e.to_string(),
        })?;
        let mut paths: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        for path in paths {
            let file = path.display().to_string();
            let read = |why: String| SeedError::Read {
                file: file.clone(),
                why,
            };
            let text = std::fs::read_to_string(&path).map_err(|e| read(e.to_string()))?;
            let form: FormDefinition = toml::from_str(&text).map_err(|e| read(e.to_string()))?;
            let problems = form.problems();
            if !problems.is_empty() {
                return Err(read(problems.join("; ")));
            }
            let service = services.iter().find(|s| s.slug == form.service);
            match service {
                None => return Err(read(format!("no service {:?}", form.service))),
                Some(s) if s.online != Online::Portal => {
                    return Err(read(format!(
                        "service {} is not offered online in the portal (online = \"portal\")",
                        s.slug
                    )));
                }
                Some(_) => {}
            }
            if forms
                .iter()
                .any(|f| f.id == form.id && f.version == form.version)
            {
                return Err(read(format!("{} v{} twice", form.id, form.version)));
            }
            if forms
                .iter()
                .any(|f| f.service == form.service && f.id != form.id)
            {
                return Err(read(format!("a second form for {}", form.service)));
            }
            forms.push(form);
        }
    }
    if let Some(service) = services
        .iter()
        .find(|s| s.online == Online::Portal && !forms.iter().any(|f| f.service == s.slug))
    {
        return Err(SeedError::Read {
            file: folder,
            why: format!(
                "service {} is offered online in the portal but has no form",
                service.slug
            ),
        });
    }
    Ok(forms)
}

/// Who handles each service where, from its level and kind of authority: a Gemeinde
/// service by each Gemeinde's own authority, a Kreis service by each Kreis' authority of
/// that kind, a Land service by the Land's.
pub fn derive_responsibilities(
    services: &[Service],
    regions: &[Region],
    authorities: &[Authority],
) -> Result<Vec<(String, String, String)>, SeedError> {
    let by_id: BTreeMap<&str, &Authority> =
        authorities.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut rows = Vec::new();
    for service in services {
        let kind = match service.level {
            ServiceLevel::Gemeinde => RegionKind::Gemeinde,
            ServiceLevel::Kreis => RegionKind::Kreis,
            ServiceLevel::Land => RegionKind::Land,
        };
        for region in regions.iter().filter(|r| r.kind() == kind) {
            let id = match kind {
                RegionKind::Land => service.authority.clone(),
                _ => format!("{}-{}", service.authority, region.ags),
            };
            match by_id.get(id.as_str()) {
                Some(a) if a.kind == service.authority && a.region_ags == region.ags.as_str() => {
                    rows.push((service.slug.clone(), region.ags.to_string(), id));
                }
                _ => {
                    return Err(SeedError::Invalid {
                        file: format!("services/{}.toml", service.slug),
                        line: 1,
                        why: format!(
                            "no authority {id} of kind {} for {} ({})",
                            service.authority, region.name, region.ags
                        ),
                    });
                }
            }
        }
    }
    Ok(rows)
}
