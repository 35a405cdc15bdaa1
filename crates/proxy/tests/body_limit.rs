//! Bodies over `--max-body` get 413 without any upstream connection, whether their length is
//! declared or streamed.

mod support;

use std::convert::Infallible;

use axum::body::Bytes;
use futures_util::stream;
use http_body_util::StreamBody;
use hyper::body::Frame;
use keyturn_proxy::Config;
use support::{APP_ORIGIN, Upstream, config_for, send, send_request, start_proxy};

const LIMIT: usize = 1024;

fn limited(upstream: &Upstream) -> Config {
    Config {
        max_body: LIMIT,
        ..config_for(upstream)
    }
}

#[tokio::test]
async fn declared_oversized_body_is_413_without_upstream_contact() {
    let upstream = Upstream::start().await;
    let proxy = start_proxy(limited(&upstream)).await;

    let reply = send(
        proxy,
        "POST",
        &format!("/{}/v3/auth/tokens", upstream.origin()),
        &[("origin", APP_ORIGIN), ("content-type", "application/json")],
        vec![b'x'; LIMIT + 1],
    )
    .await;

    assert_eq!(reply.status, 413);
    assert_eq!(reply.error_code(), "proxy.body_too_large");
    assert_eq!(
        reply.header("access-control-allow-origin"),
        Some(APP_ORIGIN)
    );
    assert_eq!(upstream.connections(), 0);
}

#[tokio::test]
async fn streamed_oversized_body_is_413_without_upstream_contact() {
    let upstream = Upstream::start().await;
    let proxy = start_proxy(limited(&upstream)).await;
    let chunks = (0..8).map(|_| Ok::<_, Infallible>(Frame::data(Bytes::from(vec![b'y'; 256]))));
    let request = axum::http::Request::builder()
        .method("POST")
        .uri(format!("/{}/v3/auth/tokens", upstream.origin()))
        .header("host", proxy.to_string())
        .header("origin", APP_ORIGIN)
        .body(StreamBody::new(stream::iter(chunks)))
        .unwrap();

    let reply = send_request(proxy, request).await;

    assert_eq!(reply.status, 413);
    assert_eq!(reply.error_code(), "proxy.body_too_large");
    assert_eq!(upstream.connections(), 0);
}

#[tokio::test]
async fn a_body_of_exactly_the_limit_is_forwarded() {
    let upstream = Upstream::start().await;
    let proxy = start_proxy(limited(&upstream)).await;

    let reply = send(
        proxy,
        "POST",
        &format!("/{}/v3/auth/tokens", upstream.origin()),
        &[("origin", APP_ORIGIN)],
        vec![b'z'; LIMIT],
    )
    .await;

    assert_eq!(reply.status, 200);
    assert_eq!(upstream.single().body.len(), LIMIT);
}
