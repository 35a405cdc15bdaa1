//! The network code over a real `fetch`: what goes out, retries, the clock learned from `Date`,
//! cancellation, and the API calls the pages build on.

use chrono::{TimeDelta, Utc};
use keyturn::api::{IamClient, Transport, fetch_config, issue_token, proxy_answers};
use keyturn_core::error::Error;
use keyturn_core::ids::AccessKeyId;
use keyturn_core::request::{ApiRequest, Auth, CONTENT_TYPE, ClockOffset, Idempotency, Method};
use keyturn_core::retry::Backoff;
use keyturn_core::settings::{ConfigError, Settings};
use keyturn_core::signer::{self, Authorization, SignableRequest};
use keyturn_core::types::token::{Scope, ScopeRef, TokenRequest};
use serde_json::json;
use wasm_bindgen_test::*;

use crate::support::*;

const AK: &str = "HPUAEXAMPLEAK0000001";
const SK: &str = "secret-key-that-must-not-leak";
const TOKEN: &str = "MIIEtoken-that-must-not-leak";

fn aksk() -> Auth {
    Auth::AkSk {
        ak: AK.into(),
        sk: SK.into(),
        domain_id: Some("dom1".into()),
        project_id: None,
    }
}

/// A transport through the scripted proxy that retries at once.
fn transport() -> Transport {
    Transport::new(PROXY, ClockOffset::default()).with_backoff(Backoff {
        base_ms: 1,
        max_ms: 2,
        max_attempts: 3,
    })
}

fn get(path: &str) -> ApiRequest {
    ApiRequest::new(Method::Get, IAM, path, Idempotency::Idempotent)
}

fn page_origin() -> String {
    web_sys::window().unwrap().location().origin().unwrap()
}

/// A `Date` header `offset` from this browser's clock.
fn http_date(offset: TimeDelta) -> String {
    (Utc::now() + offset).to_rfc2822().replace("+0000", "GMT")
}

/// Checks the signature of `call` as it went out, for the upstream host `host`.
fn verify_as_sent(call: &Call, host: &str) {
    let (path, query) = call.path.split_once('?').unwrap_or((&call.path, ""));
    let mut headers: Vec<(&str, &str)> = call
        .headers
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str().unwrap()))
        .collect();
    headers.push(("host", host));
    let request = SignableRequest {
        method: &call.method,
        path,
        query,
        headers: &headers,
        body: call.body.as_bytes(),
    };
    let authorization = Authorization::parse(call.header("authorization").unwrap()).unwrap();
    assert_eq!(
        signer::verify(&request, &authorization, SK),
        Ok(()),
        "{call:?}"
    );
}

#[wasm_bindgen_test]
async fn a_signed_request_goes_out_through_the_proxy_as_it_was_signed() {
    Script::new()
        .reply("GET", CREDENTIALS, 200, listed(&[]))
        .install();
    let request = get(CREDENTIALS).query("user_id", "u 1/é").query("a", "b");
    transport().send(&request, &aksk(), None).await.unwrap();

    let sent = only_call("GET", &format!("{CREDENTIALS}?a=b&user_id=u%201%2F%C3%A9"));
    assert_eq!(
        sent.url,
        format!("{PROXY}/{IAM}{CREDENTIALS}?a=b&user_id=u%201%2F%C3%A9")
    );
    assert_eq!(sent.header("content-type"), Some(CONTENT_TYPE));
    assert_eq!(sent.header("x-domain-id"), Some("dom1"));
    assert!(sent.header("x-sdk-date").is_some());
    assert_eq!(sent.header("x-auth-token"), None);
    let authorization = Authorization::parse(sent.header("authorization").unwrap()).unwrap();
    assert_eq!(authorization.access, AK);
    assert_eq!(
        authorization.signed_headers,
        ["content-type", "host", "x-domain-id", "x-sdk-date"]
    );
    verify_as_sent(&sent, "127.0.0.1:8780");
    assert!(!format!("{sent:?}").contains(SK));
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_token_request_carries_the_token_and_no_signature() {
    Script::new()
        .on("DELETE", &key_path(AK), [Answer::json(204, json!(null))])
        .install();
    let request = ApiRequest::new(Method::Delete, IAM, key_path(AK), Idempotency::Idempotent);
    transport()
        .send(&request, &Auth::Token(TOKEN.into()), None)
        .await
        .unwrap();
    let sent = only_call("DELETE", &key_path(AK));
    assert_eq!(sent.header("x-auth-token"), Some(TOKEN));
    assert_eq!(sent.header("authorization"), None);
    assert_eq!(sent.header("x-sdk-date"), None);
    assert_eq!(sent.body, "");
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_busy_or_silent_server_is_asked_again_but_a_write_is_sent_once() {
    Script::new()
        .on(
            "GET",
            "/v3/users",
            [
                Answer::json(
                    503,
                    json!({"error_code": "APIGW.0308", "error_msg": "busy"}),
                ),
                Answer::no_answer(),
                Answer::json(200, users(&["alice"])),
            ],
        )
        .reply(
            "POST",
            CREDENTIALS,
            503,
            json!({"error_code": "APIGW.0308"}),
        )
        .install();
    let answer = transport()
        .send(&get("/v3/users"), &aksk(), None)
        .await
        .unwrap();
    assert_eq!(answer.status, 200);
    assert_eq!(
        count("GET", "/v3/users"),
        3,
        "503, no answer, then the answer"
    );

    let create = ApiRequest::new(Method::Post, IAM, CREDENTIALS, Idempotency::NotIdempotent);
    let error = transport().send(&create, &aksk(), None).await.unwrap_err();
    assert!(
        matches!(&error, Error::Api(api) if api.status == 503),
        "{error:?}"
    );
    assert_eq!(count("POST", CREDENTIALS), 1, "a create is never repeated");

    Script::new()
        .on("GET", "/v3/users", [Answer::no_answer()])
        .install();
    let error = transport()
        .send(&get("/v3/users"), &aksk(), None)
        .await
        .unwrap_err();
    assert!(matches!(&error, Error::Network(_)), "{error:?}");
    assert_eq!(count("GET", "/v3/users"), 3, "three attempts in all");
    restore_fetch();
}

#[wasm_bindgen_test]
async fn the_clock_is_learned_from_date_and_a_skewed_401_is_signed_again_once() {
    let ahead = TimeDelta::minutes(20);
    Script::new()
        .date(&http_date(ahead))
        .on(
            "GET",
            "/v3/auth/domains",
            [
                Answer::json(
                    401,
                    json!({"error_code": "APIGW.0301", "error_msg": "expired"}),
                ),
                Answer::json(200, json!({"domains": []})),
            ],
        )
        .install();
    let transport = transport();
    transport
        .send(&get("/v3/auth/domains"), &aksk(), None)
        .await
        .unwrap();
    let offset = transport.clock().offset_ms();
    assert!(
        (ahead.num_milliseconds() - offset).abs() < 5_000,
        "learned {offset} ms"
    );
    let sent = calls();
    assert_eq!(sent.len(), 2, "signed again with the server's time");
    let signed_at =
        |call: &Call| signer::parse_sdk_date(call.header("x-sdk-date").unwrap()).unwrap();
    let moved = signed_at(&sent[1]) - signed_at(&sent[0]);
    assert!(
        (moved - ahead).num_seconds().abs() < 5,
        "the second signature is {moved} later"
    );

    let again = transport
        .send(&get("/v3/auth/domains"), &aksk(), None)
        .await;
    assert!(again.is_ok(), "the corrected clock is kept: {again:?}");
    assert_eq!(calls().len(), 3);

    Script::new()
        .date(&http_date(TimeDelta::minutes(40)))
        .reply(
            "GET",
            "/v3/auth/domains",
            401,
            json!({"error_code": "APIGW.0301"}),
        )
        .install();
    let error = transport
        .send(&get("/v3/auth/domains"), &aksk(), None)
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Api(api) if api.status == 401),
        "{error:?}"
    );
    assert_eq!(calls().len(), 2, "signed again once only");
    restore_fetch();
}

#[wasm_bindgen_test]
async fn an_error_answer_becomes_an_api_error() {
    restore_fetch();
    let transport = Transport::new(page_origin(), ClockOffset::default());
    let request = ApiRequest::new(
        Method::Get,
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
    restore_fetch();
    let transport =
        Transport::new("http://127.0.0.1:9", ClockOffset::default()).with_backoff(Backoff {
            base_ms: 1,
            max_ms: 2,
            max_attempts: 2,
        });
    let error = transport
        .send(&get("/v3/auth/domains"), &aksk(), None)
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
    restore_fetch();
    let controller = web_sys::AbortController::new().unwrap();
    controller.abort();
    let transport = Transport::new(page_origin(), ClockOffset::default());
    let error = transport
        .send(
            &get("/v3/users"),
            &Auth::Token(TOKEN.into()),
            Some(&controller.signal()),
        )
        .await
        .unwrap_err();
    assert_eq!(error, Error::Cancelled);
}

#[wasm_bindgen_test]
async fn an_aborted_client_sends_nothing_and_says_cancelled() {
    restore_fetch();
    let controller = web_sys::AbortController::new().unwrap();
    controller.abort();
    // Nothing listens on port 9; an attempt to reach it would fail differently.
    let client = IamClient::new(
        Transport::new("http://127.0.0.1:9", ClockOffset::default()),
        IAM,
        aksk(),
    )
    .with_abort_signal(controller.signal());
    let access = AccessKeyId::parse(AK).unwrap();
    assert_eq!(
        client.show_key(&access).await.unwrap_err(),
        Error::Cancelled
    );
}

#[wasm_bindgen_test]
async fn a_request_aborted_in_flight_is_cancelled() {
    Script::new()
        .on("GET", "/v3/users", [Answer::hang()])
        .install();
    let controller = web_sys::AbortController::new().unwrap();
    let (signal, transport, request, auth) =
        (controller.signal(), transport(), get("/v3/users"), aksk());
    let sending = transport.send(&request, &auth, Some(&signal));
    let abort = async {
        wait_until("the request is sent", || count("GET", "/v3/users") == 1).await;
        controller.abort();
    };
    let (sent, ()) = futures::future::join(sending, abort).await;
    assert_eq!(sent.unwrap_err(), Error::Cancelled);
    assert_eq!(
        count("GET", "/v3/users"),
        1,
        "a cancelled request is not retried"
    );
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_token_is_read_from_x_subject_token_only() {
    let body = TokenRequest::password(
        ACCOUNT,
        "carol",
        "Keyturn-Demo-1",
        Scope::Domain(ScopeRef::Name(ACCOUNT.into())),
    );
    let token_info = json!({"token": {
        "expires_at": "2026-11-24T18:00:00.000000Z", "issued_at": "2026-11-23T18:00:00.000000Z",
        "methods": ["password"],
        "user": {"id": "c01", "name": "carol", "domain": {"id": "d1", "name": ACCOUNT}},
        "domain": {"id": "d1", "name": ACCOUNT}, "roles": [], "catalog": []
    }});
    Script::new()
        .on(
            "POST",
            "/v3/auth/tokens",
            [
                Answer::json(201, token_info.clone()).header("x-subject-token", TOKEN),
                Answer::json(201, token_info),
            ],
        )
        .install();
    let issued = issue_token(&transport(), IAM, &body, None).await.unwrap();
    assert_eq!(issued.token, TOKEN);
    assert_eq!(issued.info.user.name, "carol");
    let sent = &calls()[0];
    assert_eq!(sent.header("authorization"), None);
    assert_eq!(sent.header("x-auth-token"), None);

    let missing = issue_token(&transport(), IAM, &body, None).await;
    assert!(
        matches!(&missing, Err(Error::Decode(why)) if why.contains("X-Subject-Token")),
        "{:?}",
        missing.as_ref().err()
    );
    restore_fetch();
}

#[wasm_bindgen_test]
async fn config_json_is_fetched_and_its_failures_named() {
    let config = |status: u16, text: &str| {
        Script::new()
            .on("GET", "/config.json", [Answer::text(status, text)])
            .install();
    };
    config(200, r#"{"region":"eu-west-101"}"#);
    let read = fetch_config("/config.json").await.unwrap();
    assert_eq!(read.region, "eu-west-101");
    assert_eq!(read.proxy_url, Settings::default().proxy_url);

    config(404, "");
    assert_eq!(
        fetch_config("/config.json").await,
        Err(ConfigError::NotFound)
    );
    config(200, "<!DOCTYPE html><html></html>");
    assert_eq!(
        fetch_config("/config.json").await,
        Err(ConfigError::NotFound),
        "a server that answers every path with the app"
    );
    config(500, "");
    assert_eq!(
        fetch_config("/config.json").await,
        Err(ConfigError::Status(500))
    );
    Script::new().proxy_down().install();
    assert!(matches!(
        fetch_config("/config.json").await,
        Err(ConfigError::Unreachable(_))
    ));
    restore_fetch();
}

#[wasm_bindgen_test]
async fn the_proxy_probe_tells_an_answer_from_none() {
    Script::new().cors_refused().install();
    assert!(proxy_answers(PROXY).await, "refused by CORS, but there");
    Script::new().proxy_down().install();
    assert!(!proxy_answers(PROXY).await);
    restore_fetch();
}
