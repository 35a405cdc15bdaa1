//! Paths and queries arrive byte for byte: no decoding, re-encoding or re-ordering.

mod support;

use support::{Upstream, config_for, get_from_app, start_proxy};

#[tokio::test]
async fn odd_encodings_arrive_unchanged() {
    let upstream = Upstream::start().await;
    let proxy = start_proxy(config_for(&upstream)).await;

    for path_and_query in [
        "/v3/users?name=a%20b&name=a%2Fb&z=!&y=~&x=&x=%25&w=%2B+&v=%2f&name=2&flag",
        "/v3.0/OS-CREDENTIAL/credentials/AK%2F1/?user_id=%E4%BD%A0",
        "/v1.0/p/kms/a%2Fb/%20c!/~x;y,z/",
        "/v3/auth/tokens?nocatalog=true",
        "/v3?",
        "/v3?a=1&a=1&a=0",
        "/",
    ] {
        let reply = get_from_app(proxy, &format!("/{}{path_and_query}", upstream.origin())).await;
        assert_eq!(reply.status, 200, "{path_and_query}");
        let received = upstream.received().pop().unwrap();
        assert_eq!(received.target, path_and_query);
    }
}

#[tokio::test]
async fn a_query_without_a_path_gets_the_root_path() {
    let upstream = Upstream::start().await;
    let proxy = start_proxy(config_for(&upstream)).await;

    let reply = get_from_app(proxy, &format!("/{}?a=%20", upstream.origin())).await;

    assert_eq!(reply.status, 200);
    assert_eq!(upstream.single().target, "/?a=%20");
}
