//! Every IAM body of docs/api.md ("IAM: tokens" to "IAM: access keys") and the official
//! examples, parsed and written back.

use chrono::{DateTime, Utc};
use keyturn_core::access_key::AccessKey;
use keyturn_core::types::credential::{
    CreateCredentialRequest, CreatedCredentialResponse, Credential, CredentialResponse,
    CredentialsResponse, KeyStatus, UpdateCredentialRequest,
};
use keyturn_core::types::directory::{
    DomainsResponse, ProjectsResponse, ShowUserResponse, UsersResponse,
};
use keyturn_core::types::token::{Scope, ScopeRef, TokenRequest, TokenResponse};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Parses `body`, checks that writing it back gives the same JSON, and returns it.
fn round_trip<T: DeserializeOwned + Serialize>(body: &str) -> T {
    let parsed: T = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
    let original: Value = serde_json::from_str(body).unwrap();
    assert_eq!(serde_json::to_value(&parsed).unwrap(), original);
    parsed
}

fn json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap()
}

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

// ---- docs/api.md, "IAM: tokens" ----

const TOKEN_REQUEST_DOC: &str = r#"{"auth":{"identity":{"methods":["password"],
  "password":{"user":{"name":"IAMUser","password":"****","domain":{"name":"IAMDomain"}}}},
  "scope":{"domain":{"name":"IAMDomain"}}}}"#;

#[test]
fn token_request_matches_the_documented_body() {
    let built = TokenRequest::password(
        "IAMDomain",
        "IAMUser",
        "****",
        Scope::Domain(ScopeRef::Name("IAMDomain".into())),
    );
    let parsed: TokenRequest = round_trip(TOKEN_REQUEST_DOC);
    assert_eq!(parsed, built);
}

#[test]
fn token_request_project_scopes() {
    let by_name = TokenRequest::password(
        "acct",
        "alice",
        "pw",
        Scope::project(ScopeRef::Name("cn-north-4".into())),
    );
    assert_eq!(
        json(&by_name)["auth"]["scope"],
        serde_json::json!({"project": {"name": "cn-north-4"}})
    );
    let by_id = TokenRequest::password(
        "acct",
        "alice",
        "pw",
        Scope::project(ScopeRef::Id("a1b2c3".into())),
    );
    assert_eq!(
        json(&by_id)["auth"]["scope"],
        serde_json::json!({"project": {"id": "a1b2c3"}})
    );
    let parsed: TokenRequest = round_trip(&json(&by_id).to_string());
    assert_eq!(parsed, by_id);
}

#[test]
fn token_request_with_mfa() {
    let body = r#"{"auth":{"identity":{"methods":["password","totp"],
      "password":{"user":{"name":"IAMUser","password":"****","domain":{"name":"IAMDomain"}}},
      "totp":{"user":{"id":"07609fb9358010e21f7bc003751c7c32","passcode":"123456"}}},
      "scope":{"project":{"id":"a1b2c3d4e5f60718293a4b5c6d7e8f90"}}}}"#;
    let built = TokenRequest::password(
        "IAMDomain",
        "IAMUser",
        "****",
        Scope::project(ScopeRef::Id("a1b2c3d4e5f60718293a4b5c6d7e8f90".into())),
    )
    .with_totp("07609fb9358010e21f7bc003751c7c32", "123456");
    let parsed: TokenRequest = round_trip(body);
    assert_eq!(parsed, built);
    assert_eq!(
        built.clone().with_totp("x", "654321").auth.identity.methods,
        ["password", "totp"]
    );
}

/// The request example of 获取联邦认证scoped-token.md (KeystoneCreateScopedToken).
const SCOPED_TOKEN_REQUEST_DOC: &str = r#"{"auth":{"identity":{"methods":["token"],
  "token":{"id":"MIIatAYJKoZIhvcNAQcCoIIapTCCGqECAQExDTALB..."}},
  "scope":{"domain":{"id":"063bb260a480cecc0f36c0086bb6c..."}}}}"#;

#[test]
fn token_exchange_matches_the_documented_body() {
    let built = TokenRequest::from_token(
        "MIIatAYJKoZIhvcNAQcCoIIapTCCGqECAQExDTALB...",
        Scope::Domain(ScopeRef::Id("063bb260a480cecc0f36c0086bb6c...".into())),
    );
    let parsed: TokenRequest = round_trip(SCOPED_TOKEN_REQUEST_DOC);
    assert_eq!(parsed, built);
    let project = TokenRequest::from_token(
        "MIItoken",
        Scope::project_in(
            ScopeRef::Name("cn-north-4".into()),
            ScopeRef::Name("IAMDomain".into()),
        ),
    );
    assert_eq!(
        json(&project)["auth"]["scope"],
        serde_json::json!({"project": {"name": "cn-north-4", "domain": {"name": "IAMDomain"}}}),
        "a project named by name needs its account"
    );
    let parsed: TokenRequest = round_trip(&json(&project).to_string());
    assert_eq!(parsed, project);
    let shown = format!("{project:?} {project:#?}");
    assert!(!shown.contains("MIItoken"), "{shown}");
}

#[test]
fn token_request_debug_hides_password_and_code() {
    let req = TokenRequest::password(
        "acct",
        "alice",
        "S3cret-Pa55",
        Scope::Domain(ScopeRef::Name("acct".into())),
    )
    .with_totp("uid", "918273");
    let shown = format!("{req:?} {req:#?}");
    assert!(!shown.contains("S3cret-Pa55"), "{shown}");
    assert!(!shown.contains("918273"), "{shown}");
    assert!(shown.contains("alice") && shown.contains("<redacted>"));
}

const TOKEN_RESPONSE_DOMAIN: &str = r#"{"token":{
  "expires_at":"2020-01-04T09:05:22.701000Z","issued_at":"2020-01-03T09:05:22.701000Z",
  "methods":["password"],
  "user":{"id":"07609fb9358010e21f7bc003751c7c32","name":"IAMUser","password_expires_at":"",
          "domain":{"id":"d78cbac186b744899480f25bd022f468","name":"IAMDomain"}},
  "domain":{"id":"d78cbac186b744899480f25bd022f468","name":"IAMDomain"},
  "roles":[{"id":"0","name":"te_admin"},{"id":"0","name":"secu_admin"}],
  "catalog":[{"type":"identity","id":"1331e5cff2a74d76b03da1225910e9ef","name":"iam",
    "endpoints":[{"url":"https://iam.myhuaweicloud.com/v3","region":"*","region_id":"*",
                  "interface":"public","id":"089d4a381d574308a703122d3ae73134"}]}]}}"#;

#[test]
fn domain_scoped_token_response() {
    let parsed: TokenResponse = round_trip(TOKEN_RESPONSE_DOMAIN);
    let token = parsed.token;
    assert_eq!(token.expires_at, utc("2020-01-04T09:05:22.701Z"));
    assert_eq!(token.user.password_expires_at, None);
    assert_eq!(token.domain.unwrap().id, "d78cbac186b744899480f25bd022f468");
    assert!(token.project.is_none());
    assert_eq!(token.roles.len(), 2);
    assert_eq!(token.catalog[0].endpoints[0].interface, "public");
}

#[test]
fn project_scoped_token_response_without_catalog() {
    let body = r#"{"token":{
      "expires_at":"2025-03-02T12:00:00.000000Z","issued_at":"2025-03-01T12:00:00.000000Z",
      "methods":["password","totp"],
      "user":{"id":"u1","name":"alice","password_expires_at":"2025-06-01T00:00:00.000000Z",
              "domain":{"id":"d1","name":"acct"}},
      "project":{"id":"p1","name":"cn-north-4","domain":{"id":"d1","name":"acct"}},
      "roles":[],"catalog":[]}}"#;
    let token = round_trip::<TokenResponse>(body).token;
    assert_eq!(token.project.unwrap().name, "cn-north-4");
    assert_eq!(
        token.user.password_expires_at.as_deref(),
        Some("2025-06-01T00:00:00.000000Z")
    );
    assert!(token.domain.is_none() && token.catalog.is_empty());
}

// ---- docs/api.md, "IAM: account and projects" ----

#[test]
fn auth_domains() {
    let body = r#"{"domains":[{"id":"d78cbac186b744899480f25bd022f468","name":"IAMDomain","enabled":true,
      "description":"","links":{"self":"https://iam.myhuaweicloud.com/v3/domains/d78cbac186b744899480f25bd022f468"}}],
      "links":{"self":"https://iam.myhuaweicloud.com/v3/auth/domains"}}"#;
    let parsed: DomainsResponse = round_trip(body);
    assert_eq!(parsed.domains[0].id, "d78cbac186b744899480f25bd022f468");
    assert!(parsed.domains[0].enabled);
}

const PROJECT: &str = r#"{"id":"a1b2c3d4e5f60718293a4b5c6d7e8f90","name":"cn-north-4",
  "domain_id":"d78cbac186b744899480f25bd022f468","parent_id":"d78cbac186b744899480f25bd022f468",
  "enabled":true,"is_domain":false,"description":"",
  "links":{"self":"https://iam.myhuaweicloud.com/v3/projects/a1b2c3d4e5f60718293a4b5c6d7e8f90"}}"#;

#[test]
fn projects_by_name_and_auth_projects() {
    let by_name = format!(
        r#"{{"projects":[{PROJECT}],"links":{{"self":"https://iam.myhuaweicloud.com/v3/projects?name=cn-north-4",
        "previous":"https://iam.myhuaweicloud.com/v3/projects?page=0","next":"https://iam.myhuaweicloud.com/v3/projects?page=2"}}}}"#
    );
    let parsed: ProjectsResponse = round_trip(&by_name);
    assert_eq!(
        parsed.only_project().map(|p| p.id.as_str()),
        Some("a1b2c3d4e5f60718293a4b5c6d7e8f90")
    );

    let with_nulls = format!(
        r#"{{"projects":[{PROJECT},{PROJECT}],"links":{{"self":"x","previous":null,"next":null}}}}"#
    );
    let parsed: ProjectsResponse = serde_json::from_str(&with_nulls).unwrap();
    assert_eq!(parsed.projects.len(), 2);
    assert!(parsed.only_project().is_none(), "two matches are ambiguous");
    let none: ProjectsResponse = serde_json::from_str(r#"{"projects":[]}"#).unwrap();
    assert!(none.only_project().is_none());
}

// ---- docs/api.md, "IAM: users" ----

#[test]
fn users_list() {
    let body = r#"{"users":[
      {"id":"07609fb9358010e21f7bc003751c7c32","name":"IAMUser","domain_id":"d78cbac186b744899480f25bd022f468",
       "enabled":true,"description":"ops","password_expires_at":null,"pwd_status":true,
       "last_project_id":"a1b2c3","pwd_strength":"high","access_mode":"default",
       "links":{"self":"https://iam.myhuaweicloud.com/v3/users/07609fb9358010e21f7bc003751c7c32"}},
      {"id":"f0e1d2c3b4a5968778695a4b3c2d1e0f","name":"ci-bot","domain_id":"d78cbac186b744899480f25bd022f468",
       "enabled":false,"password_expires_at":"2025-06-01T00:00:00.000000","access_mode":"programmatic",
       "links":{"self":"https://iam.myhuaweicloud.com/v3/users/f0e1d2c3b4a5968778695a4b3c2d1e0f"}}],
      "links":{"self":"https://iam.myhuaweicloud.com/v3/users","previous":null,"next":null}}"#;
    let parsed: UsersResponse = serde_json::from_str(body).unwrap();
    assert_eq!(parsed.users.len(), 2);
    assert_eq!(parsed.users[0].password_expires_at, None);
    assert_eq!(parsed.users[1].access_mode.as_deref(), Some("programmatic"));
    assert!(!parsed.users[1].enabled);
    let written = json(&parsed);
    assert_eq!(written["users"][1]["description"], Value::Null);
    assert_eq!(
        serde_json::from_value::<UsersResponse>(written).unwrap(),
        parsed
    );
}

#[test]
fn show_user_v3_0() {
    let body = r#"{"user":{"id":"07609fb9358010e21f7bc003751c7c32","name":"IAMUser",
      "domain_id":"d78cbac186b744899480f25bd022f468","enabled":true,"is_domain_owner":false,
      "access_mode":"default","description":"","create_time":"2020-07-08 02:19:03.0",
      "update_time":"2020-07-08 02:20:03.0","last_login_time":"2020-07-08 02:30:03.0",
      "pwd_status":false,"pwd_strength":"Strong","xuser_id":"","xuser_type":"",
      "email":"ab***@example.com","phone":"-","areacode":"",
      "links":{"self":"https://iam.myhuaweicloud.com/v3.0/OS-USER/users/07609fb9358010e21f7bc003751c7c32"},
      "unknown_future_field":{"nested":1}}}"#;
    let parsed: ShowUserResponse = serde_json::from_str(body).unwrap();
    assert!(!parsed.user.is_domain_owner);
    assert_eq!(
        parsed.user.create_time.as_deref(),
        Some("2020-07-08 02:19:03.0")
    );
    assert_eq!(parsed.user.last_pwd_auth_time, None);
}

// ---- docs/api.md, "IAM: access keys" (examples of 密钥定期自动化轮换 and
// "Creating a Permanent Access Key") ----

#[test]
fn create_request_from_the_seed_and_the_vector() {
    let seed = r#"{"credential":{"description":"IAMDescription","user_id":"07609fb9358010e21f7bc003751c7c32"}}"#;
    let parsed: CreateCredentialRequest = round_trip(seed);
    assert_eq!(
        parsed,
        CreateCredentialRequest::new("07609fb9358010e21f7bc003751c7c32", Some("IAMDescription"))
    );
    let vector = r#"{"credential": {"user_id": "f0e1d2c3b4a5968778695a4b3c2d1e0f", "description": "rotated by keymgr"}}"#;
    round_trip::<CreateCredentialRequest>(vector);
    assert_eq!(
        json(&CreateCredentialRequest::new("u1", None)),
        serde_json::json!({"credential": {"user_id": "u1"}})
    );
}

const CREATE_RESPONSE_SEED: &str = r#"{
    "credential": {
        "access": "P83EVBZJMXCYTMUII...",
        "create_time": "2020-01-08T06:25:19.014028Z",
        "user_id": "07609fb9358010e21f7bc003751...",
        "description": "IAMDescription",
        "secret": "TTqAHPbhWorg9ozx8Dv9MUyzYnOKDppxzHt...",
        "status": "active"
    }
}"#;

/// The documentation shortens ids with dots (`"P83EVBZJMXCYTMUII..."`), which the typed ids
/// refuse; an example becomes an [`AccessKey`] with the dots dropped.
fn undotted(id: &str) -> String {
    id.trim_end_matches('.').to_owned()
}

/// A documented show answer with whole ids.
fn whole(credential: Credential) -> Credential {
    Credential {
        access: undotted(&credential.access),
        user_id: undotted(&credential.user_id),
        ..credential
    }
}

#[test]
fn create_response_from_the_seed() {
    let parsed: CreatedCredentialResponse = round_trip(CREATE_RESPONSE_SEED);
    let c = &parsed.credential;
    assert_eq!(c.secret, "TTqAHPbhWorg9ozx8Dv9MUyzYnOKDppxzHt...");
    assert_eq!(c.status, KeyStatus::Active);
    assert_eq!(c.create_time, utc("2020-01-08T06:25:19.014028Z"));
    let mut created = c.clone();
    created.access = undotted(&c.access);
    created.user_id = undotted(&c.user_id);
    let key = AccessKey::try_from(&created).unwrap();
    assert_eq!(
        (key.access.as_str(), key.last_used),
        ("P83EVBZJMXCYTMUII", None)
    );
}

#[test]
fn create_response_debug_hides_the_secret() {
    let parsed: CreatedCredentialResponse = serde_json::from_str(CREATE_RESPONSE_SEED).unwrap();
    let shown = format!("{parsed:?} {parsed:#?}");
    assert!(!shown.contains("TTqAHPbh"), "{shown}");
    assert!(shown.contains("P83EVBZJMXCYTMUII") && shown.contains("<redacted>"));
}

#[test]
fn list_response_from_the_seed() {
    let body = r#"{
        "credentials": [
            {"access": "LOSZM4YRVLKOY9E8X...", "create_time": "2020-01-08T06:26:08.123059Z",
             "user_id": "07609fb9358010e21f7bc0037...", "description": "", "status": "active"},
            {"access": "P83EVBZJMXCYTMU...", "create_time": "2020-01-08T06:25:19.014028Z",
             "user_id": "07609fb9358010e21f7bc003751...", "description": "", "status": "active"}
        ]
    }"#;
    let parsed: CredentialsResponse = round_trip(body);
    assert_eq!(parsed.credentials.len(), 2);
    assert!(parsed.credentials.iter().all(|c| c.last_use_time.is_none()));
}

#[test]
fn show_response_from_the_documented_example_pretty_and_compact() {
    let seed = r#"{"credential": {"last_use_time": "2020-01-08T06:26:08.123059Z",
        "access": "LOSZM4YRVLKOY9E8...", "create_time": "2020-01-08T06:26:08.123059Z",
        "user_id": "07609fb9358010e21f7bc00375....", "description": "", "status": "active"}}"#;
    let compact = r#"{"credential":{"last_use_time":"2020-01-08T06:26:08.123059Z","access":"LOSZM4YRVLKOY9E8...","create_time":"2020-01-08T06:26:08.123059Z","user_id":"07609fb9358010e21f7bc003751...","description":"","status":"active"}}"#;
    for body in [seed, compact] {
        let parsed: CredentialResponse = round_trip(body);
        assert_eq!(
            parsed.credential.last_use_time,
            Some(utc("2020-01-08T06:26:08.123059Z"))
        );
        assert_eq!(
            AccessKey::try_from(whole(parsed.credential))
                .unwrap()
                .last_used,
            None,
            "never used"
        );
    }
}

#[test]
fn show_response_of_a_used_key_with_extra_fields() {
    let body = r#"{"credential":{"user_id":"u1","access":"HPUAEXAMPLEAK0000001","status":"inactive",
      "create_time":"2024-01-01T00:00:00.000000Z","last_use_time":"2024-03-01T08:00:00.500000Z",
      "description":null,"unknown":"ignored"}}"#;
    let parsed: CredentialResponse = serde_json::from_str(body).unwrap();
    let key = AccessKey::try_from(parsed.credential).unwrap();
    assert_eq!(key.status, KeyStatus::Inactive);
    assert_eq!(key.description, "");
    assert_eq!(key.last_used, Some(utc("2024-03-01T08:00:00.5Z")));
}

#[test]
fn update_requests_from_the_vectors() {
    let status_only = r#"{"credential": {"status": "active"}}"#;
    let parsed: UpdateCredentialRequest = round_trip(status_only);
    assert_eq!(parsed, UpdateCredentialRequest::status(KeyStatus::Active));

    let both =
        r#"{"credential": {"status": "inactive", "description": "\u505c\u7528 \u2013 old key"}}"#;
    let parsed: UpdateCredentialRequest = round_trip(both);
    assert_eq!(parsed.credential.status, Some(KeyStatus::Inactive));
    assert_eq!(
        parsed.credential.description.as_deref(),
        Some("停用 – old key")
    );

    assert_eq!(
        json(&UpdateCredentialRequest::description("rotated")),
        serde_json::json!({"credential": {"description": "rotated"}})
    );
}

#[test]
fn update_response() {
    let body = r#"{"credential":{"user_id":"07609fb9358010e21f7bc003751c7c32","access":"ZZZZEXAMPLEAK0000002",
      "status":"inactive","create_time":"2020-01-08T06:26:08.123059Z","description":"停用 – old key"}}"#;
    let parsed: CredentialResponse = round_trip(body);
    assert_eq!(parsed.credential.status, KeyStatus::Inactive);
}

#[test]
fn unknown_status_is_refused() {
    let body = r#"{"credential":{"user_id":"u","access":"A","status":"deleted","create_time":"2020-01-08T06:26:08.123059Z","description":""}}"#;
    assert!(serde_json::from_str::<CredentialResponse>(body).is_err());
}
