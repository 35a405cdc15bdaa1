//! The scripted upstream: a local server that records every connection and request and answers
//! according to the path.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::serve::ListenerExt;
use keyturn_core::signer::{self, Authorization, SignableRequest};
use tokio::net::TcpListener;
use tokio::sync::Notify;

/// The secret key the upstream verifies signatures with.
pub const SK: &str = "test-secret-key-0123456789";
/// The access key id used with [`SK`].
pub const AK: &str = "TESTAK0123456789";
/// The `Date` the upstream answers with.
pub const UPSTREAM_DATE: &str = "Fri, 15 Nov 2019 03:36:55 GMT";
/// The token the upstream issues in `X-Subject-Token`.
pub const SUBJECT_TOKEN: &str = "MIIsubject-token-issued-by-upstream";

/// Headers an upstream (or anything between it and the proxy) could send to plant state on the
/// app's origin, or to widen what the browser lets pages read.
pub const HOSTILE_HEADERS: [(&str, &str); 13] = [
    ("set-cookie", "session=planted; Path=/"),
    ("set-cookie2", "session=planted"),
    ("clear-site-data", "\"*\""),
    ("alt-svc", "h3=\"evil.example:443\""),
    (
        "strict-transport-security",
        "max-age=31536000; includeSubDomains",
    ),
    ("cache-control", "public, max-age=86400"),
    ("access-control-allow-origin", "*"),
    ("access-control-allow-credentials", "true"),
    ("access-control-expose-headers", "*"),
    ("location", "https://evil.example/"),
    ("refresh", "0; url=https://evil.example/"),
    (
        "link",
        "<https://evil.example/x.js>; rel=preload; as=script",
    ),
    ("x-upstream-internal", "10.0.0.7"),
];

/// One request as the upstream received it.
#[derive(Clone, Debug)]
pub struct Received {
    /// Method.
    pub method: String,
    /// Request target (path and query) exactly as received.
    pub target: String,
    /// Headers.
    pub headers: HeaderMap,
    /// Body bytes.
    pub body: Bytes,
}

#[derive(Clone, Default)]
struct Shared {
    connections: Arc<AtomicUsize>,
    received: Arc<Mutex<Vec<Received>>>,
    release: Arc<Notify>,
}

/// A local upstream that records every connection and request. Its answer depends on the path:
/// `/slow` answers after 10 s, `/hold` waits for [`Upstream::release`], `/redirect/CODE?URL`
/// answers status CODE to URL, `/signed/…` checks the SDK-HMAC-SHA256 signature (made with [`AK`]
/// and [`SK`]) with the `Host` it received, `/hostile-headers` answers with the API's headers plus
/// [`HOSTILE_HEADERS`], and anything else answers 200 with a token, request id, fixed `Date`, a
/// cookie and a `*` CORS header.
pub struct Upstream {
    /// Where it listens.
    pub addr: SocketAddr,
    shared: Shared,
}

impl Upstream {
    /// Starts an upstream on an ephemeral loopback port.
    pub async fn start() -> Upstream {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let shared = Shared::default();
        let connections = Arc::clone(&shared.connections);
        let listener = listener.tap_io(move |_| {
            connections.fetch_add(1, Ordering::SeqCst);
        });
        let router = Router::new().fallback(answer).with_state(shared.clone());
        tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
        Upstream { addr, shared }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The request target that asks the proxy for `path_and_query` on this upstream:
    /// `/http://127.0.0.1:PORT{path_and_query}`.
    pub fn target(&self, path_and_query: &str) -> String {
        format!("/{}{path_and_query}", self.origin())
    }

    /// Connections accepted so far.
    pub fn connections(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }

    /// Requests received so far.
    pub fn received(&self) -> Vec<Received> {
        self.shared.received.lock().unwrap().clone()
    }

    /// The latest request received; panics if there was none.
    pub fn last(&self) -> Received {
        self.received().pop().expect("no upstream request")
    }

    /// The only request received; panics if there were none or several.
    pub fn single(&self) -> Received {
        let received = self.received();
        assert_eq!(received.len(), 1, "expected exactly one upstream request");
        received.into_iter().next().unwrap()
    }

    /// Lets one `/hold` request answer.
    pub fn release(&self) {
        self.shared.release.notify_one();
    }

    /// Waits until `count` requests have arrived.
    pub async fn wait_for_requests(&self, count: usize) {
        tokio::time::timeout(Duration::from_secs(10), async {
            while self.received().len() < count {
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        })
        .await
        .expect("upstream requests did not arrive");
    }
}

async fn answer(State(shared): State<Shared>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let received = Received {
        method: parts.method.to_string(),
        target: parts
            .uri
            .path_and_query()
            .map_or_else(String::new, |pq| pq.as_str().to_owned()),
        headers: parts.headers,
        body: to_bytes(body, usize::MAX).await.unwrap(),
    };
    shared.received.lock().unwrap().push(received.clone());
    let path = parts.uri.path();
    if path == "/slow" {
        tokio::time::sleep(Duration::from_secs(10)).await;
    } else if path == "/hold" {
        shared.release.notified().await;
    } else if let Some(code) = path.strip_prefix("/redirect/") {
        let status = StatusCode::from_bytes(code.as_bytes()).unwrap();
        let location = parts.uri.query().unwrap_or("/").to_owned();
        return (status, [(header::LOCATION, location)]).into_response();
    } else if path.starts_with("/signed/") {
        return verify_signature(&received);
    } else if path == "/hostile-headers" {
        let mut response = api_answer();
        for (name, value) in HOSTILE_HEADERS {
            response.headers_mut().append(name, value.parse().unwrap());
        }
        return response;
    }
    api_answer()
}

/// 200 with a token, request id, fixed `Date`, a cookie and a `*` CORS header.
fn api_answer() -> Response {
    (
        StatusCode::OK,
        [
            ("x-subject-token", SUBJECT_TOKEN),
            ("x-request-id", "req-0001"),
            ("date", UPSTREAM_DATE),
            ("set-cookie", "upstream-session=1"),
            ("access-control-allow-origin", "*"),
            ("content-type", "application/json"),
        ],
        Body::from(r#"{"ok":true}"#),
    )
        .into_response()
}

fn verify_signature(received: &Received) -> Response {
    let (path, query) = received
        .target
        .split_once('?')
        .unwrap_or((received.target.as_str(), ""));
    let headers: Vec<(&str, &str)> = received
        .headers
        .iter()
        .map(|(name, value)| (name.as_str(), value.to_str().unwrap()))
        .collect();
    let request = SignableRequest {
        method: &received.method,
        path,
        query,
        headers: &headers,
        body: &received.body,
    };
    let outcome = received
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .ok_or_else(|| "no Authorization".to_owned())
        .and_then(|value| Authorization::parse(value).map_err(|e| e.to_string()))
        .and_then(|auth| signer::verify(&request, &auth, SK).map_err(|e| e.to_string()));
    match outcome {
        Ok(()) => (StatusCode::OK, r#"{"verified":true}"#).into_response(),
        Err(error) => (StatusCode::UNAUTHORIZED, error).into_response(),
    }
}
