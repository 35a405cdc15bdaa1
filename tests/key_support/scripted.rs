//! A scripted `window.fetch` standing in for the proxy and IAM, and the signed-in page around
//! the component under test. Nothing leaves the test page.

use std::rc::Rc;

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use keyturn::api::Auth;
use keyturn::state::{
    ConfigSource, LangProvider, Session, SessionProvider, Settings, SettingsProvider,
    use_session_handle,
};
use serde::Deserialize;
use serde_json::{Value, json};
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::prelude::*;
use yew_router::Router;
use yew_router::history::{AnyHistory, History, MemoryHistory};

use crate::support::settle;

/// The proxy of the harness's settings.
pub const PROXY: &str = "http://127.0.0.1:8787";
/// The IAM endpoint of the harness's session.
pub const IAM: &str = "http://127.0.0.1:8780";
/// The path of the access key collection.
pub const CREDENTIALS: &str = "/v3.0/OS-CREDENTIAL/credentials";

#[wasm_bindgen(inline_js = r#"
const real = window.fetch;
export function install_key_script(spec_json) {
  const spec = JSON.parse(spec_json);
  const used = spec.routes.map(() => 0);
  window.__keyCalls = [];
  window.fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const body = request.method === 'GET' ? '' : await request.clone().text();
    const upstream = new URL(request.url.slice(spec.proxy.length + 1));
    const target = upstream.pathname + upstream.search;
    const call = { method: request.method, path: target, body, signal: request.signal };
    window.__keyCalls.push(call);
    const index = spec.routes.findIndex((r) => r.method === request.method
      && r.path === (r.path.includes('?') ? target : upstream.pathname));
    const headers = { 'content-type': 'application/json', 'x-request-id': 'req-' + window.__keyCalls.length };
    if (index < 0) {
      return new Response(JSON.stringify({ error_code: 'APIGW.0101', error_msg: 'no route ' + target }), { status: 404, headers });
    }
    const route = spec.routes[index];
    const answer = route.answers[Math.min(used[index]++, route.answers.length - 1)];
    if (answer.hang) {
      return new Promise((_, reject) => request.signal.addEventListener('abort',
        () => reject(new DOMException('The user aborted a request.', 'AbortError'))));
    }
    return new Response(answer.status === 204 ? null : JSON.stringify(answer.body), { status: answer.status, headers });
  };
}
export function key_calls() {
  return JSON.stringify((window.__keyCalls || []).map((c) => ({
    method: c.method, path: c.path, body: c.body, aborted: c.signal.aborted })));
}
export function restore_key_fetch() { window.fetch = real; }
"#)]
extern "C" {
    fn install_key_script(spec_json: &str);
    fn key_calls() -> String;
    /// Puts the browser's own `fetch` back.
    pub fn restore_key_fetch();
}

/// Answers per method and path (a path with `?` must match with its query), in order; the last
/// answer repeats.
#[derive(Default)]
pub struct Script {
    routes: Vec<Value>,
}

impl Script {
    /// A script without routes: every request gets a 404.
    pub fn new() -> Self {
        Self::default()
    }

    /// Answers `method path` with each of `answers` in turn: `(status, body)`.
    pub fn route(mut self, method: &str, path: &str, answers: &[(u16, Value)]) -> Self {
        let answers: Vec<Value> = answers
            .iter()
            .map(|(status, body)| json!({ "status": status, "body": body }))
            .collect();
        self.routes
            .push(json!({ "method": method, "path": path, "answers": answers }));
        self
    }

    /// Never answers `method path`; the request only ends when aborted.
    pub fn hang(mut self, method: &str, path: &str) -> Self {
        self.routes.push(
            json!({ "method": method, "path": path, "answers": [{ "status": 0, "hang": true }] }),
        );
        self
    }

    /// This script's routes, then `other`'s (the first matching route answers).
    pub fn append(mut self, other: Script) -> Self {
        self.routes.extend(other.routes);
        self
    }

    /// Replaces `window.fetch` with this script.
    pub fn install(self) {
        install_key_script(&json!({ "proxy": PROXY, "routes": self.routes }).to_string());
    }
}

/// One request the page sent.
#[derive(Debug, Deserialize)]
pub struct Call {
    /// HTTP method.
    pub method: String,
    /// Upstream path and query.
    pub path: String,
    /// Body text.
    pub body: String,
    /// Whether its abort signal fired.
    pub aborted: bool,
}

/// Every request sent since the script was installed.
pub fn calls() -> Vec<Call> {
    serde_json::from_str(&key_calls()).unwrap()
}

/// How many requests went to `method path` (path with query).
pub fn count(method: &str, path: &str) -> usize {
    calls()
        .iter()
        .filter(|c| c.method == method && c.path == path)
        .count()
}

/// A time `days` days before now, as IAM writes it.
pub fn days_ago(days: i64) -> String {
    iam_time(Utc::now() - Duration::days(days))
}

fn iam_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// A user as `GET /v3/users` lists it.
pub fn user_json(id: &str, name: &str) -> Value {
    json!({ "id": id, "name": name, "domain_id": "d1", "enabled": true })
}

/// `GET /v3/users` answer.
pub fn users(list: &[(&str, &str)]) -> Value {
    json!({ "users": list.iter().map(|(id, name)| user_json(id, name)).collect::<Vec<_>>() })
}

/// A key as list and update answers carry it (no last use).
pub fn credential(user_id: &str, access: &str, status: &str, age_days: i64) -> Value {
    json!({ "user_id": user_id, "access": access, "status": status,
            "create_time": days_ago(age_days), "description": format!("{access} description") })
}

/// `GET credentials` answer.
pub fn listed(keys: &[Value]) -> Value {
    json!({ "credentials": keys })
}

/// `GET credentials/{ak}` answer: the key with its last use (`None`: never used).
pub fn shown(key: &Value, used_days_ago: Option<i64>) -> Value {
    let mut key = key.clone();
    key["last_use_time"] = match used_days_ago {
        Some(days) => days_ago(days).into(),
        None => key["create_time"].clone(),
    };
    json!({ "credential": key })
}

/// An IAM (Keystone style) error body.
pub fn iam_error(code: u16, message: &str) -> Value {
    json!({ "error": { "code": code, "message": message, "title": "Error" } })
}

/// The signed-in administrator's session (token auth: nothing to sign).
pub fn session(user_id: &str, user_name: &str) -> Session {
    Session {
        auth: Auth::Token("test-token-never-shown".into()),
        iam_endpoint: IAM.into(),
        domain_id: "d1".into(),
        domain_name: Some("keyturn-demo".into()),
        user_id: user_id.into(),
        user_name: user_name.into(),
    }
}

/// Props of [`SignedIn`].
#[derive(Properties, PartialEq)]
pub struct SignedInProps {
    /// Who is signed in.
    pub session: Session,
    /// The page.
    pub children: Html,
}

/// Signs `session` in on mount; a "Leave page" button takes the children away, as navigating
/// elsewhere would.
#[component]
pub fn SignedIn(props: &SignedInProps) -> Html {
    let sessions = use_session_handle();
    let shown = use_state(|| true);
    {
        let session = props.session.clone();
        use_effect_with((), move |()| sessions.sign_in(session));
    }
    let leave = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(false))
    };
    html! {
        <>
            <button type="button" onclick={leave}>{ "Leave page" }</button>
            if *shown { { props.children.clone() } }
        </>
    }
}

/// Props of [`ConsoleHarness`].
#[derive(Properties, PartialEq)]
pub struct ConsoleHarnessProps {
    /// The router's history.
    pub history: AnyHistory,
    /// Who is signed in.
    pub session: Rc<Session>,
    /// The page under test.
    pub children: Html,
}

/// Router, language, settings naming [`PROXY`] and [`IAM`], and a signed-in session.
#[component]
pub fn ConsoleHarness(props: &ConsoleHarnessProps) -> Html {
    let settings = Settings {
        proxy_url: PROXY.into(),
        iam_endpoint: Some(IAM.into()),
        ..Settings::default()
    };
    html! {
        <Router history={props.history.clone()}>
            <LangProvider>
                <SettingsProvider source={ConfigSource::Fixed(Ok(settings))}>
                    <SessionProvider>
                        <main id="main" tabindex="-1">
                            <SignedIn session={(*props.session).clone()}>
                                { props.children.clone() }
                            </SignedIn>
                        </main>
                    </SessionProvider>
                </SettingsProvider>
            </LangProvider>
        </Router>
    }
}

/// Installs `script`, then renders `children` signed in as `session` at `/credentials`.
pub async fn mount_signed_in(script: Script, session: Session, children: Html) -> Element {
    script.install();
    let history = AnyHistory::from(MemoryHistory::new());
    history.replace("/credentials");
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<ConsoleHarness>::with_root_and_props(
        root.clone(),
        ConsoleHarnessProps {
            history,
            session: Rc::new(session),
            children,
        },
    )
    .render();
    settle().await;
    root
}

/// Waits until `check` holds, for at most about five seconds.
pub async fn wait_until(what: &str, check: impl Fn() -> bool) {
    for _ in 0..100 {
        if check() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(50).await;
        settle().await;
    }
    panic!("timed out waiting until {what}");
}
