//! Request preparation, retry decisions and sending, in a real browser.

use chrono::{DateTime, TimeDelta, Utc};
use gloo_net::http::Method;
use keyturn::api::retry::{Attempt, SKEW_RESIGN_THRESHOLD_MS, resign_for_skew, retry_delay};
use keyturn::api::upstream::{Upstream, split_base_url};
use keyturn::api::{
    ApiRequest, ApiResponse, Auth, CONTENT_TYPE, ClockOffset, Idempotency, PreparedRequest,
    Transport, prepare,
};
use keyturn_core::error::Error;
use keyturn_core::retry::Backoff;
use keyturn_core::signer::{self, Authorization, SignError, SignableRequest};
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PROXY: &str = "http://127.0.0.1:8787";
const SK: &str = "secret-key-that-must-not-leak";
const TOKEN: &str = "MIIEtoken-that-must-not-leak";

fn now() -> DateTime<Utc> {
    signer::parse_sdk_date("20250301T120000Z").unwrap()
}

fn aksk(domain_id: Option<&str>, project_id: Option<&str>) -> Auth {
    Auth::AkSk {
        ak: "HPUAEXAMPLEAK0000001".into(),
        sk: SK.into(),
        domain_id: domain_id.map(str::to_owned),
        project_id: project_id.map(str::to_owned),
    }
}

/// Re-checks `prepared` with the core verifier, signing host as `host`.
fn verify_with_host(prepared: &PreparedRequest, host: &str) -> Result<(), SignError> {
    let mut headers: Vec<(&str, &str)> = prepared
        .headers
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    headers.push(("host", host));
    let request = SignableRequest {
        method: prepared.method.as_str(),
        path: &prepared.path,
        query: &prepared.query,
        headers: &headers,
        body: prepared.body.as_deref().unwrap_or_default().as_bytes(),
    };
    let authorization = Authorization::parse(prepared.header("authorization").unwrap())?;
    signer::verify(&request, &authorization, SK)
}

#[wasm_bindgen_test]
fn iam_requests_are_signed_for_the_upstream_host_and_proxied() {
    let request = ApiRequest::new(
        Method::GET,
        "https://iam.myhuaweicloud.com",
        "/v3.0/OS-CREDENTIAL/credentials",
        Idempotency::Idempotent,
    )
    .query("user_id", "u 1/é")
    .query("a", "b");
    let prepared = prepare(&request, &aksk(Some("dom1"), None), PROXY, now()).unwrap();

    assert_eq!(
        prepared.url,
        "http://127.0.0.1:8787/https://iam.myhuaweicloud.com/v3.0/OS-CREDENTIAL/credentials?a=b&user_id=u%201%2F%C3%A9"
    );
    assert_eq!(
        prepared.query,
        signer::canonical_query(&[("user_id", "u 1/é"), ("a", "b")])
    );
    assert_eq!(prepared.upstream_host, "iam.myhuaweicloud.com");
    assert_eq!(prepared.header("content-type"), Some(CONTENT_TYPE));
    assert_eq!(prepared.header("x-sdk-date"), Some("20250301T120000Z"));
    assert_eq!(prepared.header("x-domain-id"), Some("dom1"));
    assert_eq!(prepared.header("x-project-id"), None);
    assert_eq!(prepared.header("host"), None, "a browser cannot send Host");
    assert_eq!(prepared.header("x-auth-token"), None);

    let authorization = Authorization::parse(prepared.header("authorization").unwrap()).unwrap();
    assert_eq!(authorization.access, "HPUAEXAMPLEAK0000001");
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

#[wasm_bindgen_test]
fn the_signature_is_the_core_signers_for_the_same_request() {
    let body = json!({"key_id": "0d0466b0-e727-4d9c-b35d-f84bb474a37f", "sequence": "ü"});
    let request = ApiRequest::new(
        Method::POST,
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
        "HPUAEXAMPLEAK0000001",
        SK,
    )
    .unwrap();
    assert_eq!(
        prepared.header("authorization"),
        Some(expected.authorization.as_str())
    );

    let mut tampered = prepared.clone();
    tampered.body = Some(body_text.replace("ü", "u"));
    assert_eq!(
        verify_with_host(&tampered, "127.0.0.1:8780"),
        Err(SignError::SignatureMismatch)
    );
}

#[wasm_bindgen_test]
fn a_base_path_prefixes_the_request_path() {
    assert_eq!(
        split_base_url("http://127.0.0.1:8780/emulator/"),
        Some(Upstream {
            origin: "http://127.0.0.1:8780",
            authority: "127.0.0.1:8780",
            base_path: "/emulator",
        })
    );
    for bad in [
        "iam.myhuaweicloud.com",
        "ftp://x.example.com",
        "https://",
        "https://user@x.example.com",
        "https://x.example.com/?a=b",
        "https://x.example.com#f",
    ] {
        assert_eq!(split_base_url(bad), None, "{bad}");
    }
    let request = ApiRequest::new(
        Method::GET,
        "http://127.0.0.1:8780/emulator",
        "/v3/users",
        Idempotency::Idempotent,
    );
    let prepared = prepare(
        &request,
        &aksk(Some("d"), None),
        "http://p.test/cors/",
        now(),
    )
    .unwrap();
    assert_eq!(prepared.path, "/emulator/v3/users");
    let unslashed = ApiRequest::new(
        Method::GET,
        "http://127.0.0.1:8780",
        "v3/users",
        Idempotency::Idempotent,
    );
    assert_eq!(
        prepare(&unslashed, &aksk(None, None), PROXY, now())
            .unwrap()
            .path,
        "/v3/users"
    );
    assert_eq!(
        prepared.url,
        "http://p.test/cors/http://127.0.0.1:8780/emulator/v3/users"
    );
    assert_eq!(verify_with_host(&prepared, "127.0.0.1:8780"), Ok(()));

    let relative = ApiRequest::new(Method::GET, "/v3", "/users", Idempotency::Idempotent);
    assert!(matches!(
        prepare(&relative, &aksk(None, None), PROXY, now()),
        Err(Error::Network(message)) if message.contains("not an absolute")
    ));
}

#[wasm_bindgen_test]
fn token_mode_sends_the_token_and_no_signature() {
    let request = ApiRequest::new(
        Method::DELETE,
        "https://iam.cn-north-4.myhuaweicloud.com",
        "/v3.0/OS-CREDENTIAL/credentials/HPUAEXAMPLEAK0000001",
        Idempotency::Idempotent,
    );
    let prepared = prepare(&request, &Auth::Token(TOKEN.into()), PROXY, now()).unwrap();
    assert_eq!(prepared.header("x-auth-token"), Some(TOKEN));
    assert_eq!(prepared.header("authorization"), None);
    assert_eq!(prepared.header("x-sdk-date"), None);
    assert_eq!(prepared.header("content-type"), Some(CONTENT_TYPE));
    assert_eq!(prepared.body, None);
    assert_eq!(prepared.query, "");
    assert!(!prepared.url.contains('?'));
}

#[wasm_bindgen_test]
fn secrets_never_show_in_debug_output() {
    let password_body =
        json!({"auth": {"identity": {"password": {"user": {"password": "hunter2-password"}}}}});
    let request = ApiRequest::new(
        Method::POST,
        "https://iam.myhuaweicloud.com",
        "/v3/auth/tokens",
        Idempotency::NotIdempotent,
    )
    .json(&password_body)
    .unwrap();
    let signed = prepare(&request, &aksk(Some("d"), None), PROXY, now()).unwrap();
    let with_token = prepare(&request, &Auth::Token(TOKEN.into()), PROXY, now()).unwrap();
    let response = ApiResponse {
        status: 201,
        headers: vec![
            ("x-subject-token".into(), TOKEN.into()),
            ("x-request-id".into(), "rid-1".into()),
        ],
        body: r#"{"credential":{"access":"AK","secret":"new-secret-key-value"}}"#.into(),
    };
    let outputs = [
        format!("{:?}", aksk(Some("d"), Some("p"))),
        format!("{:?}", Auth::Token(TOKEN.into())),
        format!("{request:?}"),
        format!("{signed:?}"),
        format!("{with_token:?}"),
        format!("{response:?}"),
    ];
    for output in &outputs {
        for secret in [SK, TOKEN, "hunter2-password", "new-secret-key-value"] {
            assert!(!output.contains(secret), "{secret} leaked in {output}");
        }
    }
    assert!(
        outputs[0].contains("HPUAEXAMPLEAK0000001"),
        "{}",
        outputs[0]
    );
    assert!(outputs[5].contains("rid-1"), "{}", outputs[5]);
}

#[wasm_bindgen_test]
fn decode_errors_do_not_quote_answer_values() {
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Created {
        secret: u32,
    }
    let response = ApiResponse {
        status: 201,
        headers: Vec::new(),
        body: r#"{"secret":"new-secret-key-value"}"#.into(),
    };
    let error = response.json::<Created>().unwrap_err();
    assert!(matches!(&error, Error::Decode(_)));
    assert!(
        !error.to_string().contains("new-secret-key-value"),
        "{error}"
    );
    let missing = ApiResponse {
        body: "{}".into(),
        ..response.clone()
    };
    assert!(
        missing
            .json::<Created>()
            .unwrap_err()
            .to_string()
            .contains("missing field `secret`")
    );
    assert_eq!(
        ApiResponse {
            body: r#"{"secret":7}"#.into(),
            ..response
        }
        .json::<Created>()
        .unwrap()
        .secret,
        7
    );
}

#[wasm_bindgen_test]
fn only_idempotent_requests_are_retried_and_only_on_transient_failures() {
    let backoff = Backoff::default();
    let idem = Idempotency::Idempotent;
    for status in [429, 502, 503, 504] {
        assert_eq!(
            retry_delay(Attempt::Status(status), idem, 1, &backoff, 0.5),
            Some(150),
            "{status}"
        );
        assert_eq!(
            retry_delay(
                Attempt::Status(status),
                Idempotency::NotIdempotent,
                1,
                &backoff,
                0.5
            ),
            None,
            "{status} on a non-idempotent request"
        );
    }
    for status in [400, 401, 403, 404, 409, 500] {
        assert_eq!(
            retry_delay(Attempt::Status(status), idem, 1, &backoff, 0.5),
            None,
            "{status}"
        );
    }
    let near_one = 0.999_999_999;
    assert_eq!(
        retry_delay(Attempt::NoAnswer, idem, 1, &backoff, near_one),
        Some(299)
    );
    assert_eq!(
        retry_delay(Attempt::NoAnswer, idem, 2, &backoff, near_one),
        Some(599)
    );
    assert_eq!(
        retry_delay(Attempt::NoAnswer, idem, 3, &backoff, near_one),
        Some(1199)
    );
    assert_eq!(
        retry_delay(Attempt::NoAnswer, idem, 4, &backoff, near_one),
        None,
        "four attempts in all"
    );
    assert_eq!(
        retry_delay(
            Attempt::NoAnswer,
            Idempotency::NotIdempotent,
            1,
            &backoff,
            0.5
        ),
        None
    );
    assert_eq!(
        retry_delay(Attempt::Status(503), idem, 2, &backoff, 0.0),
        Some(0)
    );
}

#[wasm_bindgen_test]
fn a_401_is_resigned_only_when_the_clock_was_off() {
    let far = SKEW_RESIGN_THRESHOLD_MS + 1;
    assert!(resign_for_skew(401, 0, far));
    assert!(resign_for_skew(401, 0, -far));
    assert!(resign_for_skew(401, far, 0));
    assert!(!resign_for_skew(401, 0, SKEW_RESIGN_THRESHOLD_MS));
    assert!(!resign_for_skew(403, 0, far));
    assert!(!resign_for_skew(200, 0, far));
}

#[wasm_bindgen_test]
fn the_clock_offset_comes_from_the_date_header() {
    let clock = ClockOffset::default();
    let shared = clock.clone();
    let server = DateTime::parse_from_rfc2822("Sat, 01 Mar 2025 12:20:00 GMT")
        .unwrap()
        .with_timezone(&Utc);
    let local = server - TimeDelta::minutes(20);
    clock.learn("Sat, 01 Mar 2025 12:20:00 GMT", local);
    assert_eq!(shared.offset_ms(), 20 * 60 * 1000);
    assert_eq!(shared.at(local), server);
    clock.learn("yesterday", local);
    assert_eq!(shared.offset_ms(), 20 * 60 * 1000, "junk is ignored");

    let request = ApiRequest::new(
        Method::GET,
        "https://iam.myhuaweicloud.com",
        "/v3/auth/domains",
        Idempotency::Idempotent,
    );
    let prepared = prepare(&request, &aksk(None, None), PROXY, shared.at(local)).unwrap();
    assert_eq!(prepared.header("x-sdk-date"), Some("20250301T122000Z"));
}

fn page_origin() -> String {
    web_sys::window().unwrap().location().origin().unwrap()
}

fn quick_retries() -> Backoff {
    Backoff {
        base_ms: 1,
        max_ms: 2,
        max_attempts: 3,
    }
}

#[wasm_bindgen_test]
async fn an_error_answer_becomes_an_api_error() {
    let transport =
        Transport::new(page_origin(), ClockOffset::default()).with_backoff(quick_retries());
    let request = ApiRequest::new(
        Method::GET,
        "http://upstream.invalid",
        "/v3/users",
        Idempotency::Idempotent,
    );
    let error = transport
        .send(&request, &Auth::Token(TOKEN.into()), None)
        .await
        .unwrap_err();
    match error {
        Error::Api(api) => {
            assert_eq!(api.status, 404);
            assert!(!api.message.contains(TOKEN));
        }
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn an_unreachable_proxy_is_a_network_error_that_names_cors() {
    let transport =
        Transport::new("http://127.0.0.1:9", ClockOffset::default()).with_backoff(quick_retries());
    let request = ApiRequest::new(
        Method::GET,
        "https://iam.myhuaweicloud.com",
        "/v3/auth/domains",
        Idempotency::Idempotent,
    );
    let error = transport
        .send(&request, &aksk(None, None), None)
        .await
        .unwrap_err();
    match &error {
        Error::Network(message) => {
            assert!(
                message.contains("proxy unreachable or refused by CORS"),
                "{message}"
            );
        }
        other => panic!("expected a network error, got {other:?}"),
    }
    assert!(!error.to_string().contains(SK));
}

#[wasm_bindgen_test]
async fn an_aborted_request_is_cancelled() {
    let controller = web_sys::AbortController::new().unwrap();
    controller.abort();
    let transport = Transport::new(page_origin(), ClockOffset::default());
    let request = ApiRequest::new(
        Method::GET,
        "http://upstream.invalid",
        "/v3/users",
        Idempotency::Idempotent,
    );
    let error = transport
        .send(
            &request,
            &Auth::Token(TOKEN.into()),
            Some(&controller.signal()),
        )
        .await
        .unwrap_err();
    assert_eq!(error, Error::Network("request cancelled".into()));
}
