//! Verification of `SDK-HMAC-SHA256` signatures with the signer Keyturn's app also uses.

use axum::http::request::Parts;
use chrono::{DateTime, Duration, Utc};
use keyturn_core::signer::{self, Authorization, SignableRequest};

use crate::state::Cloud;

/// How far `X-Sdk-Date` may be from the server clock.
const MAX_CLOCK_SKEW: Duration = Duration::minutes(15);

/// Why the gateway refuses a signed request.
#[derive(Debug, PartialEq)]
pub enum Rejection {
    /// `APIGW.0301`: the signature, the key or its user is not valid; the reason says which.
    Invalid(&'static str),
    /// `APIGW.0303`: `X-Sdk-Date` is more than 15 minutes away from the server clock.
    ClockSkew,
}

/// Checks the signature of a request and returns the access key that signed it, or why the
/// gateway refuses it. Uses the `Host` header actually received.
pub fn verify(
    cloud: &Cloud,
    parts: &Parts,
    body: &[u8],
    authorization: &str,
    now: DateTime<Utc>,
) -> Result<String, Rejection> {
    const SIGNATURE_FAIL: Rejection = Rejection::Invalid("verify aksk signature fail");
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
        .ok_or(Rejection::Invalid("X-Sdk-Date is missing"))?;
    let date =
        signer::parse_sdk_date(date).map_err(|_| Rejection::Invalid("X-Sdk-Date is malformed"))?;
    if (now - date).abs() > MAX_CLOCK_SKEW {
        return Err(Rejection::ClockSkew);
    }
    let credential = cloud
        .credential(&auth.access)
        .ok_or(Rejection::Invalid("the access key does not exist"))?;
    if !credential.active {
        return Err(Rejection::Invalid("the access key is disabled"));
    }
    if !cloud.user(&credential.user_id).is_some_and(|u| u.enabled) {
        return Err(Rejection::Invalid("the user of the access key is disabled"));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;
    use crate::seed::{SeedKind, SeedOptions, build};
    use crate::state::Credential;
    use axum::http::Request;
    use serde_json::Value;

    /// Signing vectors produced by the official Python SDK; the one copy lives with keyturn-core.
    const VECTORS: &str = include_str!("../../../core/tests/data/sign_vectors.json");

    fn cloud_with_key(ak: &str, sk: &str) -> Cloud {
        let options = SeedOptions {
            kind: SeedKind::Empty,
            ..SeedOptions::default()
        };
        let mut cloud = build(&options, Utc::now());
        let user_id = cloud.users[0].id.clone();
        cloud.credentials.push(Credential {
            access: ak.to_owned(),
            secret: Secret::new(sk),
            user_id,
            active: true,
            description: String::new(),
            created: Utc::now(),
            last_used: None,
        });
        cloud
    }

    fn parts_of(vector: &Value) -> (Parts, Vec<u8>, String) {
        let outputs = &vector["outputs"];
        let mut builder = Request::builder()
            .method(vector["inputs"]["method"].as_str().unwrap())
            .uri(outputs["request_uri_sent"].as_str().unwrap());
        let mut authorization = String::new();
        for (name, value) in outputs["final_request_headers"].as_object().unwrap() {
            let value = value.as_str().unwrap();
            if name == "Authorization" {
                authorization = value.to_owned();
            } else {
                builder = builder.header(name.as_str(), value);
            }
        }
        let body = vector["inputs"]["body"]
            .as_str()
            .map(|b| b.as_bytes().to_vec())
            .unwrap_or_default();
        let (parts, ()) = builder.body(()).unwrap().into_parts();
        (parts, body, authorization)
    }

    #[test]
    fn every_official_vector_verifies_and_a_tampered_one_does_not() {
        let doc: Value = serde_json::from_str(VECTORS).unwrap();
        let vectors = doc["vectors"].as_array().unwrap();
        assert_eq!(vectors.len(), 14);
        for vector in vectors {
            let id = vector["id"].as_str().unwrap();
            let inputs = &vector["inputs"];
            let cloud = cloud_with_key(
                inputs["ak"].as_str().unwrap(),
                inputs["sk"].as_str().unwrap(),
            );
            let now = signer::parse_sdk_date(inputs["x_sdk_date"].as_str().unwrap()).unwrap();
            let (parts, body, authorization) = parts_of(vector);
            assert_eq!(
                verify(&cloud, &parts, &body, &authorization, now),
                Ok(inputs["ak"].as_str().unwrap().to_owned()),
                "{id}"
            );
            let mut tampered = body.clone();
            tampered.push(b' ');
            assert_eq!(
                verify(&cloud, &parts, &tampered, &authorization, now),
                Err(Rejection::Invalid("verify aksk signature fail")),
                "{id}"
            );
            let late = now + Duration::minutes(16);
            assert_eq!(
                verify(&cloud, &parts, &body, &authorization, late),
                Err(Rejection::ClockSkew),
                "{id}"
            );
        }
    }
}
