//! An upstream slower than `--timeout-secs` gives 504 with a JSON error, in about that time.

mod support;

use std::time::{Duration, Instant};

use keyturn_proxy::Config;
use support::{APP_ORIGIN, Upstream, config_for, get_from_app, start_proxy};

#[tokio::test]
async fn slow_upstream_is_504_json() {
    let upstream = Upstream::start().await;
    let proxy = start_proxy(Config {
        timeout: Duration::from_secs(1),
        ..config_for(&upstream)
    })
    .await;
    let started = Instant::now();

    let reply = get_from_app(proxy, &format!("/{}/slow", upstream.origin())).await;

    assert_eq!(reply.status, 504);
    assert_eq!(reply.error_code(), "proxy.upstream_timeout");
    assert_eq!(
        reply.header("access-control-allow-origin"),
        Some(APP_ORIGIN)
    );
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(900),
        "gave up after {waited:?}"
    );
    assert!(waited < Duration::from_secs(5), "took {waited:?}");
    assert_eq!(upstream.single().target, "/slow");
}
