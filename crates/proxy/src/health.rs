//! `GET /healthz`: whether the proxy is up, for load balancers and orchestrators. It says nothing
//! else, so it is answered to anyone who may connect, whatever `Host` or `Origin` they send.

use axum::Json;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// The path of the health check.
pub const PATH: &str = "/healthz";

/// `200 {"status":"ok"}`, never cached.
pub async fn healthz() -> Response {
    let mut response = Json(json!({ "status": "ok" })).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
