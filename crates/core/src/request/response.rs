//! A successful answer from IAM or KMS.

use std::fmt;

use crate::error::Error;
use serde::de::DeserializeOwned;
use serde_json::error::Category;

/// Status, headers (lower-case names) and body text of a 2xx answer.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiResponse {
    /// HTTP status.
    pub status: u16,
    /// Response headers the browser may read (lower-case names).
    pub headers: Vec<(String, String)>,
    /// Body text.
    pub body: String,
}

impl ApiResponse {
    /// The value of header `name` (case-insensitive), if present.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The body read as JSON into `T`. The error never quotes body values (an answer can hold
    /// a secret key), only missing field names and positions.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, Error> {
        serde_json::from_str(&self.body).map_err(|error| {
            let message = error.to_string();
            Error::Decode(match error.classify() {
                Category::Data if message.starts_with("missing field") => message,
                Category::Data => format!(
                    "unexpected value at line {} column {}",
                    error.line(),
                    error.column()
                ),
                Category::Syntax | Category::Eof | Category::Io => format!(
                    "not valid JSON at line {} column {}",
                    error.line(),
                    error.column()
                ),
            })
        })
    }
}

impl fmt::Debug for ApiResponse {
    /// Hides the body (created access keys carry their secret) and `X-Subject-Token`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(name, value)| {
                let shown = if name.eq_ignore_ascii_case("x-subject-token") {
                    "<redacted>"
                } else {
                    value.as_str()
                };
                (name.as_str(), shown)
            })
            .collect();
        f.debug_struct("ApiResponse")
            .field("status", &self.status)
            .field("headers", &headers)
            .field("body_bytes", &self.body.len())
            .finish()
    }
}
