//! Permanent access keys, IAM v3.0 `OS-CREDENTIAL` (docs/api.md, "IAM: access keys").

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use chrono::Utc;
use keyturn_core::validate::DESCRIPTION_MAX_CHARS;
use serde::{Deserialize, Serialize};

use super::{forbidden, json_body};
use crate::app_state::AppState;
use crate::auth::Caller;
use crate::clock;
use crate::errors::ApiError;
use crate::ids;
use crate::secret::Secret;
use crate::state::{Cloud, Credential, MAX_KEYS_PER_USER};

/// A credential as the API writes it; `secret` only in the create answer, `last_use_time` only in show.
#[derive(Serialize)]
pub struct CredentialView {
    access: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    secret: Option<String>,
    user_id: String,
    status: &'static str,
    create_time: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_use_time: Option<String>,
    description: String,
}

impl CredentialView {
    fn of(credential: &Credential) -> Self {
        Self {
            access: credential.access.clone(),
            secret: None,
            user_id: credential.user_id.clone(),
            status: credential.status(),
            create_time: clock::iam_time(credential.created),
            last_use_time: None,
            description: credential.description.clone(),
        }
    }
}

#[derive(Serialize)]
pub struct One {
    credential: CredentialView,
}

#[derive(Serialize)]
pub struct Many {
    credentials: Vec<CredentialView>,
}

#[derive(Deserialize)]
struct CreateRequest {
    credential: CreateOption,
}

#[derive(Deserialize)]
struct CreateOption {
    user_id: Option<String>,
    #[serde(default)]
    description: String,
}

#[derive(Deserialize)]
struct UpdateRequest {
    credential: UpdateOption,
}

#[derive(Deserialize)]
struct UpdateOption {
    status: Option<String>,
    description: Option<String>,
}

fn bad_request(message: impl Into<String>) -> ApiError {
    ApiError::keystone(StatusCode::BAD_REQUEST, message)
}

fn check_description(description: &str) -> Result<(), ApiError> {
    if description.chars().count() > DESCRIPTION_MAX_CHARS {
        return Err(bad_request(format!(
            "Invalid input for field 'description': at most {DESCRIPTION_MAX_CHARS} characters."
        )));
    }
    Ok(())
}

fn user_not_found(user_id: &str) -> ApiError {
    ApiError::keystone(
        StatusCode::NOT_FOUND,
        format!("Could not find user: {user_id}."),
    )
}

/// The credential with this AK, if the caller may act on it (its own, or any for an admin).
fn owned<'a>(
    cloud: &'a mut Cloud,
    caller: &Caller,
    access: &str,
    action: &str,
) -> Result<&'a mut Credential, ApiError> {
    let credential = cloud.credential_mut(access).ok_or_else(|| {
        ApiError::keystone(
            StatusCode::NOT_FOUND,
            format!("Could not find credential: {access}."),
        )
    })?;
    if !caller.admin && credential.user_id != caller.user_id {
        return Err(forbidden(action));
    }
    Ok(credential)
}

/// `POST /v3.0/OS-CREDENTIAL/credentials`: 201 with the secret key, shown only here.
pub async fn create(
    State(app): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: Bytes,
) -> Result<(StatusCode, Json<One>), ApiError> {
    let request: CreateRequest = json_body(&body)?;
    let user_id = request
        .credential
        .user_id
        .filter(|id| !id.is_empty())
        .ok_or_else(|| bad_request("Invalid input for field 'user_id': it is required."))?;
    check_description(&request.credential.description)?;
    if !caller.admin && caller.user_id != user_id {
        return Err(forbidden("identity:credentials:create"));
    }
    let mut cloud = app.cloud.lock();
    if cloud.user(&user_id).is_none() {
        return Err(user_not_found(&user_id));
    }
    if cloud.credentials_of(&user_id).len() >= MAX_KEYS_PER_USER {
        return Err(bad_request("akSkNumExceed"));
    }
    let mut rng = rand::rng();
    let credential = Credential {
        access: ids::access_key(&mut rng),
        secret: Secret::new(ids::secret_key(&mut rng)),
        user_id,
        active: true,
        description: request.credential.description,
        created: Utc::now(),
        last_used: None,
    };
    let view = CredentialView {
        secret: Some(credential.secret.expose().to_owned()),
        ..CredentialView::of(&credential)
    };
    cloud.credentials.push(credential);
    Ok((StatusCode::CREATED, Json(One { credential: view })))
}

/// `GET /v3.0/OS-CREDENTIAL/credentials[?user_id=]`: a user's keys; the caller's own without `user_id`.
pub async fn list(
    State(app): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Many>, ApiError> {
    let user_id = query
        .get("user_id")
        .filter(|id| !id.is_empty())
        .unwrap_or(&caller.user_id);
    if !caller.admin && *user_id != caller.user_id {
        return Err(forbidden("identity:credentials:list"));
    }
    let cloud = app.cloud.lock();
    if cloud.user(user_id).is_none() {
        return Err(user_not_found(user_id));
    }
    let credentials = cloud
        .credentials_of(user_id)
        .into_iter()
        .map(CredentialView::of)
        .collect();
    Ok(Json(Many { credentials }))
}

/// `GET /v3.0/OS-CREDENTIAL/credentials/{access_key}`: one key with its `last_use_time`.
pub async fn show(
    State(app): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(access): Path<String>,
) -> Result<Json<One>, ApiError> {
    let mut cloud = app.cloud.lock();
    let credential = owned(&mut cloud, &caller, &access, "identity:credentials:get")?;
    let view = CredentialView {
        last_use_time: Some(clock::iam_time(credential.last_use_time())),
        ..CredentialView::of(credential)
    };
    Ok(Json(One { credential: view }))
}

/// `PUT /v3.0/OS-CREDENTIAL/credentials/{access_key}`: change status and/or description.
pub async fn update(
    State(app): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(access): Path<String>,
    body: Bytes,
) -> Result<Json<One>, ApiError> {
    let request: UpdateRequest = json_body(&body)?;
    let UpdateOption {
        status,
        description,
    } = request.credential;
    let active = match status.as_deref() {
        None => None,
        Some("active") => Some(true),
        Some("inactive") => Some(false),
        Some(_) => {
            return Err(bad_request(
                "Invalid input for field 'status': expected active or inactive.",
            ));
        }
    };
    if active.is_none() && description.is_none() {
        return Err(bad_request(
            "Invalid input for field 'credential': give status or description.",
        ));
    }
    if let Some(description) = &description {
        check_description(description)?;
    }
    let mut cloud = app.cloud.lock();
    let credential = owned(&mut cloud, &caller, &access, "identity:credentials:update")?;
    if let Some(active) = active {
        credential.active = active;
    }
    if let Some(description) = description {
        credential.description = description;
    }
    Ok(Json(One {
        credential: CredentialView::of(credential),
    }))
}

/// `DELETE /v3.0/OS-CREDENTIAL/credentials/{access_key}`: 204.
pub async fn delete(
    State(app): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(access): Path<String>,
) -> Result<StatusCode, ApiError> {
    let mut cloud = app.cloud.lock();
    owned(&mut cloud, &caller, &access, "identity:credentials:delete")?;
    cloud.credentials.retain(|c| c.access != access);
    Ok(StatusCode::NO_CONTENT)
}
