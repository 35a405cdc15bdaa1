//! Request bodies are forwarded with their exact bytes and content type; bodiless requests stay
//! bodiless.

use axum::body::Bytes;

use crate::support::{Harness, from_app};

#[tokio::test]
async fn every_byte_value_arrives_unchanged() {
    let Harness { upstream, proxy } = Harness::start().await;
    let body: Vec<u8> = (0..=255u8).cycle().take(4096).collect();

    let reply = proxy
        .send(
            "POST",
            &upstream.target("/v1.0/p/kms/encrypt-data"),
            &from_app(&[("content-type", "application/octet-stream")]),
            body.clone(),
        )
        .await;

    assert_eq!(reply.status, 200);
    let received = upstream.single();
    assert_eq!(received.method, "POST");
    assert_eq!(&received.body[..], &body[..]);
    assert_eq!(received.headers["content-type"], "application/octet-stream");
    assert_eq!(received.headers["content-length"], "4096");
}

#[tokio::test]
async fn json_with_unicode_and_whitespace_is_not_reformatted() {
    let Harness { upstream, proxy } = Harness::start().await;
    let body =
        "{ \"credential\" : {\"description\":\"clé — 钥匙\\u00e9\" ,\"status\":\"inactive\"}}\n";

    for method in ["PUT", "PATCH", "DELETE"] {
        let reply = proxy
            .send(
                method,
                &upstream.target("/v3.0/OS-CREDENTIAL/credentials/AK1"),
                &from_app(&[("content-type", "application/json;charset=utf8")]),
                body,
            )
            .await;
        assert_eq!(reply.status, 200, "{method}");
        let received = upstream.last();
        assert_eq!(received.method, method);
        assert_eq!(&received.body[..], body.as_bytes());
        assert_eq!(
            received.headers["content-type"],
            "application/json;charset=utf8"
        );
    }
}

#[tokio::test]
async fn get_without_body_sends_no_body() {
    let Harness { upstream, proxy } = Harness::start().await;

    let reply = proxy
        .get_from_app(&upstream.target("/v3/auth/domains"))
        .await;

    assert_eq!(reply.status, 200);
    let received = upstream.single();
    assert!(received.body.is_empty());
    assert_eq!(received.headers.get("content-length"), None);
    assert_eq!(received.headers.get("transfer-encoding"), None);
}

#[tokio::test]
async fn head_answers_without_a_body() {
    let Harness { upstream, proxy } = Harness::start().await;

    let reply = proxy
        .send(
            "HEAD",
            &upstream.target("/v3/auth/domains"),
            &from_app(&[]),
            Bytes::new(),
        )
        .await;

    assert_eq!(reply.status, 200);
    assert!(reply.body.is_empty());
    assert_eq!(upstream.single().method, "HEAD");
}
