//! Only allowed browser origins may use the proxy; refusals happen before any upstream
//! connection. Requests without `Origin` are accepted without a CORS grant unless the browser
//! says they come from another site.

mod support;

use axum::body::Bytes;
use keyturn_proxy::Config;
use support::{APP_ORIGIN, Upstream, config_for, send, start_proxy};

#[tokio::test]
async fn foreign_origins_are_refused_before_any_connection() {
    let upstream = Upstream::start().await;
    let proxy = start_proxy(config_for(&upstream)).await;
    let target = format!("/{}/v3/auth/tokens", upstream.origin());

    for origin in [
        "http://evil.example",
        "null",
        "http://localhost:8081",
        "https://localhost:8080",
        "http://localhost:8080.evil.example",
    ] {
        let reply = send(proxy, "POST", &target, &[("origin", origin)], "{}").await;
        assert_eq!(reply.status, 403, "{origin}");
        assert_eq!(reply.error_code(), "proxy.origin_not_allowed", "{origin}");
        assert_eq!(reply.header("access-control-allow-origin"), None);
        assert_eq!(reply.header("vary"), Some("Origin"));
    }
    assert_eq!(upstream.connections(), 0);
}

#[tokio::test]
async fn cross_site_browser_requests_without_origin_are_refused() {
    let upstream = Upstream::start().await;
    let proxy = start_proxy(config_for(&upstream)).await;
    let target = format!("/{}/v3/auth/tokens", upstream.origin());

    for site in ["cross-site", "same-site"] {
        let reply = send(
            proxy,
            "GET",
            &target,
            &[("sec-fetch-site", site)],
            Bytes::new(),
        )
        .await;
        assert_eq!(reply.status, 403, "{site}");
        assert_eq!(reply.error_code(), "proxy.origin_missing");
    }
    assert_eq!(upstream.connections(), 0);
}

#[tokio::test]
async fn requests_without_origin_are_forwarded_without_a_cors_grant() {
    let upstream = Upstream::start().await;
    let proxy = start_proxy(config_for(&upstream)).await;
    let target = format!("/{}/v3/auth/tokens", upstream.origin());

    for headers in [&[][..], &[("sec-fetch-site", "same-origin")]] {
        let reply = send(proxy, "GET", &target, headers, Bytes::new()).await;
        assert_eq!(reply.status, 200, "{headers:?}");
        assert_eq!(reply.header("access-control-allow-origin"), None);
        assert_eq!(reply.header("access-control-expose-headers"), None);
    }
    assert_eq!(upstream.received().len(), 2);
}

#[tokio::test]
async fn configured_origins_replace_the_defaults() {
    let upstream = Upstream::start().await;
    let config = Config {
        allowed_origins: vec!["https://keys.example.com".parse().unwrap()],
        ..config_for(&upstream)
    };
    let proxy = start_proxy(config).await;
    let target = format!("/{}/v3/auth/tokens", upstream.origin());

    let refused = send(
        proxy,
        "GET",
        &target,
        &[("origin", APP_ORIGIN)],
        Bytes::new(),
    )
    .await;
    assert_eq!(refused.status, 403);
    assert_eq!(upstream.connections(), 0);

    let allowed = send(
        proxy,
        "GET",
        &target,
        &[("origin", "https://keys.example.com")],
        Bytes::new(),
    )
    .await;
    assert_eq!(allowed.status, 200);
    assert_eq!(
        allowed.header("access-control-allow-origin"),
        Some("https://keys.example.com")
    );
}
