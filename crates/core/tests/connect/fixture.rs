//! Failures and circumstances shared by the diagnosis and outcome tests.

use keyturn_core::connect::{Circumstances, SignInFailure, SignInMethod};
use keyturn_core::error::{ApiError, Error};

pub const PROXY: &str = "http://127.0.0.1:8787";
pub const ORIGIN: &str = "http://127.0.0.1:8080";
/// The clock offset every [`circumstances`] carries.
pub const OFFSET_MS: i64 = 1_234_000;

pub fn circumstances(method: SignInMethod, proxy_answers: Option<bool>) -> Circumstances<'static> {
    Circumstances {
        method,
        proxy_url: PROXY,
        page_origin: ORIGIN,
        proxy_answers,
        clock_offset_ms: OFFSET_MS,
    }
}

/// An error answer read as the transport reads it.
pub fn api_error(status: u16, body: &str) -> ApiError {
    ApiError::from_response(status, body, Some("rid"))
}

/// A call that failed with an error answer.
pub fn api(status: u16, body: &str) -> SignInFailure {
    SignInFailure::Call(Error::Api(api_error(status, body)))
}

/// A call that got no answer.
pub fn no_answer() -> SignInFailure {
    SignInFailure::Call(Error::Network(
        "proxy unreachable or refused by CORS (Failed to fetch)".into(),
    ))
}
