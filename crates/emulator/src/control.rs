//! Control routes for demos and tests, kept apart from the cloud API under `/__emulator/`:
//! `POST /__emulator/keys/{ak}/use` marks a key as used now; `POST /__emulator/tokens/expire`
//! expires every issued token; `GET /__emulator/state` dumps the account without any secret;
//! `GET /__emulator/demo` gives the demo account's public sign-in credentials (demo seed only).
//!
//! Every control request must carry [`HEADER`]`: 1`. A page of another origin cannot send it
//! without a CORS preflight, and the emulator allows no preflight, so no web page can change or
//! read the account through these routes.

use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::Utc;
use serde_json::{Value, json};

use crate::app_state::AppState;
use crate::clock;
use crate::kms::wire::KeyDetails;
use crate::seed::demo::SignIns;

/// Path prefix of every control route.
pub const PREFIX: &str = "/__emulator/";

/// The header every control request must carry, with the value `1`.
pub const HEADER: &str = "X-Keyturn-Emulator";

/// Middleware: 403 `{"error": …}` for a request under [`PREFIX`] without `HEADER: 1` (a CORS
/// preflight included, which thus gets no `Access-Control-Allow-*`).
pub async fn guard(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if !path.starts_with(PREFIX) || request.headers().get(HEADER).is_some_and(|v| v == "1") {
        return next.run(request).await;
    }
    tracing::warn!(path, "refused: control route without {HEADER}");
    let message = format!("control routes need the header {HEADER}: 1");
    (StatusCode::FORBIDDEN, Json(json!({ "error": message }))).into_response()
}

/// The control routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/__emulator/keys/{access_key}/use", post(mark_used))
        .route("/__emulator/tokens/expire", post(expire_tokens))
        .route("/__emulator/state", get(dump))
        .route("/__emulator/demo", get(demo_sign_ins))
}

/// 404 with a plain `{"error": …}` body, the control routes' only error.
fn not_found(message: String) -> (StatusCode, Json<Value>) {
    (StatusCode::NOT_FOUND, Json(json!({ "error": message })))
}

/// The demo account's sign-in credentials (`seed::demo::SignIns`); 404 with any other seed.
async fn demo_sign_ins(
    State(app): State<AppState>,
) -> Result<Json<SignIns>, (StatusCode, Json<Value>)> {
    match &app.demo {
        Some(sign_ins) => Ok(Json(SignIns::clone(sign_ins))),
        None => Err(not_found(
            "no demo credentials: the emulator was not started with --seed demo".to_owned(),
        )),
    }
}

/// Expires every issued token, as if a day had passed: clients must sign in again.
async fn expire_tokens(State(app): State<AppState>) -> Json<Value> {
    let mut cloud = app.cloud.lock();
    let now = Utc::now();
    for token in cloud.tokens.values_mut() {
        token.expires = token.expires.min(now);
    }
    Json(json!({ "expired": cloud.tokens.len() }))
}

/// Marks an access key as used now, as if an application had just signed a request with it.
async fn mark_used(
    State(app): State<AppState>,
    Path(access): Path<String>,
) -> Result<Json<Value>, (StatusCode, Json<Value>)> {
    let mut cloud = app.cloud.lock();
    let Some(credential) = cloud.credential_mut(&access) else {
        return Err(not_found(format!("no access key {access}")));
    };
    credential.last_used = Some(Utc::now());
    Ok(Json(json!({
        "access": credential.access,
        "last_use_time": clock::iam_time(credential.last_use_time()),
    })))
}

/// Everything the emulator holds, minus passwords, secret keys and token values.
async fn dump(State(app): State<AppState>) -> Json<Value> {
    let cloud = app.cloud.lock();
    let users: Vec<Value> = cloud
        .users
        .iter()
        .map(|u| {
            json!({
                "id": u.id,
                "name": u.name,
                "enabled": u.enabled,
                "admin": u.admin,
                "mfa": u.mfa_secret.is_some(),
                "access_mode": u.access_mode,
                "description": u.description,
                "role": u.role,
            })
        })
        .collect();
    let credentials: Vec<Value> = cloud
        .credentials
        .iter()
        .map(|c| {
            json!({
                "access": c.access,
                "user_id": c.user_id,
                "status": c.status(),
                "description": c.description,
                "create_time": clock::iam_time(c.created),
                "last_use_time": clock::iam_time(c.last_use_time()),
                "never_used": c.last_used.is_none(),
            })
        })
        .collect();
    let kms_keys: Vec<Value> = cloud
        .kms_keys
        .iter()
        .map(|k| {
            json!({
                "project_id": k.project_id,
                "role": k.role,
                "details": KeyDetails::of(&cloud, k),
                "rotation": {
                    "enabled": k.rotation.enabled,
                    "interval_days": k.rotation.interval_days,
                    "last_rotation_time": k.rotation.last_rotation.map(clock::epoch_ms),
                    "number_of_rotations": k.rotation.count,
                },
            })
        })
        .collect();
    let projects: Vec<Value> = cloud
        .projects
        .iter()
        .map(|p| json!({ "id": p.id, "name": p.name }))
        .collect();
    Json(json!({
        "domain": { "id": cloud.domain.id, "name": cloud.domain.name },
        "projects": projects,
        "users": users,
        "credentials": credentials,
        "kms_keys": kms_keys,
        "tokens": cloud.tokens.len(),
    }))
}
