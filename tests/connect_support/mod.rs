//! The Connect page mounted with a session, routes that show where the app went, and a scripted
//! `window.fetch` standing in for the proxy (nothing leaves the test page).

#![allow(dead_code)]

use keyturn::app::Route;
use keyturn::components::Header;
use keyturn::pages::ConnectPage;
use keyturn::state::{ConfigSource, LangProvider, SessionProvider, Settings, SettingsProvider};
use serde_json::{Value, json};
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::prelude::*;
use yew_router::history::{AnyHistory, History, MemoryHistory};
use yew_router::prelude::*;

use super::support::settle;

/// The proxy the harness's settings name.
pub const PROXY: &str = "http://127.0.0.1:8787";
/// The IAM endpoint override the harness's settings name.
pub const IAM: &str = "http://127.0.0.1:8780";
/// The account of the scripted answers.
pub const DOMAIN_ID: &str = "d0000000000000000000000000000001";
/// The account name of the scripted answers and the settings.
pub const DOMAIN_NAME: &str = "keyturn-demo";
/// The non-administrator of the scripted answers.
pub const ALICE_ID: &str = "a0000000000000000000000000000001";
/// Alice's access key id.
pub const ALICE_AK: &str = "ALICEDEMOACCESSKEY01";
/// Alice's secret access key.
pub const ALICE_SK: &str = "AliceDemoSecretKey0000000000000000000001";
/// A token the scripted token answer issues.
pub const ISSUED_TOKEN: &str = "MIIissued-token-that-must-not-leak";

#[wasm_bindgen(inline_js = r#"
const real = window.fetch;
export function install_fetch_script(spec_json) {
  const spec = JSON.parse(spec_json);
  window.__keyturnCalls = [];
  window.fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
    window.__keyturnCalls.push({
      method: request.method, url: request.url, mode: request.mode,
      headers: Object.fromEntries(request.headers.entries()), body,
    });
    if (request.mode === 'no-cors') {
      if (spec.proxy_down) throw new TypeError('Failed to fetch');
      return new Response(null, { status: 200 });
    }
    if (spec.proxy_down || spec.cors_refused) throw new TypeError('Failed to fetch');
    const upstream = new URL(request.url.slice(spec.proxy.length + 1));
    const route = spec.routes.find((r) => r.method === request.method && r.path === upstream.pathname);
    const headers = Object.assign(
      { 'content-type': 'application/json', 'x-request-id': 'req-' + window.__keyturnCalls.length },
      spec.date ? { date: spec.date } : {},
      route ? route.headers || {} : {},
    );
    if (!route) {
      return new Response(JSON.stringify({ error_code: 'APIGW.0101', error_msg: 'not found' }), { status: 404, headers });
    }
    return new Response(JSON.stringify(route.body), { status: route.status, headers });
  };
}
export function fetch_calls() { return JSON.stringify(window.__keyturnCalls || []); }
export function restore_fetch() { window.fetch = real; }
"#)]
extern "C" {
    fn install_fetch_script(spec_json: &str);
    fn fetch_calls() -> String;
    /// Puts the browser's own `fetch` back.
    pub fn restore_fetch();
}

/// How the scripted proxy behaves.
pub struct Script {
    /// Nothing answers, not even a `no-cors` request.
    pub proxy_down: bool,
    /// `no-cors` requests are answered; every other request fails as a CORS refusal does.
    pub cors_refused: bool,
    /// The `Date` header of every answer.
    pub date: Option<String>,
    /// `(method, upstream path, status, body, extra headers)`.
    pub routes: Vec<(&'static str, String, u16, Value, Value)>,
}

impl Script {
    /// A proxy in front of an IAM that knows nothing yet.
    pub fn new() -> Self {
        Self {
            proxy_down: false,
            cors_refused: false,
            date: None,
            routes: Vec::new(),
        }
    }

    /// The same script answering `method path` with `status` and `body`.
    pub fn route(mut self, method: &'static str, path: &str, status: u16, body: Value) -> Self {
        self.routes
            .push((method, path.to_owned(), status, body, json!({})));
        self
    }

    /// The same script answering `method path` with extra response headers.
    pub fn route_with_headers(
        mut self,
        method: &'static str,
        path: &str,
        status: u16,
        body: Value,
        headers: Value,
    ) -> Self {
        self.routes
            .push((method, path.to_owned(), status, body, headers));
        self
    }

    /// The answers IAM gives alice: her account, her key, herself, and 403 on the user list.
    pub fn alice() -> Self {
        Self::new()
            .route("GET", "/v3/auth/domains", 200, domains())
            .route(
                "GET",
                &format!("/v3.0/OS-CREDENTIAL/credentials/{ALICE_AK}"),
                200,
                json!({"credential": {
                    "user_id": ALICE_ID, "access": ALICE_AK, "status": "active",
                    "create_time": "2026-11-18T10:00:00.000000Z",
                    "last_use_time": "2026-11-23T05:00:00.000000Z", "description": ""
                }}),
            )
            .route(
                "GET",
                &format!("/v3.0/OS-USER/users/{ALICE_ID}"),
                200,
                json!({"user": {"id": ALICE_ID, "name": "alice", "domain_id": DOMAIN_ID,
                    "enabled": true, "is_domain_owner": false}}),
            )
            .route(
                "GET",
                "/v3/users",
                403,
                json!({"error": {"code": 403, "title": "Forbidden",
                    "message": "You are not authorized to perform the requested action: identity:list_users."}}),
            )
    }

    /// Puts the script in force as `window.fetch`.
    pub fn install(self) {
        let routes: Vec<Value> = self
            .routes
            .into_iter()
            .map(|(method, path, status, body, headers)| {
                json!({"method": method, "path": path, "status": status, "body": body, "headers": headers})
            })
            .collect();
        let spec = json!({
            "proxy": PROXY, "proxy_down": self.proxy_down, "cors_refused": self.cors_refused,
            "date": self.date, "routes": routes,
        });
        install_fetch_script(&spec.to_string());
    }
}

/// `GET /v3/auth/domains` of the scripted account.
pub fn domains() -> Value {
    json!({"domains": [{"id": DOMAIN_ID, "name": DOMAIN_NAME, "enabled": true}]})
}

/// A recorded request.
#[derive(Debug)]
pub struct Call {
    /// HTTP method.
    pub method: String,
    /// The full URL, through the proxy.
    pub url: String,
    /// `cors` or `no-cors`.
    pub mode: String,
    /// Request headers, lower-case names.
    pub headers: serde_json::Map<String, Value>,
    /// Body text.
    pub body: String,
}

impl Call {
    /// The value of header `name` (lower-case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(Value::as_str)
    }
}

/// Every request made since the script was installed.
pub fn calls() -> Vec<Call> {
    let recorded: Vec<Value> = serde_json::from_str(&fetch_calls()).unwrap();
    recorded
        .into_iter()
        .map(|call| Call {
            method: call["method"].as_str().unwrap().to_owned(),
            url: call["url"].as_str().unwrap().to_owned(),
            mode: call["mode"].as_str().unwrap().to_owned(),
            headers: call["headers"].as_object().unwrap().clone(),
            body: call["body"].as_str().unwrap().to_owned(),
        })
        .collect()
}

/// The settings the harness starts from.
pub fn settings() -> Settings {
    Settings {
        proxy_url: PROXY.into(),
        iam_endpoint: Some(IAM.into()),
        account_name: Some(DOMAIN_NAME.into()),
        ..Settings::default()
    }
}

/// Where the app is, as the harness shows it for every route but Connect.
fn route_marker(route: Route) -> Html {
    match route {
        Route::Connect => html! { <ConnectPage /> },
        other => html! { <p data-testid="route">{ format!("{other:?}") }</p> },
    }
}

/// Props of [`ConnectHarness`].
#[derive(Properties, PartialEq)]
pub struct ConnectHarnessProps {
    /// The history the router reads.
    pub history: AnyHistory,
}

/// Router, language, settings and session providers, the header, then the routes.
#[component]
pub fn ConnectHarness(props: &ConnectHarnessProps) -> Html {
    html! {
        <Router history={props.history.clone()}>
            <LangProvider>
                <SettingsProvider source={ConfigSource::Fixed(Ok(settings()))}>
                    <SessionProvider>
                        <Header />
                        <main><Switch<Route> render={route_marker} /></main>
                    </SessionProvider>
                </SettingsProvider>
            </LangProvider>
        </Router>
    }
}

/// Mounts the harness at `/connect` in a fresh div; returns the div and the history.
pub async fn mount_connect() -> (Element, AnyHistory) {
    let history = AnyHistory::from(MemoryHistory::new());
    history.push("/connect");
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<ConnectHarness>::with_root_and_props(
        root.clone(),
        ConnectHarnessProps {
            history: history.clone(),
        },
    )
    .render();
    settle().await;
    (root, history)
}

/// Waits until `check` holds, for at most about eight seconds (the transport retries requests
/// without an answer with backoff).
pub async fn wait_until(what: &str, check: impl Fn() -> bool) {
    for _ in 0..160 {
        if check() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(50).await;
    }
    panic!("{what} never happened");
}
