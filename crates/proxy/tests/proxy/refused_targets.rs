//! SSRF attempts and other targets outside the allowlist are refused with 403 and a `proxy.*`
//! code, and the upstream sees no connection at all. Each target is written so that a naive
//! proxy would reach the test upstream (which is itself an allowed upstream origin).

use axum::body::Bytes;
use keyturn_proxy::Config;

use crate::support::{APP_ORIGIN, Harness, Proxy, Upstream, from_app};

#[tokio::test]
async fn every_refused_target_is_403_before_any_connection() {
    let Harness { upstream, proxy } = Harness::start().await;
    let port = upstream.addr.port();
    let allowed = upstream.origin();

    let cases: Vec<(String, &str)> = vec![
        // Other hosts, including the upstream under another name.
        ("https://evil.example/".into(), "proxy.host_not_allowed"),
        (
            format!("http://localhost:{port}/"),
            "proxy.host_not_allowed",
        ),
        (
            "https://iam.myhuaweicloud.com.evil.example/".into(),
            "proxy.host_not_allowed",
        ),
        (
            "https://obs.cn-north-4.myhuaweicloud.com/".into(),
            "proxy.host_not_allowed",
        ),
        // Userinfo tricks.
        (
            "https://iam.myhuaweicloud.com@evil.example/".into(),
            "proxy.userinfo_not_allowed",
        ),
        (
            format!("{allowed}@localhost:{port}/"),
            "proxy.userinfo_not_allowed",
        ),
        (
            format!("http://user:pass@127.0.0.1:{port}/"),
            "proxy.userinfo_not_allowed",
        ),
        // The allowed host only in the query.
        (
            "https://evil.example/?https://iam.myhuaweicloud.com".into(),
            "proxy.host_not_allowed",
        ),
        (
            format!("http://localhost:{port}/?{allowed}/"),
            "proxy.host_not_allowed",
        ),
        // IP literals that are not allowed origins.
        ("https://1.2.3.4/".into(), "proxy.ip_literal_not_allowed"),
        (
            format!("http://[::1]:{port}/"),
            "proxy.ip_literal_not_allowed",
        ),
        (
            format!("https://127.0.0.1:{port}/"),
            "proxy.ip_literal_not_allowed",
        ),
        (
            format!("http://127.0.0.2:{port}/"),
            "proxy.ip_literal_not_allowed",
        ),
        // Numeric host spellings the URL library would turn into 127.0.0.1.
        (
            format!("http://0x7f.0.0.1:{port}/"),
            "proxy.host_not_allowed",
        ),
        (
            format!("http://2130706433:{port}/"),
            "proxy.host_not_allowed",
        ),
        // Percent-encoded and non-ASCII hosts.
        (
            "https://iam%2emyhuaweicloud.com/".into(),
            "proxy.invalid_host",
        ),
        (format!("http://127.0.0.1%3A{port}/"), "proxy.invalid_host"),
        (format!("http://127%2e0.0.1:{port}/"), "proxy.invalid_host"),
        (
            "https://i%C3%A1m.myhuaweicloud.com/".into(),
            "proxy.invalid_host",
        ),
        // Other schemes.
        (
            format!("ftp://127.0.0.1:{port}/"),
            "proxy.scheme_not_allowed",
        ),
        ("file:///etc/passwd".into(), "proxy.scheme_not_allowed"),
        (
            format!("gopher://127.0.0.1:{port}/_GET"),
            "proxy.scheme_not_allowed",
        ),
        // Huawei hosts over http or on another port.
        (
            "http://iam.myhuaweicloud.com/v3/auth/tokens".into(),
            "proxy.https_required",
        ),
        (
            "https://iam.myhuaweicloud.com:8443/v3".into(),
            "proxy.port_not_allowed",
        ),
        // Malformed, or would be rewritten before sending.
        (
            "https:/iam.myhuaweicloud.com/".into(),
            "proxy.invalid_target",
        ),
        (format!("{allowed}:99999/"), "proxy.invalid_port"),
        (format!("{allowed}/a/../b"), "proxy.target_not_verbatim"),
        (format!("{allowed}/a/%2e%2e/b"), "proxy.target_not_verbatim"),
    ];

    for (target, code) in &cases {
        let reply = proxy.get_from_app(&format!("/{target}")).await;
        assert_eq!(reply.status, 403, "{target}");
        assert_eq!(&reply.error_code(), code, "{target}");
        assert_eq!(
            reply.allowed_origin(),
            Some(APP_ORIGIN),
            "the app must be able to read the refusal for {target}"
        );
        assert_eq!(upstream.connections(), 0, "{target} reached the upstream");
    }
}

#[tokio::test]
async fn the_upstream_is_not_reachable_unless_allowed() {
    let upstream = Upstream::start().await;
    let proxy = Proxy::start(Config::default()).await;

    let reply = proxy
        .get_from_app(&upstream.target("/v3/auth/domains"))
        .await;

    assert_eq!(reply.status, 403);
    assert_eq!(reply.error_code(), "proxy.ip_literal_not_allowed");
    assert_eq!(upstream.connections(), 0);
}

#[tokio::test]
async fn methods_other_than_the_api_ones_are_refused() {
    let Harness { upstream, proxy } = Harness::start().await;

    for method in ["TRACE", "PROPFIND"] {
        let reply = proxy
            .send(method, &upstream.target("/"), &from_app(&[]), Bytes::new())
            .await;
        assert_eq!(reply.status, 405, "{method}");
        assert_eq!(reply.error_code(), "proxy.method_not_allowed");
    }
    assert_eq!(upstream.connections(), 0);
}
