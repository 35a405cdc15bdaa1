//! `POST /v3/auth/tokens`: a token for a password (and TOTP) or for another token, scoped to the
//! account or a project; `GET /v3/auth/tokens`: validating a token (docs/api.md, "IAM: tokens").

mod body;
mod exchange;
mod password;
mod validate;

use std::collections::HashMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;

use super::json_body;
use crate::app_state::AppState;
use crate::errors::ApiError;
use crate::ids;
use crate::state::{Cloud, Scope};

pub use validate::validate;

#[derive(Deserialize)]
struct TokenRequest {
    auth: Auth,
}

#[derive(Deserialize)]
struct Auth {
    identity: Identity,
    scope: Option<ScopeRequest>,
}

#[derive(Deserialize)]
struct Identity {
    methods: Vec<String>,
    password: Option<password::PasswordMethod>,
    token: Option<exchange::TokenMethod>,
    totp: Option<password::TotpMethod>,
}

impl Identity {
    fn uses(&self, method: &str) -> bool {
        self.methods.iter().any(|m| m == method)
    }
}

#[derive(Deserialize, Default)]
struct ScopeRequest {
    domain: Option<NameOrId>,
    project: Option<ProjectRef>,
}

/// `scope.project`: by id or name, with its account (which the `token` method needs with a name).
#[derive(Deserialize)]
struct ProjectRef {
    #[serde(flatten)]
    project: NameOrId,
    domain: Option<NameOrId>,
}

#[derive(Deserialize)]
struct NameOrId {
    id: Option<String>,
    name: Option<String>,
}

impl NameOrId {
    fn names(&self, id: &str, name: &str) -> bool {
        match (&self.id, &self.name) {
            (Some(given), _) => given == id,
            (None, Some(given)) => given == name,
            (None, None) => false,
        }
    }
}

fn unauthorized(message: &str) -> ApiError {
    ApiError::keystone(StatusCode::UNAUTHORIZED, message)
}

fn bad_request(message: &str) -> ApiError {
    ApiError::keystone(StatusCode::BAD_REQUEST, message)
}

/// `POST /v3/auth/tokens[?nocatalog=true]`: 201 with the token in `X-Subject-Token`.
pub async fn create(
    State(app): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let request: TokenRequest = json_body(&body)?;
    let Auth { identity, scope } = request.auth;
    let now = Utc::now();
    let mut cloud = app.cloud.lock();
    let token = if identity.uses("password") {
        password::sign_in(&mut cloud, identity, &scope.unwrap_or_default(), now)?
    } else if identity.uses("token") {
        exchange::rescope(&cloud, identity, scope.as_ref(), now)?
    } else {
        return Err(bad_request(
            "identity.methods must include \"password\" or \"token\".",
        ));
    };
    let user = cloud
        .user(&token.user_id)
        .ok_or_else(|| unauthorized("The user does not exist."))?;
    let body = body::token_body(&cloud, &app.endpoint, user, &token, wants_catalog(&query));
    let value = ids::token(&mut rand::rng());
    cloud.tokens.insert(value.clone(), token);
    drop(cloud);

    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    let header = HeaderValue::from_str(&value).expect("tokens use header-safe characters");
    response.headers_mut().insert("x-subject-token", header);
    Ok(response)
}

/// The body of a token shows `catalog` unless `nocatalog` is any non-empty string.
fn wants_catalog(query: &HashMap<String, String>) -> bool {
    query.get("nocatalog").is_none_or(String::is_empty)
}

/// The token's scope: the project when one is named (it wins over a domain), else the account,
/// also when `auth.scope` is absent or empty (docs/api.md, "IAM: tokens"). A project's or
/// domain's account must be this one.
fn resolve_scope(cloud: &Cloud, scope: &ScopeRequest) -> Result<Scope, ApiError> {
    let account = |given: &NameOrId| given.names(&cloud.domain.id, &cloud.domain.name);
    match (&scope.domain, &scope.project) {
        (_, Some(project)) => cloud
            .projects
            .iter()
            .find(|p| project.project.names(&p.id, &p.name))
            .filter(|_| project.domain.as_ref().is_none_or(account))
            .map(|p| Scope::Project(p.id.clone()))
            .ok_or_else(|| unauthorized("The project in the scope does not exist.")),
        (Some(domain), None) if !account(domain) => {
            Err(unauthorized("The domain in the scope does not exist."))
        }
        (_, None) => Ok(Scope::Domain),
    }
}
