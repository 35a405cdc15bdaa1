//! What a failed `fetch` means for the user.

/// Why a request got no HTTP answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchFailure {
    /// The page cancelled it (AbortController).
    Cancelled,
    /// The browser got no usable answer; the message says why as far as it can be known.
    NoAnswer(String),
}

/// The message of [`keyturn_core::error::Error::Network`] for a cancelled request.
pub const CANCELLED: &str = "request cancelled";

/// Reads a `gloo_net` error. A `TypeError` from `fetch` is all a page learns when the proxy is
/// down or its CORS answer does not admit the page, so the message names both causes.
pub fn classify(error: gloo_net::Error) -> FetchFailure {
    match error {
        gloo_net::Error::JsError(js) if js.name == "AbortError" => FetchFailure::Cancelled,
        gloo_net::Error::JsError(js) if js.name == "TypeError" => FetchFailure::NoAnswer(format!(
            "proxy unreachable or refused by CORS ({})",
            js.message
        )),
        gloo_net::Error::JsError(js) => {
            FetchFailure::NoAnswer(format!("{}: {}", js.name, js.message))
        }
        gloo_net::Error::SerdeError(error) => FetchFailure::NoAnswer(error.to_string()),
        gloo_net::Error::GlooError(message) => FetchFailure::NoAnswer(message),
    }
}
