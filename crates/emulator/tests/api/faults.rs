//! Fault injection, with rates of 1.0 so every request is affected.

use std::time::{Duration, Instant};

use keyturn_emulator::seed::demo::NON_ADMIN_NAME;
use keyturn_emulator::{FaultConfig, Options};
use reqwest::Method;
use serde_json::json;

use crate::harness::{Emu, Signed, SignedFor, parts, start_with};

async fn with_faults(faults: FaultConfig) -> Emu {
    start_with(Options {
        faults,
        ..Options::default()
    })
    .await
}

async fn key_count(emu: &Emu) -> usize {
    emu.state().await["credentials"].as_array().unwrap().len()
}

/// A signed request creating an access key for the non-admin demo user.
async fn create_key(emu: &Emu) -> Result<reqwest::Response, reqwest::Error> {
    let alice = emu.user_id(NON_ADMIN_NAME).await;
    let request = Signed::new(
        Method::POST,
        "/v3.0/OS-CREDENTIAL/credentials",
        emu.admin_ak(),
        emu.admin_sk(),
        SignedFor::Iam,
    )
    .body(json!({"credential": {"user_id": alice}}));
    emu.send(emu.prepare(request)).await
}

#[tokio::test]
async fn throttled_requests_get_429_and_change_nothing() {
    let emu = with_faults(FaultConfig {
        throttle_rate: 1.0,
        ..FaultConfig::default()
    })
    .await;
    let before = key_count(&emu).await;
    let (status, request_id, body) = parts(create_key(&emu).await.unwrap()).await;
    assert_eq!(status, 429);
    assert_eq!(body["error_code"], "APIGW.0308");
    assert_eq!(body["request_id"], request_id.as_str());
    assert_eq!(key_count(&emu).await, before);
}

#[tokio::test]
async fn failed_requests_get_a_gateway_5xx_and_change_nothing() {
    let emu = with_faults(FaultConfig {
        fail_rate: 1.0,
        ..FaultConfig::default()
    })
    .await;
    let before = key_count(&emu).await;
    let mut statuses = Vec::new();
    for _ in 0..12 {
        let (status, _, body) = parts(create_key(&emu).await.unwrap()).await;
        assert!([500, 502, 504].contains(&status), "{status}");
        assert!(
            body["error_code"].as_str().unwrap().starts_with("APIGW."),
            "{body}"
        );
        statuses.push(status);
    }
    statuses.sort();
    statuses.dedup();
    assert!(statuses.len() > 1, "several failure kinds: {statuses:?}");
    assert_eq!(key_count(&emu).await, before);
}

#[tokio::test]
async fn dropped_requests_get_no_answer_and_change_nothing() {
    let emu = with_faults(FaultConfig {
        drop_rate: 1.0,
        ..FaultConfig::default()
    })
    .await;
    let before = key_count(&emu).await;
    assert!(create_key(&emu).await.is_err());
    assert_eq!(key_count(&emu).await, before);
}

#[tokio::test]
async fn drop_after_commit_performs_the_write() {
    let emu = with_faults(FaultConfig {
        drop_after_commit_rate: 1.0,
        ..FaultConfig::default()
    })
    .await;
    let before = key_count(&emu).await;
    assert!(create_key(&emu).await.is_err());
    assert_eq!(key_count(&emu).await, before + 1);
}

#[tokio::test]
async fn latency_delays_answers() {
    let emu = with_faults(FaultConfig {
        latency: Duration::from_millis(300),
        ..FaultConfig::default()
    })
    .await;
    let started = Instant::now();
    let response = create_key(&emu).await.unwrap();
    assert_eq!(response.status(), 201);
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn control_routes_are_never_faulted() {
    let emu = with_faults(FaultConfig {
        fail_rate: 1.0,
        drop_rate: 1.0,
        ..FaultConfig::default()
    })
    .await;
    assert_eq!(emu.control("state").await.status(), 200);
}
