//! `OPTIONS` preflights are answered by the proxy for allowed origins and never forwarded.

mod support;

use axum::body::Bytes;

use support::{APP_ORIGIN, Upstream, config_for, send, start_proxy};

#[tokio::test]
async fn allowed_origin_gets_the_cors_grant_without_touching_the_upstream() {
    let upstream = Upstream::start().await;
    let proxy = start_proxy(config_for(&upstream)).await;
    let target = format!("/{}/v3.0/OS-CREDENTIAL/credentials", upstream.origin());

    let reply = send(
        proxy,
        "OPTIONS",
        &target,
        &[
            ("origin", APP_ORIGIN),
            ("access-control-request-method", "POST"),
            (
                "access-control-request-headers",
                "authorization,content-type,x-sdk-date,x-domain-id",
            ),
        ],
        Bytes::new(),
    )
    .await;

    assert_eq!(reply.status, 204);
    assert_eq!(
        reply.header("access-control-allow-origin"),
        Some(APP_ORIGIN)
    );
    assert_eq!(
        reply.header("access-control-allow-methods"),
        Some("GET, POST, PUT, PATCH, DELETE, OPTIONS")
    );
    let allowed = reply.header("access-control-allow-headers").unwrap();
    for name in [
        "Authorization",
        "Content-Type",
        "X-Sdk-Date",
        "X-Auth-Token",
        "X-Project-Id",
        "X-Domain-Id",
        "X-Security-Token",
        "X-Language",
    ] {
        assert!(allowed.split(", ").any(|h| h == name), "{name} not allowed");
    }
    assert_eq!(reply.header("access-control-max-age"), Some("600"));
    assert_eq!(reply.header("vary"), Some("Origin"));
    assert_eq!(upstream.connections(), 0, "a preflight was forwarded");
}

#[tokio::test]
async fn foreign_or_missing_origin_preflights_are_refused() {
    let upstream = Upstream::start().await;
    let proxy = start_proxy(config_for(&upstream)).await;
    let target = format!("/{}/v3/auth/tokens", upstream.origin());

    for origin in [Some("http://evil.example"), Some("null"), None] {
        let mut headers = vec![("access-control-request-method", "POST")];
        headers.extend(origin.map(|o| ("origin", o)));
        let reply = send(proxy, "OPTIONS", &target, &headers, Bytes::new()).await;
        assert_eq!(reply.status, 403, "{origin:?}");
        assert!(
            reply.error_code().starts_with("proxy.origin_"),
            "{origin:?}"
        );
        assert_eq!(reply.header("access-control-allow-origin"), None);
    }
    assert_eq!(upstream.connections(), 0);
}

#[tokio::test]
async fn preflight_for_a_refused_target_fails_early() {
    let upstream = Upstream::start().await;
    let proxy = start_proxy(config_for(&upstream)).await;

    let reply = send(
        proxy,
        "OPTIONS",
        "/https://evil.example/v3/auth/tokens",
        &[
            ("origin", APP_ORIGIN),
            ("access-control-request-method", "POST"),
        ],
        Bytes::new(),
    )
    .await;

    assert_eq!(reply.status, 403);
    assert_eq!(reply.error_code(), "proxy.host_not_allowed");
    assert_eq!(upstream.connections(), 0);
}
