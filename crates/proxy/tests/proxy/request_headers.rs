//! Only the headers that signing and the IAM and KMS APIs use are forwarded, unchanged: forged
//! forwarding headers (`X-Forwarded-For`, `Forwarded`, `X-Real-IP`, `Via`), cookies, browser
//! context and anything else never reach the cloud. `Host` names the upstream.

use axum::body::Bytes;
use keyturn_proxy::Config;

use crate::support::{APP_ORIGIN, Harness, from_app};

#[tokio::test]
async fn only_the_api_headers_reach_the_cloud() {
    let Harness { upstream, proxy } = Harness::start().await;
    let kept = [
        (
            "authorization",
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=ab",
        ),
        ("x-sdk-date", "20191115T033655Z"),
        ("x-auth-token", "MIItoken"),
        ("x-project-id", "0123456789abcdef"),
        ("x-domain-id", "fedcba9876543210"),
        ("x-security-token", "temporary"),
        ("x-subject-token", "MIIsubject"),
        ("x-language", "en-us"),
        ("content-type", "application/json;charset=utf8"),
    ];
    let dropped = [
        ("x-forwarded-for", "203.0.113.66"),
        ("x-forwarded-host", "evil.example"),
        ("x-forwarded-proto", "https"),
        ("forwarded", "for=203.0.113.66;host=evil.example"),
        ("x-real-ip", "203.0.113.66"),
        ("via", "1.1 evil.example"),
        ("true-client-ip", "203.0.113.66"),
        ("x-original-url", "/admin"),
        ("connection", "keep-alive, x-per-hop"),
        ("x-per-hop", "1"),
        ("keep-alive", "timeout=5"),
        ("te", "trailers"),
        ("proxy-authorization", "Basic dXNlcjpwYXNz"),
        ("cookie", "session=abc"),
        ("origin", APP_ORIGIN),
        ("referer", "http://localhost:8080/keys?user=u1"),
        ("user-agent", "Mozilla/5.0"),
        ("accept-language", "en"),
        ("accept-encoding", "gzip, br"),
        ("sec-fetch-site", "cross-site"),
        ("x-custom", "anything"),
    ];
    let headers: Vec<(&str, &str)> = kept.iter().chain(dropped.iter()).copied().collect();

    let reply = proxy
        .send(
            "POST",
            &upstream.target("/v3.0/OS-CREDENTIAL/credentials"),
            &headers,
            "{}",
        )
        .await;

    assert_eq!(reply.status, 200);
    let received = upstream.single();
    for (name, value) in kept {
        assert_eq!(
            received.headers.get(name).map(|v| v.to_str().unwrap()),
            Some(value),
            "{name}"
        );
    }
    let mut arrived: Vec<&str> = received.headers.keys().map(|name| name.as_str()).collect();
    arrived.sort_unstable();
    let mut expected: Vec<&str> = kept.iter().map(|(name, _)| *name).collect();
    // `host` (the upstream's), `content-length` (of the body) and `accept: */*` are the HTTP
    // client's own.
    expected.extend(["host", "content-length", "accept"]);
    expected.sort_unstable();
    assert_eq!(arrived, expected);
    assert_eq!(received.headers["host"], upstream.addr.to_string());
    assert_eq!(received.headers["accept"], "*/*");
}

#[tokio::test]
async fn the_callers_host_is_replaced_by_the_upstream_authority() {
    let Harness { upstream, proxy } = Harness::configured(|config| Config {
        allowed_hosts: vec!["proxy.example:8787".parse().unwrap()],
        ..config
    })
    .await;

    let reply = proxy
        .send(
            "GET",
            &upstream.target("/v3"),
            &from_app(&[("host", "proxy.example:8787")]),
            Bytes::new(),
        )
        .await;

    assert_eq!(reply.status, 200);
    assert_eq!(upstream.single().headers["host"], upstream.addr.to_string());
}
