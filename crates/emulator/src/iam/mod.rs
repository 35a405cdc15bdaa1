//! IAM: tokens, account discovery, users and permanent access keys (docs/api.md, "IAM: tokens",
//! "IAM: account and projects", "IAM: users" and "IAM: access keys").

mod credentials;
mod discovery;
mod tokens;
mod users;

use axum::Router;
use axum::body::Bytes;
use axum::http::StatusCode;
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use serde::de::DeserializeOwned;

use crate::app_state::AppState;
use crate::auth;
use crate::errors::ApiError;

/// The IAM routes; every route but `POST /v3/auth/tokens` requires authentication.
pub fn router(app: &AppState) -> Router<AppState> {
    let discovery = Router::new()
        .route("/v3/auth/domains", get(discovery::auth_domains))
        .route("/v3/auth/projects", get(discovery::auth_projects))
        .route("/v3/projects", get(discovery::projects))
        .route_layer(from_fn_with_state(app.clone(), auth::iam_discovery));
    let managed = Router::new()
        .route("/v3/users", get(users::list))
        .route("/v3.0/OS-USER/users/{user_id}", get(users::show))
        .route(
            "/v3.0/OS-CREDENTIAL/credentials",
            get(credentials::list).post(credentials::create),
        )
        .route(
            "/v3.0/OS-CREDENTIAL/credentials/{access_key}",
            get(credentials::show)
                .put(credentials::update)
                .delete(credentials::delete),
        )
        .route_layer(from_fn_with_state(app.clone(), auth::iam));
    // Issuing a token needs no credentials; validating one is an IAM call like the managed ones.
    let validate = get(tokens::validate).route_layer(from_fn_with_state(app.clone(), auth::iam));
    Router::new()
        .route("/v3/auth/tokens", post(tokens::create).merge(validate))
        .merge(discovery)
        .merge(managed)
}

/// Parses a JSON request body; a malformed one is a Keystone 400.
fn json_body<T: DeserializeOwned>(body: &Bytes) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| {
        ApiError::keystone(
            StatusCode::BAD_REQUEST,
            format!("The request body is invalid: {e}"),
        )
    })
}

/// 403 for an action the caller may not perform.
fn forbidden(action: &str) -> ApiError {
    ApiError::keystone(
        StatusCode::FORBIDDEN,
        format!("You are not authorized to perform the requested action: {action}."),
    )
}
