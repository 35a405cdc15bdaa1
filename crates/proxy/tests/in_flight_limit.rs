//! At most `--max-in-flight` requests are forwarded at once; extra ones get 503 at once, and the
//! slot is free again once the answer is done. Preflights are not counted.

mod support;

use axum::body::Bytes;
use keyturn_proxy::Config;
use support::{APP_ORIGIN, Upstream, config_for, get_from_app, send, start_proxy};

#[tokio::test]
async fn requests_beyond_the_limit_get_503_until_a_slot_frees() {
    let upstream = Upstream::start().await;
    let proxy = start_proxy(Config {
        max_in_flight: 1,
        ..config_for(&upstream)
    })
    .await;
    let held_target = format!("/{}/hold", upstream.origin());
    let other_target = format!("/{}/v3/auth/domains", upstream.origin());

    let held = tokio::spawn(async move { get_from_app(proxy, &held_target).await });
    upstream.wait_for_requests(1).await;

    let busy = get_from_app(proxy, &other_target).await;
    assert_eq!(busy.status, 503);
    assert_eq!(busy.error_code(), "proxy.busy");
    assert_eq!(busy.header("access-control-allow-origin"), Some(APP_ORIGIN));

    let preflight = send(
        proxy,
        "OPTIONS",
        &other_target,
        &[
            ("origin", APP_ORIGIN),
            ("access-control-request-method", "GET"),
        ],
        Bytes::new(),
    )
    .await;
    assert_eq!(preflight.status, 204);
    assert_eq!(upstream.received().len(), 1);

    upstream.release();
    assert_eq!(held.await.unwrap().status, 200);

    let after = get_from_app(proxy, &other_target).await;
    assert_eq!(after.status, 200);
    assert_eq!(upstream.received().len(), 2);
}
