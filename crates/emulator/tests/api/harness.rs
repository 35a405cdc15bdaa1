//! Starting an emulator in-process and talking to it like the official SDK does.

use chrono::{DateTime, Utc};
use keyturn_core::signer::{self, SignableRequest};
use keyturn_emulator::control;
use keyturn_emulator::state::HOME_REGION;
use keyturn_emulator::{Options, Running, Startup, spawn};
use reqwest::{Method, Response};
use serde_json::{Value, json};

/// User-Agent the official Python SDK sends (and signs).
pub const SDK_USER_AGENT: &str = "huaweicloud-usdk-python/3.0";

/// A running emulator and an HTTP client.
pub struct Emu {
    pub base: String,
    /// `127.0.0.1:PORT`: the Host header clients send and sign.
    pub host: String,
    pub startup: Startup,
    pub http: reqwest::Client,
    _running: Running,
}

/// Which header names the account or project of a signed request.
#[derive(Clone, Copy)]
pub enum SignedFor {
    /// IAM: `X-Domain-Id`.
    Iam,
    /// IAM discovery: neither header.
    Discovery,
    /// KMS: `X-Project-Id`.
    Kms,
}

/// A request to sign and send.
pub struct Signed<'a> {
    pub method: Method,
    pub path: &'a str,
    pub query: &'a [(&'a str, &'a str)],
    /// Further headers, signed with the others (as the SDK signs e.g. `X-Subject-Token`).
    pub headers: &'a [(&'a str, &'a str)],
    pub body: Option<Value>,
    pub ak: &'a str,
    pub sk: &'a str,
    pub service: SignedFor,
    pub date: DateTime<Utc>,
}

impl<'a> Signed<'a> {
    /// A request signed now with the given key.
    pub fn new(
        method: Method,
        path: &'a str,
        ak: &'a str,
        sk: &'a str,
        service: SignedFor,
    ) -> Self {
        Self {
            method,
            path,
            query: &[],
            headers: &[],
            body: None,
            ak,
            sk,
            service,
            date: Utc::now(),
        }
    }

    pub fn body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    pub fn query(mut self, query: &'a [(&'a str, &'a str)]) -> Self {
        self.query = query;
        self
    }

    pub fn headers(mut self, headers: &'a [(&'a str, &'a str)]) -> Self {
        self.headers = headers;
        self
    }

    pub fn date(mut self, date: DateTime<Utc>) -> Self {
        self.date = date;
        self
    }
}

/// A prepared signed request, whose parts a test may alter before sending.
pub struct Prepared {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// Starts an emulator with the demo account.
pub async fn start() -> Emu {
    start_with(Options::default()).await
}

/// Starts an emulator with these options.
pub async fn start_with(options: Options) -> Emu {
    let running = spawn("127.0.0.1:0".parse().unwrap(), options)
        .await
        .expect("the emulator starts");
    let startup = running.startup.clone();
    let base = startup.endpoint.clone();
    Emu {
        host: base.trim_start_matches("http://").to_owned(),
        base,
        startup,
        http: reqwest::Client::new(),
        _running: running,
    }
}

impl Emu {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn admin_ak(&self) -> &str {
        &self.startup.admin.ak
    }

    pub fn admin_sk(&self) -> &str {
        &self.startup.admin.sk
    }

    /// `POST /v3/auth/tokens` with a password; `scope` is the JSON of `auth.scope`.
    pub async fn token_response(&self, user: &str, password: &str, scope: Value) -> Response {
        let body = json!({
            "auth": {
                "identity": {
                    "methods": ["password"],
                    "password": { "user": {
                        "name": user,
                        "password": password,
                        "domain": { "name": self.startup.domain_name },
                    }},
                },
                "scope": scope,
            }
        });
        self.http
            .post(self.url("/v3/auth/tokens"))
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// A token for `user` with this `auth.scope`, and the body of the 201 answer.
    pub async fn issue_token(&self, user: &str, password: &str, scope: Value) -> (String, Value) {
        subject_token_and_body(self.token_response(user, password, scope).await, 201).await
    }

    /// A token for `user`, scoped to the domain or to the home project.
    pub async fn token(&self, user: &str, password: &str, project_scope: bool) -> String {
        let scope = if project_scope {
            json!({ "project": { "name": HOME_REGION } })
        } else {
            json!({ "domain": { "name": self.startup.domain_name } })
        };
        self.issue_token(user, password, scope).await.0
    }

    /// A domain-scoped token of the administrator.
    pub async fn admin_token(&self) -> String {
        self.token(
            &self.startup.admin.name,
            &self.startup.admin.password,
            false,
        )
        .await
    }

    /// A token of the administrator scoped to the home project.
    pub async fn admin_project_token(&self) -> String {
        self.token(&self.startup.admin.name, &self.startup.admin.password, true)
            .await
    }

    /// An IAM or KMS call with `X-Auth-Token`.
    pub async fn with_token(
        &self,
        method: Method,
        path: &str,
        token: &str,
        body: Option<Value>,
    ) -> Response {
        let mut request = self
            .http
            .request(method, self.url(path))
            .header("X-Auth-Token", token)
            .header("Content-Type", "application/json;charset=utf8");
        if let Some(body) = body {
            request = request.body(serde_json::to_vec(&body).unwrap());
        }
        request.send().await.unwrap()
    }

    /// `POST /v1.0/{home project}/kms/{op}` with a token.
    pub async fn kms(&self, token: &str, op: &str, body: Value) -> Response {
        let path = format!("/v1.0/{}/kms/{op}", self.startup.project_id);
        self.with_token(Method::POST, &path, token, Some(body))
            .await
    }

    /// Signs a request with the headers the official Python client signs:
    /// content-type, host, user-agent, x-domain-id or x-project-id, x-sdk-date.
    pub fn prepare(&self, request: Signed<'_>) -> Prepared {
        let body = request
            .body
            .as_ref()
            .map(|b| serde_json::to_vec(b).unwrap())
            .unwrap_or_default();
        let content_type = if request.body.is_some() {
            "application/json;charset=utf-8"
        } else {
            "application/json"
        };
        let date = signer::format_sdk_date(request.date);
        let mut headers = vec![
            ("Content-Type".to_owned(), content_type.to_owned()),
            ("Host".to_owned(), self.host.clone()),
            ("User-Agent".to_owned(), SDK_USER_AGENT.to_owned()),
            ("X-Sdk-Date".to_owned(), date),
        ];
        match request.service {
            SignedFor::Iam => headers.push(("X-Domain-Id".into(), self.startup.domain_id.clone())),
            SignedFor::Kms => {
                headers.push(("X-Project-Id".into(), self.startup.project_id.clone()))
            }
            SignedFor::Discovery => {}
        }
        headers.extend(
            request
                .headers
                .iter()
                .map(|(name, value)| ((*name).to_owned(), (*value).to_owned())),
        );
        let query = signer::canonical_query(request.query);
        let pairs: Vec<(&str, &str)> = headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let signed = signer::sign(
            &SignableRequest {
                method: request.method.as_str(),
                path: request.path,
                query: &query,
                headers: &pairs,
                body: &body,
            },
            request.ak,
            request.sk,
        )
        .expect("signing works");
        headers.push(("Authorization".to_owned(), signed.authorization));
        let url = if query.is_empty() {
            self.url(request.path)
        } else {
            format!("{}?{query}", self.url(request.path))
        };
        Prepared {
            method: request.method,
            url,
            headers,
            body,
        }
    }

    /// Sends a prepared request (reqwest sets Host from the URL, equal to the signed one).
    pub async fn send(&self, prepared: Prepared) -> Result<Response, reqwest::Error> {
        let mut request = self.http.request(prepared.method, prepared.url);
        for (name, value) in &prepared.headers {
            if !name.eq_ignore_ascii_case("host") {
                request = request.header(name, value);
            }
        }
        if !prepared.body.is_empty() {
            request = request.body(prepared.body);
        }
        request.send().await
    }

    /// Signs and sends.
    pub async fn signed(&self, request: Signed<'_>) -> Response {
        self.send(self.prepare(request)).await.expect("an answer")
    }

    /// An IAM call signed with the administrator's key.
    pub async fn admin_iam(&self, method: Method, path: &str, body: Option<Value>) -> Response {
        let mut request = Signed::new(
            method,
            path,
            self.admin_ak(),
            self.admin_sk(),
            SignedFor::Iam,
        );
        request.body = body;
        self.signed(request).await
    }

    /// A KMS operation signed with the administrator's key.
    pub async fn admin_kms(&self, op: &str, body: Value) -> Response {
        self.admin_kms_in(&self.startup.project_id, op, body).await
    }

    /// A KMS operation on `project_id`'s path, signed with the administrator's key (and the
    /// home project's `X-Project-Id`).
    pub async fn admin_kms_in(&self, project_id: &str, op: &str, body: Value) -> Response {
        let path = format!("/v1.0/{project_id}/kms/{op}");
        self.signed(
            Signed::new(
                Method::POST,
                &path,
                self.admin_ak(),
                self.admin_sk(),
                SignedFor::Kms,
            )
            .body(body),
        )
        .await
    }

    /// `GET /__emulator/{route}` with the control header.
    pub async fn control(&self, route: &str) -> Response {
        self.control_call(Method::GET, route).await
    }

    /// `POST /__emulator/{route}` with the control header.
    pub async fn control_post(&self, route: &str) -> Response {
        self.control_call(Method::POST, route).await
    }

    async fn control_call(&self, method: Method, route: &str) -> Response {
        self.http
            .request(method, self.url(&format!("/__emulator/{route}")))
            .header(control::HEADER, "1")
            .send()
            .await
            .unwrap()
    }

    /// `GET /__emulator/state`.
    pub async fn state(&self) -> Value {
        self.control("state").await.json().await.unwrap()
    }

    /// The entry of `GET /__emulator/state` list `list` whose `field` is `value`.
    async fn state_entry(&self, list: &str, field: &str, value: &str) -> Value {
        let state = self.state().await;
        state[list]
            .as_array()
            .unwrap()
            .iter()
            .find(|entry| entry[field] == value)
            .unwrap_or_else(|| panic!("no {list} entry with {field} {value}"))
            .clone()
    }

    /// The id of the user with this name.
    pub async fn user_id(&self, name: &str) -> String {
        let user = self.state_entry("users", "name", name).await;
        user["id"].as_str().unwrap().to_owned()
    }

    /// The id of the demo user with this role (`seed::demo::user_role`).
    pub async fn user_id_with_role(&self, role: &str) -> String {
        let user = self.state_entry("users", "role", role).await;
        user["id"].as_str().unwrap().to_owned()
    }

    /// The `KeyDetails` of the demo KMS key with this role (`seed::demo::kms_role`).
    pub async fn kms_key(&self, role: &str) -> Value {
        self.state_entry("kms_keys", "role", role).await["details"].clone()
    }

    /// The id of the demo KMS key with this role (`seed::demo::kms_role`).
    pub async fn kms_key_id(&self, role: &str) -> String {
        self.kms_key(role).await["key_id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// Creates an access key for `user_id` as the administrator; returns (AK, SK).
    pub async fn create_key_for(&self, user_id: &str) -> (String, String) {
        let response = self
            .admin_iam(
                Method::POST,
                "/v3.0/OS-CREDENTIAL/credentials",
                Some(json!({ "credential": { "user_id": user_id, "description": "test" } })),
            )
            .await;
        assert_eq!(response.status(), 201);
        let body: Value = response.json().await.unwrap();
        (
            body["credential"]["access"].as_str().unwrap().to_owned(),
            body["credential"]["secret"].as_str().unwrap().to_owned(),
        )
    }
}

/// Status, `X-Request-Id` and JSON body of an answer.
pub async fn parts(response: Response) -> (u16, String, Value) {
    let status = response.status().as_u16();
    let request_id = response
        .headers()
        .get("x-request-id")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let text = response.text().await.unwrap();
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"))
    };
    (status, request_id, body)
}

/// The `X-Subject-Token` header and JSON body of an answer, after checking its status.
pub async fn subject_token_and_body(response: Response, status: u16) -> (String, Value) {
    let token = response
        .headers()
        .get("x-subject-token")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let (got, _, body) = parts(response).await;
    assert_eq!(got, status, "{body}");
    (token, body)
}

/// Asserts a KMS error envelope with this code (HTTP 400 unless given).
pub async fn assert_kms_error(response: Response, status: u16, code: &str) {
    let (got, _, body) = parts(response).await;
    assert_eq!(got, status, "{body}");
    assert_eq!(body["error"]["error_code"], code, "{body}");
    assert!(
        body["error"]["error_msg"]
            .as_str()
            .is_some_and(|m| !m.is_empty())
    );
}

/// Asserts the gateway's 401 `APIGW.0301` body, whose request id matches the header.
pub async fn assert_apigw_0301(response: Response) {
    let (status, request_id, body) = parts(response).await;
    assert_eq!(status, 401, "{body}");
    assert_eq!(body["error_code"], "APIGW.0301", "{body}");
    assert!(
        body["error_msg"]
            .as_str()
            .unwrap()
            .starts_with("Incorrect IAM authentication information"),
        "{body}"
    );
    assert_eq!(body["request_id"], request_id.as_str());
    assert_eq!(request_id.len(), 32);
}

/// Asserts the gateway's clock-skew answer: 401 `APIGW.0303`.
pub async fn assert_apigw_0303(response: Response) {
    let (status, request_id, body) = parts(response).await;
    assert_eq!(status, 401, "{body}");
    assert_eq!(body["error_code"], "APIGW.0303", "{body}");
    assert_eq!(body["request_id"], request_id.as_str());
}

/// Asserts a Keystone-style IAM error with this status.
pub async fn assert_keystone_error(response: Response, status: u16) -> String {
    let (got, _, body) = parts(response).await;
    assert_eq!(got, status, "{body}");
    assert_eq!(body["error"]["code"], status, "{body}");
    assert!(body["error"]["title"].is_string());
    assert!(body["error"]["error_code"].is_null() && body["error"]["error_msg"].is_null());
    body["error"]["message"].as_str().unwrap().to_owned()
}
