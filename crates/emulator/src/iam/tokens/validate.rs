//! `GET /v3/auth/tokens` with `X-Subject-Token`: what a token grants.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use chrono::Utc;

use super::{body, wants_catalog};
use crate::app_state::AppState;
use crate::auth::{Caller, valid_token};
use crate::errors::ApiError;
use crate::iam::forbidden;

/// 404 "X-Subject-Token is invalid in the request", the documented answer for a token that
/// cannot be validated; also given for an expired or missing one (docs/api.md, "IAM: tokens").
fn invalid_subject_token() -> ApiError {
    ApiError::keystone(
        StatusCode::NOT_FOUND,
        "X-Subject-Token is invalid in the request",
    )
}

/// `GET /v3/auth/tokens[?nocatalog=…]` with `X-Subject-Token`: 200 with the body that token was
/// issued with and the token echoed in `X-Subject-Token`. An administrator may validate every
/// token of the account, anyone else only their own (403 otherwise).
pub async fn validate(
    State(app): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let subject = headers
        .get("x-subject-token")
        .filter(|value| !value.is_empty())
        .ok_or_else(invalid_subject_token)?;
    let value = subject.to_str().map_err(|_| invalid_subject_token())?;
    let cloud = app.cloud.lock();
    let token = valid_token(&cloud, value, Utc::now()).map_err(|_| invalid_subject_token())?;
    if !caller.admin && token.user_id != caller.user_id {
        return Err(forbidden("identity:tokens:validate"));
    }
    let user = cloud
        .user(&token.user_id)
        .ok_or_else(invalid_subject_token)?;
    let body = body::token_body(&cloud, &app.endpoint, user, token, wants_catalog(&query));
    drop(cloud);

    let mut response = (StatusCode::OK, Json(body)).into_response();
    response
        .headers_mut()
        .insert("x-subject-token", subject.clone());
    Ok(response)
}
