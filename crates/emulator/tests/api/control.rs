//! Control routes under `/__emulator/`.

use chrono::{DateTime, Duration, Utc};
use keyturn_emulator::seed::demo::{
    DEMO_PASSWORD, MFA_SECRET_BASE32, NON_ADMIN_NAME, NON_ADMIN_SK, kms_role, user_role,
};
use keyturn_emulator::seed::{SeedKind, SeedOptions};
use keyturn_emulator::{Options, control};
use reqwest::Method;
use serde_json::Value;

use crate::harness::{Signed, SignedFor, parts, start, start_with};

#[tokio::test]
async fn marking_a_key_used_moves_its_last_use_time() {
    let emu = start().await;
    let unused = emu.user_id_with_role(user_role::OVERDUE_UNUSED).await;
    let token = emu.admin_token().await;
    let list = format!("/v3.0/OS-CREDENTIAL/credentials?user_id={unused}");
    let (_, _, keys) = parts(emu.with_token(Method::GET, &list, &token, None).await).await;
    let access = keys["credentials"][0]["access"]
        .as_str()
        .unwrap()
        .to_owned();
    let show = format!("/v3.0/OS-CREDENTIAL/credentials/{access}");
    let (_, _, before) = parts(emu.with_token(Method::GET, &show, &token, None).await).await;
    assert_eq!(
        before["credential"]["last_use_time"], before["credential"]["create_time"],
        "never used"
    );

    let marked = emu.control_post(&format!("keys/{access}/use")).await;
    let (status, _, body) = parts(marked).await;
    assert_eq!(status, 200);
    assert_eq!(body["access"], access.as_str());

    let (_, _, after) = parts(emu.with_token(Method::GET, &show, &token, None).await).await;
    let used: DateTime<Utc> = after["credential"]["last_use_time"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(Utc::now() - used < Duration::seconds(10));
}

#[tokio::test]
async fn marking_an_unknown_key_is_404() {
    let emu = start().await;
    let response = emu.control_post("keys/NOSUCHKEY/use").await;
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn state_dump_holds_no_secret() {
    let emu = start().await;
    let token = emu.token(NON_ADMIN_NAME, DEMO_PASSWORD, false).await;
    let text = emu.control("state").await.text().await.unwrap();
    for secret in [
        emu.admin_sk(),
        NON_ADMIN_SK,
        DEMO_PASSWORD,
        &emu.startup.admin.password,
        &token,
    ] {
        assert!(!text.contains(secret));
    }
    let state: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(state["domain"]["id"], emu.startup.domain_id.as_str());
    assert_eq!(state["tokens"], 1);
    assert!(state["users"].as_array().unwrap().len() >= 10);
    assert!(state["kms_keys"].as_array().unwrap().len() >= 15);
}

#[tokio::test]
async fn expiring_tokens_forces_a_new_sign_in() {
    let emu = start().await;
    let iam_token = emu.admin_token().await;
    let kms_token = emu.admin_project_token().await;
    let expired = emu.control_post("tokens/expire").await;
    let (status, _, body) = parts(expired).await;
    assert_eq!(status, 200);
    assert_eq!(body["expired"], 2);
    let iam = emu
        .with_token(
            Method::GET,
            "/v3.0/OS-CREDENTIAL/credentials",
            &iam_token,
            None,
        )
        .await;
    let message = crate::harness::assert_keystone_error(iam, 401).await;
    assert!(message.contains("expired"), "{message}");
    let kms = emu
        .kms(&kms_token, "list-keys", serde_json::json!({}))
        .await;
    crate::harness::assert_apigw_0301(kms).await;
    let fresh = emu.admin_token().await;
    let again = emu
        .with_token(Method::GET, "/v3.0/OS-CREDENTIAL/credentials", &fresh, None)
        .await;
    assert_eq!(again.status(), 200);
}

#[tokio::test]
async fn state_names_the_role_of_every_demo_user_and_kms_key() {
    let emu = start().await;
    let state = emu.state().await;
    let roles = |list: &str| -> Vec<String> {
        state[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|entry| entry["role"].as_str().unwrap().to_owned())
            .collect()
    };
    let users = roles("users");
    for role in [
        user_role::ADMIN,
        user_role::NON_ADMIN,
        user_role::MFA,
        user_role::NO_KEYS,
    ] {
        assert!(users.iter().any(|r| r == role), "{role}");
    }
    let keys = roles("kms_keys");
    for role in [
        kms_role::ROTATING,
        kms_role::NEVER_ROTATED,
        kms_role::OTHER_REGION,
    ] {
        assert!(keys.iter().any(|r| r == role), "{role}");
    }
    let admin = emu.user_id_with_role(user_role::ADMIN).await;
    assert_eq!(admin, emu.startup.admin.user_id);
    let orders = emu.kms_key(kms_role::ROTATING).await;
    assert_eq!(orders["key_rotation_enabled"], "true");
}

#[tokio::test]
async fn demo_route_gives_the_public_sign_in_credentials() {
    let emu = start().await;
    let (status, _, demo) = parts(emu.control("demo").await).await;
    assert_eq!(status, 200, "{demo}");
    assert_eq!(demo["domain_name"], emu.startup.domain_name.as_str());
    assert_eq!(demo["user_password"], DEMO_PASSWORD);
    assert_eq!(
        demo["admin"],
        serde_json::to_value(&emu.startup.admin).unwrap()
    );
    let non_admin = &demo["non_admin"];
    assert_eq!(
        non_admin["user_id"],
        emu.user_id_with_role(user_role::NON_ADMIN).await.as_str()
    );
    let (ak, sk) = (
        non_admin["ak"].as_str().unwrap(),
        non_admin["sk"].as_str().unwrap(),
    );
    let own_keys = Signed::new(
        Method::GET,
        "/v3.0/OS-CREDENTIAL/credentials",
        ak,
        sk,
        SignedFor::Iam,
    );
    assert_eq!(emu.signed(own_keys).await.status(), 200, "the key signs");
    let mfa = &demo["mfa"];
    assert_eq!(
        mfa["user_id"],
        emu.user_id_with_role(user_role::MFA).await.as_str()
    );
    assert_eq!(mfa["totp_secret"], MFA_SECRET_BASE32);
}

#[tokio::test]
async fn demo_route_is_404_without_the_demo_seed() {
    let emu = start_with(Options {
        seed: SeedOptions {
            kind: SeedKind::Empty,
            ..SeedOptions::default()
        },
        ..Options::default()
    })
    .await;
    let (status, _, body) = parts(emu.control("demo").await).await;
    assert_eq!(status, 404);
    assert!(body["error"].as_str().unwrap().contains("--seed demo"));
}

#[tokio::test]
async fn a_cross_origin_request_without_the_header_is_refused_and_changes_nothing() {
    let emu = start().await;
    let token = emu.admin_token().await;
    let unused = emu.user_id_with_role(user_role::OVERDUE_UNUSED).await;
    let before = emu.state().await;
    let access = before["credentials"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["user_id"] == unused.as_str())
        .unwrap()["access"]
        .as_str()
        .unwrap()
        .to_owned();
    let mark = format!("keys/{access}/use");
    let simple = |method: Method, route: &str| {
        emu.http
            .request(method, emu.url(&format!("/__emulator/{route}")))
            .header("Origin", "https://hostile.example")
            .header("Content-Type", "text/plain")
            .send()
    };
    for (method, route) in [
        (Method::POST, "tokens/expire"),
        (Method::POST, mark.as_str()),
        (Method::GET, "state"),
        (Method::GET, "demo"),
    ] {
        let (status, _, body) = parts(simple(method, route).await.unwrap()).await;
        assert_eq!(status, 403, "{route}: {body}");
        assert!(body["error"].as_str().unwrap().contains(control::HEADER));
    }
    assert_eq!(emu.state().await, before, "nothing changed");
    let still = emu
        .with_token(Method::GET, "/v3.0/OS-CREDENTIAL/credentials", &token, None)
        .await;
    assert_eq!(still.status(), 200, "the token still works");

    let (status, _, body) = parts(emu.control_post("tokens/expire").await).await;
    assert_eq!((status, &body["expired"]), (200, &Value::from(1)));
    let (status, _, body) = parts(emu.control_post(&mark).await).await;
    assert_eq!((status, &body["access"]), (200, &Value::from(access)));
}

#[tokio::test]
async fn a_preflight_to_a_control_route_gets_no_cors_allowance() {
    let emu = start().await;
    for route in ["tokens/expire", "keys/NOSUCHKEY/use", "state", "demo"] {
        let response = emu
            .http
            .request(Method::OPTIONS, emu.url(&format!("/__emulator/{route}")))
            .header("Origin", "https://hostile.example")
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", control::HEADER)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 403, "{route}");
        assert!(
            !response
                .headers()
                .keys()
                .any(|name| name.as_str().starts_with("access-control-")),
            "{route}: {:?}",
            response.headers()
        );
    }
}
