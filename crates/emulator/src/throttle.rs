//! KMS's request rate limit (docs/api.md, "KMS: request rate"). KMS allows each user 20 API
//! requests a second; with `--kms-rate-limit N` the emulator answers a user's KMS requests beyond
//! N in any one-second span with the gateway's 429 `APIGW.0308`, without processing them.

use std::collections::{HashMap, VecDeque};
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::auth::Caller;
use crate::errors::ApiError;
use crate::gateway::RequestId;

/// The documented KMS limit: API requests per user and second.
pub const KMS_REQUESTS_PER_SECOND: u32 = 20;

/// The span the limit counts over.
const WINDOW: Duration = Duration::from_secs(1);

/// Admits at most `limit` requests per user in any one-second span.
pub struct RateLimiter {
    limit: NonZeroU32,
    /// Per user id, the times of the admitted requests of the last second, oldest first.
    recent: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl RateLimiter {
    /// A limiter admitting `limit` requests a second per user.
    pub fn new(limit: NonZeroU32) -> Arc<Self> {
        Arc::new(Self {
            limit,
            recent: Mutex::new(HashMap::new()),
        })
    }

    /// Records a request of `user_id` at `now`, unless the user already made `limit` requests in
    /// the second before: then the request is refused and not recorded.
    fn admit(&self, user_id: &str, now: Instant) -> bool {
        let mut recent = self.recent.lock().unwrap_or_else(|p| p.into_inner());
        let times = recent.entry(user_id.to_owned()).or_default();
        while times
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= WINDOW)
        {
            times.pop_front();
        }
        if times.len() >= self.limit.get() as usize {
            return false;
        }
        times.push_back(now);
        true
    }
}

/// Middleware behind KMS authentication: 429 `APIGW.0308` for a caller over the limit.
pub async fn limit(
    State(limiter): State<Arc<RateLimiter>>,
    request: Request,
    next: Next,
) -> Response {
    let admitted = match request.extensions().get::<Caller>() {
        Some(caller) => limiter.admit(&caller.user_id, Instant::now()),
        None => true,
    };
    if admitted {
        return next.run(request).await;
    }
    let request_id = request
        .extensions()
        .get::<RequestId>()
        .cloned()
        .unwrap_or_else(|| RequestId::new(String::new()));
    tracing::warn!(request_id = request_id.as_str(), "KMS rate limit exceeded");
    ApiError::throttled(limiter.limit.get(), &request_id).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admits_the_limit_per_user_and_second() {
        let limiter = RateLimiter::new(NonZeroU32::new(2).unwrap());
        let start = Instant::now();
        assert!(limiter.admit("a", start));
        assert!(limiter.admit("a", start + Duration::from_millis(100)));
        assert!(!limiter.admit("a", start + Duration::from_millis(200)));
        assert!(
            limiter.admit("b", start + Duration::from_millis(200)),
            "per user"
        );
        assert!(!limiter.admit("a", start + Duration::from_millis(999)));
        assert!(
            limiter.admit("a", start + WINDOW),
            "the first request left the window"
        );
        assert!(
            !limiter.admit("a", start + WINDOW),
            "refusals are not counted"
        );
        assert!(limiter.admit("a", start + Duration::from_millis(1100)));
    }
}
