//! KMS v1.0 key listing and rotation, `POST /v1.0/{project_id}/kms/…` (docs/api.md, "KMS: keys"
//! and "KMS: rotation").
//!
//! KMS mixes strings, numbers and booleans for the same ideas; the [`lenient`] helpers read
//! every form and write the one KMS sends.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::lenient;
use crate::validate::{self, ValidationError};

/// `key_spec` value that lists keys of every spec (the default lists only `AES_256`).
pub const KEY_SPEC_ALL: &str = "ALL";

/// Request body of `list-keys`; every field is optional and a string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListKeysRequest {
    /// Page size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<String>,
    /// `next_marker` of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Only keys in this state, `"1"` to `"5"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_state: Option<String>,
    /// Only keys of this spec, or [`KEY_SPEC_ALL`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_spec: Option<String>,
    /// Enterprise project filter: `"all"`, `"0"` or an id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_project_id: Option<String>,
    /// 36-byte request serial number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence: Option<String>,
}

impl ListKeysRequest {
    /// One page of keys of every spec.
    pub fn all_specs(limit: Option<u32>, marker: Option<&str>) -> Self {
        Self {
            limit: limit.map(|l| l.to_string()),
            marker: marker.map(str::to_owned),
            key_spec: Some(KEY_SPEC_ALL.to_owned()),
            ..Self::default()
        }
    }
}

/// Response body of `list-keys`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListKeysResponse {
    /// Key ids of this page.
    #[serde(default)]
    pub keys: Vec<String>,
    /// Details of the keys of this page.
    #[serde(default)]
    pub key_details: Vec<KeyDetails>,
    /// Marker of the next page; `""` on the wire when none.
    #[serde(default, with = "lenient::empty_as_none")]
    pub next_marker: Option<String>,
    /// Whether more pages follow (`"true"`/`"false"` on the wire).
    #[serde(default, with = "lenient::bool_string")]
    pub truncated: bool,
    /// Number of keys in all pages.
    #[serde(default, with = "lenient::int_or_string")]
    pub total: u64,
}

impl ListKeysResponse {
    /// The marker to send for the next page, if there is one.
    pub fn next_page_marker(&self) -> Option<&str> {
        self.next_marker.as_deref().filter(|_| self.truncated)
    }
}

/// A KMS key as `list-keys` and `describe-key` return it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyDetails {
    /// Key id.
    pub key_id: String,
    /// Account id.
    #[serde(default)]
    pub domain_id: String,
    /// Alias, e.g. `evs/default` for a Default Master Key.
    #[serde(default)]
    pub key_alias: String,
    /// Region.
    #[serde(default)]
    pub realm: String,
    /// Spec, e.g. `AES_256`, `SM4`, `RSA_2048`.
    #[serde(default)]
    pub key_spec: String,
    /// `ENCRYPT_DECRYPT` or `SIGN_VERIFY`.
    #[serde(default)]
    pub key_usage: String,
    /// Description.
    #[serde(default)]
    pub key_description: String,
    /// Creation time (epoch milliseconds on the wire).
    #[serde(with = "lenient::epoch_ms_string")]
    pub creation_date: DateTime<Utc>,
    /// Scheduled deletion time; `""` on the wire when none.
    #[serde(default, with = "lenient::opt_epoch_ms_string")]
    pub scheduled_deletion_date: Option<DateTime<Utc>>,
    /// State.
    pub key_state: KeyState,
    /// `"1"` for a Default Master Key, `"0"` for a custom key.
    #[serde(default)]
    pub default_key_flag: String,
    /// Key type code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_type: Option<String>,
    /// Expiry of imported key material; `""` on the wire when none.
    #[serde(default, with = "lenient::opt_epoch_ms_string")]
    pub expiration_time: Option<DateTime<Utc>>,
    /// `kms`, or `external` for imported key material.
    #[serde(default)]
    pub origin: String,
    /// Whether rotation is on (`"true"`/`"false"` on the wire).
    #[serde(default, with = "lenient::bool_string")]
    pub key_rotation_enabled: bool,
    /// Enterprise project id (`"0"` for the default project).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sys_enterprise_project_id: Option<String>,
    /// Key store id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keystore_id: Option<String>,
    /// Key store type, e.g. `DEFAULT`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keystore_type: Option<String>,
    /// Days before deletion, when pending deletion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_days: Option<String>,
    /// `SINGLE` or a multi-region role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi_region_key_type: Option<String>,
    /// Partition type, seen in documentation examples.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition_type: Option<String>,
}

impl KeyDetails {
    /// True for a Default Master Key (e.g. `evs/default`), which cannot be rotated.
    pub fn is_default_key(&self) -> bool {
        self.default_key_flag == "1"
    }

    /// True for a key with imported material, which cannot be rotated.
    pub fn is_external(&self) -> bool {
        self.origin == "external"
    }
}

/// State of a KMS key (`key_state`, a string code on the wire).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum KeyState {
    /// `"1"`: pending activation.
    PendingActivation,
    /// `"2"`: enabled.
    Enabled,
    /// `"3"`: disabled.
    Disabled,
    /// `"4"`: pending deletion.
    PendingDeletion,
    /// `"5"`: pending import.
    PendingImport,
    /// A code this version does not know.
    Other(String),
}

impl From<String> for KeyState {
    fn from(code: String) -> Self {
        match code.as_str() {
            "1" => KeyState::PendingActivation,
            "2" => KeyState::Enabled,
            "3" => KeyState::Disabled,
            "4" => KeyState::PendingDeletion,
            "5" => KeyState::PendingImport,
            _ => KeyState::Other(code),
        }
    }
}

impl From<KeyState> for String {
    fn from(state: KeyState) -> Self {
        match state {
            KeyState::PendingActivation => "1".to_owned(),
            KeyState::Enabled => "2".to_owned(),
            KeyState::Disabled => "3".to_owned(),
            KeyState::PendingDeletion => "4".to_owned(),
            KeyState::PendingImport => "5".to_owned(),
            KeyState::Other(code) => code,
        }
    }
}

/// Request body naming one key: `describe-key`, `get-key-rotation-status`,
/// `enable-key-rotation` and `disable-key-rotation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyRequest {
    /// Key id.
    pub key_id: String,
    /// 36-byte request serial number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence: Option<String>,
}

impl KeyRequest {
    /// A request for the key `key_id`, whose shape is checked first.
    pub fn new(key_id: &str) -> Result<Self, ValidationError> {
        validate::kms_key_id(key_id)?;
        Ok(Self {
            key_id: key_id.to_owned(),
            sequence: None,
        })
    }
}

/// Response body of `describe-key`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DescribeKeyResponse {
    /// The key.
    pub key_info: KeyDetails,
}

/// Response body of `get-key-rotation-status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyRotationStatus {
    /// Whether rotation is on (a boolean, or a string in older answers).
    #[serde(with = "lenient::bool_or_string")]
    pub key_rotation_enabled: bool,
    /// Days between rotations (a number, or a string in older answers).
    #[serde(with = "lenient::int_or_string")]
    pub rotation_interval: u32,
    /// Last rotation (epoch milliseconds on the wire); `None` if never rotated.
    #[serde(default, with = "lenient::opt_epoch_ms_string")]
    pub last_rotation_time: Option<DateTime<Utc>>,
    /// Rotations so far.
    #[serde(default, with = "lenient::int_or_string")]
    pub number_of_rotations: u32,
    /// Key material versions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_materials: Option<Vec<KeyMaterial>>,
}

/// One version of a key's material.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyMaterial {
    /// Material id.
    #[serde(default)]
    pub material_id: String,
    /// Billing id.
    #[serde(default)]
    pub charge_id: String,
    /// Creation time (epoch milliseconds on the wire).
    #[serde(default, with = "lenient::opt_epoch_ms_string")]
    pub create_time: Option<DateTime<Utc>>,
    /// Expiry (epoch milliseconds on the wire); `None` if none.
    #[serde(default, with = "lenient::opt_epoch_ms_string")]
    pub expiration_time: Option<DateTime<Utc>>,
    /// `0` waiting for rotation, `2` enabled.
    #[serde(with = "lenient::int_or_string")]
    pub state: u32,
}

/// Request body of `update-key-rotation-interval`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateRotationIntervalRequest {
    /// Key id.
    pub key_id: String,
    /// Days between rotations, 30 to 365.
    pub rotation_interval: u32,
    /// 36-byte request serial number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence: Option<String>,
}

impl UpdateRotationIntervalRequest {
    /// Sets the rotation interval of `key_id`; both values are checked first.
    pub fn new(key_id: &str, days: u32) -> Result<Self, ValidationError> {
        validate::kms_key_id(key_id)?;
        validate::rotation_interval(days)?;
        Ok(Self {
            key_id: key_id.to_owned(),
            rotation_interval: days,
            sequence: None,
        })
    }
}
