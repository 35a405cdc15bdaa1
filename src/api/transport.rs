//! Sending prepared requests with gloo-net: retries, clock correction, error mapping.

use chrono::Utc;
use gloo_net::http::{Method as FetchMethod, RequestBuilder};
use gloo_timers::future::TimeoutFuture;
use keyturn_core::error::{ApiError, Error};
use keyturn_core::request::{
    ApiRequest, ApiResponse, Auth, ClockOffset, Method, PreparedRequest, prepare,
};
use keyturn_core::retry::{AttemptResult, Backoff, resign_for_skew, retry_delay};
use keyturn_core::types::token::SUBJECT_TOKEN_HEADER;
use web_sys::{AbortSignal, RequestCache};

use super::fetch_error::classify;

/// Sends IAM and KMS requests through the CORS proxy.
///
/// Clones share the clock offset, so one transport per proxy setting is enough for the app.
#[derive(Clone, Debug, PartialEq)]
pub struct Transport {
    proxy_url: String,
    clock: ClockOffset,
    backoff: Backoff,
}

impl Transport {
    /// A transport through `proxy_url` that signs with `clock`, retrying with the default backoff.
    pub fn new(proxy_url: impl Into<String>, clock: ClockOffset) -> Self {
        Self {
            proxy_url: proxy_url.into(),
            clock,
            backoff: Backoff::default(),
        }
    }

    /// The same transport with another retry schedule.
    pub fn with_backoff(mut self, backoff: Backoff) -> Self {
        self.backoff = backoff;
        self
    }

    /// The clock offset learned from the servers' answers.
    pub fn clock(&self) -> &ClockOffset {
        &self.clock
    }

    /// Sends `request` and returns its 2xx answer.
    ///
    /// Idempotent requests are retried on 429/502/503/504 and on no answer, with exponential
    /// backoff and full jitter. An access-key request refused with 401 while the clock was off
    /// is signed again with the corrected clock and resent once. Other failures map to
    /// [`Error::Api`] (with the `X-Request-Id`) or [`Error::Network`]. Aborting `signal` ends
    /// the call with [`Error::Cancelled`].
    pub async fn send(
        &self,
        request: &ApiRequest,
        auth: &Auth,
        signal: Option<&AbortSignal>,
    ) -> Result<ApiResponse, Error> {
        let mut attempts_made = 0;
        let mut resigned = false;
        loop {
            let signed_offset = self.clock.offset_ms();
            let prepared = prepare(request, auth, &self.proxy_url, self.clock.now())?;
            attempts_made += 1;
            let (outcome, failure) = match fetch(&prepared, signal).await {
                Ok(response) => {
                    if let Some(date) = response.header("date") {
                        self.clock.learn(date, Utc::now());
                    }
                    if (200..300).contains(&response.status) {
                        return Ok(response);
                    }
                    let skewed =
                        resign_for_skew(response.status, signed_offset, self.clock.offset_ms());
                    if matches!(auth, Auth::AkSk { .. }) && skewed && !resigned {
                        resigned = true;
                        continue;
                    }
                    let failure = Error::Api(ApiError::from_response(
                        response.status,
                        &response.body,
                        response.header("x-request-id"),
                    ));
                    (AttemptResult::Status(response.status), failure)
                }
                Err(Error::Network(message)) => (AttemptResult::NoAnswer, Error::Network(message)),
                Err(other) => return Err(other),
            };
            let jitter = js_sys::Math::random();
            match retry_delay(
                outcome,
                request.idempotency(),
                attempts_made,
                &self.backoff,
                jitter,
            ) {
                Some(delay_ms) => {
                    TimeoutFuture::new(u32::try_from(delay_ms).unwrap_or(u32::MAX)).await;
                    if signal.is_some_and(AbortSignal::aborted) {
                        return Err(Error::Cancelled);
                    }
                }
                None => return Err(failure),
            }
        }
    }
}

/// The answer headers Keyturn reads: the server's clock, the request id of an error, and a
/// new token. Only these cross from the browser into the app (thousands of answers, each with
/// a dozen headers, would otherwise be copied for nothing).
const READ_HEADERS: [&str; 3] = ["date", "x-request-id", SUBJECT_TOKEN_HEADER];

/// One `fetch` of a prepared request; the answer's body is read whatever its status.
async fn fetch(
    prepared: &PreparedRequest,
    signal: Option<&AbortSignal>,
) -> Result<ApiResponse, Error> {
    let method = match prepared.method {
        Method::Get => FetchMethod::GET,
        Method::Post => FetchMethod::POST,
        Method::Put => FetchMethod::PUT,
        Method::Delete => FetchMethod::DELETE,
    };
    let mut builder = RequestBuilder::new(&prepared.url)
        .method(method)
        .cache(RequestCache::NoStore)
        .abort_signal(signal);
    for (name, value) in &prepared.headers {
        builder = builder.header(name, value);
    }
    let request = match &prepared.body {
        Some(body) => builder.body(body.as_str()),
        None => builder.build(),
    }
    .map_err(classify)?;
    let response = request.send().await.map_err(classify)?;
    let received = response.headers();
    let headers = READ_HEADERS
        .iter()
        .filter_map(|&name| Some((name.to_owned(), received.get(name)?)))
        .collect();
    let body = response.text().await.map_err(classify)?;
    Ok(ApiResponse {
        status: response.status(),
        headers,
        body,
    })
}
