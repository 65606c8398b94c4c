//! Reading the service catalogue: what pages show. Read-only and public.

use crate::api::AppError;
use crate::domain::catalogue::{Authority, Service, ServiceSummary};
use crate::domain::region::{PlaceMatch, Region};
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

/// A service with the authority responsible for the chosen place, if one is chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceDetail {
    pub service: Service,
    pub place: Option<Region>,
    pub authority: Option<Authority>,
    /// For the place picker: one page, one request to the database layer.
    pub places: Places,
}

/// All Gemeinden, grouped by Kreis (for the place picker).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Places {
    pub kreise: Vec<(Region, Vec<Region>)>,
}

#[server(endpoint = "catalogue/service", input = GetUrl)]
pub async fn load_service(
    slug: String,
    place: Option<String>,
) -> Result<Option<ServiceDetail>, AppError> {
    use crate::domain::region::{Ags, RegionKind};
    use crate::server::{request, storage};

    let state = request::state()?;
    let db = &state.db;
    let fail = |e: sqlx::Error| request::internal("loading a service", e);
    let Some(service) = storage::catalogue::get_service(db, &slug)
        .await
        .map_err(fail)?
    else {
        return Ok(None);
    };
    let gemeinde = place
        .as_deref()
        .and_then(|p| Ags::parse(p).ok())
        .filter(|a| a.kind() == RegionKind::Gemeinde);
    let (place, authority) = match gemeinde {
        Some(ags) => (
            storage::regions::get(db, &ags).await.map_err(fail)?,
            storage::catalogue::responsible_authority(db, &slug, &ags)
                .await
                .map_err(fail)?,
        ),
        None => (None, None),
    };
    let authority = authority.filter(|_| place.is_some());
    let places = all_places(db).await.map_err(fail)?;
    Ok(Some(ServiceDetail {
        service,
        place,
        authority,
        places,
    }))
}

/// Every Gemeinde, grouped by Kreis (for pickers in other areas).
#[cfg(feature = "ssr")]
pub async fn places_of(db: &crate::server::db::Db) -> Result<Places, sqlx::Error> {
    all_places(db).await
}

/// Every Gemeinde, grouped by Kreis.
#[cfg(feature = "ssr")]
async fn all_places(db: &crate::server::db::Db) -> Result<Places, sqlx::Error> {
    use crate::server::storage;
    let mut kreise = Vec::new();
    for land in storage::regions::all_of_kind(db, crate::domain::region::RegionKind::Land).await? {
        for kreis in storage::regions::children(db, &land.ags).await? {
            let gemeinden = storage::regions::children(db, &kreis.ags).await?;
            kreise.push((kreis, gemeinden));
        }
    }
    Ok(Places { kreise })
}

#[server(endpoint = "catalogue/places", input = GetUrl)]
pub async fn load_places() -> Result<Places, AppError> {
    use crate::server::request;

    let state = request::state()?;
    all_places(&state.db)
        .await
        .map_err(|e| request::internal("loading places", e))
}

/// What the start page shows from the database: the place picker and the frequently used
/// services (one request, one resource on the page).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Home {
    pub places: Places,
    pub popular: Vec<ServiceSummary>,
}

#[server(endpoint = "catalogue/home", input = GetUrl)]
pub async fn load_home() -> Result<Home, AppError> {
    use crate::server::{request, storage};

    let state = request::state()?;
    let fail = |e: sqlx::Error| request::internal("loading the start page", e);
    Ok(Home {
        places: all_places(&state.db).await.map_err(fail)?,
        popular: storage::catalogue::popular_services(&state.db, 8)
            .await
            .map_err(fail)?,
    })
}

/// `/orte`: Gemeinden found by name or postcode, or all of them when nothing was asked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceSearch {
    /// The query could not be read (more than five digits).
    pub invalid: bool,
    pub matches: Vec<PlaceMatch>,
    /// Filled when there was no query: every Gemeinde by Kreis.
    pub places: Places,
}

#[server(endpoint = "catalogue/find-places", input = GetUrl)]
pub async fn find_places(q: String) -> Result<PlaceSearch, AppError> {
    use crate::domain::region::PlaceQuery;
    use crate::server::{request, storage};

    let state = request::state()?;
    let fail = |e: sqlx::Error| request::internal("finding places", e);
    let text: String = q.chars().take(100).collect();
    if text.trim().is_empty() {
        return Ok(PlaceSearch {
            places: all_places(&state.db).await.map_err(fail)?,
            ..PlaceSearch::default()
        });
    }
    let Some(query) = PlaceQuery::parse(&text) else {
        return Ok(PlaceSearch {
            invalid: true,
            ..PlaceSearch::default()
        });
    };
    Ok(PlaceSearch {
        matches: storage::regions::find_places(&state.db, &query, 50)
            .await
            .map_err(fail)?,
        ..PlaceSearch::default()
    })
}

/// The services of a life situation; `None` for an unknown one.
#[server(endpoint = "catalogue/life-situation", input = GetUrl)]
pub async fn load_life_situation(slug: String) -> Result<Option<Vec<ServiceSummary>>, AppError> {
    use crate::domain::catalogue::LifeSituation;
    use crate::server::{request, storage};

    let state = request::state()?;
    let Some(situation) = LifeSituation::from_slug(&slug) else {
        return Ok(None);
    };
    storage::catalogue::services_in(&state.db, situation)
        .await
        .map(Some)
        .map_err(|e| request::internal("loading a life situation", e))
}

/// A Gemeinde and everything offered there, with who handles it; `None` for an unknown key.
#[server(endpoint = "catalogue/place", input = GetUrl)]
pub async fn load_place(ags: String) -> Result<Option<(Region, Vec<ServiceSummary>)>, AppError> {
    use crate::domain::region::{Ags, RegionKind};
    use crate::server::{request, storage};

    let state = request::state()?;
    let Some(ags) = Ags::parse(&ags)
        .ok()
        .filter(|a| a.kind() == RegionKind::Gemeinde)
    else {
        return Ok(None);
    };
    let fail = |e: sqlx::Error| request::internal("loading a place", e);
    let Some(region) = storage::regions::get(&state.db, &ags).await.map_err(fail)? else {
        return Ok(None);
    };
    let services = storage::catalogue::services_for_place(&state.db, &ags)
        .await
        .map_err(fail)?;
    Ok(Some((region, services)))
}

/// One page of search results for `/suche`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchPage {
    pub hits: Vec<ServiceSummary>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    pub suggestion: Option<String>,
}

/// Searches the catalogue; with a place, each hit names the responsible authority.
#[server(endpoint = "catalogue/search", input = GetUrl)]
pub async fn search_services(
    q: String,
    life_situation: Option<String>,
    online_only: bool,
    page: i64,
    place: Option<String>,
) -> Result<SearchPage, AppError> {
    use crate::domain::catalogue::LifeSituation;
    use crate::domain::region::{Ags, RegionKind};
    use crate::server::storage::search::{PAGE_SIZE, SearchQuery, search};
    use crate::server::{request, storage};

    let state = request::state()?;
    let fail = |e: sqlx::Error| request::internal("searching", e);
    // Bounded input: a search is a few words, not an essay.
    let text: String = q.chars().take(200).collect();
    let query = SearchQuery {
        text,
        life_situation: life_situation.as_deref().and_then(LifeSituation::from_slug),
        online_only,
        page: page.clamp(1, 1000),
    };
    let mut results = search(&state.db, &query).await.map_err(fail)?;
    if let Some(ags) = place
        .as_deref()
        .and_then(|p| Ags::parse(p).ok())
        .filter(|a| a.kind() == RegionKind::Gemeinde)
    {
        for hit in &mut results.hits {
            hit.authority = storage::catalogue::responsible_authority(&state.db, &hit.slug, &ags)
                .await
                .map_err(fail)?
                .map(|a| a.name);
        }
    }
    Ok(SearchPage {
        pages: (results.total + PAGE_SIZE - 1) / PAGE_SIZE,
        hits: results.hits,
        total: results.total,
        page: query.page,
        suggestion: results.suggestion,
    })
}

/// An authority with the region it serves and the services it handles.
#[server(endpoint = "catalogue/authority", input = GetUrl)]
pub async fn load_authority(
    id: String,
) -> Result<Option<(Authority, Region, Vec<ServiceSummary>)>, AppError> {
    use crate::domain::region::Ags;
    use crate::server::{request, storage};

    let state = request::state()?;
    let fail = |e: sqlx::Error| request::internal("loading an authority", e);
    let Some(authority) = storage::catalogue::get_authority(&state.db, &id)
        .await
        .map_err(fail)?
    else {
        return Ok(None);
    };
    let ags = Ags::parse(&authority.region_ags)
        .map_err(|e| request::internal("reading an authority", e))?;
    let Some(region) = storage::regions::get(&state.db, &ags).await.map_err(fail)? else {
        return Ok(None);
    };
    let services = storage::catalogue::services_of_authority(&state.db, &id)
        .await
        .map_err(fail)?;
    Ok(Some((authority, region, services)))
}

/// A suggestion while typing in the search box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub slug: String,
    pub title: String,
}

/// Up to six services for what has been typed so far (the search box's suggestions).
#[server(endpoint = "catalogue/suggest", input = GetUrl)]
pub async fn suggest_services(q: String) -> Result<Vec<Suggestion>, AppError> {
    use crate::server::request;
    use crate::server::storage::search::{SearchQuery, search};

    let state = request::state()?;
    let text: String = q.chars().take(100).collect();
    if text.trim().chars().count() < 2 {
        return Ok(Vec::new());
    }
    let query = SearchQuery {
        text,
        page: 1,
        ..SearchQuery::default()
    };
    let results = search(&state.db, &query)
        .await
        .map_err(|e| request::internal("suggesting", e))?;
    Ok(results
        .hits
        .into_iter()
        .take(6)
        .map(|hit| Suggestion {
            slug: hit.slug,
            title: hit.title,
        })
        .collect())
}
