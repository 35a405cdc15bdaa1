//! Shared pieces of the integration tests: a recording test upstream, an in-process proxy and a
//! raw HTTP/1.1 client that sends request targets exactly as written.
//!
//! Each test file uses a different subset, hence the `dead_code` allowance.
#![allow(dead_code)]

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
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;
use keyturn_core::signer::{self, Authorization, SignableRequest};
use keyturn_proxy::Config;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;

/// An origin the proxy allows by default.
pub const APP_ORIGIN: &str = "http://localhost:8080";
/// The secret key the test upstream verifies signatures with.
pub const SK: &str = "test-secret-key-0123456789";
/// The access key id used with [`SK`].
pub const AK: &str = "TESTAK0123456789";
/// The `Date` the test upstream answers with.
pub const UPSTREAM_DATE: &str = "Fri, 15 Nov 2019 03:36:55 GMT";
/// The token the test upstream issues in `X-Subject-Token`.
pub const SUBJECT_TOKEN: &str = "MIIsubject-token-issued-by-upstream";

/// One request as the test upstream received it.
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
/// `/slow` answers after 10 s, `/hold` waits for [`Upstream::release`], `/redirect?URL` answers
/// 302 to URL, `/signed/…` checks the SDK-HMAC-SHA256 signature with the `Host` it received, and
/// anything else answers 200 with a token, request id, fixed `Date`, a cookie and a `*` CORS header.
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

    /// Connections accepted so far.
    pub fn connections(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }

    /// Requests received so far.
    pub fn received(&self) -> Vec<Received> {
        self.shared.received.lock().unwrap().clone()
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
    } else if path == "/redirect" {
        let location = parts.uri.query().unwrap_or("/").to_owned();
        return (StatusCode::FOUND, [(header::LOCATION, location)]).into_response();
    } else if path.starts_with("/signed/") {
        return verify_signature(&received);
    }
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

/// The default configuration plus `upstream` as an allowed upstream origin.
pub fn config_for(upstream: &Upstream) -> Config {
    Config {
        extra_upstreams: vec![upstream.origin().parse().unwrap()],
        ..Config::default()
    }
}

/// Starts the proxy in-process on an ephemeral loopback port.
pub async fn start_proxy(config: Config) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { keyturn_proxy::serve(listener, &config).await.unwrap() });
    addr
}

/// An answer read in full.
#[derive(Debug)]
pub struct Reply {
    /// Status.
    pub status: StatusCode,
    /// Headers.
    pub headers: HeaderMap,
    /// Body.
    pub body: Bytes,
}

impl Reply {
    /// A header as text, if present.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|value| value.to_str().unwrap())
    }

    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&self.body)))
    }

    /// The proxy's `error.code`, if the body is a proxy error.
    pub fn error_code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }
}

/// Sends one request over a fresh connection, with `target` written on the request line
/// byte for byte (`Host` is the proxy address unless `headers` names one).
pub async fn send(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: impl Into<Bytes>,
) -> Reply {
    let mut request = axum::http::Request::builder().method(method).uri(target);
    if !headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("host"))
    {
        request = request.header(header::HOST, addr.to_string());
    }
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    send_request(addr, request.body(Full::new(body.into())).unwrap()).await
}

/// Sends a prepared request (any body type) over a fresh connection.
pub async fn send_request<B>(addr: SocketAddr, request: axum::http::Request<B>) -> Reply
where
    B: hyper::body::Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let stream = TcpStream::connect(addr).await.unwrap();
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .unwrap();
    tokio::spawn(connection);
    let response = sender.send_request(request).await.unwrap();
    let (parts, body) = response.into_parts();
    Reply {
        status: parts.status,
        headers: parts.headers,
        body: body.collect().await.unwrap().to_bytes(),
    }
}

/// `GET {target}` from the allowed app origin.
pub async fn get_from_app(addr: SocketAddr, target: &str) -> Reply {
    send(addr, "GET", target, &[("origin", APP_ORIGIN)], Bytes::new()).await
}
