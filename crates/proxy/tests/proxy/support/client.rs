//! The proxy under test, started in-process, and a raw HTTP/1.1 client for it that writes request
//! targets exactly as given, with helpers for the browser `Origin` cases.

use std::net::SocketAddr;

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode, header};
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;
use keyturn_proxy::Config;
use tokio::net::{TcpListener, TcpStream};

/// An origin the proxy allows by default: where the app is served during development.
pub const APP_ORIGIN: &str = "http://localhost:8080";

/// The default configuration plus `upstream_origin` as an allowed upstream.
pub fn allowing(upstream_origin: &str) -> Config {
    Config {
        extra_upstreams: vec![upstream_origin.parse().unwrap()],
        ..Config::default()
    }
}

/// The headers a page on the app's origin sends: `Origin`, then `headers`.
pub fn from_app<'a>(headers: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    [("origin", APP_ORIGIN)]
        .into_iter()
        .chain(headers.iter().copied())
        .collect()
}

/// A running proxy, and the client side of it: every request goes over a fresh connection.
#[derive(Clone, Copy, Debug)]
pub struct Proxy {
    /// Where it listens.
    pub addr: SocketAddr,
}

impl Proxy {
    /// Starts the proxy in-process on an ephemeral loopback port.
    pub async fn start(config: Config) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { keyturn_proxy::serve(listener, &config).await.unwrap() });
        Proxy { addr }
    }

    /// `GET {target}` from the app's origin.
    pub async fn get_from_app(&self, target: &str) -> Reply {
        self.get_from(APP_ORIGIN, target).await
    }

    /// `GET {target}` from `origin`.
    pub async fn get_from(&self, origin: &str, target: &str) -> Reply {
        self.send("GET", target, &[("origin", origin)], Bytes::new())
            .await
    }

    /// The `OPTIONS` preflight a browser sends from `origin` (none when `None`) before a
    /// `request_method` request with `request_headers`.
    pub async fn preflight(
        &self,
        origin: Option<&str>,
        target: &str,
        request_method: &str,
        request_headers: Option<&str>,
    ) -> Reply {
        let mut headers = vec![("access-control-request-method", request_method)];
        headers.extend(origin.map(|origin| ("origin", origin)));
        headers.extend(request_headers.map(|names| ("access-control-request-headers", names)));
        self.send("OPTIONS", target, &headers, Bytes::new()).await
    }

    /// Sends exactly `headers` and `body`, with `target` written on the request line byte for
    /// byte (`Host` is the proxy address unless `headers` names one).
    pub async fn send(
        &self,
        method: &str,
        target: &str,
        headers: &[(&str, &str)],
        body: impl Into<Bytes>,
    ) -> Reply {
        self.send_body(method, target, headers, Full::new(body.into()))
            .await
    }

    /// [`Proxy::send`] with any body type, e.g. one streamed without a declared length.
    pub async fn send_body<B>(
        &self,
        method: &str,
        target: &str,
        headers: &[(&str, &str)],
        body: B,
    ) -> Reply
    where
        B: hyper::body::Body + Send + 'static,
        B::Data: Send,
        B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        let mut request = axum::http::Request::builder().method(method).uri(target);
        if !headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("host"))
        {
            request = request.header(header::HOST, self.addr.to_string());
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let stream = TcpStream::connect(self.addr).await.unwrap();
        let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .unwrap();
        tokio::spawn(connection);
        let response = sender
            .send_request(request.body(body).unwrap())
            .await
            .unwrap();
        let (parts, body) = response.into_parts();
        Reply {
            status: parts.status,
            headers: parts.headers,
            body: body.collect().await.unwrap().to_bytes(),
        }
    }
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

    /// The body as text, for failure messages.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|_| panic!("not JSON: {}", self.text()))
    }

    /// The proxy's `error.code`, if the body is a proxy error.
    pub fn error_code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// The `Access-Control-Allow-Origin` the proxy granted, if any.
    pub fn allowed_origin(&self) -> Option<&str> {
        self.header("access-control-allow-origin")
    }
}
