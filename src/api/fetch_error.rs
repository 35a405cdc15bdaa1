//! What a failed `fetch` means for the user.

use keyturn_core::error::Error;
use wasm_bindgen::{JsCast, JsValue};

/// Reads a `gloo_net` error: an aborted request is [`Error::Cancelled`], anything else
/// [`Error::Network`]. A `TypeError` from `fetch` is all a page learns when the proxy is down or
/// its CORS answer does not admit the page, so the message names both causes.
pub fn classify(error: gloo_net::Error) -> Error {
    match error {
        gloo_net::Error::JsError(js) if js.name == "AbortError" => Error::Cancelled,
        gloo_net::Error::JsError(js) if js.name == "TypeError" => Error::Network(format!(
            "proxy unreachable or refused by CORS ({})",
            js.message
        )),
        gloo_net::Error::JsError(js) => Error::Network(format!("{}: {}", js.name, js.message)),
        gloo_net::Error::GlooError(message) => Error::Network(message),
    }
}

/// Reads what a rejected promise of the `fetch` machinery (e.g. reading a body) gave: an
/// `AbortError` is [`Error::Cancelled`], anything else [`Error::Network`] with its name and
/// message.
pub fn classify_js(error: JsValue) -> Error {
    match error.dyn_ref::<js_sys::Error>() {
        Some(js) if js.name() == "AbortError" => Error::Cancelled,
        Some(js) => Error::Network(format!(
            "{}: {}",
            String::from(js.name()),
            String::from(js.message())
        )),
        None => Error::Network(
            error
                .as_string()
                .unwrap_or_else(|| "the answer broke off".to_owned()),
        ),
    }
}
