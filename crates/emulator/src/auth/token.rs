//! Validation of `X-Auth-Token` values.

use chrono::{DateTime, Utc};

use crate::state::{Cloud, Token};

/// Why a token is not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenProblem {
    Unknown,
    Expired,
    UserDisabled,
}

impl TokenProblem {
    /// Text for the error message.
    pub fn reason(self) -> &'static str {
        match self {
            Self::Unknown => "the token is invalid",
            Self::Expired => "the token has expired",
            Self::UserDisabled => "the user is disabled",
        }
    }
}

/// The issued token with this value, if it is unexpired and its user still exists and is enabled.
pub fn valid_token<'a>(
    cloud: &'a Cloud,
    value: &str,
    now: DateTime<Utc>,
) -> Result<&'a Token, TokenProblem> {
    let token = cloud.tokens.get(value).ok_or(TokenProblem::Unknown)?;
    if token.expires <= now {
        return Err(TokenProblem::Expired);
    }
    match cloud.user(&token.user_id) {
        None => Err(TokenProblem::Unknown),
        Some(user) if !user.enabled => Err(TokenProblem::UserDisabled),
        Some(_) => Ok(token),
    }
}
