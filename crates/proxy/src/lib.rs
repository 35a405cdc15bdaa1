//! keyturn-proxy: the CORS proxy that lets the Keyturn app call Huawei Cloud IAM and KMS from a
//! browser. Requests look like `{proxy}/{absolute upstream URL}`; only allowed browser origins
//! may call, only allowed upstreams are reached, and requests are forwarded byte for byte.

pub mod client_allowlist;
pub mod config;
pub mod connection_limits;
pub mod cors;
pub mod error;
pub mod forward;
pub mod header_policy;
pub mod health;
pub mod host_check;
pub mod limits;
pub mod log;
pub mod origin;
pub mod proxy;
pub mod server;
pub mod shared_secret;
pub mod static_files;
pub mod static_headers;
pub mod upstream;
pub mod url_parts;

#[cfg(test)]
mod test_headers;

use std::future::{Future, pending};
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::net::TcpListener;

pub use config::{Cli, Config};
pub use error::ProxyError;

use cors::OriginPolicy;
use forward::Forwarder;
use host_check::HostPolicy;
use limits::InFlight;
use proxy::{Proxy, target_text};
use static_files::AppFiles;
use upstream::Allowlist;

#[derive(Clone)]
struct AppState {
    hosts: Arc<HostPolicy>,
    proxy: Arc<Proxy>,
    files: Option<AppFiles>,
}

/// The proxy as an axum router, answering for the `Host` names that `config.listen` implies (use
/// the bound address when listening on port 0).
pub fn app(config: &Config) -> Result<Router, reqwest::Error> {
    let secret_header = config.shared_secret.as_ref().map(|secret| secret.name());
    let proxy = Proxy {
        origins: OriginPolicy::new(&config.allowed_origins, secret_header),
        secret: config.shared_secret.clone(),
        upstreams: Allowlist::new(config.extra_upstreams.clone()),
        forwarder: Forwarder::new(config.timeout)?,
        in_flight: InFlight::new(config.max_in_flight),
        max_body: config.max_body,
        body_timeout: config.body_timeout,
    };
    let state = AppState {
        hosts: Arc::new(HostPolicy::new(config.listen, &config.allowed_hosts)),
        proxy: Arc::new(proxy),
        files: config
            .serve_dir
            .as_deref()
            .map(|dir| AppFiles::new(dir, &config.connect_src)),
    };
    Ok(Router::new()
        .route(health::PATH, get(health::healthz))
        .fallback(dispatch)
        .with_state(state))
}

/// Serves the proxy on `listener` until the process ends.
pub async fn serve(listener: TcpListener, config: &Config) -> std::io::Result<()> {
    serve_until(listener, config, pending()).await
}

/// Serves the proxy on `listener` until `shutdown` completes, then finishes the requests in
/// flight (for at most `config.shutdown_timeout`) and returns.
pub async fn serve_until(
    listener: TcpListener,
    config: &Config,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let config = Config {
        listen: listener.local_addr()?,
        ..config.clone()
    };
    let router = app(&config).map_err(std::io::Error::other)?;
    server::run(listener, router, &config, shutdown).await;
    Ok(())
}

/// Refuses a `Host` the proxy does not answer for; then proxies requests whose path is an
/// absolute URL and serves files (or a JSON 404) otherwise.
async fn dispatch(State(state): State<AppState>, request: Request) -> Response {
    let started = Instant::now();
    let (parts, body) = request.into_parts();
    if let Err(error) = state.hosts.check(&parts.uri, &parts.headers) {
        log::refusal(&parts.method, &error, started);
        return error.into_response();
    }
    let uri = parts.uri.clone();
    if let Some(raw_target) = uri.path_and_query().and_then(|pq| target_text(pq.as_str())) {
        return state.proxy.handle(parts, body, raw_target).await;
    }
    match state.files {
        Some(files) => files.serve(Request::from_parts(parts, body)).await,
        None => ProxyError::not_found().into_response(),
    }
}
