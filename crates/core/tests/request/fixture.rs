//! Credentials, a fixed signing time and the core verifier applied to a prepared request.

use chrono::{DateTime, Utc};
use keyturn_core::request::{Auth, PreparedRequest};
use keyturn_core::signer::{self, Authorization, SignError, SignableRequest};
use serde_json::Value;

pub const PROXY: &str = "http://127.0.0.1:8787";
pub const AK: &str = "HPUAEXAMPLEAK0000001";
pub const SK: &str = "secret-key-that-must-not-leak";
pub const TOKEN: &str = "MIIEtoken-that-must-not-leak";

/// The time every request is signed at: 2025-03-01 12:00:00 UTC.
pub fn now() -> DateTime<Utc> {
    signer::parse_sdk_date("20250301T120000Z").unwrap()
}

pub fn aksk(domain_id: Option<&str>, project_id: Option<&str>) -> Auth {
    Auth::AkSk {
        ak: AK.into(),
        sk: SK.into(),
        domain_id: domain_id.map(str::to_owned),
        project_id: project_id.map(str::to_owned),
    }
}

/// Re-checks `prepared` with the core verifier, as a server that sees `host` would.
pub fn verify_with_host(prepared: &PreparedRequest, host: &str) -> Result<(), SignError> {
    let mut headers: Vec<(&str, &str)> = prepared
        .headers
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    headers.push(("host", host));
    let request = SignableRequest {
        method: prepared.method.as_str(),
        path: &prepared.path,
        query: &prepared.query,
        headers: &headers,
        body: prepared.body.as_deref().unwrap_or_default().as_bytes(),
    };
    let authorization = Authorization::parse(prepared.header("authorization").unwrap())?;
    signer::verify(&request, &authorization, SK)
}

/// The prepared body read as JSON.
pub fn body_of(prepared: &PreparedRequest) -> Value {
    serde_json::from_str(prepared.body.as_deref().unwrap()).unwrap()
}
