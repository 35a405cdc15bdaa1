//! Upstream redirects are passed back to the caller untouched and never followed by the proxy,
//! even towards another allowed upstream.

use crate::support::{APP_ORIGIN, Harness, Upstream};

#[tokio::test]
async fn redirect_is_returned_not_followed() {
    let elsewhere = Upstream::start().await;
    let Harness { upstream, proxy } = Harness::configured(|mut config| {
        config
            .extra_upstreams
            .push(elsewhere.origin().parse().unwrap());
        config
    })
    .await;
    let location = format!("{}/stolen", elsewhere.origin());

    let reply = proxy
        .get_from_app(&upstream.target(&format!("/redirect?{location}")))
        .await;

    assert_eq!(reply.status, 302);
    assert_eq!(reply.header("location"), Some(location.as_str()));
    assert_eq!(reply.allowed_origin(), Some(APP_ORIGIN));
    assert_eq!(upstream.received().len(), 1);
    assert_eq!(elsewhere.connections(), 0, "the redirect was followed");
}
