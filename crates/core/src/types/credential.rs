//! Permanent access keys through IAM v3.0 `OS-CREDENTIAL` (docs/api.md, "IAM: access keys").

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::lenient;

/// Whether an access key may sign requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyStatus {
    /// `"active"`: the key works.
    Active,
    /// `"inactive"`: the key is disabled.
    Inactive,
}

/// Request body of `POST /v3.0/OS-CREDENTIAL/credentials`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateCredentialRequest {
    /// The key to create.
    pub credential: NewCredential,
}

impl CreateCredentialRequest {
    /// A new key for `user_id`, with an optional description.
    pub fn new(user_id: &str, description: Option<&str>) -> Self {
        Self {
            credential: NewCredential {
                user_id: user_id.to_owned(),
                description: description.map(str::to_owned),
            },
        }
    }
}

/// `credential` of a create request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCredential {
    /// Owner of the new key.
    pub user_id: String,
    /// Description of the new key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Response body of a create (201): the only answer that carries the secret key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedCredentialResponse {
    /// The new key and its secret.
    pub credential: CreatedCredential,
}

/// A newly created key with its secret key (SK); its `Debug` output hides the secret.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedCredential {
    /// Access key id (AK).
    pub access: String,
    /// Secret access key (SK), shown once.
    pub secret: String,
    /// Owner.
    pub user_id: String,
    /// Status, normally active.
    pub status: KeyStatus,
    /// Creation time.
    #[serde(with = "lenient::iso_micros")]
    pub create_time: DateTime<Utc>,
    /// Description.
    #[serde(default, deserialize_with = "lenient::null_as_empty")]
    pub description: String,
}

impl fmt::Debug for CreatedCredential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CreatedCredential")
            .field("access", &self.access)
            .field("secret", &"<redacted>")
            .field("user_id", &self.user_id)
            .field("status", &self.status)
            .field("create_time", &self.create_time)
            .field("description", &self.description)
            .finish()
    }
}

/// Response body of `GET /v3.0/OS-CREDENTIAL/credentials[?user_id=…]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CredentialsResponse {
    /// The keys, without last-use times.
    pub credentials: Vec<Credential>,
}

/// Response body of show (`GET …/credentials/{ak}`) and update (`PUT …/credentials/{ak}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CredentialResponse {
    /// The key.
    pub credential: Credential,
}

/// An access key as list, show and update return it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credential {
    /// Owner.
    pub user_id: String,
    /// Access key id (AK).
    pub access: String,
    /// Status.
    pub status: KeyStatus,
    /// Creation time.
    #[serde(with = "lenient::iso_micros")]
    pub create_time: DateTime<Utc>,
    /// Last use, on show only; equal to `create_time` when the key was never used.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "lenient::opt_iso_micros"
    )]
    pub last_use_time: Option<DateTime<Utc>>,
    /// Description.
    #[serde(default, deserialize_with = "lenient::null_as_empty")]
    pub description: String,
}

/// Request body of `PUT /v3.0/OS-CREDENTIAL/credentials/{ak}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateCredentialRequest {
    /// The fields to change.
    pub credential: CredentialUpdate,
}

impl UpdateCredentialRequest {
    /// Enables or disables a key.
    pub fn status(status: KeyStatus) -> Self {
        Self {
            credential: CredentialUpdate {
                status: Some(status),
                description: None,
            },
        }
    }

    /// Changes a key's description.
    pub fn description(description: &str) -> Self {
        Self {
            credential: CredentialUpdate {
                status: None,
                description: Some(description.to_owned()),
            },
        }
    }
}

/// `credential` of an update request: at least one field is set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CredentialUpdate {
    /// New status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<KeyStatus>,
    /// New description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}
