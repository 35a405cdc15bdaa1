//! With `--require-header NAME=VALUE`, a proxied request without that exact header is refused
//! before its target is even looked at; the header is never forwarded. Preflights cannot carry
//! it, so they are answered without it and allow it.

use keyturn_proxy::Config;

use crate::support::{APP_ORIGIN, Harness, from_app};

const SECRET: &str = "X-Keyturn-Secret=correct-horse-battery-staple";

async fn guarded() -> Harness {
    Harness::configured(|config| Config {
        shared_secret: Some(SECRET.parse().unwrap()),
        ..config
    })
    .await
}

#[tokio::test]
async fn without_the_secret_nothing_is_forwarded() {
    let Harness { upstream, proxy } = guarded().await;
    let target = upstream.target("/v3/auth/tokens");

    for secret in [None, Some("wrong"), Some("correct-horse-battery-stapl")] {
        let headers: Vec<(&str, &str)> = secret
            .map(|s| ("x-keyturn-secret", s))
            .into_iter()
            .collect();
        let reply = proxy.send("POST", &target, &from_app(&headers), "{}").await;
        assert_eq!(reply.status, 403, "{secret:?}");
        assert_eq!(reply.error_code(), "proxy.secret_required");
        assert_eq!(reply.allowed_origin(), Some(APP_ORIGIN));
    }
    let elsewhere = proxy
        .send("GET", "/https://evil.example/", &from_app(&[]), "")
        .await;
    assert_eq!(elsewhere.error_code(), "proxy.secret_required");
    assert_eq!(upstream.connections(), 0);
}

#[tokio::test]
async fn with_the_secret_the_request_goes_through_without_it() {
    let Harness { upstream, proxy } = guarded().await;
    let target = upstream.target("/v3/auth/tokens");

    let preflight = proxy
        .preflight(Some(APP_ORIGIN), &target, "POST", Some("x-keyturn-secret"))
        .await;
    let reply = proxy
        .send(
            "POST",
            &target,
            &from_app(&[("x-keyturn-secret", "correct-horse-battery-staple")]),
            "{}",
        )
        .await;

    assert_eq!(preflight.status, 204);
    let allowed = preflight.header("access-control-allow-headers").unwrap();
    assert!(allowed.split(", ").any(|name| name == "x-keyturn-secret"));
    assert_eq!(reply.status, 200);
    assert_eq!(upstream.single().headers.get("x-keyturn-secret"), None);
}
