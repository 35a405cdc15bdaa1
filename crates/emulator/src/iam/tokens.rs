//! `POST /v3/auth/tokens`: password (and optional TOTP) sign-in, domain or project scope;
//! `GET /v3/auth/tokens`: validating a token (docs/api.md, "IAM: tokens").

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{Value, json};

use super::{forbidden, json_body};
use crate::app_state::AppState;
use crate::auth::{Caller, totp, valid_token};
use crate::clock;
use crate::errors::ApiError;
use crate::ids;
use crate::state::{Cloud, Domain, HOME_REGION, Scope, TOKEN_LIFETIME, Token, User};

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
    password: Option<PasswordMethod>,
    totp: Option<TotpMethod>,
}

#[derive(Deserialize)]
struct PasswordMethod {
    user: PasswordUser,
}

#[derive(Deserialize)]
struct PasswordUser {
    id: Option<String>,
    name: Option<String>,
    password: String,
    domain: Option<NameOrId>,
}

#[derive(Deserialize)]
struct TotpMethod {
    user: TotpUser,
}

#[derive(Deserialize)]
struct TotpUser {
    id: String,
    passcode: String,
}

#[derive(Deserialize, Default)]
struct ScopeRequest {
    domain: Option<NameOrId>,
    project: Option<NameOrId>,
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

/// Role names shown in tokens; admins hold the tenant and security administrator roles.
const ADMIN_ROLES: [&str; 2] = ["te_admin", "secu_admin"];
const USER_ROLES: [&str; 1] = ["readonly"];
/// A token shows every role id as "0", not the real id (docs/api.md, "IAM: tokens").
const ROLE_ID: &str = "0";

fn wrong_password() -> ApiError {
    ApiError::keystone(
        StatusCode::UNAUTHORIZED,
        "The username or password is wrong.",
    )
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
    let identity = request.auth.identity;
    if !identity.methods.iter().any(|m| m == "password") {
        return Err(bad_request("identity.methods must include \"password\"."));
    }
    let password = identity
        .password
        .ok_or_else(|| bad_request("identity.password is required."))?;
    let scope = request.auth.scope.unwrap_or_default();
    let now = Utc::now();
    let mut cloud = app.cloud.lock();

    let user = find_user(&cloud, &password.user)?;
    if user.password.expose() != password.user.password {
        return Err(wrong_password());
    }
    if !user.enabled {
        return Err(unauthorized("The user is disabled."));
    }
    if let Some(secret) = &user.mfa_secret {
        let totp_given = identity.methods.iter().any(|m| m == "totp");
        let Some(totp) = identity.totp.filter(|_| totp_given) else {
            return Err(unauthorized(
                "The user has login protection: add the \"totp\" method with an MFA passcode.",
            ));
        };
        if totp.user.id != user.id || !totp::verify(secret.expose(), &totp.user.passcode, now) {
            return Err(unauthorized("The MFA passcode is wrong."));
        }
    }
    let scope = resolve_scope(&cloud, &scope)?;
    let user = user.clone();
    let value = ids::token(&mut rand::rng());
    let token = Token {
        user_id: user.id.clone(),
        scope,
        methods: identity.methods,
        issued: now,
        expires: now + TOKEN_LIFETIME,
    };
    let body = token_body(&cloud, &app.endpoint, &user, &token, wants_catalog(&query));
    cloud.tokens.insert(value.clone(), token);
    if let Some(user) = cloud.user_mut(&user.id) {
        user.last_login = Some(now);
    }
    drop(cloud);

    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    let header = HeaderValue::from_str(&value).expect("tokens use header-safe characters");
    response.headers_mut().insert("x-subject-token", header);
    Ok(response)
}

/// The body of an issued token shows `catalog` unless `nocatalog` is any non-empty string.
fn wants_catalog(query: &HashMap<String, String>) -> bool {
    query.get("nocatalog").is_none_or(String::is_empty)
}

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
    let body = token_body(&cloud, &app.endpoint, user, token, wants_catalog(&query));
    drop(cloud);

    let mut response = (StatusCode::OK, Json(body)).into_response();
    response
        .headers_mut()
        .insert("x-subject-token", subject.clone());
    Ok(response)
}

fn find_user<'a>(cloud: &'a Cloud, given: &PasswordUser) -> Result<&'a User, ApiError> {
    if let Some(domain) = &given.domain
        && !domain.names(&cloud.domain.id, &cloud.domain.name)
    {
        return Err(wrong_password());
    }
    let found = match (&given.id, &given.name) {
        (Some(id), _) => cloud.users.iter().find(|u| &u.id == id),
        (None, Some(name)) if given.domain.is_some() => {
            cloud.users.iter().find(|u| &u.name == name)
        }
        (None, Some(_)) => {
            return Err(bad_request("A user given by name needs its domain."));
        }
        (None, None) => return Err(bad_request("The user needs an id or a name.")),
    };
    found.ok_or_else(wrong_password)
}

/// The token's scope: the project when one is named (it wins over a domain), else the account,
/// also when `auth.scope` is absent or empty (docs/api.md, "IAM: tokens").
fn resolve_scope(cloud: &Cloud, scope: &ScopeRequest) -> Result<Scope, ApiError> {
    match (&scope.domain, &scope.project) {
        (_, Some(project)) => cloud
            .projects
            .iter()
            .find(|p| project.names(&p.id, &p.name))
            .map(|p| Scope::Project(p.id.clone()))
            .ok_or_else(|| unauthorized("The project in the scope does not exist.")),
        (Some(domain), None) if !domain.names(&cloud.domain.id, &cloud.domain.name) => {
            Err(unauthorized("The domain in the scope does not exist."))
        }
        (_, None) => Ok(Scope::Domain),
    }
}

fn domain_json(domain: &Domain) -> Value {
    json!({ "id": domain.id, "name": domain.name })
}

fn token_body(cloud: &Cloud, endpoint: &str, user: &User, token: &Token, catalog: bool) -> Value {
    let roles: Vec<Value> = if user.admin {
        &ADMIN_ROLES[..]
    } else {
        &USER_ROLES[..]
    }
    .iter()
    .map(|name| json!({ "id": ROLE_ID, "name": name }))
    .collect();
    let mut body = json!({
        "expires_at": clock::token_time(token.expires),
        "issued_at": clock::token_time(token.issued),
        "methods": token.methods,
        "user": {
            "id": user.id,
            "name": user.name,
            "password_expires_at": "",
            "domain": domain_json(&cloud.domain),
        },
        "roles": roles,
        "catalog": if catalog { catalog_json(endpoint, &token.scope, cloud) } else { json!([]) },
    });
    match &token.scope {
        Scope::Domain => body["domain"] = domain_json(&cloud.domain),
        Scope::Project(id) => {
            if let Some(project) = cloud.project(id) {
                body["project"] = json!({
                    "id": project.id,
                    "name": project.name,
                    "domain": domain_json(&cloud.domain),
                });
            }
        }
    }
    json!({ "token": body })
}

fn catalog_json(endpoint: &str, scope: &Scope, cloud: &Cloud) -> Value {
    let mut catalog = vec![json!({
        "type": "identity",
        "id": "4d7a1c9e2b5f4e8a9c3d6b0f1e2a5c7d",
        "name": "iam",
        "endpoints": [{
            "url": format!("{endpoint}/v3"),
            "region": "*",
            "region_id": "*",
            "interface": "public",
            "id": "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b",
        }],
    })];
    if let Scope::Project(id) = scope {
        let region = cloud.project(id).map_or(HOME_REGION, |p| p.name.as_str());
        catalog.push(json!({
            "type": "kms",
            "id": "2f4e6a8c0b1d3f5e7a9c1b3d5f7e9a0c",
            "name": "kms",
            "endpoints": [{
                "url": format!("{endpoint}/v1.0/{id}"),
                "region": region,
                "region_id": region,
                "interface": "public",
                "id": "6b8d0f2a4c6e8a0b2d4f6a8c0e2b4d6f",
            }],
        }));
    }
    json!(catalog)
}
