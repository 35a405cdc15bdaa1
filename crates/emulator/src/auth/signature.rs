//! Verification of `SDK-HMAC-SHA256` signatures with the signer Keyturn's app also uses.

use axum::http::request::Parts;
use chrono::{DateTime, Duration, Utc};
use keyturn_core::signer::{self, Authorization, SignableRequest};

use crate::state::Cloud;

/// How far `X-Sdk-Date` may be from the server clock.
const MAX_CLOCK_SKEW: Duration = Duration::minutes(15);

/// Checks the signature of a request and returns the access key that signed it, or the reason
/// for the gateway's `APIGW.0301` answer. Uses the `Host` header actually received.
pub fn verify(
    cloud: &Cloud,
    parts: &Parts,
    body: &[u8],
    authorization: &str,
    now: DateTime<Utc>,
) -> Result<String, &'static str> {
    const SIGNATURE_FAIL: &str = "verify aksk signature fail";
    let auth = Authorization::parse(authorization).map_err(|_| SIGNATURE_FAIL)?;
    let headers: Vec<(&str, &str)> = parts
        .headers
        .iter()
        .filter_map(|(name, value)| value.to_str().ok().map(|v| (name.as_str(), v)))
        .collect();
    let date = parts
        .headers
        .get("x-sdk-date")
        .and_then(|v| v.to_str().ok())
        .ok_or("X-Sdk-Date is missing")?;
    let date = signer::parse_sdk_date(date).map_err(|_| "X-Sdk-Date is malformed")?;
    if (now - date).abs() > MAX_CLOCK_SKEW {
        return Err("X-Sdk-Date is more than 15 minutes away from the server time");
    }
    let credential = cloud
        .credential(&auth.access)
        .ok_or("the access key does not exist")?;
    if !credential.active {
        return Err("the access key is disabled");
    }
    if !cloud.user(&credential.user_id).is_some_and(|u| u.enabled) {
        return Err("the user of the access key is disabled");
    }
    let request = SignableRequest {
        method: parts.method.as_str(),
        path: parts.uri.path(),
        query: parts.uri.query().unwrap_or_default(),
        headers: &headers,
        body,
    };
    signer::verify(&request, &auth, credential.secret.expose()).map_err(|_| SIGNATURE_FAIL)?;
    Ok(credential.access.clone())
}
