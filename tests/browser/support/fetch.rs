//! A scripted `window.fetch`: the proxy, IAM and the web server as the test says they answer.
//! Nothing leaves the test page while a script is installed.

use serde_json::{Map, Value, json};
use wasm_bindgen::prelude::*;

use super::iam::PROXY;

#[wasm_bindgen(inline_js = r#"
const real = window.fetch;
export function install_script(spec_json) {
  const spec = JSON.parse(spec_json);
  const used = spec.routes.map(() => 0);
  window.__keyturnCalls = [];
  window.fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    if (!/^https?:/.test(request.url)) return real.call(window, request);
    const body = request.method === 'GET' || request.method === 'HEAD'
      ? '' : await request.clone().text();
    const call = {
      method: request.method, url: request.url, path: '', mode: request.mode,
      headers: Object.fromEntries(request.headers.entries()), body, signal: request.signal,
    };
    window.__keyturnCalls.push(call);
    if (request.mode === 'no-cors') {
      if (spec.proxy_down) throw new TypeError('Failed to fetch');
      return new Response(null, { status: 200 });
    }
    if (spec.proxy_down || spec.cors_refused) throw new TypeError('Failed to fetch');
    const proxied = request.url.startsWith(spec.proxy + '/');
    const target = new URL(proxied ? request.url.slice(spec.proxy.length + 1) : request.url);
    call.path = target.pathname + target.search;
    const index = spec.routes.findIndex((r) => r.method === request.method
      && r.path === (r.path.includes('?') ? call.path : target.pathname));
    const headers = Object.assign(
      { 'content-type': 'application/json', 'x-request-id': 'req-' + window.__keyturnCalls.length },
      spec.date ? { date: spec.date } : {});
    if (index < 0) {
      return new Response(JSON.stringify({ error_code: 'APIGW.0101', error_msg: 'no route ' + call.path }),
        { status: 404, headers });
    }
    const answers = spec.routes[index].answers;
    const answer = answers[Math.min(used[index]++, answers.length - 1)];
    if (answer.hang) {
      return new Promise((_, reject) => {
        const abort = () => reject(new DOMException('The user aborted a request.', 'AbortError'));
        if (request.signal.aborted) abort(); else request.signal.addEventListener('abort', abort);
      });
    }
    if (answer.no_answer) throw new TypeError('Failed to fetch');
    Object.assign(headers, answer.headers);
    const text = answer.text !== undefined ? answer.text : JSON.stringify(answer.body);
    return new Response(answer.status === 204 ? null : text, { status: answer.status, headers });
  };
}
export function recorded_calls() {
  return JSON.stringify((window.__keyturnCalls || []).map((c) => Object.assign({}, c,
    { signal: undefined, aborted: c.signal.aborted })));
}
export function restore_fetch() { window.fetch = real; }
"#)]
extern "C" {
    fn install_script(spec_json: &str);
    fn recorded_calls() -> String;
    /// Puts the browser's own `fetch` back.
    pub fn restore_fetch();
}

/// One answer of a scripted route.
#[derive(Clone, Debug)]
pub struct Answer(Value);

impl Answer {
    /// `status` with the JSON `body` (none for 204).
    pub fn json(status: u16, body: Value) -> Self {
        Self(json!({ "status": status, "body": body, "headers": {} }))
    }

    /// `status` with `text` as the body, as it is.
    pub fn text(status: u16, text: &str) -> Self {
        Self(json!({ "status": status, "text": text, "headers": {} }))
    }

    /// No answer until the request is aborted.
    pub fn hang() -> Self {
        Self(json!({ "hang": true }))
    }

    /// The connection fails, as when the proxy goes away mid-request.
    pub fn no_answer() -> Self {
        Self(json!({ "no_answer": true }))
    }

    /// The same answer with the response header `name: value`.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.0["headers"][name] = value.into();
        self
    }
}

/// How the scripted proxy answers: routes by method and upstream path (a route path with `?`
/// must match the query too), each answering its answers in turn, the last one repeating.
/// Requests to other URLs than the proxy are matched on their own path (e.g. `/config.json`).
/// A request no route takes gets a 404.
#[derive(Clone, Debug, Default)]
pub struct Script {
    routes: Vec<Value>,
    date: Option<String>,
    proxy_down: bool,
    cors_refused: bool,
}

impl Script {
    /// A proxy in front of an IAM that knows nothing: every request gets a 404.
    pub fn new() -> Self {
        Self::default()
    }

    /// Answers `method path` with `answers`, one per request, the last repeating.
    pub fn on(
        mut self,
        method: &str,
        path: &str,
        answers: impl IntoIterator<Item = Answer>,
    ) -> Self {
        let answers: Vec<Value> = answers.into_iter().map(|answer| answer.0).collect();
        self.routes
            .push(json!({ "method": method, "path": path, "answers": answers }));
        self
    }

    /// Answers `method path` with `status` and the JSON `body`, every time.
    pub fn reply(self, method: &str, path: &str, status: u16, body: Value) -> Self {
        self.on(method, path, [Answer::json(status, body)])
    }

    /// Every answer carries `Date: http_date` (the server's clock).
    pub fn date(mut self, http_date: &str) -> Self {
        self.date = Some(http_date.to_owned());
        self
    }

    /// Nothing answers, not even a `no-cors` request.
    pub fn proxy_down(mut self) -> Self {
        self.proxy_down = true;
        self
    }

    /// `no-cors` requests are answered; every other request fails as a CORS refusal does.
    pub fn cors_refused(mut self) -> Self {
        self.cors_refused = true;
        self
    }

    /// This script's routes, then `other`'s (the first matching route answers).
    pub fn then(mut self, other: Script) -> Self {
        self.routes.extend(other.routes);
        self.date = self.date.or(other.date);
        self
    }

    /// Puts the script in force as `window.fetch`, with no call recorded yet.
    pub fn install(self) {
        let spec = json!({
            "proxy": PROXY, "routes": self.routes, "date": self.date,
            "proxy_down": self.proxy_down, "cors_refused": self.cors_refused,
        });
        install_script(&spec.to_string());
    }
}

/// One request the page sent.
#[derive(Debug)]
pub struct Call {
    /// HTTP method.
    pub method: String,
    /// The full URL (through the proxy).
    pub url: String,
    /// Upstream path and query; empty for a `no-cors` probe or a refused request.
    pub path: String,
    /// `cors` or `no-cors`.
    pub mode: String,
    /// Request headers, lower-case names.
    pub headers: Map<String, Value>,
    /// Body text.
    pub body: String,
    /// Whether its abort signal has fired.
    pub aborted: bool,
}

impl Call {
    /// The value of header `name` (lower-case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(Value::as_str)
    }

    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("not JSON: {}", self.body))
    }
}

/// Every request sent since the script was installed.
pub fn calls() -> Vec<Call> {
    let recorded: Vec<Value> = serde_json::from_str(&recorded_calls()).unwrap();
    let field = |call: &Value, name: &str| call[name].as_str().unwrap_or_default().to_owned();
    recorded
        .iter()
        .map(|call| Call {
            method: field(call, "method"),
            url: field(call, "url"),
            path: field(call, "path"),
            mode: field(call, "mode"),
            headers: call["headers"].as_object().cloned().unwrap_or_default(),
            body: field(call, "body"),
            aborted: call["aborted"].as_bool().unwrap_or_default(),
        })
        .collect()
}

/// How many requests went to `method path` (path with its query).
pub fn count(method: &str, path: &str) -> usize {
    calls()
        .iter()
        .filter(|call| call.method == method && call.path == path)
        .count()
}

/// The only request sent to `method path`; panics unless there is exactly one.
pub fn only_call(method: &str, path: &str) -> Call {
    let mut sent: Vec<Call> = calls()
        .into_iter()
        .filter(|call| call.method == method && call.path == path)
        .collect();
    assert_eq!(sent.len(), 1, "requests to {method} {path}");
    sent.remove(0)
}
