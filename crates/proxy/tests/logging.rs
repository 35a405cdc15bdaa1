//! Access logs name the method, upstream host, path, status, error code and latency, and never a
//! credential, query string, cookie or body. Everything the proxy logs is captured, at every level.

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};

use support::{APP_ORIGIN, SUBJECT_TOKEN, Upstream, config_for, send, start_proxy};

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Capture {
    fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

#[tokio::test]
async fn logs_carry_no_secrets() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::TRACE)
        .finish();
    tracing::subscriber::set_global_default(subscriber).unwrap();
    let upstream = Upstream::start().await;
    let proxy = start_proxy(config_for(&upstream)).await;
    let secrets = [
        "SIGNATURESECRET",
        "TOKENSECRET",
        "STSSECRET",
        "COOKIESECRET",
        "QUERYSECRET",
        "BODYSECRET",
        "PASSWORDSECRET",
        SUBJECT_TOKEN,
    ];

    let forwarded = send(
        proxy,
        "POST",
        &format!(
            "/{}/v3/auth/tokens?nocatalog=QUERYSECRET",
            upstream.origin()
        ),
        &[
            ("origin", APP_ORIGIN),
            (
                "authorization",
                "SDK-HMAC-SHA256 Access=AK, SignedHeaders=x-sdk-date, Signature=SIGNATURESECRET",
            ),
            ("x-auth-token", "TOKENSECRET"),
            ("x-security-token", "STSSECRET"),
            ("cookie", "session=COOKIESECRET"),
        ],
        r#"{"auth":{"identity":{"password":{"user":{"password":"BODYSECRET"}}}}}"#,
    )
    .await;
    let refused = send(
        proxy,
        "GET",
        "/https://admin:PASSWORDSECRET@iam.myhuaweicloud.com/v3?x=QUERYSECRET",
        &[("origin", APP_ORIGIN), ("x-auth-token", "TOKENSECRET")],
        "",
    )
    .await;
    let foreign = send(
        proxy,
        "GET",
        &format!("/{}/v3?x=QUERYSECRET", upstream.origin()),
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
    let logs = capture.text();
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
