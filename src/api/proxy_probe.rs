//! Telling "proxy unreachable" from "refused by CORS": both reach a page as the same
//! `TypeError`, but a `no-cors` request resolves whenever the proxy answers at all.

use gloo_net::http::RequestBuilder;
use gloo_timers::callback::Timeout;
use web_sys::{AbortController, RequestCache, RequestMode};

/// How long the probe waits for the proxy.
const PROBE_TIMEOUT_MS: u32 = 5_000;

/// Whether anything answers HTTP at `proxy_url`, whatever its CORS policy. The answer is opaque:
/// nothing of it is read.
pub async fn proxy_answers(proxy_url: &str) -> bool {
    let controller = AbortController::new().ok();
    let signal = controller.as_ref().map(AbortController::signal);
    let _timeout =
        controller.map(|controller| Timeout::new(PROBE_TIMEOUT_MS, move || controller.abort()));
    let Ok(request) = RequestBuilder::new(proxy_url)
        .mode(RequestMode::NoCors)
        .cache(RequestCache::NoStore)
        .abort_signal(signal.as_ref())
        .build()
    else {
        return false;
    };
    request.send().await.is_ok()
}
