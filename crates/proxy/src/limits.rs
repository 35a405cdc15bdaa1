//! Per-request limits: the body's size and arrival time, and the number of requests forwarded at
//! once (counted only once a body has arrived, so slow senders hold no slot).

use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, header};
use futures_util::StreamExt;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::ProxyError;

/// Bounds the number of requests being forwarded at the same time; extra ones are refused at
/// once rather than queued.
#[derive(Clone, Debug)]
pub struct InFlight {
    slots: Arc<Semaphore>,
}

impl InFlight {
    /// Allows at most `max` requests in flight.
    pub fn new(max: usize) -> Self {
        InFlight {
            slots: Arc::new(Semaphore::new(max)),
        }
    }

    /// Takes a slot, held until the returned permit is dropped, or answers `503 proxy.busy`.
    pub fn enter(&self) -> Result<OwnedSemaphorePermit, ProxyError> {
        Arc::clone(&self.slots)
            .try_acquire_owned()
            .map_err(|_| ProxyError::busy())
    }
}

/// Reads the whole request body within `deadline` (else `408 proxy.body_timeout`), refusing with
/// `413 proxy.body_too_large` as soon as it is known to exceed `max` bytes (from
/// `Content-Length`, or while reading a body of unknown length).
pub async fn read_body(
    headers: &HeaderMap,
    body: Body,
    max: usize,
    deadline: Duration,
) -> Result<Bytes, ProxyError> {
    tokio::time::timeout(deadline, read_capped(headers, body, max))
        .await
        .unwrap_or_else(|_| Err(ProxyError::body_timeout()))
}

async fn read_capped(headers: &HeaderMap, body: Body, max: usize) -> Result<Bytes, ProxyError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.parse::<u64>().ok());
    if declared.is_some_and(|length| length > max as u64) {
        return Err(ProxyError::body_too_large());
    }
    let mut bytes = Vec::new();
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| ProxyError::body_unreadable())?;
        if bytes.len() + chunk.len() > max {
            return Err(ProxyError::body_too_large());
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(Bytes::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;
    use futures_util::stream;

    const DEADLINE: Duration = Duration::from_secs(5);

    #[test]
    fn refuses_once_every_slot_is_taken_and_frees_on_drop() {
        let in_flight = InFlight::new(2);
        let first = in_flight.enter().unwrap();
        let _second = in_flight.enter().unwrap();
        assert_eq!(in_flight.enter().unwrap_err().code(), "proxy.busy");
        drop(first);
        assert!(in_flight.enter().is_ok());
    }

    #[tokio::test]
    async fn reads_bodies_up_to_the_limit() {
        let body = read_body(&HeaderMap::new(), Body::from(vec![7u8; 16]), 16, DEADLINE)
            .await
            .unwrap();
        assert_eq!(&body[..], &[7u8; 16]);
    }

    #[tokio::test]
    async fn refuses_a_body_one_byte_too_long_without_a_declared_length() {
        let error = read_body(&HeaderMap::new(), Body::from(vec![7u8; 17]), 16, DEADLINE)
            .await
            .unwrap_err();
        assert_eq!(error.code(), "proxy.body_too_large");
    }

    #[tokio::test]
    async fn refuses_a_declared_length_over_the_limit_before_reading() {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from_static("17"));
        let error = read_body(&headers, Body::empty(), 16, DEADLINE)
            .await
            .unwrap_err();
        assert_eq!(error.code(), "proxy.body_too_large");
    }

    #[tokio::test]
    async fn gives_up_on_a_body_that_does_not_arrive_in_time() {
        let never = Body::from_stream(stream::pending::<Result<Bytes, std::io::Error>>());
        let error = read_body(&HeaderMap::new(), never, 16, Duration::from_millis(20))
            .await
            .unwrap_err();
        assert_eq!(error.code(), "proxy.body_timeout");
    }
}
