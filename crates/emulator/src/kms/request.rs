//! Reading KMS request bodies field by field, with the documented error codes for each mistake.

use axum::body::Bytes;
use axum::http::StatusCode;
use serde_json::{Map, Value};

use crate::errors::ApiError;
use crate::ids;
use crate::state::{Cloud, KmsKey};

/// A parsed KMS request body (a JSON object; an empty body counts as `{}`).
pub struct Body(Map<String, Value>);

impl Body {
    /// Parses the body: `KMS.0202` if it is not a JSON object.
    pub fn parse(bytes: &Bytes) -> Result<Self, ApiError> {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(Self(Map::new()));
        }
        match serde_json::from_slice(bytes) {
            Ok(Value::Object(map)) => Ok(Self(map)),
            _ => Err(ApiError::kms(
                "KMS.0202",
                "Invalid JSON format of the request body",
            )),
        }
    }

    /// An optional string field: `KMS.0308` if present with another type.
    pub fn string(&self, name: &str) -> Result<Option<&str>, ApiError> {
        match self.0.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(invalid(name)),
        }
    }

    /// The required `key_id`: `KMS.0204` if missing, `KMS.0205` if it does not match the id pattern.
    pub fn key_id(&self) -> Result<&str, ApiError> {
        let key_id = match self.0.get("key_id") {
            None | Some(Value::Null) => {
                return Err(ApiError::kms("KMS.0204", "Missing parameter: key_id"));
            }
            Some(Value::String(s)) => s.as_str(),
            Some(_) => "",
        };
        if !ids::is_kms_key_id(key_id) {
            return Err(ApiError::kms("KMS.0205", "Invalid key_id"));
        }
        Ok(key_id)
    }

    /// The optional `sequence`: `KMS.0206` unless it is a 36-character string.
    pub fn check_sequence(&self) -> Result<(), ApiError> {
        match self.0.get("sequence") {
            None | Some(Value::Null) => Ok(()),
            Some(Value::String(s)) if s.chars().count() == 36 => Ok(()),
            Some(_) => Err(ApiError::kms("KMS.0206", "Invalid sequence")),
        }
    }

    /// A required integer field: `KMS.0204` if missing, `KMS.0308` if not an integer.
    pub fn integer(&self, name: &str) -> Result<i64, ApiError> {
        match self.0.get(name) {
            None | Some(Value::Null) => Err(ApiError::kms(
                "KMS.0204",
                format!("Missing parameter: {name}"),
            )),
            Some(value) => value.as_i64().ok_or_else(|| invalid(name)),
        }
    }
}

/// `KMS.0308` "Invalid {name}".
pub fn invalid(name: &str) -> ApiError {
    ApiError::kms("KMS.0308", format!("Invalid {name}"))
}

/// The key with this id in the project: 404 `KMS.0207` if there is none.
pub fn find_key<'a>(
    cloud: &'a mut Cloud,
    project_id: &str,
    key_id: &str,
) -> Result<&'a mut KmsKey, ApiError> {
    cloud.kms_key_mut(project_id, key_id).ok_or_else(|| {
        ApiError::kms_status(StatusCode::NOT_FOUND, "KMS.0207", "The key does not exist")
    })
}
