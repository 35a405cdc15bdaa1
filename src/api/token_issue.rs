//! `POST /v3/auth/tokens`: a password (and MFA code), or a token, exchanged for a token.

use keyturn_core::error::Error;
use keyturn_core::request::{Auth, iam as iam_requests};
use keyturn_core::types::token::{SUBJECT_TOKEN_HEADER, TokenInfo, TokenRequest, TokenResponse};
use web_sys::AbortSignal;

use super::Transport;

/// A token and what it grants. `Debug` is not derived: the token is a secret.
pub struct IssuedToken {
    /// The `X-Subject-Token` value.
    pub token: String,
    /// The token body: user, account, expiry.
    pub info: TokenInfo,
}

/// Sends the token request for `body` to the IAM endpoint `endpoint` through `transport`,
/// without credentials and once (see [`iam_requests::issue_token`]), and reads the token from
/// `X-Subject-Token`, which the proxy must expose. The transport learns the clock from `Date`.
pub async fn issue_token(
    transport: &Transport,
    endpoint: &str,
    body: &TokenRequest,
    signal: Option<&AbortSignal>,
) -> Result<IssuedToken, Error> {
    let request = iam_requests::issue_token(endpoint, body)?;
    let response = transport.send(&request, &Auth::None, signal).await?;
    let token = response
        .header(SUBJECT_TOKEN_HEADER)
        .filter(|token| !token.is_empty())
        .ok_or_else(|| Error::Decode(format!("the answer has no {SUBJECT_TOKEN_HEADER} header")))?
        .to_owned();
    let info = response.json::<TokenResponse>()?.token;
    Ok(IssuedToken { token, info })
}
