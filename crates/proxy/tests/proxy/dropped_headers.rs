//! Hop-by-hop headers (and those named in `Connection`), cookies, `Origin` and `Referer` never
//! reach the upstream; every other header does, unchanged, and `Host` names the upstream.

use axum::body::Bytes;

use crate::support::{APP_ORIGIN, Harness, from_app};

#[tokio::test]
async fn browser_and_connection_headers_are_dropped_and_api_headers_kept() {
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
        ("accept", "application/json"),
    ];
    let dropped = [
        ("connection", "keep-alive, x-per-hop"),
        ("x-per-hop", "1"),
        ("keep-alive", "timeout=5"),
        ("te", "trailers"),
        ("proxy-authorization", "Basic dXNlcjpwYXNz"),
        ("proxy-connection", "keep-alive"),
        ("cookie", "session=abc"),
        ("origin", APP_ORIGIN),
        ("referer", "http://localhost:8080/keys?user=u1"),
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
    for (name, _) in dropped {
        assert_eq!(
            received.headers.get(name),
            None,
            "{name} reached the upstream"
        );
    }
    assert_eq!(received.headers["host"], upstream.addr.to_string());
}

#[tokio::test]
async fn the_callers_host_is_replaced_by_the_upstream_authority() {
    let Harness { upstream, proxy } = Harness::start().await;

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
