//! `split_base_url`: origin, signed authority and path prefix of an endpoint.

use keyturn_core::request::{Upstream, split_base_url};

#[test]
fn an_endpoint_splits_into_origin_authority_and_base_path() {
    assert_eq!(
        split_base_url("http://127.0.0.1:8780/emulator/"),
        Some(Upstream {
            origin: "http://127.0.0.1:8780",
            authority: "127.0.0.1:8780",
            base_path: "/emulator",
        })
    );
    assert_eq!(
        split_base_url("https://iam.myhuaweicloud.com"),
        Some(Upstream {
            origin: "https://iam.myhuaweicloud.com",
            authority: "iam.myhuaweicloud.com",
            base_path: "",
        })
    );
    assert_eq!(
        split_base_url("HTTPS://IAM.example.com/a/b//"),
        Some(Upstream {
            origin: "HTTPS://IAM.example.com",
            authority: "IAM.example.com",
            base_path: "/a/b",
        }),
        "kept as written"
    );
    assert_eq!(
        split_base_url("http://[::1]:8780").map(|u| u.authority),
        Some("[::1]:8780")
    );
}

#[test]
fn anything_but_an_absolute_http_url_without_extras_is_refused() {
    for bad in [
        "",
        "iam.myhuaweicloud.com",
        "/v3",
        "ftp://x.example.com",
        "https://",
        "https:///path",
        "https://user@x.example.com",
        "https://x.example.com/?a=b",
        "https://x.example.com?a=b",
        "https://x.example.com#f",
        "https://x.example.com/p#f",
    ] {
        assert_eq!(split_base_url(bad), None, "{bad}");
    }
}
