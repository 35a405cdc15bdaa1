//! Who is calling: an `X-Auth-Token` or an `SDK-HMAC-SHA256` signature, checked as the real
//! gateway does, before any IAM or KMS handler runs.

mod signature;
mod token;
pub mod totp;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};

use crate::app_state::AppState;
use crate::errors::ApiError;
use crate::gateway::RequestId;
use crate::state::{Cloud, Scope};

pub use token::{TokenProblem, valid_token};

/// Largest request body accepted.
const MAX_BODY: usize = 1 << 20;

/// The authenticated caller, available to handlers as a request extension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub user_id: String,
    /// Member of the admin group: may act on every user's keys.
    pub admin: bool,
}

/// Which rules apply to a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Service {
    /// `GET /v3/auth/domains`, `/v3/auth/projects`, `/v3/projects`: any token; signatures
    /// need no `X-Domain-Id` (the SDK calls them to discover the ids).
    IamDiscovery,
    /// IAM users and credentials: a domain-scoped token, or a signature with `X-Domain-Id`.
    Iam,
    /// KMS under `/v1.0/{project_id}/kms/`: a token scoped to that project, or a signature
    /// (an `X-Project-Id` header, when sent, must name that project).
    Kms,
}

/// Middleware for the IAM discovery routes.
pub async fn iam_discovery(State(app): State<AppState>, request: Request, next: Next) -> Response {
    authenticate(app, Service::IamDiscovery, request, next).await
}

/// Middleware for the IAM user and credential routes.
pub async fn iam(State(app): State<AppState>, request: Request, next: Next) -> Response {
    authenticate(app, Service::Iam, request, next).await
}

/// Middleware for the KMS routes.
pub async fn kms(State(app): State<AppState>, request: Request, next: Next) -> Response {
    authenticate(app, Service::Kms, request, next).await
}

async fn authenticate(app: AppState, service: Service, request: Request, next: Next) -> Response {
    let request_id = request
        .extensions()
        .get::<RequestId>()
        .cloned()
        .unwrap_or_else(|| RequestId::new(String::new()));
    let (parts, body) = request.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_BODY).await else {
        return ApiError::gateway(
            StatusCode::PAYLOAD_TOO_LARGE,
            "APIGW.0201",
            "Request entity too large",
            &request_id,
        )
        .into_response();
    };
    let caller = identify(
        &mut app.cloud.lock(),
        service,
        &parts,
        &body,
        &request_id,
        Utc::now(),
    );
    match caller {
        Ok(caller) => {
            let mut request = Request::from_parts(parts, Body::from(body));
            request.extensions_mut().insert(caller);
            next.run(request).await
        }
        Err(error) => error.into_response(),
    }
}

fn header<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    parts.headers.get(name).and_then(|v| v.to_str().ok())
}

/// The `{project_id}` of a `/v1.0/{project_id}/kms/...` path.
fn kms_path_project(path: &str) -> &str {
    path.split('/').nth(2).unwrap_or_default()
}

fn identify(
    cloud: &mut Cloud,
    service: Service,
    parts: &Parts,
    body: &Bytes,
    request_id: &RequestId,
    now: DateTime<Utc>,
) -> Result<Caller, ApiError> {
    if let Some(authorization) = header(parts, "authorization") {
        return identify_signed(cloud, service, parts, body, authorization, request_id, now);
    }
    let Some(token) = header(parts, "x-auth-token") else {
        return Err(missing_credentials(service, request_id));
    };
    let token = match valid_token(cloud, token, now) {
        Ok(token) => token.clone(),
        Err(problem) => return Err(token_rejected(service, problem, request_id)),
    };
    match (service, &token.scope) {
        (Service::IamDiscovery, _) | (Service::Iam, Scope::Domain) => {}
        (Service::Iam, Scope::Project(_)) => {
            return Err(ApiError::keystone(
                StatusCode::FORBIDDEN,
                "IAM is a global service: use a domain-scoped token.",
            ));
        }
        (Service::Kms, Scope::Project(project))
            if project == kms_path_project(parts.uri.path()) => {}
        (Service::Kms, Scope::Project(_)) => return Err(project_mismatch()),
        (Service::Kms, Scope::Domain) => {
            return Err(ApiError::kms_status(
                StatusCode::FORBIDDEN,
                "KMS.0305",
                "KMS needs a token scoped to the project of the region, not to the account.",
            ));
        }
    }
    caller(cloud, &token.user_id)
        .ok_or_else(|| token_rejected(service, TokenProblem::Unknown, request_id))
}

fn identify_signed(
    cloud: &mut Cloud,
    service: Service,
    parts: &Parts,
    body: &Bytes,
    authorization: &str,
    request_id: &RequestId,
    now: DateTime<Utc>,
) -> Result<Caller, ApiError> {
    let rejected = |reason: &str| ApiError::unauthenticated(reason, request_id);
    let access =
        signature::verify(cloud, parts, body, authorization, now).map_err(|r| match r {
            signature::Rejection::Invalid(reason) => rejected(reason),
            signature::Rejection::ClockSkew => ApiError::request_expired(request_id),
        })?;
    match service {
        Service::IamDiscovery => {
            if header(parts, "x-domain-id").is_some_and(|id| id != cloud.domain.id) {
                return Err(rejected("X-Domain-Id does not name this account"));
            }
        }
        Service::Iam => {
            if header(parts, "x-domain-id") != Some(cloud.domain.id.as_str()) {
                return Err(rejected(
                    "X-Domain-Id is missing or does not name this account",
                ));
            }
        }
        Service::Kms => {
            let project = kms_path_project(parts.uri.path());
            if cloud.project(project).is_none() {
                return Err(project_mismatch());
            }
            if header(parts, "x-project-id").is_some_and(|id| id != project) {
                return Err(rejected(
                    "X-Project-Id does not match the project in the path",
                ));
            }
        }
    }
    let credential = cloud
        .credential_mut(&access)
        .ok_or_else(|| rejected("the access key does not exist"))?;
    credential.last_used = Some(now);
    let user_id = credential.user_id.clone();
    caller(cloud, &user_id).ok_or_else(|| rejected("the user does not exist"))
}

/// 403 `KMS.0321`: the project in the path is not the caller's (docs/api.md, "Error codes").
fn project_mismatch() -> ApiError {
    ApiError::kms_status(
        StatusCode::FORBIDDEN,
        "KMS.0321",
        "The project in the request path is not the project of the credentials.",
    )
}

fn caller(cloud: &Cloud, user_id: &str) -> Option<Caller> {
    cloud.user(user_id).map(|user| Caller {
        user_id: user.id.clone(),
        admin: user.admin,
    })
}

fn missing_credentials(service: Service, request_id: &RequestId) -> ApiError {
    match service {
        Service::Kms => ApiError::unauthenticated("Unauthorized", request_id),
        Service::Iam | Service::IamDiscovery => ApiError::keystone(
            StatusCode::UNAUTHORIZED,
            "The request you have made requires authentication.",
        ),
    }
}

fn token_rejected(service: Service, problem: TokenProblem, request_id: &RequestId) -> ApiError {
    match service {
        Service::Kms => ApiError::unauthenticated(problem.reason(), request_id),
        Service::Iam | Service::IamDiscovery => ApiError::keystone(
            StatusCode::UNAUTHORIZED,
            format!(
                "The request you have made requires authentication: {}.",
                problem.reason()
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_comes_from_the_kms_path() {
        assert_eq!(kms_path_project("/v1.0/abc123/kms/list-keys"), "abc123");
        assert_eq!(kms_path_project("/"), "");
    }
}
