//! A request signed by the app for the upstream host arrives with a valid signature: the proxy
//! forwards method, path, query, body and signed headers unchanged and sets `Host` to the
//! upstream authority. The test upstream verifies with the `Host` it actually receives.

use crate::support::{AK, Call, Harness, Key, SK};

/// The key the test upstream verifies with, for an arbitrary account.
const KEY: Key<'static> = Key {
    ak: AK,
    sk: SK,
    domain_id: "0a1b2c3d4e5f",
};

#[tokio::test]
async fn signed_post_with_query_and_body_verifies_upstream() {
    let Harness { upstream, proxy } = Harness::start().await;
    let call = Call {
        pairs: &[
            ("user_id", "u 1/2"),
            ("marker", "a!b'c*"),
            ("limit", "10"),
            ("limit", "2"),
        ],
        ..Call::post(
            "/signed/v3.0/OS-CREDENTIAL/credentials",
            br#"{"credential":{"user_id":"u1","description":"rotated \u00e9"}}"#,
        )
    };

    let reply = proxy.send_signed(&upstream.origin(), &KEY, &call).await;

    assert_eq!(reply.status, 200, "upstream said: {}", reply.text());
    assert_eq!(&reply.body[..], br#"{"verified":true}"#);
    let received = upstream.single();
    assert_eq!(received.headers["host"], upstream.addr.to_string());
    assert_eq!(received.target, format!("{}?{}", call.path, call.query()));
    assert_eq!(&received.body[..], call.body);
}

#[tokio::test]
async fn signed_get_verifies_upstream() {
    let Harness { upstream, proxy } = Harness::start().await;
    let call = Call::get(
        "/signed/v1.0/0123456789abcdef/kms/list-keys",
        &[("limit", "50"), ("key_spec", "ALL")],
    );

    let reply = proxy.send_signed(&upstream.origin(), &KEY, &call).await;

    assert_eq!(reply.status, 200, "{}", reply.text());
}

#[tokio::test]
async fn signing_the_proxy_host_instead_fails_upstream() {
    let Harness { upstream, proxy } = Harness::start().await;
    let call = Call::get("/signed/v3/auth/domains", &[]);

    let reply = proxy
        .sign(&upstream.origin(), &proxy.addr.to_string(), &KEY, &call)
        .send(call.body)
        .await;

    assert_eq!(reply.status, 401);
    assert_eq!(upstream.single().headers["host"], upstream.addr.to_string());
}
