//! Access logs name the method, upstream host, path, status, error code and latency, and never a
//! credential, query string, cookie or body. Everything the proxy logs is captured, at every level.

use std::io::Write;
use std::sync::{Arc, Mutex};

use crate::support::{Harness, SUBJECT_TOKEN, from_app};

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

/// The capture is this thread's subscriber, not the global one, so that the other tests of this
/// crate, running at the same time on other threads, do not write into it. The single-threaded
/// runtime runs the in-process proxy (and the upstream) on this thread, so all they log is caught.
#[tokio::test(flavor = "current_thread")]
async fn logs_carry_no_secrets() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::TRACE)
        .finish();
    let _capturing = tracing::subscriber::set_default(subscriber);
    let Harness { upstream, proxy } = Harness::start().await;
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

    let forwarded = proxy
        .send("POST", &upstream.target("/v3/auth/tokens?nocatalog=QUERYSECRET"), &from_app(&[
                (
                    "authorization",
                    "SDK-HMAC-SHA256 Access=AK, SignedHeaders=x-sdk-date, Signature=SIGNATURESECRET",
                ),
                ("x-auth-token", "TOKENSECRET"),
                ("x-security-token", "STSSECRET"),
                ("cookie", "session=COOKIESECRET"),
            ]), r#"{"auth":{"identity":{"password":{"user":{"password":"BODYSECRET"}}}}}"#)
        .await;
    let refused = proxy
        .send(
            "GET",
            "/https://admin:PASSWORDSECRET@iam.myhuaweicloud.com/v3?x=QUERYSECRET",
            &from_app(&[("x-auth-token", "TOKENSECRET")]),
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
