//! `prepare`: the proxied URL, the headers and the signature, checked with the core signer.

use keyturn_core::error::Error;
use keyturn_core::request::{
    ApiRequest, Auth, CONTENT_TYPE, Idempotency, Method, PreparedRequest, prepare,
};
use keyturn_core::signer::{self, Authorization, SignError, SignableRequest};
use serde_json::json;

use crate::fixture::{AK, PROXY, SK, TOKEN, aksk, now, verify_with_host};

fn get(base_url: &str, path: &str) -> ApiRequest {
    ApiRequest::new(Method::Get, base_url, path, Idempotency::Idempotent)
}

#[test]
fn methods_are_named_as_on_the_wire() {
    assert_eq!(
        [Method::Get, Method::Post, Method::Put, Method::Delete].map(Method::as_str),
        ["GET", "POST", "PUT", "DELETE"]
    );
}

#[test]
fn a_request_keeps_what_it_was_given() {
    let request = ApiRequest::new(
        Method::Put,
        "https://iam.myhuaweicloud.com",
        "/v3/x",
        Idempotency::Idempotent,
    )
    .query("b", "2")
    .query("a", "1")
    .json(&json!({"k": "v"}))
    .unwrap();
    assert_eq!(request.method(), Method::Put);
    assert_eq!(request.base_url(), "https://iam.myhuaweicloud.com");
    assert_eq!(request.path(), "/v3/x");
    assert_eq!(
        request.query_pairs(),
        [
            ("b".to_owned(), "2".to_owned()),
            ("a".to_owned(), "1".to_owned())
        ],
        "in the order added"
    );
    assert_eq!(request.body(), Some(r#"{"k":"v"}"#));
    assert_eq!(request.idempotency(), Idempotency::Idempotent);
    assert_eq!(get("https://x.example.com", "/").body(), None);
}

#[test]
fn iam_requests_are_signed_for_the_upstream_host_and_proxied() {
    let request = get(
        "https://iam.myhuaweicloud.com",
        "/v3.0/OS-CREDENTIAL/credentials",
    )
    .query("user_id", "u 1/é")
    .query("a", "b");
    let prepared = prepare(&request, &aksk(Some("dom1"), None), PROXY, now()).unwrap();

    assert_eq!(prepared.method, Method::Get);
    assert_eq!(
        prepared.url,
        "http://127.0.0.1:8787/https://iam.myhuaweicloud.com/v3.0/OS-CREDENTIAL/credentials?a=b&user_id=u%201%2F%C3%A9"
    );
    assert_eq!(prepared.query, "a=b&user_id=u%201%2F%C3%A9");
    assert_eq!(
        prepared.query,
        signer::canonical_query(&[("user_id", "u 1/é"), ("a", "b")])
    );
    assert_eq!(prepared.path, "/v3.0/OS-CREDENTIAL/credentials");
    assert_eq!(prepared.upstream_host, "iam.myhuaweicloud.com");
    assert_eq!(prepared.header("content-type"), Some(CONTENT_TYPE));
    assert_eq!(
        prepared.header("Content-Type"),
        Some(CONTENT_TYPE),
        "names match in any case"
    );
    assert_eq!(prepared.header("x-sdk-date"), Some("20250301T120000Z"));
    assert_eq!(prepared.header("x-domain-id"), Some("dom1"));
    assert_eq!(prepared.header("x-project-id"), None);
    assert_eq!(prepared.header("host"), None, "a browser cannot send Host");
    assert_eq!(prepared.header("x-auth-token"), None);
    assert_eq!(prepared.body, None);
    assert!(
        prepared
            .headers
            .iter()
            .all(|(name, _)| *name == name.to_ascii_lowercase()),
        "{:?}",
        prepared.headers
    );

    let authorization = Authorization::parse(prepared.header("authorization").unwrap()).unwrap();
    assert_eq!(authorization.access, AK);
    assert_eq!(
        authorization.signed_headers,
        ["content-type", "host", "x-domain-id", "x-sdk-date"]
    );
    assert_eq!(verify_with_host(&prepared, "iam.myhuaweicloud.com"), Ok(()));
    assert_eq!(
        verify_with_host(&prepared, "127.0.0.1:8787"),
        Err(SignError::SignatureMismatch),
        "the proxy's own host is not what was signed"
    );
}

#[test]
fn the_signature_is_the_core_signers_for_the_same_request() {
    let body = json!({"key_id": "0d0466b0-e727-4d9c-b35d-f84bb474a37f", "sequence": "ü"});
    let request = ApiRequest::new(
        Method::Post,
        "http://127.0.0.1:8780/",
        "/v1.0/proj1/kms/describe-key",
        Idempotency::Idempotent,
    )
    .json(&body)
    .unwrap();
    let prepared = prepare(&request, &aksk(None, Some("proj1")), PROXY, now()).unwrap();

    let body_text = serde_json::to_string(&body).unwrap();
    assert_eq!(prepared.body.as_deref(), Some(body_text.as_str()));
    assert_eq!(
        prepared.upstream_host, "127.0.0.1:8780",
        "an explicit port is kept"
    );
    assert_eq!(
        prepared.url,
        "http://127.0.0.1:8787/http://127.0.0.1:8780/v1.0/proj1/kms/describe-key"
    );
    assert_eq!(prepared.header("x-project-id"), Some("proj1"));
    assert_eq!(prepared.header("x-domain-id"), None);
    let expected = signer::sign(
        &SignableRequest {
            method: "POST",
            path: "/v1.0/proj1/kms/describe-key",
            query: "",
            headers: &[
                ("Content-Type", CONTENT_TYPE),
                ("Host", "127.0.0.1:8780"),
                ("X-Project-Id", "proj1"),
                ("X-Sdk-Date", "20250301T120000Z"),
            ],
            body: body_text.as_bytes(),
        },
        AK,
        SK,
    )
    .unwrap();
    assert_eq!(
        prepared.header("authorization"),
        Some(expected.authorization.as_str())
    );
    assert_eq!(verify_with_host(&prepared, "127.0.0.1:8780"), Ok(()));
}

#[test]
fn any_change_after_signing_breaks_the_signature() {
    let request = ApiRequest::new(
        Method::Post,
        "http://127.0.0.1:8780",
        "/v1.0/p/kms/describe-key",
        Idempotency::Idempotent,
    )
    .query("x", "1")
    .json(&json!({"sequence": "ü"}))
    .unwrap();
    let prepared = prepare(&request, &aksk(None, Some("p")), PROXY, now()).unwrap();
    assert_eq!(verify_with_host(&prepared, "127.0.0.1:8780"), Ok(()));

    let tampered: [fn(&mut PreparedRequest); 5] = [
        |p| p.body = Some(p.body.take().unwrap().replace('ü', "u")),
        |p| p.query = "x=2".into(),
        |p| p.path = "/v1.0/p/kms/delete-key".into(),
        |p| p.method = Method::Put,
        |p| {
            for (name, value) in &mut p.headers {
                if name == "x-project-id" {
                    *value = "other".into();
                }
            }
        },
    ];
    for (i, tamper) in tampered.into_iter().enumerate() {
        let mut changed = prepared.clone();
        tamper(&mut changed);
        assert_eq!(
            verify_with_host(&changed, "127.0.0.1:8780"),
            Err(SignError::SignatureMismatch),
            "change {i}"
        );
    }
}

#[test]
fn the_signing_time_is_the_one_given() {
    let later = now() + chrono::TimeDelta::minutes(20);
    let prepared = prepare(
        &get("https://iam.myhuaweicloud.com", "/v3/auth/domains"),
        &aksk(None, None),
        PROXY,
        later,
    )
    .unwrap();
    assert_eq!(prepared.header("x-sdk-date"), Some("20250301T122000Z"));
    assert_eq!(verify_with_host(&prepared, "iam.myhuaweicloud.com"), Ok(()));
}

#[test]
fn a_base_path_prefixes_the_request_path() {
    let prepared = prepare(
        &get("http://127.0.0.1:8780/emulator", "/v3/users"),
        &aksk(Some("d"), None),
        "http://p.test/cors/",
        now(),
    )
    .unwrap();
    assert_eq!(prepared.path, "/emulator/v3/users");
    assert_eq!(
        prepared.url,
        "http://p.test/cors/http://127.0.0.1:8780/emulator/v3/users"
    );
    assert_eq!(verify_with_host(&prepared, "127.0.0.1:8780"), Ok(()));

    let with_slash = prepare(
        &get("http://127.0.0.1:8780/emulator/", "/v3/users"),
        &aksk(Some("d"), None),
        PROXY,
        now(),
    )
    .unwrap();
    assert_eq!(with_slash.path, "/emulator/v3/users");
}

#[test]
fn a_missing_leading_slash_is_added() {
    let prepared = prepare(
        &get("http://127.0.0.1:8780", "v3/users"),
        &aksk(None, None),
        PROXY,
        now(),
    )
    .unwrap();
    assert_eq!(prepared.path, "/v3/users");
    assert_eq!(
        prepared.url,
        "http://127.0.0.1:8787/http://127.0.0.1:8780/v3/users"
    );
}

#[test]
fn an_endpoint_that_is_not_an_absolute_http_url_is_refused_before_signing() {
    for base in [
        "/v3",
        "iam.example.com",
        "ftp://iam.example.com",
        "https://u@iam.example.com",
    ] {
        let result = prepare(&get(base, "/users"), &aksk(None, None), PROXY, now());
        assert!(
            matches!(&result, Err(Error::Network(message)) if message.contains("not an absolute")),
            "{base}: {result:?}"
        );
    }
}

#[test]
fn an_empty_secret_key_cannot_sign() {
    let auth = Auth::AkSk {
        ak: AK.into(),
        sk: String::new(),
        domain_id: None,
        project_id: None,
    };
    assert_eq!(
        prepare(
            &get("https://iam.myhuaweicloud.com", "/v3/users"),
            &auth,
            PROXY,
            now()
        ),
        Err(Error::Sign(SignError::EmptyKey))
    );
}

#[test]
fn token_mode_sends_the_token_and_no_signature() {
    let request = ApiRequest::new(
        Method::Delete,
        "https://iam.cn-north-4.myhuaweicloud.com",
        "/v3.0/OS-CREDENTIAL/credentials/HPUAEXAMPLEAK0000001",
        Idempotency::NotIdempotent,
    );
    let prepared = prepare(&request, &Auth::Token(TOKEN.into()), PROXY, now()).unwrap();
    assert_eq!(prepared.method, Method::Delete);
    assert_eq!(prepared.header("x-auth-token"), Some(TOKEN));
    assert_eq!(prepared.header("authorization"), None);
    assert_eq!(prepared.header("x-sdk-date"), None);
    assert_eq!(prepared.header("x-domain-id"), None);
    assert_eq!(prepared.header("content-type"), Some(CONTENT_TYPE));
    assert_eq!(prepared.body, None);
    assert_eq!(prepared.query, "");
    assert!(!prepared.url.contains('?'));
}

#[test]
fn without_credentials_only_the_content_type_is_sent() {
    let request = ApiRequest::new(
        Method::Post,
        "https://iam.myhuaweicloud.com",
        "/v3/auth/tokens",
        Idempotency::NotIdempotent,
    )
    .json(&json!({"auth": {}}))
    .unwrap();
    let prepared = prepare(&request, &Auth::None, PROXY, now()).unwrap();
    assert_eq!(
        prepared.headers,
        [("content-type".to_owned(), CONTENT_TYPE.to_owned())]
    );
    assert_eq!(prepared.body.as_deref(), Some(r#"{"auth":{}}"#));
}
