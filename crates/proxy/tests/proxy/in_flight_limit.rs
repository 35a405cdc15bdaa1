//! At most `--max-in-flight` requests are forwarded at once; extra ones get 503 at once, and the
//! slot is free again once the answer is done. Preflights are not counted.

use keyturn_proxy::Config;

use crate::support::{APP_ORIGIN, Harness};

#[tokio::test]
async fn requests_beyond_the_limit_get_503_until_a_slot_frees() {
    let Harness { upstream, proxy } = Harness::configured(|config| Config {
        max_in_flight: 1,
        ..config
    })
    .await;
    let held_target = upstream.target("/hold");
    let other_target = upstream.target("/v3/auth/domains");

    let held = tokio::spawn(async move { proxy.get_from_app(&held_target).await });
    upstream.wait_for_requests(1).await;

    let busy = proxy.get_from_app(&other_target).await;
    assert_eq!(busy.status, 503);
    assert_eq!(busy.error_code(), "proxy.busy");
    assert_eq!(busy.allowed_origin(), Some(APP_ORIGIN));

    let preflight = proxy
        .preflight(Some(APP_ORIGIN), &other_target, "GET", None)
        .await;
    assert_eq!(preflight.status, 204);
    assert_eq!(upstream.received().len(), 1);

    upstream.release();
    assert_eq!(held.await.unwrap().status, 200);

    let after = proxy.get_from_app(&other_target).await;
    assert_eq!(after.status, 200);
    assert_eq!(upstream.received().len(), 2);
}
