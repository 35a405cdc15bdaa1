//! An upstream that cannot be reached gives 502, and one slower than `--timeout-secs` gives 504
//! in about that time, each with a JSON error the app can read.

use std::time::{Duration, Instant};

use keyturn_proxy::Config;
use tokio::net::TcpListener;

use crate::support::{APP_ORIGIN, Harness, Proxy, allowing};

#[tokio::test]
async fn refused_connection_is_502_json() {
    let closed = {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        listener.local_addr().unwrap()
    };
    let origin = format!("http://{closed}");
    let proxy = Proxy::start(allowing(&origin)).await;

    let reply = proxy
        .get_from_app(&format!("/{origin}/v3/auth/domains"))
        .await;

    assert_eq!(reply.status, 502);
    assert_eq!(reply.error_code(), "proxy.upstream_unreachable");
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(reply.allowed_origin(), Some(APP_ORIGIN));
}

#[tokio::test]
async fn slow_upstream_is_504_json() {
    let Harness { upstream, proxy } = Harness::configured(|config| Config {
        timeout: Duration::from_secs(1),
        ..config
    })
    .await;
    let started = Instant::now();

    let reply = proxy.get_from_app(&upstream.target("/slow")).await;

    assert_eq!(reply.status, 504);
    assert_eq!(reply.error_code(), "proxy.upstream_timeout");
    assert_eq!(reply.allowed_origin(), Some(APP_ORIGIN));
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(900),
        "gave up after {waited:?}"
    );
    assert!(waited < Duration::from_secs(5), "took {waited:?}");
    assert_eq!(upstream.single().target, "/slow");
}
