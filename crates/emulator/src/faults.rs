//! Fault injection for resilience tests: latency, gateway failures, throttling and dropped answers.
//! A faulted request changes nothing, except with `drop_after_commit_rate`, where the write is done
//! and only the answer is lost (an ambiguous outcome for the client).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::control;
use crate::errors::ApiError;
use crate::gateway::RequestId;
use crate::throttle::KMS_REQUESTS_PER_SECOND;

/// Which faults to inject; rates are probabilities from 0 to 1.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FaultConfig {
    /// Delay before every answer.
    pub latency: Duration,
    /// Share of requests answered 500, 502 or 504 with a gateway body, without being processed.
    pub fail_rate: f64,
    /// Share of requests answered 429 `APIGW.0308`, without being processed.
    pub throttle_rate: f64,
    /// Share of requests whose connection is closed without an answer, without being processed.
    pub drop_rate: f64,
    /// Share of requests that are processed (writes committed) and then get no answer.
    pub drop_after_commit_rate: f64,
}

/// Marks a response that must not be sent: the server closes the connection instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DropAnswer;

/// The fault injector; its random draws come from the rng seed, so a run can be repeated.
pub struct Faults {
    config: FaultConfig,
    rng: Mutex<ChaCha8Rng>,
}

/// Gateway failures `fail_rate` picks from.
const FAILURES: [(StatusCode, &str, &str); 3] = [
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "APIGW.0103",
        "The backend does not exist",
    ),
    (StatusCode::BAD_GATEWAY, "APIGW.0202", "Backend unavailable"),
    (StatusCode::GATEWAY_TIMEOUT, "APIGW.0203", "Backend timeout"),
];

impl Faults {
    /// An injector for `config`, drawing from a generator seeded with `seed`.
    pub fn new(config: FaultConfig, seed: u64) -> Arc<Self> {
        Arc::new(Self {
            config,
            rng: Mutex::new(ChaCha8Rng::seed_from_u64(seed)),
        })
    }

    fn roll(&self, rate: f64) -> bool {
        if rate <= 0.0 {
            return false;
        }
        if rate >= 1.0 {
            return true;
        }
        let mut rng = self.rng.lock().unwrap_or_else(|p| p.into_inner());
        rng.random::<f64>() < rate
    }

    fn pick_failure(&self) -> (StatusCode, &'static str, &'static str) {
        let mut rng = self.rng.lock().unwrap_or_else(|p| p.into_inner());
        FAILURES[rng.random_range(0..FAILURES.len())]
    }
}

/// Middleware applying the configured faults to every cloud API request (control routes are exempt).
pub async fn inject(State(faults): State<Arc<Faults>>, request: Request, next: Next) -> Response {
    if request.uri().path().starts_with(control::PREFIX) {
        return next.run(request).await;
    }
    let config = faults.config;
    let request_id = request
        .extensions()
        .get::<RequestId>()
        .cloned()
        .unwrap_or_else(|| RequestId::new(String::new()));
    if !config.latency.is_zero() {
        tokio::time::sleep(config.latency).await;
    }
    if faults.roll(config.drop_rate) {
        tracing::warn!(
            request_id = request_id.as_str(),
            "fault: connection dropped"
        );
        return dropped(StatusCode::INTERNAL_SERVER_ERROR.into_response());
    }
    if faults.roll(config.throttle_rate) {
        tracing::warn!(request_id = request_id.as_str(), "fault: throttled");
        return ApiError::throttled(KMS_REQUESTS_PER_SECOND, &request_id).into_response();
    }
    if faults.roll(config.fail_rate) {
        let (status, code, message) = faults.pick_failure();
        tracing::warn!(
            request_id = request_id.as_str(),
            status = status.as_u16(),
            "fault: failed"
        );
        return ApiError::gateway(status, code, message, &request_id).into_response();
    }
    let response = next.run(request).await;
    if faults.roll(config.drop_after_commit_rate) {
        tracing::warn!(
            request_id = request_id.as_str(),
            "fault: answer dropped after commit"
        );
        return dropped(response);
    }
    response
}

fn dropped(mut response: Response) -> Response {
    response.extensions_mut().insert(DropAnswer);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extreme_rates_are_certain() {
        let faults = Faults::new(FaultConfig::default(), 1);
        assert!(!faults.roll(0.0));
        assert!(faults.roll(1.0));
    }

    #[test]
    fn rates_are_respected_roughly_and_repeatably() {
        let draws = |seed| {
            let faults = Faults::new(FaultConfig::default(), seed);
            (0..2000).filter(|_| faults.roll(0.25)).count()
        };
        let hits = draws(5);
        assert!((400..600).contains(&hits), "{hits}");
        assert_eq!(hits, draws(5));
    }
}
