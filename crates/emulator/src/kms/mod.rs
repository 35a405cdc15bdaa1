//! KMS v1.0 under `/v1.0/{project_id}/kms/` (docs/api.md, "KMS: keys" and "KMS: rotation"):
//! every operation is a POST with a JSON body and answers 200, or an error with a `KMS.xxxx` code
//! (docs/api.md, "Error codes").

mod keys;
mod request;
mod rotation;
pub(crate) mod wire;

use axum::Router;
use axum::middleware::from_fn_with_state;
use axum::routing::post;

use crate::app_state::AppState;
use crate::auth;

/// The KMS routes; all require authentication for the project in the path.
pub fn router(app: &AppState) -> Router<AppState> {
    Router::new()
        .route("/v1.0/{project_id}/kms/list-keys", post(keys::list))
        .route("/v1.0/{project_id}/kms/describe-key", post(keys::describe))
        .route(
            "/v1.0/{project_id}/kms/get-key-rotation-status",
            post(rotation::status),
        )
        .route(
            "/v1.0/{project_id}/kms/enable-key-rotation",
            post(rotation::enable),
        )
        .route(
            "/v1.0/{project_id}/kms/disable-key-rotation",
            post(rotation::disable),
        )
        .route(
            "/v1.0/{project_id}/kms/update-key-rotation-interval",
            post(rotation::update_interval),
        )
        .route_layer(from_fn_with_state(app.clone(), auth::kms))
}
