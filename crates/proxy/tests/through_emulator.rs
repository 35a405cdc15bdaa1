//! The real thing: requests signed as the app signs them travel through the proxy to
//! keyturn-emulator, which verifies the signature with the `Host` it receives and answers.

mod support;

use chrono::Utc;
use keyturn_core::endpoints::proxied_url;
use keyturn_core::signer::{SignableRequest, canonical_query, format_sdk_date, sign};
use keyturn_emulator::{Options, Running, spawn};
use keyturn_proxy::Config;
use std::net::SocketAddr;
use support::{APP_ORIGIN, Reply, send, start_proxy};

const CREDENTIALS: &str = "/v3.0/OS-CREDENTIAL/credentials";

/// Signs a request for the emulator as the app does (upstream host, domain id, JSON content
/// type) and sends it through the proxy from the app's origin.
async fn send_signed(
    proxy: SocketAddr,
    emulator: &Running,
    method: &str,
    pairs: &[(&str, &str)],
    body: &[u8],
) -> Reply {
    let startup = &emulator.startup;
    let authority = startup.endpoint.strip_prefix("http://").unwrap();
    let query = canonical_query(pairs);
    let date = format_sdk_date(Utc::now());
    let content_type = "application/json;charset=utf8";
    let signed = sign(
        &SignableRequest {
            method,
            path: CREDENTIALS,
            query: &query,
            headers: &[
                ("Host", authority),
                ("X-Sdk-Date", &date),
                ("Content-Type", content_type),
                ("X-Domain-Id", &startup.domain_id),
            ],
            body,
        },
        &startup.admin.ak,
        &startup.admin.sk,
    )
    .unwrap();
    let proxy_base = format!("http://{proxy}");
    let upstream = format!("{}{CREDENTIALS}?{query}", startup.endpoint);
    let url = proxied_url(&proxy_base, upstream.trim_end_matches('?'));
    let target = url.strip_prefix(&proxy_base).unwrap();
    send(
        proxy,
        method,
        target,
        &[
            ("origin", APP_ORIGIN),
            ("x-sdk-date", &date),
            ("content-type", content_type),
            ("x-domain-id", &startup.domain_id),
            ("authorization", &signed.authorization),
        ],
        body.to_vec(),
    )
    .await
}

async fn emulator_behind_proxy() -> (Running, SocketAddr) {
    let emulator = spawn("127.0.0.1:0".parse().unwrap(), Options::default())
        .await
        .unwrap();
    let proxy = start_proxy(Config {
        extra_upstreams: vec![emulator.startup.endpoint.parse().unwrap()],
        ..Config::default()
    })
    .await;
    (emulator, proxy)
}

#[tokio::test]
async fn the_emulator_accepts_signed_reads_and_writes_through_the_proxy() {
    let (emulator, proxy) = emulator_behind_proxy().await;
    let admin = emulator.startup.admin.user_id.clone();

    let listed = send_signed(proxy, &emulator, "GET", &[("user_id", &admin)], b"").await;
    assert_eq!(
        listed.status,
        200,
        "{}",
        String::from_utf8_lossy(&listed.body)
    );
    assert_eq!(listed.json()["credentials"].as_array().unwrap().len(), 1);
    assert_eq!(
        listed.header("access-control-allow-origin"),
        Some(APP_ORIGIN)
    );

    let body = format!(r#"{{"credential":{{"user_id":"{admin}","description":"via proxy"}}}}"#);
    let created = send_signed(proxy, &emulator, "POST", &[], body.as_bytes()).await;
    assert_eq!(
        created.status,
        201,
        "{}",
        String::from_utf8_lossy(&created.body)
    );
    assert_eq!(created.json()["credential"]["description"], "via proxy");

    let listed = send_signed(proxy, &emulator, "GET", &[("user_id", &admin)], b"").await;
    assert_eq!(listed.json()["credentials"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn a_body_changed_after_signing_is_refused_by_the_emulator() {
    let (emulator, proxy) = emulator_behind_proxy().await;
    let startup = &emulator.startup;
    let date = format_sdk_date(Utc::now());
    let signed_body = br#"{"credential":{"user_id":"x","description":"a"}}"#;
    let signed = sign(
        &SignableRequest {
            method: "POST",
            path: CREDENTIALS,
            query: "",
            headers: &[
                ("Host", startup.endpoint.strip_prefix("http://").unwrap()),
                ("X-Sdk-Date", &date),
                ("X-Domain-Id", &startup.domain_id),
            ],
            body: signed_body,
        },
        &startup.admin.ak,
        &startup.admin.sk,
    )
    .unwrap();
    let target = format!("/{}{CREDENTIALS}", startup.endpoint);
    let reply = send(
        proxy,
        "POST",
        &target,
        &[
            ("origin", APP_ORIGIN),
            ("x-sdk-date", &date),
            ("x-domain-id", &startup.domain_id),
            ("authorization", &signed.authorization),
        ],
        br#"{"credential":{"user_id":"x","description":"b"}}"#.to_vec(),
    )
    .await;
    assert_eq!(reply.status, 401);
    assert_eq!(reply.json()["error_code"], "APIGW.0301");
}
