//! Answers carry the caller's origin, `Vary: Origin` and the exposed headers, so the app can read
//! the issued token, the request id and the server's `Date`; upstream CORS headers and cookies
//! do not leak through.

use crate::support::{APP_ORIGIN, Harness, SUBJECT_TOKEN, UPSTREAM_DATE};

#[tokio::test]
async fn token_request_id_and_date_are_readable_by_the_app() {
    let Harness { upstream, proxy } = Harness::start().await;

    let reply = proxy
        .get_from_app(&upstream.target("/v3/auth/tokens"))
        .await;

    assert_eq!(reply.status, 200);
    assert_eq!(reply.allowed_origin(), Some(APP_ORIGIN));
    let exposed: Vec<&str> = reply
        .header("access-control-expose-headers")
        .unwrap()
        .split(", ")
        .collect();
    assert_eq!(
        exposed,
        ["X-Subject-Token", "X-Request-Id", "X-IAM-Trace-Id", "Date"]
    );
    assert_eq!(reply.header("x-subject-token"), Some(SUBJECT_TOKEN));
    assert_eq!(reply.header("x-request-id"), Some("req-0001"));
    assert_eq!(reply.header("date"), Some(UPSTREAM_DATE));
    assert!(reply.headers.get_all("vary").iter().any(|v| v == "Origin"));
    assert_eq!(
        reply
            .headers
            .get_all("access-control-allow-origin")
            .iter()
            .count(),
        1,
        "the upstream's `*` must be replaced, not added to"
    );
    assert_eq!(reply.header("set-cookie"), None);
    assert_eq!(reply.header("access-control-allow-credentials"), None);
    assert_eq!(&reply.body[..], br#"{"ok":true}"#);
}

#[tokio::test]
async fn the_second_default_origin_is_echoed_too() {
    let Harness { upstream, proxy } = Harness::start().await;

    let reply = proxy
        .get_from("http://127.0.0.1:8080", &upstream.target("/v3/auth/tokens"))
        .await;

    assert_eq!(reply.status, 200);
    assert_eq!(reply.allowed_origin(), Some("http://127.0.0.1:8080"));
}
