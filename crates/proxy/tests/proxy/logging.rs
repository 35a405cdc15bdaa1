//! Access logs name the method, upstream host, path, status, error code and latency, and never a
//! credential, query string, cookie or body. Everything the proxy binary logs is captured, at
//! every level (a process of its own, so no other test's logging can interfere).

use std::process::Stdio;
use std::time::Duration;

use tokio::io::AsyncReadExt;

use crate::support::{Running, SUBJECT_TOKEN, Upstream, from_app, keyturn_proxy};

#[tokio::test]
async fn logs_carry_no_secrets() {
    let upstream = Upstream::start().await;
    let mut command = keyturn_proxy([
        "--listen",
        "127.0.0.1:0",
        "--allow-upstream",
        &upstream.origin(),
    ]);
    command
        .env("RUST_LOG", "trace")
        .env(
            "KEYTURN_PROXY_REQUIRE_HEADER",
            "X-Keyturn-Secret=SHAREDSECRET",
        )
        .stderr(Stdio::piped());
    let mut running = Running::start(command).await;
    let mut stderr = running.child.stderr.take().unwrap();
    let captured = tokio::spawn(async move {
        let mut logs = String::new();
        stderr.read_to_string(&mut logs).await.unwrap();
        logs
    });
    let proxy = running.proxy;
    let secrets = [
        "SIGNATURESECRET",
        "TOKENSECRET",
        "STSSECRET",
        "COOKIESECRET",
        "QUERYSECRET",
        "BODYSECRET",
        "PASSWORDSECRET",
        "SHAREDSECRET",
        SUBJECT_TOKEN,
    ];

    let forwarded = proxy
        .send("POST", &upstream.target("/v3/auth/tokens?nocatalog=QUERYSECRET"), &from_app(&[
                (
                    "authorization",
                    "SDK-HMAC-SHA256 Access=AK, SignedHeaders=x-sdk-date, Signature=SIGNATURESECRET",
                ),
                ("x-auth-token", "TOKENSECRET"),
                ("x-security-token", "STSSECRET"),
                ("cookie", "session=COOKIESECRET"),
                ("x-keyturn-secret", "SHAREDSECRET"),
            ]), r#"{"auth":{"identity":{"password":{"user":{"password":"BODYSECRET"}}}}}"#)
        .await;
    let refused = proxy
        .send(
            "GET",
            "/https://admin:PASSWORDSECRET@iam.myhuaweicloud.com/v3?x=QUERYSECRET",
            &from_app(&[
                ("x-auth-token", "TOKENSECRET"),
                ("x-keyturn-secret", "SHAREDSECRET"),
            ]),
            "",
        )
        .await;
    let foreign = proxy
        .send(
            "GET",
            &upstream.target("/v3?x=QUERYSECRET"),
            &[
                ("origin", "http://evil.example"),
                ("x-auth-token", "TOKENSECRET"),
            ],
            "",
        )
        .await;

    assert_eq!(forwarded.status, 200);
    assert_eq!(refused.status, 403);
    assert_eq!(foreign.status, 403);
    running.signal("TERM").await;
    let logs = tokio::time::timeout(Duration::from_secs(10), captured)
        .await
        .expect("the proxy did not stop")
        .unwrap();
    for secret in secrets {
        assert!(!logs.contains(secret), "{secret} was logged:\n{logs}");
    }
    assert!(
        !logs.contains("nocatalog"),
        "a query string was logged:\n{logs}"
    );
    let access = logs
        .lines()
        .find(|line| line.contains("status=200"))
        .unwrap_or_else(|| panic!("no access line:\n{logs}"));
    for field in [
        "method=POST",
        "upstream=\"127.0.0.1\"",
        "path=\"/v3/auth/tokens\"",
        "latency_ms=",
    ] {
        assert!(access.contains(field), "{field} missing from {access}");
    }
    assert!(
        logs.contains("code=\"proxy.userinfo_not_allowed\""),
        "{logs}"
    );
    assert!(logs.contains("code=\"proxy.origin_not_allowed\""), "{logs}");
}
