//! `OPTIONS` preflights are answered by the proxy for allowed origins and never forwarded.

use crate::support::{APP_ORIGIN, Harness};

#[tokio::test]
async fn allowed_origin_gets_the_cors_grant_without_touching_the_upstream() {
    let Harness { upstream, proxy } = Harness::start().await;
    let target = upstream.target("/v3.0/OS-CREDENTIAL/credentials");

    let reply = proxy
        .preflight(
            Some(APP_ORIGIN),
            &target,
            "POST",
            Some("authorization,content-type,x-sdk-date,x-domain-id"),
        )
        .await;

    assert_eq!(reply.status, 204);
    assert_eq!(reply.allowed_origin(), Some(APP_ORIGIN));
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
        "X-Subject-Token",
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
    let Harness { upstream, proxy } = Harness::start().await;
    let target = upstream.target("/v3/auth/tokens");

    for origin in [Some("http://evil.example"), Some("null"), None] {
        let reply = proxy.preflight(origin, &target, "POST", None).await;
        assert_eq!(reply.status, 403, "{origin:?}");
        assert!(
            reply.error_code().starts_with("proxy.origin_"),
            "{origin:?}"
        );
        assert_eq!(reply.allowed_origin(), None);
    }
    assert_eq!(upstream.connections(), 0);
}

#[tokio::test]
async fn preflight_for_a_refused_target_fails_early() {
    let Harness { upstream, proxy } = Harness::start().await;

    let reply = proxy
        .preflight(
            Some(APP_ORIGIN),
            "/https://evil.example/v3/auth/tokens",
            "POST",
            None,
        )
        .await;

    assert_eq!(reply.status, 403);
    assert_eq!(reply.error_code(), "proxy.host_not_allowed");
    assert_eq!(upstream.connections(), 0);
}
