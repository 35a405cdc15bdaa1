//! The `token` method: a valid token exchanged for a token of the same user with another scope
//! (docs/api.md, "IAM: tokens"). No `X-Auth-Token`: the token in the body is the credential.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{Identity, ScopeRequest, bad_request, resolve_scope, unauthorized};
use crate::auth::valid_token;
use crate::errors::ApiError;
use crate::state::{Cloud, Token};

#[derive(Deserialize)]
pub(super) struct TokenMethod {
    id: String,
}

/// A token of `identity.token`'s user for `scope` (required; a project named by name needs
/// its domain). It expires with the token it came from.
pub(super) fn rescope(
    cloud: &Cloud,
    identity: Identity,
    scope: Option<&ScopeRequest>,
    now: DateTime<Utc>,
) -> Result<Token, ApiError> {
    let given = identity
        .token
        .ok_or_else(|| bad_request("identity.token is required."))?;
    let scope = scope
        .filter(|s| s.domain.is_some() || s.project.is_some())
        .ok_or_else(|| bad_request("auth.scope needs a domain or a project."))?;
    if let Some(project) = &scope.project
        && project.project.id.is_none()
        && project.domain.is_none()
    {
        return Err(bad_request("A project given by name needs its domain."));
    }
    let from = valid_token(cloud, &given.id, now).map_err(|problem| {
        unauthorized(&format!(
            "The request you have made requires authentication: {}.",
            problem.reason()
        ))
    })?;
    Ok(Token {
        user_id: from.user_id.clone(),
        scope: resolve_scope(cloud, scope)?,
        methods: vec!["token".to_owned()],
        issued: now,
        expires: from.expires,
    })
}
