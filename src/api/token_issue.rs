//! `POST /v3/auth/tokens`: a password (and MFA code) exchanged for a domain-scoped token. The
//! only IAM call that carries no credentials, so it bypasses [`super::Transport`]'s signing.

use chrono::Utc;
use gloo_net::http::{Method, RequestBuilder};
use keyturn_core::endpoints::proxied_url;
use keyturn_core::error::{ApiError, Error};
use keyturn_core::types::token::{SUBJECT_TOKEN_HEADER, TokenInfo, TokenRequest, TokenResponse};
use web_sys::RequestCache;

use super::fetch_error::{FetchFailure, classify};
use super::upstream::split_base_url;
use super::{ApiResponse, CONTENT_TYPE, ClockOffset, PreparedRequest};

/// A token and what it grants. `Debug` is not derived: the token is a secret.
pub struct IssuedToken {
    /// The `X-Subject-Token` value.
    pub token: String,
    /// The token body: user, account, expiry.
    pub info: TokenInfo,
}

/// The request for `body` to the IAM endpoint `endpoint` through `proxy_url`. Pure: the body
/// (holding the password) is only serialised.
pub fn prepare_token_request(
    proxy_url: &str,
    endpoint: &str,
    body: &TokenRequest,
) -> Result<PreparedRequest, Error> {
    let upstream = split_base_url(endpoint).ok_or_else(|| {
        Error::Network(format!(
            "the endpoint {endpoint:?} is not an absolute http(s) URL"
        ))
    })?;
    let path = format!("{}/v3/auth/tokens", upstream.base_path);
    Ok(PreparedRequest {
        method: Method::POST,
        url: proxied_url(proxy_url, &format!("{}{path}", upstream.origin)),
        upstream_host: upstream.authority.to_owned(),
        path,
        query: String::new(),
        headers: vec![("content-type".to_owned(), CONTENT_TYPE.to_owned())],
        body: Some(serde_json::to_string(body)?),
    })
}

/// Sends the token request once (a sign-in is not repeated behind the person's back) and reads
/// the token from `X-Subject-Token`, which the proxy must expose. Learns the clock from `Date`.
pub async fn issue_token(
    proxy_url: &str,
    endpoint: &str,
    body: &TokenRequest,
    clock: &ClockOffset,
) -> Result<IssuedToken, Error> {
    let prepared = prepare_token_request(proxy_url, endpoint, body)?;
    let response = send(&prepared).await.map_err(|failure| match failure {
        FetchFailure::Cancelled => Error::Network(super::fetch_error::CANCELLED.to_owned()),
        FetchFailure::NoAnswer(message) => Error::Network(message),
    })?;
    if let Some(date) = response.header("date") {
        clock.learn(date, Utc::now());
    }
    if !(200..300).contains(&response.status) {
        return Err(Error::Api(ApiError::from_response(
            response.status,
            &response.body,
            response.header("x-request-id"),
        )));
    }
    let token = response
        .header(SUBJECT_TOKEN_HEADER)
        .filter(|token| !token.is_empty())
        .ok_or_else(|| Error::Decode(format!("the answer has no {SUBJECT_TOKEN_HEADER} header")))?
        .to_owned();
    let info = response.json::<TokenResponse>()?.token;
    Ok(IssuedToken { token, info })
}

async fn send(prepared: &PreparedRequest) -> Result<ApiResponse, FetchFailure> {
    let mut builder = RequestBuilder::new(&prepared.url)
        .method(prepared.method.clone())
        .cache(RequestCache::NoStore);
    for (name, value) in &prepared.headers {
        builder = builder.header(name, value);
    }
    let request = builder
        .body(prepared.body.clone().unwrap_or_default())
        .map_err(classify)?;
    let response = request.send().await.map_err(classify)?;
    let headers = response.headers().entries().collect();
    let body = response.text().await.map_err(classify)?;
    Ok(ApiResponse {
        status: response.status(),
        headers,
        body,
    })
}
