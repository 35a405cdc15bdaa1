//! Only allowed browser origins may use the proxy; refusals happen before any upstream
//! connection. A request without `Origin` is refused, unless it is a read (`GET`/`HEAD`) that the
//! browser marks same-origin, on a proxy whose own origin is allowed: the app served with
//! `--serve-dir` reading its own origin, as browsers do without `Origin`.

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
async fn requests_without_origin_are_refused_before_any_connection() {
    let Harness { upstream, proxy } = Harness::start().await;
    let target = upstream.target("/v3/auth/tokens");

    let cases: [(&str, &[(&str, &str)]); 6] = [
        ("GET", &[]),
        ("POST", &[]),
        ("GET", &[("sec-fetch-site", "none")]),
        ("GET", &[("sec-fetch-site", "cross-site")]),
        ("GET", &[("sec-fetch-site", "same-site")]),
        // Same-origin, but this proxy's own origin (http://127.0.0.1:PORT) is not allowed.
        ("GET", &[("sec-fetch-site", "same-origin")]),
    ];
    for (method, headers) in cases {
        let reply = proxy.send(method, &target, headers, Bytes::new()).await;
        assert_eq!(reply.status, 403, "{method} {headers:?}");
        assert_eq!(reply.error_code(), "proxy.origin_missing");
        assert_eq!(reply.allowed_origin(), None);
    }
    assert_eq!(upstream.connections(), 0);
}

#[tokio::test]
async fn the_served_app_reads_its_own_origin_without_origin() {
    let Harness { upstream, proxy } = Harness::configured(|config| Config {
        allowed_origins: vec!["http://keys.test:8080".parse().unwrap()],
        allowed_hosts: vec!["keys.test:8080".parse().unwrap()],
        ..config
    })
    .await;
    let target = upstream.target("/v3/auth/tokens");
    let own = [
        ("host", "keys.test:8080"),
        ("sec-fetch-site", "same-origin"),
    ];

    let read = proxy.send("GET", &target, &own, Bytes::new()).await;
    let write = proxy.send("POST", &target, &own, "{}").await;

    assert_eq!(read.status, 200);
    assert_eq!(read.allowed_origin(), None);
    assert_eq!(
        write.status, 403,
        "browsers send Origin on every same-origin write"
    );
    assert_eq!(upstream.received().len(), 1);
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
