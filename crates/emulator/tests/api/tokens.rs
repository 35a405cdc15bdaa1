//! `POST /v3/auth/tokens`.

use chrono::{DateTime, Utc};
use data_encoding::BASE32_NOPAD;
use keyturn_emulator::auth::totp;
use keyturn_emulator::seed::demo::{
    DEMO_PASSWORD, DISABLED_USER_NAME, MFA_SECRET_BASE32, MFA_USER_NAME, NON_ADMIN_NAME,
};
use keyturn_emulator::seed::{ADMIN_NAME, ADMIN_PASSWORD, DOMAIN_NAME};
use keyturn_emulator::state::HOME_REGION;
use serde_json::{Value, json};

use crate::harness::{assert_keystone_error, parts, start};

fn micros_time(value: &Value) -> DateTime<Utc> {
    let text = value.as_str().unwrap();
    assert_eq!(text.len(), "2020-01-04T09:05:22.701000Z".len(), "{text}");
    assert!(text.ends_with("000Z"), "millisecond precision: {text}");
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

#[tokio::test]
async fn domain_scoped_token() {
    let emu = start().await;
    let response = emu
        .token_response(
            &emu.startup.admin.name,
            &emu.startup.admin.password,
            json!({ "domain": { "name": DOMAIN_NAME } }),
        )
        .await;
    assert_eq!(response.status(), 201);
    let token = response.headers()["x-subject-token"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(token.starts_with("MII") && token.len() > 1000);
    assert!(response.headers().contains_key("x-iam-trace-id"));
    let (_, _, body) = parts(response).await;
    let t = &body["token"];
    assert_eq!(t["methods"], json!(["password"]));
    assert_eq!(t["user"]["id"], emu.startup.admin.user_id.as_str());
    assert_eq!(t["user"]["name"], ADMIN_NAME);
    assert_eq!(t["user"]["password_expires_at"], "");
    assert_eq!(t["user"]["domain"]["id"], emu.startup.domain_id.as_str());
    assert_eq!(t["domain"]["name"], DOMAIN_NAME);
    assert!(t.get("project").is_none());
    let lifetime = micros_time(&t["expires_at"]) - micros_time(&t["issued_at"]);
    assert_eq!(lifetime.num_hours(), 24);
    let roles: Vec<&str> = t["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert!(roles.contains(&"te_admin"));
    assert_eq!(t["catalog"][0]["type"], "identity");
}

#[tokio::test]
async fn project_scoped_token_by_id_with_nocatalog() {
    let emu = start().await;
    let body = json!({"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": NON_ADMIN_NAME, "password": DEMO_PASSWORD, "domain": {"id": emu.startup.domain_id}}}},
        "scope": {"project": {"id": emu.startup.project_id}}}});
    let response = emu
        .http
        .post(emu.url("/v3/auth/tokens?nocatalog=true"))
        .json(&body)
        .send()
        .await
        .unwrap();
    let (status, _, body) = parts(response).await;
    assert_eq!(status, 201, "{body}");
    let t = &body["token"];
    assert_eq!(t["project"]["id"], emu.startup.project_id.as_str());
    assert_eq!(t["project"]["name"], HOME_REGION);
    assert_eq!(t["project"]["domain"]["id"], emu.startup.domain_id.as_str());
    assert!(t.get("domain").is_none());
    assert_eq!(t["catalog"], json!([]));
    assert_eq!(t["roles"][0]["name"], "readonly");
}

#[tokio::test]
async fn project_token_catalog_points_at_the_emulator() {
    let emu = start().await;
    let response = emu
        .token_response(
            &emu.startup.admin.name,
            &emu.startup.admin.password,
            json!({ "project": { "name": HOME_REGION } }),
        )
        .await;
    let (_, _, body) = parts(response).await;
    let kms = body["token"]["catalog"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["type"] == "kms")
        .expect("a kms entry");
    assert_eq!(
        kms["endpoints"][0]["url"],
        format!("{}/v1.0/{}", emu.base, emu.startup.project_id)
    );
    assert_eq!(kms["endpoints"][0]["region"], HOME_REGION);
}

#[tokio::test]
async fn wrong_password_and_unknown_user_are_401() {
    let emu = start().await;
    let scope = json!({ "domain": { "name": DOMAIN_NAME } });
    let wrong = emu.token_response(ADMIN_NAME, "nope", scope.clone()).await;
    let message = assert_keystone_error(wrong, 401).await;
    assert_eq!(message, "The username or password is wrong.");
    let unknown = emu.token_response("nobody", DEMO_PASSWORD, scope).await;
    assert_keystone_error(unknown, 401).await;
}

#[tokio::test]
async fn disabled_user_gets_no_token() {
    let emu = start().await;
    let response = emu
        .token_response(
            DISABLED_USER_NAME,
            DEMO_PASSWORD,
            json!({ "domain": { "name": DOMAIN_NAME } }),
        )
        .await;
    let message = assert_keystone_error(response, 401).await;
    assert!(message.contains("disabled"), "{message}");
}

#[tokio::test]
async fn scope_defaults_to_the_account_and_a_project_wins() {
    let emu = start().await;
    let scoped = |scope: Option<Value>| {
        let mut auth = json!({"identity": {"methods": ["password"], "password": {"user": {
            "name": ADMIN_NAME, "password": ADMIN_PASSWORD, "domain": {"name": DOMAIN_NAME}}}}});
        if let Some(scope) = scope {
            auth["scope"] = scope;
        }
        emu.http
            .post(emu.url("/v3/auth/tokens"))
            .json(&json!({ "auth": auth }))
            .send()
    };
    for absent in [None, Some(json!({}))] {
        let (status, _, body) = parts(scoped(absent).await.unwrap()).await;
        assert_eq!(status, 201, "{body}");
        assert_eq!(
            body["token"]["domain"]["id"],
            emu.startup.domain_id.as_str()
        );
    }
    let both = json!({"domain": {"name": DOMAIN_NAME}, "project": {"name": HOME_REGION}});
    let (status, _, body) = parts(scoped(Some(both)).await.unwrap()).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(
        body["token"]["project"]["id"],
        emu.startup.project_id.as_str()
    );
    assert!(body["token"].get("domain").is_none());
}

#[tokio::test]
async fn scope_errors() {
    let emu = start().await;
    let unknown = emu
        .token_response(
            ADMIN_NAME,
            ADMIN_PASSWORD,
            json!({ "project": { "name": "mars-1" } }),
        )
        .await;
    assert_keystone_error(unknown, 401).await;
    let other_domain = emu
        .token_response(
            ADMIN_NAME,
            ADMIN_PASSWORD,
            json!({ "domain": { "name": "other" } }),
        )
        .await;
    assert_keystone_error(other_domain, 401).await;
}

#[tokio::test]
async fn malformed_body_is_400() {
    let emu = start().await;
    let response = emu
        .http
        .post(emu.url("/v3/auth/tokens"))
        .header("Content-Type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_keystone_error(response, 400).await;
}

fn mfa_body(domain: &str, user_id: Option<&str>, passcode: Option<&str>) -> Value {
    let mut identity = json!({
        "methods": ["password"],
        "password": {"user": {"name": MFA_USER_NAME, "password": DEMO_PASSWORD, "domain": {"name": domain}}},
    });
    if let (Some(id), Some(code)) = (user_id, passcode) {
        identity["methods"] = json!(["password", "totp"]);
        identity["totp"] = json!({"user": {"id": id, "passcode": code}});
    }
    json!({"auth": {"identity": identity, "scope": {"domain": {"name": domain}}}})
}

#[tokio::test]
async fn mfa_user_needs_a_valid_totp_passcode() {
    let emu = start().await;
    let carol = emu.user_id(MFA_USER_NAME).await;
    let post = |body: Value| emu.http.post(emu.url("/v3/auth/tokens")).json(&body).send();

    let without = post(mfa_body(DOMAIN_NAME, None, None)).await.unwrap();
    let message = assert_keystone_error(without, 401).await;
    assert!(message.contains("totp"), "{message}");

    let secret = BASE32_NOPAD.decode(MFA_SECRET_BASE32.as_bytes()).unwrap();
    let code = totp::passcode(&secret, Utc::now());
    let wrong_code = if code == "000000" { "111111" } else { "000000" };
    let wrong = post(mfa_body(DOMAIN_NAME, Some(&carol), Some(wrong_code)))
        .await
        .unwrap();
    assert_keystone_error(wrong, 401).await;

    let ok = post(mfa_body(DOMAIN_NAME, Some(&carol), Some(&code)))
        .await
        .unwrap();
    let (status, _, body) = parts(ok).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["token"]["methods"], json!(["password", "totp"]));
}
