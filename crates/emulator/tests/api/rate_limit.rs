//! KMS's request rate limit, opt-in with `Options::kms_rate_limit` (`--kms-rate-limit`).

use std::num::NonZeroU32;
use std::time::Duration;

use keyturn_emulator::Options;
use keyturn_emulator::seed::demo::{DEMO_PASSWORD, NON_ADMIN_NAME, kms_role};
use reqwest::Method;
use serde_json::json;

use crate::harness::{Emu, assert_apigw_0301, parts, start, start_with};

const LIMIT: u32 = 3;

async fn limited() -> Emu {
    start_with(Options {
        kms_rate_limit: NonZeroU32::new(LIMIT),
        ..Options::default()
    })
    .await
}

/// The status of a signed `list-keys` by the administrator.
async fn admin_list(emu: &Emu) -> u16 {
    emu.admin_kms("list-keys", json!({}))
        .await
        .status()
        .as_u16()
}

#[tokio::test]
async fn requests_beyond_the_limit_get_the_gateway_429() {
    let emu = limited().await;
    for _ in 0..LIMIT {
        assert_eq!(admin_list(&emu).await, 200);
    }
    let (status, request_id, body) = parts(emu.admin_kms("list-keys", json!({})).await).await;
    assert_eq!(status, 429, "{body}");
    assert_eq!(body["error_code"], "APIGW.0308");
    assert_eq!(body["request_id"], request_id.as_str());
    let message = body["error_msg"].as_str().unwrap();
    assert!(
        message.starts_with("The throttling threshold has been reached"),
        "{message}"
    );
    assert!(message.contains(&format!("limit:{LIMIT},")), "{message}");

    // Authentication comes first; other users and IAM are not counted.
    assert_apigw_0301(emu.kms("MIIbogus", "list-keys", json!({})).await).await;
    let alice = emu.token(NON_ADMIN_NAME, DEMO_PASSWORD, true).await;
    assert_eq!(emu.kms(&alice, "list-keys", json!({})).await.status(), 200);
    let admin = emu.admin_token().await;
    for _ in 0..=LIMIT {
        let iam = emu
            .with_token(Method::GET, "/v3.0/OS-CREDENTIAL/credentials", &admin, None)
            .await;
        assert_eq!(iam.status(), 200);
    }

    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(admin_list(&emu).await, 200, "a second later");
}

#[tokio::test]
async fn throttled_writes_change_nothing() {
    let emu = limited().await;
    let id = emu.kms_key_id(kms_role::NEVER_ROTATED).await;
    for _ in 0..LIMIT {
        assert_eq!(admin_list(&emu).await, 200);
    }
    let enable = emu
        .admin_kms("enable-key-rotation", json!({"key_id": id}))
        .await;
    assert_eq!(enable.status(), 429);
    let key = emu.kms_key(kms_role::NEVER_ROTATED).await;
    assert_eq!(key["key_rotation_enabled"], "false");
}

#[tokio::test]
async fn without_the_option_there_is_no_limit() {
    let emu = start().await;
    for _ in 0..30 {
        assert_eq!(admin_list(&emu).await, 200);
    }
}
