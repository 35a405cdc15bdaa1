//! Only allowed browser origins may use the proxy; refusals happen before any upstream
//! connection. Requests without `Origin` are accepted without a CORS grant unless the browser
//! says they come from another site.

use axum::body::Bytes;
use keyturn_proxy::Config;

use crate::support::Harness;

#[tokio::test]
async fn foreign_origins_are_refused_before_any_connection() {
    let Harness { upstream, proxy } = Harness::start().await;
    let target = upstream.target("/v3/auth/tokens");

    for origin in [
        "http://evil.example",
        "null",
        "http://localhost:8081",
        "https://localhost:8080",
        "http://localhost:8080.evil.example",
    ] {
        let reply = proxy
            .send("POST", &target, &[("origin", origin)], "{}")
            .await;
        assert_eq!(reply.status, 403, "{origin}");
        assert_eq!(reply.error_code(), "proxy.origin_not_allowed", "{origin}");
        assert_eq!(reply.allowed_origin(), None);
        assert_eq!(reply.header("vary"), Some("Origin"));
    }
    assert_eq!(upstream.connections(), 0);
}

#[tokio::test]
async fn cross_site_browser_requests_without_origin_are_refused() {
    let Harness { upstream, proxy } = Harness::start().await;
    let target = upstream.target("/v3/auth/tokens");

    for site in ["cross-site", "same-site"] {
        let reply = proxy
            .send("GET", &target, &[("sec-fetch-site", site)], Bytes::new())
            .await;
        assert_eq!(reply.status, 403, "{site}");
        assert_eq!(reply.error_code(), "proxy.origin_missing");
    }
    assert_eq!(upstream.connections(), 0);
}

#[tokio::test]
async fn requests_without_origin_are_forwarded_without_a_cors_grant() {
    let Harness { upstream, proxy } = Harness::start().await;
    let target = upstream.target("/v3/auth/tokens");

    for headers in [&[][..], &[("sec-fetch-site", "same-origin")]] {
        let reply = proxy.send("GET", &target, headers, Bytes::new()).await;
        assert_eq!(reply.status, 200, "{headers:?}");
        assert_eq!(reply.allowed_origin(), None);
        assert_eq!(reply.header("access-control-expose-headers"), None);
    }
    assert_eq!(upstream.received().len(), 2);
}

#[tokio::test]
async fn configured_origins_replace_the_defaults() {
    let Harness { upstream, proxy } = Harness::configured(|config| Config {
        allowed_origins: vec!["https://keys.example.com".parse().unwrap()],
        ..config
    })
    .await;
    let target = upstream.target("/v3/auth/tokens");

    let refused = proxy.get_from_app(&target).await;
    assert_eq!(refused.status, 403);
    assert_eq!(upstream.connections(), 0);

    let allowed = proxy.get_from("https://keys.example.com", &target).await;
    assert_eq!(allowed.status, 200);
    assert_eq!(allowed.allowed_origin(), Some("https://keys.example.com"));
}
