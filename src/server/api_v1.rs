//! The public JSON API of the catalogue (`/api/v1/…`) and the OpenAPI document of the whole
//! API (with the submissions API of `api_submissions`), generated from the handlers and the
//! domain types. Read-only; lists are paged.

use crate::domain::catalogue::{
    Authority, LifeSituation, Online, Service, ServiceLevel, ServiceSummary,
};
use crate::domain::region::{Ags, Region, RegionKind};
use crate::server::state::AppState;
use crate::server::storage;
use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::StatusCode;
use serde::Serialize;
use std::collections::HashMap;
use utoipa::{OpenApi, ToSchema};

const MAX_PER_PAGE: i64 = 100;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/services", get(list_services))
        .route("/api/v1/services/{slug}", get(get_service))
        .route("/api/v1/regions", get(list_regions))
        .route("/api/v1/authorities", get(list_authorities))
        .route("/api/v1/responsibilities", get(get_responsibility))
        .route("/api/v1/openapi.json", get(openapi))
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Serviceportal API",
        version = "1",
        description = "The catalogue (services, regions, authorities and who is responsible where; public) and the submissions of each authority for its specialist systems (with an API key)."
    ),
    paths(
        list_services,
        get_service,
        list_regions,
        list_authorities,
        get_responsibility
    ),
    components(schemas(
        ServicePage,
        Service,
        ServiceSummary,
        ServiceLevel,
        Online,
        LifeSituation,
        RegionItem,
        RegionPage,
        Authority,
        AuthorityPage,
        Responsibility,
        ApiError
    ))
)]
struct ApiDoc;

/// The catalogue and the specialist systems' submissions API in one document.
async fn openapi() -> impl IntoResponse {
    let mut doc = ApiDoc::openapi();
    doc.merge(crate::server::api_submissions::SubmissionsDoc::openapi());
    Json(doc)
}

/// A client error or a server failure, as JSON.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiError {
    /// Machine-readable: `bad_request`, `not_found`, `internal`.
    error: &'static str,
    /// What went wrong, in English, safe to show.
    message: String,
}

/// A failed request: its status and a safe message.
struct Failure(StatusCode, String);

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let code = match self.0 {
            StatusCode::BAD_REQUEST => "bad_request",
            StatusCode::NOT_FOUND => "not_found",
            _ => "internal",
        };
        (
            self.0,
            Json(ApiError {
                error: code,
                message: self.1,
            }),
        )
            .into_response()
    }
}

fn error(status: StatusCode, message: impl Into<String>) -> Failure {
    Failure(status, message.into())
}

fn internal(what: &str, e: sqlx::Error) -> Failure {
    let id = uuid::Uuid::new_v4().simple().to_string();
    tracing::error!(correlation_id = %id, what, error = %e, "api request failed");
    error(
        StatusCode::INTERNAL_SERVER_ERROR,
        format!("internal error, reference {id}"),
    )
}

/// `page` (from 1) and `per_page` (1 to 100, default 20).
fn paging(params: &HashMap<String, String>) -> Result<(i64, i64), Failure> {
    let number = |name: &str, default: i64, max: i64| match params.get(name) {
        None => Ok(default),
        Some(v) => v
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=max).contains(n))
            .ok_or_else(|| {
                error(
                    StatusCode::BAD_REQUEST,
                    format!("`{name}` must be a whole number from 1 to {max}"),
                )
            }),
    };
    Ok((
        number("page", 1, 1_000_000)?,
        number("per_page", 20, MAX_PER_PAGE)?,
    ))
}

fn only(params: &HashMap<String, String>, allowed: &[&str]) -> Result<(), Failure> {
    match params.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(unknown) => Err(error(
            StatusCode::BAD_REQUEST,
            format!("unknown parameter `{unknown}`"),
        )),
        None => Ok(()),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ServicePage {
    items: Vec<ServiceSummary>,
    page: i64,
    per_page: i64,
    total: i64,
}

/// Services by title, optionally of one life situation.
#[utoipa::path(get, path = "/api/v1/services",
    params(
        ("page" = Option<i64>, Query, description = "Page, from 1"),
        ("per_page" = Option<i64>, Query, description = "Items per page, 1 to 100 (default 20)"),
        ("life_situation" = Option<String>, Query, description = "A life situation, e.g. `umzug`")
    ),
    responses((status = 200, body = ServicePage), (status = 400, body = ApiError)))]
async fn list_services(
    State(state): State<AppState>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let result = async {
        only(&params, &["page", "per_page", "life_situation"])?;
        let (page, per_page) = paging(&params)?;
        let situation = match params.get("life_situation") {
            None => None,
            Some(s) => Some(LifeSituation::from_slug(s).ok_or_else(|| {
                error(
                    StatusCode::BAD_REQUEST,
                    format!("unknown life situation `{s}`"),
                )
            })?),
        };
        let (items, total) = storage::catalogue::list_services(
            &state.db,
            situation,
            per_page,
            (page - 1) * per_page,
        )
        .await
        .map_err(|e| internal("listing services", e))?;
        Ok::<_, Failure>(
            Json(ServicePage {
                items,
                page,
                per_page,
                total,
            })
            .into_response(),
        )
    };
    result.await.unwrap_or_else(IntoResponse::into_response)
}

/// One service with all its texts.
#[utoipa::path(get, path = "/api/v1/services/{slug}",
    params(("slug" = String, Path, description = "The service's slug")),
    responses((status = 200, body = Service), (status = 404, body = ApiError)))]
async fn get_service(State(state): State<AppState>, Path(slug): Path<String>) -> Response {
    match storage::catalogue::get_service(&state.db, &slug).await {
        Ok(Some(service)) => Json(service).into_response(),
        Ok(None) => error(StatusCode::NOT_FOUND, format!("no service `{slug}`")).into_response(),
        Err(e) => internal("loading a service", e).into_response(),
    }
}

/// A region with its kind and parent.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegionItem {
    /// Official key (AGS): 2 digits Land, 5 Kreis, 8 Gemeinde.
    ags: String,
    name: String,
    /// `land`, `kreis` or `gemeinde`.
    kind: String,
    parent_ags: Option<String>,
}

impl From<Region> for RegionItem {
    fn from(region: Region) -> Self {
        RegionItem {
            kind: region.kind().as_str().to_owned(),
            parent_ags: region.ags.parent().map(String::from),
            ags: region.ags.to_string(),
            name: region.name,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RegionPage {
    items: Vec<RegionItem>,
    page: i64,
    per_page: i64,
    total: i64,
}

/// Regions by key, optionally of one kind.
#[utoipa::path(get, path = "/api/v1/regions",
    params(
        ("page" = Option<i64>, Query, description = "Page, from 1"),
        ("per_page" = Option<i64>, Query, description = "Items per page, 1 to 100 (default 20)"),
        ("kind" = Option<String>, Query, description = "`land`, `kreis` or `gemeinde`")
    ),
    responses((status = 200, body = RegionPage), (status = 400, body = ApiError)))]
async fn list_regions(
    State(state): State<AppState>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let result = async {
        only(&params, &["page", "per_page", "kind"])?;
        let (page, per_page) = paging(&params)?;
        let kind = match params.get("kind") {
            None => None,
            Some(k) => Some(
                RegionKind::parse(k)
                    .ok_or_else(|| error(StatusCode::BAD_REQUEST, format!("unknown kind `{k}`")))?,
            ),
        };
        let (regions, total) =
            storage::regions::list(&state.db, kind, per_page, (page - 1) * per_page)
                .await
                .map_err(|e| internal("listing regions", e))?;
        let items = regions.into_iter().map(RegionItem::from).collect();
        Ok::<_, Failure>(
            Json(RegionPage {
                items,
                page,
                per_page,
                total,
            })
            .into_response(),
        )
    };
    result.await.unwrap_or_else(IntoResponse::into_response)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuthorityPage {
    items: Vec<Authority>,
    page: i64,
    per_page: i64,
    total: i64,
}

/// Authorities by name, optionally of one region.
#[utoipa::path(get, path = "/api/v1/authorities",
    params(
        ("page" = Option<i64>, Query, description = "Page, from 1"),
        ("per_page" = Option<i64>, Query, description = "Items per page, 1 to 100 (default 20)"),
        ("region" = Option<String>, Query, description = "Official key (AGS) of the region the authority belongs to")
    ),
    responses((status = 200, body = AuthorityPage), (status = 400, body = ApiError)))]
async fn list_authorities(
    State(state): State<AppState>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let result = async {
        only(&params, &["page", "per_page", "region"])?;
        let (page, per_page) = paging(&params)?;
        let region = match params.get("region") {
            None => None,
            Some(r) => Some(Ags::parse(r).map_err(|_| {
                error(
                    StatusCode::BAD_REQUEST,
                    format!("`{r}` is not an official key (2, 5 or 8 digits)"),
                )
            })?),
        };
        let (items, total) = storage::catalogue::list_authorities(
            &state.db,
            region.as_ref().map(|r| r.as_str()),
            per_page,
            (page - 1) * per_page,
        )
        .await
        .map_err(|e| internal("listing authorities", e))?;
        Ok::<_, Failure>(
            Json(AuthorityPage {
                items,
                page,
                per_page,
                total,
            })
            .into_response(),
        )
    };
    result.await.unwrap_or_else(IntoResponse::into_response)
}

/// Who handles a service for a Gemeinde.
#[derive(Debug, Serialize, ToSchema)]
pub struct Responsibility {
    service: String,
    region: RegionItem,
    authority: Authority,
}

/// The authority responsible for a service in a Gemeinde.
#[utoipa::path(get, path = "/api/v1/responsibilities",
    params(
        ("service" = String, Query, description = "The service's slug"),
        ("ags" = String, Query, description = "Official key (AGS) of a Gemeinde, 8 digits")
    ),
    responses((status = 200, body = Responsibility), (status = 400, body = ApiError), (status = 404, body = ApiError)))]
async fn get_responsibility(
    State(state): State<AppState>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let result = async {
        only(&params, &["service", "ags"])?;
        let (Some(service), Some(ags)) = (params.get("service"), params.get("ags")) else {
            return Err(error(
                StatusCode::BAD_REQUEST,
                "`service` and `ags` are required",
            ));
        };
        let ags = Ags::parse(ags)
            .ok()
            .filter(|a| a.kind() == RegionKind::Gemeinde)
            .ok_or_else(|| {
                error(
                    StatusCode::BAD_REQUEST,
                    "`ags` must be the 8-digit key of a Gemeinde",
                )
            })?;
        let db = &state.db;
        let region = storage::regions::get(db, &ags)
            .await
            .map_err(|e| internal("loading a region", e))?
            .ok_or_else(|| error(StatusCode::NOT_FOUND, format!("no Gemeinde {ags}")))?;
        let authority = storage::catalogue::responsible_authority(db, service, &ags)
            .await
            .map_err(|e| internal("resolving a responsibility", e))?
            .ok_or_else(|| {
                error(
                    StatusCode::NOT_FOUND,
                    format!("no responsibility for `{service}` in {ags}"),
                )
            })?;
        Ok(Json(Responsibility {
            service: service.clone(),
            region: region.into(),
            authority,
        })
        .into_response())
    };
    result.await.unwrap_or_else(IntoResponse::into_response)
}
