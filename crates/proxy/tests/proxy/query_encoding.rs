//! Paths and queries arrive byte for byte: no decoding, re-encoding or re-ordering.

use crate::support::Harness;

#[tokio::test]
async fn odd_encodings_arrive_unchanged() {
    let Harness { upstream, proxy } = Harness::start().await;

    for path_and_query in [
        "/v3/users?name=a%20b&name=a%2Fb&z=!&y=~&x=&x=%25&w=%2B+&v=%2f&name=2&flag",
        "/v3.0/OS-CREDENTIAL/credentials/AK%2F1/?user_id=%E4%BD%A0",
        "/v1.0/p/kms/a%2Fb/%20c!/~x;y,z/",
        "/v3/auth/tokens?nocatalog=true",
        "/v3?",
        "/v3?a=1&a=1&a=0",
        "/",
    ] {
        let reply = proxy.get_from_app(&upstream.target(path_and_query)).await;
        assert_eq!(reply.status, 200, "{path_and_query}");
        assert_eq!(upstream.last().target, path_and_query);
    }
}

#[tokio::test]
async fn a_query_without_a_path_gets_the_root_path() {
    let Harness { upstream, proxy } = Harness::start().await;

    let reply = proxy.get_from_app(&upstream.target("?a=%20")).await;

    assert_eq!(reply.status, 200);
    assert_eq!(upstream.single().target, "/?a=%20");
}
