//! Only the API's own headers come back, so nothing an upstream sends can set cookies, clear
//! storage, pin HSTS or announce other servers on the app's origin; every answer to a proxied path
//! is `Cache-Control: no-store`, `nosniff` and sandboxed.

use crate::support::{APP_ORIGIN, HOSTILE_HEADERS, Harness, SUBJECT_TOKEN, UPSTREAM_DATE};

#[tokio::test]
async fn only_the_apis_own_headers_come_back() {
    let Harness { upstream, proxy } = Harness::start().await;

    let reply = proxy
        .get_from_app(&upstream.target("/hostile-headers"))
        .await;

    assert_eq!(reply.status, 200);
    for (name, value) in HOSTILE_HEADERS {
        let came_back = reply.headers.get_all(name).iter().any(|v| v == value);
        assert!(!came_back, "{name}: {value} came back");
    }
    for name in [
        "set-cookie",
        "set-cookie2",
        "clear-site-data",
        "alt-svc",
        "location",
    ] {
        assert_eq!(reply.header(name), None, "{name}");
    }
    assert_eq!(reply.header("x-subject-token"), Some(SUBJECT_TOKEN));
    assert_eq!(reply.header("x-request-id"), Some("req-0001"));
    assert_eq!(reply.header("date"), Some(UPSTREAM_DATE));
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(
        reply
            .headers
            .get_all("access-control-allow-origin")
            .iter()
            .collect::<Vec<_>>(),
        [APP_ORIGIN]
    );
    assert_eq!(
        reply
            .headers
            .get_all("cache-control")
            .iter()
            .collect::<Vec<_>>(),
        ["no-store"]
    );
    assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(
        reply.header("content-security-policy"),
        Some("default-src 'none'; sandbox")
    );
}

#[tokio::test]
async fn the_proxys_own_answers_are_never_stored_either() {
    let Harness { upstream, proxy } = Harness::start().await;
    let target = upstream.target("/v3");

    let refused = proxy.get_from("http://evil.example", &target).await;
    let preflight = proxy
        .preflight(Some(APP_ORIGIN), &target, "GET", None)
        .await;

    for reply in [refused, preflight] {
        assert_eq!(reply.header("cache-control"), Some("no-store"));
    }
}
