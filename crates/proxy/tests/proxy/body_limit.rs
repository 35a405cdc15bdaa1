//! Bodies over `--max-body` get 413 without any upstream connection, whether their length is
//! declared or streamed.

use std::convert::Infallible;

use axum::body::Bytes;
use futures_util::stream;
use http_body_util::StreamBody;
use hyper::body::Frame;
use keyturn_proxy::Config;

use crate::support::{APP_ORIGIN, Harness, from_app};

const LIMIT: usize = 1024;

async fn limited() -> Harness {
    Harness::configured(|config| Config {
        max_body: LIMIT,
        ..config
    })
    .await
}

#[tokio::test]
async fn declared_oversized_body_is_413_without_upstream_contact() {
    let Harness { upstream, proxy } = limited().await;

    let reply = proxy
        .send(
            "POST",
            &upstream.target("/v3/auth/tokens"),
            &from_app(&[("content-type", "application/json")]),
            vec![b'x'; LIMIT + 1],
        )
        .await;

    assert_eq!(reply.status, 413);
    assert_eq!(reply.error_code(), "proxy.body_too_large");
    assert_eq!(reply.allowed_origin(), Some(APP_ORIGIN));
    assert_eq!(upstream.connections(), 0);
}

#[tokio::test]
async fn streamed_oversized_body_is_413_without_upstream_contact() {
    let Harness { upstream, proxy } = limited().await;
    let chunks = (0..8).map(|_| Ok::<_, Infallible>(Frame::data(Bytes::from(vec![b'y'; 256]))));

    let reply = proxy
        .send_body(
            "POST",
            &upstream.target("/v3/auth/tokens"),
            &from_app(&[]),
            StreamBody::new(stream::iter(chunks)),
        )
        .await;

    assert_eq!(reply.status, 413);
    assert_eq!(reply.error_code(), "proxy.body_too_large");
    assert_eq!(upstream.connections(), 0);
}

#[tokio::test]
async fn a_body_of_exactly_the_limit_is_forwarded() {
    let Harness { upstream, proxy } = limited().await;

    let reply = proxy
        .send(
            "POST",
            &upstream.target("/v3/auth/tokens"),
            &from_app(&[]),
            vec![b'z'; LIMIT],
        )
        .await;

    assert_eq!(reply.status, 200);
    assert_eq!(upstream.single().body.len(), LIMIT);
}
