//! KMS v1.0 under `/v1.0/{project_id}/kms/` (docs/api.md, "KMS: keys" and "KMS: rotation"):
//! every operation is a POST with a JSON body and answers 200, or an error with a `KMS.xxxx` code
//! (docs/api.md, "Error codes").

mod keys;
mod request;
mod rotation;
pub(crate) mod wire;

use std::sync::Arc;

use axum::Router;
use axum::middleware::from_fn_with_state;
use axum::routing::post;

use crate::app_state::AppState;
use crate::auth;
use crate::throttle::{self, RateLimiter};

/// The KMS routes; all require authentication for the project in the path, and with a
/// `rate_limit` each caller's requests are counted after authentication.
pub fn router(app: &AppState, rate_limit: Option<Arc<RateLimiter>>) -> Router<AppState> {
    let routes = Router::new()
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
        );
    // The layer added last runs first: authentication, then the rate limit.
    let routes = match rate_limit {
        Some(limiter) => routes.route_layer(from_fn_with_state(limiter, throttle::limit)),
        None => routes,
    };
    routes.route_layer(from_fn_with_state(app.clone(), auth::kms))
}
