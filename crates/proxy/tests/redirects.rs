//! Upstream redirects are passed back to the caller untouched and never followed by the proxy,
//! even towards another allowed upstream.

mod support;

use keyturn_proxy::Config;
use support::{APP_ORIGIN, Upstream, get_from_app, start_proxy};

#[tokio::test]
async fn redirect_is_returned_not_followed() {
    let upstream = Upstream::start().await;
    let elsewhere = Upstream::start().await;
    let proxy = start_proxy(Config {
        extra_upstreams: vec![
            upstream.origin().parse().unwrap(),
            elsewhere.origin().parse().unwrap(),
        ],
        ..Config::default()
    })
    .await;
    let location = format!("{}/stolen", elsewhere.origin());

    let reply = get_from_app(
        proxy,
        &format!("/{}/redirect?{location}", upstream.origin()),
    )
    .await;

    assert_eq!(reply.status, 302);
    assert_eq!(reply.header("location"), Some(location.as_str()));
    assert_eq!(
        reply.header("access-control-allow-origin"),
        Some(APP_ORIGIN)
    );
    assert_eq!(upstream.received().len(), 1);
    assert_eq!(elsewhere.connections(), 0, "the redirect was followed");
}
