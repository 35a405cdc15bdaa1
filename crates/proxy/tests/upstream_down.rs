//! An upstream that cannot be reached gives 502 with a JSON error the app can read.

mod support;

use keyturn_proxy::Config;
use support::{APP_ORIGIN, get_from_app, start_proxy};
use tokio::net::TcpListener;

#[tokio::test]
async fn refused_connection_is_502_json() {
    let closed = {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        listener.local_addr().unwrap()
    };
    let origin = format!("http://{closed}");
    let proxy = start_proxy(Config {
        extra_upstreams: vec![origin.parse().unwrap()],
        ..Config::default()
    })
    .await;

    let reply = get_from_app(proxy, &format!("/{origin}/v3/auth/domains")).await;

    assert_eq!(reply.status, 502);
    assert_eq!(reply.error_code(), "proxy.upstream_unreachable");
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(
        reply.header("access-control-allow-origin"),
        Some(APP_ORIGIN)
    );
}
