//! The `password` method, with `totp` for users with login protection.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{Identity, NameOrId, ScopeRequest, bad_request, resolve_scope, unauthorized};
use crate::auth::totp;
use crate::errors::ApiError;
use crate::state::{Cloud, TOKEN_LIFETIME, Token, User};

#[derive(Deserialize)]
pub(super) struct PasswordMethod {
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
pub(super) struct TotpMethod {
    user: TotpUser,
}

#[derive(Deserialize)]
struct TotpUser {
    id: String,
    passcode: String,
}

fn wrong_password() -> ApiError {
    unauthorized("The username or password is wrong.")
}

/// A 24-hour token for the user whose password (and MFA code) `identity` holds; notes the
/// sign-in as the user's last login.
pub(super) fn sign_in(
    cloud: &mut Cloud,
    identity: Identity,
    scope: &ScopeRequest,
    now: DateTime<Utc>,
) -> Result<Token, ApiError> {
    let password = identity
        .password
        .ok_or_else(|| bad_request("identity.password is required."))?;
    let user = find_user(cloud, &password.user)?;
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
    let token = Token {
        user_id: user.id.clone(),
        scope: resolve_scope(cloud, scope)?,
        methods: identity.methods,
        issued: now,
        expires: now + TOKEN_LIFETIME,
    };
    if let Some(user) = cloud.user_mut(&token.user_id) {
        user.last_login = Some(now);
    }
    Ok(token)
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
