//! The IAM calls Keyturn makes, as [`ApiRequest`]s (docs/api.md, "IAM: users", "IAM: access keys"). Pure: identifiers are
//! typed, so every path is well formed by construction, and nothing is sent.

use crate::error::Error;
use crate::ids::{AccessKeyId, UserId};
use crate::types::credential::{CreateCredentialRequest, KeyStatus, UpdateCredentialRequest};
use crate::types::token::{SUBJECT_TOKEN_HEADER, TokenRequest};

use super::{ApiRequest, Idempotency, Method};

/// Path of the v3.0 permanent access key collection.
pub const CREDENTIALS_PATH: &str = "/v3.0/OS-CREDENTIAL/credentials";

/// `GET /v3/auth/domains`: the caller's account; needs no `X-Domain-Id`.
pub fn auth_domains(endpoint: &str) -> ApiRequest {
    ApiRequest::new(
        Method::Get,
        endpoint,
        "/v3/auth/domains",
        Idempotency::Idempotent,
    )
}

/// `POST /v3/auth/tokens`: a token for the password (and MFA code) or the token in `body`, sent
/// with [`Auth::None`](super::Auth::None). Not repeated automatically: a sign-in is not repeated
/// behind the person's back.
pub fn issue_token(endpoint: &str, body: &TokenRequest) -> Result<ApiRequest, Error> {
    ApiRequest::new(
        Method::Post,
        endpoint,
        "/v3/auth/tokens",
        Idempotency::NotIdempotent,
    )
    .json(body)
}

/// `GET /v3/auth/tokens?nocatalog=true` with `X-Subject-Token: <subject>`: the user, account and
/// scope of the token `subject`; a user may validate their own token.
pub fn validate_token(endpoint: &str, subject: &str) -> ApiRequest {
    ApiRequest::new(
        Method::Get,
        endpoint,
        "/v3/auth/tokens",
        Idempotency::Idempotent,
    )
    .query("nocatalog", "true")
    .header(SUBJECT_TOKEN_HEADER, subject)
}

/// `GET /v3/projects?name=<region>`: the project of a region (named after it), whose id KMS
/// paths need (docs/api.md, "IAM: account and projects").
pub fn projects(endpoint: &str, region_name: &str) -> ApiRequest {
    ApiRequest::new(
        Method::Get,
        endpoint,
        "/v3/projects",
        Idempotency::Idempotent,
    )
    .query("name", region_name)
}

/// `GET /v3/users`: every user of the account (administrators only).
pub fn list_users(endpoint: &str) -> ApiRequest {
    ApiRequest::new(Method::Get, endpoint, "/v3/users", Idempotency::Idempotent)
}

/// `GET /v3.0/OS-USER/users/{user_id}`: one user (administrators, or the user itself).
pub fn show_user(endpoint: &str, user_id: &UserId) -> ApiRequest {
    ApiRequest::new(
        Method::Get,
        endpoint,
        format!("/v3.0/OS-USER/users/{user_id}"),
        Idempotency::Idempotent,
    )
}

/// `GET credentials[?user_id=]`: a user's keys, or the caller's own without `user_id`.
pub fn list_keys(endpoint: &str, user_id: Option<&UserId>) -> ApiRequest {
    let request = ApiRequest::new(
        Method::Get,
        endpoint,
        CREDENTIALS_PATH,
        Idempotency::Idempotent,
    );
    match user_id {
        Some(id) => request.query("user_id", id.as_str()),
        None => request,
    }
}

/// `GET credentials/{ak}`: one key with its last use time.
pub fn show_key(endpoint: &str, access: &AccessKeyId) -> ApiRequest {
    key_request(Method::Get, endpoint, access, Idempotency::Idempotent)
}

/// `POST credentials`: a new key for `user_id`; an empty description is left out.
pub fn create_key(
    endpoint: &str,
    user_id: &UserId,
    description: &str,
) -> Result<ApiRequest, Error> {
    let description = Some(description).filter(|text| !text.is_empty());
    ApiRequest::new(
        Method::Post,
        endpoint,
        CREDENTIALS_PATH,
        Idempotency::NotIdempotent,
    )
    .json(&CreateCredentialRequest::new(user_id, description))
}

/// `PUT credentials/{ak}` enabling or disabling a key.
pub fn set_key_status(
    endpoint: &str,
    access: &AccessKeyId,
    status: KeyStatus,
) -> Result<ApiRequest, Error> {
    key_request(Method::Put, endpoint, access, Idempotency::Idempotent)
        .json(&UpdateCredentialRequest::status(status))
}

/// `PUT credentials/{ak}` changing a key's description.
pub fn set_key_description(
    endpoint: &str,
    access: &AccessKeyId,
    description: &str,
) -> Result<ApiRequest, Error> {
    key_request(Method::Put, endpoint, access, Idempotency::Idempotent)
        .json(&UpdateCredentialRequest::description(description))
}

/// `DELETE credentials/{ak}`. Not repeated automatically: a second attempt after a lost answer
/// would report 404 for a key that was in fact deleted.
pub fn delete_key(endpoint: &str, access: &AccessKeyId) -> ApiRequest {
    key_request(Method::Delete, endpoint, access, Idempotency::NotIdempotent)
}

fn key_request(
    method: Method,
    endpoint: &str,
    access: &AccessKeyId,
    idempotency: Idempotency,
) -> ApiRequest {
    ApiRequest::new(
        method,
        endpoint,
        format!("{CREDENTIALS_PATH}/{access}"),
        idempotency,
    )
}
