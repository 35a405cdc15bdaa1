//! keyturn-proxy: the CORS proxy that lets the Keyturn app call Huawei Cloud IAM and KMS from a
//! browser. Requests look like `{proxy}/{absolute upstream URL}`; only allowed browser origins
//! may call, only allowed upstreams are reached, and requests are forwarded byte for byte.

pub mod config;
pub mod cors;
pub mod error;
pub mod forward;
pub mod limits;
pub mod log;
pub mod origin;
pub mod proxy;
pub mod static_files;
pub mod upstream;
pub mod url_parts;

#[cfg(test)]
mod test_headers;

use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};
use tokio::net::TcpListener;

pub use config::{Cli, Config};
pub use error::ProxyError;

use cors::OriginPolicy;
use forward::Forwarder;
use limits::InFlight;
use proxy::{Proxy, target_text};
use static_files::AppFiles;
use upstream::Allowlist;

#[derive(Clone)]
struct AppState {
    proxy: Arc<Proxy>,
    files: Option<AppFiles>,
}

/// The proxy as an axum router (the listen address in `config` is not used here).
pub fn app(config: &Config) -> Result<Router, reqwest::Error> {
    let proxy = Proxy {
        origins: OriginPolicy::new(&config.allowed_origins),
        upstreams: Allowlist::new(config.extra_upstreams.clone()),
        forwarder: Forwarder::new(config.timeout)?,
        in_flight: InFlight::new(config.max_in_flight),
        max_body: config.max_body,
    };
    let state = AppState {
        proxy: Arc::new(proxy),
        files: config.serve_dir.as_deref().map(AppFiles::new),
    };
    Ok(Router::new().fallback(dispatch).with_state(state))
}

/// Serves the proxy on `listener` until the process ends.
pub async fn serve(listener: TcpListener, config: &Config) -> std::io::Result<()> {
    let router = app(config).map_err(std::io::Error::other)?;
    axum::serve(listener, router).await
}

/// Proxies requests whose path is an absolute URL; serves files (or a JSON 404) otherwise.
async fn dispatch(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let uri = parts.uri.clone();
    if let Some(raw_target) = uri.path_and_query().and_then(|pq| target_text(pq.as_str())) {
        return state.proxy.handle(parts, body, raw_target).await;
    }
    match state.files {
        Some(files) => files.serve(Request::from_parts(parts, body)).await,
        None => ProxyError::not_found().into_response(),
    }
}
