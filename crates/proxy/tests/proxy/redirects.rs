//! An upstream redirect is neither followed nor passed on: the browser would follow it, with the
//! request's tokens, wherever it points. It becomes `502 proxy.upstream_redirect`.

use crate::support::{APP_ORIGIN, Harness, Upstream};

#[tokio::test]
async fn a_redirect_becomes_an_error_and_goes_nowhere() {
    let elsewhere = Upstream::start().await;
    let Harness { upstream, proxy } = Harness::configured(|mut config| {
        config
            .extra_upstreams
            .push(elsewhere.origin().parse().unwrap());
        config
    })
    .await;
    let location = format!("{}/stolen", elsewhere.origin());

    for code in [301, 302, 303, 307, 308] {
        let reply = proxy
            .get_from_app(&upstream.target(&format!("/redirect/{code}?{location}")))
            .await;

        assert_eq!(reply.status, 502, "{code}");
        assert_eq!(reply.error_code(), "proxy.upstream_redirect");
        assert_eq!(reply.header("location"), None);
        assert_eq!(reply.allowed_origin(), Some(APP_ORIGIN));
    }
    assert_eq!(upstream.received().len(), 5);
    assert_eq!(elsewhere.connections(), 0, "the redirect was followed");
}
