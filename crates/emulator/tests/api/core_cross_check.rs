//! The emulator's answers read with keyturn-core's client types, and keyturn-core's request bodies
//! sent to the emulator: the app's view and the emulator's must agree.

use keyturn_core::error::ApiError;
use keyturn_core::request::iam;
use keyturn_core::types::credential::{
    CreateCredentialRequest, CreatedCredentialResponse, CredentialResponse, CredentialsResponse,
    KeyStatus, UpdateCredentialRequest,
};
use keyturn_core::types::directory::{
    DomainsResponse, ProjectsResponse, ShowUserResponse, UsersResponse,
};
use keyturn_core::types::kms::{
    DescribeKeyResponse, KeyRequest, KeyRotationStatus, ListKeysRequest, ListKeysResponse,
    UpdateRotationIntervalRequest,
};
use keyturn_core::types::token::{Scope, ScopeRef, TokenRequest, TokenResponse};
use keyturn_emulator::seed::DOMAIN_NAME;
use keyturn_emulator::seed::demo::{NON_ADMIN_NAME, kms_role};
use keyturn_emulator::state::HOME_REGION;
use reqwest::{Method, Response};
use serde::de::DeserializeOwned;

use crate::harness::{Emu, start};

async fn read<T: DeserializeOwned>(response: Response) -> T {
    let status = response.status();
    let text = response.text().await.unwrap();
    assert!(status.is_success(), "{status}: {text}");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

async fn error_of(response: Response) -> ApiError {
    let status = response.status().as_u16();
    let request_id = response
        .headers()
        .get("x-request-id")
        .map(|v| v.to_str().unwrap().to_owned());
    let text = response.text().await.unwrap();
    ApiError::from_response(status, &text, request_id.as_deref())
}

async fn core_token(emu: &Emu, scope: Scope) -> (String, TokenResponse) {
    let request = TokenRequest::password(
        DOMAIN_NAME,
        &emu.startup.admin.name,
        &emu.startup.admin.password,
        scope,
    );
    let response = emu
        .http
        .post(emu.url("/v3/auth/tokens"))
        .json(&request)
        .send()
        .await
        .unwrap();
    let token = response.headers()["x-subject-token"]
        .to_str()
        .unwrap()
        .to_owned();
    (token, read(response).await)
}

#[tokio::test]
async fn iam_answers_parse_as_core_types() {
    let emu = start().await;
    let (token, body) = core_token(&emu, Scope::Domain(ScopeRef::Name(DOMAIN_NAME.into()))).await;
    assert_eq!(body.token.user.id, emu.startup.admin.user_id);
    assert!(body.token.expires_at > body.token.issued_at);
    let (_, project_token) =
        core_token(&emu, Scope::project(ScopeRef::Name(HOME_REGION.into()))).await;
    assert_eq!(
        project_token.token.project.unwrap().id,
        emu.startup.project_id
    );

    let domains: DomainsResponse = read(
        emu.with_token(Method::GET, "/v3/auth/domains", &token, None)
            .await,
    )
    .await;
    assert_eq!(domains.domains[0].id, emu.startup.domain_id);
    let projects: ProjectsResponse = read(
        emu.with_token(
            Method::GET,
            &format!("/v3/projects?name={HOME_REGION}"),
            &token,
            None,
        )
        .await,
    )
    .await;
    assert_eq!(projects.only_project().unwrap().id, emu.startup.project_id);
    let users: UsersResponse =
        read(emu.with_token(Method::GET, "/v3/users", &token, None).await).await;
    let alice = users
        .users
        .iter()
        .find(|u| u.name == NON_ADMIN_NAME)
        .unwrap()
        .id
        .clone();
    let path = format!("/v3.0/OS-USER/users/{alice}");
    let user: ShowUserResponse = read(emu.with_token(Method::GET, &path, &token, None).await).await;
    assert_eq!(user.user.name, NON_ADMIN_NAME);

    let create =
        serde_json::to_value(CreateCredentialRequest::new(&alice, Some("from core"))).unwrap();
    let created: CreatedCredentialResponse = read(
        emu.with_token(
            Method::POST,
            "/v3.0/OS-CREDENTIAL/credentials",
            &token,
            Some(create),
        )
        .await,
    )
    .await;
    assert_eq!(created.credential.status, KeyStatus::Active);
    let access = created.credential.access.clone();
    let list_path = format!("/v3.0/OS-CREDENTIAL/credentials?user_id={alice}");
    let list: CredentialsResponse =
        read(emu.with_token(Method::GET, &list_path, &token, None).await).await;
    assert_eq!(list.credentials.len(), 2);
    let show_path = format!("/v3.0/OS-CREDENTIAL/credentials/{access}");
    let shown: CredentialResponse =
        read(emu.with_token(Method::GET, &show_path, &token, None).await).await;
    assert_eq!(
        shown.credential.last_use_time,
        Some(created.credential.create_time)
    );
    let update =
        serde_json::to_value(UpdateCredentialRequest::status(KeyStatus::Inactive)).unwrap();
    let updated: CredentialResponse = read(
        emu.with_token(Method::PUT, &show_path, &token, Some(update))
            .await,
    )
    .await;
    assert_eq!(updated.credential.status, KeyStatus::Inactive);

    let third = serde_json::to_value(CreateCredentialRequest::new(&alice, None)).unwrap();
    let error = error_of(
        emu.with_token(
            Method::POST,
            "/v3.0/OS-CREDENTIAL/credentials",
            &token,
            Some(third),
        )
        .await,
    )
    .await;
    assert!(error.is_access_key_quota_exceeded(), "{error}");
    assert_eq!(error.status, 400);
}

#[tokio::test]
async fn core_token_exchange_and_validation_reach_the_emulator() {
    let emu = start().await;
    let (token, _) = core_token(&emu, Scope::Domain(ScopeRef::Name(DOMAIN_NAME.into()))).await;
    let scope = Scope::project_in(
        ScopeRef::Name(HOME_REGION.into()),
        ScopeRef::Id(emu.startup.domain_id.clone()),
    );
    let exchanged = emu
        .http
        .post(emu.url("/v3/auth/tokens"))
        .json(&TokenRequest::from_token(&token, scope))
        .send()
        .await
        .unwrap();
    assert!(exchanged.headers().contains_key("x-subject-token"));
    let body: TokenResponse = read(exchanged).await;
    assert_eq!(body.token.methods, ["token"]);
    assert_eq!(body.token.user.id, emu.startup.admin.user_id);
    assert_eq!(body.token.project.unwrap().id, emu.startup.project_id);

    let request = iam::validate_token(&emu.base, &token);
    let mut sent = emu
        .http
        .get(emu.url(request.path()))
        .query(request.query_pairs())
        .header("X-Auth-Token", &token);
    for (name, value) in request.headers() {
        sent = sent.header(name, value);
    }
    let validated: TokenResponse = read(sent.send().await.unwrap()).await;
    assert_eq!(validated.token.user.name, emu.startup.admin.name);
    assert_eq!(validated.token.domain.unwrap().id, emu.startup.domain_id);
    assert!(validated.token.catalog.is_empty(), "nocatalog");
}

#[tokio::test]
async fn kms_answers_parse_as_core_types() {
    let emu = start().await;
    let first: ListKeysResponse = read(
        emu.admin_kms(
            "list-keys",
            serde_json::to_value(ListKeysRequest::all_specs(Some(4), None)).unwrap(),
        )
        .await,
    )
    .await;
    assert!(first.truncated);
    let marker = first.next_page_marker().unwrap().to_owned();
    let mut total = first.keys.len() as u64;
    let mut next = Some(marker);
    while let Some(marker) = next {
        let body =
            serde_json::to_value(ListKeysRequest::all_specs(Some(4), Some(&marker))).unwrap();
        let page: ListKeysResponse = read(emu.admin_kms("list-keys", body).await).await;
        total += page.keys.len() as u64;
        next = page.next_page_marker().map(str::to_owned);
    }
    assert_eq!(total, first.total);
    assert!(
        first
            .key_details
            .iter()
            .all(|k| k.creation_date.timestamp() > 0)
    );

    let id = emu.kms_key_id(kms_role::NEVER_ROTATED).await;
    let key = serde_json::to_value(KeyRequest::new(&id).unwrap()).unwrap();
    let described: DescribeKeyResponse =
        read(emu.admin_kms("describe-key", key.clone()).await).await;
    assert!(!described.key_info.key_rotation_enabled && !described.key_info.is_default_key());
    assert_eq!(
        emu.admin_kms("enable-key-rotation", key.clone())
            .await
            .status(),
        200
    );
    let interval =
        serde_json::to_value(UpdateRotationIntervalRequest::new(&id, 90).unwrap()).unwrap();
    assert_eq!(
        emu.admin_kms("update-key-rotation-interval", interval)
            .await
            .status(),
        200
    );
    let status: KeyRotationStatus = read(emu.admin_kms("get-key-rotation-status", key).await).await;
    assert!(status.key_rotation_enabled);
    assert_eq!(status.rotation_interval, 90);

    let default = emu.kms_key_id(kms_role::DEFAULT_KEY).await;
    let refused = serde_json::to_value(KeyRequest::new(&default).unwrap()).unwrap();
    let error = error_of(emu.admin_kms("enable-key-rotation", refused).await).await;
    assert_eq!((error.status, error.code.as_str()), (400, "KMS.0211"));
}

#[tokio::test]
async fn gateway_errors_parse_as_core_errors() {
    let emu = start().await;
    let response = emu
        .kms("MIIbogus", "list-keys", serde_json::json!({}))
        .await;
    let header_id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let error = error_of(response).await;
    assert_eq!(error.code, "APIGW.0301");
    assert_eq!(error.status, 401);
    assert_eq!(error.request_id.as_deref(), Some(header_id.as_str()));
}
