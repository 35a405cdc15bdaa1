//! Sending prepared requests with gloo-net: retries, clock correction, error mapping, and
//! answers read defensively (no redirects followed, bodies capped, HTML pages named).

use chrono::Utc;
use gloo_net::http::{Method as FetchMethod, RequestBuilder, Response};
use gloo_timers::future::TimeoutFuture;
use js_sys::{Reflect, Uint8Array};
use keyturn_core::error::{ApiError, Error, html_page_summary};
use keyturn_core::request::{
    ApiRequest, ApiResponse, Auth, ClockOffset, Method, PreparedRequest, prepare,
};
use keyturn_core::retry::{AttemptResult, Backoff, resign_for_skew, retry_delay};
use keyturn_core::types::token::SUBJECT_TOKEN_HEADER;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, ReadableStreamDefaultReader, RequestCache, RequestRedirect};

use super::fetch_error::{classify, classify_js};

/// The largest answer body read, in bytes: 16 MiB, far above the largest page IAM or KMS
/// sends (a thousand KMS keys are under 1 MiB), far below what would exhaust the page's memory.
/// A longer answer is cut off and reported as unreadable.
pub const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// Sends IAM and KMS requests through the CORS proxy.
///
/// Clones share the clock offset, so one transport per proxy setting is enough for the app.
#[derive(Clone, Debug, PartialEq)]
pub struct Transport {
    proxy_url: String,
    clock: ClockOffset,
    backoff: Backoff,
    max_body_bytes: usize,
}

impl Transport {
    /// A transport through `proxy_url` that signs with `clock`, retrying with the default backoff.
    pub fn new(proxy_url: impl Into<String>, clock: ClockOffset) -> Self {
        Self {
            proxy_url: proxy_url.into(),
            clock,
            backoff: Backoff::default(),
            max_body_bytes: MAX_BODY_BYTES,
        }
    }

    /// The same transport reading at most `bytes` of an answer ([`MAX_BODY_BYTES`] by default).
    pub fn with_max_body_bytes(mut self, bytes: usize) -> Self {
        self.max_body_bytes = bytes;
        self
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
    /// [`Error::Api`] (with the `X-Request-Id`) or [`Error::Network`]. A 2xx answer that is an
    /// HTML page (a portal or a web server answering instead of the service), or longer than
    /// the body limit, is [`Error::Decode`]; a redirect is never followed. Aborting `signal`
    /// ends the call with [`Error::Cancelled`].
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
            let (outcome, failure) = match fetch(&prepared, signal, self.max_body_bytes).await {
                Ok(response) => {
                    if let Some(date) = response.header("date") {
                        self.clock.learn(date, Utc::now());
                    }
                    if (200..300).contains(&response.status) {
                        return match html_page_summary(&response.body) {
                            Some(page) => Err(Error::Decode(page)),
                            None => Ok(response),
                        };
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

/// One `fetch` of a prepared request; the answer's body (at most `max_body_bytes` of it) is
/// read whatever its status. Redirects are errors: the proxy never redirects, and following one
/// would resend the request's credentials elsewhere.
async fn fetch(
    prepared: &PreparedRequest,
    signal: Option<&AbortSignal>,
    max_body_bytes: usize,
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
        .redirect(RequestRedirect::Error)
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
    let body = read_body(&response, max_body_bytes).await?;
    Ok(ApiResponse {
        status: response.status(),
        headers,
        body,
    })
}

/// The body as text (UTF-8, invalid sequences replaced, a leading BOM dropped, as
/// `Response.text()` reads it), read chunk by chunk and given up past `max_bytes`: a huge or
/// endless answer costs at most that much memory.
async fn read_body(response: &Response, max_bytes: usize) -> Result<String, Error> {
    let Some(stream) = response.body() else {
        return Ok(String::new());
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(classify_js)?;
        if Reflect::get(&chunk, &JsValue::from_str("done")).is_ok_and(|done| done.is_truthy()) {
            break;
        }
        let value = Reflect::get(&chunk, &JsValue::from_str("value")).map_err(classify_js)?;
        let Some(part) = value.dyn_ref::<Uint8Array>() else {
            return Err(Error::Decode("the answer's body is not bytes".to_owned()));
        };
        let start = bytes.len();
        let end = start.saturating_add(part.length() as usize);
        if end > max_bytes {
            let _ = reader.cancel();
            return Err(Error::Decode(format!(
                "the answer is longer than {} bytes; Keyturn stops reading there",
                max_bytes
            )));
        }
        bytes.resize(end, 0);
        part.copy_to(&mut bytes[start..]);
    }
    let text = String::from_utf8_lossy(&bytes);
    Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned())
}
