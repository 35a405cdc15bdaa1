//! A request signed by the app for the upstream host arrives with a valid signature: the proxy
//! forwards method, path, query, body and signed headers unchanged and sets `Host` to the
//! upstream authority. The test upstream verifies with the `Host` it actually receives.

mod support;

use chrono::Utc;
use keyturn_core::endpoints::proxied_url;
use keyturn_core::signer::{SignableRequest, canonical_query, format_sdk_date, sign};
use std::net::SocketAddr;
use support::{AK, APP_ORIGIN, Reply, SK, Upstream, config_for, send, start_proxy};

struct Call<'a> {
    method: &'a str,
    path: &'a str,
    pairs: &'a [(&'a str, &'a str)],
    body: &'a [u8],
}

/// Signs `call` for `signed_host` exactly as the app does and sends it through the proxy.
async fn send_signed(
    proxy: SocketAddr,
    upstream: &Upstream,
    call: &Call<'_>,
    signed_host: &str,
) -> Reply {
    let query = canonical_query(call.pairs);
    let date = format_sdk_date(Utc::now());
    let content_type = "application/json;charset=utf8";
    let signed = sign(
        &SignableRequest {
            method: call.method,
            path: call.path,
            query: &query,
            headers: &[
                ("Host", signed_host),
                ("X-Sdk-Date", &date),
                ("Content-Type", content_type),
                ("X-Domain-Id", "0a1b2c3d4e5f"),
            ],
            body: call.body,
        },
        AK,
        SK,
    )
    .unwrap();
    let proxy_base = format!("http://{proxy}");
    let upstream_url = format!("{}{}?{query}", upstream.origin(), call.path);
    let url = proxied_url(&proxy_base, &upstream_url);
    let target = url.strip_prefix(&proxy_base).unwrap();
    send(
        proxy,
        call.method,
        target,
        &[
            ("origin", APP_ORIGIN),
            ("referer", "http://localhost:8080/keys"),
            ("x-sdk-date", &date),
            ("content-type", content_type),
            ("x-domain-id", "0a1b2c3d4e5f"),
            ("authorization", &signed.authorization),
        ],
        call.body.to_vec(),
    )
    .await
}

#[tokio::test]
async fn signed_post_with_query_and_body_verifies_upstream() {
    let upstream = Upstream::start().await;
    let proxy = start_proxy(config_for(&upstream)).await;
    let call = Call {
        method: "POST",
        path: "/signed/v3.0/OS-CREDENTIAL/credentials",
        pairs: &[
            ("user_id", "u 1/2"),
            ("marker", "a!b'c*"),
            ("limit", "10"),
            ("limit", "2"),
        ],
        body: br#"{"credential":{"user_id":"u1","description":"rotated \u00e9"}}"#,
    };

    let reply = send_signed(proxy, &upstream, &call, &upstream.addr.to_string()).await;

    assert_eq!(
        reply.status,
        200,
        "upstream said: {}",
        String::from_utf8_lossy(&reply.body)
    );
    assert_eq!(&reply.body[..], br#"{"verified":true}"#);
    let received = upstream.single();
    assert_eq!(received.headers["host"], upstream.addr.to_string());
    assert_eq!(
        received.target,
        format!("{}?{}", call.path, canonical_query(call.pairs))
    );
    assert_eq!(&received.body[..], call.body);
}

#[tokio::test]
async fn signed_get_verifies_upstream() {
    let upstream = Upstream::start().await;
    let proxy = start_proxy(config_for(&upstream)).await;
    let call = Call {
        method: "GET",
        path: "/signed/v1.0/0123456789abcdef/kms/list-keys",
        pairs: &[("limit", "50"), ("key_spec", "ALL")],
        body: b"",
    };

    let reply = send_signed(proxy, &upstream, &call, &upstream.addr.to_string()).await;

    assert_eq!(
        reply.status,
        200,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
}

#[tokio::test]
async fn signing_the_proxy_host_instead_fails_upstream() {
    let upstream = Upstream::start().await;
    let proxy = start_proxy(config_for(&upstream)).await;
    let call = Call {
        method: "GET",
        path: "/signed/v3/auth/domains",
        pairs: &[],
        body: b"",
    };

    let reply = send_signed(proxy, &upstream, &call, &proxy.to_string()).await;

    assert_eq!(reply.status, 401);
    assert_eq!(upstream.single().headers["host"], upstream.addr.to_string());
}
