//! KMS answer bodies, field for field as the real service writes them (see the recorded traffic).

use serde::Serialize;

use crate::clock;
use crate::state::{Cloud, KeyState, KmsKey, PENDING_DELETION_DAYS};

/// `KeyDetails`: every value is a string, times are epoch milliseconds.
#[derive(Serialize)]
pub struct KeyDetails {
    key_rotation_enabled: &'static str,
    key_usage: &'static str,
    key_type: &'static str,
    key_id: String,
    key_spec: &'static str,
    origin: &'static str,
    expiration_time: String,
    sys_enterprise_project_id: &'static str,
    default_key_flag: &'static str,
    creation_date: String,
    pending_days: String,
    domain_id: String,
    keystore_type: &'static str,
    scheduled_deletion_date: String,
    multi_region_key_type: &'static str,
    key_alias: String,
    key_description: String,
    realm: String,
    keystore_id: &'static str,
    key_state: &'static str,
}

impl KeyDetails {
    /// The details of one key.
    pub fn of(cloud: &Cloud, key: &KmsKey) -> Self {
        let pending_days = if key.state == KeyState::PendingDeletion {
            PENDING_DELETION_DAYS.to_string()
        } else {
            String::new()
        };
        Self {
            key_rotation_enabled: if key.rotation.enabled {
                "true"
            } else {
                "false"
            },
            key_usage: key.usage,
            key_type: if key.is_asymmetric() { "2" } else { "1" },
            key_id: key.id.clone(),
            key_spec: key.spec,
            origin: key.origin,
            expiration_time: String::new(),
            sys_enterprise_project_id: "0",
            default_key_flag: if key.default_key { "1" } else { "0" },
            creation_date: clock::epoch_ms(key.created),
            pending_days,
            domain_id: cloud.domain.id.clone(),
            keystore_type: "DEFAULT",
            scheduled_deletion_date: key
                .scheduled_deletion
                .map(clock::epoch_ms)
                .unwrap_or_default(),
            multi_region_key_type: "SINGLE",
            key_alias: key.alias.clone(),
            key_description: key.description.clone(),
            realm: cloud
                .project(&key.project_id)
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            keystore_id: "0",
            key_state: key.state.code(),
        }
    }
}

/// The `list-keys` answer.
#[derive(Serialize)]
pub struct KeyList {
    pub keys: Vec<String>,
    pub key_details: Vec<KeyDetails>,
    pub next_marker: String,
    /// `"true"` or `"false"`: a string, as the real API writes it.
    pub truncated: &'static str,
    pub total: usize,
}

/// The `describe-key` answer.
#[derive(Serialize)]
pub struct KeyInfo {
    pub key_info: KeyDetails,
}

/// The `get-key-rotation-status` answer: here the flag is a bool and the numbers are integers.
#[derive(Serialize)]
pub struct RotationStatus {
    pub key_rotation_enabled: bool,
    pub rotation_interval: u32,
    pub last_rotation_time: String,
    pub number_of_rotations: u32,
}
