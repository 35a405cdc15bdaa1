//! Users: `GET /v3/users` (administrators) and `GET /v3.0/OS-USER/users/{user_id}`.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde_json::{Value, json};

use super::forbidden;
use crate::app_state::AppState;
use crate::auth::Caller;
use crate::clock;
use crate::errors::ApiError;
use crate::state::User;

/// `GET /v3/users?domain_id=&enabled=&name=`: every user of the account (administrators only).
pub async fn list(
    State(app): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    if !caller.admin {
        return Err(forbidden("identity:users:list"));
    }
    let enabled = match query.get("enabled").map(String::as_str) {
        None => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(_) => {
            return Err(ApiError::keystone(
                StatusCode::BAD_REQUEST,
                "Invalid input for field 'enabled': expected true or false.",
            ));
        }
    };
    let cloud = app.cloud.lock();
    let endpoint = &app.endpoint;
    let in_domain = query.get("domain_id").is_none_or(|d| *d == cloud.domain.id);
    let users: Vec<Value> = cloud
        .users
        .iter()
        .filter(|_| in_domain)
        .filter(|u| query.get("name").is_none_or(|n| *n == u.name))
        .filter(|u| enabled.is_none_or(|e| e == u.enabled))
        .map(|u| {
            json!({
                "id": u.id,
                "name": u.name,
                "domain_id": cloud.domain.id,
                "enabled": u.enabled,
                "description": u.description,
                "password_expires_at": null,
                "pwd_status": true,
                "pwd_strength": "Strong",
                "last_project_id": cloud.home_project().id,
                "access_mode": u.access_mode,
                "links": { "self": format!("{endpoint}/v3/users/{}", u.id) },
            })
        })
        .collect();
    Ok(Json(json!({
        "users": users,
        "links": { "self": format!("{endpoint}/v3/users"), "previous": null, "next": null },
    })))
}

/// `GET /v3.0/OS-USER/users/{user_id}`: one user (administrators, or the user itself).
pub async fn show(
    State(app): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(user_id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    if !caller.admin && caller.user_id != user_id {
        return Err(forbidden("identity:users:get"));
    }
    let cloud = app.cloud.lock();
    let user = cloud.user(&user_id).ok_or_else(|| {
        ApiError::keystone(
            StatusCode::NOT_FOUND,
            format!("Could not find user: {user_id}."),
        )
    })?;
    Ok(Json(
        json!({ "user": user_json(user, &cloud.domain.id, &app.endpoint) }),
    ))
}

fn user_json(user: &User, domain_id: &str, endpoint: &str) -> Value {
    json!({
        "id": user.id,
        "name": user.name,
        "domain_id": domain_id,
        "enabled": user.enabled,
        "is_domain_owner": user.is_domain_owner,
        "access_mode": user.access_mode,
        "description": user.description,
        "create_time": clock::user_time(user.created),
        "update_time": clock::user_time(user.created),
        "last_login_time": user.last_login.map(clock::user_time),
        "pwd_create_time": clock::user_time(user.created),
        "email": user.email,
        "phone": "",
        "areacode": "",
        "pwd_status": true,
        "pwd_strength": "Strong",
        "xuser_id": "",
        "xuser_type": "",
        "links": { "self": format!("{endpoint}/v3.0/OS-USER/users/{}", user.id), "previous": null, "next": null },
    })
}
