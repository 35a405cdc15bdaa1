//! Account discovery: `GET /v3/auth/domains`, `/v3/auth/projects`, `/v3/projects`.

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::app_state::AppState;
use crate::errors::ApiError;
use crate::state::{Domain, Project};

fn project_json(endpoint: &str, domain: &Domain, project: &Project) -> Value {
    json!({
        "id": project.id,
        "name": project.name,
        "domain_id": domain.id,
        "parent_id": domain.id,
        "enabled": true,
        "is_domain": false,
        "description": "",
        "links": { "self": format!("{endpoint}/v3/projects/{}", project.id) },
    })
}

/// `GET /v3/auth/domains`: the caller's account.
pub async fn auth_domains(State(app): State<AppState>) -> Json<Value> {
    let cloud = app.cloud.lock();
    let endpoint = &app.endpoint;
    Json(json!({
        "domains": [{
            "id": cloud.domain.id,
            "name": cloud.domain.name,
            "enabled": true,
            "description": "",
            "links": { "self": format!("{endpoint}/v3/domains/{}", cloud.domain.id) },
        }],
        "links": { "self": format!("{endpoint}/v3/auth/domains") },
    }))
}

/// `GET /v3/auth/projects`: the projects the caller may access.
pub async fn auth_projects(State(app): State<AppState>) -> Json<Value> {
    let cloud = app.cloud.lock();
    let projects: Vec<Value> = cloud
        .projects
        .iter()
        .map(|p| project_json(&app.endpoint, &cloud.domain, p))
        .collect();
    Json(json!({
        "projects": projects,
        "links": { "self": format!("{}/v3/auth/projects", app.endpoint) },
    }))
}

fn bool_filter(query: &HashMap<String, String>, name: &str) -> Result<Option<bool>, ApiError> {
    match query.get(name).map(String::as_str) {
        None => Ok(None),
        Some("true") => Ok(Some(true)),
        Some("false") => Ok(Some(false)),
        Some(_) => Err(ApiError::keystone(
            StatusCode::BAD_REQUEST,
            format!("Invalid input for field '{name}': expected true or false."),
        )),
    }
}

fn number(query: &HashMap<String, String>, name: &str) -> Result<Option<usize>, ApiError> {
    query
        .get(name)
        .map(|v| {
            v.parse::<usize>().map_err(|_| {
                ApiError::keystone(
                    StatusCode::BAD_REQUEST,
                    format!("Invalid input for field '{name}'."),
                )
            })
        })
        .transpose()
}

/// `GET /v3/projects?name=&domain_id=&parent_id=&enabled=&is_domain=&page=&per_page=`.
pub async fn projects(
    State(app): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    let enabled = bool_filter(&query, "enabled")?;
    let is_domain = bool_filter(&query, "is_domain")?;
    let (page, per_page) = (number(&query, "page")?, number(&query, "per_page")?);
    let window = match (page, per_page) {
        (None, None) => None,
        (Some(page), Some(per_page)) if page >= 1 && (1..=5000).contains(&per_page) => {
            Some(((page - 1) * per_page, per_page))
        }
        _ => {
            return Err(ApiError::keystone(
                StatusCode::BAD_REQUEST,
                "page and per_page must be given together; per_page is 1 to 5000.",
            ));
        }
    };
    let cloud = app.cloud.lock();
    let domain_id = cloud.domain.id.clone();
    let matches = |p: &&Project| {
        query.get("name").is_none_or(|n| *n == p.name)
            && query.get("domain_id").is_none_or(|d| *d == domain_id)
            && query.get("parent_id").is_none_or(|d| *d == domain_id)
            && enabled.is_none_or(|e| e)
            && is_domain.is_none_or(|d| !d)
    };
    let selected: Vec<&Project> = cloud.projects.iter().filter(matches).collect();
    let (skip, take) = window.unwrap_or((0, selected.len()));
    let projects: Vec<Value> = selected
        .iter()
        .skip(skip)
        .take(take)
        .map(|p| project_json(&app.endpoint, &cloud.domain, p))
        .collect();
    Ok(Json(json!({
        "projects": projects,
        "links": {
            "self": format!("{}/v3/projects", app.endpoint),
            "previous": null,
            "next": null,
        },
    })))
}
